"""A document's similarity sketch for the index: features, MinHash, LSH band keys.

The index must find exactly the candidates `audit run` would find, so
everything here is `auditor.dedup`'s own pipeline (`dedup.corpus`: the
template-free shingle set of a document, the corpus-frequent stop set, the
features, the affine32 MinHash permutations and datasketch's ``(bands,
rows)`` choice) applied with a *frozen* stop set recorded in the index,
because a signature computed against another stop set is not comparable.

Signatures are computed with the permutations stored in the index, and a
band is stored as one 64-bit integer key (`band_keys`): with the default two
rows per band the two uint32 values are packed exactly; wider bands are
folded with a multiply-xor mix, where a rare collision only adds a candidate
that verification then rejects.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from auditor.dedup.shingle import remove

_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class SketchParams:
    """What a sketch depends on; recorded in the index and compared on open."""

    n: int
    seed: int
    num_perm: int
    bands: int
    rows: int


def shingle_set(text: str, params) -> np.ndarray:
    """Sorted unique shingle hashes of a canonical text, genre template removed
    (`auditor.dedup.corpus.doc_set`, what `audit run` computes per document)."""
    from auditor.dedup.corpus import doc_set

    return doc_set(text, params)


def features(unique: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """The shingle set minus the stop set: what similarity is computed on."""
    return remove(np.asarray(unique, dtype=np.uint32), stop)


def batch_signatures(sets: list[np.ndarray], perms: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """MinHash signatures ``(len(sets), num_perm)`` of many hash sets at once.

    `auditor.dedup.minhash.signatures` with the index's stored permutations
    (so a query never imports datasketch); an empty set gives all 0xFFFFFFFF.
    """
    from auditor.dedup.minhash import signatures

    return signatures(sets, len(perms[0]), perms=perms)


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """``(docs, bands)`` int64 keys: equal key <=> (almost surely) equal band."""
    sigs = np.atleast_2d(np.asarray(sigs, dtype=np.uint32))
    if bands * rows > sigs.shape[1]:
        raise ValueError("bands * rows exceeds num_perm")
    cube = sigs[:, : bands * rows].reshape(len(sigs), bands, rows).astype(np.uint64)
    if rows == 1:
        keys = cube[:, :, 0]
    elif rows == 2:
        keys = (cube[:, :, 0] << np.uint64(32)) | cube[:, :, 1]
    else:
        keys = np.zeros(cube.shape[:2], dtype=np.uint64)
        with np.errstate(over="ignore"):
            for k in range(rows):
                keys = (keys ^ cube[:, :, k]) * _MIX
                keys ^= keys >> np.uint64(29)
    return keys.view(np.int64)


def estimate_jaccard(sig: np.ndarray, sigs: np.ndarray) -> np.ndarray:
    """MinHash Jaccard estimate of one signature against many (share of equal slots)."""
    if len(sigs) == 0:
        return np.zeros(0)
    return (np.asarray(sigs) == np.asarray(sig)[None, :]).mean(axis=1)

"""Vectorised MinHash, bit-identical to datasketch 2.0's ``affine32`` scheme.

datasketch's ``MinHash.update_batch`` with ``scheme='affine32'`` does, for a
batch of tokens: hash every token with ``hashfunc`` to a uint32, pre-mix each
value once with the 32-bit MurmurHash3 finalizer, apply ``a*h + b`` modulo
2^32 for every permutation ``(a, b)`` (``a`` odd, so each is a bijection),
and keep the column-wise minimum, starting from 0xFFFFFFFF.  The permutation
parameters come from ``np.random.RandomState(seed)`` and are read here from
``MinHash(num_perm, seed).permutations`` rather than re-derived, so a change
in how datasketch draws them cannot silently split the two.

Doing the same on the already-hashed shingles (`shingle.shingle_hashes`)
skips the per-token Python loop, which is most of ``update_batch``'s cost.
The ``(num_perm x tokens)`` product is computed in blocks of ``block`` tokens
so a very long report does not allocate a huge temporary (data-juicer #1034).
`to_lean` wraps a signature as a ``LeanMinHash`` that datasketch's LSH
indexes and ``jaccard`` accept.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import LeanMinHash

# datasketch is imported inside the functions that need it: importing it pulls
# in scipy (~1 s), which a CI gate checking one report cannot afford at start-up.

SCHEME = "affine32"
MAX_HASH = np.uint32(0xFFFFFFFF)
DEFAULT_BLOCK = 2048
DEFAULT_BATCH = 8192  # tokens per batch in `signatures`: a 4 MB product at 128 permutations (cache-sized)


@lru_cache(maxsize=8)
def permutations(num_perm: int = 128, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters ``(a, b)`` as uint32 arrays."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    a = np.ascontiguousarray(a, dtype=np.uint32)
    b = np.ascontiguousarray(b, dtype=np.uint32)
    a.flags.writeable = False
    b.flags.writeable = False
    return a, b


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, the pre-mix datasketch applies once per token."""
    h = np.asarray(h, dtype=np.uint32)
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint32(16))
        h = h * np.uint32(0x85EBCA6B)
        h = h ^ (h >> np.uint32(13))
        h = h * np.uint32(0xC2B2AE35)
        return h ^ (h >> np.uint32(16))


def signature(
    hashes: np.ndarray,
    num_perm: int = 128,
    seed: int = 1,
    block: int = DEFAULT_BLOCK,
    perms: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """MinHash signature (uint32, length num_perm) of a set of token hashes.

    Duplicates in ``hashes`` do not matter (min is idempotent).  An empty set
    gives all 0xFFFFFFFF, datasketch's empty sketch.  ``perms`` passes
    `permutations` saved earlier (the corpus index stores them), which
    spares the datasketch import.
    """
    a, b = perms if perms is not None else permutations(num_perm, seed)
    sig = np.full(num_perm, MAX_HASH, dtype=np.uint32)
    hv = fmix32(np.asarray(hashes, dtype=np.uint32).ravel())
    if hv.size == 0:
        return sig
    a2, b2 = a[:, None], b[:, None]
    buf = np.empty((num_perm, min(block, hv.size)), dtype=np.uint32)  # reused: no temporaries
    for start in range(0, hv.size, block):
        chunk = hv[None, start : start + block]
        out = buf[:, : chunk.shape[1]]
        np.multiply(a2, chunk, out=out)  # uint32 arrays wrap silently: mod 2^32
        np.add(out, b2, out=out)
        np.minimum(sig, out.min(axis=1), out=sig)
    return sig


def signatures(
    sets: Sequence[np.ndarray],
    num_perm: int = 128,
    seed: int = 1,
    block: int = DEFAULT_BATCH,
    perms: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Signatures of many sets as a ``(len(sets), num_perm)`` uint32 matrix.

    Whole documents are batched until ``block`` tokens: one ``(num_perm x
    tokens)`` product per batch and ``np.minimum.reduceat`` at the document
    boundaries, so the per-document Python overhead (a third of the time for
    a few hundred features) is paid once per batch.  Same values as
    `signature` for each set; a set bigger than ``block`` goes through it.
    """
    a, b = perms if perms is not None else permutations(num_perm, seed)
    num_perm = len(a)
    out = np.full((len(sets), num_perm), MAX_HASH, dtype=np.uint32)
    sizes = np.fromiter((len(s) for s in sets), dtype=np.int64, count=len(sets))
    big = np.flatnonzero(sizes > block)
    for i in big.tolist():
        out[i] = signature(sets[i], num_perm, seed, perms=(a, b))
    docs = np.flatnonzero((sizes > 0) & (sizes <= block))
    if docs.size == 0:
        return out
    hv = fmix32(np.concatenate([np.asarray(sets[i], dtype=np.uint32).ravel() for i in docs.tolist()]))
    ends = np.cumsum(sizes[docs])
    starts = ends - sizes[docs]
    a2, b2 = a[:, None], b[:, None]
    buf = np.empty((num_perm, block), dtype=np.uint32)
    lo_doc = 0
    while lo_doc < docs.size:
        hi_doc = max(int(np.searchsorted(ends, starts[lo_doc] + block, side="right")), lo_doc + 1)
        lo, hi = int(starts[lo_doc]), int(ends[hi_doc - 1])
        prod = buf[:, : hi - lo]
        np.multiply(a2, hv[None, lo:hi], out=prod)  # uint32 wraps: mod 2^32
        np.add(prod, b2, out=prod)
        out[docs[lo_doc:hi_doc]] = np.minimum.reduceat(prod, starts[lo_doc:hi_doc] - lo, axis=1).T
        lo_doc = hi_doc
    return out


def to_lean(sig: np.ndarray, seed: int = 1) -> LeanMinHash:
    """Wrap a signature for datasketch (LSH indexes, ``jaccard``, serialisation)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=seed, hashvalues=np.asarray(sig, dtype=np.uint32), scheme=SCHEME)


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Share of equal signature positions: the MinHash Jaccard estimate."""
    return float(np.count_nonzero(np.asarray(sig_a) == np.asarray(sig_b))) / len(sig_a)

"""Candidate pairs: LSH banding over MinHash signatures, done in numpy.

Why our own banding instead of ``datasketch.MinHashLSH``: the signatures are
already one ``(docs x num_perm)`` uint32 matrix, so a band is a column slice
whose rows can be grouped with one ``np.unique`` -- no per-document Python
inserts and queries, and the output is a sorted array, deterministic by
construction.  The ``(b, r)`` choice is datasketch's own ``_optimal_param``
(minimise the weighted false-positive/false-negative areas of the S-curve
``1-(1-s^r)^b``), so the behaviour matches a ``MinHashLSH`` built with the same
threshold and weights.  The default weights favour recall (datasketch #105,
#140: LSH returns candidates, not answers): every candidate is verified
exactly afterwards and a false positive costs a few microseconds.  With the
defaults (threshold 0.3, weights 0.01/0.99, 128 permutations) that is 59
bands of 2 rows: a pair at Jaccard 0.3 -- the lowest similarity DUP001
reports -- becomes a candidate with probability 0.996, at 0.4 with 0.9999,
an unrelated pair at 0.02 with 0.02 (boilerplate removal keeps unrelated
reports far below that: median Jaccard ~0.002 on the benchmark corpus).

Both joins are group-bys (`group_pairs`): documents sharing a band key, or a
sampled shingle, are paired within their group, vectorised by group size;
the Dask engine runs the same banding as a distributed shuffle.

Containment path: a short report pasted whole into a long one has
containment ~1 but Jaccard only ``|short|/|long|``, which a 0.3-threshold
banding misses.  The options weighed:

* a second, lower-threshold banding: the Jaccard of a ``t``-contained pair
  with size ratio ``rho`` is ``t / (1 + rho - t)``, 0.11 for t=0.5, rho=4;
  at such thresholds 128 permutations allow at most 64 two-row bands, whose
  S-curve gives only ~55% recall there (and any lower r pairs everything);
* ``MinHashLSHEnsemble`` (size-partitioned, the principled answer): indexing
  1,000 reports takes ~17 s here (one MinHashLSH per partition and r);
* **chosen**: an inverted index over a content-defined sample of the
  shingles (those whose hash is 0 modulo ``sample_mod``, as MOSS/winnowing
  select fingerprints).  The same shingle is sampled in every document, so
  shared samples / samples of the smaller document estimates its
  containment directly, at any size ratio, with no S-curve.  Postings longer
  than ``max_posting`` are skipped so that genre phrases the template missed
  cannot make the pair count quadratic; big clusters of mutual copies are
  similar as wholes and come from the Jaccard banding anyway.

`find_pairs` also compares small corpora exhaustively (`all_pairs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

_PAIR_DTYPE = np.int64


@lru_cache(maxsize=64)
def lsh_params(threshold: float, num_perm: int = 128, weights: tuple[float, float] = (0.1, 0.9)) -> tuple[int, int]:
    """``(bands, rows)`` for a Jaccard threshold, as datasketch's MinHashLSH picks them."""
    from datasketch.lsh import _optimal_param  # private but pinned (datasketch>=2.0,<2.1)

    if not 0.0 < threshold < 1.0:
        raise ValueError("threshold must be in (0, 1)")
    b, r = _optimal_param(threshold, num_perm, weights[0], weights[1])
    return int(b), int(r)


def group_pairs(group: np.ndarray, members: np.ndarray, n_docs: int, max_group: int | None = None) -> np.ndarray:
    """Pair codes ``i*n_docs + j`` (i < j) of documents sharing a group id.

    ``group`` and ``members`` are parallel arrays (one row per membership).
    Vectorised by group size: all groups of k members become one
    ``(groups, k)`` matrix whose upper-triangle columns are the pairs, so a
    million two-member buckets cost one numpy call, not a million.  Groups
    larger than ``max_group`` are skipped.  The codes are unsorted and may
    repeat (a pair sharing several groups).
    """
    if group.size < 2:
        return np.zeros(0, dtype=_PAIR_DTYPE)
    order = np.lexsort((members, group))
    g, m = group[order], members[order].astype(_PAIR_DTYPE)
    starts = np.flatnonzero(np.concatenate([[True], g[1:] != g[:-1]]))
    sizes = np.diff(np.append(starts, g.size))
    keep = sizes >= 2 if max_group is None else (sizes >= 2) & (sizes <= max_group)
    out = []
    for k in np.unique(sizes[keep]).tolist():
        rows = m[starts[sizes == k][:, None] + np.arange(k)]  # (groups, k), members ascending
        ii, jj = np.triu_indices(k, 1)
        out.append((rows[:, ii] * n_docs + rows[:, jj]).ravel())
    return np.concatenate(out) if out else np.zeros(0, dtype=_PAIR_DTYPE)


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """``(docs, bands)`` uint64 keys: a band's ``rows`` signature values as one number.

    Two rows of uint32 pack exactly into 64 bits; wider bands are folded with
    a multiply-xor mix (a rare collision only adds a candidate that exact
    verification rejects).
    """
    n_docs, num_perm = sigs.shape
    if bands * rows > num_perm:
        raise ValueError("bands * rows exceeds num_perm")
    v = sigs[:, : bands * rows].astype(np.uint64).reshape(n_docs, bands, rows)
    if rows == 1:
        return v[:, :, 0]
    if rows == 2:
        return (v[:, :, 0] << np.uint64(32)) | v[:, :, 1]
    key = v[:, :, 0]
    with np.errstate(over="ignore"):
        for r in range(1, rows):
            key = (key * np.uint64(0x9E3779B97F4A7C15)) ^ v[:, :, r]
    return key


def band_pairs(sigs: np.ndarray, bands: int, rows: int, active: np.ndarray | None = None) -> np.ndarray:
    """Pairs of documents that agree on all ``rows`` values of at least one band.

    Returns an ``(k, 2)`` int64 array of ``(i, j)``, ``i < j``, sorted and
    unique.  ``active`` (bool per doc) leaves documents out, e.g. those with
    an empty feature set, whose all-0xFFFFFFFF signatures would all collide.
    """
    n_docs = sigs.shape[0]
    docs = np.arange(n_docs) if active is None else np.flatnonzero(active)
    if len(docs) < 2:
        return np.zeros((0, 2), dtype=_PAIR_DTYPE)
    keys = band_keys(sigs[docs], bands, rows)
    codes = []
    for k in range(bands):
        _, group = np.unique(keys[:, k], return_inverse=True)
        codes.append(group_pairs(group.ravel(), docs, n_docs))
    return codes_to_pairs(np.concatenate(codes), n_docs)


def codes_to_pairs(codes: np.ndarray, n_docs: int) -> np.ndarray:
    """Sorted unique ``(i, j)`` rows from pair codes ``i*n_docs + j``."""
    allc = np.unique(codes) if codes.size else np.zeros(0, dtype=_PAIR_DTYPE)
    return np.stack([allc // n_docs, allc % n_docs], axis=1).astype(_PAIR_DTYPE)


def all_pairs(n_docs: int, active: np.ndarray | None = None) -> np.ndarray:
    """Every pair of (active) documents, sorted: the exhaustive fallback."""
    docs = np.arange(n_docs) if active is None else np.flatnonzero(active)
    ii, jj = np.triu_indices(len(docs), 1)
    return np.stack([docs[ii], docs[jj]], axis=1).astype(_PAIR_DTYPE)


def containment_pairs(
    features: Sequence[np.ndarray],
    containment: float = 0.5,
    sample_mod: int = 8,
    max_posting: int | None = None,
    slack: float = 0.6,
    active: np.ndarray | None = None,
) -> np.ndarray:
    """Pairs whose sampled shingles suggest containment >= ``slack * containment``.

    ``features`` are the sorted boilerplate-free shingle sets.  A pair is a
    candidate when it shares at least 2 sampled shingles and at least
    ``slack * containment`` of the smaller document's samples (the slack
    absorbs sampling noise; candidates are verified exactly afterwards).
    ``max_posting`` defaults to ``max(64, 5% of the documents)``.
    """
    n_docs = len(features)
    mod = np.uint32(sample_mod)
    docs = range(n_docs) if active is None else np.flatnonzero(active)
    samples = {k: features[k][features[k] % mod == 0] for k in map(int, docs)}
    n_samples = np.zeros(n_docs, dtype=np.int64)
    for k, fp in samples.items():
        n_samples[k] = len(fp)
    if not samples or n_samples.sum() == 0:
        return np.zeros((0, 2), dtype=_PAIR_DTYPE)
    hashes = np.concatenate(list(samples.values()))
    owner = np.concatenate([np.full(len(fp), i, dtype=_PAIR_DTYPE) for i, fp in samples.items()])
    cap = max_posting if max_posting is not None else max(64, n_docs // 20)
    codes = group_pairs(hashes, owner, n_docs, cap)
    if codes.size == 0:
        return np.zeros((0, 2), dtype=_PAIR_DTYPE)
    pair_codes, shared = np.unique(codes, return_counts=True)
    i, j = pair_codes // n_docs, pair_codes % n_docs
    smaller = np.minimum(n_samples[i], n_samples[j])
    keep = (shared >= 2) & (shared >= slack * containment * smaller)
    return np.stack([i[keep], j[keep]], axis=1)


def candidate_pairs(
    sigs: np.ndarray,
    features: Sequence[np.ndarray],
    jaccard_threshold: float = 0.3,
    containment: float = 0.5,
    weights: tuple[float, float] = (0.1, 0.9),
    sample_mod: int = 8,
    active: np.ndarray | None = None,
) -> np.ndarray:
    """Union of the Jaccard banding and the containment index (sorted ``(k, 2)``).

    Documents with an empty feature set (or ``active`` False) are never
    candidates: their all-0xFFFFFFFF signatures would all collide.
    """
    num_perm = sigs.shape[1]
    if active is None:
        active = np.array([len(f) > 0 for f in features], dtype=bool)
    b, r = lsh_params(jaccard_threshold, num_perm, weights)
    found = np.concatenate(
        [band_pairs(sigs, b, r, active), containment_pairs(features, containment, sample_mod, active=active)]
    )
    if len(found) == 0:
        return found.reshape(0, 2)
    return np.unique(found, axis=0)

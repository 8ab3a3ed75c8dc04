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
exactly afterwards and a false positive costs a few microseconds.

Containment path: a short report pasted whole into a long one has
containment ~1 but Jaccard only ``|short|/|long|``, which a 0.3-threshold
banding misses.  For containment ``t`` of the smaller set and a size ratio
``rho = |large|/|small|`` the Jaccard is at least ``t / (1 + rho - t)``, so a
second banding at that (much lower) threshold catches such pairs up to
``max_size_ratio``.  This is LSH Ensemble's idea with a single size
partition: ``MinHashLSHEnsemble`` would handle any size ratio, but indexing
1,000 reports into it takes ~17 s here (it builds one MinHashLSH per
partition and r), against milliseconds for a second numpy banding.  Pairs
beyond ``max_size_ratio`` are still found when the corpus is small enough to
compare exhaustively (`all_pairs`, used by `find_pairs` below
``exhaustive_below`` documents).
"""

from __future__ import annotations

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


def containment_threshold(containment: float, max_size_ratio: float) -> float:
    """Lowest Jaccard of two sets where the smaller is ``containment``-contained
    in a set up to ``max_size_ratio`` times its size."""
    return containment / (1.0 + max_size_ratio - containment)


def _pairs_from_groups(group: np.ndarray, members: np.ndarray, n_docs: int) -> np.ndarray:
    """Pair codes ``i*n_docs + j`` (i < j) for docs sharing a group id."""
    order = np.lexsort((members, group))
    g, m = group[order], members[order]
    bounds = np.flatnonzero(np.diff(g)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(g)]])
    out = []
    for s, e in zip(starts[(ends - starts) > 1], ends[(ends - starts) > 1]):
        idx = m[s:e]
        ii, jj = np.triu_indices(len(idx), 1)
        out.append(idx[ii].astype(_PAIR_DTYPE) * n_docs + idx[jj])
    return np.concatenate(out) if out else np.zeros(0, dtype=_PAIR_DTYPE)


def band_pairs(sigs: np.ndarray, bands: int, rows: int, active: np.ndarray | None = None) -> np.ndarray:
    """Pairs of documents that agree on all ``rows`` values of at least one band.

    Returns an ``(k, 2)`` int64 array of ``(i, j)``, ``i < j``, sorted and
    unique.  ``active`` (bool per doc) leaves documents out, e.g. those with
    an empty feature set, whose all-0xFFFFFFFF signatures would all collide.
    """
    n_docs, num_perm = sigs.shape
    if bands * rows > num_perm:
        raise ValueError("bands * rows exceeds num_perm")
    docs = np.arange(n_docs) if active is None else np.flatnonzero(active)
    if len(docs) < 2:
        return np.zeros((0, 2), dtype=_PAIR_DTYPE)
    codes = []
    sub = sigs[docs]
    for k in range(bands):
        band = np.ascontiguousarray(sub[:, k * rows : (k + 1) * rows])
        keys = band.view(np.dtype((np.void, band.dtype.itemsize * rows))).ravel()
        _, group = np.unique(keys, return_inverse=True)
        codes.append(_pairs_from_groups(group.ravel(), docs, n_docs))
    allc = np.unique(np.concatenate(codes)) if codes else np.zeros(0, dtype=_PAIR_DTYPE)
    return np.stack([allc // n_docs, allc % n_docs], axis=1)


def all_pairs(n_docs: int, active: np.ndarray | None = None) -> np.ndarray:
    """Every pair of (active) documents, sorted: the exhaustive fallback."""
    docs = np.arange(n_docs) if active is None else np.flatnonzero(active)
    ii, jj = np.triu_indices(len(docs), 1)
    return np.stack([docs[ii], docs[jj]], axis=1).astype(_PAIR_DTYPE)


def candidate_pairs(
    sigs: np.ndarray,
    sizes: np.ndarray,
    jaccard_threshold: float = 0.3,
    containment: float = 0.5,
    max_size_ratio: float = 4.0,
    weights: tuple[float, float] = (0.1, 0.9),
    containment_weights: tuple[float, float] = (0.5, 0.5),
) -> np.ndarray:
    """Union of the Jaccard banding and the containment banding (sorted ``(k, 2)``).

    ``sizes`` are the feature-set sizes; documents with an empty set are never
    candidates.  The containment banding uses balanced weights: at its low
    threshold recall-heavy weights would pick one-row bands, i.e. nearly every
    pair of same-genre reports.
    """
    num_perm = sigs.shape[1]
    active = np.asarray(sizes) > 0
    b1, r1 = lsh_params(jaccard_threshold, num_perm, weights)
    found = [band_pairs(sigs, b1, r1, active)]
    t2 = containment_threshold(containment, max_size_ratio)
    if t2 < jaccard_threshold:
        b2, r2 = lsh_params(round(t2, 4), num_perm, containment_weights)
        if (b2, r2) != (b1, r1):
            found.append(band_pairs(sigs, b2, r2, active))
    allp = np.concatenate(found)
    if len(allp) == 0:
        return allp
    return np.unique(allp, axis=0)

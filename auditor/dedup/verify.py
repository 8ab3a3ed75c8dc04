"""Exact similarity of candidate pairs.

LSH only proposes pairs; the scores we report are exact, computed on the
boilerplate-free shingle sets (sorted unique uint32 arrays), so a reported
0.92 means 92% and not "an estimate near 0.92" (datasketch #105, #159).

* Jaccard ``|A∩B| / |A∪B|``: "the same report".
* containment ``|A∩B| / |A|`` and ``|A∩B| / |B|``: "A is (mostly) inside B",
  the measure that survives a short report pasted into a long one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Similarity:
    i: int
    j: int
    shared: int
    jaccard: float
    containment_ab: float  # share of i's set found in j
    containment_ba: float

    @property
    def containment(self) -> float:
        return max(self.containment_ab, self.containment_ba)


def shared_count(a: np.ndarray, b: np.ndarray) -> int:
    """``|a ∩ b|`` of two sorted unique arrays (binary search of the smaller in the larger)."""
    if a.size > b.size:
        a, b = b, a
    if a.size == 0:
        return 0
    at = np.searchsorted(b, a)
    at[at == b.size] = 0
    return int(np.count_nonzero(b[at] == a))


def similarity(a: np.ndarray, b: np.ndarray, i: int = 0, j: int = 1) -> Similarity:
    """Exact Jaccard and both containments of two sorted unique hash arrays."""
    na, nb = len(a), len(b)
    if na == 0 or nb == 0:
        return Similarity(i, j, 0, 0.0, 0.0, 0.0)
    shared = shared_count(a, b)
    union = na + nb - shared
    return Similarity(i, j, shared, shared / union, shared / na, shared / nb)


def verify_pairs(features: list[np.ndarray], pairs: np.ndarray) -> list[Similarity]:
    """`similarity` for every ``(i, j)`` row of ``pairs``, in the same order."""
    return [similarity(features[i], features[j], i, j) for i, j in pairs.tolist()]

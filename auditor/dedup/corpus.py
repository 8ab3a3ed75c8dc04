"""Duplicate detection from per-document shingle sets: the path that scales.

`find_pairs` holds every document's view and positional shingles at once,
which is fine for a few thousand reports and not for 100,000 (~40 KB each).
Here the work is split by what it needs:

1. per document, anywhere (a worker process, a Dask task): `shingle_set` --
   sorted unique shingle hashes minus the genre template (~2-6 KB);
2. corpus-wide, once: `stop_hashes` (exact document frequencies) and
   `features` (each set minus the frequent shingles); `verify_stop_hashes`
   is the smaller stop set that verification uses in a large corpus;
3. per document again: `sketch` -- the MinHash signature of the features;
4. corpus-wide: `candidates` (LSH banding joined with a sampled containment
   index) and `verify` (exact Jaccard and containment of every candidate);
5. per verified pair: `align` -- which needs the two texts, rebuilt on
   demand, so only documents that are in a pair ever have a view in memory.

`find_pairs` runs these same functions in one process, so the in-memory API
and `audit run --jobs N` / `--engine dask` report identical pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import Pair
from .align import AlignParams, align
from .candidates import all_pairs, band_pairs, codes_to_pairs, containment_pairs, lsh_params
from .minhash import signatures
from .shingle import DocShingles, df_limit, frequent_hashes, frequent_hashes_many, remove, shingle_set, stop_hashes, template_hashes, union
from .verify import Similarity, verify_pairs

if TYPE_CHECKING:
    from .params import DedupParams

__all__ = ["shingle_set", "stop_hashes", "verify_stop_hashes", "stop_sets", "features", "sketch", "candidates", "verify", "similar", "align_pairs"]

BandJoin = Callable[[np.ndarray, int, int, np.ndarray], np.ndarray]


def verify_stop_hashes(sets: Sequence[np.ndarray], params: DedupParams, frequent: np.ndarray) -> np.ndarray:
    """The shingles too common to count even when a candidate pair is scored.

    Candidates come from the rarest shingles (`stop_hashes`: at most
    ``max_df_docs`` documents), which keeps their number proportional to the
    copies.  Scoring a candidate on those alone undercounts a large corpus:
    at 100,000 reports a phrase in 300 of them is no formula, yet it is
    dropped, and a name-changed copy of another organ's report falls below
    the thresholds (benchmark recall 0.86).  A candidate is therefore scored
    on every shingle in at most ``verify_df_share`` of the documents -- the
    share that ``max_df_docs`` is of 10,000 reports, where both agree.
    ``frequent`` is returned as it is when the two limits coincide.
    """
    share = _verify_share(params, len(sets))
    if share is None:
        return frequent
    return frequent_hashes(sets, params.max_df, params.min_docs_for_df, params.max_df_docs, share)


def _verify_share(params: DedupParams, n_docs: int) -> float | None:
    """The ``max_df_share`` of the scoring stop set, or None when it is the candidate stop set."""
    share = params.verify_df_share
    if share is None or params.max_df_docs is None or share * n_docs <= params.max_df_docs:
        return None
    return max(share, params.max_df_share or 0.0)


def stop_sets(sets: Sequence[np.ndarray], params: DedupParams) -> tuple[np.ndarray, np.ndarray]:
    """`stop_hashes` and `verify_stop_hashes` of the same sets, counted once (the
    scoring set is the candidate set itself, the same object, when they coincide)."""
    n, share = len(sets), _verify_share(params, len(sets))
    limits = [df_limit(n, params.max_df, params.max_df_docs, params.max_df_share)]
    if share is not None:
        limits.append(df_limit(n, params.max_df, params.max_df_docs, share))
    found = frequent_hashes_many(sets, limits, params.min_docs_for_df)
    return found[0], found[-1]  # one array for both when the limits coincide


def features(sets: Sequence[np.ndarray], frequent: np.ndarray) -> list[np.ndarray]:
    """Each set minus the frequent shingles: what similarity is computed on."""
    return [remove(s, frequent) for s in sets]


def active_mask(feats: Sequence[np.ndarray], params: DedupParams) -> np.ndarray:
    """Documents with enough own text to be compared at all.

    A stub ("见附件") or a report that is nothing but formulas has too little
    own text to call a copy; comparing such documents would pair them all.
    """
    sizes = np.fromiter((len(f) for f in feats), dtype=np.int64, count=len(feats))
    return sizes >= max(params.min_features, 1)


def sketch(feats: Sequence[np.ndarray], params: DedupParams, perms: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """MinHash signatures ``(docs, num_perm)`` of the features (``perms``: `minhash.permutations`, if at hand)."""
    return signatures(feats, params.num_perm, params.seed, perms=perms)


def candidates(
    sigs: np.ndarray | None,
    feats: Sequence[np.ndarray],
    params: DedupParams,
    active: np.ndarray,
    band_join: BandJoin | None = None,
) -> np.ndarray:
    """Sorted unique ``(i, j)`` pairs to verify.

    Below ``exhaustive_below`` documents every active pair; above, the union
    of LSH banding (Jaccard) and the sampled containment index.
    ``band_join(sigs, bands, rows, active)`` may replace the in-process
    banding (the Dask engine joins band keys as a distributed group-by).
    """
    n = len(feats)
    if n < params.exhaustive_below:
        return all_pairs(n, active)
    assert sigs is not None, "a corpus of exhaustive_below documents or more is banded on its signatures"
    b, r = lsh_params(params.lsh_threshold, params.num_perm, tuple(params.lsh_weights))
    banded = (band_join or band_pairs)(sigs, b, r, active)
    contained = containment_pairs(feats, params.min_containment, params.containment_sample, active=active)
    both = np.concatenate([banded, contained])
    return codes_to_pairs(both[:, 0] * n + both[:, 1], n) if both.size else both.reshape(0, 2)


def verify(feats: Sequence[np.ndarray], pairs: np.ndarray, params: DedupParams) -> list[Similarity]:
    """Exact scores of the candidates; those at or above a reporting threshold."""
    return [
        s
        for s in verify_pairs(list(feats), pairs)
        if s.jaccard >= params.min_jaccard or s.containment >= params.min_containment
    ]


def similar(
    feats: Sequence[np.ndarray],
    params: DedupParams,
    sigs: np.ndarray | None = None,
    band_join: BandJoin | None = None,
    verify_feats: Sequence[np.ndarray] | None = None,
) -> list[Similarity]:
    """Verified similar pairs of a corpus given as feature sets, sorted by (i, j).

    ``verify_feats`` (the sets minus `verify_stop_hashes`) score the
    candidates when given; ``feats`` otherwise.
    """
    active = active_mask(feats, params)
    if sigs is None and len(feats) >= params.exhaustive_below:
        sigs = sketch(feats, params)
    scored = feats if verify_feats is None else verify_feats
    return verify(scored, candidates(sigs, feats, params, active, band_join), params)


def align_pairs(
    sims: Sequence[Similarity],
    ids: Sequence[str],
    text_of: Callable[[int], str],
    stop: np.ndarray,
    params: DedupParams,
    shingled: dict[int, DocShingles] | None = None,
) -> list[Pair]:
    """Passages of every verified pair; each document's view is built once.

    ``text_of(i)`` gives document i's canonical text; ``stop`` is the template
    and the frequent shingles (the boilerplate a passage is measured against).
    """
    aparams = AlignParams(n=params.n, min_passage_chars=params.min_passage_chars, max_gap=params.max_gap)
    cache: dict[int, DocShingles] = {} if shingled is None else shingled
    last_use: dict[int, int] = {}
    for k, s in enumerate(sims):  # when each document is needed for the last time
        last_use[s.i] = last_use[s.j] = k
    out = []
    for k, s in enumerate(sims):
        for d in (s.i, s.j):
            if d not in cache:
                cache[d] = DocShingles.build(ids[d], text_of(d), params.n, params.seed)
        passages = align(cache[s.i], cache[s.j], text_of(s.i), text_of(s.j), stop, aparams)
        out.append(Pair(ids[s.i], ids[s.j], s.jaccard, s.containment_ab, s.containment_ba, "", passages))
        if shingled is None:
            for d in (s.i, s.j):
                if last_use[d] == k:
                    cache.pop(d, None)
    return out


def full_stop(frequent: np.ndarray, params: DedupParams) -> np.ndarray:
    """Template ∪ frequent: every shingle that is boilerplate in this corpus."""
    return union(template_hashes(params.n, params.seed), frequent)


def template(params: DedupParams) -> np.ndarray:
    return template_hashes(params.n, params.seed)


def doc_set(text: str, params: DedupParams) -> np.ndarray:
    """`shingle_set` of one canonical text with these parameters."""
    return shingle_set(text, params.n, params.seed, template(params))

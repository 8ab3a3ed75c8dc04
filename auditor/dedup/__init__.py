"""Near-duplicate detection: which reports copy which, and where.

Pipeline (one module per step):

``views``      canonical text -> matching view (CJK, letters, digit runs masked)
``shingle``    view -> hashed character n-grams; genre template and
               corpus-frequent shingles removed (`ShingleSet`)
``minhash``    shingle sets -> MinHash signatures (datasketch affine32, in numpy)
``candidates`` signatures -> candidate pairs (LSH banding + containment banding)
``verify``     exact Jaccard and containments of every candidate
``align``      shared passages with offsets in both documents and the edits

`find_pairs` runs them all.  Pairs come back unclassified (``relation=""``):
whether two documents share an agency is for the caller to say.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np

from ..model import Pair
from .align import AlignParams, align
from .candidates import all_pairs, candidate_pairs
from .minhash import signatures
from .shingle import ShingleSet
from .verify import Similarity, verify_pairs

__all__ = ["DedupParams", "find_pairs", "find_similar", "ShingleSet"]


@dataclass(frozen=True)
class DedupParams:
    """Every knob of the duplicate detector (recorded with the results).

    Reporting thresholds, measured on the seed compilation (5 parts): the
    copied 2012 summary vs the 2009 summary scores Jaccard 0.95; the 2009
    report vs the 2009 summary (same agency, re-worded with many shared
    passages) Jaccard ~0.34 / containment ~0.6; unrelated reports of other
    agencies stay below 0.03 after boilerplate removal.  ``min_jaccard=0.3``
    or ``min_containment=0.5`` separates these with a wide margin; the
    severity of a reported pair is for the rule to decide.
    """

    n: int = 5  # shingle length in view characters
    num_perm: int = 128
    seed: int = 1  # MinHash permutations and shingle hash seed
    lsh_threshold: float = 0.3  # Jaccard banding threshold
    lsh_weights: tuple[float, float] = (0.1, 0.9)  # (false positive, false negative) weights
    min_jaccard: float = 0.3  # report a verified pair at or above this Jaccard ...
    min_containment: float = 0.5  # ... or this containment (either direction)
    max_size_ratio: float = 4.0  # containment banding guaranteed up to this size ratio
    max_df: float = 0.3
    min_docs_for_df: int = 20
    min_passage_chars: int = 30  # in view characters
    max_gap: int = 32  # view characters bridged inside one passage
    exhaustive_below: int = 100  # corpora smaller than this verify every pair exactly

    def as_dict(self) -> dict:
        return asdict(self)


def find_similar(shingles: ShingleSet, params: DedupParams) -> list[Similarity]:
    """Verified similar pairs of a shingled corpus, sorted by (i, j)."""
    feats = shingles.features
    sizes = np.array([len(f) for f in feats], dtype=np.int64)
    if len(feats) < params.exhaustive_below:
        pairs = all_pairs(len(feats), sizes > 0)
    else:
        sigs = signatures(feats, params.num_perm, params.seed)
        pairs = candidate_pairs(
            sigs,
            sizes,
            params.lsh_threshold,
            params.min_containment,
            params.max_size_ratio,
            params.lsh_weights,
        )
    return [
        s
        for s in verify_pairs(feats, pairs)
        if s.jaccard >= params.min_jaccard or s.containment >= params.min_containment
    ]


def find_pairs(docs: Sequence[tuple[str, str]], params: DedupParams | None = None) -> list[Pair]:
    """Pairs of documents that largely repeat each other, with their shared passages.

    ``docs`` are ``(doc_id, canonical_text)``.  A returned pair has ``a``
    before ``b`` in input order; pairs are sorted by that order.  Same input,
    same output: no randomness beyond the fixed seeds.
    """
    params = params or DedupParams()
    shingles = ShingleSet.build(
        docs, n=params.n, seed=params.seed, max_df=params.max_df, min_docs_for_df=params.min_docs_for_df
    )
    aparams = AlignParams(n=params.n, min_passage_chars=params.min_passage_chars, max_gap=params.max_gap)
    out = []
    for s in find_similar(shingles, params):
        (id_a, text_a), (id_b, text_b) = docs[s.i], docs[s.j]
        passages = align(shingles.docs[s.i], shingles.docs[s.j], text_a, text_b, shingles.stop, aparams)
        out.append(Pair(id_a, id_b, s.jaccard, s.containment_ab, s.containment_ba, "", passages))
    return out

"""Every knob of the duplicate detector, in a module of its own.

Kept apart from `auditor.dedup` so that the stages (`shingle`, `corpus`)
can take their parameters without importing the package that imports them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class DedupParams:
    """Every knob of the duplicate detector (record it with the results).

    Reporting thresholds, measured on the seed compilation (5 parts, exact
    scores on boilerplate-free 5-shingles):

    * part 3 (2012 summary) copies part 2 (2009 summary): Jaccard 0.913,
      containment 0.93 / 0.98;
    * part 1 (2009 report) vs part 2 / part 3 (2009 summary and its copy),
      same agency, re-worded with shared passages and changed figures:
      Jaccard 0.30 / 0.26, containment 0.57 / 0.53 (of the summary in the report);
    * every pair involving the two other agencies (parts 4, 5): Jaccard
      <= 0.016, containment <= 0.038.

    On 56 real report openings (corpus/real) the highest other-agency scores
    are Jaccard ~0.2 / containment ~0.33 (same city, shared local formulas)
    and the median is Jaccard 0.003.  ``min_jaccard=0.2`` or
    ``min_containment=0.35`` keeps all seed relations and also the pairs in
    which only some sections were copied (whole-document Jaccard 0.2-0.4,
    DUP002 judges where the shared passages lie); how serious a reported pair
    is belongs to the rules, not here.

    Candidates (corpora of ``exhaustive_below`` documents and more): the
    banding is datasketch's optimum for Jaccard 0.3 with weights 0.01/0.99,
    59 bands of 2 rows, which finds a pair at Jaccard 0.3 -- the lowest
    similarity DUP001 reports -- with probability 0.996 (0.9999 at 0.4);
    pairs only similar by containment (>= 0.5) come from the sampled
    containment index.  A shingle in more than ``max_df`` of the documents
    *or in more than ``max_df_docs`` documents* is boilerplate (see
    `shingle.frequent_hashes`): this is what keeps honest reports of one
    format year from all looking a little alike and the candidate pairs from
    growing with N²; it also means a template copied by more organs than that
    is treated as a formula.  Below 334 documents the relative threshold is
    the smaller one and nothing changes.  Measured on the benchmark corpus
    (benchmarks/RESULTS.md): at 100,000 reports the fixed cap of 100 also
    removes phrases a name-changed copy shares with its source (duplicate
    recall 0.86 there, 0.997 at 10,000); a cap growing with N
    (``max_df_share=0.01``) keeps them but made the candidate join quadratic
    again and the 100,000-report run was killed for memory (23 GB).  Hence
    two stop sets: candidates come from the shingles in at most 100
    documents, and each candidate is then *scored* on the shingles in at
    most ``verify_df_share`` (1%) of them -- at 100,000 reports recall 0.997
    and precision 1.0 on the same 313,000 candidates; identical below 10,000.
    """

    n: int = 5  # shingle length in view characters
    num_perm: int = 128
    seed: int = 1  # MinHash permutations and shingle hash seed
    lsh_threshold: float = 0.3  # Jaccard banding threshold
    lsh_weights: tuple[float, float] = (0.01, 0.99)  # (false positive, false negative) weights: 59 bands x 2 rows
    min_jaccard: float = 0.2  # report a verified pair at or above this Jaccard ...
    min_containment: float = 0.35  # ... or this containment (either direction)
    containment_sample: int = 8  # containment index keeps 1 shingle in this many (by hash)
    max_df: float = 0.3
    max_df_docs: int | None = 100  # ... or in more than this many documents: a formula, not a copy ...
    max_df_share: float | None = None  # ... or, if set, in more than this share of them (see below)
    verify_df_share: float | None = 0.01  # candidates are scored on shingles in up to this share (see corpus.verify_stop_hashes)
    min_docs_for_df: int = 20
    min_passage_chars: int = 30  # in view characters
    max_gap: int = 32  # view characters bridged inside one passage
    exhaustive_below: int = 100  # corpora smaller than this verify every pair exactly
    min_features: int = 20  # documents with fewer boilerplate-free shingles are not compared

    def as_dict(self) -> dict:
        return asdict(self)

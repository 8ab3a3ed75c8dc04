"""Near-duplicate detection: which reports copy which, and where.

Pipeline (one module per step):

``views``      canonical text -> matching view (CJK, letters, digit runs masked)
``shingle``    view -> hashed character n-grams; genre template and
               corpus-frequent shingles removed (`ShingleSet`)
``minhash``    shingle sets -> MinHash signatures (datasketch affine32, in numpy)
``candidates`` signatures -> candidate pairs (LSH banding + sampled containment index)
``verify``     exact Jaccard and containments of every candidate
``align``      shared passages with offsets in both documents and the edits

`find_pairs` runs them all.  Pairs come back unclassified (``relation=""``):
whether two documents share an agency is for the caller to say.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Pair
from . import corpus
from .params import DedupParams
from .shingle import DocShingles, ShingleSet, remove
from .verify import Similarity

__all__ = ["DedupParams", "find_pairs", "find_similar", "ShingleSet"]


def find_similar(shingles: ShingleSet, params: DedupParams) -> list[Similarity]:
    """Verified similar pairs of a shingled corpus, sorted by (i, j)."""
    return corpus.similar(shingles.features, params)


def find_pairs(
    docs: Sequence[tuple[str, str]],
    params: DedupParams | None = None,
    frequent: np.ndarray | None = None,
    scored: np.ndarray | None = None,
) -> list[Pair]:
    """Pairs of documents that largely repeat each other, with their shared passages.

    ``docs`` are ``(doc_id, canonical_text)``.  A returned pair has ``a``
    before ``b`` in input order; pairs are sorted by that order.  Same input,
    same output: no randomness beyond the fixed seeds.  ``frequent`` fixes the
    corpus-frequent stop shingles (see `ShingleSet.build`) and ``scored`` the
    smaller set candidates are scored without (`corpus.verify_stop_hashes`;
    ``frequent`` when not given) -- a corpus index's frozen sets.  The steps
    are those of `corpus` (the scaled pipeline runs the same functions).
    """
    params = params or DedupParams()
    template = corpus.template(params)
    shingled = {k: DocShingles.build(doc_id, text, params.n, params.seed) for k, (doc_id, text) in enumerate(docs)}
    sets = [remove(shingled[k].unique, template) for k in range(len(docs))]
    if frequent is None:
        frequent, scored = corpus.stop_sets(sets, params)
    elif scored is None:
        scored = frequent
    frequent = np.asarray(frequent, dtype=np.uint32)
    feats = corpus.features(sets, frequent)
    vfeats = feats if scored is frequent else corpus.features(sets, scored)
    sims = corpus.similar(feats, params, verify_feats=vfeats)
    stop = corpus.full_stop(np.asarray(scored, dtype=np.uint32), params)
    return corpus.align_pairs(sims, [d for d, _ in docs], lambda k: docs[k][1], stop, params, shingled=shingled)

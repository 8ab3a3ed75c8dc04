"""`audit check NEW --against INDEX`: the CI gate over a persistent index.

What is compared with what:

* single-document rules run on the new reports only — the archive was
  checked when it was archived;
* corpus rules (near-duplicates, contradictions, cross-year links) run on the
  new reports plus their *candidates*: indexed reports sharing an LSH band
  with a new one whose estimated similarity can reach the reporting
  thresholds, and the new report's agency series within a year either side
  (same organ as the cross-year checks group it);
* findings and pairs that involve no new report are dropped (old-vs-old).

Candidates are rebuilt from their stored text and re-analysed with the
running code, and the dedup stage compares them with the index's frozen stop
sets (the one candidates are found without, the one they are scored
without), so a pair scores here exactly as `audit run` scores it in a corpus
with those stop sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np

from auditor.config import Config
from auditor.core import Plan, RunResult
from auditor.dedup import DedupParams, find_pairs
from auditor.extract.meta import agency_key
from auditor.index.build import check_fresh, iter_entries
from auditor.index.sketch import batch_signatures, features, shingle_set
from auditor.index.store import Candidate, CorpusIndex, CorpusIndexError, IndexState, estimates
from auditor.ingest import read_documents
from auditor.model import Document
from auditor.pipeline import analyse, analyse_within_budget

MAX_LSH_CANDIDATES = 50  # per new report, best estimates first
SLACK = 0.15  # candidates may estimate this far below the reporting thresholds (MinHash noise)


@dataclass
class GateContext:
    """What the run learnt about the index, for findings.json and --add-on-pass."""

    index: Path
    indexed: int
    candidates: list[Candidate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    loaded_meta: dict[str, dict] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "index": str(self.index),
            "indexed_documents": self.indexed,
            "candidates": [{"id": c.id, "why": c.why, "estimate": round(c.estimate, 3)} for c in self.candidates],
        }


def find_candidates(idx: CorpusIndex, new_docs: list[Document], params: DedupParams) -> tuple[list[Candidate], IndexState]:
    """Indexed reports that can matter to the new ones (see the module docstring), and the index state."""
    st = idx.state()
    readable = [d for d in new_docs if d.error is None and d.text]
    new_ids = {d.id for d in new_docs}
    feats = [features(shingle_set(d.text, params), st.stop) for d in readable]
    sigs = batch_signatures(feats, st.perms)
    found: dict[int, Candidate] = {}
    min_feat = max(params.min_features, 1)
    for d, f, sig in zip(readable, feats, sigs):
        if len(f) >= min_feat:
            pks = idx.lsh_candidates(sig, st)
            pk_list, ids, mat, nfeat = idx.signatures_of(pks)
            if pk_list:
                j, c = estimates(sig, len(f), mat, nfeat)
                ok = ((j >= params.min_jaccard - SLACK) | (c >= params.min_containment - SLACK)) & (nfeat >= min_feat)
                score = np.maximum(j, c)
                order = [i for i in np.argsort(-score, kind="stable") if ok[i] and ids[i] not in new_ids]
                for i in order[:MAX_LSH_CANDIDATES]:
                    _note(found, pk_list[i], ids[i], "lsh", float(j[i]))
        if d.agency:
            for pk, doc_id in idx.series(agency_key(d.agency), d.year):
                if doc_id not in new_ids:
                    _note(found, pk, doc_id, "series", 0.0)
    return sorted(found.values(), key=lambda c: c.pk), st


def _note(found: dict[int, Candidate], pk: int, doc_id: str, why: str, estimate: float) -> None:
    c = found.setdefault(pk, Candidate(pk, doc_id, why, estimate))
    c.estimate = max(c.estimate, estimate)
    reasons = set(c.why.split("+")) | {why}
    c.why = "+".join(r for r in ("lsh", "series") if r in reasons)


def check_against_index(
    new_paths: list[Path],
    index: Path,
    config: Config | None = None,
    today: date | None = None,
    new_docs: list[Document] | None = None,
) -> tuple[RunResult, GateContext]:
    """Audit the new reports against the index; returns (RunResult, GateContext).

    A runner around the audit core (`auditor.core.Plan`): the corpus is the
    submissions plus their candidates, rebuilt from the index; pairs are
    scored with the index's stop sets.
    """
    plan = Plan.make(config, None, today)
    params = plan.dedup
    docs = new_docs if new_docs is not None else read_documents(new_paths)
    new_ids = {d.id for d in docs}
    with CorpusIndex(index) as idx:
        ctx = GateContext(index=Path(index), indexed=idx.count())
        if ctx.indexed == 0:
            raise CorpusIndexError(f"{index}: the index holds no report: nothing to check the submissions against")
        ctx.notes.extend(check_fresh(idx, params, Path(plan.config.rules_dir) if plan.config.rules_dir else None))
        ctx.loaded_meta = {d.id: d.meta.as_dict() for d in docs}
        for d in docs:
            analyse_within_budget(d, plan.config.max_file_seconds or None)
        ctx.candidates, st = find_candidates(idx, docs, params)
        old = idx.documents(c.pk for c in ctx.candidates)
    for d in old:
        analyse(d)
    everything = docs + old
    readable = [d for d in everything if d.error is None and d.text]
    pairs = find_pairs([(d.id, d.text) for d in readable], params, frequent=st.frequent, scored=st.scored)
    result = plan.finish(plan.corpus(everything, new_ids), pairs, roots=[str(p) for p in new_paths] + [str(index)])
    return result, ctx


def add_on_pass(ctx: GateContext, docs: list[Document], config: Config | None = None):
    """Store the accepted new reports in the index (replacing earlier versions by id)."""
    from auditor.index.build import add_entries

    params = (config or Config()).dedup_params()
    entries = iter_entries(docs, ctx.loaded_meta, params)
    return add_entries(ctx.index, entries, params, replace=True, create=False)

"""`audit run PATHS --jobs N [--engine dask]`: the parallel runner around the audit core.

The stages, and why they give exactly the in-memory findings, are described
in `auditor.scale`'s docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from auditor.core import Plan, RunResult, series_findings
from auditor.dedup import corpus as dd
from auditor.dedup.minhash import permutations
from auditor.ingest.discover import find_reports
from auditor.scale import work
from auditor.scale.engines import make_engine
from auditor.scale.heap import long_lived
from auditor.scale.store import DocumentStore
from auditor.scale.timing import Timings

DEFAULT_CHUNK = 64  # files per task: big enough to amortise pickling, small enough to balance two workers


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def audit_paths(
    paths: Sequence[str | Path],
    plan: Plan,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    chunk: int = DEFAULT_CHUNK,
    timings: Timings | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> RunResult:
    """Audit every report under ``paths`` as one corpus (see `auditor.scale`'s docstring)."""
    tm = timings or Timings()
    config = plan.config
    params = plan.dedup
    with tm.stage("discover"):
        found = find_reports([Path(p) for p in paths], include=config.include, exclude=config.exclude)
        sources = found.files
    ctx = work.Context(rules=plan.document_rules, dedup=params, file_seconds=config.max_file_seconds or None)
    eng = make_engine(engine, jobs, scheduler)
    tm.counts.update({"files": len(sources), "engine": eng.describe()})
    with long_lived() as keep:
        docs, doc_findings, sets = [], [], []
        store = DocumentStore()
        try:
            with tm.stage("per_document"):
                eng.start(ctx)
                chunks = _chunks(sources, max(1, chunk))
                done = 0
                for files, res in zip(chunks, eng.map("prepare", chunks)):
                    done += len(files)
                    if progress is not None:
                        progress("reading files", done, len(sources))
                    docs.extend(res.docs)
                    for d, shelf in zip(res.docs, res.shelves):
                        if shelf is not None:
                            store.add(d.id, shelf)
                    doc_findings.extend(res.findings)
                    sets.extend(res.sets)
                    tm.add_worker(res.seconds)
                    keep()  # the documents live to the end: no full collection need walk them again
            readable = [k for k, d in enumerate(docs) if d.error is None and d.text]
            rsets = [sets[k] for k in readable]
            del sets
            with tm.stage("frequent_shingles"):
                frequent, scored_stop = dd.stop_sets(rsets, params)
                stop = dd.full_stop(scored_stop, params)
            with tm.stage("signatures"):
                exhaustive = len(rsets) < params.exhaustive_below
                perms = None if exhaustive else permutations(params.num_perm, params.seed)
                separate = scored_stop is not frequent
                eng.start(replace(ctx, frequent=frequent, scored=scored_stop if separate else None, stop=stop, exhaustive=exhaustive, perms=perms))
                feats, scored, sig_parts, sig_seconds = [], [], [], 0.0
                for f, v, s, secs in eng.map("sketch", _chunks(rsets, 2048)):
                    feats.extend(f)
                    scored.extend(v)
                    sig_parts.append(s)
                    sig_seconds += secs
                del rsets
                sigs = np.concatenate(sig_parts) if sig_parts else np.zeros((0, params.num_perm), dtype=np.uint32)
                tm.worker["signatures"] = sig_seconds
            with tm.stage("candidates"):
                active = dd.active_mask(feats, params)
                cand = dd.candidates(sigs, feats, params, active, eng.band_join)
            with tm.stage("verification"):
                sims = dd.verify(scored, cand, params)
            del feats, scored, sigs
            ids = [docs[k].id for k in readable]
            with tm.stage("alignment"):
                aligned = eng.map("align", _align_jobs(sims, ids, lambda i: docs[readable[i]].text))
            with tm.stage("rules"):  # the cross-year rules need no pairs: they run while the workers align
                corpus = plan.corpus(docs, store=store)
                keep()
                series = series_findings(plan.rules, corpus)
            with tm.stage("alignment"):  # what is left of it
                pairs = [p for part in aligned for p in part]
            tm.counts.update(
                {
                    "documents": len(docs),
                    "readable": len(readable),
                    "frequent_shingles": int(frequent.size),
                    "frequent_shingles_scoring": int(scored_stop.size),
                    "candidates": int(len(cand)),
                    "verified_pairs": len(sims),
                }
            )
        finally:
            eng.close()
        keep()
        with tm.stage("rules"):
            result = plan.finish(corpus, pairs, roots=[str(p) for p in paths], doc_findings=doc_findings, series=series,
                                 skipped=found.skipped)
        tm.counts["findings"] = len(result.findings)
        result.timings = tm
        return result


def _align_jobs(sims, ids, text_of, size: int = 64):
    """Chunks of verified pairs with the texts they need, indices made local."""
    for lo in range(0, len(sims), size):
        part = sims[lo : lo + size]
        local: dict[int, int] = {}
        for s in part:
            for d in (s.i, s.j):
                local.setdefault(d, len(local))
        order = sorted(local, key=local.__getitem__)
        moved = [replace(s, i=local[s.i], j=local[s.j]) for s in part]
        yield moved, [ids[d] for d in order], [text_of(d) for d in order]

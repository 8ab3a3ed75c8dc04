"""The per-document work, as functions a worker process or a Dask task runs.

Two passes over the corpus run here, everything in between is corpus-wide:

* `prepare`: read a chunk of files -> documents, each analysed (metadata,
  sections, facts, tables), checked by the document-scope rules, shingled for
  the duplicate detector, and shelved (`store.shelve`) for the trip back;
* `sketch`: feature sets (shingles minus the corpus' frequent ones), the
  sets candidates are scored on (minus the smaller verification stop set)
  and their MinHash signatures, once the frequent shingles are known.
* `align`: the passages of a chunk of verified pairs.

A worker gets its `Context` once (`init`), not with every chunk: the rules
and the frequent-shingle set would otherwise be pickled thousands of times.
Chunks are processed and returned in order, so the result is the same for
any number of workers.
"""

from __future__ import annotations

import gc
import os
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from auditor.core import document_findings
from auditor.dedup import DedupParams
from auditor.dedup import corpus as dd
from auditor.engine.rules import Rule
from auditor.ingest import error_doc, read_source
from auditor.ingest.budget import BudgetExceeded, file_budget, over_budget_reason
from auditor.ingest.discover import SourceFile
from auditor.model import Document, Finding, Pair
from auditor.pipeline import analyse
from auditor.scale.heap import THRESHOLDS
from auditor.scale.store import Shelf, shelve

_EMPTY = np.zeros(0, dtype=np.uint32)


@dataclass
class Context:
    """What every worker needs, shipped once per worker."""

    rules: list[Rule]  # document- and ingest-scope rules, options set
    dedup: DedupParams
    freeze: bool = True
    frequent: np.ndarray | None = None  # set before the `sketch` pass
    scored: np.ndarray | None = None  # the verification stop set (`dd.verify_stop_hashes`); None: `frequent`
    stop: np.ndarray | None = None  # template + the verification stop set, for `align`
    exhaustive: bool = False  # the corpus is below `exhaustive_below`: no signatures
    perms: tuple[np.ndarray, np.ndarray] | None = None  # MinHash permutations, drawn once in the main process
    file_seconds: float | None = None  # time budget of one file (`auditor.ingest.budget`); None: none


@dataclass
class Prepared:
    """A chunk of documents after the per-document stage (parallel lists)."""

    docs: list[Document]  # shelved (`store.shelve`) unless the context says otherwise
    shelves: list[Shelf | None]  # their bulky fields, for the main process's `DocumentStore`
    findings: list[list[Finding]]
    sets: list[np.ndarray]  # template-free sorted unique shingle hashes
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, summed over the chunk
    pid: int = 0


_CTX: Context | None = None


def init(ctx: Context) -> None:
    """Keep the context for every chunk this process runs."""
    global _CTX
    _CTX = ctx


def init_worker(ctx: Context) -> None:
    """Initializer of a worker process: `init`, and the collector set for a worker's life.

    A worker's modules, rules and context live as long as it does: they are
    left out of cycle collection, which runs less often here too (`heap`),
    since analysing a report allocates ~10^5 short-lived objects that
    reference counting frees (~2% of the per-document time).
    """
    init(ctx)
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


def context() -> Context:
    if _CTX is None:
        raise RuntimeError("worker context not initialised")
    return _CTX


def prepare(sources: list[SourceFile], ctx: Context | None = None) -> Prepared:
    """Ingest, analyse, check and shingle one chunk of files."""
    ctx = ctx or context()
    out = Prepared([], [], [], [], {"ingest": 0.0, "facts": 0.0, "rules": 0.0, "shingles": 0.0, "freeze": 0.0}, os.getpid())
    t = out.seconds
    template = dd.template(ctx.dedup)
    for src in sources:
        t0 = time.perf_counter()
        try:
            with file_budget(ctx.file_seconds):
                rows = _analysed(src, ctx, template, t)
        except BudgetExceeded:
            doc = error_doc(src, src.path.suffix.lower().lstrip(".") or "txt", over_budget_reason(ctx.file_seconds or 0))
            rows = [(doc, document_findings(ctx.rules, doc), _EMPTY)]
            t["ingest"] += time.perf_counter() - t0
        for doc, found, sh in rows:
            t4 = time.perf_counter()
            shelf = None
            if ctx.freeze:
                doc, shelf = shelve(doc, src.path, src.root)
            out.docs.append(doc)
            out.shelves.append(shelf)
            t["freeze"] += time.perf_counter() - t4
            out.findings.append(found)
            out.sets.append(sh)
    return out


def _analysed(src: SourceFile, ctx: Context, template, t: dict[str, float]) -> list[tuple[Document, list[Finding], np.ndarray]]:
    """One file: its documents analysed, checked and shingled (the part the file's time budget covers)."""
    t0 = time.perf_counter()
    docs = read_source(src)
    t["ingest"] += time.perf_counter() - t0
    rows = []
    for doc in docs:
        t1 = time.perf_counter()
        analyse(doc)
        t2 = time.perf_counter()
        found = document_findings(ctx.rules, doc)
        t3 = time.perf_counter()
        sh = dd.shingle_set(doc.text, ctx.dedup.n, ctx.dedup.seed, template) if doc.error is None and doc.text else _EMPTY
        t["facts"] += t2 - t1
        t["rules"] += t3 - t2
        t["shingles"] += time.perf_counter() - t3
        rows.append((doc, found, sh))
    return rows


def sketch(sets: list[np.ndarray], ctx: Context | None = None) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray, float]:
    """Features, scoring sets and signatures of a chunk of shingle sets; seconds spent on signatures.

    The scoring sets are the features themselves (the same objects) unless
    the corpus is large enough for a separate verification stop set.
    """
    ctx = ctx or context()
    feats = dd.features(sets, ctx.frequent if ctx.frequent is not None else _EMPTY)
    scored = feats if ctx.scored is None else dd.features(sets, ctx.scored)
    t = time.perf_counter()
    if ctx.exhaustive:  # a small corpus is compared pair by pair: no signatures needed
        return feats, scored, np.zeros((len(feats), ctx.dedup.num_perm), dtype=np.uint32), 0.0
    sigs = dd.sketch(feats, ctx.dedup, ctx.perms)
    return feats, scored, sigs, time.perf_counter() - t


def align(job: tuple[list[Any], list[str], list[str]], ctx: Context | None = None) -> list[Pair]:
    """Passages of a chunk of verified pairs: ``(sims, ids, texts)``, sims indexing ids/texts."""
    ctx = ctx or context()
    sims, ids, texts = job
    assert ctx.stop is not None, "align runs after the stop sets are known (Context.stop)"
    return dd.align_pairs(sims, ids, lambda k: texts[k], ctx.stop, ctx.dedup)


def call(fn_name: str, arg: Any) -> Any:
    """Run one of this module's functions by name with the worker's context."""
    return globals()[fn_name](arg)

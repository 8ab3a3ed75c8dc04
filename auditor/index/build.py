"""Filling an index: build from files, add incrementally, rebuild from stored texts.

The expensive part of indexing a report is reading it into canonical text,
extracting its agency and year and shingling it (~5 ms for a 2,000-character
report, mostly text normalisation); MinHash and the database insert are cheap.
So `build` spreads the per-file work over worker processes and keeps the
single writer — the main process — doing batched inserts into one
transaction on a fresh private file, which it renames over the target when
complete (a failed build never leaves a half index behind).

Boilerplate stop sets: every report of the genre shares formulas that must be
removed before similarity is computed, and which shingles are formulas is a
corpus statistic (document frequency above ``max_df`` / ``max_df_docs`` for
finding candidates, above ``verify_df_share`` for scoring them).
Signatures depend on it, so `build` and `rebuild` run in two passes: the
first reads every report, stores its row and spills its shingle set to disk
(`spill.SetSpill`), then both stop sets are counted exactly — the sets
`audit run` computes on the same corpus — and frozen in the index; the
second pass computes signatures and bands from the spilled sets.  Every
later add and query uses the frozen sets.  As an index grows far beyond the
corpus its stop set came from, `stats` and `add` say so and `rebuild`
refreshes it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from auditor.dedup import DedupParams
from auditor.index import versions
from auditor.index.sketch import SketchParams, shingle_set
from auditor.index.spill import SetSpill
from auditor.index.store import (
    CorpusIndex,
    CorpusIndexError,
    Entry,
    StaleIndexError,
    document_from_row,
    now_iso,
    pack_extra,
)
from auditor.model import Document

BATCH = 1000
PARALLEL_FROM = 400  # files; below this, worker start-up costs more than it saves


@dataclass
class Outcome:
    """What an index operation did, for the command line to report."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id, reason): unreadable inputs
    documents: int = 0  # in the index afterwards
    notes: list[str] = field(default_factory=list)

    def record(self, outcome: dict[str, str]) -> None:
        for doc_id, what in outcome.items():
            {"added": self.added, "replaced": self.replaced}.get(what, self.unchanged).append(doc_id)


def entry_from_document(doc: Document, loaded_meta: dict | None, params: DedupParams) -> Entry:
    """An `Entry` for a document whose metadata has been extracted."""
    from auditor.extract.meta import agency_key

    raw = doc.raw.encode("utf-8")
    return Entry(
        id=doc.id,
        source=doc.source,
        part=doc.part,
        format=doc.format,
        encoding=doc.encoding,
        heading=doc.heading,
        title=doc.title,
        agency=doc.agency,
        agency_key=agency_key(doc.agency) if doc.agency else "",
        year=doc.year,
        kind=doc.kind,
        signed=doc.signed.iso() if doc.signed else None,
        chars=doc.chars,
        sha256=hashlib.sha256(raw).hexdigest(),
        raw=zlib.compress(raw, 3),
        extra=pack_extra(doc, loaded_meta),
        unique=shingle_set(doc.text, params),
    )


def _prepare_docs(docs: list[Document], params: DedupParams) -> tuple[list[Entry], list[tuple[str, str]]]:
    from auditor.extract.meta import extract_meta

    entries, skipped = [], []
    for d in docs:
        if d.error is not None:
            skipped.append((d.id, d.error))
            continue
        loaded = d.meta.as_dict()
        try:
            extract_meta(d)
            entries.append(entry_from_document(d, loaded, params))
        except Exception as exc:  # a bad input is reported, never a crash
            skipped.append((d.id, f"cannot index: {type(exc).__name__}: {exc}"))
    return entries, skipped


def _prepare_source(args) -> tuple[list[Entry], list[tuple[str, str]]]:
    """Worker: one file -> entries (one per report it holds) and skipped parts."""
    from auditor.ingest import error_doc, read_source
    from auditor.ingest.budget import DEFAULT_SECONDS, BudgetExceeded, file_budget, over_budget_reason

    src, params = args
    try:
        with file_budget(DEFAULT_SECONDS):
            docs = read_source(src)
    except BudgetExceeded:
        docs = [error_doc(src, src.path.suffix.lower().lstrip(".") or "txt", over_budget_reason(DEFAULT_SECONDS))]
    except Exception as exc:
        return [], [(src.rel, f"cannot read: {type(exc).__name__}: {exc}")]
    return _prepare_docs(docs, params)


def _prepare_row(args) -> tuple[list[Entry], list[tuple[str, str]]]:
    """Worker: a stored row -> its entry recomputed with the running code."""
    row, params = args
    try:
        doc = document_from_row(row[1:])
    except Exception as exc:  # a damaged row is reported, never a crash
        return [], [(row[1], f"cannot decode stored text: {type(exc).__name__}: {exc}")]
    return _prepare_docs([doc], params)


def _map(fn: Callable, items: list, jobs: int) -> Iterator:
    """fn over items in order, in worker processes when it pays.

    A `concurrent.futures` pool, not `multiprocessing.Pool`: when a worker dies
    (the OOM killer, a crash in a parser) the latter replaces it and waits for
    the lost chunk for ever, while this one raises BrokenProcessPool and the
    command exits 2.
    """
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        yield from map(fn, items)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
        yield from pool.map(fn, items, chunksize=32)


def _stop_sets(params: DedupParams):
    """sets -> (candidate stop set, scoring stop set), by `audit run`'s own functions."""
    from auditor.dedup.corpus import stop_sets

    return lambda sets: stop_sets(sets, params)


def _sketch_params(params: DedupParams) -> SketchParams:
    from auditor.dedup.candidates import lsh_params

    b, r = lsh_params(params.lsh_threshold, params.num_perm, tuple(params.lsh_weights))
    return SketchParams(n=params.n, seed=params.seed, num_perm=params.num_perm, bands=b, rows=r)


def _initialise(idx: CorpusIndex, params: DedupParams, stops: tuple[np.ndarray, np.ndarray], stop_docs: int,
                rules_dir=None) -> None:
    from auditor.dedup.minhash import permutations

    sk = _sketch_params(params)
    idx.initialise(versions.current(params, rules_dir), sk, stops, permutations(sk.num_perm, sk.seed), stop_docs)


def check_fresh(idx: CorpusIndex, params: DedupParams, rules_dir=None) -> list[str]:
    """Raise `StaleIndexError` unless the index matches the running code; return notes."""
    stored = idx.info("versions") or {}
    now = versions.current(params, rules_dir)
    reasons = versions.stale_reasons(stored, now)
    if reasons:
        raise StaleIndexError(
            f"{idx.path}: the index is stale — built with " + "; ".join(reasons)
            + f". Run `audit index rebuild {idx.path}` to recompute it from the stored texts."
        )
    notes = []
    if stored.get("rules") != now["rules"]:
        notes.append(f"{idx.path}: the rule pack changed since the index was built; indexed reports are re-analysed "
                     "with the current rules, nothing stored depends on them")
    return notes


def stop_drift_note(idx: CorpusIndex, params: DedupParams) -> str | None:
    """A note when the index has outgrown the corpus its stop set was computed from."""
    n, base = idx.count(), int(idx.info("stop_docs", 0))
    if n >= params.min_docs_for_df and n > 2 * max(base, 1):
        return (f"{idx.path}: the boilerplate stop set was computed from {base} documents and the index now holds {n}; "
                f"run `audit index rebuild {idx.path}` to recompute it")
    return None


def _two_passes(idx: CorpusIndex, results, params: DedupParams, out: Outcome, rewrite: bool,
                progress: Callable[[int, int], None] | None, total: int) -> None:
    """Pass 1: rows (or metadata) and spilled sets; stop set; pass 2: sketches and bands."""
    with SetSpill(parts=16) as spill:
        order: list[int] = []
        batch: list[Entry] = []
        done = 0

        def flush() -> None:
            if rewrite:
                idx.update_metadata(batch)
                pks = dict(idx.con.execute(
                    f"SELECT id, pk FROM documents WHERE id IN ({','.join('?' * len(batch))})", [e.id for e in batch]
                ).fetchall()) if batch else {}
                out.unchanged.extend(e.id for e in batch)
            else:
                outcome, pks = idx.insert_documents(batch, None, fresh=True)
                out.record(outcome)
            for e in batch:
                order.append(pks[e.id])
                spill.add(e.unique)
            batch.clear()

        for entries, skipped in results:
            out.skipped.extend(skipped)
            batch.extend(entries)
            done += 1
            if len(batch) >= BATCH:
                flush()
                if progress:
                    progress(done, total)
        flush()
        frequent, scored = spill.frequent_many(_stop_sets(params))
        idx.con.execute("DELETE FROM info WHERE key IN ('versions', 'lsh', 'stop_docs')")
        _initialise(idx, params, (frequent, scored), len(spill))
        st = idx.state()
        for k, sets in enumerate(spill.batches(BATCH)):
            idx.set_sketches(order[k * BATCH : k * BATCH + len(sets)], sets, st)


def build(path: Path, paths: list[Path], params: DedupParams | None = None, jobs: int = 0,
          force: bool = False, progress: Callable[[int, int], None] | None = None) -> Outcome:
    """A new index of every report under `paths`, written to `path` atomically."""
    from auditor.ingest import discover

    params = params or DedupParams()
    path = Path(path)
    if path.exists() and not force:
        raise CorpusIndexError(f"{path}: already exists (use `audit index add`, or --force to replace it)")
    jobs = jobs or os.cpu_count() or 1
    srcs = discover(paths)
    if not srcs:
        raise CorpusIndexError("no report files found in " + ", ".join(str(p) for p in paths))
    out = Outcome()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    for p in (tmp, Path(str(tmp) + "-journal")):
        p.unlink(missing_ok=True)
    try:
        idx = CorpusIndex(tmp, create=True, bulk=True)
        idx.con.execute("PRAGMA cache_size = -262144")
        idx.con.execute("BEGIN IMMEDIATE")
        results = _map(_prepare_source, [(s, params) for s in srcs], jobs)
        _two_passes(idx, results, params, out, rewrite=False, progress=progress, total=len(srcs))
        idx.con.execute("COMMIT")
        out.documents = idx.count()
        idx.con.execute("PRAGMA journal_mode = WAL")
        idx.close()
        if path.exists():
            _quiesce(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _quiesce(path: Path) -> None:
    """Fold an existing index's write-ahead log into it before it is replaced."""
    try:
        con = sqlite3.connect(str(path), timeout=60)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    except sqlite3.DatabaseError:
        pass
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _collisions(idx: CorpusIndex, entries: list[Entry]) -> list[str]:
    """Ids of entries already indexed with other content."""
    found: list[str] = []
    by_id = {e.id: e.sha256 for e in entries}
    ids = list(by_id)
    for lo in range(0, len(ids), 500):
        chunk = ids[lo: lo + 500]
        q = f"SELECT id, sha256 FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
        found += [i for i, sha in idx.con.execute(q, chunk) if sha != by_id[i]]
    return sorted(found)


def add_entries(path: Path, entries: list[Entry], params: DedupParams | None = None, replace: bool | None = True,
                create: bool = True) -> Outcome:
    """Store prepared entries in one write transaction (the concurrency-safe path).

    ``replace``: True replaces an indexed report whose id comes again with
    other content, False keeps it, None refuses the whole addition (an id
    collision is an error unless the caller said which one wins).
    """
    params = params or DedupParams()
    out = Outcome()
    with CorpusIndex(path, create=create) as idx:
        with idx.write():
            if replace is None and idx.initialised():
                clash = _collisions(idx, entries)
                if clash:
                    shown = ", ".join(clash[:3]) + (f" and {len(clash) - 3} more" if len(clash) > 3 else "")
                    raise CorpusIndexError(f"{path}: {len(clash)} report(s) already indexed under the same id with other "
                                           f"content ({shown}); nothing was added: --replace to replace them, "
                                           "--keep to keep the indexed ones")
            if not idx.initialised():
                _initialise(idx, params, _stop_sets(params)([e.unique for e in entries]), len(entries))
            out.notes.extend(check_fresh(idx, params))
            # None (refuse collisions) has been enforced above: nothing left to replace
            out.record(idx.put(entries, idx.state(), replace=bool(replace)))
        out.documents = idx.count()
        note = stop_drift_note(idx, params)
        if note:
            out.notes.append(note)
    return out


def add(path: Path, paths: list[Path], params: DedupParams | None = None, replace: bool | None = True,
        jobs: int = 0, progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Add (or replace, by id) every report under `paths`; creates the index if missing."""
    from auditor.ingest import discover

    params = params or DedupParams()
    if Path(path).exists():  # fail before the slow part when the index is unusable
        with CorpusIndex(path) as idx:
            if idx.initialised():
                check_fresh(idx, params)
    srcs = discover(paths)
    entries: list[Entry] = []
    skipped: list[tuple[str, str]] = []
    for done, (es, sk) in enumerate(_map(_prepare_source, [(s, params) for s in srcs], jobs or os.cpu_count() or 1), 1):
        entries.extend(es)
        skipped.extend(sk)
        if progress:
            progress(done, len(srcs))
    out = add_entries(path, entries, params, replace)
    out.skipped = skipped
    return out


def rebuild(path: Path, params: DedupParams | None = None, jobs: int = 0,
            progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Recompute the stop set, metadata, signatures and bands from the stored texts.

    One write transaction: readers keep seeing the old index until it commits,
    writers wait (up to the busy timeout) instead of writing into a half state.
    """
    params = params or DedupParams()
    jobs = jobs or os.cpu_count() or 1
    out = Outcome()
    with CorpusIndex(path) as idx:
        idx.con.execute("PRAGMA cache_size = -262144")
        with idx.write():
            total = idx.count()

            def results():  # the stored texts, read in the main thread a chunk at a time
                for rows in idx.rows(5 * BATCH):
                    yield from _map(_prepare_row, [(r, params) for r in rows], jobs)

            idx.con.execute("DELETE FROM bands")
            # a row that cannot be re-read keeps no sketch of the old code (it is reported as skipped)
            idx.con.execute("UPDATE documents SET sig = zeroblob(length(sig)), nfeat = 0")
            _two_passes(idx, results(), params, out, rewrite=True, progress=progress, total=total)
            idx.set_info("rebuilt", now_iso())
        out.documents = idx.count()
    return out


def iter_entries(docs: Iterable[Document], loaded_meta: dict[str, dict], params: DedupParams) -> list[Entry]:
    """Entries for documents the gate has already read and analysed."""
    out = []
    for d in docs:
        if d.error is None and d.text:
            out.append(entry_from_document(d, loaded_meta.get(d.id), params))
    return out

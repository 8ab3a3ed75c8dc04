"""Per-document CPU of each extract stage and each document-scope rule.

    python -m benchmarks.profile_docs                          # the 1,000-report bench corpus
    python -m benchmarks.profile_docs ../shared/corpus/real tests/labelled/fb
    python -m benchmarks.profile_docs --profile extract_facts --profile TXT010

`make bench` gives one figure for the whole per-document stage; finding what
made it slower needs the stages and rules apart.  Every document is read once
(ingest is not timed), then `auditor.pipeline.analyse`'s steps run one after
another per document, each timed, and every document-scope rule runs over the
analysed documents, each timed, in the pipeline's order (document by
document, all rules on one before the next: checks that share per-document
work, like the five `table_text` modes, pay for it once, as in a run).
Figures are milliseconds of CPU per document, sorted, largest first.  Each
step is timed with ``time.perf_counter`` (~0.2 µs a call; ``time.process_time``
costs ~4 µs, which timing 58 rules a document would add up to ~0.5 ms), and
the wall times are scaled to the process CPU of the whole pass: on a shared
machine at load 8 on 2 cores wall time runs ~2.5× CPU time, evenly enough
that the shares hold.

The cyclic garbage collector is set as in an audit's worker processes
(`auditor.scale.work.init_worker`: what exists before the pass is frozen,
collections are rarer).  With CPython's defaults, the 1,000 analysed documents
kept for the rule pass were walked by a full collection every few hundred
thousand allocations, and the time went to whichever step allocated then:
cProfile gave table extraction's cell constructor 0.78 s over the corpus, 0.25 s
with the documents read frozen.

The first documents pay for compiling the code's regular expressions (~3.5 ms
a CJK class, `auditor.regex_cache`); ``--warmup N`` analyses and checks N
documents, untimed, before measuring.  ``--profile NAME`` (a stage or a rule
id, repeatable) runs that one again under cProfile and prints its top
functions by own time, which is how one finds *why* a step is slow.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import gc
import pstats
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from auditor.engine.rules import Rule, load_rules
from auditor.extract.facts import extract_facts
from auditor.extract.meta import extract_meta
from auditor.extract.sections import extract_sections
from auditor.extract.tables import extract_tables
from auditor.ingest import discover, read_source
from auditor.model import Document
from auditor.scale.heap import THRESHOLDS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "reports_out" / "bench" / "corpus-1000-s7-g4"
TODAY = date(2026, 12, 7)  # the date benchmarks.golden fixes: deadline rules depend on it

# `auditor.pipeline.analyse`, step by step, in its order (each step reads what the earlier ones set)
STAGES: tuple[tuple[str, Callable[[Document], object]], ...] = (
    ("extract_meta", extract_meta),
    ("extract_sections", extract_sections),
    ("extract_facts", extract_facts),
    ("extract_tables", extract_tables),
)


def read(paths: list[Path]) -> list[Document]:
    """Every readable document under the paths, not analysed."""
    docs: list[Document] = []
    for src in discover(paths):
        docs.extend(d for d in read_source(src) if d.error is None)
    return docs


def document_rules() -> list[Rule]:
    """The document-scope rules, with the run-wide options `auditor.api.prepare_rules` gives."""
    rules = [r for r in load_rules() if r.scope == "document"]
    for r in rules:
        r.options = {"today": TODAY, "deadlines": {}}
    return rules


def warm(docs: list[Document], rules: list[Rule]) -> None:
    """Analyse and check copies of ``docs`` so regexes are compiled before timing."""
    for d in docs:
        d = copy.deepcopy(d)
        for _, step in STAGES:
            step(d)
        for r in rules:
            list(r.kind.on_document(r, d))


def time_stages(docs: list[Document]) -> tuple[dict[str, float], float]:
    """Seconds per stage over all documents, and the pass' CPU seconds; analyses ``docs`` in place."""
    spent = dict.fromkeys((name for name, _ in STAGES), 0.0)
    clock = time.perf_counter
    cpu = time.process_time()
    for d in docs:
        for name, step in STAGES:
            t = clock()
            step(d)
            spent[name] += clock() - t
    return spent, time.process_time() - cpu


def time_rules(docs: list[Document], rules: list[Rule]) -> tuple[dict[str, float], float]:
    """Seconds per rule over all (analysed) documents, and the pass' CPU seconds."""
    spent = dict.fromkeys((r.id for r in rules), 0.0)
    clock = time.perf_counter
    cpu = time.process_time()
    for d in docs:
        for r in rules:
            t = clock()
            for _ in r.kind.on_document(r, d):
                pass
            spent[r.id] += clock() - t
    return spent, time.process_time() - cpu


def profile(name: str, raw: list[Document], analysed: list[Document], rules: list[Rule], top: int) -> None:
    """cProfile of one stage (over fresh copies of the raw documents) or one rule."""
    prof = cProfile.Profile()
    stage = dict(STAGES).get(name)
    if stage is not None:
        order = [step for n, step in STAGES]
        upto = order[: order.index(stage)]
        fresh = [copy.deepcopy(d) for d in raw]
        for d in fresh:
            for step in upto:
                step(d)
        prof.enable()
        for d in fresh:
            stage(d)
        prof.disable()
    else:
        chosen = [r for r in rules if r.id == name.upper()]
        if not chosen:
            sys.exit(f"no stage or document rule called {name}")
        r = chosen[0]
        prof.enable()
        for d in analysed:
            for _ in r.kind.on_document(r, d):
                pass
        prof.disable()
    print(f"\n=== cProfile: {name} over {len(raw)} documents (own time) ===")
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def table(title: str, timed: tuple[dict[str, float], float], n: int, top: int) -> float:
    wall, cpu = timed
    scale = cpu / (sum(wall.values()) or 1)
    spent = {k: v * scale for k, v in wall.items()}
    total = sum(spent.values())
    print(f"\n{title}: {1000 * total / n:.3f} ms/doc CPU ({1000 * sum(wall.values()) / n:.3f} wall)")
    for name, s in sorted(spent.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {name:<18} {1000 * s / n:8.3f} ms/doc  {100 * s / total if total else 0:5.1f}%")
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help=f"folders or files (default {DEFAULT.relative_to(ROOT)})")
    ap.add_argument("--warmup", type=int, default=20, help="documents analysed untimed first (default 20)")
    ap.add_argument("--top", type=int, default=25, help="rules listed (default 25)")
    ap.add_argument("--profile", action="append", default=[], help="a stage or rule id to run under cProfile")
    args = ap.parse_args(argv)
    paths = args.paths
    if not paths:
        if not DEFAULT.is_dir():
            from benchmarks.run import corpus

            corpus(1000, 2)
        paths = [DEFAULT]
    raw = read(paths)
    if not raw:
        sys.exit("no readable documents")
    rules = document_rules()
    warm(raw[: args.warmup], rules)
    docs = [copy.deepcopy(d) for d in raw]
    n = len(docs)
    gc.collect()
    gc.freeze()  # as a worker: modules, rules and the documents read are not walked again
    gc.set_threshold(*THRESHOLDS)
    print(f"{n} documents, {sum(d.chars for d in docs) / n:.0f} characters each on average, {len(rules)} document rules")
    extract = table("extract", time_stages(docs), n, len(STAGES))
    checks = table("document rules", time_rules(docs, rules), n, args.top)
    print(f"\ntotal {1000 * (extract + checks) / n:.3f} ms/doc")
    for name in args.profile:
        profile(name, raw, docs, rules, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`audit index ...` and `audit baseline ...`: the CI-gate sub-commands.

Kept out of `auditor/cli.py` so the main command line stays a thin list of
commands; `cli.py` registers these two typer apps.  Exit codes follow the
contract: 0 done, 2 usage error, unusable index or unreadable input (a
stale index says how to rebuild it).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor.cli_options import fail as _fail
from auditor.cli_options import run_config

index_app = typer.Typer(no_args_is_help=True, help="Build, extend and inspect a persistent corpus index.")
baseline_app = typer.Typer(no_args_is_help=True, help="Record known findings so that only new ones fail the gate.")

IndexArg = Annotated[Path, typer.Argument(help="The index file (an SQLite database)")]
PathsArg = Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively)")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (0: one per CPU)")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="TOML config file")]


def _params(config: Optional[Path]):
    from auditor.config import ConfigError, load_config

    try:
        cfg, _ = load_config(config)
    except ConfigError as exc:
        _fail(str(exc))
    return cfg.dedup_params()


def _progress(label: str):
    """A progress callback ``(done, total)``: a bar on a terminal, silent in CI (`auditor.report.progress`)."""
    from auditor.report.progress import line_progress, wanted

    return line_progress(label) if wanted(False) else None


def _report(out, verb: str) -> None:
    for doc_id, reason in out.skipped:
        typer.echo(f"skipped {doc_id}: {reason}", err=True)
    typer.echo(
        f"{verb}: {len(out.added)} added, {len(out.replaced)} replaced, {len(out.unchanged)} unchanged, "
        f"{len(out.skipped)} skipped; the index holds {out.documents} documents",
        err=True,
    )
    for note in out.notes:
        typer.echo(f"note: {note}", err=True)


def _missing(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail("no such file or folder: " + ", ".join(missing))


@index_app.command("build")
def build_cmd(
    index: IndexArg,
    paths: PathsArg,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing index")] = False,
    jobs: JobsOpt = 0,
    config: ConfigOpt = None,
) -> None:
    """Index every report under PATHS into a new index file (written atomically)."""
    from auditor.index import CorpusIndexError
    from auditor.index.build import build

    _missing(paths)
    params = _params(config)
    try:
        out = build(index, paths, params, jobs=jobs, force=force, progress=_progress("indexing"))
    except (CorpusIndexError, sqlite3.DatabaseError) as exc:
        _fail(str(exc))
    _report(out, f"built {index}")
    if out.documents == 0:
        _fail("nothing readable found in " + ", ".join(str(p) for p in paths))


@index_app.command("add")
def add_cmd(
    index: IndexArg,
    paths: PathsArg,
    keep: Annotated[bool, typer.Option("--keep", help="Keep an indexed report whose id is added again with other content")] = False,
    replace: Annotated[bool, typer.Option("--replace", help="Replace an indexed report whose id is added again with other content")] = False,
    jobs: JobsOpt = 0,
    config: ConfigOpt = None,
) -> None:
    """Add reports to an index (created if missing).  A report whose id is already indexed with
    other content is an error (exit 2, nothing added) unless --replace or --keep says which wins."""
    from auditor.index import CorpusIndexError
    from auditor.index.build import add

    _missing(paths)
    params = _params(config)
    try:
        if keep and replace:
            _fail("--keep and --replace contradict each other")
        out = add(index, paths, params, replace=True if replace else False if keep else None, jobs=jobs,
                  progress=_progress("adding"))
    except (CorpusIndexError, sqlite3.DatabaseError) as exc:
        _fail(str(exc))
    _report(out, f"added to {index}")
    if not (out.added or out.replaced or out.unchanged):
        _fail("nothing readable found in " + ", ".join(str(p) for p in paths))


@index_app.command("rebuild")
def rebuild_cmd(index: IndexArg, jobs: JobsOpt = 0, config: ConfigOpt = None) -> None:
    """Recompute stop sets, metadata, signatures and bands from the stored texts (after an upgrade)."""
    from auditor.index import CorpusIndexError
    from auditor.index.build import rebuild

    params = _params(config)
    try:
        out = rebuild(index, params, jobs=jobs, progress=_progress("rebuilding"))
    except (CorpusIndexError, sqlite3.DatabaseError) as exc:
        _fail(str(exc))
    typer.echo(f"rebuilt {index}: {out.documents} documents", err=True)
    for doc_id, reason in out.skipped:
        typer.echo(f"could not re-index {doc_id}: {reason}", err=True)


@index_app.command("stats")
def stats_cmd(
    index: IndexArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    config: ConfigOpt = None,
) -> None:
    """What an index holds and what it was built with; says whether it is stale."""
    from auditor.index import CorpusIndexError
    from auditor.index.stats import index_stats

    try:
        st = index_stats(index, _params(config))
    except (CorpusIndexError, sqlite3.DatabaseError) as exc:
        _fail(str(exc))
    if as_json:
        sys.stdout.write(json.dumps(st, ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(f"{index}: {st['documents']} documents, {st['agencies']} agencies, {st['bytes'] / 1e6:.1f} MB")
    years = ", ".join(f"{y}: {n}" for y, n in st["years"].items())
    typer.echo(f"years: {years or '-'}")
    ss = st["stop_set"]
    typer.echo(f"stop set: {ss['shingles']} frequent shingles ({ss['scoring_shingles']} when scoring candidates) "
               f"from {ss['documents']} documents")
    typer.echo(f"built with auditor {st['versions'].get('auditor')}, pipeline {st['versions'].get('pipeline')}, "
               f"rules {st['versions'].get('rules')}")
    typer.echo("stale: " + ("; ".join(st["stale"]) if st["stale"] else "no"))
    for note in st["notes"]:
        typer.echo(f"note: {note}")


@baseline_app.command("write")
def baseline_write(
    file: Annotated[Path, typer.Argument(help="The baseline file to write (JSON)")],
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Reports to audit (default: the roots recorded in FILE)")] = None,
    against: Annotated[Optional[Path], typer.Option("--against", help="Baseline a CI gate: a folder or an index")] = None,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Rule ids, prefixes or categories")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Rule ids, prefixes or categories")] = None,
    config: ConfigOpt = None,
) -> None:
    """Record the current findings' fingerprints in FILE (keeping suppressions that still match)."""
    from auditor.baseline import BaselineError, baseline_document, load_baseline, read_baseline_file
    from auditor.report.atomic import write_text_atomic

    previous: dict = {}
    if file.exists():
        try:
            previous = load_baseline(file)
            recorded = read_baseline_file(file)
            if not paths:
                roots = recorded.get("roots") or []
                if against is None and recorded.get("against"):
                    against = Path(recorded["against"])  # a gate baseline stays a gate baseline
                paths = [Path(r) for r in roots if not (against is not None and Path(r) == against)]
        except BaselineError as exc:
            _fail(str(exc))
    if not paths:
        _fail("give the reports to baseline (PATHS), or an existing baseline file that records them")
    _missing(list(paths) + ([against] if against is not None else []))
    cfg, _ = run_config(config, None, select, ignore, "json")
    result, _, _ = audit_gate(list(paths), against, cfg)
    doc = baseline_document(result, previous)
    if against is not None:
        doc["roots"] = [str(p) for p in paths]
        doc["against"] = str(against)
    write_text_atomic(file, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    stale = len(set(previous) - {f["id"] for f in doc["findings"]})
    kept = sum(1 for f in doc["findings"] if f["status"] == "suppressed")
    typer.echo(f"wrote {file}: {len(doc['findings'])} findings ({kept} suppressed kept, {stale} stale entries dropped)", err=True)


def audit_gate(paths: list[Path], against: Optional[Path], cfg, today=None, progress=None):
    """`auditor.gate.check_against` for the command line: notes on stderr, the user's errors
    (bad rules, an unusable or stale index, an empty archive) exit 2.

    Returns ``(result, context, new documents)``; the context (index mode
    only) is what ``--add-on-pass`` needs.
    """
    from auditor.engine.rules import RuleError
    from auditor.gate import EmptyArchiveError, check_against
    from auditor.index import CorpusIndexError

    try:
        run = check_against(paths, against, cfg, today=today, progress=progress)
    except (RuleError, EmptyArchiveError, CorpusIndexError, sqlite3.DatabaseError) as exc:
        _fail(str(exc))
    for note in run.notes:
        typer.echo(f"note: {note}", err=True)
    return run.result, run.context, run.new_docs


def store_on_pass(ctx, new_docs, cfg) -> None:
    """`check --add-on-pass`: archive the reports that passed; a failure to store is exit 2."""
    from auditor.index import CorpusIndexError
    from auditor.index.gate import add_on_pass

    try:
        done = add_on_pass(ctx, new_docs, cfg)
    except (CorpusIndexError, sqlite3.DatabaseError) as exc:
        _fail(f"the gate passed but the reports could not be added to {ctx.index}: {exc}")
    typer.echo(f"added to {ctx.index}: {len(done.added)} added, {len(done.replaced)} replaced, "
               f"{len(done.unchanged)} unchanged; the index holds {done.documents} documents", err=True)
    for note in done.notes:
        typer.echo(f"note: {note}", err=True)

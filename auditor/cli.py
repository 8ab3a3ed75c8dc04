"""`audit` command line (typer), a thin layer over `auditor.api`.

Exit codes (CONTRACT.md): 0 no finding at or above --fail-on, 1 at least one,
2 usage error, bad configuration, or nothing readable found.
"""

from __future__ import annotations

import errno
import functools
import gc
import os
import select
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

# Importing this module changes nothing process-wide (tests import it to drive
# `app` with typer's runner): what only a command-line process should do is in
# `main`.  Nor does it import pydantic or any module that compiles patterns, so
# `main` is in time for both (tests/test_import_side_effects.py).
from auditor import regex_cache
from auditor.cli_options import fail as _fail
from auditor.cli_options import run_config as _config
from auditor.cli_options import split_values as _split
from auditor.version import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Audit government information-disclosure annual reports.")

FormatOpt = Annotated[str, typer.Option("--format", help="Comma-separated: html,json,sarif,junit,csv")]
OutOpt = Annotated[str, typer.Option("--out", help="Output folder, or - for JSON on stdout")]
FailOpt = Annotated[Optional[str], typer.Option("--fail-on", help="error|warning|info|never")]
SelectOpt = Annotated[Optional[list[str]], typer.Option("--select", help="Rule ids, prefixes or categories to run")]
IgnoreOpt = Annotated[Optional[list[str]], typer.Option("--ignore", help="Rule ids, prefixes or categories to skip")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="TOML config file")]
BaselineOpt = Annotated[Optional[Path], typer.Option("--baseline", help="Known findings that do not fail the run")]
IncludeOpt = Annotated[Optional[list[str]], typer.Option("--include", help="Only files whose relative path matches this glob (repeatable)")]
ExcludeOpt = Annotated[Optional[list[str]], typer.Option("--exclude", help="Skip files whose relative path matches this glob (repeatable)")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no list of findings on stderr")]
FileSecondsOpt = Annotated[Optional[float], typer.Option(
    "--max-file-seconds", help="Time budget of one file (default 30; 0: none); a file over it is an ingest-error")]


def _check_stdout(out: str, formats: str) -> None:
    """``--out -`` writes findings.json to stdout and nothing else: another format there is a usage error."""
    asked = [f.strip() for f in formats.split(",") if f.strip()]
    if out == "-" and any(f != "json" for f in asked):
        _fail(f"--out - writes JSON to stdout; --format {formats} needs an output folder")


def _finish(result, out: str, fmts: list[str], baseline: Optional[Path], on_pass=None, quiet: bool = False) -> None:
    import os

    from auditor.report.console import DEFAULT_LIMIT, print_summary
    from auditor.report.json_out import dump
    from auditor.report.writers import write_outputs

    if baseline is not None:
        from auditor.baseline import BaselineError, apply_baseline

        try:
            stale = apply_baseline(result, baseline)
        except BaselineError as exc:
            _fail(str(exc))
        for e in stale:
            typer.echo(f"baseline {baseline}: stale entry {e['id']} ({e.get('rule', '?')} {', '.join(e.get('documents', []))}) matches no finding", err=True)
        for e in result.expired_baseline:
            typer.echo(f"baseline {baseline}: suppression of {e['id']} expired on {e['expires']}: the finding counts again", err=True)
    limit = 0 if quiet else DEFAULT_LIMIT
    if not any(d.error is None for d in result.documents):
        print_summary(result, limit=limit)
        _fail("nothing readable found in " + ", ".join(result.roots or ["the given paths"]))
    if out == "-":
        dump(result.payload(), sys.stdout)
    else:
        written = write_outputs(result, Path(out), fmts)
        print_summary(result, limit=limit, where=str(Path(out) / "findings.json") if "json" in fmts else "the outputs")
        for p in written:
            typer.echo(f"wrote {p}", err=True)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            from auditor.report.github import annotations

            sys.stdout.write(annotations(result))
    if not result.failed and on_pass is not None:
        on_pass()
    raise typer.Exit(1 if result.failed else 0)


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively)")],
    out: OutOpt = "reports_out",
    formats: FormatOpt = "",
    fail_on: FailOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    baseline: BaselineOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for the per-document work (0: one per CPU)")] = 1,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine) or dask")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster)")] = None,
    timings: Annotated[Optional[Path], typer.Option("--timings", help="Write seconds per stage and peak memory (JSON) here")] = None,
    max_file_seconds: FileSecondsOpt = None,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Audit every report found under PATHS as one corpus."""
    import os
    import time

    from auditor.api import audit
    from auditor.engine.rules import RuleError
    from auditor.report.progress import terminal_progress, wanted

    _check_stdout(out, formats)
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail("no such file or folder: " + ", ".join(missing))
    if engine not in ("local", "dask"):
        _fail(f"--engine must be local or dask, not {engine!r}")
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    if jobs < 0:
        _fail("--jobs must be 0 (one per CPU) or more")
    if timings is not None and not (timings.parent.is_dir() and os.access(timings.parent, os.W_OK)):
        _fail(f"{timings}: cannot write --timings there (no such folder, or not writable)")
    jobs = jobs or os.cpu_count() or 1
    cfg, fmts = _config(config, fail_on, select, ignore, formats, max_file_seconds)
    cfg.include = cfg.include + _split(include)
    cfg.exclude = cfg.exclude + _split(exclude)
    try:
        with terminal_progress(wanted(quiet)) as progress:
            result = audit(paths, cfg, jobs=jobs, engine=engine, scheduler=scheduler, progress=progress)
    except RuleError as exc:
        _fail(str(exc))
    except ImportError as exc:  # --engine dask without dask installed
        _fail(f"--engine {engine}: {exc}")
    if not result.documents:
        why = f" ({len(result.skipped)} files skipped: " + "; ".join(f"{p}: {w}" for p, w in result.skipped[:3]) + ")" if result.skipped else ""
        _fail("no report files found in " + ", ".join(str(p) for p in paths) + why)
    gc.freeze()  # the result lives until the process ends: writing it needs no full collections over it
    t = time.perf_counter()
    try:
        _finish(result, out, fmts, baseline, quiet=quiet)
    finally:
        tm = result.timings
        if timings is not None and tm is not None:
            tm.stages["output"] = time.perf_counter() - t
            tm.write(timings)


@app.command()
def check(
    new: Annotated[list[Path], typer.Argument(help="Newly submitted reports")],
    against: Annotated[Path, typer.Option("--against", help="The existing corpus: a folder of reports, or an index file (`audit index build`)")],
    out: OutOpt = "reports_out",
    formats: FormatOpt = "",
    fail_on: FailOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    baseline: BaselineOpt = None,
    add_on_pass: Annotated[bool, typer.Option("--add-on-pass", help="Add the new reports to the index when the gate passes")] = False,
    max_file_seconds: FileSecondsOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """CI gate: audit NEW on their own and against the corpus; old-vs-old findings are not reported."""
    from auditor.cli_index import audit_gate
    from auditor.index import is_index_file
    from auditor.ingest.discover import REPORT_SUFFIXES

    _check_stdout(out, formats)
    for p in [*new, against]:
        if not p.exists():
            _fail(f"no such file or folder: {p}")
    if against.is_file() and not is_index_file(against) and against.suffix.lower() not in REPORT_SUFFIXES:
        _fail(f"{against}: not an index (not an SQLite database); --against takes a folder of reports, "
              "a report file, or an index built by `audit index build`")
    if add_on_pass and not is_index_file(against):
        _fail("--add-on-pass needs --against an index file (`audit index build`), not a folder")
    cfg, fmts = _config(config, fail_on, select, ignore, formats, max_file_seconds)
    from auditor.report.progress import terminal_progress, wanted

    with terminal_progress(wanted(quiet)) as progress:
        result, ctx, new_docs = audit_gate(new, against, cfg, progress=progress)
    if not new_docs:
        _fail("no report files found among the new submissions")
    on_pass = None
    if add_on_pass:
        from auditor.cli_index import store_on_pass

        def on_pass() -> None:
            store_on_pass(ctx, new_docs, cfg)

    _finish(result, out, fmts, baseline, on_pass, quiet=quiet)


@app.command("rules")
def rules_cmd() -> None:
    """List the rules: id, category, severity, one line."""
    from auditor.engine.rules import RuleError, load_rules

    try:
        rules = load_rules()
    except RuleError as exc:
        _fail(str(exc))
    for r in rules:
        typer.echo(f"{r.id:<8} {r.category:<20} {r.severity.value:<8} {r.spec.title}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(help="A rule id such as SUM001, or its name")]) -> None:
    """Show one rule's documentation and examples."""
    import yaml

    from auditor.engine.rules import load_rules

    rules = load_rules()
    for r in rules:
        if rule_id.strip().upper() == r.id or rule_id.strip().lower() == r.spec.name:
            typer.echo(f"{r.id} {r.spec.name}  [{r.category}, {r.severity.value}, check: {r.spec.check}]")
            typer.echo(r.spec.title + "\n")
            typer.echo(r.spec.docs.strip() + "\n")
            if r.spec.params:
                typer.echo("params:\n" + yaml.safe_dump(r.spec.params, allow_unicode=True, sort_keys=False))
            for label, exs in (("fires on", r.spec.examples.fire), ("does not fire on", r.spec.examples.pass_)):
                for ex in exs:
                    typer.echo(f"--- {label}{': ' + ex.name if ex.name else ''}")
                    for d in ex.docs():
                        typer.echo(d.text.rstrip())
            return
    import difflib

    near = difflib.get_close_matches(rule_id.upper(), [r.id for r in rules], n=3, cutoff=0.5)
    _fail(f"unknown rule {rule_id!r}" + (f"; did you mean {', '.join(near)}?" if near else " (see `audit rules`)"))


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def _register_sub_apps() -> None:
    from auditor.cli_index import baseline_app, index_app

    app.add_typer(index_app, name="index")
    app.add_typer(baseline_app, name="baseline")


_register_sub_apps()


def _escalated(command: Callable[..., Any]) -> Callable[..., Any]:
    """`command`, with the two errors click would turn into exit 1 raised as errors of the run.

    click ends a command that raises an OSError with EPIPE by exiting 1 in
    silence (it takes it for a closed stdout), and one that raises EOFError
    with "Aborted!" and 1; CI reads 1 as "findings".  Inside an audit either
    means the work was not done — a worker pool whose pipe broke because a
    worker could not start, a pickle cut short — so they leave the command as
    a RuntimeError and `main` exits 2 naming it.
    """

    @functools.wraps(command)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except EOFError as exc:
            raise RuntimeError(f"EOFError: {exc or 'input ended early'}") from exc
        except OSError as exc:
            if exc.errno == errno.EPIPE and not _stdout_closed():
                raise RuntimeError(f"broken pipe: {exc}") from exc
            raise  # `audit rules | head`: the reader left, as click expects

    return guarded


def _stdout_closed() -> bool:
    """Whether stdout is a pipe its reader has closed (poll reports an error on it)."""
    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no poll on this platform, or no real stdout (tests)
        return False


def _escalate_all(typer_app: typer.Typer) -> None:
    for info in typer_app.registered_commands:
        if info.callback is not None and not hasattr(info.callback, "__wrapped__"):
            info.callback = _escalated(info.callback)
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _escalate_all(group.typer_instance)


_escalate_all(app)


def _one_line(exc: BaseException) -> str:
    """What went wrong, on one line, naming the file where there is one."""
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if isinstance(exc, ValueError) else f"{type(exc).__name__}: {text}"


def main() -> None:
    """The entry point.  Anything that escapes a command means the reports were
    not really checked: one line on stderr and exit 2 (CONTRACT.md), never a
    traceback and never 1, which CI reads as "findings".  ``--debug`` (anywhere
    on the command line) shows the traceback instead.

    A command-line run is its own application, so it also sets up the process
    before any command runs: pydantic's plugin discovery (scanning every
    installed distribution's entry points, ~30 ms of each start-up; pydantic
    reads the variable when it builds its first model) is left off unless the
    user's environment asks for plugins, and the patterns earlier runs compiled
    are put in `re`'s cache before the auditor's modules compile them
    (`auditor.regex_cache`)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    regex_cache.warm()
    debug = "--debug" in sys.argv[1:]
    if debug:
        sys.argv.remove("--debug")
    try:
        app()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - the CLI boundary
        if debug:
            raise
        typer.echo(f"audit: {_one_line(exc)}", err=True)
        raise SystemExit(2) from None
    finally:
        regex_cache.remember()
        # The process ends here.  Its objects need no more cycle collection, and the
        # interpreter's last pass over all of them (numpy, pydantic and the corpus)
        # costs ~0.1 s: a tenth of the CI gate's budget.  Exit handlers still run.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()

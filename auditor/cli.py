"""`audit` command line (typer), a thin layer over `auditor.api`.

Exit codes (CONTRACT.md): 0 no finding at or above --fail-on, 1 at least one,
2 usage error, bad configuration, or nothing readable found.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from auditor import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Audit government information-disclosure annual reports.")

FormatOpt = Annotated[str, typer.Option("--format", help="Comma-separated: html,json,sarif,junit,csv")]
OutOpt = Annotated[str, typer.Option("--out", help="Output folder, or - for JSON on stdout")]
FailOpt = Annotated[Optional[str], typer.Option("--fail-on", help="error|warning|info|never")]
SelectOpt = Annotated[Optional[list[str]], typer.Option("--select", help="Rule ids, prefixes or categories to run")]
IgnoreOpt = Annotated[Optional[list[str]], typer.Option("--ignore", help="Rule ids, prefixes or categories to skip")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="TOML config file")]
BaselineOpt = Annotated[Optional[Path], typer.Option("--baseline", help="Known findings that do not fail the run")]


def _fail(msg: str) -> None:
    typer.echo(f"audit: {msg}", err=True)
    raise typer.Exit(2)


def _split(values: Optional[list[str]]) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _config(config_path, fail_on, select, ignore, formats):
    from auditor.config import ConfigError, load_config
    from auditor.report.writers import FORMATS

    try:
        cfg, _ = load_config(config_path)
    except ConfigError as exc:
        _fail(str(exc))
    if fail_on is not None:
        if fail_on not in ("error", "warning", "info", "never"):
            _fail(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
        cfg.fail_on = fail_on
    if select:
        cfg.select = _split(select)
    if ignore:
        cfg.ignore = cfg.ignore + _split(ignore)
    fmts = [f.strip() for f in formats.split(",") if f.strip()] if formats else cfg.formats
    bad = [f for f in fmts if f not in FORMATS]
    if bad:
        _fail(f"unknown --format {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return cfg, fmts


def _finish(result, out: str, fmts: list[str], baseline: Optional[Path]) -> None:
    from auditor.report.console import print_summary
    from auditor.report.json_out import dumps
    from auditor.report.writers import write_outputs

    if baseline is not None:
        from auditor.baseline import BaselineError, apply_baseline

        try:
            apply_baseline(result, baseline)
        except BaselineError as exc:
            _fail(str(exc))
    if not any(d.error is None for d in result.documents):
        print_summary(result)
        _fail("nothing readable found in " + ", ".join(result.roots or ["the given paths"]))
    if out == "-":
        sys.stdout.write(dumps(result.payload()))
    else:
        written = write_outputs(result, Path(out), fmts)
        print_summary(result)
        for p in written:
            typer.echo(f"wrote {p}", err=True)
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
) -> None:
    """Audit every report found under PATHS as one corpus."""
    from auditor.api import audit
    from auditor.engine.rules import RuleError

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail("no such file or folder: " + ", ".join(missing))
    cfg, fmts = _config(config, fail_on, select, ignore, formats)
    try:
        result = audit(paths, cfg)
    except RuleError as exc:
        _fail(str(exc))
    if not result.documents:
        _fail("no report files found in " + ", ".join(str(p) for p in paths))
    _finish(result, out, fmts, baseline)


@app.command()
def check(
    new: Annotated[list[Path], typer.Argument(help="Newly submitted reports")],
    against: Annotated[Path, typer.Option("--against", help="The existing corpus: a folder of reports")],
    out: OutOpt = "reports_out",
    formats: FormatOpt = "",
    fail_on: FailOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    config: ConfigOpt = None,
    baseline: BaselineOpt = None,
) -> None:
    """CI gate: audit NEW on their own and against the corpus; old-vs-old findings are not reported."""
    from auditor.api import audit_documents
    from auditor.engine.rules import RuleError
    from auditor.ingest import read_documents

    for p in [*new, against]:
        if not p.exists():
            _fail(f"no such file or folder: {p}")
    cfg, fmts = _config(config, fail_on, select, ignore, formats)
    new_docs = read_documents(new)
    new_ids = {d.id for d in new_docs}
    old_docs = [d for d in read_documents([against]) if d.id not in new_ids]
    try:
        result = audit_documents(new_docs + old_docs, cfg, roots=[str(p) for p in new] + [str(against)], new_ids=new_ids)
    except RuleError as exc:
        _fail(str(exc))
    if not new_docs:
        _fail("no report files found among the new submissions")
    _finish(result, out, fmts, baseline)


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

    for r in load_rules():
        if rule_id in (r.id, r.spec.name):
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
    _fail(f"unknown rule {rule_id!r} (see `audit rules`)")


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()

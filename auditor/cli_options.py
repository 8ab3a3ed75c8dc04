"""What every `audit` sub-command shares: the one-line usage error and the run configuration.

A module of its own so that the main command line (`auditor.cli`) and the CI
gate's sub-commands (`auditor.cli_index`) both use it without importing each
other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from auditor.config import Config


def fail(msg: str) -> NoReturn:
    typer.echo(f"audit: {msg}", err=True)
    raise typer.Exit(2)


def split_values(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def run_config(
    config_path: Path | None,
    fail_on: str | None,
    select: list[str] | None,
    ignore: list[str] | None,
    formats: str,
    max_file_seconds: float | None = None,
) -> tuple[Config, list[str]]:
    """The run's configuration: the config file (or the defaults) with the command line's options on top,
    and the output formats; anything invalid exits 2 with one line."""
    from auditor.config import ConfigError, is_fail_on, load_config
    from auditor.report.writers import FORMATS

    try:
        cfg, _ = load_config(config_path)
    except ConfigError as exc:
        fail(str(exc))
    if fail_on is not None:
        if not is_fail_on(fail_on):
            fail(f"--fail-on must be error, warning, info or never, not {fail_on!r}")
        cfg.fail_on = fail_on
    if select:
        cfg.select = split_values(select)
    if ignore:
        cfg.ignore = cfg.ignore + split_values(ignore)
    if max_file_seconds is not None:
        if max_file_seconds < 0:
            fail("--max-file-seconds must be 0 (no budget) or more")
        cfg.max_file_seconds = max_file_seconds
    fmts = [f.strip() for f in formats.split(",") if f.strip()] if formats else cfg.formats
    bad = [f for f in fmts if f not in FORMATS]
    if bad:
        fail(f"unknown --format {', '.join(bad)}; choose from {', '.join(FORMATS)}")
    return cfg, fmts

"""Shared fixtures of the CI-gate tests: a generated archive of 60 reports and its index."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gate import reportgen

AUDIT = shutil.which("audit", path=str(Path(sys.executable).parent)) or shutil.which("audit")


def audit_proc(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed `audit` command in a subprocess, as CI calls it."""
    if AUDIT is None:
        pytest.fail("the `audit` console script is not installed (pip install -e .)")
    e = dict(os.environ, CI="true")
    e.pop("GITHUB_ACTIONS", None)
    e.update(env or {})
    return subprocess.run([AUDIT, *map(str, args)], capture_output=True, text=True, cwd=cwd, env=e, timeout=300)


@contextmanager
def _chdir(path: Path | None):
    old = os.getcwd()
    if path is not None:
        os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def audit(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """`audit` in this process (typer's runner): the same command line without the start-up cost.

    The tests that need the real entry point (concurrency, stdout in GitHub Actions, the
    pre-commit hooks, one end-to-end check) use `audit_proc`.
    """
    from typer.testing import CliRunner

    from auditor.cli import app

    e = {"CI": "true", "GITHUB_ACTIONS": None} | (env or {})
    with _chdir(cwd):
        r = CliRunner(env=e).invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return subprocess.CompletedProcess(args, r.exit_code, r.stdout, r.stderr)


@dataclass
class Archive:
    root: Path  # the archived reports, one file per report
    index: Path  # their index (built once per test module; copy it before writing)
    reports: list[reportgen.Report]

    def latest(self, k: int) -> reportgen.Report:
        """The k-th agency's last archived report (2024)."""
        return [r for r in self.reports if r.year == 2024][k]

    def fresh_index(self, tmp: Path) -> Path:
        """A private copy of the index for a test that writes to it."""
        dst = tmp / "index.db"
        src, out = sqlite3.connect(self.index), sqlite3.connect(dst)
        src.backup(out)
        src.close()
        out.close()
        return dst


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Archive:
    """60 reports (15 agencies x 2021-2024) indexed with `audit index build`."""
    base = tmp_path_factory.mktemp("archive")
    root = base / "reports"
    root.mkdir()
    reports = reportgen.corpus(15, seed=7)
    for r in reports:
        (root / r.filename).write_text(r.text, encoding="utf-8")
    index = base / "archive.db"
    p = audit("index", "build", index, root)
    assert p.returncode == 0, p.stderr
    return Archive(root, index, reports)


def write_new(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def next_year(report: reportgen.Report, seed: int = 1) -> reportgen.Report:
    """The agency's honest report for the next year."""
    return reportgen.report(report.agency, report.year + 1, report.state, random.Random(seed))

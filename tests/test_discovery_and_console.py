"""No silent skips, a console that stays readable, progress only on a terminal (issue 13)."""

from __future__ import annotations

import json
import shutil

import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.report.console import summary_lines
from auditor.report.progress import wanted
from tests.conftest import SEEDS
from tests.test_cli import run


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "r" / "2020").mkdir(parents=True)
    (tmp_path / "r" / ".git").mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), tmp_path / "r" / "2020" / "report.html")
    (tmp_path / "r" / "notes.json").write_text("{}", encoding="utf-8")
    return tmp_path / "r"


def test_a_report_named_report_html_is_read_and_skips_are_listed(folder):
    result = audit(folder)
    assert [d.source for d in result.documents][:1] == ["2020/report.html"]
    assert dict(result.skipped) == {".git/": "hidden folder", "notes.json": "not a report format (.json)"}
    assert result.payload()["run"]["skipped"][0] == {"path": ".git/", "why": "hidden folder"}


def test_the_tools_own_html_report_is_recognised_by_content(folder, tmp_path):
    out = tmp_path / "out"
    assert run("run", str(folder), "--out", str(out)).returncode == 1
    r = run("run", str(out), "--out", str(tmp_path / "o2"))
    assert r.returncode == 2 and "report.html: written by this tool" in r.stderr


def test_include_and_exclude_globs(folder):
    assert audit(folder, Config(exclude=["2020/*"])).documents == []
    assert "matched by --exclude" in dict(audit(folder, Config(exclude=["2020/*"])).skipped)["2020/report.html"]
    assert audit(folder, Config(include=["2020/*.html"])).documents


def test_the_api_takes_one_path_and_refuses_a_missing_one(folder):
    assert audit(str(folder)).documents
    with pytest.raises(FileNotFoundError):
        audit(["no/such/folder"])


def test_the_console_shows_at_most_the_limit_and_counts_the_rest():
    result = audit([SEEDS])
    lines = summary_lines(result, limit=3)
    shown = [ln for ln in lines if ln.startswith("  ") and not ln.startswith("  …")]
    assert len(shown) == 3
    assert any(ln.startswith("  … and ") and ln.endswith("more in findings.json") for ln in lines)
    assert lines[-1].startswith("verdict: FAIL")


def test_baselined_findings_are_counted_not_listed():
    result = audit([SEEDS])
    for f in result.findings:
        f.status = "baselined"
    lines = summary_lines(result)
    assert not [ln for ln in lines if ln.startswith("  error") or ln.startswith("  warning")]
    assert any("already known from the baseline" in ln for ln in lines)
    assert lines[-1].startswith("verdict: PASS")


def test_out_dash_with_html_is_a_usage_error():
    r = run("run", str(SEEDS), "--out", "-", "--format", "html")
    assert r.returncode == 2 and "--out - writes JSON" in r.stderr and r.stdout == ""


def test_no_progress_bar_in_ci_or_when_quiet(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert not wanted(False)
    monkeypatch.delenv("CI")
    assert not wanted(True)


def test_progress_is_reported_per_chunk_of_files(folder):
    calls = []
    audit(folder, progress=lambda what, done, total: calls.append((what, done, total)))
    assert calls and calls[-1] == ("reading files", 1, 1)
    out = json.dumps(calls)
    assert "reading files" in out


def test_the_gate_reports_progress_per_file(folder, tmp_path):
    from auditor.pipeline import read_all

    calls = []
    docs = read_all([folder], 30, lambda what, done, total: calls.append((what, done, total)))
    assert docs and calls == [("reading files", 1, 1)]

"""Outputs: one atomic writer, staged together, ordinary file modes, a CSV Excel reads (issue 13/14)."""

from __future__ import annotations

import os
import stat

import pytest

from auditor.api import audit
from auditor.report import writers
from auditor.report.atomic import staged
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed():
    return audit([SEEDS])


def test_an_interrupted_run_leaves_the_previous_outputs_together(tmp_path, seed, monkeypatch):
    out = tmp_path / "out"
    writers.write_outputs(seed, out, ["html", "json", "csv"])
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    real = writers.render

    def crash_on_csv(result, fmt):
        if fmt == "csv":
            raise KeyboardInterrupt
        return real(result, fmt)

    monkeypatch.setattr(writers, "render", crash_on_csv)
    with pytest.raises(KeyboardInterrupt):
        writers.write_outputs(seed, out, ["html", "json", "csv"])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no new report.html beside the old json


def test_outputs_follow_the_umask(tmp_path, seed):
    old = os.umask(0o022)
    try:
        writers.write_outputs(seed, tmp_path, ["json", "html"])
    finally:
        os.umask(old)
    for name in ("findings.json", "report.html"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


def test_csv_starts_with_a_bom_for_excel(tmp_path, seed):
    writers.write_outputs(seed, tmp_path, ["csv"])
    data = (tmp_path / "findings.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "分项之和".encode() in data


def test_staged_writes_nothing_when_the_block_fails(tmp_path):
    with pytest.raises(RuntimeError):
        with staged() as stage:
            stage.write_text(tmp_path / "a.txt", "a")
            raise RuntimeError
    assert list(tmp_path.iterdir()) == []

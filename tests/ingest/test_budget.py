"""Bounded cost per file: a character cap and a time budget (issue 13)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.ingest import budget
from auditor.ingest.budget import BudgetExceeded, file_budget
from tests.conftest import SEEDS


def test_the_budget_interrupts_python_work():
    t = time.perf_counter()
    with pytest.raises(BudgetExceeded):
        with file_budget(0.2):
            while True:
                pass
    assert time.perf_counter() - t < 5


def test_no_budget_means_no_alarm():
    with file_budget(None):
        time.sleep(0.01)
    with file_budget(0):
        time.sleep(0.01)


def test_a_file_over_budget_is_an_ingest_error_and_the_rest_is_audited(tmp_path, monkeypatch):
    from auditor import pipeline

    slow = tmp_path / "slow.txt"
    slow.write_text("某县2020年政府信息公开工作年度报告\n" + "本年度主动公开信息12条。\n" * 50, encoding="utf-8")
    (tmp_path / "seed.txt").write_text(next(SEEDS.glob("*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    real = pipeline.analyse

    def crawl(doc):
        if doc.id == "slow.txt":
            time.sleep(5)
        return real(doc)

    monkeypatch.setattr("auditor.scale.work.analyse", crawl)
    result = audit([tmp_path], Config(max_file_seconds=0.5))
    slow_doc = next(d for d in result.documents if d.id == "slow.txt")
    assert slow_doc.error and "--max-file-seconds" in slow_doc.error
    assert any(f.category == "ingest-error" and f.documents == ["slow.txt"] for f in result.findings)
    assert sum(d.error is None for d in result.documents) == 5  # the seed's five reports


def test_a_text_too_long_for_a_report_is_an_ingest_error(tmp_path, monkeypatch):
    monkeypatch.setattr("auditor.ingest.MAX_CHARS", 1000)
    p: Path = tmp_path / "long.txt"
    p.write_text("某县2020年政府信息公开工作年度报告\n" + "本年度主动公开信息12条。\n" * 200, encoding="utf-8")
    result = audit([tmp_path])
    assert "too long for one report" in result.documents[0].error
    assert budget.MAX_CHARS == 4_000_000


def test_a_50_mb_text_is_refused_quickly(tmp_path):
    line = "本年度主动公开政府信息共计二百条，其中规范性文件十条，工作动态一百九十条。\n"
    big = tmp_path / "big.txt"
    big.write_text("某县统计局2021年政府信息公开工作年度报告\n" + line * (50_000_000 // len(line.encode())), encoding="utf-8")
    t = time.perf_counter()
    result = audit([big])
    assert "too long for one report" in result.documents[0].error
    assert time.perf_counter() - t < 30  # generous: ~1 s here (make bench measures time and memory)

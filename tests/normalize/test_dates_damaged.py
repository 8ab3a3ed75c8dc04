"""Dates whose 年/月 were lost on the way to the web page, and years typed with extra digits."""

from __future__ import annotations

import pytest

from auditor.normalize.dates import find_dates, find_malformed_dates, parse_date


@pytest.mark.parametrize(
    "text, iso",
    [
        ("201811日", "2018-01-01"),
        ("2018年11日", "2018-01-01"),
        ("20161130日", "2016-11-30"),
        ("2018年1231日", "2018-12-31"),
        ("2018131日", "2018-01-31"),  # 13-1 is no date, so 1-31
        ("20211月1日", "2021-01-01"),
        ("202112月31日", "2021-12-31"),
        ("２０２１１月１日", "2021-01-01"),
        ("二〇一二年四月三十日", "2012-04-30"),
        ("二O一O年三月五日", "2010-03-05"),
    ],
)
def test_damaged_dates_are_read(text: str, iso: str) -> None:
    d = parse_date(text)
    assert d is not None and d.iso() == iso


@pytest.mark.parametrize("text", ["2018111日", "2018101日", "2018年10日", "120181231日"])
def test_ambiguous_runs_are_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_period_with_lost_characters() -> None:
    found = find_dates("从201611日至20161130日")
    assert [d.iso() for d in found] == ["2016-01-01", "2016-11-30"]


@pytest.mark.parametrize("text", ["201818年12月31日", "202020年12月31日", "20188年1月1日"])
def test_malformed_years(text: str) -> None:
    (hit,) = find_malformed_dates("统计期限至" + text + "止")
    assert hit[2] == text
    assert find_dates(text) == []


def test_valid_dates_are_not_malformed() -> None:
    assert find_malformed_dates("2018年12月31日, 二〇一二年四月三十日") == []

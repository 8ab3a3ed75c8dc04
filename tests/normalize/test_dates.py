"""Date and year finding: every printed form, plus embedding properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.normalize.dates import find_dates, find_years, parse_date

FAST = settings(max_examples=200, deadline=None)

CN_DIGITS = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# Filler for embedding: no digits, numerals, separators, 年/月/日 or spaces.
FILLER = st.text(alphabet="的是在工作信息公开政府报告我们进行了，。；：（）", max_size=8)
SPACE = st.sampled_from(["", "", " ", "  ", "\u3000"])


def cn_month_day(n: int) -> str:
    """1..31 as written in dates: 五, 十, 十二, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    return (CN_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "") + (CN_DIGITS[ones] if ones else "")


def cn_year(year: int, zero: str) -> str:
    return "".join(CN_DIGITS[int(c)] for c in str(year)).replace("〇", zero)


@pytest.mark.parametrize(
    "text, ymd",
    [
        ("2010年3月15日", (2010, 3, 15)),
        ("2010年03月05日", (2010, 3, 5)),
        ("2010 年 3 月 15 日", (2010, 3, 15)),
        ("2009年12月31 日", (2009, 12, 31)),
        ("2010年3月15号", (2010, 3, 15)),
        ("２０１０年３月１５日", (2010, 3, 15)),
        ("二O一O年三月五日", (2010, 3, 5)),
        ("二o一o年三月五日", (2010, 3, 5)),
        ("二〇一〇年三月五日", (2010, 3, 5)),
        ("二○一○年三月五日", (2010, 3, 5)),
        ("二零一零年三月五日", (2010, 3, 5)),
        ("二0一四年十二月三十一日", (2014, 12, 31)),
        ("二〇一〇年十月二十日", (2010, 10, 20)),
        ("二〇一〇年十一月十日", (2010, 11, 10)),
        ("2010-03-15", (2010, 3, 15)),
        ("2010-3-5", (2010, 3, 5)),
        ("2010.3.15", (2010, 3, 15)),
        ("2010/03/15", (2010, 3, 15)),
        ("2010年3月", (2010, 3, None)),
        ("二〇一〇年三月", (2010, 3, None)),
        ("20141130日", (2014, 11, 30)),
        ("2014年1130日", (2014, 11, 30)),
        ("1949年10月1日", (1949, 10, 1)),
        ("2100年1月1日", (2100, 1, 1)),
    ],
)
def test_parse_date(text: str, ymd: tuple[int, int, int | None]) -> None:
    d = parse_date(f" {text}\n")
    assert d is not None
    assert (d.year, d.month, d.day) == ymd
    assert (d.start, d.end, d.text) == (0, len(text), text)


def test_impossible_date_is_returned_invalid() -> None:
    (d,) = find_dates("签发于2019年2月30日。")
    assert (d.year, d.month, d.day, d.text) == (2019, 2, 30, "2019年2月30日")
    assert not d.valid
    assert d.iso() == "2019-02-30"


@pytest.mark.parametrize(
    "text",
    [
        "2009年", "2009年度", "二〇〇九年", "1948年3月1日", "2101年3月1日", "2010年13月1日",
        "2010年3月32日", "12010年3月1日", "2010-03", "2010.3", "2010-03/15",
        "2010.3.15.2", "120141130日", "一二三四年五月", "2010年3月15日前",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_offsets_and_order() -> None:
    text = "本报告于2010年3月15日发布，统计期为2009年1月1日至2009年12月31日，网址 2010/03/15。"
    found = find_dates(text)
    assert [d.text for d in found] == ["2010年3月15日", "2009年1月1日", "2009年12月31日", "2010/03/15"]
    assert all(text[d.start : d.end] == d.text for d in found)


def test_year_month_does_not_swallow_following_text() -> None:
    (d,) = find_dates("2010年3月份以来")
    assert (d.text, d.day) == ("2010年3月", None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2009年政府信息公开工作年度报告", [("2009年", 2009)]),
        ("2009年度报告", [("2009年度", 2009)]),
        ("二〇〇九年工作", [("二〇〇九年", 2009)]),
        ("二O一九年度", [("二O一九年度", 2019)]),
        ("１９９９年", [("１９９９年", 1999)]),
        ("2009 年", [("2009 年", 2009)]),
        ("2009年12月31日", []),
        ("2010年3月", []),
        ("12009年", []),
        ("1899年", []),
        ("2009-2010年", [("2010年", 2010)]),
        ("第3年", []),
    ],
)
def test_find_years(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(text[s:e], y) for s, e, y in find_years(text)] == expected


DATES = st.dates(min_value=date(1949, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def printed_date(draw: st.DrawFn) -> tuple[str, int, int, int | None]:
    """A valid date printed in one of the forms reports use."""
    d = draw(DATES)
    y, m, dd = d.year, d.month, d.day
    form = draw(st.sampled_from(
        ["written", "padded", "spaced", "full", "chinese", "numeric", "glued", "glued-year",
         "year-month", "chinese-year-month"]
    ))
    day: int | None = dd
    if form == "written":
        text = f"{y}年{m}月{dd}日"
    elif form == "padded":
        text = f"{y}年{m:02d}月{dd:02d}日"
    elif form == "spaced":
        parts = [str(y), "年", str(m), "月", str(dd), "日"]
        text = parts[0] + "".join(draw(SPACE) + p for p in parts[1:])
    elif form == "full":
        text = f"{y}年{m}月{dd}日".translate(FULL_WIDTH)
    elif form == "chinese":
        zero = draw(st.sampled_from("〇○零Oo"))
        text = f"{cn_year(y, zero)}年{cn_month_day(m)}月{cn_month_day(dd)}日"
    elif form == "numeric":
        sep = draw(st.sampled_from("-./"))
        mm, dds = (f"{m:02d}", f"{dd:02d}") if draw(st.booleans()) else (str(m), str(dd))
        text = f"{y}{sep}{mm}{sep}{dds}"
    elif form == "glued":
        text = f"{y}{m:02d}{dd:02d}日"
    elif form == "glued-year":
        text = f"{y}年{m:02d}{dd:02d}日"
    elif form == "year-month":
        text, day = f"{y}年{m}月", None
    else:
        text, day = f"{cn_year(y, '〇')}年{cn_month_day(m)}月", None
    return text, y, m, day


@FAST
@given(FILLER, printed_date(), FILLER)
def test_dates_found_in_filler(left: str, sample: tuple[str, int, int, int | None], right: str) -> None:
    text, y, m, day = sample
    found = find_dates(left + text + right)
    assert [(d.year, d.month, d.day, d.start, d.end, d.text) for d in found] == [
        (y, m, day, len(left), len(left) + len(text), text)
    ]
    assert day is None or found[0].valid


@FAST
@given(FILLER, st.integers(1900, 2099), st.booleans(), st.sampled_from(["年", "年度"]), FILLER)
def test_years_found_in_filler(left: str, year: int, chinese: bool, suffix: str, right: str) -> None:
    printed = (cn_year(year, "〇") if chinese else str(year)) + suffix
    found = find_years(left + printed + right)
    assert found == [(len(left), len(left) + len(printed), year)]


@FAST
@given(st.text())
def test_finders_never_raise(text: str) -> None:
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text
    for start, end, _ in find_years(text):
        assert 0 <= start < end <= len(text)
    parse_date(text)

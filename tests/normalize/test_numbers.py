"""Number parsing: every printed form, plus round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.normalize.numbers import (
    NUMBER_PATTERN,
    find_numbers,
    half_unit,
    parse_number,
    parse_percent,
)

FAST = settings(max_examples=200, deadline=None)

CN_DIGITS = "零一二三四五六七八九"
FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
# Filler for embedding: no digits, numerals, separators or counting units.
FILLER = st.text(alphabet="的是在工作信息公开政府报告我们进行了，。；：（）", max_size=8)


def render_section(n: int) -> str:
    """0 < n < 10000 in the standard reading, 零 for each run of inner zeros."""
    out, gap = "", False
    for unit, place in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        d = n // place % 10
        if d:
            out += ("零" if gap else "") + CN_DIGITS[d] + unit
            gap = False
        elif out:
            gap = True
    return out


def render_chinese(n: int) -> str:
    """n as a Chinese numeral: 一亿零五十万, 十万零一十, leading 一十 -> 十."""
    if n == 0:
        return "零"
    out, gap = "", False
    for value, unit in ((n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")):
        if not value:
            gap = gap or bool(out)
            continue
        if out and (gap or value < 1000):
            out += "零"
        out += render_section(value) + unit
        gap = False
    return out[1:] if out.startswith("一十") else out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("61.7", "61.7"),
        ("898", "898"),
        ("0", "0"),
        ("0.50", "0.50"),
        ("1,234", "1234"),
        ("1，234", "1234"),
        ("12,345,678.9", "12345678.9"),
        ("８９８", "898"),
        ("６１．７", "61.7"),
        ("１，２３４", "1234"),
        ("+1036", "1036"),
        ("-5", "-5"),
        ("−5", "-5"),
        ("－5", "-5"),
        (" 42 ", "42"),
        ("15.8万", "15.8E4"),
        ("3亿", "3E8"),
        ("1.2亿", "1.2E8"),
        ("2万亿", "2E12"),
        ("零", "0"),
        ("十", "10"),
        ("十二", "12"),
        ("二十", "20"),
        ("一百零五", "105"),
        ("一百一十", "110"),
        ("三千六百二十七", "3627"),
        ("一千零五十", "1050"),
        ("一万二千", "12000"),
        ("一万二", "12000"),
        ("三千五", "3500"),
        ("两千", "2000"),
        ("两", "2"),
        ("十万", "100000"),
        ("十万零一十", "100010"),
        ("一亿零五十万", "100500000"),
        ("一亿零五", "100000005"),
        ("十亿", "1000000000"),
        ("一万亿", "1000000000000"),
        ("壹佰贰拾叁", "123"),
        ("叁仟零伍拾", "3050"),
        ("二〇一〇", "2010"),
        ("二○一○", "2010"),
        ("二零一零", "2010"),
        ("二O一O", "2010"),
        ("二o一o", "2010"),
        ("三点五", "3.5"),
        ("六十一点七", "61.7"),
        ("零点零五", "0.05"),
        ("三点五万", "3.5E4"),
        ("-五", "-5"),
    ],
)
def test_parse_number(text: str, expected: str) -> None:
    value = parse_number(text)
    assert value is not None
    assert value.as_tuple() == Decimal(expected).as_tuple()


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "-", "abc", "12a", "1.", ".5", "1,23", "1,2345", "1 234", "61.7%",
        "百", "万", "千万", "一百十", "十十", "五十二三", "二〇一〇万", "一点", "点五",
        "O", "OO", "Oo", "一亿二亿", "百分之十",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("61.7%", "61.7"),
        ("61.7％", "61.7"),
        ("６１．７％", "61.7"),
        ("100%", "100"),
        ("-2.5%", "-2.5"),
        ("百分之六十", "60"),
        ("百分之六十一点七", "61.7"),
        ("百分之百", "100"),
        ("百分之零点五", "0.5"),
    ],
)
def test_parse_percent(text: str, expected: str) -> None:
    value = parse_percent(text)
    assert value is not None
    assert value.as_tuple() == Decimal(expected).as_tuple()


@pytest.mark.parametrize("text", ["61.7", "%", "百分之", "百分之x", "六十"])
def test_parse_percent_rejects(text: str) -> None:
    assert parse_percent(text) is None


@pytest.mark.parametrize(
    "value, expected",
    [("61.7", "0.05"), ("1.58E+5", "500"), ("898", "0.5"), ("0.05", "0.005"), ("3E8", "5E7")],
)
def test_half_unit(value: str, expected: str) -> None:
    assert half_unit(Decimal(value)) == Decimal(expected)


def test_half_unit_of_parsed_multiplier() -> None:
    assert half_unit(parse_number("15.8万")) == Decimal("500")


def test_number_pattern_has_no_groups() -> None:
    import re

    assert re.compile(NUMBER_PATTERN).groups == 0
    m = re.search(f"共({NUMBER_PATTERN})件", "全年共1,234件")
    assert m and m.group(1) == "1,234"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("受理申请1,234件", [("1,234", "1234")]),
        ("资金15.8万元", [("15.8万", "15.8E4")]),
        ("办结率61.7%", [("61.7", "61.7")]),
        ("电话08162232710", [("08162232710", "8162232710")]),
        ("〔2019〕60号", [("2019", "2019"), ("60", "60")]),
        ("http://www.gov.cn/art/2019/abc123x.html", [("2019", "2019"), ("123", "123")]),
        ("同比增长-5%", [("-5", "-5")]),
        ("2010-03-15", [("2010", "2010"), ("03", "3"), ("15", "15")]),
        ("见2010.3.15及1.2.3", []),
        ("第1,2,3项", [("1", "1"), ("2", "2"), ("3", "3")]),
        ("共二十二条", [("二十二", "22")]),
        ("发布一万二千条", [("一万二千", "12000")]),
        ("共计十万元", [("十万", "100000")]),
        ("一项", [("一", "1")]),
        ("一是加强领导", []),
        ("三四个", []),
        ("二〇一〇年", []),
        ("百姓千方百计", []),
        ("重点工作", []),
        ("８９８件", [("８９８", "898")]),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_numbers(text)
    assert [(text[s:e], v.as_tuple()) for s, e, v in found] == [
        (t, Decimal(v).as_tuple()) for t, v in expected
    ]


@FAST
@given(st.integers(0, 10**9), st.booleans())
def test_chinese_numeral_round_trip(n: int, financial: bool) -> None:
    text = render_chinese(n)
    if financial:
        text = text.translate(FINANCIAL)
    assert parse_number(text) == Decimal(n)


@st.composite
def arabic(draw: st.DrawFn) -> tuple[str, Decimal]:
    """A non-negative Decimal and one printed form of it."""
    whole = draw(st.integers(0, 10**12))
    places = draw(st.integers(0, 4))
    frac = draw(st.integers(0, 10**places - 1)) if places else 0
    plain = f"{whole}" + (f".{frac:0{places}d}" if places else "")
    printed = f"{whole:,}" if draw(st.booleans()) else f"{whole}"
    if places:
        printed += f".{frac:0{places}d}"
    if draw(st.booleans()):
        printed = printed.translate(FULL_WIDTH)
    elif draw(st.booleans()):
        printed = printed.replace(",", "，")
    return printed, Decimal(plain)


@FAST
@given(arabic(), st.sampled_from(["", "万", "亿"]))
def test_arabic_round_trip_keeps_exponent(sample: tuple[str, Decimal], mult: str) -> None:
    printed, value = sample
    expected = value.scaleb({"": 0, "万": 4, "亿": 8}[mult])
    assert parse_number(printed + mult).as_tuple() == expected.as_tuple()


@FAST
@given(FILLER, arabic(), FILLER)
def test_find_numbers_arabic_in_filler(left: str, sample: tuple[str, Decimal], right: str) -> None:
    printed, value = sample
    found = find_numbers(left + printed + right)
    assert [(s, e, v.as_tuple()) for s, e, v in found] == [
        (len(left), len(left) + len(printed), value.as_tuple())
    ]


@FAST
@given(FILLER, st.integers(0, 10**9), st.sampled_from("条件个项次人家份篇"), FILLER)
def test_find_numbers_chinese_before_counter(left: str, n: int, unit: str, right: str) -> None:
    printed = render_chinese(n)
    found = find_numbers(left + printed + unit + right)
    assert found == [(len(left), len(left) + len(printed), Decimal(n))]


@FAST
@given(st.text())
def test_parsers_never_raise(text: str) -> None:
    parse_number(text)
    parse_percent(text)
    for start, end, _ in find_numbers(text):
        assert 0 <= start < end <= len(text)

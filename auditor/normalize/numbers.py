"""Parse numbers as Chinese annual reports print them.

Reports mix Arabic figures ("1,234", full-width "８９８", "15.8万") with Chinese
numerals ("三千六百二十七", "二〇一〇", "百分之六十一点七").  The checks compare
stated figures with sums and ratios, so every value is a `Decimal` that keeps
the printed precision: "61.7" stays ``Decimal("61.7")`` and "15.8万" becomes
``Decimal("1.58E+5")``, whose exponent records that the figure is only known to
0.1万.  `half_unit` turns that exponent into the rounding tolerance a check
should allow before calling two figures different.
"""

from __future__ import annotations

import re
from decimal import Decimal

# Full-width digits and punctuation, and the typographic minus, as ASCII.
_FOLD = str.maketrans("０１２３４５６７８９．，＋－−Ｏｏ", "0123456789.,+--Oo")

# Chinese digits, financial forms included.  Latin O/o stand in for 〇 in
# typed years ("二O一O") and are only accepted next to real Chinese digits.
_CN_DIGIT = {
    ch: d
    for d, chars in enumerate(
        ("零〇○Oo", "一壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖")
    )
    for ch in chars
}
_CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = (("亿", 8), ("万", 4))  # 亿 first: its head may itself contain 万 (万亿)
_MULTIPLIER = {"万亿": 12, "万": 4, "亿": 8}  # longest suffix first

_ARABIC = re.compile(r"([+-]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?(万亿|万|亿)?")


def parse_number(s: str) -> Decimal | None:
    """The value of `s` read as exactly one number, or None.

    Arabic figures may carry thousands separators, a decimal part, a sign and
    a 万/亿 multiplier; Chinese numerals may be grouped ("一万二千") or read
    digit by digit ("二〇一〇"), with 点 as the decimal point.  Percent signs
    are not accepted here: a percentage is a different quantity (`parse_percent`).
    """
    t = s.strip().translate(_FOLD)
    m = _ARABIC.fullmatch(t)
    if m:
        sign, whole, frac, mult = m.groups()
        value = Decimal(sign + whole.replace(",", "") + (frac or ""))
        return value.scaleb(_MULTIPLIER[mult]) if mult else value
    sign = t[:1] if t[:1] in ("+", "-") else ""
    cn = _chinese(t[len(sign) :])
    if cn is not None and sign == "-":
        return cn.copy_negate()
    return cn


def parse_percent(s: str) -> Decimal | None:
    """The percentage in "61.7%" / "61.7％" / "百分之六十一点七" as Decimal("61.7")."""
    t = s.strip()
    if t.endswith(("%", "％")):
        return parse_number(t[:-1])
    if t.startswith("百分之"):
        rest = t[3:]
        # "百分之百" (a 100% completion rate) is idiomatic although a bare 百
        # is not a numeral on its own.
        return Decimal(100) if rest == "百" else parse_number(rest)
    return None


def half_unit(d: Decimal) -> Decimal:
    """Half of one unit in the last printed place: the rounding slack of `d`."""
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int), f"{d} is not a finite number"
    return Decimal(5).scaleb(exponent - 1)


def _chinese(t: str) -> Decimal | None:
    whole, point, frac = t.partition("点")
    if not point:
        n = _chinese_int(whole)
        return None if n is None else Decimal(n)
    power = 0
    for suffix, p in _MULTIPLIER.items():
        if frac.endswith(suffix):
            frac, power = frac[: -len(suffix)], p
            break
    n, digits = _chinese_int(whole), _digit_string(frac)
    if n is None or digits is None:
        return None
    return Decimal(f"{n}.{digits}").scaleb(power)


def _digit_string(s: str) -> str | None:
    """Digit-by-digit numerals ("二〇一〇") as ASCII digits."""
    if not s or any(ch not in _CN_DIGIT for ch in s) or set(s) <= {"O", "o"}:
        return None
    return "".join(str(_CN_DIGIT[ch]) for ch in s)


def _chinese_int(s: str) -> int | None:
    if any(ch in _CN_SMALL or ch in "万亿" for ch in s):
        return _grouped(s)
    digits = _digit_string(s)
    return None if digits is None else int(digits)


def _grouped(s: str) -> int | None:
    """A numeral read with units ("三千六百二十七", "一亿零五十万")."""
    for unit, power in _CN_BIG:
        head, found, tail = s.partition(unit)
        if not found:
            continue
        high = _grouped(head) if head else None
        if not high:
            return None
        if len(tail) == 1 and _CN_DIGIT.get(tail):
            low = _CN_DIGIT[tail] * 10 ** (power - 1)  # "一万二" = 12000
        else:
            low = _grouped(tail) if tail else 0
        if low is None or low >= 10**power:
            return None
        return high * 10**power + low
    return _section(s)


def _section(s: str) -> int | None:
    """A numeral below 10000; units must fall (千 > 百 > 十), 零 marks gaps."""
    value, digit, last, zero = 0, None, 10000, False
    for ch in s:
        if digit is not None and ch in _CN_DIGIT:
            return None  # two digits in a row: not a grouped numeral
        if ch in _CN_DIGIT:
            if _CN_DIGIT[ch]:
                digit = _CN_DIGIT[ch]
            else:
                zero = True
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if unit >= last:
                return None
            if digit is None:
                if unit != 10 or value:  # only a leading 十 may omit its 一
                    return None
                digit = 1
            value, last, digit, zero = value + digit * unit, unit, None, False
        else:
            return None
    if digit is not None:
        # A final digit right after a unit abbreviates the next place
        # ("三千五" = 3500); after 零 or on its own it is the units digit.
        value += digit * (1 if zero or last == 10000 else last // 10)
    return value


_D = "[0-9０-９]"
_CN_DIGIT_CHARS = "零〇○一二三四五六七八九两壹贰叁肆伍陆柒捌玖"
_CN_UNIT_CHARS = "十百千万亿拾佰仟"

# The pattern never starts inside a digit run or right after "2010." and
# refuses to end before ".<digit>", so dotted runs such as "2010.3.15" or
# "1.2.3" (dates, clause numbers) yield no number at all rather than a wrong
# "2010.3".  A sign counts only when it is not glued to a letter or digit
# ("2010-03" is two numbers, not 2010 and -3).
_ARABIC_PATTERN = (
    rf"(?<!{_D})(?<!{_D}[.．])"
    rf"(?:(?<![A-Za-z])[+\-−＋－])?"
    rf"(?:{_D}{{1,3}}(?:[,，]{_D}{{3}})+|{_D}+)(?:[.．]{_D}+)?(?![.．]?{_D})"
    r"(?:万亿|万|亿)?"
)
# A run of Chinese numeral characters.  It cannot start with 百/千/万/亿 (百姓,
# 千方百计, 万元) nor inside another run; 点 counts only before a digit (重点).
_CHINESE_PATTERN = (
    rf"(?<![{_CN_DIGIT_CHARS}{_CN_UNIT_CHARS}点])"
    rf"[{_CN_DIGIT_CHARS}十拾]"
    rf"(?:[{_CN_DIGIT_CHARS}{_CN_UNIT_CHARS}]|[OoＯｏ](?![A-Za-z])|点(?=[{_CN_DIGIT_CHARS}]))*"
)

NUMBER_PATTERN = f"(?:{_ARABIC_PATTERN}|{_CHINESE_PATTERN})"
"""Regex source for one number in running text (no anchors, no groups).

A Chinese-numeral match is only a candidate: a lone 一 in 一是/统一/一般, 十 in
十分 or 两 in 两会 matches too, and telling those apart is the caller's job
(`find_numbers` applies the counting-unit rule below).
"""

_NUMBER = re.compile(NUMBER_PATTERN)
_COUNTERS = frozenset("条件个项次人家份篇场名部分类")


def find_numbers(text: str) -> list[tuple[int, int, Decimal]]:
    """(start, end, value) of every number in `text`, in order.

    Every Arabic figure is returned, including those that are parts of URLs,
    phone numbers or document numbers ("〔2019〕60号"): the caller filters by
    context, and a run of glued digits is always returned whole, never split.
    A Chinese numeral is returned only when a counting unit follows it or it
    ends in 万/亿, and only if it is read with units or is a single character:
    a unit-less run before a counter is an estimate ("三四个"), not 34.
    """
    found = []
    for m in _NUMBER.finditer(text):
        token = m.group()
        if token[0] in _CN_DIGIT_CHARS + "十拾":
            counted = token[-1] in "万亿" or text[m.end() : m.end() + 1] in _COUNTERS
            grouped = len(token) == 1 or any(ch in _CN_UNIT_CHARS for ch in token)
            if not (counted and grouped):
                continue
        value = parse_number(token)
        if value is not None:
            found.append((m.start(), m.end(), value))
    return found

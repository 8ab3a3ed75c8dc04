"""Find the dates (and report years) printed in running report text.

Signature and publication dates drive the date checks, so every printed form
must be found: "2010年3月15日" with stray spaces or full-width digits, Chinese
"二〇一〇年三月五日" (with 〇/○/零/O/o, even Arabic 0, as zero), numeric
"2010-03-15" / "2010.3.15" / "2010/03/15", year-month "2010年3月", and the
digit runs that mirror sites damage ("20141130日", "2014年1130日", and with
single-digit month and day "201811日" / "2018年11日" = 2018-01-01, "20211月1日"
= 2021-01-01; a three-digit run is read only when one split is a valid date:
"2018131日" is 01-31, "2018111日" is no date).  Dates are
returned as printed even when impossible ("2019年2月30日"): `DateValue.valid`
is then False, which is itself evidence for a rule.  A month outside 1–12, a
day outside 1–31 or a year outside 1949–2100 is not a date at all.
"""

from __future__ import annotations

import re
from datetime import date

from auditor.model import DateValue
from auditor.normalize.numbers import parse_number

_D = "[0-9０-９]"
_CN_YEAR = "〇○零OoＯｏ一二三四五六七八九0０"  # digit-by-digit year characters
_YEAR_DIGITS = str.maketrans(
    "０１２３４５６７８９〇○零OoＯｏ一二三四五六七八九", "01234567890000000123456789"
)
_SEP = "-./－．／"

_YEAR = (
    rf"(?<![0-9０-９]){_D}{{4}}"
    rf"|(?<![0-9０-９{_CN_YEAR}])[{_CN_YEAR}]{{4}}"
)
_MONTH = rf"{_D}{{1,2}}|十[一二]?|[一二三四五六七八九]"
_DAY = rf"{_D}{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"

# Alternatives numbered 0..5; each captures y<i> and m<i> or a glued month-day run g<i>.
_DATE = re.compile(
    # every alternative starts with a year character: the look-ahead lets the
    # engine skip the other positions after one class test (same matches)
    rf"(?=[0-9０-９{_CN_YEAR}])(?:"
    # 2010年3月15日 / 二〇一〇年三月五日 / 2010年3月 (day optional)
    rf"(?P<y0>{_YEAR})\s*年\s*(?P<m0>{_MONTH})\s*月(?:\s*(?P<d0>{_DAY})\s*[日号])?"
    # 2014年1130日 / 2018年11日 / 2018年131日: 月 lost, month and day glued
    rf"|(?<![0-9０-９])(?P<y1>{_D}{{4}})\s*年\s*(?P<g1>{_D}{{2,4}})\s*日"
    # 20141130日 / 201811日 / 2018131日: 年 and 月 lost, the whole date glued
    rf"|(?<![0-9０-９])(?P<y2>{_D}{{4}})(?P<g2>{_D}{{2,4}})\s*日"
    # 2010-03-15 / 2010.3.15 / 2010/03/15, one separator throughout
    rf"|(?<![0-9０-９{_SEP}])(?P<y3>{_D}{{4}})(?P<sep>[{_SEP}])(?P<m3>{_D}{{1,2}})(?P=sep)"
    rf"(?P<d3>{_D}{{1,2}})(?![0-9０-９]|[{_SEP}]{_D})"
    # 20211月1日 / 202112月31日: 年 lost, year glued to the month
    rf"|(?<![0-9０-９])(?P<y4>{_D}{{4}})(?P<m4>{_D}{{1,2}})\s*月(?:\s*(?P<d4>{_DAY})\s*[日号])?"
    ")"
)
_ALTS = 5

_YEAR_ONLY = re.compile(
    rf"(?=[0-9０-９{_CN_YEAR}])(?:(?<![0-9０-９])(?:[1１][9９]|[2２][0０]){_D}{{2}}"
    rf"|(?<![0-9０-９{_CN_YEAR}])[{_CN_YEAR}]{{4}})\s*年度?"
)


def find_dates(text: str) -> list[DateValue]:
    """Every date printed in `text`, in order, with offsets into `text`."""
    found = []
    for m in _DATE.finditer(text):
        i = next(k for k in range(_ALTS) if m.group(f"y{k}") is not None)
        year = _year(m.group(f"y{i}"))
        day: int | None
        if i in (1, 2):
            md = _split_glued(year, m.group(f"g{i}").translate(_YEAR_DIGITS))
            if md is None:
                continue
            month, day = md
        else:
            month = _numeral(m.group(f"m{i}"))
            day_text = m.group(f"d{i}")
            day = None if day_text is None else _numeral(day_text)
        if not 1949 <= year <= 2100 or not 1 <= month <= 12:
            continue
        if day is not None and not 1 <= day <= 31:
            continue
        found.append(DateValue(year, month, day, m.start(), m.end(), m.group()))
    return found


def _split_glued(year: int, run: str) -> tuple[int, int] | None:
    """Month and day of a glued digit run: "1130" → (11, 30), "11" → (1, 1).

    Four digits are MMDD and two are M D.  Three are ambiguous ("111" is 1-11
    or 11-1) and are read only when exactly one split is a valid calendar date.
    """
    if len(run) == 4:
        return int(run[:2]), int(run[2:])
    readings = {(int(run[:k]), int(run[k:])) for k in range(1, len(run))}
    valid = [md for md in readings if _is_date(year, *md)]
    return valid[0] if len(valid) == 1 else None


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_MALFORMED = re.compile(
    rf"(?=[12１２])(?<![0-9０-９])(?:[1１][9９]|[2２][0０]){_D}{{3,4}}\s*年\s*{_D}{{1,2}}\s*月\s*{_D}{{1,2}}\s*日"
)


def find_malformed_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of full dates whose year has five or six digits ("201818年12月31日").

    A typo no reader can resolve to one day; `find_dates` does not return it,
    and a date check may report it as a date that cannot exist.
    """
    return [(m.start(), m.end(), m.group()) for m in _MALFORMED.finditer(text)]


def parse_date(s: str) -> DateValue | None:
    """`s` read as exactly one date (surrounding whitespace ignored), or None."""
    t = s.strip()
    found = find_dates(t)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(t):
        return found[0]
    return None


def find_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each "2009年" / "2009年度" / "二〇〇九年" in `text`.

    The span covers the 年/年度 suffix.  Years that belong to a date found by
    `find_dates` (including year-month "2010年3月") are left out: they are
    dates, not statements of a report year.
    """
    dates = find_dates(text)
    years = []
    for m in _YEAR_ONLY.finditer(text):
        year = _year(m.group().rstrip("年度").rstrip())
        inside = any(d.start < m.end() and m.start() < d.end for d in dates)
        if 1900 <= year <= 2099 and not inside:
            years.append((m.start(), m.end(), year))
    return years


def year_value(s: str) -> int:
    """A printed year's value: "2019", "２０１９", "二〇一九", "二O一九"."""
    return _year(s)


def _numeral(s: str) -> int:
    """A month or day the pattern matched (digits or a Chinese numeral, so always readable) as an int."""
    n = parse_number(s)
    assert n is not None, s
    return int(n)


def _year(s: str) -> int:
    return int(s.translate(_YEAR_DIGITS))

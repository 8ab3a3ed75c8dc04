"""The statistical period a report states, and the cut-off dates its figures are given at.

A report's figures must cover the calendar year it reports on.  The period is
stated in the preamble in many phrasings ("统计期限自2018年1月1日起至2018年12月
31日止", "数据统计时限为2020年1月1日至12月31日", "报告期为2013年4月1日至次年3月
15日"), often with characters lost on the way to the web page ("自201811日起至
1231日止" is 2018-01-01 to 12-31).  An end without a year takes the start's
year, or the next one when it says 次年/翌年.  Without a period keyword, the
range the report says it covers counts ("本报告…涵盖2020年1月1日至12月21日…
信息公开工作情况").  Reports without a period
sentence still date their figures: "截至2019年12月30日,我苏木主动公开143条信息"
gives the day the count stops.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from auditor.model import DateValue
from auditor.normalize.dates import find_dates

# What introduces the period: "统计期限/时限/时间", "所列数据", "报告期", "数据时间".
_KEYWORD = re.compile(
    r"(?=[统所报数时起])(?:统计(?:期限|时限|期间|时间段?|区间|周期|范围|日期|时段)"
    r"|数据统计|统计数据|所列数据|报告期|时间范围|起止时间|数据(?:的)?(?:时间|期限|时限))"
)
_WINDOW = 40  # characters from the keyword to the period's first date
# all that may stand between the keyword and the first date ("的统计期限自", "为", "从")
_GAP = re.compile(r"(?:[为是从自由的于:\s]|统计|期限|时限|时间段?|期间|区间|范围|周期|时段)*")
_TO = re.compile(r"\s*起?\s*(?:至|到|—+|–|-|~|～|－)\s*")
# an end without its year: "12月31日", "次年3月15日", "1231日" (月 lost)
_YEARLESS_END = re.compile(
    r"(?P<next>次年|翌年|下一年|下年)?\s*(?:(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})?\s*[日号]?(?P<bottom>底)?|(?P<gm>\d{2})(?P<gd>\d{2})\s*日)"
)


@dataclass(frozen=True)
class Period:
    """A stated data period; ``start``/``end`` are the dates as printed (offsets into the text)."""

    start: DateValue
    end: DateValue

    @property
    def first(self) -> date | None:
        """The first day covered (a month without a day starts on its first)."""
        return _day(self.start, last=False)

    @property
    def last(self) -> date | None:
        """The last day covered (a month without a day, or "12月底", ends on its last)."""
        return _day(self.end, last=True)


@dataclass(frozen=True)
class Cutoff:
    """A figure given "截至" a day: the date and the clause it dates."""

    date: DateValue
    clause_start: int
    clause_end: int


def _day(d: DateValue, last: bool) -> date | None:
    if d.month is None:
        return date(d.year, 12, 31) if last else date(d.year, 1, 1)
    if d.day is None:
        day = calendar.monthrange(d.year, d.month)[1] if last else 1
        return date(d.year, d.month, day)
    return d.as_date()


def _end_after(text: str, pos: int, start: DateValue) -> DateValue | None:
    """The period's end printed at `pos` (just after 至/到), with or without its year."""
    head = text[pos : pos + 24]
    dated = [d for d in find_dates(head) if d.start == 0 and d.month]
    if dated:
        d = dated[0]
        return DateValue(d.year, d.month, d.day, pos + d.start, pos + d.end, d.text)
    m = _YEARLESS_END.match(head)
    if not m:
        return None
    year = start.year + (1 if m.group("next") else 0)
    day: int | None
    if m.group("gm"):
        month, day = int(m.group("gm")), int(m.group("gd"))
    else:
        month = int(m.group("m"))
        day = int(m.group("d")) if m.group("d") else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return DateValue(year, month, day, pos + m.start(), pos + m.end(), m.group())


def _range_at(text: str, at: int, gap: re.Pattern[str]) -> Period | None:
    """A "start 至 end" range whose start date follows `at` across `gap` only."""
    window = text[at : at + _WINDOW]
    cut = re.search(r"[。;\n]", window)
    window = window[: cut.start()] if cut else window
    starts = [d for d in find_dates(window) if d.month]
    if not starts or gap.fullmatch(window[: starts[0].start]) is None:
        return None
    s0 = starts[0]
    start = DateValue(s0.year, s0.month, s0.day, at + s0.start, at + s0.end, s0.text)
    to = _TO.match(text, start.end)
    if not to:
        return None
    end = _end_after(text, to.end(), start)
    return Period(start, end) if end is not None else None


# The report saying what it covers: "本报告…内容涵盖某镇政府2008年1月1日至12月31日期间的
# 政府信息公开工作情况", "本报告由…组成,涵盖2020年1月1日至12月21日某县人民政府信息公开工作
# 情况".  The sentence must be about the report (报告/年报 before 涵盖) and the range be
# followed by the report's subject, the year's disclosure work or data: "检查范围涵盖2019年
# 1月1日至6月30日发布的信息" or "活动涵盖…" is something else.
_COVERS = re.compile(r"(?:涵盖|覆盖)了?")
_COVERS_GAP = re.compile(r"[^。;,\n\d《》]{0,24}")
_COVERS_SUBJECT = re.compile(r"[^。;\n]{0,30}?(?:(?:信息公开|政务公开)(?:工作)?情况|(?:信息公开|政务公开)工作|的(?:统计)?数据)")
_COVERS_REPORT = re.compile(r"报告|年报")


def _covered_range(text: str) -> Period | None:
    for k in _COVERS.finditer(text):
        sentence = text[max(text.rfind(c, 0, k.start()) for c in "。\n") + 1 : k.start()]
        if not _COVERS_REPORT.search(sentence):
            continue
        p = _range_at(text, k.end(), _COVERS_GAP)
        if p is not None and _COVERS_SUBJECT.match(text, p.end.end):
            return p
    return None


def find_period(text: str) -> Period | None:
    """The first "start 至 end" range introduced by a period keyword, or None.

    Without one, the range the report says it covers ("涵盖…至…期间的政府信息公开工作情况").
    """
    for k in _KEYWORD.finditer(text):
        p = _range_at(text, k.end(), _GAP)
        if p is not None:
            return p
    return _covered_range(text)


# a period printed in whole years only: "统计期限自2003年至2008年止"
_YEAR_SPAN = re.compile(r"\s*((?:19|20)\d{2})\s*年度?\s*起?\s*(?:至|到|—+|–|-|~|～|－)\s*((?:19|20)\d{2})\s*年度?(?!\s*\d|\s*[一二三四五六七八九十]+月|底)")


def find_year_span(text: str) -> Period | None:
    """A period keyword followed by a range of whole years ("自2003年至2008年止"), or None.

    Kept apart from `find_period`: a span of years says nothing of the report's
    own year, which `find_period`'s first date may stand in for."""
    for k in _KEYWORD.finditer(text):
        gap = _GAP.match(text, k.end())
        at = gap.end() if gap else k.end()
        m = _YEAR_SPAN.match(text, at)
        if m is not None and int(m.group(1)) < int(m.group(2)):
            a, b = text.index("年", m.end(1)) + 1, text.index("年", m.end(2)) + 1
            first = DateValue(int(m.group(1)), None, None, m.start(1), a, text[m.start(1) : a])
            last = DateValue(int(m.group(2)), None, None, m.start(2), b, text[m.start(2) : b])
            return Period(first, last)
    return None


_CUTOFF = re.compile(r"(?:截至|截止)(?:到|至)?(?:时间|日期)?(?:为|是|:)?\s*(?=[0-9〇○零一二])")
# "数据统计截止时间为…": the cut-off of the data themselves, figure or not
_DATA_BEFORE = re.compile(r"(?:统计|数据)[^。;,\n]{0,6}$")
# what makes the clause a statement of the year's figures
_FIGURE = re.compile(
    # (not a stock of 专栏/平台 "3个", nor 发布会 held)
    r"(?:公开|发布(?!会)|受理|收到|接到|办理|申请|复议|诉讼)[^。;]{0,30}?\d+\s*[条件项篇次]"
    r"|(?:尚未|未|没有)(?:接到|收到|受理|发生|办理|产生)"
)


def find_cutoffs(text: str) -> list[Cutoff]:
    """Figures dated "截至 <day>": the disclosure counts and the day they stop.

    Only clauses that state a disclosure figure, or that date the data
    themselves ("数据统计截止时间为…"), are kept; running totals (累计…) are left
    out: a cumulative count may be taken on any day.
    """
    out = []
    for m in _CUTOFF.finditer(text):
        head = text[m.end() : m.end() + 20]
        ds = [d for d in find_dates(head) if d.start == 0 and d.month]
        if not ds:
            continue
        d = ds[0]
        month = d.month
        assert month is not None  # `ds` keeps dates with a month
        bottom = head[d.end : d.end + 1] == "底"
        if d.day is None and not bottom:
            continue
        day = d.day if d.day is not None else calendar.monthrange(d.year, month)[1]
        stop = re.search(r"[。;\n]", text[m.end() :])
        clause_end = m.end() + (stop.start() if stop else len(text) - m.end())
        clause = text[m.end() + d.end : clause_end]
        if "累计" in clause or not (_FIGURE.search(clause) or _DATA_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            continue
        printed = DateValue(d.year, month, day, m.end() + d.start, m.end() + d.end + bottom, d.text + ("底" if bottom else ""))
        out.append(Cutoff(printed, m.start(), clause_end))
    return out

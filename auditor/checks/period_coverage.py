"""The data period is not the calendar year the report covers.

A report on year N covers 1月1日 to 12月31日 of N.  A stated period that ends
early ("…至2022年12月20日", "…至2016年11月30日"), starts late (4月1日) or runs
into the next year ("…至次年3月15日") does not; nor do figures given "截至
2019年12月30日".  A period lying wholly in another year is YR001's finding,
not this one.  2008 reports may start on 2008-05-01, the day the 2007 条例
took effect; a period whose sentence says the organ was set up or merged
during the year (挂牌, 组建, 成立) explains itself.  A period of whole years
that starts years before the report's ("统计期限自2003年至2008年止" in a 2008
report) is not its year either.  Lost characters are read first
(`auditor.extract.period`): "自201811日起至1231日止" is the whole of 2018.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.extract.period import Period, find_cutoffs, find_period, find_year_span
from auditor.model import Document, Finding

KIND = "period_coverage"
SCOPE = "document"

_LAW_START = {2008: date(2008, 5, 1)}  # the 2007 条例 in force from 2008-05-01


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    cutoff_from_month: int = 11  # "截至" a day from this month on is meant as the year's end


_FOUNDED = re.compile(r"挂牌|组建|成立|设立|撤销|合并")


def _founded(text: str, period: Period) -> bool:
    """The period's sentence explains itself: an organ set up or merged during the year."""
    lo = max(text.rfind(c, 0, period.start.start) for c in "。\n") + 1
    hi = min((i for i in (text.find(c, period.end.end) for c in "。\n") if i >= 0), default=len(text))
    return bool(_FOUNDED.search(text, lo, hi))


def _period_problem(year: int, first: date, last: date) -> str | None:
    jan1, dec31 = date(year, 1, 1), date(year, 12, 31)
    if last < jan1 or first > dec31:
        return None  # wholly another year: YR001
    issues = []
    if first > jan1 and not (year in _LAW_START and first <= _LAW_START[year]):
        issues.append(f"始于{first.isoformat()}而非{jan1.isoformat()}")
    if first < jan1:
        issues.append(f"始于上一年{first.isoformat()}")
    if last < dec31:
        issues.append(f"止于{last.isoformat()}, 未到{dec31.isoformat()}")
    if last > dec31:
        issues.append(f"延续到次年{last.isoformat()}")
    return "、".join(issues) or None


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    if doc.year is None:
        return
    y = doc.year
    period = find_period(doc.text)
    if period is not None and period.first and period.last and period.first <= period.last and not _founded(doc.text, period):
        problem = _period_problem(y, period.first, period.last)
        if problem:
            yield rule.finding(
                f"统计期限{period.start.text}至{period.end.text}不是{y}年度的完整自然年: {problem}",
                [doc.id],
                [evidence(doc, period.start.start, period.end.end)],
                {"report_year": y, "first": period.first.isoformat(), "last": period.last.isoformat()},
            )
    span = find_year_span(doc.text) if period is None else None
    if span is not None and span.start.year < y == span.end.year:
        yield rule.finding(
            f"统计期限{span.start.text}至{span.end.text}跨越多年, 不是{y}年度的自然年",
            [doc.id],
            [evidence(doc, span.start.start, span.end.end)],
            {"report_year": y, "first": f"{span.start.year}", "last": f"{span.end.year}"},
        )
    cut = [
        c for c in find_cutoffs(doc.text)
        # (a cutoff always names its month: `find_cutoffs` keeps no other)
        if c.date.year == y and (c.date.month or 0) >= rule.params_as(Params).cutoff_from_month and (c.date.month, c.date.day) != (12, 31)
    ]
    if cut:
        days = sorted({c.date.iso() for c in cut})
        yield rule.finding(
            f"数据截至{'、'.join(days)}, 未覆盖{y}年全年(应截至{y}-12-31)",
            [doc.id],
            [evidence(doc, c.clause_start, c.clause_end) for c in cut[:4]],
            {"report_year": y, "cutoffs": days},
        )

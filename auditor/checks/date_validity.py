"""A date that cannot be right: an invalid calendar date, a report signed or
published before the year it reports on has ended, or a date in the future.
When the title names the year of publication and everything else the year
before, the title is wrong, not the date (YR001 reports it).

Invalid dates are looked for in the whole text, not only in the signature:
"2019年2月30日" in the statistical period, or a year typed with extra digits
("201818年12月31日"), is a date no day answers to; the garbled year is
reported as information, since the damage rather than the date may be the
defect.  Damaged digit runs whose
年/月 were lost ("20190230日") are not reported: the damage, not the date, is
the defect there.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.extract.year_claims import self_references, year_spans
from auditor.model import DateValue, Document, Finding
from auditor.normalize.dates import find_dates, find_malformed_dates

KIND = "date_validity"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    check_future: bool = True
    scan_text: bool = True  # invalid dates anywhere in the text, not only the signing/publication dates


def _today(rule: Rule) -> date:
    today = rule.options.get("today")
    return today if isinstance(today, date) else date.today()


def _problem(rule: Rule, doc: Document, d: DateValue, what: str) -> str | None:
    if d.month is not None and d.day is not None and not d.valid:
        return f"{what}{d.text}不是有效日期"
    dd = d.as_date()
    if dd is None:
        return None
    if doc.year is not None and dd < date(doc.year + 1, 1, 1) and not _title_is_publication_year(doc, dd):
        return f"{what}{dd.isoformat()}早于报告年度{doc.year}年结束"
    if rule.params_as(Params).check_future and dd > _today(rule):
        return f"{what}{dd.isoformat()}晚于今天"
    return None


def _title_is_publication_year(doc: Document, d: date) -> bool:
    """"二〇一〇年某镇…年度报告" signed in March 2010 about 2009: the title names the
    year of publication while the body, period or preamble name the year before.
    The date is then right and the title wrong — YR001's finding, not an
    impossible date.  (A 2009 text re-titled 2012 and signed in 2010 stays
    impossible: its date is not in the title's year.)"""
    if doc.year_source != "title" or d.year != doc.year:
        return False
    stated = {y for _, _, y in year_spans(doc.text)} | {c.year for c in self_references(doc.text)}
    if doc.period and doc.period[0].year == doc.period[1].year:
        stated.add(doc.period[0].year)
    return doc.year - 1 in stated and doc.year not in stated


def _printed_whole(d: DateValue) -> bool:
    """A date printed with its 月 or separators, not a damaged digit run."""
    return "月" in d.text or any(c in d.text for c in "-./－．／")


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    seen: set[int] = set()
    for d, what in ((doc.signed, "落款日期"), (doc.published, "发布日期")):
        if d is None:
            continue
        msg = _problem(rule, doc, d, what)
        if msg:
            seen.add(d.start)
            ev = [evidence(doc, d.start, d.end)] if d.start >= 0 else []
            yield rule.finding(msg, [doc.id], ev, {"date": d.iso(), "report_year": doc.year, "field": what})
    if doc.period:
        for d in doc.period:
            if d.month is not None and d.day is not None and not d.valid:
                seen.add(d.start)
                yield rule.finding(f"统计期限中的{d.text}不是有效日期", [doc.id], [evidence(doc, d.start, d.end)], {"date": d.iso()})
    if not rule.params_as(Params).scan_text:
        return
    for d in find_dates(doc.text):
        if d.start not in seen and d.day is not None and not d.valid and _printed_whole(d):
            yield rule.finding(f"{d.text}不是有效日期", [doc.id], [evidence(doc, d.start, d.end)], {"date": d.iso(), "field": "text"})
    for s, e, t in find_malformed_dates(doc.text):
        # a garbled year is damage as much as a wrong date: said, not raised
        yield rule.finding(f"{t}不是有效日期(年份多出数字)", [doc.id], [evidence(doc, s, e)], {"date": t, "field": "text"}, severity="info")

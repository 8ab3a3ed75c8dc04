"""A date that cannot be right: an invalid calendar date, a report signed or
published before the year it reports on has ended, or a date in the future."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.model import DateValue, Document

KIND = "date_validity"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    check_future: bool = True


def _today(rule) -> date:
    return rule.options.get("today") or date.today()


def _problem(rule, doc: Document, d: DateValue, what: str) -> str | None:
    if d.month is not None and d.day is not None and not d.valid:
        return f"{what}{d.text}不是有效日期"
    dd = d.as_date()
    if dd is None:
        return None
    if doc.year is not None and dd < date(doc.year + 1, 1, 1):
        return f"{what}{dd.isoformat()}早于报告年度{doc.year}年结束"
    if rule.params.check_future and dd > _today(rule):
        return f"{what}{dd.isoformat()}晚于今天"
    return None


def check(rule, doc: Document):
    for d, what in ((doc.signed, "落款日期"), (doc.published, "发布日期")):
        if d is None:
            continue
        msg = _problem(rule, doc, d, what)
        if msg:
            ev = [evidence(doc, d.start, d.end)] if d.start >= 0 else []
            yield rule.finding(msg, [doc.id], ev, {"date": d.iso(), "report_year": doc.year, "field": what})
    if doc.period:
        for d in doc.period:
            if d.month is not None and d.day is not None and not d.valid:
                yield rule.finding(f"统计期限中的{d.text}不是有效日期", [doc.id], [evidence(doc, d.start, d.end)], {"date": d.iso()})

"""Title year, inner title year, body reporting year and statistical period disagree.

The year a report is about is stated several times: in the compilation or
page heading, in the report's own title line, in phrases such as "2009年,我局…"
or "对2009年…总结如下", and in the statistical period.  A report copied from
another year and re-titled keeps the old year in its body.
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.extract.meta import _title_year, report_year_spans
from auditor.model import Document

KIND = "year_consistency"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_body_mentions: int = 1


def check(rule, doc: Document):
    if doc.year is None or doc.year_source != "title":
        return
    y = doc.year
    ev = []
    claims: dict[str, int] = {}
    if doc.title_span:
        ev.append(evidence(doc, doc.title_span.start, doc.title_span.end))
    inner = doc.meta.get("inner_title")
    if doc.heading and inner:
        iy = _title_year(inner)
        if iy and iy != y:
            s, e = doc.meta["inner_title_span"]
            ev.append(evidence(doc, s, e))
            claims["inner_title"] = iy
    spans = report_year_spans(doc.text)
    years = Counter(yr for _, _, yr in spans)
    if len(spans) >= rule.params.min_body_mentions and y not in years and years:
        body_year, _ = years.most_common(1)[0]
        claims["body"] = body_year
        ev.extend(evidence(doc, s, e) for s, e, yr in spans if yr == body_year)
    if doc.period and doc.period[1].year != y and doc.period[0].year != y:
        claims["period"] = doc.period[0].year
        ev.append(evidence(doc, doc.period[0].start, doc.period[1].end))
    if not claims:
        return
    parts = ", ".join(f"{k} {v}" for k, v in claims.items())
    names = {"inner_title": "正文标题", "body": "正文", "period": "统计期限"}
    zh = ", ".join(f"{names[k]}为{v}年" for k, v in claims.items())
    yield rule.finding(
        f"标题年度为{y}年, 但{zh}",
        [doc.id],
        ev[:8],
        {"title_year": y, **{f"{k}_year": v for k, v in claims.items()}, "summary": parts},
    )

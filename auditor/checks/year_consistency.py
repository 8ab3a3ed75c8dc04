"""Title year, inner title year, the year the report names itself with, body
reporting year and statistical period disagree.

The year a report is about is stated several times: in the compilation or
page heading, in the report's own title line, in the preamble that names the
report ("特向社会公布2008年度…年度报告", "由…编制的2019年度…年度报告"), in
phrases such as "2009年,我局…" or "对2009年…总结如下", and in the statistical
period.  A report copied from another year and re-titled keeps the old year in
its body.  A body that says the report of its own year was already published
during that year ("按时发布《…2025年度…年度报告》" in the 2025 report: the one
published in 2025 was the 2024 report) is warned about.  Plans ("2014年,我们将…"), comparisons and cited documents are not
claims (see `auditor.extract.meta.report_year_spans` and
`auditor.extract.year_claims`).  The year the others are compared with is the
title's, else the period's, else the body's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.extract.meta import title_year
from auditor.extract.year_claims import reports_published, self_references, year_spans
from auditor.model import Document, Evidence, Finding

KIND = "year_consistency"
SCOPE = "document"

_NAMES = {"inner_title": "正文标题", "self": "报告自称", "body": "正文", "period": "统计期限"}
_BASIS = {"title": "标题年度", "period": "统计期限年度", "body": "正文年度"}


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_body_mentions: int = 1
    # a year the body alone gives, fewer times than this, is a warning: one "2020年,我局被评为…"
    # in a 2021 report may be background; the copied narrative of another year repeats its year
    error_body_mentions: int = 2


# A heading over plans: what a report says of a later year there is what it will do.
_PLAN_HEADING = re.compile(r"改进|下一步|计划|打算|思路|展望|努力方向|今后|工作重点|工作目标|设想|安排")
# a clause saying what will be done ("2022年,我局要…", "2022年,我局继续…")
_PLAN_CLAUSE = re.compile(r"要|继续|持续|将|拟|计划|力争|争取|努力|进一步|着力")


def _plan(doc: Document, start: int, end: int) -> bool:
    """The year at start..end opens a plan: its clause says what will be done, or a plan heading governs it."""
    stop = re.search(r"[。;\n]", doc.text[end:])
    clause = doc.text[end : end + (stop.start() if stop else len(doc.text) - end)]
    if _PLAN_CLAUSE.search(clause[:30]):
        return True
    return any(s.start <= start < s.end and _PLAN_HEADING.search(s.title) for s in doc.sections)


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    if doc.year is None or doc.year_source not in _BASIS:
        return
    y = doc.year
    ev: list[Evidence] = []
    claims: dict[str, int] = {}
    if doc.title_span and doc.year_source == "title":
        ev.append(evidence(doc, doc.title_span.start, doc.title_span.end))
    selfs = [c for c in self_references(doc.text) if c.year != y]
    if selfs:
        claims["self"] = selfs[0].year
        ev.extend(evidence(doc, c.phrase_start, c.phrase_end) for c in selfs)
    if doc.year_source == "title":
        inner, inner_span = doc.meta.inner_title, doc.meta.inner_title_span
        if doc.heading and inner and inner_span is not None:
            iy = title_year(inner)
            if iy and iy != y:
                ev.append(evidence(doc, inner_span.start, inner_span.end))
                claims["inner_title"] = iy
        # a later year in a plan is what the organ will do, not the year reported on
        spans = [(s, e, yr) for s, e, yr in year_spans(doc.text) if yr <= y or not _plan(doc, s, e)]
        years = Counter(yr for _, _, yr in spans)
        if len(spans) >= p.min_body_mentions and y not in years and years:
            body_year, body_mentions = years.most_common(1)[0]
            claims["body"] = body_year
            ev.extend(evidence(doc, s, e) for s, e, yr in spans if yr == body_year)
    if doc.year_source != "period" and doc.period and doc.period[1].year != y and doc.period[0].year != y:
        claims["period"] = doc.period[0].year
        ev.append(evidence(doc, doc.period[0].start, doc.period[1].end))
    if not claims:
        published = [c for c in reports_published(doc.text) if c.year == y]
        if published:
            c = published[0]
            yield rule.finding(
                f"报告年度为{y}年, 但正文称年内已发布{y}年度的年度报告(年内发布的应是{y - 1}年度的报告): “{doc.text[c.phrase_start:c.phrase_end]}”",
                [doc.id],
                ev[:2] + [evidence(doc, c.phrase_start, c.phrase_end)],
                {"report_year": y, "published_report_year": c.year},
                severity="warning",
            )
        return
    parts = ", ".join(f"{k} {v}" for k, v in claims.items())
    zh = ", ".join(f"{_NAMES[k]}为{v}年" for k, v in claims.items())
    severity, why = None, ""
    if set(claims) == {"body"} and body_mentions < p.error_body_mentions:
        # one sentence of the body is all: it may tell of another year on purpose
        severity, why = "warning", f" (仅正文一处写{claims['body']}年, 可能是回顾或背景; 请核对)"
    yield rule.finding(
        f"{_BASIS[doc.year_source]}为{y}年, 但{zh}{why}",
        [doc.id],
        ev[:8],
        {
            "title_year" if doc.year_source == "title" else "report_year": y,
            "basis": doc.year_source,
            **{f"{k}_year": v for k, v in claims.items()},
            "summary": parts,
        },
        severity=severity,
    )

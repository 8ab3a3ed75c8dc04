"""The report's figures are given for another year.

"2010年度主动公开政府信息54条" as the one count in the 2011 report: either the
figure is last year's, or its year is a typo — a reader cannot tell which
year the report's data belong to.  Fired when every 公开 count of the text
carries the same other year (a count without a year, or one for the report
year, may be the year's own figure), and for any count of a year after the
report year ("此外,2010年我镇…公开各类政府信息24余条" in the 2009 report): the
period cannot contain it.  Comparisons ("较2010年…"), plans ("2010年将…") and
running totals are not counts of a year (`auditor.extract.year_claims`).
When the body's narrative already speaks of another year (a re-titled copy),
that is YR001's finding and this rule stays silent.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.extract.year_claims import figure_years, year_spans
from auditor.model import Document, Finding

KIND = "figure_year"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    if doc.year is None:
        return
    narrative = {y for _, _, y in year_spans(doc.text)}
    if narrative and doc.year not in narrative:
        return  # the whole body is of another year: YR001
    counts = figure_years(doc.text)
    later = [c for c, _, _ in counts if c is not None and c.year > doc.year]
    if later:
        yield rule.finding(
            f"报告年度为{doc.year}年, 但正文给出了{later[0].year}年的公开数据, 不在报告期内",
            [doc.id],
            [evidence(doc, c.phrase_start, c.phrase_end) for c in later[:4]],
            {"report_year": doc.year, "figure_year": later[0].year},
        )
        return
    claims = [c for c, _, _ in counts if c is not None]
    if not counts or len(claims) < len(counts):
        return
    years = {c.year for c in claims}
    if len(years) != 1 or doc.year in years:
        return
    (other,) = years
    yield rule.finding(
        f"报告年度为{doc.year}年, 但正文的公开数据都写作{other}年的数据",
        [doc.id],
        [evidence(doc, c.phrase_start, c.phrase_end) for c in claims[:4]],
        {"report_year": doc.year, "figure_year": other},
    )

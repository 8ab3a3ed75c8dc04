"""A cumulative figure (累计/历年) is smaller than the same quantity for one year.

A running total includes the current year, so 累计 ≥ 本年 for the same label
and unit: "累计主动公开…410条, 2015年度新增…920条" cannot both be true.  Labels
are compared after removing the scope words (年度, 新增, 更新 …), fuzzily,
because reports rephrase ("累计主动公开政府信息" / "本年度新增主动公开政府信息").

Which figures are running totals is read by `auditor.extract.scope`: a 累计
scoped to the year ("2020年,我局累计…", "年度累计…") is the year's figure, and
"截至12月31日,已办结…" alone is a reading at a date — neither is compared.  A
running total dated to an earlier year than the annual figure ("截至2012年底累计…"
in a later report) may rightly be smaller and is skipped too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel
from rapidfuzz import fuzz

from auditor.checks._util import PARAMS_CONFIG, evidence, fmt
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "cumulative_annual"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_label_similarity: float = 80.0
    min_label_chars: int = 4


def _core(label: str) -> str:
    return re.sub(r"累计|历年|截至|截止|以来|更新|年度|本年|全年|新增|增加|(?:19|20)\d{2}年", "", label)


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    cums = [q for q in doc.quantities if q.scope == "cumulative" and q.unit != "%"]
    annual = [q for q in doc.quantities if q.scope == "annual" and q.unit != "%"]
    for c in cums:
        ck = _core(c.label)
        if len(ck) < p.min_label_chars:
            continue
        for a in annual:
            if a.unit != c.unit or a.value <= c.value:
                continue
            if c.year is not None and c.year < (a.year or doc.year or c.year):
                continue  # a running total read at an earlier year's end
            ak = _core(a.label)
            if len(ak) < p.min_label_chars or fuzz.ratio(ck, ak) < p.min_label_similarity:
                continue
            yield rule.finding(
                f"累计数小于年度数: {c.label}{fmt(c.value)}{c.unit} < {a.label}{fmt(a.value)}{a.unit}",
                [doc.id],
                [evidence(doc, c.span_start, c.end), evidence(doc, a.span_start, a.end)],
                {"stated": c.value, "computed": a.value, "cumulative_label": c.label, "annual_label": a.label},
            )
            break

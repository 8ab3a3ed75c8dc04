"""A stated share ("占61.7%") disagrees with the counts it is computed from.

The share is recomputed from the count and its base (the total of the
breakdown the count belongs to) and compared within the rounding the printed
percentage allows: 61.7% covers 61.65–61.75, plus `slack` percentage points.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence, fmt
from auditor.model import Document
from auditor.normalize.numbers import half_unit

KIND = "percent_share"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    slack: Decimal = Decimal("0.01")


def check(rule, doc: Document):
    for ps in doc.percents:
        base = ps.base
        if base is None or base.value == 0 or base.unit != ps.count.unit:
            continue
        share = ps.count.value / base.value * 100
        tol = half_unit(ps.percent.value) + rule.params.slack
        if abs(share - ps.percent.value) <= tol:
            continue
        shown = share.quantize(Decimal("0.01"))
        yield rule.finding(
            f"比例与数量不符: {fmt(ps.count.value)}/{fmt(base.value)} = {shown}%, 而文中写{fmt(ps.percent.value)}%",
            [doc.id],
            [evidence(doc, ps.count.span_start, ps.end), evidence(doc, base.span_start, base.end)],
            {
                "stated": ps.percent.value,
                "computed": shown,
                "count": ps.count.value,
                "base": base.value,
                "equation": f"{fmt(ps.count.value)} / {fmt(base.value)} = {shown}% ≠ {fmt(ps.percent.value)}%",
            },
        )

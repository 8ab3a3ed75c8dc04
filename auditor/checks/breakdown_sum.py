"""A stated total differs from the sum of the parts it is broken down into.

Exhaustive breakdowns (a list ending in 其他…, introduced by 分别, or a list
of categories right after the total) must add up exactly; open ones (…等, a
plain 其中 with no remainder item) may fall short but never exceed the total.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from auditor.checks._util import evidence, fmt
from auditor.model import Document

KIND = "breakdown_sum"
SCOPE = "document"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min_parts: int = 2
    open_lists: bool = True  # also flag open (non-exhaustive) lists whose parts exceed the total
    open_severity: str = "warning"


def check(rule, doc: Document):
    p: Params = rule.params
    for bd in doc.breakdowns:
        if len(bd.parts) < p.min_parts or any(q.scope == "approximate" for q in bd.parts):
            continue
        if bd.total is not None and bd.total.scope == "approximate":
            continue
        computed = sum((q.value for q in bd.parts), Decimal(0))
        candidates = [v for v in (bd.implied_total, bd.total.value if bd.total else None) if v is not None]
        if not candidates or computed in candidates:
            continue
        stated = candidates[0]
        if not bd.exhaustive and (computed < stated or not p.open_lists):
            continue
        unit = bd.parts[0].unit
        terms = " + ".join(fmt(q.value) for q in bd.parts)
        if bd.implied_total is None:
            what = f"合计{fmt(stated)}{unit}"
        else:
            what = f"前列各项之和{fmt(stated)}{unit}"
        ev = [evidence(doc, bd.start, bd.total.end)] if bd.total is not None else []
        ev.append(evidence(doc, bd.parts[0].span_start, bd.parts[-1].end))
        if bd.exhaustive:
            msg = f"分项之和与合计不符: {terms} = {fmt(computed)}{unit}, 而{what}"
            sev = None
        else:
            msg = f"分项之和超过合计: {terms} = {fmt(computed)}{unit} > {what}"
            sev = p.open_severity
        yield rule.finding(
            msg,
            [doc.id],
            ev,
            {
                "stated": stated,
                "computed": computed,
                "parts": [{"label": q.label, "value": q.value} for q in bd.parts],
                "total_label": bd.total.label if bd.total is not None and bd.implied_total is None else "",
                "exhaustive": bd.exhaustive,
                "equation": f"{terms} = {fmt(computed)} ≠ {fmt(stated)}",
            },
            severity=sev,
        )

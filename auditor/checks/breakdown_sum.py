"""A stated total differs from the sum of the parts it is broken down into.

How strictly a breakdown must add up depends on how it is written
(`Breakdown.closure`, read by `auditor.extract.breakdowns`):
- exhaustive (a remainder item 其他/其余, 分别 without 其中, a trailing 合计):
  the parts are the whole, so they must match exactly — the rule's severity;
- likely (其中/包括 with three or more parts, no 等): such a list may be a
  partial split, so only parts *exceeding* the total are reported, at
  `likely_severity`;
- open (…等, 主要…, one or two parts, other units in the list, a total that
  could be one of several figures): only parts exceeding every reading of
  the total are reported, at `open_severity`.
A list that stays below its total without claiming to be complete is never
a warning: nothing proves the missing classes were not simply left unnamed; a
likely list that does is shown at `short_likely_severity` (info) for a reader
to judge, which never fails a gate.
Approximate figures ("300余条", "8620多条") are compared as the ranges they
allow, and only ranges that cannot meet are reported, at `open_severity`.
In `repeated` mode the check instead reports a part listed twice in one
breakdown ("规划总结2条…规划总结2条"), which inflates the sum.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence, fmt
from auditor.engine.rules import Rule
from auditor.extract.quantities import normalise_label
from auditor.model import Breakdown, Document, Evidence, Finding, Quantity

KIND = "breakdown_sum"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    mode: Literal["sum", "repeated"] = "sum"
    min_parts: int = 2
    likely_severity: Literal["error", "warning", "info"] = "warning"
    open_severity: Literal["error", "warning", "info"] = "warning"
    # a 其中 list of three or more parts that stays below its total: shown for a reader to judge
    short_likely_severity: Literal["warning", "info", "silent"] = "info"


def _approximate(bd: Breakdown) -> bool:
    return any(q.scope == "approximate" for q in bd.parts) or (bd.total is not None and bd.total.scope == "approximate")


def _bounds(q: Quantity) -> tuple[Decimal, Decimal]:
    """The values a printed figure allows: "300余" is at least 300 and below 400, "2950余" below 2951."""
    if q.scope != "approximate":
        return q.value, q.value
    _, digits, exp = q.value.as_tuple()
    zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return q.value, q.value + Decimal(1).scaleb(int(exp) + zeros)


def _evidence(doc: Document, bd: Breakdown) -> list[Evidence]:
    ev = [evidence(doc, bd.start, bd.total.end)] if bd.total is not None else []
    ev.append(evidence(doc, bd.parts[0].span_start, bd.parts[-1].end))
    return ev


_WHY_WARNING = "(所列分项是否全部属于该合计无法完全确认)"
_WHY_SHORT = "(其中所列分项可能只是部分, 仅供核对)"
_WHY_APPROXIMATE = "(含约数“余/多”: 按约数所能表示的范围比较, 仍不相符)"


def _sum(rule: Rule, doc: Document, bd: Breakdown, p: Params) -> Iterator[Finding]:
    computed = sum((q.value for q in bd.parts), Decimal(0))
    candidates = [v for v in (bd.implied_total, bd.total.value if bd.total else None) if v is not None]
    if not candidates or computed in candidates or computed in bd.alternatives:
        return
    stated = candidates[0]
    if _approximate(bd):
        # "8620多条 … 3105条, 1842条, 其他2950余条": only ranges that cannot meet are a mismatch
        if bd.total is None or bd.implied_total is not None:
            return
        lo, hi = (sum(b, Decimal(0)) for b in zip(*map(_bounds, bd.parts)))
        t_lo, t_hi = _bounds(bd.total)
        if not (lo > t_hi or (hi < t_lo and bd.closure == "exhaustive")):
            return
        sev, why = p.open_severity, _WHY_APPROXIMATE
    elif bd.closure == "exhaustive":
        sev, why = None, ""
    elif computed > stated:
        sev, why = (p.likely_severity if bd.closure == "likely" else p.open_severity), _WHY_WARNING
    elif bd.closure == "likely" and p.short_likely_severity != "silent":
        sev, why = p.short_likely_severity, _WHY_SHORT
    else:
        return
    unit = bd.parts[0].unit
    terms = " + ".join(fmt(q.value) for q in bd.parts)
    what = f"合计{fmt(stated)}{unit}" if bd.implied_total is None else f"前列各项之和{fmt(stated)}{unit}"
    relation = "超过" if computed > stated else "不等于"
    yield rule.finding(
        f"分项之和{relation}合计: {terms} = {fmt(computed)}{unit}, 而{what}{why}",
        [doc.id],
        _evidence(doc, bd),
        {
            "stated": stated,
            "computed": computed,
            "parts": [{"label": q.label, "value": q.value} for q in bd.parts],
            "total_label": bd.total.label if bd.total is not None and bd.implied_total is None else "",
            "closure": bd.closure,
            "marker": bd.marker,
            "equation": f"{terms} = {fmt(computed)} ≠ {fmt(stated)}",
        },
        severity=sev,
    )


def _item_texts(doc: Document, bd: Breakdown) -> list[str]:
    """Each part's whole item as written, from the end of the part before it.

    The label alone may stop at a quote ("“政务动态”栏目发布信息2条" is labelled
    "栏目发布信息"), which would make different items look the same.
    """
    out = []
    prev = bd.parts[0].span_start
    for q in bd.parts:
        out.append(normalise_label(doc.text[prev : q.start].strip(" ,;、:。")) if prev <= q.start else q.label)
        prev = q.end
    return out


def _repeated(rule: Rule, doc: Document, bd: Breakdown) -> Iterator[Finding]:
    labels = {id(q): q.label for q in bd.parts}
    counts = Counter((item, q.value) for item, q in zip(_item_texts(doc, bd), bd.parts) if labels[id(q)])
    for (label, value), n in sorted(counts.items(), key=lambda kv: kv[0][0]):
        if n < 2:
            continue
        unit = bd.parts[0].unit
        yield rule.finding(
            f"分项“{label}{fmt(value)}{unit}”重复列出{n}次",
            [doc.id],
            _evidence(doc, bd),
            {"label": label, "value": value, "times": n},
        )


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    for bd in doc.breakdowns:
        if len(bd.parts) < p.min_parts or (p.mode == "repeated" and _approximate(bd)):
            continue
        yield from (_repeated(rule, doc, bd) if p.mode == "repeated" else _sum(rule, doc, bd, p))

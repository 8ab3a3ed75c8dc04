"""A stated share ("占61.7%") or rate ("网上公开率93.5%") disagrees with its counts.

`share` mode: the share is recomputed from the count and its base (found by
`auditor.extract.shares`) and compared within the rounding the printed
percentage allows: 61.7% covers 61.65–61.75, plus `slack` percentage points
(none by default: a share truncated or rounded twice is outside the rounding
of its digits — 12.348% printed as 12.4% is wrong; 47/389 = 12.08% printed as
13% is wrong, as 12% right).  When the base
is the total of the 其中 list the count is part of, arithmetic leaves no
doubt: the rule's severity.  When the base is the governing figure one or two
clauses earlier, the reading could still be wrong: `guessed_severity`, and the
message says so.

`change` mode: "A件,同比上年的B件上升Z%" must have Z = (A − B) / B, within the
rounding of Z (`auditor.extract.changes` reads only phrasings naming both
figures).

`rate` mode: a rate of N counted items must be k/N for some whole k; when no
k rounds to the printed rate — for the count right before it and for every
other count of its sentence it could be taken of — the rate is impossible.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_FLOOR, Decimal
from typing import Literal

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence, fmt
from auditor.engine.rules import Rule
from auditor.extract.changes import find_changes
from auditor.extract.shares import find_rates, fits
from auditor.model import Document, Finding, PercentStatement
from auditor.normalize.numbers import half_unit

KIND = "percent_share"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    mode: Literal["share", "rate", "change"] = "share"
    slack: Decimal = Decimal(0)
    guessed_severity: Literal["error", "warning", "info"] = "warning"


def _firm(doc: Document, ps: PercentStatement) -> bool:
    """The base is the total of a breakdown the count is a part of."""
    return any(bd.total is ps.base and any(p is ps.count for p in bd.parts) for bd in doc.breakdowns)


def _shares(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    for ps in doc.percents:
        base = ps.base
        if base is None or base.value == 0 or base.unit != ps.count.unit:
            continue
        if fits(ps.count.value, base.value, ps.percent.value, p.slack):
            continue
        share = ps.count.value / base.value * 100
        shown = share.quantize(Decimal("0.01"))
        firm = _firm(doc, ps)
        why = "" if firm else f"(以前文“{base.label}{fmt(base.value)}{base.unit}”为基数)"
        yield rule.finding(
            f"比例与数量不符: {fmt(ps.count.value)}/{fmt(base.value)} = {shown}%, 而文中写{fmt(ps.percent.value)}%{why}",
            [doc.id],
            [evidence(doc, ps.count.span_start, ps.end), evidence(doc, base.span_start, base.end)],
            {
                "stated": ps.percent.value,
                "computed": shown,
                "count": ps.count.value,
                "base": base.value,
                "equation": f"{fmt(ps.count.value)} / {fmt(base.value)} = {shown}% ≠ {fmt(ps.percent.value)}%",
            },
            severity=None if firm else p.guessed_severity,
        )


def _possible(n: Decimal, pct: Decimal, slack: Decimal) -> bool:
    """Some whole k of n items gives the printed rate."""
    if n <= 0 or n != n.to_integral_value():
        return False
    k = (pct * n / 100).to_integral_value(rounding=ROUND_FLOOR)
    return any(0 <= c <= n and fits(c, n, pct, slack) for c in (k, k + 1))


def _rates(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    for r in find_rates(doc):
        n, pct = r.base.value, r.percent.value
        if n <= 0 or pct > 100 or any(_possible(b.value, pct, p.slack) for b in r.readings):
            continue
        k = (pct * n / 100).to_integral_value(rounding=ROUND_FLOOR)
        lo, hi = k / n * 100, (k + 1) / n * 100
        yield rule.finding(
            f"{r.percent.label}{fmt(pct)}%不可能: {fmt(n)}{r.base.unit}中公开{fmt(k)}{r.base.unit}为"
            f"{lo.quantize(Decimal('0.01'))}%, {fmt(k + 1)}{r.base.unit}为{hi.quantize(Decimal('0.01'))}%",
            [doc.id],
            [evidence(doc, r.base.span_start, r.percent.end)],
            {
                "stated": pct,
                "base": n,
                "computed": [lo.quantize(Decimal("0.01")), hi.quantize(Decimal("0.01"))],
                "equation": f"{fmt(k)}/{fmt(n)} < {fmt(pct)}% < {fmt(k + 1)}/{fmt(n)}",
            },
        )


def _changes(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    for c in find_changes(doc):
        a, b, z = c.current.value, c.previous.value, c.percent.value
        if b <= 0:
            continue
        moved = (a - b) / b * 100 * (1 if c.up else -1)
        if abs(moved - z) <= half_unit(z) + p.slack:
            continue
        shown = moved.quantize(Decimal("0.01"))
        verb = "增长" if c.up else "下降"
        yield rule.finding(
            f"变化率与前后两年数量不符: ({fmt(a)} − {fmt(b)}) / {fmt(b)} = {(shown if c.up else -shown)}%, 而文中写{verb}{fmt(z)}%",
            [doc.id],
            [evidence(doc, c.current.span_start, c.current.end), evidence(doc, c.previous.span_start, c.percent.end)],
            {
                "stated": z,
                "computed": shown,
                "current": a,
                "previous": b,
                "equation": f"({fmt(a)} − {fmt(b)}) / {fmt(b)} = {(shown if c.up else -shown)}% ≠ {'+' if c.up else '−'}{fmt(z)}%",
            },
        )


_MODES = {"share": _shares, "rate": _rates, "change": _changes}


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    yield from _MODES[rule.params_as(Params).mode](rule, doc)

"""A running total does not run across consecutive years of one agency (A-CUM).

"累计主动公开政府信息N条" in year N must be last year's 累计 plus this year's
new items, when the report states them ("本年度新增主动公开…M条"); without a
stated annual figure it must at least not fall below last year's 累计.  The
two reports are linked as for the other cross-year checks (see `_series`);
quantities are matched on their normalised label and unit, and a label a
report uses for two different values is ambiguous and skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel

from auditor.checks._series import Link, links
from auditor.checks._util import PARAMS_CONFIG, evidence, fmt
from auditor.engine.corpus import Corpus
from auditor.engine.rules import Rule
from auditor.model import Document, Finding, Quantity

KIND = "cumulative_chain"
SCOPE = "corpus"

_NEW = re.compile(r"^(?:本年度|本年|全年|年内|当年)?(?:新增|新|增加|更新)")


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_label_chars: int = 4


_UP_TO_CUM = re.compile(r"^.*(?:累计|历年|以来)")


def _core(label: str) -> str:
    """The counted thing: "到年底累计主动公开政府信息" and "新增主动公开政府信息" → "主动公开政府信息"."""
    rest = _UP_TO_CUM.sub("", label)
    if len(rest) >= 2:
        label = rest
    return _NEW.sub("", label)


def _unique(qs: list[Quantity]) -> Quantity | None:
    return qs[0] if qs and len({q.value for q in qs}) == 1 else None


def _by_label(doc: Document, scope: str, min_chars: int) -> dict[tuple[str, str], Quantity]:
    seen: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    for q in doc.quantities:
        if q.scope != scope or q.unit == "%" or len(q.label) < min_chars:
            continue
        if q.year is not None and q.year != doc.year:
            continue
        seen[(_core(q.label), q.unit)].append(q)
    return {k: u for k, v in seen.items() if (u := _unique(v)) is not None}


def check(rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    for link in links(corpus):
        yield from check_link(rule, link)


def check_link(rule: Rule, link: Link) -> Iterator[Finding]:
    n = rule.params_as(Params).min_label_chars
    later = link.facts(link.later)
    lc = _by_label(later, "cumulative", n)
    if not lc:  # most reports state no running total: the earlier year need not be read
        return
    ec = _by_label(link.facts(link.earlier), "cumulative", n)
    common = sorted(lc.keys() & ec.keys())
    la = _by_label(later, "annual", n) if common else {}
    for key in common:
        ql, qe, qa = lc[key], ec[key], la.get(key)
        label, unit = key
        if qa is not None:
            expected = qe.value + qa.value
            if ql.value == expected:
                continue
            equation = (
                f"{link.later.year}年累计 {fmt(ql.value)} ≠ {link.earlier.year}年累计 {fmt(qe.value)}"
                f" + {link.later.year}年新增 {fmt(qa.value)} = {fmt(expected)}"
            )
        elif ql.value < qe.value:
            expected = qe.value
            equation = f"{link.later.year}年累计 {fmt(ql.value)} < {link.earlier.year}年累计 {fmt(qe.value)}"
        else:
            continue
        ev = [evidence(link.later, ql.span_start, ql.end)]
        if qa is not None:
            ev.append(evidence(link.later, qa.span_start, qa.end))
        ev.append(evidence(link.earlier, qe.span_start, qe.end))
        yield rule.finding(
            f"累计数跨年度不衔接（{label}，{unit}）: {equation}",
            [link.later.id, link.earlier.id],
            ev,
            {
                "label": label,
                "unit": unit,
                "equation": equation,
                "stated": ql.value,
                "computed": expected,
                "earlier": qe.value,
                "annual": qa.value if qa is not None else None,
                "difference": fmt(ql.value - Decimal(expected)),
            },
            severity=link.severity,
        )

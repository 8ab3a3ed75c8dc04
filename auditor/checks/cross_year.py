"""A figure carried from one year's table to the next does not carry (X3-CARRY, X2-VALID, X2-ITEMS).

Consecutive reports of one agency are linked (see `_series`), and an
identity between the later table (year N) and the earlier one (N−1) is
checked, written as rule data like the in-table identities:

    later: [carried_in]   earlier: [carried_out]                     # X3-CARRY, per column
    later: [valid]        earlier: [valid]   later_extra: [made, -repealed]   # X2-VALID, per row

i.e. Σ later(N) = Σ earlier(N−1) + Σ later_extra(N) (or ≤ with `relation: le`).  `eras` limits the rule to
tables of those layouts, and both years must share one layout when
`same_era` is set: the 2019 and 2021 columns of table 二 mean different
things, so X2-VALID cannot bridge the change of form (X2-FMT).

All failing columns (or rows) of one link make one finding, naming the later
report first.  Links between differently spelt agency names are reported at
`info` only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, Field

from auditor.checks._series import Link, links
from auditor.checks._tables import TABLE_NAMES, Term, cell_evidence, evidences, side, terms, total
from auditor.checks._util import PARAMS_CONFIG, fmt
from auditor.engine.corpus import Corpus
from auditor.engine.rules import Rule
from auditor.extract.tables.layouts import col_label, row_label
from auditor.extract.tables.model import StdTable
from auditor.model import Finding

KIND = "cross_year"
SCOPE = "corpus"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    table: Literal["t2", "t3", "t4", "stat"]
    identity: str
    for_each: Literal["row", "column"]
    each: list[str] = []
    later: list[str] = Field(min_length=1)
    earlier: list[str] = Field(min_length=1)
    later_extra: list[str] = []
    eras: list[str] = []
    same_era: bool = True
    relation: Literal["eq", "le"] = "eq"  # le: Σ later ≤ Σ earlier + Σ later_extra


def _pairs(p: Params, lt: StdTable, et: StdTable) -> Iterator[tuple[str, list[Term], list[Term], list[Term]]]:
    pool = lt.rows if p.for_each == "row" else lt.cols
    for fixed in pool:
        if p.each and fixed not in p.each:
            continue
        a = terms(lt, p.later, fixed, p.for_each)
        b = terms(et, p.earlier, fixed, p.for_each)
        c = terms(lt, p.later_extra, fixed, p.for_each) if p.later_extra else []
        if not a or not b or c is None:
            continue
        yield fixed, a, b, c


def _table(p: Params, link: Link, rows: list[tuple[str, list[Term], list[Term], list[Term]]]) -> dict[str, Any]:
    """A small table: the earlier and the later figures side by side, mismatches marked."""
    kind = "col" if p.for_each == "row" else "row"
    lab = (lambda k: col_label(p.table, k)) if kind == "col" else (lambda k: row_label(p.table, k))
    fixed_lab = (lambda k: row_label(p.table, k)) if p.for_each == "row" else (lambda k: col_label(p.table, k))
    head = [""] + [fixed_lab(f) for f, *_ in rows]
    lines: list[list[str]] = [head]
    marked = []
    keys = [(link.earlier.year, t.key, "earlier") for t in rows[0][2]] + [(link.later.year, t.key, "later") for t in rows[0][1] + rows[0][3]]
    for y, k, side_ in keys:
        line = [f"{y}年 {lab(k)}"]
        for j, (_f, a, b, c) in enumerate(rows):
            src = b if side_ == "earlier" else a + c
            t = next((t for t in src if t.key == k), None)
            line.append(t.cv.text if t is not None and t.cv is not None else "")
            marked.append([len(lines), j + 1])
        lines.append(line)
    return {"title": f"{TABLE_NAMES[p.table]} {link.earlier.year}→{link.later.year}", "rows": lines, "marked": marked}


def check(rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    for link in links(corpus):
        yield from check_link(rule, link)


def check_link(rule: Rule, link: Link) -> Iterator[Finding]:
    p = rule.params_as(Params)
    lt, et = link.later.std_tables.get(p.table), link.earlier.std_tables.get(p.table)
    if lt is None or et is None:
        return
    if p.eras and (lt.era not in p.eras or et.era not in p.eras):
        return
    if p.same_era and lt.era != et.era:
        return
    bad = []
    for fixed, a, b, c in _pairs(p, lt, et):
        lhs, rhs = total(a), total(b) + total(c)
        if (lhs != rhs) if p.relation == "eq" else (lhs > rhs):
            bad.append((fixed, a, b, c))
    if not bad:
        return
    kind = "col" if p.for_each == "row" else "row"
    parts = []
    for fixed, a, b, c in bad:
        name = row_label(p.table, fixed) if p.for_each == "row" else col_label(p.table, fixed)
        right = side(p.table, b, kind, f"{link.earlier.year}年 ")
        if c:
            extra = side(p.table, c, kind, f"{link.later.year}年 ")
            right = f"{right}；{extra}；合计 {fmt(total(b) + total(c))}"
        rel = "≠" if p.relation == "eq" else ">"
        parts.append(f"{name}: {side(p.table, a, kind, f'{link.later.year}年 ')} {rel} {right}")
    equation = "；".join(parts) if len(parts) > 1 else parts[0]
    ev_later = [cell_evidence(link.later, t.cv) for _, a, _, c in bad for t in a + c]
    ev_earlier = [cell_evidence(link.earlier, t.cv) for _, _, b, _ in bad for t in b]
    first = bad[0]
    yield rule.finding(
        f"{TABLE_NAMES[p.table]}跨年度数据不衔接 {p.identity}（{link.earlier.year}→{link.later.year}）: {equation}"
        + ("" if link.same_name else f"（两年机关名称写法不同: {link.earlier.agency} / {link.later.agency}）"),
        [link.later.id, link.earlier.id],
        evidences(link.later, ev_later) + evidences(link.earlier, ev_earlier),
        {
            "identity": p.identity,
            "equation": equation,
            "stated": total(first[1]),
            "computed": total(first[2]) + total(first[3]),
            "years": [link.earlier.year, link.later.year],
            "mismatches": [{"key": f, "later": total(a), "expected": total(b) + total(c)} for f, a, b, c in bad],
            "table": _table(p, link, bad),
        },
        severity=link.severity,
    )

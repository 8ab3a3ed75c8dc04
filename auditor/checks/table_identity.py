"""An arithmetic identity of a standard table fails (row sums, column sums, balance).

The identities are rule data, not code: a rule names the table, whether the
identity holds in every row or in every column, and the keys summed on each
side (DOMAIN §2.4, §3.3).  I3-BAL for instance is

    table: t3, for_each: column, left: [new, carried_in], right: [total, carried_out]

and reads "一 + 二 = （七）总计 + 四 in every column".  `relation: le` states
an inequality instead (其中 ≤ 总数).  Keys prefixed with '-' are subtracted.

An instance is checked only when every cell it needs is there and printed:
a blank is not a zero, a fragment's missing rows are not zeros, and a row
that exists only in one era's layout is needed only when the table shows its
era.  Cells printed "—" count as zero.  With `absent: drop` a row the table
does not have at all is left out instead (the 统计表's local variants list
different channels), as long as `min_right` terms remain.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, Field

from auditor.checks._tables import TABLE_NAMES, evidences, label_evidence, side, term_evidence, terms, total
from auditor.checks._util import PARAMS_CONFIG, fmt
from auditor.engine.rules import Rule
from auditor.extract.tables.layouts import col_label, row_label
from auditor.extract.tables.model import StdTable
from auditor.model import Document, Finding

KIND = "table_identity"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    table: Literal["t2", "t3", "t4", "stat"]
    identity: str  # the identity's name in DOMAIN (I3-BAL, A-CH …), shown in the finding
    for_each: Literal["row", "column"]
    each: list[str] = []  # the rows (for_each: row) or columns checked; empty = all of the table's
    left: list[str] = Field(min_length=1)
    right: list[str] = Field(min_length=1)
    relation: Literal["eq", "le"] = "eq"  # le: left ≤ right
    min_right: int = 1  # at least this many right-hand cells must exist in the table's era
    absent: Literal["skip", "drop"] = "skip"  # a row/column the table lacks: skip the identity, or leave the term out


def _instances(table: StdTable, p: Params) -> list[str]:
    pool = table.rows if p.for_each == "row" else table.cols
    return [k for k in pool if not p.each or k in p.each]


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    table = doc.std_tables.get(p.table)
    if table is None:
        return
    kind = "col" if p.for_each == "row" else "row"  # what the terms name
    for fixed in _instances(table, p):
        drop = p.absent == "drop"
        lt = terms(table, p.left, fixed, p.for_each, drop)
        rt = terms(table, p.right, fixed, p.for_each, drop)
        if not lt or rt is None or len(rt) < p.min_right:
            continue
        lv, rv = total(lt), total(rt)
        if (lv == rv) if p.relation == "eq" else (lv <= rv):
            continue
        if p.for_each == "row":
            where = f"“{row_label(p.table, fixed, table.row_labels.get(fixed))}”行"
            head = label_evidence(doc, table.row_labels.get(fixed))
        else:
            where = f"“{col_label(p.table, fixed)}”列"
            head = label_evidence(doc, table.col_labels.get(fixed))
        rel = "≠" if p.relation == "eq" else ">"
        equation = f"{side(p.table, lt, kind)} {rel} {side(p.table, rt, kind)}"
        cells = [t.cell for t in lt + rt]
        shown = [term_evidence(doc, table, t) for t in lt] + [term_evidence(doc, table, t) for t in rt if t.value != 0]
        yield rule.finding(
            f"{TABLE_NAMES[p.table]}{where}不满足勾稽关系 {p.identity}: {equation}",
            [doc.id],
            evidences(doc, [head] + shown),
            {
                "identity": p.identity,
                "equation": equation,
                "stated": lv,
                "computed": rv,
                "difference": fmt(lv - rv),
                p.for_each: fixed,
                "table": table.render(cells),
            },
        )

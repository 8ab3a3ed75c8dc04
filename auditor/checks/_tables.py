"""Helpers shared by the standard-table checks: terms, sums, equations, evidence.

An identity is written in rule data as lists of keys (rows or columns of a
`StdTable`); these helpers turn a list of keys into the cells of one row or
one column, decide whether the identity can be checked at all (a blank cell,
a row missing from a fragment, or a row whose existence depends on an era
the table does not reveal means *not checkable*, never a finding), and write
the equation with both sides the way a reviewer would check it by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from auditor.checks._util import evidence, fmt
from auditor.extract.tables.layouts import col_def, row_def, short
from auditor.extract.tables.model import CellValue, LabelSpan, StdTable
from auditor.model import Document, Evidence

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四", "stat": "统计表"}


@dataclass
class Term:
    key: str  # the row (or column) key this term names
    cell: tuple[str, str]  # (row, col) in the table
    value: Decimal
    sign: int = 1
    cv: CellValue | None = None


def split_sign(key: str) -> tuple[str, int]:
    return (key[1:], -1) if key.startswith("-") else (key.lstrip("+"), 1)


def terms(table: StdTable, keys: list[str], fixed: str, for_each: str, drop_absent: bool = False) -> list[Term] | None:
    """The cells named by `keys` in row/column `fixed`; None when the identity cannot be checked.

    for_each='row': `fixed` is a row and `keys` are columns; 'column': the reverse.
    A key whose row/column does not exist in the table's era is dropped; one
    whose existence is unknown (era not revealed), is absent, or is blank
    makes the whole identity uncheckable.  With `drop_absent` a row/column the
    table does not have at all is dropped instead (local variants of the
    统计表 list different channels); a blank cell still stops the check, and so
    does a line of figures the table printed after one of the rows but whose
    label was not read (`StdTable.unread_after`): it may be one of the parts.
    """
    out: list[Term] = []
    for raw in keys:
        key, sign = split_sign(raw)
        d = col_def(table.key, key) if for_each == "row" else row_def(table.key, key)
        if d is not None and d.eras is not None:
            if not table.era:
                return None
            if table.era not in d.eras:
                continue
        cell = (fixed, key) if for_each == "row" else (key, fixed)
        cv = table.cells.get(cell)
        if cv is None and drop_absent and key not in (table.cols if for_each == "row" else table.rows):
            continue
        if drop_absent and for_each == "column" and key in table.unread_after:
            return None
        if cv is None or cv.value is None:
            return None
        out.append(Term(key, cell, cv.value, sign, cv))
    return out


def total(ts: list[Term]) -> Decimal:
    return sum((t.value * t.sign for t in ts), Decimal(0))


def side(table: str, ts: list[Term], kind: str, prefix: str = "") -> str:
    """'一+二 = 66+2 = 68', or '（七）总计 = 60' for a single term."""
    names = ""
    nums = ""
    for i, t in enumerate(ts):
        op = ("−" if t.sign < 0 else "+") if i else ("−" if t.sign < 0 else "")
        names += op + short(table, t.key, kind)
        nums += op + fmt(t.value)
    if not ts:
        return f"{prefix}0"
    if len(ts) == 1 and ts[0].sign > 0:
        return f"{prefix}{names} = {nums}"
    return f"{prefix}{names} = {nums} = {fmt(total(ts))}"


ANCHOR_REACH = 400  # how far a row's label may be from its cell for the evidence to span both


def row_anchor(table: StdTable, row: str) -> int:
    """Where a row begins in the text: its label, or (table 四) the first of its fifteen cells."""
    if table.key == "t4":
        first = table.cells.get(("rev", "keep"))
        return first.start if first is not None else -1
    lab = table.row_labels.get(row)
    return lab.start if lab is not None else -1


def cell_evidence(doc: Document, cv: CellValue | None, anchor: int = -1) -> Evidence | None:
    """The cell's text, from its row label on when that is near (so the reader sees which row).

    Spanning from the label also keeps two findings apart whose cells print
    the same number (finding ids are made from the evidence text).
    """
    if cv is None or cv.start < 0 or cv.end <= cv.start:
        return None
    if 0 <= anchor <= cv.start and cv.start - anchor <= ANCHOR_REACH:
        return evidence(doc, anchor, cv.end)
    return evidence(doc, cv.start, cv.end)


def term_evidence(doc: Document, table: StdTable, t: Term) -> Evidence | None:
    return cell_evidence(doc, t.cv, row_anchor(table, t.cell[0]))


def label_evidence(doc: Document, span: LabelSpan | None) -> Evidence | None:
    if span is None or span.start < 0 or span.end <= span.start:
        return None
    return evidence(doc, span.start, span.end)


def evidences(doc: Document, items: Iterable[Evidence | None]) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for ev in items:
        if ev is not None and ev.text.strip() and (ev.start, ev.end) not in seen:
            seen.add((ev.start, ev.end))
            out.append(ev)
    return out

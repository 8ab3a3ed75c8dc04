"""The recognised standard tables: keyed rows and columns with Decimal values.

A `StdTable` is what every table check reads.  It does not care whether the
table came from an HTML `<table>`, a Word table, a PDF grid or a web page
flattened into plain text: rows and columns are named by the keys of DOMAIN
Appendix A (``new``, ``carried_in`` … ``NP`` … ``TOT``), and every value cell
keeps the span of its text in `Document.text` so a finding can point at the
very cell.  Cells that are blank stay `None` (a blank is not a zero); cells
printed as "—"/"无" are kept as zero with `dash=True`, because that is how
statistics tables write "nothing".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class CellValue:
    """One value cell of a standard table as printed."""

    value: Decimal | None  # None: blank or unreadable
    text: str  # as printed ("0", "—", "" for a blank)
    start: int = -1  # span in Document.text (-1 when unknown)
    end: int = -1
    dash: bool = False  # printed as "—"/"/"/"无": counted as zero

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass
class LabelSpan:
    """A row or column label as printed, with its span in Document.text."""

    text: str
    start: int = -1
    end: int = -1


@dataclass
class StdTable:
    """A standard statistics table of a report, by DOMAIN Appendix A keys.

    `key` is 't2' (主动公开), 't3' (依申请), 't4' (复议诉讼) or 'stat' (the era-A
    统计表); `era` is '2019' (试行 layout), '2021', 'A', or '' when the part
    that tells the eras apart was not seen (a fragment).
    """

    key: str
    era: str = ""
    source: str = "text"  # 'table' (a real table of the file) | 'text' (flattened)
    rows: list[str] = field(default_factory=list)  # row keys in table order
    cols: list[str] = field(default_factory=list)  # column keys in table order (union for t2)
    cells: dict[tuple[str, str], CellValue] = field(default_factory=dict)
    row_labels: dict[str, LabelSpan] = field(default_factory=dict)
    col_labels: dict[str, LabelSpan] = field(default_factory=dict)
    row_cols: dict[str, list[str]] = field(default_factory=dict)  # t2: the columns of each row's block
    groups: dict[str, str] = field(default_factory=dict)  # t2: row -> block ('1','5','6','8','9')
    era_marks: list[LabelSpan] = field(default_factory=list)  # the labels that tell the era
    # stat: the rows followed by a line of figures whose label was not read (a channel the
    # form does not know): a sum over that row's list may be missing a part
    unread_after: list[str] = field(default_factory=list)
    start: int = -1
    end: int = -1

    def cell(self, row: str, col: str) -> CellValue | None:
        return self.cells.get((row, col))

    def value(self, row: str, col: str) -> Decimal | None:
        c = self.cells.get((row, col))
        return c.value if c is not None else None

    @property
    def n_values(self) -> int:
        return sum(1 for c in self.cells.values() if c.known)

    def title(self) -> str:
        from auditor.extract.tables.layouts import TITLES

        return TITLES.get(self.key, self.key)

    def render(self, marked: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        """The `data.table` of a finding: header row, one row per table row, marked cells."""
        from auditor.extract.tables.layouts import col_label, row_label

        marked = marked or []
        rows: list[list[str]] = [[""] + [col_label(self.key, c) for c in self.cols]]
        where: dict[tuple[str, str], tuple[int, int]] = {}
        for r in self.rows:
            line = [row_label(self.key, r, self.row_labels.get(r))]
            for j, c in enumerate(self.cols):
                cv = self.cells.get((r, c))
                line.append(cv.text if cv is not None else "")
                where[(r, c)] = (len(rows), j + 1)
            rows.append(line)
        marks = [list(where[m]) for m in marked if m in where]
        return {"title": self.title(), "rows": rows, "marked": marks}

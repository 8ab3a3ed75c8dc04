"""What a format loader hands to the rest of ingest: one flat text plus tables.

Every loader (txt, html, docx, pdf) produces a `Loaded`: the body text with
paragraphs separated by ``'\\n'`` and each table rendered in place, one table
row per line, the cells that start in that row separated by ``'\\t'`` (slots
covered by a merged cell from above or from the left are not repeated).  The
tables are also kept as `model.Table`s whose `Cell.start/end` slice `text` to
exactly the cell's text, so a check can point at a single cell.

`TextBuilder` is the one place that lays text and tables out and computes
those offsets; the loaders only decide what the paragraphs and cells are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.lazy_re import LazyPattern
from auditor.model import Cell, DocumentMeta, Table


class LoadError(Exception):
    """The file cannot be turned into text; the message says why, on one line.

    Declared here, beside what a loader returns, so that the format loaders
    (`docx`, `pdf`) and the dispatcher (`loaders`) share it without importing
    each other."""


@dataclass
class Loaded:
    text: str  # body text; paragraphs separated by '\n'; tables rendered as tab-separated lines
    encoding: str  # 'utf-8', 'gb18030', ... or 'binary' for docx/pdf
    format: str  # 'txt' | 'html' | 'docx' | 'pdf'
    tables: list[Table] = field(default_factory=list)  # cell/table offsets point into `text`
    meta: DocumentMeta = field(default_factory=DocumentMeta)  # title, published, source, ... found outside the body


# CJK ideographs (incl. extension A and compatibility), CJK punctuation (without the
# ideographic space U+3000) and full-width forms: between two of these no space belongs.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff60\uffe0-\uffee"
CJK_CHAR = LazyPattern(f"[{_CJK}]")
_SPACE_BETWEEN_CJK = LazyPattern(f"(?<=[{_CJK}])[ \u00a0]+(?=[{_CJK}])")
_WS = LazyPattern(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u3000\ufeff]+")


def is_cjk(ch: str) -> bool:
    return bool(ch) and CJK_CHAR.match(ch) is not None


def cjk_count(s: str) -> int:
    return len(CJK_CHAR.findall(s))


def squeeze_cjk_spaces(s: str) -> str:
    """Remove spaces between two CJK characters ('政 府 信 息' -> '政府信息')."""
    return _SPACE_BETWEEN_CJK.sub("", s)


def smart_join(pieces: list[str]) -> str:
    """Join wrapped fragments: nothing between CJK characters, one space otherwise."""
    out = ""
    for p in pieces:
        p = p.strip()
        if not p:
            continue
        if out and not (is_cjk(out[-1]) or is_cjk(p[0])):
            out += " "
        out += p
    return out


def clean_cell_text(s: str) -> str:
    """A cell's text on one line: inner line breaks joined, tabs and space runs folded."""
    lines = [_WS.sub(" ", ln).strip() for ln in s.replace("\r", "\n").split("\n")]
    return smart_join(lines)


@dataclass
class CellSpec:
    """A cell placed on the table grid, before it is laid out in the text."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


class GridPlacer:
    """The HTML table model: place cells row by row, skipping slots taken by earlier spans."""

    MAX_AREA = 200_000  # grid slots; beyond this, spans of malformed tables are ignored

    def __init__(self) -> None:
        self.cells: list[CellSpec] = []
        self._taken: set[tuple[int, int]] = set()
        self.row = -1
        self._col = 0

    def new_row(self) -> None:
        self.row += 1
        self._col = 0

    def add(self, text: str, rowspan: int = 1, colspan: int = 1) -> CellSpec:
        if self.row < 0:
            self.new_row()
        while (self.row, self._col) in self._taken:
            self._col += 1
        rowspan, colspan = max(1, rowspan), max(1, colspan)
        if len(self._taken) + rowspan * colspan > self.MAX_AREA:
            rowspan = colspan = 1  # a pathological table (rowspan=0 on every row …)
        spec = CellSpec(self.row, self._col, text, rowspan, colspan)
        for r in range(spec.row, spec.row + spec.rowspan):
            for c in range(spec.col, spec.col + spec.colspan):
                self._taken.add((r, c))
        self._col += spec.colspan
        self.cells.append(spec)
        return spec

    def skip(self, n: int) -> None:
        """Leave `n` grid columns empty (Word's gridBefore)."""
        self._col += max(0, n)

    def finish(self) -> list[CellSpec]:
        """Clamp rowspans that run past the last row (as browsers do)."""
        n_rows = self.row + 1
        for c in self.cells:
            if c.row + c.rowspan > n_rows:
                c.rowspan = max(1, n_rows - c.row)
        return self.cells


class TextBuilder:
    """Accumulates paragraphs and tables into one text, tracking offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self.tables: list[Table] = []

    def _append(self, s: str) -> None:
        self._parts.append(s)
        self._pos += len(s)

    def _newline(self) -> None:
        if self._pos:
            self._append("\n")

    def line(self, s: str) -> None:
        """Add one paragraph (a line); empty ones are dropped, inner newlines split lines."""
        for piece in s.split("\n"):
            piece = piece.strip().strip("\ufeff\u200b").strip()
            if piece:
                self._newline()
                self._append(piece)

    def table(self, cells: list[CellSpec], caption: str = "") -> Table | None:
        """Render a table, one row per line; returns the Table (None when it has no text)."""
        if not cells or not any(c.text.strip() for c in cells):
            return None
        n_rows = max(c.row + c.rowspan for c in cells)
        by_row: dict[int, list[CellSpec]] = {}
        for c in cells:
            by_row.setdefault(c.row, []).append(c)
        self._newline()
        start = self._pos
        out: list[Cell] = []
        for r in range(n_rows):
            if r:
                self._append("\n")
            for i, spec in enumerate(sorted(by_row.get(r, []), key=lambda c: c.col)):
                if i:
                    self._append("\t")
                text = spec.text.replace("\t", " ").replace("\n", " ")
                s = self._pos
                self._append(text)
                out.append(Cell(spec.row, spec.col, text, spec.rowspan, spec.colspan, s, self._pos))
        table = Table(out, start, self._pos, caption)
        self.tables.append(table)
        return table

    @property
    def text(self) -> str:
        return "".join(self._parts)

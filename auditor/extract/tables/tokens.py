"""One token stream for real tables and for tables flattened into text.

Whatever the format, a standard table reads the same way in row-major order:
labels, then the values of that row, then the next row's label.  So both
sources are turned into tokens — *label*, *value* (a number or a dash) and
*blank* — with their spans in `Document.text`, and grouped into records (a
run of labels followed by a run of values).  The recognisers only ever see
records; which format the report came in no longer matters.

Blanks are kept only where a position is known: empty cells of a real table,
or empty fields between tabs or `|` of a flattened line.  Between words
separated by spaces, or in one-cell-per-line copies, a blank cell leaves no
trace, so a row there must show exactly as many values as the layout has
columns to be mapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from auditor.model import Table

_NUMBER = re.compile(r"[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:件|条|个|项|次|人|万元)?")
_DASH = re.compile(r"[\-—–―─‐/\\]+|无")
_VALUE_FIRST = frozenset("+-—–―─‐/\\无")  # besides digits, what a number or a dash can start with
_UNIT_CHARS = re.compile(r"[件条个项次人万元,]")
_FIELD_SEP = re.compile(r"[\t|]")
_RULE_LINE = re.compile(r"[\s|:]*-{3,}[\s|:\-]*")  # a markdown rule line "|---|:--|"


@dataclass(slots=True)
class Token:
    kind: str  # 'label' | 'value' | 'blank'
    text: str
    start: int
    end: int
    value: Decimal | None = None
    dash: bool = False
    positional: bool = False  # from a grid or a tab/pipe-separated line: blanks hold places


@dataclass
class Record:
    """A run of labels and the run of values (and blanks) that follows it."""

    labels: list[Token] = field(default_factory=list)
    values: list[Token] = field(default_factory=list)

    @property
    def positional(self) -> bool:
        return bool(self.values) and all(v.positional for v in self.values)


def classify(word: str) -> tuple[str, Decimal | None, bool]:
    """('value', number, dash) for a number or dash, ('label', None, False) otherwise."""
    if not word or not (word[0].isdecimal() or word[0] in _VALUE_FIRST):
        return "label", None, False  # most words are prose: no pattern needs trying
    if word.isascii() and word.isdigit():
        return "value", Decimal(word), False  # a plain count, most values: what _NUMBER and Decimal read alike
    if _NUMBER.fullmatch(word):
        digits = _UNIT_CHARS.sub("", word)
        try:
            return "value", Decimal(digits), False
        except InvalidOperation:
            return "label", None, False
    if _DASH.fullmatch(word):
        return "value", Decimal(0), True
    return "label", None, False


def _words(text: str, offset: int, positional: bool) -> list[Token]:
    """Tokens of one field, one per space-separated word.

    Label words are not merged: a line copied from a web page may hold a
    block heading, the column headings and a row label separated by spaces,
    and the recognisers need to tell those apart (they join words when they
    match a label).
    """
    out: list[Token] = []
    pos = 0
    for word in text.split():  # str.split and `\S+` break at the same (Unicode) whitespace
        start = text.find(word, pos)  # only whitespace lies between pos and the word
        pos = start + len(word)
        if word[0].isdecimal() or word[0] in _VALUE_FIRST:
            kind, value, dash = classify(word)
        else:
            kind, value, dash = "label", None, False
        out.append(Token(kind, word, offset + start, offset + pos, value, dash, positional))
    return out


def line_tokens(line: str, offset: int) -> list[Token]:
    """Tokens of one line of flattened text (cells split by tabs, `|` or spaces)."""
    if (not line.strip() and "\t" not in line) or ("|" in line and _RULE_LINE.fullmatch(line)):
        return []  # a line of tabs alone is a row of empty cells; a markdown rule line is none
    if "\t" not in line and "|" not in line:
        return _words(line, offset, positional=False)
    fields: list[tuple[int, int]] = []
    pos = 0
    for m in _FIELD_SEP.finditer(line):
        fields.append((pos, m.start()))
        pos = m.end()
    fields.append((pos, len(line)))
    # "| a | b |": the outer pipes close the row, they open no cells; a tab does
    # separate cells, so trailing tabs are empty cells.
    if line.lstrip().startswith("|") and not line[fields[0][0] : fields[0][1]].strip():
        fields = fields[1:]
    if line.rstrip().endswith("|") and fields and not line[fields[-1][0] : fields[-1][1]].strip():
        fields.pop()
    out: list[Token] = []
    for a, b in fields:
        piece = line[a:b]
        if not piece.strip():
            out.append(Token("blank", "", offset + a, offset + a, None, False, True))
        else:
            out.extend(_words(piece, offset + a, positional=True))
    return out


def text_tokens(text: str, skip: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokens of the whole text, leaving out the spans in `skip` (rendered real tables)."""
    skip = sorted(skip or [])
    out: list[Token] = []
    pos = 0
    k = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while k < len(skip) and skip[k][1] <= start:
            k += 1
        if k < len(skip) and skip[k][0] < end and skip[k][1] > start:
            continue  # a line of a rendered real table: its grid is read instead
        if "\t" in line or "|" in line:
            out.extend(line_tokens(line, start))
        else:  # most lines: line_tokens' words without its tests (a blank line has none)
            out.extend(_words(line, start, False))
    return out


def grid_tokens(table: Table, doc_text: str) -> list[Token]:
    """Tokens of a real table in row-major order; empty cells become positional blanks.

    Cell text is read from the canonical text through the cell's span (the
    cell's own `text` is the raw, un-normalised one).
    """
    out: list[Token] = []
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        known = 0 <= cell.start <= cell.end <= len(doc_text)
        text = doc_text[cell.start : cell.end] if known else cell.text
        if not text.strip():
            s = cell.start if cell.start >= 0 else table.start
            out.append(Token("blank", "", s, s, None, False, True))
            continue
        if not known:
            kind, value, dash = classify(text.strip())
            out.append(Token(kind, text.strip(), table.start, table.start, value, dash, True))
            continue
        out.extend(_words(text, cell.start, positional=True))
    return out


def records(tokens: list[Token]) -> list[Record]:
    out: list[Record] = []
    cur = Record()
    for t in tokens:
        if t.kind == "label":
            if cur.values:
                out.append(cur)
                cur = Record()
            cur.labels.append(t)
        else:
            cur.values.append(t)
    if cur.labels or cur.values:
        out.append(cur)
    return out


def fit(values: list[Token], n: int) -> list[Token] | None:
    """Exactly `n` value cells for a row, or None when the run cannot be mapped.

    Positional runs may carry trailing blanks (unused columns of a wider
    table, trailing separators); runs without positions must have exactly
    `n` values.  A run that is short is never padded: which cell is missing
    cannot be known.  A positional row of blanks maps to unknown cells.
    """
    if n <= 0:
        return None
    run = list(values)
    if run and all(v.positional for v in run):
        while len(run) > n and run[-1].kind == "blank":
            run.pop()
        return run if len(run) == n else None  # a row left blank is still a row (of unknowns)
    return run if len(run) == n else None

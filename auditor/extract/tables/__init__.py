"""Standard statistics tables: recognise them, whatever the format, into `StdTable`s.

Since 2019 every report carries three standard tables (二 主动公开, 三 依申请,
四 复议诉讼); 2014–2018 reports often carry the national 统计表.  Most of a
report's figures live there, so the table checks need them as keyed cells
rather than as text.  `extract_tables(doc)` reads the file's real tables
(`Document.tables`, kept as grids with cell spans) and the text around them
(tables flattened by a web-page copy: tab-, space- or `|`-separated, or one
cell per line) as one token stream in document order, and fills
`doc.std_tables` with the best-read table of each key.
"""

from __future__ import annotations

from auditor.extract.tables.model import CellValue, LabelSpan, StdTable
from auditor.extract.tables.recognise import parse_stat, parse_t2, parse_t3, parse_t4
from auditor.extract.tables.tokens import Token, grid_tokens, records, text_tokens
from auditor.model import Document

__all__ = ["CellValue", "LabelSpan", "StdTable", "extract_tables", "recognise_text"]

_PARSERS = (parse_t2, parse_t3, parse_t4, parse_stat)


def _tokens(doc: Document) -> list[Token]:
    spans = [(t.start, t.end) for t in doc.tables if 0 <= t.start <= t.end]
    toks = text_tokens(doc.text, spans)
    for t in sorted(doc.tables, key=lambda t: t.start):
        toks.extend(grid_tokens(t, doc.text))
    toks.sort(key=lambda t: t.start)  # stable: a grid's tokens keep their row-major order
    return toks


def recognise(tokens: list[Token], text: str = "") -> dict[str, StdTable]:
    """The best table of each key found in a token stream."""
    recs = records(tokens)
    found: dict[str, StdTable] = {}
    for parse in _PARSERS:
        for t in parse(recs, text):
            old = found.get(t.key)
            if old is None or t.n_values > old.n_values:
                found[t.key] = t
    return found


def recognise_text(text: str) -> dict[str, StdTable]:
    """Tables in a plain text (tests and tools); offsets are into `text`."""
    return recognise(text_tokens(text), text)


def extract_tables(doc: Document) -> None:
    """Fill `doc.std_tables`; a table that cannot be mapped is left out, never an error."""
    try:
        doc.std_tables = recognise(_tokens(doc), doc.text)
    except Exception:  # odd input must not stop the audit; the table is just not recognised
        doc.std_tables = {}

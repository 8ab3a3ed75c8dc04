"""Ingest stage: files → `Document`s with canonical text.

Bad input never raises: a file that cannot be read becomes a Document with
`error` set, which the pipeline turns into an `ingest-error` finding while the
rest of the corpus is still audited.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from pathlib import Path

from auditor.ingest.budget import MAX_CHARS, too_long_reason
from auditor.ingest.discover import SourceFile, discover
from auditor.ingest.split import split_compilation
from auditor.model import Document, Table
from auditor.normalize.text import canonicalize

__all__ = ["discover", "read_source", "read_documents", "document_from_text"]

MAX_BYTES = 64 * 1024 * 1024


def _raw_to_canon(to_raw: list[int], raw_pos: int) -> int:
    return bisect_left(to_raw, raw_pos)


def _shift_cell(c, offset: int, to_raw: list[int], canon: str):
    """The cell with offsets (and text) in the canonical text of its part."""
    start, end = _raw_to_canon(to_raw, c.start - offset), _raw_to_canon(to_raw, c.end - offset)
    return replace(c, start=start, end=end, text=canon[start:end])


def _shift_tables(tables: list[Table], offset: int, length: int, to_raw: list[int], canon: str) -> list[Table]:
    """Keep the tables inside one part, with offsets moved into its canonical text."""
    out: list[Table] = []
    for t in tables:
        if t.start < offset or t.start >= offset + length:
            continue
        cells = [_shift_cell(c, offset, to_raw, canon) if c.start >= 0 else c for c in t.cells]
        out.append(Table(cells, _raw_to_canon(to_raw, t.start - offset), _raw_to_canon(to_raw, t.end - offset), t.caption))
    return out


def error_doc(src: SourceFile, fmt: str, reason: str) -> Document:
    return Document(id=src.rel, source=src.rel, part=None, format=fmt, encoding="", raw="", error=reason)


def read_source(src: SourceFile) -> list[Document]:
    from auditor.ingest.loaders import LoadError, load

    fmt = src.path.suffix.lower().lstrip(".") or "txt"
    try:
        size = src.path.stat().st_size
        if size > MAX_BYTES:
            return [error_doc(src, fmt, f"file too large ({size} bytes > {MAX_BYTES})")]
        data = src.path.read_bytes()
    except OSError as exc:
        return [error_doc(src, fmt, f"cannot read file: {exc.strerror or exc}")]
    try:
        loaded = load(src.path.name, data)
    except LoadError as exc:
        return [error_doc(src, fmt, str(exc))]
    if not loaded.text.strip():
        return [error_doc(src, loaded.format, "no text found in the file")]
    if len(loaded.text) > MAX_CHARS:
        return [error_doc(src, loaded.format, too_long_reason(len(loaded.text)))]
    return documents_from_loaded(src.rel, loaded)


def documents_from_loaded(rel: str, loaded) -> list[Document]:
    parts = split_compilation(loaded.text)
    docs: list[Document] = []
    for part in parts:
        text, to_raw = canonicalize(part.text)
        doc = Document(
            id=rel if len(parts) == 1 else f"{rel}#{part.number}",
            source=rel,
            part=None if len(parts) == 1 else part.number,
            format=loaded.format,
            encoding=loaded.encoding,
            raw=part.text,
            text=text,
            to_raw=to_raw,
            heading=part.heading,
            meta=loaded.meta.copy(),
        )
        doc.tables = _shift_tables(loaded.tables, part.offset, len(part.text), to_raw, text)
        docs.append(doc)
    return docs


def document_from_text(text: str, doc_id: str = "example.txt") -> list[Document]:
    """Documents from an in-memory text (rule examples, tests, the Python API)."""
    from auditor.ingest.loaded import Loaded

    return documents_from_loaded(doc_id, Loaded(text=text, encoding="utf-8", format="txt", tables=[]))


def read_documents(paths: list[Path]) -> list[Document]:
    docs: list[Document] = []
    for src in discover(paths):
        docs.extend(read_source(src))
    return docs


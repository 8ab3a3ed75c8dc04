"""The per-document stages: ingest → normalise → extract, within a time budget.

Each stage is a plain function over the model, one module each
(`auditor.ingest`, `auditor.normalize`, `auditor.extract.meta`, `.sections`,
`.facts`, `.tables`); this module runs them in order for one file.  What
follows for the whole corpus (pairs, rules, the result) is assembled in
`auditor.core`, so the CLI, the Python API, the rule-example tests and the CI
gate all run the very same code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from auditor.extract.facts import extract_facts
from auditor.extract.meta import extract_meta
from auditor.extract.sections import extract_sections
from auditor.extract.tables import extract_tables
from auditor.ingest import error_doc, read_source
from auditor.ingest.budget import BudgetExceeded, file_budget, over_budget_reason
from auditor.ingest.discover import SourceFile, discover
from auditor.model import Document


def analyse(doc: Document) -> Document:
    """Extract metadata, sections and facts in place (no-op for unreadable files)."""
    if doc.error is None:
        extract_meta(doc)
        extract_sections(doc)
        extract_facts(doc)
        extract_tables(doc)
    return doc


def read_and_analyse(src: SourceFile, seconds: float | None) -> list[Document]:
    """One file's documents, read and analysed within its time budget (`auditor.ingest.budget`).

    A file over budget becomes one unreadable document saying so: its
    ``ingest-error`` finding is the report, and the rest of the corpus is
    audited as usual.
    """
    try:
        with file_budget(seconds):
            return [analyse(d) for d in read_source(src)]
    except BudgetExceeded:
        fmt = src.path.suffix.lower().lstrip(".") or "txt"
        return [error_doc(src, fmt, over_budget_reason(seconds or 0))]


def analyse_within_budget(doc: Document, seconds: float | None) -> Document:
    """`analyse`, or the document marked unreadable when its analysis runs past the budget."""
    try:
        with file_budget(seconds):
            return analyse(doc)
    except BudgetExceeded:
        doc.error = over_budget_reason(seconds or 0)
        return doc


def read_all(paths: Iterable[Path], seconds: float | None, progress: Callable[[str, int, int], None] | None = None) -> list[Document]:
    """Every report under ``paths``, read and analysed, each file within its budget;
    ``progress("reading files", done, total)`` after each file."""
    sources = discover(list(paths))
    docs: list[Document] = []
    for done, src in enumerate(sources, 1):
        docs.extend(read_and_analyse(src, seconds))
        if progress is not None:
            progress("reading files", done, len(sources))
    return docs

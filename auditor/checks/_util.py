"""Small helpers shared by check kinds."""

from __future__ import annotations

from decimal import Decimal

from auditor.model import Document, Evidence


def evidence(doc: Document, start: int, end: int) -> Evidence:
    """Evidence for a canonical-text span, widened to whole characters of the document."""
    start = max(0, min(start, len(doc.text)))
    end = max(start, min(end, len(doc.text)))
    return Evidence(doc.id, start, end, doc.text[start:end])


def fmt(d: Decimal) -> str:
    """A Decimal as people print it: no exponent, no trailing '.0' noise."""
    if d == d.to_integral_value():
        return f"{int(d):d}"
    return format(d.normalize(), "f")

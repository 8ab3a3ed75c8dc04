"""Small helpers shared by check kinds."""

from __future__ import annotations

from decimal import Decimal

from pydantic import ConfigDict

from auditor.model import Document, Evidence

PARAMS_CONFIG = ConfigDict(extra="forbid", defer_build=True)
"""Every check kind's `Params`: unknown keys are errors; the validator is built
when a rule file is first validated, not when the module is imported (two
dozen models cost ~40 ms of each start-up, and a cached rule pack never
validates)."""


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

"""Text matching a regular expression (vale's `existence`): extraction damage,
template blanks, mojibake.  Each match is one finding, up to `max_per_document`.

A pattern that needs context to be sure (a line start, the words around)
names the reported part with a group called ``hit``: the message, evidence
and data then show that group, not the whole match.

`requires` is an optional cheap pre-check for patterns that start anywhere:
Python's regex engine tries every position of a report for a pattern without
a literal prefix (~0.5 ms per report), while a scan for one character class
is ~10 times faster.  A document where `requires` does not match is skipped,
so it must match wherever `pattern` does (the rule's examples check this).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, field_validator

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.model import Document

KIND = "pattern"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    pattern: str
    message: str
    max_per_document: int = 5
    context: int = 8  # characters of context shown either side in the evidence
    requires: str | None = None  # a regex every document with a match also matches (fast skip)

    @field_validator("pattern", "requires")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        return v


def check(rule, doc: Document):
    p: Params = rule.params
    if p.requires is not None and re.search(p.requires, doc.text) is None:
        return
    rx = re.compile(p.pattern)
    group = "hit" if "hit" in rx.groupindex else 0
    shown = 0
    for m in rx.finditer(doc.text):
        if shown >= p.max_per_document:
            break
        if m.group(group) is None:
            continue
        shown += 1
        a, b = m.span(group)
        s, e = max(0, a - p.context), min(len(doc.text), b + p.context)
        yield rule.finding(
            p.message.format(match=m.group(group)),
            [doc.id],
            [evidence(doc, s, e)],
            {"match": m.group(group), "match_start": a, "match_end": b},
        )

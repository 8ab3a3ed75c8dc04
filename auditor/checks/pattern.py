"""Text matching a regular expression (vale's `existence`): extraction damage,
template blanks, mojibake.  Each match is one finding, up to `max_per_document`.

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
    for i, m in enumerate(rx.finditer(doc.text)):
        if i >= p.max_per_document:
            break
        s, e = max(0, m.start() - p.context), min(len(doc.text), m.end() + p.context)
        yield rule.finding(
            p.message.format(match=m.group(0)),
            [doc.id],
            [evidence(doc, s, e)],
            {"match": m.group(0), "match_start": m.start(), "match_end": m.end()},
        )

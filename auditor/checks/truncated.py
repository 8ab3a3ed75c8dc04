"""The text stops short: an omission mark ([…], ……, 未完) or a last sentence left open.

A truncated copy cannot be judged for missing sections or signature, so those
rules stand down on it; this rule says why.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "truncated"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    tail_chars: int = 40


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    reason = doc.meta.truncated
    if not reason:
        return
    n = len(doc.text)
    yield rule.finding(f"文本不完整: {reason}", [doc.id], [evidence(doc, max(0, n - rule.params_as(Params).tail_chars), n)], {"reason": reason})

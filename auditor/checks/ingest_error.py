"""A file could not be read: it becomes a finding, and the rest of the corpus is still audited."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "ingest_error"
SCOPE = "ingest"


class Params(BaseModel):
    model_config = PARAMS_CONFIG


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    yield rule.finding(f"无法读取文件 {doc.source}: {doc.error}", [doc.id], [], {"reason": doc.error, "format": doc.format})

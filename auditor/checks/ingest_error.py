"""A file could not be read: it becomes a finding, and the rest of the corpus is still audited."""

from __future__ import annotations

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG
from auditor.model import Document

KIND = "ingest_error"
SCOPE = "ingest"


class Params(BaseModel):
    model_config = PARAMS_CONFIG


def check(rule, doc: Document):
    yield rule.finding(f"无法读取文件 {doc.source}: {doc.error}", [doc.id], [], {"reason": doc.error, "format": doc.format})

"""One rule run on one text written as a report file: the helper of the rule-fixture tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from auditor.api import audit
from auditor.config import Config


def found(tmp_path: Path, rule: str, text: str) -> list[str]:
    """The messages of `rule` on `text`, audited as the file r.txt through the public API."""
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = audit([tmp_path], Config(select=[rule]), today=date(2026, 6, 30))
    return [f.message for f in result.findings if f.rule == rule]

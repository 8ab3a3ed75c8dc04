"""Shared helpers for the numbers-family tests: analyse a text, run one rule on it."""

from __future__ import annotations

from datetime import date

from auditor.api import audit_documents
from auditor.config import Config
from auditor.ingest import document_from_text
from auditor.model import Document
from auditor.pipeline import analyse

HEAD = "某县民政局2019年政府信息公开工作年度报告\n"


def analysed(text: str) -> Document:
    doc = document_from_text(HEAD + text, "t.txt")[0]
    return analyse(doc)


def fired(text: str, rule: str) -> list:
    """(severity, message) of every finding of `rule` on the text."""
    docs = document_from_text(HEAD + text, "t.txt")
    result = audit_documents(docs, Config(select=[rule]), today=date(2026, 6, 30))
    return [(f.severity.value, f.message) for f in result.findings if f.rule == rule]


def warned(text: str, rule: str) -> list:
    """The warnings and errors of `rule` on the text (an info is shown, never a failure)."""
    return [(sev, msg) for sev, msg in fired(text, rule) if sev != "info"]


def shape(text: str) -> list[tuple[int, list[int], str]]:
    """(total, parts, closure) of every breakdown with a stated total, in text order."""
    return [
        (int(bd.total.value), [int(p.value) for p in bd.parts], bd.closure)
        for bd in analysed(text).breakdowns
        if bd.total is not None
    ]

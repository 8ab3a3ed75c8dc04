"""Sections the report's era requires are missing.

Each requirement is a name and keywords that may appear in a level-1 or
level-2 heading.  Only annual reports with at least `min_sections` level-1
headings are judged (a fragment or a one-paragraph notice cannot be).

A report written as a few paragraphs without headings is read the other way
(``scope: text``): a required topic whose words appear nowhere in the whole
text is missing.  A copy may end at a sentence without any sign of the cut,
so that reading is only offered for the reader to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "required_sections"
SCOPE = "document"


class Requirement(BaseModel):
    model_config = PARAMS_CONFIG
    name: str
    keywords: list[str]


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    eras: dict[str, list[Requirement]]
    min_sections: int = 3
    kinds: list[str] = ["annual-report"]
    scope: Literal["headings", "text"] = "headings"
    min_missing: int = 1  # topics missing before the rule speaks
    min_chars: int = 200  # (text scope) shorter texts are notices or fragments


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    if doc.kind not in p.kinds or doc.era not in p.eras or doc.meta.truncated:
        return
    top = [s for s in doc.sections if s.level == 1]
    if p.scope == "headings":
        if len(top) < p.min_sections:
            return
        read = " | ".join(s.title for s in doc.sections if s.level <= 2)
        ev = [evidence(doc, s.start, s.heading_end) for s in top][:12]
        lead = "缺少必备部分: "
    else:
        if len(top) >= p.min_sections or len(doc.text) < p.min_chars:
            return
        read = doc.text
        ev = [evidence(doc, 0, min(len(doc.text), 80))]
        lead = "全文没有提到必备内容(若此为报告全文): "
    missing = [r.name for r in p.eras[doc.era] if not any(re.search(k, read) for k in r.keywords)]
    if len(missing) < max(1, p.min_missing):
        return
    yield rule.finding(
        lead + "、".join(missing),
        [doc.id],
        ev,
        {"missing": missing, "era": doc.era, "headings": [s.title for s in top]},
    )

"""Sections the report's era requires are missing.

Each requirement is a name and keywords that may appear in a level-1 or
level-2 heading.  Only annual reports with at least `min_sections` level-1
headings are judged (a fragment or a one-paragraph notice cannot be).
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.model import Document

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


def check(rule, doc: Document):
    p: Params = rule.params
    if doc.kind not in p.kinds or doc.era not in p.eras or "truncated" in doc.meta:
        return
    top = [s for s in doc.sections if s.level == 1]
    if len(top) < p.min_sections:
        return
    titles = " | ".join(s.title for s in doc.sections if s.level <= 2)
    missing = [r.name for r in p.eras[doc.era] if not any(re.search(k, titles) for k in r.keywords)]
    if not missing:
        return
    ev = [evidence(doc, s.start, s.heading_end) for s in top]
    yield rule.finding(
        "缺少必备部分: " + "、".join(missing),
        [doc.id],
        ev[:12],
        {"missing": missing, "era": doc.era, "headings": [s.title for s in top]},
    )

"""The report declares how many parts it has ("由…等六部分组成") and has another number.

The declaration is compared with the items it lists and with the report's
level-1 sections that follow it.
"""

from __future__ import annotations

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.model import Document

KIND = "part_count"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_sections: int = 2


def check(rule, doc: Document):
    for pc in doc.part_counts:
        top = [s for s in doc.sections if s.level == 1 and s.start > pc.start]
        actual = len(top) if len(top) >= rule.params.min_sections else None
        if actual is not None and actual < pc.declared and (doc.signed is None or "truncated" in doc.meta):
            actual = None  # fewer sections in a copy without its end: the copy may be partial
        problems = []
        if pc.listed is not None and pc.listed != pc.declared:
            problems.append(f"列举了{pc.listed}项")
        if actual is not None and actual != pc.declared:
            problems.append(f"正文有{actual}个一级标题")
        if not problems:
            continue
        ev = [evidence(doc, pc.start, pc.end)] + [evidence(doc, s.start, s.heading_end) for s in top[:12]]
        yield rule.finding(
            f"声明共{pc.declared}部分, 但" + ", ".join(problems),
            [doc.id],
            ev,
            {"declared": pc.declared, "listed": pc.listed, "sections": actual, "headings": [s.title for s in top]},
        )

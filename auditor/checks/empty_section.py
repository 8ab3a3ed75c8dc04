"""A level-1 section with nothing under it: its heading runs straight into the next one.

"二、主动公开政府信息情况" followed at once by "三、依申请公开…" means the
year's 主动公开 text was lost.  Only reports of the free-text era are read:
from 2019 the sections 二-四 hold the standard tables, which page copies
often lose as images, so an empty heading there says nothing about the text.
A heading that names a table or an appendix is skipped for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "empty_section"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    last_year: int = 2018  # the last report year written as free text
    table_titles: str = r"表|附件|附录"


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    if doc.year is None or doc.year > p.last_year:
        return
    top = [s for s in doc.sections if s.level == 1]
    for s, nxt in zip(top, top[1:]):
        if re.search(p.table_titles, s.title) or doc.text[s.heading_end : nxt.start].strip():
            continue
        yield rule.finding(
            f"“{s.number}{s.title}”下没有内容, 紧接着是“{nxt.number}{nxt.title}”(该部分正文缺失)",
            [doc.id],
            [evidence(doc, s.start, nxt.heading_end)],
            {"section": s.title, "next": nxt.title},
        )

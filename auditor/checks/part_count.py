"""The report declares its parts ("由…等六部分组成") and has others.

The declaration is compared with the items it names (a range of counts when
a 和/及 may join two parts or words of one, see `auditor.extract.parts`),
with the number of level-1 sections that follow it, and, in a complete copy,
with what those sections are about: a part the report announces and never
writes ("收费及减免情况" named, no such section) is missing.  A copy without
its end cannot show fewer sections than declared, so that is only judged on
complete copies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.extract.parts import declared_list, topics
from auditor.model import Document, Finding, PartCount, Section

KIND = "part_count"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_sections: int = 2
    # parts the declaration names and a complete body lacks, needed before it says so
    min_missing: int = 2
    min_sections_for_topics: int = 3
    # topics often written without a heading of their own (the preamble is the 概述,
    # the tables are images)
    unheaded_topics: list[str] = ["概述", "附表"]


def _complete(doc: Document) -> bool:
    return doc.signed is not None and not doc.meta.truncated


def _missing(pc: PartCount, headings: list[Section], top: int, skip: set[str]) -> list[str]:
    """Names the declaration lists whose topics no heading after it speaks of.

    Only read when the body also has fewer level-1 sections than the names
    listed: with as many sections as names, an unmatched name is a heading
    worded differently, not a part left out."""
    reading = declared_list(pc.text)
    if reading is None or top >= reading.least:
        return []
    titles = [s.title for s in headings]
    covered = set().union(*(topics(t) for t in titles)) if titles else set()
    out = []
    for name in reading.items:
        wanted = topics(name) - skip
        if wanted and not wanted & covered:
            out.append(name)
    return out


_REPORT_WORDS = re.compile(r"报告|年报|全文|本文")


def _about_report(doc: Document, pc: PartCount) -> bool:
    """The declaration describes the report ("本报告由…组成"), not a training
    course or a leaflet ("培训内容包括…三个部分"): it names the report, or
    stands before the first section."""
    first = next((s.start for s in doc.sections if s.level == 1), len(doc.text))
    return pc.start < first or bool(_REPORT_WORDS.search(doc.text, max(0, pc.start - 20), pc.start + 6))


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    for pc in doc.part_counts:
        if not _about_report(doc, pc):
            continue
        top = [s for s in doc.sections if s.level == 1 and s.start > pc.start]
        actual = len(top) if len(top) >= p.min_sections else None
        if actual is not None and pc.declared is not None and actual < pc.declared and not _complete(doc):
            actual = None  # fewer sections in a copy without its end: the copy may be partial
        problems = []
        if pc.declared is not None and pc.listed is not None and pc.listed != pc.declared:
            problems.append(f"列举了{pc.listed}项")
        if pc.declared is not None and actual is not None and actual != pc.declared:
            problems.append(f"正文有{actual}个一级标题")
        missing: list[str] = []
        if _complete(doc) and len(top) >= p.min_sections_for_topics:
            below = [s for s in doc.sections if s.level <= 2 and s.start > pc.start]
            missing = _missing(pc, below, len(top), set(p.unheaded_topics))
            if len(missing) >= p.min_missing:
                problems.append("正文没有所列的" + "、".join(missing))
            else:
                missing = []
        if not problems:
            continue
        head = f"声明共{pc.declared}部分, 但" if pc.declared is not None else "报告声明由所列各部分组成, 但"
        ev = [evidence(doc, pc.start, pc.end)] + [evidence(doc, s.start, s.heading_end) for s in top[:12]]
        yield rule.finding(
            head + ", ".join(problems),
            [doc.id],
            ev,
            {"declared": pc.declared, "listed": pc.listed, "sections": actual, "missing": missing,
             "headings": [s.title for s in top]},
        )

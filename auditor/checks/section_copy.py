"""Sections of the body copied from another report while the rest differs.

DUP001 judges whole documents.  A township that reuses another organ's
依申请公开 / 收费 / 复议 paragraphs with the year changed shares only those
sections: whole-document Jaccard stays at 0.2-0.4 while the copied sections
are verbatim.  This kind looks at *where* a verified pair's aligned passages
lie.  Passages before the first 一、 heading are left out (the 依据…编制
paragraph, contact block and page furniture that organs of one county share by
instruction), as are boilerplate passages (mandated headings and table
labels), and so are passages the aligner bridged over rewording (similarity
below ``min_similarity``); what remains is body text both reports share word
for word, digits masked, so a changed year or count does not hide it.  A document without a
level-1 heading has no provable preamble boundary and is not judged.
Pairs at or above the whole-document thresholds are DUP001's and skipped.
The shared passages must reach ``min_sections`` sections: one paragraph in
common is often a formula quoted from the level above ("坚持公开为常态、不公开
为例外…"), whole sections in common are a copy.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.checks.near_duplicate import Level, copier, relation_zh
from auditor.engine.corpus import Corpus
from auditor.engine.rules import Rule
from auditor.model import Document, Finding, Pair, Passage

KIND = "section_copy"
SCOPE = "corpus"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_chars: int = 200  # body characters shared verbatim
    min_share: float = 0.3  # ... and this share of the shorter body
    min_similarity: float = 0.9  # a passage counts when it is (nearly) word for word, figures masked
    min_sections: int = 2  # sections (level-1) the copied passages reach: one shared paragraph may be a quoted formula
    relations: list[str] = ["other-agency", "same-agency-other-year"]
    whole_document: Level = Level(jaccard=0.3, containment=0.5)  # pairs DUP001 reports
    evidence_passages: int = 3


def _body_start(doc: Document) -> int | None:
    return next((s.start for s in doc.sections if s.level == 1), None)


def _section_titles(doc: Document, spans: list[tuple[int, int]]) -> list[str]:
    titles = []
    for s in doc.sections:
        if s.level == 1 and any(a < s.end and s.start < b for a, b in spans) and s.title not in titles:
            titles.append(f"{s.number}{s.title}")
    return titles


def _body_passages(pair: Pair, start_a: int, start_b: int, min_similarity: float) -> list[Passage]:
    return [
        x for x in pair.passages
        if not x.boilerplate and x.similarity >= min_similarity and x.a_start >= start_a and x.b_start >= start_b
    ]


def check(rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    p = rule.params_as(Params)
    for pair in corpus.pairs:
        if pair.relation not in p.relations:
            continue
        if pair.jaccard >= p.whole_document.jaccard or pair.containment >= p.whole_document.containment:
            continue
        a, b = corpus.full(corpus.by_id[pair.a], "sections"), corpus.full(corpus.by_id[pair.b], "sections")
        start_a, start_b = _body_start(a), _body_start(b)
        if start_a is None or start_b is None:
            continue
        body = _body_passages(pair, start_a, start_b, p.min_similarity)
        shared = sum(x.a_end - x.a_start for x in body)
        shorter = min(len(a.text) - start_a, len(b.text) - start_b)
        if shared < p.min_chars or shorter <= 0 or shared / shorter < p.min_share:
            continue
        copy, orig = copier(corpus, pair)
        flip = copy.id == pair.b
        spans = [((x.b_start, x.b_end) if flip else (x.a_start, x.a_end)) for x in body]
        titles = _section_titles(corpus.full(copy, "sections"), spans)
        if len(titles) < p.min_sections:
            continue
        ev = []
        for x in sorted(body, key=lambda x: -(x.a_end - x.a_start))[: p.evidence_passages]:
            cs, ce, os_, oe = (x.b_start, x.b_end, x.a_start, x.a_end) if flip else (x.a_start, x.a_end, x.b_start, x.b_end)
            ev += [evidence(copy, cs, ce), evidence(orig, os_, oe)]
        where = "; ".join(titles) if titles else "正文"
        yield rule.finding(
            f"正文部分与{orig.id}逐字相同({relation_zh(pair.relation)}): {where}中有{shared}字相同"
            f"(占较短正文的{shared / shorter:.0%}), 而全文Jaccard仅{pair.jaccard:.2f}",
            [copy.id, orig.id],
            ev,
            {
                "shared_chars": shared,
                "share_of_shorter_body": round(shared / shorter, 4),
                "jaccard": round(pair.jaccard, 4),
                "relation": pair.relation,
                "original": orig.id,
                "sections": titles,
                "changes": [c for x in body for c in x.changes][:50],
            },
        )

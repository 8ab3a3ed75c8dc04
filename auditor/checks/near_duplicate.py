"""A document largely repeats another one.

Pairs come verified from the dedup stage (exact Jaccard and containment of
boilerplate-free, digit-masked character shingles).  Severity depends on the
relation: copying another agency's report or last year's report is the
defect reviewers look for; two documents of one agency and year sharing text
(a report and its summary) is expected and only noted.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.corpus import Corpus
from auditor.engine.rules import Rule
from auditor.model import Document, Finding, Pair

KIND = "near_duplicate"
SCOPE = "corpus"


class Level(BaseModel):
    model_config = PARAMS_CONFIG
    jaccard: float = 1.01
    containment: float = 1.01


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    # relation -> severity -> thresholds; the first severity reached wins (error, warning, info)
    levels: dict[str, dict[str, Level]]
    evidence_passages: int = 3


_REL_ZH = {
    "same-agency-other-year": "同一机关不同年度",
    "same-agency-same-year": "同一机关同一年度",
    "other-agency": "不同机关",
}


def _severity(p: Params, pair: Pair) -> str | None:
    for sev in ("error", "warning", "info"):
        lv = p.levels.get(pair.relation, {}).get(sev)
        if lv and (pair.jaccard >= lv.jaccard or pair.containment >= lv.containment):
            return sev
    return None


def relation_zh(relation: str) -> str:
    return _REL_ZH.get(relation, relation)


def copier(corpus: Corpus, pair: Pair) -> tuple[Document, Document]:
    """The later document is the one that copied: later year, else later in the run."""
    a, b = corpus.by_id[pair.a], corpus.by_id[pair.b]
    if a.year is not None and b.year is not None and a.year != b.year:
        return (a, b) if a.year > b.year else (b, a)
    return b, a


def check(rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    p = rule.params_as(Params)
    for pair in corpus.pairs:
        sev = _severity(p, pair)
        if sev is None:
            continue
        copy, orig = copier(corpus, pair)
        flip = copy.id == pair.b
        # evidence is the shared text beyond formulas; a pair that shares only text the corpus
        # treats as formulas (a template copied by many organs) still shows what it shares
        own = [x for x in pair.passages if not x.boilerplate] or list(pair.passages)
        passages = sorted(own, key=lambda x: -(x.a_end - x.a_start))
        ev = []
        for x in passages[: p.evidence_passages]:
            cs, ce, os_, oe = (x.b_start, x.b_end, x.a_start, x.a_end) if flip else (x.a_start, x.a_end, x.b_start, x.b_end)
            ev.append(evidence(copy, cs, ce))
            ev.append(evidence(orig, os_, oe))
        changes = [c for x in passages for c in x.changes][:50]
        cont_copy = pair.containment_ba if flip else pair.containment_ab
        yield rule.finding(
            f"与{orig.id}高度重复({relation_zh(pair.relation)}): "
            f"Jaccard {pair.jaccard:.2f}, 本文{cont_copy:.0%}的内容见于对方",
            [copy.id, orig.id],
            ev,
            {
                "jaccard": round(pair.jaccard, 4),
                "containment": round(pair.containment, 4),
                "containment_copy_in_original": round(cont_copy, 4),
                "relation": pair.relation,
                "original": orig.id,
                "shared_passages": len(passages),
                "changes": changes,
            },
            severity=sev,
        )

"""Two documents of the same agency and year state different values for one quantity.

A report and its work summary, or two versions of one report, should agree.
Quantities are matched on (label, unit, scope) after label normalisation; a
label that a document uses for two different values is ambiguous and skipped.
One finding per pair of documents lists every quantity that differs: a
heavily copied corpus would otherwise yield one finding per figure per pair
(hundreds of thousands), and a reviewer judges the pair as a whole anyway.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence, fmt
from auditor.engine.corpus import Corpus
from auditor.engine.rules import Rule
from auditor.model import Document, Finding, Quantity

KIND = "contradiction"
SCOPE = "corpus"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_label_chars: int = 4
    evidence_quantities: int = 10  # differing quantities shown as evidence (all are in data)


def _facts(doc: Document, min_chars: int) -> dict[tuple[str, str, str], Quantity]:
    seen: dict[tuple[str, str, str], list[Quantity]] = defaultdict(list)
    for q in doc.quantities:
        if q.unit == "%" or q.scope == "approximate" or len(q.label) < min_chars:
            continue
        if q.year is not None and q.year != doc.year:
            continue
        seen[(q.label, q.unit, q.scope)].append(q)
    return {k: v[0] for k, v in seen.items() if len({q.value for q in v}) == 1}


def check(rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    p = rule.params_as(Params)
    for group in corpus.same_agency_year():
        facts = {d.id: _facts(corpus.full(d, "facts"), p.min_label_chars) for d in group}
        for a, b in combinations(group, 2):
            fa, fb = facts[a.id], facts[b.id]
            differ = [(key, fa[key], fb[key]) for key in sorted(fa.keys() & fb.keys()) if fa[key].value != fb[key].value]
            if not differ:
                continue
            shown = [f"{'累计' if scope == 'cumulative' else ''}{label} {fmt(qa.value)}{unit} ≠ {fmt(qb.value)}{unit}"
                     for (label, unit, scope), qa, qb in differ]
            ev = []
            for _, qa, qb in differ[: p.evidence_quantities]:
                ev += [evidence(a, qa.span_start, qa.end), evidence(b, qb.span_start, qb.end)]
            yield rule.finding(
                f"同一机关同一年度的两份文件有{len(differ)}个数字不一致: " + "; ".join(shown),
                [a.id, b.id],
                ev,
                {
                    "differences": [
                        {"label": label, "unit": unit, "scope": scope, "values": {a.id: qa.value, b.id: qb.value}}
                        for (label, unit, scope), qa, qb in differ
                    ],
                },
            )

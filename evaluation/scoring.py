"""Findings against a key: hits, misses and false positives.

The rules of ``../shared/eval/score.py``: an ``expect`` item is found when a
finding of its category names all of its documents (in ``documents`` or its
evidence), whatever the severity; a ``forbid`` item is a false positive when an
error or warning of its category names all of its documents.  Precision is
hits / (hits + false positives): every forbid item is a place a careful
auditor checked and found clean.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from auditor.model import Finding

from evaluation.keys import KeyItem, LabelledCorpus


@dataclass(frozen=True)
class FalsePositive:
    item: KeyItem
    finding: Finding


@dataclass
class Tally:
    expected: int = 0
    hits: int = 0
    false_positives: int = 0
    error_false_positives: int = 0
    forbids: int = 0

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.hits += other.hits
        self.false_positives += other.false_positives
        self.error_false_positives += other.error_false_positives
        self.forbids += other.forbids

    @property
    def recall(self) -> float:
        return self.hits / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        flagged = self.hits + self.false_positives
        return self.hits / flagged if flagged else 1.0


@dataclass
class CorpusScore:
    corpus: LabelledCorpus
    findings: int
    misses: list[KeyItem] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    by_category: dict[str, Tally] = field(default_factory=dict)

    @property
    def total(self) -> Tally:
        t = Tally()
        for tally in self.by_category.values():
            t.add(tally)
        return t


def documents_named(finding: Finding) -> set[str]:
    named = set(finding.documents)
    named.update(e.document for e in finding.evidence if e.document)
    return named


def score(corpus: LabelledCorpus, findings: Iterable[Finding]) -> CorpusScore:
    by_category: dict[str, list[Finding]] = {}
    for f in findings:
        by_category.setdefault(f.category, []).append(f)
    result = CorpusScore(corpus, sum(len(v) for v in by_category.values()))

    def tally(category: str) -> Tally:
        return result.by_category.setdefault(category, Tally())

    for item in corpus.of("expect"):
        t = tally(item.category)
        t.expected += 1
        if any(item.documents <= documents_named(f) for f in by_category.get(item.category, [])):
            t.hits += 1
        else:
            result.misses.append(item)
    for item in corpus.of("forbid"):
        t = tally(item.category)
        t.forbids += 1
        for f in by_category.get(item.category, []):
            if f.severity.value in ("error", "warning") and item.documents <= documents_named(f):
                t.false_positives += 1
                t.error_false_positives += f.severity.value == "error"
                result.false_positives.append(FalsePositive(item, f))
                break
    return result

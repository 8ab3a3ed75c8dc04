"""`make eval`'s scoring and its ratchet.

The ratchet test audits every labelled corpus present (the project's own under
tests/labelled, the shared development corpus when ../shared is beside the
repository) and fails when a committed precision or recall figure dropped.
"""

from __future__ import annotations

import json
from pathlib import Path

from auditor.model import Evidence, Finding, Severity
from evaluation import ratchet
from evaluation.keys import discover, load_key
from evaluation.run import evaluate
from evaluation.scoring import score


def _finding(category: str, docs: list[str], severity: str = "warning") -> Finding:
    return Finding("X001", category, Severity(severity), "m", docs, [Evidence(docs[0], 0, 1, "t")])


def _key(tmp_path: Path) -> Path:
    (tmp_path / "r").mkdir()
    key = {"root": "r", "expect": [{"category": "sum-mismatch", "documents": ["a.txt"], "why": "3 != 1+1"},
                                   {"category": "near-duplicate", "documents": ["a.txt", "b.txt"], "why": "copy"}],
           "neutral": [], "forbid": [{"category": "year-mismatch", "documents": ["b.txt"], "why": "clean"},
                                     {"category": "sum-mismatch", "documents": ["b.txt"], "why": "4 = 2+2"}]}
    path = tmp_path / "key.json"
    path.write_text(json.dumps(key), encoding="utf-8")
    return path


def test_scoring_counts_hits_misses_and_false_positives(tmp_path):
    corpus = load_key(_key(tmp_path), "t", tmp_path)
    s = score(corpus, [
        _finding("sum-mismatch", ["a.txt"], "info"),           # an info finding still finds the defect
        _finding("near-duplicate", ["a.txt"]),                  # names one of the pair only: a miss
        _finding("year-mismatch", ["b.txt"], "info"),           # info on a control: not a false positive
        _finding("sum-mismatch", ["b.txt"], "error"),           # error on a control: a false positive
    ])
    t = s.total
    assert (t.expected, t.hits, t.false_positives, t.error_false_positives) == (2, 1, 1, 1)
    assert [m.category for m in s.misses] == ["near-duplicate"]
    assert s.by_category["sum-mismatch"].precision == 0.5


def test_ratchet_only_rises(tmp_path):
    corpus = load_key(_key(tmp_path), "t", tmp_path)
    path = tmp_path / "ratchet.json"
    good = score(corpus, [_finding("sum-mismatch", ["a.txt"]), _finding("near-duplicate", ["a.txt", "b.txt"])])
    worse = score(corpus, [_finding("sum-mismatch", ["a.txt"])])
    ratchet.update([good], path)
    assert ratchet.drops([good], path) == []
    assert any("near-duplicate recall" in d for d in ratchet.drops([worse], path))
    ratchet.update([worse], path)  # never lowers a floor
    assert ratchet.load(path)["t"]["near-duplicate"]["recall"] == 1.0


def test_no_labelled_figure_dropped_below_the_ratchet():
    corpora, _ = discover()
    assert corpora, "the project's own labelled corpora must be present"
    scores = [evaluate(c) for c in corpora]
    assert ratchet.drops(scores) == []

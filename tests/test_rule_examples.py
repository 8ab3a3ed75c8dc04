"""Every rule's own examples: the `fire` ones must fire, the `pass` ones must not.

Examples are written to files and audited through the public API exactly as a
user's reports would be, with only that rule selected.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.engine.rules import load_rules

RULES = load_rules()
CASES = [
    pytest.param(rule, kind, i, ex, id=f"{rule.id}-{kind}-{i}{'-' + ex.name if ex.name else ''}")
    for rule in RULES
    for kind, exs in (("fire", rule.spec.examples.fire), ("pass", rule.spec.examples.pass_))
    for i, ex in enumerate(exs)
]


def _run(tmp_path: Path, rule, ex):
    for doc in ex.docs():
        p = tmp_path / doc.id
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(doc.text, encoding="utf-8")
    today = date.fromisoformat(ex.run_date) if ex.run_date else date(2026, 6, 30)
    result = audit([tmp_path], Config(select=[rule.id]), today=today)
    return [f for f in result.findings if f.rule == rule.id]


@pytest.mark.parametrize("rule,kind,i,ex", CASES)
def test_rule_example(tmp_path, rule, kind, i, ex):
    found = _run(tmp_path, rule, ex)
    shown = [f.message for f in found]
    if kind == "fire":
        if ex.count is not None:
            assert len(found) == ex.count, shown
        else:
            assert found, "example did not fire"
        if ex.message_contains:
            assert any(ex.message_contains in m for m in shown), shown
        for f in found:
            assert f.category == rule.category
            for e in f.evidence:
                assert e.text, "evidence must repeat the span's text"
    else:
        assert not found, shown


def test_every_rule_has_both_kinds_of_example():
    for rule in RULES:
        assert rule.spec.examples.fire and rule.spec.examples.pass_, rule.id

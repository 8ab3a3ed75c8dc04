"""Every rule's own examples: the `fire` ones must fire, the `pass` ones must not.

Examples are written to files and audited through the public API exactly as a
user's reports would be, with only that rule selected.  A `fire` example also
pins where its findings point (`evidence`, see `auditor.engine.rules.Example`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditor.api import RunResult, audit
from auditor.config import Config
from auditor.engine.rules import Example, Examples, load_rules
from auditor.model import Document, Evidence
from auditor.normalize.text import canonicalize

RULES = load_rules()
CASES = [
    pytest.param(rule, kind, i, ex, id=f"{rule.id}-{kind}-{i}{'-' + ex.name if ex.name else ''}")
    for rule in RULES
    for kind, exs in (("fire", rule.spec.examples.fire), ("pass", rule.spec.examples.pass_))
    for i, ex in enumerate(exs)
]


def _run(tmp_path: Path, rule, ex) -> RunResult:
    for doc in ex.docs():
        p = tmp_path / doc.id
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(doc.text, encoding="utf-8")
    today = date.fromisoformat(ex.run_date) if ex.run_date else date(2026, 6, 30)
    return audit([tmp_path], Config(select=[rule.id]), today=today)


def _occurrences(text: str, pin: str) -> list[int]:
    found, at = [], text.find(pin)
    while at >= 0:
        found.append(at)
        at = text.find(pin, at + 1)
    return found


def pin_problem(doc: Document, item: Evidence, pin: str) -> str | None:
    """Why `pin` does not point at `item` (None when it does): see `Example.evidence`."""
    wanted = canonicalize(pin)[0]
    at = _occurrences(doc.text, wanted)
    if len(at) != 1:
        return f"pin {wanted!r} occurs {len(at)} times in {doc.id}, not once"
    start, end = at[0], at[0] + len(wanted)
    inside = item.start <= start and end <= item.end
    around = start <= item.start and item.end <= end
    if not (inside or around):
        return f"pin {wanted!r} at {start}:{end} of {doc.id} neither lies in nor covers the item at {item.start}:{item.end} ({item.text!r})"
    return None


def check_pins(ex: Example, found, documents: list[Document]) -> None:
    """Every evidence item is the text it says it is, and the example's pins point at the items, one each, in order."""
    by_id = {d.id: d for d in documents}
    items = [e for f in found for e in f.evidence]
    for e in items:
        assert e.document in by_id, f"evidence names an unknown document {e.document!r}"
        assert e.text, "evidence must repeat the span's text"
        assert e.text == by_id[e.document].text[e.start : e.end], f"evidence text {e.text!r} is not the canonical text at {e.start}:{e.end}"
    pins = ex.pins()
    assert pins is not None, "a fire example pins its evidence (`evidence:`, [] when the findings have no span)"
    shown = [(e.document, e.text) for e in items]
    assert len(pins) == len(items), f"{len(pins)} pins for {len(items)} evidence items: {shown}"
    only = ex.docs()[0].id
    for n, ((doc_id, pin), e) in enumerate(zip(pins, items)):
        if doc_id is None:  # the one file, or a part of it when it is a compilation
            assert e.document.split("#")[0] == only, f"evidence[{n}]: the item is in {e.document}"
        else:
            assert doc_id == e.document, f"evidence[{n}] names {doc_id}, the item is in {e.document}: {shown}"
        problem = pin_problem(by_id[e.document], e, pin)
        assert problem is None, f"evidence[{n}]: {problem}"


@pytest.mark.parametrize("rule,kind,i,ex", CASES)
def test_rule_example(tmp_path, rule, kind, i, ex):
    result = _run(tmp_path, rule, ex)
    found = [f for f in result.findings if f.rule == rule.id]
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
        check_pins(ex, found, result.documents)
    else:
        assert not found, shown


def test_every_rule_has_both_kinds_of_example():
    for rule in RULES:
        assert rule.spec.examples.fire and rule.spec.examples.pass_, rule.id


def test_every_fire_example_pins_its_evidence():
    """A new rule must say where its findings point, not only that they exist."""
    missing = [
        f"{rule.id} fire[{i}]{' ' + ex.name if ex.name else ''}" for rule in RULES for i, ex in enumerate(rule.spec.examples.fire) if ex.evidence is None
    ]
    assert not missing, "fire examples without `evidence:`: " + "; ".join(missing)


# The pins themselves: what the model accepts and how a pin is matched.


def _doc(text: str, doc_id: str = "r.txt") -> Document:
    return Document(id=doc_id, source=doc_id, part=None, format="txt", encoding="utf-8", raw=text, text=canonicalize(text)[0])


def _item(doc: Document, fragment: str) -> Evidence:
    start = doc.text.index(fragment)
    return Evidence(doc.id, start, start + len(fragment), fragment)


def test_a_pin_inside_or_around_the_item_points_at_it():
    doc = _doc("某局共收到申请30件,其中网上申请12件,当面申请9件。")
    item = _item(doc, "共收到申请30件")
    assert pin_problem(doc, item, "申请30件") is None  # a part of it
    assert pin_problem(doc, item, "某局共收到申请30件,") is None  # it with context
    assert pin_problem(doc, item, "共收到申请30件") is None  # the item itself


def test_a_pin_elsewhere_or_ambiguous_does_not():
    doc = _doc("某局共收到申请30件,其中网上申请12件,当面申请9件。")
    item = _item(doc, "共收到申请30件")
    assert "neither lies in nor covers" in (pin_problem(doc, item, "网上申请12件") or "")
    assert "occurs 3 times" in (pin_problem(doc, item, "申请") or "")
    assert "occurs 0 times" in (pin_problem(doc, item, "申请31件") or "")
    overlapping = pin_problem(doc, item, "30件,其中")  # overlaps without nesting
    assert overlapping and "neither" in overlapping


def test_a_pin_is_read_like_the_report():
    doc = _doc("2022年，我局共收到政府信息公开申请６８件。")
    item = _item(doc, "共收到政府信息公开申请68件")
    assert pin_problem(doc, item, "收到政府信息公开申请６８件") is None  # full-width digits as written


def _examples(fire: list[dict], pass_: list[dict] | None = None) -> Examples:
    return Examples.model_validate({"fire": fire, "pass": pass_ or [{"text": "x"}]})


def test_the_model_reads_pins():
    ex = _examples([{"text": "a", "evidence": ["a"]}]).fire[0]
    assert ex.pins() == [(None, "a")]
    assert _examples([{"text": "a", "evidence": []}]).fire[0].pins() == []  # no span: distinct from absent
    assert _examples([{"text": "a"}]).fire[0].pins() is None
    two = [{"id": "x.txt", "text": "a"}, {"id": "y.txt", "text": "b"}]
    ex = _examples([{"documents": two, "evidence": [{"document": "y.txt", "text": "b"}]}]).fire[0]
    assert ex.pins() == [("y.txt", "b")]


@pytest.mark.parametrize(
    "fire,pass_,says",
    [
        ([{"text": "a", "evidence": [""]}], None, "empty pin"),
        ([{"text": "a", "evidence": [{"document": "example.txt", "text": " "}]}], None, "empty pin"),
        ([{"text": "a", "evidence": [{"document": "z.txt", "text": "a"}]}], None, "not one of the example's"),
        ([{"documents": [{"id": "x.txt", "text": "a"}, {"id": "y.txt", "text": "b"}], "evidence": ["a"]}], None, "names one"),
        ([{"text": "a", "evidence": [{"document": "example.txt", "text": "a", "at": 3}]}], None, "Extra inputs"),
        ([{"text": "a", "evidence": "a"}], None, "evidence"),
        ([{"text": "a", "evidence": ["a"]}], [{"text": "b", "evidence": []}], "no evidence to pin"),
    ],
)
def test_the_model_refuses_bad_pins(fire, pass_, says):
    with pytest.raises(ValueError, match=says):
        _examples(fire, pass_)

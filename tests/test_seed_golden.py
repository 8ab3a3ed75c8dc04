"""Golden findings on the seed compilation (five reports in one file).

What a careful reviewer finds in it, and nothing else at warning level or
above: the 2012 "summary" is the 2009 one re-titled (copy, year mismatch,
impossible signing date), the 2009 summary and report disagree on four
quantities, the summaries' category list does not add up to the stated 累计,
report #1 declares six parts and has seven, report #5 lacks the problems
section, a signing date and an agency in its title.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

SEED = "000_e0f2844ddd246cd5.txt"


def _part(doc_id: str) -> int:
    return int(doc_id.rsplit("#", 1)[1])


def _key(f):
    return f.rule, tuple(_part(d) for d in f.documents)


def test_documents_are_split_with_contract_ids(seed_result):
    ids = [d.id for d in seed_result.documents]
    assert ids == [f"{SEED}#{i}" for i in range(1, 6)]
    meta = {d.id: d for d in seed_result.documents}
    d1 = meta[f"{SEED}#1"]
    assert (d1.agency, d1.year, d1.kind, d1.signed.iso()) == ("绵阳市环境保护局", 2009, "annual-report", "2010-03-15")
    d2 = meta[f"{SEED}#2"]
    assert (d2.kind, d2.signed.iso()) == ("work-summary", "2010-03-05")  # 二O一O年三月五日
    assert meta[f"{SEED}#3"].year == 2012
    assert meta[f"{SEED}#5"].agency_source != "title"


def test_errors_and_warnings_are_exactly_the_real_problems(seed_result):
    got = Counter(_key(f) for f in seed_result.findings if f.severity.value != "info")
    expected = Counter(
        {
            ("DUP001", (3, 2)): 1,  # the "2012" summary is the 2009 one
            ("DUP001", (3, 1)): 1,  # and repeats half of the 2009 report (warning)
            ("SUM001", (2,)): 1,  # 累计898 vs 2+10+88+100+12 = 212
            ("SUM001", (3,)): 1,
            ("CON001", (1, 2)): 1,  # one finding for the pair: 累计 3627/898, 法规公文 188/88, 工作动态 200/100, 其他信息 486/12, 共计 176/386
            ("YR001", (3,)): 1,  # title 2012, inner title and body 2009
            ("DAT001", (3,)): 1,  # signed 2010-03-05 for a 2012 report
            ("STR001", (1,)): 1,  # 六部分 declared, seven listed and seven sections
            ("STR002", (5,)): 1,  # no problems/improvements section
            ("STR003", (4,)): 1,  # no signing date (true of #4 too)
            ("STR003", (5,)): 1,
            ("STR004", (5,)): 1,  # "2017政府信息公开工作报告": no agency in the title
            ("TXT003", (4,)): 1,  # 国办发„2008‟36号
        }
    )
    assert got == expected


def test_copy_severity_and_direction(seed_result):
    dup = [f for f in seed_result.findings if _key(f) == ("DUP001", (3, 2))][0]
    assert dup.severity.value == "error"
    assert dup.data["relation"] == "same-agency-other-year"
    assert dup.data["jaccard"] >= 0.85
    assert dup.evidence and all(e.text for e in dup.evidence)


def test_sum_mismatch_evidence(seed_result):
    f = [f for f in seed_result.findings if _key(f) == ("SUM001", (2,))][0]
    assert f.data["stated"] == Decimal(898) and f.data["computed"] == Decimal(212)
    assert "898" in f.evidence[0].text
    assert [p["value"] for p in f.data["parts"]] == [2, 10, 88, 100, 12]


def test_contradictions_name_the_quantities(seed_result):
    (finding,) = [f for f in seed_result.findings if f.rule == "CON001"]
    pairs = sorted(
        (d["label"], int(d["values"][f"{SEED}#1"]), int(d["values"][f"{SEED}#2"])) for d in finding.data["differences"]
    )
    assert len(pairs) == 5 and len(finding.evidence) == 10
    assert ("主动公开政府信息", 3627, 898) in pairs
    assert ("法规公文类信息", 188, 88) in pairs
    assert ("工作动态类信息", 200, 100) in pairs
    assert any(a == 176 and b == 386 for _, a, b in pairs)


def test_figures_that_hold_are_not_flagged(seed_result):
    by_doc = Counter(d for f in seed_result.findings if f.category in ("sum-mismatch", "ratio-mismatch") for d in f.documents)
    # #1: 2+10+188+200+12+486 = 898; #4: 66+41 = 107, 61.7% and 38.3%; #5: 4687+1897+2090 = 8674, 19+4 = 4+1+15+2+1
    for part in (1, 4, 5):
        assert by_doc[f"{SEED}#{part}"] == 0
    d4 = seed_result.full([d for d in seed_result.documents if d.id.endswith("#4")][0])
    assert [(ps.count.value, ps.percent.value, ps.base.value) for ps in d4.percents] == [
        (Decimal(66), Decimal("61.7"), Decimal(107)),
        (Decimal(41), Decimal("38.3"), Decimal(107)),
    ]


def test_findings_json_matches_contract(seed_result):
    payload = seed_result.payload()
    assert payload["schema_version"] == 1
    assert set(payload) >= {"schema_version", "tool", "run", "documents", "findings", "pairs", "summary"}
    doc_keys = {"id", "source", "part", "title", "agency", "year", "kind", "signed", "chars", "format", "encoding"}
    assert all(doc_keys <= set(d) for d in payload["documents"])
    for f in payload["findings"]:
        assert {"id", "rule", "category", "severity", "message", "documents", "evidence", "data"} <= set(f)
        text = {d["id"]: d for d in payload["documents"]}
        for e in f["evidence"]:
            doc = next(x for x in seed_result.documents if x.id == e["document"])
            assert doc.text[e["start"] : e["end"]] == e["text"]
    for p in payload["pairs"]:
        assert p["relation"] in ("same-agency-other-year", "same-agency-same-year", "other-agency")
        assert 0 <= p["jaccard"] <= 1 and 0 <= p["containment"] <= 1


def test_runs_are_deterministic(seed_result):
    from datetime import date

    from auditor.api import audit
    from tests.conftest import SEEDS

    again = audit([SEEDS], today=date(2026, 6, 30))
    assert [f.id for f in again.findings] == [f.id for f in seed_result.findings]
    assert [p.as_dict() for p in again.pairs] == [p.as_dict() for p in seed_result.pairs]

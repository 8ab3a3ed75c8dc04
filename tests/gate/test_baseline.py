"""Baselines: fingerprints that survive edits elsewhere; new / baselined / suppressed / stale."""

from __future__ import annotations

import json
from datetime import date

import pytest

from auditor.api import audit_documents
from auditor.baseline import BaselineError, apply_baseline, baseline_document, load_baseline
from auditor.ingest import document_from_text
from tests.gate import reportgen
from tests.gate.conftest import audit, write_new

TODAY = date(2026, 6, 30)


def _broken_report() -> str:
    text = reportgen.corpus(1, seed=12)[0].text
    broken = text.replace("其他信息", "其他信息1", 1)  # 其中 parts no longer add up
    assert broken != text
    return broken


def _sum_findings(text: str):
    res = audit_documents(document_from_text(text, "r.txt"), today=TODAY)
    return res, [f for f in res.findings if f.category == "sum-mismatch"]


def test_fingerprint_survives_reextraction_and_an_edit_elsewhere():
    text = _broken_report()
    _, first = _sum_findings(text)
    _, again = _sum_findings(text)
    assert first and [f.id for f in first] == [f.id for f in again]
    # an unrelated paragraph (problems and improvements) gains a sentence: every later offset moves
    marker = "五、存在的主要问题及改进情况\n"
    edited = text.replace(marker, marker + "本年度还组织了两次专项检查,对发现的问题逐项整改到位。", 1)
    _, moved = _sum_findings(edited)
    assert [f.id for f in moved] == [f.id for f in first]
    # … and so does one before the finding: the evidence moves, the id does not
    edited2 = text.replace("一、总体情况\n", "一、总体情况\n本机关高度重视政府信息公开工作。\n", 1)
    _, shifted = _sum_findings(edited2)
    assert [f.id for f in shifted] == [f.id for f in first]
    assert shifted[0].evidence[0].start > first[0].evidence[0].start


def test_each_finding_is_new_baselined_or_suppressed(tmp_path):
    res, sums = _sum_findings(_broken_report())
    assert res.failed
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"findings": [
        {"id": sums[0].id, "status": "suppressed", "reason": "the publisher's erratum is pending", "expires": "2030-12-31"},
        {"id": "ffffffffffffffff", "rule": "DUP001", "documents": ["gone.txt"]},
    ]}), encoding="utf-8")
    stale = apply_baseline(res, path, today=TODAY)
    assert [e["id"] for e in stale] == ["ffffffffffffffff"]
    assert sums[0].status == "suppressed" and sums[0].reason.startswith("the publisher")
    payload = res.payload()
    assert payload["run"]["baseline"]["suppressed"] == 1
    assert payload["run"]["baseline"]["stale"][0]["id"] == "ffffffffffffffff"
    row = next(f for f in payload["findings"] if f["id"] == sums[0].id)
    assert row["status"] == "suppressed" and row["reason"].startswith("the publisher")
    # after the expiry the finding counts again
    res2, sums2 = _sum_findings(_broken_report())
    apply_baseline(res2, path, today=date(2031, 1, 1))
    assert getattr(sums2[0], "status", "new") == "new" and res2.failed
    assert res2.payload()["run"]["baseline"]["expired"][0]["id"] == sums[0].id


def test_failed_counts_only_new_findings(tmp_path):
    res, _ = _sum_findings(_broken_report())
    path = tmp_path / "all.json"
    path.write_text(json.dumps(baseline_document(res)), encoding="utf-8")
    apply_baseline(res, path, today=TODAY)
    assert res.findings and not res.failed


def test_writing_keeps_suppressions_and_drops_stale_entries(tmp_path):
    res, sums = _sum_findings(_broken_report())
    previous = {
        sums[0].id: {"id": sums[0].id, "status": "suppressed", "reason": "known", "expires": "2030-01-01"},
        "eeeeeeeeeeeeeeee": {"id": "eeeeeeeeeeeeeeee", "status": "baselined"},
    }
    doc = baseline_document(res, previous)
    by_id = {f["id"]: f for f in doc["findings"]}
    assert by_id[sums[0].id]["status"] == "suppressed" and by_id[sums[0].id]["reason"] == "known"
    assert "eeeeeeeeeeeeeeee" not in by_id
    assert doc == baseline_document(res, previous)  # deterministic


@pytest.mark.parametrize(
    "entry, reason",
    [({"rule": "X"}, "has no 'id'"), ({"id": "a", "status": "ignored"}, "status must be"),
     ({"id": "a", "expires": "next year"}, "expires must be YYYY-MM-DD")],
)
def test_malformed_entries_are_named(tmp_path, entry, reason):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"findings": [entry]}), encoding="utf-8")
    with pytest.raises(BaselineError, match=reason) as exc:
        load_baseline(path)
    assert str(path) in str(exc.value) and "findings[0]" in str(exc.value)


def test_baseline_cli_round_trip(tmp_path):
    new = write_new(tmp_path / "reports", "r.txt", _broken_report())
    base = tmp_path / "audit-baseline.json"
    p = audit("baseline", "write", base, tmp_path / "reports")
    assert p.returncode == 0, p.stderr
    assert audit("run", tmp_path / "reports", "--baseline", base, "--out", tmp_path / "o").returncode == 0
    # refresh without repeating the paths: the file remembers its roots
    assert audit("baseline", "write", base).returncode == 0
    assert json.loads(base.read_text(encoding="utf-8"))["roots"] == [str(tmp_path / "reports")]
    base.write_text('{"findings": [{"status": "baselined"}]}', encoding="utf-8")
    p = audit("run", new, "--baseline", base, "--out", tmp_path / "o")
    assert p.returncode == 2 and "findings[0] has no 'id'" in p.stderr
    assert audit("baseline", "write", tmp_path / "nothing.json").returncode == 2


def test_a_baseline_of_an_unknown_schema_is_refused(tmp_path):
    base = tmp_path / "b.json"
    base.write_text('{"schema_version": 99, "findings": []}', encoding="utf-8")
    with pytest.raises(BaselineError, match="unknown baseline schema_version 99"):
        load_baseline(base)
    new = write_new(tmp_path / "reports", "r.txt", _broken_report())
    p = audit("run", new, "--baseline", base, "--out", tmp_path / "o")
    assert p.returncode == 2 and "schema_version 99" in p.stderr


def test_rewriting_a_gate_baseline_keeps_its_archive(tmp_path):
    archive = tmp_path / "archive"
    write_new(archive, "old.txt", reportgen.corpus(1, seed=3)[0].text)
    new = write_new(tmp_path / "reports", "r.txt", _broken_report())
    base = tmp_path / "gate-baseline.json"
    assert audit("baseline", "write", base, new.parent, "--against", archive).returncode == 0
    first = json.loads(base.read_text(encoding="utf-8"))
    assert audit("baseline", "write", base).returncode == 0
    again = json.loads(base.read_text(encoding="utf-8"))
    assert again["against"] == str(archive) and again["findings"] == first["findings"]

"""`audit check NEW --against INDEX` end to end, through the installed command."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess

import pytest

from auditor.engine.rules import load_rules
from tests.gate import reportgen
from tests.gate.conftest import AUDIT, audit, audit_proc, next_year, write_new


def _json(p: subprocess.CompletedProcess) -> dict:
    try:
        return json.loads(p.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"no JSON on stdout (exit {p.returncode}): {p.stdout[-500:]} {p.stderr[-2000:]}")


def test_index_holds_the_archive(archive):
    p = audit("index", "stats", archive.index, "--json")
    assert p.returncode == 0, p.stderr
    st = json.loads(p.stdout)
    assert st["documents"] == 60 and st["agencies"] == 15
    assert st["years"] == {"2021": 15, "2022": 15, "2023": 15, "2024": 15}
    assert st["stale"] == [] and st["journal_mode"] == "wal"


def test_clean_new_report_passes(archive, tmp_path):
    last = archive.latest(0)
    new = write_new(tmp_path / "new", "clean.txt", next_year(last).text)
    p = audit("check", new, "--against", archive.index, "--out", "-", "--format", "json")
    data = _json(p)
    assert p.returncode == 0, data["findings"]
    assert data["findings"] == []
    cands = {c["id"]: c["why"] for c in data["run"]["against"]["candidates"]}
    assert cands.get(last.filename) == "series"  # last year's report was looked at (cross-year rules)


def test_next_years_copy_of_an_indexed_report_fails(archive, tmp_path):
    orig = archive.latest(1)
    new = write_new(tmp_path / "new", "copy.txt", reportgen.next_year_copy(orig, random.Random(3)))
    p = audit_proc("check", new, "--against", archive.index, "--out", "-", "--format", "json")  # the real entry point
    data = _json(p)
    assert p.returncode == 1, p.stderr
    dups = [f for f in data["findings"] if f["category"] == "near-duplicate"]
    assert len(dups) == 1 and dups[0]["severity"] == "error"
    assert dups[0]["documents"] == ["copy.txt", orig.filename]
    assert orig.filename in dups[0]["message"] and dups[0]["data"]["relation"] == "same-agency-other-year"
    # old-vs-old is not the gate's business
    assert all("copy.txt" in f["documents"] for f in data["findings"])
    assert data["pairs"] and all("copy.txt" in (pr["a"], pr["b"]) for pr in data["pairs"])
    assert {d["id"] for d in data["documents"]} <= {"copy.txt"} | {x for f in data["findings"] for x in f["documents"]}


def test_carried_over_figure_that_does_not_carry_fails(archive, tmp_path):
    if not any(r.category == "cross-year" for r in load_rules()):
        pytest.xfail("cross-year rule pending")
    prev = archive.latest(2)
    wrong = tuple(v + 2 for v in prev.carried_out[:6])
    report = reportgen.with_carried_in(prev, prev.agency, (*wrong, sum(wrong)), random.Random(4))
    new = write_new(tmp_path / "new", "carry.txt", report.text)
    # the carry-over rules are warnings: a gate that cares says --fail-on warning
    p = audit("check", new, "--against", archive.index, "--out", "-", "--format", "json", "--fail-on", "warning")
    data = _json(p)
    assert p.returncode == 1, p.stderr
    cross = [f for f in data["findings"] if f["category"] == "cross-year"]
    assert cross and cross[0]["documents"] == ["carry.txt", prev.filename]
    assert "上年结转" in cross[0]["message"] or "二" in cross[0]["message"]
    assert {f["category"] for f in data["findings"]} == {"cross-year"}
    clean = audit("check", new, "--against", archive.index, "--out", "-", "--format", "json")
    assert clean.returncode == 0  # default gate: errors only


def test_baselined_finding_passes_and_a_new_one_fails(archive, tmp_path):
    copy = write_new(tmp_path / "new", "copy.txt", reportgen.next_year_copy(archive.latest(3), random.Random(5)))
    base = tmp_path / "audit-baseline.json"
    p = audit("baseline", "write", base, copy, "--against", archive.index)
    assert p.returncode == 0, p.stderr
    recorded = json.loads(base.read_text(encoding="utf-8"))
    assert "DUP001" in [f["rule"] for f in recorded["findings"]]
    n = len(recorded["findings"])
    # a stale entry (a finding that no longer exists) is reported, not fatal
    recorded["findings"].append({"id": "0123456789abcdef", "rule": "SUM001", "documents": ["gone.txt"], "status": "baselined"})
    base.write_text(json.dumps(recorded), encoding="utf-8")
    p = audit("check", copy, "--against", archive.index, "--baseline", base, "--out", "-", "--format", "json")
    data = _json(p)
    assert p.returncode == 0, data["findings"]
    assert [f["status"] for f in data["findings"]] == ["baselined"] * n
    assert "stale entry 0123456789abcdef" in p.stderr
    assert data["run"]["baseline"]["stale"][0]["id"] == "0123456789abcdef"
    assert data["run"]["baseline"]["baselined"] == n and data["run"]["baseline"]["new"] == 0
    # a second submission with a defect of its own: new, so the gate fails
    honest = next_year(archive.latest(4)).text
    broken = honest.replace("其他信息", "其他信息1", 1)  # the parts no longer add up to the total
    assert broken != honest
    other = write_new(tmp_path / "new", "broken.txt", broken)
    p = audit("check", copy, other, "--against", archive.index, "--baseline", base, "--out", "-", "--format", "json")
    data = _json(p)
    assert p.returncode == 1
    status = {(f["rule"], f["documents"][0]): f["status"] for f in data["findings"]}
    assert status[("DUP001", "copy.txt")] == "baselined"
    assert any(s == "new" and doc == "broken.txt" for (_, doc), s in status.items())


def test_add_on_pass_grows_the_index_only_when_the_gate_passes(archive, tmp_path):
    index = archive.fresh_index(tmp_path)
    clean = write_new(tmp_path / "ok", "clean.txt", next_year(archive.latest(5)).text)
    p = audit("check", clean, "--against", index, "--add-on-pass", "--out", tmp_path / "o1")
    assert p.returncode == 0, p.stderr
    assert "1 added" in p.stderr
    copy = write_new(tmp_path / "bad", "copy.txt", reportgen.next_year_copy(archive.latest(6), random.Random(6)))
    p = audit("check", copy, "--against", index, "--add-on-pass", "--out", tmp_path / "o2")
    assert p.returncode == 1
    con = sqlite3.connect(index)
    ids = {r[0] for r in con.execute("SELECT id FROM documents")}
    con.close()
    assert "clean.txt" in ids and "copy.txt" not in ids and len(ids) == 61
    p = audit("check", copy, "--against", tmp_path / "ok", "--add-on-pass", "--out", tmp_path / "o3")
    assert p.returncode == 2 and "needs --against an index" in p.stderr


def test_two_concurrent_adds_both_land(archive, tmp_path):
    index = archive.fresh_index(tmp_path)
    procs = []
    for i, k in enumerate((7, 8)):
        folder = tmp_path / f"job{i}"
        write_new(folder, f"job{i}.txt", next_year(archive.latest(k), seed=i).text)
        procs.append(subprocess.Popen([AUDIT, "index", "add", str(index), str(folder)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    con = sqlite3.connect(index)
    ids = {r[0] for r in con.execute("SELECT id FROM documents")}
    bands = con.execute("SELECT count(DISTINCT pk) FROM bands").fetchone()[0]
    con.close()
    assert {"job0.txt", "job1.txt"} <= ids and len(ids) == 62
    assert bands == 62


def test_stale_index_is_a_usage_error(archive, tmp_path):
    index = archive.fresh_index(tmp_path)
    con = sqlite3.connect(index)
    (v,) = con.execute("SELECT value FROM info WHERE key = 'versions'").fetchone()
    v = json.loads(v)
    v["pipeline"] = "feedfacefeedface"
    con.execute("UPDATE info SET value = ? WHERE key = 'versions'", (json.dumps(v),))
    con.commit()
    con.close()
    new = write_new(tmp_path / "new", "clean.txt", next_year(archive.latest(0)).text)
    p = audit("check", new, "--against", index, "--out", "-")
    assert p.returncode == 2 and "stale" in p.stderr and f"audit index rebuild {index}" in p.stderr
    assert p.stdout == ""
    assert audit("index", "rebuild", index).returncode == 0
    assert audit("check", new, "--against", index, "--out", "-").returncode == 0


def test_folder_and_index_find_the_same_copy(archive, tmp_path):
    orig = archive.latest(9)
    new = write_new(tmp_path / "new", "copy.txt", reportgen.next_year_copy(orig, random.Random(8)))
    by_index = _json(audit("check", new, "--against", archive.index, "--out", "-", "--format", "json"))
    by_folder = _json(audit("check", new, "--against", archive.root, "--out", "-", "--format", "json"))
    a = [f for f in by_index["findings"] if f["rule"] == "DUP001"]
    b = [f for f in by_folder["findings"] if f["rule"] == "DUP001"]
    assert [f["documents"] for f in a] == [f["documents"] for f in b] == [["copy.txt", orig.filename]]
    assert a[0]["data"]["jaccard"] == pytest.approx(b[0]["data"]["jaccard"], abs=0.02)
    assert all("copy.txt" in (pr["a"], pr["b"]) for pr in by_folder["pairs"])


def test_bad_index_inputs_are_usage_errors(tmp_path, archive):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00garbage" * 64)
    new = write_new(tmp_path / "new", "clean.txt", next_year(archive.latest(10)).text)
    p = audit("check", new, "--against", damaged, "--out", "-")
    assert p.returncode == 2 and "damaged.db" in p.stderr and p.stdout == ""
    assert audit("index", "stats", tmp_path / "missing.db").returncode == 2
    (tmp_path / "empty").mkdir()
    p = audit("index", "build", tmp_path / "e.db", tmp_path / "empty")
    assert p.returncode == 2 and "no report files" in p.stderr and not (tmp_path / "e.db").exists()
    # a report file (not an index) as --against is a corpus of one
    p = audit("check", new, "--against", archive.root / archive.latest(10).filename, "--out", "-", "--format", "json")
    assert p.returncode == 0, p.stderr


def test_gate_outputs_are_located_on_the_submission(tmp_path, archive):
    """SARIF results and annotations point at the new file; the archived partner is a related location."""
    import random

    from tests.gate.test_outputs import SCHEMA
    import jsonschema

    orig = archive.latest(4)
    new = write_new(tmp_path / "new", "copy.txt", reportgen.next_year_copy(orig, random.Random(8)))
    out = tmp_path / "out"
    p = audit("check", new, "--against", archive.index, "--out", out, "--format", "sarif,json")
    assert p.returncode == 1, p.stdout
    sarif = json.loads((out / "results.sarif").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).iter_errors(sarif))
    dup = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "DUP001"]
    assert dup
    for r in dup:
        assert {loc["logicalLocations"][0]["name"] for loc in r["locations"]} == {"copy.txt"}
        assert {loc["logicalLocations"][0]["name"] for loc in r["relatedLocations"]} == {orig.filename}
        assert all(loc["properties"]["archived"] for loc in r["relatedLocations"])


def test_a_copy_found_by_the_gate_shows_its_evidence(tmp_path, archive):
    import random

    orig = archive.latest(4)
    new = write_new(tmp_path / "new", "copy.txt", reportgen.next_year_copy(orig, random.Random(8)))
    data = _json(audit("check", new, "--against", archive.index, "--out", "-", "--format", "json"))
    (dup,) = [f for f in data["findings"] if f["rule"] == "DUP001"]
    assert {e["document"] for e in dup["evidence"]} == {"copy.txt", orig.filename}

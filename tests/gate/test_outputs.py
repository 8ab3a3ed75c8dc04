"""CI outputs: SARIF 2.1.0 against the official schema, JUnit, CSV, GitHub annotations, JSON on stdout."""

from __future__ import annotations

import json
import random
import re
import shutil
from datetime import date
from io import StringIO
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pandas as pd
import pytest

from auditor.api import audit
from auditor.baseline import apply_baseline
from auditor.report.github import annotations, escape_data, escape_property
from auditor.report.junit import render_junit
from auditor.report.sarif import render_sarif
from tests.conftest import FIXTURES, SEEDS
from tests.gate import reportgen
from tests.gate.conftest import audit as audit_cmd
from tests.gate.conftest import audit_proc
from tests.gate.conftest import write_new

# The SARIF 2.1.0 schema (2.1.0-rtm.5, the text OASIS approved as 2.1.0), vendored from the npm
# package @microsoft/jest-sarif 1.0.0-beta.0 (MIT): no network access at test time.
SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0-rtm.5.json"
# RFC 3986 URI reference characters (after percent-encoding)
URI_REF = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    """A run with findings of many kinds, a plain-text report with line numbers and a baseline."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEEDS / "000_e0f2844ddd246cd5.txt", root / "seed compilation.txt")  # a space in the name
    r = reportgen.corpus(1, seed=2)[0]
    (root / "青石镇-2021.txt").write_text(r.text.replace("其他信息", "其他信息1", 1), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    res = audit([root], today=date(2026, 6, 30))
    base = tmp_path_factory.mktemp("base") / "b.json"
    first, second = res.findings[0], res.findings[1]
    base.write_text(json.dumps({"findings": [
        {"id": first.id, "status": "baselined"},
        {"id": second.id, "status": "suppressed", "reason": "agreed with the publisher", "expires": "2099-01-01"},
    ]}), encoding="utf-8")
    apply_baseline(res, base)
    return res


def test_sarif_is_valid_against_the_2_1_0_schema(result):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    sarif = json.loads(render_sarif(result))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "auditor"
    rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in run["results"]} <= rules
    for res in run["results"]:
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        for loc in res["locations"]:
            assert URI_REF.match(loc["physicalLocation"]["artifactLocation"]["uri"])
    states = [r["baselineState"] for r in run["results"]]
    assert states.count("unchanged") == 2 and set(states) == {"new", "unchanged"}
    sup = [r for r in run["results"] if "suppressions" in r]
    assert sup[0]["suppressions"][0]["justification"] == "agreed with the publisher"
    lines = [loc["physicalLocation"].get("region", {}).get("startLine") for r in run["results"] for loc in r["locations"]]
    assert any(isinstance(n, int) and n > 1 for n in lines), "plain-text reports are located by line"


def test_junit_has_one_suite_per_document_and_agrees_with_the_gate(result):
    root = ET.fromstring(render_junit(result))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [d.id for d in result.documents]
    failing = [f for f in result.findings if getattr(f, "status", "new") == "new" and f.severity.value == "error"]
    assert int(root.get("failures")) == len(failing) == len(root.findall(".//failure"))
    assert int(root.get("skipped")) == 2 == len(root.findall(".//skipped"))
    assert int(root.get("tests")) == sum(len(s.findall("testcase")) for s in suites)
    assert result.failed == (len(failing) > 0)


def test_csv_round_trips_through_pandas(result):
    from auditor.report.writers import render

    frame = result.frame()
    back = pd.read_csv(StringIO(render(result, "csv")), dtype=str, keep_default_na=False)
    assert list(back.columns) == list(frame.columns)
    assert back.to_dict("records") == frame.astype(str).to_dict("records")
    assert set(back["status"]) == {"new", "baselined", "suppressed"}


def test_github_annotations_escape_and_locate(result, monkeypatch, tmp_path):
    text = annotations(result)
    lines = text.splitlines()
    new = [f for f in result.findings if getattr(f, "status", "new") == "new"]
    assert len(lines) == len(new)
    assert all(re.match(r"^::(error|warning|notice) (file=[^,]+,)?(line=\d+,)?(endLine=\d+,)?title=[^:]+::", ln) for ln in lines)
    assert lines[0].startswith("::error")  # most severe first
    assert any("line=" in ln and "%E9%9D%92" not in ln for ln in lines)
    assert escape_data("a%b\nc\r") == "a%25b%0Ac%0D"
    assert escape_property("x:y,z") == "x%3Ay%2Cz"


def test_annotations_on_stdout_only_in_github_actions(tmp_path):
    new = write_new(tmp_path / "in", "town.txt", (FIXTURES / "clean" / "town-2021.txt").read_text(encoding="utf-8"))
    bad = write_new(tmp_path / "in", "bad.txt", reportgen.corpus(1, seed=4)[0].text.replace("其他信息", "其他信息1", 1))
    env = {"GITHUB_ACTIONS": "true"}
    p = audit_proc("run", tmp_path / "in", "--out", tmp_path / "out", cwd=tmp_path, env=env)
    assert p.returncode == 1
    assert p.stdout.startswith("::error file=in/bad.txt,line=")
    assert "town.txt" not in p.stdout
    p = audit_cmd("run", new, bad, "--out", "-", "--format", "json", cwd=tmp_path, env=env)
    assert json.loads(p.stdout)["summary"]["documents"] == 2  # nothing but JSON with --out -
    p = audit_cmd("run", tmp_path / "in", "--out", tmp_path / "out2", cwd=tmp_path)
    assert p.stdout == ""  # not in GitHub Actions: nothing on stdout


def test_check_writes_every_format(tmp_path):
    archive = tmp_path / "archive"
    reports = reportgen.corpus(3, seed=9)
    for r in reports:
        write_new(archive, r.filename, r.text)
    assert audit_cmd("index", "build", tmp_path / "i.db", archive).returncode == 0
    copy = write_new(tmp_path / "new", "copy.txt", reportgen.next_year_copy(reports[3], random.Random(1)))
    out = tmp_path / "out"
    p = audit_cmd("check", copy, "--against", tmp_path / "i.db", "--out", out, "--format", "html,json,sarif,junit,csv")
    assert p.returncode == 1, p.stderr
    for name in ("report.html", "findings.json", "results.sarif", "junit.xml", "findings.csv"):
        assert (out / name).stat().st_size > 0
    sarif = json.loads((out / "results.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(sarif))
    suites = ET.parse(out / "junit.xml").getroot().findall("testsuite")
    assert {"copy.txt", reports[3].filename} <= {s.get("name") for s in suites}
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert data["run"]["against"]["indexed_documents"] == 12

"""The `audit` command through its installed entry point, as users and CI call it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEEDS

AUDIT = shutil.which("audit", path=str(Path(sys.executable).parent)) or shutil.which("audit")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, CI="true")
    return subprocess.run([AUDIT, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


@pytest.fixture(scope="module", autouse=True)
def _entry_point():
    if AUDIT is None:
        pytest.fail("the `audit` console script is not installed (pip install -e .)")


def test_seed_fails_the_gate_and_writes_outputs(tmp_path):
    out = tmp_path / "out"
    r = run("run", str(SEEDS), "--out", str(out), "--format", "html,json,sarif,junit,csv")
    assert r.returncode == 1, r.stderr
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert data["summary"]["documents"] == 5 and data["summary"]["findings"]["error"] > 0
    for name in ("report.html", "results.sarif", "junit.xml", "findings.csv"):
        assert (out / name).stat().st_size > 0
    assert "FAIL" in r.stderr
    assert not list(out.glob(".*")), "no temporary files left behind"


def test_clean_reports_pass(tmp_path):
    r = run("run", str(FIXTURES / "clean"), "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr


def test_fail_on_never_and_warning(tmp_path):
    assert run("run", str(SEEDS), "--out", str(tmp_path), "--fail-on", "never").returncode == 0
    r = run("run", str(SEEDS), "--out", str(tmp_path), "--select", "STR003", "--fail-on", "warning")
    assert r.returncode == 1


def test_bad_option_is_a_usage_error(tmp_path):
    assert run("run", str(SEEDS), "--no-such-option").returncode == 2
    assert run("run", str(SEEDS), "--fail-on", "sometimes", "--out", str(tmp_path)).returncode == 2
    assert run("run", str(SEEDS), "--format", "pdf", "--out", str(tmp_path)).returncode == 2
    assert run("run", str(tmp_path / "missing")).returncode == 2


def test_unreadable_files_are_findings_and_the_rest_is_audited(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blob.txt").write_bytes(bytes(range(256)) * 8)
    shutil.copy(FIXTURES / "clean" / "town-2021.txt", corpus / "town.txt")
    r = run("run", str(corpus), "--out", "-", "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)  # nothing but JSON on stdout with --out -
    ingest = {f["documents"][0]: f for f in data["findings"] if f["category"] == "ingest-error"}
    assert set(ingest) == {"empty.txt", "blob.txt"}
    assert "empty" in ingest["empty.txt"]["message"]
    assert "binary" in ingest["blob.txt"]["message"]
    assert any(d["id"] == "town.txt" and d["chars"] > 100 for d in data["documents"])


def test_nothing_readable_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = run("run", str(tmp_path), "--out", str(tmp_path / "o"))
    assert r.returncode == 2
    assert "nothing readable" in r.stderr


def test_inputs_are_never_modified(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    before = {p.name: p.read_bytes() for p in src.iterdir()}
    run("run", str(src), "--out", str(tmp_path / "o"))
    assert {p.name: p.read_bytes() for p in src.iterdir()} == before


def test_rules_and_explain():
    r = run("rules")
    assert r.returncode == 0 and "SUM001" in r.stdout and "near-duplicate" in r.stdout
    r = run("explain", "SUM001")
    assert r.returncode == 0 and "fires on" in r.stdout and "其中" in r.stdout
    assert run("explain", "NOPE999").returncode == 2


def test_config_file_is_validated_strictly(tmp_path):
    cfg = tmp_path / "audit.toml"
    cfg.write_text('fail-on = "warning"\nunknown_key = 1\n', encoding="utf-8")
    r = run("run", str(SEEDS), "--out", str(tmp_path / "o"), cwd=tmp_path)
    assert r.returncode == 2
    assert "audit.toml" in r.stderr and "unknown_key" in r.stderr
    cfg.write_text('ignore = ["near-duplicate", "CON001", "SUM", "YR001", "DAT001"]\n', encoding="utf-8")
    r = run("run", str(SEEDS), "--out", str(tmp_path / "o"), "--format", "json", cwd=tmp_path)
    data = json.loads((tmp_path / "o" / "findings.json").read_text(encoding="utf-8"))
    assert r.returncode == 0
    assert not {f["rule"] for f in data["findings"]} & {"DUP001", "CON001", "SUM001", "SUM002", "YR001", "DAT001"}


def test_check_gate_reports_only_new_documents(tmp_path):
    old = tmp_path / "old"
    new = tmp_path / "new"
    old.mkdir()
    new.mkdir()
    text = (SEEDS / "000_e0f2844ddd246cd5.txt").read_text(encoding="utf-8")
    (old / "seed.txt").write_text(text, encoding="utf-8")
    clean = (FIXTURES / "clean" / "town-2021.txt").read_text(encoding="utf-8")
    (new / "town.txt").write_text(clean, encoding="utf-8")
    r = run("check", str(new), "--against", str(old), "--out", "-", "--format", "json")
    assert r.returncode == 0, r.stdout[-2000:]
    assert json.loads(r.stdout)["findings"] == []
    copy = clean.replace("2021年", "2022年").replace("2022年2月20日", "2023年2月10日")
    (old / "town-2021.txt").write_text(clean, encoding="utf-8")
    (new / "town.txt").write_text(copy, encoding="utf-8")
    r = run("check", str(new), "--against", str(old), "--out", "-", "--format", "json")
    data = json.loads(r.stdout)
    assert r.returncode == 1
    assert [f["rule"] for f in data["findings"]] == ["DUP001"]
    assert data["findings"][0]["documents"] == ["town.txt", "town-2021.txt"]


@pytest.mark.parametrize(
    "toml, key, reason",
    [
        ("[similarity]\nmin-jaccard = 1.5\n", "similarity.min-jaccard", "less than or equal to 1"),
        ("[similarity]\nlsh-threshold = 0\n", "similarity.lsh-threshold", "greater than 0"),
        ("[similarity]\nmin-jacard = 0.5\n", "similarity.min-jacard", "unknown key"),
        ('[similarity]\nmin-containment = "high"\n', "similarity.min-containment", "valid number"),
        ("similarity = 0.3\n", "similarity", "valid dictionary"),
    ],
)
def test_similarity_thresholds_are_validated(tmp_path, toml, key, reason):
    from auditor.config import ConfigError, load_config

    (tmp_path / "audit.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_config(cwd=tmp_path)
    assert "audit.toml" in str(exc.value) and f"key '{key}'" in str(exc.value) and reason in str(exc.value)


def test_bad_similarity_threshold_exits_2(tmp_path):
    (tmp_path / "audit.toml").write_text("[similarity]\nmin-jaccard = 1.5\n", encoding="utf-8")
    r = run("run", str(SEEDS), "--out", str(tmp_path / "o"), cwd=tmp_path)
    assert r.returncode == 2
    assert "audit.toml" in r.stderr and "key 'similarity.min-jaccard'" in r.stderr and "less than or equal to 1" in r.stderr


def test_similarity_thresholds_apply(tmp_path):
    """[tool.audit.similarity] in pyproject.toml reaches the dedup stage (seed parts 1/2: Jaccard 0.30)."""
    from datetime import date

    from auditor.api import audit
    from auditor.config import load_config

    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.audit.similarity]\nmin-jaccard = 0.95\nmin-containment = 0.95\n',
        encoding="utf-8",
    )
    cfg, source = load_config(cwd=tmp_path)
    assert source.endswith("[tool.audit]")
    strict = audit([SEEDS], cfg, today=date(2026, 6, 30)).payload()
    default = audit([SEEDS], today=date(2026, 6, 30)).payload()
    assert strict["run"]["config"]["similarity"] == {"min-jaccard": 0.95, "min-containment": 0.95}
    assert 0 < len(strict["pairs"]) < len(default["pairs"])
    assert all(p["jaccard"] >= 0.95 or p["containment"] >= 0.95 for p in strict["pairs"])

"""The CI recipes in the README and .pre-commit-hooks.yaml are valid and their commands work.

Every `audit …` command of the README section "Use as a CI gate" (the shell block and the GitHub
Actions / GitLab CI steps) is run, in order, in a scratch workspace holding an archive and a
submission; none may be a usage error.  The YAML blocks must parse, and the pre-commit hooks must
run as pre-commit would run them (entry + args + file names).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.gate import reportgen
from tests.gate.conftest import next_year, write_new

README = ROOT / "README.md"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Use as a CI gate")
    return text[start : text.index("\n## ", start + 5)]


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", _section(), flags=re.S)


def _commands(obj) -> list[str]:
    """`audit …` command lines inside a parsed CI file (run: / script: values)."""
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("run", "script"):
                for line in [v] if isinstance(v, str) else v:
                    out.extend(ln.strip() for ln in line.splitlines() if "audit " in ln)
            else:
                out.extend(_commands(v))
    elif isinstance(obj, list):
        for v in obj:
            out.extend(_commands(v))
    return out


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    ws = tmp_path_factory.mktemp("ws")
    reports = reportgen.corpus(6, seed=31)
    for r in reports:
        write_new(ws / "archive", r.filename, r.text)
    write_new(ws / "submissions", "new.txt", next_year(reports[3]).text)
    write_new(ws / "accepted", "accepted.txt", next_year(reports[7], seed=2).text)
    return ws


def _sh(cmd: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    e = dict(os.environ, CI="true", PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    e.pop("GITHUB_ACTIONS", None)
    e.update(env or {})
    return subprocess.run(["bash", "-c", cmd], cwd=cwd, env=e, capture_output=True, text=True, timeout=300)


def test_yaml_blocks_parse():
    blocks = [yaml.safe_load(b) for b in _blocks("yaml")]
    gha, gitlab, precommit = blocks
    triggers = gha.get("on", gha.get(True))  # YAML 1.1 reads a bare `on` as true
    assert gha["jobs"]["audit"]["steps"] and "pull_request" in triggers
    assert gitlab["audit-reports"]["artifacts"]["reports"]["junit"] == "reports_out/junit.xml"
    hook_ids = {h["id"] for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert {h["id"] for r in precommit["repos"] for h in r["hooks"]} <= hook_ids


def test_readme_commands_run(workspace, monkeypatch):
    """In process (typer's runner) for speed; the pre-commit test below goes through the real entry point."""
    from typer.testing import CliRunner

    from auditor.cli import app

    shell = [ln.split("  #")[0].strip() for ln in _blocks("sh")[0].splitlines() if ln.startswith("audit ")]
    gha, gitlab, _ = (yaml.safe_load(b) for b in _blocks("yaml"))
    ci = _commands(gha) + _commands(gitlab)
    assert any("--add-on-pass" in c for c in ci) and any("index build" in c for c in ci)
    monkeypatch.chdir(workspace)
    monkeypatch.setenv("AUDIT_INDEX", "archive.db")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (workspace / "archive.db").unlink(missing_ok=True)
    runner = CliRunner()
    seen = set()
    for cmd in shell + ci:
        for variant in (re.sub(r"\$\{\{.*?\}\}", "", cmd), re.sub(r"\$\{\{.*?\}\}", "--add-on-pass", cmd)):
            if variant in seen:
                continue
            seen.add(variant)
            if "||" in variant:  # `test -f archive.db || audit index build …`
                test, variant = (part.strip() for part in variant.split("||"))
                if Path(test.split()[-1]).exists():
                    continue
            args = shlex.split(os.path.expandvars(variant))
            assert args[0] == "audit"
            r = runner.invoke(app, args[1:])
            assert r.exit_code in (0, 1), f"{variant}\n{r.output[-1500:]}"


def test_pre_commit_hooks_run_as_pre_commit_runs_them(workspace):
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"audit-reports", "audit-check"}
    if not (workspace / "archive.db").exists():
        assert _sh("audit index build archive.db archive/", workspace).returncode == 0
    staged = ["submissions/new.txt"]
    for h in hooks:
        assert {"id", "name", "entry", "language", "files"} <= set(h) and h["language"] == "python"
        assert all(re.search(h["files"], f) for f in staged) and not re.search(h["files"], "README.md")
        cmd = " ".join([h["entry"], *h.get("args", []), *staged])
        p = _sh(cmd, workspace)
        assert p.returncode == 0, f"{cmd}\n{p.stderr[-1500:]}"
        assert (workspace / ".audit" / "findings.json").exists()

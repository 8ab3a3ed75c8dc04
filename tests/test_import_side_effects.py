"""Importing the auditor changes nothing process-wide; the `audit` entry point does (issue 14).

Tests import `auditor.cli` to drive its typer app in-process, and other
programs import `auditor` as a library: neither may find its environment
variables, `re`'s cache, the cycle collector or pickling changed behind its
back.  What a command-line process needs (pydantic's plugin scan left off,
the compiled patterns of earlier runs served from `re`'s cache) happens in
`auditor.cli.main`, which must still come before pydantic and the auditor's
patterns are first used.  Each case runs in a fresh interpreter, since this
one has long imported everything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import cache, regex_cache

ROOT = Path(__file__).resolve().parents[1]

# Process-wide state, as a JSON-able snapshot the child prints before and after.
_STATE = """
import copyreg, gc, json, os, re, sys, warnings

def state():
    return {
        "environ": dict(os.environ),
        "re_cache": sorted(repr(k) for k in getattr(re, "_cache", {})),
        "copyreg": sorted(f"{c.__module__}.{c.__qualname__}" for c in copyreg.dispatch_table),
        "warnings": len(warnings.filters),
        "gc": [gc.isenabled(), list(gc.get_threshold()), gc.get_freeze_count()],
        "recursionlimit": sys.getrecursionlimit(),
        "pydantic": "pydantic" in sys.modules,
    }
"""

_IMPORT_CLI = _STATE + """
before = state()
import auditor.cli
after = state()
from auditor import regex_cache
after["loaded"] = len(regex_cache._loaded)
sys.argv = ["audit", "version"]
try:
    auditor.cli.main()
except SystemExit:
    pass
ran = state()
print(json.dumps([before, after, ran]))
"""

# numpy (a dependency) adds its own pickle reducers and warning filters at import: taken before the snapshot.
_IMPORT_ALL = _STATE + """
import importlib, pkgutil
import numpy
before = state()
import auditor
failed = []
for info in pkgutil.walk_packages(auditor.__path__, "auditor."):
    try:
        importlib.import_module(info.name)
    except ModuleNotFoundError as exc:  # an optional dependency (dask, playwright...) not installed
        if (exc.name or "").startswith("auditor"):
            raise
        failed.append(info.name)
print(json.dumps([before, state(), failed]))
"""

def _child(code: str, env: dict[str, str]) -> list:
    e = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"} | env
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=e, cwd=ROOT, timeout=300)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout.splitlines()[-1])


@pytest.fixture()
def stored_pattern(tmp_path, monkeypatch) -> tuple[str, dict[str, str]]:
    """A cache folder holding the program of one CJK pattern, as an earlier run leaves it."""
    pattern = f"[\u4e00-\u9fff]{{2}}导入{os.getpid()}"
    env = {"AUDIT_CACHE_DIR": str(tmp_path / "cache")}
    monkeypatch.setenv("AUDIT_CACHE_DIR", env["AUDIT_CACHE_DIR"])
    cache.store(regex_cache.NAME, regex_cache._key(), {(pattern, 0): regex_cache.program(pattern, 0)})
    return repr((str, pattern, 0)), env


def test_importing_the_cli_changes_nothing_and_main_sets_up_the_process(stored_pattern):
    key, env = stored_pattern
    before, after, ran = _child(_IMPORT_CLI, env)
    assert after.pop("loaded") == 0
    assert after["environ"] == before["environ"] and "PYDANTIC_DISABLE_PLUGINS" not in after["environ"]
    assert key not in after["re_cache"]
    assert {k: after[k] for k in ("copyreg", "warnings", "gc", "recursionlimit")} == {
        k: before[k] for k in ("copyreg", "warnings", "gc", "recursionlimit")}
    # `main` sets the variable itself, so pydantic must not be imported before it runs ...
    assert not after["pydantic"], "importing auditor.cli imports pydantic: main() is too late to turn its plugins off"
    # ... and it does set up the process.
    assert ran["environ"]["PYDANTIC_DISABLE_PLUGINS"] == "__all__"
    if regex_cache.SUPPORTED:
        assert key in ran["re_cache"]


def test_the_users_choice_of_pydantic_plugins_is_kept(stored_pattern):
    _, env = stored_pattern
    *_, ran = _child(_IMPORT_CLI, env | {"PYDANTIC_DISABLE_PLUGINS": "logfire"})
    assert ran["environ"]["PYDANTIC_DISABLE_PLUGINS"] == "logfire"


def test_importing_every_module_changes_nothing_process_wide(stored_pattern):
    key, env = stored_pattern
    before, after, _ = _child(_IMPORT_ALL, env)
    assert after["environ"] == before["environ"]
    assert key not in after["re_cache"]
    assert (after["warnings"], after["gc"], after["recursionlimit"]) == (
        before["warnings"], before["gc"], before["recursionlimit"])
    added = set(after["copyreg"]) - set(before["copyreg"])
    assert not {c for c in added if c.startswith("auditor.")}, f"pickling registered at import: {sorted(added)}"

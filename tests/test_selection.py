"""Fail closed on selection: a selector that names no rule is exit 2, never a silent pass (issue 13)."""

from __future__ import annotations

import pytest

from auditor.api import select_rules
from auditor.config import Config
from auditor.engine.rules import load_rules
from auditor.engine.selection import SelectionError
from tests.conftest import SEEDS
from tests.test_cli import run


@pytest.mark.parametrize(
    "config,needle",
    [
        (Config(select=["sum01"]), "'sum01' names no rule"),
        (Config(select=["SUM001", "DUP01"]), "'DUP01' names no rule"),
        (Config(ignore=["STR0066"]), "'STR0066' names no rule"),
        (Config(severity={"LATE999": "error"}), "'LATE999' is not a rule id"),
        (Config(per_path_ignores={"a/*": ["nosuch"]}), "per-path-ignores"),
        (Config(select=["SUM"], ignore=["SUM"]), "no rule selected"),
    ],
)
def test_a_selector_naming_nothing_is_an_error(config, needle):
    with pytest.raises(SelectionError, match=needle):
        select_rules(load_rules(), config)


def test_ids_and_categories_are_case_insensitive():
    rules = load_rules()
    assert [r.id for r in select_rules(rules, Config(select=["sum001"]))] == ["SUM001"]
    assert {r.category for r in select_rules(rules, Config(select=["NEAR-DUPLICATE"]))} == {"near-duplicate"}
    chosen = select_rules(load_rules(), Config(select=["late001"], severity={"late001": "info"}))
    assert chosen[0].severity.value == "info"


def test_cli_exits_2_with_one_line_and_a_suggestion(tmp_path):
    r = run("run", str(SEEDS), "--out", str(tmp_path / "o"), "--select", "SUM001,DUP01")
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1].startswith("audit: select: 'DUP01'") and "DUP001" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "o").exists(), "nothing is written when nothing was checked"


def test_explain_is_case_insensitive_and_suggests():
    assert run("explain", "sum001").returncode == 0
    r = run("explain", "sum01")
    assert r.returncode == 2 and "SUM001" in r.stderr

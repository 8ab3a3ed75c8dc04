"""Which rules a run uses: `--select`, `--ignore`, `severity`, `per-path-ignores`.

A selector names a rule id (SUM001), an id prefix (SUM), a category
(sum-mismatch) or a rule name (breakdown-sum), in any letter case.  A selector
that names nothing is a usage error, not an empty selection: `--select sum01`
silently running no rule would let a CI gate pass without checking anything.
The error names the selector, where it came from, and the nearest ids.  A
selection that leaves no rule at all is an error for the same reason.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from auditor.engine.rules import Rule, RuleError


class SelectionError(RuleError):
    """A selector names no rule, or nothing is left to run."""


def _vocabulary(rules: Iterable[Rule]) -> list[str]:
    words: set[str] = set()
    for r in rules:
        words.update((r.id, r.category, r.spec.name))
    return sorted(words)


def matches(rule: Rule, selector: str) -> bool:
    s = selector.strip()
    up, low = s.upper(), s.lower()
    return rule.id == up or (len(up) >= 2 and rule.id.startswith(up)) or rule.category == low or rule.spec.name == low


def _check_known(rules: list[Rule], selectors: Iterable[str], where: str) -> None:
    for s in selectors:
        if not any(matches(r, s) for r in rules):
            near = difflib.get_close_matches(s.upper(), [r.id for r in rules], n=3, cutoff=0.5)
            near += difflib.get_close_matches(s.lower(), [w for w in _vocabulary(rules) if w.islower()], n=2, cutoff=0.6)
            hint = f"; did you mean {', '.join(near)}?" if near else " (see `audit rules`)"
            raise SelectionError(f"{where}: {s!r} names no rule, prefix or category{hint}")


def validate(rules: list[Rule], select: list[str], ignore: list[str], severity: Mapping[str, str],
             per_path_ignores: dict[str, list[str]]) -> None:
    """Every selector must name something; `severity` keys must be rule ids."""
    _check_known(rules, select, "select")
    _check_known(rules, ignore, "ignore")
    ids = {r.id for r in rules}
    for key in severity:
        if key.upper() not in ids:
            near = difflib.get_close_matches(key.upper(), sorted(ids), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(near)}?" if near else " (see `audit rules`)"
            raise SelectionError(f"severity: {key!r} is not a rule id{hint}")
    for glob, sels in per_path_ignores.items():
        _check_known(rules, sels, f"per-path-ignores[{glob!r}]")


def choose(rules: list[Rule], select: list[str], ignore: list[str]) -> list[Rule]:
    """The selected rules minus the ignored ones; never empty."""
    chosen = [r for r in rules
              if (not select or any(matches(r, s) for s in select)) and not any(matches(r, s) for s in ignore)]
    if not chosen:
        raise SelectionError("no rule selected: the selection and ignore lists leave nothing to run")
    return chosen

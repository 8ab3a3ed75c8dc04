"""The console summary printed to stderr after a run.

A heavily copied corpus can yield hundreds of thousands of findings; printing
them all buries the verdict.  The console shows the new errors and warnings
(the ones that decide the verdict) up to ``limit`` lines, then how many more
are in the machine outputs; findings already known from a baseline are only
counted, so they never read like new errors above "verdict: PASS".
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from auditor.core import RunResult

DEFAULT_LIMIT = 50


def summary_lines(result: RunResult, limit: int = DEFAULT_LIMIT, where: str = "findings.json") -> list[str]:
    counts = result.counts()
    skipped = result.skipped
    lines = [
        f"audited {len(result.documents)} documents with {len(result.rules)} rules: "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info; "
        f"{len(result.pairs)} similar pairs",
    ]
    if skipped:
        lines.append(f"skipped {len(skipped)} files that are not reports: " + "; ".join(f"{p} ({why})" for p, why in skipped[:5])
                     + (f"; … and {len(skipped) - 5} more" if len(skipped) > 5 else ""))
    shown = [f for f in result.findings if f.severity.value != "info" and f.status == "new"]
    known = sum(1 for f in result.findings if f.severity.value != "info" and f.status != "new")
    for f in shown[:limit]:
        lines.append(f"  {f.severity.value:<7} {f.rule:<7} {f.documents[0]}: {f.message}")
    if len(shown) > limit:
        lines.append(f"  … and {len(shown) - limit} more in {where}")
    if known:
        lines.append(f"  ({known} errors and warnings already known from the baseline are not shown)")
    if result.findings or result.documents:
        lines.append("verdict: " + ("FAIL" if result.failed else "PASS") + f" (fail-on {result.fail_on})")
    return lines


def print_summary(result: RunResult, stream: TextIO | None = None, limit: int = DEFAULT_LIMIT, where: str = "findings.json") -> None:
    stream = stream or sys.stderr
    for line in summary_lines(result, limit, where):
        print(line, file=stream)

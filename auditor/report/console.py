"""The console summary printed to stderr after a run."""

from __future__ import annotations

import sys
from collections import Counter


def summary_lines(result) -> list[str]:
    counts = result.counts()
    lines = [
        f"audited {len(result.documents)} documents with {len(result.rules)} rules: "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info; "
        f"{len(result.pairs)} similar pairs",
    ]
    by_doc = Counter(d for f in result.findings for d in f.documents[:1])
    for f in result.findings:
        if f.severity.value == "info":
            continue
        lines.append(f"  {f.severity.value:<7} {f.rule:<7} {f.documents[0]}: {f.message}")
    if by_doc:
        lines.append("verdict: " + ("FAIL" if result.failed else "PASS") + f" (fail-on {result.fail_on})")
    return lines


def print_summary(result, stream=None) -> None:
    stream = stream or sys.stderr
    for line in summary_lines(result):
        print(line, file=stream)

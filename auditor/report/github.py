"""GitHub Actions workflow commands: findings as annotations on the pull request.

Printed to stdout when ``GITHUB_ACTIONS=true`` (never with ``--out -``, where
stdout is reserved for findings.json).  One line per *new* finding —
baselined and suppressed ones are known and would only be noise — as

    ::error file=reports/x.txt,line=12,title=SUM001 sum-mismatch::message

with ``warning`` and ``notice`` for the lower severities.  GitHub caps
annotations per step (10 errors, 10 warnings shown inline), so the most
severe come first.  Values are escaped as the runner expects: ``%``, CR and
LF everywhere, and ``:`` and ``,`` inside properties.
"""

# No `from __future__ import annotations` here: it would clash with `annotations` below
# (the name cli.py imports), so the one forward reference is a string.
from typing import TYPE_CHECKING

from auditor.report.locations import line_of, repo_path, submitted_first

if TYPE_CHECKING:
    from auditor.core import RunResult

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def annotations(result: "RunResult") -> str:
    """The workflow-command lines for a run (empty string when nothing is new)."""
    docs = {d.id: d for d in result.documents}
    lines = []
    new = [f for f in result.findings if f.status == "new"]
    for f in sorted(new, key=lambda f: -f.severity.rank):  # stable: run order within a severity
        props = []
        located = None
        for doc_id in submitted_first(f.documents, result.new_ids):
            d = docs.get(doc_id)
            if d is None:
                continue
            path, is_file = repo_path(d, result.roots)
            if is_file:
                located = (d, path)
                break
        if located is None and f.documents and f.documents[0] in docs:
            located = (docs[f.documents[0]], repo_path(docs[f.documents[0]], result.roots)[0])
        if located is not None:
            d, path = located
            props.append(f"file={escape_property(path)}")
            ev = next((e for e in f.evidence if e.document == d.id), None)
            line = line_of(d, ev.start, result.raw_text(d)) if ev is not None else None
            if ev is not None and line is not None:
                props.append(f"line={line}")
                end = line_of(d, max(ev.start, ev.end - 1), result.raw_text(d))
                if end is not None and end != line:
                    props.append(f"endLine={end}")
        props.append(f"title={escape_property(f'{f.rule} {f.category}')}")
        msg = f.message if len(f.documents) < 2 else f"{f.message} [{' ↔ '.join(f.documents)}]"
        lines.append(f"::{_COMMAND[f.severity.value]} {','.join(props)}::{escape_data(msg)}")
    return "".join(line + "\n" for line in lines)

"""Baselines: findings already known that must not fail the run again.

Entries are keyed by the finding id, a hash of rule + documents + normalised
evidence text (not offsets), so they survive re-extraction and edits
elsewhere in a document.  Each finding of a run is then one of:

* ``new``        — not in the baseline: counts for ``--fail-on``;
* ``baselined``  — recorded by ``audit baseline write``: known, does not fail;
* ``suppressed`` — an entry a person marked ``"status": "suppressed"`` with a
  ``reason`` and optionally ``"expires": "YYYY-MM-DD"``; after that date the
  finding is new again (and the entry is listed as expired).

Entries that match no finding any more are *stale*: the defect was fixed or
the document left the corpus.  They are reported (stderr and the ``run``
section of findings.json) so the baseline can be ratcheted down, and
``audit baseline write`` drops them.  Writing keeps the status, reason and
expiry of suppressed entries that still match.

File format (JSON, stable order)::

    {"schema_version": 1, "roots": [...],
     "findings": [{"id", "rule", "documents", "message", "status", "reason"?, "expires"?}]}
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

STATUSES = ("baselined", "suppressed")
SCHEMA_VERSION = 1


class BaselineError(ValueError):
    pass


def load_baseline(path: Path) -> dict[str, dict]:
    """Entries by finding id; a malformed file is a `BaselineError` naming the entry and the reason."""
    data = read_baseline_file(path)
    version = data.get("schema_version", SCHEMA_VERSION) if isinstance(data, dict) else None
    if version != SCHEMA_VERSION:
        raise BaselineError(f"{path}: unknown baseline schema_version {version!r} (this auditor reads {SCHEMA_VERSION})")
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: a baseline holds {{'findings': [...]}}")
    out = {}
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not isinstance(e.get("id"), str):
            raise BaselineError(f"{path}: findings[{i}] has no 'id'")
        status = e.get("status", "baselined")
        if status not in STATUSES:
            raise BaselineError(f"{path}: findings[{i}] ({e['id']}): status must be baselined or suppressed, not {status!r}")
        if e.get("expires") is not None:
            try:
                date.fromisoformat(str(e["expires"]))
            except ValueError:
                raise BaselineError(f"{path}: findings[{i}] ({e['id']}): expires must be YYYY-MM-DD, not {e['expires']!r}") from None
        out[e["id"]] = e
    return out


def read_baseline_file(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: not valid JSON: {exc}") from exc


def _brief(e: dict) -> dict:
    return {k: e[k] for k in ("id", "rule", "documents", "status", "reason", "expires") if k in e}


def apply_baseline(result, path: Path, today: date | None = None) -> list[dict]:
    """Mark findings baselined/suppressed in place; return the stale entries.

    Also records ``run.baseline`` in the result (counts, stale and expired
    entries) for findings.json.
    """
    entries = load_baseline(path)
    today = today or date.today()
    used: set[str] = set()
    expired: list[dict] = []
    for f in result.findings:
        e = entries.get(f.id)
        if e is None:
            continue
        used.add(f.id)
        if e.get("expires") and date.fromisoformat(str(e["expires"])) < today:
            expired.append(e)
            continue
        f.status = e.get("status", "baselined")
        f.reason = e.get("reason", "")
    stale = [e for k, e in entries.items() if k not in used]
    result.stale_baseline = stale
    result.expired_baseline = expired
    counts = {s: sum(1 for f in result.findings if f.status == s) for s in ("new", *STATUSES)}
    result.run_info["baseline"] = {
        "file": str(path),
        "entries": len(entries),
        **counts,
        "stale": [_brief(e) for e in stale],
        "expired": [_brief(e) for e in expired],
    }
    return stale


def baseline_document(result, previous: dict[str, dict] | None = None) -> dict:
    """The baseline file for a run's findings, keeping earlier suppressions that still match."""
    previous = previous or {}
    rows = []
    for f in sorted(result.findings, key=lambda f: (f.documents, f.rule, f.id)):
        row = {"id": f.id, "rule": f.rule, "documents": list(f.documents), "message": f.message, "status": "baselined"}
        old = previous.get(f.id)
        if old and old.get("status") == "suppressed":
            row["status"] = "suppressed"
            for k in ("reason", "expires"):
                if old.get(k) is not None:
                    row[k] = old[k]
        rows.append(row)
    return {"schema_version": SCHEMA_VERSION, "roots": list(result.roots), "findings": rows}

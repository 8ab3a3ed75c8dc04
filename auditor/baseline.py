"""Baselines: findings already known that must not fail the run again.

Entries are keyed by the finding id, a hash of rule + documents + normalised
evidence text (not offsets), so they survive re-extraction and edits
elsewhere in a document.  An entry may be `suppressed` with a reason and an
optional expiry date; entries that match nothing any more are stale.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path


class BaselineError(ValueError):
    pass


def load_baseline(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not valid JSON: {exc}") from exc
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise BaselineError(f"{path}: a baseline holds {{'findings': [...]}}")
    out = {}
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or "id" not in e:
            raise BaselineError(f"{path}: findings[{i}] has no 'id'")
        out[e["id"]] = e
    return out


def apply_baseline(result, path: Path, today: date | None = None) -> list[dict]:
    """Mark findings baselined/suppressed in place; return the stale entries."""
    entries = load_baseline(path)
    today = today or date.today()
    used = set()
    for f in result.findings:
        e = entries.get(f.id)
        if e is None:
            continue
        expires = e.get("expires")
        if expires and date.fromisoformat(expires) < today:
            continue
        used.add(f.id)
        f.status = "suppressed" if e.get("status") == "suppressed" else "baselined"
        f.reason = e.get("reason", "")
    stale = [e for k, e in entries.items() if k not in used]
    result.stale_baseline = stale
    return stale


def baseline_document(result) -> dict:
    return {
        "schema_version": 1,
        "findings": [
            {"id": f.id, "rule": f.rule, "documents": f.documents, "message": f.message, "status": "baselined"}
            for f in result.findings
        ],
    }

"""findings.json (CONTRACT.md, schema_version 1)."""

from __future__ import annotations

import json
from typing import Any


def dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"

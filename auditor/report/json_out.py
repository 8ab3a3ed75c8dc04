"""findings.json (CONTRACT.md, schema_version 1)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from auditor.core import RunResult


def dumps(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def dump(payload: dict[str, Any], fh: TextIO) -> None:
    """`dumps` written piece by piece: the same bytes without the whole text in
    memory (joining it once cost ~1 GB at 100,000 reports)."""
    json.dump(payload, fh, ensure_ascii=False, indent=2, sort_keys=False)
    fh.write("\n")


class JsonWriter:
    """findings.json, streamed: the biggest output of a big run (~150 MB at 100,000 reports)."""

    name = "json"
    filename = "findings.json"
    encoding = "utf-8"

    def write(self, result: RunResult, fh: TextIO) -> None:
        dump(result.payload(), fh)


JSON = JsonWriter()

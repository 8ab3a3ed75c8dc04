"""Answer keys of the labelled corpora, and where to find them.

A key says, per category, which documents a careful human auditor found a
defect in (``expect``), which are debatable (``neutral``, ignored) and which
were checked and found clean (``forbid``: an error or warning there is a false
positive).  The format is that of ``../shared/corpus/dev/key.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from auditor.model import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

Verdict = Literal["expect", "neutral", "forbid"]
VERDICTS: tuple[Verdict, ...] = ("expect", "neutral", "forbid")


@dataclass(frozen=True)
class KeyItem:
    verdict: Verdict
    category: str
    documents: frozenset[str]
    why: str


@dataclass(frozen=True)
class LabelledCorpus:
    """One folder of reports and its key; ``name`` is how results name it."""

    name: str
    folder: Path
    key_file: Path
    items: tuple[KeyItem, ...]

    def of(self, verdict: Verdict) -> list[KeyItem]:
        return [i for i in self.items if i.verdict == verdict]


class KeyError_(ValueError):
    """A key that cannot be used: names the file and what is wrong."""


def load_key(key_file: Path, name: str, base: Path) -> LabelledCorpus:
    """Read a key; its ``root`` is a folder relative to ``base``."""
    raw = json.loads(key_file.read_text(encoding="utf-8"))
    folder = (base / raw["root"]).resolve()
    items: list[KeyItem] = []
    for verdict in VERDICTS:
        for entry in raw.get(verdict, []):
            if entry["category"] not in CATEGORIES:
                raise KeyError_(f"{key_file}: unknown category {entry['category']!r}")
            items.append(KeyItem(verdict, entry["category"], frozenset(entry["documents"]), entry.get("why", "")))
    return LabelledCorpus(name, folder, key_file, tuple(items))


def discover() -> tuple[list[LabelledCorpus], list[str]]:
    """Every labelled corpus present on this machine, and notes on those absent.

    The project's own corpora live in ``tests/labelled/<name>/key.json`` (the
    key's ``root`` is relative to the repository); the shared development
    corpus is used when ``../shared`` is beside the repository.
    """
    found: list[LabelledCorpus] = []
    notes: list[str] = []
    shared_dev = SHARED / "corpus" / "dev" / "key.json"
    candidates = [("shared-dev", shared_dev, SHARED)]
    for key_file in sorted((ROOT / "tests" / "labelled").glob("*/key.json")):
        candidates.append((key_file.parent.name, key_file, ROOT))
    for name, key_file, base in candidates:
        if not key_file.is_file():
            notes.append(f"{name}: no key at {key_file}")
            continue
        corpus = load_key(key_file, name, base)
        if not corpus.folder.is_dir():
            notes.append(f"{name}: reports folder {corpus.folder} is absent")
            continue
        found.append(corpus)
    return found, notes

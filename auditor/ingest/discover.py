"""Find report files under the paths given on the command line.

Document ids are paths relative to the root they were found under (the path
given, or the folder holding a file given directly), with `/` separators, so
that ids are stable across machines and runs (CONTRACT.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Files that are never reports: our own outputs, VCS and OS debris.
_SKIP_NAMES = {"findings.json", "report.html", "results.sarif", "junit.xml", "findings.csv", ".DS_Store", "Thumbs.db"}
_SKIP_SUFFIXES = {".md", ".tsv", ".csv", ".json", ".sarif", ".xml", ".yml", ".yaml", ".toml", ".py", ".pyc", ".zip", ".gz"}
# a corpus index (`audit index`) kept beside the reports, with its SQLite side files
_SKIP_SUFFIXES |= {".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal"}


@dataclass(frozen=True)
class SourceFile:
    path: Path
    root: Path
    rel: str  # id prefix: path relative to root, '/'-separated


def _candidate(p: Path) -> bool:
    if p.name in _SKIP_NAMES or p.name.startswith("."):
        return False
    return p.suffix.lower() not in _SKIP_SUFFIXES


def discover(paths: list[Path]) -> list[SourceFile]:
    """Every candidate report file, in a stable order (by root, then relative path)."""
    found: list[SourceFile] = []
    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            root = given
            files = sorted(
                (p for p in given.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(given).parts)),
                key=lambda p: p.relative_to(given).as_posix(),
            )
            files = [p for p in files if _candidate(p)]
        elif given.is_file():
            root = given.parent
            files = [given]
        else:
            continue
        for f in files:
            real = f.resolve()
            if real in seen:
                continue
            seen.add(real)
            found.append(SourceFile(f, root, f.relative_to(root).as_posix()))
    return found

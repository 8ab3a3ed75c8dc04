"""Find report files under the paths given on the command line.

Document ids are paths relative to the root they were found under, with `/`
separators, so that ids are stable across machines and runs (CONTRACT.md): a
folder given is the root of what is found in it; a file given directly is
named by its path relative to the working directory, or, outside it, relative
to the common folder of the files given directly.  Never a bare file name: the
pre-commit hook passes `a/2020.txt b/2020.txt`, and two reports sharing an id
would lose findings and read as copies of each other.  Two files that would
get one id are an error (`IdCollision`), never a merge.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

# Files that are never reports: our own outputs, VCS and OS debris.
_SKIP_NAMES = {"findings.json", "report.html", "results.sarif", "junit.xml", "findings.csv", ".DS_Store", "Thumbs.db"}
_SKIP_SUFFIXES = {".md", ".tsv", ".csv", ".json", ".sarif", ".xml", ".yml", ".yaml", ".toml", ".py", ".pyc", ".zip", ".gz"}
# a corpus index (`audit index`) kept beside the reports, with its SQLite side files
_SKIP_SUFFIXES |= {".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal"}


# what a report file given directly is expected to be called (a file of another name is still read)
REPORT_SUFFIXES = frozenset((".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".pdf", ".docx", ".doc", ""))


class IdCollision(ValueError):
    """Two files would get one document id."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    root: Path
    rel: str  # id prefix: path relative to root, '/'-separated


def _candidate(name: str) -> bool:
    if name in _SKIP_NAMES or name.startswith("."):
        return False
    return Path(name).suffix.lower() not in _SKIP_SUFFIXES if "." in name else True


def _walk(root: Path) -> list[tuple[str, str]]:
    """(relative posix path, absolute path) of the candidate files under root, sorted.

    `os.walk` with string paths: at 100,000 files `Path.rglob` plus a
    `resolve()` per file spent ~20 s in pathlib.  Hidden folders are pruned;
    symlinked folders are not entered (as `rglob` does not either).
    """
    out: list[tuple[str, str]] = []
    base = os.fspath(root)
    for folder, dirs, files in os.walk(base):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_folder = os.path.relpath(folder, base)
        prefix = "" if rel_folder == "." else rel_folder.replace(os.sep, "/") + "/"
        for name in files:
            if _candidate(name):
                out.append((prefix + name, os.path.join(folder, name)))
    out.sort()
    return out


def _identity(path: str) -> tuple[int, int] | None:
    """(device, inode) of a regular file (following links), None for anything else."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _direct_root(files: list[Path], cwd: Path) -> Path:
    """Where ids of files given directly are counted from: the working directory, or their common folder."""
    absolute = [f.absolute() for f in files]
    if all(f.is_relative_to(cwd) for f in absolute):
        return cwd
    return Path(os.path.commonpath([os.fspath(f.parent) for f in absolute]))


def discover(paths: list[Path], cwd: Path | None = None) -> list[SourceFile]:
    """Every candidate report file, in a stable order (by root, then relative path).

    A file reached twice (two overlapping paths, a link) is read once; two
    different files that would get one id raise `IdCollision`.
    """
    cwd = (cwd or Path.cwd()).absolute()
    direct = [p for p in paths if p.is_file()]
    direct_root = _direct_root(direct, cwd) if direct else cwd
    found: list[SourceFile] = []
    seen: set[tuple[int, int]] = set()
    owner: dict[str, Path] = {}
    for given in paths:
        if given.is_dir():
            root = given
            files = _walk(given)
        elif given.is_file():
            root = direct_root
            files = [(given.absolute().relative_to(direct_root).as_posix(), os.fspath(given))]
        else:
            continue
        for rel, path in files:
            ident = _identity(path)
            if ident is None or ident in seen:
                continue
            seen.add(ident)
            if rel in owner:
                raise IdCollision(f"{path}: would get the document id {rel!r} already given to {owner[rel]}; "
                                  "audit the folders separately or give their common parent")
            owner[rel] = Path(path)
            found.append(SourceFile(Path(path), root, rel))
    return found

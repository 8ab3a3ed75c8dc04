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

import fnmatch
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

# Files that are never reports: data, code and archives by their suffix, OS debris by name.
# Every file passed over is reported with its reason (`Discovery.skipped`): a
# folder whose report is called report.html must not come back "no report files".
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
_SKIP_SUFFIXES = {".md", ".tsv", ".csv", ".json", ".sarif", ".xml", ".yml", ".yaml", ".toml", ".py", ".pyc", ".zip", ".gz"}
# a corpus index (`audit index`) kept beside the reports, with its SQLite side files
_SKIP_SUFFIXES |= {".db", ".sqlite", ".sqlite3", ".db-wal", ".db-shm", ".db-journal"}
# the HTML report this tool writes names itself in its <meta name="generator">
_OWN_HTML = re.compile(rb'<meta name="generator" content="auditor[ "]')


# what a report file given directly is expected to be called (a file of another name is still read)
REPORT_SUFFIXES = frozenset((".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".pdf", ".docx", ".doc", ""))


class IdCollision(ValueError):
    """Two files would get one document id."""


@dataclass(frozen=True)
class SourceFile:
    path: Path
    root: Path
    rel: str  # id prefix: path relative to root, '/'-separated


def _why_not(name: str) -> str | None:
    """Why a file name is not a report, or None when it may be one."""
    if name in _SKIP_NAMES:
        return "system file"
    if name.startswith("."):
        return "hidden file"
    suffix = Path(name).suffix.lower() if "." in name else ""
    return f"not a report format ({suffix})" if suffix in _SKIP_SUFFIXES else None


def _own_output(path: str) -> bool:
    """This tool's own HTML report, recognised by what it says, not by its name."""
    if not path.lower().endswith((".html", ".htm")):
        return False
    try:
        with open(path, "rb") as fh:
            return bool(_OWN_HTML.search(fh.read(4096)))
    except OSError:
        return False


def _walk(root: Path, skipped: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(relative posix path, absolute path) of the candidate files under root, sorted.

    `os.walk` with string paths: at 100,000 files `Path.rglob` plus a
    `resolve()` per file spent ~20 s in pathlib.  Hidden folders are pruned
    (and reported); symlinked folders are not entered (as `rglob` does not either).
    """
    out: list[tuple[str, str]] = []
    base = os.fspath(root)
    for folder, dirs, files in os.walk(base):
        rel_folder = os.path.relpath(folder, base)
        prefix = "" if rel_folder == "." else rel_folder.replace(os.sep, "/") + "/"
        for d in sorted(d for d in dirs if d.startswith(".")):
            skipped.append((prefix + d + "/", "hidden folder"))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            why = _why_not(name)
            if why is None:
                out.append((prefix + name, os.path.join(folder, name)))
            else:
                skipped.append((prefix + name, why))
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


@dataclass
class Discovery:
    """What a run reads, and every file it passed over with the reason."""

    files: list[SourceFile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)


def _selected(rel: str, include: list[str], exclude: list[str]) -> str | None:
    """Why ``--include``/``--exclude`` leave a file out, or None."""
    if include and not any(fnmatch.fnmatch(rel, g) for g in include):
        return "not matched by --include"
    if any(fnmatch.fnmatch(rel, g) for g in exclude):
        return "matched by --exclude"
    return None


def find_reports(paths: list[Path], cwd: Path | None = None, include: list[str] | None = None,
                 exclude: list[str] | None = None) -> Discovery:
    """Every candidate report file, in a stable order (by root, then relative path), and the files skipped.

    A file reached twice (two overlapping paths, a link) is read once; two
    different files that would get one id raise `IdCollision`.  ``include``
    and ``exclude`` are globs over the document id (the relative path).
    """
    cwd = (cwd or Path.cwd()).absolute()
    include, exclude = include or [], exclude or []
    direct = [p for p in paths if p.is_file()]
    direct_root = _direct_root(direct, cwd) if direct else cwd
    found = Discovery()
    seen: set[tuple[int, int]] = set()
    owner: dict[str, Path] = {}
    for given in paths:
        if given.is_dir():
            root = given
            files = _walk(given, found.skipped)
        elif given.is_file():
            root = direct_root
            files = [(given.absolute().relative_to(direct_root).as_posix(), os.fspath(given))]
        else:
            continue
        for rel, path in files:
            why = _selected(rel, include, exclude) or ("written by this tool" if _own_output(path) else None)
            if why is not None:
                found.skipped.append((rel, why))
                continue
            ident = _identity(path)
            if ident is None or ident in seen:
                continue
            seen.add(ident)
            if rel in owner:
                raise IdCollision(f"{path}: would get the document id {rel!r} already given to {owner[rel]}; "
                                  "audit the folders separately or give their common parent")
            owner[rel] = Path(path)
            found.files.append(SourceFile(Path(path), root, rel))
    return found


def discover(paths: list[Path], cwd: Path | None = None) -> list[SourceFile]:
    """The report files under ``paths`` (`find_reports` without the skipped list)."""
    return find_reports(paths, cwd).files

"""Where a finding is in the repository: file path and line, for CI annotations.

Document ids are relative to the root given on the command line (CONTRACT),
but GitHub annotations and code-scanning SARIF must name files relative to the
repository checkout (the working folder in CI).  `repo_path` re-joins a
document's source with the root it came from and makes it relative to the
working folder; documents that are not files here (reports rebuilt from a
corpus index) keep their id's path.

Lines exist only where the canonical text maps back to the file's own lines:
a plain-text file holding one report (HTML, Word and PDF text is extracted,
and a compilation's later parts do not start at line 1).
"""

from __future__ import annotations

import os
from pathlib import Path

from auditor.model import Document


def repo_path(doc: Document, roots: list[str], cwd: Path | None = None) -> tuple[str, bool]:
    """(path for annotations, whether it is a file in the working tree)."""
    cwd = cwd or Path.cwd()
    for root in roots:
        r = Path(root)
        base = r if r.is_dir() else r.parent
        cand = base / doc.source
        if cand.is_file():
            try:
                rel = os.path.relpath(cand.resolve(), cwd.resolve())
            except ValueError:  # another drive (Windows)
                rel = str(cand)
            return Path(rel).as_posix(), True
    return doc.source, False


def line_of(doc: Document, offset: int, raw: tuple[str, list[int]] | None = None) -> int | None:
    """1-based line in the source file of a canonical-text offset, when knowable.

    ``raw`` is the document's raw text and offsets when they are not on the
    document itself (a shelved document: `RunResult.raw_text`)."""
    text, to_raw = raw if raw is not None else (doc.raw, doc.to_raw)
    if doc.format != "txt" or doc.part is not None or not to_raw or offset < 0:
        return None
    raw_at = to_raw[min(offset, len(to_raw) - 1)]
    return text.count("\n", 0, raw_at) + 1


def submitted_first(doc_ids: list[str], new_ids: set[str] | None) -> list[str]:
    """A finding's documents with the submitted ones first (a CI gate locates findings on
    what was submitted: an archived partner may not exist in the repository)."""
    if not new_ids:
        return list(doc_ids)
    return [d for d in doc_ids if d in new_ids] + [d for d in doc_ids if d not in new_ids]

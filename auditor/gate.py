"""`audit check NEW --against FOLDER|INDEX`: the CI gate's two runners.

Both are runners around the audit core (`auditor.core.Plan`) with the
submissions marked (``new_ids``): document rules read only the submissions,
and only findings and pairs touching one are reported (old-vs-old is not the
gate's business).  Against a folder the archive is read and analysed like
the submissions; against an index (`auditor.index.gate`) only the archived
reports that can matter are rebuilt from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from auditor.config import Config
from auditor.core import Plan, RunResult
from auditor.index.gate import GateContext
from auditor.model import Document

Progress = Callable[[str, int, int], None]


class EmptyArchiveError(ValueError):
    """The archive to check against holds no readable report: the gate would check nothing (exit 2)."""


@dataclass
class GateRun:
    """A gate's result, the index context ``--add-on-pass`` needs (index mode only) and the submissions."""

    result: RunResult
    context: GateContext | None
    new_docs: list[Document] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_against_folder(
    paths: list[Path], against: Path, config: Config | None = None, today: date | None = None, progress: Progress | None = None
) -> RunResult:
    """Audit the submissions under ``paths`` against the reports under the folder ``against``."""
    from auditor.pipeline import read_all

    plan = Plan.make(config, None, today)
    seconds = plan.config.max_file_seconds or None
    new_docs = read_all(paths, seconds, progress)
    new_ids = {d.id for d in new_docs}
    old_docs = [d for d in read_all([against], seconds, progress) if d.id not in new_ids]
    if not any(d.error is None for d in old_docs):
        raise EmptyArchiveError(f"{against}: the archive holds no readable report: nothing to check the submissions against")
    docs = new_docs + old_docs
    result = plan.finish(plan.corpus(docs, new_ids), plan.pairs_among(docs), roots=[str(p) for p in paths] + [str(against)])
    result.run_info["against"] = {"folder": str(against), "documents": len(old_docs)}
    return result


def check_against(
    paths: list[Path], against: Path | None, config: Config, today: date | None = None, progress: Progress | None = None
) -> GateRun:
    """Audit ``paths`` alone (``against`` None), or as submissions against a folder or an index."""
    from auditor.api import audit
    from auditor.index import is_index_file
    from auditor.ingest import read_documents

    if against is None:
        result = audit(paths, config, today=today, progress=progress)
        return GateRun(result, None, result.documents)
    if is_index_file(against):
        from auditor.index.gate import check_against_index

        new_docs = read_documents(paths)  # analysed, within the budget, by the index gate
        result, ctx = check_against_index(paths, against, config, today=today, new_docs=new_docs)
        result.run_info["against"] = ctx.as_dict()
        return GateRun(result, ctx, new_docs, list(ctx.notes))
    result = check_against_folder(paths, against, config, today, progress)
    return GateRun(result, None, [d for d in result.documents if result.new_ids and d.id in result.new_ids])

"""The Python API: audit paths or documents and get findings back.

    from auditor import audit
    result = audit(["seeds/"])
    result.frame()            # one row per finding (pandas)
    result.payload()          # the findings.json dict

The CLI is a thin layer over this module.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from auditor.config import Config
from auditor.core import Plan, RunResult, select_rules
from auditor.engine.rules import Rule
from auditor.model import Document
from auditor.pipeline import analyse

__all__ = ["Plan", "RunResult", "audit", "audit_documents", "select_rules"]

#: ``progress(what, done, total)``, called as files are read (`auditor.report.progress`).
Progress = Callable[[str, int, int], None]


def audit_documents(
    docs: list[Document],
    config: Config | None = None,
    rules: list[Rule] | None = None,
    today: date | None = None,
    roots: list[str] | None = None,
    new_ids: set[str] | None = None,
) -> RunResult:
    """Audit documents already read (`auditor.ingest.read_documents`) as one corpus, in this process.

    ``new_ids`` makes it a CI gate: the other documents are the archive, and
    only findings and pairs touching a submission are reported.
    """
    plan = Plan.make(config, rules, today)
    for d in docs:
        analyse(d)
    return plan.finish(plan.corpus(docs, new_ids), plan.pairs_among(docs), roots=roots or [])


def audit(
    paths: Sequence[str | Path] | str | Path,
    config: Config | None = None,
    rules: list[Rule] | None = None,
    today: date | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Audit every report found under the paths as one corpus.

    ``jobs`` worker processes share the per-document work; ``engine="dask"``
    runs it on a Dask cluster (``scheduler`` address, or a local one).  The
    findings do not depend on either (`auditor.scale`); ``result.timings``
    holds the seconds per stage.
    """
    from auditor.scale.runner import audit_paths

    if isinstance(paths, (str, Path)):
        paths = [paths]  # audit("seeds/") means one folder, not its characters
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    return audit_paths(paths, Plan.make(config, rules, today), jobs=jobs, engine=engine, scheduler=scheduler, progress=progress)

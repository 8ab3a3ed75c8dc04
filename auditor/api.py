"""The Python API: audit paths or documents and get findings back.

    from auditor import audit
    result = audit(["seeds/"])
    result.frame()            # one row per finding (pandas)
    result.payload()          # the findings.json dict

The CLI is a thin layer over this module.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from auditor import __version__
from auditor.config import Config
from auditor.engine.corpus import Corpus
from auditor.engine.rules import Rule, load_rules
from auditor.engine.selection import choose, validate
from auditor.model import Document, Finding, Pair, Severity
from auditor.pipeline import analyse, build_corpus, run_rules
from auditor.scale.timing import Timings


@dataclass
class RunResult:
    documents: list[Document]
    findings: list[Finding]
    pairs: list[Pair]
    rules: list[Rule]
    roots: list[str]
    started: str
    config: dict[str, Any] = field(default_factory=dict)
    fail_on: str = "error"
    run_info: dict[str, Any] = field(default_factory=dict)  # extra `run` keys: baseline, index (CI gate)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files passed over: (path, why)
    new_ids: set[str] | None = None  # CI gate: the submissions (the rest is the archive they were checked against)
    timings: Timings | None = None  # seconds per stage (`audit run --timings`); the writers add theirs
    stale_baseline: list[dict[str, Any]] = field(default_factory=list)  # baseline entries matching no finding
    expired_baseline: list[dict[str, Any]] = field(default_factory=list)  # suppressions past their date: they count again

    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            c[f.severity.value] += 1
        return c

    @property
    def failed(self) -> bool:
        if self.fail_on == "never":
            return False
        gate = Severity(self.fail_on).rank
        return any(f.severity.rank >= gate for f in self.findings if f.status == "new")

    def payload(self) -> dict[str, Any]:
        """The findings.json document (CONTRACT.md, schema_version 1)."""
        return {
            "schema_version": 1,
            "tool": {"name": "auditor", "version": __version__},
            "run": {"started": self.started, "roots": self.roots, "rules": len(self.rules), "config": self.config}
            | ({"skipped": [{"path": p, "why": w} for p, w in self.skipped]} if self.skipped else {})
            | self.run_info,
            "documents": [d.summary() for d in self.documents],
            "findings": [
                f.as_dict() | {"status": f.status} | ({"reason": f.reason} if f.reason else {})
                for f in self.findings
            ],
            "pairs": [p.as_dict() for p in self.pairs],
            "summary": {"documents": len(self.documents), "findings": self.counts()},
        }

    def frame(self):
        """Findings as a pandas DataFrame, one row per finding."""
        import pandas as pd

        rows = []
        for f in self.findings:
            d = f.as_dict()
            rows.append(
                {
                    "id": d["id"],
                    "rule": d["rule"],
                    "category": d["category"],
                    "severity": d["severity"],
                    "documents": ";".join(d["documents"]),
                    "message": d["message"],
                    "evidence": " … ".join(e["text"] for e in d["evidence"]),
                    "status": f.status,
                }
            )
        return pd.DataFrame(rows, columns=["id", "rule", "category", "severity", "documents", "message", "evidence", "status"])


def select_rules(rules: list[Rule], config: Config) -> list[Rule]:
    """The rules the configuration selects, with its severities; a selector naming
    no rule, or an empty selection, raises `SelectionError` (exit 2 in the CLI)."""
    validate(rules, config.select, config.ignore, config.severity, config.per_path_ignores)
    chosen = choose(rules, config.select, config.ignore)
    overrides = {k.upper(): v for k, v in config.severity.items()}
    for r in chosen:
        if r.id in overrides:
            r.severity = Severity(overrides[r.id])
    return chosen


def _finding_matches(f: Finding, selector: str) -> bool:
    s = selector.strip()
    return f.rule == s.upper() or f.rule.startswith(s.upper()) or f.category == s.lower()


def _per_path_filter(findings: list[Finding], config: Config) -> list[Finding]:
    if not config.per_path_ignores:
        return findings
    out = []
    for f in findings:
        drop = False
        for glob, sel in config.per_path_ignores.items():
            if all(fnmatch.fnmatch(d.split("#")[0], glob) for d in f.documents) and any(_finding_matches(f, s) for s in sel):
                drop = True
        if not drop:
            out.append(f)
    return out


def prepare_rules(config: Config, rules: list[Rule] | None, today: date | None) -> list[Rule]:
    """The rules a run uses: loaded (unless given), selected by the config, given run-wide options."""
    all_rules = rules if rules is not None else load_rules(Path(config.rules_dir) if config.rules_dir else None)
    chosen = select_rules(all_rules, config)
    for r in chosen:
        r.options = {"today": today or date.today(), "deadlines": config.deadlines}
    return chosen


def audit_documents(
    docs: list[Document],
    config: Config | None = None,
    rules: list[Rule] | None = None,
    today: date | None = None,
    roots: list[str] | None = None,
    new_ids: set[str] | None = None,
) -> RunResult:
    config = config or Config()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    chosen = prepare_rules(config, rules, today)
    for d in docs:
        analyse(d)
    corpus: Corpus = build_corpus(docs, today=today, dedup=config.dedup_params(), new_ids=new_ids)
    findings = _per_path_filter(run_rules(chosen, corpus), config)
    return RunResult(
        documents=docs,
        findings=findings,
        pairs=corpus.pairs,
        rules=chosen,
        roots=roots or [],
        started=started,
        config=config.model_dump(by_alias=True, exclude_defaults=True),
        fail_on=config.fail_on,
        new_ids=new_ids,
    )


def audit(
    paths: list[str | Path] | str | Path,
    config: Config | None = None,
    rules: list[Rule] | None = None,
    today: date | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress=None,
) -> RunResult:
    """Audit every report found under the paths as one corpus.

    ``jobs`` worker processes share the per-document work; ``engine="dask"``
    runs it on a Dask cluster (``scheduler`` address, or a local one).  The
    findings do not depend on either (`auditor.scale`); ``result.timings``
    holds the seconds per stage.  ``progress(what, done, total)`` is called as
    files are read (`auditor.report.progress`).
    """
    from auditor.scale import audit_paths

    if isinstance(paths, (str, Path)):
        paths = [paths]  # audit("seeds/") means one folder, not its characters
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    return audit_paths(paths, config, rules, today, jobs=jobs, engine=engine, scheduler=scheduler, progress=progress)

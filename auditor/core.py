"""The audit core: every run is assembled here, whatever feeds it.

A run is always the same sequence once its documents are analysed:

1. the rules the configuration selects, with the run-wide options (`Plan`);
2. the corpus of documents, with the submissions marked when it is a CI gate;
3. near-duplicate pairs among them, each classified by relation, and only
   those touching a submission kept in a gate;
4. every rule over the corpus (document-scope rules may have run earlier,
   where the document was analysed: a worker process), the findings filtered
   to the submissions and by the per-path ignores, sorted, one per id;
5. a `RunResult`: what the writers, the baseline and the API read.

What differs between runs is only where documents and pairs come from, so
each caller is a *runner* around `Plan.finish` (sqlfluff's ``Linter`` and its
runners are the shape):

* `auditor.api.audit_documents` — documents in memory, pairs found here;
* `auditor.scale.runner.audit_paths` — ``--jobs N`` and ``--engine dask``:
  documents analysed and document rules run on workers, pairs found by the
  distributed dedup stages;
* `auditor.gate.check_against_folder` — ``check --against FOLDER``;
* `auditor.index.gate.check_against_index` — ``check --against INDEX``: the
  submissions plus their candidates from the index, pairs scored with the
  index's frozen stop sets.

A fix to selection, filtering or ordering is made here once and holds for all.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.checks._series import links
from auditor.config import Config, FailOn
from auditor.dedup import DedupParams, find_pairs
from auditor.engine.corpus import Corpus
from auditor.engine.rules import Rule, load_rules
from auditor.engine.selection import choose, validate
from auditor.model import Document, Finding, Pair, Severity
from auditor.version import __version__

if TYPE_CHECKING:
    import pandas as pd

    from auditor.scale.store import DocumentStore
    from auditor.scale.timing import Timings

#: Near-duplicate pairs among a corpus's readable documents: the one step whose
#: source differs between runners (found here, by workers, or with an index's stop sets).
PairSource = Callable[[list[Document]], list[Pair]]


@dataclass
class RunResult:
    """Everything a run found, and what it was run with (findings.json, HTML, SARIF, the API)."""

    documents: list[Document]
    findings: list[Finding]
    pairs: list[Pair]
    rules: list[Rule]
    roots: list[str]
    started: str
    config: dict[str, Any] = field(default_factory=dict)
    fail_on: FailOn = "error"
    run_info: dict[str, Any] = field(default_factory=dict)  # extra `run` keys: baseline, against (CI gate)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files passed over: (path, why)
    new_ids: set[str] | None = None  # CI gate: the submissions (the rest is the archive they were checked against)
    timings: Timings | None = None  # seconds per stage (`audit run --timings`); the writers add theirs
    stale_baseline: list[dict[str, Any]] = field(default_factory=list)  # baseline entries matching no finding
    expired_baseline: list[dict[str, Any]] = field(default_factory=list)  # suppressions past their date: they count again
    store: DocumentStore | None = None  # the shelved documents' bulky fields and raw texts (`auditor.scale.store`)

    def full(self, doc: Document) -> Document:
        """The whole document: a big run hands back shelved documents (``doc.shelved``) whose
        quantities, sections and tables stay in its store until asked for here."""
        return self.store.load(doc) if self.store is not None else doc

    def raw_text(self, doc: Document) -> tuple[str, list[int]]:
        """A document's raw text and canonical-to-raw offsets (for line numbers), read again when shelved."""
        return self.store.raw_text(doc) if self.store is not None else (doc.raw, doc.to_raw)

    def counts(self) -> dict[str, int]:
        c = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            c[f.severity.value] += 1
        return c

    @property
    def failed(self) -> bool:
        """Whether a new finding reaches ``fail_on`` (exit 1); baselined ones never fail a run."""
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
            "findings": [f.as_dict() | {"status": f.status} | ({"reason": f.reason} if f.reason else {}) for f in self.findings],
            "pairs": [p.as_dict() for p in self.pairs],
            "summary": {"documents": len(self.documents), "findings": self.counts()},
        }

    def frame(self) -> pd.DataFrame:
        """Findings as a pandas DataFrame, one row per finding."""
        import pandas as pd

        columns = ["id", "rule", "category", "severity", "documents", "message", "evidence", "status"]
        rows = [
            {
                "id": f.id,
                "rule": f.rule,
                "category": f.category,
                "severity": f.severity.value,
                "documents": ";".join(f.documents),
                "message": f.message,
                "evidence": " … ".join(e.text for e in f.evidence),
                "status": f.status,
            }
            for f in self.findings
        ]
        return pd.DataFrame(rows, columns=columns)


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


@dataclass
class Plan:
    """What a run checks with: the configuration, the chosen rules, the date it judges deadlines by."""

    config: Config
    rules: list[Rule]
    today: date
    started: str

    @classmethod
    def make(cls, config: Config | None = None, rules: list[Rule] | None = None, today: date | None = None) -> Plan:
        """Load the rules (unless given), select them by the config and give them the run-wide options."""
        config = config or Config()
        today = today or date.today()
        started = datetime.now(UTC).isoformat(timespec="seconds")
        all_rules = rules if rules is not None else load_rules(Path(config.rules_dir) if config.rules_dir else None)
        chosen = select_rules(all_rules, config)
        for r in chosen:
            r.options = {"today": today, "deadlines": config.deadlines}
        return cls(config, chosen, today, started)

    @property
    def dedup(self) -> DedupParams:
        return self.config.dedup_params()

    @property
    def document_rules(self) -> list[Rule]:
        """The rules that look at one document at a time (they may run where it is analysed)."""
        return [r for r in self.rules if r.scope in ("document", "ingest")]

    def corpus(self, docs: list[Document], new_ids: set[str] | None = None, store: DocumentStore | None = None) -> Corpus:
        """The corpus of a run; ``store`` holds the bulky fields of shelved documents (`auditor.scale.store`)."""
        return Corpus(docs, today=self.today, new_ids=new_ids, store=store)

    def pairs_among(self, docs: list[Document]) -> list[Pair]:
        """The default `PairSource`: near-duplicate pairs found in memory with this corpus's own stop sets."""
        readable = [d for d in docs if d.error is None and d.text]
        return find_pairs([(d.id, d.text) for d in readable], self.dedup)

    def series(self, corpus: Corpus) -> list[Finding]:
        """The cross-year rules' findings (they need no pairs: a runner may compute them early)."""
        return series_findings(self.rules, corpus)

    def finish(
        self,
        corpus: Corpus,
        pairs: list[Pair],
        *,
        roots: list[str],
        doc_findings: Iterable[list[Finding]] | None = None,
        series: list[Finding] | None = None,
        skipped: list[tuple[str, str]] | None = None,
    ) -> RunResult:
        """Steps 3–5 of the module docstring: the run's result from its corpus and pairs."""
        attach_pairs(corpus, pairs)
        findings = per_path_filter(run_rules(self.rules, corpus, doc_findings, series), self.config)
        documents = corpus.documents
        if corpus.new_ids is not None:  # a gate shows the submissions and what they were found to touch
            involved = corpus.new_ids | {d for f in findings for d in f.documents} | {x for p in corpus.pairs for x in (p.a, p.b)}
            documents = [d for d in documents if d.id in involved]
        return RunResult(
            documents=documents,
            findings=findings,
            pairs=corpus.pairs,
            rules=self.rules,
            roots=roots,
            started=self.started,
            config=self.config.model_dump(by_alias=True, exclude_defaults=True),
            fail_on=self.config.fail_on,
            skipped=skipped or [],
            new_ids=corpus.new_ids,
            store=corpus.store,
        )


def attach_pairs(corpus: Corpus, pairs: list[Pair]) -> None:
    """Give the corpus its near-duplicate pairs, each classified by relation; a gate keeps those touching a submission."""
    for p in pairs:
        p.relation = corpus.relation(corpus.by_id[p.a], corpus.by_id[p.b])
    if corpus.new_ids is not None:
        pairs = [p for p in pairs if p.a in corpus.new_ids or p.b in corpus.new_ids]
    corpus.pairs = pairs


def document_findings(rules: Iterable[Rule], doc: Document) -> list[Finding]:
    """What the document- and ingest-scope rules find in one document, in rule order.

    A function of the document alone, so it can run where the document was
    analysed (a worker process) instead of after the whole corpus is read.
    """
    found: list[Finding] = []
    for rule in rules:
        if rule.scope == ("document" if doc.error is None else "ingest"):
            found.extend(rule.kind.on_document(rule, doc))
    return found


def series_findings(rules: Iterable[Rule], corpus: Corpus) -> list[Finding]:
    """What the cross-year (per-link) rules find, link by link: each pair of an
    agency's consecutive reports is read once for all of them.  They do not
    look at near-duplicate pairs, so they may run before those are known."""
    series = [r for r in rules if r.scope == "corpus" and r.kind.per_link is not None]
    found: list[Finding] = []
    for link in links(corpus) if series else ():
        for rule in series:
            per_link = rule.kind.per_link
            assert per_link is not None
            found.extend(per_link(rule, link))
    return found


def run_rules(
    rules: Iterable[Rule],
    corpus: Corpus,
    doc_findings: Iterable[list[Finding]] | None = None,
    series: list[Finding] | None = None,
) -> list[Finding]:
    """Every rule's findings, sorted by document order and position, one per id.

    ``doc_findings`` are the document- and ingest-scope findings already
    computed per document (`document_findings`), ``series`` the cross-year
    rules' (`series_findings`); those rules are then not run again.  In a CI
    gate (``corpus.new_ids``) the document rules read only the submissions —
    an archived report was checked when it was archived — and only findings
    touching a submission are kept.  The result is the same whichever way it
    was computed: the sort below fixes the order.
    """
    rules = list(rules)
    new_ids = corpus.new_ids
    own = [d for d in corpus.documents if new_ids is None or d.id in new_ids]
    findings: list[Finding] = []
    if doc_findings is not None:
        for found in doc_findings:
            findings.extend(found)
    else:
        for doc in own:
            findings.extend(document_findings(rules, doc))
    findings.extend(series_findings(rules, corpus) if series is None else series)
    for rule in rules:
        if rule.scope == "corpus" and rule.kind.per_link is None:
            findings.extend(rule.kind.on_corpus(rule, corpus))
    if new_ids is not None:
        findings = [f for f in findings if any(d in new_ids for d in f.documents)]
    return sorted_unique(findings, corpus.documents)


def sorted_unique(findings: list[Finding], documents: list[Document]) -> list[Finding]:
    """Findings in document order, then position, rule and id; one per id (a rule may find a span twice)."""
    order = {d.id: i for i, d in enumerate(documents)}

    def key(f: Finding) -> tuple[int, int, str, str]:
        first = min((order.get(d, 1 << 30) for d in f.documents), default=0)
        return (first, f.evidence[0].start if f.evidence else -1, f.rule, f.id)

    unique: dict[str, Finding] = {}
    for f in sorted(findings, key=key):
        unique.setdefault(f.id, f)
    return list(unique.values())


def _matches(f: Finding, selector: str) -> bool:
    s = selector.strip()
    return f.rule == s.upper() or f.rule.startswith(s.upper()) or f.category == s.lower()


def per_path_filter(findings: list[Finding], config: Config) -> list[Finding]:
    """Drop the findings the configuration's per-path ignores cover (every document of the finding under the glob)."""
    if not config.per_path_ignores:
        return findings
    out = []
    for f in findings:
        drop = any(
            all(fnmatch.fnmatch(d.split("#")[0], glob) for d in f.documents) and any(_matches(f, s) for s in sel)
            for glob, sel in config.per_path_ignores.items()
        )
        if not drop:
            out.append(f)
    return out

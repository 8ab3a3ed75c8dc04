"""The pipeline, stage by stage: ingest → normalise → extract → index/align → check.

Each stage is a plain function over the model so the CLI, the Python API, the
rule-example tests and the CI gate all run the very same code.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from auditor.checks._series import links
from auditor.dedup import DedupParams, find_pairs
from auditor.engine.corpus import Corpus
from auditor.engine.rules import Rule
from auditor.extract.facts import extract_facts
from auditor.extract.meta import extract_meta
from auditor.extract.sections import extract_sections
from auditor.extract.tables import extract_tables
from auditor.ingest import error_doc, read_source
from auditor.ingest.budget import BudgetExceeded, file_budget, over_budget_reason
from auditor.ingest.discover import SourceFile, discover
from auditor.model import Document, Finding


def analyse(doc: Document) -> Document:
    """Extract metadata, sections and facts in place (no-op for unreadable files)."""
    if doc.error is None:
        extract_meta(doc)
        extract_sections(doc)
        extract_facts(doc)
        extract_tables(doc)
    return doc


def read_and_analyse(src: SourceFile, seconds: float | None) -> list[Document]:
    """One file's documents, read and analysed within its time budget (`auditor.ingest.budget`).

    A file over budget becomes one unreadable document saying so: its
    ``ingest-error`` finding is the report, and the rest of the corpus is
    audited as usual.
    """
    try:
        with file_budget(seconds):
            return [analyse(d) for d in read_source(src)]
    except BudgetExceeded:
        fmt = src.path.suffix.lower().lstrip(".") or "txt"
        return [error_doc(src, fmt, over_budget_reason(seconds or 0))]


def analyse_within_budget(doc: Document, seconds: float | None) -> Document:
    """`analyse`, or the document marked unreadable when its analysis runs past the budget."""
    try:
        with file_budget(seconds):
            return analyse(doc)
    except BudgetExceeded:
        doc.error = over_budget_reason(seconds or 0)
        return doc


def read_all(paths, seconds: float | None, progress=None) -> list[Document]:
    """Every report under ``paths``, read and analysed, each file within its budget;
    ``progress("reading files", done, total)`` after each file."""
    sources = discover(list(paths))
    docs: list[Document] = []
    for done, src in enumerate(sources, 1):
        docs.extend(read_and_analyse(src, seconds))
        if progress is not None:
            progress("reading files", done, len(sources))
    return docs


def index_and_align(docs: list[Document], params: DedupParams | None = None) -> list:
    """Near-duplicate pairs among readable documents, classified by relation."""
    readable = [d for d in docs if d.error is None and d.text]
    pairs = find_pairs([(d.id, d.text) for d in readable], params)
    return pairs


def build_corpus(
    docs: list[Document],
    today: date | None = None,
    dedup: DedupParams | None = None,
    new_ids: set[str] | None = None,
    pairs: list | None = None,
) -> Corpus:
    """The corpus with its near-duplicate pairs (``pairs`` when already computed, e.g. by `auditor.scale`)."""
    corpus = Corpus(docs, today=today or date.today(), new_ids=new_ids)
    attach_pairs(corpus, index_and_align(docs, dedup) if pairs is None else pairs)
    return corpus


def attach_pairs(corpus: Corpus, pairs: list) -> None:
    """Give the corpus its near-duplicate pairs, each classified by relation."""
    for p in pairs:
        p.relation = corpus.relation(corpus.by_id[p.a], corpus.by_id[p.b])
    corpus.pairs = pairs


def document_findings(rules: Iterable[Rule], doc: Document) -> list[Finding]:
    """What the document- and ingest-scope rules find in one document, in rule order.

    A function of the document alone, so it can run where the document was
    analysed (a worker process) instead of after the whole corpus is read.
    """
    found: list[Finding] = []
    for rule in rules:
        if rule.scope == ("document" if doc.error is None else "ingest"):
            found.extend(rule.kind.run(rule, doc))
    return found


def series_findings(rules: Iterable[Rule], corpus: Corpus) -> list[Finding]:
    """What the cross-year (per-link) rules find, link by link: each pair of an
    agency's consecutive reports is read once for all of them.  They do not
    look at near-duplicate pairs, so they may run before those are known."""
    series = [r for r in rules if r.scope == "corpus" and r.kind.per_link is not None]
    found: list[Finding] = []
    for link in links(corpus) if series else ():
        for rule in series:
            found.extend(rule.kind.per_link(rule, link))
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
    rules' (`series_findings`); those rules are then not run again.  The
    result is the same either way: the sort below fixes the order.
    """
    findings: list[Finding] = []
    readable = [d for d in corpus.documents if d.error is None]
    broken = [d for d in corpus.documents if d.error is not None]
    if doc_findings is not None:
        for found in doc_findings:
            findings.extend(found)
    rules = list(rules)
    findings.extend(series_findings(rules, corpus) if series is None else series)
    for rule in rules:
        if doc_findings is not None and rule.scope in ("document", "ingest"):
            continue
        if rule.kind.per_link is not None and rule.scope == "corpus":
            continue  # run above
        if rule.scope == "document":
            for doc in readable:
                findings.extend(rule.kind.run(rule, doc))
        elif rule.scope == "ingest":
            for doc in broken:
                findings.extend(rule.kind.run(rule, doc))
        else:
            findings.extend(rule.kind.run(rule, corpus))
    if corpus.new_ids is not None:
        findings = [f for f in findings if any(d in corpus.new_ids for d in f.documents)]
    order = {d.id: i for i, d in enumerate(corpus.documents)}
    findings.sort(key=lambda f: (min((order.get(d, 1 << 30) for d in f.documents), default=0), f.evidence[0].start if f.evidence else -1, f.rule, f.id))
    # one finding per id: two rules never produce the same id, a rule may find a span twice
    unique: dict[str, Finding] = {}
    for f in findings:
        unique.setdefault(f.id, f)
    return list(unique.values())

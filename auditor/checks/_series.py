"""Series of one agency's reports in consecutive years, for the cross-year checks.

Reports are grouped by `agency_key` (spelling-insensitive: spaces, brackets,
人民政府/政府).  Groups are then joined when one key is the tail of another
("乙区审计局" and "甲市乙区审计局"): the same organ named with and
without its city.  A link whose two reports spell the agency differently is
marked, and the checks report it at `info` only — after a 机构改革 or with a
mis-read name the figures may legitimately not carry over.

When a year holds several documents of the agency (a report and its 工作总结),
the annual report with the most recognised table cells represents the year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from auditor.engine.corpus import Corpus
from auditor.extract.meta import agency_key
from auditor.model import Document

_KIND_RANK = {"annual-report": 0, "work-summary": 1, "other": 2}


@dataclass
class Link:
    """Two consecutive years of one agency, each report with its tables; `facts` loads its quantities."""

    later: Document
    earlier: Document
    same_name: bool  # both reports spell the agency the same way
    corpus: Corpus | None = None  # where a shelved report's facts are loaded from

    def facts(self, doc: Document) -> Document:
        """``doc`` (``later`` or ``earlier``) with its quantities, breakdowns and shares: loaded only
        by the checks that read them, and only for the links they get that far in."""
        return self.corpus.full(doc, "facts") if self.corpus is not None else doc

    @property
    def severity(self) -> str | None:
        """None (the rule's own severity) for a clean link, 'info' when the name differs."""
        return None if self.same_name else "info"


@lru_cache(maxsize=65536)
def _spelling(name: str) -> str:
    return re.sub(r"[\s()（）·]", "", name)


@lru_cache(maxsize=65536)
def _key(name: str) -> str:
    return agency_key(name)


def _groups(docs: list[Document]) -> list[list[Document]]:
    by_key: dict[str, list[Document]] = {}
    for d in docs:
        if d.error is None and d.agency and d.year is not None:
            by_key.setdefault(_key(d.agency), []).append(d)
    keys = sorted(by_key, key=lambda k: (len(k), k))
    tails: dict[str, list[str]] = {}  # a key -> the longer keys ending with it (tails of ≥ 4 chars)
    for k in keys:
        for i in range(1, len(k) - 3):
            if k[i:] in by_key:
                tails.setdefault(k[i:], []).append(k)
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for short in reversed(keys):  # longest first, so a chain of tails ends at the longest name
        longer = tails.get(short, [])
        if len({root(k) for k in longer}) == 1:  # one organ only: join; several cities: ambiguous
            parent[short] = root(longer[0])
    groups: dict[str, list[Document]] = {}
    for k, ds in by_key.items():
        groups.setdefault(root(k), []).extend(ds)
    return [groups[k] for k in sorted(groups)]


def _representative(corpus: Corpus, docs: list[Document]) -> Document:
    """The report that stands for its year: ranked on kind and recognised table cells (read from the store)."""
    if len(docs) == 1:
        return docs[0]
    cells_of = {d.id: _cells(corpus.full(d, "tables")) for d in docs}

    def rank(d: Document) -> tuple[int, int, str]:
        return (_KIND_RANK.get(d.kind, 3), -cells_of[d.id], d.id)

    return sorted(docs, key=rank)[0]


def _cells(d: Document) -> int:
    return sum(t.n_values for t in d.std_tables.values()) if d.std_tables else 0


def links(corpus: Corpus) -> Iterator[Link]:
    """Every (year N, year N−1) pair of one agency, later report first, with the two
    reports' tables (every table check reads them; facts on request: `Link.facts`).

    Which reports are linked is worked out once per corpus and remembered with
    the documents as they are (light, in a big run); their tables are
    loaded link by link (`Corpus.full`) and let go after it, so a run of
    100,000 reports never holds every linked report whole at once.
    """
    for later, earlier, same_name in _pairs(corpus):
        yield Link(corpus.full(later, "tables"), corpus.full(earlier, "tables"), same_name, corpus)


def _pairs(corpus: Corpus) -> list[tuple[Document, Document, bool]]:
    cached = corpus.memo.get("series_links")
    if cached is not None and cached[0] == len(corpus.documents):
        return cached[1]
    out: list[tuple[Document, Document, bool]] = []
    for group in _groups(corpus.documents):
        by_year: dict[int, list[Document]] = {}
        for d in group:
            by_year.setdefault(d.year, []).append(d)  # type: ignore[arg-type]
        for year in sorted(by_year):
            if year - 1 in by_year:
                later, earlier = _representative(corpus, by_year[year]), _representative(corpus, by_year[year - 1])
                out.append((later, earlier, _spelling(later.agency) == _spelling(earlier.agency)))
    corpus.memo["series_links"] = (len(corpus.documents), out)
    return out

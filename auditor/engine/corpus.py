"""The corpus a run audits: documents, verified near-duplicate pairs, series.

Corpus-scope checks (contradictions, near-duplicates, cross-year links) look
documents up by agency and year here instead of scanning all pairs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from auditor.extract.meta import agency_key
from auditor.extract.organ_names import same_organ
from auditor.model import Document, Pair, PairRelation

if TYPE_CHECKING:
    from auditor.scale.store import DocumentStore, Group


@dataclass
class Corpus:
    documents: list[Document]
    pairs: list[Pair] = field(default_factory=list)
    today: date = field(default_factory=date.today)
    new_ids: set[str] | None = None  # CI gate: only findings touching these documents count
    store: DocumentStore | None = None  # where shelved documents keep their bulky fields (`auditor.scale.store`)
    memo: dict[str, Any] = field(default_factory=dict)  # what corpus checks derive once and share (series links)

    def __post_init__(self) -> None:
        self.by_id = {d.id: d for d in self.documents}
        self.by_agency: dict[str, list[Document]] = defaultdict(list)
        for d in self.documents:
            if d.agency and d.error is None:
                self.by_agency[agency_key(d.agency)].append(d)

    def full(self, doc: Document, *groups: Group) -> Document:
        """The document with its bulky fields (``groups``: facts, sections, tables; default all).

        Corpus checks read quantities, sections and tables through here: a
        big run keeps them shelved (`auditor.scale.store`) and hands the
        checks light documents; in memory this is the document itself.
        """
        return self.store.load(doc, *groups) if self.store is not None else doc

    def same_agency_year(self) -> list[list[Document]]:
        """Groups of two or more readable documents of one agency and one year."""
        groups: dict[tuple[str, int], list[Document]] = defaultdict(list)
        for key, docs in self.by_agency.items():
            for d in docs:
                if d.year is not None:
                    groups[(key, d.year)].append(d)
        return [g for _, g in sorted(groups.items()) if len(g) > 1]

    def relation(self, a: Document, b: Document) -> PairRelation:
        if a.agency and b.agency and same_organ(agency_key(a.agency), agency_key(b.agency)):
            return "same-agency-same-year" if a.year == b.year else "same-agency-other-year"
        return "other-agency"

"""Analysed documents kept compact between the per-document and the corpus stages.

An analysed report weighs ~70 KB in Python objects (its quantities, section
tree, recognised tables, and the raw text with an int per character mapping
it back); 100,000 of them would not fit in 4 GB.  After the per-document
rules have run, the corpus stage needs only the metadata and the canonical
text of most documents, and the bulky parts of a few (the quantities of an
agency's two documents of one year, the tables of a series, the sections of
a copied pair, the raw text of a finding's file for a SARIF line number).

So a worker *shelves* each analysed document (`shelve`): it sends back the
document with its bulky fields emptied and the raw text dropped, and a
`Shelf` holding those fields as compressed pickles (~4 KB a report) and where
the file is.  The main process keeps the shelves in a `DocumentStore`; a
corpus check that needs a bulky field asks for it explicitly,
``corpus.full(doc, "facts")``, and gets a complete `Document` back (the last
few thousand thawed groups are cached, so a check walking one agency's
series pays once).  Nothing about a `Document` changes behind a reader's
back: a shelved document is an ordinary one whose lists are empty, and
``corpus.full`` is the one place they are filled.
"""

from __future__ import annotations

import io
import pickle
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any, Literal

from auditor.model import Document

Group = Literal["facts", "sections", "tables"]

#: The bulky fields, by the group they are shelved and thawed in.
GROUPS: dict[Group, tuple[str, ...]] = {
    "facts": ("quantities", "breakdowns", "percents", "part_counts"),
    "sections": ("sections",),
    "tables": ("tables", "std_tables"),
}
_EMPTY: dict[str, Any] = {"quantities": [], "breakdowns": [], "percents": [], "part_counts": [], "sections": [], "tables": [], "std_tables": {}}
CACHE_SIZE = 2048  # thawed groups kept: a corpus check walks a series twice (links, then cells)


@dataclass(frozen=True)
class Shelf:
    """One document's bulky fields, compressed, and the file its raw text can be read again from."""

    blobs: dict[Group, bytes]  # group -> zlib(pickle({field: value}))
    path: str | None = None
    root: str | None = None


class _CompactPickler(pickle.Pickler):
    """Pickles the model's small value classes as constructor calls (``Cls(*fields)``).

    Thawing is what the cross-year checks wait for, and the generic object
    protocol (a dict of state per cell, quantity and section) makes it about a
    third slower and the blobs bigger.  The override is this pickler's own: how
    the classes pickle anywhere else in the process is left alone, and the
    blobs load with plain `pickle.loads`.
    """

    def reducer_override(self, obj: Any) -> Any:
        # called for every object pickled: one dict lookup, and the fields read in C
        fields_of = _compact_classes().get(type(obj))
        if fields_of is None:
            return NotImplemented
        return type(obj), fields_of(obj)


@cache
def _compact_classes() -> dict[type, Callable[[Any], tuple[Any, ...]]]:
    """The model value classes whose state is exactly their constructor fields, each with a reader of those fields."""
    from auditor.extract.tables.model import CellValue, LabelSpan
    from auditor.model import Breakdown, Cell, PartCount, PercentStatement, Quantity, Section

    classes: tuple[type, ...] = (CellValue, LabelSpan, Quantity, Breakdown, PercentStatement, PartCount, Section, Cell)
    out: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
    for cls in classes:
        names = [f.name for f in fields(cls) if f.init]
        # (attrgetter of one name returns the value, not a 1-tuple: every class here has several fields)
        assert len(names) > 1, cls
        out[cls] = attrgetter(*names)
    return out


def _dumps(values: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    _CompactPickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(values)
    return buf.getvalue()


def shelve(doc: Document, path: Path | str | None = None, root: Path | str | None = None) -> tuple[Document, Shelf]:
    """The light document (bulky fields empty, no raw text) and the shelf holding the rest.

    ``path`` and ``root`` locate the file the document was read from, so the
    raw text can be read again on demand; without them there is no raw text
    (no line numbers in SARIF, as for a report rebuilt from an index).
    """
    blobs = {}
    for group, names in GROUPS.items():
        values = {n: getattr(doc, n) for n in names}
        if any(values.values()):
            blobs[group] = zlib.compress(_dumps(values), 1)
    light = replace(doc, raw="", to_raw=[], shelved=True, **{k: type(v)() for k, v in _EMPTY.items()})
    where = (str(path), str(root)) if path is not None and root is not None else (None, None)
    return light, Shelf(blobs, *where)


class DocumentStore:
    """The shelves of a corpus's documents, by document id, with a small cache of thawed groups."""

    def __init__(self, cache_size: int = CACHE_SIZE) -> None:
        self._shelves: dict[str, Shelf] = {}
        self._thawed: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
        self._cache_size = cache_size

    def add(self, doc_id: str, shelf: Shelf) -> None:
        self._shelves[doc_id] = shelf

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._shelves

    def __len__(self) -> int:
        return len(self._shelves)

    def load(self, doc: Document, *groups: Group) -> Document:
        """``doc`` with the bulky fields of ``groups`` (default: all) thawed: a new `Document`."""
        shelf = self._shelves.get(doc.id)
        if shelf is None:
            return doc
        values: dict[str, Any] = {}
        for group in groups or tuple(GROUPS):
            values.update(self._thaw(doc.id, group, shelf))
        return replace(doc, shelved=bool(groups) and set(groups) != set(GROUPS), **values)

    def raw_text(self, doc: Document) -> tuple[str, list[int]]:
        """The document's raw text and its canonical-to-raw offsets, read again from its file ("" when unknown)."""
        shelf = self._shelves.get(doc.id)
        if doc.raw or shelf is None or shelf.path is None or shelf.root is None:
            return doc.raw, doc.to_raw
        key = (doc.id, "raw")
        hit = self._thawed.get(key)
        if hit is None:
            hit = self._remember(key, _reread(shelf.path, shelf.root, doc.id))
        return hit["raw"], hit["to_raw"]

    def _thaw(self, doc_id: str, group: Group, shelf: Shelf) -> dict[str, Any]:
        key = (doc_id, group)
        hit = self._thawed.get(key)
        if hit is not None:
            self._thawed.move_to_end(key)
            return hit
        blob = shelf.blobs.get(group)
        return self._remember(key, pickle.loads(zlib.decompress(blob)) if blob is not None else {})

    def _remember(self, key: tuple[str, str], values: dict[str, Any]) -> dict[str, Any]:
        self._thawed[key] = values
        if len(self._thawed) > self._cache_size:
            self._thawed.popitem(last=False)
        return values


def _reread(path: str, root: str, doc_id: str) -> dict[str, Any]:
    """Raw text and raw offsets of one document, read again from its file."""
    from auditor.ingest import read_source
    from auditor.ingest.discover import SourceFile

    p, r = Path(path), Path(root)
    try:
        rel = p.relative_to(r).as_posix()
    except ValueError:
        rel = p.name
    for d in read_source(SourceFile(p, r, rel)):
        if d.id == doc_id:
            return {"raw": d.raw, "to_raw": d.to_raw}
    return {"raw": "", "to_raw": []}

"""`DocumentMeta`: typed fields in memory, the index's JSON keys on disk."""

from __future__ import annotations

import json
import zlib

from auditor.index.store import document_from_row, pack_extra
from auditor.model import Document, DocumentMeta, Span


def _row(meta: dict) -> tuple:
    """A `documents` row as an index written before `DocumentMeta` stored it."""
    extra = zlib.compress(json.dumps({"meta": meta, "tables": []}, ensure_ascii=False).encode("utf-8"))
    return ("a.pdf", "a.pdf", None, "pdf", "binary", "", zlib.compress("正文".encode()), extra)


def test_absent_facts_are_not_written():
    assert DocumentMeta().as_dict() == {}
    assert DocumentMeta(title="某县2021年报告", pages=3).as_dict() == {"title": "某县2021年报告", "pages": "3"}


def test_round_trip_keeps_every_field():
    meta = DocumentMeta(
        title="t", published="2022-01-20", written="2022年01月18日", source="某县政府办", index_no="00001/2022-1",
        created="2022-01-18T09:00:00", pages=2, images=4, truncated="ends with an omission mark",
        inner_title="2021年度报告", inner_title_span=Span(10, 18), signature_agency="某县某局",
        signature_agency_span=Span(90, 94), published_source="cover",
    )
    assert DocumentMeta.from_dict(json.loads(json.dumps(meta.as_dict()))) == meta


def test_an_older_index_loads_and_unknown_keys_are_dropped():
    doc = document_from_row(_row({"title": "某县2021年报告", "pages": "2", "producer": "Word", "_private": 1,
                                  "a_key_from_the_future": {"x": 1}}))
    assert doc.meta == DocumentMeta(title="某县2021年报告", pages=2, producer="Word")


def test_malformed_values_are_skipped_not_fatal():
    meta = DocumentMeta.from_dict({"pages": "many", "images": None, "inner_title_span": [1], "published_source": "fax",
                                   "title": ["not", "text"], "author": 7})
    assert meta == DocumentMeta(author="7")
    assert DocumentMeta.from_dict(None) == DocumentMeta() == DocumentMeta.from_dict(["title"])


def test_the_index_stores_the_loader_facts_under_their_keys():
    doc = Document(id="a.pdf", source="a.pdf", part=None, format="pdf", encoding="binary", raw="正文", text="正文")
    doc.meta = DocumentMeta(title="某县2021年报告", pages=2)
    loaded = doc.meta.as_dict()
    doc.meta.signature_agency, doc.meta.signature_agency_span = "某县某局", Span(0, 4)  # extraction, after the snapshot
    blob = pack_extra(doc, loaded)
    assert blob is not None
    assert json.loads(zlib.decompress(blob))["meta"] == {"title": "某县2021年报告", "pages": "2"}


def test_copies_are_independent():
    a = DocumentMeta(title="x")
    b = a.copy()
    b.title = "y"
    assert a.title == "x"

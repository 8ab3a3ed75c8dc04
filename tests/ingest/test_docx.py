"""DOCX loader: document order, merged cells, numbering, core properties."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.ingest.docx import format_number, load_docx
from auditor.ingest.loaders import LoadError
from auditor.model import DocumentMeta


def _save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _report() -> bytes:
    doc = Document()
    doc.core_properties.created = datetime(2022, 1, 18, 9, 0, tzinfo=timezone.utc)
    doc.core_properties.modified = datetime(2022, 1, 20, 10, 30, tzinfo=timezone.utc)
    doc.core_properties.title = "2021年政府信息公开工作年度报告"
    doc.add_heading("某某区2021年政府信息公开工作年度报告", level=1)
    doc.add_paragraph("本报告根据《中华人民共和国政府信息公开条例》要求编制。")
    doc.add_paragraph("一、总体情况")
    p = doc.add_paragraph("2021年，某某区")
    p.add_run("深入推进").bold = True
    p.add_run("政务公开。")
    doc.add_paragraph("")  # empty paragraphs vanish
    doc.add_paragraph("三、收到和处理政府信息公开申请情况")
    t = doc.add_table(rows=4, cols=5)
    corner = t.cell(0, 0).merge(t.cell(1, 0))  # vMerge: rowspan 2
    corner.text = "项目"
    top = t.cell(0, 1).merge(t.cell(0, 3))  # gridSpan: colspan 3
    top.text = "申请人情况"
    t.cell(0, 4).merge(t.cell(1, 4)).text = "总计"
    for k, label in enumerate(["自然人", "商业企业", "其他"], start=1):
        t.cell(1, k).text = label
    for r, row in enumerate([["新收申请", "5", "1", "0", "6"], ["上年结转", "1", "0", "0", "1"]], start=2):
        for k, v in enumerate(row):
            t.cell(r, k).text = v
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    doc.add_paragraph("本年度未发生行政复议、行政诉讼。")
    return _save(doc)


def test_document_order_and_text():
    loaded = load_docx(_report())
    assert loaded.format == "docx" and loaded.encoding == "binary"
    lines = loaded.text.split("\n")
    assert lines[:4] == [
        "某某区2021年政府信息公开工作年度报告",
        "本报告根据《中华人民共和国政府信息公开条例》要求编制。",
        "一、总体情况",
        "2021年，某某区深入推进政务公开。",
    ]
    assert lines[4] == "三、收到和处理政府信息公开申请情况"
    table = loaded.tables[0]
    # the table sits between the paragraphs that surround it in the document
    assert loaded.text.index("三、收到和处理") < table.start < table.end < loaded.text.index("四、政府信息公开行政复议")
    assert lines[-1] == "本年度未发生行政复议、行政诉讼。"


def test_merged_cells_are_not_duplicated():
    loaded = load_docx(_report())
    table = loaded.tables[0]
    assert (table.n_rows, table.n_cols) == (4, 5)
    cells = {(c.row, c.col): c for c in table.cells}
    assert (cells[(0, 0)].text, cells[(0, 0)].rowspan, cells[(0, 0)].colspan) == ("项目", 2, 1)
    assert (cells[(0, 1)].text, cells[(0, 1)].rowspan, cells[(0, 1)].colspan) == ("申请人情况", 1, 3)
    assert (cells[(0, 4)].text, cells[(0, 4)].rowspan) == ("总计", 2)
    assert [cells[(1, k)].text for k in (1, 2, 3)] == ["自然人", "商业企业", "其他"]
    assert (1, 0) not in cells and (1, 4) not in cells  # continuation cells are not cells
    assert loaded.text.count("申请人情况") == 1
    assert [cells[(2, k)].text for k in range(5)] == ["新收申请", "5", "1", "0", "6"]
    for c in table.cells:
        assert loaded.text[c.start : c.end] == c.text
    assert loaded.text[table.start : table.end].split("\n")[:2] == ["项目\t申请人情况\t总计", "自然人\t商业企业\t其他"]


def test_core_properties():
    meta = load_docx(_report()).meta
    assert meta.created.startswith("2022-01-18T09:00")
    assert meta.modified.startswith("2022-01-20T10:30")
    assert meta.title == "2021年政府信息公开工作年度报告"


def test_runs_inside_smart_tags_and_insertions_are_read():
    doc = Document()
    p = doc.add_paragraph("报告发布于")
    # wrap a run into <w:ins> (tracked insertion) — python-docx's Paragraph.text misses it
    r = p.add_run("2022年1月20日")._r
    ins = p._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "x"})
    r.addprevious(ins)
    ins.append(r)
    loaded = load_docx(_save(doc))
    assert loaded.text == "报告发布于2022年1月20日"


def test_automatic_numbering_is_rendered():
    doc = Document()
    doc.add_paragraph("第一项内容", style="List Number")
    doc.add_paragraph("第二项内容", style="List Number")
    loaded = load_docx(_save(doc))
    assert loaded.text.split("\n") == ["1.第一项内容", "2.第二项内容"]
    assert format_number(3, "chineseCounting") == "三"
    assert format_number(12, "chineseCountingThousand") == "十二"
    assert format_number(21, "chineseCounting") == "二十一"
    assert format_number(2, "ideographTraditional") == "乙"


def test_one_cell_frame_table_is_body_text():
    doc = Document()
    t = doc.add_table(rows=1, cols=1)
    t.cell(0, 0).text = "框内的正文段落"
    t.cell(0, 0).add_paragraph("第二段")
    loaded = load_docx(_save(doc))
    assert loaded.tables == []
    assert loaded.text == "框内的正文段落\n第二段"


def test_corrupt_docx():
    data = bytearray(_report())
    with pytest.raises(LoadError, match="not a valid .docx"):
        load_docx(bytes(data[: len(data) // 2]))
    with pytest.raises(LoadError, match="not a valid .docx"):
        load_docx(b"PK\x03\x04" + b"\x00" * 100)


# --------------------------------------------------------------------------- property test

_CELL = st.text(alphabet="政府信息公开申请数量总计自然人商业企业0123456789", min_size=1, max_size=8)


@st.composite
def grids(draw):
    n_cols = draw(st.integers(2, 5))
    n_body = draw(st.integers(1, 4))
    spans: list[int] = []
    left = n_cols
    while left:
        s = draw(st.integers(1, left))
        spans.append(s)
        left -= s
    header = [draw(_CELL) for _ in spans]
    body = [[draw(_CELL) for _ in range(n_cols)] for _ in range(n_body)]
    first_span = draw(st.integers(1, n_body))
    return spans, header, body, first_span


_DOC = Document()  # reused: building a fresh one (and saving its styles, theme …) is slow

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _minimal_docx(doc) -> bytes:
    """A package holding only word/document.xml (what python-docx built), fast to write and read."""
    import zipfile

    from lxml import etree

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", etree.tostring(doc.element, xml_declaration=True, encoding="UTF-8", standalone=True))
    return buf.getvalue()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids())
def test_docx_table_roundtrip(grid):
    spans, header, body, first_span = grid
    doc = _DOC
    for child in list(doc.element.body):
        if child.tag != qn("w:sectPr"):
            doc.element.body.remove(child)
    doc.add_paragraph("表格前的段落")
    n_cols = sum(spans)
    t = doc.add_table(rows=1 + len(body), cols=n_cols)
    col = 0
    expected = set()
    for s, text in zip(spans, header):
        cell = t.cell(0, col).merge(t.cell(0, col + s - 1)) if s > 1 else t.cell(0, col)
        cell.text = text
        expected.add((0, col, 1, s, text))
        col += s
    for r, row in enumerate(body, start=1):
        for c, text in enumerate(row):
            if c == 0 and r == 1 and first_span > 1:
                t.cell(1, 0).merge(t.cell(first_span, 0)).text = text
                expected.add((1, 0, first_span, 1, text))
            elif c == 0 and 1 < r <= first_span:
                continue
            else:
                t.cell(r, c).text = text
                expected.add((r, c, 1, 1, text))
    doc.add_paragraph("表格后的段落")
    loaded = load_docx(_minimal_docx(doc))
    assert len(loaded.tables) == 1
    table = loaded.tables[0]
    assert {(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells} == expected
    for c in table.cells:
        assert loaded.text[c.start : c.end] == c.text
    assert loaded.text.startswith("表格前的段落\n") and loaded.text.endswith("\n表格后的段落")


def test_package_without_core_properties_has_no_invented_metadata():
    doc = _DOC
    for child in list(doc.element.body):
        if child.tag != qn("w:sectPr"):
            doc.element.body.remove(child)
    doc.add_paragraph("正文")
    loaded = load_docx(_minimal_docx(doc))
    assert loaded.text == "正文"
    assert loaded.meta == DocumentMeta()

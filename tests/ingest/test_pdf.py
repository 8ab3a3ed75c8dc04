"""PDF loader: running headers, page numbers, a table split over a page break, scans."""

from __future__ import annotations

import pytest

from auditor.ingest.loaded import CellSpec
from auditor.ingest.loaders import LoadError
from auditor.ingest.pdf import PageTable, PdfPage, join_split_table, load_pdf, merge_split_tables

TITLE = "某某县2021年政府信息公开工作年度报告"
RUNNING = "某某县人民政府信息公开专栏"
PARAGRAPH = (
    "本报告根据《中华人民共和国政府信息公开条例》和上级要求编制，内容包括总体情况、主动公开政府信息情况、"
    "收到和处理政府信息公开申请情况、存在的主要问题及改进情况等。"
)
SPACED = "政府信息公开工作"
HEAD = ["信息内容", "本年新收", "上年结转", "总计"]
ROWS = [[f"第{i}项申请情况", str(i), str(i * 2), str(i * 3)] for i in range(1, 21)]
SIGNATURE = "某某县人民政府办公室"
N_PARAGRAPHS = 12


@pytest.fixture(scope="module")
def report_pdf(cjk_font) -> bytes:
    from fpdf import FPDF, FontFace

    chars = TITLE + RUNNING + PARAGRAPH + SPACED + "".join(HEAD) + "".join("".join(r) for r in ROWS) + SIGNATURE
    font = cjk_font(chars)

    class Report(FPDF):
        def header(self):
            self.set_font("cjk", size=9)
            self.cell(0, 8, RUNNING, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 8, f"- {self.page_no()} -", align="C")

    pdf = Report()
    pdf.add_font("cjk", "", str(font))
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    pdf.cell(0, 10, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_char_spacing(6)  # wide letter spacing: the text layer gets spaces between the characters
    pdf.cell(0, 8, SPACED, new_x="LMARGIN", new_y="NEXT")
    pdf.set_char_spacing(0)
    for _ in range(N_PARAGRAPHS):
        pdf.multi_cell(0, 7, PARAGRAPH, new_x="LMARGIN", new_y="NEXT")
    # the table starts low on page 1 and continues on page 2 without a repeated header
    with pdf.table(headings_style=FontFace(emphasis=""), repeat_headings=0, line_height=7) as table:
        for values in [HEAD, *ROWS]:
            row = table.row()
            for v in values:
                row.cell(v)
    pdf.ln(4)
    pdf.cell(0, 8, SIGNATURE, new_x="LMARGIN", new_y="NEXT")
    assert pdf.page_no() == 2, "fixture layout: the table must straddle the page break"
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def loaded(report_pdf):
    return load_pdf(report_pdf)


def test_text_order_without_page_furniture(loaded):
    lines = loaded.text.split("\n")
    assert loaded.format == "pdf" and loaded.encoding == "binary"
    assert lines[0] == TITLE
    assert RUNNING not in loaded.text  # running header gone from both pages
    assert not any(ln.strip(" -") in ("1", "2") for ln in lines)  # page numbers gone
    assert "- 1 -" not in loaded.text and "- 2 -" not in loaded.text
    assert lines[-1] == SIGNATURE
    assert loaded.meta.pages == 2


def test_spaces_between_cjk_removed(loaded):
    assert loaded.text.split("\n")[1] == SPACED


def test_wrapped_lines_joined_into_paragraphs(loaded):
    lines = loaded.text.split("\n")
    assert lines.count(PARAGRAPH) == N_PARAGRAPHS


def test_split_table_joined(loaded):
    assert len(loaded.tables) == 1
    table = loaded.tables[0]
    assert (table.n_rows, table.n_cols) == (1 + len(ROWS), 4)
    assert table.grid() == [HEAD, *ROWS]
    for c in table.cells:
        assert loaded.text[c.start : c.end] == c.text
    rendered = loaded.text[table.start : table.end].split("\n")
    assert rendered[0] == "\t".join(HEAD)
    assert rendered[-1] == "\t".join(ROWS[-1])
    assert loaded.text.index(PARAGRAPH) < table.start < loaded.text.index(SIGNATURE)


def _ptable(page: int, rows: list[list[str]], top: float, bottom: float, edges: list[float] | None = None) -> PageTable:
    cells = [CellSpec(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    n_cols = len(rows[0])
    edges = edges or [50.0 + 100 * k for k in range(n_cols + 1)]
    return PageTable(cells, edges, edges[0], edges[-1], top, bottom, page, len(rows), n_cols, [page])


def test_repeated_header_dropped_when_joining():
    a = _ptable(1, [["信息内容", "数量"], ["规章", "1"]], 600, 800)
    b = _ptable(2, [["信息内容", "数量"], ["规范性文件", "2"]], 60, 120)
    join_split_table(a, b)
    assert [[c.text for c in a.cells if c.row == r] for r in range(a.n_rows)] == [["信息内容", "数量"], ["规章", "1"], ["规范性文件", "2"]]


def test_new_table_with_own_header_is_not_joined():
    a = _ptable(1, [["信息内容", "数量"], ["规章", "1"]], 600, 800)
    b = _ptable(2, [["复议维持", "复议纠正"], ["0", "0"]], 60, 120)
    items = merge_split_tables([PdfPage(1, 842, [a]), PdfPage(2, 842, [b])])
    assert items == [a, b]
    c = _ptable(2, [["行政许可", "3"]], 60, 120)  # continuation rows: label + number
    items = merge_split_tables([PdfPage(1, 842, [a]), PdfPage(2, 842, [c])])
    assert items == [a] and a.n_rows == 3


def test_continuation_with_merged_columns_is_joined():
    # page 1 shows three ruled columns; page 2 only rows whose label spans the first two
    a = _ptable(1, [["（三）不予公开", "1.属于国家秘密", "0"]], 600, 800, [50, 150, 350, 450])
    b = _ptable(2, [["（四）无法提供", "0"]], 60, 120, [50, 351, 450])
    items = merge_split_tables([PdfPage(1, 842, [a]), PdfPage(2, 842, [b])])
    assert items == [a]
    last = sorted((c.col, c.colspan, c.text) for c in a.cells if c.row == 1)
    assert last == [(0, 2, "（四）无法提供"), (2, 1, "0")]


def test_scanned_pdf_without_text_layer():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # stands in for a scanned page image
    with pytest.raises(LoadError, match=r"PDF has no text layer \(scanned image\?\)"):
        load_pdf(bytes(pdf.output()))


def test_broken_pdf():
    with pytest.raises(LoadError, match="not a valid .pdf"):
        load_pdf(b"%PDF-1.7\n" + b"\x00garbage" * 50)

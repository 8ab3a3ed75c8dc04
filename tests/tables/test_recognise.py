"""The recogniser on hand-built tables and on the accidents of real copies.

`model.Table`s are built by hand (as a loader would hand them over, with and
without cell spans); flattened texts exercise full/half width, traditional
characters, missing serial numbers, wrapped labels, blank vs 0 vs "—", the
fifteen numbers of table 四 on one line, labels that repeat (维持/纠错 under
复议 and under 诉讼), and input that is not a table at all.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.tables import extract_tables, recognise, recognise_text
from auditor.extract.tables.tokens import grid_tokens
from auditor.ingest import document_from_text
from auditor.model import Cell, Document, Table

T3_ROWS = [
    ("一、本年新收政府信息公开申请数量", [3, 1, 0, 0, 0, 0, 4]),
    ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
]


def doc_of(text: str) -> Document:
    doc = document_from_text(text)[0]
    extract_tables(doc)
    return doc


def values(t, row):
    return [t.cells[(row, c)].value for c in t.cols]


def test_hand_built_grid_with_spans():
    # the grid a loader hands over: header cells merged, one row per line, cells tab-separated
    rows = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
            ["自然人", "法人或其他组织", "总计"],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    rows += [[label] + [str(v) for v in vals] for label, vals in T3_ROWS]
    text, cells, pos = "", [], 0
    spans = {0: [(0, 1, 3, 3), (0, 3, 1, 7)], 1: [(1, 3, 2, 1), (1, 4, 1, 5), (1, 9, 2, 1)], 2: [(2, c, 1, 1) for c in range(4, 9)]}
    for r, row in enumerate(rows):
        line_cells = []
        for i, t in enumerate(row):
            if r in spans:
                rr, cc, rs, cs = spans[r][i]
            else:
                rr, cc, rs, cs = r, (0 if i == 0 else i + 2), 1, (3 if i == 0 else 1)
            line_cells.append(Cell(rr, cc, t, rs, cs, pos + len("\t".join(row[:i])) + (1 if i else 0), 0))
            line_cells[-1].end = line_cells[-1].start + len(t)
        cells += line_cells
        text += "\t".join(row) + "\n"
        pos = len(text)
    doc = Document("x.html", "x.html", None, "html", "utf-8", text, text=text, tables=[Table(cells, 0, len(text) - 1)])
    extract_tables(doc)
    t3 = doc.std_tables["t3"]
    assert t3.source == "table" and t3.rows == ["new", "carried_in"]
    assert values(t3, "new") == [Decimal(v) for v in T3_ROWS[0][1]]
    cv = t3.cells[("carried_in", "TOT")]
    assert doc.text[cv.start : cv.end] == "1"
    assert doc.text[t3.col_labels["NP"].start : t3.col_labels["NP"].end] == "自然人"


def test_grid_without_spans_is_still_read():
    cells = [Cell(0, 0, "一、本年新收政府信息公开申请数量")] + [Cell(0, i + 1, str(v)) for i, v in enumerate([2, 0, 0, 0, 0, 0, 2])]
    t = Table(cells)
    toks = grid_tokens(t, "")
    assert [x.kind for x in toks] == ["label"] + ["value"] * 7
    found = recognise(toks, "")
    assert values(found["t3"], "new")[-1] == Decimal(2)


def test_full_width_traditional_and_no_serials():
    text = "某局2022年報告\n本年新收政府資訊公開申請數量　５　０　０　０　０　０　５\n（七）總計　４　０　０　０　０　０　４\n結轉下年度繼續辦理　１　０　０　０　０　０　１\n"
    t3 = doc_of(text).std_tables["t3"]
    assert t3.rows == ["new", "total", "carried_out"]
    assert values(t3, "new") == [Decimal(5), 0, 0, 0, 0, 0, Decimal(5)]


def test_blank_zero_and_dash():
    text = "一、本年新收政府信息公开申请数量\t5\t\t—\t0\t-\t/\t5\n"
    t3 = doc_of(text).std_tables["t3"]
    cells = [t3.cells[("new", c)] for c in t3.cols]
    assert [c.value for c in cells] == [Decimal(5), None, 0, 0, 0, 0, Decimal(5)]
    assert [c.dash for c in cells] == [False, False, True, False, True, True, False]


def test_space_separated_row_with_a_missing_cell_is_not_mapped():
    t = recognise_text("一、本年新收政府信息公开申请数量 5 0 0 0 0 5\n二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n")["t3"]
    assert t.rows == ["carried_in"]


def test_closest_label_decides_the_row():
    text = "(三)不予公开 1.属于国家秘密 1 0 0 0 0 0 1\n(六)其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处\n理其政府信息公开申请 2 0 0 0 0 0 2\n3.其他 1 0 0 0 0 0 1\n(七)总计 4 0 0 0 0 0 4\n"
    t3 = recognise_text(text)["t3"]
    assert t3.rows == ["state_secret", "no_correction", "other_other", "total"]
    assert t3.era == "2021"


def test_2019_single_other_row_sets_the_era():
    t3 = recognise_text("5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0\n(六)其他处理 1 0 0 0 0 0 1\n(七)总计 1 0 0 0 0 0 1\n")["t3"]
    assert t3.era == "2019" and "other" in t3.rows


def test_table_four_on_one_line_and_one_per_line():
    head = "行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n"
    nums = list(range(1, 16))
    for body in (" ".join(map(str, nums)), "\n".join(map(str, nums)), "\n\n".join(map(str, nums))):
        t4 = recognise_text(head + body + "\n")["t4"]
        assert [t4.cells[(r, c)].value for r in t4.rows for c in t4.cols] == [Decimal(n) for n in nums]


def test_table_four_needs_its_heading():
    assert "t4" not in recognise_text("统计 " + " ".join(["0"] * 15) + "\n")


def test_repeated_labels_told_apart_by_position():
    text = "统计指标 单位 统计数\n四、行政复议数量 件 3\n（一）维持具体行政行为数 件 2\n（二）被依法纠错数 件 1\n（三）其他情形数 件 0\n五、行政诉讼数量 件 1\n（一）维持具体行政行为或者驳回原告诉讼请求数 件 1\n（二）被依法纠错数 件 0\n（三）其他情形数 件 0\n"
    stat = recognise_text(text)["stat"]
    assert stat.rows == ["review", "rv_keep", "rv_correct", "rv_other", "litigation", "lt_keep", "lt_correct", "lt_other"]


def test_stat_with_a_cumulative_column():
    text = "统计指标 单位 本年度 历年累计\n收到申请数 件 5 40\n1.当面申请数 件 1 10\n2.网上申请数 件 4 30\n"
    stat = recognise_text(text)["stat"]
    assert stat.cols == ["value", "cum"] and stat.cells[("received", "cum")].value == 40


def test_table_two_blocks_columns_and_era():
    text = ("第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"
            "行政规范性文件 | 0 | 0 | 4 |\n第二十条第(五)项 | |||\n信息内容 | 本年处理决定数量 | ||\n行政许可 | 7 | ||\n")
    t2 = recognise_text(text)["t2"]
    assert t2.era == "2021" and t2.rows == ["regulations", "normative_docs", "licensing"]
    assert t2.row_cols["licensing"] == ["decisions"] and t2.cells[("licensing", "decisions")].value == 7
    assert t2.cells[("normative_docs", "valid")].value == 4


def test_prose_is_not_a_table():
    text = "2022年,我局共收到申请5件,办结5件。本年度予以公开3件,部分公开2件。结转下年度0件。行政复议0件,行政诉讼0件。\n"
    assert recognise_text(text) == {}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 \t|\n—-.一二三四五六七八九十()、总计结转本年新收上年予以公开行政复议诉讼维持纠正第二十条项规章信息内容")), max_size=400))
def test_odd_text_never_crashes(text):
    recognise_text(text)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 9), st.sampled_from(["", "0", "5", "—", "总计", "本年新收", "行政复议", "第二十条第(一)项"]), st.integers(0, 3), st.integers(0, 3)), max_size=40))
def test_odd_grids_never_crash(spec):
    cells = [Cell(r, c, t, rs, cs) for r, c, t, rs, cs in spec]
    doc = Document("x", "x", None, "html", "utf-8", "", text="", tables=[Table(cells)])
    extract_tables(doc)
    recognise(grid_tokens(Table(cells), ""), "")

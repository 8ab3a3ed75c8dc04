"""Breakdowns, more cases: where a list ends after a complete cut, tables closed by a 总计 row,
and a class of documents counted in another unit inside a list.

Every text is made up; each case is written in several phrasings, with the
cases that must stay silent next to the ones that must fire.
"""

from __future__ import annotations

import pytest

from tests.extract.numbers_helpers import fired, shape as _shape, warned


# ------------------------------------------- a complete cut, then statements of other measures


@pytest.mark.parametrize(
    "text",
    [
        # the cut adds up; 访谈 (场) and 意见 (次) are other measures; the 解读 that follows is another statement
        "全年主动公开信息300条,其中,工作动态信息200条、目录信息80条、概况类信息20条,组织在线访谈5场,征求公众意见3次,发布解读信息2条。",
        "本年度公开政府信息120条,其中政策文件30条、通知公告50条、工作动态40条,举办新闻发布会2场,发布政策解读4条。",
        "共发布信息58条,其中:人事信息8条;财政信息20条;其他信息30条;开展政策宣讲6次,发布图解3条。",
    ],
)
def test_an_item_after_a_complete_cut_and_other_measures_is_another_statement(text):
    assert warned(text, "SUM001") == []


@pytest.mark.parametrize(
    "text",
    [
        # a complete cut followed directly by one more class: the excess stands (no other measure between)
        "本年度在政府网站发布信息60条,其中年度报告1条,招标信息30条,资产交易信息25条,部门动态4条,机构职能1条。",
        # the parts exceed the total with no complete cut at all
        "全年主动公开信息100条,其中工作动态60条、通知公告30条,举办访谈2场,规划信息20条。",
    ],
)
def test_an_excess_without_a_separate_statement_still_fires(text):
    assert [s for s, _ in fired(text, "SUM001")] == ["warning"]


# ------------------------------------------------------------------ tables closed by a 总计 row

_TABLE_SHORT = """本年度主动公开政府信息{total}条。各栏目公开信息情况如下表所示:
栏目编码 栏目名称 总条数 比例
0100 领导分工 3 {s1}
0200 科室职责 0 0.00%
0201 办事指南 2 {s2}
0300 工作动态 40 {s3}
0400 通知公告 15 {s4}
{label}: {total}
二、依申请公开情况
"""


def _pct(n: int, total: int) -> str:
    return f"{n / total * 100:.2f}%"


@pytest.mark.parametrize("label", ["信息总计", "合计", "总计"])
def test_a_table_whose_rows_stay_below_its_total_row_fires(label):
    total = 64  # rows add to 60
    text = _TABLE_SHORT.format(
        total=total, label=label, s1=_pct(3, total), s2=_pct(2, total), s3=_pct(40, total), s4=_pct(15, total)
    )
    assert _shape(text)[-1] == (64, [3, 0, 2, 40, 15], "exhaustive")
    assert [s for s, _ in fired(text, "SUM001")] == ["error"]


@pytest.mark.parametrize(
    "text",
    [
        # rows without codes or shares, a total row with a unit
        "各渠道发布信息情况如下:\n政府网站 50\n政务微博 30\n微信公众号 20\n合计 110条\n",
        "各渠道发布信息情况如下:\n政府网站 50 45.45%\n政务微博 30 27.27%\n微信公众号 20 18.18%\n总计:110\n",
    ],
)
def test_a_table_without_codes_below_its_total_fires(text):
    assert [s for s, _ in fired(text, "SUM001")] == ["error"]


@pytest.mark.parametrize(
    "text",
    [
        # rows add up to the total row
        _TABLE_SHORT.format(total=60, label="信息总计", s1="5.00%", s2="3.33%", s3="66.67%", s4="25.00%"),
        "各渠道发布信息情况如下:\n政府网站 50\n政务微博 30\n微信公众号 20\n合计 100条\n",
        # rows above the total: parent rows may be subtotals of the rows under them, nothing is proven
        "各栏目公开信息如下:\n0300 机构信息 5\n0301 领导分工 3\n0302 科室职责 2\n0300 工作动态 40\n信息总计: 45\n",
        # only two rows: too little to read as a table
        "各渠道发布信息情况如下:\n政府网站 50\n政务微博 30\n合计 90条\n",
        # a table cut by the copy: no closing total row
        "各渠道发布信息情况如下:\n政府网站 50\n政务微博 30\n微信公众号 20\n[…]\n",
        # a row with several columns is not a one-count table
        "收到申请情况如下:\n网上申请 5 3 2\n当面申请 4 1 3\n信函申请 1 0 1\n合计 12\n",
    ],
)
def test_a_table_that_adds_up_or_proves_nothing_is_silent(text):
    assert fired(text, "SUM001") == []


# ------------------------------------------- a class of documents counted in another unit


@pytest.mark.parametrize(
    "text",
    [
        "共公开信息20条,其中:工作动态8条,办事指南6条,文件7份,财政信息3条;另通过公示栏公示文件150份。",
        "全年公开信息20条,其中工作动态8条、规范性文件7件、通知公告7条。",
        "本年度共发布信息30条,其中:人事信息10条;政策文件12份;其他信息10条。",
    ],
)
def test_a_class_of_documents_in_another_unit_is_a_part(text):
    assert [s for s, _ in warned(text, "SUM001")] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        # with the 文件 the parts add up
        "全年公开信息150条,其中工作动态信息140条,有效规范性文件6件,通知公告4条。",
        # a clause of another measure in 份 is not a class of the total
        "共公开信息20条,其中:工作动态8条,办事指南6条,印发宣传资料300份,财政信息3条。",
        # a 份 figure after the list is not inside it
        "共公开信息20条,其中:工作动态8条,办事指南6条,财政信息3条,文件7份。",
        # a 份 item in an aside
        "共公开信息20条,其中:工作动态8条(含文件7份),办事指南6条,财政信息3条。",
    ],
)
def test_other_figures_in_another_unit_are_not_parts(text):
    assert warned(text, "SUM001") == []


def test_the_document_class_is_read_in_its_place():
    text = "全年公开信息150条,其中工作动态信息140条,有效规范性文件6件,通知公告4条。"
    assert (150, [140, 6, 4], "open") in _shape(text)

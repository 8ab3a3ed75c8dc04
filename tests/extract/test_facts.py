"""auditor.extract.facts on small invented texts: quantities, breakdowns, shares and part counts.

Each text follows a title line and is analysed as the pipeline does
(`document_from_text`, `analyse`); values are Decimals that keep the printed
precision, and every span is checked against the canonical text.
"""

from __future__ import annotations

from decimal import Decimal

from auditor.extract.facts import extract_facts
from auditor.ingest import document_from_text
from auditor.model import Document, Quantity
from auditor.pipeline import analyse

HEAD = "桐川县水务局2019年政府信息公开工作年度报告\n"


def _doc(body: str) -> Document:
    return analyse(document_from_text(HEAD + body, "r.txt")[0])


def _at(start: int, end: int) -> tuple[int, int]:
    """An offset counted in the body (after the title line), as the canonical text has it."""
    return start + len(HEAD), end + len(HEAD)


def _q(doc: Document) -> list[tuple[Decimal, str, str, str, str]]:
    """(value, unit, label, printed text, scope) of every quantity, each span checked."""
    for q in doc.quantities:
        assert doc.text[q.start : q.end] == q.text
        assert doc.text[q.span_start : q.start].endswith(q.clause) or not q.clause
    return [(q.value, q.unit, q.label, q.text, q.scope) for q in doc.quantities]


def _exp(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return exponent


def test_quantities_with_their_units_labels_and_spans():
    doc = _doc("全年主动公开政府信息120条,接待群众来访46人次,发放宣传资料3500份。")
    assert _q(doc) == [
        (Decimal("120"), "条", "主动公开政府信息", "120条", "annual"),
        (Decimal("46"), "人次", "接待群众来访", "46人次", "annual"),
        (Decimal("3500"), "份", "发放宣传资料", "3500份", "annual"),
    ]
    first = doc.quantities[0]
    assert (first.start, first.end) == _at(10, 14)
    assert doc.text[first.span_start : first.end] == "全年主动公开政府信息120条"  # the evidence shows the label too


def test_wan_and_yi_keep_the_printed_precision():
    doc = _doc("门户网站全年访问量达12.5万次,涉及资金1.2亿元。")
    visits, money = doc.quantities
    assert (visits.value, visits.unit, visits.text) == (Decimal("125000"), "次", "12.5万次")
    assert (money.value, money.unit, money.text) == (Decimal("120000000"), "元", "1.2亿元")
    assert (_exp(visits.value), _exp(money.value)) == (3, 7)  # 12.5万 is known to the thousand, 1.2亿 to the ten million
    assert str(visits.value) == "1.25E+5"


def test_percentages_keep_their_decimals():
    doc = _doc("网上申请占比61.7%,按时办结率达100%,网上公开率为12.50%。")
    assert [(q.value, q.unit, q.text) for q in doc.quantities] == [
        (Decimal("61.7"), "%", "61.7%"),
        (Decimal("100"), "%", "100%"),
        (Decimal("12.50"), "%", "12.50%"),
    ]
    assert str(doc.quantities[2].value) == "12.50"
    assert [q.label for q in doc.quantities] == ["网上申请占比", "按时办结率", "网上公开率"]


def test_full_width_digits_and_chinese_numerals():
    doc = _doc("全年共受理申请１２件,办结率９８．５％,答复咨询十二次。")
    assert [(q.value, q.unit, q.text) for q in doc.quantities] == [
        (Decimal("12"), "件", "12件"),  # NFKC: the canonical text has ASCII digits
        (Decimal("98.5"), "%", "98.5%"),
        (Decimal("12"), "次", "十二次"),
    ]
    assert (doc.quantities[0].start, doc.quantities[0].end) == _at(7, 10)


def test_cumulative_and_approximate_scopes():
    doc = _doc("截至2019年底,累计主动公开政府信息5928条,本年度新增主动公开政府信息420条,历年累计公开信息1.5万条,共发布信息300余条。")
    assert _q(doc) == [
        (Decimal("5928"), "条", "主动公开政府信息", "5928条", "cumulative"),
        (Decimal("420"), "条", "新增主动公开政府信息", "420条", "annual"),
        (Decimal("1.5E+4"), "条", "历年累计公开信息", "1.5万条", "cumulative"),
        (Decimal("300"), "条", "发布信息", "300余条", "approximate"),
    ]


def test_a_year_stated_before_the_figure():
    doc = _doc("2018年主动公开政府信息80条。2019年主动公开政府信息95条。")
    assert [(q.value, q.year) for q in doc.quantities] == [(Decimal("80"), 2018), (Decimal("95"), 2019)]


def _parts(q: list[Quantity]) -> list[tuple[Decimal, str]]:
    return [(p.value, p.label) for p in q]


def test_a_qizhong_breakdown_with_a_remainder_item_is_the_whole():
    doc = _doc("全年共收到申请30件,其中网上申请12件,当面申请9件,其他方式申请9件。")
    (bd,) = doc.breakdowns
    assert bd.total is not None and (bd.total.value, bd.total.text) == (Decimal("30"), "30件")
    assert _parts(bd.parts) == [(Decimal("12"), "网上申请"), (Decimal("9"), "当面申请"), (Decimal("9"), "其他方式申请")]
    assert (bd.closure, bd.marker, bd.exhaustive) == ("exhaustive", "其中", True)
    assert doc.text[bd.start : bd.end] == "30件,其中网上申请12件,当面申请9件,其他方式申请9件"


def test_a_fenbie_breakdown_right_after_its_total():
    doc = _doc("全年共收到申请8件,分别为网上申请5件、信函申请3件。")
    (bd,) = doc.breakdowns
    assert bd.total is not None and bd.total.value == Decimal("8")
    assert _parts(bd.parts) == [(Decimal("5"), "网上申请"), (Decimal("3"), "信函申请")]
    assert (bd.closure, bd.marker) == ("exhaustive", "分别")
    assert (bd.start, bd.end) == _at(7, 26)


def test_items_summed_by_a_trailing_heji():
    doc = _doc("本年度网上申请12件,当面申请9件,合计21件。")
    (bd,) = doc.breakdowns
    assert bd.total is not None and (bd.total.value, bd.total.label) == (Decimal("21"), "")
    assert _parts(bd.parts) == [(Decimal("12"), "网上申请"), (Decimal("9"), "当面申请")]
    assert (bd.closure, bd.marker) == ("exhaustive", "合计")


def test_a_two_part_qizhong_and_a_han_aside_are_open():
    doc = _doc("共主动公开政府信息200条,其中政策法规类信息50条。主动公开规章18件(含新制定4件,修改14件)。")
    first, second = doc.breakdowns
    assert first.total is not None and (first.total.value, first.closure, first.marker) == (Decimal("200"), "open", "其中")
    assert _parts(first.parts) == [(Decimal("50"), "政策法规类信息")]
    assert second.total is not None and (second.total.value, second.closure, second.marker) == (Decimal("18"), "open", "含")
    assert [p.value for p in second.parts] == [Decimal("4"), Decimal("14")]


def test_a_share_with_its_base_in_the_same_sentence():
    doc = _doc("共主动公开政府信息200条,其中政策法规类信息50条,占25%。")
    (ps,) = doc.percents
    assert (ps.count.value, ps.percent.value) == (Decimal("50"), Decimal("25"))
    assert ps.base is not None and (ps.base.value, ps.base.label) == (Decimal("200"), "主动公开政府信息")
    assert doc.text[ps.start : ps.end] == "50条,占25%"


def test_a_share_with_its_base_one_sentence_earlier():
    doc = _doc("本年度受理申请40件。其中同意公开10件,占25%。")
    (ps,) = doc.percents
    assert ps.base is not None and (ps.base.value, ps.base.text) == (Decimal("40"), "40件")
    assert (ps.count.label, ps.count.value, ps.percent.value) == ("同意公开", Decimal("10"), Decimal("25"))
    assert (ps.start, ps.end) == _at(17, 25)


def test_a_declared_part_count():
    doc = _doc("本报告由概述、主动公开政府信息情况、依申请公开情况、存在的问题及改进措施等四部分组成。")
    (pc,) = doc.part_counts
    assert (pc.declared, pc.listed) == (4, 4)
    assert doc.text[pc.start : pc.end] == pc.text == "由概述、主动公开政府信息情况、依申请公开情况、存在的问题及改进措施等四部分组成"


def test_extract_facts_replaces_what_was_there():
    doc = _doc("全年主动公开政府信息120条。")
    doc.text = HEAD + "全年共收到申请30件,其中网上申请12件,当面申请9件,其他方式申请9件。"
    extract_facts(doc)
    assert [q.value for q in doc.quantities] == [Decimal("30"), Decimal("12"), Decimal("9"), Decimal("9")]
    assert len(doc.breakdowns) == 1 and doc.percents == [] and doc.part_counts == []

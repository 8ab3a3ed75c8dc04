"""Declared part counts read as a person reads them (issue 12, structure family).

Items are separated by 、/,/; and joined by 和/及/以及/与; a joint is one part,
two parts, or either; the reading is the range of counts the sentence allows.
"""

from __future__ import annotations

import pytest

from auditor.extract.parts import declared_list, part_counts, read_list, topics
from auditor.normalize.text import clean_view


def _one(text: str):
    pcs = part_counts(clean_view(text))
    assert len(pcs) == 1, pcs
    return pcs[0]


@pytest.mark.parametrize(
    "text,declared",
    [
        # the last two joined by 和/以及/及: two parts
        ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、"
         "存在的主要问题及改进情况和其他需要报告的事项六个部分组成。", 6),
        ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议行政诉讼情况、"
         "存在的主要问题及改进情况以及其他需要报告的事项六部分构成。", 6),
        ("全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
         "政府信息公开工作存在的主要问题及改进情况及其他需要报告的事项等六个部分。", 6),
        # 及/和 inside a heading-like item: one part
        ("本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、咨询和投诉情况、行政复议和行政诉讼情况、"
         "工作人员和费用支出情况、工作存在的主要问题及改进情况、其他事项和附表共九个部分组成。", 9),
        # "其他事项和附表" may be one part or two: both counts agree with some reading
        ("本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、咨询和投诉情况、行政复议和行政诉讼情况、"
         "工作人员和费用支出情况、工作存在的主要问题及改进情况、其他事项和附表共八个部分组成。", 8),
        ("本年报由概述,主动公开政府信息情况,依申请公开政府信息和不予公开政府信息情况,收费和减免情况,"
         "因政府信息公开申请行政复议、提起行政诉讼的情况,存在的主要问题和改进措施,其他报告事项以及附表等八部分组成。", 8),
        ("本报告由概述、主动公开政府信息的情况、依申请公开政府信息办理情况、政府信息公开收费及减免情况、"
         "因政府信息公开申请行政复议、提起行政诉讼的情况和政府信息公开工作存在的主要问题及改进情况、附表等七个部分组成。", 7),
        # quoted names without separators
        ("本报告由“总体情况”“主动公开政府信息情况”“收到和处理政府信息公开申请情况”“政府信息公开行政复议、行政诉讼情况”"
         "“存在的主要问题及改进情况”“其他需要报告的事项”六个部分组成。", 6),
        # 方面 with the report as the subject
        ("全文包括概述、基本工作情况、主动公开政府信息情况、依申请公开政府信息情况、行政复议和诉讼情况、收费和减免情况、"
         "政府信息公开工作存在的主要问题及改进情况以及附表等八方面的内容组成。", 8),
        # a gloss in brackets; 附件 and a table as parts
        ("全文包括概述、主动公开政府信息的情况、依申请公开政府信息办理情况(受理、答复情况)、因政府信息公开申请行政复议、"
         "提起行政诉讼情况、存在的主要问题和改进措施、附表等六部分。", 6),
        ("本报告由基本工作情况、主动公开政府信息情况、依申请公开政府信息情况、行政复议和诉讼情况、收费和减免情况、"
         "工作存在的问题和努力方向及附件等七部分组成。", 7),
        ("本年度报告由概述,主动公开政府信息情况,依申请公开政府信息情况,行政复议、行政诉讼情况,"
         "政府信息公开工作存在的主要问题及改进情况,政府信息公开年度报告表,附注七部分组成。", 7),
        # residue inside an item ("收费及减免情况复议、复议、…"): either reading
        ("全文由概述、主动公开政府信息的情况、依申请公开、不予公开及咨询政府信息情况、政府信息公开的收费及减免情况复议、"
         "复议、申诉和诉讼情况、主要问题和改进措施等六部分组成。", 6),
    ],
)
def test_declared_equals_named(text, declared):
    pc = _one(text)
    assert pc.declared == declared
    assert pc.listed == declared


@pytest.mark.parametrize(
    "text,declared,listed",
    [
        ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
         "其他需要报告的事项等六部分组成。", 6, 5),
        ("全文包括概述,主动公开政府信息的情况,依申请公开政府信息办理情况,政府信息公开的收费及减免情况,"
         "因政府信息公开申请行政复议、提起行政诉讼的情况,政府信息公开存在的主要问题及改进情况,需要说明的事项与附表6个部分。", 6, 7),
        ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在问题及改进情况、"
         "其他需要报告的事项六部分组成。", 6, 5),
        ("本报告由主动公开政府信息情况、依申请公开政府信息和不予公开政府信息情况、申请行政复议和提起行政诉讼情况、"
         "工作存在的主要问题及改进措施,共五个部分组成。", 5, 4),
    ],
)
def test_declared_differs_from_named(text, declared, listed):
    pc = _one(text)
    assert (pc.declared, pc.listed) == (declared, listed)


def test_an_abbreviated_list_with_deng_is_not_counted():
    # 等 after a list that stops at a middle section: "and so on", not "these five"
    pc = _one("本报告由概述,主动公开政府信息情况,依申请公开、不予公开及咨询政府信息情况等五部分组成。")
    assert pc.declared == 5 and pc.listed is None


def test_revision_residue_in_the_number_is_not_a_declaration():
    assert part_counts(clean_view("本报告由概述、主动公开情况、说明与附表等八87部分组成。")) == []


def test_parts_named_without_a_number():
    pc = _one("本年报由概述、主动公开情况、依申请公开办理情况、收费及减免情况、行政复议和行政诉讼情况、"
              "存在的主要问题及改进措施等组成。")
    assert pc.declared is None and pc.listed == 6
    reading = declared_list(pc.text)
    assert reading is not None and "收费及减免情况" in reading.items


def test_unrelated_composition_sentences_are_not_declarations():
    text = "我局成立了由局长任组长、分管副局长任副组长、各科室负责人为成员的领导小组组成。"
    assert part_counts(clean_view(text)) == []


@pytest.mark.parametrize(
    "body,least,most",
    [
        ("概述、主动公开情况、依申请公开情况", 3, 3),
        ("概述、政策解读、行政复议、行政诉讼和举报投诉情况", 2, 3),  # 政策解读 may be a part of its own
        ("概述、存在的主要问题和其他需要报告的事项", 3, 3),
        ("概述、依申请公开政府信息情况和不予公开政府信息的情况", 2, 3),
    ],
)
def test_reading_ranges(body, least, most):
    r = read_list(body)
    assert (r.least, r.most) == (least, most)


def test_topics():
    assert topics("政府信息公开行政复议、行政诉讼情况") == {"复议诉讼"}
    assert "问题及改进" in topics("存在的困难和问题")
    assert topics("收费及减免情况") == {"收费及减免"}

"""Shares and rates (issue 12, family 4): every 占X% against its base, within its rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.extract.shares import fits
from tests.extract.numbers_helpers import analysed, fired


@pytest.mark.parametrize(
    "count,base,pct,ok",
    [
        (56, 417, "13", True),  # 13.43%
        (56, 417, "14", False),
        (56, 417, "13.4", True),
        (56, 417, "13.5", False),
        (66, 107, "61.7", True),  # 61.68%
        (28, 154, "18.2", True),  # 18.18%
        (28, 154, "18.1", False),  # truncated, not rounded
        (3, 8, "37.5", True),
        (3, 8, "25", False),
        (1, 3, "33.33", True),
    ],
)
def test_a_share_is_right_within_the_rounding_of_its_digits(count, base, pct, ok):
    assert fits(Decimal(count), Decimal(base), Decimal(pct), Decimal("0.01")) is ok


def _bases(text: str) -> list[tuple[int, str, int | None]]:
    return [
        (int(ps.count.value), str(ps.percent.value), int(ps.base.value) if ps.base else None)
        for ps in analysed(text).percents
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("受理申请8件,其中同意公开3件,占25%。", [(3, "25", 8)]),
        ("本年度受理申请8件。其中同意公开3件,占25%。", [(3, "25", 8)]),
        ("新收申请40件,均按时答复。自然人申请30件,占65%。", [(30, "65", 40)]),
        ("新收申请40件,自然人申请30件,占75%,法人申请10件,占25%。", [(30, "75", 40), (10, "25", 40)]),
        ("办公热线接听154次来电,业务咨询126次(占比81.8%),投诉建议28次(占比18.1%)。", [(126, "81.8", 154), (28, "18.1", 154)]),
        ("全乡公开信息65条。其中,网上公开20条,所占比例为30%。", [(20, "30", 65)]),
        ("网上申请30件,占60%。", [(30, "60", None)]),
    ],
)
def test_the_base_is_the_governing_total(text, expected):
    assert _bases(text) == expected


def test_a_share_fitting_another_figure_of_the_sentence_takes_that_base():
    assert _bases("本年度收到申请20件,办结16件,其中予以公开8件,占50%。") == [(8, "50", 16)]


def test_a_share_of_the_listed_classes_is_not_held_against_the_total():
    # the shares are of the 40 listed items, not of the 50 stated
    assert _bases("主动公开信息50条,其中政策类10条,占25%;业务类30条,占75%。") == []


@pytest.mark.parametrize(
    "text,severity",
    [
        ("受理申请8件,其中同意公开3件,占25%,不予公开5件,占62.5%。", "error"),
        ("共受理申请417件,其中当面申请56件,占14%;网上申请361件,占87%。", "error"),
        ("新收申请40件,均按时答复。自然人申请30件,占65%。", "warning"),
        ("热线工单378条,涵盖投诉类328条(占比86.7%)与咨询类50条(占比13.2%)。", "warning"),
    ],
)
def test_share_fires(text, severity):
    found = fired(text, "RAT001")
    assert [s for s, _ in found] == [severity], found


@pytest.mark.parametrize(
    "text",
    [
        "共受理申请417件,其中当面申请56件,占13%;网上申请361件,占87%。",
        "共主动公开政府信息107条,其中政策法规类66条,占61.7%;业务类41条,占38.3%。",
        "网上申请30件,占60%。",
        "全年申请量较上年增长12.5%,占全市的3%。",
        "本年度收到申请20件,办结16件,其中予以公开8件,占50%。",
        "全镇共有村居12个,政务公开覆盖率100%。",
    ],
)
def test_share_does_not_fire(text):
    assert fired(text, "RAT001") == []


@pytest.mark.parametrize(
    "text",
    [
        "本年度主动公开政府信息17条,网上公开率93.5%。",
        "全年受理政府信息公开申请9件,按时办结率78.8%。",
        "共收到申请6件,按期答复率90%。",
    ],
)
def test_impossible_rate_fires(text):
    assert [s for s, _ in fired(text, "RAT002")] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        "本年度主动公开政府信息17条,网上公开率94.1%。",
        "本年度主动公开政府信息17条,全文电子化率达100%。",
        "全年受理申请9件,群众满意率93.5%。",
        "全年受理申请9件。网上公开率93.5%。",
        "全年受理申请9件,同比增长率12.5%。",
        "主动公开信息1000余条,网上公开率93.5%。",
    ],
)
def test_impossible_rate_does_not_fire(text):
    assert fired(text, "RAT002") == []


def test_a_rate_fitting_another_count_of_its_sentence_is_possible():
    text = "累计制发公文83件,其中,主动公开公文74件,依申请转主动公开公文3件,依申请公开公文为6件,主动公开率为92.8%。"
    assert fired(text, "RAT002") == []


def test_a_share_of_the_total_named_inside_在_中():
    text = "在全部公开的信息总数116条中,法规公文类信息16条,占%;许可类信息60条,占%;规章制度信息3条,占2.41%。"
    found = fired(text, "RAT001")
    assert [s for s, _ in found] == ["error"], found


@pytest.mark.parametrize(
    "text",
    [
        "全年网上咨询、信访8073起,同比2016年的8073起上升27%。",
        "本年度收到申请30件,较去年的40件减少20%。",
        "本年度收到申请30件,比上年同期的40件下降了20%。",
        "主动公开政府信息由上年的120条增加到150条,增长20%。",
        "本年度收到申请36件,与上年的31件相比,增长10%。",
    ],
)
def test_change_rate_fires(text):
    assert [s for s, _ in fired(text, "RAT003")] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        "本年度收到申请36件,较上年的31件增长16.13%。",
        "本年度收到申请36件,较上年的31件增长16.1%。",
        "本年度收到申请30件,较去年的40件减少25%。",
        "本年度共发布各类政务信息149条,较上年增长231.11%。",
        "共受理申请859件,申请数量较去年回落12.3%。",
        "主动公开政府信息由上年的120条增加到150条,增长25%。",
        "本年度收到申请36件,与上年的31件相比,增长16%。",
    ],
)
def test_change_rate_does_not_fire(text):
    assert fired(text, "RAT003") == []


def test_shares_adding_up_to_100_split_the_sum_of_their_counts():
    text = "全年主动公开信息中,规范性文件类5条,占4.2%;工作动态类80条,占67.2%;其他类34条,占28.6%。"
    assert _bases(text) == [(5, "4.2", 119), (80, "67.2", 119), (34, "28.6", 119)]
    assert fired(text, "RAT001") == []
    bad = "全年主动公开信息中,规范性文件类5条,占5.2%;工作动态类80条,占66.2%;其他类34条,占28.6%。"
    assert [s for s, _ in fired(bad, "RAT001")] == ["warning", "warning"]


def test_shares_not_adding_up_to_100_have_no_base():
    text = "全年主动公开信息中,规范性文件类5条,占4.2%;工作动态类80条,占47.2%。"
    assert _bases(text) == [(5, "4.2", None), (80, "47.2", None)]


def test_a_running_total_is_not_the_base_of_one_years_share():
    text = "历年累计公开信息5000条。本年度网上公开信息300条,占60%。"
    assert _bases(text) == [(300, "60", None)]
    assert fired(text, "RAT001") == []


@pytest.mark.parametrize(
    "text",
    [
        "本年度收到申请20件,其中网上申请13件,占比达60%以上。",
        "本年度收到申请20件,其中网上申请13件,约占60%。",
        "本年度收到申请20件,其中网上申请11件,占比超过50%。",
        "本年度收到申请20件,其中网上申请13件,占60%左右。",
    ],
)
def test_a_bound_is_not_a_share(text):
    assert fired(text, "RAT001") == []


def test_a_share_naming_another_base_is_not_held_against_the_figure_before():
    assert fired("本年度受理行政复议15件。依申请公开12件,占主动公开总量的3%。", "RAT001") == []
    assert fired("本年度收到申请20件,其中网上申请12件,占全市申请总量的5%。", "RAT001") == []


def test_a_share_naming_its_base_is_checked_against_it():
    found = fired("本年度受理申请8件,其中同意公开3件,占全部申请的25%。", "RAT001")
    assert [s for s, _ in found] == ["error"], found
    assert fired("本年度受理申请8件,其中同意公开3件,占全部申请的37.5%。", "RAT001") == []


def test_a_share_rounded_twice_is_outside_its_rounding():
    # 13/745 = 1.745%: 1.7% at one decimal; 1.8% is 0.055 off
    assert [s for s, _ in fired("共主动公开政府信息745条,其中机构职能类信息13条,占1.8%。", "RAT001")] == ["error"]
    assert fired("共主动公开政府信息745条,其中机构职能类信息13条,占1.7%。", "RAT001") == []
    assert fired("共主动公开政府信息8条,其中机构职能类信息1条,占13%。", "RAT001") == []  # 12.5% either way

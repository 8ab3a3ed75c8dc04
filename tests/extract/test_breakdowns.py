"""Breakdowns (issue 12, family 3): what a list of parts is, and when it must add up.

A list that does not add up is only a defect when it is provably the whole of
its total; these fixtures state, in several phrasings each, which lists are
read, where they end, which figure they split and how complete they claim to be.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.extract.numbers_helpers import analysed, fired, shape as _shape, warned


# ---------------------------------------------------------------- what is read


@pytest.mark.parametrize(
    "text,total,parts",
    [
        # separators , ; 、 and joiners 和/及/以及/与
        ("全年共收到申请30件,其中网上申请12件,当面申请10件,信函申请8件。", 30, [12, 10, 8]),
        ("全年共收到申请30件,其中网上申请12件;当面申请10件;信函申请8件。", 30, [12, 10, 8]),
        ("全年共收到申请30件,其中网上申请12件、当面申请10件和信函申请8件。", 30, [12, 10, 8]),
        ("全年共收到申请30件,其中网上申请12件,当面申请10件以及信函申请8件。", 30, [12, 10, 8]),
        ("全年共收到申请30件,其中网上申请12件与当面申请18件。", 30, [12, 18]),
        # numbered items
        ("全年主动公开信息30条,其中:(1)机构职能5条;(2)规范性文件7条;(3)其他信息18条。", 30, [5, 7, 18]),
        ("全年主动公开信息30条,其中1.机构职能5条;2.规范性文件7条;3.其他信息18条。", 30, [5, 7, 18]),
        ("全年主动公开信息30条,其中一、机构职能5条,二、规范性文件7条,三、其他信息18条。", 30, [5, 7, 18]),
        # a share after each item does not end the list
        ("共主动公开信息200条,其中政策类50条,占25%;业务类150条,占75%。", 200, [50, 150]),
        ("全乡主动公开信息65条。其中,网上公开信息20条,所占比例为31%,公开栏公开45条,所占比例69%。", 65, [20, 45]),
        # 分别 and a trailing 合计
        ("本年度受理申请21件,分别为网上申请12件、当面申请9件。", 21, [12, 9]),
        ("网上申请12件,当面申请9件,合计21件。", 21, [12, 9]),
        ("网上申请12件,当面申请9件,以上共计21件。", 21, [12, 9]),
    ],
)
def test_lists_in_every_phrasing(text, total, parts):
    assert (total, parts) in [(t, p) for t, p, _ in _shape(text)]


def test_a_clause_without_a_figure_ends_the_list():
    text = "收到法人申请16件,其中信函申请14件,网络申请2件,申请事项主要集中在规划计划、建设项目等方面,办结13件,结转下年度3件。"
    assert _shape(text) == [(16, [14, 2], "open")]


def test_a_clause_starting_a_new_statement_ends_the_list():
    text = "本年度收到申请10件,其中网上申请6件,当面申请4件;全年共办结申请9件。"
    assert [(t, p) for t, p, _ in _shape(text)] == [(10, [6, 4])]


def test_a_clause_of_another_measure_does_not_end_the_list():
    text = "主动公开信息2000条。其中:通过微信公开信息1500条,年度阅读量为29.4万次,通过网站公开信息400条,其他方式公开信息300条。"
    assert _shape(text) == [(2000, [1500, 400, 300], "exhaustive")]


@pytest.mark.parametrize(
    "text,total,parts",
    [
        # a figure in an aside is never the total of the list after it
        ("共产生公文类信息124条(包含规范性文件1条),其中主动公开44条,免予公开80条。", 124, [44, 80]),
        ("办结申请177件(含上年结转的3件),其中,予以公开60件,部分公开51件,其他处理66件。", 177, [60, 51, 66]),
        ("共产生公文124条(其中规范性文件1条),主动公开的44条,不公开的80条。", 124, [1]),
    ],
)
def test_asides_are_not_totals(text, total, parts):
    shape = [(t, p) for t, p, _ in _shape(text)]
    assert (total, parts) in shape
    assert all(t != 1 and t != 3 for t, _ in shape)


def test_a_list_inside_parentheses_ends_with_them():
    text = "新增规章18件(含新制定4件,修改14件)、规范性文件707件,其他文件34980件。"
    assert (18, [4, 14]) in [(t, p) for t, p, _ in _shape(text)]


def test_a_list_after_an_aside_goes_on():
    text = "主动公开信息224条:包括法定内容18条,年报1条,指南1条,目录共162条(其中基层公开110条,权责清单2条,资金50条),政务活动42条。"
    shape = [(t, p) for t, p, _ in _shape(text)]
    assert (224, [18, 1, 1, 162, 42]) in shape
    assert (162, [110, 2, 50]) in shape


# ---------------------------------------------------------- which total it splits


def test_the_total_the_parts_add_up_to_is_taken():
    text = "本年度收到申请20件,办结18件,其中网上申请12件,当面申请8件。"
    assert [(t, p) for t, p, _ in _shape(text)] == [(20, [12, 8])]


def test_a_sentence_initial_其中_takes_the_figure_its_parts_add_up_to():
    text = "本年度收到申请5件,办结3件。其中网上申请1件,当面申请1件,信函申请1件。"
    assert [(t, p) for t, p, _ in _shape(text)] == [(3, [1, 1, 1])]


def test_a_sentence_initial_其中_with_several_figures_before_is_not_guessed():
    assert fired("本年度收到申请5件,办结3件。其中网上申请3件,当面申请3件,信函申请1件。", "SUM001") == []
    assert fired("本年度收到申请5件,来信2件。其中答复4件,结转2件。", "SUM001") == []


def test_a_restatement_after_the_complete_cut_is_dropped():
    text = "我局收到申请4件,2件为网络申请,2件为信件申请。其中3件已书面答复,1件结转下年度办理,已办理的3件均属于不掌握的信息。"
    assert (4, [3, 1]) in [(t, p) for t, p, _ in _shape(text)]


def test_the_same_total_cut_two_ways_gives_two_breakdowns():
    text = "收到申请4件。其中网上申请2件,信函申请2件,自然人申请3件,法人申请1件。"
    assert [(t, p) for t, p, _ in _shape(text)] == [(4, [2, 2]), (4, [3, 1])]


def test_another_channel_after_the_complete_list_is_another_measure():
    text = "共公开政务信息40条,其中文件类6条,法规类2条,审计类2条,执法类30条,单位公示栏上公开财务15条,微信公众号发布6条。"
    assert [(t, p) for t, p, _ in _shape(text)] == [(40, [6, 2, 2, 30])]


def test_channels_as_the_parts_themselves_are_kept():
    text = "主动公开信息3911条。其中网页专栏2153条,执法公示平台59条,微信公众号625条,官方微博620条,官方抖音76条。"
    assert _shape(text) == [(3911, [2153, 59, 625, 620, 76], "likely")]


def test_a_sub_lists_remainder_goes_back_to_its_list():
    text = "政府网站发布信息72条,其中:通知公告共17条,包括工作安排12条,工作报告1条,公示公告4条;年度报告1条,其他信息54条。"
    shape = [(t, p) for t, p, _ in _shape(text)]
    assert (72, [17, 1, 54]) in shape
    assert (17, [12, 1, 4]) in shape


def test_a_list_splitting_the_sum_of_the_list_before():
    text = "全年共收到在线申请19件,纸质申请4件,其中,4件属于已公开信息,1件属于依申请公开信息,15件不属于政府信息,3件属于咨询。"
    (bd,) = analysed(text).breakdowns
    assert bd.implied_total == Decimal(23)


# ------------------------------------------------------------------- closure


@pytest.mark.parametrize(
    "text,closure",
    [
        ("全年共收到申请30件,其中网上申请12件,当面申请9件,其他方式申请8件。", "exhaustive"),
        ("全年共收到申请30件,其中网上申请12件,当面申请9件,其余申请8件。", "exhaustive"),
        ("本年度受理申请21件,分别为网上申请12件、当面申请9件。", "exhaustive"),
        ("网上申请12件,当面申请9件,合计22件。", "exhaustive"),
        ("全年共收到申请30件,其中网上申请12件,当面申请9件,信函申请8件。", "likely"),
        ("全年共收到申请30件,其中网上申请12件,当面申请9件,信函申请8件等。", "open"),
        ("全年公开信息100条,主要包括工作动态40条、通知公告20条、人事信息10条。", "open"),
        ("全年公开信息100条,主要包括工作动态40条、通知公告20条以及其他信息等10条。", "open"),
        ("全年共收到申请30件,其中网上申请12件,当面申请9件。", "open"),
        ("主动公开信息47条,其中部门文件22件,通知公告16条,人事任免5条,工作总结1条。", "open"),
    ],
)
def test_how_complete_a_list_claims_to_be(text, closure):
    assert [c for _, _, c in _shape(text)] == [closure]


def test_a_closed_set_of_outcomes_splits_the_answered_requests():
    text = "本年度收到申请90件,答复申请80件。予以公开30件;部分公开10件;不予公开5件;无法提供20件;不予处理5件;其他处理0件。"
    assert _shape(text) == [(80, [30, 10, 5, 20, 5, 0], "exhaustive")]


def test_an_open_set_of_outcomes_is_not_a_closed_list():
    text = "本年度答复申请80件。予以公开30件;部分公开10件;不予公开5件。"
    assert _shape(text) == []


# ------------------------------------------------------------- what is reported


@pytest.mark.parametrize(
    "text,severity",
    [
        ("全年共收到申请30件,其中网上申请12件,当面申请9件,其他方式申请8件。", "error"),
        ("本年度答复申请80件。予以公开30件;部分公开10件;不予公开5件;无法提供20件;不予处理5件;其他处理1件。", "error"),
        ("网上申请12件,当面申请9件,合计22件。", "error"),
        ("全年主动公开信息30条,其中:(1)机构职能5条;(2)规范性文件7条;(3)其他信息20条。", "error"),
        ("主动公开信息18条,其中机构设置1条,领导分工4条,工作规则3条,民生信息5条,工作报告6条。", "warning"),
        ("政务新媒体公开信息200条,其中微信公众号150条,微博90条。", "warning"),
        ("主动公开政府信息100条,其中工作动态60条、通知公告30条、人事信息20条等。", "warning"),
    ],
)
def test_fires(text, severity):
    found = fired(text, "SUM001")
    assert [s for s, _ in found] == [severity], found
    if severity == "warning":
        assert "无法完全确认" in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "主动公开信息106条,其中,部门文件21条,上级政策解读3条,本级政策解读11条,决策部署信息5条。",
        "主动公开信息3911条。其中网页专栏2153条,执法公示平台59条,微信公众号625条,官方微博620条。",
        "全年公开信息100条,主要包括工作动态40条、通知公告20条以及其他信息等10条。",
        "共产生公文类信息124条(包含规范性文件1条),其中主动公开44条,免予公开80条。",
        "收到法人申请16件,其中信函申请14件,网络申请2件,申请事项主要集中在规划等方面,办结13件,结转3件。",
        "我局收到申请4件,2件为网络申请,2件为信件申请。其中3件已书面答复,1件结转下年度,已办理的3件均不掌握。",
        "共公开政务信息40条,其中文件类6条,法规类2条,审计类2条,执法类30条,单位公示栏上公开财务15条,政务公开6条。",
        "本年度收到申请5件,办结3件。其中网上申请3件,当面申请2件,信函申请1件。",
    ],
)
def test_does_not_fire(text):
    assert not warned(text, "SUM001")  # at most an info for a reader to judge


# ------------------------------------------------------- items without a unit


@pytest.mark.parametrize(
    "text,total,parts",
    [
        ("共公开信息140条,其中政务动态61、人事2、通知公告17、其他信息60条。", 140, [61, 2, 17, 60]),
        ("全年公开信息140条,其中:政务动态61,人事任免2,其他50。", 140, [61, 2, 50]),
        ("收到申请10件,其中网上申请3、当面申请4。", 10, [3, 4]),
        ("收到申请10件,其中网上申请3和当面申请7。", 10, [3, 7]),
    ],
)
def test_items_without_a_unit_take_the_totals(text, total, parts):
    assert (total, parts) in [(t, p) for t, p, _ in _shape(text)]


@pytest.mark.parametrize(
    "text",
    [
        "共有规范性文件20件,其中2019年制发5件。",
        "办理事项12项,其中第1、2项已完成。",
        "收到申请10件,其中网上申请3人次、当面申请4人次。",
        "收到申请10件,其中联系电话0571-1234。",
    ],
)
def test_no_unit_less_list_is_invented(text):
    assert all(len(bd.parts) < 2 or bd.total.unit == bd.parts[0].unit for bd in analysed(text).breakdowns)
    assert not warned(text, "SUM001")  # at most an info for a reader to judge


def test_items_without_a_unit_that_do_not_add_up():
    assert [s for s, _ in fired("共公开信息140条,其中政务动态61、人事2、其他信息60条。", "SUM001")] == ["error"]


# --------------------------------------------------- a list finished in the next sentence


@pytest.mark.parametrize(
    "text,total,parts",
    [
        ("全年主动公开信息30条,其中:\n1.机构职能5条;\n2.规范性文件7条。\n3.其他信息20条。", 30, [5, 7, 20]),
        ("全年公开信息80条,其中政务动态21条,通知公告20条。其他信息39条。", 80, [21, 20, 39]),
        ("全年公开信息80条,其中:(1)网站30条。(2)微博50条。", 80, [30, 50]),
    ],
)
def test_a_list_finished_in_the_next_sentence(text, total, parts):
    assert (total, parts) in [(t, p) for t, p, _ in _shape(text)]


@pytest.mark.parametrize(
    "text",
    [
        "其中网上申请3件,当面申请2件。\n(二)依申请公开:收到申请5件。",
        "全年公开信息80条,其中网站30条。微博发布信息,共50条。",
        "全年公开信息80条,其中:(1)网站30条。(3)微博50条。",
        "全年公开信息80条,其中政务动态21条。其他方面,全年培训2次,发放资料50条。",
    ],
)
def test_the_next_sentence_is_not_joined_without_numbering_or_a_remainder(text):
    assert all(len(bd.parts) < 2 or sum(p.value for p in bd.parts) <= 51 for bd in analysed(text).breakdowns)


# ----------------------------------------------------------- approximate figures


@pytest.mark.parametrize(
    "text",
    [
        "本站累计发布信息8620多条,网站开通以来,总共发布动态类信息3105条,公告通知类信息1842条,其他相关信息2950余条。",
        "共发布信息300余条,其中工作动态100条,通知公告150条,其他信息40条。",
        "共发布信息120余条,其中工作动态100条,通知公告50条。",
    ],
)
def test_approximate_ranges_that_cannot_meet_warn(text):
    found = fired(text, "SUM001")
    assert [s for s, _ in found] == ["warning"], found
    assert "约数" in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "共发布信息300余条,其中工作动态100条,通知公告150条,其他信息60条。",
        "共发布信息300余条,其中工作动态100条,通知公告150条。",
        "共发布信息1200余条,其中工作动态800余条,其他信息400余条。",
        "共发布信息90余条,其中工作动态30条,其他信息62条。",
    ],
)
def test_approximate_ranges_that_can_meet_are_silent(text):
    assert not warned(text, "SUM001")  # at most an info for a reader to judge


def test_another_channel_is_cut_even_when_the_classes_stay_below():
    text = "共公开政务信息50条,其中文件类6条,法规类2条,审计类2条,执法类20条,单位公示栏公开财务信息25条。"
    assert [(t, p) for t, p, _ in _shape(text)] == [(50, [6, 2, 2, 20])]
    assert not warned(text, "SUM001")  # at most an info for a reader to judge


def test_分别_right_after_the_total_lists_the_whole():
    text = "本年度共受理申请30件,分别为网上申请12件、当面申请9件、信函申请8件。"
    assert _shape(text) == [(30, [12, 9, 8], "exhaustive")]
    assert [s for s, _ in fired(text, "SUM001")] == ["error"]


def test_分别_after_named_classes_lists_only_those():
    text = "本年度共受理申请30件,网上申请和当面申请分别为12件和9件。"
    assert not warned(text, "SUM001")  # at most an info for a reader to judge
    text = "本年度共受理申请30件,网上申请和当面申请分别为22件和9件。"
    assert [s for s, _ in fired(text, "SUM001")] == ["warning"]


def test_其他组织_is_a_class_not_the_rest():
    text = "本年度收到申请10件,其中自然人申请6件,其他组织申请3件。"
    assert not warned(text, "SUM001")  # at most an info for a reader to judge
    text = "本年度收到申请10件,其中自然人申请6件,法人申请1件,其他申请2件。"
    assert [s for s, _ in fired(text, "SUM001")] == ["error"]


@pytest.mark.parametrize(
    "text,total,parts",
    [
        ("本年度主动公开信息90条,具体为:政务动态50条,通知公告30条,其他信息10条。", 90, [50, 30, 10]),
        ("本年度主动公开信息90条,具体如下:政务动态50条;通知公告30条;其他信息10条。", 90, [50, 30, 10]),
        ("本年度主动公开信息90条,具体包括政务动态50条、通知公告30条和其他信息10条。", 90, [50, 30, 10]),
    ],
)
def test_具体_introduces_a_list(text, total, parts):
    assert (total, parts, "exhaustive") in _shape(text)


def test_a_quoted_name_inside_an_item_does_not_hide_its_marker():
    text = "主动公开政府信息300条,其中,通过“某县人民政府门户网站”发布信息310条,“某县政务微信”发布信息50条。"
    assert [s for s, _ in fired(text, "SUM001")] == ["warning"]


def test_a_class_ending_in_其他信息_is_the_remainder():
    text = "主动公开政府信息500条,其中概况类信息100条;政务动态类信息250条;工作报告、重大事件等民众关心的其他信息共计120条。"
    assert _shape(text) == [(500, [100, 250, 120], "exhaustive")]
    assert fired(text, "SUM001")[0][0] == "error"


def test_items_differing_only_inside_quotes_are_not_repeats():
    text = "网站发布信息20条,其中“政务动态”栏目发布信息2条,“通知公告”栏目发布信息2条,“政策解读”栏目发布信息2条,其他信息14条。"
    assert fired(text, "SUM002") == []
    text = "网站发布信息20条,其中规划总结2条、公文4条、规划总结2条、其他信息12条。"
    assert [s for s, _ in fired(text, "SUM002")] == ["warning"]


def test_parts_each_restating_the_whole_are_no_breakdown():
    text = "主动公开政府信息60条,其中依托政府网站公开信息60条;通过微信公众号公开信息60条;通过政务公开栏公开信息60条。"
    assert _shape(text) == []
    assert not warned(text, "SUM001")  # at most an info for a reader to judge


def test_a_list_right_after_its_total_runs_to_its_end():
    # a complete cut (1+30+25+4 = 60) followed by one more class: the excess stands
    text = "本年度在政府网站发布信息60条,其中年度报告1条,招标信息30条,资产交易信息25条,部门动态4条,机构职能1条。"
    assert [s for s, _ in fired(text, "SUM001")] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        # the list ended with its remainder item; a channel's count follows
        "政府网站公开信息100条,其中政策文件10条、办事指南50条、其它信息40条;依托宣传栏公开困难救助等信息60余条。",
        # the next item restates the total's label: another total, with its own 其中
        "代表区政府处理政府信息公开申请17件,其中处理信函8件、处理网上申请9件,区政府办公室处理政府信息公开申请13件,其中处理信函5件、处理网上申请8件。",
    ],
)
def test_what_follows_a_complete_cut_may_be_another_statement(text):
    assert not warned(text, "SUM001")  # at most an info for a reader to judge

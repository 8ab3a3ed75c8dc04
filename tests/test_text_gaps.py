"""Text that was never filled in or was lost: template guidance, blank periods,
garbled years, empty sections (issue 12, text-quality family)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rule_helpers import found


def _found(tmp_path: Path, rule: str, text: str) -> list[str]:
    return found(tmp_path, rule, text)


@pytest.mark.parametrize(
    "rule,text",
    [
        ("TXT006", "统计数据时限为 起至止。"),
        ("TXT006", "本报告所列数据统计期间自起至止。"),
        ("TXT006", "一、概述\n本段主要介绍本局政府信息公开工作的年度概况。\n"),
        ("TXT006", "二、主动公开情况\n本部分主要说明主动公开的数量和方式。\n"),
        ("TXT006", "联系人:此处填写联系人姓名。"),
        ("TXT012", "统计期限自2020年1月1日起至202020年12月31日止。"),
        ("TXT012", "现将20192020年度报告公布如下。"),
        ("TXT012", "截至20155年底共公开信息。"),
        ("TXT009", "全年共件申请,均已办结。"),
        ("TXT009", "全年主动公开政府信息条,其中文件5条。"),
        ("TXT006", "xx镇人民政府认真落实条例。"),
        ("TXT006", "本报告于201X年发布。"),
        ("TXT006", "于X月X日前报送。"),
    ],
)
def test_gap_fires(tmp_path, rule, text):
    assert len(_found(tmp_path, rule, text)) == 1


@pytest.mark.parametrize(
    "rule,text",
    [
        ("TXT006", "统计数据时限为2020年1月1日起至12月31日止。"),
        ("TXT006", "本部分内容较多,分述如下。本段文字摘自通知。"),
        ("TXT012", "统计期限自20201月1日起至202012月31日止。"),
        ("TXT012", "全年经费200000元,共计12345条,2020年度完成。"),
        ("TXT009", "完善公共条件,一共条理清晰。主动公开政府信息条目清晰,公开信息件数较多。"),
        ("TXT006", "网址http://xxgk.example.gov.cn/zfxxgk/,X射线装置许可2件,XP系统升级。"),
    ],
)
def test_gap_passes(tmp_path, rule, text):
    assert _found(tmp_path, rule, text) == []


EMPTY = "某局{year}年政府信息公开工作年度报告\n一、概述\n我局重视。\n二、{title}\n三、依申请公开政府信息情况\n全年未收到申请。\n"


@pytest.mark.parametrize("title", ["主动公开政府信息情况", "政府信息公开的收费及减免情况"])
@pytest.mark.parametrize("year", [2009, 2015, 2018])
def test_empty_free_text_section_fires(tmp_path, year, title):
    assert len(_found(tmp_path, "TXT011", EMPTY.format(year=year, title=title))) == 1


@pytest.mark.parametrize(
    "year,title",
    [(2019, "主动公开政府信息情况"), (2023, "主动公开政府信息情况"), (2015, "政府信息公开情况统计表"), (2012, "附件")],
)
def test_empty_table_section_is_silent(tmp_path, year, title):
    assert _found(tmp_path, "TXT011", EMPTY.format(year=year, title=title)) == []

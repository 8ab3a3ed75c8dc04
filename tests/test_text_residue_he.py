"""Residue found by the he/hf corpora: a find-and-replace that renamed the
governing instrument (TXT018), a fill-in form's alternatives left in (TXT006),
another department named as owner of the organ's internal goals (TXT010)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rule_helpers import found


@pytest.mark.parametrize(
    "text,count",
    [
        ("某区工商局2009年政府信息公开工作年度报告\n某区工商局严格按照《中华人民共和国工商局信息公开条例》和省、市、区《工商局信息公开规定》的要求。\n", 2),
        ("某县教育局2012年政府信息公开工作年度报告\n我局认真贯彻《中华人民共和国教育局信息公开条例》。\n", 1),
        ("某市统计局2010年度政府信息公开工作年度报告\n根据《中华人民共和国统计信息公开条例》和《某省统计信息公开办法》,我局主动公开信息。\n", 2),
        ("某镇2011年政府信息公开工作年度报告\n我镇贯彻《中华人民共和国镇信息公开条例》。\n", 1),
        ("某市商务局2010年政府信息公开工作年度报告\n我局认真贯彻《商务局信息公开条例》。\n", 1),
    ],
)
def test_instrument_name_replaced_fires(tmp_path: Path, text: str, count: int) -> None:
    assert len(found(tmp_path, "TXT018", text)) == count


@pytest.mark.parametrize(
    "text",
    [
        "某县教育局2012年政府信息公开工作年度报告\n我局认真贯彻《中华人民共和国政府信息公开条例》和《某省政府信息公开规定》。\n",
        "依据《政府信息公开条例》《信息公开条例》,制定《某县教育局信息公开保密制度》和《钟祥镇人民政府信息公开管理办法》。\n",
        "执行《气象部门政府信息公开办法》和《环境信息公开办法(试行)》。\n",
        "执行《某省政府信息公开条例》《某市人民政府信息公开条例》《企业信息公示暂行条例》。\n",
        "按照《中华人民共和国信息公开条例》落实《中华人民共和国政务信息公开条例》和《中华人民共和国人民政府信息公开条例》。\n",
        # the local 规定 alone, with no corrupted national name, is not read
        "某区工商局严格按照《中华人民共和国政府信息公开条例》和《工商局信息公开规定》的要求。\n",
    ],
)
def test_instrument_name_passes(tmp_path: Path, text: str) -> None:
    assert found(tmp_path, "TXT018", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "根据《条例》要求,2009年5月1日起我区(委/办/局)开始开展政府信息公开工作。\n",
        "本单位(局/委/办)设立了政府信息公开查阅点。\n",
        "我(镇/街道)高度重视政府信息公开工作。\n",
        "本(委/局)主动公开政府信息45条。\n",
    ],
)
def test_form_alternatives_fire(tmp_path: Path, text: str) -> None:
    assert len(found(tmp_path, "TXT006", text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "全区各乡(镇/街道)均设立查阅点。\n",
        "上一年项目数量 | 本年增/减 | 处理决定数量\n",
        "电子版可在门户网站(www.example.gov.cn/xxgk/)下载。\n",
        "我局(办公室)负责政府信息公开的日常工作。\n",
        "主题分类:综合政务/公报公示/政府信息公开年报\n",
    ],
)
def test_form_alternatives_pass(tmp_path: Path, text: str) -> None:
    assert found(tmp_path, "TXT006", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "某区司法局2016年政府信息公开工作年度报告\n我局高度重视政府信息公开工作,把这项工作纳入审计局内部管理目标。\n",
        "某县林业局2014年政府信息公开工作年度报告\n本局将政务公开列入统计局内部考核。\n",
        "某市民政局2012年政府信息公开工作年度报告\n我局把信息公开纳入税务局内部管理考评。\n",
    ],
)
def test_other_department_inside_fires(tmp_path: Path, text: str) -> None:
    assert len(found(tmp_path, "TXT010", text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # its own name, short or long
        "某区审计局2016年政府信息公开工作年度报告\n我局把这项工作纳入审计局内部管理目标。\n",
        "某县市场监督管理局2020年政府信息公开工作年度报告\n我局把这项工作纳入市场监管局内部考核。\n",
        # 全局 / 分局 / 本局 / no own voice / a place before the name / internal audit
        "某区司法局2016年政府信息公开工作年度报告\n我局把这项工作纳入全局内部管理目标,纳入分局内部考核。\n",
        "某区司法局2016年政府信息公开工作年度报告\n把这项工作纳入审计局内部管理目标。\n",
        "某区司法局2016年政府信息公开工作年度报告\n我局配合区审计局内部管理考评,协助审计局内部审计。\n",
        "某区司法局2016年政府信息公开工作年度报告\n我局把信息公开纳入局内部管理目标。\n",
        # a name sharing a character with its own may be its own, shortened
        "某市民政局2012年政府信息公开工作年度报告\n我局把信息公开纳入财政局内部管理考评。\n",
        # a township is read by the other signals only
        "某镇2016年政府信息公开工作年度报告\n我镇把这项工作纳入审计局内部管理目标。\n",
    ],
)
def test_other_department_inside_passes(tmp_path: Path, text: str) -> None:
    assert found(tmp_path, "TXT010", text) == []

"""Template and revision residue, lost figures, stray fragments (issue 12, text-quality family).

Several phrasings of each defect, and of the clean text it must not be
confused with, audited through the public API with only the rule selected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.extract.organ import strict_kind
from tests.rule_helpers import found


def _found(tmp_path: Path, rule: str, text: str) -> list[str]:
    return found(tmp_path, rule, text)


@pytest.mark.parametrize(
    "name,kind",
    [
        ("安溪县参内乡人民政府", "township"),
        ("某区某某街道办事处", "township"),
        ("科尔沁右翼中旗哈日诺尔苏木人民政府", "township"),
        ("某镇人民政府党政办公室", "township"),
        ("某市统计局", "department"),
        ("某县发展和改革委员会", "department"),
        ("某县人民政府", "government"),
        ("某县人民政府办公室", None),
        ("", None),
    ],
)
def test_strict_kind(name, kind):
    assert strict_kind(name) == kind


RESIDUE_FIRES = [
    "某县横山镇2023年政府信息公开工作年度报告\n我局积极配合调整,并结合我镇实际做好发布。\n",
    "某县白沙乡人民政府2016年政府信息公开工作年度报告\n本乡高度重视。本局全年公开信息12条。\n",
    "某市东城街道办事处2020年政府信息公开工作年度报告\n我街道认真落实条例,我委及时更新公开目录。\n",
    "某县林业局2014年政府信息公开工作年度报告\n我局高度重视,我乡及时公开涉农补贴信息。\n",
    "某县朝阳镇人民政府2023年政府信息公开工作年度报告\n(一)推动全省政府信息公开工作\n",
    "某县金厂镇人民政府2025年政府信息公开工作年度报告\n(一)组织推动全省政务公开工作。\n",
    "某县水口镇人民政府2021年政府信息公开工作年度报告\n我镇指导全县政府信息公开工作规范开展。\n",
    "某市民政局2015年政府信息公开工作年度报告\n我局统筹推进全省政务公开工作。\n",
    "某县参内乡人民政府2012年政府信息公开工作年度报告\n制定和完善黄村乡信息公开目录和信息公开指南。\n",
    "某县新民镇人民政府2012年政府信息公开工作年度报告\n更新了石桥镇政府信息公开指南。\n",
    "某市新民镇2012年度政府信息公开工作报告\n负责推进、指导、协调、监督管委会各部门信息公开工作。\n",
    "某县大坪乡人民政府2013年政府信息公开工作年度报告\n乡党政办负责指导县直各部门政府信息公开工作。\n",
    "某市迎宾路街道2021年政府信息公开工作年度报告\n我街道受理公民、法人和其他组织向市政府及市政府办公室提出的政府信息公开申请5件。\n",
    "某县白沙乡人民政府2020年政府信息公开工作年度报告\n全年受理向县人民政府提出的信息公开申请2件。\n",
    "苍南县环境保护局2011年度政府信息公开工作年度报告\n我局高度重视。2011年度我办未收到依申请公开的事项。\n",
    "黑龙江省商务厅2008年政府信息公开工作年度报告\n北京市商务委员会政府网站www.example.gov.cn上可下载本报告的电子版。\n",
    "甲县卫生局2012年政府信息公开工作年度报告\n本年报可在乙县卫生局门户网站查阅本报告全文。\n",
]

RESIDUE_PASSES = [
    # a city bureau speaking of its own city
    "某市水利局2009年政府信息公开工作年度报告\n我局指导全市水利系统政府信息公开工作。\n",
    # a provincial department steering the province
    "某省交通运输厅2018年政府信息公开工作年度报告\n我厅推动全省交通运输系统政务公开工作。\n",
    # a township naming the province's platform, its own name, its county's offices
    "某县朝阳镇人民政府2023年政府信息公开工作年度报告\n我镇依托全省政府网站集约化平台,完善朝阳镇信息公开目录,配合县直各部门。\n",
    "某县朝阳镇人民政府2023年政府信息公开工作年度报告\n按照全省统一部署,全镇政府信息公开工作有序推进。\n",
    # generic words before 镇/乡 are not names
    "某县赤水镇人民政府2012年政府信息公开工作年度报告\n成立以镇长为组长、党政办人员为成员的镇政府信息公开工作领导小组,及时完善镇政府信息公开指南。\n",
    # a township that never speaks in its own voice: 我局 alone proves nothing
    "某县横山镇2023年政府信息公开工作年度报告\n县财政局表示,我局将继续支持。\n",
    # a township's report written by its 党政办; "本办法" is a regulation
    "某县白沙乡人民政府2017年政府信息公开工作年度报告\n我乡高度重视,我办认真落实。依照本办法执行。\n",
    "某县林业局2014年政府信息公开工作年度报告\n我局高度重视,严格执行本办法。\n",
    # the report can be read on its own or its government's site
    "青岛市李沧区卫生局2009年政府信息公开工作年度报告\n本报告可在李沧区卫生局网站下载本报告。\n",
    "甲县卫生局2012年政府信息公开工作年度报告\n可在甲县人民政府门户网站下载本报告。\n",
    # another organ's action on the wider area, reported by the township
    "某县朝阳镇人民政府2023年政府信息公开工作年度报告\n我镇按照县政府推进全县政务公开工作的部署,认真落实。\n",
    "某县朝阳镇人民政府2023年政府信息公开工作年度报告\n根据《某县推进全县政务公开工作实施方案》,我镇认真落实。\n",
    # another speaker quoted; a bureau's own office writing "我办"
    "某县横山镇2023年政府信息公开工作年度报告\n我镇认真落实。县财政局表示:“我局将继续支持。”\n",
    "某县林业局2014年政府信息公开工作年度报告\n我局高度重视,由局办公室负责日常工作,我办全年受理申请2件。\n",
    # applications addressed to the township itself
    "某县白沙乡人民政府2020年政府信息公开工作年度报告\n全年受理向本乡人民政府提出的信息公开申请2件。\n",
    # a county government compiling the county-wide report
    "某县人民政府2020年政府信息公开工作年度报告\n县政府办指导全县各乡镇推进政府信息公开工作。\n",
]


@pytest.mark.parametrize("text", RESIDUE_FIRES)
def test_organ_residue_fires(tmp_path, text):
    assert len(_found(tmp_path, "TXT010", text)) == 1


@pytest.mark.parametrize("text", RESIDUE_PASSES)
def test_organ_residue_passes(tmp_path, text):
    assert _found(tmp_path, "TXT010", text) == []


@pytest.mark.parametrize(
    "rule,text,count",
    [
        ("TXT007", "本报告由概述等八87部分组成。", 1),
        ("TXT007", "全年公开信息五12条。", 1),
        ("TXT007", "今年本2016年,我局认真开展工作。", 1),
        ("TXT007", "现将2015本年度政府信息公开工作情况报告如下。", 1),
        ("TXT013", "本报告由概述,、主动公开情况;、依申请公开情况组成。", 2),
        ("TXT013", "举报投诉情况、,收费情况。", 1),
        ("TXT009", "全镇主动公开政府信息共计十一大类条(其中政府领导231条)。", 1),
        ("TXT009", "全年受理申请合计件,均按期答复。", 1),
        ("TXT009", "公开信息总计三类件。", 1),
        ("TXT006", "由某县地方税务局(镇街、单位名称)编制。", 1),
        ("TXT006", "报告电子版可在(具体网址)下载。", 1),
        ("TXT006", "请与(请填写联系部门)联系。", 1),
        ("TXT006", "报告统计数据截止时间为\n一、概述\n", 1),
        ("TXT008", "根据《关于印发<某某年度报告格式>的通知》制作。电话:123。 某某年度报告格式>\n", 1),
        ("TXT008", "根据《某区人民政府<关于切实做好施行<中华人民共和国政府信息公开条例>准备工作的通知》要求。\n", 1),
    ],
)
def test_text_quality_fires(tmp_path, rule, text, count):
    assert len(_found(tmp_path, rule, text)) == count


@pytest.mark.parametrize(
    "rule,text",
    [
        ("TXT007", "本报告由概述等八部分组成。第十1条不适用。2015年,本年度共办理12件;今年以来办理3件。"),
        ("TXT007", "依据第三十2款规定。"),
        ("TXT009", "全镇主动公开政府信息共计438条,分为十一大类。符合三类条件的申请合计12件。共计条例2部。"),
        ("TXT009", "各类件数合计如下。"),
        ("TXT006", "由某县地方税务局编制。报告电子版可在门户网站(www.example.gov.cn)下载。报告统计数据截止时间为2020年12月31日。"),
        ("TXT006", "(以下简称《条例》)(单位:件)"),
        ("TXT008", "首页 > 政务公开 > 年度报告\n工业快报> 数据 >详情\n2013年>>正文\n"),
        ("TXT008", "根据《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》制作。\n"),
    ],
)
def test_text_quality_passes(tmp_path, rule, text):
    assert _found(tmp_path, rule, text) == []

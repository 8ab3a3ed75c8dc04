"""STR004 (title without the issuing agency), STR005 (title and signature disagree) and the organ read
from the body, several phrasings each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.extract.meta import body_agency

_SECTIONS = "\n一、概述\n全年主动公开信息56条。\n二、依申请公开情况\n全年未收到申请。\n三、存在的主要问题和改进措施\n进一步加强培训。\n"


def _severities(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = audit([tmp_path], Config(select=["STR004"]), today=date(2026, 6, 30))
    return [f.severity.value for f in result.findings if f.rule == "STR004"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("  2011年,某某县在省、市主管部门的正确指导下,认真贯彻落实《条例》。", "某某县"),  # indented, a place standing for its government
        ("2020年度,某阳县全面贯彻落实《条例》。", "某阳县"),
        ("2019年,某某自治州紧紧围绕中心工作。", "某某自治州"),
        ("\u30002014年,某某县民政局认真贯彻落实《条例》。", "某某县民政局"),
    ],
)
def test_body_names_its_organ(text: str, name: str) -> None:
    assert body_agency("本年报根据《条例》编制。\n" + text) == name


@pytest.mark.parametrize(
    "text",
    [
        "2011年,全县在县委县政府的领导下,认真贯彻落实《条例》。",
        "2011年,我县在省、市主管部门的正确指导下开展工作。",
        "2011年,该市在上级指导下开展工作。",
        "2023年,市临空经济区以习近平新时代中国特色社会主义思想为指导。",
        "本报告所列数据为2011年,某某县在当年的政府信息公开统计数据。",  # not a sentence opening a line
    ],
)
def test_body_names_no_organ(text: str) -> None:
    assert body_agency("本年报根据《条例》编制。\n" + text) == ""


@pytest.mark.parametrize(
    "text",
    [
        # the report never names its organ
        "2015年政府信息公开工作年度报告\n我局根据《条例》要求,现将2015年度信息公开工作情况总结如下:" + _SECTIONS,
        # a name that does not say which province / county
        "2017政府信息公开工作报告\n2017年,省法制办紧紧围绕中心工作。" + _SECTIONS,
        "2017年政府信息公开工作年度报告\n2017年,区民政局认真贯彻落实《条例》。" + _SECTIONS,
    ],
)
def test_title_without_agency_warns(tmp_path: Path, text: str) -> None:
    assert _severities(tmp_path, text) == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        # a page title on the organ's site; the text names the county
        "2011年度政府信息公开年度报告\n发布时间:2012-02-24\n  本年报根据《条例》要求编制。所列数据为县本级的统计数据。\n"
        "  2011年,某某县在省、市主管部门的正确指导下,认真贯彻落实《条例》。" + _SECTIONS,
        # the signature names the organ with its place
        "2015年政府信息公开工作年度报告\n2015年,我局认真贯彻落实《条例》。" + _SECTIONS + "某某县林业局\n2016年1月20日",
        "2020年政府信息公开工作年度报告\n2020年度,某阳县全面贯彻落实《条例》。" + _SECTIONS,
    ],
)
def test_title_without_agency_named_in_text_is_information(tmp_path: Path, text: str) -> None:
    assert _severities(tmp_path, text) == ["info"]


@pytest.mark.parametrize(
    "text",
    [
        "某某县2011年政府信息公开年度报告\n2011年,某某县在上级指导下开展工作。" + _SECTIONS,
        "某某县林业局\n2015年政府信息公开工作年度报告\n2015年,我局认真贯彻落实《条例》。" + _SECTIONS,
    ],
)
def test_title_with_agency_is_silent(tmp_path: Path, text: str) -> None:
    assert _severities(tmp_path, text) == []


def _str005(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = audit([tmp_path], Config(select=["STR005"]), today=date(2026, 6, 30))
    return [f.message for f in result.findings if f.rule == "STR005"]


@pytest.mark.parametrize(
    "title, signature",
    [
        ("某市某某区", "某某区人民政府"),  # the signature leaves out the city
        ("某某省某某市统计局", "某某市统计局"),
        ("某某自治州某某县人民政府", "某某县人民政府"),
        ("某某县", "某某县人民政府办公室"),
        ("某某区人民政府", "某某区人民政府办公室"),
    ],
)
def test_same_organ_in_title_and_signature(tmp_path: Path, title: str, signature: str) -> None:
    text = f"{title}2021年政府信息公开工作年度报告\n2021年,我单位认真贯彻落实条例。\n{signature}\n2022年1月10日"
    assert _str005(tmp_path, text) == []


@pytest.mark.parametrize(
    "title, signature",
    [
        ("威海市文登人民政府办公室", "威海市文登区人民政府办公室"),  # a character lost
        ("某某县民政局", "某某县人民政府办公室"),
        ("某某市某某区统计局", "某某市某某县统计局"),
        ("某县城市管理局", "某县交通管理局"),  # 城市 is not a higher place to drop
    ],
)
def test_different_organ_in_title_and_signature(tmp_path: Path, title: str, signature: str) -> None:
    text = f"{title}2021年政府信息公开工作年度报告\n2021年,我单位认真贯彻落实条例。\n{signature}\n2022年1月10日"
    assert len(_str005(tmp_path, text)) == 1

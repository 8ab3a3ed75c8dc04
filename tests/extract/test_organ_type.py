"""Organ types for the 2019 deadlines, read from names and text."""

from __future__ import annotations

import pytest

from auditor.extract.organ import classify
from auditor.model import Document


def _doc(agency: str = "", text: str = "", signature: str = "") -> Document:
    d = Document(id="x.txt", source="x.txt", part=None, format="txt", encoding="utf-8", raw=text, text=text, agency=agency)
    if signature:
        d.meta.signature_agency = signature
    return d


@pytest.mark.parametrize(
    "agency, text, kind",
    [
        ("某市人民政府", "", "government"),
        ("某某市", "2020年,某某市认真贯彻条例。", "government"),  # title without 人民政府
        ("某自治县政府", "", "government"),
        ("某县卫生局", "", "department"),
        ("国家税务总局某市税务局", "", "department"),
        ("某县公安局某分局", "", "department"),
        ("某省自然资源厅", "", "department"),
        ("某镇", "", "township"),
        ("某镇人民政府", "", "township"),
        ("某区某街道办事处", "", "township"),
        ("某苏木人民政府", "", "township"),
        ("某镇人民政府办公室", "", "township"),
        ("某县第二中学", "", "other"),
        ("某区机关后勤服务中心", "", "other"),
        ("某县人民政府办公室", "2021年,本办加强信息公开。", "department"),
        ("某县人民政府办公室", "2021年,全县各乡镇、各部门主动公开政府信息4109条。", "government"),
        ("", "2021年,我镇主动公开信息30条。", "township"),
        ("", "2021年,我局主动公开信息30条。", "department"),
        ("", "2021年,我县坚持公开为常态,全县主动公开信息300条。", "government"),
        ("", "2021年,政府信息公开工作稳步推进。", "unknown"),
    ],
)
def test_classify(agency: str, text: str, kind: str) -> None:
    assert classify(_doc(agency, text)).kind == kind


def test_title_and_signature_of_different_types_is_unknown() -> None:
    assert classify(_doc("某县卫生局", "", signature="某镇人民政府")).kind == "unknown"


def test_reason_names_the_evidence() -> None:
    t = classify(_doc("某某市"))
    assert "某某市" in t.reason


def test_publisher_name_against_a_township_text_is_unknown() -> None:
    # a township's page whose 发布机构 is the county office
    t = classify(_doc("某县人民政府办公室", "2021年,我镇认真贯彻落实条例。"))
    assert t.kind == "unknown"


def test_a_city_bureau_speaking_of_its_city_is_still_a_department() -> None:
    assert classify(_doc("某市市场监督管理局", "2017年,我市市场监管系统主动公开信息。")).kind == "department"


def test_office_compiling_from_townships_and_departments_is_the_government() -> None:
    text = "本报告由某县人民政府办公室综合各乡(镇)、县政府各组成部门及直属机构政府信息公开年度报告编制。"
    assert classify(_doc("某县人民政府办公室", text)).kind == "government"


def test_a_development_zone_committee_is_not_held_to_the_department_date() -> None:
    assert classify(_doc("某经济技术开发区管理委员会")).kind == "other"


@pytest.mark.parametrize(
    "agency, title, kind",
    [
        ("", "湖北省某市气象部门2022年政府信息公开工作年度报告", "department"),
        ("", "某市气象部门2023年政府信息公开工作年度报告", "department"),
        ("某县税务部门", "", "department"),
        ("某市某区财政部门", "", "department"),
        ("某海关", "", "department"),
        ("某市气象局", "", "department"),
    ],
)
def test_a_place_system_or_vertical_bureau_is_a_department(agency: str, title: str, kind: str) -> None:
    d = _doc(agency, "2022年,我市气象部门推进政务公开。")
    d.title = title
    assert classify(d).kind == kind


@pytest.mark.parametrize(
    "name", ["某县人民政府部门", "某市有关部门", "某市各部门", "某区政府部门", "某市区各部门", "某县相关部门", "气象部门"]
)
def test_words_for_departments_in_general_are_not_a_name(name: str) -> None:
    from auditor.extract.organ import type_by_name

    assert type_by_name(name) is None


def test_a_system_title_does_not_override_a_read_agency() -> None:
    d = _doc("某镇人民政府", "2022年,我镇推进政务公开。")
    d.title = "某市气象部门2022年政府信息公开工作年度报告"
    assert classify(d).kind == "township"

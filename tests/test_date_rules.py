"""Year, period, date and deadline rules on whole reports, several phrasings each (fires / stays silent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.config import Config


def _findings(tmp_path: Path, rule: str, text: str):
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = audit([tmp_path], Config(select=[rule]), today=date(2026, 6, 30))
    return [f for f in result.findings if f.rule == rule]


def _raised(tmp_path: Path, rule: str, text: str) -> list[str]:
    return [f.severity.value for f in _findings(tmp_path, rule, text) if f.severity.value != "info"]


LATE_FIRES = [
    # era A, every organ by 03-31
    "某县环境保护局2010年政府信息公开工作年度报告\n发布日期:2011-04-20\n2010年,我局认真贯彻落实条例。",
    "某镇2011年政府信息公开工作年度报告\n时间:2012-04-12 09:00\n2011年,我镇认真贯彻落实条例。",
    # era B/C department by 01-31
    "国家税务总局某市税务局2020年政府信息公开工作年度报告\n发布时间:2021-02-10\n2020年,本局认真贯彻落实条例。",
    "某县人民政府办公室2021年政府信息公开工作年度报告\n发布日期:2022-02-15\n2021年,本办认真贯彻落实条例。",
    "某县统计局2021年政府信息公开工作年度报告\n2021年,我局认真贯彻落实条例。\n某县统计局 2022年2月15日",  # agency and date on one line
    "某县统计局2021年政府信息公开工作年度报告\n【发布时间:2022-02-15】\n2021年,我局认真贯彻落实条例。",
    # re-posted page, but the report's own 成文 date is late
    "某县统计局2021年政府信息公开工作年度报告\n成文日期:2022-02-20 | 发布日期:2024-05-06\n2021年,我局认真贯彻落实条例。",
    # any organ after 03-31
    "某旗2021年政府信息公开工作年度报告\n发布日期 | 2022-04-06 |\n2021年,我旗认真贯彻落实条例。",
    "2021年政府信息公开工作年度报告\n发布日期:2022-04-10\n2021年,政府信息公开工作稳步推进。",  # organ unknown: still late
]
LATE_PASSES = [
    "某某市2020年政府信息公开工作年度报告\n发布时间: 2021-03-05 19:11\n2020年,某某市认真贯彻落实条例。",
    "某县2023年政府信息公开工作年度报告\n发布日期:2024-03-08\n2023年,全县各级行政机关坚持公开为常态。",
    "某区某街道办事处2020年政府信息公开工作年度报告\n发布时间:2021-03-18\n2020年,我街道认真贯彻落实条例。",
    "某县人民政府办公室2025年政府信息公开工作年度报告\n发布日期:2026-03-19\n2025年,全县各乡镇、各部门主动公开信息4109条。",
    "2021年政府信息公开工作年度报告\n发布日期:2022-03-10\n2021年,政府信息公开工作稳步推进。",  # unknown: lenient
    "某县统计局2021年政府信息公开工作年度报告\n发布日期:2022-01-31\n2021年,我局认真贯彻落实条例。",
    "某县统计局2021年政府信息公开工作年度报告\n详见http://www.example.gov.cn/2022/0420/1.html\n2021年,我局认真贯彻落实条例。",
    # the last date line dates a related page, not the report
    "某县统计局2021年政府信息公开工作年度报告\n一、总体情况\n2021年,我局认真贯彻落实条例。\n相关链接:\n某县统计局2022年政务公开工作要点\n2022-05-01",
]


@pytest.mark.parametrize("text", LATE_FIRES)
def test_late_publication_fires(tmp_path: Path, text: str) -> None:
    assert _raised(tmp_path, "LATE001", text) == ["warning"]


@pytest.mark.parametrize("text", LATE_PASSES)
def test_late_publication_silent(tmp_path: Path, text: str) -> None:
    assert _findings(tmp_path, "LATE001", text) == []


@pytest.mark.parametrize(
    "text",
    [
        "某省机关事务管理局2008年度信息公开报告\n发布时间:2020-07-21\n2008年,我局认真贯彻落实条例。",
        "某县环境保护局2011年政府信息公开工作年度报告\n发布日期:2020-06-23\n2011年,我局认真贯彻落实条例。",
    ],
)
def test_repost_is_information_only(tmp_path: Path, text: str) -> None:
    found = _findings(tmp_path, "LATE001", text)
    assert [f.severity.value for f in found] == ["info"] and found[0].data["repost"]


PERIOD_FIRES = [
    "某县农业局2016年政府信息公开工作年度报告\n本报告所列数据统计时间从201611日至20161130日。",
    "某市人民医院2022年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2022年1月1日起至2022年12月20日止。",
    "某镇2013年政府信息公开工作年度报告\n本报告统计期限为2013年4月1日至2013年12月31日。",
    "某镇2013年政府信息公开工作年度报告\n报告期为2013年1月1日至次年3月15日。",
    "某苏木2019年政府信息公开工作年度报告\n截至2019年12月30日,我苏木主动公开143条信息。",
    "某局2020年政府信息公开工作年度报告\n截止到2020年11月30日,共受理依申请公开3件。",
    "某局2020年政府信息公开工作年度报告\n本报告数据统计截止时间为2020年12月20日。",
    # what the report says it covers, the end without its year
    "某县人民政府2020年政府信息公开工作年度报告\n本报告由总体情况等六部分组成,涵盖2020年1月1日至12月21日某县人民政府信息公开工作情况。",
    "某区公路局2015年度政府信息公开工作年度报告\n本报告内容涵盖某区公路局2015年2月1日至12月31日期间的政府信息公开工作情况。",
]
PERIOD_PASSES = [
    "某县审计局2018年政府信息公开工作年度报告\n本报告中所列数据的统计期限自201811日起至1231日止。",
    "某县审计局2018年政府信息公开工作年度报告\n统计数据时限为2018年11日至2018年1231日。",
    "某镇2021年政府信息公开工作年度报告\n统计期限为20211月1日至202112月31日。",
    "某县民政局2008年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2008年5月1日起至2008年12月31日止。",
    "某局2019年政府信息公开工作年度报告\n截至2019年12月31日,我局主动公开信息56条。截至2019年12月底,共受理申请2件。",
    "某局2019年政府信息公开工作年度报告\n截至2019年6月30日,完成网站改版。截至2019年11月30日,累计公开信息5000条。",
    "某局2019年政府信息公开工作年度报告\n截至2019年12月20日,门户网站完成改版。",
    "某县应急管理局2019年政府信息公开工作年度报告\n我局于2019年3月挂牌成立,本报告统计期限为2019年3月1日至2019年12月31日。",
    "某区公路局2015年度政府信息公开工作年度报告\n本报告内容涵盖某区公路局2015年1月1日至12月31日期间的政府信息公开工作情况。",
    "某县2020年政府信息公开工作年度报告\n本报告由六部分组成。\n一、总体情况\n今年开展的专项检查涵盖2020年1月1日至6月30日发布的政府信息。",
]


@pytest.mark.parametrize("text", PERIOD_FIRES)
def test_period_coverage_fires(tmp_path: Path, text: str) -> None:
    assert _raised(tmp_path, "YR002", text) == ["warning"]


@pytest.mark.parametrize("text", PERIOD_PASSES)
def test_period_coverage_silent(tmp_path: Path, text: str) -> None:
    assert _findings(tmp_path, "YR002", text) == []


YEAR_FIRES = [
    "某区卫生局2009年政府信息公开年度报告\n特向社会公布2008年度卫生局信息公开工作年度报告。",
    "某区卫生局2018年政府信息公开年度报告\n本年报是根据《条例》要求,由某区卫生局编制的2019年度政府信息公开年度报告。",
    "某市2023年政府信息公开工作年度报告\n根据《条例》要求,现公布《某市2022年政府信息公开工作年度报告》。",
    "某县林业局2015年政府信息公开工作年度报告\n统计期限自2014年1月1日起至2014年12月31日止。",
    # the year whose work the report is made from, left over from last year's text
    "某镇2021年政府信息公开工作年度报告\n本年报根据《条例》、《2021年政务公开工作安排》要求,某镇人民政府积极主动地完成2020年政府信息公开工作,形成本报告。本报告所列数据统计期限自2021年1月1日至2021年12月31日。",
    "某县民政局2016年政府信息公开工作年度报告\n根据《条例》要求,对2015年度政府信息公开工作进行了总结,编制本报告。",
]
YEAR_PASSES = [
    "某县民政局2013年政府信息公开工作年度报告\n特向社会公布2013年度本局政府信息公开工作年度报告。\n一、概述\n2013年,我局主动公开信息120条,较2012年增加10条。\n二、下一步\n2014年,我局将继续深化政府信息公开。",
    "某县民政局2021年政府信息公开工作年度报告\n根据国办公开办函〔2019〕60号和《条例》(2008年5月1日起施行)要求,现公布本报告。\n2021年,我局认真贯彻落实条例。",
    "某县民政局2023年政府信息公开工作年度报告\n现公布《某县民政局2023年政府信息公开工作年度报告》。\n一、总体情况\n2023年,我局发布《某县民政局2022年政府信息公开工作年度报告》。",
    "某镇2011年政府信息公开年度报告\n本年报中所列数据的统计期限自201111日起至1231日止。\n2011年,我镇认真贯彻落实条例。",
    "某镇2020年政府信息公开工作年度报告\n本年报根据《条例》、《2020年政务公开工作安排》要求,某镇人民政府积极主动地完成2020年政府信息公开工作,形成本报告。",
    # the work plan of the publishing year cited beside this year's report
    "某镇2020年政府信息公开工作年度报告\n根据《2021年政务公开工作要点》和关于做好2021年政务公开工作安排的通知要求,对照落实情况编制本报告。\n2020年,我镇认真贯彻落实条例。",
]


YEAR_PLANS = [
    "某县统计局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息56条。\n五、存在的主要问题及改进情况\n2022年,我局要进一步加强政府信息公开工作。",
    "某县统计局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息56条。\n五、存在的主要问题及改进情况\n(二)改进措施\n2022年,我局持续深化政务公开,着力提升公开质量。",
    "某县统计局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息56条。\n六、下一步工作打算\n2022年,我局继续做好政府信息公开工作。",
    "某县统计局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息56条。2022年,我局拟新建政务公开专区。",
]
YEAR_WARNS = [
    # one body sentence of another year: background or a left-over, the reader checks
    "某县统计局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息56条。2020年,我局被评为政务公开先进单位。",
    "某县统计局2021年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息56条,较2020年增加5条。2020年,我局主动公开51条。",
]
YEAR_ERRORS = [
    # the narrative of another year, twice
    "某县统计局2021年政府信息公开工作年度报告\n一、概述\n2020年,我局认真贯彻落实《条例》。\n二、主动公开\n2020年,我局主动公开政府信息56条。",
    # a later year reported on, outside any plan
    "某县统计局2020年政府信息公开工作年度报告\n统计期限为2021年1月1日至2021年12月31日。\n2021年,我局主动公开政府信息56条。",
]


@pytest.mark.parametrize("text", YEAR_PLANS)
def test_year_consistency_plans_are_not_claims(tmp_path: Path, text: str) -> None:
    assert _findings(tmp_path, "YR001", text) == []


@pytest.mark.parametrize("text", YEAR_WARNS)
def test_year_consistency_one_body_sentence_warns(tmp_path: Path, text: str) -> None:
    found = _findings(tmp_path, "YR001", text)
    assert [f.severity.value for f in found] == ["warning"] and "请核对" in found[0].message


@pytest.mark.parametrize("text", YEAR_ERRORS)
def test_year_consistency_repeated_or_period_is_error(tmp_path: Path, text: str) -> None:
    assert _raised(tmp_path, "YR001", text) == ["error"]


@pytest.mark.parametrize("text", YEAR_FIRES)
def test_year_consistency_fires(tmp_path: Path, text: str) -> None:
    assert _raised(tmp_path, "YR001", text) == ["error"]


@pytest.mark.parametrize("text", YEAR_PASSES)
def test_year_consistency_silent(tmp_path: Path, text: str) -> None:
    assert _findings(tmp_path, "YR001", text) == []


@pytest.mark.parametrize(
    "text, severity",
    [
        ("某县水利局2019年政府信息公开工作年度报告\n2019年,我局认真贯彻落实条例。\n2019年12月20日", "error"),
        ("某县水利局2019年政府信息公开工作年度报告\n2019年,我局认真贯彻落实条例。\n特此报告\n2019年12月20日", "error"),
        # the report's own title with its page date under it
        ("某县水利局2021年政府信息公开工作年度报告\n2021-12-15\n一、总体情况\n2021年,我局认真贯彻落实条例。", "error"),
        ("某县水利局2010年政府信息公开工作年度报告\n发布时间:2010-01-27 17:00:31\n2010年,我局认真贯彻落实条例。", "error"),
        ("某县水利局2019年政府信息公开工作年度报告\n统计期限为2019年1月1日至2019年2月30日。\n2020年1月15日", "error"),
        ("某县水利局2018年政府信息公开工作年度报告\n统计期限自2018年1月1日起至201818年12月31日止。\n2019年1月15日", "info"),
    ],
)
def test_date_validity_fires(tmp_path: Path, text: str, severity: str) -> None:
    assert [f.severity.value for f in _findings(tmp_path, "DAT001", text)] == [severity]


@pytest.mark.parametrize(
    "text",
    [
        "某县水利局2018年政府信息公开工作年度报告\n统计期限自201811日起至20181231日止。\n二〇一九年一月十五日",
        "某县水利局2019年政府信息公开工作年度报告\n2019年,我局认真贯彻落实条例。\n二O二O年一月九日",
        "某县水利局2019年政府信息公开工作年度报告\n发布日期:2020-01-09\n《条例》自2008年5月1日起施行。",
        # the title names the year of publication, the body the year reported on: YR001's finding
        "二〇一〇年某镇人民政府政府信息公开工作年度报告\n现将我镇二〇〇九年度工作情况报告如下:\n2009年,我镇积极推进政府信息公开工作。\n某镇人民政府\n二〇一〇年三月十日",
        # a date line under another document's title dates that document
        "某县水利局2021年政府信息公开工作年度报告\n一、总体情况\n2021年,我局认真贯彻落实条例。\n附件:关于印发《某县水利局2021年政务公开工作要点》的通知\n2021年3月15日",
        "某县水利局2021年政府信息公开工作年度报告\n一、总体情况\n2021年,我局认真贯彻落实条例。\n相关链接:\n某县水利局2020年政府信息公开工作年度报告\n2021-01-15",
        "某县水利局2021年政府信息公开工作年度报告\n一、总体情况\n2021年,我局认真贯彻落实条例。\n二、主动公开\n转发省水利厅关于做好防汛工作的通知\n2021年6月1日",
    ],
)
def test_date_validity_silent(tmp_path: Path, text: str) -> None:
    assert _findings(tmp_path, "DAT001", text) == []

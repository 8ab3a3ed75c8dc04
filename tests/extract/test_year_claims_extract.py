"""The year a preamble names its report with, and the years figures are given for."""

from __future__ import annotations

import pytest

from auditor.extract.meta import report_years
from auditor.extract.year_claims import figure_years, reports_published, self_references


@pytest.mark.parametrize(
    "text, year",
    [
        ("根据《条例》,特向社会公布2008年度卫生局信息公开工作年度报告。本报告由概述等组成。", 2008),
        ("本年报是根据《条例》要求,由某区卫生局编制的2019年度政府信息公开年度报告。", 2019),
        ("根据《条例》,现公布《某市2022年政府信息公开工作年度报告》。", 2022),
        ("现公布某县农业局2010年政府信息公开工作年度报告。", 2010),
        ("特向社会公布我旗2021年度信息公开年度报告。", 2021),
        ("编制了《某县气象局2015年政府信息公开工作年度报告》(以下简称年报)。", 2015),
        ("现将2019年政府信息公开工作年度报告公布如下。", 2019),
        # the year whose work the report is made from
        ("某镇人民政府认真落实措施,积极主动地完成2020年政府信息公开工作,形成本报告,本报告报送备案。", 2020),
        ("根据《条例》要求,对2020年度政府信息公开工作进行了总结,编制本报告。", 2020),
        ("总结2019年度政府信息公开工作情况,特编制本年报。", 2019),
        ("就我局2018年政务公开工作形成本报告。", 2018),
    ],
)
def test_self_reference(text: str, year: int) -> None:
    assert [c.year for c in self_references(text)] == [year]


@pytest.mark.parametrize(
    "text",
    [
        "根据《关于做好2022年政府信息公开工作年度报告编制工作的通知》要求,编制本报告。",
        "根据国办公开办函〔2019〕60号要求,编制本报告。",
        "《条例》自2008年5月1日起施行。",
        # cited plans and notices, another report, a year opening the sentence
        "根据关于做好2022年度政务公开工作要点的通知要求,对照落实情况编制本报告。",
        "根据《2021年政务公开工作安排》要求,完成各项任务,形成本报告。",
        "完成2021年政务公开工作要点任务分解,形成本报告。",
        "按时完成2020年度政府信息公开工作年度报告的编制,并编制本报告。",
        "2022年某市严格贯彻落实规定,做好政府信息公开工作并编制本年度报告。",
        "对2020年度政府信息公开工作进行了总结。下一步将编制2021年计划。",  # no 本报告
    ],
)
def test_no_self_reference(text: str) -> None:
    assert self_references(text) == []


def test_reports_published_in_the_body_only() -> None:
    text = (
        "现公布《某厅2025年度政府信息公开工作年度报告》。\n一、总体情况\n"
        "(一)主动公开。按时发布《某厅2025年度政府信息公开工作年度报告》。"
    )
    (c,) = reports_published(text)
    assert c.year == 2025 and c.phrase_start > text.index("一、")


@pytest.mark.parametrize(
    "text, years",
    [
        ("2010年度主动公开政府信息54条。", [2010]),
        ("2011年,我局主动公开政府信息共60条。", [2011]),
        ("此外,2010年我镇通过门户网站公开各类政府信息24余条。", [2010]),
        ("全年主动公开政府信息130条。", [None]),
        ("2015年主动公开信息130条,较2014年主动公开信息120条增加10条。", [2015]),  # comparison left out
        ("截至2014年底累计主动公开政府信息5928条。", []),  # running total left out
        ("2015年我局计划主动公开信息150条。", []),  # a plan
        # a count without a year takes the year its paragraph opens with
        ("2019年,我镇通过县政府网站公开信息94条。通过微信公众平台公布信息25条。通过新闻和报纸公开信息611条。", [2019, 2019]),
        ("2019年,我镇认真落实条例。全年主动公开信息94条。", [None]),  # 全年: the report's own year
        ("2019年,我镇认真落实条例。较上年多公开信息9条。", [None]),  # a comparison
        ("2020年,我镇将继续深化公开。通过网站公开信息94条。", [None]),  # a plan opens no paragraph's year
        ("全年工作稳步推进。\n2019年,我镇认真落实条例。\n通过网站公开信息94条。", [None]),  # another paragraph
    ],
)
def test_figure_years(text: str, years: list[int | None]) -> None:
    assert [c.year if c else None for c, _, _ in figure_years(text)] == years


@pytest.mark.parametrize(
    "text, years",
    [
        ("2013年,我局主动公开信息120条。", [2013]),
        ("2014年,我局将继续深化政府信息公开。", []),
        ("下一步,2014年我局将进一步加强培训。", []),
        ("2013年,我局将信息公开纳入重要议事日程。", [2013]),  # 将 as 把: a past fact
        ("下一步工作打算:\n2014年,我局深化公开。", []),
        ("2013年,我局主动公开。下一步,2014年我局继续加强培训。", [2013]),
    ],
)
def test_plans_are_not_report_years(text: str, years: list[int]) -> None:
    assert report_years(text) == years

"""auditor.extract.meta on small invented reports: title, agency, year, kind, signing and publication dates.

Documents are built and analysed as the pipeline does (`document_from_text`,
`analyse`), and the assertions read the Document's own fields; every span is
checked against the canonical text it points into.
"""

from __future__ import annotations

import pytest

from auditor.extract.meta import agency_key, organ_like, report_year_spans, report_years, truncation
from auditor.ingest import document_from_text
from auditor.model import DateValue, Document
from auditor.pipeline import analyse


def _doc(text: str) -> Document:
    return analyse(document_from_text(text, "r.txt")[0])


def _date(d: DateValue | None) -> tuple[str, str] | None:
    return None if d is None else (d.iso(), d.text)


def _at(doc: Document, d: DateValue) -> str:
    return doc.text[d.start : d.end]


def test_2008_era_report_signed_in_chinese_numerals():
    doc = _doc(
        "桐川县水务局2008年政府信息公开工作年度报告\n"
        "根据《中华人民共和国政府信息公开条例》,现将我局2008年政府信息公开工作情况报告如下。\n"
        "一、主动公开政府信息情况\n全年主动公开信息35条。\n"
        "桐川县水务局\n二〇〇九年三月二十日"
    )
    assert doc.title == "桐川县水务局2008年政府信息公开工作年度报告"
    assert doc.title_span is not None and doc.text[doc.title_span.start : doc.title_span.end] == doc.title
    assert (doc.agency, doc.agency_source) == ("桐川县水务局", "title")
    assert (doc.year, doc.year_source, doc.era) == (2008, "title", "A")
    assert doc.kind == "annual-report"
    assert _date(doc.signed) == ("2009-03-20", "二〇〇九年三月二十日")
    assert doc.signed is not None and _at(doc, doc.signed) == "二〇〇九年三月二十日"
    assert doc.published is None and doc.period is None


def test_2019_format_with_its_statistical_period():
    doc = _doc(
        "云岭市生态环境局2019年政府信息公开工作年度报告\n"
        "本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n"
        "一、总体情况\n2019年,我局认真贯彻落实《条例》。\n"
        "云岭市生态环境局\n2020年1月20日"
    )
    assert (doc.agency, doc.year, doc.era) == ("云岭市生态环境局", 2019, "B")
    assert _date(doc.signed) == ("2020-01-20", "2020年1月20日")
    assert doc.signed is not None and doc.signed.start == doc.text.index("2020年1月20日")
    assert doc.period is not None
    start, end = doc.period
    assert (_date(start), _date(end)) == (("2019-01-01", "2019年1月1日"), ("2019-12-31", "2019年12月31日"))
    assert (_at(doc, start), _at(doc, end)) == ("2019年1月1日", "2019年12月31日")


def test_2021_township_signed_with_a_chinese_numeral_year():
    doc = _doc(
        "青禾镇人民政府2021年政府信息公开工作年度报告\n"
        "一、总体情况\n2021年,我镇坚持以公开为常态。\n二、主动公开政府信息情况\n"
        "青禾镇人民政府\n二〇二二年一月二十五日"
    )
    assert (doc.agency, doc.agency_source, doc.year, doc.era) == ("青禾镇人民政府", "title", 2021, "C")
    assert _date(doc.signed) == ("2022-01-25", "二〇二二年一月二十五日")
    assert doc.signed is not None and (doc.signed.start, doc.signed.end) == (71, 82)


def test_a_xiang_named_by_its_place_alone_in_the_title():
    doc = _doc("柳溪乡2020年政府信息公开工作年度报告\n2020年,柳溪乡认真贯彻《条例》。\n柳溪乡人民政府\n2021年1月15日")
    assert (doc.title, doc.agency, doc.agency_source) == ("柳溪乡2020年政府信息公开工作年度报告", "柳溪乡", "title")
    assert _date(doc.signed) == ("2021-01-15", "2021年1月15日")


def test_a_title_without_agency_takes_the_signature():
    doc = _doc("2017年政府信息公开工作年度报告\n一、概述\n本年度我局主动公开信息20条。\n石门县统计局\n2018年3月1日")
    assert doc.title == "2017年政府信息公开工作年度报告"
    assert (doc.agency, doc.agency_source) == ("石门县统计局", "signature")
    assert (doc.year, doc.year_source) == (2017, "title")
    assert _date(doc.signed) == ("2018-03-01", "2018年3月1日")


def test_the_agency_on_the_line_above_the_title_joins_it():
    doc = _doc("禾丰县交通运输局\n2023年政府信息公开工作年度报告\n一、总体情况\n2023年,我局认真贯彻落实《条例》。")
    assert doc.title == "禾丰县交通运输局2023年政府信息公开工作年度报告"
    assert doc.title_span is not None and (doc.title_span.start, doc.title_span.end) == (0, len("禾丰县交通运输局\n2023年政府信息公开工作年度报告"))
    assert (doc.agency, doc.agency_source, doc.year) == ("禾丰县交通运输局", "title", 2023)
    assert doc.signed is None


def test_a_work_summary_is_not_an_annual_report():
    doc = _doc("澄江区审计局2010年政府信息公开工作总结\n现将我局2010年政府信息公开工作总结如下:\n一、主动公开\n澄江区审计局\n2011年1月10日")
    assert (doc.kind, doc.agency, doc.year) == ("work-summary", "澄江区审计局", 2010)


def test_a_page_header_gives_the_publication_date():
    doc = _doc("发布日期:2022-01-20 来源:白鹭街道办事处\n白鹭街道办事处2021年政府信息公开工作年度报告\n一、总体情况\n2021年,我街道认真贯彻《条例》。")
    assert doc.title == "白鹭街道办事处2021年政府信息公开工作年度报告"
    assert doc.title_span is not None and doc.title_span.start == doc.text.index("白鹭街道办事处2021")
    assert (doc.agency, doc.year) == ("白鹭街道办事处", 2021)
    assert _date(doc.published) == ("2022-01-20", "2022-01-20")
    assert doc.published is not None and (doc.published.start, doc.published.end) == (5, 15)
    assert doc.signed is None


def test_no_year_in_the_title_takes_the_period_year():
    doc = _doc("政府信息公开工作年度报告\n本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。\n一、概述")
    assert (doc.title, doc.agency, doc.agency_source) == ("政府信息公开工作年度报告", "", "")
    assert (doc.year, doc.year_source, doc.kind) == (2016, "period", "annual-report")


def test_no_title_the_body_names_the_year_and_the_agency():
    doc = _doc("2015年,松涛县林业局认真贯彻落实《条例》,全年主动公开信息40条。")
    assert (doc.title, doc.kind) == ("", "other")  # nothing in its first lines says 报告 or 总结
    assert (doc.agency, doc.agency_source) == ("松涛县林业局", "body")
    assert (doc.year, doc.year_source) == (2015, "body")


@pytest.mark.parametrize(
    "name, organ",
    [("桐川县水务局", True), ("青禾镇人民政府", True), ("柳溪乡", True), ("白鹭街道办事处", True), ("全年主动公开", False), ("局", False)],
)
def test_organ_like(name: str, organ: bool):
    assert organ_like(name) is organ


def test_agency_key_ignores_spelling():
    assert agency_key("青禾镇人民政府") == agency_key("青禾镇 政府") == "青禾镇政府"
    assert agency_key("中华人民共和国某海关") == "某海关"


@pytest.mark.parametrize(
    "text, why",
    [
        ("全年主动公开信息35条。", None),
        ("全年主动公开信息35条,其中网上公开20条,", "ends in the middle of a sentence (“主动公开信息35条,其中网上公开20条,”)"),
        ("全年主动公开信息35条……", "ends with an omission mark"),
        ("全年主动公开信息35条(未完)", "ends with an omission mark"),
    ],
)
def test_truncation(text: str, why: str | None):
    assert truncation(text) == why


def test_report_years_skip_plans_for_next_year():
    text = "2019年,我局认真贯彻《条例》。现将2019年度政府信息公开工作报告如下:\n下一步,2020年我局将继续深化公开。"
    assert report_years(text) == [2019, 2019]
    first = report_year_spans(text)[0]
    assert first == (0, 4, 2019) and text[first[0] : first[1]] == "2019"


def test_a_date_in_brackets_closing_the_title_dates_the_report():
    doc = _doc("某街道办事处2011年政府信息公开工作年度报告(二〇一二年三月五日)\n一、概述\n2011年,街道认真贯彻落实条例。\n")
    assert doc.year == 2011
    assert doc.signed is not None and _date(doc.signed) == ("2012-03-05", "二〇一二年三月五日")
    assert _at(doc, doc.signed) == "二〇一二年三月五日"
    # a month alone is not a signing date; a date at the foot wins over the title's
    assert _doc("某街道办事处2011年政府信息公开工作年度报告(2012年3月)\n一、概述\n").signed is None
    foot = _doc("某街道办事处2011年政府信息公开工作年度报告(2012年3月5日)\n一、概述\n2011年,街道认真工作。\n2012年3月9日")
    assert _date(foot.signed) == ("2012-03-09", "2012年3月9日")


def test_a_period_of_whole_years_is_kept_apart_from_the_period():
    from auditor.extract.period import find_period, find_year_span

    text = "本报告中所列数据的统计期限自2003 年至2008 年止。"
    assert find_period(text) is None
    span = find_year_span(text)
    assert span is not None and (span.start.year, span.end.year) == (2003, 2008)
    assert text[span.start.start : span.end.end] == "2003 年至2008 年"
    assert find_year_span("统计期限自2008年1月1日至2008年12月31日止。") is None

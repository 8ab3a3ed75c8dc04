"""The statistical period and the 截至 cut-offs, in the phrasings reports use."""

from __future__ import annotations

from datetime import date

import pytest

from auditor.extract.period import find_cutoffs, find_period


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("本报告中所列数据的统计期限自2009年1月1日起至2009年12月31日止。", date(2009, 1, 1), date(2009, 12, 31)),
        ("所列数据统计时限为2020年1月1日至2020年12月31日。", date(2020, 1, 1), date(2020, 12, 31)),
        ("数据统计时间为2021年1月1日至12月31日。", date(2021, 1, 1), date(2021, 12, 31)),
        ("本报告所列数据的统计期限自201811日起至1231日止。", date(2018, 1, 1), date(2018, 12, 31)),
        ("统计数据时限为2018年11日至2018年1231日。", date(2018, 1, 1), date(2018, 12, 31)),
        ("统计期限为20211月1日至202112月31日。", date(2021, 1, 1), date(2021, 12, 31)),
        ("本报告所列数据统计时间从201611日至20161130日。", date(2016, 1, 1), date(2016, 11, 30)),
        ("本报告中所列数据的统计期限自2022年1月1日起至2022年12月20日止。", date(2022, 1, 1), date(2022, 12, 20)),
        ("报告期为2013年4月1日至次年3月15日。", date(2013, 4, 1), date(2014, 3, 15)),
        ("统计期间:2019年1月1日—2019年12月31日。", date(2019, 1, 1), date(2019, 12, 31)),
        ("统计期限为二〇一二年一月一日至二〇一二年十二月三十一日。", date(2012, 1, 1), date(2012, 12, 31)),
        ("统计时间为2019年1月至12月。", date(2019, 1, 1), date(2019, 12, 31)),
        ("本报告数据统计自2019年1月1日至2019年11月30日。", date(2019, 1, 1), date(2019, 11, 30)),
        ("起止时间:2020年1月1日—2020年12月31日", date(2020, 1, 1), date(2020, 12, 31)),
        # the report saying what it covers
        ("本报告由总体情况等六部分组成,涵盖2020年1月1日至12月21日某县人民政府信息公开工作情况。", date(2020, 1, 1), date(2020, 12, 21)),
        ("本报告内容涵盖某区公路局2015年1月1日至12月31日期间的政府信息公开工作情况。", date(2015, 1, 1), date(2015, 12, 31)),
        ("特向社会公布本级人民政府2008年政府信息公开年度报告,内容涵盖镇政府2008年1月1日至12月31日期间的政府信息公开工作情况。", date(2008, 1, 1), date(2008, 12, 31)),
        ("本年报覆盖2021年1月1日至2021年11月30日的统计数据。", date(2021, 1, 1), date(2021, 11, 30)),
    ],
)
def test_period_phrasings(text: str, first: date, last: date) -> None:
    p = find_period("某局2019年政府信息公开工作年度报告\n" + text)
    assert p is not None
    assert (p.first, p.last) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "2019年5月1日至6月30日,我局开展专项检查。",  # an event, not the data period
        "据统计,2019年3月1日至3月5日共受理咨询12次。",  # bare 统计 is not a period keyword
        "《条例》自2008年5月1日起施行。",
        "报告期内,我局2019年3月1日至3月5日组织培训。",  # 报告期内 then an event
        "宣传活动涵盖2019年5月1日至6月30日,共发放资料300份。",  # 涵盖 outside a sentence about the report
        "本报告提到的专项检查涵盖2019年1月1日至6月30日发布的政府信息。",  # a check's scope, not the report's
        "本报告由六部分组成,涵盖了2020年某县政府信息公开工作。",  # a year, no range
    ],
)
def test_not_a_period(text: str) -> None:
    assert find_period(text) is None


def test_a_period_keyword_wins_over_what_the_report_covers() -> None:
    text = "本报告涵盖2019年1月1日至12月31日的政府信息公开工作情况。本报告统计期限为2019年1月1日至2019年12月20日。"
    p = find_period(text)
    assert p is not None and p.last == date(2019, 12, 20)


@pytest.mark.parametrize(
    "text, day",
    [
        ("截至2019年12月30日,我苏木主动公开143条信息。", date(2019, 12, 30)),
        ("截止2013年12月31日,市卫生局主动公开信息186条。", date(2013, 12, 31)),
        ("截止到2019年11月底,共受理申请3件。", date(2019, 11, 30)),
        ("截至2019年12月30日,我苏木尚未接到行政复议和行政诉讼。", date(2019, 12, 30)),
    ],
)
def test_cutoff_phrasings(text: str, day: date) -> None:
    (c,) = find_cutoffs(text)
    assert c.date.as_date() == day


@pytest.mark.parametrize(
    "text",
    [
        "截至2019年11月30日,累计公开信息5000条。",  # a running total may be taken any day
        "截至2019年12月,平台已完成改版。",  # no figure, no day
        "截至目前,共公开信息30条。",
        "截至2019年12月25日,全局共有公开专栏3个。",  # a stock of columns, not the year's figures
        "截至2019年12月20日,我局召开新闻发布会3次。",  # press conferences held, not disclosures
    ],
)
def test_not_a_cutoff(text: str) -> None:
    assert find_cutoffs(text) == []

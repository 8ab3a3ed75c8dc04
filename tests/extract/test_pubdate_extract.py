"""Publication, writing and cover-letter dates printed on a page, in every layout seen."""

from __future__ import annotations

import pytest

from auditor.extract.pubdate import printed_dates

TITLE = "某局2021年政府信息公开工作年度报告\n"


def _roles(text: str) -> list[tuple[str, str]]:
    return [(p.role, p.date.iso()) for p in printed_dates(text)]


@pytest.mark.parametrize(
    "header, expected",
    [
        ("发布时间:2022-01-20 11:19 来源:某镇", [("published", "2022-01-20")]),
        ("发布日期: 2024- 03- 08 16: 45 浏览次数:", [("published", "2024-03-08")]),
        ("成文日期 | 发布日期 | 2022-04-06 |", [("published", "2022-04-06")]),
        ("文 号 | 成文日期:2016-03-31 | 发布日期:2016-04-08 |", [("written", "2016-03-31"), ("published", "2016-04-08")]),
        ("| 发布机构 | 某县人民政府 | 发布日期 | 2026-01-19 20:34 |", [("published", "2026-01-19")]),
        ("来源:某镇 时间:2012-01-19 00:00", [("published", "2012-01-19")]),
        ("日期:2023-01-11 来源:某市人民政府 访问量:", [("published", "2023-01-11")]),
        ("  • 公文生成日期:2013-03-07", [("written", "2013-03-07")]),
        ("  • 成文日期:\n\n    2021-01-29", [("written", "2021-01-29")]),
        ("发文日期: 2023-01-19 发布机构: 某分局", [("published", "2023-01-19")]),
        ("更新日期:2021-01-20 信息来源:某办", [("updated", "2021-01-20")]),
        ("2021-02-07 18:07     来源:某自治区人民政府办公厅", [("published", "2021-02-07")]),
        ("发布时间:2013年03月28日", [("published", "2013-03-28")]),
    ],
)
def test_labelled_dates(header: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(TITLE + header + "\n正文。") == expected


@pytest.mark.parametrize(
    "text",
    [
        TITLE + "网址:http://www.example.gov.cn/art/2022/4/20/art_1.html\n正文。",
        TITLE + "统计时间:2021年1月1日至2021年12月31日。",  # a period, not a page field
        TITLE + "2021年,我局发布时间不够及时。",
    ],
)
def test_no_page_date(text: str) -> None:
    assert [r for r in _roles(text) if r[0] == "published"] == []


def test_cover_letter_dated_in_chinese_numerals() -> None:
    text = (
        "某政〔2012〕27号\n某镇人民政府\n关于报送《2011年政府信息公开年度报告》的报 告\n县人民政府办公室:\n"
        "现上报我镇《2011年政府信息公开年度报告》。\n二〇一二年四月三十日\n主题词:信息公开\n"
        "某镇党委政府办公室 2012年4月30日印发\n2011年政府信息公开年度报告\n正文。"
    )
    assert _roles(text) == [("cover", "2012-04-30"), ("issued", "2012-04-30")]


def test_cover_letter_dated_in_o_letters() -> None:
    text = "关于上报2009年度政府信息公开工作年度报告的函\n市政府办公室:\n现将我局年报报上。\n(二O一O年三月五日)\n正文。"
    assert _roles(text) == [("cover", "2010-03-05")]


def test_dates_in_a_body_table_are_not_the_page_date() -> None:
    body = "\n".join(f"第{i}行说明文字,用于撑开正文。" * 3 for i in range(12))
    text = TITLE + "根据《条例》要求,现公布本报告。本报告由六部分组成,统计期限为2021年全年。\n" + body + "\n文件名称 | 发布日期 | 2021-05-06 |\n" + body
    assert printed_dates(text) == []


def test_a_footer_date_is_read() -> None:
    body = "\n".join("正文段落,说明工作情况。" * 3 for _ in range(20))
    text = TITLE + "根据《条例》要求,现公布本报告。本报告由六部分组成,统计期限为2021年全年。\n" + body + "\n发布日期:2022-01-20\n"
    assert _roles(text) == [("published", "2022-01-20")]

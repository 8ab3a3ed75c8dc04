"""Cumulative vs annual (issue 12, family 5): which figures are running totals."""

from __future__ import annotations

import pytest

from auditor.extract.scope import scope_of
from tests.extract.numbers_helpers import analysed, fired


@pytest.mark.parametrize(
    "clause,head,scope",
    [
        ("累计主动公开政府信息", "截至2011年底,我局累计主动公开政府信息", "cumulative"),
        ("历年累计主动公开政府信息", "历年累计主动公开政府信息", "cumulative"),
        ("本单位到目前累计主动公开政府信息", "本单位到目前累计主动公开政府信息", "cumulative"),
        ("本局到2009年底累计主动公开政府信息", "本局到2009年底累计主动公开政府信息", "cumulative"),
        ("累计公开信息", "自2008年以来,累计公开信息", "cumulative"),
        ("我局累计主动公开政府信息", "2020年,我局累计主动公开政府信息", "annual"),
        ("年度累计主动公开政府信息", "截止2013年12月31日,年度累计主动公开政府信息", "annual"),
        ("我镇2024年度主动公开政府信息数累计", "截至2024年12月31日,我镇2024年度主动公开政府信息数累计", "annual"),
        ("累计主动公开政府信息", "今年以来,累计主动公开政府信息", "annual"),
        ("全年累计受理申请", "全年累计受理申请", "annual"),
        ("已办结", "截至12月31日,已办结", "as-of"),
        ("我苏木主动公开", "截至2019年12月30日,我苏木主动公开", "as-of"),
        ("主动公开政府信息", "本年度主动公开政府信息", "annual"),
    ],
)
def test_scope(clause, head, scope):
    assert scope_of(clause, head, 2020 if "2020" in head else None) == scope


def test_a_bare_running_total_counts_what_the_figure_before_counts():
    doc = analysed("2019年,我局在区政府网站主动公开信息20条,历年累计345条。")
    q = doc.quantities[-1]
    assert (q.scope, q.label) == ("cumulative", doc.quantities[0].label)


@pytest.mark.parametrize(
    "text",
    [
        "截至2019年底,累计主动公开政府信息410条,2019年度新增主动公开政府信息920条。",
        "我局累计主动公开政府信息300条,本年新增主动公开政府信息420条。",
        "历年累计主动公开政府信息300条,全年主动公开政府信息420条。",
        "2019年,我局在区政府网站主动公开信息420条,历年累计345条。",
    ],
)
def test_cumulative_below_annual_fires(text):
    assert [s for s, _ in fired(text, "CUM001")] == ["error"]


@pytest.mark.parametrize(
    "text",
    [
        "我局累计主动公开政府信息3000条,2019年度主动公开政府信息420条。",
        "2019年,我局累计主动公开政府信息128条,全年新增主动公开政府信息150条。",
        "截至2019年12月31日,主动公开政府信息120条。2019年度主动公开政府信息150条。",
        "截至12月31日,已办结申请12件。本年度办结申请20件。",
        "截止2019年12月31日,年度累计主动公开政府信息158条,历年累计主动公开政府信息545条。",
        "今年以来,累计主动公开政府信息128条,本年度主动公开政府信息150条。",
    ],
)
def test_cumulative_below_annual_does_not_fire(text):
    assert fired(text, "CUM001") == []


@pytest.mark.parametrize(
    "clause,head,scope",
    [
        ("共受理申请", "截至目前,共受理申请", "as-of"),
        ("本单位到目前累计主动公开", "本单位到目前累计主动公开", "cumulative"),
        ("共公开信息", "自2008年至今共公开信息", "cumulative"),
        ("本年度共受理申请", "截至目前,本年度共受理申请", "annual"),
    ],
)
def test_a_reading_date_alone_is_not_a_running_total(clause, head, scope):
    assert scope_of(clause, head, 2020) == scope


def test_截至目前_alone_is_not_compared_with_the_year():
    assert fired("截至目前,共受理申请12件。本年度受理申请15件。", "CUM001") == []

"""Negation scope: what a sentence says does not exist (issue 12, family 6)."""

from __future__ import annotations

import pytest

from auditor.extract.negation import denials


def _kinds(text: str) -> set[str]:
    return {k for d in denials(text) for k in d.kinds}


@pytest.mark.parametrize(
    "text,kinds",
    [
        ("2021年,我镇没有收到依申请公开政府信息的申请。", {"applications"}),
        ("本年度我局未收到政府信息公开申请。", {"applications"}),
        ("未受理公民、法人或其他组织提出的政府信息公开申请。", {"applications"}),
        ("全年未收到有关信息公开的投诉。", {"complaint"}),
        ("未收到有关政府信息公开事项的投诉、举报。", {"complaint"}),
        ("未发生行政复议。", {"review"}),
        ("未发生因政府信息公开申请引起的行政复议。", {"review"}),
        ("未出现因依申请公开而被申请行政复议、提起行政诉讼的情况。", {"review", "litigation"}),
        ("没有因政府信息公开工作引起的行政复议和行政诉讼案件。", {"review", "litigation"}),
        ("本机关未发生针对政府信息公开的行政诉讼。", {"litigation"}),
        ("未产生信息公开处理费用。", {"fees"}),
        ("未收到咨询。", {"consultation"}),
    ],
)
def test_the_denied_head_is_read_from_the_end_of_the_clause(text, kinds):
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "全年共收到申请8件,已全部办结。",          # no negation at all
        "有2件申请未按时办结。",                    # 未 without a verb of receipt denies nothing
        "依申请公开工作无差错。",                    # 无 with no object of the kinds
    ],
)
def test_no_denial_of_applications_or_cases(text):
    assert not (_kinds(text) & {"applications", "review", "litigation"})


def test_two_statements_in_one_sentence_are_read_apart():
    ds = denials("我局未收到政府信息公开申请,也未发生行政复议,但有行政诉讼1件。")
    assert [set(d.kinds) for d in ds] == [{"applications"}, {"review"}]

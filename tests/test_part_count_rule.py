"""STR001 through the public API: declarations in several phrasings, in complete and cut copies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from auditor.api import audit
from auditor.config import Config

HEAD = "某县某局2016年政府信息公开工作年度报告\n"
SIX = "一、总体情况\n略。\n二、主动公开政府信息情况\n略。\n三、收到和处理政府信息公开申请情况\n略。\n" \
      "四、政府信息公开行政复议、行政诉讼情况\n略。\n五、存在的主要问题及改进情况\n略。\n六、其他需要报告的事项\n无。\n"
SIGNED = "某县某局\n2017年1月20日\n"


def _messages(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = audit([tmp_path], Config(select=["STR001"]), today=date(2026, 6, 30))
    return [f.message for f in result.findings]


@pytest.mark.parametrize(
    "declaration",
    [
        "本报告分为总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项六个部分。",
        "本报告包括以下六个部分。",
        "全文共六个部分。",
        "本报告由一、总体情况;二、主动公开政府信息情况;三、收到和处理政府信息公开申请情况;四、政府信息公开行政复议、"
        "行政诉讼情况;五、存在的主要问题及改进情况;六、其他需要报告的事项等六部分组成。",
        "本年度报告由总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议和行政诉讼情况,"
        "存在的主要问题及改进情况以及其他需要报告的事项共6个部分组成。",
    ],
)
def test_declarations_that_hold(tmp_path, declaration):
    assert _messages(tmp_path, HEAD + declaration + "\n" + SIX + SIGNED) == []


@pytest.mark.parametrize(
    "declaration,says",
    [
        ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、"
         "其他需要报告的事项等六部分组成。", "列举了5项"),
        ("全文共五个部分。", "正文有6个一级标题"),
        ("本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、"
         "存在的主要问题及改进情况、其他需要报告的事项、附表七个部分。", "正文有6个一级标题"),
    ],
)
def test_declarations_that_do_not_hold(tmp_path, declaration, says):
    found = _messages(tmp_path, HEAD + declaration + "\n" + SIX + SIGNED)
    assert len(found) == 1 and says in found[0]


def test_fewer_sections_than_declared_only_in_a_complete_copy(tmp_path):
    cut = HEAD + "全文共六个部分。\n一、总体情况\n略。\n二、主动公开政府信息情况\n略。\n[…]\n"
    assert _messages(tmp_path, cut) == []
    complete = HEAD + "全文共六个部分。\n一、总体情况\n略。\n二、主动公开政府信息情况\n略。\n" + SIGNED
    assert any("正文有2个一级标题" in m for m in _messages(tmp_path, complete))


def test_a_sentence_about_something_else_is_not_the_report_s_structure(tmp_path):
    body = SIX.replace("二、主动公开政府信息情况\n略。", "二、主动公开政府信息情况\n培训内容包括条例解读、实务操作、案例分析等五个部分。")
    assert _messages(tmp_path, HEAD + body + SIGNED) == []

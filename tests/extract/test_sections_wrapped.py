"""Headings broken over two lines are read whole (issue 12, structure family)."""

from __future__ import annotations

import pytest

from auditor.extract.sections import extract_sections
from auditor.model import Document


def _titles(text: str) -> list[str]:
    doc = Document(id="x", source="x", part=None, format="txt", encoding="utf-8", raw=text, text=text)
    extract_sections(doc)
    return [s.title for s in doc.sections if s.level == 1]


@pytest.mark.parametrize(
    "heading,whole",
    [
        ("二、因政府信息公开申请行政复议、提起行政诉讼的情\n况", "因政府信息公开申请行政复议、提起行政诉讼的情况"),
        ("二、政府信息公开工作存在的主要\n问题及改进措施", "政府信息公开工作存在的主要问题及改进措施"),
        ("二、收到和处理政府信息公开申请\n情况", "收到和处理政府信息公开申请情况"),
        ("二、其他需要报告的\n事项", "其他需要报告的事项"),
    ],
)
def test_wrapped_heading_is_joined(heading, whole):
    text = f"一、概述\n我局重视。\n{heading}\n全年无。\n三、其他\n无。\n"
    assert _titles(text)[1] == whole


@pytest.mark.parametrize(
    "heading,next_line,title",
    [
        ("二、主动公开", "全年公开信息12条。", "主动公开"),  # a sentence, not a continuation
        ("二、主动公开政府信息情况", "情况良好", "主动公开政府信息情况"),  # the heading is complete
        ("二、依申请公开", "1、申请情况", "依申请公开"),  # a sub-heading
        ("二、政府信息公开", "[…]", "政府信息公开"),  # the cut mark
        ("二、依申请公开", "(一)申请情况", "依申请公开"),
    ],
)
def test_other_next_lines_are_not_joined(heading, next_line, title):
    text = f"一、概述\n我局重视。\n{heading}\n{next_line}\n三、其他\n无。\n"
    assert _titles(text)[1] == title

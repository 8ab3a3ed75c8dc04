"""Canonical text: every character maps back to the raw character it came from."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.ingest.split import split_compilation
from auditor.normalize.text import canonicalize, clean_view, to_simplified

ALPHABET = st.sampled_from(
    list("政府信息公开報告年度條例主動,。、;:()（）“”《》０１２３４５６７８９0123456789ＡＢab")
    + [" ", "\u3000", "\t", "\n", "\r\n", "\r", "\xa0"]
)


@given(st.lists(ALPHABET, max_size=120).map("".join))
@settings(max_examples=300, deadline=None)
def test_offsets_map_back_to_the_raw_text(raw):
    text, to_raw = canonicalize(raw)
    assert len(to_raw) == len(text)
    assert to_raw == sorted(to_raw)
    for ch, i in zip(text, to_raw):
        src = raw[i]
        if ch in " \n\t":
            assert src.isspace() or src in "\r\n\t"
        else:
            assert to_simplified(unicodedata.normalize("NFKC", src)) == ch or unicodedata.normalize("NFKC", src) == ch


@given(st.lists(ALPHABET, max_size=120).map("".join))
@settings(max_examples=200, deadline=None)
def test_canonical_text_is_a_fixed_point(raw):
    text, _ = canonicalize(raw)
    assert canonicalize(text)[0] == text
    assert "  " not in text and "\r" not in text and "\n\n\n" not in text


def test_width_traditional_and_spaces():
    text, _ = canonicalize("統計期限自２００９年１月１日（含）\u3000至今。\r\n\r\n\r\n下一段")
    assert text == "统计期限自2009年1月1日(含) 至今。\n\n下一段"


def test_clean_view_drops_page_debris_but_keeps_figures():
    v = clean_view("统计期限自 1 2009年1月1日起。网上 6 发布。共发布信息 120 条。2023 年 1 月 16 日")
    assert v.text == "统计期限自2009年1月1日起。网上发布。共发布信息120条。2023年1月16日"
    i = v.text.index("发布。共")
    assert "统计期限自 1 2009年1月1日起。网上 6 发布。共发布信息 120 条。"[v.to_canon[i]] == "发"


@given(st.integers(min_value=2, max_value=6), st.text(alphabet="报告年度政府信息", min_size=1, max_size=30))
@settings(max_examples=50, deadline=None)
def test_compilations_split_in_file_order(n, body):
    numerals = "一二三四五六"
    text = "".join(f"第{numerals[i]}篇:标题{i}\n{body}\n" for i in range(n))
    parts = split_compilation(text)
    assert [p.number for p in parts] == list(range(1, n + 1))
    assert [p.heading for p in parts] == [f"标题{i}" for i in range(n)]
    assert "".join(p.text for p in parts) == text

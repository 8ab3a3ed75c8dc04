"""Hostile nesting: HTML parsing stays linear (issue 13, bounded cost per file)."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.ingest.html import load_html
from auditor.ingest.html_depth import cap_depth


def _text(html: str) -> str:
    return re.sub(r"<[^>]*>", "", html)


@st.composite
def nested(draw, depth=0):
    tag = draw(st.sampled_from(["div", "p", "span", "td", "section"]))
    inner = draw(st.lists(st.one_of(st.text("某县公开信息12条。", max_size=6), st.just("<br>")), max_size=3))
    kids = [draw(nested(depth + 1)) for _ in range(draw(st.integers(0, 2)))] if depth < 6 else []
    return f"<{tag} class='x'>" + "".join(inner + kids) + f"</{tag}>"


@settings(max_examples=60, deadline=None)
@given(nested(), st.integers(1, 8))
def test_text_is_kept_and_shallow_pages_are_untouched(html, limit):
    capped = cap_depth(html, limit)
    assert _text(capped) == _text(html)
    assert cap_depth(html, 1000) is html


def test_tags_beyond_the_limit_are_dropped_with_their_end_tags():
    html = "<div><div><div><p>深</p></div></div></div><p>浅</p>"
    assert cap_depth(html, 2) == "<div><div>深</div></div><p>浅</p>"


def test_script_content_is_not_read_as_tags():
    html = "<div><script>if (a<b) { x = '<div>' }</script>正文</div>"
    assert cap_depth(html, 2) == html
    assert cap_depth(html, 1) == "<div>if (a<b) { x = '<div>' }正文</div>"


def test_two_hundred_thousand_nested_divs_load_quickly():
    n = 200_000
    data = ("<html><body>" + "<div>" * n + "某县2020年政府信息公开工作年度报告" + "</div>" * n + "</body></html>").encode()
    t = time.perf_counter()
    loaded = load_html(data)
    assert "年度报告" in loaded.text
    assert time.perf_counter() - t < 30  # generous: ~2 s here; quadratic parsing took minutes

"""The matching view keeps ideographs/letters/digit runs and maps back to the text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.dedup.views import DIGIT_RUN, PLACEHOLDER, is_cjk, matching_view

_TEXT = st.text(
    alphabet=st.sampled_from(list("政府信息公开年度报告〇𠀀aBzZ0123456789.,,。、 \n\t#%()《》-")),
    max_size=80,
)


def _kept(ch: str) -> bool:
    return is_cjk(ch) or ("a" <= ch.lower() <= "z" and ch.isascii())


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_view_maps_back_to_text(text):
    v = matching_view(text)
    assert len(v.view) == len(v.starts) == len(v.ends)
    covered = set()
    prev_end = 0
    for i, ch in enumerate(v.view):
        s, e = int(v.starts[i]), int(v.ends[i])
        assert prev_end <= s < e <= len(text)
        prev_end = e
        if ch == PLACEHOLDER:
            assert re.fullmatch(DIGIT_RUN, text[s:e])
        else:
            assert e == s + 1 and ch == text[s].lower() and _kept(text[s])
        covered.update(range(s, e))
    # nothing that should be kept was dropped
    for k, ch in enumerate(text):
        if _kept(ch) or ch.isdigit():
            assert k in covered
    # digit runs are exactly the DIGIT_RUN matches
    assert [m.span() for m in re.finditer(DIGIT_RUN, text)] == [
        (int(v.starts[i]), int(v.ends[i])) for i, ch in enumerate(v.view) if ch == PLACEHOLDER
    ]


def test_masking_makes_changed_figures_match():
    text = "2009年,累计主动公开政府信息3,627条,占61.7%。"
    a = matching_view(text)
    b = matching_view("2012年 累计主动公开政府信息898条,占 38.3% .")
    assert a.view == b.view == "#年累计主动公开政府信息#条占#"
    assert a.text_span(0, len(a)) == (0, text.index("%"))  # ends after the whole 61.7

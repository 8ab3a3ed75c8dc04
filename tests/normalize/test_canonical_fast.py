"""The vectorised `canonicalize` gives exactly what the character loop gave.

The loop below is the original implementation, kept here as the oracle: every
offset in findings depends on the canonical text, so the fast version must
agree on the text and on the map to raw offsets, character for character.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.normalize.text import canonicalize, to_simplified

_SPACE_CHARS = {"\u3000", "\xa0", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\t"}


def _nfkc_chars_loop(raw: str) -> tuple[list[str], list[int]]:
    if unicodedata.is_normalized("NFKC", raw):
        return list(raw), list(range(len(raw)))
    chars: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(raw):
        n = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        for c in n:
            chars.append(c)
            idx.append(i)
    return chars, idx


def canonicalize_loop(raw: str) -> tuple[str, list[int]]:
    chars, idx = _nfkc_chars_loop(raw)
    simp = to_simplified("".join(chars))
    out: list[str] = []
    omap: list[int] = []
    pending_space = -1
    line_start = True
    blank_run = 0
    for k, (ch, src) in enumerate(zip(simp, idx)):
        if ch == "\r":
            if k + 1 < len(simp) and simp[k + 1] == "\n":
                continue
            ch = "\n"
        if ch == "\n":
            pending_space = -1
            if line_start:
                blank_run += 1
                if blank_run > 1 or not out:
                    continue
            out.append("\n")
            omap.append(src)
            line_start = True
            continue
        if ch == "\t":
            out.append("\t")
            omap.append(src)
            pending_space = -1
            line_start = False
            blank_run = 0
            continue
        if ch in _SPACE_CHARS or ch.isspace():
            if not line_start and pending_space < 0:
                pending_space = src
            continue
        if pending_space >= 0:
            if out and out[-1] != "\t":
                out.append(" ")
                omap.append(pending_space)
            pending_space = -1
        out.append(ch)
        omap.append(src)
        line_start = False
        blank_run = 0
    while out and out[-1] in "\n ":
        out.pop()
        omap.pop()
    return "".join(out), omap


ALPHABET = st.sampled_from(
    list("政府信息公开報告年度條例主動,。、;:()（）“”《》０１２３４５６７８９0123456789ＡＢab㈠①½ﬁ\u0301e")
    + [" ", "  ", "\u3000", "\t", "\n", "\n\n\n", "\r\n", "\r", "\xa0", "\x0b", "\x0c", "\x85", "\u2028", "\u200b", "\ufeff", "\x1c"]
)


@given(st.lists(ALPHABET, max_size=150).map("".join))
@settings(max_examples=1500, deadline=None)
def test_fast_canonicalize_equals_the_loop(raw):
    assert canonicalize(raw) == canonicalize_loop(raw)


@pytest.mark.parametrize("raw", ["", " ", "\n\n", "\t", "a", " a ", "\n a \n\n\n b \t c  d\r\n", "①②", "\ufeff标题\r\n正文"])
def test_fast_canonicalize_edge_cases(raw):
    assert canonicalize(raw) == canonicalize_loop(raw)


def test_fast_canonicalize_on_real_and_seed_reports():
    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "seeds").glob("*.txt")) + sorted((root.parent / "shared" / "corpus" / "real").glob("*.txt"))
    for f in files:
        raw = f.read_text(encoding="utf-8", errors="replace")
        assert canonicalize(raw) == canonicalize_loop(raw), f.name

"""Canonical text: the one string every offset in the auditor refers to.

Reports arrive with full-width digits and punctuation, traditional characters
(mirror sites), non-breaking and ideographic spaces, and CRLF line ends.  The
canonical text is NFKC-normalised, converted to simplified characters and has
its spaces folded, so label matching and number parsing see one spelling.  A
map from each canonical character back to its raw offset is kept so evidence
can always be traced to the file as published.

Page-number debris ("统计期限自 1 2009年…") is *not* removed here: the
text-quality rules must be able to point at it.  `clean_view` removes it for
the stages that parse figures.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(s: str) -> str:
    """Traditional → simplified, guaranteed to keep the length (char by char if needed)."""
    if s.isascii():
        return s
    out = _t2s().convert(s)
    if len(out) == len(s):
        return out
    conv = _t2s().convert
    return "".join(c if len(c2 := conv(c)) != 1 else c2 for c in s)


_SPACE_CHARS = {"\u3000", "\xa0", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\t"}


def _nfkc_chars(raw: str) -> tuple[list[str], list[int]]:
    """NFKC per character so each output char knows its raw offset."""
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


def canonicalize(raw: str) -> tuple[str, list[int]]:
    """Return (canonical text, map from canonical index to raw index).

    Tabs survive (they separate table cells in flattened tables); other spaces
    fold to one ASCII space; spaces at line edges and blank-line runs go.
    """
    chars, idx = _nfkc_chars(raw)
    simp = to_simplified("".join(chars))
    out: list[str] = []
    omap: list[int] = []
    pending_space = -1
    line_start = True
    blank_run = 0
    for k, (ch, src) in enumerate(zip(simp, idx)):
        if ch == "\r":
            if k + 1 < len(simp) and simp[k + 1] == "\n":
                continue  # CRLF: the LF that follows makes the line break
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


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


@dataclass
class View:
    """A derived string with a map from each of its chars to canonical offsets."""

    text: str
    to_canon: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Canonical span covering view[start:end]."""
        if start >= end:
            c = self.to_canon[start] if start < len(self.to_canon) else (self.to_canon[-1] + 1 if self.to_canon else 0)
            return c, c
        return self.to_canon[start], self.to_canon[end - 1] + 1


# A lone page number between two CJK characters, or between a CJK char and a
# date: "统计期限自 1 2009年", "网上 6 发布", "政府信息 9 公开".
PAGE_DEBRIS = re.compile(r"(?<=[\u4e00-\u9fff])(?<![年月日]) (\d{1,3}) (?=\d{4}年|(?![条件个项次人家份篇场名期批类余多万亿元年月日号时分秒])[\u4e00-\u9fff])")
# Spaces inside Chinese runs ("文件精 神", "31 日") carry no meaning.
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff\d]) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=\d)")


def clean_view(text: str) -> View:
    """Canonical text without page-number debris and spaces inside Chinese runs."""
    drop = bytearray(len(text))
    for m in PAGE_DEBRIS.finditer(text):
        drop[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _CJK_SPACE.finditer(text):
        drop[m.start()] = 1
    chars = [c for i, c in enumerate(text) if not drop[i]]
    mapping = [i for i in range(len(text)) if not drop[i]]
    return View("".join(chars), mapping)

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

import numpy as np


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


_SPACE_CHARS = {"\u3000", "\xa0", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff"}
# Character classes for `canonicalize`: every code point Python's
# str.isspace() accepts (all below U+3001) plus the zero-width space and the
# BOM fold as spaces; tab, LF and CR have their own class.
_OTHER, _SPACE, _TAB, _LF, _CR = 0, 1, 2, 3, 4
_CLASS = np.zeros(0x10000, dtype=np.uint8)
for _c in range(0x3001):
    if chr(_c).isspace():
        _CLASS[_c] = _SPACE
for _s in _SPACE_CHARS:
    _CLASS[ord(_s)] = _SPACE
_CLASS[9], _CLASS[10], _CLASS[13] = _TAB, _LF, _CR
_NFKC: dict[int, str] = {}  # characters outside the BMP, normalised on demand


# NFKC forms of BMP code points, learnt as characters are met: the whole
# table (65,000 normalisations, ~100 ms) would be paid by every `audit check`
# start-up, while a report uses a few thousand distinct characters.
_SINGLE = np.arange(0x10000, dtype=np.uint32)  # the one-character form (itself when unchanged)
_IS_MULTI = np.zeros(0x10000, dtype=bool)  # the form is longer than one character
_MULTI_BMP: dict[int, str] = {}  # ... and those forms
_KNOWN = np.zeros(0x10000, dtype=bool)
_KNOWN[:0x80] = True  # ASCII is its own NFKC form
_KNOWN[0xD800:0xE000] = True  # surrogates never reach here as characters


def _nfkc_tables(bmp: np.ndarray) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """The NFKC tables, with every code point of ``bmp`` filled in."""
    unknown = bmp[~_KNOWN[bmp]]
    if unknown.size:
        for c in sorted(set(unknown.tolist())):  # (np.unique would import numpy.ma: 25 ms)
            n = unicodedata.normalize("NFKC", chr(c))
            if len(n) == 1:
                _SINGLE[c] = ord(n)
            elif n != chr(c):
                _MULTI_BMP[c] = n
                _IS_MULTI[c] = True
        _KNOWN[unknown] = True
    return _SINGLE, _IS_MULTI, _MULTI_BMP


def _codes(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le"), dtype="<u4")


def _nfkc_chars(raw: str) -> tuple[str, np.ndarray | None]:
    """NFKC per character; the map to raw offsets, or None when it is the identity.

    Characters are replaced through a table of their one-character forms; a
    character that expands ("㈠" -> "(一)") repeats its raw offset.
    Per-character normalisation is what keeps each output character's origin
    known.
    """
    if unicodedata.is_normalized("NFKC", raw):
        return raw, None
    cp = _codes(raw)
    bmp = np.minimum(cp, 0xFFFF)
    single, is_multi, multi_bmp = _nfkc_tables(bmp)
    out = np.where(cp <= 0xFFFF, single[bmp], cp)
    multi: dict[int, str] = {}
    if (cp > 0xFFFF).any():
        for c in np.unique(cp[cp > 0xFFFF]).tolist():
            n = _NFKC.get(c)
            if n is None:
                n = _NFKC[c] = unicodedata.normalize("NFKC", chr(c))
            if len(n) == 1:
                out[cp == c] = ord(n)
            elif n != chr(c):
                multi[c] = n
    expands = is_multi[bmp] & (cp <= 0xFFFF)
    if expands.any():
        for c in np.unique(cp[expands]).tolist():
            multi[c] = multi_bmp[c]
    if not multi:
        if np.array_equal(out, cp):
            return raw, None
        return out.astype("<u4").tobytes().decode("utf-32-le"), None
    lens = np.ones(len(cp), dtype=np.int64)
    for c, n in multi.items():
        lens[cp == c] = len(n)
    idx = np.repeat(np.arange(len(cp), dtype=np.int64), lens)
    starts = np.cumsum(lens) - lens
    full = out[idx].astype("<u4")
    for c, n in multi.items():
        rep = _codes(n)
        for st in starts[cp == c].tolist():
            full[st : st + len(rep)] = rep
    return full.tobytes().decode("utf-32-le"), idx


def canonicalize(raw: str) -> tuple[str, list[int]]:
    """Return (canonical text, map from canonical index to raw index).

    Tabs survive (they separate table cells in flattened tables); other spaces
    fold to one ASCII space; spaces at line edges and blank-line runs go.

    Vectorised over code points (a character loop cost ~2.5 ms per report):

    * a CR before LF is dropped, a lone CR is a line break;
    * a run of spaces becomes one space, mapped to its first character, only
      between two characters that are neither line breaks nor tabs;
    * line breaks: none before the first kept character, at most two in a
      row (one blank line), none at the end.
    """
    nf, idx = _nfkc_chars(raw)
    simp = to_simplified(nf)
    if not simp:
        return "", []
    cp = _codes(simp)
    cls = _CLASS[np.minimum(cp, 0xFFFF)]
    cr = cls == _CR
    if cr.any():  # CR before LF: dropped; a lone CR: a line break
        drop = np.zeros(len(cp), dtype=bool)
        drop[:-1] = cr[:-1] & (cls[1:] == _LF)
        cls = np.where(cr, _LF, cls)
        cls[drop] = _SPACE + 10  # neither an event nor a space
    space = cls == _SPACE
    ev = np.flatnonzero((cls == _OTHER) | (cls == _TAB) | (cls == _LF))
    if ev.size == 0:
        return "", []
    kind = cls[ev]
    content = kind != _LF
    if not content.any():
        return "", []
    order = np.arange(ev.size)
    last_content = np.maximum.accumulate(np.where(content, order, -1))
    keep = content | ((last_content >= 0) & (order - last_content <= 2))
    keep[np.flatnonzero(content)[-1] + 1 :] = False
    pos = ev[keep]
    out = np.where(kind[keep] == _LF, 10, cp[pos]).astype(np.uint32)
    if space.any():
        sp = np.flatnonzero(space)
        prev = np.empty_like(ev)
        prev[0], prev[1:] = -1, ev[:-1]
        prev_kind = np.empty_like(kind)
        prev_kind[0], prev_kind[1:] = _LF, kind[:-1]
        first = np.searchsorted(sp, prev, side="right")  # first space after the previous event
        has = first < sp.size
        has[has] = sp[first[has]] < ev[has]
        insert = (kind == _OTHER) & (prev_kind == _OTHER) & has
        if insert.any():
            ins = sp[first[insert]]
            pos = np.concatenate([pos, ins])
            out = np.concatenate([out, np.full(ins.size, 32, dtype=np.uint32)])
            o = np.argsort(pos, kind="stable")
            pos, out = pos[o], out[o]
    text = out.tobytes().decode("utf-32-le")
    omap = idx[pos] if idx is not None else pos
    return text, omap.tolist()


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
    if " " not in text:  # both patterns drop spaces (and what they surround)
        return View(text, list(range(len(text))))
    drop = np.zeros(len(text), dtype=bool)
    for m in PAGE_DEBRIS.finditer(text):
        drop[m.start() : m.end()] = True
    for m in _CJK_SPACE.finditer(text):
        drop[m.start()] = True
    if not drop.any():
        return View(text, list(range(len(text))))
    keep = np.flatnonzero(~drop)
    return View(_codes(text)[keep].tobytes().decode("utf-32-le"), keep.tolist())

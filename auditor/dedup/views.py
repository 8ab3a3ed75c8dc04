"""The matching view: the text the duplicate detector compares.

A copied report usually differs from its source in three ways that say
nothing about whether it was copied: punctuation and spacing (re-typed or
re-extracted from another format), the figures and years (updated, or at
least the year in the title), and the agency or place name.  The matching
view removes the first two so that shingles of a copy still match:

* only CJK ideographs, ASCII letters (lower-cased) and digits are kept;
  whitespace, punctuation and symbols are dropped;
* every run of ASCII digits -- including a decimal point or thousands
  separators inside it (``61.7``, ``1,234``) -- becomes one placeholder
  character, so ``2009年898条`` and ``2012年212条`` give the same view.

Names are not masked here (there is no reliable list of them); a changed name
only breaks the few shingles that overlap it, which the alignment step bridges
and then reports as a ``name`` change.

Every view character keeps the half-open span ``[starts[i], ends[i])`` of
canonical text it came from, so a passage found in the view maps back to
exact offsets in `Document.text` (a placeholder spans its whole digit run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

PLACEHOLDER = "#"
"""Stands for one digit run.  '#' itself is punctuation, so it can never come
from the text as a kept character."""

_CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
DIGIT_RUN = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
_TOKEN = re.compile(rf"(?P<num>{DIGIT_RUN})|(?P<lat>[A-Za-z]+)|(?P<cjk>[{_CJK}]+)")
_CJK_CHAR = re.compile(f"[{_CJK}]")


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph as the view counts them (incl. 〇)."""
    return _CJK_CHAR.fullmatch(ch) is not None


@dataclass(frozen=True)
class MatchingView:
    """A document's matching view and its map back to the canonical text.

    `view[i]` came from ``text[starts[i]:ends[i]]``: one character for letters
    and ideographs, a whole digit run for a `PLACEHOLDER`.
    """

    view: str
    starts: np.ndarray  # int64, one per view char
    ends: np.ndarray  # int64, exclusive

    def __len__(self) -> int:
        return len(self.view)

    def codes(self) -> np.ndarray:
        """The view as uint32 code points (the lanes the shingle hash reads)."""
        return np.frombuffer(self.view.encode("utf-32-le"), dtype="<u4")

    def text_span(self, vstart: int, vend: int) -> tuple[int, int]:
        """Canonical-text span covered by view chars ``[vstart, vend)``."""
        if vend <= vstart:
            raise ValueError("empty view range")
        return int(self.starts[vstart]), int(self.ends[vend - 1])


def matching_view(text: str) -> MatchingView:
    """Build the matching view of canonical text (see the module docstring)."""
    pieces: list[str] = []
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if m.lastgroup == "num":
            pieces.append(PLACEHOLDER)
            starts.append(np.array([s], dtype=np.int64))
            ends.append(np.array([e], dtype=np.int64))
        else:
            run = m.group()
            pieces.append(run.lower() if m.lastgroup == "lat" else run)
            idx = np.arange(s, e, dtype=np.int64)
            starts.append(idx)
            ends.append(idx + 1)
    if not pieces:
        empty = np.zeros(0, dtype=np.int64)
        return MatchingView("", empty, empty)
    return MatchingView("".join(pieces), np.concatenate(starts), np.concatenate(ends))

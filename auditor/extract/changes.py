"""Year-on-year changes stated with both figures: "5120起,同比上年的5120起上升18%".

When a report gives this year's figure, last year's figure and the change in
percent, the percent is arithmetic: (this − last) / last.  Only the phrasings
that name both figures in one run of text are read — "A件,同比(上年的)B件上升Z%",
"A件,较去年B件减少Z%", "由上年的B件增加到A件,增长Z%" — never a change whose
base figure is not printed ("较上年增长31.25%"), which cannot be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model import Document, Quantity

_PRIOR = r"(?:(?:19|20)\d{2}年|上年|去年|上一年|前一年)度?(?:同期)?(?:的)?"
_UP = "上升|增长|增加|提高|提升|增多"
_DOWN = "下降|减少|降低|回落|减低"
# "A件,同比上年的B件" / "较去年B件" / "比2016年的B件"
_VS = re.compile(rf"^[,]?\s*(?:同比|较|比|与)\s*{_PRIOR}$")
# "…B件上升27%" / "…B件相比,下降了12.5%"
_MOVE = re.compile(rf"^\s*(?:相比|相较)?[,]?\s*({_UP}|{_DOWN})(?:了|幅度为|幅度达)?\s*$")
# "由上年的B件增加到A件"
_FROM = re.compile(rf"由\s*{_PRIOR}\s*$")
_TO = re.compile(rf"^\s*({_UP}|{_DOWN})(?:到|至)\s*$")
_AFTER_TO = re.compile(rf"^[,]?\s*(?:同比)?({_UP}|{_DOWN}|增幅|降幅)(?:了|为|达)?\s*$")


@dataclass(frozen=True)
class Change:
    """This year's figure, last year's, and the stated change (positive: up)."""

    current: Quantity
    previous: Quantity
    percent: Quantity
    up: bool


def _up(verb: str) -> bool:
    return bool(re.fullmatch(_UP + "|增幅", verb))


def find_changes(doc: Document) -> list[Change]:
    qs, text = doc.quantities, doc.text
    out = []
    for a, b, p in zip(qs, qs[1:], qs[2:]):
        if p.unit != "%" or a.unit == "%" or a.unit != b.unit:
            continue
        if _VS.match(text[a.end : b.start]) and (m := _MOVE.match(text[b.end : p.start])):
            out.append(Change(a, b, p, _up(m.group(1))))
        elif _FROM.search(text[max(0, a.start - 16) : a.start]) and _TO.match(text[a.end : b.start]):
            if m := _AFTER_TO.match(text[b.end : p.start]):
                out.append(Change(b, a, p, _up(m.group(1))))
    return out

"""Declared part counts: "本报告由概述、…、其他需要报告的事项等六部分组成".

A report often announces how many parts it has and names them; the
structure rule compares the declared number with the names listed and with
the sections actually present.
"""

from __future__ import annotations

import re

from auditor.model import PartCount
from auditor.normalize.numbers import parse_number
from auditor.normalize.text import View

_CN_DIGITS = "一二三四五六七八九十"
_PARTS = re.compile(rf"(?:由|包括|分为|包含)([^。]{{0,240}}?)等?(?:共)?([{_CN_DIGITS}\d]{{1,2}})(?:个|大)?部分(?:组成|构成|内容)?|共(?:分)?([{_CN_DIGITS}\d]{{1,2}})(?:个|大)?部分")


_ITEM_END = re.compile(r"(?:情况|概述|概况|措施|事项|问题|附表|统计表|说明|打算|建设|其他|其它|解释|引言|总结|目标)$")


def _count_listed(body: str) -> int | None:
    """Items named in "全文包括概述、…,其他需要报告的事项等七部分".

    Items are separated by commas or 、, but 、 also joins words inside one
    item ("因…申请行政复议、提起行政诉讼的情况"): a piece that does not end
    like a section name is merged with the next one.
    """
    body = re.sub(r"^.*?(?:全文|本报告|报告)?(?:由|包括|包含|分为)", "", body)
    pieces = [x.strip() for x in re.split(r"[,;、]", body) if x.strip()]
    items: list[str] = []
    carry = ""
    for piece in pieces:
        carry += piece
        if _ITEM_END.search(carry):
            items.append(carry)
            carry = ""
    if carry:
        items.append(carry)
    return len(items) if len(items) > 1 else None


def part_counts(view: View) -> list[PartCount]:
    out = []
    for m in _PARTS.finditer(view.text):
        n = parse_number(m.group(2) or m.group(3))
        if n is None:
            continue
        listed = None
        if m.group(1):
            listed = _count_listed(m.group(1))
        start, end = view.span(m.start(), m.end())
        out.append(PartCount(int(n), listed, start, end, m.group(0)))
    return out

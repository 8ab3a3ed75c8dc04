"""Declared part counts: "本报告由概述、…、其他需要报告的事项等六部分组成".

A report often announces how many parts it has and names them; the
structure rule compares the declared number with the names listed and with
the sections actually present.

Counting the names is reading Chinese the way a person does.  Items are
separated by commas, 、 and semicolons, but 、 also joins words inside one
item ("因…申请行政复议、提起行政诉讼的情况"), and 和/及/以及/与 join both
words inside an item ("行政复议和行政诉讼情况", "存在的主要问题及改进措施")
and two items ("…改进情况和其他需要报告的事项").  Each joint is read as
surely one item, surely two, or either ("其他事项和附表": the 附表 may be a
part of its own or an appendix of the last part); the reading is the range
of counts the sentence allows.  The rule only speaks when the declared number
lies outside that range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model import PartCount
from auditor.normalize.numbers import parse_number
from auditor.normalize.text import View

_CN_DIGITS = "一二三四五六七八九十"
_NUMBER = rf"[{_CN_DIGITS}]{{1,2}}|\d{{1,2}}"
_PARTS = re.compile(
    rf"(?:由|包括|分为|包含)([^。]{{0,240}}?)(等)?(?:共)?({_NUMBER})(?:个|大)?部分(?:组成|构成|内容)?"
    rf"|共(?:分)?({_NUMBER})(?:个|大)?部分"
)
# "全文包括概述、…以及附表等八方面的内容组成": 方面 counts parts only when the report is the subject
_ASPECTS = re.compile(
    rf"(?:报告|年报|全文)(?:主要)?(?:由|包括|分为|包含)([^。]{{0,240}}?)(等)?(?:共)?({_NUMBER})(?:个|大)?方面(?:的内容)?(?:组成|构成)"
)
# "本年报由概述、主动公开情况、…等组成": the parts named without a number
_UNNUMBERED = re.compile(
    r"(?:本|该)?(?:年度)?(?:报告|年报|全文)(?:主要)?(?:由|包括|包含|分为)[::]?([^。]{6,240}?)(等)?"
    r"(?:部分|方面)?(?:的内容)?(?:组成|构成)"
)
_LEAD_IN = re.compile(r"^.*(?:包括|包含|分为)|^.*?(?:全文|本报告|报告|年报)?由")

# How a section name ends.  "问题"/"不足" end one too, but after them a
# conjunction usually brings the remedy of the same section.
_STRONG_END = r"(?:情况|概述|概况|事项|措施|打算|计划|思路|方面|表|附注|附件|附录|说明|引言|总结|目标|方向)"
_WEAK_END = r"(?:问题|不足|困难|短板)"
_ITEM_END = re.compile(rf"(?:{_STRONG_END}|{_WEAK_END}|内容|建设|解释|其他|其它)$")
_STRONG_RE = re.compile(rf"{_STRONG_END}$")
_WEAK_RE = re.compile(rf"{_WEAK_END}$")
# the right-hand side of a joint
_CLOSING = re.compile(r"^(?:其他|其它)[^和及与]{0,10}(?:事项|情况)$")  # "其他需要报告的事项"
_TABLE = re.compile(r"(?:表|附注|附件|附录)$|^附(?:表|件|注|录)")  # "…及附件", "…报告表,附注"
_REMEDY = re.compile(r"^(?:改进|整改|下一步|下步|今后|工作打算|努力方向|对策|措施|解决|改善|工作计划)")
_CONJ = re.compile(r"以及|及|和|与")
# residue inside a piece: a finished name followed by a few stray characters ("收费及减免情况复议")
_INNER_END = re.compile(r"(?:情况|事项|措施)(?=[\u4e00-\u9fff]{1,4}$)")


# What a part is about, as a reader recognises it in a name or a heading.
TOPICS: dict[str, str] = {
    "概述": r"概述|总体情况|基本情况|基本工作情况|概况|综述|引言|总体",
    "主动公开": r"主动公开|公开的?(?:主要)?内容|公开政府信息的?情况",
    "依申请公开": r"依申请|申请|收到和处理|不予公开|咨询",
    "收费及减免": r"收费|减免|费用|经费使用|信息处理费",
    "复议诉讼": r"复议|诉讼|申诉|投诉|举报",
    "问题及改进": r"问题|不足|改进|整改|打算|困难|短板|下一步|今后|努力方向",
    "其他事项": r"其他|其它|需要说明|需说明",
    "附表": r"附表|统计表|报告表|附件|附注|附录",
    "解读回应": r"解读|回应|关切",
    "机构保障": r"机构|人员|保障|培训|会议|队伍",
    "平台建设": r"平台|网站|栏目",
    "建议提案": r"建议|提案",
}
_TOPIC_RES = {name: re.compile(rx) for name, rx in TOPICS.items()}


def topics(name: str) -> frozenset[str]:
    """The topics a part name or heading speaks of."""
    return frozenset(t for t, rx in _TOPIC_RES.items() if rx.search(name))


@dataclass(frozen=True)
class ListReading:
    """The names a declaration lists, and how many parts they can be read as."""

    items: tuple[str, ...]  # under the reading with every doubtful joint joined
    least: int
    most: int
    open_end: bool  # the list stops at a middle section, so "等" abbreviates it

    def closest(self, declared: int) -> int:
        """The count under the reading that agrees best with the declared number."""
        return min(max(declared, self.least), self.most)


def _joint(left: str, right: str) -> str:
    """How a conjunction between `left` and `right` inside one piece is read:
    "one" (words of one name), "two" (two names) or "either"."""
    if _WEAK_RE.search(left):
        if _REMEDY.match(right):
            return "one"  # "存在的主要问题及改进措施"
        return "two" if _CLOSING.match(right) else "one"
    if not _STRONG_RE.search(left):
        return "one"  # "行政复议和行政诉讼情况", "依申请公开政府信息和不予公开政府信息情况"
    if _CLOSING.match(right):
        return "two"  # "…改进情况和其他需要报告的事项"
    if _TABLE.search(right) or _ITEM_END.search(right):
        return "either"  # "其他事项和附表", "…的情况和…改进情况"
    return "one"


def _split_item(item: str) -> tuple[list[str], int]:
    """One comma-separated item split at its sure joints; and how many doubtful joints it has."""
    names: list[str] = []
    doubtful = 0
    start = 0
    for m in _CONJ.finditer(item):
        left, right = item[start : m.start()], item[m.end() :]
        if not left or not right:
            continue
        reading = _joint(left, right)
        if reading == "two":
            names.append(left)
            start = m.end()
        elif reading == "either":
            doubtful += 1
    names.append(item[start:])
    return names, doubtful


def _pieces(body: str) -> list[str]:
    body = re.sub(r"\([^()]*\)", "", body)  # "依申请公开办理情况(受理、答复情况)": a gloss, not parts
    body = body.replace("”“", "、").replace("\"\"", "、")
    body = re.sub(r"[“”\"「」『』《》\s]", "", body)
    body = _LEAD_IN.sub("", body)
    body = re.sub(r"^(?:以下|如下)?[::]?", "", body)
    return [x for x in re.split(r"[,;、,;]", body) if x]


def _parallel(piece: str, following: str) -> bool:
    """A piece without a name ending may still be a part of its own: "政策解读、
    回应社会关切" name two areas, while "行政复议、行政诉讼情况" and
    "依申请公开、不予公开及咨询…情况" speak of one."""
    own, other = topics(piece), topics(following)
    return bool(own) and bool(other) and not own & other and len(piece) >= 4


def read_list(body: str) -> ListReading | None:
    """The reading of "…由概述、主动公开情况、…" (the text before 等/the number).

    A piece that does not end like a section name is merged with the next
    one ("因…申请行政复议、提起行政诉讼的情况"); a merged piece that holds a
    finished name followed by a few stray characters may be two.
    """
    merged: list[str] = []
    extra = 0
    carry = ""
    pieces = _pieces(body)
    for i, piece in enumerate(pieces):
        carry += piece
        if _ITEM_END.search(carry):
            merged.append(carry)
            carry = ""
        elif _INNER_END.search(piece):
            extra += 1
        elif i + 1 < len(pieces) and _parallel(piece, pieces[i + 1]):
            extra += 1
    if carry:
        merged.append(carry)
    if len(merged) < 2:
        return None
    items: list[str] = []
    for item in merged:
        names, doubtful = _split_item(item)
        items.extend(names)
        extra += doubtful
    last = items[-1]
    open_end = not re.search(r"其他|其它|表|附注|附件|附录|说明|问题|不足|改进|整改|打算|计划|思路|方向", last)
    return ListReading(tuple(items), len(items), len(items) + extra, open_end)


def _declared(m: re.Match, group: int) -> int | None:
    """The declared number, or None when it is doubtful ("八87部分": old and new figure side by side)."""
    before = m.string[max(0, m.start(group) - 1) : m.start(group)]
    if before and (before.isdigit() or before in _CN_DIGITS):
        return None
    n = parse_number(m.group(group))
    return int(n) if n is not None else None


def _numbered(view: View) -> list[tuple[re.Match, int]]:
    """Declarations with a number: (match, group of the number)."""
    found = [(m, 3 if m.group(3) else 4) for m in _PARTS.finditer(view.text)]
    found += [(m, 3) for m in _ASPECTS.finditer(view.text)]
    return found


def part_counts(view: View) -> list[PartCount]:
    out = []
    taken: list[tuple[int, int]] = []
    for m, group in _numbered(view):
        n = _declared(m, group)
        if n is None or any(a <= m.start() < b for a, b in taken):
            continue
        listed = None
        if m.group(1):
            reading = read_list(m.group(1))
            if reading is not None:
                listed = reading.closest(n)
                if listed < n and m.group(2) and reading.open_end:
                    listed = None  # "由概述、主动公开情况、依申请公开情况等五部分组成": an abbreviated list
        start, end = view.span(m.start(), m.end())
        taken.append((m.start(), m.end()))
        out.append(PartCount(n, listed, start, end, m.group(0)))
    for m in _UNNUMBERED.finditer(view.text):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in taken) or re.search(_NUMBER + r"(?:个|大)?(?:部分|方面)", m.group(1)):
            continue
        reading = read_list(m.group(1))
        if reading is None or reading.least < 3:
            continue
        start, end = view.span(m.start(), m.end())
        out.append(PartCount(None, reading.least if reading.least == reading.most else None, start, end, m.group(0)))
    out.sort(key=lambda pc: pc.start)
    return out


_TAIL = re.compile(rf"(?:等)?(?:共)?(?:{_NUMBER})?(?:个|大)?(?:部分|方面)?(?:的内容)?(?:组成|构成|内容)?$")


def declared_list(text: str) -> ListReading | None:
    """The reading of a whole declaration as stored in `PartCount.text`."""
    return read_list(_TAIL.sub("", text))

"""The section tree: `一、` (level 1), `(一)` (level 2), `1.` / `1、` (level 3).

Headings are found at line starts and, for reports whose page copy lost its
line breaks, after a sentence end.  Level-1 numbering must run in sequence
(一, 二, 三 …); a candidate that breaks the sequence is text, not a heading.
Rows of the standard tables ("四、结转下年度继续办理") reuse the same
numbering and are skipped, so they do not collide with section 四.
"""

from __future__ import annotations

import re

from auditor.model import Document, Section
from auditor.normalize.numbers import parse_number

_CN = "一二三四五六七八九十"
# The heading token itself; where it may stand (after a line break or a
# sentence end, spaces allowed) is checked by `_at_boundary`.  Written this
# way the patterns start with a character class or a literal, which the regex
# engine scans for quickly, instead of trying a look-behind at every position.
_L1 = re.compile(rf"(第([{_CN}]{{1,3}})部分|([{_CN}]{{1,3}})[、.])[ \t]*(?=\S)")
_L2 = re.compile(rf"(\(([{_CN}]{{1,3}})\))[ \t]*(?=\S)")
_L3 = re.compile(r"((\d{1,2})(?:[.、](?!\d)))[ \t]*(?=\S)")
_AFTER = {1: "\n。:;!?", 2: "\n。:;", 3: "\n"}  # what a heading of each level may follow


# labels of the standard tables' rows, which look like headings when flattened
_TABLE_ROWS = re.compile(r"^(本年新收|上年结转|本年度办理结果|结转下年度|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计)")


# how a heading ends; one that stops elsewhere at its line end may go on on the next line
_HEADING_END = re.compile(r"(?:情况|事项|概述|概况|措施|问题|工作|建设|说明|打算|计划|情形|方面|要求|内容|附表|统计表|不足)\s*$")
_CONTINUATION = re.compile(r"[^\s。:;,!?\[…|\t(一二三四五六七八九十\d][^。:;,!?\[…|\t]{0,15}")


def _wrapped(text: str, pos: int, line_end: int) -> int:
    """Where a heading broken over two lines ends ("四、因政府信息公开申请行政复议、提起行政诉讼的情\n况"):
    the next line when the heading stops short of a heading's ending and that
    line is a short fragment, not a sentence or another heading."""
    if line_end >= len(text) or _HEADING_END.search(text[pos:line_end]) or line_end - pos > 40:
        return line_end
    nl = text.find("\n", line_end + 1)
    nxt_end = len(text) if nl < 0 else nl
    m = _CONTINUATION.fullmatch(text, line_end + 1, nxt_end)
    if m and _HEADING_END.search(text[pos:line_end] + m.group()):
        return nxt_end
    return line_end


def _title_at(text: str, pos: int) -> tuple[str, int]:
    """The heading text: up to the line end or the first sentence end."""
    nl = text.find("\n", pos)
    line_end = len(text) if nl < 0 else nl
    m = re.search(r"[。:;]", text[pos:line_end])
    if m is None:
        line_end = _wrapped(text, pos, line_end)
    end = pos + m.start() if m else line_end
    sp = text.find(" ", pos, end)
    if sp > pos and end - sp > 10:  # "二、主动公开情况 严格按照…": the heading ends at the space
        end = sp
    if end - pos > 60:
        end = pos + 60
    return text[pos:end].replace("\n", "").strip(), end


def _num(s: str) -> int:
    v = parse_number(s)
    return int(v) if v is not None else 0


def _in_table(doc: Document, pos: int) -> bool:
    return any(t.start <= pos < t.end for t in doc.tables if t.start >= 0)


def _at_boundary(text: str, pos: int, after: str) -> int:
    """Where the heading at `pos` starts (spaces before it included), or -1
    when it does not follow the text's start or one of `after`."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i if i == 0 or text[i - 1] in after else -1


def _chain(doc: Document, pattern: re.Pattern, level: int, lo: int, hi: int) -> list[Section]:
    """Headings of one level inside [lo, hi), keeping only an in-sequence chain."""
    text = doc.text
    out: list[Section] = []
    expected = 1
    for m in pattern.finditer(text, lo, hi):
        start = _at_boundary(text, m.start(), _AFTER[level])
        if start < lo:
            continue
        number = next((g for g in m.groups()[1:] if g), "")
        n = _num(number) if level < 3 else int(number)
        if n != expected or _in_table(doc, start):
            continue
        title, heading_end = _title_at(text, m.end())
        if level == 1 and _TABLE_ROWS.match(title):
            continue
        if level == 3 and not re.match(r"[\u4e00-\u9fff]", title):
            continue
        out.append(Section(level, m.group(1), title, m.start(1), hi, heading_end))
        expected += 1
    for a, b in zip(out, out[1:]):
        a.end = b.start
    return out


def extract_sections(doc: Document) -> None:
    top = _chain(doc, _L1, 1, 0, len(doc.text))
    sections = list(top)
    for s in top:
        subs = _chain(doc, _L2, 2, s.heading_end, s.end)
        sections.extend(subs)
        for sub in subs:
            sections.extend(_chain(doc, _L3, 3, sub.heading_end, sub.end))
    sections.sort(key=lambda s: (s.start, s.level))
    doc.sections = sections

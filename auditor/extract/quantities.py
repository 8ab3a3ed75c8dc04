"""Quantities stated in prose: a number with a counting unit and the label it counts.

A quantity is "120条", "15.8万条" or "61.5%".  Its label is the clause in front
of it ("累计主动公开政府信息"), or behind it when the clause in front is empty
("其中,4件属于已主动公开的信息"); a label that only says "历年累计" takes the
thing counted from the figure before it in the same sentence ("主动公开信息30条,
历年累计410条").  Its scope (the year, a running total, a reading at a date) is
read by `auditor.extract.scope`.

Everything works on the clean view (no page-number debris, no spaces inside
Chinese runs); `Located` keeps where each quantity sits in that view, because
the relation finders (breakdowns, shares) work in view offsets while a
`Quantity` only carries canonical offsets for evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.extract.scope import scope_of
from auditor.model import Quantity
from auditor.normalize.numbers import parse_number, parse_percent
from auditor.normalize.text import View

UNITS = (
    "人次|万元|万条|万件|万人|亿元|元|条|件|个|项|次|人|家|份|篇|场|期|名|批|类|起|宗|则|册|本|台|页|次数"
)
# Arabic figures, or Chinese numerals of two characters or more with a place value
# ("十二件", "三百条"; a single 一 is too often part of a word: 一项工作, 统一; and
# "三四个" means three or four, not 34)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?(?:万|亿)?|(?<![第\d])(?=[一二三四五六七八九两零〇]*[十百千万])[一二三四五六七八九十两][零〇一二三四五六七八九十百千万两]+"
# A quantity is ``(?<![\d.#/\-])({_NUM})(余|多)?({UNITS}|%)``; the pattern holds it
# without the look-behind, which `_qty_matches` checks: a pattern that starts
# with a look-behind is tried at every character, one that starts with a
# digit lets the regex engine skip to the digits.
# The pattern opens by consuming a character a figure can start with, so the
# regex engine scans for that class in C and tries the pattern only there (the
# look-ahead it replaces was entered at every character: the scan 0.13-0.15
# -> 0.11-0.12 ms/doc on corpus-1000).  Which branch of `_NUM` applies is then told by that character (a
# digit or a Chinese numeral: the two sets are disjoint), and the rest is
# `_NUM` from its second character on: \d+ is \d\d*; the numeral branch's
# look-behind moves back one character, and its look-ahead holds at the first
# character when that is 十, else from the second.  Same matches, same groups.
_QTY_BODY = re.compile(
    r"([\d一二三四五六七八九十两]"
    r"(?:(?<=\d)\d*(?:,\d{3})*(?:\.\d+)?(?:万|亿)?"
    r"|(?<=[一二三四五六七八九十两])(?<![第\d].)(?:(?<=十)|(?=[一二三四五六七八九两零〇]*[十百千万]))[零〇一二三四五六七八九十百千万两]+))"
    rf"(余|多)?({UNITS}|%)"
)
_QTY_BODY_AS_WRITTEN = rf"(?=[\d一二三四五六七八九十两])({_NUM})(余|多)?({UNITS}|%)"  # what _QTY_BODY matches
_NOT_BEFORE = frozenset("0123456789.#/-")


def _qty_matches(s: str):
    """Quantity matches in order (the look-behind above checked here, as finditer would)."""
    pos = 0
    while True:
        m = _QTY_BODY.search(s, pos)
        if m is None:
            return
        p = m.start()
        if p > 0 and (s[p - 1] in _NOT_BEFORE or s[p - 1].isdecimal()):  # \d is Unicode Nd
            pos = p + 1  # the look-behind fails here: try the next start, as finditer would
            continue
        yield m
        pos = m.end()


# boundaries of a label clause
CLAUSE_BOUNDARY = re.compile(r"[,;。:!?、\n\t()《》“”\"]")
SENTENCE_END = re.compile(r"[。!?\n]")
# The last of them before a point: `.*` runs to the end of the slice and backs off
# to the nearest boundary, in C, where a finditer from the start built a match
# object per boundary (the two look-backs 0.16 -> 0.05 ms/doc on corpus-1000).
_LAST_CLAUSE_BOUNDARY = re.compile(rf"(?s:.*){CLAUSE_BOUNDARY.pattern}")
_LAST_SENTENCE_END = re.compile(rf"(?s:.*){SENTENCE_END.pattern}")
_LEADING_PARTICLE = re.compile(r"^[的了]")
_LEADING = re.compile(
    r"^(?:其中|另外|此外|同时|共计|合计|总计|累计|共|计|达|为|有|约|全年|全年共|年内|本年度|本年|今年|当年|"
    r"(?:19|20)\d{2}年度?|我(?:局|办|委|镇|乡|区|县|市|厅|院|部|中心|街道|单位|们)|本(?:局|办|委|机关|单位)|"
    r"通过|共有|分别|以及|及|和|与|"
    r"\(\s*[\d一二三四五六七八九十]{1,2}\s*\)|\d{1,2}[.、](?!\d)|[①-⑳])+"
)
_TRAILING = re.compile(r"(?:共计|合计|总计|累计|共|计|达到|达|为|有|约|总数|数量|数)+$")
# what is left of a label that only names the scope ("历年累计", "截至目前累计")
_SCOPE_ONLY = re.compile(r"^(?:历年|累计|截至|截止|目前|至今|以来|总计|合计|共计|共|年底|底)*$")
_YEAR_IN = re.compile(r"((?:19|20)\d{2})年度?")
_UNIT_FAMILY = {"万条": "条", "万件": "件", "万人": "人", "亿元": "元", "万元": "元"}
_SCALE = {"万条": 4, "万件": 4, "万人": 4, "万元": 4, "亿元": 8}


@dataclass(frozen=True)
class Located:
    """Where a quantity sits in the clean view: its number, and its label clause's start."""

    start: int
    end: int
    clause_start: int


# id(quantity) -> Located; quantities are plain dataclasses, compared by identity here
Positions = dict[int, Located]


def _label_before(s: str, start: int, floor: int) -> tuple[str, int]:
    m = _LAST_CLAUSE_BOUNDARY.match(s, floor, start)
    lo = m.end() if m else floor
    return s[lo:start], lo


def _label_after(s: str, end: int) -> str:
    m = CLAUSE_BOUNDARY.search(s, end, min(len(s), end + 40))
    return s[end : m.start() if m else min(len(s), end + 40)]


def normalise_label(raw: str) -> str:
    lab = _LEADING.sub("", raw.strip())
    lab = _TRAILING.sub("", lab)
    lab = _LEADING_PARTICLE.sub("", lab)
    return lab.strip()


def sentence_start(s: str, pos: int) -> int:
    """Start of the sentence holding view offset `pos`."""
    lo = max(0, pos - 400)
    m = _LAST_SENTENCE_END.match(s, lo, pos)
    return m.end() if m else lo


def read_quantities(view: View, report_year: int | None) -> tuple[list[Quantity], Positions]:
    """Every quantity in text order, and where each sits in the view."""
    s = view.text
    out: list[Quantity] = []
    pos: Positions = {}
    floor = 0
    for m in _qty_matches(s):
        num, approx, unit = m.group(1), m.group(2), m.group(3)
        value = parse_percent(num + "%") if unit == "%" else parse_number(num)
        if value is None:
            continue
        # skip dates, doc numbers and ordinals glued to the number
        after = s[m.end() : m.end() + 1]
        if unit in ("期", "批", "次") and after in ("号",):
            continue
        if unit in _SCALE:
            value = value.scaleb(_SCALE[unit])
            unit = _UNIT_FAMILY[unit]
        raw_label, lab_start = _label_before(s, m.start(), floor)
        label = normalise_label(raw_label)
        if not label and unit != "%":
            label = normalise_label(_label_after(s, m.end()))
        sent = sentence_start(s, m.start())
        scope = scope_of(raw_label, s[sent : m.start()], report_year)
        if unit != "%" and scope == "cumulative" and _SCOPE_ONLY.match(label):
            # "主动公开信息30条,历年累计410条": the running total of the same thing
            prev = next((q for q in reversed(out) if q.unit != "%" and pos[id(q)].start >= sent), None)
            label = prev.label if prev is not None else label
        start, end = view.span(m.start(), m.end())
        clause_start, _ = view.span(lab_start, lab_start + 1) if lab_start < len(s) else (start, start)
        ym = _YEAR_IN.search(raw_label)
        q = Quantity(
            value=value,
            unit=unit,
            label=label,
            start=start,
            end=end,
            text=m.group(0),
            scope="approximate" if approx else scope,
            year=int(ym.group(1)) if ym else None,
            clause_start=clause_start,
            clause=raw_label,
        )
        pos[id(q)] = Located(m.start(), m.end(), lab_start)
        out.append(q)
        floor = m.end()
    return out, pos

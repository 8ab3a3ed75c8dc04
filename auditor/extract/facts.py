"""Quantities stated in prose, and how they relate to each other.

A quantity is a number with a counting unit ("120条", "15.8万条", "61.5%").
Its label is the clause in front of it ("累计主动公开政府信息"), or behind it
when the clause in front is empty ("其中,4件属于已主动公开的信息").

Relations found here are what the arithmetic rules check:
- breakdowns: a total and its parts, introduced by 其中/分别, or a list of
  "…类信息N条" right after a sentence stating the total of the same noun;
- percent statements: "N条,占X%" with the base the share is taken of;
- declared part counts: "由…等六部分组成".

Everything works on the clean view (no page-number debris, no spaces inside
Chinese runs) and maps back to canonical offsets for evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from rapidfuzz import fuzz

from auditor.extract.parts import part_counts
from auditor.model import Breakdown, Document, PercentStatement, Quantity
from auditor.normalize.numbers import parse_number, parse_percent
from auditor.normalize.text import View, clean_view

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
# The leading look-ahead names every character a figure can start with: one
# class test rejects most positions before the alternatives are tried (2×).
_QTY_BODY = re.compile(rf"(?=[\d一二三四五六七八九十两])({_NUM})(余|多)?({UNITS}|%)")
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
_CLAUSE_BOUNDARY = re.compile(r"[,;。:!?、\n\t()《》“”\"]")
_SENTENCE_END = re.compile(r"[。!?\n]")
_LEADING = re.compile(
    r"^(?:其中|另外|此外|同时|共计|合计|总计|累计|共|计|达|为|有|约|全年|全年共|年内|本年度|本年|今年|当年|"
    r"(?:19|20)\d{2}年度?|我(?:局|办|委|镇|乡|区|县|市|厅|院|部|中心|街道|单位|们)|本(?:局|办|委|机关|单位)|"
    r"通过|共有|分别)+"
)
_TRAILING = re.compile(r"(?:共计|合计|总计|累计|共|计|达到|达|为|有|约|总数|数量|数)+$")
_CUMULATIVE = re.compile(r"累计|历年|截至|截止|以来|总量")
_YEAR_IN = re.compile(r"((?:19|20)\d{2})年度?")
_UNIT_FAMILY = {"万条": "条", "万件": "件", "万人": "人", "亿元": "元", "万元": "元"}
_SCALE = {"万条": 4, "万件": 4, "万人": 4, "万元": 4, "亿元": 8}


def _label_before(s: str, start: int, floor: int) -> tuple[str, int]:
    lo = floor
    for m in _CLAUSE_BOUNDARY.finditer(s, floor, start):
        lo = m.end()
    return s[lo:start], lo


def _label_after(s: str, end: int) -> str:
    m = _CLAUSE_BOUNDARY.search(s, end, min(len(s), end + 40))
    return s[end : m.start() if m else min(len(s), end + 40)]


def normalise_label(raw: str) -> str:
    lab = _LEADING.sub("", raw.strip())
    lab = _TRAILING.sub("", lab)
    lab = re.sub(r"^[的了]", "", lab)
    return lab.strip()


# Where each quantity sits in the clean view: (number start, number end, label
# clause start).  The relation finders below work in view offsets; Quantity
# itself only carries canonical offsets.
Positions = dict[int, tuple[int, int, int]]


def _quantities(view: View, pos: Positions) -> list[Quantity]:
    s = view.text
    out: list[Quantity] = []
    floor = 0
    for m in _qty_matches(s):
        num, approx, unit = m.group(1), m.group(2), m.group(3)
        if unit == "%":
            value = parse_percent(num + "%")
        else:
            value = parse_number(num)
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
            scope="cumulative" if _CUMULATIVE.search(raw_label) else "annual",
            year=int(ym.group(1)) if ym else None,
            clause_start=clause_start,
            clause=raw_label,
        )
        if approx:
            q.scope = "approximate"
        pos[id(q)] = (m.start(), m.end(), lab_start)
        out.append(q)
        floor = m.end()
    return out


def _gap(s: str, a: Quantity, b: Quantity, pos: Positions) -> str:
    return s[pos[id(a)][1] : pos[id(b)][0]]


def _runs(view: View, qs: list[Quantity], pos: Positions) -> list[list[Quantity]]:
    """Consecutive same-unit counts in one sentence, separated by list punctuation."""
    s = view.text
    runs: list[list[Quantity]] = []
    cur: list[Quantity] = []
    for q in qs:
        if q.unit == "%":
            continue
        if cur:
            prev = cur[-1]
            gap = _gap(s, prev, q, pos)
            gap_wo_pct = re.sub(r"[,]?(?:占[^,;。]{0,12}?)?\d+(?:\.\d+)?%", "", gap)
            same = (
                q.unit == prev.unit
                and not _SENTENCE_END.search(gap_wo_pct)
                and re.search(r"[,;、]", gap_wo_pct)
                and len(gap_wo_pct) <= 60
                and not re.search(r"其中|分别|[()]", gap_wo_pct)
            )
            if same:
                cur.append(q)
                continue
            runs.append(cur)
        cur = [q]
    if cur:
        runs.append(cur)
    return runs


_AMONG = re.compile(r"在([^,。;\n]{2,20})中[,]?(?=[^,。;\n]*$)")
_OTHER = re.compile(r"^(?:其他|其它|其余|剩余|另)")


def _head(label: str) -> str:
    return label[-2:] if len(label) >= 2 else label


def _breakdowns(view: View, qs: list[Quantity], pos: Positions) -> list[Breakdown]:
    s = view.text
    by_unit: dict[str, tuple[list[int], list[Quantity]]] = {}  # counts of a unit in text order, with their ends
    for q in qs:
        if q.unit != "%":
            ends, same = by_unit.setdefault(q.unit, ([], []))
            ends.append(pos[id(q)][1])
            same.append(q)
    runs = _runs(view, qs, pos)
    run_of = {id(q): r for r in runs for q in r}
    out: list[Breakdown] = []
    for run in runs:
        first = run[0]
        fs = pos[id(first)][2]
        lead = s[max(0, fs - 12) : pos[id(first)][0]]
        ends, same = by_unit[first.unit]
        prior = same[: bisect_right(ends, fs)]  # the counts of this unit ending before the run's clause
        total = prior[-1] if prior else None
        marker = ""
        if m_lead := re.search(r"其中|(?<!包)含(?!义)|包括", lead):
            marker = m_lead.group()
        elif (m_in := _AMONG.search(s, max(0, fs - 30), fs)) and len(run) >= 2:
            # "在主动公开的信息中,政策法规类…66条…": the total is the earlier figure of that noun
            among = normalise_label(m_in.group(1))
            near = [q for q in prior if fs - pos[id(q)][1] <= 800 and fuzz.partial_ratio(among, q.label) >= 70]
            total = near[-1] if near else None
            marker = "在…中"
        elif re.search(r"分别(?:为|是)", s[pos[id(first)][0] - 8 : pos[id(first)][0]]) and len(run) >= 2:
            marker = "分别"
        elif total is not None and len(run) >= 3:
            between = s[pos[id(total)][1] : fs]
            # "…政府信息500条。2015年主动公开概况类信息3条;工作动态类信息40条;…"
            if (
                len(between) <= 20
                and between.count("。") + between.count("\n") == 1
                and re.search(r"共|累计|合计|总计|总数|全年|全部", total.clause)
                and len(run_of.get(id(total), [])) < 2
                and all(
                    _head(p.label) == _head(total.label) for p in run if p.label
                )
            ):
                marker = "list"
        if not marker or total is None:
            continue
        if run_of.get(id(total)) is run:
            continue
        between_text = s[pos[id(total)][1] : fs]
        if marker != "在…中" and (len(between_text) > 80 or between_text.count("。") > 1):
            continue
        implied = None
        trun = run_of.get(id(total))
        # "在线申请19件,纸质申请4件,其中…": the 其中 splits the sum of the list
        alternatives: list[Decimal] = []
        if trun and len(trun) >= 2 and trun[-1] is total and marker != "list" and len({q.scope for q in trun}) == 1:
            implied = sum((q.value for q in trun), Decimal(0))
            alternatives = [q.value for q in trun]  # "…54场、通气会14场。其中,发布会包括…" splits one item
        parts = run
        tail = s[pos[id(run[-1])][1] : pos[id(run[-1])][1] + 3]
        if tail.startswith("等"):
            closure = "open"
        elif any(_OTHER.match(p.label) for p in parts) or marker in ("分别", "list"):
            closure = "exhaustive"
        elif len(parts) >= 3:
            closure = "likely"
        else:
            closure = "open"
        start = trun[0].start if implied is not None else total.start
        bd = Breakdown(total, parts, closure, start, parts[-1].end, marker, implied, alternatives)
        out.append(bd)
    return out


_PCT_LINK = re.compile(r"^[,]?(?:占|约占|占比|比例为|比重为)[^,;。]{0,12}?$")


def _percents(view: View, qs: list[Quantity], bds: list[Breakdown], pos: Positions) -> list[PercentStatement]:
    s = view.text
    base_of: dict[int, Quantity | None] = {}
    for bd in bds:
        for p in bd.parts:
            base_of[id(p)] = bd.total
    out = []
    for prev, q in zip(qs, qs[1:]):
        if q.unit != "%" or prev.unit == "%":
            continue
        gap = s[pos[id(prev)][1] : pos[id(q)][0]]
        if not _PCT_LINK.match(gap):
            continue
        base = base_of.get(id(prev))
        out.append(PercentStatement(prev, q, base, prev.start, q.end))
    return out


def extract_facts(doc: Document) -> None:
    view = clean_view(doc.text)
    pos: Positions = {}
    qs = _quantities(view, pos)
    doc.quantities = qs
    doc.breakdowns = _breakdowns(view, qs, pos)
    doc.percents = _percents(view, qs, doc.breakdowns, pos)
    doc.part_counts = part_counts(view)

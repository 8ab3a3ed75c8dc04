"""Shares ("N条,占X%") and rates ("网上公开率93.5%") with the count they are taken of.

A share is only as checkable as its base.  The base of "其中A类66条,占61.7%" is
the breakdown's total; without a 其中 list it is the governing figure of the
same unit one or two clauses earlier ("新收申请40件…自然人申请30件,占65%"):
the nearest earlier figure of that unit in the sentence (or the sentence
before) that is not itself a sibling share.  When the printed share fits
another figure that could be meant (the sum of the listed classes, another
figure of the unit in the sentence), that figure is taken as the base: a share
is only reported when no reading makes it right.  Shares with no figure to be
their base that add up to 100% split the sum of their counts, which is then
their base.  A share whose class is not given as a count ("占28%" after a
sentence of words) has no count and is not recorded at all.

A rate names no count of its own: "主动公开政府信息17条,网上公开率93.5%" is
some whole number of those 17 items; if no whole number out of 17 rounds to
93.5%, the rate cannot be right.  Only rates that are shares of the counted
items are read (公开率, 办结率, 答复率, 电子化率 …) — never 满意率, growth or
change rates, whose base is something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from auditor.extract.quantities import SENTENCE_END, Positions, sentence_start
from auditor.model import Breakdown, Document, PercentStatement, Quantity
from auditor.normalize.numbers import half_unit

# "…66条,占61.7%", "(占比 18.1%)", ",所占比例为30%", ",占全部申请的12%"
_PCT_LINK = re.compile(r"^[,(]?\s*(?:所|约)?(?:占|比例为|比重为)[^,;。()]{0,12}?$")
_ROUGHLY = re.compile(r"约|近|超过|超|不足|不到|逾|大约|接近|将近")
_BOUND = re.compile(r"以上|以下|左右|上下|之多|多")
# shares of the counted items; not 满意率, 增长率, 同比 …
_RATE = re.compile(r"(?:公开|办结|答复|回复|受理|办理|上网|电子化|按时|按期|及时)[率]$")
_NOT_RATE = re.compile(r"满意|增长|增幅|下降|提高|提升|同比|环比|覆盖|知晓|参与")


_GENERIC_BASE = re.compile(r"^(?:[,(]?\s*(?:所|约)?(?:占|比例为|比重为))|总体|总数|总量|总额|合计|全部|所有|全年|本年度?|比例|比重|比|的|为|达到?|了")


def _named_base(link: str) -> str:
    """What the share says it is a share of ("占全市申请总量的" → "全市申请"), or "" for 总数/总体/全部."""
    return _GENERIC_BASE.sub("", link).strip()


def fits(count: Decimal, base: Decimal, pct: Decimal, slack: Decimal) -> bool:
    """Whether count/base, as a percentage, rounds to the printed `pct` (within `slack` points)."""
    if base == 0:
        return False
    return abs(count / base * 100 - pct) <= half_unit(pct) + slack


_SLACK = Decimal("0.01")


def _governing(s: str, qs: list[Quantity], i: int, pos: Positions) -> list[Quantity]:
    """Figures of qs[i]'s unit before it that may be its base, nearest first (this sentence, then the one before)."""
    q = qs[i]
    lo = sentence_start(s, pos[id(q)].start)
    lo = sentence_start(s, max(0, lo - 1))
    out = []
    for j in range(i - 1, -1, -1):
        p = qs[j]
        if pos[id(p)].start < lo:
            break
        if p.unit != q.unit or p.value < q.value or p.scope == "approximate":
            continue
        if (p.scope == "cumulative") != (q.scope == "cumulative"):
            continue  # a running total is not the base of one year's share, nor the other way round
        nxt = qs[j + 1] if j + 1 < len(qs) else None
        if nxt is not None and nxt.unit == "%" and _PCT_LINK.match(s[pos[id(p)].end : pos[id(nxt)].start]):
            continue  # a sibling: it has its own share
        out.append(p)
    return out


def find_shares(s: str, qs: list[Quantity], bds: list[Breakdown], pos: Positions) -> list[PercentStatement]:
    """Every "count, 占X%" with the base it is most plausibly taken of (None when there is none)."""
    base_of: dict[int, Breakdown] = {}
    for listed_in in bds:
        for p in listed_in.parts:
            base_of.setdefault(id(p), listed_in)
    out = []
    for i in range(1, len(qs)):
        prev, q = qs[i - 1], qs[i]
        if q.unit != "%" or prev.unit == "%":
            continue
        link = s[pos[id(prev)].end : pos[id(q)].start]
        if not _PCT_LINK.match(link):
            continue
        if _ROUGHLY.search(link) or _BOUND.match(s, pos[id(q)].end):
            continue  # "约占60%", "占60%以上": a bound, not the share
        bd = base_of.get(id(prev))
        if bd is not None and bd.total is not None:
            bases = [bd.total] + [b for b in _governing(s, qs, i - 1, pos) if b is not bd.total]
        else:
            bases = _governing(s, qs, i - 1, pos)
        named = _named_base(link)
        if named:
            # "占全市申请总量的5%": the share names its base; a figure counting something else is not it
            bases = [b for b in bases if fuzz.partial_ratio(named, b.label) >= 70]
            bd = bd if bd is not None and bd.total in bases else None
        firm = bases[0] if bases else None
        base = next((b for b in bases if fits(prev.value, b.value, q.value, _SLACK)), None)
        if base is None and bd is not None:
            listed = sum((p.value for p in bd.parts), Decimal(0))
            if fits(prev.value, listed, q.value, _SLACK):
                continue  # the share is of the listed classes, not of the stated total
        out.append(PercentStatement(prev, q, base or firm, prev.start, q.end))
    _bases_from_whole(s, out, pos)
    return out


def _bases_from_whole(s: str, statements: list[PercentStatement], pos: Positions) -> None:
    """Shares with no stated base that add up to 100% are shares of the listed counts' sum.

    "规范性文件类5条,占4.2%;工作动态类80条,占67.2%;其他类34条,占28.6%": the
    three shares claim to split a whole, so that whole is 5 + 80 + 34.
    """
    groups: list[list[PercentStatement]] = []
    for ps in statements:
        prev = groups[-1][-1] if groups else None
        if (
            ps.base is None
            and prev is not None
            and prev.base is None
            and prev.count.unit == ps.count.unit
            and not SENTENCE_END.search(s[pos[id(prev.percent)].end : pos[id(ps.count)].start])
        ):
            groups[-1].append(ps)
        else:
            groups.append([ps])
    for g in groups:
        if len(g) < 2 or g[0].base is not None:
            continue
        pct = sum((ps.percent.value for ps in g), Decimal(0))
        slack = sum((half_unit(ps.percent.value) for ps in g), Decimal(0))
        if abs(pct - 100) > slack:
            continue
        first, last = g[0].count, g[-1].count
        whole = Quantity(
            sum((ps.count.value for ps in g), Decimal(0)), first.unit, "所列各项之和", first.start, last.end, "", clause_start=first.span_start
        )
        for ps in g:
            ps.base = whole


@dataclass(frozen=True)
class Rate:
    """A rate ("网上公开率93.5%"), the count it most plausibly is a share of, and every count it could be of."""

    percent: Quantity
    base: Quantity
    readings: tuple[Quantity, ...]


def find_rates(doc: Document) -> list[Rate]:
    """Rates of the counted items, each with the counts of its sentence it could be a share of.

    The nearest count before the rate is the plausible base, but "主动公开61件,
    依申请公开7件,主动公开率89.7%" is a rate of all 68: every whole count before
    the rate in its sentence (and the total of any list they belong to) is a
    reading, and a rate is only impossible when it fits none of them.
    """
    out = []
    qs = doc.quantities
    text = doc.text
    total_of = {id(p): bd.total for bd in doc.breakdowns if bd.total is not None for p in bd.parts}
    for i, q in enumerate(qs):
        if q.unit != "%" or not _RATE.search(q.label) or _NOT_RATE.search(q.label) or i == 0:
            continue
        base = qs[i - 1]
        if base.unit == "%" or base.scope == "approximate" or base.value != base.value.to_integral_value():
            continue
        gap = text[base.end : q.start]
        if SENTENCE_END.search(gap) or ";" in gap or len(gap) > 20:
            continue
        readings: list[Quantity] = []
        for p in reversed(qs[:i]):
            if SENTENCE_END.search(text[p.end : q.start]):
                break
            if p.unit != "%":
                readings += [p] + ([total_of[id(p)]] if id(p) in total_of else [])
        if any(r.scope == "approximate" for r in readings):
            continue
        out.append(Rate(q, base, tuple(readings)))
    return out

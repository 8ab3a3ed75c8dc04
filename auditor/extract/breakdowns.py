"""Totals and the parts they are broken down into.

A breakdown is a stated total and a list of counts that split it:
"共…N条,其中A x条,B y条…", "…分别为…", "(含…)", "A x件、B y件,合计N件",
"在…总数N条中,A x条…", items without a unit ("其中A 61、B 2…"), a list of
"…类信息N条" right after the clause or sentence that states the total, or a
closed set of classes (予以公开…其他处理; 自然人…法人或其他组织) after the one
figure it splits, or a table of one-count rows closed by its 总计/合计 row
(recorded only when the rows do not exceed it).  Reading one right matters more than finding many: a list
read wrongly is a false "does not add up" on a correct report.  So:

- a list ends where its punctuation ends: at a sentence end (unless the next
  sentence carries the next number of a numbered list or the closing 其他
  item), at a clause with no figure ("…网络申请3件,申请事项主要集中在…方面,
  办结11件"), at a clause that starts a new statement ("…;全年共办结…"), and
  never crosses a parenthesis;
- a figure inside a parenthetical aside ("96条(包含规范性文件2条),其中…")
  is never the total of a list outside it;
- a list inside parentheses ends with them;
- when several figures of the unit could be the total, the one the parts add
  up to is taken; if none and the list opens a new sentence, the total is
  unknown and nothing is recorded;
- parts that restate the total in another cut ("申请6件,网络4件,信件2件;
  自然人5件,法人1件") are split into two breakdowns, parts that only follow the
  complete list (a sub-list's remainder, another channel such as a 公示栏 or
  a 公众号 after the website's classes, an item after statements of other
  measures) are given back or dropped;
- a bare class of documents in another unit between two items ("…6条,文件7份,
  …3条") is one of the parts.

`closure` says how complete the list claims to be, and why:
``exhaustive`` (a remainder item 其他/其余, 分别 right after the total, a trailing
合计, a closed set of classes),
``likely`` (其中/包括 with three or more parts), ``open`` (…等, 主要…, one or
two parts, other units inside the list).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

from rapidfuzz import fuzz

from auditor.extract.quantities import SENTENCE_END, Located, Positions, normalise_label, sentence_start
from auditor.model import Breakdown, BreakdownClosure, Quantity
from auditor.normalize.text import View

Group = tuple[int, int] | None  # a parenthesis pair (open, close) in the view, or the top level

# a share clause after an item ("…20条,所占比例为30%,…"), with its leading comma
_SHARE = re.compile(r"[,;]?[^,;。、()]{0,16}?(?:\d+(?:\.\d+)?)?%")  # "占%" with its figure lost too
# the characters a share clause never runs across (a , or ; may only open one)
_SHARE_STOP = re.compile(r"[,;。、()]")
_LAST_SHARE_STOP = re.compile(rf"(?s:.*){_SHARE_STOP.pattern}")
# list numbering: "(2)", "②", "2.", "二、"
_ENUM = re.compile(r"\(\s*[\d一二三四五六七八九十]{1,2}\s*\)|[①-⑳]|(?<![\d.])\d{1,2}[.、](?!\d)|[一二三四五六七八九十]、")
_MAYBE_ENUM = re.compile(r"[()①-⑳、]|\d[.、]")
_JOINER = re.compile(r"^(?:和|及|以及|与|还有)")
_SUBLIST = re.compile(r"其中|分别|包括|包含|(?<!包)含(?!义)|具体|:")
# a clause that starts a statement of its own rather than the next item of a list
_NEW_STATEMENT = re.compile(r"^\s*(?:以上)?(?:共|合计|总计|累计|全年|本年度|另外|此外|同时|另有)")
_TRAILING_TOTAL = re.compile(r"^[,;、]?(?:以上)?(?:合计|共计|总计|总共|共)$")
# a remainder item; "其他组织" is a class of applicant, not the rest
_OTHER = re.compile(r"^(?:和|及|以及|与)?(?:其他|其它|其余|剩余)(?!组织)")
# a remainder item's label: "其他信息", or a class ending in it ("…等民众关心的其他信息")
_REMAINDER = re.compile(_OTHER.pattern + r"|(?:其他|其它|其余)(?!组织)[\u4e00-\u9fff]{0,4}$")
_OPEN_LEAD = re.compile(r"主要|包括.{0,20}在内|例如|比如|诸如")
_AMONG = re.compile(r"在([^,。;\n]{2,20})中[,]?(?=[^,。;\n]*$)")
# a publication channel: parts naming one after a list of content classes are another measure
_CHANNEL = re.compile(
    r"公示栏|公开栏|宣传栏|公告栏|橱窗|显示屏|电子屏|微信|公众号|微博|抖音|快手|视频号|头条|新媒体|客户端|APP|报纸|报刊|电视|广播|电台"
)
_ANY_CHANNEL = re.compile(_CHANNEL.pattern + r"|网站|网页|门户|平台|专栏")
_ITEM_UNITS = frozenset("条件篇份个项")
_PAREN_OR_LINE = re.compile(r"[()\n]")
_INNERMOST = re.compile(r"\([^()]*\)")
_SEP = re.compile(r"[,;、]")
_SENTENCE_ENDS = re.compile(r"[。!?\n]+")
_CLAUSE_MARK = re.compile(r"[,;:]")
_LEAD_MARKER = re.compile(r"其中|(?<!包)含(?!义)|包括|包含|具体为|具体是|具体如下|具体包括")
_RESPECTIVELY = re.compile(r"分别")
_TOTAL_WORD = re.compile(r"共|累计|合计|总计|总数|全年|全部")
_PARTIAL_LEAD = re.compile(r"其中|包括")
_STATEMENT_BREAK = re.compile(r"[;。!?\n]")
_BARE_MARKER = re.compile(r"(?:其中|包括|包含|分别为|分别是|具体为|具体是)[:,]?")


@dataclass
class _Ctx:
    """The view text and everything the finders need to know about its quantities."""

    s: str
    pos: Positions
    group: dict[int, Group]
    counts: list[Quantity]  # non-% quantities in text order
    runs: list[list[Quantity]] = field(default_factory=list)
    run_of: dict[int, list[Quantity]] = field(default_factory=dict)
    index: dict[int, int] = field(default_factory=dict)  # id(quantity) -> its place in `counts`
    at_start: dict[int, Quantity] = field(default_factory=dict)  # view offset -> the count starting there
    starts: list[int] = field(default_factory=list)  # of `counts`, ascending
    ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.index = {id(q): i for i, q in enumerate(self.counts)}
        self.at_start = {self.pos[id(q)].start: q for q in self.counts}
        self.starts = [self.pos[id(q)].start for q in self.counts]
        self.ends = [self.pos[id(q)].end for q in self.counts]

    def within(self, lo: int, hi: int) -> list[Quantity]:
        """The counts starting at or after view offset `lo` and ending at or before `hi`."""
        return self.counts[bisect_left(self.starts, lo) : bisect_right(self.ends, hi)]

    def between(self, a: Quantity, b: Quantity) -> list[Quantity]:
        """The counts strictly between `a` and `b`."""
        return self.counts[self.index[id(a)] + 1 : self.index[id(b)]]

    def start(self, q: Quantity) -> int:
        return self.pos[id(q)].start

    def end(self, q: Quantity) -> int:
        return self.pos[id(q)].end

    def clause(self, q: Quantity) -> int:
        return self.pos[id(q)].clause_start


def _groups(s: str, offsets: list[int]) -> list[Group]:
    """The innermost parenthesis pair around each offset (sorted), unclosed pairs closing at a line end."""
    events = [(m.start(), m.group()) for m in _PAREN_OR_LINE.finditer(s)] if "(" in s else []
    out: list[Group] = []
    stack: list[int] = []
    closed: dict[int, int] = {}
    # first pass: pair the parentheses
    for p, ch in events:
        if ch == "(":
            stack.append(p)
        elif ch == ")":
            if stack:
                closed[stack.pop()] = p
        else:
            while stack:
                closed[stack.pop()] = p
    while stack:
        closed[stack.pop()] = len(s)
    opens = sorted(closed)
    for off in offsets:
        inner: Group = None
        for j in range(bisect_right(opens, off) - 1, -1, -1):
            o = opens[j]
            if closed[o] > off:
                inner = (o, closed[o])
                break
            if o < off - 400:
                break
        out.append(inner)
    return out


def drop_shares(text: str) -> str:
    """``_SHARE.sub("", text)``, run only on the stretches between stops that hold a '%'.

    A share clause never crosses one of ``,;。、()`` (a , or ; may only open it), so the
    stretches without a '%' cannot change and the stretch from the stop before each
    '%' to the stop after it is substituted on its own, with the same result.  The
    whole-text substitution tried the lazy 16-character body at every character:
    ~55 µs a call on the long gaps `_continues` measures, 0.37 ms/doc on corpus-1000.
    """
    out: list[str] = []
    done = 0
    k = text.find("%")
    while k != -1:
        m = _LAST_SHARE_STOP.match(text, done, k)
        lo = m.end() - 1 if m else done  # the stop itself: a share may open with it
        n = _SHARE_STOP.search(text, k)
        hi = n.start() if n else len(text)
        out.append(text[done:lo])
        out.append(_SHARE.sub("", text[lo:hi]))
        done = hi
        k = text.find("%", hi)
    out.append(text[done:])
    return "".join(out)


def _strip_asides(text: str) -> str:
    """`text` without whole parenthetical asides, shares ("占12.5%") and list numbering."""
    prev = None
    while "(" in text and prev != text:
        prev, text = text, _INNERMOST.sub("", text)
    if "%" in text:
        text = drop_shares(text)
    return _ENUM.sub("", text) if _MAYBE_ENUM.search(text) else text


def _continues(ctx: _Ctx, prev: Quantity, q: Quantity) -> bool:
    """Whether `q` is the next item of the list `prev` is in."""
    if q.unit != prev.unit or ctx.group[id(q)] != ctx.group[id(prev)]:
        return False
    raw = ctx.s[ctx.end(prev) : ctx.start(q)]
    gap = _strip_asides(raw)
    if len(gap) > 60 or _SUBLIST.search(gap):
        return False
    if raw.startswith("中") and "在" in prev.clause:
        return False  # "在…总数90条中,A类12条,…": the figure heads the list after it
    if SENTENCE_END.search(gap):
        return _next_sentence_item(ctx, prev, raw)
    if not (_SEP.search(gap) or _JOINER.match(gap)):
        return False
    # a clause without a figure in between ends the list; so does a new statement.  A clause
    # with a figure of another measure is an aside ("…1250条,年度阅读量为12.6万次,通过…390条")
    others = sum(1 for o in ctx.between(prev, q) if o.unit != q.unit)
    if gap.count(",") + gap.count(";") - others >= 2 or _NEW_STATEMENT.match(q.clause):
        return False
    return True


_ENUM_STYLES = (
    re.compile(r"\(\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*\)"),
    re.compile(r"(?<![\d.])(\d{1,2})[.、](?!\d)"),
    re.compile(r"([①-⑳])"),
    re.compile(r"([一二三四五六七八九十]{1,2})、"),
)
_CN_ORD = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def _ordinal(token: str) -> int:
    if token.isdigit():
        return int(token)
    if "①" <= token <= "⑳":
        return ord(token) - ord("①") + 1
    return _CN_ORD.get(token, 0) if len(token) == 1 else 10 + _CN_ORD.get(token[-1], 0)


def _enumerator(text: str, at_end: bool) -> tuple[int, int] | None:
    """(style, number) of the list numbering at the start (or the last one) of `text`."""
    for k, rx in enumerate(_ENUM_STYLES):
        found = list(rx.finditer(text))
        if not found:
            continue
        m = found[-1] if at_end else found[0]
        if at_end or m.start() == 0:
            return k, _ordinal(m.group(1))
    return None


def _next_sentence_item(ctx: _Ctx, prev: Quantity, raw: str) -> bool:
    """A list finished in the next sentence: "…2.规范性文件7条。3.其他信息9条", "…20条。其他信息59条"."""
    ends = list(_SENTENCE_ENDS.finditer(raw))
    if len(ends) != 1 or ends[0].start() > 4:
        return False  # the item's sentence must end right after it
    tail = raw[ends[0].end() :].strip()
    if _CLAUSE_MARK.search(tail) or len(tail) > 30:
        return False
    if _OTHER.match(tail):
        return True
    here = _enumerator(tail, at_end=False)
    before = _enumerator(ctx.s[max(0, ctx.clause(prev) - 6) : ctx.start(prev)], at_end=True)
    return here is not None and before is not None and here[0] == before[0] and here[1] == before[1] + 1


def _runs(ctx: _Ctx) -> None:
    """Lists of counts of one unit, each within one parenthesis level (an aside inside a list does not end it)."""
    current: dict[tuple[Group, str], list[Quantity]] = {}
    for q in ctx.counts:
        g = (ctx.group[id(q)], q.unit)
        cur = current.get(g)
        if cur and _continues(ctx, cur[-1], q):
            cur.append(q)
            continue
        if cur:
            ctx.runs.append(cur)
        current[g] = [q]
    ctx.runs.extend(current.values())
    ctx.runs.sort(key=lambda r: ctx.start(r[0]))
    ctx.run_of = {id(q): r for r in ctx.runs for q in r}


def _is_aside_before(ctx: _Ctx, q: Quantity, at: int) -> bool:
    """`q` sits in parentheses that close before view offset `at`."""
    g = ctx.group[id(q)]
    return g is not None and g[1] < at


@dataclass
class _Draft:
    total: Quantity
    parts: list[Quantity]
    marker: str
    lead: str
    at: int  # where the marker (or the list) starts in the view
    ambiguous: bool = False
    # the marker does not follow its total ("…。其中…"): where the list stops is less certain
    loose: bool = False
    implied: Decimal | None = None
    alternatives: list[Decimal] = field(default_factory=list)


def _head(label: str) -> str:
    return label[-2:] if len(label) >= 2 else label


def _candidates(ctx: _Ctx, run: list[Quantity], at: int, sentence_initial: bool) -> list[Quantity]:
    """Figures of the run's unit before view offset `at` that may be its total, nearest first."""
    lo = sentence_start(ctx.s, at)
    if sentence_initial:
        lo = sentence_start(ctx.s, max(0, lo - 1))
    out = [q for q in ctx.within(lo, at) if q.unit == run[0].unit and not _is_aside_before(ctx, q, at)]
    return out[::-1]


def _marker(ctx: _Ctx, run: list[Quantity], fs: int) -> tuple[str, str, int]:
    """How the run is introduced, the lead text that says so, and where the marker is."""
    s = ctx.s
    first = ctx.start(run[0])
    i = ctx.index[id(run[0])]
    same = [q for q in ctx.counts[max(0, i - 8) : i] if q.unit == run[0].unit]
    floor = ctx.end(same[-1]) if same else 0
    # the item starts after the last , ; : — not at a quote or 、 inside it ("其中,通过“…网站”发布信息N条")
    item = max(s.rfind(c, max(floor, first - 60), first) for c in ",;:。") + 1 or fs
    lo = max(floor, min(fs, item) - 12)
    lead = s[lo:first]
    if m := _LEAD_MARKER.search(lead):
        return m.group(), lead, lo + m.start()
    if (m := _RESPECTIVELY.search(lead)) and len(run) >= 2:
        return "分别", lead, lo + m.start()
    if s[max(0, fs - 1) : fs] == ":" and len(run) >= 2:
        return ":", lead, fs - 1
    return "", lead, fs


def _draft(ctx: _Ctx, run: list[Quantity]) -> _Draft | None:
    s = ctx.s
    fs = ctx.clause(run[0])
    marker, lead, at = _marker(ctx, run, fs)
    sentence_initial = bool(marker) and not s[sentence_start(s, at) : at].strip(" ,:;")
    if marker:
        cands = _candidates(ctx, run, at, sentence_initial)
        if marker == "分别":
            # "…1条;通过微博、微信分别发布92条、306条": a figure before a ; is not what 分别 splits
            cands = [q for q in cands if not _STATEMENT_BREAK.search(s[ctx.end(q) : at])]
    elif (m_in := _AMONG.search(s, max(0, fs - 30), fs)) and len(run) >= 2:
        # "在主动公开的信息中,政策法规类…66条…": the total is the earlier figure of that noun
        among = normalise_label(m_in.group(1))
        inside = [q for q in ctx.within(m_in.start(), m_in.end()) if q.unit == run[0].unit]
        near = [q for q in ctx.within(m_in.start() - 800, m_in.start()) if q.unit == run[0].unit]
        # "在全部公开的信息总数90条中,…": the total is named inside; else the earlier figure of that noun
        cands = inside[-1:] or [q for q in near[::-1] if fuzz.partial_ratio(among, q.label) >= 70]
        marker, at = "在…中", m_in.end()
    else:
        return _category_list(ctx, run, fs)
    chosen = _choose_total(ctx, run, [q for q in cands if ctx.run_of.get(id(q)) is not run], at, sentence_initial)
    if chosen is None:
        return None
    total, ambiguous = chosen
    loose = sentence_initial or bool(_strip_asides(s[ctx.end(total) : at]).strip(" ,:;"))
    d = _Draft(total, list(run), marker, lead, at, ambiguous=ambiguous, loose=loose)
    trun = ctx.run_of.get(id(total))
    if trun and len(trun) >= 2 and trun[-1] is total and _parallel(ctx, trun):
        # "在线申请19件,纸质申请4件,其中…": the 其中 may split the sum of the list
        d.implied = sum((q.value for q in trun), Decimal(0))
        d.alternatives = [q.value for q in trun]  # "…54场、通气会14场。其中,发布会包括…" splits one item
    return d


def _choose_total(
    ctx: _Ctx, run: list[Quantity], cands: list[Quantity], at: int, sentence_initial: bool
) -> tuple[Quantity, bool] | None:
    """The figure the run splits and whether that reading is uncertain; None when there is no reading.

    The candidate the parts (or a complete first cut of them) add up to wins;
    else the nearest, which is certain when the marker follows it directly
    ("90条,其中…") and unknown when the marker opens a sentence after several
    figures ("…4件,办结3件。其中2件…") — unless those figures are one list,
    whose sum the parts may split.
    """
    if not cands:
        return None
    computed = sum((q.value for q in run), Decimal(0))
    for q in cands:
        if q.value == computed or _prefix(run, q.value):
            return q, False
    nearest = cands[0]
    several = len({q.value for q in cands}) > 1
    trun = ctx.run_of.get(id(nearest), [])
    if sentence_initial and several and not (len(trun) >= 2 and trun[-1] is nearest):
        return None
    adjacent = not _strip_asides(ctx.s[ctx.end(nearest) : at]).strip(" ,:;")
    return nearest, several and not adjacent


def _parallel(ctx: _Ctx, run: list[Quantity]) -> bool:
    """Items of one list: one scope, separated by commas or 、 (a ; joins statements)."""
    gaps = (_strip_asides(ctx.s[ctx.end(a) : ctx.start(b)]) for a, b in zip(run, run[1:]))
    return len({q.scope for q in run}) == 1 and not any(";" in g for g in gaps)


# Closed sets of classes, and the figure each set splits: a list naming the classes of
# one set with its remainder class covers the whole of that figure.
_CLOSED_SETS = (
    (  # how requests ended: split the requests answered
        re.compile(r"(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|不予受理)$"),
        re.compile(r"其他处理"),
        re.compile(r"答复|办结|办理|处理"),
    ),
    (  # who asked: split the requests received
        re.compile(r"(?:自然人|法人|其他组织)(?:申请|提出)?(?:的)?$"),
        re.compile(r"其他组织"),
        re.compile(r"收到|受理|申请"),
    ),
)


def _closed_total(ctx: _Ctx, run: list[Quantity], fs: int) -> Quantity | None:
    """The one figure of the sentence before that a closed set of classes splits, if the run is one."""
    labels = [normalise_label(q.clause) or q.label for q in run]
    for member, remainder, total_rx in _CLOSED_SETS:
        if not (all(member.search(lab) for lab in labels) and any(remainder.search(lab) for lab in labels)):
            continue
        cands = {q.value: q for q in _candidates(ctx, run, sentence_start(ctx.s, fs), True) if total_rx.search(q.label)}
        return next(iter(cands.values())) if len(cands) == 1 else None
    return None


def _category_list(ctx: _Ctx, run: list[Quantity], fs: int) -> _Draft | None:
    """A list with no marker that still states the classes of the figure before it.

    "…政府信息500条。2015年主动公开概况类信息3条;工作动态类信息40条;…" (the
    same noun right after the clause or sentence stating the total), or a closed set of
    classes ("予以公开…不予处理…其他处理…") after the one figure of requests
    in the sentence before.
    """
    if len(run) < 3:
        return None
    i = bisect_right(ctx.ends, fs)
    total = next((ctx.counts[j] for j in range(i - 1, max(-1, i - 40), -1) if ctx.counts[j].unit == run[0].unit), None)
    if total is None:
        return None
    between = ctx.s[ctx.end(total) : fs]
    if (
        len(between) <= 30
        and between.count("。") + between.count("\n") <= 1
        and _TOTAL_WORD.search(total.clause)
        and len(ctx.run_of.get(id(total), [])) < 2
        and all(_head(p.label) == _head(total.label) for p in run if p.label)
    ):
        return _Draft(total, list(run), "list", "", fs)
    if (closed := _closed_total(ctx, run, fs)) is not None:
        return _Draft(closed, list(run), "list", "", fs)
    return None


def _prefix(parts: list[Quantity], value: Decimal) -> int:
    """Length of the shortest proper prefix of two or more parts adding up to `value` (0 if none)."""
    acc = Decimal(0)
    for i, q in enumerate(parts[:-1]):
        acc += q.value
        if acc == value and i >= 1:
            return i + 1
        if acc > value:
            break
    return 0


def _trailing_totals(ctx: _Ctx) -> list[_Draft]:
    """"网上申请12件,当面申请9件,合计21件": a total stated after the items it adds up."""
    out = []
    for run, nxt in zip(ctx.runs, ctx.runs[1:]):
        tot = nxt[0]
        if len(run) < 2 or tot.unit != run[-1].unit or ctx.group[id(tot)] != ctx.group[id(run[-1])]:
            continue
        gap = _strip_asides(ctx.s[ctx.end(run[-1]) : ctx.start(tot)])
        if _TRAILING_TOTAL.match(gap):
            out.append(_Draft(tot, list(run), "合计", gap, ctx.clause(run[0])))
    return out


def _closure(ctx: _Ctx, d: _Draft) -> BreakdownClosure:
    """How complete the list claims to be: exhaustive, likely or open (see the module docstring)."""
    s = ctx.s
    parts = d.parts
    last = parts[-1]
    tail = s[ctx.end(last) : ctx.end(last) + 3]
    region = s[d.at : ctx.end(last)]
    mixed = any(q.unit != last.unit and q.unit in _ITEM_UNITS for q in ctx.within(d.at, ctx.end(last)))
    if tail.startswith("等") or last.clause.endswith("等") or _OPEN_LEAD.search(d.lead) or mixed or d.ambiguous:
        return "open"
    if d.marker == "合计" or any(_REMAINDER.search(p.label) for p in parts):
        return "exhaustive"
    # "共30件,分别为网上12件、当面9件、信函9件" lists the whole; "网上和当面分别为12件和9件"
    # only the classes it names
    if d.marker == "分别" and not _PARTIAL_LEAD.search(region) and not s[ctx.end(d.total) : d.at].strip(" ,:;"):
        return "exhaustive"
    if len(parts) >= 3:
        return "likely"
    return "open"


def _item_text(ctx: _Ctx, d: _Draft, i: int) -> str:
    """Part i as written, from the end of the part before it (labels stop at a 、 or a quote)."""
    lo = ctx.end(d.parts[i - 1]) if i else max(d.at, ctx.clause(d.parts[0]) - 20)
    return ctx.s[lo : ctx.start(d.parts[i])]


def _other_channel(ctx: _Ctx, d: _Draft) -> int:
    """Index of the first part naming a channel after two or more parts naming none (0 if none).

    "其中文件类6条,…执法类30条,单位公示栏上公开15条": the classes are of the
    total; the 公示栏 is another channel, counted apart.  A list of channels
    ("网页专栏…,执法公示平台…,微信公众号…") names channels from its first part on
    and is kept whole; so is a part naming the channel the total names.
    """
    for i in range(len(d.parts)):
        text = _item_text(ctx, d, i)
        if _ANY_CHANNEL.search(text):
            m = _CHANNEL.search(text)
            return i if i >= 2 and m and m.group() not in d.total.label else 0
    return 0


def _new_statement(ctx: _Ctx, d: _Draft, k: int) -> bool:
    """Whether the parts from k on, after a complete cut of the total, start another statement.

    The list ended with its remainder item ("…其它信息84条;依托宣传栏公开…100余条"),
    statements of other measures stand between the cut and the next item
    ("…其中A 200条、B 80条、C 20条,组织访谈5场,征求意见3次,发布解读信息4条":
    the list ended before the 访谈), the next item names a separate channel,
    or it restates the total's own label ("处理申请17件,其中…8件、…9件,区政府
    办公室处理申请13件,其中…").
    """
    if any(_REMAINDER.search(q.label) for q in d.parts[:k]):
        return True
    a, b = d.parts[k - 1], d.parts[k]
    if id(a) in ctx.index and id(b) in ctx.index and any(o.unit != b.unit for o in ctx.between(a, b)):
        return True
    if _CHANNEL.search(_item_text(ctx, d, k)):
        return True
    label = d.total.label
    return len(label) >= 4 and fuzz.partial_ratio(label, d.parts[k].label) >= 80


# units that count documents or items of information alike ("文件7份" among "…信息8条")
_DOCUMENT_UNITS = frozenset("条件篇份")
# a bare class of documents: the whole item is its name ("文件", "规范性文件", "通知公告")
_DOCUMENT_CLASS = re.compile(r"[\u4e00-\u9fff]{0,6}(?:文件|公文|信息|通知|公告)")


def _sandwiched_documents(ctx: _Ctx, d: _Draft) -> list[Quantity]:
    """Parts in another unit of documents written between two items of the list.

    "共公开信息20条,其中:工作动态8条,办事指南6条,文件7份,财政信息3条":
    the 文件 are one of the classes of the 20 — an item of the list by its
    place (between two items, set off by the list's own separator) and by its
    text, which is nothing but the name of a class of documents.  A clause of
    another measure ("…,印发宣传资料300份,…") is not a bare class name.
    """
    if d.loose or d.total.unit not in _DOCUMENT_UNITS or d.marker in ("合计", "list", "在…中"):
        return []
    out: list[Quantity] = []
    for a, b in zip(d.parts, d.parts[1:]):
        if id(a) not in ctx.index or id(b) not in ctx.index:
            continue  # an item written without a unit
        for q in ctx.between(a, b):
            if q.unit == d.total.unit or q.unit not in _DOCUMENT_UNITS or ctx.group[id(q)] != ctx.group[id(a)]:
                continue
            before = ctx.s[ctx.end(a) : ctx.start(q)]
            after = ctx.s[ctx.end(q) : ctx.clause(b)]
            sep = before[:1]
            if sep not in (",", ";", "、") or not _DOCUMENT_CLASS.fullmatch(before[1:]) or after.strip() != sep:
                continue
            out.append(q)
    return out


def _settle(ctx: _Ctx, drafts: list[_Draft]) -> list[_Draft]:
    """Split double cuts, give a sub-list's remainder back to its list, drop other channels.

    Parts that each restate the whole ("73条,其中依托网站公开73条;通过微信公开73条;
    通过公开栏公开73条": the same items on every channel) are no breakdown at all.
    """
    out: list[_Draft] = []
    holder = {id(p): d for d in drafts for p in d.parts}
    for d in drafts:
        if len(d.parts) >= 2 and all(q.value == d.total.value for q in d.parts):
            continue
        if k := _other_channel(ctx, d):
            d.parts = d.parts[:k]
        if extra := _sandwiched_documents(ctx, d):
            d.parts = sorted(d.parts + extra, key=ctx.start)
        computed = sum((q.value for q in d.parts), Decimal(0))
        if computed > d.total.value and (k := _prefix(d.parts, d.total.value)):
            rest = d.parts[k:]
            if sum((q.value for q in rest), Decimal(0)) == d.total.value and len(rest) >= 2:
                d.parts = d.parts[:k]
                out.append(d)
                d = _Draft(d.total, rest, d.marker, d.lead, ctx.clause(rest[0]))  # the same total cut another way
            elif (outer := holder.get(id(d.total))) is not None and outer is not d:
                d.parts = d.parts[:k]
                outer.parts = outer.parts + rest  # "…通知公告20条,包括…11条,…6条;年报1条,其他44条"
            elif not any(_REMAINDER.search(q.label) for q in rest) and (d.loose or _new_statement(ctx, d, k)):
                # what follows the complete cut is another statement, or — after a 其中 that does
                # not follow its total ("…。其中3件已答复,1件结转,已办理的3件…") — a restatement.
                # Otherwise ("77条,其中…(=77),机构职能1条") the list runs to its end and the
                # excess stands; so does a remainder item after the cut.
                d.parts = d.parts[:k]
        out.append(d)
    return out


# "其中政务动态61、人事2、其他5条": items whose figures carry no unit (the total's unit is meant)
_BARE_ITEM = re.compile(r"([^\d,;、。:()%]{2,20}?)(\d+)(?![\d.%])")
_BARE_SEP = re.compile(r"\s*(?:[,;、]|和|及|以及|与)\s*")


def _bare_list(ctx: _Ctx, view: View, total: Quantity, at: int) -> _Draft | None:
    """Items right after the marker at `at` whose figures have no unit, or None."""
    s = ctx.s
    m = _BARE_MARKER.match(s, at)
    if m is None:
        return None
    p = m.end()
    parts: list[Quantity] = []
    while len(parts) < 40:
        im = _BARE_ITEM.match(s, p)
        if im is None or _NEW_STATEMENT.match(im.group(1)) or im.group(1).endswith("第"):
            break
        after = s[im.end() : im.end() + 1]
        unit_here = ctx.at_start.get(im.start(2))
        if unit_here is not None:
            if unit_here.unit != total.unit:
                break
            parts.append(unit_here)  # the last item may carry the unit
            p = ctx.end(unit_here)
        elif after and not _BARE_SEP.match(s, im.end()) and after not in "。)":
            break
        else:
            start, end = view.span(im.start(2), im.end(2))
            label = normalise_label(im.group(1))
            q = Quantity(Decimal(im.group(2)), total.unit, label, start, end, im.group(2), clause=im.group(1))
            q.clause_start = view.span(im.start(1), im.start(1) + 1)[0]
            ctx.pos[id(q)] = Located(im.start(2), im.end(2), im.start(1))
            parts.append(q)
            p = im.end()
        sep = _BARE_SEP.match(s, p)
        if sep is None:
            break
        p = sep.end()
    bare = [q for q in parts if id(q) not in ctx.index]
    if len(parts) < 2 or not bare:
        return None
    return _Draft(total, parts, m.group().rstrip(":,"), s[max(0, at - 12) : m.end()], at)


def _bare_lists(ctx: _Ctx, view: View) -> list[_Draft]:
    out = []
    ends = ctx.ends
    for m in _BARE_MARKER.finditer(ctx.s):
        i = bisect_right(ends, m.start())
        if not i or ctx.s[ends[i - 1] : m.start()].strip(" ,:;"):
            continue  # the marker must follow its total ("140条,其中…")
        if (d := _bare_list(ctx, view, ctx.counts[i - 1], m.start())) is not None:
            out.append(d)
    return out


# a table row with one count: an optional code, a name, the count, an optional share ("0100领导分工3 4.69%")
_TABLE_ROW = re.compile(r"[ \t]*(\d{1,8}[ \t]*)?([^\d\n%:]*[\u4e00-\u9fff][^\d\n%:]*?)[ \t]*(\d+)(?:[ \t]+\d+(?:\.\d+)?%)?[ \t]*")
# the table's closing row: "信息总计: 64", "合计 150条"
_TABLE_TOTAL = re.compile(
    r"[ \t]*([^\d\n%:]{0,12}?(?:总计|合计|总数))[ \t]*:?[ \t]*(\d+)[ \t]*([条件篇份个项])?(?:[ \t]+100(?:\.0+)?%)?[ \t]*"
)
_MIN_TABLE_ROWS = 3


def _table_totals(ctx: _Ctx, view: View) -> list[Breakdown]:
    """A table of rows with one count each, closed by its 总计/合计 row.

    A complete table with a closing total row is an exhaustive breakdown: every
    row is listed and the total row sums them.  Only a table whose rows do not
    exceed the total is recorded: rows may be subtotals of the rows below them
    (a coded 栏目 table, "0300 机构信息" over "0301 领导分工"), which can only
    raise the sum, so a sum below the total is missing items either way, while
    a sum above it proves nothing.

    Each line is first tested for what either pattern needs: a row ends with
    its count or share (a digit or "%") and holds no ":"; a total row ends with
    a digit, a unit or "%" and names 计/总数.  Prose lines end with "。", and
    ``_TABLE_ROW`` backtracks over a whole line before failing: the tests cut
    this function from 1.6 to ~0.1 ms a generated report.
    """
    s = ctx.s
    if "计" not in s and "总数" not in s:
        return []
    out: list[Breakdown] = []
    rows: list[tuple[int, re.Match[str]]] = []
    lo = 0
    for line in s.split("\n"):
        hi = lo + len(line)
        tail = line.rstrip(" \t")[-1:]
        count_end = tail.isdecimal()  # \d is Unicode Nd, as str.isdecimal
        if not (count_end or (tail and tail in "%条件篇份个项")):
            rows = []
        elif ("计" in line or "总数" in line) and (t := _TABLE_TOTAL.fullmatch(s, lo, hi)) is not None:
            if len(rows) >= _MIN_TABLE_ROWS and (bd := _table_breakdown(ctx, view, rows, t)) is not None:
                out.append(bd)
            rows = []
        elif (count_end or tail == "%") and ":" not in line and (m := _TABLE_ROW.fullmatch(s, lo, hi)) is not None:
            rows.append((lo, m))
        else:
            rows = []
        lo = hi + 1
    return out


def _table_breakdown(ctx: _Ctx, view: View, rows: list[tuple[int, re.Match[str]]], t: re.Match[str]) -> Breakdown | None:
    total_value = Decimal(t.group(2))
    stated = ctx.at_start.get(t.start(2))
    unit = stated.unit if stated is not None else t.group(3)
    if not unit:  # the unit the text gives the same figure, else the nearest count before the table
        before = ctx.within(max(0, rows[0][0] - 400), rows[0][0])
        same = [q for q in before if q.value == total_value] or before
        unit = same[-1].unit if same else "条"

    def quantity(m: re.Match[str], g: int, label_group: int) -> Quantity:
        start, end = view.span(m.start(g), m.end(g))
        raw = m.group(label_group)
        q = Quantity(Decimal(m.group(g)), unit, normalise_label(raw), start, end, m.group(g), clause=raw)
        q.clause_start = view.span(m.start(label_group), m.start(label_group) + 1)[0]
        return q

    parts = [quantity(m, 3, 2) for _, m in rows]
    if sum((q.value for q in parts), Decimal(0)) > total_value:
        return None
    total = stated if stated is not None and stated.unit == unit else quantity(t, 2, 1)
    return Breakdown(total, parts, "exhaustive", parts[0].span_start, total.end, "表格合计")


def find_breakdowns(view: View, qs: list[Quantity], pos: Positions) -> list[Breakdown]:
    s = view.text
    counts = [q for q in qs if q.unit != "%"]
    groups = _groups(s, [pos[id(q)].start for q in counts])
    ctx = _Ctx(s, pos, {id(q): g for q, g in zip(counts, groups)}, counts)
    _runs(ctx)
    bare = _bare_lists(ctx, view)
    taken = {id(q) for d in bare for q in d.parts}
    drafts = [d for run in ctx.runs if not any(id(q) in taken for q in run) and (d := _draft(ctx, run)) is not None]
    drafts += _trailing_totals(ctx) + bare
    drafts.sort(key=lambda d: ctx.start(d.parts[0]))
    out = []
    for d in _settle(ctx, drafts):
        if not d.parts:
            continue
        between = s[ctx.end(d.total) : ctx.clause(d.parts[0])]
        if d.marker not in ("在…中", "合计") and (len(between) > 80 or between.count("。") > 1):
            continue
        first = d.total if d.marker != "合计" else d.parts[0]
        start = first.start if d.implied is None else ctx.run_of[id(d.total)][0].start
        end = max(d.total.end, d.parts[-1].end)
        out.append(Breakdown(d.total, d.parts, _closure(ctx, d), start, end, d.marker, d.implied, d.alternatives))
    return out + _table_totals(ctx, view)

"""One generated report as data (`Spec`), its rendering, and the copy operations.

Why a spec and not text: a copy in the benchmark must change exactly what a
real copier changes -- the year, some figures, the agency and its place
names -- and keep everything else.  Keeping the report as sentence templates
(bank words already chosen) plus figure values and the agency lets a copy be
"the same spec with these fields changed", rendered again; breakdown sums stay
consistent because a group of figures is redrawn together.
"""

from __future__ import annotations

import copy as _copy
import random
import re
from dataclasses import dataclass, field

from benchmarks import phrases as P
from benchmarks.names import N_ROADS, N_TOWNS, N_VILLAGES, Agency
from benchmarks.tables import render_tables, table_figures

_BANK = re.compile(r"<([A-Z]+)>")
_SLOT = re.compile(r"\{(town|village|road|n:(\d+)-(\d+))\}")
_RENDER = re.compile(r"\{([A-Za-z0-9_:]+)\}")
_CN = "零一二三四五六七八九十"


@dataclass
class Group:
    """Figures redrawn together: a breakdown (total and parts) or one count."""

    keys: list[str]  # parts first, total last for a breakdown
    lo: int
    hi: int
    breakdown: bool = False
    severity: str = ""  # what SUM001 reports when the sum is off: error | warning


@dataclass
class Spec:
    agency: Agency
    year: int
    era: str  # A (2008-2018), B (2019-2020), C (2021-)
    title_form: int
    sections: list[tuple[str, list[str]]]  # (heading, sentence templates)
    groups: dict[str, Group] = field(default_factory=dict)
    values: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)  # group -> delta added to the total
    tables: dict | None = None
    table_style: str = "rows"
    table_errors: list[dict] = field(default_factory=list)
    signed: tuple[int, int] = (1, 20)  # month, day of year + 1
    preamble: list[str] = field(default_factory=list)
    uid: str = "s"


def era_of(year: int) -> str:
    return "A" if year <= 2018 else ("B" if year <= 2020 else "C")


class Builder:
    """Expands templates for one spec: bank picks now, figures and names later.

    Figure keys carry the spec's ``uid`` so that sections of two specs can be
    merged (a partial copy) without renaming.
    """

    def __init__(self, spec: Spec, rng: random.Random):
        self.spec = spec
        self.rng = rng
        self.counter = 0

    def key(self) -> str:
        self.counter += 1
        return f"{self.spec.uid}k{self.counter}"

    def expand(self, template: str) -> str:
        rng, sector = self.rng, self.spec.agency.sector
        used: set[str] = set()

        def pick(m: re.Match) -> str:
            bank = P.TOPICS[sector] if m.group(1) == "TOPIC" else P.BANKS[m.group(1)]
            choice = rng.choice(bank)
            while choice in used and len(used) < len(bank):  # no word twice in one sentence
                choice = rng.choice(bank)
            used.add(choice)
            return choice

        for _ in range(4):  # bank items may name further banks
            if "<" not in template:
                break
            template = _BANK.sub(pick, template)
        return _SLOT.sub(self._slot, template)

    def _slot(self, m: re.Match) -> str:
        name = m.group(1)
        if name == "town":
            return "{town%d}" % self.rng.randrange(N_TOWNS)
        if name == "village":
            return "{village%d}" % self.rng.randrange(N_VILLAGES)
        if name == "road":
            return "{road%d}" % self.rng.randrange(N_ROADS)
        lo, hi = int(m.group(2)), int(m.group(3))
        k = self.key()
        self.spec.groups[k] = Group([k], lo, hi)
        self.spec.values[k] = self.rng.randint(lo, hi)
        return "{f:%s}" % k

    def breakdown(self, form: str, labels: list[str], unit: str, lo: int, hi: int, severity: str) -> str:
        """A total and its parts as one sentence; values drawn to add up."""
        keys = [self.key() for _ in labels] + [self.key()]
        g = keys[-1] + "g"
        self.spec.groups[g] = Group(keys, lo, hi, breakdown=True, severity=severity)
        draw_group(self.spec, g, self.rng)
        parts = [f"{lab}{{f:{k}}}{unit}" for lab, k in zip(labels, keys)]
        return form.replace("{T}", "{f:%s}" % keys[-1]).replace("{PARTS}", "，".join(parts)).replace("{PARTS;}", "；".join(parts))


def draw_group(spec: Spec, g: str, rng: random.Random) -> None:
    grp = spec.groups[g]
    if not grp.breakdown:
        spec.values[grp.keys[0]] = rng.randint(grp.lo, grp.hi)
        return
    parts = [rng.randint(grp.lo, grp.hi) for _ in grp.keys[:-1]]
    for k, v in zip(grp.keys, parts):
        spec.values[k] = v
    spec.values[grp.keys[-1]] = sum(parts)


def cn_number(n: int) -> str:
    return _CN[n] if n <= 10 else "十" + _CN[n - 10]


def _sentences(b: Builder, pool: list[str], k: int) -> list[str]:
    return [b.expand(t) for t in b.rng.sample(pool, min(k, len(pool)))]


def _mixed(b: Builder, generic: int, specific: int) -> list[str]:
    """Generic sentences and sentences about the agency's own projects, interleaved."""
    out = _sentences(b, P.GENERAL, generic) + [b.expand(b.rng.choice(P.SPECIFIC)) for _ in range(specific)]
    b.rng.shuffle(out)
    return out


def _active_breakdown(b: Builder) -> str:
    rng = b.rng
    labels = rng.sample(P.ACTIVE_CATEGORIES, rng.randint(2, 4)) + ["其他信息"]
    form = rng.choice(
        [
            "{Y}年，{self}共主动公开政府信息{T}条，其中{PARTS}。",
            "全年主动公开政府信息{T}条。其中，{PARTS;}。",
            "{Y}年{self}通过各类渠道主动公开政府信息{T}条，其中{PARTS}。",
        ]
    )
    return b.breakdown(form, labels, "条", 3, 180, "error")


def _apply_breakdown(b: Builder) -> str:
    labels = b.rng.sample(P.APPLY_CHANNELS, 3)
    form = b.rng.choice(["全年共受理政府信息公开申请{T}件，其中{PARTS}。", "{Y}年，{self}共收到政府信息公开申请{T}件，其中{PARTS}。"])
    return b.breakdown(form, labels, "件", 1, 25, "warning")


def _shuffled(rng: random.Random, items: list[str]) -> list[str]:
    items = list(items)
    rng.shuffle(items)
    return items


def new_spec(agency: Agency, year: int, rng: random.Random, uid: str = "s") -> Spec:
    """An honest report of ``agency`` for ``year``."""
    era = era_of(year)
    spec = Spec(agency, year, era, title_form=rng.choice([0, 0, 0, 1, 2]), sections=[], uid=uid)
    spec.signed = (rng.choice([1, 1, 2, 3]) if era == "A" else rng.choice([1, 1, 1, 2]), rng.randint(5, 28))
    spec.table_style = rng.choice(["rows", "cells"])
    b = Builder(spec, rng)
    if era == "A":
        _era_a(spec, b)
    else:
        _era_bc(spec, b)
    return spec


def _era_a(spec: Spec, b: Builder) -> None:
    rng = b.rng
    body = {
        "概述": [b.expand(rng.choice(P.OPENING))] + _mixed(b, rng.randint(3, 5), rng.randint(6, 9)),
        "active": _shuffled(rng, [_active_breakdown(b)] + _sentences(b, P.ACTIVE_A, rng.randint(2, 3)) + _mixed(b, 1, rng.randint(4, 7))),
        "apply": [_apply_breakdown(b)] + _sentences(b, P.APPLY_TEXT[1:], rng.randint(2, 4)) + _mixed(b, 0, rng.randint(0, 2)),
        "fee": _sentences(b, P.FEE_TEXT, 1),
        "law": _sentences(b, P.LAW_TEXT, 1),
        "problem": _mixed(b, 0, rng.randint(1, 3)) + ["{self}政府信息公开工作虽然取得了一定成效，但也存在一些不足：" + "；".join(b.expand(x) for x in rng.sample(P.BANKS["PROBLEM"], rng.randint(2, 3))) + "。"]
        + ["下一步，{self}将重点做好以下工作：" + "；".join(f"{i + 1}.{b.expand(x)}" for i, x in enumerate(rng.sample(P.BANKS["IMPROVE"], rng.randint(3, 5)))) + "。"],
        "other": _sentences(b, P.OTHER_TEXT, rng.randint(1, 2)),
    }
    with_other = rng.random() < 0.6
    for key, variants in P.ERA_A_HEADINGS:
        if key == "other" and not with_other:
            continue
        spec.sections.append((rng.choice(variants), body[key]))
    names = [re.sub(r"^[一二三四五六七]、", "", h) for h, _ in spec.sections]
    if rng.random() < 0.7:
        spec.preamble.append(
            "本报告根据《中华人民共和国政府信息公开条例》要求，由{agency}编制。全文包括"
            + "、".join(names)
            + f"等{cn_number(len(names))}部分。"
        )
    spec.preamble.append("本报告中所列数据的统计期限自{Y}年1月1日起至{Y}年12月31日止。")


def _era_bc(spec: Spec, b: Builder) -> None:
    rng = b.rng
    general = [b.expand(rng.choice(P.OPENING))]
    if rng.random() < 0.7 or spec.era == "C":
        subs = {
            0: [_active_breakdown(b)] + _mixed(b, 1, rng.randint(3, 5)),
            1: [b.expand(rng.choice(P.APPLY_TEXT[1:4]))] + _mixed(b, 0, rng.randint(1, 3)),
            2: _mixed(b, 1, rng.randint(2, 4)),
            3: _mixed(b, 1, rng.randint(2, 4)),
            4: [b.expand("<CHECK>。")] + _mixed(b, 0, rng.randint(1, 3)),
        }
        for i, head in enumerate(P.GENERAL_SUBS):
            general.append("[[H]]" + head)
            general.extend(subs[i])
    else:
        general += [_active_breakdown(b)] + _mixed(b, rng.randint(3, 4), rng.randint(8, 12))
    spec.tables = table_figures(spec.era, rng)
    body = {
        "general": general,
        "active": ["[[T2]]"],
        "apply": ["[[T3]]"],
        "law": ["[[T4]]"],
        "problem": _mixed(b, 0, rng.randint(0, 2)) + ["{Y}年，{self}政府信息公开工作还存在一些不足：" + "；".join(b.expand(x) for x in rng.sample(P.BANKS["PROBLEM"], rng.randint(2, 3))) + "。"]
        + ["{Y1}年，{self}将" + "；".join(b.expand(x) for x in rng.sample(P.BANKS["IMPROVE"], rng.randint(3, 5))) + "。"],
        "other": _sentences(b, P.OTHER_TEXT, rng.randint(1, 3)),
    }
    for key, heading in P.ERA_BC_HEADINGS:
        spec.sections.append((heading, body[key]))
    spec.preamble.append(
        "本报告根据《中华人民共和国政府信息公开条例》和"
        + ("《中华人民共和国政府信息公开工作年度报告格式》" if spec.era == "C" else "政府信息公开工作年度报告格式（试行）")
        + "要求编制，数据统计期限为{Y}年1月1日至{Y}年12月31日。"
    )


def title(spec: Spec) -> str:
    a, y = spec.agency.name, spec.year
    return [f"{a}{y}年政府信息公开工作年度报告", f"{a}{y}年度政府信息公开工作年度报告", f"{y}年度{a}政府信息公开工作年度报告"][spec.title_form]


def render(spec: Spec) -> str:
    """The report's text."""
    vals = spec.agency.slots()
    vals.update({"Y": str(spec.year), "Y1": str(spec.year + 1), "Yp": str(spec.year - 1)})
    figures = dict(spec.values)
    for g, delta in spec.errors.items():
        total = spec.groups[g].keys[-1]
        figures[total] = figures[total] + delta

    def sub(m: re.Match) -> str:
        k = m.group(1)
        if k.startswith("f:"):
            return str(figures[k[2:]])
        return vals[k]

    lines = [title(spec)]
    lines += [_RENDER.sub(sub, p) for p in spec.preamble]
    tables = render_tables(spec) if spec.tables is not None else {}
    for heading, sentences in spec.sections:
        lines.append(heading)
        para: list[str] = []
        for s in sentences:
            if s.startswith("[["):  # a table or a sub-heading: its own line
                if para:
                    lines.append("".join(para))
                    para = []
                lines.append(s[5:] if s.startswith("[[H]]") else tables[s[2:-2]])
            else:
                para.append(_RENDER.sub(sub, s))
        if para:
            lines.append("".join(para))
    m, d = spec.signed
    lines += ["", spec.agency.name, f"{spec.year + 1}年{m}月{d}日"]
    return "\n".join(lines) + "\n"


def redraw(spec: Spec, share: float, rng: random.Random) -> None:
    """Change about ``share`` of the figure groups, as a copier updating numbers does."""
    for g in spec.groups:  # insertion order: deterministic
        if rng.random() < share:
            draw_group(spec, g, rng)
    if spec.tables is not None:
        spec.tables = table_figures(spec.era, rng)
    spec.table_errors = []


def copy_spec(spec: Spec) -> Spec:
    out = _copy.copy(spec)
    out.sections = [(h, list(s)) for h, s in spec.sections]
    out.groups = dict(spec.groups)
    out.values = dict(spec.values)
    out.errors = {}
    out.table_errors = []
    out.tables = _copy.deepcopy(spec.tables)
    out.preamble = list(spec.preamble)
    return out


def next_year_copy(spec: Spec, rng: random.Random) -> Spec:
    """Last year's report re-dated: the year, the signing date and some figures change."""
    out = copy_spec(spec)
    out.year = spec.year + 1
    out.signed = (spec.signed[0], rng.randint(5, 28))
    redraw(out, rng.uniform(0.2, 0.7), rng)
    return out


def other_agency_copy(spec: Spec, agency: Agency, year: int, rng: random.Random) -> Spec:
    """Another organ's report with the names changed (and perhaps the year and some figures)."""
    out = copy_spec(spec)
    out.agency = agency
    out.year = year
    redraw(out, rng.uniform(0.0, 0.5), rng)
    return out


def partial_copy(spec: Spec, own: Spec, rng: random.Random) -> Spec:
    """``spec`` pasted into ``own``'s report: one section and a few sentences are the copier's.

    The copier keeps their own agency and year, takes every section of the
    source but one short prose section (rendered with their names, figures
    partly changed, the tables too), writes that one themselves and adds a
    few sentences: the source stays largely contained in the copy while
    Jaccard falls.  Both specs must be of one era (the same section layout).
    """
    out = copy_spec(spec)
    out.agency, out.year, out.signed, out.uid = own.agency, own.year, own.signed, own.uid + "p"
    redraw(out, rng.uniform(0.0, 0.5), rng)
    out.groups = {**out.groups, **own.groups}
    out.values = {**out.values, **own.values}

    def size(ss: list[str]) -> int:
        return sum(len(x) for x in ss if not x.startswith("[["))

    prose = [i for i, (_, ss) in enumerate(spec.sections) if i < len(own.sections) and size(ss) > 0]
    by_size = sorted(prose, key=lambda i: size(spec.sections[i][1]))
    keep = rng.choice(by_size[:-2] or by_size[:1])
    sections = [(h, list(ss)) for h, ss in spec.sections]
    sections[keep] = own.sections[keep]
    longest = by_size[-1]
    sections[longest] = (sections[longest][0], sections[longest][1] + _mixed(Builder(out, rng), 0, rng.randint(1, 3)))
    out.sections = sections
    return out

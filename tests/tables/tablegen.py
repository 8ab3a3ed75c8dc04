"""Generated reports with standard tables, in every format the auditor reads.

Nothing binary is committed: a `Spec` (era, year, agency and the value of
every cell) is laid out as the official forms lay it out (DOMAIN §2, §3.1) —
header cells merged with rowspan/colspan — and written as

- plain text flattened the ways web-page copies flatten it: tab-separated,
  space-separated, `|`-separated, one cell per line, one cell per line with
  blank lines and stray spaces (optionally traditional characters, full-width
  digits, no serial numbers, wrapped header cells);
- HTML (`<table>` with rowspan/colspan), DOCX (python-docx, merged cells),
  PDF (fpdf2 table with spans);
- any of the text formats encoded in GB18030.

The labels below are typed from the official forms, independently of the
auditor's own layout module, so the tests check the recogniser against the
forms rather than against itself.  `clean_spec` makes every identity hold;
tests plant breaks by editing `Spec` cells.
"""

from __future__ import annotations

import functools
import html as _html
import io
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal

# ------------------------------------------------------------------ official labels
T3_COLS = ["NP", "CE", "RI", "SO", "LS", "OT", "TOT"]
T3_GROUPS_2019 = [
    ("granted", "（一）予以公开", None),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    (None, "（三）不予公开", [
        ("state_secret", "1.属于国家秘密"), ("law_forbidden", "2.其他法律行政法规禁止公开"),
        ("three_safety", "3.危及“三安全一稳定”"), ("third_party", "4.保护第三方合法权益"),
        ("internal_affairs", "5.属于三类内部事务信息"), ("process_info", "6.属于四类过程性信息"),
        ("enforcement_file", "7.属于行政执法案卷"), ("admin_query", "8.属于行政查询事项"),
    ]),
    (None, "（四）无法提供", [
        ("not_held", "1.本机关不掌握相关政府信息"), ("needs_creation", "2.没有现成信息需要另行制作"),
        ("still_unclear", "3.补正后申请内容仍不明确"),
    ]),
    (None, "（五）不予处理", [
        ("petition", "1.信访举报投诉类申请"), ("repeat", "2.重复申请"), ("publication", "3.要求提供公开出版物"),
        ("excessive", "4.无正当理由大量反复申请"), ("reconfirm", "5.要求行政机关确认或重新出具已获取信息"),
    ]),
]
T3_OTHER_2019 = ("other", "（六）其他处理", None)
T3_OTHER_2021 = (None, "（六）其他处理", [
    ("no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "3.其他"),
])
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T4_ROWS = ["rev", "dir", "post"]
T4_COLS = ["keep", "correct", "other", "pending", "total"]
T4_HEAD = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

T2_2021 = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["made", "repealed", "valid"],
     [("regulations", "规章"), ("normative_docs", "行政规范性文件")]),
    ("第二十条第（五）项", ["本年处理决定数量"], ["decisions"], [("licensing", "行政许可")]),
    ("第二十条第（六）项", ["本年处理决定数量"], ["decisions"], [("punishment", "行政处罚"), ("coercion", "行政强制")]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["fee_amount"], [("fees", "行政事业性收费")]),
]
T2_2019 = [
    ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["made_new", "published_new", "total_public"],
     [("regulations", "规章"), ("normative_docs", "规范性文件")]),
    ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["prev_items", "delta", "decisions"],
     [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
    ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["prev_items", "delta", "decisions"],
     [("punishment", "行政处罚"), ("coercion", "行政强制")]),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], ["prev_items", "delta"], [("fees", "行政事业性收费")]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], ["proc_items", "proc_amount"], [("procurement", "政府集中采购")]),
]

# era-A 统计表 (2014–2018): (section heading, [(key, label, unit)])
STAT = [
    ("一、主动公开情况", [
        ("active_total", "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条"),
        ("active_normative", "其中：主动公开规范性文件数", "条"),
        ("normative_issued", "制发规范性文件总数", "件"),
        ("ch_gazette", "1.政府公报公开政府信息数", "条"),
        ("ch_website", "2.政府网站公开政府信息数", "条"),
        ("ch_weibo", "3.政务微博公开政府信息数", "条"),
        ("ch_wechat", "4.政务微信公开政府信息数", "条"),
        ("ch_other", "5.其他方式公开政府信息数", "条"),
    ]),
    ("三、依申请公开情况", [
        ("received", "（一）收到申请数", "件"),
        ("rc_in_person", "1.当面申请数", "件"),
        ("rc_fax", "2.传真申请数", "件"),
        ("rc_online", "3.网络申请数", "件"),
        ("rc_letter", "4.信函申请数", "件"),
        ("done", "（二）申请办结数", "件"),
        ("done_ontime", "1.按时办结数", "件"),
        ("done_late", "2.延期办结数", "件"),
        ("answered", "（三）申请答复数", "件"),
        ("ans_public", "1.属于已主动公开范围数", "件"),
        ("ans_agree", "2.同意公开答复数", "件"),
        ("ans_partial", "3.同意部分公开答复数", "件"),
        ("ans_refuse", "4.不同意公开答复数", "件"),
        ("rf_secret", "其中：涉及国家秘密", "件"),
        ("rf_commercial", "涉及商业秘密", "件"),
        ("rf_privacy", "涉及个人隐私", "件"),
        ("rf_security", "危及国家安全、公共安全、经济安全和社会稳定", "件"),
        ("rf_not_info", "不是《条例》所指政府信息", "件"),
        ("rf_other", "法律法规规定的其他情形", "件"),
        ("ans_not_ours", "5.不属于本行政机关公开数", "件"),
        ("ans_nonexist", "6.申请信息不存在数", "件"),
        ("ans_amend", "7.告知作出更改补充数", "件"),
        ("ans_other_way", "8.告知通过其他途径办理数", "件"),
    ]),
    ("四、行政复议数量", [
        ("review", "四、行政复议数量", "件"),
        ("rv_keep", "（一）维持具体行政行为数", "件"),
        ("rv_correct", "（二）被依法纠错数", "件"),
        ("rv_other", "（三）其他情形数", "件"),
        ("litigation", "五、行政诉讼数量", "件"),
        ("lt_keep", "（一）维持具体行政行为或者驳回原告诉讼请求数", "件"),
        ("lt_correct", "（二）被依法纠错数", "件"),
        ("lt_other", "（三）其他情形数", "件"),
    ]),
    ("八、机构建设和保障经费情况", [
        ("staff", "（三）从事政府信息公开工作人员数", "人"),
        ("staff_full", "1.专职人员数（不包括政府公报及政府网站工作人员数）", "人"),
        ("staff_part", "2.兼职人员数", "人"),
    ]),
]
STAT_SUMS = {
    "received": ["rc_in_person", "rc_fax", "rc_online", "rc_letter"],
    "done": ["done_ontime", "done_late"],
    "answered": ["ans_public", "ans_agree", "ans_partial", "ans_refuse", "ans_not_ours", "ans_nonexist", "ans_amend", "ans_other_way"],
    "ans_refuse": ["rf_secret", "rf_commercial", "rf_privacy", "rf_security", "rf_not_info", "rf_other"],
    "review": ["rv_keep", "rv_correct", "rv_other"],
    "litigation": ["lt_keep", "lt_correct", "lt_other"],
    "staff": ["staff_full", "staff_part"],
}


def t3_rows(era: str) -> list[tuple[str, str]]:
    """(key, label) of every data row of table 三, in form order."""
    out = [("new", "一、本年新收政府信息公开申请数量"), ("carried_in", "二、上年结转政府信息公开申请数量")]
    for key, label, subs in T3_GROUPS_2019 + [T3_OTHER_2019 if era == "2019" else T3_OTHER_2021]:
        if subs is None:
            out.append((key, label))
        else:
            out.extend(subs)
    out += [("total", "（七）总计"), ("carried_out", "四、结转下年度继续办理")]
    return out


def t3_leaves(era: str) -> list[str]:
    return [k for k, _ in t3_rows(era) if k not in ("new", "carried_in", "total", "carried_out")]


# ------------------------------------------------------------------ the spec
@dataclass
class Spec:
    era: str  # '2019' | '2021' | 'A'
    year: int
    agency: str = "某某县交通运输局"
    t2: dict[tuple[str, str], str] = field(default_factory=dict)  # printed values
    t3: dict[tuple[str, str], int] = field(default_factory=dict)
    t4: dict[tuple[str, str], int] = field(default_factory=dict)
    stat: dict[str, int] = field(default_factory=dict)
    narrative: bool = True  # a 总体情况 sentence repeating 一 总计 and the 复议/诉讼 state

    def copy(self) -> "Spec":
        return Spec(self.era, self.year, self.agency, dict(self.t2), dict(self.t3), dict(self.t4), dict(self.stat), self.narrative)


def _small(rng: random.Random, hi: int = 9) -> int:
    return 0 if rng.random() < 0.55 else rng.randint(1, hi)


def clean_spec(era: str, year: int | None = None, seed: int = 0, agency: str = "某某县交通运输局") -> Spec:
    """A spec whose every identity holds."""
    rng = random.Random(seed)
    year = year or {"2019": 2020, "2021": 2022, "A": 2016}[era]
    spec = Spec(era, year, agency)
    if era == "A":
        v: dict[str, int] = {}
        for _, rows in STAT:
            for key, _, _ in rows:
                v[key] = _small(rng, 30)
        for total in ("ans_refuse", "answered", "received", "done", "review", "litigation", "staff"):
            v[total] = sum(v[p] for p in STAT_SUMS[total])
        v["active_total"] = max(v["active_total"], v["active_normative"] + rng.randint(0, 50))
        spec.stat = v
        return spec
    leaves = t3_leaves(era)
    for c in T3_COLS[:-1]:
        for k in leaves:
            spec.t3[(k, c)] = _small(rng, 12)
        total = sum(spec.t3[(k, c)] for k in leaves)
        spec.t3[("total", c)] = total
        spec.t3[("carried_out", c)] = _small(rng, 4)
        spec.t3[("carried_in", c)] = rng.randint(0, total + spec.t3[("carried_out", c)]) if rng.random() < 0.5 else 0
        spec.t3[("new", c)] = total + spec.t3[("carried_out", c)] - spec.t3[("carried_in", c)]
    for k, _ in t3_rows(era):
        spec.t3[(k, "TOT")] = sum(spec.t3[(k, c)] for c in T3_COLS[:-1])
    for r in T4_ROWS:
        for c in T4_COLS[:-1]:
            spec.t4[(r, c)] = _small(rng, 5) if rng.random() < 0.5 else 0
        spec.t4[(r, "total")] = sum(spec.t4[(r, c)] for c in T4_COLS[:-1])
    for _block, _heads, cols, rows in (T2_2021 if era == "2021" else T2_2019):
        for key, _ in rows:
            for c in cols:
                if c in ("fee_amount", "proc_amount"):
                    spec.t2[(key, c)] = f"{rng.randint(0, 900)}.{rng.randint(0, 99):02d}"
                elif c == "delta":
                    spec.t2[(key, c)] = f"{rng.choice(['+', '-', ''])}{rng.randint(0, 30)}" if rng.random() < 0.6 else "0"
                else:
                    spec.t2[(key, c)] = str(_small(rng, 40))
        if "published_new" in cols:
            for key, _ in rows:
                a, b = int(spec.t2[(key, "published_new")]), int(spec.t2[(key, "total_public")])
                spec.t2[(key, "total_public")] = str(max(a, b))
    return spec


# ------------------------------------------------------------------ grids with spans
@dataclass
class GCell:
    text: str
    rowspan: int = 1
    colspan: int = 1


def _num(v) -> str:
    return str(v)


def grid_t3(spec: Spec, zero: str = "0") -> list[list[GCell]]:
    def vals(key: str) -> list[GCell]:
        return [GCell(_fmt(spec.t3.get((key, c)), zero)) for c in T3_COLS]

    rows: list[list[GCell]] = [
        [GCell(T3_CORNER, 3, 3), GCell("申请人情况", 1, 7)],
        [GCell("自然人", 2, 1), GCell("法人或其他组织", 1, 5), GCell("总计", 2, 1)],
        [GCell("商业企业"), GCell("科研机构"), GCell("社会公益组织"), GCell("法律服务机构"), GCell("其他")],
        [GCell("一、本年新收政府信息公开申请数量", 1, 3)] + vals("new"),
        [GCell("二、上年结转政府信息公开申请数量", 1, 3)] + vals("carried_in"),
    ]
    groups = T3_GROUPS_2019 + [T3_OTHER_2019 if spec.era == "2019" else T3_OTHER_2021]
    n_results = sum(1 if subs is None else len(subs) for _, _, subs in groups) + 1
    first = True
    for key, label, subs in groups:
        lead = [GCell("三、本年度办理结果", n_results, 1)] if first else []
        first = False
        if subs is None:
            rows.append(lead + [GCell(label, 1, 2)] + vals(key))
        else:
            for i, (k, lab) in enumerate(subs):
                head = [GCell(label, len(subs), 1)] if i == 0 else []
                rows.append((lead if i == 0 else []) + head + [GCell(lab)] + vals(k))
    rows.append([GCell("（七）总计", 1, 2)] + vals("total"))
    rows.append([GCell("四、结转下年度继续办理", 1, 3)] + vals("carried_out"))
    return rows


def grid_t4(spec: Spec, zero: str = "0") -> list[list[GCell]]:
    return [
        [GCell("行政复议", 1, 5), GCell("行政诉讼", 1, 10)],
        [GCell(h, 2, 1) for h in T4_HEAD] + [GCell("未经复议直接起诉", 1, 5), GCell("复议后起诉", 1, 5)],
        [GCell(h) for h in T4_HEAD * 2],
        [GCell(_fmt(spec.t4.get((r, c)), zero)) for r in T4_ROWS for c in T4_COLS],
    ]


def grid_t2(spec: Spec, zero: str = "0", wrap: bool = False) -> list[list[GCell]]:
    rows: list[list[GCell]] = []
    for block, heads, cols, items in (T2_2021 if spec.era == "2021" else T2_2019):
        rows.append([GCell(block, 1, 4)])
        span = 4 - len(heads)  # the last heading stretches over the unused columns
        hs = [_wrap(h) if wrap else h for h in heads]
        rows.append([GCell("信息内容")] + [GCell(h) for h in hs[:-1]] + [GCell(hs[-1], 1, span)])
        for key, label in items:
            vs = [_fmt(spec.t2.get((key, c)), zero) for c in cols]
            rows.append([GCell(label)] + [GCell(v) for v in vs[:-1]] + [GCell(vs[-1], 1, span)])
    return rows


def grid_stat(spec: Spec, zero: str = "0") -> list[list[GCell]]:
    rows = [[GCell("统计指标"), GCell("单位"), GCell("统计数")]]
    for head, items in STAT:
        if not any(k == "review" for k, _, _ in items):
            rows.append([GCell(head, 1, 3)])
        for key, label, unit in items:
            rows.append([GCell(label), GCell(unit), GCell(_fmt(spec.stat.get(key), zero))])
    return rows


def _wrap(h: str) -> str:
    return h[:3] + "\n" + h[3:] if len(h) > 5 else h


def _fmt(v, zero: str) -> str:
    if v is None:
        return ""
    if str(v) in ("0", "0.00"):
        return zero
    return _num(v)


def tables(spec: Spec, zero: str = "0", wrap: bool = False) -> list[tuple[str, list[list[GCell]]]]:
    """(section heading, grid) of every standard table of the spec, in report order."""
    if spec.era == "A":
        return [("附：政府信息公开情况统计表", grid_stat(spec, zero))]
    return [
        ("二、主动公开政府信息情况", grid_t2(spec, zero, wrap)),
        ("三、收到和处理政府信息公开申请情况", grid_t3(spec, zero)),
        ("四、政府信息公开行政复议、行政诉讼情况", grid_t4(spec, zero)),
    ]


# ------------------------------------------------------------------ the report around the tables
def paragraphs(spec: Spec) -> tuple[list[str], list[str]]:
    """(paragraphs before the tables, paragraphs after)."""
    title = f"{spec.agency}{spec.year}年政府信息公开工作年度报告"
    intro = (
        f"本报告根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据的统计期限为{spec.year}年1月1日至{spec.year}年12月31日。"
    )
    before = [title, intro, "一、总体情况"]
    if spec.narrative and spec.era != "A":
        n = spec.t3.get(("new", "TOT"))
        before.append(f"（二）依申请公开。全年共收到政府信息公开申请{n}件，均已按时答复。")
        cases = sum(spec.t4.get((r, "total"), 0) for r in T4_ROWS)
        if cases == 0:
            before.append("本年度未发生因政府信息公开引起的行政复议、行政诉讼。")
    if spec.era == "A":
        before.append("二、主动公开政府信息情况")
        before.append("本年度按照统计表要求做好主动公开和依申请公开工作。")
    after = [
        "五、存在的主要问题及改进情况",
        "信息公开工作仍存在一些不足，下一步将加强培训，提升公开质量。",
        "六、其他需要报告的事项",
        "本机关未收取信息处理费。",
        spec.agency,
        f"{spec.year + 1}年1月20日",
    ]
    return before, after


# ------------------------------------------------------------------ plain text
TEXT_STYLES = ("tab", "spaces", "pipe", "lines", "lines_blank")


def _grid_lines(rows: list[list[GCell]], style: str, rng: random.Random) -> list[str]:
    out: list[str] = []
    for row in rows:
        cells = [c.text.replace("\n", " " if style in ("tab", "spaces", "pipe") else "\n") for c in row]
        if style == "tab":
            out.append("\t".join(cells))
        elif style == "spaces":
            out.append("   ".join(c for c in cells if c))
        elif style == "pipe":
            out.append("| " + " | ".join(cells) + " |")
        elif style == "lines":
            out.extend(c for c in cells if c)
        else:  # one cell per line, blank lines between, stray leading spaces (036.txt)
            for c in cells:
                if c:
                    out.append(" " * rng.randint(0, 2) + c + " " * rng.randint(0, 1))
                    out.append("")
    return out


_SERIAL = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
_NUMBERISH = re.compile(r"[+\-]?[\d.]*")


def report_text(
    spec: Spec,
    style: str = "tab",
    *,
    zero: str = "0",
    wrap: bool = False,
    serials: bool = True,
    traditional: bool = False,
    fullwidth: bool = False,
    seed: int = 0,
) -> str:
    rng = random.Random(seed)
    before, after = paragraphs(spec)
    lines = list(before)
    for heading, rows in tables(spec, zero, wrap):
        if not serials:
            rows = [[GCell(c.text if _NUMBERISH.fullmatch(c.text) else _SERIAL.sub("", c.text), c.rowspan, c.colspan) for c in row] for row in rows]
        lines.append(heading)
        lines.extend(_grid_lines(rows, style, rng))
    lines.extend(after)
    text = "\n".join(lines) + "\n"
    if traditional:
        text = _s2t().convert(text)
    if fullwidth:
        text = text.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    return text


@functools.lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


# ------------------------------------------------------------------ HTML
def report_html(spec: Spec, *, zero: str = "0", wrap: bool = False, charset: str = "utf-8") -> str:
    before, after = paragraphs(spec)
    esc = _html.escape
    parts = [f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{esc(before[0])}</title></head><body>']
    parts.append('<div class="header"><a href="/">首页</a> &gt; <a href="/xxgk">信息公开</a></div>')
    parts.append('<div class="article"><h1>' + esc(before[0]) + "</h1>")
    parts.extend(f"<p>{esc(p)}</p>" for p in before[1:])
    for heading, rows in tables(spec, zero, wrap):
        parts.append(f"<p><strong>{esc(heading)}</strong></p><table border=\"1\">")
        for row in rows:
            cells = "".join(
                "<td" + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (f' colspan="{c.colspan}"' if c.colspan > 1 else "")
                + ">" + esc(c.text).replace("\n", "<br>") + "</td>"
                for c in row
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    parts.extend(f"<p>{esc(p)}</p>" for p in after)
    parts.append('</div><div class="footer">版权所有 某某县人民政府</div></body></html>')
    return "\n".join(parts)


# ------------------------------------------------------------------ DOCX
def _place(rows: list[list[GCell]]) -> tuple[int, int, list[tuple[int, int, GCell]]]:
    taken: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, GCell]] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    n_rows = len(rows)
    n_cols = max(c for _, c in taken) + 1
    return n_rows, n_cols, placed


def report_docx(spec: Spec, *, zero: str = "0", wrap: bool = False) -> bytes:
    import docx

    before, after = paragraphs(spec)
    d = docx.Document()
    for p in before:
        d.add_paragraph(p)
    for heading, rows in tables(spec, zero, wrap):
        d.add_paragraph(heading)
        n_rows, n_cols, placed = _place(rows)
        t = d.add_table(rows=n_rows, cols=n_cols)
        grid = t._cells  # once: Table.cell() re-walks the whole table on every call
        for r, c, cell in placed:  # merged regions are disjoint, so the other cells stay valid
            target = grid[r * n_cols + c]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(grid[(r + cell.rowspan - 1) * n_cols + c + cell.colspan - 1])
            target.text = cell.text
    for p in after:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------ PDF
def report_pdf(spec: Spec, font_path: str, *, zero: str = "0") -> bytes:
    from fpdf import FPDF, FontFace

    before, after = paragraphs(spec)
    pdf = FPDF()
    pdf.add_font("cjk", "", str(font_path))
    pdf.set_font("cjk", size=8)
    pdf.add_page()
    for p in before:
        pdf.multi_cell(0, 6, p, new_x="LMARGIN", new_y="NEXT")
    for heading, rows in tables(spec, zero):
        pdf.multi_cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
        n_rows, n_cols, _ = _place(rows)
        widths = _pdf_widths(heading, n_cols)
        with pdf.table(col_widths=widths, headings_style=FontFace(emphasis=""), first_row_as_headings=False, line_height=4.5, text_align="CENTER") as table:
            for row in rows:
                r = table.row()
                for cell in row:
                    r.cell(cell.text.replace("\n", ""), colspan=cell.colspan, rowspan=cell.rowspan)
        pdf.ln(3)
    for p in after:
        pdf.multi_cell(0, 6, p, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _pdf_widths(heading: str, n_cols: int) -> tuple[int, ...]:
    if n_cols == 10:  # table 三: three label columns, seven numbers
        return (10, 14, 40) + (9,) * 7
    if n_cols == 4:
        return (40, 30, 30, 30)
    if n_cols == 3:
        return (110, 20, 30)
    return tuple([1] * n_cols)


def all_text(spec: Spec) -> str:
    """Every character a PDF of the spec prints (for building the font)."""
    before, after = paragraphs(spec)
    chars = "".join(before + after)
    for heading, rows in tables(spec):
        chars += heading + "".join(c.text for row in rows for c in row)
    return chars + "0123456789.+-—/"


def value_of(text: str) -> Decimal:
    return Decimal(text.replace("+", ""))

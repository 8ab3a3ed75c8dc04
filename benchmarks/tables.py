"""The standard tables of 2019+ reports, with consistent figures, flattened to text.

Labels follow DOMAIN.md §2 (2019 试行 format for era B, 2021 format for era
C).  Figures satisfy the form's identities (row totals, the result total, and
new + carried-in = results + carried-out), so an honest generated report has
no table-identity defect; `plant_row_error` breaks one row total on purpose.

Two flattenings are produced, as pages copied from the web show them: one
row per line with tab-separated cells (``rows``), or every cell on its own
line (``cells``).
"""

from __future__ import annotations

import random

COLS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
T3_HEAD = [
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "总计",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
]
DENIED = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
UNABLE = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
NOT_PROCESSED = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]
OTHER_2021 = [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
]


def _leaves(era: str) -> list[tuple[str | None, str]]:
    """(group heading or None, leaf label) of table 三's result rows, in order."""
    out: list[tuple[str | None, str]] = [(None, "(一)予以公开"), (None, "(二)部分公开(区分处理的,只计这一情形,不计其他情形)")]
    out += [("(三)不予公开", x) for x in DENIED]
    out += [("(四)无法提供", x) for x in UNABLE]
    out += [("(五)不予处理", x) for x in NOT_PROCESSED]
    out += [("(六)其他处理", x) for x in OTHER_2021] if era == "C" else [(None, "(六)其他处理")]
    return out


def table_figures(era: str, rng: random.Random) -> dict:
    """Figures of tables 二, 三 and 四 for one report (identities hold)."""
    leaves = _leaves(era)
    busy = rng.random()
    new = [0] * 6
    carried_in = [0] * 6
    for c in range(6):
        p = (0.9, 0.35, 0.05, 0.05, 0.1, 0.15)[c]
        if rng.random() < p * (0.3 + busy):
            new[c] = rng.randint(1, 40 if c == 0 else 6)
            carried_in[c] = rng.randint(0, 2) if rng.random() < 0.2 else 0
    results = [[0] * 6 for _ in leaves]
    carried_out = [0] * 6
    weights = [30, 8] + [1] * 8 + [6, 2, 2] + [2, 1, 1, 1, 1] + ([1, 1, 1] if era == "C" else [1])
    for c in range(6):
        todo = new[c] + carried_in[c]
        carried_out[c] = rng.randint(0, min(2, todo)) if todo and rng.random() < 0.2 else 0
        for _ in range(todo - carried_out[c]):
            results[rng.choices(range(len(leaves)), weights)[0]][c] += 1
    t2 = {
        "regs": [rng.randint(0, 3), rng.randint(0, 2), rng.randint(0, 20)],
        "norms": [rng.randint(0, 12), rng.randint(0, 5), rng.randint(5, 90)],
        "license": rng.randint(0, 3000),
        "punish": rng.randint(0, 800),
        "force": rng.randint(0, 50),
        "fees": round(rng.uniform(0, 300), 2) if rng.random() < 0.5 else 0,
        "other_services": rng.randint(0, 200),
        "proc": [rng.randint(0, 30), round(rng.uniform(0, 900), 2)],
    }
    t4 = [0] * 15
    if rng.random() < 0.15:
        for block in range(3):
            cells = [rng.randint(0, 2) if rng.random() < 0.3 else 0 for _ in range(4)]
            t4[block * 5 : block * 5 + 4] = cells
            t4[block * 5 + 4] = sum(cells)
    return {"new": new, "carried_in": carried_in, "results": results, "carried_out": carried_out, "t2": t2, "t4": t4}


def plant_row_error(tables: dict, rng: random.Random) -> dict:
    """Make one row total of table 三 wrong; returns what was planted."""
    rows = ["new", "carried_out"]
    row = rng.choice(rows)
    total = sum(tables[row])
    delta = rng.choice([-2, -1, 1, 2, 3]) if total > 2 else rng.choice([1, 2])
    tables.setdefault("row_total_delta", {})[row] = delta
    return {"kind": "table3-row-total", "row": row, "computed": total, "stated": total + delta}


def _fmt_rows(rows: list[tuple[str, list]], style: str) -> str:
    out = []
    for label, cells in rows:
        vals = [str(v) for v in cells]
        if style == "rows":
            out.append("\t".join([label] + vals) if vals else label)
        else:
            out.append("\n".join([label] + vals))
    return "\n".join(out)


def _table2(era: str, t2: dict, style: str) -> str:
    if era == "C":
        rows = [
            ("第二十条第(一)项", []),
            ("信息内容\t本年制发件数\t本年废止件数\t现行有效件数" if style == "rows" else "信息内容\n本年制发件数\n本年废止件数\n现行有效件数", []),
            ("规章", t2["regs"]),
            ("行政规范性文件", t2["norms"]),
            ("第二十条第(五)项", []),
            ("信息内容\t本年处理决定数量" if style == "rows" else "信息内容\n本年处理决定数量", []),
            ("行政许可", [t2["license"]]),
            ("第二十条第(六)项", []),
            ("信息内容\t本年处理决定数量" if style == "rows" else "信息内容\n本年处理决定数量", []),
            ("行政处罚", [t2["punish"]]),
            ("行政强制", [t2["force"]]),
            ("第二十条第(八)项", []),
            ("信息内容\t本年收费金额(单位:万元)" if style == "rows" else "信息内容\n本年收费金额(单位:万元)", []),
            ("行政事业性收费", [t2["fees"]]),
        ]
    else:
        head3 = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
        sep = "\t" if style == "rows" else "\n"
        rows = [
            ("第二十条第(一)项", []),
            (sep.join(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]), []),
            ("规章", [t2["regs"][0], t2["regs"][0], t2["regs"][2]]),
            ("规范性文件", [t2["norms"][0], t2["norms"][0], t2["norms"][2]]),
            ("第二十条第(五)项", []),
            (sep.join(head3), []),
            ("行政许可", [t2["license"] // 10, 0, t2["license"]]),
            ("其他对外管理服务事项", [t2["other_services"], 0, t2["other_services"]]),
            ("第二十条第(六)项", []),
            (sep.join(head3), []),
            ("行政处罚", [t2["punish"] // 10, 0, t2["punish"]]),
            ("行政强制", [t2["force"] // 5, 0, t2["force"]]),
            ("第二十条第(八)项", []),
            (sep.join(head3[:3]), []),
            ("行政事业性收费", [3, 0]),
            ("第二十条第(九)项", []),
            (sep.join(["信息内容", "采购项目数量", "采购总金额"]), []),
            ("政府集中采购", t2["proc"]),
        ]
    return _fmt_rows(rows, style)


def _table3(era: str, t: dict, style: str) -> str:
    deltas = t.get("row_total_delta", {})

    def row(label: str, cells: list[int], key: str = "") -> tuple[str, list]:
        return (label, cells + [sum(cells) + deltas.get(key, 0)])

    rows: list[tuple[str, list]] = [("\t".join(T3_HEAD) if style == "rows" else "\n".join(T3_HEAD), [])]
    rows.append(row("一、本年新收政府信息公开申请数量", t["new"], "new"))
    rows.append(row("二、上年结转政府信息公开申请数量", t["carried_in"]))
    rows.append(("三、本年度办理结果", []))
    group = None
    for (head, label), cells in zip(_leaves(era), t["results"]):
        if head is not None and head != group:
            rows.append((head, []))
        group = head
        rows.append(row(label, cells))
    total = [sum(col) for col in zip(*t["results"])]
    rows.append(row("(七)总计", total))
    rows.append(row("四、结转下年度继续办理", t["carried_out"], "carried_out"))
    return _fmt_rows(rows, style)


def _table4(t4: list[int], style: str) -> str:
    head = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]
    sub = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    sep = "\t" if style == "rows" else "\n"
    lines = [sep.join(head), sep.join(sub * 3), sep.join(str(v) for v in t4)]
    return "\n".join(lines)


def render_tables(spec) -> dict[str, str]:
    t = spec.tables
    return {"T2": _table2(spec.era, t["t2"], spec.table_style), "T3": _table3(spec.era, t, spec.table_style), "T4": _table4(t["t4"], spec.table_style)}

"""The narrative says one thing, the standard table another (T3-TEXT, T3-ZERO-TEXT, T4-TEXT).

总体情况 usually repeats the key figures of tables 三 and 四 in words.  Modes:

- `received`: "收到/受理…申请N件" must equal 一 (本年新收) or 一+二 (with
  上年结转) of the 总计 column — both readings are in use, so either passes;
- `carried_out`: "结转下年度(继续办理)N件" must equal 四 总计;
- `no_applications`: the text says no application was received (未收到/没有收到
  …申请) while 一 总计 is above zero;
- `no_cases`: the text says there was no 行政复议 / 行政诉讼 (未发生/未出现/没有…)
  while table 四 counts some;
- `case_count`: "行政复议N件" / "行政诉讼N件" must equal the table's 总计.

Only text outside the tables is read, and only statements about the report
year (a sentence naming another year, 同比 or 较上年 is skipped).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from auditor.checks._tables import cell_evidence, evidences
from auditor.checks._util import PARAMS_CONFIG, evidence, fmt
from auditor.engine.rules import Rule
from auditor.extract.negation import denials
from auditor.extract.tables.model import CellValue
from auditor.model import Document, Finding

KIND = "table_text"
SCOPE = "document"

_NOT_APPLICATION = re.compile(r"复议|诉讼|留言|咨询|投诉|举报|信访|来信|来电|建议|提案|其中")
_RECEIVED = re.compile(
    r"(收到|受理|新收|接收|接到)([^,。;:!?\n\d]{0,24}?)(申请|请求)(?:数量|数)?(?:为|共计|共|合计|总计|达)?\s*(\d+)\s*[件个宗条]"
)
_CARRIED = re.compile(r"结转(?:至|到)?下(?:一)?年度?(?:继续办理|办理)?(?:的)?(?:申请)?(?:为|共)?\s*(\d+)\s*件")
_CASE_COUNT = re.compile(r"(行政复议|行政诉讼)(?:案件)?(?:共|共计|数量为|为)?\s*(\d+)\s*[件起宗例]")
_OTHER_YEAR = re.compile(r"同比|较上年|较去年|上一年|上年度|(?:19|20)\d{2}年")


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    mode: Literal["received", "carried_out", "no_applications", "no_cases", "case_count"]


_SENTENCE = re.compile(r"[^。;!?\n]+[。;!?]?")
_LAST: tuple = (None, None, ())  # (text, blocked, spans): the five modes of one document share one split


def _sentences(doc: Document) -> tuple[tuple[int, int], ...]:
    """(start, end) of the sentences outside every table (computed once per document)."""
    global _LAST
    blocked = tuple(sorted((t.start, t.end) for t in [*doc.std_tables.values(), *doc.tables] if t.start >= 0))
    text, seen, spans = _LAST
    if text is doc.text and seen == blocked:
        return spans
    out = []
    for m in _SENTENCE.finditer(doc.text):
        s, e = m.span()
        if not any(a < e and s < b for a, b in blocked):
            out.append((s, e))
    _LAST = (doc.text, blocked, tuple(out))
    return _LAST[2]


def _year_ok(doc: Document, sentence: str, upto: int) -> bool:
    """The clause before the figure names no other year and no comparison."""
    head = sentence[:upto]
    for m in _OTHER_YEAR.finditer(head):
        if m.group(0).endswith("年") and doc.year is not None and m.group(0).startswith(str(doc.year)):
            continue
        return False
    return True


def _tot(doc: Document, key: str, row: str, col: str = "TOT") -> tuple[CellValue, Decimal] | None:
    """A total cell and its value; None when the table has no such cell or it is blank."""
    t = doc.std_tables.get(key)
    cv = t.cells.get((row, col)) if t is not None else None
    return (cv, cv.value) if cv is not None and cv.value is not None else None


def _received(rule: Rule, doc: Document) -> Iterator[Finding]:
    new_tot, carried_tot = _tot(doc, "t3", "new"), _tot(doc, "t3", "carried_in")
    if new_tot is None:
        return
    new, new_v = new_tot
    carried, carried_v = carried_tot if carried_tot is not None else (None, Decimal(0))
    for s, e in _sentences(doc):
        sent = doc.text[s:e]
        for m in _RECEIVED.finditer(sent):
            if _NOT_APPLICATION.search(m.group(2)) or (m.group(2) and "公开" not in m.group(2)):
                continue
            if not _year_ok(doc, sent, m.start()):
                continue
            n = Decimal(m.group(4))
            ok = {new_v} | ({new_v + carried_v} if carried is not None else set())
            if n in ok:
                continue
            both = f"，一+二 = {fmt(new_v)}+{fmt(carried_v)} = {fmt(new_v + carried_v)}" if carried is not None else ""
            eq = f"正文 {fmt(n)} ≠ 表三 一（本年新收）总计 = {fmt(new_v)}{both}"
            yield rule.finding(
                f"正文称收到申请{fmt(n)}件，与表三不符: {eq}",
                [doc.id],
                evidences(doc, [evidence(doc, s + m.start(), s + m.end()), cell_evidence(doc, new), cell_evidence(doc, carried)]),
                {
                    "equation": eq,
                    "stated": n,
                    "computed": new_v,
                    "table": doc.std_tables["t3"].render([("new", "TOT")] + ([("carried_in", "TOT")] if carried else [])),
                },
            )


def _carried_out(rule: Rule, doc: Document) -> Iterator[Finding]:
    out_tot = _tot(doc, "t3", "carried_out")
    if out_tot is None:
        return
    out, out_v = out_tot
    for s, e in _sentences(doc):
        sent = doc.text[s:e]
        for m in _CARRIED.finditer(sent):
            n = Decimal(m.group(1))
            if n == out_v or not _year_ok(doc, sent, m.start()):
                continue
            eq = f"正文 {fmt(n)} ≠ 表三 四（结转下年度继续办理）总计 = {fmt(out_v)}"
            yield rule.finding(
                f"正文称结转下年度{fmt(n)}件，与表三不符: {eq}",
                [doc.id],
                evidences(doc, [evidence(doc, s + m.start(), s + m.end()), cell_evidence(doc, out)]),
                {"equation": eq, "stated": n, "computed": out_v, "table": doc.std_tables["t3"].render([("carried_out", "TOT")])},
            )


def _no_applications(rule: Rule, doc: Document) -> Iterator[Finding]:
    new_tot = _tot(doc, "t3", "new")
    if new_tot is None or new_tot[1] <= 0:
        return
    new, new_v = new_tot
    for s, e in _sentences(doc):
        sent = doc.text[s:e]
        m = next((d for d in denials(sent) if "applications" in d.kinds), None)
        if m is None or not _year_ok(doc, sent, m.start):
            continue
        eq = f"正文称未收到申请，表三 一（本年新收）总计 = {fmt(new_v)}"
        yield rule.finding(
            f"{eq}",
            [doc.id],
            evidences(doc, [evidence(doc, s + m.start, s + m.end), cell_evidence(doc, new)]),
            {"equation": eq, "stated": Decimal(0), "computed": new_v, "table": doc.std_tables["t3"].render([("new", "TOT")])},
        )
        return


def _case_cells(doc: Document, which: str) -> list[tuple[str, Decimal, CellValue]] | None:
    t = doc.std_tables.get("t4")
    if t is None:
        return []
    rows = ["rev"] if which == "行政复议" else ["dir", "post"] if which == "行政诉讼" else ["rev", "dir", "post"]
    out = []
    for r in rows:
        cv = t.cells.get((r, "total"))
        if cv is None or cv.value is None:
            parts = [t.cells.get((r, c)) for c in ("keep", "correct", "other", "pending")]
            if any(p is None or p.value is None for p in parts):
                return None
            out.append((r, sum((p.value for p in parts), Decimal(0)), parts[0]))
        else:
            out.append((r, cv.value, cv))
    return out


def _no_cases(rule: Rule, doc: Document) -> Iterator[Finding]:
    if "t4" not in doc.std_tables:
        return
    for s, e in _sentences(doc):
        sent = doc.text[s:e]
        m = next((d for d in denials(sent) if d.kinds & {"review", "litigation"}), None)
        if m is None or "费用" in sent or not _year_ok(doc, sent, m.start):
            continue
        which = "both" if {"review", "litigation"} <= m.kinds else "行政复议" if "review" in m.kinds else "行政诉讼"
        cells = _case_cells(doc, which)
        if not cells or sum((v for _, v, _ in cells), Decimal(0)) <= 0:
            continue
        shown = " + ".join(f"{r}={fmt(v)}" for r, v, _ in cells)
        shown = shown.replace("rev", "复议").replace("dir", "直接起诉").replace("post", "复议后起诉")
        eq = f"正文称无{'行政复议、行政诉讼' if which == 'both' else which}，表四总计 {shown}"
        yield rule.finding(
            eq,
            [doc.id],
            evidences(doc, [evidence(doc, s + m.start, s + m.end)] + [cell_evidence(doc, cv) for _, v, cv in cells if v]),
            {
                "equation": eq,
                "stated": Decimal(0),
                "computed": sum((v for _, v, _ in cells), Decimal(0)),
                "table": doc.std_tables["t4"].render([(r, "total") for r, _, _ in cells]),
            },
        )
        return


def _case_count(rule: Rule, doc: Document) -> Iterator[Finding]:
    if "t4" not in doc.std_tables:
        return
    for s, e in _sentences(doc):
        sent = doc.text[s:e]
        for m in _CASE_COUNT.finditer(sent):
            if not _year_ok(doc, sent, m.start()):
                continue
            cells = _case_cells(doc, m.group(1))
            if not cells:
                continue
            n, v = Decimal(m.group(2)), sum((v for _, v, _ in cells), Decimal(0))
            if n == v:
                continue
            eq = f"正文 {m.group(1)}{fmt(n)}件 ≠ 表四{m.group(1)}总计 = {fmt(v)}"
            yield rule.finding(
                f"正文与表四不符: {eq}",
                [doc.id],
                evidences(doc, [evidence(doc, s + m.start(), s + m.end())] + [cell_evidence(doc, cv) for _, _, cv in cells]),
                {"equation": eq, "stated": n, "computed": v, "table": doc.std_tables["t4"].render([(r, "total") for r, _, _ in cells])},
            )


_MODES = {"received": _received, "carried_out": _carried_out, "no_applications": _no_applications, "no_cases": _no_cases, "case_count": _case_count}


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    if not doc.std_tables:
        return
    yield from _MODES[rule.params_as(Params).mode](rule, doc)

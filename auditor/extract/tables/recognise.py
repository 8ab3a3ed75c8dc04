"""Recognisers: records (label run + value run) → standard tables.

Each table is recognised by its own keywords and its own shape, so a report
whose tables are partly real and partly flattened, or cut off mid-table,
still yields what can be read:

- 三: rows are matched in form order (a later row never maps to an earlier
  key) and every row takes exactly seven values (NP … TOT).  The label that
  decides is the one *closest to the values*: "（三）不予公开 1.属于国家秘密"
  is the 国家秘密 row, "（六）其他处理 1.…逾期不补正…" the first 2021 sub-row.
- 四: fifteen values right after a heading naming 行政复议 and 行政诉讼 (or
  their 维持/纠正 columns), mapped by position — the form's one data row.
- 二: blocks open at "第二十条第（N）项"; the column headings read after it
  decide the columns (and so the era); each row takes that many values.
- 统计表 (era A): rows by keyword in order, one value (or two, with a 累计
  column); at least three rows, or it is not the table.

A table that cannot be mapped is simply not recognised: nothing here raises
on odd input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from auditor.extract.tables.layouts import STAT_ROWS, T2_COLS, T2_ROWS, T3_COLS, T3_ROWS, T3_SUBROWS_2021, T4_COLS, T4_ROWS, Def
from auditor.extract.tables.model import CellValue, LabelSpan, StdTable
from auditor.extract.tables.tokens import Record, Token, fit

_WS = re.compile(r"\s+")
_BLOCK = re.compile(r"^第?二十条第?\(?([一二三四五六七八九十]{1,2})\)?项[:：]?$")
_CN = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "十": "10"}
_T3_WORDS = re.compile(r"申请人情况|本年新收|上年结转|收到和处理")
TAIL = 120  # a row label is read from the end of its label run


@lru_cache(maxsize=1 << 16)
def norm(s: str) -> str:
    """NFKC without whitespace; cached, as the same labels recur in every report."""
    return _WS.sub("", unicodedata.normalize("NFKC", s))


_BEST_KEPT = 1 << 14  # (tail, after) answers kept per row set before the memo starts over


@dataclass
class _RowSet:
    """A row list's one-scan pattern and memo of `best_row` answers."""

    defs: list[Def]
    any_row: re.Pattern
    best: dict[tuple[str, int], tuple[int, int, int] | None]


_ROW_SETS: dict[int, _RowSet] = {}


def _row_set(defs: list[Def]) -> _RowSet:
    """The row list's `_RowSet`, made on first use.

    `any_row` matches wherever any of the rows' keywords does: most label runs
    are prose naming no row, and one scan rejects them instead of one per row.
    `best` memoises `best_row` by (label tail, row after): a report's standard
    tables repeat the form's labels, so on the bench corpus 24,400 calls ask
    2,650 distinct questions (best_row 0.45 -> 0.12 s under cProfile over the corpus).
    """
    rs = _ROW_SETS.get(id(defs))
    if rs is None or rs.defs is not defs:
        pattern = re.compile("|".join(f"(?:{d.pattern.pattern})" for d in defs))
        rs = _ROW_SETS[id(defs)] = _RowSet(defs, pattern, {})
    return rs


class Joined:
    """Label tokens joined into one normalised text, and which token each character came from.

    Most label runs are only searched; the character-to-token map is built
    when a label's tokens are asked for (`owner`), for the few that name a row.
    """

    __slots__ = ("_owner", "lens", "text")

    def __init__(self, text: str, lens: list[int]) -> None:
        self.text = text
        self.lens = lens  # characters each token gave
        self._owner: list[int] | None = None

    @property
    def owner(self) -> list[int]:
        """char index -> token index."""
        if self._owner is None:
            self._owner = [i for i, n in enumerate(self.lens) for _ in range(n)]
        return self._owner

    @classmethod
    def of(cls, tokens: list[Token]) -> Joined:
        parts = [norm(t.text) for t in tokens]
        return cls("".join(parts), [len(p) for p in parts])


def joined(rec: Record) -> Joined:
    """The record's whole label run joined (kept on the record: two recognisers read it)."""
    j = rec.__dict__.get("_joined")
    if j is None:
        j = rec.__dict__["_joined"] = Joined.of(rec.labels)
    return j


def best_row(defs: list[Def], text: str, after: int, tail: int = TAIL) -> tuple[int, int, int] | None:
    """(row index, match start, match end) of the row whose keyword is closest to the end.

    Only rows after `after` (form order) are candidates; a tie goes to the
    earlier row.
    """
    lo = max(0, len(text) - tail)
    sub = text[lo:]
    rs = _row_set(defs)
    key = (sub, after)
    if key in rs.best:
        found = rs.best[key]
    else:
        found = _best_in(rs, sub, after)
        if len(rs.best) >= _BEST_KEPT:
            rs.best.clear()
        rs.best[key] = found
    return None if found is None else (found[0], found[1] + lo, found[2] + lo)


def _best_in(rs: _RowSet, sub: str, after: int) -> tuple[int, int, int] | None:
    """`best_row` within `sub`, offsets into `sub`."""
    if rs.any_row.search(sub) is None:
        return None
    defs = rs.defs
    found: tuple[int, int, int] | None = None
    for idx in range(after + 1, len(defs)):
        last = None
        for m in defs[idx].pattern.finditer(sub):
            last = m
        if last is None:
            continue
        if found is None or last.start() > found[1]:
            found = (idx, last.start(), last.end())
    return found


def _span(tokens: list[Token], text: str) -> LabelSpan:
    """Consecutive label tokens as one span (the text as printed, line breaks and all)."""
    s, e = tokens[0].start, tokens[-1].end
    return LabelSpan(text[s:e] if text else " ".join(t.text for t in tokens), s, e)


def _label(tokens: list[Token], j: Joined, a: int, b: int, text: str) -> LabelSpan:
    """The label tokens covering joined[a:b]."""
    if not tokens or a >= len(j.owner):
        return LabelSpan("")
    return _span(tokens[j.owner[a] : j.owner[max(a, min(b, len(j.owner)) - 1)] + 1], text)


def _row_label(tokens: list[Token], j: Joined, a: int, text: str) -> LabelSpan:
    """A row's label: from the token where its keyword matched to the end of the run."""
    if not tokens or a >= len(j.owner):
        return LabelSpan("")
    return _span(tokens[j.owner[a] :], text)


def _cell(tok: Token) -> CellValue:
    if tok.kind == "blank":
        return CellValue(None, "", tok.start, tok.end)
    return CellValue(tok.value, tok.text, tok.start, tok.end, tok.dash)


def _finish(t: StdTable, min_rows: int) -> bool:
    rows_with_values = {r for (r, _c), v in t.cells.items() if v.known}
    if len(rows_with_values) < min_rows:
        return False
    spans = [v.start for v in t.cells.values() if v.start >= 0] + [lab.start for lab in t.row_labels.values() if lab.start >= 0]
    ends = [v.end for v in t.cells.values() if v.end >= 0]
    t.start = min(spans) if spans else -1
    t.end = max(ends) if ends else -1
    return True


def _col_labels(t: StdTable, tokens: list[Token], defs: list[Def], text: str) -> None:
    for tok in tokens:
        w = norm(tok.text)
        if len(w) > 10:
            continue
        for d in defs:
            if d.key not in t.col_labels and d.pattern.search(w):
                t.col_labels[d.key] = LabelSpan(text[tok.start : tok.end] if text else tok.text, tok.start, tok.end)
                break


# ------------------------------------------------------------------ table 三
def parse_t3(recs: list[Record], text: str = "") -> list[StdTable]:
    cols = [d.key for d in T3_COLS]
    out: list[StdTable] = []
    table: StdTable | None = None
    cur = -1
    for rec in recs:
        j = joined(rec)
        m = best_row(T3_ROWS, j.text, cur if table is not None else -1)
        if table is not None and m is None:
            if _finish(table, 1):
                out.append(table)
            table, cur = None, -1
            m = best_row(T3_ROWS, j.text, -1)
        if m is None:
            continue
        vals = fit(rec.values, len(cols))
        if table is None:
            if vals is None:
                continue
            table = StdTable("t3", source="table" if rec.positional else "text", cols=list(cols))
            _col_labels(table, rec.labels, T3_COLS, text)
        idx, a, _b = m
        cur = idx
        if vals is None:
            continue  # the row is there but its values cannot be mapped
        key = T3_ROWS[idx].key
        table.rows.append(key)
        table.row_labels[key] = _row_label(rec.labels, j, a, text)
        for c, tok in zip(cols, vals):
            table.cells[(key, c)] = _cell(tok)
    if table is not None and _finish(table, 1):
        out.append(table)
    for t in out:
        _t3_era(t)
    return out


def _t3_era(t: StdTable) -> None:
    subs = [r for r in T3_SUBROWS_2021 if r in t.rows]
    if subs:
        t.era = "2021"
        t.era_marks = [t.row_labels[r] for r in subs]
    elif "other" in t.rows:
        t.era = "2019"
        t.era_marks = [t.row_labels["other"]]


# ------------------------------------------------------------------ table 四
def _t4_heading(j: Joined) -> bool:
    s = j.text[-400:]
    return "行政复议" in s and ("诉讼" in s or ("维持" in s and "纠正" in s))


def parse_t4(recs: list[Record], text: str = "") -> list[StdTable]:
    out: list[StdTable] = []
    rows = [d.key for d in T4_ROWS]
    cols = [d.key for d in T4_COLS]
    for rec in recs:
        vals = fit(rec.values, 15)
        if vals is None:
            continue
        j = Joined.of(rec.labels[-60:])
        if not _t4_heading(j):
            continue
        t = StdTable("t4", source="table" if rec.positional else "text", rows=list(rows), cols=list(cols))
        for i, tok in enumerate(vals):
            t.cells[(rows[i // 5], cols[i % 5])] = _cell(tok)
        for d in T4_ROWS:
            for tok in rec.labels[-60:]:
                if d.pattern.search(norm(tok.text)) and len(norm(tok.text)) <= 12:
                    t.row_labels[d.key] = LabelSpan(tok.text, tok.start, tok.end)
        if _finish(t, 0):  # fifteen blanks under the heading are still the table (of unknowns)
            out.append(t)
    return out


# ------------------------------------------------------------------ table 二
def _header_like(j: Joined) -> bool:
    return "信息内容" in j.text or any(d.pattern.search(j.text) for d in T2_COLS)


def _t2_row(labels: list[Token]) -> tuple[Def | None, int]:
    """The row named by the last label words (joined back when a label wrapped)."""
    for k in (1, 2, 3):
        if len(labels) < k:
            break
        w = re.sub(r"\(.*?\)|（.*?）", "", "".join(norm(t.text) for t in labels[-k:]))
        w = re.sub(r"^[\d.、]+", "", w)
        for d in T2_ROWS:
            if d.pattern.search(w):
                return d, k
    return None, 0


def _t2_cols(header: list[Token]) -> list[str]:
    j = Joined.of(header)
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for d in T2_COLS:
        m = d.pattern.search(j.text)
        if m and not any(a < m.end() and m.start() < b for a, b in taken):
            hits.append((m.start(), d.key))
            taken.append((m.start(), m.end()))
    return [k for _, k in sorted(hits)]


class _T2State:
    """Table 二 being read: the current block, its heading words and columns."""

    def __init__(self) -> None:
        self.table: StdTable | None = None
        self.block = ""
        self.header: list[Token] = []
        self.cols: list[str] | None = None
        self.extra = 0
        self.out: list[StdTable] = []

    def finish(self) -> None:
        if self.table is not None and _finish(self.table, 1):
            _t2_era(self.table)
            self.out.append(self.table)
        self.table, self.block, self.header, self.cols = None, "", [], None

    def row(self, key: str, label: LabelSpan, vals: list[Token]) -> None:
        t = self.table
        assert t is not None and self.cols is not None
        if key in t.rows:
            return
        t.rows.append(key)
        t.row_labels[key] = label
        t.groups[key] = self.block
        t.row_cols[key] = list(self.cols)
        for c, tok in zip(self.cols, vals):
            if c not in t.cols:
                t.cols.append(c)
            t.cells[(key, c)] = _cell(tok)


def parse_t2(recs: list[Record], text: str = "") -> list[StdTable]:
    st = _T2State()
    for rec in recs:
        labels = rec.labels
        bi = None
        for i in range(len(labels) - 1, -1, -1):
            m = _BLOCK.match(norm(labels[i].text))
            if m:
                bi, num = i, _CN.get(m.group(1), m.group(1))
                break
        if bi is not None:
            if st.table is None:
                st.table = StdTable("t2", source="table" if rec.positional else "text")
            st.block, st.header, st.cols = num, [], None
            labels = labels[bi + 1 :]
        elif st.table is None:
            continue
        d, k = _t2_row(labels)
        if d is None:
            j = Joined.of(labels)
            if bi is not None or (st.cols is None and _header_like(j)):
                st.header.extend(labels)
                continue
            if st.cols is not None and 0 < len(labels) <= 2 and not _header_like(j) and not _T3_WORDS.search(j.text):
                vals = fit(rec.values, len(st.cols))
                if vals is not None and len(j.text) <= 120:
                    st.extra += 1
                    st.row(f"extra{st.extra}", _span(labels, text), vals)
                    continue
            st.finish()
            continue
        if st.cols is None:
            st.header.extend(labels[: len(labels) - k])
            st.cols = _t2_cols(st.header) or None
            if st.cols is None:
                continue
        vals = fit(rec.values, len(st.cols))
        if vals is None:
            continue
        st.row(d.key, _span(labels[len(labels) - k :], text), vals)
        _t2_col_spans(st.table, st.header, text)
    st.finish()
    return st.out


def _t2_col_spans(t: StdTable | None, header: list[Token], text: str) -> None:
    if t is None:
        return
    j = Joined.of(header)
    for d in T2_COLS:
        if d.key in t.col_labels:
            continue
        m = d.pattern.search(j.text)
        if m:
            t.col_labels[d.key] = _label(header, j, m.start(), m.end(), text)


def _t2_era(t: StdTable) -> None:
    votes: dict[str, list[LabelSpan]] = {"2019": [], "2021": []}
    for c in t.cols:
        d = next((x for x in T2_COLS if x.key == c), None)
        if d is not None and d.eras and c in t.col_labels:
            votes[d.eras[0]].append(t.col_labels[c])
    for r in t.rows:
        d = next((x for x in T2_ROWS if x.key == r), None)
        if d is not None and d.eras:
            votes[d.eras[0]].append(t.row_labels[r])
    n19, n21 = len(votes["2019"]), len(votes["2021"])
    if n19 or n21:
        t.era = "2019" if n19 > n21 else "2021"
        t.era_marks = votes[t.era]


# ------------------------------------------------------------------ era-A 统计表
# Rows a local variant of the 统计表 lists in its own order ("3.电子邮件申请数 4.网上申请数"):
# the channels of 收到申请数 and of 主动公开
_ANY_ORDER = ("rc_", "ch_")


def _sibling(table: StdTable, text: str, cur: int) -> tuple[int, int, int] | None:
    """A row of the same any-order group as the current one that the table has not had yet."""
    if cur < 0 or not STAT_ROWS[cur].key.startswith(_ANY_ORDER):
        return None
    m = best_row(STAT_ROWS, text, -1, tail=40)
    if m is None:
        return None
    key = STAT_ROWS[m[0]].key
    group = next(g for g in _ANY_ORDER if STAT_ROWS[cur].key.startswith(g))
    return m if key.startswith(group) and key not in table.rows else None


def parse_stat(recs: list[Record], text: str = "") -> list[StdTable]:
    out: list[StdTable] = []
    table: StdTable | None = None
    cur, misses = -1, 0
    for rec in recs:
        j = joined(rec)
        m = best_row(STAT_ROWS, j.text, cur if table is not None else -1, tail=40)
        if m is None and table is not None:
            m = _sibling(table, j.text, cur)
        if m is None:
            if table is not None:
                if table.rows and fit(rec.values, len(table.cols)) is not None:
                    table.unread_after.append(table.rows[-1])
                misses += 1
                if misses > 3:
                    if _finish(table, 3):
                        out.append(table)
                    table, cur, misses = None, -1, 0
            continue
        if table is None:
            n = 2 if "累计" in j.text[: m[1]] else (len(rec.values) if len(rec.values) in (1, 2) else 1)
            if fit(rec.values, n) is None:
                continue
            table = StdTable("stat", era="A", source="table" if rec.positional else "text", cols=["value", "cum"][:n])
        vals = fit(rec.values, len(table.cols))
        if vals is None:
            misses += 1
            continue
        idx, a, _b = m
        cur, misses = max(cur, idx), 0
        key = STAT_ROWS[idx].key
        table.rows.append(key)
        table.row_labels[key] = _row_label(rec.labels, j, a, text)
        for c, tok in zip(table.cols, vals):
            table.cells[(key, c)] = _cell(tok)
    if table is not None and _finish(table, 3):
        out.append(table)
    return out

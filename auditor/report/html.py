"""The self-contained HTML audit report.

One file, nothing fetched: the stylesheet and the script are read from
``static/`` and inlined, the data the script needs travels in JSON islands
(``<script type="application/json">``), and a Content-Security-Policy in the
page forbids every network load and every script except our own (pinned by
its hash).  Government networks are often isolated; a report that needs a CDN
is a report nobody can open.

Everything that comes from the audited documents is untrusted.  Jinja2
autoescapes all of it in the markup; the JSON islands escape ``<``, ``>``,
``&`` and the two JavaScript line separators so no string can close the
island; the script builds its DOM with ``textContent`` only.

What is rendered on the server (small, bounded): the verdict header, counts,
the histogram, the clusters, the filter options and the rules appendix.  What
the script builds from the islands, page by page or on demand (unbounded): the
documents table, the findings list, the full document texts and the
side-by-side pair views.

Huge corpora stay usable because the browser's cost is the file's size (the
HTML parser reads ~30 ms per MB before anything shows): the ``audit-data``
island before the script holds only what the first screen needs — compact
document rows, the listed findings (at most MAX_FINDINGS, most severe first)
and their evidence context windows, merged per document; the pairs and the
full texts (within MAX_EMBEDDED_TEXT_CHARS, in chunks parsed only when a
document or pair is opened) follow the script, so the lists work while the
parser is still reading them.  Every cap is announced on the page, with
where the rest is (findings.json / findings.csv).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from markupsafe import Markup

from auditor.model import CATEGORIES

if TYPE_CHECKING:
    from jinja2 import Environment

    from auditor.core import RunResult

__all__ = ["HTML", "html_payload", "render_html", "write_html", "json_island"]

_HERE = Path(__file__).resolve().parent
_TEMPLATES = _HERE / "templates"
_STATIC = _HERE / "static"

#: characters of context shown on each side of an evidence span
CONTEXT_CHARS = 200
#: the evidence context windows of the listed findings, in characters: when
#: they would hold more, the context narrows (CONTEXT_STEPS) until they fit
MAX_CONTEXT_CHARS = 3_000_000
CONTEXT_STEPS = (CONTEXT_CHARS, 150, 100, 80, 60, 40)
#: full document texts embedded, in characters: all of them when the corpus
#: fits, otherwise those of the most similar pairs and of the documents of the
#: most severe findings, alternately, until the budget is spent.  Every
#: evidence keeps its context window whatever the budget.  The browser parses
#: ~30 ms per MB of HTML, so this bounds the load time of a huge report.
MAX_EMBEDDED_TEXT_CHARS = 6_000_000
#: clusters listed in the copies section (largest first)
MAX_CLUSTERS = 300
#: findings listed in a huge report: the most severe first; the counts cover all
MAX_FINDINGS = 10_000
#: pairs listed in a huge report: the most similar first; histogram and clusters cover all
MAX_PAIRS = 10_000
#: beyond this many agencies the agency filter is a text box with suggestions, not a select
MAX_AGENCY_OPTIONS = 300
#: characters of canonical text per JSON island (documents are never split)
TEXT_CHUNK_CHARS = 1_000_000
#: the columns of a documents row in the data island (the row's index is the document's index)
DOC_FIELDS = ("id", "title", "agency", "year", "kind", "format", "chars", "e", "w", "n_info", "t", "stub")
#: columns written as an index into ``docs.values[column]`` (few distinct values)
DOC_CODED = ("agency", "kind", "format")
#: trailing columns equal to these are left out of a row
DOC_DEFAULTS = {"e": 0, "w": 0, "n_info": 0, "t": None, "stub": 0}

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
STATUSES = ("new", "baselined", "suppressed")
STATUS_LABELS = {"new": "新增", "baselined": "基线已知", "suppressed": "已抑制"}
CATEGORY_LABELS = {
    "near-duplicate": "近似重复",
    "sum-mismatch": "合计不符",
    "ratio-mismatch": "比例不符",
    "cumulative-mismatch": "累计数不符",
    "table-identity": "表格勾稽不符",
    "cross-year": "跨年度衔接",
    "contradiction": "同期数据矛盾",
    "year-mismatch": "年份不一致",
    "date-impossible": "日期不可能",
    "late-publication": "逾期公开",
    "structure": "结构问题",
    "text-quality": "文本质量",
    "ingest-error": "读取失败",
}
RELATION_LABELS = {
    "same-agency-other-year": "同一机关不同年度",
    "same-agency-same-year": "同一机关同一年度",
    "other-agency": "不同机关",
}
KIND_LABELS = {"annual-report": "年度报告", "work-summary": "工作总结", "other": "其他"}
CHANGE_KINDS = ("number", "name", "insert", "delete", "replace")

# What the script may see of the label tables.
_LABELS = {
    "severity": SEVERITY_LABELS,
    "status": STATUS_LABELS,
    "category": CATEGORY_LABELS,
    "relation": RELATION_LABELS,
    "kind": KIND_LABELS,
}


# ---------------------------------------------------------------------------
# JSON islands


_ISLAND_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_ISLAND_RE = re.compile("[<>&\u2028\u2029]")


def json_island(value: Any) -> Markup:
    """JSON text that is safe inside ``<script type="application/json">``.

    ``<`` ``>`` ``&`` are written as ``\\u`` escapes, so no document text can
    close the script element or open a comment; U+2028/U+2029 likewise, so the
    text stays valid if someone ever pastes it into a JavaScript literal.
    The result is plain JSON: ``JSON.parse(el.textContent)`` reads it back.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return Markup(_ISLAND_RE.sub(lambda m: _ISLAND_ESCAPES[m.group(0)], text))


# ---------------------------------------------------------------------------
# Environment and static assets


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Imported here, not with the module: the writer registry imports this module,
    # and `audit check --format json` must not pay for Jinja2 (tests/gate/test_startup.py).
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(_TEMPLATES)),
        autoescape=select_autoescape(["html", "htm", "xml", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["json_island"] = json_island
    env.filters["pct"] = _pct
    env.filters["sev_label"] = lambda s: SEVERITY_LABELS.get(s, s)
    env.filters["cat_label"] = lambda c: CATEGORY_LABELS.get(c, c)
    env.filters["status_label"] = lambda s: STATUS_LABELS.get(s, s)
    env.filters["relation_label"] = lambda r: RELATION_LABELS.get(r, r or "")
    env.filters["kind_label"] = lambda k: KIND_LABELS.get(k, k or "")
    return env


def _static(name: str) -> str:
    text = (_STATIC / name).read_text(encoding="utf-8")
    # Our own assets; a closing tag inside them would end the element early.
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"static asset {name} contains a closing script/style tag")
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


# ---------------------------------------------------------------------------
# Small helpers


def _pct(value: Any, digits: int = 1) -> str:
    try:
        return f"{float(value) * 100:.{digits}f}%"
    except (TypeError, ValueError):
        return "—"


def _num(value: Any, default: float = 0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _dict(value: Any) -> dict[str, Any]:
    """A JSON object from the payload, or an empty one for anything else (the payload is untrusted)."""
    return value if isinstance(value, dict) else {}


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _anchor_slug(rule_id: str, index: int, used: set[str]) -> str:
    """A readable fragment id for a rule (``rule-SUM-001``); index-based when unsafe."""
    slug = "rule-" + rule_id if re.fullmatch(r"[A-Za-z0-9._-]{1,80}", rule_id) else f"rule-n{index}"
    if slug in used:
        slug = f"rule-n{index}"
    used.add(slug)
    return slug


def _short(value: Any, limit: int = 500) -> str:
    if isinstance(value, str):
        text = value
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------
# The view model


class _Docs:
    """Documents by index; ids a finding or pair mentions but the list lacks get a stub."""

    def __init__(self, documents: list[dict[str, Any]]):
        self.items: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        for d in documents:
            if isinstance(d, dict) and d.get("id") is not None:
                self.add(d)

    def add(self, d: dict[str, Any]) -> int:
        doc_id = _str(d.get("id"))
        if doc_id in self.index:
            return self.index[doc_id]
        self.index[doc_id] = len(self.items)
        self.items.append(d)
        return self.index[doc_id]

    def idx(self, doc_id: Any) -> int:
        doc_id = _str(doc_id)
        if doc_id not in self.index:
            return self.add({"id": doc_id, "stub": True})
        return self.index[doc_id]


class _Windows:
    """Evidence context windows, merged per document and shared by every finding.

    An evidence travels as ``{d, s, e}``; the script cuts its ``before``,
    ``text`` and ``after`` out of the window of its document that covers
    ``[s - context, e + context]``.  Overlapping windows (the twelve figures of
    one cross-year finding, the rows of one table) are stored once.  When the
    windows of the listed findings would exceed ``budget`` characters the
    context narrows step by step (CONTEXT_STEPS).  JavaScript counts UTF-16
    units where the offsets count code points, so a window holding a character
    beyond the BMP is not sent: its evidence carries its own
    ``before``/``text``/``after`` instead.
    """

    def __init__(self, docs: _Docs, texts: dict[str, str], budget: int = MAX_CONTEXT_CHARS) -> None:
        self.docs, self.texts, self.budget = docs, texts, budget
        self.context = CONTEXT_CHARS

    def _text(self, d: int) -> str:
        return self.texts[_str(self.docs.items[d].get("id"))]

    def _merged(self, findings: list[dict[str, Any]], context: int) -> tuple[dict[int, list[list[int]]], int]:
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        lengths: dict[int, int] = {}
        for f in findings:
            for ev in f["ev"]:
                if ev["s"] is not None and "before" not in ev:
                    d = ev["d"]
                    if d not in lengths:
                        lengths[d] = len(self._text(d))
                    spans[d].append((max(0, ev["s"] - context), min(lengths[d], ev["e"] + context)))
        merged: dict[int, list[list[int]]] = {}
        total = 0
        for d in sorted(spans):
            out: list[list[int]] = []
            for lo, hi in sorted(spans[d]):
                if out and lo <= out[-1][1]:
                    out[-1][1] = max(out[-1][1], hi)
                else:
                    out.append([lo, hi])
            merged[d] = out
            total += sum(hi - lo for lo, hi in out)
        return merged, total

    def build(self, findings: list[dict[str, Any]]) -> dict[str, Any]:
        """The ``snips`` island entry; evidence in a window that cannot be sent gets its context inline."""
        for context in CONTEXT_STEPS:
            merged, total = self._merged(findings, context)
            if total <= self.budget:
                break
        self.context = context
        out: dict[str, Any] = {}
        astral: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for d, spans in merged.items():
            text = self._text(d)
            windows = []
            for lo, hi in spans:
                chunk = text[lo:hi]
                if _ASTRAL_RE.search(chunk):
                    astral[d].append((lo, hi))
                else:
                    windows.append([lo, chunk])
            if windows:
                out[str(d)] = {"n": len(text), "w": windows}
        if astral:
            for f in findings:
                for ev in f["ev"]:
                    if ev["s"] is not None and ev["d"] in astral:
                        lo = max(0, ev["s"] - context)
                        if any(a <= lo < b for a, b in astral[ev["d"]]):
                            ev.update(_inline_context(self._text(ev["d"]), ev["s"], ev["e"], context))
        return out


_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")


def _evidence_view(ev: dict[str, Any], docs: _Docs, texts: dict[str, str]) -> dict[str, Any]:
    """``{d, s, e}``: the context comes from the document's window (`_Windows`)."""
    doc_id = _str(ev.get("document"))
    d = docs.idx(doc_id)
    s, e = _int(ev.get("start")), _int(ev.get("end"))
    quoted = _str(ev.get("text"))
    text = texts.get(doc_id)
    out: dict[str, Any] = {"d": d, "s": s, "e": e}
    if isinstance(text, str) and s is not None and e is not None and 0 <= s <= e <= len(text):
        if quoted and "".join(quoted.split()) != "".join(text[s:e].split()):
            out["note"] = "证据文本与偏移处的文本不一致 (evidence text differs from the text at its offsets)"
            out["quoted"] = quoted
    else:
        out.update(text=quoted, s=None, e=None)
        out["note"] = (
            "无该文档的全文 (document text not available)"
            if not isinstance(text, str)
            else "偏移超出文本范围 (offsets outside the text)"
        )
    return out


def _inline_context(text: str, s: int, e: int, context: int) -> dict[str, Any]:
    lo, hi = max(0, s - context), min(len(text), e + context)
    return {"before": text[lo:s], "text": text[s:e], "after": text[e:hi], "cb": lo > 0, "ca": hi < len(text)}


def _table_view(table: Any) -> dict[str, Any] | None:
    if not isinstance(table, dict) or not isinstance(table.get("rows"), list):
        return None
    rows = [[_str(c) for c in row] if isinstance(row, list) else [_str(row)] for row in table["rows"]]
    marked = []
    for m in table.get("marked") or []:
        if isinstance(m, (list, tuple)) and len(m) == 2 and _int(m[0]) is not None and _int(m[1]) is not None:
            marked.append([_int(m[0]), _int(m[1])])
    return {"title": _str(table.get("title")), "rows": rows, "marked": marked}


_DATA_SHOWN = {"equation", "stated", "computed", "table"}


def _finding_view(i: int, f: dict[str, Any], docs: _Docs, texts: dict[str, str]) -> dict[str, Any]:
    data = _dict(f.get("data"))
    doc_ids = [_str(x) for x in (f.get("documents") or [])]
    for ev in f.get("evidence") or []:
        if isinstance(ev, dict) and _str(ev.get("document")) not in doc_ids:
            doc_ids.append(_str(ev.get("document")))
    status = _str(f.get("status") or "new")
    view: dict[str, Any] = {
        "n": i,
        "id": _str(f.get("id")),
        "rule": _str(f.get("rule")),
        "cat": _str(f.get("category")),
        "sev": _str(f.get("severity") or "info"),
        "status": status,
        "msg": _str(f.get("message")),
        "docs": [docs.idx(x) for x in doc_ids],
        "ev": [_evidence_view(ev, docs, texts) for ev in (f.get("evidence") or []) if isinstance(ev, dict)],
    }
    reason = f.get("status_reason") or f.get("reason")
    if reason:
        view["reason"] = _str(reason)
    if data.get("equation") is not None:
        view["eq"] = _str(data["equation"])
    if "stated" in data:
        view["stated"] = _short(data["stated"], 200)
    if "computed" in data:
        view["computed"] = _short(data["computed"], 200)
    table = _table_view(data.get("table"))
    if table:
        view["table"] = table
    extra = [[_str(k), _short(v)] for k, v in data.items() if k not in _DATA_SHOWN]
    if extra:
        view["extra"] = extra
    return view


def _clusters(pairs: list[dict[str, Any]], n_docs: int) -> list[list[int]]:
    parent = list(range(n_docs))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        ra, rb = find(p["a"]), find(p["b"])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    touched = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    for d in sorted(touched):
        groups[find(d)].append(d)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g[0]))


def _passages(raw: list[Any]) -> list[dict[str, Any]]:
    """The passages of a pair as the side-by-side view reads them."""
    passages = []
    for ps in raw:
        if not isinstance(ps, dict):
            continue
        vals = [_int(ps.get(k)) for k in ("a_start", "a_end", "b_start", "b_end")]
        if any(v is None for v in vals):
            continue
        changes = []
        for c in ps.get("changes") or []:
            if not isinstance(c, dict):
                continue
            ca, cb = c.get("a") or [], c.get("b") or []
            if len(ca) != 2 or len(cb) != 2:
                continue
            kind = _str(c.get("kind") or "replace")
            changes.append(
                {
                    "a": [_int(ca[0]), _int(ca[1])],
                    "b": [_int(cb[0]), _int(cb[1])],
                    "at": _str(c.get("a_text")),
                    "bt": _str(c.get("b_text")),
                    "kind": kind if kind in CHANGE_KINDS else "replace",
                }
            )
        passages.append(
            {
                "as": vals[0], "ae": vals[1], "bs": vals[2], "be": vals[3],
                "sim": _num(ps.get("similarity"), 0.0),
                "bp": bool(ps.get("boilerplate")),
                "changes": changes,
            }
        )
    return passages


def _pair_views(payload: dict[str, Any], docs: _Docs) -> list[dict[str, Any]]:
    """Pairs, most similar first; each keeps its raw passages (``raw``) for `_passages`."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for p in payload.get("pairs") or []:
        if isinstance(p, dict):
            merged[(_str(p.get("a")), _str(p.get("b")))] = {"summary": p}
    for p in payload.get("pair_details") or []:
        if isinstance(p, dict):
            merged.setdefault((_str(p.get("a")), _str(p.get("b"))), {})["detail"] = p
    out: list[dict[str, Any]] = []
    for (a, b), parts in merged.items():
        src = {**parts.get("summary", {}), **parts.get("detail", {})}
        cab = src.get("containment_ab", src.get("containment"))
        cba = src.get("containment_ba", src.get("containment"))
        raw = [ps for ps in ((parts.get("detail") or {}).get("passages") or []) if isinstance(ps, dict)]
        boiler = sum(1 for ps in raw if ps.get("boilerplate"))
        shared = src.get("shared_passages")
        if shared is None:
            shared = len(raw) - boiler
        out.append(
            {
                "a": docs.idx(a),
                "b": docs.idx(b),
                "j": _num(src.get("jaccard")),
                "cab": _num(cab),
                "cba": _num(cba),
                "rel": _str(src.get("relation")),
                "shared": _int(shared) or 0,
                "boiler": boiler,
                "detail": "detail" in parts,
                "raw": raw,
            }
        )
    out.sort(key=lambda p: (-p["j"], -max(p["cab"], p["cba"]), p["a"], p["b"]))
    for i, p in enumerate(out):
        p["n"] = i
    return out


def _histogram(pairs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = [0] * 10
    for p in pairs:
        counts[min(9, max(0, int(p["j"] * 10)))] += 1
    top = max(counts) or 1
    return [
        {"lo": i / 10, "hi": (i + 1) / 10, "count": c, "width": round(100 * c / top, 1)}
        for i, c in enumerate(counts)
    ]


def _verdict(payload: dict[str, Any], findings: list[dict[str, Any]]) -> dict[str, Any]:
    given = _dict(payload.get("verdict"))
    config = (payload.get("run") or {}).get("config") or {}
    fail_on = _str(given.get("fail_on") or config.get("fail_on") or "error")
    threshold = SEVERITY_RANK.get(fail_on)
    blocking = (
        0
        if threshold is None
        else sum(1 for f in findings if f["status"] == "new" and SEVERITY_RANK.get(f["sev"], 0) >= threshold)
    )
    failed = bool(given["failed"]) if "failed" in given else blocking > 0
    counts = Counter(f["sev"] for f in findings)
    given_counts = _dict(given.get("counts"))
    by_sev = {s: _int(given_counts.get(s)) if s in given_counts else counts.get(s, 0) for s in SEVERITIES}
    if threshold is None:
        reason = f"fail-on: {fail_on} — 从不判定失败 (never fails)"
    else:
        level = f"「{SEVERITY_LABELS.get(fail_on, fail_on)}」"
        if failed:
            reason = f"有 {blocking} 条{level}及以上级别的新问题 (fail-on: {fail_on})"
        else:
            reason = f"没有{level}及以上级别的新问题 (fail-on: {fail_on})"
    return {"fail_on": fail_on, "failed": failed, "counts": by_sev, "blocking": blocking, "reason": reason}


def _embedded(
    docs: _Docs, texts: dict[str, str], findings: list[dict[str, Any]], pairs: list[dict[str, Any]], budget: int
) -> set[int]:
    """Indexes of the documents whose full text is embedded (see MAX_EMBEDDED_TEXT_CHARS)."""
    have = {i: len(texts[_str(d.get("id"))]) for i, d in enumerate(docs.items) if _str(d.get("id")) in texts}
    if sum(have.values()) <= budget:
        return set(have)
    # Alternately the next most similar pair (both texts or neither) and the
    # next most severe finding's documents.
    groups: list[list[int]] = []
    for k in range(max(len(pairs), len(findings))):
        if k < len(pairs):
            groups.append([pairs[k]["a"], pairs[k]["b"]])
        if k < len(findings):
            groups += [[d] for d in findings[k]["docs"]]
    embed: set[int] = set()
    spent = 0
    for g in groups:
        new = [d for d in dict.fromkeys(g) if d not in embed]
        if not new or any(d not in have for d in new):
            continue
        cost = sum(have[d] for d in new)
        if spent + cost <= budget:
            embed.update(new)
            spent += cost
    return embed


def _doc_columns(doc_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The documents table as compact rows: DOC_CODED columns as indexes into
    value tables, a title that starts with the agency's name as an index into
    a table of the rest (``agency + values.title[k]``), and trailing columns
    equal to DOC_DEFAULTS left out."""
    values: dict[str, list[str]] = {k: [] for k in (*DOC_CODED, "title")}
    codes: dict[str, dict[str, int]] = {k: {} for k in values}
    coded = [(j, codes[k], values[k]) for j, k in enumerate(DOC_FIELDS) if k in DOC_CODED]
    ti = DOC_FIELDS.index("title")
    tcodes, tvalues = codes["title"], values["title"]
    defaults = [DOC_DEFAULTS.get(k, _NO_DEFAULT) for k in DOC_FIELDS]
    rows = []
    for row in doc_rows:
        out = [row[k] for k in DOC_FIELDS]
        agency, title = row["agency"], row["title"]
        if agency and len(title) > len(agency) and title.startswith(agency):
            rest = title[len(agency):]
            c = tcodes.get(rest)
            if c is None:
                c = tcodes[rest] = len(tvalues)
                tvalues.append(rest)
            out[ti] = c
        for j, table, vals in coded:
            v = out[j]
            c = table.get(v)
            if c is None:
                c = table[v] = len(vals)
                vals.append(v)
            out[j] = c
        while out and type(out[-1]) is type(defaults[len(out) - 1]) and out[-1] == defaults[len(out) - 1]:
            out.pop()
        rows.append(out)
    return {"fields": DOC_FIELDS, "coded": DOC_CODED, "defaults": DOC_DEFAULTS, "values": values, "rows": rows}


_NO_DEFAULT = object()


def build_view(
    payload: dict[str, Any],
    *,
    max_text_chars: int = MAX_EMBEDDED_TEXT_CHARS,
    max_findings: int = MAX_FINDINGS,
    max_pairs: int = MAX_PAIRS,
    max_context_chars: int = MAX_CONTEXT_CHARS,
    max_agency_options: int = MAX_AGENCY_OPTIONS,
) -> dict[str, Any]:
    """Everything the template and the script need, derived from the payload."""
    texts = {k: v for k, v in (payload.get("texts") or {}).items() if isinstance(v, str)}
    docs = _Docs(payload.get("documents") or [])

    findings = [
        _finding_view(i, f, docs, texts)
        for i, f in enumerate(x for x in (payload.get("findings") or []) if isinstance(x, dict))
    ]
    def order(f: dict[str, Any]) -> tuple:
        first = f["ev"][0]["s"] if f["ev"] and f["ev"][0]["s"] is not None else 0
        return (-SEVERITY_RANK.get(f["sev"], 0), f["cat"], f["rule"], f["docs"][:1], first)

    findings.sort(key=order)
    for n, f in enumerate(findings):
        f["n"] = n
    pairs = _pair_views(payload, docs)
    shown = findings[:max_findings]
    shown_pairs = pairs[:max_pairs]

    # Rules: the documented ones plus any a finding names without documentation.
    rules_in = _dict(payload.get("rules"))
    rule_counts = Counter(f["rule"] for f in findings)
    rule_ids = sorted(set(map(str, rules_in)) | set(rule_counts))
    used: set[str] = set()
    rules = []
    for i, rid in enumerate(rule_ids):
        r = _dict(rules_in.get(rid))
        rules.append(
            {
                "id": rid,
                "anchor": _anchor_slug(rid, i, used),
                "title": _str(r.get("title")),
                "category": _str(r.get("category")),
                "severity": _str(r.get("severity")),
                "docs": _str(r.get("docs")),
                "documented": bool(r),
                "count": rule_counts.get(rid, 0),
            }
        )

    # Per-document counts (of every finding, listed or not).
    per_doc: dict[int, Counter] = defaultdict(Counter)
    for f in findings:
        for d in set(f["docs"]):
            per_doc[d][f["sev"]] += 1

    embed = _embedded(docs, texts, shown, shown_pairs, max_text_chars)
    windows = _Windows(docs, texts, max_context_chars)
    snips = windows.build(shown)

    # Texts travel in chunks (one island per ~1M characters): one island per
    # document costs the HTML parser far more than the characters themselves.
    chunks: list[dict[str, str]] = []
    chunk_of: dict[int, int] = {}
    size = 0
    for i in sorted(embed):
        text = texts[_str(docs.items[i].get("id"))]
        if not chunks or (chunks[-1] and size + len(text) > TEXT_CHUNK_CHARS):
            chunks.append({})
            size = 0
        chunks[-1][str(i)] = text
        chunk_of[i] = len(chunks) - 1
        size += len(text)

    doc_rows = []
    for i, d in enumerate(docs.items):
        c = per_doc.get(i, Counter())
        doc_rows.append(
            {
                "i": i,
                "id": _str(d.get("id")),
                "title": _str(d.get("title")),
                "agency": _str(d.get("agency")),
                "year": _int(d.get("year")),
                "kind": _str(d.get("kind")),
                "format": _str(d.get("format")),
                "chars": _int(d.get("chars")) if d.get("chars") is not None else len(texts.get(_str(d.get("id")), "")),
                "e": c.get("error", 0),
                "w": c.get("warning", 0),
                "n_info": c.get("info", 0),
                "t": chunk_of.get(i),
                "stub": 1 if d.get("stub") else 0,
            }
        )

    pair_index: dict[tuple[int, int], int] = {}
    for p in shown_pairs:
        pair_index.setdefault((p["a"], p["b"]), p["n"])
        pair_index.setdefault((p["b"], p["a"]), p["n"])
    for f in shown:
        if len(f["docs"]) >= 2:
            pair_n = pair_index.get((f["docs"][0], f["docs"][1]))
            if pair_n is not None:
                f["pair"] = pair_n
    # A side-by-side view needs both texts: the passages of the other pairs stay out.
    pair_data = []
    for p in shown_pairs:
        view = {k: v for k, v in p.items() if k != "raw"}
        if p["a"] in embed and p["b"] in embed:
            view["passages"] = _passages(p["raw"])
        else:
            view["passages"] = []
            if p["raw"]:
                view["np"] = len(p["raw"])
        pair_data.append(view)

    verdict = _verdict(payload, findings)
    cat_counts = Counter(f["cat"] for f in findings)
    categories = [c for c in CATEGORIES if c in cat_counts] + sorted(c for c in cat_counts if c not in CATEGORIES)
    cat_by_sev = {c: Counter(f["sev"] for f in findings if f["cat"] == c) for c in categories}
    status_counts = Counter(f["status"] for f in findings)
    statuses = [s for s in STATUSES if s in status_counts] + sorted(s for s in status_counts if s not in STATUSES)

    clusters = _clusters(pairs, len(doc_rows))
    run = _dict(payload.get("run"))
    tool = _dict(payload.get("tool"))
    n_texts = sum(1 for d in doc_rows if d["id"] in texts)

    data = {
        "docs": _doc_columns(doc_rows),
        "findings": shown,
        "snips": snips,
        "rules": {r["id"]: {"anchor": r["anchor"], "title": r["title"]} for r in rules},
        "labels": _LABELS,
        "context": windows.context,
        "n_findings": len(findings),
        "n_pairs": len(pairs),
    }
    return {
        "tool": {"name": _str(tool.get("name") or "auditor"), "version": _str(tool.get("version"))},
        "schema_version": payload.get("schema_version"),
        "run": {
            "started": _str(run.get("started")),
            "roots": [_str(r) for r in (run.get("roots") or [])],
            "rules": run.get("rules", len(rules_in)),
            "config": json.dumps(run.get("config") or {}, ensure_ascii=False, indent=2, sort_keys=True, default=str),
            "extra": {k: _short(v, 300) for k, v in run.items() if k not in {"started", "roots", "rules", "config"}},
        },
        "verdict": verdict,
        "n_docs": len([d for d in doc_rows if not d["stub"]]),
        "n_findings": len(findings),
        "n_pairs": len(pairs),
        "severities": SEVERITIES,
        "sev_counts": Counter(f["sev"] for f in findings),
        "categories": categories,
        "cat_counts": cat_counts,
        "cat_by_sev": cat_by_sev,
        "statuses": statuses,
        "status_counts": status_counts,
        "rules": rules,
        "rule_options": [r for r in rules if r["count"]],
        # the agencies and years of the listed findings (the filters apply to those)
        "agencies": sorted({doc_rows[d]["agency"] for f in shown for d in f["docs"] if doc_rows[d]["agency"]}),
        "years": sorted({doc_rows[d]["year"] for f in shown for d in f["docs"] if doc_rows[d]["year"] is not None}),
        "max_agency_options": max_agency_options,
        "histogram": _histogram(pairs),
        "clusters": [[doc_rows[i] for i in g] for g in clusters[:MAX_CLUSTERS]],
        "n_clusters": len(clusters),
        "text_islands": Markup("").join(
            Markup('<script type="application/json" id="doc-texts-{}">{}</script>\n').format(k, json_island(chunk))
            for k, chunk in enumerate(chunks)
        ),
        "texts_partial": len(embed) < n_texts,
        "n_texts": n_texts,
        "n_texts_embedded": len(embed),
        "findings_partial": len(findings) > len(shown),
        "n_findings_shown": len(shown),
        "pairs_partial": len(pairs) > len(shown_pairs),
        "n_pairs_shown": len(shown_pairs),
        "context": windows.context,
        "context_narrowed": windows.context < CONTEXT_CHARS,
        "data": data,
        "pair_data": pair_data,
    }


# ---------------------------------------------------------------------------
# Public API


def render_html(payload: dict[str, Any], **limits: int) -> str:
    """The whole report as one HTML string (no external resources).

    ``limits``: ``max_findings``, ``max_pairs``, ``max_text_chars``, ``max_context_chars``,
    ``max_agency_options`` (see the module's constants).
    """
    view = build_view(payload, **limits)
    css = _static("report.css")
    js = _static("report.js")
    csp = (
        "default-src 'none'; "
        f"script-src '{_csp_hash(js)}'; "
        "style-src 'unsafe-inline'; "
        "img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    template = _environment().get_template("report.html.j2")
    return template.render(view=view, css=Markup(css), js=Markup(js), csp=csp)


def write_html(payload: dict[str, Any], path: Path, **limits: int) -> None:
    """Render and write atomically (`auditor.report.atomic`)."""
    from auditor.report.atomic import write_text_atomic

    write_text_atomic(Path(path), render_html(payload, **limits))


def html_payload(result: RunResult) -> dict[str, Any]:
    """findings.json plus what the HTML needs to show evidence in context."""
    payload = result.payload()
    payload["texts"] = {d.id: d.text for d in result.documents}
    payload["pair_details"] = [
        p.as_dict()
        | {
            "passages": [
                {
                    "a_start": x.a_start,
                    "a_end": x.a_end,
                    "b_start": x.b_start,
                    "b_end": x.b_end,
                    "similarity": round(x.similarity, 4),
                    "boilerplate": x.boilerplate,
                    "changes": x.changes,
                }
                for x in p.passages
            ]
        }
        for p in result.pairs
    ]
    payload["rules"] = {r.id: r.doc_entry() for r in result.rules}
    payload["verdict"] = {"fail_on": result.fail_on, "failed": result.failed, "counts": result.counts()}
    return payload


class HtmlWriter:
    """report.html; it builds its own payload (`html_payload`) from the run's result."""

    name = "html"
    filename = "report.html"
    encoding = "utf-8"

    def write(self, result: RunResult, fh: TextIO) -> None:
        fh.write(render_html(html_payload(result)))


HTML = HtmlWriter()

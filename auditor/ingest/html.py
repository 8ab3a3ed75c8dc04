"""HTML pages: pick the report body out of the page chrome, keep its tables.

Government CMS pages wrap the report (``#zoom``, ``.TRS_Editor``,
``.article`` …) in menus, breadcrumbs, share bars and footers.  The loader

1. decodes the bytes with the declared charset (``gb2312``/``gbk`` are read as
   GB18030, their superset) and falls back to `decode()`;
2. parses with selectolax (lexbor) into a small tree of its own, dropping
   scripts, styles, form controls and hidden elements;
3. marks page chrome: ``nav``/``header``/``footer``/``aside`` elements and
   elements whose class or id says nav, menu, footer, header, breadcrumb,
   crumb, share, sidebar, copyright or toolbar — unless they hold half the
   page's text, which means the naming lied;
4. picks the body by text density: starting at ``<body>`` it descends into
   the container child holding most (≥ 75 %) of the non-link CJK text, so it
   stops at the element whose text is spread over its paragraphs;
5. lays the body out as lines (block elements and ``<br>`` break lines) and
   data tables as `Table`s placed on a grid that honours rowspan/colspan;
6. reads page metadata (发布时间, 来源, 索引号 …) from the text outside the
   body and from ``<meta>`` tags, and puts the report title back in front of
   the body when the page shows it above the body container.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from auditor.ingest.encoding import decode, implausible_chinese
from auditor.ingest.html_depth import cap_depth
from auditor.ingest.loaded import (
    CellSpec,
    GridPlacer,
    Loaded,
    TextBuilder,
    cjk_count,
    clean_cell_text,
)
from auditor.model import DocumentMeta

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

# --------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)
_GB_NAMES = {
    "gb2312", "gbk", "gb18030", "gb_2312-80", "gb_2312", "x-gbk", "cp936", "ms936", "windows-936",
    "euc-cn", "x-euc-cn", "csgb2312", "chinese", "iso-ir-58", "hz-gb-2312",
}
_UTF8_NAMES = {"utf-8", "utf8", "unicode-1-1-utf-8"}
_BIG5_NAMES = {"big5", "big5-hkscs", "cp950", "x-x-big5", "csbig5"}
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def declared_charset(data: bytes) -> str | None:
    """The charset named in a <meta> tag or XML declaration near the top, lower-cased."""
    head = data[:8192]
    if b"\x00" in head[:64]:  # UTF-16: the bytes say more than any declaration
        return None
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "ignore").lower() if m else None


def _strict_or_nearly(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    if text.count("\ufffd") <= max(1, len(text) // 2000):  # a truncated page, a stray byte
        return text
    return None


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOM, then the declared charset, then `decode()`'s guesses."""
    if data.startswith(_BOMS):
        return decode(data)
    declared = declared_charset(data)
    if declared in _GB_NAMES:
        if not data.isascii():
            try:  # pages often declare gb2312 but were re-saved as UTF-8
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        text = _strict_or_nearly(data, "gb18030")
        if text is not None and implausible_chinese(text) is None:
            return text, "gb18030"
    elif declared in _UTF8_NAMES:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    elif declared in _BIG5_NAMES:
        text = _strict_or_nearly(data, "big5hkscs")
        if text is not None:
            return text, "big5"
    return decode(data)


# --------------------------------------------------------------------------- tree

_DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "svg", "math", "select", "option", "optgroup", "button", "textarea", "input", "link", "meta",
    "canvas", "audio", "video", "source", "track", "map", "area", "head", "title", "base",
}
_CHROME_TAGS = {"nav", "header", "footer", "aside"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}
_CHROME_NAME = re.compile(r"nav|menu|footer|header|breadcrumb|crumb|share|sidebar|copyright|toolbar", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "legend", "body", "html",
}
_CONTAINER_TAGS = {
    "body", "html", "div", "section", "article", "main", "form", "center", "td", "th", "table", "tbody",
    "thead", "tfoot", "tr", "font", "span",
}


@dataclass(eq=False)
class El:
    tag: str
    attrs: dict[str, str]
    children: list[El | str] = field(default_factory=list)
    parent: El | None = None
    chrome: bool = False
    cjk: int = 0  # CJK characters in the subtree (chrome subtrees excluded)
    link: int = 0  # of which inside <a>

    @property
    def nonlink(self) -> int:
        return self.cjk - self.link

    def elements(self):
        return (c for c in self.children if isinstance(c, El))


def _hidden(tag: str, attrs: dict[str, str]) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if attrs.get("type", "").lower() == "hidden":
        return True
    return bool(_HIDDEN_STYLE.search(attrs.get("style", "")))


def _attrs(node) -> dict[str, str]:
    try:
        raw = node.attributes
    except Exception:  # pragma: no cover - lexbor refuses odd attribute bytes very rarely
        return {}
    return {str(k).lower(): (v if isinstance(v, str) else "") for k, v in raw.items()}


def build_tree(html: str) -> tuple[El, str, list[tuple[str, str]]]:
    """Parse with lexbor; return (root, <title> text, [(meta name, content)])."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = " ".join((title_node.text(deep=True) or "").split()) if title_node is not None else ""
    metas: list[tuple[str, str]] = []
    for m in tree.css("meta"):
        a = _attrs(m)
        name = (a.get("name") or a.get("property") or a.get("itemprop") or a.get("http-equiv") or "").strip()
        content = (a.get("content") or "").strip()
        if name and content:
            metas.append((name.lower(), content))
    root = El("#root", {})
    start = tree.root
    if start is None:
        return root, title, metas
    # Iterative copy: (lexbor node, parent El); siblings are walked through .next.
    stack = [(start, root)]
    while stack:
        first, parent = stack.pop()
        siblings = []
        node: LexborNode | None = first
        while node is not None:
            siblings.append(node)
            node = node.next
        for n in siblings:
            tag = n.tag or ""
            if tag == "-text":
                t = n.text_content
                if t:
                    parent.children.append(t)
                continue
            if not tag or tag.startswith("-") or tag.startswith("!"):
                continue
            tag = tag.lower()
            if tag in _DROP_TAGS:
                continue
            attrs = _attrs(n)
            if _hidden(tag, attrs):
                continue
            el = El(tag, attrs, parent=parent)
            parent.children.append(el)
            if n.child is not None:
                stack.append((n.child, el))
    return root, title, metas


def _compute_stats(root: El) -> None:
    """Fill cjk/link counts bottom-up (iteratively: pages can nest thousands deep)."""
    order: list[El] = []
    stack = [root]
    while stack:
        el = stack.pop()
        order.append(el)
        stack.extend(el.elements())
    for el in reversed(order):
        if el.chrome:
            el.cjk = el.link = 0
            continue
        cjk = link = 0
        for c in el.children:
            if isinstance(c, str):
                cjk += cjk_count(c)
            else:
                cjk += c.cjk
                link += c.link
        if el.tag == "a":
            link = cjk
        el.cjk, el.link = cjk, link


def _is_chrome(el: El) -> bool:
    if el.tag in _CHROME_TAGS:
        return True
    if el.attrs.get("role", "").lower() in _CHROME_ROLES:
        return True
    names = f"{el.attrs.get('class', '')} {el.attrs.get('id', '')}"
    return bool(_CHROME_NAME.search(names))


def _mark_chrome(body: El) -> None:
    total = body.nonlink
    stack = list(body.elements())
    while stack:
        el = stack.pop()
        # A "chrome" element holding half the page's prose is the content in a badly
        # named wrapper (class="main has-sidebar"): keep it.
        if _is_chrome(el) and el.nonlink <= 0.5 * total:
            el.chrome = True
            continue
        if el.tag == "table" and is_data_table(el):
            continue  # its rows and cells are content, whatever their classes say ("tableHeader" …)
        stack.extend(el.elements())


def _table_rows(table: El) -> list[El]:
    rows: list[El] = []
    for c in table.elements():
        if c.tag == "tr":
            rows.append(c)
        elif c.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in c.elements() if r.tag == "tr")
    return rows


def _row_cells(tr: El) -> list[El]:
    return [c for c in tr.elements() if c.tag in ("td", "th")]


def _contains_table(el: El) -> bool:
    stack = list(el.elements())
    while stack:
        e = stack.pop()
        if e.tag == "table":
            return True
        stack.extend(e.elements())
    return False


def is_data_table(table: El) -> bool:
    """A table of figures, as opposed to a table used to lay out the page."""
    rows = _table_rows(table)
    cells = [c for r in rows for c in _row_cells(r)]
    if len(cells) < 2:
        return False
    if any(_contains_table(c) for c in cells):
        return False
    return not any(c.cjk > 300 for c in cells)


def _descend_ok(el: El) -> bool:
    if el.tag not in _CONTAINER_TAGS:
        return False
    if el.tag in ("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
        table: El | None = el
        while table is not None and table.tag != "table":
            table = table.parent
        return table is None or not is_data_table(table)
    return True


def _chrome_elements(root: El) -> list[El]:
    """The outermost chrome elements under `root`, in document order."""
    out: list[El] = []
    stack = [root]
    while stack:
        el = stack.pop()
        if el.chrome:
            out.append(el)
            continue
        stack.extend(reversed(list(el.elements())))
    return out


def pick_main(body: El) -> El:
    """The element holding the report text: descend while one child holds ≥ 75 % of it."""
    cur = body
    while True:
        kids = [c for c in cur.elements() if not c.chrome]
        if not kids or cur.nonlink <= 0:
            return cur
        best = max(kids, key=lambda c: c.nonlink)
        rest = max((c.nonlink for c in kids if c is not best), default=0)
        # A sibling with real prose of its own (Word's Section2 holding the tables, a
        # second part of the report) keeps us here: better some chrome than lost text.
        if best.nonlink >= 0.75 * cur.nonlink and not (rest >= 200 and rest >= 0.1 * cur.nonlink) and _descend_ok(best):
            cur = best
        else:
            return cur


# --------------------------------------------------------------------------- layout

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff60"
_SEGMENT_BREAK = re.compile(f"(?<=[{_CJK_CLASS}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK_CLASS}])")
_COLLAPSE = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u3000\ufeff]+")


@dataclass
class Para:
    text: str
    link_only: bool = False


@dataclass
class TableBlock:
    cells: list[CellSpec]
    caption: str = ""


Block = Para | TableBlock


class _Flow:
    """Collects inline text into lines; block boundaries end a line."""

    def __init__(self, main: El | None = None, skip_chrome: bool = True, tables_as_text: bool = False) -> None:
        self.blocks: list[Block] = []
        self.tables_as_text = tables_as_text
        self._buf: list[str] = []
        self._plain = False  # any text outside <a> in the current line
        self.main = main  # rendered as a marker (outside-text mode)
        self.main_index = -1
        self.skip_chrome = skip_chrome
        self.images = 0

    def add_text(self, s: str, in_link: bool) -> None:
        self._buf.append(s)
        if not in_link and s.strip():
            self._plain = True

    def brk(self) -> None:
        if self._buf:
            s = "".join(self._buf)
            s = _SEGMENT_BREAK.sub("", s)
            s = _COLLAPSE.sub(" ", s).strip()
            if s:
                self.blocks.append(Para(s, link_only=not self._plain))
        self._buf = []
        self._plain = False

    def render(self, el: El) -> None:
        # Explicit stack of (node, in_link, phase); phase 1 closes a block element.
        stack: list[tuple[El | str, bool, int]] = [(el, False, 0)]
        while stack:
            node, in_link, phase = stack.pop()
            if isinstance(node, str):
                self.add_text(node, in_link)
                continue
            if phase == 1:
                self.brk()
                continue
            if node is self.main and self.main is not None:
                self.brk()
                self.main_index = len(self.blocks)
                continue
            if node.chrome and self.skip_chrome:
                continue
            tag = node.tag
            if tag == "br":
                self.brk()
                continue
            if tag == "img":
                self.images += 1
                continue
            if tag == "table" and is_data_table(node):
                self.brk()
                table = self._table(node)
                if self.tables_as_text:
                    self.blocks.extend(Para(line) for line in _table_lines(table))
                else:
                    self.blocks.append(table)
                continue
            if tag == "pre":
                self.brk()
                for line in _plain_text(node).split("\n"):
                    self.add_text(line, in_link)
                    self.brk()
                continue
            block = tag in _BLOCK_TAGS
            if block:
                self.brk()
                stack.append((node, in_link, 1))
            link = in_link or tag == "a"
            for child in reversed(node.children):
                stack.append((child, link, 0))

    def _table(self, table: El) -> TableBlock:
        rows = _table_rows(table)
        placer = GridPlacer()
        n_rows = len(rows)
        for r, tr in enumerate(rows):
            placer.new_row()
            for td in _row_cells(tr):
                rowspan = _span(td.attrs.get("rowspan"), default=1, zero=n_rows)
                colspan = _span(td.attrs.get("colspan"), default=1, zero=1)
                rowspan = min(rowspan, max(1, n_rows - r))
                sub = _Flow(skip_chrome=False)
                sub.render(td)
                sub.brk()
                text = clean_cell_text("\n".join(b.text for b in sub.blocks if isinstance(b, Para)))
                placer.add(text, rowspan, min(colspan, 1000))
        caption = ""
        for c in table.elements():
            if c.tag == "caption":
                caption = clean_cell_text(_plain_text(c))
        return TableBlock(placer.finish(), caption)


def _table_lines(table: TableBlock) -> list[str]:
    rows: dict[int, list[CellSpec]] = {}
    for c in table.cells:
        rows.setdefault(c.row, []).append(c)
    return ["\t".join(c.text for c in sorted(cs, key=lambda c: c.col)) for _, cs in sorted(rows.items())]


def _span(value: str | None, default: int, zero: int) -> int:
    if not value:
        return default
    m = re.match(r"\s*(\d{1,6})", value)
    if not m:
        return default
    n = int(m.group(1))
    return zero if n == 0 else n


def _plain_text(el: El) -> str:
    out: list[str] = []
    stack: list[El | str] = [el]
    while stack:
        n = stack.pop()
        if isinstance(n, str):
            out.append(n)
        else:
            stack.extend(reversed(n.children))
    return "".join(out)


# --------------------------------------------------------------------------- metadata

_DATE = r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
_SEP = r"\s*(?:[:：]\s*|\t\s*)"
_DATE_LABELS = (
    ("published", r"(?:发布|公开|发稿|发文)(?:时间|日期)"),
    ("written", r"成文(?:时间|日期)"),
)
_TEXT_LABELS = (
    ("source", r"(?:信息|文章|稿件)?来源"),
    ("publisher", r"发布机构|发文机关|发布单位|公开主体|发布部门"),
    ("index_no", r"索引号"),
    ("doc_no", r"发文字号|文号"),
)
_VALUE_END = re.compile(r"\s+\S{1,8}[:：]|[|｜\t【\[]|\s{2,}|\s+(?:字号|打印|关闭|浏览|点击|阅读)")
_META_TAGS = {
    "articletitle": "article_title",
    "pubdate": "published",
    "publishdate": "published",
    "publish_date": "published",
    "firstpublishedtime": "published",
    "article:published_time": "published",
    "dc.date": "published",
    "contentsource": "source",
    "source": "source",
    "sitename": "site",
    "columnname": "column",
    "author": "author",
}
_CHROME_LINE = re.compile(
    r"^(?:(?:发布|公开|发稿|更新)(?:时间|日期)|(?:信息|文章)?来源|作者|浏览(?:次数|量)?|点击(?:数|率|量)?|阅读(?:次数|量)?"
    r"|字号|[【\[]?\s*字(?:号|体)|[【\[]?\s*(?:打印|关闭|收藏|分享|返回顶部))\s*[:：】\]]?"
)


def _label_values(lines: list[str]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in lines:
        for key, label in _DATE_LABELS:
            if key in meta:
                continue
            m = re.search(label + _SEP + _DATE, line)
            if m:
                meta[key] = re.sub(r"\s+", "", m.group(1))
        for key, label in _TEXT_LABELS:
            if key in meta:
                continue
            m = re.search(f"(?:{label}){_SEP}", line)
            if not m:
                continue
            rest = line[m.end():]
            cut = _VALUE_END.search(rest)
            value = (rest[: cut.start()] if cut else rest).strip()
            if value and len(value) <= 60:
                meta[key] = value
    return meta


_TITLE_WORDS = re.compile(r"报告|总结|年报")
_NOT_TITLE = re.compile(r"当前位置|您现在的位置|所在位置|[>»＞›]|[:：]$")


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _title_line(before: list[Para], titles: list[str]) -> str | None:
    """The report title shown above the body container, if the page has one."""
    known = [_norm(t) for t in titles if t]
    for p in reversed(before[-15:]):
        if p.link_only or _NOT_TITLE.search(p.text):
            continue
        n = _norm(p.text)
        if not 6 <= cjk_count(n) <= 150:
            continue
        if any(k in n or (n in k and len(n) * 2 >= len(k)) for k in known):
            return p.text
        if cjk_count(n) >= 8 and _TITLE_WORDS.search(n):
            return p.text
    return None


def _strip_chrome_lines(blocks: list[Block]) -> list[Block]:
    """Drop info-bar lines (发布时间… 字号 大 中 小, 打印 关闭) at the very top and bottom."""
    def chrome(b: Block) -> bool:
        return isinstance(b, Para) and len(b.text) <= 160 and bool(_CHROME_LINE.match(b.text))

    n = len(blocks)
    return [b for i, b in enumerate(blocks) if not ((i < 8 or i >= n - 8) and chrome(b))]


# --------------------------------------------------------------------------- entry point


def load_html(data: bytes) -> Loaded:
    text, encoding = decode_html(data)
    root, title, metas = build_tree(cap_depth(text))
    body = next((e for e in root.elements() if e.tag == "html"), root)
    body = next((e for e in body.elements() if e.tag == "body"), body)
    _compute_stats(root)
    page_cjk = body.cjk
    _mark_chrome(body)
    _compute_stats(root)
    if body.cjk == 0 and page_cjk > 0:
        # Nothing left outside the chrome (or a page without CJK): unmark and use it all.
        stack = [root]
        while stack:
            e = stack.pop()
            e.chrome = False
            stack.extend(e.elements())
        _compute_stats(root)
    main = pick_main(body)

    flow = _Flow()
    flow.render(main)
    flow.brk()
    if not flow.blocks and main is body:
        # Everything was chrome (or the page has no CJK to weigh): keep all the text.
        flow = _Flow(skip_chrome=False)
        flow.render(body)
        flow.brk()
    blocks = flow.blocks

    outside = _Flow(main=main, skip_chrome=False, tables_as_text=True)
    if main is body:  # the text outside the body is the chrome inside it
        for el in _chrome_elements(body):
            outside.render(el)
            outside.brk()
    else:
        outside.render(body)
        outside.brk()
    idx = outside.main_index if outside.main_index >= 0 else len(outside.blocks)
    before = [b for b in outside.blocks[:idx] if isinstance(b, Para)]
    after = [b for b in outside.blocks[idx:] if isinstance(b, Para)]

    # the page's facts under `DocumentMeta`'s field names, gathered by precedence
    meta: dict[str, str] = {}
    if title:
        meta["title"] = title
    found = _label_values([p.text for p in before + after])
    for name, content in metas:
        key = _META_TAGS.get(name)
        if key and key not in found and key not in meta:
            if key == "published":
                m = re.search(_DATE, content)
                if not m:
                    continue
                content = re.sub(r"\s+", "", m.group(1))
            meta[key] = " ".join(content.split())
    # Metadata printed at the top of the body container itself (an info bar).
    top: list[str] = []
    for b in blocks[:8]:
        top.extend([b.text] if isinstance(b, Para) else _table_lines(b))
    in_body = _label_values(top)
    for key, value in {**in_body, **found}.items():
        meta[key] = value
    if "published" not in meta and "written" in meta:
        meta["published"] = meta["written"]
    page = DocumentMeta.from_dict(meta)

    blocks = _strip_chrome_lines(blocks)
    heading = _title_line(before, [title, page.article_title])
    if heading is not None:
        first = [_norm(b.text) for b in blocks[:3] if isinstance(b, Para)]
        if not any(_norm(heading) in f or (len(f) >= 6 and f in _norm(heading)) for f in first):
            blocks.insert(0, Para(heading))
    page.images = flow.images

    out = TextBuilder()
    for b in blocks:
        if isinstance(b, Para):
            out.line(b.text)
        else:
            out.table(b.cells, b.caption)
    return Loaded(text=out.text, encoding=encoding, format="html", tables=out.tables, meta=page)

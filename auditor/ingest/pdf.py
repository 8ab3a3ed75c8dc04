"""PDF reports: text outside tables in reading order, ruled tables as `Table`s.

Per page, pdfplumber finds ruled tables (``page.find_tables()``, the default
"lines" strategy); their cells become `CellSpec`s on a grid built from the
cell edges, so a cell spanning several ruled columns or rows gets the right
colspan/rowspan.  The characters outside the table boxes are read as text
lines.  Then, over the whole document:

* running headers and footers — lines in the top or bottom band of the page
  that repeat (digits ignored) on most pages — and page numbers (``3``,
  ``- 3 -``, ``第3页``, ``3/9`` …) in those bands are dropped;
* a table that ends a page and a table that starts the next page with the
  same columns are one table split by the page break: they are joined
  (a header row repeated on the new page is dropped);
* lines wrapped at the right margin are joined back into paragraphs (not
  when the next line is indented or starts with a list/section marker);
* a space between two CJK characters is removed (PDF text often carries
  inter-character spacing).

A PDF without a text layer (a scan) raises `LoadError`.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from auditor.ingest.loaded import CellSpec, Loaded, LoadError, TextBuilder, clean_cell_text, is_cjk, squeeze_cjk_spaces
from auditor.model import DocumentMeta

_BAND = 0.12  # top/bottom share of the page height where headers, footers and page numbers live
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―~·\s]*\d{1,4}[-—–－―~·\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.I,
)
_LIST_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[)）]|\d{1,2}[、.．](?!\d)|[①-⑳]"
    r"|第[一二三四五六七八九十百\d]+[章节条部分篇])"
)
_NUMERIC = re.compile(r"^[-+−—–]?[\d,，.]+%?$|^[-—–/]$")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)


@dataclass
class PageTable:
    """A table as drawn on one page (or several, once `merge_split_tables` joined them).

    Public, with `PdfPage`, so that the joining of tables split over a page
    break can be tested without building a pdf for every layout."""

    cells: list[CellSpec]
    x_edges: list[float]
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    n_rows: int
    n_cols: int
    pages: list[int] = field(default_factory=list)


@dataclass
class PdfPage:
    """One page's lines and tables, top to bottom, running heads and page numbers removed."""

    number: int
    height: float
    items: list[_Line | PageTable]


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    """Sorted representative values, merging those closer than `tol`."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    best, dist = 0, math.inf
    for i, e in enumerate(edges):
        d = abs(e - v)
        if d < dist:
            best, dist = i, d
    return best


def _chars_in(chars: list[dict], bbox: tuple[float, float, float, float]) -> list[dict]:
    x0, top, x1, bottom = bbox
    out = []
    for ch in chars:
        h = (ch["x0"] + ch["x1"]) / 2
        v = (ch["top"] + ch["bottom"]) / 2
        if x0 <= h < x1 and top <= v < bottom:
            out.append(ch)
    return out


def _cell_text(chars: list[dict]) -> str:
    if not chars:
        return ""
    from pdfplumber.utils import extract_text

    text = extract_text(chars)
    return squeeze_cjk_spaces(clean_cell_text(text))


def _table(page_no: int, table, chars: list[dict]) -> PageTable | None:
    cells = [c for c in table.cells if c[2] - c[0] > 0.5 and c[3] - c[1] > 0.5]
    if len(cells) < 2:
        return None
    xs = _cluster([v for c in cells for v in (c[0], c[2])])
    ys = _cluster([v for c in cells for v in (c[1], c[3])])
    if len(xs) < 2 or len(ys) < 2:
        return None
    bbox = table.bbox
    inside = _chars_in(chars, (bbox[0] - 1, bbox[1] - 1, bbox[2] + 1, bbox[3] + 1))
    specs: list[CellSpec] = []
    taken: set[tuple[int, int]] = set()
    for c in sorted(cells, key=lambda c: (c[1], c[0])):
        col, col_end = _index(xs, c[0]), _index(xs, c[2])
        row, row_end = _index(ys, c[1]), _index(ys, c[3])
        if col_end <= col or row_end <= row or (row, col) in taken:
            continue
        for r in range(row, row_end):
            for k in range(col, col_end):
                taken.add((r, k))
        specs.append(CellSpec(row, col, _cell_text(_chars_in(inside, c)), row_end - row, col_end - col))
    if not specs:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    texts = [s.text for s in specs]
    # A ruled box around prose (a framed note) is text, not a table.
    if (n_rows == 1 or n_cols == 1) and any(len(t) > 100 for t in texts):
        return None
    if not any(texts):
        return None
    return PageTable(specs, xs, bbox[0], bbox[2], bbox[1], bbox[3], page_no, n_rows, n_cols, [page_no])


def _read_page(number: int, page) -> tuple[PdfPage, int]:
    try:
        page = page.dedupe_chars()
    except Exception:  # pragma: no cover - dedupe is an optimisation, never a reason to fail
        pass
    chars = page.chars
    tables: list[PageTable] = []
    try:
        found = page.find_tables()
    except Exception:  # odd vector graphics: read the page as text only
        found = []
    for t in found:
        pt = _table(number, t, chars)
        if pt is not None:
            tables.append(pt)
    boxes = [(t.x0 - 1, t.top - 1, t.x1 + 1, t.bottom + 1) for t in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        h = (obj["x0"] + obj["x1"]) / 2
        v = (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= h <= b[2] and b[1] <= v <= b[3] for b in boxes)

    text_page = page.filter(outside) if boxes else page
    lines: list[_Line] = []
    for ln in text_page.extract_text_lines(return_chars=False):
        text = squeeze_cjk_spaces(" ".join(ln["text"].split()))
        if text:
            lines.append(_Line(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"], number))
    items: list[_Line | PageTable] = [*lines, *tables]
    items.sort(key=lambda it: (round(it.top, 1), it.x0))
    return PdfPage(number, float(page.height), items), len(chars)


# --------------------------------------------------------------------------- page furniture


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _band_lines(page: PdfPage, top: bool) -> list[_Line]:
    """Up to two text lines in the top (or bottom) band, before (after) any table."""
    seq = page.items if top else list(reversed(page.items))
    out: list[_Line] = []
    for it in seq[:2]:
        if not isinstance(it, _Line):
            break
        in_band = it.top < page.height * _BAND if top else it.bottom > page.height * (1 - _BAND)
        if not in_band:
            break
        out.append(it)
    return out


def _drop_furniture(pages: list[PdfPage]) -> None:
    n = len(pages)
    drop: set[int] = set()
    for top in (True, False):
        counts: Counter[str] = Counter()
        per_page: list[list[_Line]] = []
        for p in pages:
            band = _band_lines(p, top)
            per_page.append(band)
            counts.update({_shape(ln.text) for ln in band})
        need = max(2, math.ceil(0.5 * n))
        for band in per_page:
            for ln in band:
                if _PAGE_NUMBER.match(ln.text.strip()) or (n >= 2 and counts[_shape(ln.text)] >= need):
                    drop.add(id(ln))
    for p in pages:
        p.items = [it for it in p.items if id(it) not in drop]


# --------------------------------------------------------------------------- tables across pages


def _row_texts(t: PageTable, row: int) -> list[tuple[int, int, str]]:
    return sorted((c.col, c.colspan, c.text) for c in t.cells if c.row == row)


def _header_like(t: PageTable) -> bool:
    texts = [c.text for c in t.cells if c.row == 0 and c.text]
    return len(texts) >= 2 and not any(_NUMERIC.match(x.replace(" ", "")) for x in texts)


def _edge_map(a: PageTable, b: PageTable, tol: float = 4.0) -> list[int] | None:
    """Index in a's column edges of each of b's, when b's columns are a's (or merges of them)."""
    out: list[int] = []
    for x in b.x_edges:
        k = _index(a.x_edges, x)
        if abs(a.x_edges[k] - x) > tol:
            return None
        out.append(k)
    if out[0] != 0 or out[-1] != len(a.x_edges) - 1:
        return None
    return out


def _continues(a: PageTable, b: PageTable) -> bool:
    """Same outer edges, and b's column edges all fall on a's (a continuation of a)."""
    return _edge_map(a, b) is not None


def join_split_table(a: PageTable, b: PageTable) -> None:
    """Append b's rows to a, dropping a header repeated at the top of b."""
    edges = _edge_map(a, b) or list(range(len(b.x_edges)))
    repeated = 0
    while repeated < min(a.n_rows, b.n_rows - 1) and _row_texts(a, repeated) == _row_texts(b, repeated):
        repeated += 1
    for c in b.cells:
        if c.row < repeated:
            continue
        col = edges[c.col]
        colspan = edges[min(c.col + c.colspan, len(edges) - 1)] - col
        a.cells.append(CellSpec(c.row - repeated + a.n_rows, col, c.text, c.rowspan, max(1, colspan)))
    a.n_rows += b.n_rows - repeated
    a.bottom, a.page = b.bottom, b.page
    a.pages.append(b.page)


def merge_split_tables(pages: list[PdfPage]) -> list[_Line | PageTable]:
    """The pages' items in reading order, a table that runs on over a page break joined into one.

    The standard tables of a report often break across pages; read as two,
    the second half would lose its column labels and its totals their parts."""
    out: list[_Line | PageTable] = []
    prev_last: _Line | PageTable | None = None
    for p in pages:
        for i, it in enumerate(p.items):
            if (
                i == 0
                and isinstance(it, PageTable)
                and isinstance(prev_last, PageTable)
                and out
                and out[-1] is prev_last
                and _continues(prev_last, it)
                and (_row_texts(prev_last, 0) == _row_texts(it, 0) or not _header_like(it))
            ):
                join_split_table(prev_last, it)
                continue
            out.append(it)
        if p.items:
            prev_last = out[-1] if out else None
    return out


# --------------------------------------------------------------------------- paragraphs


def _paragraphs(items: list[_Line | PageTable]) -> list[str | PageTable]:
    lines = [it for it in items if isinstance(it, _Line)]
    if not lines:
        return [it for it in items if isinstance(it, PageTable)]  # all of them: there is no line
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    heights = sorted(ln.height for ln in lines)
    cw = heights[len(heights) // 2]
    out: list[str | PageTable] = []
    prev: _Line | None = None
    for it in items:
        if isinstance(it, PageTable):
            out.append(it)
            prev = None
            continue
        if (
            prev is not None
            and prev.x1 >= right - 1.5 * cw
            and it.x0 <= left + 0.8 * cw
            and prev.x1 - prev.x0 >= 0.6 * (right - left)
            and not _LIST_START.match(it.text)
            and isinstance(out[-1], str)
        ):
            joint = "" if (is_cjk(out[-1][-1:]) or is_cjk(it.text[:1])) else " "
            out[-1] = out[-1] + joint + it.text
        else:
            out.append(it.text)
        prev = it
    return out


# --------------------------------------------------------------------------- metadata


def _pdf_date(value: str) -> str:
    m = re.match(r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?", value)
    if not m:
        return value
    y, mo, d, h, mi, s = m.groups()
    out = y + (f"-{mo}" if mo else "") + (f"-{d}" if mo and d else "")
    if d and h:
        out += f"T{h}:{mi or '00'}:{s or '00'}"
    return out


def _info_text(info: dict, key: str) -> str:
    """One document-information entry as one line of text; "" when absent or unreadable."""
    value = info.get(key)
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-16") if value.startswith((b"\xfe\xff", b"\xff\xfe")) else value.decode("utf-8")
        except UnicodeDecodeError:
            return ""
    if not isinstance(value, str):
        return ""
    return " ".join(value.replace("\x00", "").split())


def _meta(info: dict) -> DocumentMeta:
    return DocumentMeta(
        title=_info_text(info, "Title"),
        author=_info_text(info, "Author"),
        subject=_info_text(info, "Subject"),
        created=_pdf_date(_info_text(info, "CreationDate")),
        modified=_pdf_date(_info_text(info, "ModDate")),
        creator=_info_text(info, "Creator"),
        producer=_info_text(info, "Producer"),
    )


# --------------------------------------------------------------------------- entry point


def load_pdf(data: bytes) -> Loaded:
    import pdfplumber


    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        name = type(exc).__name__
        msg = " ".join(str(exc).split())
        if "password" in (name + msg).lower() or "encrypt" in (name + msg).lower():
            raise LoadError("PDF is encrypted (a password is needed to read it)") from exc
        raise LoadError(f"not a valid .pdf ({name}: {msg[:160] or 'cannot parse'})") from exc
    with pdf:
        pages: list[PdfPage] = []
        n_chars = 0
        n_images = 0
        for i, page in enumerate(pdf.pages):
            read, count = _read_page(i + 1, page)
            pages.append(read)
            n_chars += count
            try:
                n_images += len(page.images)
            except Exception:  # pragma: no cover
                pass
            try:
                page.close()
            except Exception:  # pragma: no cover - older pdfplumber has no close()
                pass
        meta = _meta(pdf.metadata or {})
    if not pages:
        raise LoadError("PDF has no pages")
    if n_chars == 0 or (n_images and n_chars < 5 * len(pages)):
        raise LoadError("PDF has no text layer (scanned image?)")
    _drop_furniture(pages)
    items = merge_split_tables(pages)
    out = TextBuilder()
    for block in _paragraphs(items):
        if isinstance(block, str):
            out.line(block)
        else:
            out.table(block.cells)
    meta.pages = len(pages)
    return Loaded(text=out.text, encoding="binary", format="pdf", tables=out.tables, meta=meta)

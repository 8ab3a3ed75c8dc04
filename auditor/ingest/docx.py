"""Word .docx reports: paragraphs and tables in document order.

The body is walked child by child (``w:p`` and ``w:tbl`` interleaved, content
controls ``w:sdt`` opened), so a table sits in the text exactly where Word
shows it.  Table cells are read from the XML rather than through
python-docx's ``row.cells`` (which repeats a merged cell in every slot it
covers): ``w:gridSpan`` gives the colspan, ``w:vMerge`` continuation cells
extend the rowspan of the cell above and contribute no text of their own.

Paragraph text is collected from every run in the paragraph, including runs
nested in smart tags, hyperlinks, fields and tracked insertions (python-docx's
``Paragraph.text`` only sees direct runs); deleted text, field codes and the
VML fallback copies of text boxes are skipped.  Automatic list numbering
(``一、`` ``（一）`` ``1.`` kept in numbering.xml, not in the text) is rendered
in front of the paragraph, because section detection depends on it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from auditor.ingest.loaded import CellSpec, Loaded, LoadError, TextBuilder, clean_cell_text, is_cjk
from auditor.model import DocumentMeta

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


W_P, W_TBL, W_TR, W_TC, W_SDT, W_SDTCONTENT = _q("p"), _q("tbl"), _q("tr"), _q("tc"), _q("sdt"), _q("sdtContent")
W_CUSTOMXML, W_T, W_TAB, W_BR, W_CR = _q("customXml"), _q("t"), _q("tab"), _q("br"), _q("cr")
W_PPR, W_VAL = _q("pPr"), _q("val")
_SKIP_IN_PARA = {
    _q("txbxContent"), f"{{{MC}}}Fallback", _q("del"), _q("moveFrom"), _q("pPr"), _q("rPr"), _q("instrText"),
    _q("delText"), _q("footnoteReference"), _q("endnoteReference"),
}
_WRAPPERS = {W_SDT, W_SDTCONTENT, W_CUSTOMXML}


def _child(el, tag: str):
    return el.find(tag) if el is not None else None


def _val(el, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(W_VAL, default)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def _related_element(part, reltype: str):
    """The XML root of the part related to `part` by `reltype`, or None (never created)."""
    try:
        related = part.part_related_by(reltype)
    except (KeyError, ValueError):
        return None
    except Exception:  # pragma: no cover - a malformed part: behave as if absent
        return None
    return getattr(related, "element", None)


# --------------------------------------------------------------------------- numbering

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int) -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _chinese(rest) if rest < 10 else ("一" + _chinese(rest) if rest < 20 else _chinese(rest)))
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                       (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting", "taiwaneseCounting", "ideographDigital"):
        if fmt == "ideographDigital":
            return "".join(_CN_DIGITS[int(d)] if d.isdigit() else d for d in str(n)).replace("零", "〇")
        return _chinese(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)  # decimal and anything unknown


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False


@dataclass
class Numbering:
    """numbering.xml: list definitions and running counters, in document order."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = field(default_factory=dict)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @staticmethod
    def _levels(parent) -> dict[int, _Level]:
        out: dict[int, _Level] = {}
        for lvl in parent.findall(_q("lvl")):
            ilvl = _int(lvl.get(_q("ilvl")), 0)
            out[ilvl] = _Level(
                fmt=_val(_child(lvl, _q("numFmt")), "decimal") or "decimal",
                text=_val(_child(lvl, _q("lvlText")), "") or "",
                start=_int(_val(_child(lvl, _q("start"))), 1),
                legal=_child(lvl, _q("isLgl")) is not None,
            )
        return out

    @classmethod
    def from_document(cls, document) -> Numbering:
        num = cls()
        # Look parts up through the relationships: python-docx's `numbering_part` and
        # `styles` properties would create default parts when the file has none.
        root = _related_element(document.part, RT_NUMBERING)
        if root is not None:
            for a in root.findall(_q("abstractNum")):
                num.abstract[a.get(_q("abstractNumId"), "")] = cls._levels(a)
            for n in root.findall(_q("num")):
                starts: dict[int, int] = {}
                lvls: dict[int, _Level] = {}
                for o in n.findall(_q("lvlOverride")):
                    ilvl = _int(o.get(_q("ilvl")), 0)
                    so = _child(o, _q("startOverride"))
                    if so is not None:
                        starts[ilvl] = _int(_val(so), 1)
                    for lv in cls._levels(o).values():  # an override restates one level: its last definition wins
                        lvls[ilvl] = lv
                num.nums[n.get(_q("numId"), "")] = (_val(_child(n, _q("abstractNumId")), "") or "", starts, lvls)
        styles = _related_element(document.part, RT_STYLES) if num.nums else None
        if styles is not None:
            based: dict[str, str] = {}
            own: dict[str, tuple[str, int]] = {}
            for st in styles.findall(_q("style")):
                sid = st.get(_q("styleId"), "")
                b = _val(_child(st, _q("basedOn")))
                if b:
                    based[sid] = b
                numpr = _child(_child(st, W_PPR), _q("numPr"))
                if numpr is not None:
                    nid = _val(_child(numpr, _q("numId")))
                    if nid:
                        own[sid] = (nid, _int(_val(_child(numpr, _q("ilvl"))), 0))
            for sid in set(based) | set(own):
                cur: str | None = sid
                seen = set()
                while cur and cur not in own and cur not in seen:
                    seen.add(cur)
                    cur = based.get(cur)
                if cur in own:
                    num.style_num[sid] = own[cur]
        return num

    def _level(self, num_id: str, ilvl: int) -> _Level | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        abstract_id, _, overrides = entry
        if ilvl in overrides:
            return overrides[ilvl]
        return self.abstract.get(abstract_id, {}).get(ilvl)

    def label(self, p) -> str:
        """The list label Word shows in front of paragraph `p` ('' when none); advances counters."""
        if not self.nums:
            return ""
        ppr = _child(p, W_PPR)
        numpr = _child(ppr, _q("numPr"))
        num_id: str | None = None
        ilvl = 0
        if numpr is not None:
            num_id = _val(_child(numpr, _q("numId")))
            ilvl = _int(_val(_child(numpr, _q("ilvl"))), 0)
        if num_id is None:
            style = _val(_child(ppr, _q("pStyle")))
            if style and style in self.style_num:
                num_id, style_ilvl = self.style_num[style]
                if numpr is None or _child(numpr, _q("ilvl")) is None:
                    ilvl = style_ilvl
        if not num_id or num_id == "0":
            return ""
        level = self._level(num_id, ilvl)
        if level is None or level.fmt in ("none",):
            return ""
        counters = self.counters.setdefault(num_id, {})
        starts = self.nums[num_id][1]
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = starts.get(ilvl, level.start)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return ""
        text = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                lv = self._level(num_id, k) or _Level()
                n = counters.get(k, starts.get(k, lv.start))
                fmt = "decimal" if (level.legal and lv.fmt != "decimal") else lv.fmt
                text = text.replace(token, format_number(n, fmt))
        return text


# --------------------------------------------------------------------------- text


def paragraph_text(p) -> str:
    """Visible text of a w:p: all runs (also inside smart tags, links, fields, insertions)."""
    out: list[str] = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_IN_PARA:
            continue
        if tag == W_T:
            out.append(el.text or "")
        elif tag == W_TAB:
            out.append("\t")
        elif tag in (W_BR, W_CR):
            out.append("\n")
        elif tag == _q("noBreakHyphen"):
            out.append("-")
        elif tag == W_P or tag == W_TBL:
            continue  # text boxes nested through other wrappers: skip, Word shows them apart
        else:
            stack.extend(reversed(list(el)))
    return "".join(out)


def _unwrap(el, tag: str):
    """Children of `el` with the given tag, looking through sdt/customXml wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _unwrap(child, tag)


@dataclass
class _Para:
    text: str


@dataclass
class _TableBlock:
    cells: list[CellSpec]


class _Walker:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.blocks: list[_Para | _TableBlock] = []

    def para(self, p) -> str:
        label = self.numbering.label(p)
        text = paragraph_text(p)
        if label and text.strip():
            body = text.lstrip()
            sep = "" if (is_cjk(label[-1]) or is_cjk(body[:1]) or label[-1] in ".)）") else " "
            text = label + sep + body
        return text

    def walk(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                self.blocks.append(_Para(self.para(child)))
            elif tag == W_TBL:
                self.table(child)
            elif tag in _WRAPPERS:
                self.walk(child)

    def _cell_text(self, tc) -> str:
        pieces: list[str] = []
        for child in tc:
            if child.tag == W_P:
                pieces.append(self.para(child))
            elif child.tag == W_TBL:
                for tr in _unwrap(child, W_TR):
                    pieces.append(" ".join(self._cell_text(c) for c in _unwrap(tr, W_TC)))
            elif child.tag in _WRAPPERS:
                pieces.append(self._cell_text(child))
        return clean_cell_text("\n".join(pieces))

    def table(self, tbl) -> None:
        rows = list(_unwrap(tbl, W_TR))
        tcs = [tc for tr in rows for tc in _unwrap(tr, W_TC)]
        if len(tcs) == 1:  # a one-cell "frame" around body text: read it as body
            self.walk(tcs[0])
            return
        cells: list[CellSpec] = []
        above: dict[int, CellSpec] = {}  # grid column -> cell last started/extended there
        for r, tr in enumerate(rows):
            col = _int(_val(_child(_child(tr, _q("trPr")), _q("gridBefore"))), 0)
            prev: CellSpec | None = None
            for tc in _unwrap(tr, W_TC):
                tcpr = _child(tc, _q("tcPr"))
                span = max(1, _int(_val(_child(tcpr, _q("gridSpan"))), 1))
                vmerge = _child(tcpr, _q("vMerge"))
                hmerge = _child(tcpr, _q("hMerge"))
                text = self._cell_text(tc)
                if vmerge is not None and _val(vmerge, "continue") != "restart":
                    origin = above.get(col)
                    if origin is not None and origin.col == col and origin.colspan == span and origin.row + origin.rowspan == r:
                        origin.rowspan += 1
                        if text and text not in origin.text:
                            origin.text = clean_cell_text(origin.text + "\n" + text)
                        prev = origin
                        col += span
                        continue
                if hmerge is not None and _val(hmerge, "continue") != "restart" and prev is not None and prev.row == r:
                    prev.colspan += span
                    if text and text not in prev.text:
                        prev.text = clean_cell_text(prev.text + "\n" + text)
                    col += span
                    continue
                spec = CellSpec(r, col, text, 1, span)
                cells.append(spec)
                for k in range(col, col + span):
                    above[k] = spec
                prev = spec
                col += span
        self.blocks.append(_TableBlock(cells))


def _core_property(cp, name: str):
    """One core property; None when python-docx cannot parse the value the file holds."""
    try:
        return getattr(cp, name)
    except Exception:
        return None


def _core_time(cp, name: str) -> str:
    value = _core_property(cp, name)
    return value.isoformat() if value is not None else ""


def _core_text(cp, name: str) -> str:
    value = _core_property(cp, name)
    return str(value).strip() if value else ""


def _core_meta(document) -> DocumentMeta:
    meta = DocumentMeta()
    try:
        # only a core-properties part the file really has (python-docx would invent one)
        document.part.package.part_related_by(RT_CORE)
        cp = document.core_properties
    except Exception:
        return meta
    meta.created, meta.modified = _core_time(cp, "created"), _core_time(cp, "modified")
    meta.title, meta.author, meta.subject = _core_text(cp, "title"), _core_text(cp, "author"), _core_text(cp, "subject")
    return meta


def load_docx(data: bytes) -> Loaded:
    from docx import Document


    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            bad = zf.testzip()
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise LoadError("not a valid .docx (zip archive is corrupt or not a zip file)") from exc
    if bad is not None:
        raise LoadError(f"not a valid .docx (zip archive is corrupt: bad CRC in {bad})")
    if "word/document.xml" not in names and not any(n.endswith("document.xml") for n in names):
        raise LoadError("not a valid .docx (zip archive has no word/document.xml)")
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:
        raise LoadError(f"not a valid .docx ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})") from exc

    walker = _Walker(Numbering.from_document(document))
    walker.walk(document.element.body)
    out = TextBuilder()
    for b in walker.blocks:
        if isinstance(b, _Para):
            out.line(b.text)
        else:
            out.table(b.cells)
    return Loaded(text=out.text, encoding="binary", format="docx", tables=out.tables, meta=_core_meta(document))

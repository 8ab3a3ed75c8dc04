"""Fixtures for the loader tests: everything is generated in code, nothing binary is committed.

PDFs are written with fpdf2, which needs a font with CJK glyphs.  The system's
CJK fonts (Debian: fonts-noto-cjk) are CFF-outline OpenType collections; fpdf2
embeds those with a custom encoding CMap that pdfminer (under pdfplumber)
cannot map back to text.  So the fixture copies the glyphs the tests need into
a small TrueType-outline font (fontTools, already a dependency of fpdf2),
which fpdf2 embeds the ordinary Identity-H way.  Without any CJK font on the
system the PDF tests are skipped with a reason.
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

FONT_HINT = "no CJK font found on this system (Debian/Ubuntu: apt-get install fonts-noto-cjk)"


def _candidates() -> list[tuple[str, int]]:
    """(font file, face index) of CJK fonts, Simplified Chinese regular faces first."""
    found: list[tuple[int, str, int]] = []
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(
                ["fc-list", ":lang=zh", "--format", "%{file}|%{index}|%{family}|%{style}\n"],
                capture_output=True, text=True, timeout=20, check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        for line in out.splitlines():
            parts = line.split("|")
            if len(parts) < 4 or not parts[0].lower().endswith((".ttf", ".otf", ".ttc", ".otc")):
                continue
            family, style = parts[2], parts[3]
            rank = (0 if "SC" in family or "CN" in family else 1) + (0 if "Regular" in style or "Book" in style else 2)
            rank += 1 if "Mono" in family else 0
            try:
                found.append((rank, parts[0], int(parts[1] or 0)))
            except ValueError:
                continue
    for pattern in ("/usr/share/fonts/**/*CJK*", "/usr/share/fonts/**/wqy*", "/usr/share/fonts/**/*uming*"):
        for path in glob.glob(pattern, recursive=True):
            if path.lower().endswith((".ttf", ".otf", ".ttc", ".otc")):
                found.append((9, path, 0))
    found.sort()
    return [(path, index) for _, path, index in found]


def build_truetype_subset(src_path: str, index: int, chars: str, out: Path) -> bool:
    """Write a TrueType (glyf) font holding the glyphs of `chars`; False if the source lacks some."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    src = TTFont(src_path, fontNumber=index, lazy=True)
    cmap = src.getBestCmap()
    glyph_set = src.getGlyphSet()
    hmtx = src["hmtx"]

    def convert(name: str):
        pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction="CFF " in src or "CFF2" in src))
        return pen.glyph()

    order = [".notdef"]
    glyphs = {".notdef": convert(".notdef")}
    metrics = {".notdef": hmtx[".notdef"]}
    mapping: dict[int, str] = {}
    for ch in sorted(set(chars)):
        name = cmap.get(ord(ch))
        if name is None:
            if ch.isspace():
                continue
            return False
        gname = f"uni{ord(ch):04X}"
        order.append(gname)
        mapping[ord(ch)] = gname
        glyphs[gname] = convert(name)
        metrics[gname] = hmtx[name]
    hhea = src["hhea"]
    fb = FontBuilder(src["head"].unitsPerEm, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(mapping)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
    fb.setupNameTable({"familyName": "AuditorTestCJK", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=hhea.ascent, sTypoDescender=hhea.descent, usWinAscent=hhea.ascent, usWinDescent=-hhea.descent)
    fb.setupPost()
    fb.save(str(out))
    return True


@pytest.fixture(scope="session")
def cjk_font(request, tmp_path_factory):
    """A factory: cjk_font(chars) -> path of a TrueType font with those characters (or skip).

    Reading the big CJK collection takes a couple of seconds, so the small font
    is kept in pytest's cache directory between runs.
    """
    try:
        base = Path(request.config.cache.mkdir("auditor-cjk-font"))
    except Exception:  # cache disabled (-p no:cacheprovider)
        base = tmp_path_factory.mktemp("cjkfont")

    def make(chars: str) -> Path:
        chars = "".join(sorted(set(chars + "0123456789-/ .")))
        key = hashlib.sha1(chars.encode("utf-8")).hexdigest()[:12]
        out = base / f"cjk-{key}.ttf"
        if out.exists():
            return out
        tmp = base / f"cjk-{key}.{os.getpid()}.tmp"
        for path, index in _candidates():
            try:
                if build_truetype_subset(path, index, chars, tmp):
                    os.replace(tmp, out)  # atomic: parallel workers may build it too
                    return out
            except Exception:  # a broken or unusual font file: try the next one
                continue
        pytest.skip(FONT_HINT)

    return make

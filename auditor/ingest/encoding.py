"""Decode report bytes into text.

Chinese government pages come as UTF-8 (with or without BOM), GB18030/GBK
and, from Word exports, UTF-16.  A wrong guess silently produces mojibake that
every later stage would then audit, so the order of attempts is strict: BOMs
first, then strict UTF-8, then a UTF-16 sniff, then GB18030 (a superset of GBK
and GB2312), and only then charset-normalizer as a last resort.  Bytes that
decode as GB18030 into rare characters are Western text, not a report: they
are refused with the reason rather than audited as a clean document.
"""

from __future__ import annotations

import codecs
import re


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\x00" in sample or controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has NULs in every other byte for ASCII runs."""
    sample = data[:2048]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    for enc, nuls in (("utf-16-le", odd_nul), ("utf-16-be", even_nul)):
        if nuls > half * 0.3:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


_JUNK = re.compile("[\ue000-\uf8ff\ufffd]")  # private use, and the replacement character


def _plausible(text: str) -> bool:
    """Decoded text should be mostly CJK, ASCII and punctuation, not private-use junk."""
    if not text:
        return True
    bad = len(_JUNK.findall(text))
    return bad / len(text) < 0.01


# Chinese characters (CJK unified ideographs and extension A), found in C: testing a
# report's every character in Python cost ~0.5 ms, and `double_encoded` does it for
# most reports, because “”·— count as Latin-1 look-alikes
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")


def _han_count(text: str) -> int:
    return len(_HAN.findall(text))


def _common_han(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


_SAMPLE = 20000
_MIN_HAN = 8
_MIN_COMMON = 0.6


def implausible_chinese(text: str) -> str | None:
    """Why text decoded as GB18030 is not the Chinese it appears to be, or None.

    Any byte sequence with high bytes decodes as GB18030, so Latin-1 or
    Windows-1252 text (an accented letter and the byte after it) comes out as
    Chinese characters.  Those are drawn from the whole GBK range, mostly from
    its rare extensions, while a real report's characters are almost all in the
    common GB2312 set (a rare name or two aside).
    """
    han = _HAN.findall(text[:_SAMPLE])
    if len(han) < _MIN_HAN:
        return None
    common = sum(1 for ch in han if _common_han(ch)) / len(han)
    if common >= _MIN_COMMON:
        return None
    return (
        f"decodes as GB18030, but only {common:.0%} of its {len(han)} Chinese characters are common ones "
        f"(“{''.join(han[:6])}…”): Western (Latin-1/Windows-1252) or other non-Chinese bytes, not a Chinese report"
    )


_TRADITIONAL_CODECS = ("big5", "cp950", "big5hkscs")


def _has_chinese(text: str) -> bool:
    """Enough common Chinese characters to be a report in some Chinese encoding."""
    han = _han_count(text[:_SAMPLE])
    return han >= _MIN_HAN and implausible_chinese(text) is None


_LATIN_HIGH = re.compile(
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _as_single_bytes(text: str) -> bytes | None:
    """The bytes a Latin-1/Windows-1252 reading of them gave `text`, or None."""
    out = bytearray()
    for ch in text:
        if ord(ch) < 256:
            out.append(ord(ch))
        elif ch == "\ufffd":  # a byte Windows-1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d)
            out.append(0x3F)
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def double_encoded(text: str) -> str | None:
    """Why UTF-8 text is mojibake saved again, or None.

    Chinese bytes read once as Windows-1252/Latin-1 and written back as UTF-8
    ("æ”¿åºœä¿¡æ¯" for 政府信息) are valid UTF-8 and would be audited as a
    report with no Chinese in it.  The proof is that the Latin letters turn
    back into common Chinese when their bytes are read as UTF-8 or GB18030.
    """
    sample = text[:_SAMPLE]
    latin = len(_LATIN_HIGH.findall(sample))
    if latin < 3 * _MIN_HAN or latin < _han_count(sample):
        return None
    raw = _as_single_bytes(sample)
    if raw is None:
        return None
    for codec in ("utf-8", "gb18030"):
        fixed = raw.decode(codec, errors="replace")
        if _has_chinese(fixed) and _han_count(fixed) >= 2 * fixed.count("\ufffd"):
            shown = "".join(_HAN.findall(fixed)[:8])
            return (
                f"{codec} text that was read as Windows-1252/Latin-1 and saved again as UTF-8 "
                f"(“{sample.strip()[:12]}…” is “{shown}…”): mojibake, re-save it from the original"
            )
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeError with a reason."""
    if not data:
        raise DecodeError("empty file (0 bytes)")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"has a {enc} byte-order mark but does not decode: {exc.reason}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        why = double_encoded(text)
        if why is not None:
            raise DecodeError(why)
        return text, "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if _looks_binary(data):
        raise DecodeError("binary content (NUL or control bytes), not a text report")
    not_chinese = None
    try:
        text = data.decode("gb18030")
        if _plausible(text):
            not_chinese = implausible_chinese(text)
            if not_chinese is None:
                return text, "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - defensive: the detector must not crash ingest
        best = None
    if best is not None and _plausible(str(best)):
        guess = str(best)
        if best.encoding in _TRADITIONAL_CODECS or (not_chinese is None and _has_chinese(guess)):
            return guess, best.encoding
        # Western text would be audited as a clean report of nothing: say what it is instead
        not_chinese = not_chinese or (
            f"not UTF-8, UTF-16 or GB18030; it reads only as {best.encoding} text without Chinese "
            f"(“{guess[:30].strip()}…”): not a Chinese report"
        )
    if not_chinese is not None:
        raise DecodeError(not_chinese)
    raise DecodeError("not decodable as UTF-8, UTF-16 or GB18030")

"""Decode report bytes into text.

Chinese government pages come as UTF-8 (with or without BOM), GB18030/GBK
and, from Word exports, UTF-16.  A wrong guess silently produces mojibake that
every later stage would then audit, so the order of attempts is strict: BOMs
first, then strict UTF-8, then a UTF-16 sniff, then GB18030 (a superset of GBK
and GB2312), and only then charset-normalizer as a last resort.
"""

from __future__ import annotations

import codecs


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


def _plausible(text: str) -> bool:
    """Decoded text should be mostly CJK, ASCII and punctuation, not private-use junk."""
    if not text:
        return True
    bad = sum(1 for ch in text if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    return bad / len(text) < 0.01


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
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _utf16_without_bom(data)
    if text is not None:
        return text, "utf-16"
    if _looks_binary(data):
        raise DecodeError("binary content (NUL or control bytes), not a text report")
    try:
        text = data.decode("gb18030")
        if _plausible(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - defensive: the detector must not crash ingest
        best = None
    if best is not None and _plausible(str(best)):
        return str(best), best.encoding
    raise DecodeError("not decodable as UTF-8, UTF-16 or GB18030")

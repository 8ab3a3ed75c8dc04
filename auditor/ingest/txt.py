"""Plain-text reports: decode the bytes and nothing else.

Tables flattened into plain text (rows of numbers separated by spaces or
tabs) are recognised later from the text itself, so `tables` stays empty.
"""

from __future__ import annotations

from auditor.ingest.encoding import decode
from auditor.ingest.loaded import Loaded


def load_txt(data: bytes) -> Loaded:
    """Decode a text file; raises `DecodeError` when the bytes are not text."""
    text, encoding = decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:  # CRLF / CR line ends -> '\n' so paragraphs are '\n'-separated
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Loaded(text=text, encoding=encoding, format="txt", tables=[])

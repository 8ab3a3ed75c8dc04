"""Turn a report file's bytes into a `Loaded` (text + tables + page metadata).

`load` picks the loader from the file extension, or sniffs the content when
the extension says nothing.  Whatever goes wrong inside a decoder or parser
comes out as `LoadError` with a one-line reason, so one unreadable file
becomes an `ingest-error` finding instead of stopping the run.
"""

from __future__ import annotations

import io
import zipfile

from auditor.ingest.encoding import DecodeError
from auditor.ingest.loaded import Loaded, LoadError

TXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".jhtml", ".phtml"})
DOCX_SUFFIXES = frozenset({".docx"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 / other OLE compound files
_LEGACY_DOC = "legacy .doc (Word 97-2003) is not supported; convert to .docx"


def _suffix(path_name: str) -> str:
    name = path_name.replace("\\", "/").rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def sniff(data: bytes) -> str | None:
    """Guess the format from the content: 'pdf', 'docx', 'doc', 'html' or None."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_OLE_MAGIC):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return "docx" if "word/document.xml" in zf.namelist() else None
        except Exception:  # a corrupt zip is not a docx we can read
            return None
    low = head.replace(b"\x00", b"").lower()  # NULs: an HTML page saved as UTF-16
    if b"<html" in low or b"<!doctype html" in low:
        return "html"
    return None


def _format_for(path_name: str, data: bytes) -> str:
    """The loader to use: the extension's, unless the content clearly is something else."""
    suffix = _suffix(path_name)
    by_ext = None
    if suffix in TXT_SUFFIXES:
        by_ext = "txt"
    elif suffix in HTML_SUFFIXES:
        by_ext = "html"
    elif suffix in DOCX_SUFFIXES:
        by_ext = "docx"
    elif suffix in PDF_SUFFIXES:
        by_ext = "pdf"
    elif suffix in (".doc", ".dot", ".wps"):
        by_ext = "doc"
    sniffed = sniff(data)
    if by_ext is None:
        return sniffed or "txt"
    if sniffed is None or sniffed == by_ext:
        return by_ext
    # Renamed downloads are common: an HTML error page saved as .pdf, a .docx named
    # .doc, a PDF named .html.  A binary signature or an <html> page outranks the name,
    # except that text files that merely contain markup stay text.
    if by_ext == "txt" and sniffed == "html":
        return "txt"
    return sniffed


def _one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    if len(msg) > 200:
        msg = msg[:197] + "..."
    return msg or type(exc).__name__


def load(path_name: str, data: bytes) -> Loaded:
    """Load one report file; raises `LoadError` (only) when it cannot be read."""
    if not data:
        raise LoadError("empty file (0 bytes)")
    fmt = _format_for(path_name, data)
    if fmt == "doc":
        raise LoadError(_LEGACY_DOC)
    try:
        if fmt == "txt":
            from auditor.ingest.txt import load_txt

            return load_txt(data)
        if fmt == "html":
            from auditor.ingest.html import load_html

            return load_html(data)
        if fmt == "docx":
            from auditor.ingest.docx import load_docx

            return load_docx(data)
        from auditor.ingest.pdf import load_pdf

        return load_pdf(data)
    except LoadError:
        raise
    except DecodeError as exc:
        raise LoadError(f"cannot decode text: {_one_line(exc)}") from exc
    except RecursionError as exc:
        raise LoadError(f"not a valid .{fmt} (structure nested too deeply)") from exc
    except MemoryError as exc:
        raise LoadError(f"not a valid .{fmt} (too large to parse)") from exc
    except Exception as exc:  # any parser failure is a per-file error, never a crash
        raise LoadError(f"not a valid .{fmt} ({type(exc).__name__}: {_one_line(exc)})") from exc

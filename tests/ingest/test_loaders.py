"""`load()` dispatch, content sniffing and error reporting."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from docx import Document

from auditor.ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load, sniff
from auditor.model import DocumentMeta

HTML = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><p>政府信息公开工作年度报告</p></body></html>"


def _docx(text: str = "政府信息公开工作年度报告") -> bytes:
    doc = Document()
    doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_supported_suffixes():
    assert {".txt", ".text", ".html", ".htm", ".shtml", ".xhtml", ".jhtml", ".phtml", ".docx", ".pdf"} == set(SUPPORTED_SUFFIXES)


def test_txt_is_decoded_only():
    data = "一、总体情况\r\n本年度新收申请12件。\r\n".encode("gb18030")
    loaded = load("report.txt", data)
    assert (loaded.format, loaded.encoding) == ("txt", "gb18030")
    assert loaded.text == "一、总体情况\n本年度新收申请12件。\n"
    assert loaded.tables == [] and loaded.meta == DocumentMeta()


@pytest.mark.parametrize("name", ["a.html", "a.HTM", "a.shtml", "a.xhtml", "a.jhtml", "a.phtml"])
def test_html_suffixes(name):
    loaded = load(name, HTML.encode("utf-8"))
    assert loaded.format == "html"
    assert loaded.text == "政府信息公开工作年度报告"


def test_dispatch_docx_and_sniffing():
    data = _docx()
    assert load("r.docx", data).format == "docx"
    assert sniff(data) == "docx"
    assert load("download", data).format == "docx"  # no extension: sniffed
    assert load("r.doc", data).format == "docx"  # a .docx saved as .doc
    assert load("page.asp", HTML.encode("utf-8")).format == "html"
    assert load("r.pdf", HTML.encode("utf-8")).format == "html"  # an HTML error page named .pdf
    assert load("notes", "纯文本".encode("utf-8")).format == "txt"
    assert sniff(b"%PDF-1.4\n") == "pdf"
    assert sniff(b"<html><body>x</body></html>".decode().encode("utf-16-le")) == "html"


def test_legacy_doc():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(LoadError, match=r"^legacy \.doc \(Word 97-2003\) is not supported; convert to \.docx$"):
        load("report.doc", ole)
    with pytest.raises(LoadError, match="legacy .doc"):
        load("report.bin", ole)  # sniffed


def test_empty_file():
    for name in ("a.txt", "a.html", "a.docx", "a.pdf", "a"):
        with pytest.raises(LoadError, match="empty file"):
            load(name, b"")


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.docx", "a.pdf", "a.xyz", "a"])
def test_binary_garbage(name):
    garbage = bytes(range(256)) * 4 + os.urandom(2048)
    with pytest.raises(LoadError) as info:
        load(name, garbage)
    message = str(info.value)
    assert message and "\n" not in message


def test_corrupt_docx_message():
    data = _docx()
    with pytest.raises(LoadError, match=r"not a valid \.docx"):
        load("r.docx", data[: len(data) // 3])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "not word")
    with pytest.raises(LoadError, match=r"not a valid \.docx \(zip archive has no word/document.xml\)"):
        load("r.docx", buf.getvalue())


def test_truncated_pdf():
    with pytest.raises(LoadError, match=r"\.pdf"):
        load("r.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")

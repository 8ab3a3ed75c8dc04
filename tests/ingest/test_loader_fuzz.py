"""Fuzzing every loader: random bytes, truncated archives, mutated real files (issue 13).

The contract is that a file that cannot be read is an `ingest-error` finding
with a reason, never a crash: `load` may only raise `LoadError`, and
`read_source` never raises at all.
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.ingest import read_source
from auditor.ingest.discover import SourceFile
from auditor.ingest.loaded import Loaded
from auditor.ingest.loaders import LoadError, load
from tests.conftest import FIXTURES, SEEDS

NAMES = ("r.txt", "r.html", "r.docx", "r.pdf", "r")
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("某县统计局2021年政府信息公开工作年度报告")
    t = d.add_table(rows=2, cols=3)
    for i, v in enumerate(["本年新收", "3", "3"]):
        t.cell(0, i).text = v
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _pdf_bytes() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Annual report 2021: 12 items published, 3 applications")
    return bytes(pdf.output())


SAMPLES = {
    "r.txt": next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").encode("gb18030"),
    "r.html": ("<html><head><meta charset='utf-8'></head><body><div id='zoom'><p>"
               + (FIXTURES / "clean" / "town-2021.txt").read_text(encoding="utf-8").replace("\n", "</p><p>")
               + "</p><table><tr><td>本年新收</td><td>3</td></tr></table></div></body></html>").encode("utf-8"),
    "r.docx": _docx_bytes(),
    "r.pdf": _pdf_bytes(),
}


def _load_is_safe(name: str, data: bytes) -> None:
    try:
        out = load(name, data)
    except LoadError as exc:
        assert str(exc)  # a reason a person can read
        return
    assert isinstance(out, Loaded) and isinstance(out.text, str)


@FUZZ
@given(st.sampled_from(NAMES), st.binary(max_size=4096))
def test_random_bytes_never_escape_a_loader(name, data):
    _load_is_safe(name, data)


@FUZZ
@given(st.sampled_from(sorted(SAMPLES)), st.data())
def test_truncated_files_never_escape_a_loader(name, data):
    raw = SAMPLES[name]
    cut = data.draw(st.integers(0, len(raw)))
    _load_is_safe(name, raw[:cut])


@FUZZ
@given(st.sampled_from(sorted(SAMPLES)), st.data())
def test_mutated_files_never_escape_a_loader(name, data):
    raw = bytearray(SAMPLES[name])
    for _ in range(data.draw(st.integers(1, 12))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    _load_is_safe(name, bytes(raw))


@FUZZ
@given(st.sampled_from(NAMES), st.binary(max_size=2048))
def test_read_source_turns_any_file_into_documents(tmp_path_factory, name, data):
    folder = tmp_path_factory.mktemp("fuzz")
    path: Path = folder / name
    path.write_bytes(data)
    docs = read_source(SourceFile(path, folder, name))
    assert docs and all((d.error is None) == bool(d.text) or d.error for d in docs)

"""Property: a random valid table, rendered in any format, reads back to the same cells.

Hypothesis draws the era, the cell values (through the spec seed), the
format and the typographic accidents of real copies — "—" or blank for
zero, wrapped header cells, no serial numbers, traditional characters,
full-width digits — renders the report, loads it through the ordinary
loaders and the canonical text, recognises the standard tables and
compares every cell.  A blank is read as "not filled in" (None), and can
only be represented where cells keep their places (tabs, `|`, real tables).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.extract.tables import _tokens, recognise
from auditor.ingest import documents_from_loaded
from auditor.ingest.loaders import load
from tests.tables import tablegen as g

POSITIONAL = {"tab", "pipe", "html", "docx", "pdf"}
ERAS = ["2019", "2021", "A"]


def expected(spec: g.Spec, zero: str) -> dict[tuple[str, str, str], Decimal | None]:
    exp: dict[tuple[str, str, str], Decimal | None] = {}
    if spec.era == "A":
        cells = {("stat", k, "value"): str(v) for k, v in spec.stat.items()}
    else:
        cells = {("t3", r, c): str(v) for (r, c), v in spec.t3.items()}
        cells |= {("t4", r, c): str(v) for (r, c), v in spec.t4.items()}
        cells |= {("t2", r, c): v for (r, c), v in spec.t2.items()}
    for k, v in cells.items():
        exp[k] = None if (zero == "" and v in ("0", "0.00")) else g.value_of(v)
    return exp


def read_back(name: str, data: bytes):
    docs = documents_from_loaded(name, load(name, data))
    assert len(docs) == 1
    doc = docs[0]
    tables = recognise(_tokens(doc), doc.text)  # not extract_tables: a crash must fail the test
    got = {}
    for key, t in tables.items():
        for (r, c), cv in t.cells.items():
            got[(key, r, c)] = cv.value
            if cv.text:
                assert doc.text[cv.start : cv.end] == cv.text  # spans point at the printed value
    return got


def assert_same(spec: g.Spec, zero: str, got) -> None:
    exp = expected(spec, zero)
    wrong = {k: (got.get(k, "missing"), v) for k, v in exp.items() if got.get(k, "missing") != v}
    assert not wrong, dict(list(wrong.items())[:6])
    assert set(got) <= set(exp), sorted(set(got) - set(exp))[:6]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    era=st.sampled_from(ERAS),
    seed=st.integers(0, 10**6),
    style=st.sampled_from(g.TEXT_STYLES + ("html", "html-gb18030")),
    zero=st.sampled_from(["0", "—", ""]),
    wrap=st.booleans(),
    serials=st.booleans(),
    traditional=st.booleans(),
    fullwidth=st.booleans(),
)
def test_text_and_html_round_trip(era, seed, style, zero, wrap, serials, traditional, fullwidth):
    if zero == "" and style not in POSITIONAL and not style.startswith("html"):
        zero = "0"
    spec = g.clean_spec(era, seed=seed)
    if style.startswith("html"):
        enc = "gb18030" if style.endswith("gb18030") else "utf-8"
        data = g.report_html(spec, zero=zero, wrap=wrap, charset="gb2312" if enc == "gb18030" else "utf-8").encode(enc)
        got = read_back("r.html", data)
    else:
        text = g.report_text(spec, style, zero=zero, wrap=wrap, serials=serials, traditional=traditional, fullwidth=fullwidth, seed=seed)
        got = read_back("r.txt", text.encode("gb18030" if traditional else "utf-8"))
    assert_same(spec, zero, got)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(era=st.sampled_from(ERAS), seed=st.integers(0, 10**6), zero=st.sampled_from(["0", "—", ""]), wrap=st.booleans())
def test_docx_round_trip(era, seed, zero, wrap):
    spec = g.clean_spec(era, seed=seed)
    assert_same(spec, zero, read_back("r.docx", g.report_docx(spec, zero=zero, wrap=wrap)))


def test_pdf_round_trip(table_font):
    font = table_font("".join(g.all_text(g.clean_spec(era, seed=11)) for era in ERAS))

    @settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(era=st.sampled_from(ERAS), seed=st.integers(0, 10**6), zero=st.sampled_from(["0", "—"]))
    def run(era, seed, zero):
        spec = g.clean_spec(era, seed=seed)
        assert_same(spec, zero, read_back("r.pdf", g.report_pdf(spec, font, zero=zero)))

    run()

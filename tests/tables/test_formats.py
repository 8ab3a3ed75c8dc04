"""Every format × every era: clean reports are silent, planted breaks are found exactly.

For each era (2019 试行 layout, 2021 layout, era-A 统计表) and each format
(text flattened five ways, HTML, DOCX, GB18030 text and HTML, PDF) a clean
report and one report per planted break are audited together with the
table rules on.  The independent oracle says which identity instances each
planted spec breaks; the findings must be exactly those, each pointing at
the planted cell (evidence span and marked cell of `data.table`) with an
equation that shows both sides.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.checks._util import fmt
from tests.tables import oracle
from tests.tables import tablegen as g
from tests.tables.conftest import audit_files

ERAS = ["2019", "2021", "A"]
FORMATS = ["tab", "spaces", "pipe", "lines", "lines_blank", "html", "gb18030-txt", "gb18030-html"]  # one report per break
SLOW_FORMATS = ["docx", "pdf"]  # every break in one report (writing these takes a while)


def render(spec: g.Spec, fmt_: str, font=None, seed: int = 0) -> tuple[str, bytes]:
    if fmt_ in g.TEXT_STYLES:
        return "txt", g.report_text(spec, fmt_, wrap=True, seed=seed).encode("utf-8")
    if fmt_ == "html":
        return "html", g.report_html(spec, wrap=True).encode("utf-8")
    if fmt_ == "docx":
        return "docx", g.report_docx(spec, wrap=True)
    if fmt_ == "gb18030-txt":
        return "txt", g.report_text(spec, "lines_blank", traditional=True, fullwidth=True, seed=seed).encode("gb18030")
    if fmt_ == "gb18030-html":
        return "html", g.report_html(spec, charset="gb2312").encode("gb18030")
    if fmt_ == "pdf":
        return "pdf", g.report_pdf(spec, font)
    raise ValueError(fmt_)


def breaks(era: str):
    return oracle.BREAKS_A if era == "A" else oracle.BREAKS_BC


def _instance(f) -> str:
    return f.data.get("row") or f.data.get("column")


def check_clean(result, doc_id: str) -> None:
    found = [f.message for f in result.findings if doc_id in f.documents]
    assert found == [], found


def check_planted(result, doc_id: str, spec: g.Spec, edits) -> int:
    """Assert the findings of one planted report; returns how many planted cells were located."""
    doc = next(d for d in result.documents if d.id == doc_id)
    mine = [f for f in result.findings if doc_id in f.documents]
    assert all(f.category == "table-identity" for f in mine), [f.message for f in mine]
    got = {(f.rule, _instance(f)) for f in mine}
    assert got == oracle.failing(spec), sorted(got)
    located = 0
    for f in mine:
        stated, computed = f.data["stated"], f.data["computed"]
        assert stated != computed and f"= {fmt(stated)}" in f.data["equation"] and f"= {fmt(computed)}" in f.data["equation"]
        assert f.evidence and all(doc.text[e.start : e.end] == e.text for e in f.evidence)
        table_key = {"TAB00": "t3", "TAB02": "stat"}.get(f.rule[:5], "t4" if f.rule in ("TAB004", "TAB005", "TAB006") else "t3")
        t = doc.std_tables[table_key]
        for tk, row, col in oracle.planted_cells(edits):
            if tk != table_key or (row, col) not in t.cells:
                continue
            pos = t.render([(row, col)])["marked"][0]
            if pos in f.data["table"]["marked"]:
                cv = t.cells[(row, col)]
                assert doc.text[cv.start : cv.end] == cv.text
                assert any(e.end == cv.end for e in f.evidence), (f.message, cv)
                located += 1
    return located


@pytest.mark.parametrize("fmt_", FORMATS)
@pytest.mark.parametrize("era", ERAS)
def test_clean_and_planted(tmp_path, era, fmt_):
    spec = g.clean_spec(era, seed=11)
    names = {}
    ext, data = render(spec, fmt_)
    (tmp_path / f"clean.{ext}").write_bytes(data)
    for name, edits in breaks(era):
        ext, data = render(oracle.plant(spec, edits), fmt_)
        fname = f"{name}.{ext}"
        (tmp_path / fname).write_bytes(data)
        names[fname] = edits
    result = audit_files([tmp_path])
    assert not any(d.error for d in result.documents)
    check_clean(result, f"clean.{ext}")
    located = 0
    for fname, edits in names.items():
        planted = oracle.plant(spec, edits)
        assert oracle.failing(planted), fname  # every break breaks something
        located += check_planted(result, fname, planted, edits)
    assert located >= len(names)  # each break found at its cell at least once


def test_i3_bal_equation_shows_both_sides(tmp_path):
    spec = g.clean_spec("2021", seed=5)
    planted = oracle.plant(spec, [("t3", "carried_out", "TOT", 1), ("t3", "carried_out", "NP", 1)])
    (tmp_path / "r.txt").write_text(g.report_text(planted, "tab"), encoding="utf-8")
    result = audit_files([tmp_path], select=["TAB003"])
    f = next(f for f in result.findings if f.data["column"] == "TOT")
    t3 = planted.t3
    a, b, c, d = (t3[(k, "TOT")] for k in ("new", "carried_in", "total", "carried_out"))
    assert f.data["equation"] == f"一+二 = {a}+{b} = {a + b} ≠ （七）总计+四 = {c}+{d} = {c + d}"
    assert (f.data["stated"], f.data["computed"]) == (Decimal(a + b), Decimal(c + d))
    rows = f.data["table"]["rows"]
    assert rows[0][-1] == "总计" and len(f.data["table"]["marked"]) == 4
    assert all(rows[r][col] != "" for r, col in f.data["table"]["marked"])


@pytest.mark.parametrize("fmt_", SLOW_FORMATS)
def test_clean_and_all_breaks_at_once(tmp_path, table_font, fmt_):
    font = table_font("".join(g.all_text(g.clean_spec(era, seed=11)) for era in ERAS)) if fmt_ == "pdf" else None
    for era in ERAS:
        spec = g.clean_spec(era, seed=11)
        edits = [e for _, es in breaks(era) for e in es]
        ext, data = render(spec, fmt_, font)
        (tmp_path / f"clean-{era}.{ext}").write_bytes(data)
        (tmp_path / f"planted-{era}.{ext}").write_bytes(render(oracle.plant(spec, edits), fmt_, font)[1])
    result = audit_files([tmp_path])
    assert not any(d.error for d in result.documents)
    for era in ERAS:
        spec = g.clean_spec(era, seed=11)
        edits = [e for _, es in breaks(era) for e in es]
        check_clean(result, f"clean-{era}.{ext}")
        assert check_planted(result, f"planted-{era}.{ext}", oracle.plant(spec, edits), edits) >= len(breaks(era))


@pytest.mark.parametrize(
    "era,year,found",
    [("2019", 2022, "2019"), ("2021", 2020, "2021"), ("2021", 2016, "2021"), ("A", 2020, "A")],
)
def test_wrong_era_layout(tmp_path, era, year, found):
    spec = g.clean_spec(era, year=year, seed=2)
    (tmp_path / "r.html").write_text(g.report_html(spec), encoding="utf-8")
    result = audit_files([tmp_path], select=["TAB010"])
    assert [f.data["found"] for f in result.findings] == [found]
    assert all(e.text for f in result.findings for e in f.evidence)


def test_right_era_layout_is_silent(tmp_path):
    for era in ERAS:
        spec = g.clean_spec(era, seed=2)
        (tmp_path / f"r{era}.txt").write_text(g.report_text(spec, "pipe"), encoding="utf-8")
    assert audit_files([tmp_path], select=["TAB010"]).findings == []

"""Cross-year rules over a series of one agency's reports.

Three consecutive reports (2021, 2022, 2023), each in another format, whose
上年结转 is the previous year's 结转下年度 in every column and whose 现行有效件数
progresses: silent.  One carry-over break in the last year: exactly one
`cross-year` finding naming the 2023 report and the 2022 one.
"""

from __future__ import annotations

from tests.tables import tablegen as g
from tests.tables.conftest import audit_files

YEARS = (2021, 2022, 2023)
APPLICANTS = g.T3_COLS[:-1]


def _tot(spec: g.Spec) -> None:
    for row, _ in g.t3_rows(spec.era):
        spec.t3[(row, "TOT")] = sum(spec.t3[(row, c)] for c in APPLICANTS)


def series(agencies=("某某县交通运输局",) * 3) -> list[g.Spec]:
    """Three linked 2021-format reports: carry-over and documents in force chain correctly."""
    out: list[g.Spec] = []
    for i, year in enumerate(YEARS):
        s = g.clean_spec("2021", year=year, seed=40 + i, agency=agencies[i])
        if out:
            prev = out[-1]
            for c in APPLICANTS:
                ci = prev.t3[("carried_out", c)]
                s.t3[("carried_in", c)] = ci
                total, co = s.t3[("total", c)], s.t3[("carried_out", c)]
                if total + co < ci:
                    s.t3[("carried_out", c)] = co = ci - total
                s.t3[("new", c)] = total + co - ci
            for row in ("regulations", "normative_docs"):
                valid = int(prev.t2[(row, "valid")]) + int(s.t2[(row, "made")])
                repealed = min(int(s.t2[(row, "repealed")]), valid)
                s.t2[(row, "repealed")] = str(repealed)
                s.t2[(row, "valid")] = str(valid - repealed)
        _tot(s)
        out.append(s)
    return out


def write(tmp_path, specs: list[g.Spec]) -> list[str]:
    names = []
    for spec, kind in zip(specs, ("html", "docx", "txt")):
        name = f"report-{spec.year}.{kind}"
        data = {"html": lambda: g.report_html(spec).encode(), "docx": lambda: g.report_docx(spec), "txt": lambda: g.report_text(spec, "lines").encode()}[kind]()
        (tmp_path / name).write_bytes(data)
        names.append(name)
    return names


def test_clean_series_is_silent(tmp_path):
    write(tmp_path, series())
    result = audit_files([tmp_path])
    assert [d.year for d in result.documents] == list(YEARS)
    assert len({d.agency for d in result.documents}) == 1
    assert result.findings == [], [f.message for f in result.findings]


def test_one_carry_over_break_gives_one_finding(tmp_path):
    specs = series()
    last = specs[-1]
    for c in ("NP", "TOT"):  # the 2023 report carries over one application too many; its own table still balances
        last.t3[("carried_in", c)] += 1
        last.t3[("carried_out", c)] += 1
    names = write(tmp_path, specs)
    result = audit_files([tmp_path])
    assert len(result.findings) == 1, [f.message for f in result.findings]
    f = result.findings[0]
    assert (f.rule, f.category, f.severity.value) == ("XY001", "cross-year", "warning")
    assert f.documents == [names[2], names[1]]  # later report first
    assert {m["key"] for m in f.data["mismatches"]} == {"NP", "TOT"}
    tot = next(m for m in f.data["mismatches"] if m["key"] == "TOT")
    assert (tot["later"], tot["expected"]) == (last.t3[("carried_in", "TOT")], specs[1].t3[("carried_out", "TOT")])
    assert {e.document for e in f.evidence} == {names[2], names[1]}
    assert "2022→2023" in f.message and "2023年 二" in f.data["equation"] and "2022年 四" in f.data["equation"]
    assert f.data["table"]["marked"]


def test_valid_documents_progression_break(tmp_path):
    specs = series()
    specs[1].t2[("normative_docs", "valid")] = str(int(specs[1].t2[("normative_docs", "valid")]) + 2)
    specs[2].t2[("normative_docs", "valid")] = str(int(specs[2].t2[("normative_docs", "valid")]) + 2)
    names = write(tmp_path, specs)
    result = audit_files([tmp_path])
    got = [(f.rule, tuple(f.documents)) for f in result.findings]
    assert got == [("XY002", (names[1], names[0]))], [f.message for f in result.findings]


def test_agency_written_with_its_province_is_the_same_series_at_info(tmp_path):
    specs = series(("某某县交通运输局", "某某省某某县交通运输局", "某某省某某县交通运输局"))
    for c in ("NP", "TOT"):
        specs[1].t3[("carried_in", c)] += 1
        specs[1].t3[("carried_out", c)] += 1
        specs[2].t3[("carried_in", c)] += 1  # the link 2022→2023 stays intact
        specs[2].t3[("carried_out", c)] += 1
    for s in specs[1:]:
        _tot(s)
    names = write(tmp_path, specs)
    result = audit_files([tmp_path])
    assert [(f.rule, f.severity.value, tuple(f.documents)) for f in result.findings] == [("XY001", "info", (names[1], names[0]))]
    assert "写法不同" in result.findings[0].message


def test_other_agency_is_not_linked(tmp_path):
    specs = series(("某某县交通运输局", "某某县财政局", "某某县交通运输局"))
    specs[1].t3[("carried_in", "NP")] += 5
    specs[1].t3[("carried_out", "NP")] += 5
    _tot(specs[1])
    write(tmp_path, specs)
    assert [f.rule for f in audit_files([tmp_path]).findings] == []

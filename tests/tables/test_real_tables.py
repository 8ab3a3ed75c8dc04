"""Table fragments of the shared real corpus (page copies of published reports).

The figures that hold must raise nothing; the format anomalies the
corpus manifest notes must be found: 038 and 040 are 2021 reports laid out
in the 2019 columns, 055 is a 2016 report in the 2021 table.  Skipped when
../shared/corpus/real is absent.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import REAL
from tests.tables.conftest import audit_files

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="shared corpus not present")

TABLE_FILES = ["024", "027", "035", "036", "038", "040", "055", "092"]


@pytest.fixture(scope="module")
def real():
    return audit_files([REAL])


def _doc(result, name):
    return next(d for d in result.documents if d.id == f"{name}.txt")


def test_fragments_are_recognised(real):
    seen = {d.id.split(".")[0]: {k: t.era for k, t in d.std_tables.items()} for d in real.documents if d.std_tables}
    assert sorted(seen) == TABLE_FILES
    assert seen["036"] == {"t2": "2019", "t3": ""}  # cut before （六）: the era of 三 is not visible
    assert seen["024"] == {"t4": ""} and seen["027"] == {"t3": "", "t4": ""}
    assert seen["055"] == {"t2": "2021"} and seen["092"] == {"t2": "2021"}


def test_cells_as_printed(real):
    t2 = _doc(real, "035").std_tables["t2"]  # template notes left in the row labels
    assert [t2.value("normative_docs", c) for c in ("made_new", "published_new", "total_public")] == [34, 4, 47]
    assert t2.rows == ["regulations", "normative_docs", "extra1"]
    assert _doc(real, "055").std_tables["t2"].value("normative_docs", "valid") == 4
    t3 = _doc(real, "036").std_tables["t3"]  # one cell per line, blank lines, stray spaces
    assert t3.rows == ["new", "carried_in", "granted", "partial"]
    assert all(v.value == Decimal(0) for v in t3.cells.values())
    for name in ("024", "027"):  # fifteen zeros on one line under a vertically written heading
        t4 = _doc(real, name).std_tables["t4"]
        assert len(t4.cells) == 15 and all(v.value == 0 for v in t4.cells.values())
    assert _doc(real, "027").std_tables["t3"].rows == ["carried_out"]


def test_no_false_table_findings_and_the_noted_format_anomalies(real):
    got = sorted((f.rule, f.documents[0]) for f in real.findings)
    assert got == [("TAB010", "038.txt"), ("TAB010", "040.txt"), ("TAB010", "055.txt")], [f.message for f in real.findings]
    by_doc = {f.documents[0]: f for f in real.findings}
    assert by_doc["038.txt"].data["found"] == "2019" and by_doc["038.txt"].data["expected"] == "2021"
    assert by_doc["055.txt"].data["found"] == "2021" and by_doc["055.txt"].data["year"] == 2016
    assert "本年制发件数" in " ".join(e.text for e in by_doc["055.txt"].evidence)

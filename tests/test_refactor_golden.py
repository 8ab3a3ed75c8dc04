"""The refactor changes no finding: runs today equal the record made before it.

`benchmarks.golden` recorded, at the commit before issue 14's refactor, the
canonical findings on the seed, the shared real and dev corpora and the
benchmark corpora.  Each test re-runs one of them with the code as it is now
and names every finding lost or gained.  A change that *means* to move
findings (a detection improvement) re-records with
``python -m benchmarks.golden record`` in its own commit.
"""

from __future__ import annotations

import pytest

from benchmarks.golden import CORPORA, differences, run_corpus

SMALL = [gc for gc in CORPORA if gc.name != "bench-10000"]  # the 10,000 are checked by `make bench`


@pytest.mark.parametrize("gc", SMALL, ids=[gc.name for gc in SMALL])
def test_findings_equal_the_record(gc):
    if not gc.available():
        pytest.skip(f"{gc.folder} is not here (a clone without ../shared)")
    assert differences(gc.name, run_corpus(gc, jobs=1)) == []


def test_jobs_two_equal_the_record():
    """The parallel path is held to the same record (the 1,000 generated reports)."""
    gc = next(g for g in CORPORA if g.name == "bench-1000")
    assert differences(gc.name, run_corpus(gc, jobs=2)) == []

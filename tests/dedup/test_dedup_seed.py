"""The seed compilation: part 3 (a 2012 summary) copies part 2 (the 2009 summary)."""

import re
from pathlib import Path

import pytest

from auditor.dedup import DedupParams, find_pairs

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_e0f2844ddd246cd5.txt"


def _parts() -> list[tuple[str, str]]:
    text = SEED.read_text(encoding="utf-8")
    chunks = [c for c in re.split(r"(?m)^(?=第.{1,3}篇[:：])", text) if c.strip()]
    return [(f"{SEED.name}#{k}", c) for k, c in enumerate(chunks, 1)]


@pytest.mark.parametrize("params", [None, DedupParams(exhaustive_below=0)], ids=["exhaustive", "lsh"])
def test_seed_copied_summary_is_paired_and_others_are_not(params):
    docs = _parts()
    assert len(docs) == 5
    pairs = {(p.a.split("#")[1], p.b.split("#")[1]): p for p in find_pairs(docs, params)}
    p23 = pairs[("2", "3")]
    assert p23.jaccard >= 0.85
    assert any(not q.boilerplate and q.a_end - q.a_start > 1000 for q in p23.passages)
    assert not [k for k in pairs if "4" in k or "5" in k]
    # the 2009 report and the 2009 summary of the same agency share many passages
    assert ("1", "2") in pairs and pairs[("1", "2")].containment >= 0.5
    changes = [c for q in p23.passages for c in q.changes]
    assert {"kind": "number", "a_text": "2009", "b_text": "2012"}.items() <= next(
        c for c in changes if c["kind"] == "number"
    ).items()

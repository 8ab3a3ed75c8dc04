"""One organ, two spellings (issue 12, family 8: the relation must say "same organ")."""

from __future__ import annotations

import pytest

from auditor.engine.corpus import Corpus
from auditor.extract.meta import agency_key
from auditor.extract.organ_names import same_organ
from auditor.model import Document


@pytest.mark.parametrize(
    "a,b",
    [
        ("威海市文登区财政局", "文登区财政局"),
        ("某省某市人民政府办公室", "某市人民政府办公室"),
        ("甲县乙镇人民政府", "乙镇人民政府"),
        ("甲市乙区丙街道办事处", "乙区丙街道办事处"),
    ],
)
def test_city_prefix_does_not_make_another_organ(a, b):
    assert same_organ(agency_key(a), agency_key(b))


@pytest.mark.parametrize(
    "a,b",
    [
        ("甲市财政局", "财政局"),            # a bare department name could be any county's
        ("甲县乙镇人民政府", "丙镇人民政府"),
        ("甲市统计局", "乙市统计局"),
        ("甲县审计局", "甲县审计局办公室"),  # not a tail
    ],
)
def test_other_organs_stay_apart(a, b):
    assert not same_organ(agency_key(a), agency_key(b))


def test_corpus_relation_uses_the_tail_rule():
    a, b = (Document(id=n, source=n, part=None, format="txt", encoding="utf-8", raw="x", text="x") for n in ("a.txt", "b.txt"))
    a.agency, a.year = "甲市乙区财政局", 2021
    b.agency, b.year = "乙区财政局", 2022
    assert Corpus([a, b]).relation(a, b) == "same-agency-other-year"

"""End-to-end behaviour of `find_pairs` on synthetic reports with known edits."""

import numpy as np
import pytest

from auditor.dedup import DedupParams, find_pairs
from auditor.dedup.candidates import band_pairs, candidate_pairs, containment_pairs
from auditor.dedup.minhash import signatures
from auditor.dedup.shingle import ShingleSet
from dedup_synth import POOL_A, POOL_B, random_prose, report

LSH = DedupParams(exhaustive_below=0)  # force the MinHash/LSH path on small inputs


def _copied():
    src = report(POOL_A, "青山区民政局", 2019, seed=1)
    cpy = report(POOL_A, "白水县交通委", 2020, seed=2)
    return src, cpy


@pytest.mark.parametrize("params", [None, LSH], ids=["exhaustive", "lsh"])
def test_copied_report_found_with_changes_at_right_offsets(params):
    src, cpy = _copied()
    pairs = find_pairs([("src", src.text), ("copy", cpy.text)], params)
    assert len(pairs) == 1
    p = pairs[0]
    assert (p.a, p.b, p.relation) == ("src", "copy", "")
    assert p.jaccard >= 0.8 and p.containment >= 0.8
    real = [q for q in p.passages if not q.boilerplate]
    assert real, "copied text must give non-boilerplate passages"
    covered = sum(q.a_end - q.a_start for q in p.passages)
    assert covered >= 0.8 * len(src.text)
    changes = [c for q in p.passages for c in q.changes]
    by_a = {tuple(c["a"]): c for c in changes}
    # every changed figure or year inside a passage is listed whole, as a number, at both offsets
    for kind in ("n", "year"):
        for (sa, ea, va), (sb, eb, vb) in zip(src.slots_of(kind), cpy.slots_of(kind)):
            inside = any(q.a_start <= sa and ea <= q.a_end for q in p.passages)
            if va == vb or not inside:
                continue
            c = by_a[(sa, ea)]
            assert c["kind"] == "number" and c["b"] == [sb, eb]
            assert (c["a_text"], c["b_text"]) == (va, vb)
    numbers = [c for c in changes if c["kind"] == "number"]
    assert len(numbers) >= 10
    # the agency name inside the body is a 'name' change at the right offsets
    names = [c for c in changes if c["kind"] == "name"]
    body_names = list(zip(src.slots_of("agency"), cpy.slots_of("agency")))[1:-1]
    assert body_names
    for (sa, ea, va), (sb, eb, vb) in body_names:
        c = by_a[(sa, ea)]
        assert c in names and c["b"] == [sb, eb] and (c["a_text"], c["b_text"]) == (va, vb)
    for q in p.passages:
        assert src.text[q.a_start : q.a_end] and cpy.text[q.b_start : q.b_end]
        assert 0.0 < q.similarity <= 1.0


@pytest.mark.parametrize("params", [None, LSH], ids=["exhaustive", "lsh"])
def test_honest_reports_sharing_only_genre_formulas_are_not_paired(params):
    a = report(POOL_A, "青山区民政局", 2020, seed=3)
    b = report(POOL_B, "白水县交通委", 2020, seed=4)
    assert "一、总体情况" in a.text and "一、总体情况" in b.text
    assert find_pairs([("a", a.text), ("b", b.text)], params) == []


@pytest.mark.parametrize("params", [None, LSH], ids=["exhaustive", "lsh"])
def test_short_report_pasted_into_long_one_is_found_by_containment(params):
    short = report(POOL_A, "青山区民政局", 2019, seed=5, sentences=5, formulas=False).text
    host = report(POOL_B, "白水县交通委", 2021, seed=6).text
    cut = host.index("三、收到")
    long_ = host[:cut] + short + host[cut:]
    pairs = find_pairs([("short", short), ("other", random_prose(7, 600)), ("long", long_)], params)
    assert [(p.a, p.b) for p in pairs] == [("short", "long")]
    p = pairs[0]
    assert p.containment_ab >= 0.9
    assert p.jaccard < 0.6  # a Jaccard-only detector would be borderline here
    q = max(p.passages, key=lambda q: q.a_end - q.a_start)
    assert q.b_start >= cut - 1 and q.b_end <= cut + len(short) + 1


def test_deterministic_and_sorted_in_input_order():
    src, cpy = _copied()
    other = report(POOL_B, "白水县交通委", 2020, seed=9)
    docs = [("z-copy", cpy.text), ("other", other.text), ("a-src", src.text), ("again", cpy.text)]
    runs = [find_pairs(docs, params) for params in (None, None, LSH, LSH)]
    dump = [[(p.as_dict(), [vars(q) for q in p.passages]) for p in r] for r in runs]
    assert dump[0] == dump[1] and dump[2] == dump[3] and dump[0] == dump[2]
    assert [(p.a, p.b) for p in runs[0]] == [("z-copy", "a-src"), ("z-copy", "again"), ("a-src", "again")]
    assert runs[0][1].jaccard == 1.0


def test_banding_finds_the_same_pairs_as_exhaustive_comparison():
    docs = [(f"d{k}", f"第{k}区政府办{2015 + k % 5}年报告。" + random_prose(k, 300 + 40 * k)) for k in range(40)]
    src = docs[7][1]
    docs.append(("copy-of-d7", src.replace("第7区", "某县").replace("2017", "2018")))
    docs.append(("d3-inside", random_prose(100, 800) + docs[3][1] + random_prose(101, 500)))
    exhaustive = find_pairs(docs)
    banded = find_pairs(docs, LSH)
    assert [(p.a, p.b) for p in banded] == [(p.a, p.b) for p in exhaustive]
    assert [(p.a, p.b) for p in banded] == [("d3", "d3-inside"), ("d7", "copy-of-d7")]


def test_band_pairs_sorted_unique_and_skip_inactive():
    rng = np.random.default_rng(0)
    sigs = rng.integers(0, 2**32, size=(6, 16), dtype=np.uint32)
    sigs[3] = sigs[1]
    sigs[5] = sigs[1]
    sigs[4, :2] = sigs[0, :2]
    got = band_pairs(sigs, 8, 2)
    assert got.tolist() == [[0, 4], [1, 3], [1, 5], [3, 5]]
    active = np.array([True, True, True, True, True, False])
    assert band_pairs(sigs, 8, 2, active).tolist() == [[0, 4], [1, 3]]


def test_candidate_pairs_include_containment_pairs_at_any_size_ratio():
    short = random_prose(1, 400)
    docs = [("short", short), ("long", random_prose(2, 6000) + short + random_prose(3, 2000))]
    docs += [(f"x{k}", random_prose(10 + k, 500 + 300 * k)) for k in range(5)]
    shingles = ShingleSet.build(docs)
    sizes = np.array([len(f) for f in shingles.features])
    assert sizes[1] > 15 * sizes[0]  # Jaccard ~0.05: invisible to the banding alone
    sigs = signatures(shingles.features)
    assert band_pairs(sigs, 32, 2).tolist() == []
    assert containment_pairs(shingles.features).tolist() == [[0, 1]]
    assert candidate_pairs(sigs, shingles.features).tolist() == [[0, 1]]
    pairs = find_pairs(docs, LSH)
    assert [(p.a, p.b) for p in pairs] == [("short", "long")] and pairs[0].containment_ab >= 0.95


def test_passages_of_genre_formulas_are_marked_boilerplate():
    from auditor.dedup.align import align

    a = report(POOL_A, "青山区民政局", 2020, seed=3).text
    b = report(POOL_B, "白水县交通委", 2020, seed=4).text
    shingles = ShingleSet.build([("a", a), ("b", b)])
    passages = align(shingles.docs[0], shingles.docs[1], a, b, shingles.stop)
    assert passages and all(q.boilerplate for q in passages)
    assert any("中华人民共和国政府信息公开条例" in a[q.a_start : q.a_end] for q in passages)

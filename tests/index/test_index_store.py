"""The index file: exact document round trip, frozen stop set, staleness, rebuild, candidates."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from auditor.dedup import DedupParams, ShingleSet
from auditor.index import CorpusIndex, StaleIndexError, is_index_file
from auditor.index.build import add, add_entries, build, check_fresh, rebuild
from auditor.index.gate import find_candidates
from auditor.ingest import document_from_text, read_documents
from auditor.pipeline import analyse
from tests.gate import reportgen


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """24 reports: 6 agencies x 2021-2024."""
    root = tmp_path_factory.mktemp("corpus")
    for r in reportgen.corpus(6, seed=21):
        (root / r.filename).write_text(r.text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def index(corpus, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("idx") / "corpus.db"
    out = build(path, [corpus], jobs=1)
    assert out.documents == 24 and not out.skipped
    return path


def _copy(src: Path, dst: Path) -> Path:
    con = sqlite3.connect(src)
    bck = sqlite3.connect(dst)
    con.backup(bck)
    con.close()
    bck.close()
    return dst


def test_documents_come_back_exactly_as_ingest_made_them(tmp_path):
    html = (
        "<html><head><title>某市统计局2021年政府信息公开工作年度报告</title></head><body>"
        "<h1>某市统计局2021年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>２０２１年,我局主动公开信息１２条。</p>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>3</td></tr></table>"
        "<p>某市统计局</p><p>2022年1月10日</p></body></html>"
    )
    (tmp_path / "r.html").write_text(html, encoding="utf-8")
    (tmp_path / "r.txt").write_text("某县水务局2019年政府信息公开工作年度报告\r\n\r\n全年公开信息 86 条。\r\n", encoding="utf-8")
    out = add(tmp_path / "i.db", [tmp_path / "r.html", tmp_path / "r.txt"], jobs=1)
    assert sorted(out.added) == ["r.html", "r.txt"]
    fresh = {d.id: d for d in read_documents([tmp_path / "r.html", tmp_path / "r.txt"])}
    with CorpusIndex(tmp_path / "i.db") as idx:
        stored = {d.id: d for d in idx.documents(range(1, 10))}
    for doc_id, d in fresh.items():
        s = stored[doc_id]
        assert (s.text, s.to_raw, s.raw, s.format, s.encoding, s.source, s.part) == (
            d.text, d.to_raw, d.raw, d.format, d.encoding, d.source, d.part)
        assert s.tables == d.tables
        assert s.meta == d.meta
        analyse(s)
        analyse(d)
        assert (s.title, s.agency, s.year) == (d.title, d.agency, d.year)
    assert stored["r.html"].tables, "tables survive the round trip"
    assert is_index_file(tmp_path / "i.db") and not is_index_file(tmp_path / "r.txt")


def test_stop_set_is_the_corpus_document_frequency(index, corpus):
    """The frozen stop set is exactly what `audit run` computes on the same corpus."""
    from auditor.dedup import corpus as dcorpus

    params = DedupParams()
    docs = read_documents([corpus])
    run_frequent = dcorpus.stop_hashes([dcorpus.doc_set(d.text, params) for d in docs], params)
    with CorpusIndex(index) as idx:
        st = idx.state()
    assert len(st.frequent) > 0 and np.array_equal(st.frequent, run_frequent)
    assert np.array_equal(st.stop, dcorpus.full_stop(run_frequent, params))
    legacy = ShingleSet.build([(d.id, d.text) for d in docs])  # counts template shingles too: same union
    assert np.array_equal(st.stop, np.union1d(legacy.template, legacy.frequent))
    assert st.stop_docs == 24


@pytest.mark.parametrize("cap", [None, 100, 5])
def test_spill_counts_like_the_in_memory_path(tmp_path, cap):
    """Counted one hash range at a time, the stop set is the whole corpus' (the absolute cap included)."""
    from auditor.dedup import corpus as dcorpus
    from auditor.index.spill import SetSpill

    rng = np.random.default_rng(1)
    common = rng.integers(0, 2**32, 50, dtype=np.uint64).astype(np.uint32)
    sets = [np.unique(np.concatenate([rng.integers(0, 2**32, 300, dtype=np.uint64).astype(np.uint32),
                                      common[: rng.integers(0, 50)]])) for _ in range(60)]
    params = DedupParams(max_df_docs=cap)
    with SetSpill(tmp_path, parts=4) as spill:
        for s_ in sets:
            spill.add(s_)
        got = spill.frequent(lambda ss: dcorpus.stop_hashes(ss, params))
        back = [x for batch in spill.batches(7) for x in batch]
    assert np.array_equal(got, dcorpus.stop_hashes(sets, params)) and len(got) > 0
    if cap == 5:  # 5 documents binds before 30% of 60
        assert len(got) > len(dcorpus.stop_hashes(sets, DedupParams(max_df_docs=None)))
    assert all(np.array_equal(a, b) for a, b in zip(back, sets)) and len(back) == 60
    assert not list(tmp_path.iterdir())  # the spill removes its files


@pytest.mark.parametrize("verify_df_share", [0.01, 0.25])
def test_index_and_run_agree_on_the_stop_sets_when_the_absolute_cap_binds(corpus, tmp_path, monkeypatch,
                                                                         verify_df_share):
    """A shingle in more than ``max_df_docs`` reports is boilerplate for `audit run` and the index alike.

    The cap (100 reports) only binds past ~333 reports, where 30% is more; here
    it is lowered to 3 of the 24 reports so that it binds.  The scoring stop
    set (shingles in more than ``verify_df_share`` of the reports: it differs
    past 10,000 reports) is lowered too in the second case.  Build and rebuild
    freeze exactly the sets the run computes, and a check uses them.
    """
    from auditor import audit
    from auditor.config import Config
    from auditor.dedup import corpus as dcorpus
    from auditor.index import gate

    params = DedupParams(max_df_docs=3, verify_df_share=verify_df_share)
    sets = [dcorpus.doc_set(d.text, params) for d in read_documents([corpus])]
    relative_only = dcorpus.stop_hashes(sets, DedupParams(max_df_docs=None))
    capped = dcorpus.stop_hashes(sets, params)
    assert set(relative_only.tolist()) < set(capped.tolist()), "the cap must bind in this test"

    computed: dict[str, list] = {"stop_sets": []}

    def spy(name):
        real = getattr(dcorpus, name)

        def wrapper(*args):
            computed[name].append(real(*args))
            return computed[name][-1]

        monkeypatch.setattr(dcorpus, name, wrapper)

    monkeypatch.setattr(Config, "dedup_params", lambda self: params)
    spy("stop_sets")
    audit([corpus], Config())  # `audit run`'s path
    ((run_frequent, run_scored),) = computed["stop_sets"]
    assert np.array_equal(run_scored, dcorpus.verify_stop_hashes(sets, params, run_frequent))
    assert np.array_equal(run_frequent, capped)
    assert np.array_equal(run_scored, run_frequent) == (verify_df_share * 24 <= 3)
    monkeypatch.undo()

    path = tmp_path / "capped.db"
    build(path, [corpus], params, jobs=1)
    with CorpusIndex(path) as idx:
        built = idx.state()
    rebuild(path, params, jobs=1)
    with CorpusIndex(path) as idx:
        rebuilt = idx.state()
    for st in (built, rebuilt):
        assert np.array_equal(st.frequent, run_frequent)
        assert np.array_equal(st.frequent if st.scored is None else st.scored, run_scored)

    passed = {}

    def find_pairs(docs, p, frequent=None, scored=None):
        passed.update(frequent=frequent, scored=scored)
        return []

    monkeypatch.setattr(Config, "dedup_params", lambda self: params)
    monkeypatch.setattr(gate, "find_pairs", find_pairs)
    new = tmp_path / "new.txt"
    new.write_text(reportgen.corpus(6, seed=21)[5].text.replace("2024", "2025"), encoding="utf-8")
    gate.check_against_index([new], path, Config())
    assert np.array_equal(passed["frequent"], run_frequent)
    assert np.array_equal(run_frequent if passed["scored"] is None else passed["scored"], run_scored)


def test_signatures_are_those_of_the_run(index, corpus):
    """Stored signatures = dedup's MinHash of the features (run's stop set) of each document."""
    from auditor.dedup.minhash import signatures

    docs = read_documents([corpus])
    ss = ShingleSet.build([(d.id, d.text) for d in docs])  # the in-memory path: full sets minus template ∪ DF
    want = dict(zip((d.id for d in docs), signatures(ss.features)))
    with CorpusIndex(index) as idx:
        rows = idx.con.execute("SELECT id, sig, nfeat FROM documents").fetchall()
    for doc_id, sig, nfeat in rows:
        assert np.array_equal(np.frombuffer(sig, dtype="<u4"), want[doc_id])
        assert nfeat == len(ss.features[[d.id for d in docs].index(doc_id)])


def test_candidates_are_the_copy_and_the_agency_series(index, corpus):
    reports = reportgen.corpus(6, seed=21)
    last = reports[3]  # first agency, 2024
    copy = reportgen.next_year_copy(reports[7], random.Random(1))  # second agency, 2024 re-dated
    honest = reportgen.report(last.agency, 2025, last.state, random.Random(2))
    new = []
    for name, text in (("copy.txt", copy), ("honest.txt", honest.text)):
        new.extend(document_from_text(text, name))
    for d in new:
        analyse(d)
    with CorpusIndex(index) as idx:
        cands, _ = find_candidates(idx, new, DedupParams())
    by_id = {c.id: c for c in cands}
    assert by_id[reports[7].filename].why.startswith("lsh") and by_id[reports[7].filename].estimate > 0.9
    # the honest report's agency series within a year: 2024 only (2025 ± 1)
    assert by_id[last.filename].why == "series"
    assert reports[2].filename not in by_id  # 2023 is two years away
    assert reports[6].filename not in by_id  # the copy claims 2025: its agency's 2023 is out of reach too


def test_stale_index_is_refused_and_rebuilt(index, tmp_path):
    path = _copy(index, tmp_path / "stale.db")
    with CorpusIndex(path) as idx:
        before = idx.con.execute("SELECT id, sig FROM documents ORDER BY pk").fetchall()
        bands = idx.con.execute("SELECT count(*) FROM bands").fetchone()[0]
        v = idx.info("versions")
        v["pipeline"] = "0000000000000000"
        v["sketch"]["n"] = 4
        with idx.write():
            idx.set_info("versions", v)
            idx.con.execute("UPDATE documents SET sig = zeroblob(512), agency_key = ''")
            idx.con.execute("DELETE FROM bands")
        with pytest.raises(StaleIndexError) as exc:
            check_fresh(idx, DedupParams())
    msg = str(exc.value)
    assert "rebuild" in msg and "n 4 -> 5" in msg and "normaliser/shingling code" in msg
    with pytest.raises(StaleIndexError):
        add(path, [tmp_path], jobs=1)  # refused before anything is written
    rebuild(path, jobs=1)
    with CorpusIndex(path) as idx:
        check_fresh(idx, DedupParams())
        assert idx.con.execute("SELECT id, sig FROM documents ORDER BY pk").fetchall() == before
        assert idx.con.execute("SELECT count(*) FROM bands").fetchone()[0] == bands
        assert idx.con.execute("SELECT count(*) FROM documents WHERE agency_key = ''").fetchone()[0] == 0


def test_changed_thresholds(index):
    with CorpusIndex(index) as idx:
        check_fresh(idx, DedupParams(min_jaccard=0.9, min_containment=0.9))  # query-time only: fine
        with pytest.raises(StaleIndexError, match="lsh_threshold 0.3 -> 0.5"):
            check_fresh(idx, DedupParams(lsh_threshold=0.5))


def test_rule_pack_change_is_only_a_note(index, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    with CorpusIndex(index) as idx:
        notes = check_fresh(idx, DedupParams(), rules_dir=rules)
    assert notes and "rule pack changed" in notes[0]


def test_add_replaces_by_id_and_skips_identical(index, tmp_path):
    path = _copy(index, tmp_path / "add.db")
    reports = reportgen.corpus(6, seed=21)
    src = tmp_path / "in"
    src.mkdir()
    (src / reports[0].filename).write_text(reports[0].text, encoding="utf-8")
    out = add(path, [src], jobs=1)
    assert out.unchanged == [reports[0].filename] and out.documents == 24
    (src / reports[0].filename).write_text(reports[0].text.replace("未收取信息处理费", "未收取任何信息处理费"), encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    out = add(path, [src], jobs=1)
    assert out.replaced == [reports[0].filename] and out.documents == 24
    assert [s[0] for s in out.skipped] == ["empty.txt"]
    with CorpusIndex(path) as idx:
        st = idx.state()
        pk, sig = idx.con.execute("SELECT pk, sig FROM documents WHERE id = ?", (reports[0].filename,)).fetchone()
        assert pk == 25  # a new row; the old row and its bands are gone
        n_bands = idx.con.execute("SELECT count(*) FROM bands WHERE pk = ?", (pk,)).fetchone()[0]
        assert n_bands == st.sketch.bands
        assert idx.con.execute("SELECT count(*) FROM bands WHERE pk NOT IN (SELECT pk FROM documents)").fetchone()[0] == 0


def test_first_add_initialises_a_new_index(tmp_path):
    reports = reportgen.corpus(2, seed=3)
    for r in reports:
        (tmp_path / r.filename).write_text(r.text, encoding="utf-8")
    out = add(tmp_path / "new.db", [tmp_path], jobs=1)
    assert out.documents == 8
    with CorpusIndex(tmp_path / "new.db") as idx:
        st = idx.state()
        assert idx.con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert st.stop_docs == 8 and len(st.frequent) == 0  # too few documents for a frequency
    assert add_entries(tmp_path / "new.db", [], create=False).documents == 8


def test_build_refuses_to_overwrite_and_leaves_no_temp(index, corpus, tmp_path):
    from auditor.index import CorpusIndexError

    with pytest.raises(CorpusIndexError, match="already exists"):
        build(index, [corpus], jobs=1)
    assert not list(index.parent.glob(".*.tmp"))
    with pytest.raises(CorpusIndexError, match="not an index"):
        CorpusIndex(corpus / reportgen.corpus(6, seed=21)[0].filename)


def test_queries_use_the_indexes(index):
    """Point look-ups only: a check must not scan a 100,000-report index."""
    with CorpusIndex(index) as idx:
        st = idx.state()
        sig = np.frombuffer(idx.con.execute("SELECT sig FROM documents LIMIT 1").fetchone()[0], dtype="<u4")
        assert idx.lsh_candidates(sig.astype(np.uint32), st)
        plans = []
        real = idx.con.execute

        def spy(q, *a):
            if q.lstrip().upper().startswith(("SELECT", "WITH")):
                plans.extend(r[3] for r in real("EXPLAIN QUERY PLAN " + q, *a).fetchall())
            return real(q, *a)

        con = idx.con
        idx.con = type("Spy", (), {"execute": staticmethod(spy)})()
        idx.lsh_candidates(sig.astype(np.uint32), st)
        idx.series("某县水务局", 2021)
        idx.con = con
    scans = [p for p in plans if p.startswith("SCAN") and "CONSTANT ROW" not in p and not p.startswith("SCAN v")]
    assert plans and not scans, plans

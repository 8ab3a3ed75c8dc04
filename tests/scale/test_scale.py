"""The scaled pipeline (`auditor.scale`): same findings with any number of
workers, with the Dask engine, and as the in-memory path; its parts."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from auditor.api import audit, audit_documents
from auditor.ingest import read_documents
from benchmarks.generate import generate

TODAY = date(2026, 6, 30)


def _findings(result) -> str:
    p = result.payload()
    return json.dumps([p["findings"], p["pairs"], p["documents"]], sort_keys=True, ensure_ascii=False, default=str)


@pytest.fixture(scope="module")
def corpus300(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("c300")
    generate(300, folder, seed=11)
    return folder


def test_generator_is_deterministic_and_independent_of_jobs(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    ta = generate(120, a, seed=3, jobs=1)
    tb = generate(120, b, seed=3, jobs=2)
    assert ta == tb
    files = sorted(p.relative_to(a).as_posix() for p in a.rglob("*.txt"))
    assert files == sorted(p.relative_to(b).as_posix() for p in b.rglob("*.txt")) and len(files) == 120
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    assert ta["duplicate_pairs"] and ta["figure_errors"]
    # every copy's source is in the corpus, every family member is a document
    assert all(d["copy_of"] in ta["documents"] for d in ta["documents"].values() if d["copy_of"])
    assert all(m in ta["documents"] for f in ta["families"] for m in f)


def test_jobs_2_equals_jobs_1_equals_in_memory(corpus300):
    one = audit([corpus300], today=TODAY, jobs=1)
    two = audit([corpus300], today=TODAY, jobs=2)
    mem = audit_documents(read_documents([corpus300]), today=TODAY, roots=[str(corpus300)])
    assert _findings(one) == _findings(two) == _findings(mem)
    assert one.timings.counts["candidates"] == two.timings.counts["candidates"] > 0
    truth = json.loads((corpus300 / "truth.json").read_text(encoding="utf-8"))
    found = {tuple(sorted(f.documents[:2])) for f in one.findings if f.rule == "DUP001"}
    assert {tuple(p) for p in truth["duplicate_pairs"]} <= found


def test_dask_engine_equals_local_engine_on_1000_reports(tmp_path_factory):
    pytest.importorskip("distributed")
    from auditor.config import Config

    folder = tmp_path_factory.mktemp("c1000")
    generate(1000, folder, seed=5, jobs=2)
    # every corpus-scope kind and the figure rules; the text-quality patterns are
    # per-document regexes that add time, not engine behaviour
    cfg = Config(select=["near-duplicate", "sum-mismatch", "cross-year", "cumulative-mismatch", "contradiction", "table-identity"])
    local = audit([folder], cfg, today=TODAY, jobs=2)
    dask = audit([folder], cfg, today=TODAY, jobs=2, engine="dask")
    assert dask.timings.counts["engine"].startswith("dask")
    assert dask.timings.counts["candidates"] == local.timings.counts["candidates"]
    assert _findings(dask) == _findings(local)
    assert {f.rule for f in local.findings} >= {"DUP001", "SUM001"}


def test_cli_jobs_and_timings(corpus300, tmp_path):
    exe = shutil.which("audit", path=str(Path(sys.executable).parent)) or "audit"
    out = tmp_path / "out"
    p = subprocess.run(
        [exe, "run", str(corpus300), "--out", str(out), "--jobs", "2", "--timings", str(tmp_path / "t.json"), "--format", "json", "--fail-on", "never"],
        capture_output=True, text=True, env=dict(os.environ, CI="true"), timeout=300,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    t = json.loads((tmp_path / "t.json").read_text())
    assert {"per_document", "signatures", "candidates", "verification", "alignment", "rules", "output"} <= set(t["stages"])
    assert t["counts"]["documents"] == 300 and t["peak_rss_mb"]["main"] > 0
    bad = subprocess.run([exe, "run", str(corpus300), "--engine", "spark"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "--engine" in bad.stderr


def test_a_shelved_document_loads_back_whole(corpus300):
    """A worker ships a light document and a shelf; the store gives the whole document back on request."""
    from auditor.engine.corpus import Corpus
    from auditor.ingest import read_source
    from auditor.ingest.discover import discover
    from auditor.pipeline import analyse
    from auditor.scale.store import DocumentStore, shelve

    src = next(s for s in discover([corpus300]) if s.rel.endswith(".txt"))
    doc = analyse(read_source(src)[0])
    light, shelf = shelve(doc, src.path, src.root)
    assert light.quantities == [] and light.std_tables == {} and light.raw == "" and light.summary() == doc.summary()
    store = DocumentStore()
    store.add(doc.id, pickle.loads(pickle.dumps(shelf)))  # the trip back from a worker
    whole = store.load(light)
    for name in ("text", "agency", "year", "quantities", "breakdowns", "sections", "std_tables"):
        assert getattr(whole, name) == getattr(doc, name), name
    facts_only = store.load(light, "facts")
    assert facts_only.quantities == doc.quantities and facts_only.std_tables == {}
    assert store.raw_text(light) == (doc.raw, doc.to_raw)
    assert Corpus([light], store=store).full(light, "tables").std_tables == doc.std_tables
    assert Corpus([doc]).full(doc) is doc  # in memory there is nothing to load


def test_frequent_hashes_by_range_equal_one_sort_and_respect_the_cap():
    from auditor.dedup import shingle

    rng = np.random.default_rng(0)
    common = rng.integers(0, 2**32, 50, dtype=np.uint32)
    sets = [shingle.sorted_unique(np.concatenate([rng.integers(0, 2**32, 300, dtype=np.uint32), common[: 10 + i % 40]])) for i in range(400)]
    whole = shingle.frequent_hashes(sets, 0.3, 20)
    old = shingle._COUNT_BLOCK
    try:
        shingle._COUNT_BLOCK = 1000  # force counting hash range by hash range
        assert np.array_equal(shingle.frequent_hashes(sets, 0.3, 20), whole)
        capped = shingle.frequent_hashes(sets, 0.3, 20, max_df_docs=100)
        both = shingle.frequent_hashes_many(sets, [120, 100, 30], 20)
    finally:
        shingle._COUNT_BLOCK = old
    counts = {int(h): sum(bool(np.isin(h, s)) for s in sets) for h in common}
    assert set(whole.tolist()) == {h for h, c in counts.items() if c > 120}
    assert set(capped.tolist()) == {h for h, c in counts.items() if c > 100}
    assert [set(b.tolist()) for b in both] == [{h for h, c in counts.items() if c > k} for k in (120, 100, 30)]


def test_stop_sets_count_once_what_the_two_stop_functions_count():
    from auditor.dedup import DedupParams
    from auditor.dedup import corpus as dcorpus
    from auditor.dedup import shingle

    rng = np.random.default_rng(1)
    common = rng.integers(0, 2**32, 60, dtype=np.uint32)
    sets = [shingle.sorted_unique(np.concatenate([rng.integers(0, 2**32, 200, dtype=np.uint32), common[: i % 60]])) for i in range(600)]
    for params in (DedupParams(max_df_docs=50, verify_df_share=0.15), DedupParams(max_df_docs=50, verify_df_share=0.01), DedupParams(max_df_docs=None)):
        frequent, scored = dcorpus.stop_sets(sets, params)
        assert np.array_equal(frequent, dcorpus.stop_hashes(sets, params))
        assert np.array_equal(scored, dcorpus.verify_stop_hashes(sets, params, frequent))
        assert (scored is frequent) == (dcorpus.verify_stop_hashes(sets, params, frequent) is frequent)
    frequent, scored = dcorpus.stop_sets(sets, DedupParams(max_df_docs=50, verify_df_share=0.15))
    assert 0 < scored.size < frequent.size  # the two limits differ here (90 and 50 documents)


def test_batched_signatures_and_vectorised_banding_match_the_simple_versions():
    from auditor.dedup.candidates import band_keys, band_pairs
    from auditor.dedup.minhash import signature, signatures

    rng = np.random.default_rng(1)
    base = rng.integers(0, 2**32, 400, dtype=np.uint32)
    sets = [np.unique(np.concatenate([base[: rng.integers(0, 400)], rng.integers(0, 2**32, rng.integers(0, 3000), dtype=np.uint32)])) for _ in range(60)]
    sigs = signatures(sets, block=1000)
    assert np.array_equal(sigs, np.stack([signature(s) for s in sets]))
    keys = band_keys(sigs, 59, 2)
    expect = {(i, j) for i in range(60) for j in range(i + 1, 60) if len(sets[i]) and len(sets[j]) and (keys[i] == keys[j]).any()}
    got = band_pairs(sigs, 59, 2, np.array([len(s) > 0 for s in sets]))
    assert {tuple(p) for p in got.tolist()} == expect


def test_html_of_a_huge_run_lists_the_most_severe_findings_and_counts_all(tmp_path):
    from auditor.report.html import build_view, render_html
    from auditor.report.writers import html_payload
    from tests.conftest import SEEDS

    payload = html_payload(audit([SEEDS], today=TODAY))
    n = len(payload["findings"])
    assert n > 3
    view = build_view(payload, max_findings=3)
    assert view["findings_partial"] and view["n_findings"] == n and len(view["data"]["findings"]) == 3
    assert sum(view["sev_counts"].values()) == n
    assert [f["sev"] for f in view["data"]["findings"]][0] == "error"
    assert not build_view(payload)["findings_partial"]
    assert "Huge corpus" not in render_html(payload)


def test_long_lived_keeps_objects_out_of_collections_and_restores_the_collector():
    import gc

    from auditor.scale.heap import THRESHOLDS, long_lived

    before = gc.get_threshold()
    gc.unfreeze()  # an earlier test in this worker process may have left objects frozen
    assert gc.get_freeze_count() == 0
    with long_lived() as keep:
        assert gc.get_threshold() == THRESHOLDS
        held = [[i] for i in range(1000)]
        keep()
        assert gc.get_freeze_count() >= len(held)
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own frozen objects are left frozen
    try:
        with long_lived() as keep:
            keep()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

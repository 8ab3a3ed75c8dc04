"""What keeps `audit check`'s start-up short changes no result.

The CI gate's latency is mostly start-up (benchmarks/check_latency.py): the
rule pack comes from a per-user cache, the genre template is hashed in one
pass, and modules a check does not need are not imported.  Each shortcut is
checked against the plain way of computing the same thing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from auditor import cache
from auditor.checks import check_kinds
from auditor.dedup import shingle
from auditor.dedup.views import matching_view
from auditor.engine import rules as rules_mod
from auditor.engine.rules import RULES_DIR, RuleError, load_rules
from tests.gate.conftest import next_year, write_new


# ------------------------------------------------------------------ genre template
def _template_line_by_line(path: Path, n: int, seed: int) -> np.ndarray:
    """The definition: every phrase shingled on its own, plus the placeholder run."""
    parts = [np.array([shingle.token_hash(shingle.PLACEHOLDER * n, seed)], dtype=np.uint32)]
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        v = matching_view(line)
        if len(v) >= n:
            parts.append(shingle.shingle_hashes(v, n, seed))
    return shingle.sorted_unique(np.concatenate(parts))


@pytest.mark.parametrize("n,seed", [(5, 1), (3, 7), (8, 1), (1, 2)])
def test_template_in_one_pass_is_the_phrases_shingled_one_by_one(tmp_path, n, seed):
    tricky = tmp_path / "boilerplate.txt"
    tricky.write_text(
        "// a comment line\n  政府信息公开工作年度报告  \n\n第1\n.5项工作\n共12,\n345件 ABC公开\n"
        "短\n依申请公开2019年度\n2020年\n\t年度报告\n",
        encoding="utf-8",
    )
    for path in (tricky, shingle.BOILERPLATE_PATH):
        got = shingle.template_hashes(n, seed, path)
        assert np.array_equal(got, _template_line_by_line(path, n, seed)), path


def test_union_is_numpys_union():
    rng = np.random.default_rng(3)
    a, b = (rng.integers(0, 2**32, k, dtype=np.uint64).astype(np.uint32) for k in (500, 300))
    b[:50] = a[:50]
    got = shingle.union(a, b)
    assert got.dtype == np.uint32 and np.array_equal(got, np.union1d(a, b))
    assert shingle.union(np.zeros(0, np.uint32), np.zeros(0, np.uint32)).size == 0


# ---------------------------------------------------------------- rule pack cache
def _fingerprint(rules) -> list:
    kinds = check_kinds()
    return [
        (r.id, r.spec.model_dump(by_alias=True), r.params.model_dump(), r.kind.name, r.kind is kinds[r.kind.name],
         r.path, r.severity, r.options)
        for r in rules
    ]


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(d))
    return d


@pytest.fixture()
def pack(tmp_path) -> Path:
    """A private copy of the rule pack, free to edit."""
    return Path(shutil.copytree(RULES_DIR, tmp_path / "rules"))


def test_cached_rule_pack_is_the_parsed_one(cache_dir, pack, monkeypatch):
    monkeypatch.setenv("AUDIT_CACHE_DIR", "off")
    plain = _fingerprint(load_rules(pack))
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(cache_dir))
    first = load_rules(pack)  # parsed, then cached
    assert _fingerprint(first) == plain and list(cache_dir.glob("rules-*.pickle"))

    def no_parsing(path):
        raise AssertionError(f"{path} parsed although the pack is cached")

    monkeypatch.setattr(rules_mod, "load_rule", no_parsing)
    first[0].severity = rules_mod.Severity.info  # callers adjust their copies ...
    first[0].options["today"] = "x"
    again = load_rules(pack)
    assert _fingerprint(again) == plain  # ... which never reach the cache
    assert all(a is not b for a, b in zip(first, again))


def test_an_edited_rule_file_is_read_afresh(cache_dir, pack):
    load_rules(pack)
    f = next(pack.rglob("*.yml"))
    f.write_text(f.read_text(encoding="utf-8").replace("title: ", "title: EDITED ", 1), encoding="utf-8")
    assert any(r.spec.title.startswith("EDITED ") for r in load_rules(pack))


def test_a_broken_rule_file_is_an_error_even_after_caching(cache_dir, pack):
    load_rules(pack)
    f = next(pack.rglob("*.yml"))
    f.write_text(f.read_text(encoding="utf-8") + "\nunknown_key: 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RuleError, match="unknown_key"):
            load_rules(pack)


def test_a_damaged_or_unwritable_cache_is_ignored(cache_dir, pack, monkeypatch):
    plain = _fingerprint(load_rules(pack))
    (entry,) = cache_dir.glob("rules-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert _fingerprint(load_rules(pack)) == plain
    assert entry.read_bytes() != b"not a pickle"  # rewritten
    blocked = cache_dir / "file"
    blocked.write_text("")
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(blocked / "sub"))  # cannot be created
    assert _fingerprint(load_rules(pack)) == plain


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    cache.store("x", "k", 1)
    assert cache.load("x", "k") is None
    monkeypatch.delenv("AUDIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "auditor"
    cache.store("x", "k", {"a": 1})
    assert cache.load("x", "k") == {"a": 1} and cache.load("x", "other") is None


# ------------------------------------------------------------ what a check imports
# `audit` as the console script runs it, reporting which of the heavy modules it
# imported and whether pydantic scanned the installed distributions for plugins
# (it must not: `main` turns that off before pydantic builds its first model).
_PROBE = """
import importlib.metadata, sys
scans = []
def entry_points(_real=importlib.metadata.entry_points, **kw):
    scans.append(kw.get("group"))
    return _real(**kw)
importlib.metadata.entry_points = entry_points
import auditor
from auditor.cli import main
sys.argv = ["audit", *sys.argv[1:]]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
print("FROM", auditor.__file__)
print("SCANNED", " ".join(sorted(set(map(str, scans)))))
print("IMPORTED", code, " ".join(heavy))
"""
# Not needed to check one report against an index: report rendering (pandas, jinja2),
# other engines and loaders, the rule pack's YAML once it is cached, and numpy.ma
# (pulled in by np.unique / np.union1d: ~60 ms).
_HEAVY = ["pandas", "jinja2", "dask", "distributed", "datasketch", "rich", "playwright", "pdfplumber", "docx",
          "selectolax", "charset_normalizer", "yaml", "numpy.ma"]


def _snapshot_of_the_code(tmp_path: Path) -> Path:
    """A copy of the package as it is now, for the subprocesses of one test.

    The rule-pack cache is keyed by every module's size and mtime and an index
    by the source of its pipeline, so an edit of the working tree between two
    runs (another change in progress, a full-suite run under load that makes
    the window long) would make the second run re-read the YAML or refuse the
    index as stale: a failure of the timing, not of what is imported.  Runs of
    one snapshot see one version of the code, whatever happens meanwhile."""
    import auditor

    dst = tmp_path / "code"
    shutil.copytree(Path(auditor.__file__).parent, dst / "auditor", ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def test_check_imports_only_what_it_needs(archive, tmp_path):
    code_dir = _snapshot_of_the_code(tmp_path)
    env = dict(os.environ, CI="true", AUDIT_CACHE_DIR=str(tmp_path / "cache"),
               PYTHONPATH=os.pathsep.join(filter(None, [str(code_dir), os.environ.get("PYTHONPATH")])))
    env.pop("GITHUB_ACTIONS", None)
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)

    def audit_snapshot(*args: str) -> tuple[str, list[str], list[str]]:
        # the working directory is not the checkout's, whose `auditor` would come first on sys.path
        p = subprocess.run([sys.executable, "-c", _PROBE.format(heavy=_HEAVY), *args], capture_output=True,
                           text=True, env=env, cwd=tmp_path, timeout=600)
        out = dict(line.partition(" ")[::2] for line in p.stdout.splitlines() if line.split(" ")[0] in
                   ("FROM", "SCANNED", "IMPORTED"))
        assert "IMPORTED" in out, f"exit {p.returncode}: {p.stderr[-3000:]}"
        assert Path(out["FROM"]).is_relative_to(code_dir), out["FROM"]
        code, *heavy = out["IMPORTED"].split()
        assert code == "0", f"audit {' '.join(args[:2])} exited {code}: {p.stderr[-3000:]}"
        return code, heavy, out["SCANNED"].split()

    index = tmp_path / "index.db"  # built by the snapshot, so never stale for it
    audit_snapshot("index", "build", str(index), str(archive.root))
    new = write_new(tmp_path / "new", "next.txt", next_year(archive.latest(2)).text)
    args = ["check", str(new), "--against", str(index), "--out", str(tmp_path / "out"), "--format", "json"]
    audit_snapshot(*args)  # fills the caches, as the CI job's first run does
    _, heavy, scanned = audit_snapshot(*args)
    assert heavy == [], f"`audit check` imported {heavy}"
    assert "pydantic" not in scanned, "pydantic scanned the installed distributions for plugins"

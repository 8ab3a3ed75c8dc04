"""Latency of the CI gate: `audit check NEW --against INDEX` on a large index.

`run(n_docs)` builds (or reuses, cached under the temp folder) an index of
n generated reports (`tests/gate/reportgen.py`: 4 consecutive years of
n/4 agencies), then times `audit check` of one new report — next year's
report of an indexed agency, so the series look-up and the re-analysis of
candidates are exercised — end to end in a fresh subprocess, start-up
included, and reads the peak memory of that subprocess
(``resource.getrusage(RUSAGE_CHILDREN)`` in a small wrapper process that
runs nothing else).  Goal: under 1 s and 1 GB at 10,000 and 100,000 reports.

    python -m benchmarks.check_latency 10000 100000
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "auditor-bench"
REPEAT = 5

_WRAPPER = """
import resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(wall, rss, p.returncode)
sys.stderr.write(p.stderr.decode("utf-8", "replace")[-2000:])
"""


def _audit() -> str:
    exe = Path(sys.executable).parent / "audit"
    return str(exe) if exe.exists() else shutil.which("audit") or "audit"


def _generate(folder: Path, n_docs: int, seed: int = 11) -> list:
    """Write n_docs reports (n/4 agencies x 2021-2024) into folder/<agency>/<year>.txt."""
    sys.path.insert(0, str(ROOT))
    from tests.gate import reportgen

    rng = random.Random(seed)
    n_agencies = max(1, n_docs // 4)
    last = []
    written = 0
    for ag in reportgen.agencies(n_agencies, seed):
        years = range(2021, 2021 + min(4, n_docs - written))
        reports = reportgen.series(ag, years, rng)
        d = folder / ag.name
        d.mkdir(parents=True, exist_ok=True)
        for r in reports:
            (d / f"{r.year}.txt").write_text(r.text, encoding="utf-8")
        written += len(reports)
        last.append(reports[-1])
        if written >= n_docs:
            break
    return last


def _stale(index: Path) -> bool:
    sys.path.insert(0, str(ROOT))
    from auditor.dedup import DedupParams
    from auditor.index.stats import index_stats

    try:
        return bool(index_stats(index, DedupParams())["stale"])
    except Exception:
        return True


def prepare(n_docs: int) -> dict:
    """The cached corpus, index and new report for n_docs (built when missing or stale)."""
    base = CACHE / f"check-{n_docs}"
    corpus, index, new = base / "corpus", base / "index.db", base / "new"
    meta_path = base / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if not (corpus / ".complete").exists():
        shutil.rmtree(base, ignore_errors=True)
        corpus.mkdir(parents=True)
        t = time.perf_counter()
        last = _generate(corpus, n_docs)
        meta = {"generate_s": round(time.perf_counter() - t, 1)}
        sys.path.insert(0, str(ROOT))
        from tests.gate import reportgen

        new.mkdir(parents=True, exist_ok=True)
        r = last[len(last) // 2]
        nxt = reportgen.report(r.agency, r.year + 1, r.state, random.Random(5))
        (new / f"{r.agency.name}-{nxt.year}.txt").write_text(nxt.text, encoding="utf-8")
        (corpus / ".complete").write_text("")
        meta_path.write_text(json.dumps(meta))
    if not index.exists() or _stale(index):
        t = time.perf_counter()
        p = subprocess.run([_audit(), "index", "build", str(index), str(corpus), "--force"], capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(f"index build failed: {p.stderr[-2000:]}")
        meta["build_s"] = round(time.perf_counter() - t, 1)
        meta_path.write_text(json.dumps(meta))
    meta.update(corpus=str(corpus), index=str(index), new=str(next(new.iterdir())))
    return meta


def run(n_docs: int) -> dict:
    """Build or reuse the index of n_docs reports, time `audit check` of one report; the numbers."""
    meta = prepare(n_docs)
    out = Path(tempfile.mkdtemp(prefix="auditor-bench-out-"))
    cmd = [_audit(), "check", meta["new"], "--against", meta["index"], "--out", str(out), "--format", "json"]
    walls, rss, codes = [], [], []
    env = dict(os.environ, CI="true")
    env.pop("GITHUB_ACTIONS", None)
    for _ in range(REPEAT):
        p = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, env=env)
        wall, kib, code = p.stdout.split()
        walls.append(float(wall))
        rss.append(int(kib) / 1024)
        codes.append(int(code))
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    shutil.rmtree(out, ignore_errors=True)
    return {
        "n_docs": n_docs,
        "index_mb": round(Path(meta["index"]).stat().st_size / 1e6, 1),
        "build_s": meta.get("build_s"),
        "generate_s": meta.get("generate_s"),
        "check_s_median": round(statistics.median(walls), 3),
        "check_s_all": [round(w, 3) for w in walls],
        "peak_rss_mb": round(max(rss), 1),
        "exit_codes": sorted(set(codes)),
        "candidates": len(findings["run"].get("against", {}).get("candidates", [])),
        "goal": {"check_s": 1.0, "peak_rss_mb": 1024},
    }


def main(argv: list[str]) -> None:
    for n in [int(a) for a in argv] or [10_000, 100_000]:
        res = run(n)
        print(json.dumps(res, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])

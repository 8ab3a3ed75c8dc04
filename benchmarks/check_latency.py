"""Latency of the CI gate: `audit check NEW --against INDEX` on a large index.

`run(n_docs)` builds (or reuses, cached under the temp folder) an index of
n generated reports (`tests/gate/reportgen.py`: 4 consecutive years of
n/4 agencies), then times `audit check` of one new report — next year's
report of an indexed agency, so the series look-up and the re-analysis of
candidates are exercised — end to end in a fresh subprocess, start-up
included, and reads the peak memory of that subprocess
(``resource.getrusage(RUSAGE_CHILDREN)`` in a small wrapper process that
runs nothing else).  Goal: under 1 s and 1 GB at 10,000 and 100,000 reports.

Measured as on a CI runner that has the auditor installed: the package is
byte-compiled first (``pip install`` does that for an installed package; a
source tree run with ``PYTHONDONTWRITEBYTECODE`` would otherwise recompile
every module on every start), and one untimed run fills the per-user cache
of the validated rule pack and of the compiled regular expressions
(`auditor.cache`, `auditor.regex_cache`, in a fresh folder; a CI job keeps
it by caching ``~/.cache/auditor`` or setting ``AUDIT_CACHE_DIR``).
That first run's wall time is reported too (``cold_cache_check_s``), as is
``audit version`` (the start-up every command pays).

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
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, ru.ru_maxrss, p.returncode, ru.ru_utime + ru.ru_stime)  # ru_maxrss: KiB on Linux
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


def _timed(cmd: list[str], env: dict) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS (MB), exit code and CPU seconds of one fresh `audit` process.

    CPU time is reported beside wall time because on a shared machine the
    wall time also counts the time other jobs held the cores.
    """
    p = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, env=env)
    wall, kib, code, cpu = p.stdout.split()
    return float(wall), int(kib) / 1024, int(code), float(cpu)


def _byte_compile() -> None:
    """Compile the package's modules, as installing it does (quietly; a failure only costs time)."""
    import compileall

    compileall.compile_dir(str(ROOT / "auditor"), quiet=2)


def run(n_docs: int) -> dict:
    """Build or reuse the index of n_docs reports, time `audit check` of one report; the numbers."""
    meta = prepare(n_docs)
    _byte_compile()
    out = Path(tempfile.mkdtemp(prefix="auditor-bench-out-"))
    cache = Path(tempfile.mkdtemp(prefix="auditor-bench-cache-"))
    cmd = [_audit(), "check", meta["new"], "--against", meta["index"], "--out", str(out), "--format", "json"]
    env = dict(os.environ, CI="true", AUDIT_CACHE_DIR=str(cache))
    env.pop("GITHUB_ACTIONS", None)
    cold = _timed(cmd, env)[0]  # fills the rule-pack cache
    runs = [_timed(cmd, env) for _ in range(REPEAT)]
    versions = [_timed([_audit(), "version"], env)[0] for _ in range(REPEAT)]
    walls = [r[0] for r in runs]
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return {
        "n_docs": n_docs,
        "index_mb": round(Path(meta["index"]).stat().st_size / 1e6, 1),
        "build_s": meta.get("build_s"),
        "generate_s": meta.get("generate_s"),
        "check_s_median": round(statistics.median(walls), 3),
        "check_s_all": [round(w, 3) for w in walls],
        "check_cpu_s_median": round(statistics.median(r[3] for r in runs), 3),
        "cold_cache_check_s": round(cold, 3),
        "version_s_median": round(statistics.median(versions), 3),
        "peak_rss_mb": round(max(r[1] for r in runs), 1),
        "exit_codes": sorted({r[2] for r in runs}),
        "candidates": len(findings["run"].get("against", {}).get("candidates", [])),
        "load_avg": [round(x, 2) for x in os.getloadavg()],
        "goal": {"check_s": 1.0, "peak_rss_mb": 1024},
    }


def main(argv: list[str]) -> None:
    for n in [int(a) for a in argv] or [10_000, 100_000]:
        res = run(n)
        print(json.dumps(res, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])

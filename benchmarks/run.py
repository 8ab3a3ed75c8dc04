"""`make bench`: end-to-end `audit run` on generated corpora, written to benchmarks/RESULTS.md.

    python -m benchmarks.run                 # 1,000 and 10,000 reports
    python -m benchmarks.run --full          # and 100,000 (make bench BENCH_FULL=1)
    python -m benchmarks.run --sizes 2000 --no-latency --results /tmp/r.md

For each size: the corpus is generated once (`benchmarks.generate`, seed 7,
cached under reports_out/bench/), then ``audit run --jobs <cores> --timings``
runs as a subprocess exactly as a user would run it, with the memory of its
process tree sampled from /proc (`memwatch`).  Reported: reports/s, seconds
per stage, peak memory, the naive datasketch baseline measured on a sample in
the same run (`naive`), duplicate recall/precision and planted-error recall
against the generator's truth, the HTML report's size and render time, and
the CI-gate latency (`benchmarks.check_latency.run`) when that module is
present.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.generate import GENERATOR_VERSION, generate
from benchmarks.memwatch import MemWatch

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "reports_out" / "bench"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SEED = 7
NAIVE_SAMPLE = 200
TARGETS = {"sig_per_core": 2000, "naive_ratio": 100, "full_s": 300, "full_mem_mb": 4096, "scaling": 12, "recall": 0.99, "precision": 0.99}


def corpus(n: int, jobs: int) -> Path:
    folder = WORK / f"corpus-{n}-s{SEED}-g{GENERATOR_VERSION}"
    if not (folder / "truth.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        t = time.perf_counter()
        generate(n, folder, SEED, jobs)
        print(f"generated {n} reports in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    return folder


def _audit() -> str:
    exe = Path(sys.executable).with_name("audit")
    return str(exe) if exe.exists() else "audit"


def audit_run(folder: Path, out: Path, jobs: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    timings = out / "timings.json"
    cmd = [_audit(), "run", str(folder), "--out", str(out), "--jobs", str(jobs), "--timings", str(timings),
           "--fail-on", "never", "--format", "html,json"]
    t = time.perf_counter()
    with open(out / "stderr.txt", "w") as err:
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        with MemWatch(p.pid) as mw:
            code = p.wait()
    wall = time.perf_counter() - t
    if code not in (0, 1):
        raise RuntimeError(f"audit run exited {code}: {(out / 'stderr.txt').read_text()[-2000:]}")
    return {"wall_s": round(wall, 2), "memory": mw.as_dict(), "timings": json.loads(timings.read_text())}


def score(findings: dict, truth: dict) -> dict:
    """Duplicate recall/precision (DUP001) and planted-error recall (SUM001, table rules)."""
    truth_pairs = {tuple(sorted(p)) for p in truth["duplicate_pairs"]}
    found = {tuple(sorted(f["documents"][:2])) for f in findings["findings"] if f["rule"] == "DUP001"}
    hit = found & truth_pairs
    sums = {}
    for f in findings["findings"]:
        if f["rule"] == "SUM001":
            sums.setdefault(f["documents"][0], []).append(f)
    planted = [e for e in truth["figure_errors"] if e["kind"] == "breakdown-sum"]
    sum_hit = sum(1 for e in planted if any(str(f["data"].get("stated")) == str(e["stated"]) for f in sums.get(e["doc"], [])))
    planted_docs = {e["doc"] for e in planted}
    table = [e for e in truth["figure_errors"] if e["kind"] == "table3-row-total"]
    by_doc_tab = {f["documents"][0] for f in findings["findings"] if f["category"] == "table-identity"}
    return {
        "truth_pairs": len(truth_pairs),
        "reported_pairs": len(found),
        "dup_recall": round(len(hit) / len(truth_pairs), 4) if truth_pairs else 1.0,
        "dup_precision": round(len(hit) / len(found), 4) if found else 1.0,
        "missed_pairs": sorted(truth_pairs - found)[:5],
        "false_pairs": sorted(found - truth_pairs)[:5],
        "sum_planted": len(planted),
        "sum_recall": round(sum_hit / len(planted), 4) if planted else 1.0,
        "sum_false_docs": len(set(sums) - planted_docs),
        "table_planted": len(table),
        "table_recall": round(sum(1 for e in table if e["doc"] in by_doc_tab) / len(table), 4) if table else None,
    }


def bench_one(n: int, jobs: int, latency: bool) -> dict:
    from benchmarks import naive

    folder = corpus(n, jobs)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    out = WORK / f"out-{n}"
    load = os.getloadavg()[0]
    run = audit_run(folder, out, jobs)
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    tm = run["timings"]
    docs = tm["counts"].get("readable") or n
    w = tm["worker_seconds"]
    row = {
        "n": n,
        "jobs": jobs,
        "load_before": round(load, 2),
        "wall_s": run["wall_s"],
        "reports_per_s": round(n / run["wall_s"], 1),
        "stages": tm["stages"],
        "worker_seconds": w,
        "counts": tm["counts"],
        "memory": run["memory"] | {"main_peak_mb": tm["peak_rss_mb"]["main"], "largest_worker_mb": tm["peak_rss_mb"]["largest_worker"]},
        "signatures_per_s_per_core": round(docs / w["signatures"], 1) if w.get("signatures") else None,
        "shingles_and_signatures_per_s_per_core": round(docs / (w["signatures"] + w["shingles"]), 1) if w.get("signatures") else None,
        "html_mb": round((out / "report.html").stat().st_size / 1e6, 2),
        "html_render_s": round(tm["stages"].get("output_html", 0.0), 2),
        "json_mb": round((out / "findings.json").stat().st_size / 1e6, 2),
        "score": score(findings, truth),
    }
    t = time.perf_counter()
    nv = naive.measure(naive.sample_texts(folder, list(truth["documents"]), min(NAIVE_SAMPLE, n)), n)
    nv["measured_s"] = round(time.perf_counter() - t, 1)
    row["naive"] = nv
    if row["signatures_per_s_per_core"] and nv["signatures_per_s"]:
        row["signature_speedup"] = round(row["signatures_per_s_per_core"] / nv["signatures_per_s"], 1)
        per_naive = nv["seconds_per_report"]["shingles"] + nv["seconds_per_report"]["signatures"]
        row["shingle_signature_speedup"] = round(row["shingles_and_signatures_per_s_per_core"] * per_naive, 1)
    if latency:
        row["gate_latency"] = gate_latency(n)
    return row


def gate_latency(n: int) -> dict | None:
    try:
        from benchmarks import check_latency
    except ImportError:
        return None
    if not hasattr(check_latency, "run"):
        return None
    t = time.perf_counter()
    try:
        res = check_latency.run(n)
    except Exception as exc:  # the gate's benchmark is another module's: report, don't fail ours
        return {"error": f"{type(exc).__name__}: {exc}"[:300]}
    res["bench_s"] = round(time.perf_counter() - t, 1)
    return res


def _fmt_stages(row: dict) -> str:
    s = row["stages"]
    keys = ["discover", "per_document", "frequent_shingles", "signatures", "candidates", "verification", "alignment", "rules", "output"]
    return " · ".join(f"{k} {s[k]:.1f}" for k in keys if k in s)


def _check(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write_results(rows: list[dict], path: Path) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python -m benchmarks.run`) on {datetime.now(timezone.utc).isoformat(timespec='minutes')}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.  Corpora come from "
        f"`benchmarks/generate.py` (seed {SEED}, generator v{GENERATOR_VERSION}); each run is `audit run CORPUS --jobs "
        "<cores> --timings … --format html,json` in a subprocess.  `load` is the machine's 1-minute load average "
        "before the run (other work on the machine slows every number).",
        "",
        "| reports | wall s | reports/s | peak memory (PSS / RSS sum / main) MB | candidates | verified pairs | dup recall | dup precision | SUM001 recall | HTML MB / render s | load |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    for r in rows:
        m, sc, c = r["memory"], r["score"], r["counts"]
        lines.append(
            f"| {r['n']:,} | {r['wall_s']:.1f} | {r['reports_per_s']:.0f} | {m['peak_pss_mb']:.0f} / {m['peak_rss_sum_mb']:.0f} / {m['main_peak_mb']:.0f} "
            f"| {c.get('candidates', 0):,} | {c.get('verified_pairs', 0):,} | {sc['dup_recall']:.4f} | {sc['dup_precision']:.4f} "
            f"| {sc['sum_recall']:.3f} | {r['html_mb']:.1f} / {r['html_render_s']:.1f} | {r['load_before']} |"
        )
    lines += ["", "## Seconds per stage (wall, main process)", ""]
    for r in rows:
        lines.append(f"- **{r['n']:,}**: {_fmt_stages(r)} · HTML {r['stages'].get('output_html', 0):.1f}, JSON {r['stages'].get('output_json', 0):.1f}")
    lines += ["", "## Per-document work (worker-seconds, summed over workers)", ""]
    for r in rows:
        w = r["worker_seconds"]
        lines.append("- **{:,}**: ".format(r["n"]) + " · ".join(f"{k} {v:.1f}" for k, v in w.items()) + f" (÷ {r['jobs']} workers for wall time)")
    lines += ["", "## Signatures against the naive baseline (same run)", ""]
    lines.append("| reports | ours: signatures/s per core | ours: shingling + signatures/s per core | naive sample | naive signatures/s | naive extrapolated total s | speed-up (signatures) | speed-up (shingling + signatures) |")
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        nv = r["naive"]
        lines.append(
            f"| {r['n']:,} | {r['signatures_per_s_per_core']:,.0f} | {r['shingles_and_signatures_per_s_per_core']:,.0f} | {nv['sample']} "
            f"| {nv['signatures_per_s']:,.1f} | {nv['extrapolated_total_s']:,.0f} | {r.get('signature_speedup', 0):,.0f}× | {r.get('shingle_signature_speedup', 0):,.0f}× |"
        )
    lines += [
        "",
        "Naive = datasketch `MinHash(num_perm=128)` with one `update()` per shingle string (default SHA1) and "
        "`MinHashLSH(threshold=0.3)` insert + query, on the first reports of the corpus, extrapolated linearly.  "
        "Ours = `auditor.dedup.minhash.signatures` (batched numpy, datasketch-identical values) over the "
        "boilerplate-free features; 'shingling + signatures' adds the matching view and vectorised xxh32 hashing.",
    ]
    lines += ["", "## Detection against the generator's truth", ""]
    for r in rows:
        sc = r["score"]
        lines.append(
            f"- **{r['n']:,}**: {sc['truth_pairs']} true duplicate pairs, {sc['reported_pairs']} reported by DUP001; "
            f"recall {sc['dup_recall']}, precision {sc['dup_precision']}; planted breakdown errors {sc['sum_planted']}, "
            f"SUM001 recall {sc['sum_recall']}, documents with a SUM001 finding but nothing planted {sc['sum_false_docs']}; "
            f"planted table row-total errors {sc['table_planted']}, flagged by a table-identity rule {sc['table_recall']}"
            + (f"; missed e.g. {sc['missed_pairs'][:2]}" if sc["missed_pairs"] else "")
            + (f"; false e.g. {sc['false_pairs'][:2]}" if sc["false_pairs"] else "")
        )
    gl = [r for r in rows if r.get("gate_latency")]
    if gl:
        lines += ["", "## CI gate latency (`benchmarks/check_latency.py`)", ""]
        for r in gl:
            lines.append(f"- **{r['n']:,}**: `{json.dumps(r['gate_latency'], ensure_ascii=False)}`")
    lines += ["", "## Targets", ""]
    by_n = {r["n"]: r for r in rows}
    for r in rows:
        ok_sig = (r["signatures_per_s_per_core"] or 0) >= TARGETS["sig_per_core"]
        ok_ratio = r.get("signature_speedup", 0) >= TARGETS["naive_ratio"]
        ok_dup = r["score"]["dup_recall"] >= TARGETS["recall"] and r["score"]["dup_precision"] >= TARGETS["precision"]
        lines.append(
            f"- {r['n']:,}: signatures ≥ 2,000/s per core: {_check(ok_sig)} ({r['signatures_per_s_per_core']:,.0f}); "
            f"≥ 100× naive: {_check(ok_ratio)} ({r.get('signature_speedup', 0):,.0f}×); "
            f"duplicate recall and precision ≥ 0.99: {_check(ok_dup)}"
        )
    if 100_000 in by_n:
        f = by_n[100_000]
        lines.append(f"- 100,000 in ≤ 300 s: {_check(f['wall_s'] <= TARGETS['full_s'])} ({f['wall_s']:.0f} s); "
                     f"peak memory ≤ 4 GB: {_check(f['memory']['peak_pss_mb'] <= TARGETS['full_mem_mb'])} ({f['memory']['peak_pss_mb']:.0f} MB PSS)")
        if 10_000 in by_n:
            ratio = f["wall_s"] / by_n[10_000]["wall_s"]
            lines.append(f"- time(100,000) ≤ 12 × time(10,000): {_check(ratio <= TARGETS['scaling'])} ({ratio:.1f}×)")
    else:
        lines.append("- 100,000-report targets: run `make bench BENCH_FULL=1`.")
    lines += ["", "## Raw numbers", "", "```json", json.dumps(rows, indent=1, ensure_ascii=False, default=str), "```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--full", action="store_true", help="also 100,000 reports")
    ap.add_argument("--sizes", default="", help="comma-separated sizes instead of 1000,10000")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-latency", action="store_true", help="skip the CI-gate latency benchmark")
    ap.add_argument("--latency-max", type=int, default=10_000, help="measure the CI-gate latency only up to this size (100,000: python -m benchmarks.check_latency 100000)")
    ap.add_argument("--results", type=Path, default=RESULTS)
    a = ap.parse_args(argv)
    sizes = [int(x) for x in a.sizes.split(",") if x.strip()] or [1000, 10000]
    if a.full and 100_000 not in sizes:
        sizes.append(100_000)
    rows = []
    for n in sizes:
        print(f"bench: {n} reports …", file=sys.stderr)
        row = bench_one(n, a.jobs, not a.no_latency and n <= a.latency_max)
        rows.append(row)
        print(json.dumps({k: row[k] for k in ("n", "wall_s", "reports_per_s", "memory", "score")}, ensure_ascii=False, default=str), file=sys.stderr)
        write_results(rows, a.results)
    print(f"wrote {a.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

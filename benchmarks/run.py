"""`make bench`: end-to-end `audit run` on generated corpora, written to benchmarks/RESULTS.md.

    python -m benchmarks.run                 # 1,000 and 10,000 reports
    python -m benchmarks.run --full          # and 100,000 (make bench BENCH_FULL=1)
    python -m benchmarks.run --sizes 2000 --no-latency --results /tmp/r.md
    python -m benchmarks.run --only-html-scale    # only the synthetic HTML reports' section

For each size: the corpus is generated once (`benchmarks.generate`, seed 7,
cached under reports_out/bench/), then ``audit run --jobs <cores> --timings``
runs as a subprocess exactly as a user would run it, with the memory of its
process tree sampled from /proc (`memwatch`).  Reported: reports/s, seconds
per stage, peak memory, the naive datasketch baseline measured on a sample in
the same run (`naive`), duplicate recall/precision and planted-error recall
against the generator's truth, the HTML report's size and render time, and
the CI-gate latency (`benchmarks.check_latency.run`) when that module is
present.  The HTML report is also opened in headless Chromium
(`benchmarks.html_load`: load time, heap, filter/search latency), and a
synthetic 100,000-document report is written and opened without running the
pipeline (the "HTML at scale" section; `--no-html-scale` skips it and keeps
the section of the previous RESULTS.md).
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

from benchmarks import hostile, versus
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


def audit_run(folder: Path, out: Path, jobs: int, audit_cmd: list[str] | None = None, cwd: Path | None = None) -> dict:
    """One timed `audit run` in a subprocess (``audit_cmd`` and ``cwd``: another checkout's, `benchmarks.versus`)."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    timings = out / "timings.json"
    cmd = [*(audit_cmd or [_audit()]), "run", str(folder), "--out", str(out), "--jobs", str(jobs), "--timings", str(timings),
           "--fail-on", "never", "--format", "html,json"]
    t = time.perf_counter()
    with open(out / "stderr.txt", "w") as err:
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd,
                             env=versus.environment(cwd) if cwd is not None else None)
        with MemWatch(p.pid) as mw:
            code = p.wait()
    wall = time.perf_counter() - t
    if code not in (0, 1) or not timings.exists():
        raise RuntimeError(f"audit run exited {code} (timings written: {timings.exists()}): {(out / 'stderr.txt').read_text()[-2000:]}")
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


def bench_one(n: int, jobs: int, latency: bool, html_load: bool = True, versus: str | None = None) -> dict:
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
        "main_cpu_seconds": tm.get("main_cpu_seconds", {}),
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
    if html_load:
        from benchmarks import html_load as hl

        row["html_load"] = hl.measure(out / "report.html")
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
    if versus:
        row["versus"] = versus_run(versus, folder, out, jobs)
    return row


def versus_run(rev: str, folder: Path, ours: Path, jobs: int) -> dict:
    """REV's code on the same corpus, right after ours (`benchmarks.versus`)."""
    tree = versus.worktree(rev, WORK)
    out = WORK / f"out-{folder.name}-at-{tree.name[3:]}"
    run = audit_run(folder, out, jobs, versus.command_at(tree), cwd=tree)
    return {"commit": tree.name[3:], "wall_s": run["wall_s"], "memory": run["memory"],
            "per_document_s": run["timings"]["stages"].get("per_document"),
            "same_findings": versus.same_findings(ours / "findings.json", out / "findings.json")}


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
    s, cpu = row["stages"], row.get("main_cpu_seconds", {})
    keys = ["discover", "per_document", "frequent_shingles", "signatures", "candidates", "verification", "alignment", "rules", "output"]
    return " · ".join(f"{k} {s[k]:.1f}" + (f" ({cpu[k]:.1f})" if k in cpu else "") for k in keys if k in s)


def _check(ok: bool) -> str:
    return "met" if ok else "**missed**"


# --- the HTML report in a browser (benchmarks.html_load) ---------------------

HTML_SCALE_HEADING = "## HTML at scale"
HTML_SCALE_NOTES = "### Notes (kept across runs)"
HAND_NOTES_HEADING = "## Notes by hand (kept across runs)"


def _fmt_browser(m: dict | None) -> str:
    if not m:
        return "—"
    if "skipped" in m or "error" in m:
        return "n/a"
    return f"{m.get('ready_s', m.get('load_s', 0)):.1f} · {m.get('filter_ms', '—')} / {m.get('search_ms', '—')}"


def _browser_notes(rows: list[dict]) -> list[str]:
    notes = []
    for r in rows:
        m = r.get("html_load") or {}
        if "skipped" in m:
            notes.append(f"- browser timings not measured: {m['skipped']}")
            break
        if "error" in m:
            notes.append(f"- {r['n']:,}: the browser failed: {m['error']}")
        if m.get("console_errors"):
            notes.append(f"- {r['n']:,}: console errors in the report: {m['console_errors'][:3]}")
    return ([""] + notes) if notes else []


def _html_scale_rows(results: list[dict]) -> list[str]:
    lines = [
        "| documents | findings (listed) | pairs (listed) | HTML MB | write s | interactive s | all texts s | JS heap MB | filter ms | search ms | next page ms | console errors | load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    skipped = []
    for m in results:
        if "skipped" in m:
            skipped.append(m["skipped"])
        lines.append(
            f"| {m['docs']:,} | {m['findings']:,} ({m['findings_listed']:,}) | {m['pairs']:,} ({m['pairs_listed']:,}) | {m.get('file_mb', '—')} "
            f"| {m['write_s']} | {m.get('ready_s', '—')} | {m.get('dcl_s', '—')} | {m.get('heap_mb', '—')} | {m.get('filter_ms', '—')} "
            f"| {m.get('search_ms', '—')} | {m.get('more_ms', '—')} | {len(m.get('console_errors') or []) if 'error' not in m else m['error']} | {m.get('load_before', '—')} |"
        )
    if skipped:
        lines += ["", f"Browser timings not measured: {skipped[0]}."]
    return lines


def _previous_section(path: Path, heading: str) -> list[str] | None:
    """The lines of a `## ` section of the previous results file (heading included), if any."""
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    if heading not in lines:
        return None
    start = lines.index(heading)
    end = next((k for k in range(start + 1, len(lines)) if lines[k].startswith("## ")), len(lines))
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _html_scale_section(results: list[dict] | None, path: Path) -> list[str]:
    """Measured now, or else the previous file's section; its notes subsection is always kept."""
    previous = _previous_section(path, HTML_SCALE_HEADING)
    if not results:
        return ([""] + previous) if previous else []
    notes = previous[previous.index(HTML_SCALE_NOTES):] if previous and HTML_SCALE_NOTES in previous else []
    lines = [
        "",
        HTML_SCALE_HEADING,
        "",
        "A synthetic payload (`benchmarks/html_synth.py`: the shape of a run on the generated corpus, ~2,000 characters "
        "per report, cross-year findings with many evidence spans, pairs with passages) written by `write_html` and opened "
        "in headless Chromium by `benchmarks/html_load.py` with the network refused, so 100,000 documents are measured "
        "without a 25-minute audit.  *interactive*: navigation → the report's script has built the first page of every "
        "list; *all texts*: → DOMContentLoaded, when the embedded document texts (after the script) are parsed too; "
        "filter / search / next page: the category filter, one search term (debounce excluded), one more page of 200 "
        "findings, each until the list is rebuilt and painted.",
        "",
    ]
    lines += _html_scale_rows(results)
    if notes:
        lines += [""] + notes
    return lines


def html_scale(specs: list[tuple[int, int]]) -> list[dict]:
    from benchmarks import html_load as hl

    out = []
    for docs, findings in specs:
        print(f"bench: synthetic HTML report, {docs} documents, {findings} findings …", file=sys.stderr)
        load = os.getloadavg()[0]
        res = hl.synthetic(docs, findings, WORK / f"html-synthetic-{docs}-{findings}.html") | {"load_before": round(load, 2)}
        out.append(res)
        print(json.dumps(res, ensure_ascii=False), file=sys.stderr)
    return out


def replace_section(path: Path, heading: str, section: list[str]) -> None:
    """Replace (or insert before the raw numbers) one `## ` section of an existing results file."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    lines = text.splitlines()
    if heading in lines:
        start = lines.index(heading)
        end = next((k for k in range(start + 1, len(lines)) if lines[k].startswith("## ")), len(lines))
        lines[start:end] = section + [""]
    else:
        at = lines.index("## Raw numbers") if "## Raw numbers" in lines else len(lines)
        lines[at:at] = section + [""]
    path.write_text("\n".join(lines) + ("\n" if text.endswith("\n") else ""), encoding="utf-8")


def update_html_scale(path: Path, results: list[dict]) -> None:
    """Replace the HTML-at-scale section of an existing results file."""
    replace_section(path, HTML_SCALE_HEADING, _html_scale_section(results, path)[1:])


def write_results(rows: list[dict], path: Path, html_scale: list[dict] | None = None) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python -m benchmarks.run`) on {datetime.now(timezone.utc).isoformat(timespec='minutes')}, "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}.  Corpora come from "
        f"`benchmarks/generate.py` (seed {SEED}, generator v{GENERATOR_VERSION}); each run is `audit run CORPUS --jobs "
        "<cores> --timings … --format html,json` in a subprocess.  `load` is the machine's 1-minute load average "
        "before the run (other work on the machine slows every number).",
        "",
        "| reports | wall s | reports/s | peak memory (PSS / RSS sum / main) MB | candidates | verified pairs | dup recall | dup precision | SUM001 recall | HTML MB / render s | browser load s · filter / search ms | load |",
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    for r in rows:
        m, sc, c = r["memory"], r["score"], r["counts"]
        lines.append(
            f"| {r['n']:,} | {r['wall_s']:.1f} | {r['reports_per_s']:.0f} | {m['peak_pss_mb']:.0f} / {m['peak_rss_sum_mb']:.0f} / {m['main_peak_mb']:.0f} "
            f"| {c.get('candidates', 0):,} | {c.get('verified_pairs', 0):,} | {sc['dup_recall']:.4f} | {sc['dup_precision']:.4f} "
            f"| {sc['sum_recall']:.3f} | {r['html_mb']:.1f} / {r['html_render_s']:.1f} | {_fmt_browser(r.get('html_load'))} | {r['load_before']} |"
        )
    lines += _browser_notes(rows)
    lines += ["", "## Seconds per stage (wall, main process; CPU seconds of the main process in brackets)", ""]
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
    vs = [r for r in rows if r.get("versus")]
    if vs:
        lines += ["", "## Against an earlier commit (same run, same corpus, same options)", ""]
        lines += ["| reports | commit | its wall s | ours wall s | ours / its | its per-document s | ours per-document s | same findings |",
                  "|---:|---|---:|---:|---:|---:|---:|---|"]
        for r in vs:
            v = r["versus"]
            lines.append(f"| {r['n']:,} | {v['commit']} | {v['wall_s']:.1f} | {r['wall_s']:.1f} | {r['wall_s'] / v['wall_s']:.2f} "
                         f"| {v['per_document_s'] or 0:.1f} | {r['stages'].get('per_document', 0):.1f} | {_check(v['same_findings'])} |")
    lines += _html_scale_section(html_scale, path)
    kept = _previous_section(path, hostile.HEADING)
    if kept:  # measured by --only-hostile or an earlier full run
        lines += [""] + kept
    hand = _previous_section(path, HAND_NOTES_HEADING)
    if hand:  # measurements made outside `make bench` (a re-run of one size, say) survive a regeneration
        lines += [""] + hand
    lines += ["", "## Raw numbers", "", "```json", json.dumps(rows, indent=1, ensure_ascii=False, default=str), "```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--full", action="store_true", help="also 100,000 reports")
    ap.add_argument("--sizes", default="", help="comma-separated sizes instead of 1000,10000")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-latency", action="store_true", help="skip the CI-gate latency benchmark")
    ap.add_argument("--latency-max", type=int, default=None,
                    help="measure the CI-gate latency only up to this size (default 10,000; 100,000 with --full, "
                         "which builds a 100,000-report index: 1.5-5 min more, by machine)")
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--versus", default=None, metavar="REV",
                    help="also time commit REV on each corpus in the same run and compare its findings (benchmarks.versus)")
    ap.add_argument("--no-html-load", action="store_true", help="don't open the reports in headless Chromium")
    ap.add_argument("--no-html-scale", action="store_true", help="skip the synthetic HTML-at-scale report (keep the previous section)")
    ap.add_argument("--html-scale", default="100000x10000,100000x45000", help="DOCSxFINDINGS,… of the synthetic HTML reports")
    ap.add_argument("--only-html-scale", action="store_true", help="measure only the synthetic HTML reports and update that section of --results")
    ap.add_argument("--only-hostile", action="store_true", help="measure only the hostile inputs and update that section of --results")
    a = ap.parse_args(argv)
    specs = [tuple(int(x) for x in spec.split("x")) for spec in a.html_scale.split(",") if spec.strip()]
    if a.only_hostile:
        replace_section(a.results, hostile.HEADING, hostile.section(hostile.measure(WORK / "hostile")))
        print(f"wrote {a.results}", file=sys.stderr)
        return 0
    if a.only_html_scale:
        update_html_scale(a.results, html_scale(specs))
        print(f"wrote {a.results}", file=sys.stderr)
        return 0
    sizes = [int(x) for x in a.sizes.split(",") if x.strip()] or [1000, 10000]
    if a.full and 100_000 not in sizes:
        sizes.append(100_000)
    latency_max = a.latency_max if a.latency_max is not None else (100_000 if a.full else 10_000)
    rows = []
    for n in sizes:
        print(f"bench: {n} reports …", file=sys.stderr)
        row = bench_one(n, a.jobs, not a.no_latency and n <= latency_max, not a.no_html_load, a.versus)
        rows.append(row)
        print(json.dumps({k: row[k] for k in ("n", "wall_s", "reports_per_s", "memory", "score")}, ensure_ascii=False, default=str), file=sys.stderr)
        write_results(rows, a.results)
    if not a.no_html_scale:
        write_results(rows, a.results, html_scale(specs))
    replace_section(a.results, hostile.HEADING, hostile.section(hostile.measure(WORK / "hostile")))
    print(f"wrote {a.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Hostile inputs: the cost of one bad file is bounded (issue 13).

Two files a CI gate might be handed, generated here: an HTML page of 200,000
nested ``<div>`` (HTML5 parsing is quadratic in nesting depth) and a 50 MB
plain text (one "report" of ~17 million characters).  Each is audited by
``audit run`` as a subprocess, exactly as a user would, with the memory of
its process tree sampled; the targets are ≤ 30 s and ≤ 1 GB each.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.memwatch import MemWatch

HEADING = "## Hostile inputs"
TARGET_S, TARGET_MB = 30.0, 1024.0


def _deep_html(path: Path, depth: int = 200_000) -> None:
    body = "某县统计局2021年政府信息公开工作年度报告。一、总体情况。本年度主动公开政府信息12条。"
    path.write_text("<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>", encoding="utf-8")


def _big_text(path: Path, size: int = 50_000_000) -> None:
    line = "本年度主动公开政府信息共计二百条，其中规范性文件十条，工作动态一百九十条。我局认真落实条例要求。\n"
    reps = size // len(line.encode("utf-8"))
    path.write_text("某县统计局2021年政府信息公开工作年度报告\n" + line * reps, encoding="utf-8")


def _run(path: Path, out: Path) -> dict:
    cmd = [sys.executable, "-m", "auditor.cli", "run", str(path), "--out", str(out), "--format", "json"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with MemWatch(proc.pid) as mem:
        _, err = proc.communicate()
    wall = time.perf_counter() - t
    lines = err.splitlines()
    verdict = next((ln for ln in lines if "ING001" in ln or ln.startswith("audit:")), None) or next(
        (ln for ln in lines if ln.startswith("audited")), " ".join(lines)[-200:])
    return {"file": path.name, "bytes": path.stat().st_size, "wall_s": round(wall, 2),
            "peak_rss_mb": round(mem.peak_rss_kb / 1024, 1), "exit": proc.returncode, "outcome": verdict.strip()}


def measure(work: Path) -> list[dict]:
    work.mkdir(parents=True, exist_ok=True)
    deep, big = work / "deep-200000.html", work / "big-50MB.txt"
    _deep_html(deep)
    _big_text(big)
    return [_run(p, work / f"out-{p.stem}") for p in (deep, big)]


def section(results: list[dict]) -> list[str]:
    lines = [HEADING, "", f"Target: each file handled in ≤ {TARGET_S:.0f} s and ≤ {TARGET_MB:.0f} MB (`benchmarks/hostile.py`).", "",
             "| file | size | wall | peak RSS | exit | outcome |", "|---|---:|---:|---:|---:|---|"]
    for r in results:
        ok = r["wall_s"] <= TARGET_S and r["peak_rss_mb"] <= TARGET_MB
        lines.append(f"| {r['file']} | {r['bytes'] / 1e6:.1f} MB | {r['wall_s']:.1f} s | {r['peak_rss_mb']:.0f} MB | {r['exit']} | "
                     f"{'met' if ok else 'MISSED'}: {r['outcome'][:120]} |")
    return lines

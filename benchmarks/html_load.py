"""How fast a written report.html opens and reacts in headless Chromium.

    python -m benchmarks.html_load reports_out/report.html     # one file, JSON on stdout
    python -m benchmarks.html_load --synthetic 100000 10000    # write a synthetic report first

`measure(path)` opens the file over file:// in Debian's Chromium (the launch
code the browser tests use, `auditor.report.browser`) with every request
that is not file: or data: refused, and reads:

- ``dcl_s``: navigation start → DOMContentLoaded (the report's script runs at
  the end of the body, so this includes its start-up);
- ``ready_s``: navigation start → the ``report-ready`` mark the script sets
  when the first page of every list is built (``html[data-ready]``);
- ``load_s``: the later of the two — when a reader can use the page;
- ``init_ms``: the script's own start-up (its first statement → ready);
- ``heap_mb``: JS heap in use after a garbage collection (CDP
  ``Performance.getMetrics``), when the browser reports it;
- ``filter_ms``, ``search_ms``, ``more_ms``: the category filter set to the
  category of the last finding on the first page, one search term applied
  (the debounce excluded), the next page of findings — each until the list
  is rebuilt and a frame has been painted;
- ``console_errors``: console errors and uncaught exceptions.

Without Chromium or Playwright the result is ``{"skipped": reason}``, never an
exception, so `make bench` writes a note instead of failing.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from auditor.report.browser import block_network, chromium, unavailable

TIMEOUT_MS = 300_000

_NAV = """() => {
  const nav = performance.getEntriesByType('navigation')[0] || {};
  const mark = (name) => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : null; };
  return {dcl: nav.domContentLoadedEventEnd || null, init: mark('report-init'), ready: mark('report-ready'),
          texts: mark('report-texts-ready')};
}"""

# Resolves once the change has been rendered: a frame, then a task after it.
_FRAME = "const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));"

_INTERACT = (
    "async () => {\n"
    + _FRAME
    + """
  const form = document.getElementById('filters');
  const count = () => Number(document.getElementById('finding-count').getAttribute('data-shown'));
  const out = {total: count()};
  // set a filter field, time until the list is redrawn, count what shows, then clear it again
  const timed = async (field, value, key) => {
    const t = performance.now();
    field.value = value;
    field.dispatchEvent(new Event('change', {bubbles: true}));
    await frame();
    out[key + '_ms'] = performance.now() - t;
    out[key + '_shown'] = count();
    field.value = '';
    field.dispatchEvent(new Event('change', {bubbles: true}));
    await frame();
  };
  const cards = document.querySelectorAll('#finding-list article.finding');
  const cat = cards.length ? cards[cards.length - 1].getAttribute('data-category') : null;
  if (cat) await timed(form.elements.category, cat, 'filter');
  const msg = document.querySelector('#finding-list article.finding .msg');
  await timed(form.elements.q, msg ? msg.textContent.trim().slice(0, 4) : 'a', 'search');
  let t;
  const more = document.getElementById('finding-more');
  if (more && !more.hidden) {
    t = performance.now();
    more.click();
    await frame();
    out.more_ms = performance.now() - t;
  }
  return out;
}"""
)


def measure(path: Path, *, interactions: bool = True) -> dict:
    """Load timings, heap and interaction latencies of one report (see the module doc)."""
    path = Path(path).resolve()
    reason = unavailable()
    if reason:
        return {"skipped": reason}
    out: dict = {"file_mb": round(path.stat().st_size / 1e6, 2)}
    errors: list[str] = []
    try:
        with chromium() as browser:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            block_network(context)
            page = context.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            t = time.perf_counter()
            page.goto(path.as_uri(), wait_until="domcontentloaded", timeout=TIMEOUT_MS)
            page.wait_for_selector("html[data-ready], html.js-ready", state="attached", timeout=TIMEOUT_MS)
            out["wall_s"] = round(time.perf_counter() - t, 2)
            nav = page.evaluate(_NAV)
            if nav["dcl"] is not None:
                out["dcl_s"] = round(nav["dcl"] / 1000, 2)
            if nav["ready"] is not None:
                out["ready_s"] = round(nav["ready"] / 1000, 2)
                if nav["init"] is not None:
                    out["init_ms"] = round(nav["ready"] - nav["init"])
            out["load_s"] = max(out.get("dcl_s") or 0, out.get("ready_s") or 0) or out["wall_s"]
            out["heap_mb"] = _heap_mb(context, page)
            if interactions:
                res = page.evaluate(_INTERACT)
                for k, v in res.items():
                    out[k] = round(v) if isinstance(v, float) else v
            context.close()
    except Exception as exc:  # a browser that dies or times out is a measurement, not a crash
        out["error"] = f"{type(exc).__name__}: {exc}"[:500]
    out["console_errors"] = errors[:10]
    return out


def _heap_mb(context, page) -> float | None:
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("HeapProfiler.collectGarbage")
        cdp.send("Performance.enable")
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        cdp.detach()
        return round(metrics["JSHeapUsedSize"] / 1e6, 1) if "JSHeapUsedSize" in metrics else None
    except Exception:
        try:
            mem = page.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : null")
            return round(mem / 1e6, 1) if mem else None
        except Exception:
            return None


def synthetic(n_docs: int, n_findings: int, out: Path, n_pairs: int | None = None, seed: int = 7) -> dict:
    """Write a synthetic report of this size (no pipeline run) and measure writing and loading it."""
    from auditor.report.html import MAX_FINDINGS, MAX_PAIRS, write_html
    from benchmarks.html_synth import synthetic_payload

    t = time.perf_counter()
    payload = synthetic_payload(n_docs, n_findings, n_pairs=n_pairs, seed=seed)
    build_s = time.perf_counter() - t
    out = Path(out)
    t = time.perf_counter()
    write_html(payload, out)
    write_s = time.perf_counter() - t
    res = {
        "docs": n_docs,
        "findings": len(payload["findings"]),
        "findings_listed": min(len(payload["findings"]), MAX_FINDINGS),
        "pairs": len(payload["pairs"]),
        "pairs_listed": min(len(payload["pairs"]), MAX_PAIRS),
        "payload_s": round(build_s, 1),
        "write_s": round(write_s, 1),
    }
    del payload
    return res | measure(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report", nargs="?", type=Path, help="a report.html to open")
    ap.add_argument("--synthetic", nargs=2, type=int, metavar=("DOCS", "FINDINGS"), help="write and measure a synthetic report")
    ap.add_argument("--pairs", type=int, default=None, help="copied pairs in the synthetic report")
    ap.add_argument("--out", type=Path, default=Path("reports_out/bench/html-synthetic.html"))
    a = ap.parse_args(argv)
    if a.synthetic:
        res = synthetic(a.synthetic[0], a.synthetic[1], a.out, n_pairs=a.pairs)
    elif a.report:
        res = measure(a.report)
    else:
        ap.error("give a report.html or --synthetic DOCS FINDINGS")
    print(json.dumps(res, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Write the requested output formats for a run into the output folder."""

from __future__ import annotations

from pathlib import Path

from auditor.report.atomic import staged
from auditor.report.json_out import dump, dumps

FORMATS = ("html", "json", "sarif", "junit", "csv")
FILENAMES = {"html": "report.html", "json": "findings.json", "sarif": "results.sarif", "junit": "junit.xml", "csv": "findings.csv"}


def html_payload(result) -> dict:
    """findings.json plus what the HTML needs to show evidence in context."""
    payload = result.payload()
    payload["texts"] = {d.id: d.text for d in result.documents}
    payload["pair_details"] = [
        p.as_dict()
        | {
            "passages": [
                {
                    "a_start": x.a_start,
                    "a_end": x.a_end,
                    "b_start": x.b_start,
                    "b_end": x.b_end,
                    "similarity": round(x.similarity, 4),
                    "boilerplate": x.boilerplate,
                    "changes": x.changes,
                }
                for x in p.passages
            ]
        }
        for p in result.pairs
    ]
    payload["rules"] = {r.id: r.doc_entry() for r in result.rules}
    payload["verdict"] = {"fail_on": result.fail_on, "failed": result.failed, "counts": result.counts()}
    return payload


def render(result, fmt: str) -> str:
    if fmt == "json":
        return dumps(result.payload())
    if fmt == "html":
        from auditor.report.html import render_html

        return render_html(html_payload(result))
    if fmt == "csv":
        return result.frame().to_csv(index=False)
    if fmt == "sarif":
        from auditor.report.sarif import render_sarif

        return render_sarif(result)
    if fmt == "junit":
        from auditor.report.junit import render_junit

        return render_junit(result)
    raise ValueError(f"unknown format {fmt!r}")


# Excel opens a CSV as the system code page unless it starts with a BOM: Chinese would be garbled.
ENCODINGS = {"csv": "utf-8-sig"}


def write_outputs(result, out: Path, formats: list[str]) -> list[Path]:
    """Every requested format, staged and renamed into place together (`auditor.report.atomic.staged`)."""
    import time

    written = []
    timings = result.timings  # `audit run --timings`: seconds per format
    with staged() as stage:
        for fmt in formats:
            path = out / FILENAMES[fmt]
            t = time.perf_counter()
            if fmt == "json":  # streamed: the biggest output of a big run
                stage.write(path, lambda fh: dump(result.payload(), fh))
            else:
                stage.write_text(path, render(result, fmt), ENCODINGS.get(fmt, "utf-8"))
            if timings is not None:
                timings.stages[f"output_{fmt}"] = time.perf_counter() - t
            written.append(path)
    return written

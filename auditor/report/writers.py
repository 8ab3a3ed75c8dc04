"""Write the requested output formats for a run into the output folder.

Every file output is a `Writer`: a format name, the file it is written to, its
encoding, and one method that writes a run's result to a text stream.  The
writers know nothing about files: `write_outputs` hands each one a stream from
`auditor.report.atomic.staged`, so every format gets the same guarantees
(written in full and fsynced beside its target, all renamed into place
together, nothing left behind on failure) without any writer having to
remember them.  Adding a format is one class in its own module and one line in
`REGISTRY`; nothing else branches on the format name.

GitHub annotations and the console summary are not here: they are printed,
not written to the output folder.
"""

from __future__ import annotations

import time
from functools import partial
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from auditor.report.atomic import staged
from auditor.report.csv_out import CSV
from auditor.report.html import HTML, html_payload
from auditor.report.json_out import JSON
from auditor.report.junit import JUNIT
from auditor.report.sarif import SARIF

if TYPE_CHECKING:
    from auditor.core import RunResult

__all__ = ["FILENAMES", "FORMATS", "REGISTRY", "Writer", "html_payload", "register", "render", "write_outputs"]


class Writer(Protocol):
    """One output format (the shape of ruff's emitters and flake8's formatters)."""

    name: str  # the --format name
    filename: str  # the file in the output folder
    encoding: str  # of that file (the CSV's BOM is its encoding, utf-8-sig)

    def write(self, result: RunResult, fh: TextIO) -> None:
        """Write the whole output for ``result`` to ``fh``; raise to leave every output as it was."""
        ...


REGISTRY: dict[str, Writer] = {}


def register(writer: Writer) -> Writer:
    """Make ``writer`` available to `write_outputs` under its name."""
    REGISTRY[writer.name] = writer
    return writer


# The built-in formats, in the order `--format` lists them.
for _writer in (HTML, JSON, SARIF, JUNIT, CSV):
    register(_writer)

FORMATS = tuple(REGISTRY)
FILENAMES = {name: w.filename for name, w in REGISTRY.items()}


def render(result: RunResult, fmt: str) -> str:
    """One format's text as a string, for tests and callers that want it in memory
    (`write_outputs` streams instead: findings.json of a big run is ~150 MB)."""
    if fmt not in REGISTRY:
        raise ValueError(f"unknown format {fmt!r}")
    buf = StringIO()
    REGISTRY[fmt].write(result, buf)
    return buf.getvalue()


def write_outputs(result: RunResult, out: Path, formats: list[str]) -> list[Path]:
    """Every requested format, staged and renamed into place together (`auditor.report.atomic.staged`)."""
    writers = [(fmt, REGISTRY[fmt]) for fmt in formats]  # an unknown name fails before anything is written
    written = []
    timings = result.timings  # `audit run --timings`: seconds per format
    with staged() as stage:
        for fmt, writer in writers:
            path = out / writer.filename
            t = time.perf_counter()
            stage.write(path, partial(writer.write, result), writer.encoding)
            if timings is not None:
                timings.stages[f"output_{fmt}"] = time.perf_counter() - t
            written.append(path)
    return written

"""Progress on a terminal: a bar on stderr while a long run reads its files.

On 6,000 reports a run is silent for minutes; a person at a terminal wants
to see it move, a CI log wants nothing but the result.  So a bar is drawn only
when stderr is a terminal, ``CI`` is not set and ``--quiet`` was not given.
The pipeline reports through a plain callable (`Report`), so it knows nothing
of terminals and tests can record the calls.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import TaskID

Report = Callable[[str, int, int], None]  # (what, done, total)


def wanted(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def terminal_progress(enabled: bool) -> Iterator[Report | None]:
    """A `Report` that draws a rich progress bar on stderr, or None when not wanted."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True)
    tasks: dict[str, TaskID] = {}

    def report(what: str, done: int, total: int) -> None:
        if what not in tasks:
            tasks[what] = bar.add_task(what, total=total)
        bar.update(tasks[what], completed=done, total=total)

    with bar:
        yield report


def line_progress(label: str):
    """A ``(done, total)`` callback redrawing one line on stderr (index build, add, rebuild)."""

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{label} {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show

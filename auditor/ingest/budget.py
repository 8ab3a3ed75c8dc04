"""Bounded cost per file: a time budget and a size cap, so one hostile upload cannot stall a gate.

A CI gate audits whatever is submitted.  One file must not be able to hold
the run for minutes or take gigabytes: ``MAX_CHARS`` caps the decoded text of
one file (a long annual report has ~10^5 characters; a compilation of many is
split into one file per report first), and `file_budget` interrupts the work
on one file after ``seconds`` of wall time.  Either way the file becomes an
``ingest-error`` that says which limit it hit, and the rest of the corpus is
audited.

The time budget uses ``SIGALRM``, which only the main thread of a process can
receive: the local engine and its worker processes have it; work run in a
thread (a Dask worker's task) has no budget, and says so nowhere else than
here.  Regex matching in CPython checks for signals, so a pathological
pattern run is interrupted too.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

MAX_CHARS = 4_000_000
DEFAULT_SECONDS = 30.0


class BudgetExceeded(Exception):
    """The work on one file ran past its time budget."""


def _on_alarm(signum, frame):  # noqa: ARG001 - the signal handler's signature
    raise BudgetExceeded


@contextmanager
def file_budget(seconds: float | None) -> Iterator[None]:
    """Raise `BudgetExceeded` inside the block once ``seconds`` have passed (None or 0: no budget)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def over_budget_reason(seconds: float) -> str:
    return (f"reading and analysing this file took more than {seconds:g} s (--max-file-seconds); "
            "it was not audited, the rest of the corpus was")


def too_long_reason(chars: int) -> str:
    return (f"text too long for one report ({chars:,} characters > {MAX_CHARS:,}); "
            "split a compilation into one file per report")

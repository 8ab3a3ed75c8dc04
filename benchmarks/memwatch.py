"""Peak memory of a process tree, sampled from /proc while it runs.

``ru_maxrss`` gives one process's peak; a run with worker processes needs the
peak of their *sum*.  Forked workers share pages with their parent, so the
sum of RSS counts shared pages twice; PSS (proportional set size, from
``/proc/PID/smaps_rollup``) splits them and sums to what the machine really
holds.  Both are recorded; PSS is the honest number.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


def _kb(path: str, key: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemWatch:
    """Sample the RSS and PSS of ``pid`` and its descendants every ``interval`` s.

    RSS comes from ``status`` (microseconds to read).  PSS is costly to
    measure: the kernel walks the process' page tables under its memory-map
    lock, ~45 ms for a 4 GB process, which at 5 samples a second takes a
    fifth of a core from a run on two cores and stalls its page faults.  PSS
    is therefore sampled at most once per ``PSS_BUDGET`` times the last
    sample's duration (a few percent of one core), and sooner when RSS has
    just reached a new peak (the moment PSS peaks too), but not sooner than
    ``PEAK_SPACING`` times that duration.
    """

    PSS_BUDGET = 25.0
    PEAK_SPACING = 15.0

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval = pid, interval
        self.peak_rss_kb = self.peak_pss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        has_pss = os.path.exists(f"/proc/{os.getpid()}/smaps_rollup")
        last_pss, cost = float("-inf"), 0.0
        while not self._stop.is_set():
            tree = _tree(self.pid)
            rss = sum(_kb(f"/proc/{p}/status", "VmRSS:") for p in tree)
            new_peak = rss > self.peak_rss_kb
            self.peak_rss_kb = max(self.peak_rss_kb, rss)
            since = time.monotonic() - last_pss
            if has_pss and (since >= self.PSS_BUDGET * cost or (new_peak and since >= self.PEAK_SPACING * cost)):
                t = time.monotonic()
                pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in tree)
                last_pss, cost = t, time.monotonic() - t
                self.peak_pss_kb = max(self.peak_pss_kb, pss)
            self._stop.wait(self.interval)

    def as_dict(self) -> dict:
        return {"peak_rss_sum_mb": round(self.peak_rss_kb / 1024, 1), "peak_pss_mb": round(self.peak_pss_kb / 1024, 1)}

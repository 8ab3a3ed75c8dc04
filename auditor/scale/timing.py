"""Seconds per stage and peak memory of a run (`audit run --timings FILE`).

Stages are wall-clock seconds in the main process, beside the CPU seconds
the main process (all its threads) spent in them: on a machine with as many
cores as workers, CPU the main process spends while workers run is taken
from them.  The per-document stage runs in workers, so its parts (ingest,
facts, document rules, shingles, freezing for the trip back) are also
reported as worker-seconds summed over all workers: divided by the number of
workers they say where the parallel time went.
"""

from __future__ import annotations

import json
import resource
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory of this process and of its largest finished child, in MB
    (workers of `--jobs N` are started by a fork server, not by this process: they
    do not count here; the benchmark samples the whole process tree instead)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main": round(me, 1), "largest_worker": round(kids, 1)}


class Timings:
    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self.main_cpu: dict[str, float] = {}
        self.worker: dict[str, float] = {}
        self.counts: dict[str, Any] = {}
        self._t0 = time.perf_counter()

    @contextmanager
    def stage(self, name: str):
        t, c = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - t
            self.main_cpu[name] = self.main_cpu.get(name, 0.0) + time.process_time() - c

    def add_worker(self, seconds: dict[str, float]) -> None:
        for k, v in seconds.items():
            self.worker[k] = self.worker.get(k, 0.0) + v

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": round(time.perf_counter() - self._t0, 3),
            "stages": {k: round(v, 3) for k, v in self.stages.items()},
            "main_cpu_seconds": {k: round(v, 3) for k, v in self.main_cpu.items()},
            "worker_seconds": {k: round(v, 3) for k, v in self.worker.items()},
            "counts": self.counts,
            "peak_rss_mb": peak_rss_mb(),
        }

    def write(self, path: Path | str) -> None:
        """``--timings FILE``, written like every output: complete or not at all (`auditor.report.atomic`)."""
        from auditor.report.atomic import write_text_atomic

        write_text_atomic(Path(path), json.dumps(self.as_dict(), indent=2))

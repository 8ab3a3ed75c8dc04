"""A worker of `audit index build` that dies makes the build fail, never hang.

`multiprocessing.Pool` replaced a dead worker and waited for its lost chunk
for ever; the build's pool now raises, which the command line turns into
exit 2.  The child runs in a subprocess with a timeout, so a regression shows
as a failed test, not a stuck suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_a_dead_worker_raises_instead_of_hanging() -> None:
    program = textwrap.dedent(
        """
        import os
        from concurrent.futures.process import BrokenProcessPool
        from auditor.index import build

        def die_on_seven(i):
            if i == 7:
                os._exit(1)  # as the OOM killer would end it
            return i

        try:
            list(build._map(die_on_seven, list(range(build.PARALLEL_FROM + 10)), 2))
        except BrokenProcessPool:
            print("raised")
        """
    )
    p = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert p.stdout.strip() == "raised", p.stderr[-2000:]


def test_results_keep_their_order() -> None:
    from auditor.index import build

    items = list(range(build.PARALLEL_FROM + 50))
    assert list(build._map(abs, items, 2)) == items

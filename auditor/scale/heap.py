"""The corpus' objects kept out of the cyclic garbage collector's way.

An audit of 100,000 reports holds ~3 GB of long-lived Python objects (the
frozen documents, their per-document findings, shingle sets, pairs) that
live until the report is written.  CPython's full collections walk every
tracked object and are triggered by allocations, which an audit does by the
hundred million: at 100,000 reports 31 full collections cost ~31 s of a
307 s run and freed nothing.  Inside `long_lived`

* the audit moves what it has built so far into the permanent generation
  (``keep()``, i.e. `gc.freeze`) as it goes, so a collection does not walk the
  documents again;
* collections are rarer (`THRESHOLDS`): what the corpus stages build after
  the last ``keep()`` -- findings, the corpus' look-up tables -- would
  otherwise be walked by a full collection every second or so, each finding
  nothing to free (90 of them, 29 s, with freezing alone).

Reference counting frees objects as usual meanwhile, frozen or not; only
reference cycles wait longer for the collector.  On exit the thresholds are
restored and the objects given back to the collector.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

THRESHOLDS = (50_000, 20, 100)  # CPython's default is (700, 10, 10)


@contextmanager
def long_lived() -> Iterator[Callable[[], None]]:
    """Yield ``keep()``: everything alive when it is called is left out of cycle collection.

    Objects a caller froze before are not ours to give back: then they, and
    ours, stay frozen.
    """
    ours = gc.get_freeze_count() == 0
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield gc.freeze
    finally:
        gc.set_threshold(*before)
        if ours:
            gc.unfreeze()

"""Regular expressions compiled on first use.

Python 3.11 compiles a character class over the CJK block in ~5 ms: its
compiler walks every code point of a range.  A module whose patterns serve
only some inputs (HTML and Word clean-up, passage alignment of a copied pair)
should not make every start-up pay for them -- `audit check` of one plain-text
report has a one-second budget, interpreter start-up included.

Kept apart from `auditor.regex_cache`, which serves compiled patterns from a
per-user cache: the two do not overlap.  That cache helps only a run that
finds it warm (not the first, nor ``AUDIT_CACHE_DIR=off``, nor an interpreter
it does not support), and it stores what a run compiled, so a pattern that is
never used is best never compiled at all.  A `LazyPattern` that is used goes
through ``re.compile``, where the cache serves it like any other.  And this
module uses only `re`'s public interface, while `regex_cache` is kept small
and alone because it uses private internals that CPython may change.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """Behaves as ``re.compile(pattern, flags)``; compiles when first used."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # search, sub, finditer, pattern, ...
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._pattern!r})"

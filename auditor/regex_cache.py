"""Compiled regular expressions kept across command-line runs.

Reports are Chinese, so most of the auditor's patterns hold a character class
over the CJK block (``[\\u4e00-\\u9fff]``).  CPython's regex compiler (3.11
to 3.13) builds such a class by walking every code point of the range, about
3.5 ms a class, and the patterns one `audit check` of a single report touches
cost ~0.2 s to compile: a fifth of the CI gate's one-second budget, paid
again by every run for the same result.

The compiled program of a pattern is plain data (a list of integers plus the
group table), fixed by the pattern, the flags and the interpreter.  `warm`
rebuilds the patterns a previous run compiled from that data, in microseconds
each, and places them in the `re` module's own cache, so every
``re.compile`` / ``re.search`` of the code finds them there unchanged;
`remember` stores what a run compiled that the cache did not hold yet.

The data lives in the per-user cache (`auditor.cache`: ``AUDIT_CACHE_DIR=off``
disables it), keyed by the exact interpreter and the regex engine's version
stamp, and is only used on the CPython versions whose compiler layout this
module knows; anywhere else, or on any problem, patterns are compiled as
usual.  The engine validates each rebuilt program, so damaged data cannot
yield a wrong pattern, only a miss.

What it buys, measured on CPython 3.11 with 2 CPUs shared with other work
(load average 3 to 14, hence CPU time rather than wall time), for `audit
check` of one generated report against a folder of 12: the 390 patterns such
a check compiles cost 0.16 s of CPU to compile (0.22-0.27 s under the
heaviest load) and 7-10 ms to `warm`, 3-4 ms of it reading the file.  End to
end, least CPU time of 11 interleaved runs: 1.10 s with both per-user caches
warm, 1.32 s with only the rule pack's, 1.36 s with ``AUDIT_CACHE_DIR=off``;
`audit version` 0.23-0.26 s either way (its `warm` costs the few ms above for
patterns it never uses).

This is the only module that touches `re`'s private parts, and only `warm`
and `remember` (called by `auditor.cli.main`, never on import) change
anything: `re`'s cache, which they only add to.  tests/test_regex_cache.py
fails loudly when a supported CPython changes the parts it relies on, and
checks that anywhere else the module does nothing.  Deleting the module and
its two calls costs only the time above.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from auditor import cache

NAME = "regex-programs"
#: Patterns are the code's and the rule pack's, a few hundred; a file past this
#: many (rule packs swapped often, say) is started afresh rather than grown.
MAX_PROGRAMS = 2000

#: `re` internals this module relies on: ``re._cache`` keyed by
#: ``(type(pattern), pattern, flags)``, ``_parser.parse``, ``_compiler._code``
#: and ``_sre.compile(pattern, flags, code, groups - 1, groupindex, indexgroup)``.
SUPPORTED = sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)

Program = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

_loaded: set[tuple[str, int]] = set()


def _engine() -> Any:
    """CPython's regex engine, `_sre`: imported on use, as only a supported interpreter needs it."""
    import _sre  # type: ignore[import-not-found]  # a private module: no stubs

    return _sre


def _key() -> str:
    engine = _engine()
    return cache.make_key(NAME, engine.MAGIC, engine.CODESIZE, sys.maxunicode)


def program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` computes for a pattern, short of building it."""
    from re import _compiler, _parser  # type: ignore[attr-defined]  # private, not in the stubs

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Any] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # the opcodes are int subclasses that do not pickle: keep their values
    return int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def build(pattern: str, prog: Program) -> re.Pattern:
    """The pattern object for a stored program (the engine validates the code)."""
    flags, code, groups, groupindex, indexgroup = prog
    return _engine().compile(pattern, flags, list(code), groups, dict(groupindex), tuple(indexgroup))


def _re_cache() -> dict | None:
    store = getattr(re, "_cache", None)
    return store if isinstance(store, dict) else None


def warm() -> int:
    """Put the stored patterns into `re`'s cache; how many (0 when off or cold)."""
    store = _re_cache()
    if not SUPPORTED or store is None:
        return 0
    try:
        programs = cache.load(NAME, _key()) or {}
        for (pattern, flags), prog in programs.items():
            store.setdefault((str, pattern, flags), build(pattern, prog))
            _loaded.add((pattern, flags))
    except Exception:  # stale or damaged data: compile as usual
        return 0
    return len(programs)


def _costly(pattern: str) -> bool:
    """Worth keeping: a class or literal beyond Latin-1 is what makes compiling slow."""
    return any(ord(ch) > 0xFF for ch in pattern) or "\\u" in pattern


def remember() -> int:
    """Store the costly patterns compiled in this process that were not stored yet; how many."""
    store = _re_cache()
    if not SUPPORTED or store is None or cache.cache_dir() is None:
        return 0
    new = [
        (key[1], key[2])
        for key in list(store)
        if isinstance(key, tuple) and len(key) == 3 and key[0] is str and (key[1], key[2]) not in _loaded and _costly(key[1])
    ]
    if not new:
        return 0
    try:
        key = _key()
        programs = cache.load(NAME, key) or {}
        if len(programs) + len(new) > MAX_PROGRAMS:
            programs = {}
        for pattern, flags in new:
            programs.setdefault((pattern, flags), program(pattern, flags))
        cache.store(NAME, key, programs)
        _loaded.update(new)
    except Exception:  # an optimisation only
        return 0
    return len(new)

"""A per-user cache of start-up work, for short-lived runs such as a CI gate.

`audit check` of one report against an index must answer in well under a
second, start-up included, and re-deriving the same things from the same
files on every run (parsing and validating the whole rule pack, ~0.15 s) is
a large share of that.  Such results are kept here, one pickle per name,
next to the key they were computed for; a value is only used when the key
matches, so a changed input is simply recomputed.

Where: ``$AUDIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/auditor``, else
``~/.cache/auditor``; ``AUDIT_CACHE_DIR=off`` turns the cache off.  The cache
is an optimisation only: an unreadable, damaged or unwritable cache is
ignored and the value computed as if there were none.  Writes are atomic
(a private temporary file renamed over the old one), so concurrent runs
never see half a file.  The files are trusted like ``__pycache__``: they live
in the user's own cache folder and are written by the auditor alone.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from auditor.version import __version__

_PKG = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    env = os.environ.get("AUDIT_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "no", "false") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "auditor"


def files_under(root: Path, suffix: str) -> list[Path]:
    """Files under `root` whose name ends with `suffix`, sorted: ``sorted(root.rglob("*" + suffix))``
    for a tree of plain files, in a fraction of the time (pathlib's glob costs ~5 ms a call)."""
    return sorted(Path(d, f) for d, _, names in os.walk(root) for f in names if f.endswith(suffix))


@functools.lru_cache(maxsize=1)
def code_stamp() -> tuple[tuple[str, int, int], ...]:
    """(path, size, mtime) of every module of the package: a changed module
    changes the key, as it would invalidate Python's own bytecode cache.

    Taken once per process, before the modules it describes are imported by
    the work it keys: a process that imported a module before it was edited
    must store what it computed under the old stamp, not the new one (a
    long-lived process would otherwise poison the cache for every run of the
    edited code)."""
    out = []
    for p in files_under(_PKG, ".py"):
        st = p.stat()
        out.append((p.relative_to(_PKG).as_posix(), st.st_size, st.st_mtime_ns))
    return tuple(out)


def make_key(*parts: Any) -> str:
    """A digest of the parts (reprs of plain values, bytes as they are), the
    auditor's version and the interpreter's (pickles are not portable across them)."""
    h = hashlib.sha256()
    for part in (__version__, sys.version, *parts):
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "little") + data)
    return h.hexdigest()


def _path(name: str) -> Path | None:
    d = cache_dir()
    return None if d is None else d / f"{name}.pickle"


def load(name: str, key: str) -> Any | None:
    """The value stored under `name` for `key`; None on a miss or any problem."""
    path = _path(name)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            stored_key, value = pickle.load(fh)
    except Exception:  # missing, damaged, or written by incompatible code: a miss
        return None
    return value if stored_key == key else None


def store(name: str, key: str, value: Any) -> None:
    """Keep `value` under `name` for `key` (atomically; failures are ignored)."""
    path = _path(name)
    if path is None:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # a read-only home, a full disk: run without the cache
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass

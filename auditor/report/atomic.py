"""Atomic file output: write beside the target, then rename over it.

A CI job killed mid-write must never leave a half-written findings.json that a
later step would read as a clean result, nor a new report.html beside an old
findings.json.  So every writer goes through one helper, and a run's outputs
are staged: each is written in full (flushed and fsynced) to a temporary file
beside its target, and only when all of them are complete are they renamed
into place, one after the other, and the folder synced.  An interruption
before that leaves the previous outputs as they were.  Files get the mode an
ordinary ``open()`` would (0666 less the umask), not ``mkstemp``'s private 0600.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(path: Path, write: Callable[[TextIO], object], encoding: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _umask_mode())
    except BaseException:
        _discard(tmp)
        raise
    return tmp


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


class Staged:
    """Outputs written in full to temporary files, renamed into place together by `commit`."""

    def __init__(self) -> None:
        self._pending: list[tuple[str, Path]] = []

    def write(self, path: Path, write: Callable[[TextIO], object], encoding: str = "utf-8") -> None:
        self._pending.append((_write_temp(Path(path), write, encoding), Path(path)))

    def write_text(self, path: Path, text: str, encoding: str = "utf-8") -> None:
        self.write(path, lambda fh: fh.write(text), encoding)

    def commit(self) -> None:
        for tmp, path in self._pending:
            os.replace(tmp, path)
        for folder in {path.parent for _, path in self._pending}:
            _fsync_dir(folder)
        self._pending.clear()

    def discard(self) -> None:
        for tmp, _ in self._pending:
            _discard(tmp)
        self._pending.clear()


@contextmanager
def staged() -> Iterator[Staged]:
    """Stage outputs; all are renamed into place when the block ends normally, none otherwise."""
    stage = Staged()
    try:
        yield stage
    except BaseException:
        stage.discard()
        raise
    stage.commit()


def write_atomic(path: Path, write: Callable[[TextIO], object], encoding: str = "utf-8") -> None:
    """Call ``write(fh)`` on a temporary file beside ``path``, then rename it over ``path``.

    Writers that stream (findings.json of 100,000 reports is ~150 MB) never
    hold the whole text in memory; a failure leaves the old file in place.
    """
    with staged() as stage:
        stage.write(path, write, encoding)


def write_text_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_atomic(path, lambda fh: fh.write(text), encoding)

"""A corpus' shingle sets on disk, for exact document frequencies in bounded memory.

The boilerplate stop sets are corpus statistics: shingles in more than
``max_df`` of the documents or in more than ``max_df_docs`` of them
(`auditor.dedup.corpus.stop_hashes`; candidates are found without them) and
the smaller set candidates are scored without
(`auditor.dedup.corpus.verify_stop_hashes`).  Counting them exactly needs every
document's set at once — ~10^8 hashes for 100,000 reports, more than an
index build should hold in memory.  So while documents are indexed their
sets are appended to `parts` files, each holding one range of hash values;
each range is then counted on its own (a hash's count lives in exactly one
range), with the very function `audit run` uses, given that range's slice of
every document.  The second pass reads the sets back document by document
(each document's slices are contiguous in every file, so a batch is one
read per file) to compute the signatures with the frozen stop set.

The results are the stop sets `audit run` would compute on the same corpus.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np


class SetSpill:
    """Append sorted uint32 sets; count frequent hashes; read the sets back in order."""

    def __init__(self, folder: Path | None = None, parts: int = 16):
        self._tmp = tempfile.TemporaryDirectory(prefix="audit-index-", dir=folder)
        self.dir = Path(self._tmp.name)
        self.parts = parts
        self._cuts = np.linspace(0, 1 << 32, parts + 1)[1:-1].astype(np.uint64).astype(np.uint32)
        self._files = [open(self.dir / f"part{p:02d}.u32", "wb") for p in range(parts)]
        self._lengths: list[np.ndarray] = []
        self._mm: list[np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self._lengths)

    def add(self, s: np.ndarray) -> None:
        s = np.asarray(s, dtype=np.uint32)
        cut = np.searchsorted(s, self._cuts)
        for f, piece in zip(self._files, np.split(s, cut)):
            piece.tofile(f)
        self._lengths.append(np.diff(np.concatenate([[0], cut, [len(s)]])).astype(np.int64))

    def _parts(self) -> list[np.ndarray]:
        """The mapped parts, once every set is written (`_finish`)."""
        self._finish()
        assert self._mm is not None
        return self._mm

    def _finish(self) -> None:
        if self._mm is not None:
            return
        for f in self._files:
            f.close()
        self.lengths = np.vstack(self._lengths) if self._lengths else np.zeros((0, self.parts), np.int64)
        self.offsets = np.vstack([np.zeros((1, self.parts), np.int64), np.cumsum(self.lengths, axis=0)])
        self._mm = [
            np.memmap(self.dir / f"part{p:02d}.u32", dtype=np.uint32, mode="r") if self.offsets[-1, p] else
            np.zeros(0, np.uint32) for p in range(self.parts)
        ]

    def frequent(self, stop_hashes) -> np.ndarray:
        """``stop_hashes(sets)`` over the whole corpus, one hash range at a time (sorted)."""
        (out,) = self.frequent_many(lambda sets: (stop_hashes(sets),))
        return out

    def frequent_many(self, stop_sets) -> tuple[np.ndarray, ...]:
        """``stop_sets(sets)`` -> a tuple of hash sets, over the whole corpus in one pass.

        Valid for any function of per-hash document counts and the number of
        documents (every part holds a slice of every document, so ``len(sets)``
        is the corpus size in each call).
        """
        mm = self._parts()
        out: list[tuple[np.ndarray, ...]] = []
        for p in range(self.parts):
            data = np.asarray(mm[p])
            sets = np.split(data, self.offsets[1:-1, p]) if len(self) else []
            out.append(tuple(np.asarray(x, dtype=np.uint32) for x in stop_sets(sets)))
        return tuple(np.concatenate(parts) for parts in zip(*out))

    def batches(self, size: int) -> Iterator[list[np.ndarray]]:
        """The sets again, in the order they were added, `size` documents at a time."""
        mm = self._parts()
        for i0 in range(0, len(self), size):
            i1 = min(i0 + size, len(self))
            chunks = []
            for p in range(self.parts):
                block = np.asarray(mm[p][self.offsets[i0, p] : self.offsets[i1, p]])
                chunks.append(np.split(block, self.offsets[i0 + 1 : i1, p] - self.offsets[i0, p]))
            yield [np.concatenate([chunks[p][k] for p in range(self.parts)]) for k in range(i1 - i0)]

    def close(self) -> None:
        if self._mm is None:
            for f in self._files:
                f.close()
        self._mm = None
        self._tmp.cleanup()

    def __enter__(self) -> SetSpill:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

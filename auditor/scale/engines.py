"""Where the per-document work runs: this process, worker processes, or Dask.

An engine maps one of `work`'s functions over chunks, in order, with the
`work.Context` installed once per worker; the Dask engine also runs the LSH
banding join.  Every engine returns the same values in the same order, so the
findings do not depend on the engine or the number of workers.

* `LocalEngine(jobs=1)`: in this process (no pickling at all);
* `LocalEngine(jobs=N)`: ``concurrent.futures.ProcessPoolExecutor`` workers
  started by a fork server (the context is pickled once per worker); a new
  context (after the corpus-wide frequent shingles are known) starts new
  workers.  Not plain ``fork``: by the second pass the main process holds
  every report of the corpus (3.7 GB at 100,000), and forked workers copied
  those pages as their garbage collector touched them (1.8 GB each);
* `DaskEngine(address)`: a ``distributed`` cluster (or a ``LocalCluster``
  when no address is given); the context is scattered to every worker once,
  chunks become tasks, and the banding join is a hash-partitioned shuffle of
  the band keys followed by a group-by on (band, key) in each partition.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np

from auditor.scale import work


class LocalEngine:
    name = "local"

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, int(jobs))
        self._pool: ProcessPoolExecutor | None = None
        self._ctx: work.Context | None = None

    def start(self, ctx: work.Context) -> None:
        """Install a context (restarting the workers when there are any)."""
        self.close()
        self._ctx = ctx
        work.init(ctx)
        if self.jobs > 1:
            mpc = mp.get_context("forkserver")
            mpc.set_forkserver_preload(["auditor.scale.work"])  # workers fork from a server that has the code loaded
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=mpc, initializer=work.init_worker, initargs=(ctx,))

    def map(self, fn: str, chunks: Iterable[Any]) -> Iterator[Any]:
        """Results of ``work.<fn>`` on each chunk, in order.

        With workers, every chunk is submitted before this returns, so the
        caller can do its own work while they run (`auditor.scale` runs the
        cross-year rules during alignment); in-process, chunks run as the
        results are read.
        """
        if self._pool is None:
            f = getattr(work, fn)
            return (f(c) for c in chunks)
        try:
            return self._pool.map(work.call, itertools.repeat(fn), chunks)  # submits every chunk now
        except BrokenPipeError as exc:  # the pool could not reach a worker it was starting
            raise RuntimeError("a worker process could not start (see the error above); no report was checked by it") from exc

    band_join = None  # the in-process numpy banding

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def describe(self) -> str:
        return f"local, {self.jobs} process{'es' if self.jobs > 1 else ''}"


class DaskEngine:
    """Chunks as tasks on a Dask ``distributed`` cluster."""

    name = "dask"

    def __init__(self, address: str | None = None, workers: int = 2, processes: bool = True):
        from distributed import Client, LocalCluster

        self._cluster = None
        if address:
            self.client = Client(address)
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None)
            self.client = Client(self._cluster)
        self._ctx = None

    def start(self, ctx: work.Context) -> None:
        self._ctx = self.client.scatter(ctx, broadcast=True)

    def map(self, fn: str, chunks: Iterable[Any]) -> Iterator[Any]:
        """Results of ``work.<fn>`` on each chunk, in order; every task is submitted before this returns."""
        futures = [self.client.submit(_task, fn, c, self._ctx, pure=False) for c in chunks]

        def results() -> Iterator[Any]:
            for f in futures:  # in order
                yield f.result()
                f.release()

        return results()

    def band_join(self, sigs: np.ndarray, bands: int, rows: int, active: np.ndarray) -> np.ndarray:
        """`candidates.band_pairs` as a distributed group-by on (band, key).

        A hash-partitioned shuffle in two task stages: map tasks turn a block
        of signatures into band keys and split the (band, key, doc) rows into
        P buckets by key; reduce task p gathers bucket p of every map task
        (the cluster moves the data), groups its rows by (band, key) and emits
        the pairs of each group.  Same pairs as the in-process banding.
        (``dask.dataframe`` would do this shuffle too, but needs pyarrow.)
        """
        from operator import getitem

        from auditor.dedup.candidates import codes_to_pairs

        n_docs = sigs.shape[0]
        docs = np.flatnonzero(active)
        if docs.size < 2:
            return np.zeros((0, 2), dtype=np.int64)
        n_workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        parts = 4 * n_workers
        block = max(1000, -(-docs.size // (4 * n_workers)))
        maps = [
            self.client.submit(_band_map, sigs[docs[lo : lo + block]], docs[lo : lo + block], bands, rows, parts, pure=False)
            for lo in range(0, docs.size, block)
        ]
        buckets = [[self.client.submit(getitem, m, p, pure=False) for m in maps] for p in range(parts)]
        reduces = [self.client.submit(_band_reduce, b, n_docs, pure=False) for b in buckets]
        codes = [f.result() for f in reduces]
        return codes_to_pairs(np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64), n_docs)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def describe(self) -> str:
        info = self.client.scheduler_info()
        return f"dask, {len(info.get('workers', {}))} workers at {info.get('address', '?')}"


def _task(fn: str, chunk: Any, ctx: work.Context) -> Any:
    return getattr(work, fn)(chunk, ctx)


def _band_map(sigs: np.ndarray, docs: np.ndarray, bands: int, rows: int, parts: int) -> list[tuple[np.ndarray, ...]]:
    """Map side of the banding join: (band, key, doc) rows split into ``parts`` buckets by key."""
    from auditor.dedup.candidates import band_keys

    keys = band_keys(sigs, bands, rows)  # (docs, bands)
    band = np.broadcast_to(np.arange(bands, dtype=np.int64)[None, :], keys.shape).ravel()
    key = keys.ravel()
    doc = np.repeat(docs.astype(np.int64), bands)
    with np.errstate(over="ignore"):
        bucket = ((key ^ (band.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))) % np.uint64(parts)).astype(np.int64)
    return [(band[bucket == p], key[bucket == p], doc[bucket == p]) for p in range(parts)]


def _band_reduce(pieces: list[tuple[np.ndarray, ...]], n_docs: int) -> np.ndarray:
    """Reduce side: the pair codes of the documents sharing a (band, key) in one bucket."""
    from auditor.dedup.candidates import group_pairs

    band = np.concatenate([p[0] for p in pieces])
    key = np.concatenate([p[1] for p in pieces])
    doc = np.concatenate([p[2] for p in pieces])
    if band.size < 2:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((key, band))
    b, k = band[order], key[order]
    new = np.concatenate([[True], (b[1:] != b[:-1]) | (k[1:] != k[:-1])])
    group = np.empty(order.size, dtype=np.int64)
    group[order] = np.cumsum(new) - 1
    return group_pairs(group, doc, n_docs)


def make_engine(engine: str = "local", jobs: int = 1, scheduler: str | None = None):
    if engine == "local":
        return LocalEngine(jobs)
    if engine == "dask":
        return DaskEngine(scheduler, workers=max(1, jobs))
    raise ValueError(f"unknown engine {engine!r}: local or dask")

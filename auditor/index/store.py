"""The corpus index file: one SQLite database, safe for concurrent CI jobs.

Why SQLite: it is in the standard library, needs no server, is one file a
team can keep on shared storage, and its write-ahead log lets readers (`audit
check`) run while a writer (`audit index add`) commits.  The work a query
does is a few indexed point look-ups (LSH band keys, one agency's series) and
reading a handful of compressed texts — a row store's job; a column store
such as DuckDB would only help whole-corpus analytics, which the gate never
runs.

Layout (`SCHEMA`):

* ``info``      — JSON values: the versions record (`versions.py`), LSH bands
  and rows, how many documents the stop set was computed from, timestamps;
* ``blobs``     — the frozen stop sets (corpus-frequent shingles, sorted
  uint32: ``frequent``, left out when finding candidates, and ``scored``, the
  smaller set left out when scoring them) and the MinHash permutations, so
  that a query needs neither the corpus nor datasketch (whose import alone
  costs a second of a CI job's start-up);
* ``documents`` — one row per report: metadata for finding its series
  (``agency_key``, ``year``), the zlib-compressed raw text plus tables and
  loader metadata (enough to rebuild the `Document` exactly and re-analyse
  it), the MinHash signature and the feature count;
* ``bands``     — ``(band, key, pk)``, a clustered B-tree: all documents that
  share one LSH band value sit together.

Concurrency: every connection uses WAL and a busy timeout; every write is
one ``BEGIN IMMEDIATE`` transaction that re-reads the index state after
taking the write lock, so two ``audit index add`` jobs serialise cleanly and
neither can write sketches computed against a state the other changed.
"""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from auditor.dedup.shingle import union
from auditor.index.sketch import SketchParams, band_keys, batch_signatures, estimate_jaccard, features
from auditor.model import Cell, Document, DocumentMeta, Table

BUSY_TIMEOUT_S = 120.0
_ZERO_SIG = bytes(512)  # placeholder until `set_sketches` (no band rows point at it)
_SQLITE_MAGIC = b"SQLite format 3\x00"

SCHEMA = """
CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    part INTEGER,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    heading TEXT NOT NULL,
    title TEXT NOT NULL,
    agency TEXT NOT NULL,
    agency_key TEXT NOT NULL,
    agency_rkey TEXT NOT NULL,
    year INTEGER,
    kind TEXT NOT NULL,
    signed TEXT,
    chars INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    nfeat INTEGER NOT NULL,
    added TEXT NOT NULL,
    sig BLOB NOT NULL,
    raw BLOB NOT NULL,
    extra BLOB
);
CREATE INDEX IF NOT EXISTS documents_series ON documents (agency_key, year);
CREATE INDEX IF NOT EXISTS documents_rseries ON documents (agency_rkey, year);
CREATE TABLE IF NOT EXISTS bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    pk INTEGER NOT NULL,
    PRIMARY KEY (band, key, pk)
) WITHOUT ROWID;
"""


APPLICATION_ID = 0x41554449  # "AUDI": PRAGMA application_id of every index this tool creates


class CorpusIndexError(ValueError):
    """The index cannot be used; the message says why and what to do."""


class StaleIndexError(CorpusIndexError):
    """The index was built by other code or parameters than the running ones."""


def is_index_file(path: Path) -> bool:
    """True for an SQLite database file (what `--against` treats as an index)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Entry:
    """A document ready to be stored: metadata, compressed body, shingle set."""

    id: str
    source: str
    part: int | None
    format: str
    encoding: str
    heading: str
    title: str
    agency: str
    agency_key: str
    year: int | None
    kind: str
    signed: str | None
    chars: int
    sha256: str
    raw: bytes  # zlib(utf-8 raw text)
    extra: bytes | None  # zlib(json {tables, meta}) or None
    unique: np.ndarray  # sorted unique shingle hashes, before stop removal


@dataclass
class IndexState:
    """What every sketch in the index was computed with (read under the lock)."""

    versions: dict
    sketch: SketchParams
    frequent: np.ndarray  # left out of the features that signatures and candidates come from
    perms: tuple[np.ndarray, np.ndarray]
    stop_docs: int  # documents the frequent set was computed from
    template: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, np.uint32))
    scored: np.ndarray | None = None  # left out when candidates are scored; None: ``frequent``

    @property
    def stop(self) -> np.ndarray:
        return union(self.template, self.frequent)


@dataclass
class Candidate:
    pk: int
    id: str
    why: str  # "lsh" | "series" | "lsh+series"
    estimate: float  # MinHash Jaccard estimate (0 when only in the series)


def _blob_u32(a: np.ndarray) -> bytes:
    return np.ascontiguousarray(a, dtype="<u4").tobytes()


def _u32(b: bytes) -> np.ndarray:
    return np.frombuffer(b, dtype="<u4").astype(np.uint32)


def pack_extra(doc: Document, loaded_meta: dict | None) -> bytes | None:
    """Tables and loader metadata, compressed; None when empty.

    `loaded_meta` is the document's `DocumentMeta.as_dict()` taken before
    extraction added what it read in the text (re-read on every load, so not
    stored); without it the current metadata is stored.  Only scalar values
    are kept: the spans of extracted facts are offsets, not facts to store.
    """
    source = loaded_meta if loaded_meta is not None else doc.meta.as_dict()
    meta = {k: v for k, v in source.items() if not k.startswith("_") and (v is None or isinstance(v, (str, int, float, bool)))}
    tables = [asdict(t) for t in doc.tables]
    if not meta and not tables:
        return None
    return zlib.compress(json.dumps({"meta": meta, "tables": tables}, ensure_ascii=False).encode("utf-8"), 6)


def document_from_row(row: sqlite3.Row | tuple) -> Document:
    """Rebuild the `Document` exactly as ingest made it (canonical text, map, tables)."""
    from auditor.normalize.text import canonicalize

    doc_id, source, part, fmt, encoding, heading, raw_z, extra_z = row
    raw = zlib.decompress(raw_z).decode("utf-8")
    text, to_raw = canonicalize(raw)
    doc = Document(id=doc_id, source=source, part=part, format=fmt, encoding=encoding, raw=raw, text=text,
                   to_raw=to_raw, heading=heading)
    if extra_z:
        extra = json.loads(zlib.decompress(extra_z).decode("utf-8"))
        doc.meta = DocumentMeta.from_dict(extra.get("meta"))
        doc.tables = [
            Table([Cell(**c) for c in t["cells"]], t["start"], t["end"], t.get("caption", ""))
            for t in extra.get("tables") or []
        ]
    return doc


class CorpusIndex:
    """An open index file.  Use as a context manager; see the module docstring."""

    def __init__(self, path: Path, create: bool = False, bulk: bool = False):
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise CorpusIndexError(f"{self.path}: no such index (create one with `audit index build`)")
        if self.path.is_file() and self.path.stat().st_size and not is_index_file(self.path):
            raise CorpusIndexError(f"{self.path}: not an index file (not an SQLite database)")
        try:
            self.con = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self._check_owner()
            if bulk:  # a fresh private file being built: no journal until it is complete
                self.con.execute("PRAGMA journal_mode = OFF")
                self.con.execute("PRAGMA synchronous = OFF")
            else:
                self._wal()
                self.con.execute("PRAGMA synchronous = NORMAL")
            if create:
                with self.write():
                    for statement in SCHEMA.split(";"):
                        if statement.strip():
                            self.con.execute(statement)
                self.con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except sqlite3.DatabaseError as exc:
            raise CorpusIndexError(f"{self.path}: cannot open index: {exc}") from exc

    def _check_owner(self) -> None:
        """Refuse a database that is not one of ours before reading or writing it.

        An index made by this tool carries ``APPLICATION_ID`` (older ones: the
        ``info`` and ``documents`` tables with a ``versions`` record).  Any
        other SQLite file (another application's, an empty schema) is an
        error: a gate must not pass against it, and `index add` must not put
        its tables into it.  An empty database (a new file) is ours to create.
        """
        try:
            app_id = self.con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in self.con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            self.con.close()
            raise CorpusIndexError(f"{self.path}: damaged index: {exc}") from exc
        if app_id == APPLICATION_ID or (not tables and app_id == 0):
            return
        ours = app_id == 0 and {"info", "documents"} <= tables and self.con.execute(
            "SELECT 1 FROM info WHERE key = 'versions'").fetchone() is not None
        if not ours:
            self.con.close()
            raise CorpusIndexError(f"{self.path}: an SQLite database that is not an index of this tool; "
                                   "it was not read or changed (build one with `audit index build`)")

    def _wal(self) -> None:
        # Switching to WAL needs a moment without other writers; it is persistent,
        # so it only ever waits on the very first open of a new file.
        for attempt in range(50):
            try:
                mode = self.con.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() == "wal":
                    return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
            time.sleep(0.05 * (attempt + 1))

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the database's write lock (BEGIN IMMEDIATE)."""
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # ------------------------------------------------------------------ state
    def info(self, key: str, default=None):
        try:
            row = self.con.execute("SELECT value FROM info WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return default
        return json.loads(row[0]) if row else default

    def set_info(self, key: str, value) -> None:
        self.con.execute("INSERT OR REPLACE INTO info (key, value) VALUES (?, ?)", (key, json.dumps(value, ensure_ascii=False)))

    def blob(self, name: str) -> bytes | None:
        row = self.con.execute("SELECT data FROM blobs WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_blob(self, name: str, data: bytes) -> None:
        self.con.execute("INSERT OR REPLACE INTO blobs (name, data) VALUES (?, ?)", (name, data))

    def initialised(self) -> bool:
        return self.info("versions") is not None

    def state(self) -> IndexState:
        from auditor.dedup.shingle import template_hashes

        versions = self.info("versions")
        if versions is None:
            raise CorpusIndexError(f"{self.path}: the index is empty (never initialised)")
        lsh = self.info("lsh")
        sk = versions["sketch"]
        sketch = SketchParams(n=sk["n"], seed=sk["seed"], num_perm=sk["num_perm"], bands=lsh[0], rows=lsh[1])
        scored = self.blob("scored")
        perm_a, perm_b = self.blob("perm_a"), self.blob("perm_b")
        if perm_a is None or perm_b is None:
            raise CorpusIndexError(f"{self.path}: the index has no MinHash permutations (rebuild it)")
        st = IndexState(
            versions=versions,
            sketch=sketch,
            frequent=_u32(self.blob("frequent") or b""),
            perms=(_u32(perm_a), _u32(perm_b)),
            stop_docs=int(self.info("stop_docs", 0)),
            scored=None if scored is None else _u32(scored),
        )
        st.template = template_hashes(sketch.n, sketch.seed)
        return st

    def initialise(self, versions: dict, sketch: SketchParams, stops: tuple[np.ndarray, np.ndarray],
                   perms: tuple[np.ndarray, np.ndarray], stop_docs: int) -> None:
        """Record what the sketches are computed with (inside a write transaction).

        ``stops``: the candidate and the scoring stop set; the second is only
        stored when it differs (below ``max_df_docs / verify_df_share`` reports
        the two are one).
        """
        frequent, scored = stops
        self.set_info("versions", versions)
        self.set_info("lsh", [sketch.bands, sketch.rows])
        self.set_info("stop_docs", int(stop_docs))
        self.set_info("stop_set_at", now_iso())
        self.set_blob("frequent", _blob_u32(frequent))
        if np.array_equal(scored, frequent):
            self.con.execute("DELETE FROM blobs WHERE name = 'scored'")
        else:
            self.set_blob("scored", _blob_u32(scored))
        self.set_blob("perm_a", _blob_u32(perms[0]))
        self.set_blob("perm_b", _blob_u32(perms[1]))
        if self.info("created") is None:
            self.set_info("created", now_iso())

    # ----------------------------------------------------------------- writes
    def put(self, entries: list[Entry], st: IndexState, replace: bool = True) -> dict[str, str]:
        """Store entries with their sketches (inside a write transaction).

        Returns id -> added | replaced | unchanged (same text) | kept (other
        text, ``replace`` False).
        """
        outcome, pks = self.insert_documents(entries, st, replace=replace)
        todo = [(pks[e.id], e.unique) for e in entries if e.id in pks]
        self.set_sketches([pk for pk, _ in todo], [u for _, u in todo], st)
        return outcome

    def insert_documents(self, entries: list[Entry], st: IndexState | None, replace: bool = True,
                         fresh: bool = False) -> tuple[dict[str, str], dict[str, int]]:
        """Document rows without their sketch (signature zero, no bands) — `set_sketches` follows.

        ``fresh``: the ids are known to be new (a build): no look-ups.
        Returns the outcome per id and the pk of every row written.
        """
        outcome: dict[str, str] = {}
        pks: dict[str, int] = {}
        if not entries:
            return outcome, pks
        cur = self.con.cursor()
        existing: dict[str, tuple[int, str, bytes]] = {}
        if not fresh:
            for chunk in _chunks([e.id for e in entries], 500):
                q = f"SELECT id, pk, sha256, sig FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
                existing.update({r[0]: (r[1], r[2], r[3]) for r in cur.execute(q, chunk)})
        next_pk = cur.execute("SELECT coalesce(max(pk), 0) FROM documents").fetchone()[0] + 1
        stamp = now_iso()
        rows = []
        for e in entries:
            old = existing.get(e.id)
            if old is not None:
                if old[1] == e.sha256 or not replace:
                    outcome[e.id] = "unchanged" if old[1] == e.sha256 else "kept"
                    continue
                self._delete(old[0], np.frombuffer(old[2], dtype="<u4"), st)
            pks[e.id] = next_pk
            rows.append((next_pk, e.id, e.source, e.part, e.format, e.encoding, e.heading, e.title, e.agency,
                         e.agency_key, e.agency_key[::-1], e.year, e.kind, e.signed, e.chars, e.sha256, 0, stamp,
                         _ZERO_SIG, e.raw, e.extra))
            next_pk += 1
            outcome[e.id] = "replaced" if old is not None else "added"
        cur.executemany(
            "INSERT INTO documents (pk, id, source, part, format, encoding, heading, title, agency, agency_key,"
            " agency_rkey, year, kind, signed, chars, sha256, nfeat, added, sig, raw, extra)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return outcome, pks

    def update_metadata(self, entries: list[Entry]) -> int:
        """Re-extracted metadata of stored documents, by id (a rebuild); returns rows changed."""
        cur = self.con.executemany(
            "UPDATE documents SET title = ?, agency = ?, agency_key = ?, agency_rkey = ?, year = ?, kind = ?,"
            " signed = ?, chars = ? WHERE id = ?",
            [(e.title, e.agency, e.agency_key, e.agency_key[::-1], e.year, e.kind, e.signed, e.chars, e.id)
             for e in entries],
        )
        return cur.rowcount

    def set_sketches(self, pks: list[int], sets: list[np.ndarray], st: IndexState) -> None:
        """Signature, feature count and LSH bands of documents, from their template-free shingle sets."""
        if not pks:
            return
        stop = st.stop
        feats = [features(u, stop) for u in sets]
        sigs = batch_signatures(feats, st.perms)
        keys = band_keys(sigs, st.sketch.bands, st.sketch.rows)
        min_feat = max(int(st.versions["sketch"]["min_features"]), 1)
        self.con.executemany(
            "UPDATE documents SET sig = ?, nfeat = ? WHERE pk = ?",
            [(sig.astype("<u4").tobytes(), int(len(f)), pk) for pk, f, sig in zip(pks, feats, sigs)],
        )
        band_rows = sorted(
            (b, int(kk), pk) for pk, f, k in zip(pks, feats, keys) if len(f) >= min_feat for b, kk in enumerate(k)
        )
        self.con.executemany("INSERT OR IGNORE INTO bands (band, key, pk) VALUES (?, ?, ?)", band_rows)

    def _delete(self, pk: int, sig: np.ndarray, st: IndexState | None) -> None:
        if st is not None and len(sig) >= st.sketch.bands * st.sketch.rows:
            keys = band_keys(sig[None, :].astype(np.uint32), st.sketch.bands, st.sketch.rows)[0]
            self.con.executemany("DELETE FROM bands WHERE band = ? AND key = ? AND pk = ?",
                                 [(b, int(k), pk) for b, k in enumerate(keys)])
        self.con.execute("DELETE FROM documents WHERE pk = ?", (pk,))

    # ---------------------------------------------------------------- queries
    def count(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0]

    def ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM documents")}

    def lsh_candidates(self, sig: np.ndarray, st: IndexState) -> list[int]:
        """Documents sharing at least one band with the signature."""
        keys = band_keys(sig[None, :], st.sketch.bands, st.sketch.rows)[0]
        values = ",".join("(?, ?)" for _ in keys)
        args = [x for b, k in enumerate(keys) for x in (b, int(k))]
        # a CTE join, not `(band, key) IN (VALUES …)`: SQLite scans the whole table for the latter
        q = f"WITH v(band, key) AS (VALUES {values}) SELECT DISTINCT b.pk FROM v JOIN bands b ON b.band = v.band AND b.key = v.key"
        rows = self.con.execute(q, args)
        return sorted(r[0] for r in rows)

    def signatures_of(self, pks: list[int]) -> tuple[list[int], list[str], np.ndarray, np.ndarray]:
        """pk, id, signature matrix and feature counts of these documents."""
        out_pk, out_id, sigs, nfeat = [], [], [], []
        for chunk in _chunks(pks, 500):
            q = f"SELECT pk, id, sig, nfeat FROM documents WHERE pk IN ({','.join('?' * len(chunk))}) ORDER BY pk"
            for pk, doc_id, sig, nf in self.con.execute(q, chunk):
                out_pk.append(pk)
                out_id.append(doc_id)
                sigs.append(np.frombuffer(sig, dtype="<u4"))
                nfeat.append(nf)
        mat = np.vstack(sigs).astype(np.uint32) if sigs else np.zeros((0, 0), np.uint32)
        return out_pk, out_id, mat, np.array(nfeat, dtype=np.int64)

    def series(self, agency_key: str, year: int | None, span: int = 1, min_tail: int = 4) -> list[tuple[int, str]]:
        """The agency's documents within `span` years of `year` (any year when unknown).

        "The agency" as the cross-year checks group a series: the same key, a
        longer key ending with it (the organ named with its city), or a
        shorter key of at least `min_tail` characters it ends with.
        """
        if not agency_key:
            return []
        years = "" if year is None else " AND year BETWEEN ? AND ?"
        yargs = [] if year is None else [year - span, year + span]
        rkey = agency_key[::-1]
        tails = [agency_key[i:] for i in range(1, len(agency_key) - min_tail + 1)]
        found: dict[int, str] = {}
        queries = [
            ("SELECT pk, id FROM documents WHERE agency_key = ?" + years, [agency_key, *yargs]),
            ("SELECT pk, id FROM documents WHERE agency_rkey > ? AND agency_rkey < ?" + years, [rkey, rkey + "\U0010ffff", *yargs]),
        ]
        if tails:
            queries.append((f"SELECT pk, id FROM documents WHERE agency_key IN ({','.join('?' * len(tails))})" + years,
                            [*tails, *yargs]))
        for q, args in queries:
            found.update(dict(self.con.execute(q, args).fetchall()))
        return sorted(found.items())

    def documents(self, pks: Iterable[int]) -> list[Document]:
        """Rebuilt documents, in pk order."""
        out: list[Document] = []
        for chunk in _chunks(sorted(set(pks)), 500):
            q = (f"SELECT id, source, part, format, encoding, heading, raw, extra FROM documents"
                 f" WHERE pk IN ({','.join('?' * len(chunk))}) ORDER BY pk")
            out.extend(document_from_row(r) for r in self.con.execute(q, chunk))
        return out

    def rows(self, batch: int = 1000) -> Iterator[list[tuple]]:
        """Every document as (pk, id, source, part, format, encoding, heading, raw, extra), in batches."""
        last = 0
        while True:
            rows = self.con.execute(
                "SELECT pk, id, source, part, format, encoding, heading, raw, extra FROM documents"
                " WHERE pk > ? ORDER BY pk LIMIT ?", (last, batch)).fetchall()
            if not rows:
                return
            yield rows
            last = rows[-1][0]


def _chunks(xs: list, n: int) -> Iterator[list]:
    for i in range(0, len(xs), n):
        yield xs[i : i + n]


def estimates(sig: np.ndarray, nfeat: int, sigs: np.ndarray, nfeats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Estimated Jaccard and best containment of one document against many.

    Containment follows from Jaccard and the two set sizes:
    ``|A∩B| = J (|A|+|B|) / (1+J)``, divided by the smaller set.
    """
    j = estimate_jaccard(sig, sigs)
    inter = j * (nfeat + nfeats) / (1.0 + j)
    smaller = np.maximum(np.minimum(nfeat, nfeats), 1)
    return j, np.minimum(inter / smaller, 1.0)

"""Character n-gram shingles of the matching view, minus the genre's boilerplate.

Why characters: Chinese has no spaces, so word shingles need a segmenter whose
errors differ between two copies of the same sentence; character 5-grams (the
NeMo Curator default) need none and are robust to the masked view.

Hashing: a shingle is the UTF-32-LE encoding of its view characters, hashed
with xxh32 and a fixed seed.  `token_hash` does that with the `xxhash`
package and is the `hashfunc` to give datasketch; `shingle_hashes` computes
the same values for every position of a document at once with a numpy
implementation of the xxh32 algorithm (the per-shingle Python call costs
~4 ms per 8,000-character report, the vectorised one ~0.1 ms).  A test keeps
the two bit-identical.

Boilerplate subtraction (JPlag's base code, MOSS ``-b``): every report of the
genre shares the 条例's name, the mandated headings and the table labels, so
raw similarity is high for any two reports.  Two stop sets are removed before
any similarity is computed:

* the *genre template*: shingles of the phrases in ``auditor/data/boilerplate.txt``
  (each line shingled on its own), plus shingles made only of placeholders
  (runs of table figures);
* *corpus document frequency*: shingles present in more than ``max_df`` of
  the documents or in more than ``max_df_docs`` of them, once the corpus is
  big enough (``min_docs_for_df``) for a frequency to mean "genre" rather
  than "these few reports copy each other" (`frequent_hashes`; the one place
  that applies `DedupParams` to it is `stop_hashes`).

`ShingleSet` computes all of this once per corpus.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import xxhash

from .params import DedupParams
from .views import PLACEHOLDER, MatchingView, matching_view

DEFAULT_N = 5
DEFAULT_HASH_SEED = 1
BOILERPLATE_PATH = Path(__file__).resolve().parent.parent / "data" / "boilerplate.txt"

_P1 = np.uint32(0x9E3779B1)
_P2 = np.uint32(0x85EBCA77)
_P3 = np.uint32(0xC2B2AE3D)
_P4 = np.uint32(0x27D4EB2F)
_P5 = np.uint32(0x165667B1)
_EMPTY = np.zeros(0, dtype=np.uint32)


def token_hash(token: str, seed: int = DEFAULT_HASH_SEED) -> int:
    """xxh32 of one shingle string: the reference for `shingle_hashes`.

    Pass ``functools.partial(token_hash, seed=s)`` as datasketch's ``hashfunc``
    to get the sketches `minhash.signature` computes.
    """
    return xxhash.xxh32_intdigest(token.encode("utf-32-le"), seed)


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _xxh32_words(words: list[np.ndarray], seed: int) -> np.ndarray:
    """xxh32 of equal-length inputs given as little-endian 32-bit words.

    ``words[k][i]`` is the k-th word of input i; every input is ``4*len(words)``
    bytes, so xxh32's single-byte tail never occurs.  uint32 arithmetic wraps,
    which is the modulo-2^32 arithmetic the algorithm specifies.
    """
    m = len(words[0])
    length = 4 * len(words)
    s = np.uint32(seed & 0xFFFFFFFF)
    with np.errstate(over="ignore"):
        k = 0
        if length >= 16:
            v = [
                np.full(m, s + _P1 + _P2, dtype=np.uint32),
                np.full(m, s + _P2, dtype=np.uint32),
                np.full(m, s, dtype=np.uint32),
                np.full(m, s - _P1, dtype=np.uint32),
            ]
            while k + 4 <= len(words):
                for lane in range(4):
                    v[lane] = _rotl(v[lane] + words[k + lane] * _P2, 13) * _P1
                k += 4
            h = _rotl(v[0], 1) + _rotl(v[1], 7) + _rotl(v[2], 12) + _rotl(v[3], 18)
        else:
            h = np.full(m, s + _P5, dtype=np.uint32)
        h = h + np.uint32(length)
        while k < len(words):
            h = _rotl(h + words[k] * _P3, 17) * _P4
            k += 1
        h ^= h >> np.uint32(15)
        h *= _P2
        h ^= h >> np.uint32(13)
        h *= _P3
        h ^= h >> np.uint32(16)
    return h


def shingle_hashes(view: str | MatchingView, n: int = DEFAULT_N, seed: int = DEFAULT_HASH_SEED) -> np.ndarray:
    """Hash of the shingle starting at every view position, in text order.

    Element i is ``token_hash(view[i:i+n], seed)``.  A view shorter than n but
    not empty yields one shingle, the whole view, so a tiny document still has
    a set to compare.
    """
    mv, text = (view, view.view) if isinstance(view, MatchingView) else (None, view)
    if not text:
        return _EMPTY.copy()
    codes = mv.codes() if mv is not None else np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    width = min(n, len(codes))
    m = len(codes) - width + 1
    words = [codes[k : k + m].astype(np.uint32) for k in range(width)]
    return _xxh32_words(words, seed)


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values; ~30x faster than ``np.unique`` on a report's
    few thousand uint32 hashes (numpy 2.3 routes that through a hash table)."""
    s = np.sort(np.asarray(values, dtype=np.uint32))
    if s.size < 2:
        return s
    keep = np.empty(s.size, dtype=bool)
    keep[0] = True
    np.not_equal(s[1:], s[:-1], out=keep[1:])
    return s[keep]


def placeholder_only(view: str, n: int = DEFAULT_N) -> np.ndarray:
    """Boolean per shingle position: the shingle is nothing but placeholders."""
    if not view:
        return np.zeros(0, dtype=bool)
    width = min(n, len(view))
    is_ph = np.frombuffer(view.encode("utf-32-le"), dtype="<u4") == ord(PLACEHOLDER)
    c = np.concatenate([[0], np.cumsum(is_ph)])
    return (c[width:] - c[:-width]) == width


def union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Sorted distinct values of two hash arrays; ``np.union1d`` without its
    ``np.unique``, which imports ``numpy.ma`` (~60 ms of a CI gate's start-up)."""
    return sorted_unique(np.concatenate([np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)]))


def template_lines(text: str) -> list[str]:
    """The phrases of a boilerplate file: stripped non-empty lines, ``//`` comments skipped."""
    return [line for line in (raw.strip() for raw in text.splitlines()) if line and not line.startswith("//")]


def phrase_shingles(lines: Sequence[str], n: int = DEFAULT_N, seed: int = DEFAULT_HASH_SEED) -> np.ndarray:
    """Hashes of the shingles lying wholly inside one line's matching view.

    Each phrase is shingled on its own, and phrases whose view is shorter
    than n give nothing (they are covered by the longer lines they occur
    in).  Done in one pass over the views of all lines joined by line
    breaks -- one vectorised hash instead of ~200 (70 ms of start-up): a line
    break is never part of a view and never joins two digit runs, so the
    joined view is the concatenation of the lines' views, and a shingle
    counts when its first and last characters come from the same line.
    """
    if not lines:
        return _EMPTY.copy()
    joined = "\n".join(lines)
    mv = matching_view(joined)
    if len(mv) < n:
        return _EMPTY.copy()
    line_starts = np.flatnonzero(np.frombuffer(joined.encode("utf-32-le"), dtype="<u4") == 10) + 1
    line_of = np.searchsorted(line_starts, mv.starts, side="right")
    inside = line_of[: len(mv) - n + 1] == line_of[n - 1 :]
    return shingle_hashes(mv, n, seed)[inside]


@lru_cache(maxsize=16)
def _template_cached(path: str, mtime: float, n: int, seed: int) -> np.ndarray:
    placeholders = np.array([token_hash(PLACEHOLDER * n, seed)], dtype=np.uint32)
    phrases = phrase_shingles(template_lines(Path(path).read_text(encoding="utf-8")), n, seed)
    out = sorted_unique(np.concatenate([placeholders, phrases]))
    out.flags.writeable = False
    return out


def template_hashes(n: int = DEFAULT_N, seed: int = DEFAULT_HASH_SEED, path: str | Path | None = None) -> np.ndarray:
    """Sorted unique hashes of the genre template (boilerplate file + placeholder runs)."""
    p = Path(path) if path is not None else BOILERPLATE_PATH
    return _template_cached(str(p), p.stat().st_mtime, n, seed)


def frequent_hashes(
    sets: Sequence[np.ndarray],
    max_df: float = 0.3,
    min_docs_for_df: int = 20,
    max_df_docs: int | None = None,
    max_df_share: float | None = None,
) -> np.ndarray:
    """Hashes present in more than ``max_df`` of the documents, or in more than
    ``max(max_df_docs, max_df_share * N)`` documents, whichever is fewer.

    Empty until the corpus has ``min_docs_for_df`` documents: in a handful of
    reports a shingle shared by 30% of them is as likely to be a copy as a
    formula, and removing it would hide exactly what we look for.

    The absolute cap matters for big corpora: a shingle in 2% of 100,000
    reports (the join of two table labels of one format year, a province's
    standard phrase) is a formula, not evidence that two of them copy each
    other, yet stays under any relative threshold that small corpora can
    afford.  Left in, such shingles make every pair of same-format reports
    look a little alike, and the candidate pairs grow with N².
    ``max_df_share`` (off by default) lets the cap grow with the corpus.

    Counting is exact.  Sorted inputs (every `sorted_unique` set) are counted
    one hash range at a time, so the temporary array is a fraction of the
    corpus' shingles (100,000 reports hold ~10^8).
    """
    (out,) = frequent_hashes_many(sets, [df_limit(len(sets), max_df, max_df_docs, max_df_share)], min_docs_for_df)
    return out



def stop_hashes(sets: Sequence[np.ndarray], params: DedupParams) -> np.ndarray:
    """Corpus-frequent shingles of template-free sets (exact counts): `frequent_hashes` with the
    run's parameters, the one definition `audit run`, the CI gate and the corpus index share."""
    return frequent_hashes(sets, params.max_df, params.min_docs_for_df, params.max_df_docs, params.max_df_share)

def df_limit(n_docs: int, max_df: float, max_df_docs: int | None = None, max_df_share: float | None = None) -> float:
    """The document count above which a shingle is frequent (see `frequent_hashes`)."""
    limit = max_df * n_docs
    if max_df_docs is not None:
        limit = min(limit, max(max_df_docs, (max_df_share or 0.0) * n_docs))
    return limit


def frequent_hashes_many(sets: Sequence[np.ndarray], limits: Sequence[float], min_docs_for_df: int = 20) -> list[np.ndarray]:
    """For each of ``limits``, the hashes in more than that many of the sets.

    One counting pass serves every limit: at 100,000 reports sorting the
    corpus' ~10^8 hashes is the cost (~7 s), not the thresholds.
    """
    if len(sets) < max(min_docs_for_df, 1) or not sets:
        return [_EMPTY.copy() for _ in limits]
    total = sum(len(s) for s in sets)
    parts = 1 << max(0, int(np.ceil(np.log2(max(total, 1) / _COUNT_BLOCK))))
    if parts == 1 or not all(_is_sorted(s) for s in sets[:64]):
        return _count_above(np.concatenate([np.asarray(s, dtype=np.uint32) for s in sets]), limits)
    inner = np.linspace(0, 1 << 32, parts + 1)[1:-1].astype(np.uint32)  # the sets' own dtype: no copy to compare
    bounds = [[0, *np.searchsorted(s, inner).tolist(), len(s)] for s in sets]  # one call per set: every part's slice
    out: list[list[np.ndarray]] = [[] for _ in limits]
    for p in range(parts):
        found = _count_above(np.concatenate([s[b[p] : b[p + 1]] for s, b in zip(sets, bounds)]), limits)
        for acc, part in zip(out, found):
            acc.append(part)
    return [np.concatenate(acc) for acc in out]


_COUNT_BLOCK = 1 << 25  # hashes counted at once (128 MB)


def _is_sorted(s: np.ndarray) -> bool:
    return s.size < 2 or bool((s[1:] >= s[:-1]).all())


def _count_above(allh: np.ndarray, limits: Sequence[float]) -> list[np.ndarray]:
    if allh.size == 0:
        return [_EMPTY.copy() for _ in limits]
    allh = np.sort(allh.astype(np.uint32, copy=False))
    starts = np.flatnonzero(np.concatenate([[True], allh[1:] != allh[:-1]]))
    counts = np.diff(np.append(starts, allh.size))
    return [allh[starts[counts > limit]] for limit in limits]


def shingle_set(text: str, n: int = DEFAULT_N, seed: int = DEFAULT_HASH_SEED, template: np.ndarray | None = None) -> np.ndarray:
    """A document's sorted unique shingle hashes, minus the genre template.

    What a worker computes per document for the corpus-wide steps (document
    frequencies, features): the template is known in advance, so it is
    removed here and never counted or shipped.
    """
    u = sorted_unique(shingle_hashes(matching_view(text), n, seed))
    if template is not None and u.size:
        u = u[~member(u, template)]
    return u


def member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Boolean mask: which of ``values`` are in the sorted array ``sorted_set``."""
    if sorted_set.size == 0 or values.size == 0:
        return np.zeros(values.shape, dtype=bool)
    at = np.searchsorted(sorted_set, values)
    at[at == sorted_set.size] = 0
    return sorted_set[at] == values


def remove(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """``values`` (sorted unique) without the members of ``sorted_set``; same
    result as ``np.setdiff1d(values, sorted_set, assume_unique=True)``."""
    return values[~member(values, sorted_set)].astype(np.uint32, copy=False)


@dataclass
class DocShingles:
    """One document's view, positional shingles and shingle set."""

    id: str
    view: MatchingView
    seq: np.ndarray  # uint32 hash per view position (len(view) - n + 1)
    unique: np.ndarray  # sorted unique uint32

    @classmethod
    def build(cls, doc_id: str, text: str, n: int = DEFAULT_N, seed: int = DEFAULT_HASH_SEED) -> DocShingles:
        view = matching_view(text)
        seq = shingle_hashes(view, n, seed)
        return cls(doc_id, view, seq, sorted_unique(seq))


@dataclass
class ShingleSet:
    """Shingles of a whole corpus with the boilerplate stop set applied.

    ``stop`` = template ∪ frequent (sorted unique uint32); ``features[i]`` is
    document i's shingle set minus ``stop``: what Jaccard, containment and
    MinHash are computed on.  Build once per corpus with `ShingleSet.build`.
    """

    docs: list[DocShingles]
    n: int
    seed: int
    template: np.ndarray
    frequent: np.ndarray
    stop: np.ndarray = field(init=False)
    features: list[np.ndarray] = field(init=False)

    def __post_init__(self) -> None:
        self.stop = union(self.template, self.frequent)
        self.features = [
            np.setdiff1d(d.unique, self.stop, assume_unique=True).astype(np.uint32) for d in self.docs
        ]

    @classmethod
    def build(
        cls,
        docs: Sequence[tuple[str, str]],
        n: int = DEFAULT_N,
        seed: int = DEFAULT_HASH_SEED,
        max_df: float = 0.3,
        min_docs_for_df: int = 20,
        boilerplate: str | Path | None = None,
        frequent: np.ndarray | None = None,
    ) -> ShingleSet:
        """``frequent`` fixes the corpus-frequent stop shingles instead of
        counting them in ``docs`` (the CI gate uses the whole index's set, so
        a few candidates are compared exactly as the index compared them).

        Otherwise they are counted by `stop_hashes`, the
        one definition `audit run` and the corpus index use (with its
        absolute cap), on the full sets: a template shingle counted here only
        adds a hash the stop set holds anyway.
        """
        shingled = [DocShingles.build(doc_id, text, n, seed) for doc_id, text in docs]
        template = template_hashes(n, seed, boilerplate)
        if frequent is None:
            params = DedupParams(n=n, seed=seed, max_df=max_df, min_docs_for_df=min_docs_for_df)
            frequent = stop_hashes([d.unique for d in shingled], params)
        return cls(shingled, n, seed, template, np.asarray(frequent, dtype=np.uint32))

    def is_stop(self, hashes: np.ndarray) -> np.ndarray:
        """Boolean mask: which of these hashes are boilerplate."""
        return np.isin(hashes, self.stop, assume_unique=False)

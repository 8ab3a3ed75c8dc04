"""Passage alignment of a verified pair: where the shared text is, and what changed.

A score says two reports are alike; a reviewer needs the evidence: which
stretches were copied, at which offsets in both documents, and what the
copier edited (the year, the figures, the agency name).  This is the PAN
text-alignment recipe (seed -> merge -> extend -> filter), on the masked view:

1. **Seeds**: positions where both views have the same shingle.  Shingles
   made only of placeholders are skipped (any two tables of figures share
   them).  A shingle repeated in both documents gives every combination of
   its occurrences while there are at most ``max_seed_pairs``; beyond that
   only when it occurs equally often in both, paired in order (what a copy
   does), else not at all -- its neighbours still carry the passage.
2. **Fragments**: seeds on the same diagonal (``pb - pa``) whose positions are
   at most ``max_gap`` apart become one fragment, vectorised.  A changed name
   breaks ``len(name) + n - 1`` shingles but keeps the diagonal, so it is
   bridged here; changed figures break nothing (they are masked).
3. **Passages**: fragments following each other in both documents within
   ``max_gap`` view characters (an insertion or deletion shifts the diagonal)
   are merged; then each passage is extended while the views agree, and
   kept when it covers ``min_passage_chars`` view characters in both
   documents with seeds on at least ``min_density`` of them.
4. **Changes**: the two canonical spans are compared with rapidfuzz's
   Levenshtein opcodes over tokens -- a digit run is one token, every other
   character its own -- so a changed figure is reported whole (``2009`` ->
   ``2012``, not ``09`` -> ``12``).  Kinds: ``number`` (digit runs on both
   sides), ``name`` (any other short replacement containing CJK: agency or
   place names), ``replace`` (a longer or non-CJK rewrite), ``insert``
   (text only in b), ``delete`` (text only in a).  Differences of
   punctuation and spacing only are not listed.

A passage is ``boilerplate`` when most of its shingles are in the stop set
(genre template or corpus-frequent): a shared heading or formula, not copying.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..lazy_re import LazyPattern
from ..model import Passage
from .shingle import DocShingles, member, placeholder_only
from .views import DIGIT_RUN, digit_runs, is_cjk

_TOKENS = LazyPattern(rf"{DIGIT_RUN}|.", re.S)
_DIGITS = LazyPattern(DIGIT_RUN)
_VIEWISH = LazyPattern(r"[0-9A-Za-z\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@dataclass(frozen=True)
class AlignParams:
    n: int = 5
    min_passage_chars: int = 30
    max_gap: int = 32
    max_seed_pairs: int = 16
    min_density: float = 0.5
    boilerplate_share: float = 0.5
    name_max_chars: int = 16


def _ragged_arange(lengths: np.ndarray) -> np.ndarray:
    """``concatenate([arange(k) for k in lengths])`` without the loop."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    return np.arange(total, dtype=np.int64) - np.repeat(starts, lengths)


def seeds(a: DocShingles, b: DocShingles, n: int = 5, max_seed_pairs: int = 16) -> np.ndarray:
    """``(k, 2)`` array of view positions ``(pa, pb)`` with equal shingles, sorted.

    Vectorised over shingles: the combinations of a repeated shingle's
    occurrences are built with ragged index arithmetic, not one small
    meshgrid per shingle (a report repeats hundreds of shingles).
    """
    if len(a.seq) == 0 or len(b.seq) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    common = np.intersect1d(a.unique, b.unique, assume_unique=True)
    if common.size == 0:
        return np.zeros((0, 2), dtype=np.int64)
    ranges = []
    for doc in (a, b):
        keep = ~placeholder_only(doc.view.view, n)
        pos = np.flatnonzero(member(doc.seq, common) & keep)
        order = np.argsort(doc.seq[pos], kind="stable")
        pos = pos[order]  # by hash, then by position
        h = doc.seq[pos]
        lo = np.searchsorted(h, common, side="left")
        hi = np.searchsorted(h, common, side="right")
        ranges.append((pos, lo, hi))
    (pa, la, ha), (pb, lb, hb) = ranges
    ca, cb = ha - la, hb - lb
    out = []
    single = (ca == 1) & (cb == 1)
    if single.any():
        out.append(np.stack([pa[la[single]], pb[lb[single]]], axis=1))
    multi = (ca > 0) & (cb > 0) & ~single
    cross = multi & (ca * cb <= max_seed_pairs)
    if cross.any():  # every combination of the occurrences
        k_ca, k_cb, k_la, k_lb = ca[cross], cb[cross], la[cross], lb[cross]
        sizes = k_ca * k_cb
        t = _ragged_arange(sizes)
        xa = np.repeat(k_la, sizes) + t // np.repeat(k_cb, sizes)
        xb = np.repeat(k_lb, sizes) + t % np.repeat(k_cb, sizes)
        out.append(np.stack([pa[xa], pb[xb]], axis=1))
    paired = multi & ~cross & (ca == cb)
    if paired.any():  # as often in both: a copy keeps their order, pair them in order
        t = _ragged_arange(ca[paired])
        out.append(np.stack([pa[np.repeat(la[paired], ca[paired]) + t], pb[np.repeat(lb[paired], cb[paired]) + t]], axis=1))
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    s = np.concatenate(out).astype(np.int64)
    return s[np.lexsort((s[:, 1], s[:, 0]))]


def fragments(seed_pos: np.ndarray, max_gap: int) -> list[list[int]]:
    """Group seeds by diagonal into runs: ``[a_first, a_last, b_first, b_last, count]``."""
    if len(seed_pos) == 0:
        return []
    pa, pb = seed_pos[:, 0], seed_pos[:, 1]
    d = pb - pa
    order = np.lexsort((pa, d))
    pa, d = pa[order], d[order]
    brk = np.flatnonzero((np.diff(d) != 0) | (np.diff(pa) > max_gap)) + 1
    starts = np.concatenate([[0], brk])
    ends = np.concatenate([brk, [len(pa)]]) - 1
    frags = [
        [int(pa[s]), int(pa[e]), int(pa[s] + d[s]), int(pa[e] + d[s]), int(e - s + 1)]
        for s, e in zip(starts, ends)
    ]
    frags.sort()
    return frags


def merge_fragments(frags: list[list[int]], max_gap: int, n: int = 5) -> list[list[int]]:
    """Chain fragments that follow each other in both documents (greedy, in a order).

    A fragment continues a passage when it starts at most ``max_gap`` view
    characters after the passage's last seed in *both* documents; it may
    overlap by up to ``n - 1`` (neighbouring shingles overlap) but not go
    back further, which would be a different alignment of repeated text.
    Among passages it could continue, the one closest to its diagonal wins.
    """
    passages: list[list[int]] = []  # a_first, a_last, b_first, b_last, seeds
    active: list[list[int]] = []  # passages a later fragment can still reach
    for f in frags:
        active = [p for p in active if p[1] >= f[0] - max_gap]  # fragments come in a order
        best, best_cost = None, None
        for p in active:
            ga, gb = f[0] - p[1], f[2] - p[3]
            if -n < ga <= max_gap and -n < gb <= max_gap:
                cost = abs(ga - gb) + max(ga, gb)
                if best_cost is None or cost < best_cost:
                    best, best_cost = p, cost
        if best is None:
            best = list(f)
            passages.append(best)
            active.append(best)
        else:
            best[1] = max(best[1], f[1])
            best[3] = max(best[3], f[3])
            best[4] += f[4]
    return passages


def _tokens(s: str) -> tuple[list[str], list[int]]:
    """Tokens (a digit run, else one character) and their offsets plus the end."""
    if not s:
        return [], [0]
    cp = np.frombuffer(s.encode("utf-32-le"), dtype="<u4")
    rs, re_ = digit_runs(cp)
    depth = np.zeros(len(cp) + 1, dtype=np.int64)
    np.add.at(depth, rs + 1, 1)
    np.add.at(depth, re_, -1)
    offs = np.flatnonzero(np.cumsum(depth[:-1]) == 0).tolist()  # not inside a run
    offs.append(len(s))
    return [s[i:j] for i, j in zip(offs, offs[1:])], offs


def _token_keys(s: str, runs: dict[str, int]) -> tuple[list[int], list[int]]:
    """`_tokens` as integers for the edit script: a character is its code
    point, a digit run an id from ``runs`` (shared by both sides, so equal
    tokens get equal keys).  Building thousands of one-character strings per
    passage cost more than the alignment itself."""
    if not s:
        return [], [0]
    cp = np.frombuffer(s.encode("utf-32-le"), dtype="<u4")
    rs, re_ = digit_runs(cp)
    depth = np.zeros(len(cp) + 1, dtype=np.int64)
    np.add.at(depth, rs + 1, 1)
    np.add.at(depth, re_, -1)
    starts = np.flatnonzero(np.cumsum(depth[:-1]) == 0)
    keys = cp.astype(np.int64)
    for i, j in zip(rs.tolist(), re_.tolist()):
        keys[i] = 0x110000 + runs.setdefault(s[i:j], len(runs))
    offs = starts.tolist()
    offs.append(len(s))
    return keys[starts].tolist(), offs


def _kind(a_text: str, b_text: str, name_max: int) -> str:
    if not a_text:
        return "insert"
    if not b_text:
        return "delete"
    if _DIGITS.fullmatch(a_text) and _DIGITS.fullmatch(b_text):
        return "number"
    if max(len(a_text), len(b_text)) <= name_max and any(map(is_cjk, a_text)) and any(map(is_cjk, b_text)):
        return "name"
    return "replace"


def changes(text_a: str, a0: int, a1: int, text_b: str, b0: int, b1: int, name_max: int = 16) -> list[dict]:
    """What differs between ``text_a[a0:a1]`` and ``text_b[b0:b1]`` (absolute offsets)."""
    sa, sb = text_a[a0:a1], text_b[b0:b1]
    runs: dict[str, int] = {}
    ta, oa = _token_keys(sa, runs)
    tb, ob = _token_keys(sb, runs)
    blocks: list[list[int]] = []
    for op in Levenshtein.opcodes(ta, tb):
        if op.tag == "equal":
            continue
        if blocks and blocks[-1][1] == op.src_start and blocks[-1][3] == op.dest_start:
            blocks[-1][1], blocks[-1][3] = op.src_end, op.dest_end
        else:
            blocks.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    out = []
    for s1, e1, s2, e2 in blocks:
        cs1, ce1, cs2, ce2 = oa[s1], oa[e1], ob[s2], ob[e2]
        at, bt = sa[cs1:ce1], sb[cs2:ce2]
        if not _VIEWISH.search(at) and not _VIEWISH.search(bt):
            continue  # punctuation / spacing only
        out.append(
            {
                "a": [a0 + cs1, a0 + ce1],
                "b": [b0 + cs2, b0 + ce2],
                "a_text": at,
                "b_text": bt,
                "kind": _kind(at, bt, name_max),
            }
        )
    return out


def align(
    a: DocShingles,
    b: DocShingles,
    text_a: str,
    text_b: str,
    stop: np.ndarray,
    params: AlignParams = AlignParams(),
) -> list[Passage]:
    """Shared passages of two documents, sorted by position in a then b."""
    n = params.n
    frags = fragments(seeds(a, b, n, params.max_seed_pairs), params.max_gap)
    va, vb = a.view.view, b.view.view
    out: list[Passage] = []
    for a_first, a_last, b_first, b_last, count in merge_fragments(frags, params.max_gap, n):
        as_, ae = a_first, min(a_last + n, len(va))
        bs, be = b_first, min(b_last + n, len(vb))
        if min(ae - as_, be - bs) < params.min_passage_chars:
            continue
        if count < params.min_density * (max(a_last - a_first, b_last - b_first) + 1):
            continue
        while as_ > 0 and bs > 0 and va[as_ - 1] == vb[bs - 1]:
            as_, bs = as_ - 1, bs - 1
        while ae < len(va) and be < len(vb) and va[ae] == vb[be]:
            ae, be = ae + 1, be + 1
        ta0, ta1 = a.view.text_span(as_, ae)
        tb0, tb1 = b.view.text_span(bs, be)
        window = a.seq[as_ : max(as_ + 1, ae - n + 1)]
        share = float(member(window, stop).mean()) if window.size else 0.0
        out.append(
            Passage(
                a_start=ta0,
                a_end=ta1,
                b_start=tb0,
                b_end=tb1,
                similarity=fuzz.ratio(text_a[ta0:ta1], text_b[tb0:tb1]) / 100.0,
                boilerplate=share > params.boilerplate_share,
                changes=changes(text_a, ta0, ta1, text_b, tb0, tb1, params.name_max_chars),
            )
        )
    out.sort(key=lambda p: (p.a_start, p.b_start, p.a_end, p.b_end))
    return out

"""Two versions of one sentence standing side by side (revision residue).

A report edited from last year's text sometimes keeps the old sentence next to
the new one: "政府信息主要通过门户网站、信息公报、新闻媒体、档案馆及其他便民渠道
公开。政府信息主要通过政府门户网站、档案馆及其他便民渠道公开。"  Two adjacent
sentences that open with the same words and close with the same words, and
are otherwise close, are read as such a pair.  Sentences with figures are left
alone: "主动公开信息100条。主动公开文件20条。" are two statements, not two
versions; so are list items ("一是…。二是…。"), table rows, and sentences about
two different titled documents ("对《A计划》开展后评估…。对《B计划》开展后评估…。"),
and sentences whose differing middles share little ("视察垃圾中转站扩建工程…。视察排涝
泵站提升工程…。": the same statement about two things, not a rewrite).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from pydantic import BaseModel
from rapidfuzz import fuzz

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "variant_sentences"
SCOPE = "document"

_SENTENCE = re.compile(r"[^。!?\n\t]+。")
_TITLED = re.compile(r"《[^《》]+》")
_NOT_A_VERSION = re.compile(r"\d|^\s*(?:[一二三四五六七八九十]+[是、]|\(|[①-⑳])")


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    min_length: int = 12  # characters of each sentence
    min_prefix: int = 8  # the same opening words
    min_suffix: int = 3  # the same closing words, the full stop included
    min_ratio: float = 60  # rapidfuzz ratio of the two sentences
    min_middle_overlap: float = 0.6  # share of the shorter middle's characters found in the longer one's
    max_per_document: int = 2


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _middle_overlap(a: str, b: str) -> float:
    """How much of the shorter differing middle the longer one holds (characters, with counts).

    A rewrite keeps most of its words ("门户网站、信息公报、新闻媒体、档案馆" ->
    "政府门户网站、档案馆": 0.8); two statements about two things do not
    ("视察垃圾中转站扩建工程" / "视察排涝泵站提升工程": the objects share little).
    """
    head = _common_prefix(a, b)
    tail = _common_prefix(a[::-1], b[::-1])
    tail = min(tail, len(a) - head, len(b) - head)
    ma, mb = a[head : len(a) - tail], b[head : len(b) - tail]
    short, long_ = sorted((ma, mb), key=len)
    if not short:
        return 1.0  # one is the other with words added
    have = Counter(long_)
    kept = 0
    for ch in short:
        if have[ch] > 0:
            have[ch] -= 1
            kept += 1
    return kept / len(short)


def _different_titles(a: str, b: str) -> bool:
    """Each sentence names a titled document the other does not: two statements about two documents."""
    ta, tb = set(_TITLED.findall(a)), set(_TITLED.findall(b))
    return bool(ta - tb) and bool(tb - ta)


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    shown = 0
    prev: re.Match[str] | None = None
    for m in _SENTENCE.finditer(doc.text):
        if prev is not None and prev.end() == m.start() and shown < p.max_per_document:
            a, b = prev.group().strip(), m.group().strip()
            if (
                a[: p.min_prefix] == b[: p.min_prefix]  # the cheap test first: most neighbours differ at once
                and a != b
                and min(len(a), len(b)) >= p.min_length
                and _common_prefix(a, b) >= p.min_prefix
                and not _NOT_A_VERSION.search(a)
                and not _NOT_A_VERSION.search(b)
                and _common_prefix(a[::-1], b[::-1]) >= p.min_suffix
                and fuzz.ratio(a, b) >= p.min_ratio
                and not _different_titles(a, b)
                and _middle_overlap(a, b) >= p.min_middle_overlap
            ):
                shown += 1
                yield rule.finding(
                    f"同一句话的新旧两个版本并存: “{a}” / “{b}”",
                    [doc.id],
                    [evidence(doc, prev.start(), m.end())],
                    {"first": a, "second": b},
                )
        prev = m

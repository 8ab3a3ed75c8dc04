"""Two versions of one sentence standing side by side (revision residue).

A report edited from last year's text sometimes keeps the old sentence next to
the new one: "政府信息主要通过门户网站、信息公报、新闻媒体、档案馆及其他便民渠道
公开。政府信息主要通过政府门户网站、档案馆及其他便民渠道公开。"  Two adjacent
sentences that open with the same words and close with the same words, and
are otherwise close, are read as such a pair.  Sentences with figures are left
alone: "主动公开信息100条。主动公开文件20条。" are two statements, not two
versions; so are list items ("一是…。二是…。"), table rows, and sentences about
two different titled documents ("对《A计划》开展后评估…。对《B计划》开展后评估…。").
"""

from __future__ import annotations

import re
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
    max_per_document: int = 2


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


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
                a != b
                and min(len(a), len(b)) >= p.min_length
                and not _NOT_A_VERSION.search(a)
                and not _NOT_A_VERSION.search(b)
                and _common_prefix(a, b) >= p.min_prefix
                and _common_prefix(a[::-1], b[::-1]) >= p.min_suffix
                and fuzz.ratio(a, b) >= p.min_ratio
                and not _different_titles(a, b)
            ):
                shown += 1
                yield rule.finding(
                    f"同一句话的新旧两个版本并存: “{a}” / “{b}”",
                    [doc.id],
                    [evidence(doc, prev.start(), m.end())],
                    {"first": a, "second": b},
                )
        prev = m

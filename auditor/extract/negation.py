"""What a negative statement denies: 未收到…申请 is not 未发生…行政复议.

Reports state absences in prose ("我局未收到政府信息公开申请", "未发生因政府信息
公开引起的行政复议、行政诉讼", "未收到有关信息公开的投诉").  A check comparing
such a sentence with a table must know *what* is said not to exist.  Chinese
noun phrases are head-final: in 未发生因政府信息公开申请引起的行政复议 the
thing that did not happen is the 行政复议, and 申请 only modifies it.  So the
denied object is read from the end of the clause: trailing 的情况/情形/案件 are
dropped, then only what follows the last modifier boundary (的, 引起, 导致, 而,
涉及…) counts, and coordinated heads (行政复议、行政诉讼) are all kept.

The reading is deliberately narrow: a negation must come with a verb of
receipt or occurrence (收到, 受理, 发生, 出现, 产生, 有…); "未按时办结的申请"
denies nothing about how many applications arrived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

DeniedKind = Literal["applications", "review", "litigation", "complaint", "consultation", "fees"]

# 未 needs a verb; 没有/无 may stand before the noun itself ("没有行政复议案件").
_NEGATION = re.compile(
    r"(?:未|没有|無|无|不存在)(?P<verb>收到|受理|接到|接收|发生|發生|出现|出現|产生|有|被)"
    r"|(?:没有|无)(?=[^,，。;；:：!?！？\n]{0,30}?(?:复议|诉讼|投诉|举报|申请))"
)
_CLAUSE_END = re.compile(r"[,，。;；:：!?！？\n]|但|而是|同时|也")
_TRAILING = re.compile(r"(?:的)?(?:相关)?(?:情况|情形|事项|现象|问题|案件|事件|纠纷|记录)?(?:发生)?\s*$")
_BOUNDARY = re.compile(r"的|引起|引发|导致|所致|而|涉及|针对|关于|有关")
_KINDS: tuple[tuple[DeniedKind, re.Pattern[str]], ...] = (
    ("review", re.compile(r"复议")),
    ("litigation", re.compile(r"诉讼|起诉")),
    ("complaint", re.compile(r"投诉|举报")),
    ("consultation", re.compile(r"咨询")),
    ("fees", re.compile(r"收费|费用")),
    ("applications", re.compile(r"(?<!被)申请(?!(?:行政)?复议)")),
)


@dataclass(frozen=True)
class Denial:
    """A negative statement: the span from the negation to the clause's end and what it denies."""

    start: int
    end: int
    kinds: frozenset[DeniedKind]


def _head(clause: str) -> str:
    """The denied noun phrase's head: what follows the last modifier boundary."""
    clause = _TRAILING.sub("", clause)
    cut = 0
    for m in _BOUNDARY.finditer(clause):
        if clause[m.end():].strip():
            cut = m.end()
    return clause[cut:]


def denied_kinds(clause: str) -> frozenset[DeniedKind]:
    head = _head(clause)
    return frozenset(kind for kind, pattern in _KINDS if pattern.search(head))


def denials(text: str) -> list[Denial]:
    """Every negative statement in ``text`` with the kinds of thing it denies (possibly none)."""
    out: list[Denial] = []
    for m in _NEGATION.finditer(text):
        stop = _CLAUSE_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        out.append(Denial(m.start(), end, denied_kinds(text[m.end():end])))
    return out

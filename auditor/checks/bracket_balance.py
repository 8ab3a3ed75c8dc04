"""Brackets and book-title marks that open and never close (or the reverse)
within one paragraph: a sign of text lost in extraction or a broken citation."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from auditor.checks._util import evidence
from auditor.model import Document

KIND = "bracket_balance"
SCOPE = "document"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pairs: list[str] = ["《》", "()", "“”", "【】", "〔〕", "[]"]
    max_per_document: int = 5
    context: int = 12


@lru_cache(maxsize=8)
def _brackets(pairs: tuple[str, ...]) -> re.Pattern:
    return re.compile("[" + re.escape("".join(pairs)) + "]")


def _unbalanced(par: str, pairs: list[str]):
    """Offsets (inside par) of brackets without a partner."""
    openers = {p[0]: p[1] for p in pairs}
    closers = {p[1]: p[0] for p in pairs}
    stack: list[tuple[str, int]] = []
    bad = []
    for m in _brackets(tuple(pairs)).finditer(par):  # only the brackets matter: skip the rest in C
        i, ch = m.start(), m.group()
        if ch in openers:
            stack.append((ch, i))
        elif ch in closers:
            if stack and stack[-1][0] == closers[ch]:
                stack.pop()
            elif any(o == closers[ch] for o, _ in stack):
                while stack and stack[-1][0] != closers[ch]:
                    bad.append(stack.pop()[1])
                stack.pop()
            else:
                bad.append(i)
    bad.extend(i for _, i in stack)
    return sorted(bad)


def check(rule, doc: Document):
    p: Params = rule.params
    found = 0
    pos = 0
    for par in doc.text.split("\n"):
        if "\t" not in par:  # table rows are not prose
            for i in _unbalanced(par, p.pairs):
                if found >= p.max_per_document:
                    return
                found += 1
                at = pos + i
                yield rule.finding(
                    f"括号或书名号不成对: “{par[i]}”",
                    [doc.id],
                    [evidence(doc, max(0, at - p.context), min(len(doc.text), at + p.context + 1))],
                    {"char": par[i], "offset": at},
                )
        pos += len(par) + 1

"""Brackets and book-title marks that open and never close (or the reverse)
within one paragraph: a sign of text lost in extraction or a broken citation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "bracket_balance"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    pairs: list[str] = ["《》", "()", "“”", "【】", "〔〕", "[]"]
    max_per_document: int = 5
    context: int = 12
    # report a mark only where its paragraph uses the pair as a pair, with text
    # inside: ">" after a title in a paragraph that has "<中华…格式>" too (a stray
    # copy of the title), never the ">" of a breadcrumb ("首页 > 公开 > 年报")
    paired_use_only: bool = False


@lru_cache(maxsize=8)
def _scanner(pairs: tuple[str, ...]) -> tuple[re.Pattern, dict[str, str], dict[str, str]]:
    """The brackets plus the paragraph break and the table-cell tab, and who closes whom."""
    rx = re.compile("[" + re.escape("".join(pairs)) + "\n\t]")
    return rx, {p[0]: p[1] for p in pairs}, {p[1]: p[0] for p in pairs}


def _unbalanced(text: str, pairs: list[str]) -> list[int]:
    """Offsets of brackets without a partner in their paragraph, in text order.

    One pass over the whole text (only brackets, line breaks and tabs are
    visited, the rest is skipped in C); paragraphs with a tab are table rows,
    not prose, and are skipped.
    """
    if not any(mark in text for pair in pairs for mark in pair):
        return []  # no mark at all (TXT008's "<>" in most reports): no paragraph to walk
    rx, openers, closers = _scanner(tuple(pairs))
    bad: list[int] = []
    stack: list[tuple[str, int]] = []
    par_bad: list[int] = []
    table = False

    def close_paragraph() -> None:
        if not table:
            par_bad.extend(i for _, i in stack)
            bad.extend(sorted(par_bad))

    for m in rx.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            close_paragraph()
            stack, par_bad, table = [], [], False
        elif ch == "\t":
            table = True
        elif ch in openers:
            stack.append((ch, i))
        elif stack and stack[-1][0] == closers[ch]:
            stack.pop()
        elif any(o == closers[ch] for o, _ in stack):
            while stack and stack[-1][0] != closers[ch]:
                par_bad.append(stack.pop()[1])
            stack.pop()
        else:
            par_bad.append(i)
    close_paragraph()
    return bad


def _in_paired_use(text: str, at: int, pairs: list[str]) -> bool:
    """The mark at `at` touches text on its inner side, and its paragraph holds its partner."""
    for pair in pairs:
        if text[at] not in pair:
            continue
        opener = text[at] == pair[0]
        inner = text[at + 1 : at + 2] if opener else text[at - 1 : at]
        if not inner or inner.isspace() or inner in pair:
            return False
        lo = text.rfind("\n", 0, at) + 1
        hi = text.find("\n", at)
        paragraph = text[lo : hi if hi >= 0 else len(text)]
        return pair[1 if opener else 0] in paragraph
    return False


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    text = doc.text
    found = _unbalanced(text, p.pairs)
    if p.paired_use_only:
        found = [at for at in found if _in_paired_use(text, at, p.pairs)]
    for at in found[: p.max_per_document]:
        yield rule.finding(
            f"括号或书名号不成对: “{text[at]}”",
            [doc.id],
            [evidence(doc, max(0, at - p.context), min(len(text), at + p.context + 1))],
            {"char": text[at], "offset": at},
        )

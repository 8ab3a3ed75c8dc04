"""Text matching a regular expression (vale's `existence`): extraction damage,
template blanks, mojibake.  Each match is one finding, up to `max_per_document`.

A pattern that needs context to be sure (a line start, the words around)
names the reported part with a group called ``hit``: the message, evidence
and data then show that group, not the whole match.

`requires` is an optional cheap pre-check for patterns that start anywhere:
Python's regex engine tries every position of a report for a pattern without
a literal prefix (~0.5 ms per report), while a scan for one character class
is ~10 times faster.  A document where `requires` does not match is skipped,
so it must match wherever `pattern` does (the rule's examples check this).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

from pydantic import BaseModel, field_validator

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "pattern"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    pattern: str
    message: str
    max_per_document: int = 5
    context: int = 8  # characters of context shown either side in the evidence
    requires: str | None = None  # a regex every document with a match also matches (fast skip)

    @field_validator("pattern", "requires")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        return v


# --- literal pre-filter --------------------------------------------------------------------------
#
# Most of these patterns have no literal prefix (they start with a look-behind or
# a CJK class), so the regex engine tries every position of a report: ~0.15-0.5 ms
# a pattern on a 2,000-character report, paid even when nothing can match.  A
# match always contains text from a small set of literal strings ("号", "市年政务
# 公开", " 年"...), derived below from the parsed pattern; ``str.__contains__``
# finds a literal in microseconds.  A document holding none of them cannot match
# and is skipped, exactly as with `requires`, but the set is derived from the
# pattern itself, so it is never broader than the pattern allows nor out of date.

_MAX_STRINGS = 64  # a set of alternatives larger than this is not expanded
_MAX_CLASS = 16  # nor a character class wider than this
_NOTHING: frozenset[str] = frozenset({""})  # "no literal is known": every text holds ""


@dataclass(frozen=True)
class _Lit:
    """What a parsed node says about the text it matches.

    ``exact``: every string the node can match (None when unknown or too many);
    ``head``/``tail``: strings every match starts/ends with; ``need``: strings
    one of which every match's text (look-arounds included) contains.
    """

    exact: frozenset[str] | None
    head: frozenset[str]
    tail: frozenset[str]
    need: frozenset[str]


def _fixed(strings: frozenset[str]) -> _Lit:
    return _Lit(strings, strings, strings, strings)


_OPAQUE = _Lit(None, _NOTHING, _NOTHING, _NOTHING)


def _join(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    """Every string of ``a`` followed by every string of ``b``, when few enough."""
    if len(a) * len(b) > _MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


def _quality(strings: frozenset[str]) -> tuple[int, int]:
    """How selective a set is: its shortest string's length, then fewer strings."""
    return (min(map(len, strings)), -len(strings)) if strings else (0, 0)


def _best(sets: list[frozenset[str]]) -> frozenset[str]:
    return max(sets, key=_quality, default=_NOTHING)


def _class(items) -> _Lit:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return _OPAQUE
    return _fixed(frozenset(chars)) if len(chars) <= _MAX_CLASS else _OPAQUE


def _repeat(lo: int, hi: int, sub: _Lit) -> _Lit:
    if sub.exact is not None and hi <= 4:
        out: set[str] = set()
        for k in range(lo, hi + 1):
            power: frozenset[str] | None = frozenset({""})
            for _ in range(k):
                power = _join(power, sub.exact) if power is not None else None
            if power is None:
                break
            out |= power
        else:
            if len(out) <= _MAX_STRINGS:
                return _fixed(frozenset(out))
    if lo == 0:
        return _OPAQUE
    # at least `lo` repetitions: a match starts and ends with `lo` of them
    if sub.exact is not None:
        power = frozenset({""})
        for _ in range(lo):
            power = _join(power, sub.exact) or _NOTHING
        return _Lit(None, power, power, power if _quality(power) > _quality(sub.need) else sub.need)
    return _Lit(None, sub.head, sub.tail, sub.need)


def _node(op, av) -> _Lit:
    if op is _c.LITERAL:
        return _fixed(frozenset({chr(av)}))
    if op is _c.IN:
        return _class(av)
    if op is _c.SUBPATTERN:
        _group, add, _remove, sub = av
        return _OPAQUE if add & _c.SRE_FLAG_IGNORECASE else _sequence(sub)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op is _c.BRANCH:
        alts = [_sequence(sub) for sub in av[1]]
        exact: set[str] | None = set()
        for a in alts:
            exact = exact | a.exact if exact is not None and a.exact is not None else None
        if exact is not None and len(exact) <= _MAX_STRINGS:
            return _fixed(frozenset(exact))

        def union(sets: list[frozenset[str]]) -> frozenset[str]:
            u = frozenset().union(*sets)
            return u if len(u) <= _MAX_STRINGS else _NOTHING

        # each alternative by its most selective set: the union is only as good as its weakest
        need = union([_best([a.head, a.need, a.tail]) for a in alts])
        return _Lit(None, union([a.head for a in alts]), union([a.tail for a in alts]), need)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        return _repeat(lo, hi, _sequence(sub))
    if op in (_c.AT, _c.ASSERT_NOT):  # zero width; leaving out a condition only widens the set
        return _fixed(_NOTHING)
    return _OPAQUE  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, CATEGORY


def _sequence(items) -> _Lit:
    """Literals of a sequence: a run of exact nodes multiplies out; anything else
    ends the run (its text is a candidate) and starts the next from its tail."""
    run: frozenset[str] = frozenset({""})
    exact: frozenset[str] | None = frozenset({""})
    head: frozenset[str] | None = None
    found: list[frozenset[str]] = []

    def cut(piece: frozenset[str], need: frozenset[str]) -> None:
        nonlocal head
        found.extend((piece, need))
        if head is None:
            head = piece

    for op, av in items:
        if op is _c.ASSERT:
            direction, sub = av
            inner = _sequence(sub)
            if direction < 0:  # look-behind: text ending here, the next run starts from it
                cut(run, inner.need)
                run = inner.exact if inner.exact is not None else inner.tail
            else:  # look-ahead: text starting here follows the run
                cut(_join(run, inner.exact if inner.exact is not None else inner.head) or run, inner.need)
                run = frozenset({""})
            continue
        node = _node(op, av)
        if node.exact is not None:
            exact = _join(exact, node.exact) if exact is not None else None
            joined = _join(run, node.exact)
            if joined is not None:
                run = joined
                continue
            cut(run, node.need)
            run = node.exact if len(node.exact) <= _MAX_STRINGS else _NOTHING
            continue
        exact = None
        cut(_join(run, node.head) or run, node.need)
        run = node.tail
    found.append(run)
    if exact is not None:
        return _fixed(exact)
    return _Lit(None, head if head is not None else run, run, _best(found))


@functools.cache
def literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which is in every text the pattern matches, or None when none is known."""
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None
    need = _sequence(parsed.data).need
    return need if _quality(need)[0] > 0 else None


# --- per-alternative pre-filter ------------------------------------------------------------------
#
# A pattern of several alternatives is only as selective as its weakest: TXT014
# and TXT006 each have one alternative around 年度 / 政府信息公开工作年度报告,
# words of every report, so the whole-pattern literals never skip a document,
# and every other alternative is tried at every position.  Split at its
# top-level `|`, each alternative has literals of its own; an alternative
# whose literals are all absent from a document cannot match anywhere in it,
# so the pattern without it finds the same matches in the same order (an
# alternation tries its alternatives in turn at each position, and a dropped
# one would have failed at each).  Only patterns whose alternatives hold no
# capturing group, back-reference or global flag are split, so that the
# reduced pattern numbers and names its groups as the whole one did.
# Corpus-1000, ms/doc: TXT014 0.33 -> 0.26, TXT006 0.26 -> 0.22, TXT001 0.10 -> 0.04.

_UNSPLIT = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux]")  # back-references, conditionals, flags


def _top_level(body: str) -> list[str] | None:
    """``body`` cut at its top-level ``|`` (None when a bracket does not close)."""
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(body)
    while i < n:
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: "]" right after "[" or "[^" is a member, escapes skip
            i += 1
            if i < n and body[i] == "^":
                i += 1
            if i < n and body[i] == "]":
                i += 1
            while i < n and body[i] != "]":
                i += 2 if body[i] == "\\" else 1
            if i >= n:
                return None
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    if depth != 0:
        return None
    parts.append(body[start:])
    return parts


@dataclass(frozen=True)
class _Split:
    """A pattern as ``open`` + alternatives joined by ``|`` + ``close``, each alternative's literals."""

    open: str
    alternatives: tuple[str, ...]
    close: str
    literals: tuple[frozenset[str] | None, ...]


@functools.cache
def split(pattern: str) -> _Split | None:
    """The pattern's top-level alternatives, when they can be run apart (see above)."""
    if _UNSPLIT.search(pattern):
        return None
    opened, body, close = "", pattern, ""
    m = re.match(r"\((?:\?P<\w+>|\?:)?", pattern)
    if m and pattern.endswith(")"):  # one group around the whole: split inside it
        inner = pattern[m.end() : -1]
        if _top_level(inner) is not None and _top_level(pattern) == [pattern]:
            # the first "(" closes at the very end only if the inner text is balanced
            opened, body, close = m.group(0), inner, ")"
    alts = _top_level(body)
    if alts is None or len(alts) < 2:
        return None
    for a in alts:
        try:
            if re.compile(a).groups:
                return None
        except re.error:
            return None
    if opened + "|".join(alts) + close != pattern:
        return None
    return _Split(opened, tuple(alts), close, tuple(literals(a) for a in alts))


@functools.lru_cache(maxsize=256)
def _reduced(pattern: str, kept: tuple[int, ...]) -> re.Pattern[str]:
    sp = split(pattern)
    assert sp is not None
    return re.compile(sp.open + "|".join(sp.alternatives[i] for i in kept) + sp.close)


def _compiled_for(pattern: str, text: str) -> re.Pattern[str] | None:
    """The pattern, less the alternatives that cannot match in ``text``; None when none can."""
    sp = split(pattern)
    if sp is None:
        return re.compile(pattern)
    kept = tuple(i for i, lits in enumerate(sp.literals) if lits is None or any(s in text for s in lits))
    if not kept:
        return None
    if len(kept) == len(sp.alternatives):
        return re.compile(pattern)
    return _reduced(pattern, kept)


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    text = doc.text
    lits = literals(p.pattern)
    if lits is not None and not any(s in text for s in lits):
        return
    if p.requires is not None and re.search(p.requires, text) is None:
        return
    rx = _compiled_for(p.pattern, text)
    if rx is None:
        return
    group: int | str = "hit" if "hit" in re.compile(p.pattern).groupindex else 0
    shown = 0
    for m in rx.finditer(doc.text):
        if shown >= p.max_per_document:
            break
        if m.group(group) is None:
            continue
        shown += 1
        a, b = m.span(group)
        s, e = max(0, a - p.context), min(len(doc.text), b + p.context)
        yield rule.finding(
            p.message.format(match=m.group(group)),
            [doc.id],
            [evidence(doc, s, e)],
            {"match": m.group(group), "match_start": a, "match_end": b},
        )

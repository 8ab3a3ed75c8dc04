"""Keep hostile nesting from making HTML parsing quadratic.

An HTML5 parser checks the stack of open elements at many start tags ("is
there a <p> in button scope?"), so each tag costs time proportional to the
nesting depth: 200,000 nested <div> took lexbor minutes.  Real report pages
nest a few dozen levels.  Before parsing, one linear scan over the tags drops
the start tags that would open an element deeper than ``MAX_DEPTH`` and the
end tags that close them, keeping every character of text: the report reads
the same, the tree is just flatter.  Pages within the limit are returned
untouched (the same object), so ordinary pages cost one regex scan.
"""

from __future__ import annotations

import re

MAX_DEPTH = 256
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
# elements that never hold content, so never add depth
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# content the parser reads as raw text: tags inside are not tags
_RAW = frozenset(("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"))


def _scan(html: str, limit: int) -> list[tuple[int, int]] | None:
    """Spans of the tags to drop, or None when nothing is deeper than ``limit``."""
    depth = 0
    dropped = 0  # elements opened beyond the limit and not closed yet
    cut: list[tuple[int, int]] = []
    raw_until: str | None = None  # inside <script>…: tags are text until its end tag
    raw_cut = False  # … and that element's tags are dropped
    for m in _TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if raw_until is not None:
            if closing and name == raw_until:
                raw_until = None
                if raw_cut:
                    cut.append(m.span())
                else:
                    depth -= 1
            continue
        if name in _VOID or self_closing:
            continue
        if closing:
            if dropped:
                dropped -= 1
                cut.append(m.span())
            elif depth:
                depth -= 1
            continue
        deep = depth >= limit
        if name in _RAW:
            raw_until, raw_cut = name, deep
        if deep:
            if name not in _RAW:
                dropped += 1
            cut.append(m.span())
            continue
        depth += 1
    return cut or None


def cap_depth(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with nesting deeper than ``limit`` flattened (text kept)."""
    cut = _scan(html, limit)
    if cut is None:
        return html
    parts = []
    pos = 0
    for start, end in cut:
        parts.append(html[pos:start])
        pos = end
    parts.append(html[pos:])
    return "".join(parts)

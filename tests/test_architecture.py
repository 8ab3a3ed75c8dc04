"""The shape of the package: no import cycles, no private names borrowed across modules.

A cycle (api ↔ scale, cli ↔ cli_index were two) means two modules cannot be
read, tested or changed apart; a private name imported from another module
(``_per_path_filter``, ``_config``) is a dependency its owner does not know it
has.  Both are checked on the source, so the test needs no import and sees
imports inside functions too (they run, later, all the same); imports under
``if TYPE_CHECKING:`` never run and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "auditor"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every import statement that can run, with the names it takes."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                stack.extend(child.orelse)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                yield child
            stack.append(child)


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not MODULES[module].name == "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _edges() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                src = _resolve(module, node)
                targets = [f"{src}.{a.name}" if f"{src}.{a.name}" in MODULES else src for a in node.names]
            for t in targets:
                while t and t not in MODULES:  # `import auditor.x.y` names a module; an attribute resolves to its module
                    t = t.rpartition(".")[0]
                if t.startswith("auditor") and t != module:
                    edges[module].add(t)
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle():
    assert _cycles(_edges()) == []


def test_no_private_name_imported_from_another_module():
    borrowed = []
    for module, path in MODULES.items():
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and _resolve(module, node).startswith("auditor"):
                for a in node.names:
                    if a.name.startswith("_") and not a.name.startswith("__"):
                        borrowed.append(f"{module}: from {_resolve(module, node)} import {a.name}")
    assert borrowed == []


def test_the_walk_sees_the_package():
    edges = _edges()
    assert "auditor.core" in edges and "auditor.engine.rules" in edges["auditor.core"]


def test_the_architecture_page_names_files_that_exist():
    """docs/ARCHITECTURE.md follows a report file by file: every path it names must be there."""
    import re

    page = (PACKAGE.parent / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(auditor/[\w/]+\.py)", page))
    assert len(named) > 20
    assert sorted(p for p in named if not (PACKAGE.parent / p).is_file()) == []

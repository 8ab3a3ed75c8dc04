"""Check kinds: the vocabulary rules are written in (vale's `extends:`).

Each module in this package defines one kind:

    KIND = "breakdown_sum"          # the name rules use in `check:`
    SCOPE = "document"              # or "corpus"
    class Params(BaseModel): ...    # the rule's `params:`, extra keys forbidden
    def check(rule, target): ...    # yields Findings; target is a Document or a Corpus
    def check_link(rule, link): ... # optional, corpus kinds over an agency's consecutive years

A corpus kind that looks at one (year N, year N−1) link at a time defines
`check_link` as well: the engine then walks the links once and runs every
such rule on each link in turn, so the two reports' tables and quantities are
read (thawed, for a large corpus) once, not once per rule.

Modules are discovered automatically: adding a kind is adding one module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class CheckKind:
    name: str
    scope: str
    params_model: Any
    run: Callable[..., Any]
    doc: str
    per_link: Callable[..., Any] | None = None  # check_link(rule, link) of series kinds


@lru_cache(maxsize=1)
def check_kinds() -> dict[str, CheckKind]:
    kinds: dict[str, CheckKind] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        name = getattr(mod, "KIND", None)
        if name is None:
            continue
        kinds[name] = CheckKind(name, mod.SCOPE, mod.Params, mod.check, (mod.__doc__ or "").strip(), getattr(mod, "check_link", None))
    return kinds

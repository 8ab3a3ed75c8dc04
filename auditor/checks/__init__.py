"""Check kinds: the vocabulary rules are written in (vale's `extends:`).

Each module in this package defines one kind:

    KIND = "breakdown_sum"          # the name rules use in `check:`
    SCOPE = "document"              # or "ingest" (unreadable documents) or "corpus"
    class Params(BaseModel): ...    # the rule's `params:`, extra keys forbidden

    def check(rule: Rule, doc: Document) -> Iterator[Finding]:      # or (rule: Rule, corpus: Corpus)
        p = rule.params_as(Params)                                  # the rule's params, typed
        ...
    def check_link(rule: Rule, link: Link) -> Iterator[Finding]:    # optional, corpus kinds over
        ...                                                         # an agency's consecutive years

A corpus kind that looks at one (year N, year N−1) link at a time defines
`check_link` as well: the engine then walks the links once and runs every
such rule on each link in turn, so the two reports' tables and quantities are
read (thawed, for a large corpus) once, not once per rule.

Modules are discovered automatically: adding a kind is adding one module.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, TypeAlias, cast

from pydantic import BaseModel

if TYPE_CHECKING:  # the engine imports this package: a run-time import would be a cycle
    from auditor.checks._series import Link
    from auditor.engine.corpus import Corpus
    from auditor.engine.rules import Rule
    from auditor.model import Document, Finding

#: What a kind looks at: one readable document, one unreadable one (its ingest error), or the whole corpus.
Scope: TypeAlias = Literal["document", "ingest", "corpus"]
DocumentCheck: TypeAlias = "Callable[[Rule, Document], Iterable[Finding]]"
CorpusCheck: TypeAlias = "Callable[[Rule, Corpus], Iterable[Finding]]"
LinkCheck: TypeAlias = "Callable[[Rule, Link], Iterable[Finding]]"


@dataclass(frozen=True)
class CheckKind:
    name: str
    scope: Scope
    params_model: type[BaseModel]
    run: DocumentCheck | CorpusCheck  # the module's check(rule, target): a DocumentCheck unless the scope is "corpus"
    doc: str
    per_link: LinkCheck | None = None  # check_link(rule, link) of series kinds

    def on_document(self, rule: Rule, doc: Document) -> Iterable[Finding]:
        """What a document- or ingest-scope kind finds in one document."""
        assert self.scope != "corpus", self.name
        return cast("DocumentCheck", self.run)(rule, doc)

    def on_corpus(self, rule: Rule, corpus: Corpus) -> Iterable[Finding]:
        """What a corpus-scope kind finds in the corpus."""
        assert self.scope == "corpus", self.name
        return cast("CorpusCheck", self.run)(rule, corpus)


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
        if mod.SCOPE not in ("document", "ingest", "corpus"):
            raise ValueError(f"{mod.__name__}: SCOPE {mod.SCOPE!r} is not one of document, ingest, corpus")
        kinds[name] = CheckKind(name, mod.SCOPE, mod.Params, mod.check, (mod.__doc__ or "").strip(), getattr(mod, "check_link", None))
    return kinds

"""Rule packs: declarative YAML entries under `rules/`, validated strictly.

A rule is data (vale-style): it names a *check kind* (a module in
`auditor/checks/`) and gives it parameters, plus documentation and examples
that must fire and must not fire (sqlfluff-style fixtures, run by one
parametrised test).  Unknown keys are errors that name the file and the key,
because a misspelt key silently ignored is a rule that silently never fires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor import cache
from auditor.checks import CheckKind, Scope, check_kinds
from auditor.model import CATEGORIES, Evidence, Finding, Severity

# The rule packs ship inside the package (`pip install .` must audit with every rule, not with none):
# in the repository `auditor/rules` is a link to the top-level `rules/` folder the contract names,
# and the wheel carries the files themselves (package-data).
RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


class RuleError(ValueError):
    """A rule file is invalid; the message names the file and the key."""


# defer_build: the validators are built on first validation, which a run whose
# rule pack comes from the cache (`load_rules`) never does.
_MODEL = ConfigDict(extra="forbid", defer_build=True)


class ExampleDoc(BaseModel):
    model_config = _MODEL
    id: str = "example.txt"
    text: str


class EvidencePin(BaseModel):
    """An evidence pin that names its document: ``{document: a2022.txt, text: 上年结转…数量 2}``."""

    model_config = _MODEL
    document: str
    text: str = Field(min_length=1)


class Example(BaseModel):
    """One example of a rule: a text (or several documents) and what the rule must find in it.

    ``evidence`` pins where a ``fire`` example's findings point.  It holds one
    pin per evidence item, in the order the run reports them: the findings in
    report order (document, then position of the first item), each finding's
    items in its own order; so the list also fixes how many items there are,
    and ``evidence: []`` says the findings carry no span at all (a file that
    could not be read), which is not the same as leaving the key out.  A pin is
    a string, or ``{document, text}`` when the example has several documents
    (then every pin names the document its item is in); a string pin's item is
    in the example's one file or, when that file is a compilation split into
    parts (第一篇:…), in one of them (``example.txt#2``, which a mapping pin
    may also name).  The pin's text is read
    like a report (canonicalised: NFKC, simplified characters, folded spaces,
    so full-width punctuation may be copied as written) and must occur exactly
    once in the canonical text of that document, and that one occurrence must
    nest with the item's span: inside it (a part of what the item shows, for a
    long passage) or around it (the item with some context, for a lone table
    cell such as ``2``).  The suite (tests/test_rule_examples.py) checks the
    pins and that every item's ``text`` is ``doc.text[start:end]``; a fire
    example without ``evidence`` fails it, a pass example may not have one.
    """

    model_config = _MODEL
    name: str = ""
    text: str | None = None
    documents: list[ExampleDoc] | None = None
    count: int | None = None  # exact number of findings expected (fire examples)
    message_contains: str | None = None
    run_date: str | None = None  # ISO date the example is audited on ("today")
    evidence: list[str | EvidencePin] | None = None  # where the findings point (fire examples; see above)

    def docs(self) -> list[ExampleDoc]:
        if self.documents:
            return self.documents
        return [ExampleDoc(text=self.text or "")]

    @model_validator(mode="after")
    def _pins(self) -> Example:
        ids = [d.id for d in self.docs()]
        for i, pin in enumerate(self.evidence or []):
            if isinstance(pin, str):
                if not pin.strip():
                    raise ValueError(f"evidence[{i}]: an empty pin points at nothing")
                if len(ids) > 1:
                    raise ValueError(f"evidence[{i}]: the example has several documents, so the pin names one: {{document, text}}")
            elif pin.document.split("#")[0] not in ids:
                raise ValueError(f"evidence[{i}]: document {pin.document!r} is not one of the example's ({', '.join(ids)})")
            elif not pin.text.strip():
                raise ValueError(f"evidence[{i}]: an empty pin points at nothing")
        return self

    def pins(self) -> list[tuple[str | None, str]] | None:
        """The evidence pins as (document id, or None for the one file or any of its parts; text), or None when there are none."""
        if self.evidence is None:
            return None
        return [(None, p) if isinstance(p, str) else (p.document, p.text) for p in self.evidence]


class Examples(BaseModel):
    model_config = _MODEL
    fire: list[Example] = Field(min_length=1)
    pass_: list[Example] = Field(alias="pass", min_length=1)

    @model_validator(mode="after")
    def _pass_pins_nothing(self) -> Examples:
        for i, ex in enumerate(self.pass_):
            if ex.evidence is not None:
                raise ValueError(f"pass[{i}]: a pass example finds nothing, so it has no evidence to pin")
        return self


class RuleSpec(BaseModel):
    model_config = ConfigDict(**_MODEL, populate_by_name=True)
    id: str
    name: str
    category: str
    severity: Literal["error", "warning", "info"]
    check: str
    title: str
    docs: str
    params: dict[str, Any] = {}
    tags: list[str] = []
    examples: Examples

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Z]{2,5}\d{3}", v):
            raise ValueError("rule id must look like ABC123")
        return v

    @field_validator("category")
    @classmethod
    def _category(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"unknown category {v!r}; one of {', '.join(CATEGORIES)}")
        return v


P = TypeVar("P", bound=BaseModel)


@dataclass
class Rule:
    """A loaded rule: its spec, its check kind and its validated parameters."""

    spec: RuleSpec
    kind: CheckKind
    params: BaseModel  # an instance of kind.params_model; a check reads it with params_as
    path: Path | None = None
    severity: Severity = Severity.error
    options: dict[str, Any] = field(default_factory=dict)  # run-wide settings (today, deadline profiles)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def category(self) -> str:
        return self.spec.category

    @property
    def scope(self) -> Scope:
        return self.kind.scope

    def params_as(self, model: type[P]) -> P:
        """The rule's parameters, typed as its check kind's ``Params`` (which they are: `load_rule` validated them with it)."""
        params = self.params
        assert isinstance(params, model), f"{self.id}: params are a {type(params).__name__}, not a {model.__name__}"
        return params

    def finding(
        self,
        message: str,
        documents: list[str],
        evidence: list[Evidence] | None = None,
        data: dict[str, Any] | None = None,
        severity: Severity | str | None = None,
    ) -> Finding:
        sev = Severity(severity) if severity is not None else self.severity
        return Finding(self.id, self.category, sev, message, documents, evidence or [], data or {})

    def doc_entry(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.spec.name,
            "title": self.spec.title,
            "category": self.category,
            "severity": self.severity.value,
            "check": self.spec.check,
            "docs": self.spec.docs.strip(),
        }


def _format_error(path: Path, exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        if err["type"] == "extra_forbidden":
            lines.append(f"{path}: unknown key '{loc}'")
        elif err["type"] == "missing":
            lines.append(f"{path}: missing key '{loc}'")
        else:
            lines.append(f"{path}: key '{loc}': {err['msg']}")
    return "\n".join(lines)


def _parse_yaml(path: Path) -> Any:
    # PyYAML is imported here, not at start-up: a run whose rule pack is cached never needs it.
    # libyaml's loader when PyYAML has it: 9x faster than the pure-Python one, which
    # spent ~0.4 s of every `audit` start-up (a CI gate's latency) parsing the rule pack.
    import yaml

    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: not valid YAML: {exc}") from exc


def load_rule(path: Path) -> Rule:
    raw = _parse_yaml(path)
    if not isinstance(raw, dict):
        raise RuleError(f"{path}: a rule file holds one mapping")
    try:
        spec = RuleSpec.model_validate(raw)
    except ValidationError as exc:
        raise RuleError(_format_error(path, exc)) from exc
    kinds = check_kinds()
    if spec.check not in kinds:
        raise RuleError(f"{path}: key 'check': unknown check kind {spec.check!r}; one of {', '.join(sorted(kinds))}")
    kind = kinds[spec.check]
    try:
        params = kind.params_model.model_validate(spec.params)
    except ValidationError as exc:
        msg = _format_error(path, exc).replace("key '", "key 'params.").replace("unknown key '", "unknown key 'params.")
        raise RuleError(msg) from exc
    return Rule(spec, kind, params, path, Severity(spec.severity))


def rule_paths(directory: Path) -> list[Path]:
    """The rule files of a pack, in load order (every ``*.yml``, then every ``*.yaml``)."""
    return cache.files_under(directory, ".yml") + cache.files_under(directory, ".yaml")


def _parse_pack(paths: list[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for path in paths:
        rule = load_rule(path)
        if rule.id in seen:
            raise RuleError(f"{path}: key 'id': {rule.id} is already defined in {seen[rule.id]}")
        seen[rule.id] = path
        rules.append(rule)
    rules.sort(key=lambda r: r.id)
    return rules


def _pack_key(directory: Path, paths: list[Path]) -> tuple[str, str]:
    """The cache entry of a rule pack (one per folder) and the key its content must match.

    The key covers every rule file's name and bytes, the package's modules
    (check kinds define and validate ``params``) and pydantic's version (the
    cached objects are its models).
    """
    import pydantic

    where = str(directory.resolve())
    files = [x for p in paths for x in (p.relative_to(directory).as_posix(), p.read_bytes())]
    key = cache.make_key("rule-pack", 1, where, pydantic.VERSION, cache.code_stamp(), *files)
    return "rules-" + cache.make_key(where)[:16], key


def _cached_pack(name: str, key: str) -> list[Rule] | None:
    """The cached rules as fresh objects (callers adjust severities and options), or None."""
    entries = cache.load(name, key)
    if not isinstance(entries, list):
        return None
    kinds = check_kinds()
    try:
        return [Rule(spec, kinds[kind], params, path, severity) for spec, kind, params, path, severity in entries]
    except (KeyError, TypeError, ValueError):
        return None


def load_rules(directory: Path | None = None) -> list[Rule]:
    """Every rule under the directory (recursively), sorted by id; ids must be unique.

    Parsing and validating the pack costs ~0.15 s of every start-up, so a
    valid pack is kept in the user cache (`auditor.cache`) under a key of its
    files' content and the code that validates them; a changed file or
    module, or any problem with the cache, means the pack is loaded afresh
    (and the result is the same either way).  Invalid packs are never cached.
    """
    directory = directory or RULES_DIR
    paths = rule_paths(directory)
    try:
        name, key = _pack_key(directory, paths)
    except OSError:
        return _parse_pack(paths)  # a file vanished or is unreadable: the loader says which
    rules = _cached_pack(name, key)
    if rules is None:
        rules = _parse_pack(paths)
        cache.store(name, key, [(r.spec, r.kind.name, r.params, r.path, r.severity) for r in rules])
    return rules

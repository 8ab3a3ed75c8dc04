"""The document model shared by every pipeline stage.

Stages hand each other these plain dataclasses: ingest produces `Source` parts,
normalisation turns them into `Document.text` (the canonical text every offset
refers to), extraction fills metadata, sections, facts and tables, the dedup
stage produces `Pair`s and the checks produce `Finding`s.  Keeping the model in
one module means a rule author can read everything a check may look at here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

CATEGORIES = (
    "near-duplicate",
    "sum-mismatch",
    "ratio-mismatch",
    "cumulative-mismatch",
    "table-identity",
    "cross-year",
    "contradiction",
    "year-mismatch",
    "date-impossible",
    "late-publication",
    "structure",
    "text-quality",
    "ingest-error",
)


class Severity(str, Enum):
    """Finding severity; the order matters for `--fail-on`."""

    info = "info"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True)
class Span:
    """A half-open character range in a document's canonical text."""

    start: int
    end: int


@dataclass
class DateValue:
    """A date as printed, parsed to a calendar date when it is a valid one."""

    year: int
    month: int | None
    day: int | None
    start: int
    end: int
    text: str

    @property
    def valid(self) -> bool:
        return self.as_date() is not None

    def as_date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    def iso(self) -> str:
        d = self.as_date()
        if d is not None:
            return d.isoformat()
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass
class Quantity:
    """A number stated in the text with its unit and the label it counts.

    `value` is a Decimal carrying the printed precision (``Decimal("61.7")``),
    `scope` says whether the figure is cumulative (累计/历年) or for one year.
    """

    value: Decimal
    unit: str
    label: str
    start: int
    end: int
    text: str
    scope: str = "annual"  # annual | cumulative | approximate
    year: int | None = None
    clause_start: int = -1  # where the label clause starts (evidence shows label and number)
    clause: str = ""  # the label clause as written, before normalisation

    @property
    def span_start(self) -> int:
        return self.clause_start if 0 <= self.clause_start <= self.start else self.start


@dataclass
class Breakdown:
    """A stated total and the parts it is broken down into."""

    total: Quantity | None
    parts: list[Quantity]
    closure: str  # exhaustive (其他…/分别/category list) | likely (其中 with 3+ parts) | open (…等)
    start: int
    end: int
    marker: str = ""  # 其中 / 含 / 分别 / list
    implied_total: Decimal | None = None  # e.g. "在线19件,纸质4件,其中…" -> 23
    alternatives: list[Decimal] = field(default_factory=list)  # other totals the parts may split

    @property
    def exhaustive(self) -> bool:
        return self.closure == "exhaustive"


@dataclass
class PercentStatement:
    """`count … 占 pct%` with the base the share is computed from."""

    count: Quantity
    percent: Quantity
    base: Quantity | None
    start: int
    end: int


@dataclass
class PartCount:
    """A declared number of parts (`由…等六部分组成`) and what it lists."""

    declared: int | None  # None: the parts are named without a number ("本年报由概述、…等组成")
    listed: int | None
    start: int
    end: int
    text: str


@dataclass
class Section:
    """A heading and the span of text it governs."""

    level: int  # 1 = 一、  2 = (一)  3 = 1.
    number: str
    title: str
    start: int  # heading start
    end: int  # end of the governed text
    heading_end: int


@dataclass
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    start: int = -1  # span in the canonical text when known
    end: int = -1


@dataclass
class Table:
    """A table as found in the source, before any standard-table recognition."""

    cells: list[Cell]
    start: int = -1
    end: int = -1
    caption: str = ""

    @property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    def grid(self) -> list[list[str]]:
        """Rows of cell texts with merged cells repeated into every slot they cover."""
        g = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    g[r][k] = c.text
        return g


@dataclass
class Document:
    """One report: canonical text plus everything extracted from it."""

    id: str
    source: str
    part: int | None
    format: str
    encoding: str
    raw: str  # the text as decoded from the file (one part of a compilation)
    text: str = ""  # canonical text: NFKC, simplified characters, folded spaces
    to_raw: list[int] = field(default_factory=list)  # text index -> raw index
    heading: str = ""  # compilation heading (第三篇:…) when split from one
    title: str = ""
    title_span: Span | None = None
    agency: str = ""
    agency_source: str = ""  # title | signature | body | ""
    year: int | None = None
    year_source: str = ""
    kind: str = "other"  # annual-report | work-summary | other
    signed: DateValue | None = None
    published: DateValue | None = None
    period: tuple[DateValue, DateValue] | None = None
    sections: list[Section] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    percents: list[PercentStatement] = field(default_factory=list)
    part_counts: list[PartCount] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    std_tables: dict[str, Any] = field(default_factory=dict)  # recognised standard tables by key ("t2", "t3", "t4", "stat")
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # set when the file could not be read

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def era(self) -> str | None:
        """A = 2008–2018 (2007 条例), B = 2019–2020 (试行 format), C = 2021 on."""
        if self.year is None:
            return None
        if self.year <= 2018:
            return "A"
        if self.year <= 2020:
            return "B"
        return "C"

    def snippet(self, start: int, end: int) -> str:
        return self.text[start:end]

    def summary(self) -> dict[str, Any]:
        """The `documents[]` entry of findings.json."""
        return {
            "id": self.id,
            "source": self.source,
            "part": self.part,
            "title": self.title,
            "agency": self.agency,
            "year": self.year,
            "kind": self.kind,
            "signed": self.signed.iso() if self.signed else None,
            "published": self.published.iso() if self.published else None,
            "chars": self.chars,
            "format": self.format,
            "encoding": self.encoding,
        }


@dataclass
class Evidence:
    document: str
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text}


#: Where a finding stands against a baseline (`auditor.baseline`): only ``new`` ones fail a run.
FindingStatus = Literal["new", "baselined", "suppressed"]


@dataclass
class Finding:
    rule: str
    category: str
    severity: Severity
    message: str
    documents: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    status: FindingStatus = "new"  # set by `apply_baseline`; not part of the id
    reason: str = ""  # why a baselined or suppressed finding is accepted (from the baseline file)

    @property
    def fingerprint_basis(self) -> str:
        """What identifies a finding across runs: rule, documents and evidence text.

        Offsets are left out on purpose so that an edit elsewhere in a document
        does not change the id (baselines survive re-extraction).
        """
        ev = sorted((e.document, "".join(e.text.split())) for e in self.evidence)
        return json.dumps([self.rule, sorted(self.documents), ev], ensure_ascii=False)

    @property
    def id(self) -> str:
        return hashlib.sha256(self.fingerprint_basis.encode("utf-8")).hexdigest()[:16]

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "documents": list(self.documents),
            "evidence": [e.as_dict() for e in self.evidence],
            "data": jsonable(self.data),
        }


@dataclass
class Passage:
    """A stretch of text shared by two documents, with what changed inside it."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float
    boilerplate: bool = False
    changes: list[dict[str, Any]] = field(default_factory=list)  # {a:[s,e], b:[s,e], a_text, b_text, kind}


@dataclass
class Pair:
    a: str
    b: str
    jaccard: float
    containment_ab: float  # share of a's shingles found in b
    containment_ba: float
    relation: str  # same-agency-other-year | same-agency-same-year | other-agency
    passages: list[Passage] = field(default_factory=list)

    @property
    def containment(self) -> float:
        return max(self.containment_ab, self.containment_ba)

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "jaccard": round(self.jaccard, 4),
            "containment": round(self.containment, 4),
            "containment_ab": round(self.containment_ab, 4),
            "containment_ba": round(self.containment_ba, 4),
            "relation": self.relation,
            "shared_passages": sum(1 for p in self.passages if not p.boilerplate),
        }


def jsonable(value: Any) -> Any:
    """Turn Decimals, dates and nested containers into JSON-safe values.

    Decimals keep their printed form: integral ones become ints, others floats
    would lose precision, so they are rendered as strings only when they cannot
    be represented exactly as a float literal of the same digits.
    """
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and value.as_tuple().exponent >= 0:
            return int(value)
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, DateValue):
        return value.iso()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    return value

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
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Literal, get_args

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


#: How a figure counts: one year's, a running total (累计/历年), a stock at a date
#: (截至…底), or an estimate (约/近/余) that no sum can be held to.
QuantityScope = Literal["annual", "cumulative", "as-of", "approximate"]
#: How complete a breakdown claims to be: exhaustive (其他…/分别/category list),
#: likely (其中 with 3+ parts) or open (…等); the checks weigh a mismatch by it.
BreakdownClosure = Literal["exhaustive", "likely", "open"]
#: What a document is, from its title (or its first lines when it has none).
DocumentKind = Literal["annual-report", "work-summary", "other"]
#: Where `Document.agency` was read; "" when no agency was found.
AgencySource = Literal["title", "signature", "heading", "body", ""]
#: Where `Document.year` was read; "" when no year was found.
YearSource = Literal["title", "period", "body", ""]
#: Which printed date a page-less report's publication date was taken from
#: (`DocumentMeta.published_source`).
PublishedSource = Literal["published", "cover", "issued"]
#: How two similar documents' authors and years relate; "" until the corpus
#: stage has classified the pair (`auditor.dedup` returns pairs unclassified).
PairRelation = Literal["same-agency-other-year", "same-agency-same-year", "other-agency", ""]
#: The regulation a report was written under: A = 2008–2018 (2007 条例),
#: B = 2019–2020 (试行 format), C = 2021 on.
Era = Literal["A", "B", "C"]


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
    scope: QuantityScope = "annual"
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
    closure: BreakdownClosure
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


@dataclass(slots=True)
class DocumentMeta:
    """What is known about a report besides its text, one typed field per fact.

    Two kinds of facts share this object.  The loaders fill in what the file
    or web page says about the report outside its body (the page's <title>,
    its 发布时间 and 来源 labels, a PDF's or DOCX's document properties); the
    metadata extractor (`auditor.extract.meta`) adds what it read in the text
    that the rules need besides `Document.title/agency/year` (the inner title
    under a compilation heading, the signature's organ, why the text looks
    cut short).  Every field's default means "absent": an empty string, 0 or
    None; no loader or extractor ever records an empty value as present.

    The loader facts are stored in an index (`auditor.index.store`) as a JSON
    object whose keys are these field names; `as_dict` and `from_dict` are
    the only way in and out of that form, so an index written before this
    class existed still loads, and keys this version does not know are
    dropped instead of failing the load.
    """

    # -- from the file or page (loaders) ---------------------------------
    title: str = ""  # the page's <title>, or the document property Title (docx, pdf)
    article_title: str = ""  # <meta name="ArticleTitle">: the report's own title on a CMS page
    published: str = ""  # publication date as the page prints it ("2022年01月21日", "2022-01-20")
    written: str = ""  # 成文日期 label, as printed; also the page's `published` when it has none
    source: str = ""  # 来源 label or meta tag (often the publishing office, not the author)
    publisher: str = ""  # 发布机构 / 发文机关 label
    index_no: str = ""  # 索引号
    doc_no: str = ""  # 发文字号 / 文号
    site: str = ""  # <meta name="SiteName">
    column: str = ""  # <meta name="ColumnName">: the site section the page sits in
    author: str = ""  # author meta tag or document property
    subject: str = ""  # docx/pdf Subject property
    creator: str = ""  # pdf Creator (the authoring program)
    producer: str = ""  # pdf Producer (the program that wrote the pdf)
    created: str = ""  # docx/pdf creation time, ISO 8601 (as precise as the file says)
    modified: str = ""  # docx/pdf last modification time, ISO 8601
    pages: int = 0  # pdf page count; 0: not a pdf
    images: int = 0  # images in an html page's body, where a scanned report hides its text
    # -- read in the text (auditor.extract.meta) -------------------------
    truncated: str = ""  # why the text looks cut short ("ends with an omission mark")
    inner_title: str = ""  # the report's own title line when a compilation heading is its title
    inner_title_span: Span | None = None
    agency_line: str = ""  # an organ's name alone on the line above the inner title
    signature_agency: str = ""  # the organ in the signature above the signing date
    signature_agency_span: Span | None = None
    published_source: PublishedSource | None = None  # printed date `Document.published` came from, no page date

    def copy(self) -> DocumentMeta:
        """An independent copy (each part of a compilation gets its own)."""
        return replace(self)

    def as_dict(self) -> dict[str, Any]:
        """The present facts under their storage keys, JSON-safe.

        Counts are written as strings and spans as ``[start, end]`` lists,
        the form index files have always held, so files written by this
        version and by older ones read back the same.
        """
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value == "" or value == 0:
                continue
            if isinstance(value, Span):
                value = [value.start, value.end]
            elif isinstance(value, int):
                value = str(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Any) -> DocumentMeta:
        """Read `as_dict`'s form (or an older index's); unknown or malformed entries are skipped."""
        meta = cls()
        if not isinstance(data, dict):
            return meta
        for f in fields(cls):
            value = data.get(f.name)
            if value is None:
                continue
            default = getattr(meta, f.name)
            if f.name in _SPAN_FIELDS:
                if isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value):
                    setattr(meta, f.name, Span(value[0], value[1]))
            elif f.name == "published_source":
                if value in _PUBLISHED_SOURCES:
                    meta.published_source = value
            elif isinstance(default, int):
                try:
                    setattr(meta, f.name, max(0, int(value)))
                except (TypeError, ValueError):
                    pass
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                setattr(meta, f.name, str(value))
        return meta


_SPAN_FIELDS = frozenset({"inner_title_span", "signature_agency_span"})
_PUBLISHED_SOURCES = frozenset(get_args(PublishedSource))


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
    agency_source: AgencySource = ""
    year: int | None = None
    year_source: YearSource = ""
    kind: DocumentKind = "other"
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
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    error: str | None = None  # set when the file could not be read
    # True when a big run keeps the bulky fields (quantities … part_counts, sections, tables,
    # std_tables) and the raw text in its store (`auditor.scale.store`): they read empty here, and
    # `RunResult.full(doc)` / `Corpus.full(doc)` give the whole document
    shelved: bool = False

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def era(self) -> Era | None:
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
    relation: PairRelation
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
        exponent = value.as_tuple().exponent  # 'n', 'N', 'F' for NaN and infinity
        if value == value.to_integral_value() and isinstance(exponent, int) and exponent >= 0:
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

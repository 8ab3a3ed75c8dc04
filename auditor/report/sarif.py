"""SARIF 2.1.0: code-scanning UIs (GitHub, GitLab, Azure) show findings inline.

Locations point at the source file by its repository-relative path
(percent-encoded, as a URI reference must be).  A plain-text report gets the
file's line numbers; other formats a character region into the document's
canonical text.  Under a baseline every result has a ``baselineState`` and
suppressed ones carry the reason.  The rule metadata carries each rule's docs.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from auditor.report.locations import line_of, repo_path, submitted_first
from auditor.version import __version__

if TYPE_CHECKING:
    from auditor.core import RunResult
    from auditor.model import Evidence

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(result: RunResult) -> str:
    docs = {d.id: d for d in result.documents}
    rules = [
        {
            "id": r.id,
            "name": r.spec.name,
            "shortDescription": {"text": r.spec.title},
            "fullDescription": {"text": r.spec.docs.strip()},
            "help": {"text": r.spec.docs.strip()},
            "defaultConfiguration": {"level": _LEVEL[r.severity.value]},
            "properties": {"category": r.category, "tags": list(r.spec.tags)},
        }
        for r in result.rules
    ]
    index = {r.id: i for i, r in enumerate(result.rules)}
    baselined_run = "baseline" in result.run_info
    uris: dict[str, str] = {}

    def uri(doc_id: str) -> str:
        # RFC 3986 URI reference: the repository-relative path, percent-encoded (Chinese file names)
        if doc_id not in uris:
            d = docs.get(doc_id)
            path = repo_path(d, result.roots)[0] if d is not None else doc_id.split("#")[0]
            uris[doc_id] = quote(path, safe="/")
        return uris[doc_id]

    new_ids = result.new_ids

    def location(e: Evidence | None, doc_id: str) -> dict[str, Any]:
        d = docs.get(doc_id)
        phys: dict[str, Any] = {"artifactLocation": {"uri": uri(doc_id)}}
        if e is not None:
            line = line_of(d, e.start, result.raw_text(d)) if d is not None else None
            if d is None or line is None:
                region = {"charOffset": e.start, "charLength": e.end - e.start, "snippet": {"text": e.text}}
            else:
                # a plain-text report: lines of the file itself (code-scanning UIs place results by
                # line); the canonical-text span goes along as a property, since SARIF char offsets
                # would have to count the file's own characters
                end = max(line, line_of(d, max(e.start, e.end - 1), result.raw_text(d)) or line)
                region = {"startLine": line, "endLine": end, "snippet": {"text": e.text},
                          "properties": {"canonicalStart": e.start, "canonicalEnd": e.end}}
            phys["region"] = region
        loc: dict[str, Any] = {"physicalLocation": phys, "logicalLocations": [{"name": doc_id, "kind": "document"}]}
        if new_ids and doc_id not in new_ids:
            loc["properties"] = {"archived": True}
        return loc

    results = []
    for f in result.findings:
        # a CI gate places the result on the submitted report; the archived partner is related
        primary = submitted_first(f.documents, new_ids)[0]
        evs = f.evidence[:10]
        main: list[Evidence | None] = [e for e in evs if not new_ids or e.document in new_ids]
        main = main[:5] or [None]
        locs = [location(e, e.document if e else primary) for e in main]
        related = [location(e, e.document) for e in evs if new_ids and e.document not in new_ids][:5]
        named = {loc["logicalLocations"][0]["name"] for loc in related}
        related += [location(None, d) for d in f.documents if new_ids and d not in new_ids and d not in named]
        res: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _LEVEL[f.severity.value],
            "message": {"text": f.message},
            "locations": locs,
            "partialFingerprints": {"auditorFinding/v1": f.id},
            "properties": {"category": f.category, "documents": f.documents},
        }
        if related:
            res["relatedLocations"] = [dict(loc, id=i) for i, loc in enumerate(related)]
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        if baselined_run:
            res["baselineState"] = "new" if f.status == "new" else "unchanged"
        if f.status == "suppressed":
            res["suppressions"] = [{"kind": "external", "justification": f.reason}]
        results.append(res)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "auditor", "version": __version__, "informationUri": "https://example.invalid/auditor", "rules": rules}},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


class SarifWriter:
    name = "sarif"
    filename = "results.sarif"
    encoding = "utf-8"

    def write(self, result: RunResult, fh: TextIO) -> None:
        fh.write(render_sarif(result))


SARIF = SarifWriter()

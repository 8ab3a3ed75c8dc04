"""SARIF 2.1.0: code-scanning UIs (GitHub, GitLab, Azure) show findings inline.

Locations point at the source file with a character region into the
document's canonical text; the rule metadata carries each rule's docs.
"""

from __future__ import annotations

import json

from auditor import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(result) -> str:
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
    results = []
    for f in result.findings:
        locs = []
        for e in f.evidence[:5] or [None]:
            doc_id = e.document if e else f.documents[0]
            d = docs.get(doc_id)
            phys = {"artifactLocation": {"uri": d.source if d else doc_id.split("#")[0]}}
            if e is not None:
                phys["region"] = {"charOffset": e.start, "charLength": e.end - e.start, "snippet": {"text": e.text}}
            locs.append({"physicalLocation": phys, "logicalLocations": [{"name": doc_id, "kind": "document"}]})
        res = {
            "ruleId": f.rule,
            "level": _LEVEL[f.severity.value],
            "message": {"text": f.message},
            "locations": locs,
            "partialFingerprints": {"auditorFinding/v1": f.id},
            "properties": {"category": f.category, "documents": f.documents},
        }
        if f.rule in index:
            res["ruleIndex"] = index[f.rule]
        if getattr(f, "status", "new") != "new":
            res["baselineState"] = "unchanged"
            if f.status == "suppressed":
                res["suppressions"] = [{"kind": "external", "justification": getattr(f, "reason", "")}]
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

"""The agency named in the title differs from the one that signs the report.

"威海市文登人民政府办公室" in the title but "威海市文登区人民政府办公室" in the
signature: one of them is wrong, and a series keyed on the name breaks.  A
name that contains the other (上海市 / 上海市人民政府办公厅) is not a
contradiction.
"""

from __future__ import annotations

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.extract.meta import agency_key
from auditor.model import Document

KIND = "agency_consistency"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG


def check(rule, doc: Document):
    sig = doc.meta.get("signature_agency")
    if not sig or doc.agency_source != "title" or not doc.agency:
        return
    a, b = agency_key(doc.agency), agency_key(sig)
    if a in b or b in a:
        return
    ev = []
    if doc.title_span:
        ev.append(evidence(doc, doc.title_span.start, doc.title_span.end))
    s, e = doc.meta["signature_agency_span"]
    ev.append(evidence(doc, s, e))
    yield rule.finding(f"标题中的机关名称“{doc.agency}”与落款“{sig}”不一致", [doc.id], ev, {"title_agency": doc.agency, "signature_agency": sig})

"""The agency named in the title differs from the one that signs the report.

"甲市乙人民政府办公室" in the title but "甲市乙区人民政府办公室" in the
signature: one of them is wrong, and a series keyed on the name breaks.  A
name that contains the other (某市 / 某市人民政府办公厅) is not a
contradiction, nor is one that only leaves out the higher-level place
(某市某区 / 某区人民政府).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.extract.meta import agency_key
from auditor.model import Document, Finding

KIND = "agency_consistency"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG


# a leading place of a higher level: "某市" in "某市某区", "某省" in "某省某市统计局"
# (only before a lower place: "某县城市管理局" loses nothing)
_HIGHER_PLACE = re.compile(
    r"^(?:(?![县区镇乡旗])[\u4e00-\u9fff]){1,10}?(?:省|自治区|市|自治州|州|盟)"
    r"(?=[\u4e00-\u9fff]{1,10}?(?:市|区|县|旗|州|盟|镇|乡|街道))"
)


def _variants(key: str) -> set[str]:
    """The key, and the key without its leading higher-level places ("某市某区政府" → "某区政府")."""
    out = {key}
    while (m := _HIGHER_PLACE.match(key)) is not None:
        key = key[m.end() :]
        out.add(key)
    return out


def _same_organ(a: str, b: str) -> bool:
    return any(x in y or y in x for x in _variants(a) for y in _variants(b))


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    sig, sig_span = doc.meta.signature_agency, doc.meta.signature_agency_span
    if not sig or sig_span is None or doc.agency_source != "title" or not doc.agency:
        return
    a, b = agency_key(doc.agency), agency_key(sig)
    if _same_organ(a, b):
        return
    ev = []
    if doc.title_span:
        ev.append(evidence(doc, doc.title_span.start, doc.title_span.end))
    ev.append(evidence(doc, sig_span.start, sig_span.end))
    yield rule.finding(f"标题中的机关名称“{doc.agency}”与落款“{sig}”不一致", [doc.id], ev, {"title_agency": doc.agency, "signature_agency": sig})

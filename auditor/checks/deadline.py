"""Published (or, failing that, signed) after the legal deadline for its year.

Era A (2008–2018): every organ by 3月31日 (2007 条例 art. 31).  Eras B/C
(2019 on): 县级以上人民政府部门 by 1月31日; the 本级政府's report by 3月31日;
organs the 条例 gives no date (乡镇, 街道) use the `other` profile date.
Local profiles (a province asking for 2月20日) override by organ type.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, Field

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.model import Document

KIND = "deadline"
SCOPE = "document"

_MMDD = r"^\d{2}-\d{2}$"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    era_a: str = Field("03-31", pattern=_MMDD)
    department: str = Field("01-31", pattern=_MMDD)
    government: str = Field("03-31", pattern=_MMDD)
    other: str = Field("03-31", pattern=_MMDD)
    use_signing_date: bool = True


_GOV = re.compile(r"(人民政府|政府)$")
_TOWN = re.compile(r"(镇|乡|街道|街道办事处|办事处)(人民政府)?$")


def organ_type(agency: str) -> str:
    if _TOWN.search(agency):
        return "other"
    if _GOV.search(agency):
        return "government"
    return "department" if agency else "other"


def deadline_for(p: Params, doc: Document, profile: dict[str, str] | None = None) -> tuple[date, str]:
    y = doc.year + 1
    if doc.year <= 2018:
        key = "era_a"
    else:
        key = organ_type(doc.agency)
    mmdd = (profile or {}).get(key) or getattr(p, key)
    m, d = (int(x) for x in mmdd.split("-"))
    return date(y, m, d), key


def check(rule, doc: Document):
    if doc.year is None or doc.kind != "annual-report":
        return
    when, what = (doc.published, "发布") if doc.published else (doc.signed, "落款")
    if when is None or (what == "落款" and not rule.params.use_signing_date):
        return
    d = when.as_date()
    if d is None or d < date(doc.year + 1, 1, 1):
        return  # impossible dates are date-impossible findings, not late ones
    limit, key = deadline_for(rule.params, doc, rule.options.get("deadlines"))
    if d <= limit:
        return
    ev = [evidence(doc, when.start, when.end)] if when.start >= 0 else []
    yield rule.finding(
        f"{what}日期{d.isoformat()}晚于{doc.year}年度报告的期限{limit.isoformat()} (逾期{(d - limit).days}天)",
        [doc.id],
        ev,
        {"date": d.isoformat(), "deadline": limit.isoformat(), "days_late": (d - limit).days, "organ_type": key},
    )

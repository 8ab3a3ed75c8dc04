"""Published (or, failing that, signed) after the legal deadline for its year.

Era A (2008–2018): every organ by 3月31日 (2007 条例 art. 31).  Eras B/C
(2019 on): 县级以上人民政府部门 by 1月31日; the 本级政府's report by 3月31日;
organs the 条例 gives no date (乡镇, 街道, schools, centres) use the `other`
profile date.  Local profiles (a province asking for 2月20日) override by
organ type.  The organ type is read from the title, signature and text
(`auditor.extract.organ`); when it cannot be told the most lenient date
applies, so a finding never rests on a guess.  A date a year or more after
the report year ended is most often an old report re-posted on a new site:
it is reported as information, not as a late publication — and the report's
own signing or 成文 date, when it has one, is judged instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel, Field

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.extract.organ import OrganType, classify
from auditor.model import DateValue, Document, Finding

KIND = "deadline"
SCOPE = "document"

_MMDD = r"^\d{2}-\d{2}$"
_PROFILE_KEY = {"government": "government", "department": "department", "township": "other", "other": "other"}
_ORGAN_ZH = {"government": "本级政府", "department": "政府部门", "township": "乡镇/街道", "other": "其他机关", "unknown": "机关类型不明"}
_SOURCE_ZH = {"published": "发布", "cover": "报送函", "issued": "印发", None: "发布"}


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    era_a: str = Field("03-31", pattern=_MMDD)
    department: str = Field("01-31", pattern=_MMDD)
    government: str = Field("03-31", pattern=_MMDD)
    other: str = Field("03-31", pattern=_MMDD)
    use_signing_date: bool = True
    repost_after_years: int = 2  # a date in year N+2 or later is taken as a re-post


def _limit(p: Params, key: str, year: int, profile: dict[str, str]) -> date:
    m, d = (int(x) for x in (profile.get(key) or getattr(p, key)).split("-"))
    return date(year + 1, m, d)


def deadline_for(p: Params, doc: Document, profile: dict[str, str] | None = None, organ: OrganType | None = None) -> tuple[date, str]:
    """The deadline for `doc` and the profile key it came from.

    An organ of unknown type gets the latest of the era's dates.
    """
    profile = profile or {}
    year = doc.year
    assert year is not None, f"{doc.id}: a document without a report year has no deadline"
    if year <= 2018:
        return _limit(p, "era_a", year, profile), "era_a"
    organ = organ or classify(doc)
    if organ.kind == "unknown":
        keys = ("department", "government", "other")
        return max((_limit(p, k, year, profile), k) for k in keys)
    key = _PROFILE_KEY[organ.kind]
    return _limit(p, key, year, profile), key


def _dated(year: int, d: DateValue | None) -> bool:
    return d is not None and (on := d.as_date()) is not None and on >= date(year + 1, 1, 1)


def _reposted(p: Params, year: int, d: DateValue | None) -> bool:
    return d is not None and d.year >= year + p.repost_after_years


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    year = doc.year
    if year is None or doc.kind != "annual-report":
        return
    when: DateValue | None
    if doc.published:
        when, what = doc.published, _SOURCE_ZH.get(doc.meta.published_source, "发布")
    else:
        when, what = doc.signed, "落款"
    if when is doc.published and _reposted(p, year, when) and _dated(year, doc.signed) and not _reposted(p, year, doc.signed):
        when, what = doc.signed, "落款"  # a page re-posted years later: the report's own date still says when it was issued
    if when is None or (what == "落款" and not p.use_signing_date):
        return
    d = when.as_date()
    if d is None or d < date(year + 1, 1, 1):
        return  # impossible dates are date-impossible findings, not late ones
    organ = classify(doc)
    limit, key = deadline_for(p, doc, rule.options.get("deadlines"), organ)
    if d <= limit:
        return
    late = (d - limit).days
    ev = [evidence(doc, when.start, when.end)] if when.start >= 0 else []
    data = {"date": d.isoformat(), "deadline": limit.isoformat(), "days_late": late, "organ_type": key, "organ": organ.kind, "organ_reason": organ.reason}
    who = "" if year <= 2018 else f" ({_ORGAN_ZH[organ.kind]}: {organ.reason})"
    msg = f"{what}日期{d.isoformat()}晚于{year}年度报告的期限{limit.isoformat()}{who} (逾期{late}天)"
    if _reposted(p, year, when):
        why = "; 日期远在报告年度之后, 可能是旧报告在新网站重新发布, 不作为逾期证据"
        yield rule.finding(msg + why, [doc.id], ev, {**data, "repost": True}, severity="info")
        return
    yield rule.finding(msg, [doc.id], ev, data)

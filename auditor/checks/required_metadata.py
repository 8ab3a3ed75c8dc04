"""A report lacks a piece of identification every report must carry:
a signing date, or the issuing agency's name in its title.

A title without the agency is a warning when nothing else in the report says
whose it is (or only "省法制办", "我局": which province, which bureau?).  When
the report's own text names the organ with its place — the signature, or the
body ("2011年,某县在…") — the title is a page heading under the organ's banner
and the report is still identifiable: information only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "required_metadata"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    field: Literal["signed", "title_agency", "agency"]
    kinds: list[str] = ["annual-report"]
    # a page copy without recognisable structure may be a fragment: judge only whole reports
    min_sections: int = 3


# Web-page furniture: the stored copy of a page whose CMS dated it (the date
# line may simply not have been kept), so a missing signature proves little.
_PAGE_COPY = re.compile(r"附件下载|附件[:：]|索引号|当前位置|浏览次数|点击数|访问次数|字体[:：]|打印本页|关闭窗口|分享到|信息来源[:：]|来源[:：]")

# What a title says besides its author: years, the genre, the kind of document.
_GENERIC_TITLE = re.compile(
    r"(?:19|20)\d{2}\s*年?度?|[一二三四五六七八九〇○零O]{4}年度?|关于|政府信息公开|政务信息公开|政务公开|信息公开|"
    r"工作|年度|年报|报告|总结|情况|的|[\s:：《》()“”\-—]"
)


# A name that tells whose report it is on its own: it starts with a proper place name
# ("某县", "某市某局") or is a national organ; "省法制办", "区民政局", "县政府办公室" do not
# say which province, district or county.
_IDENTIFYING = re.compile(
    r"^(?:国家|国务院|中国|中华人民共和国|(?![省市县区州旗盟镇乡本我该全各])[\u4e00-\u9fff]{1,12}?"
    r"(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|区|县|旗|州|盟|镇|乡|街道|苏木))"
)


def _named_in_text(doc: Document) -> str:
    """The organ's name as the report's own text gives it (signature, agency line, body), if it identifies it."""
    if doc.agency and doc.agency_source in ("signature", "heading", "body") and _IDENTIFYING.match(doc.agency):
        return doc.agency
    return ""


def _title_names_someone(title: str) -> bool:
    """Whether the title has a name left once years and genre words are removed ("怀远二中2021年…")."""
    rest = _GENERIC_TITLE.sub("", title)
    return sum(1 for c in rest if "\u4e00" <= c <= "\u9fff") >= 2


_MESSAGES = {
    "signed": "没有落款日期",
    "title_agency": "标题未写明发布机关",
    "agency": "全文找不到发布机关名称",
}


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    if doc.kind not in p.kinds:
        return
    if p.field == "signed":
        # a page that prints its publication date (发布时间) is dated, signature or not
        ok = doc.signed is not None or doc.published is not None or bool(doc.meta.truncated) or sum(1 for s in doc.sections if s.level == 1) < p.min_sections
    elif p.field == "title_agency":
        ok = doc.agency_source == "title" or not doc.title or _title_names_someone(doc.title)
    else:
        ok = bool(doc.agency)
    if ok:
        return
    ev = []
    if doc.title_span and p.field == "title_agency":
        ev.append(evidence(doc, doc.title_span.start, doc.title_span.end))
    msg, severity = _MESSAGES[p.field], None
    if p.field == "title_agency" and (named := _named_in_text(doc)):
        # a page title under the organ's own banner; the report says whose it is
        msg += f" (正文写明机关: {named})"
        severity = "info"
    if p.field == "signed":
        tail = doc.text.rstrip()
        ev.append(evidence(doc, max(0, tail.rfind("\n") + 1), len(tail)))
        if _PAGE_COPY.search(doc.text):
            msg += " (网页副本: 发布日期可能在未保存的页面信息中)"
            severity = "info"
    yield rule.finding(msg, [doc.id], ev, {"field": p.field, "title": doc.title, "agency": doc.agency}, severity=severity)

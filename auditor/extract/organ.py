"""What kind of organ publishes a report, for its publication deadline.

Since the 2019 条例 (art. 49) the deadline depends on the organ: a 县级以上
人民政府部门 — a government's own 办公室/办公厅 and the vertical 税务/公安
bureaus included, and an organ named as a place's system ("某市气象部门") —
publishes by 1月31日; the report of a 县级以上地方人民政府
(often titled "XX县2023年政府信息公开工作年度报告" without 人民政府, and signed
by the government or compiled by its office, covering 全县) by 3月31日;
townships, streets and other organs (schools, hospitals, service centres) by a
local date.  The name alone can mislead — a government office that compiles
the county-wide report speaks of 各乡镇/各部门 and 全县 figures — so the text is
read too, and a report whose organ cannot be told is ``unknown``: the deadline
check then holds it to the most lenient date.

The same module gives the strict reading that the template-residue check
(`auditor.checks.organ_residue`) needs: `strict_kind` names a kind only when
the name's ending admits no other, because that check accuses a report of
another organ's words, where the deadline check only picks a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from auditor.model import Document

#: Which deadline regime an organ falls under; "unknown" when name and text disagree.
OrganKind = Literal["government", "department", "township", "other", "unknown"]
KINDS: tuple[OrganKind, ...] = get_args(OrganKind)

_TOWNSHIP = re.compile(r"(?:镇|乡|街道|街道办事处|办事处|苏木|嘎查)(?:人民政府|政府)?(?:办公室|党政办(?:公室)?|党政综合办公室)?$")
_GOVERNMENT = re.compile(r"(?:人民政府|政府)$")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,12}(?:省|市|区|县|旗|州|盟|自治区|特区|新区)$")
_GOV_OFFICE = re.compile(r"(?:人民政府|政府)(?:办公室|办公厅)$|^(?:政府办|政府办公室|县政府办|市政府办|区政府办)$")
_DEPARTMENT = re.compile(r"(?:局|厅|委员会|委|办公室|办公厅|办|署|分局|支队|大队|总队|研究室|参事室|海关)$")
# a place's department named as its system ("某市气象部门", "某县税务部门"): one of
# the government's departments or a vertical bureau, never the government itself
_SYSTEM = re.compile(
    r"^[\u4e00-\u9fff]{1,14}(?:省|市|区|县|旗|州|盟)"
    r"(?!(?:人民)?政府|职能|业务|主管|行政|工作|部分|下属|直属)(?:(?!各|有关|相关|政府)[\u4e00-\u9fff]){2,8}部门$"
)
_OTHER = re.compile(r"(?:中心|学校|中学|小学|学院|大学|医院|院|所|站|馆|队|社|公司|集团)$")
# a development zone's 管委会: a government's agency, of neither type for certain
_ZONE = re.compile(r"(?:管委会|管理委员会)$")

# a report on a whole county/city: "全县主动公开…", "各乡镇、各部门", "综合各乡(镇)、县政府各组成部门及直属机构…编制"
_WHOLE_AREA = re.compile(r"全(?:省|市|区|县|旗|州|盟)(?!委)|各(?:乡|镇|街道|苏木|县|区|部门|单位|组成部门|委办局)|直属机构")
_SELF_TOWN = re.compile(r"我(?:镇|乡|街道|苏木)|本(?:镇|乡|街道)(?!村)")
_SELF_DEPT = re.compile(r"我(?:局|委|厅|办|署)|本(?:局|委|厅)")
_SELF_GOV = re.compile(r"我(?:县|市|区|旗|州|盟|省)(?!委|直)")


@dataclass(frozen=True)
class OrganType:
    kind: OrganKind
    reason: str


def type_by_name(name: str) -> OrganType | None:
    """The organ type a name alone tells (乡镇, 人民政府, 部门 …), or None when the text must decide."""
    if not name:
        return None
    if _TOWNSHIP.search(name):
        return OrganType("township", f"机关名称“{name}”为乡镇/街道")
    if _GOV_OFFICE.search(name):
        return None  # an office: its own report or the government's, the text decides
    if _GOVERNMENT.search(name):
        return OrganType("government", f"机关名称“{name}”为人民政府")
    if _ZONE.search(name):
        return OrganType("other", f"机关名称“{name}”为开发区管委会, 法定期限不明")
    if _OTHER.search(name) and not _DEPARTMENT.search(name):
        return OrganType("other", f"机关名称“{name}”不是政府或其部门")
    if _DEPARTMENT.search(name):
        return OrganType("department", f"机关名称“{name}”为政府部门")
    if _SYSTEM.match(name):
        return OrganType("department", f"机关名称“{name}”为某地某一系统的部门(政府部门或垂直管理机关)")
    if _PLACE.match(name):
        return OrganType("government", f"标题以地名“{name}”为机关, 是本级政府的报告")
    return None


# Stricter readings of a name, for checks that accuse a report of another organ's
# words: only the endings that admit one reading (a 办公室, 支队 or 中心 could
# belong to any level, so the name is left unread and the check stays silent).
_STRICT_TOWNSHIP = re.compile(r"(?:镇|乡|街道|苏木|街道办事处)(?:人民政府|政府)?(?:办公室|党政办公室|党政办)?$")
_STRICT_DEPARTMENT = re.compile(r"(?:局|分局|委员会|委|厅)$")
_STRICT_GOVERNMENT = re.compile(r"(?:省|市|县|区|旗|州|盟)(?:人民政府|政府)$")
_STREET = re.compile(r"街道(?:办事处)?(?:人民政府|政府)?(?:办公室|党政办公室|党政办)?$")


def strict_kind(name: str) -> Literal["township", "department", "government"] | None:
    """township / department / government when the name's ending admits no other reading, else None."""
    if not name:
        return None
    if _STRICT_TOWNSHIP.search(name):
        return "township"
    if _STRICT_GOVERNMENT.search(name):
        return "government"
    if _STRICT_DEPARTMENT.search(name):
        return "department"
    return None


def township_type(name: str) -> Literal["street", "town"] | None:
    """street (街道办事处, an office of the government above) / town (乡, 镇, 苏木: a
    government of its own) / None when the name is not, strictly, a township's."""
    if strict_kind(name) != "township":
        return None
    return "street" if _STREET.search(name) else "town"


# a department's text that only says 我镇 (or a township's that only says 我局):
# the name may be the site's publisher, not the author ("我市" proves nothing:
# a city bureau speaks of its city)
_CONFLICT = {"department": "township", "township": "department"}
_SELF_WORD = {"township": "我镇/我乡/我街道", "department": "我局/我委/我厅"}


def _self_kinds(text: str) -> set[str]:
    """The organ types the text calls itself by (我镇 / 我局 / 我县)."""
    cues = {"township": _SELF_TOWN, "department": _SELF_DEPT, "government": _SELF_GOV}
    return {k for k, rx in cues.items() if rx.search(text)}


# "湖北省某市气象部门2022年政府信息公开工作年度报告": the name before the year
_TITLE_NAME = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{4,24}?)\s*(?:19|20)\d{2}\s*年")


def _title_system(title: str) -> str:
    """A place's system named in the title ("某市气象部门"), which the title reader
    does not take for an agency's name."""
    m = _TITLE_NAME.match(title)
    return m.group("name") if m and _SYSTEM.match(m.group("name")) else ""


def classify(doc: Document) -> OrganType:
    """The organ type of `doc`'s author, with the reason, or ``unknown``.

    A name and a text that disagree — a township's page whose 发布机构 is the
    county office, a bureau's report that only ever says 我镇 — give
    ``unknown``: the name may be the site's publisher, not the author.
    """
    names = [doc.agency, doc.meta.signature_agency, doc.meta.agency_line]
    if not doc.agency and (system := _title_system(doc.title or "")):
        names[0] = system
    found = [t for t in (type_by_name(n) for n in names if n) if t is not None]
    office = next((n for n in names if n and _GOV_OFFICE.search(n)), "")
    text = doc.text
    selves = _self_kinds(text)
    if office and not found:
        if _WHOLE_AREA.search(text):
            return OrganType("government", f"“{office}”编制的是本级政府的全域报告(提及全域/各部门)")
        found = [OrganType("department", f"“{office}”是政府的工作部门")]
    if found:
        kinds = {t.kind for t in found}
        if len(kinds) != 1:
            return OrganType("unknown", "标题与落款的机关类型不一致")
        kind = found[0].kind
        other = _CONFLICT.get(kind)
        if other in selves and kind not in selves:
            return OrganType("unknown", f"{found[0].reason}, 但正文自称{_SELF_WORD[other]}")
        return found[0]
    town, dept, gov = ("township" in selves, "department" in selves, "government" in selves)
    if town and not (dept or gov):
        return OrganType("township", "正文自称我镇/我乡/我街道")
    if dept and not (town or gov):
        return OrganType("department", "正文自称我局/我委/我厅")
    if gov and not (town or dept) and _WHOLE_AREA.search(text):
        return OrganType("government", "正文自称我县/我市并报告全域情况")
    return OrganType("unknown", "无法判断机关类型")

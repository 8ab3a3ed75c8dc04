"""Words of another organ left in a report written from its text (template residue).

Reports are often drafted from another organ's report or from the level
above's template, and pieces of that text survive the edit.  The organ's
own kind, read from its name (乡/镇/街道/苏木 are townships; 局/委/厅 are
departments; a place name with 人民政府 is a government), contradicts:

- a self-reference only another kind uses: a township that says 我局, a
  bureau that says 我镇 or 我办 (a township's report is often written by its
  党政办, a bureau's is not) — counted only when the report also speaks in its
  own voice (我镇 / 我局), so a wrongly read name cannot cause it;
- driving the work of a wider area: a township "推动全省政府信息公开工作",
  a county bureau "指导全省…" (only the organ of that area drives it; a city
  bureau speaking of 全市 is in its own area and is not read);
- supervising offices it does not have: a township "监督管委会各部门", or
  receiving the applications of the government above ("受理…向市政府及市政府
  办公室提出的政府信息公开申请5件" in a street office's report);
- another department's name as the owner of the organ's own internal goals:
  a 司法局 report that "把这项工作纳入审计局内部管理目标";
- another township's name where its own belongs: the 参内乡 report that
  "制定和完善黄村乡信息公开目录"; the same office of another place named as
  where the report can be read ("北京市商务委员会政府网站上可下载本报告" in the
  黑龙江省商务厅 report).

Each signal must be unambiguous on its own; anything else stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.extract.organ import strict_kind, township_type
from auditor.model import Document, Finding

KIND = "organ_residue"
SCOPE = "document"

_PROVINCIAL = re.compile(r"省|自治区|^(?:北京|天津|上海|重庆)市")

# self-references and who may use them
_SELF = re.compile(r"(?:我|本)(?:局|厅|委|办|镇|乡|街道|苏木)(?![长属直委内外里机公法理事结件])")
_VOICE = {"township": ("镇", "乡", "街道", "苏木"), "department": ("局", "厅", "委")}
# a township's report is often written by its 党政办 ("我办"); a bureau's never is
_FOREIGN_VOICE = {"township": ("局", "厅", "委"), "department": ("镇", "乡", "街道", "苏木", "办")}

# driving or steering the work of an area: only that area's organ does so
_DRIVE = re.compile(r"(?:推动|推进|指导|督促|统筹|部署|组织推动|组织开展)全(省|市|县|区|旗|州|盟)(?=[\u4e00-\u9fff]{0,8}(?:政府信息公开|政务公开|信息公开))")
_RANK = {"省": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3}

# offices a township does not have, under a supervising verb
_FOREIGN_OFFICES = re.compile(
    r"(?:指导|监督|督促|协调|推进)[、和及]?(?:[\u4e00-\u9fff]{2}[、和及])*(?P<hit>管委会各(?:部门|单位|科室)|(?:县|市|区|省)直各(?:部门|单位))"
)

# "…黄村乡信息公开目录": a township's name in a phrase its own name belongs in
_TOWN_NAME = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2})(?P<kind>乡|镇|街道|苏木)(?:人民政府|政府)?"
    r"(?=(?:政府)?信息公开(?:目录|指南|工作领导小组|工作年度报告)|门户网站|政务公开(?:目录|指南|栏))"
)
# characters of words, not of place names: "完善镇政府信息公开…", "成员的镇政府…", "全乡", "各乡镇"
_NOT_A_NAME = re.compile(
    r"[的地得时了员成完善制定编更新和及与在对为将把由从做好负责组织进行开展全本该各我贵此每所其等乡镇城县市区省旗人民政府办公室]"
)


@dataclass(frozen=True)
class Residue:
    start: int
    end: int
    why: str


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    max_per_document: int = 3
    context: int = 10


def _short_name(name: str) -> str:
    """"安溪县参内乡人民政府" -> "参内": the township's own name without its county and kind."""
    m = re.search(r"([\u4e00-\u9fff]{2,4}?)(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处)?(?:办公室|党政办公室|党政办)?$", name)
    if not m:
        return ""
    short = m.group(1)
    return re.sub(r"^.*(?:省|市|县|区|旗|州|盟)", "", short) or short


_OWN_OFFICE = re.compile(r"(?:局|委|厅)(?:机关)?办公室|局办")


def _quoted(text: str, at: int) -> bool:
    """Inside a quotation on its line ("县财政局表示:“我局将…”"): another speaker's words."""
    line_start = text.rfind("\n", 0, at) + 1
    before = text[line_start:at]
    return before.count("“") > before.count("”")


def _self_references(doc: Document, kind: str) -> list[Residue]:
    found = list(_SELF.finditer(doc.text))
    own = [m for m in found if m.group()[1:] in _VOICE.get(kind, ())]
    if not own or kind not in _VOICE:
        return []
    # a bureau's own office may write "我办" where the report names it ("局办公室")
    office = kind == "department" and _OWN_OFFICE.search(doc.text) is not None
    out = []
    foreign = _FOREIGN_VOICE[kind]
    for m in found:
        # the cheap test first: _quoted scans the line, ~50 times a report for its own voice
        if m.group()[1:] not in foreign or (office and m.group()[1:] == "办") or _quoted(doc.text, m.start()):
            continue
        out.append(Residue(m.start(), m.end(), f"{'乡镇/街道' if kind == 'township' else '部门'}的报告以“{m.group()}”自称"
                                               f"(其余各处自称“{own[0].group()}”)"))
    return out


_CLAUSE_START = re.compile(r"[,;:。!?\n]")
_HEADING_MARK = re.compile(r"\s*(?:[((][一二三四五六七八九十\d]{1,3}[))]|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、])?\s*")
_SUBJECT = re.compile(r"(?:我|本)(?:局|厅|委|办|镇|乡|街道|苏木|单位|机关)")
_OTHER_ACTOR = re.compile(r"按照|根据|依据|遵照|配合|协助|政府|部门|上级|省|市|县")


def _own_action(text: str, at: int) -> bool:
    """The phrase at `at` is the organ's own action: a heading ("(一)推动全省…"),
    or a clause whose subject is the organ ("我局统筹推进全省…")."""
    line_start = text.rfind("\n", 0, at) + 1
    if _HEADING_MARK.fullmatch(text, line_start, at):
        return True
    lo = max((m.end() for m in _CLAUSE_START.finditer(text, max(0, at - 40), at)), default=max(0, at - 40))
    subjects = list(_SUBJECT.finditer(text, lo, at))
    # "我镇按照县政府推进全县…": the organ follows another's action
    return bool(subjects) and not _OTHER_ACTOR.search(text, subjects[-1].end(), at)


def _wider_area(doc: Document, kind: str) -> list[Residue]:
    own_rank = 4 if kind == "township" else (1 if _PROVINCIAL.search(doc.agency) else None)
    if own_rank is None:
        # a department or government below the province: only 全省 is surely not its area
        own_rank = 2
    out = []
    for m in _DRIVE.finditer(doc.text):
        area = m.group(1)
        if not _own_action(doc.text, m.start()):
            continue  # "按照县政府推进全县政务公开工作的部署": someone else's action
        if _RANK[area] < own_rank and (kind == "township" or area == "省"):
            out.append(Residue(m.start(), m.end(), f"“{doc.agency}”的报告写“{m.group()}”: 这是上级(全{area})报告的措辞"))
    return out


# applications a government above received, counted as the township's own
_HIGHER_APPLICATIONS = re.compile(
    r"向(?:省|市|县|区|旗)(?:人民)?政府(?:及[^。\n,,]{0,12}?办公[室厅])?提出的(?:政府)?信息公开申请"
)


def _foreign_offices(doc: Document) -> list[Residue]:
    out = [
        Residue(m.start("hit"), m.end("hit"), f"乡镇/街道的报告写“{m.group()}”: 乡镇没有这些机构, 是其他机关报告的措辞")
        for m in _FOREIGN_OFFICES.finditer(doc.text)
    ]
    out += [
        Residue(m.start(), m.end(), f"乡镇/街道的报告写受理“{m.group()}”: 这是上级政府报告的措辞, 不是本机关收到的申请")
        for m in _HIGHER_APPLICATIONS.finditer(doc.text)
    ]
    return out


def _other_townships(doc: Document) -> list[Residue]:
    own = _short_name(doc.agency)
    if not own:
        return []
    out = []
    for m in _TOWN_NAME.finditer(doc.text):
        name = m.group("name")[-2:]  # most township names have two characters; a longer one ends with these
        if _NOT_A_NAME.search(name) or name in own:
            continue
        start = m.end("name") - 2
        out.append(Residue(start, m.end("kind"), f"“{doc.agency}”的报告写“{name}{m.group('kind')}”: 另一乡镇的名称留在本机关名称的位置"))
    return out


# "黑龙江省商务厅" -> place 黑龙江省, office 商务厅 (the function and its suffix)
_OFFICE_NAME = re.compile(r"^(?P<place>.*(?:省|自治区|市|州|盟|县|区|旗))(?P<core>[^省市县区州盟旗]{2,8}?)(?:委员会|管理局|局|厅|委)$")


def _last_unit(place: str) -> str:
    """"青岛市李沧区" -> "李沧区": the smallest area a place name ends with."""
    units = re.findall(r"[^省市县区州盟旗]+(?:自治区|省|市|州|盟|县|区|旗)", place)
    return units[-1] if units else place


def _other_place_same_office(doc: Document) -> list[Residue]:
    """"北京市商务委员会政府网站…上可下载本报告" in the 黑龙江省商务厅 report: the same
    office of another place, named where the report says where it can be read."""
    own = _OFFICE_NAME.match(doc.agency)
    if not own or "网站" not in doc.text:
        return []
    place, core = own.group("place"), re.escape(own.group("core"))
    # what every match holds, with a literal prefix the regex engine searches for fast: the
    # pattern below starts with a lazy CJK run tried at every position (0.75 ms a report)
    if re.search(rf"{core}(?:委员会|管理局|局|厅|委)(?:政府)?(?:门户)?网站", doc.text) is None:
        return []
    rx = re.compile(
        rf"(?P<place>[\u4e00-\u9fff]{{2,10}}?(?:省|自治区|市|州|盟|县|区|旗)){core}(?:委员会|管理局|局|厅|委)"
        rf"(?=(?:政府)?(?:门户)?网站[^。\n]{{0,40}}?(?:下载|查阅|浏览|查看)本(?:年度)?(?:报告|年报))"
    )
    mine = _last_unit(place)
    out = []
    for m in rx.finditer(doc.text):
        other = _last_unit(m.group("place"))  # may carry words in front: "报告可在李沧区"
        if other.endswith(mine) or mine.endswith(other):
            continue
        out.append(Residue(m.start(), m.end(), f"“{doc.agency}”的报告写可在“{m.group()}”网站下载本报告: 另一地方同类机关的名称"))
    return out


# a 乡/镇 government speaking of itself: "完善乡政府信息公开工作领导小组", "我镇", "本乡", "全镇";
# not 城乡, 乡镇, 镇街/街镇, 县乡, 本乡本土, and not a named township ("红星乡政府")
_TOWN_WORDS = re.compile(r"(?<![城街乡镇各县市区省])(?P<hit>(?P<pre>[我本全]?)[乡镇](?P<gov>(?:人民)?政府)?)(?![街镇乡村本])")
# a street office speaking of itself: "我街道", "本街道"
_STREET_WORDS = re.compile(r"(?P<hit>[我本]街道)(?!办事处主任|两侧|整治|清扫|卫生)")


def _other_township_type(doc: Document) -> list[Residue]:
    """A street office writing as a township government (乡政府, 我镇, 全乡), or a
    township writing as a street office (我街道): the other type's text."""
    kind = township_type(doc.agency)
    if kind is None:
        return []
    out = []
    if kind == "street":
        for m in _TOWN_WORDS.finditer(doc.text):
            if not m.group("pre") and not m.group("gov"):
                continue  # a bare 乡/镇 is a word part (乡村, 城镇), not a self-description
            if not m.group("pre"):
                before = doc.text[m.start() - 1 : m.start()]
                if re.fullmatch(r"[\u4e00-\u9fff]", before) and not _NOT_A_NAME.search(before):
                    continue  # "红星乡政府": a named township, maybe a neighbour
            if _quoted(doc.text, m.start()):
                continue
            out.append(Residue(m.start("hit"), m.end("hit"),
                               f"街道办事处的报告写“{m.group('hit')}”: 这是乡镇人民政府的措辞, 街道办事处不是一级政府"))
    else:
        for m in _STREET_WORDS.finditer(doc.text):
            if _quoted(doc.text, m.start()):
                continue
            out.append(Residue(m.start("hit"), m.end("hit"),
                               f"乡镇人民政府的报告写“{m.group('hit')}”: 这是街道办事处的措辞"))
    return out


# self-references of organs that are neither a government nor its department, nor a township
_ANY_SELF = re.compile(
    r"(?:我|本)(?P<w>局|厅|委|镇|乡|街道|苏木|单位|部门|机关|公司|集团|中心|社(?!区|会)|院|校)"
    r"(?![长属直委内外里机公法理事结件级系])"
)
_OWN_WORDS = {
    "department": {"局", "厅", "委", "单位", "部门", "机关"},
    "township": {"镇", "乡", "街道", "苏木", "单位", "机关"},
}
_OTHER_WORDS = {
    "department": {"公司", "集团", "中心", "社", "院", "校", "镇", "乡", "街道", "苏木"},
    "township": {"公司", "集团", "中心", "社", "院", "校", "局", "厅", "委"},
}


# the rest of an organ's name after a name read too short
_CUT_NAME = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:局|厅|委员会|委|办公室|办事处|政府|中心|公司|集团)")


def _named_author(doc: Document, kind: str) -> list[Residue]:
    """The organ the report is named after ("由某区行政审批局编制") never speaks in it:
    every self-reference is of another kind of organ ("我公司", "我集团" twice or more,
    never 我局/本单位).  The name is another organ's, left from the text it was
    drafted from."""
    if kind not in _OWN_WORDS or not doc.agency:
        return []
    own, others = _OWN_WORDS[kind], _OTHER_WORDS[kind]
    other = []
    for m in _ANY_SELF.finditer(doc.text):
        w = m.group("w")
        # a word of neither set needs no _quoted test; the first unquoted own word ends the search
        if (w in own or w in others) and not _quoted(doc.text, m.start()):
            if w in own:
                return []
            other.append(w)
    if len(other) < 2:
        return []
    at = doc.text.find(doc.agency)
    if at < 0 or _CUT_NAME.match(doc.text, at + len(doc.agency)):
        return []  # "某县住房和城乡|建设局": the name was read short, its kind is not known
    said = "”“".join(dict.fromkeys(f"我{w}" for w in other))
    return [Residue(at, at + len(doc.agency),
                    f"报告以“{doc.agency}”为名, 正文却只自称“{said}”, 从未以该机关自称: 另一机关的名称留在报告中")]


# "把这项工作纳入审计局内部管理目标" in a 司法局 report: another department named
# as the owner of the organ's own internal goals (a bare name, no place before it)
_INSIDE = re.compile(
    r"(?:(?:纳入|列入)(?P<a>[\u4e00-\u9fff]{2})局内部(?!审计)"
    r"|(?<![省市县区州旗盟])(?P<b>[\u4e00-\u9fff]{2})局内部(?:管理|考核)(?:目标|制度|工作|考评))"
)
# 分局/总局, 全局/本局/该局, 布局/格局/大局/当局/结局 and names too general to tell an organ
_NOT_A_CORE = re.compile(r"[分总全本我该此各新当结布格大省市县区州旗盟]$|^管理$|[入强善把将对在了的和及与为是]")
_OWN_DEPT_VOICE = re.compile(r"[我本](?:局|厅|委)")


def _core(name: str) -> str:
    """"辽中区司法局" -> "司法": the function word of a department's name."""
    return re.sub(r"^.*(?:省|自治区|市|州|盟|县|区|旗)", "", name)


def _other_department_inside(doc: Document) -> list[Residue]:
    """A department's report that puts its own work into another department's
    internal goals ("纳入审计局内部管理目标" in a 司法局 report): that
    department's report, left in the text.  Read only where the report also
    speaks as 我局/本局 and the other name shares no character with its own."""
    if "局内部" not in doc.text or not _OWN_DEPT_VOICE.search(doc.text):
        return []  # every _INSIDE match holds 局内部; the pattern has no literal prefix (0.4 ms a report)
    own = _core(doc.agency)
    out = []
    for m in _INSIDE.finditer(doc.text):
        core = m.group("a") or m.group("b")
        if _NOT_A_CORE.search(core) or set(core) & set(own) or f"{core}局" in doc.agency:
            continue
        if _quoted(doc.text, m.start()):
            continue
        start = m.start("a") if m.group("a") else m.start("b")
        out.append(Residue(start, start + len(core) + 1,
                           f"“{doc.agency}”的报告把本机关的工作纳入“{core}局”的内部管理: 另一部门报告的措辞"))
    return out


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    kind = strict_kind(doc.agency)
    if kind is None:
        return
    found = (_self_references(doc, kind) + _wider_area(doc, kind) + _other_place_same_office(doc)
             + _named_author(doc, kind))
    if kind == "department":
        found += _other_department_inside(doc)
    if kind == "township":
        found += _foreign_offices(doc) + _other_townships(doc) + _other_township_type(doc)
    found.sort(key=lambda r: r.start)
    for r in found[: p.max_per_document]:
        s, e = max(0, r.start - p.context), min(len(doc.text), r.end + p.context)
        yield rule.finding(
            f"模板残留: {r.why}",
            [doc.id],
            [evidence(doc, s, e)],
            {"organ": doc.agency, "organ_kind": kind, "match": doc.text[r.start : r.end]},
        )

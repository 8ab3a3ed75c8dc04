"""Where a report says which year it is about, beyond its title and period.

Two families a reader checks against the title:

* the report naming itself in its preamble — "特向社会公布2008年度…年度报告",
  "由…编制的2019年度政府信息公开年度报告", "现公布《…2022年…年度报告》".
  The year whose work the report is made from counts too ("完成2020年政府信息
  公开工作,形成本报告"), unless the words between name a cited plan or notice.
  Only the preamble counts, and only with a verb that publishes *this* report:
  a 2023 report that "在门户网站发布《…2022年…年度报告》" is telling what it
  did during 2023, and 《关于做好2022年…年度报告…的通知》 is a cited document;
* the year its figures are given for — "2010年度主动公开政府信息54条" in the
  2011 report.  Comparisons ("较2010年", "与2010年相比", "同比") are not
  attributions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from auditor.extract.meta import report_year_spans
from auditor.normalize.dates import find_years, year_value

_Y = r"((?:19|20)\d{2}|[〇○零O一二][〇○零O一二三四五六七八九]{3})\s*年度?"
_SELF = [
    # 特向社会公布2008年度…年度报告 / 现公布《贵阳市2020年政府信息公开工作年度报告》
    re.compile(
        r"(?:特|现|兹)(?:向社会|予以|将)?(?:公布|发布|公开)(?:我[^\d。;\n《]{0,3})?《?[^。;\n《》\d]{0,20}?"
        + _Y
        + r"[^。;\n《》]{0,30}?(?:年度报告|工作报告|年报)"
    ),
    # 本年报是根据…由…编制的2011年度政府信息公开年度报告
    re.compile(r"本(?:年度)?(?:报告|年报)[^。;\n]{0,80}?编制的?《?" + _Y + r"[^。;\n《》]{0,30}?(?:年度报告|工作报告|年报|报告)"),
    # 编制了《舒兰市气象局2015年政府信息公开工作年度报告》(以下简称年报)
    re.compile(r"编制(?:了|完成)?《(?!关于)[^》。;\n\d]{0,30}?" + _Y + r"[^》。;\n]{0,30}?(?:年度报告|年报)》"),
    # 现将2019年政府信息公开工作年度报告公布如下
    re.compile(r"现将(?:我[^\d。;\n]{0,3})?《?[^。;\n《》\d]{0,20}?" + _Y + r"[^。;\n《》]{0,30}?(?:年度报告|年报)[》]?(?:予以)?(?:公布|发布)"),
    # the year whose work the report is made from: "完成2020年政府信息公开工作,形成本报告",
    # "对2020年度政府信息公开工作进行了总结,编制本报告", "总结2019年度…工作情况,特编制本年报"
    re.compile(
        r"(?:完成|总结|回顾|对|就)了?\s*(?:我[^\d。;\n《》]{0,4})?" + _Y
        + r"(?P<mid>[^。;\n《》\d]{0,30}?(?:工作|情况)[^。;\n《》\d]{0,8}?)[,，]?\s*(?:特|并|现)?"
        r"(?:形成|编制|制作|撰写|汇总形成)(?:了|成)?本(?:年度)?(?:报告|年报)"
    ),
]
# what makes the words between such a year and 本报告 a cited document or another report:
# "完成2021年政务公开工作要点…", "做好2020年度…年度报告的编制"
_NOT_SUBJECT = re.compile(r"关于|通知|要点|安排|意见|方案|办法|规定|部署|要求|计划|报告|年报")
_PREAMBLE_END = re.compile(r"(?:^|\n)\s*(?:[一二三四五六七八九十]{1,2}[、.]|第[一二三四五六七八九十]{1,2}部分|\([一二三四五六七八九十]{1,2}\))")
_PREAMBLE_MAX = 1500


@dataclass(frozen=True)
class YearClaim:
    """A year the text attributes to the report (or to its figures), with the span of the phrase."""

    year: int
    start: int  # the year's own characters
    end: int
    phrase_start: int
    phrase_end: int


def preamble_end(text: str) -> int:
    """Where the preamble stops: the first numbered heading after a sentence, or a fixed length.

    A heading may open the preamble it heads ("一、概述" then the preamble).
    """
    for m in _PREAMBLE_END.finditer(text, 0, _PREAMBLE_MAX):
        if "。" in text[: m.start()]:
            return m.start()
    return min(len(text), _PREAMBLE_MAX)


@functools.lru_cache(maxsize=4)
def year_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """`report_year_spans` of a text, kept while the rules that read it run.

    YR001, YR003 (twice, with `figure_years`) and DAT001 each asked for it:
    four scans of a document became one (YR003 0.41-0.48 -> 0.11-0.15 ms/doc
    on corpus-1000, the scan paid once by YR001).  The
    text is the key: its hash is cached in the string, and the rules of one
    document pass the same string.
    """
    return tuple(report_year_spans(text))


def self_references(text: str) -> list[YearClaim]:
    """The years the preamble gives the report it introduces."""
    return list(_self_references(text))


@functools.lru_cache(maxsize=4)
def _self_references(text: str) -> tuple[YearClaim, ...]:
    """`self_references`, kept for YR001 and DAT001, which both read it."""
    head = text[: preamble_end(text)]
    out: dict[int, YearClaim] = {}
    for rx in _SELF:
        for m in rx.finditer(head):
            if "mid" in rx.groupindex and _NOT_SUBJECT.search(m.group("mid")):
                continue
            out.setdefault(m.start(1), YearClaim(year_value(m.group(1)), m.start(1), m.end(1), m.start(), m.end()))
    return tuple(sorted(out.values(), key=lambda c: c.start))


# In the body: "按时发布《湖南省…厅2025年度政府信息公开工作年度报告》" — a report
# published during the year it says, which can only be an earlier year's.
_PUBLISHED_REPORT = re.compile(
    r"(?:发布|公开|公布|上报|报送)(?:了)?《(?!关于)[^》。;\n\d]{0,40}?" + _Y + r"[^》。;\n]{0,30}?(?:年度报告|年报)》"
)


def reports_published(text: str) -> list[YearClaim]:
    """Annual reports the body says were published (or compiled) during the year it reports on.

    The preamble is left out: there the report publishes itself.
    """
    start = preamble_end(text)
    return [
        YearClaim(year_value(m.group(1)), m.start(1), m.end(1), m.start(), m.end())
        for m in _PUBLISHED_REPORT.finditer(text, start)
    ]


# "主动公开政府信息54条", "公开各类政府信息24余条" (running totals are left out)
_COUNT = re.compile(r"公开[^。;,\d累]{0,12}?(?:共计?|达)?\s*(\d[\d,]*)\s*(?:余|多)?\s*(?:条|件|项|篇)")
_COMPARE = re.compile(r"(?:比|较|与|同比|相比|相较|对比|上年|去年|上一年|前年)\s*$")
_PLAN = re.compile(r"(?:计划|预计|力争|争取|将)")


# a clause that compares, or names the report's own year ("全年", "本年度"): no year to inherit
_COMPARING = re.compile(r"比|较|同比|相比|上年|去年|上一年|全年|本年|今年|年内|当年")


def _paragraph_openers(text: str) -> dict[int, tuple[int, int, int]]:
    """Paragraphs that open with the year they tell of ("2019年,我镇通过…"): line start → (start, end, year).

    Plans ("2021年,我镇将继续…") are not openers (`report_year_spans` leaves them out).
    """
    out = {}
    for s, e, y in year_spans(text):
        line = text.rfind("\n", 0, s) + 1
        if not text[line:s].strip():
            out[line] = (s, e, y)
    return out


def figure_years(text: str) -> list[tuple[YearClaim | None, int, int]]:
    """Every 公开 count: (the year its sentence gives it or None, count start, count end).

    The year is the last one printed before the count in the same clause; a
    year preceded by a comparison word marks a comparison and the count is
    left out.  A count with no year in its clause takes the year its paragraph
    opens with ("2019年,我镇通过网站公开信息94条。通过报纸公开信息611条。"), unless
    its clause compares or says 全年/本年; without one it is returned with None.
    """
    out: list[tuple[YearClaim | None, int, int]] = []
    openers = _paragraph_openers(text)
    for m in _COUNT.finditer(text):
        lo = max(text.rfind(c, 0, m.start()) for c in "。;\n")
        clause_start = lo + 1
        before = text[clause_start : m.start()]
        if "累计" in before or _PLAN.search(before):
            continue
        years = find_years(before)
        if not years:
            opener = openers.get(text.rfind("\n", 0, m.start()) + 1)
            if opener is not None and not _COMPARING.search(before):
                s, e, y = opener
                out.append((YearClaim(y, s, e, s, m.end()), m.start(), m.end()))
            else:
                out.append((None, m.start(), m.end()))
            continue
        s, e, y = years[-1]
        if _COMPARE.search(before[:s]):
            continue
        out.append((YearClaim(y, clause_start + s, clause_start + e, clause_start, m.end()), m.start(), m.end()))
    return out

"""Whether a stated figure is for the report year, a running total, or a reading at a date.

Reports use 累计 for two different things: a running total since the
disclosure work began ("截至2011年底,我局累计主动公开政府信息3818条",
"历年累计…610条", "本单位到目前累计…") and simply the year's total
("2020年,我局累计主动公开政府信息96条", "全年累计…", "2023年度…累计15条",
"今年以来累计…").  Calling the second kind cumulative makes a correct report
look as if its running total fell below the year's figure, so a 累计 counts as
a running total only when nothing scopes it to one year.

"截至12月31日,已办结…" or "截至年底…" on its own states where the count was
read, not that it runs since inception: such a figure is ``as-of`` — neither a
running total nor certainly the year's flow — and the cumulative rules leave it
alone.
"""

from __future__ import annotations

import re

from auditor.model import QuantityScope

# Words that make a figure a running total by themselves.
_SINCE_INCEPTION = re.compile(r"历年|迄今|至今|总量|以来")
# 累计 and the words that tell a running total's reading date ("截至2011年底", "到目前");
# without 累计 they only say when the count was read ("截至目前,共受理…").
_RUNNING = re.compile(r"累计")
_AS_OF = re.compile(r"截至|截止|到(?:目前|现在|(?:(?:19|20)\d{2}年)?(?:年底|年末|\d{1,2}月))")
# The year itself as the span: "全年", "本年度", "2024年度", "年度累计", "1月至12月".
_ONE_YEAR = re.compile(
    r"全年|本年|今年|当年|年内|年度累计|(?:19|20)\d{2}年度|(?<!历)年度|1[月\-—至到]+12月|一月至十二月"
)
# "2020年," / "2020年我局…": a bare year naming the reporting period, unless it
# is a reading date ("2020年底", "2020年12月31日") or a start ("2008年以来").
_BARE_YEAR = re.compile(r"((?:19|20)\d{2})年(?![底末]|\d{1,2}月|以来|起|至今)")
# "今年以来", "2020年以来", "年初以来": since the start of the report year.
_YEAR_START = re.compile(r"(?:今年|本年|年初|本年度|((?:19|20)\d{2})年(?:初)?)以来")


def _since_year_start(text: str, report_year: int | None) -> bool:
    m = _YEAR_START.search(text)
    if m is None:
        return False
    return m.group(1) is None or (report_year is not None and int(m.group(1)) == report_year)


def _one_year(text: str, report_year: int | None) -> bool:
    if _ONE_YEAR.search(text) or _since_year_start(text, report_year):
        return True
    return any(report_year is None or int(m.group(1)) == report_year for m in _BARE_YEAR.finditer(text))


def scope_of(clause: str, sentence_head: str, report_year: int | None) -> QuantityScope:
    """``cumulative``, ``as-of`` or ``annual`` for a figure.

    `clause` is the label clause right before the number, `sentence_head` the
    sentence from its start up to the number (it includes the clause).  The
    clause decides first ("年度累计…120, 历年累计…610"); the rest of the
    sentence only when the clause says nothing about the period.
    """
    if re.search(r"历年", clause):
        return "cumulative"
    for text in (clause, sentence_head):
        running = bool(_RUNNING.search(text))
        since = bool(_SINCE_INCEPTION.search(text)) and not _since_year_start(text, report_year)
        if text is clause and _one_year(text, report_year) and not since:
            return "annual"
        if since or (running and _AS_OF.search(sentence_head)):
            return "cumulative"
        if running:
            if _one_year(sentence_head, report_year):
                return "annual"
            return "cumulative"
    if _AS_OF.search(sentence_head):
        return "as-of"
    return "annual"

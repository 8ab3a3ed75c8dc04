"""The dates a published page prints about itself: when it was published, written, issued.

Pages carry them as labelled fields in every layout — "发布时间:2021-03-05
19:11", "成文日期 | 发布日期 | 2022-04-06 |" (the 成文 cell left empty),
"发布日期: 2024- 03- 08 16: 45", a bare "时间:2012-01-19" in the page header,
"成文日期:" with the value two lines below — and a report sent up with a cover
letter (关于报送《…年度报告》的报告) is dated by that letter ("二〇一二年四月三十日",
"…2012年4月30日印发"); a header line opening with a timestamp followed by the page's
other fields ("2021-02-07 18:07  来源:…") is the page's publication stamp (a
bare clock widget is not).  Dates inside web addresses are never read: a date
counts only right after its label, or alone on a cover-letter line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.model import DateValue
from auditor.normalize.dates import find_dates, parse_date

ROLES = ("published", "written", "issued", "cover", "updated")

_LABELS = {
    "published": r"发布(?:时间|日期|于)|公开(?:时间|日期)|发文(?:时间|日期)|公布(?:时间|日期)|上网(?:时间|日期)|发稿时间",
    "written": r"成文(?:时间|日期)|(?:公文)?生成(?:时间|日期)|签发(?:时间|日期)",
    "issued": r"印发(?:时间|日期)",
    "updated": r"更新(?:时间|日期)|修改(?:时间|日期)",
}
# (the look-ahead lists the labels' first characters: most positions fail on one class test)
_LABEL = re.compile("(?=[发公成生签印更修上])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _LABELS.items()) + ")")
# a bare "时间:" / "日期:" field of the page header (not "统计时间", "办理时间")
_BARE = re.compile(r"(?=[时日])(?:^|(?<=[\s|•·]))(?:时间|日期)(?=\s*[:：|])")
_SEP = re.compile(r"[\s:：|•·【】\[\]]{0,12}")
_DATE_LINE_TRIM = "() \u3000"  # the characters (a set) stripped off a cover letter's date line
_HEADER_LINES = 40
_FOOTER_LINES = 10
_COVER_LINES = 15  # a cover letter (subject, addressee, a paragraph, date, 印发 line) above the report
_ISSUED_SUFFIX = re.compile(r"\s*印发")
# a CMS timestamp opening a header line: "2021-02-07 18:07     来源:…"
_STAMP_TIME = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?[^\n]*?(?:来源|作者|浏览|点击|字号|字体|编辑|阅读|发布)")
_COVER_SUBJECT = re.compile(r"关于(?:报送|上报|呈报|报请|印发|公布|发布)[^\n]{0,40}?(?:年度报告|年报|工作报告)")


@dataclass(frozen=True)
class PrintedDate:
    """A date the page prints about the report, with what it says it is."""

    role: str  # one of ROLES
    date: DateValue  # offsets into the text


_INNER = "-./－．／年月"


def _date_at(text: str, pos: int) -> DateValue | None:
    """A date starting at `pos` (spaces inside it tolerated: "2024- 03- 08")."""
    raw = text[pos : pos + 30]
    keep: list[int] = []
    for i, c in enumerate(raw):
        if c in " \u3000" and keep and raw[keep[-1]] in _INNER:
            continue  # "2024- 03- 08": a space after a separator is inside the date
        keep.append(i)
    compact = "".join(raw[i] for i in keep)
    found = [d for d in find_dates(compact) if d.start == 0 and d.day is not None]
    if not found:
        return None
    d = found[0]
    start, end = pos + keep[d.start], pos + keep[d.end - 1] + 1
    return DateValue(d.year, d.month, d.day, start, end, text[start:end])


def _header_end(text: str) -> int:
    """Where the page furniture above the report stops: the first prose line, or 40 lines."""
    pos = 0
    for _ in range(_HEADER_LINES):
        nl = text.find("\n", pos)
        line_end = nl if nl >= 0 else len(text)
        if line_end - pos > 30 and "。" in text[pos:line_end]:
            return pos
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def _lines_end(text: str, n: int) -> int:
    """The end of the first `n` lines."""
    pos = 0
    for _ in range(n):
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        pos = nl + 1
    return pos


def _footer_start(text: str) -> int:
    pos = len(text)
    for _ in range(_FOOTER_LINES):
        pos = text.rfind("\n", 0, max(pos - 1, 0))
        if pos < 0:
            return 0
    return pos + 1


def _after_sep(text: str, pos: int) -> int:
    """Where the separator after a label ends (it may be empty: `_SEP` always matches)."""
    sep = _SEP.match(text, pos)
    assert sep is not None
    return sep.end()


def labelled_dates(text: str) -> list[PrintedDate]:
    """Dates printed right after a label in the page's header or footer, in text order.

    The body is not read: a table of the year's documents has 发布日期 columns too.
    """
    out = []
    head, foot = _header_end(text), _footer_start(text)
    for lo, hi in ((0, head), (max(head, foot), len(text))):
        for m in _LABEL.finditer(text, lo, hi):
            d = _date_at(text, _after_sep(text, m.end()))
            if d is not None:
                out.append(PrintedDate(m.lastgroup or "published", d))
    for m in _BARE.finditer(text, 0, head):
        d = _date_at(text, _after_sep(text, m.end()))
        if d is not None and not any(p.date.start == d.start for p in out):
            out.append(PrintedDate("published", d))
    for d in find_dates(text[: max(head, _lines_end(text, _COVER_LINES))]):
        if d.day is None or any(p.date.start == d.start for p in out):
            continue
        if _ISSUED_SUFFIX.match(text, d.end):
            out.append(PrintedDate("issued", d))
        elif d.start < head and _STAMP_TIME.match(text, d.end) and not text[text.rfind("\n", 0, d.start) + 1 : d.start].strip():
            out.append(PrintedDate("published", d))
    return sorted(out, key=lambda p: p.date.start)


def cover_letter_date(text: str) -> PrintedDate | None:
    """The date of a cover letter sending the report up, when the page starts with one.

    The letter names the report in its subject (关于报送《…年度报告》的报告) and
    is dated on a line of its own before the report's text begins.
    """
    head_end = _lines_end(text, _COVER_LINES)
    subj = _COVER_SUBJECT.search(text, 0, head_end)
    if not subj:
        return None
    pos = text.find("\n", subj.end())
    while 0 <= pos < head_end:
        nxt = text.find("\n", pos + 1)
        line_end = nxt if nxt >= 0 else len(text)
        line = text[pos + 1 : line_end]
        d = parse_date(line.strip(_DATE_LINE_TRIM))
        if d is not None and d.day is not None:
            start = pos + 1 + line.index(d.text)
            return PrintedDate("cover", DateValue(d.year, d.month, d.day, start, start + len(d.text), d.text))
        pos = nxt
    return None


def printed_dates(text: str) -> list[PrintedDate]:
    """Every labelled date and the cover-letter date, in text order."""
    out = labelled_dates(text)
    cover = cover_letter_date(text)
    if cover and not any(p.date.start == cover.date.start for p in out):
        out.append(cover)
    return sorted(out, key=lambda p: p.date.start)

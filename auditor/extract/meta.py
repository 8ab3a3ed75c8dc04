"""Document metadata: title, issuing agency, report year, kind and dates.

Every field records where it came from, because the rules compare sources:
a compilation heading that says 2012 over an inner title that says 2009 is a
year mismatch, and a title without an agency says less than a signature or
body sentence that names the organ with its place.
"""

from __future__ import annotations

import re

from auditor.extract.period import find_period
from auditor.extract.pubdate import printed_dates
from auditor.model import DateValue, Document, DocumentKind, Span
from auditor.normalize.dates import find_dates, find_years, parse_date

# Words that end the name of an organ that publishes a report.
ORGAN_SUFFIX = (
    "人民政府办公厅|人民政府办公室|人民政府|政府办公室|政府办公厅|办公厅|办公室|委员会|管理委员会|管委会|"
    "街道办事处|办事处|领导小组办公室|参事室|研究室|局|厅|委|办|署|院|部|中心|镇|乡|街道|苏木|嘎查|政府|分局|支队|大队|"
    "中学|小学|学校|医院|所|站|馆|会"
)
_ORGAN_RE = re.compile(rf"^[\u4e00-\u9fff()·]{{2,30}}?(?:{ORGAN_SUFFIX})$")
_TITLE_WORDS = re.compile(r"(年度报告|年报|工作报告|工作总结|年度总结|总结|报告)")
_GENRE = re.compile(r"(政府信息公开|政务公开|政务信息公开|信息公开)")
_CHROME = re.compile(r"[>›»|]|当前位置|首页|索引号|分类|字号|点击|浏览|根据|按照|本报告|本年度报告")
_PAGE_PREFIX = re.compile(r"^(?:(?:Page|P\.)\s*\d+\s*[-–—:]\s*|标题\s*[:：]?\s*)")
_YEARISH = re.compile(r"(?:19|20)\d{2}\s*年度?")
_LEAD = re.compile(r"^(关于|一、|第.篇[:：])")


def organ_like(s: str) -> bool:
    return bool(_ORGAN_RE.match(s))


def agency_key(name: str) -> str:
    """A spelling-insensitive key for grouping one agency's reports into a series."""
    k = re.sub(r"[\s()（）·]", "", name)
    k = k.replace("人民政府", "政府").replace("中华人民共和国", "")
    return k


def _lines_with_offsets(text: str, limit: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        if len(out) >= limit:
            break
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _title_candidates(text: str, skip: int = 0) -> list[tuple[str, Span]]:
    """Short lines naming the genre, a wrapped continuation line joined on."""
    lines = _lines_with_offsets(text, 14)
    found = []
    for i, (pos, line) in enumerate(lines):
        if i < skip:
            continue
        s = _PAGE_PREFIX.sub("", line.strip())
        if not s or len(s) > 60 or _CHROME.search(s):
            continue
        if s != line.strip():
            pos += line.index(s)
        nxt = lines[i + 1][1].strip() if i + 1 < len(lines) else ""
        if _CHROME.search(nxt):
            nxt = ""
        joined = s + nxt
        if _TITLE_WORDS.search(s) and (_GENRE.search(s) or _GENRE.search(joined)):
            found.append((s, Span(pos, pos + len(s))))
        elif (
            not _TITLE_WORDS.search(s)
            and nxt
            and len(nxt) <= 30
            and _TITLE_WORDS.search(nxt)
            and _GENRE.search(joined)
            and (_GENRE.search(s) or (_YEARISH.search(s) and len(s) <= 40))
        ):
            # a title wrapped after its genre words or after "某某局2011年" / "…2023年度政府"
            end = lines[i + 1][0] + len(lines[i + 1][1])
            found.append((joined, Span(pos, end)))
    return found


def _line_above(text: str, start: int) -> tuple[str, int]:
    """The nearest non-blank line above `start` and where it begins."""
    end = start - 1
    while end > 0 and text[end - 1] == "\n":
        end -= 1
    begin = text.rfind("\n", 0, max(end, 0)) + 1
    return text[begin : max(end, 0)].strip(), begin


def _find_title(text: str, skip: int = 0) -> tuple[str, Span] | None:
    """The first title line; one that names its agency (or has it on the line above) wins.

    Web pages repeat the title: once bare in the page header, once under the
    agency's name in the body ("迁安市…管委会 / 2020年度…年度报告").
    """
    cands = _title_candidates(text, skip)
    for title, span in cands:
        if _agency_from_title(title, None) or organ_like(_line_above(text, span.start)[0]):
            return title, span
    return cands[0] if cands else None


def title_year(title: str) -> int | None:
    """The year a title names ("…2021年度报告", "2009政府信息公开工作总结"), or None.

    Public because the year-consistency check reads an inner title's year the
    same way the extractor reads the title's."""
    ys = find_years(title)
    if ys:
        return ys[0][2]
    m = re.search(r"(19|20)\d{2}(?=\D|$)", title)
    return int(m.group()) if m else None


def _agency_from_title(title: str, year_text: str | None) -> str:
    t = _LEAD.sub("", title)
    m = re.search(r"(?:19|20)\d{2}\s*年?度?|[一二三四五六七八九〇○零O]{4}年度?", t)
    candidates = []
    if m:
        candidates.append(t[: m.start()])
        # "2013年度谢塘镇政府信息公开工作年度报告": the agency follows the year
        g = _GENRE.search(t, m.end())
        if g:
            candidates.append(t[m.end() : g.start()])
    g = _GENRE.search(t)
    if g:
        candidates.append(t[: g.start()])
    # "云南省卫生健康委关于2022年…的年度报告": the agency comes before 关于
    if (k := t.find("关于")) > 0:
        candidates.append(t[:k])
    # "2015年兴县人民政府信息公开…": 政府信息公开 took the agency's 政府
    candidates += [c + "政府" for c in candidates if c.endswith("人民") or c.endswith("镇") or c.endswith("乡")]
    for c in candidates:
        c = c.strip(" :,;")
        c = re.sub(r"^(?:关于|政府信息公开|政务公开|信息公开)", "", c)
        if organ_like(c) or re.fullmatch(r"[\u4e00-\u9fff]{2,12}(?:省|市|区|县|州|盟|旗|自治区)", c):
            return c
    return ""


def _kind_from_body(text: str) -> DocumentKind:
    """A page copy without its title still says what it is in its first lines."""
    head = text[:600]
    if re.search(r"本年度报告|本报告|本年报|年度报告", head):
        return "annual-report"
    if re.search(r"工作总结|总结如下", head):
        return "work-summary"
    return "other"


def _kind(title: str) -> DocumentKind:
    if re.search(r"年度报告|年报|工作报告|年度工作报告", title):
        return "annual-report"
    if "总结" in title:
        return "work-summary"
    if "报告" in title:
        return "annual-report"
    return "other"


_DATE_LINE_TAIL = 8


_LINE_FURNITURE = " \t\u3000•·-()()"


def _date_only_lines(text: str, lines: list[tuple[int, str]]) -> list[DateValue]:
    """Dates standing alone on a line ("2010年3月15日", "(2013年1月30日)", "• 2016-02-24")."""
    found = []
    for pos, line in lines:
        s = line.strip(_LINE_FURNITURE)
        if not s or len(s) > 24:
            continue
        d = parse_date(s)
        if d is not None:
            lead = line.index(s)
            found.append(DateValue(d.year, d.month, d.day, pos + lead + d.start, pos + lead + d.end, d.text))
    return found


# A line that names another document: the date under it dates that document (an attachment,
# a cited notice, a "相关链接" entry), not the report ("特此报告" is the report's own close).
_OTHER_DOCUMENT = re.compile(
    r"[《》]|附件|相关(?:链接|文章|阅读)|上一篇|下一篇|(?:通知|意见|方案|办法|要点|公告|决定|规定|细则|批复|年度报告|工作报告|工作总结)$"
)


def _dates_another_document(text: str, d: DateValue, title: Span | None = None) -> bool:
    """The line above `d` names another document (not the report's own title, `title`)."""
    above = text[: d.start].rstrip()
    if title is not None and title.start <= len(above) <= title.end:
        return False
    line = above[above.rfind("\n") + 1 :].strip(_LINE_FURNITURE + "：:")
    return bool(line) and not organ_like(line) and bool(_OTHER_DOCUMENT.search(line))


def _signature_lines(text: str, lines: list[tuple[int, str]], title: Span | None = None) -> list[DateValue]:
    """Signing dates at the foot: alone on a line, or after the agency on one line ("某某局 2020年1月10日").

    A date line under the title of another document is not a signature.
    """
    found = [d for d in _date_only_lines(text, lines) if not _dates_another_document(text, d, title)]
    if found:
        return found
    for pos, line in lines:
        s = line.strip(_LINE_FURNITURE)
        if not s or len(s) > 50:
            continue
        ds = find_dates(s)
        if ds and ds[-1].end == len(s) and ds[-1].day is not None and organ_like(s[: ds[-1].start].strip()):
            d = ds[-1]
            lead = line.index(s)
            found.append(DateValue(d.year, d.month, d.day, pos + lead + d.start, pos + lead + d.end, d.text))
    return found


_TITLE_TAIL_DATE = re.compile(r"\([^()]{6,20}\)\s*$")


def _title_tail_date(text: str, title: Span | None) -> DateValue | None:
    """A full date in brackets closing the title line ("…年度报告(二〇一〇年十二月二十日)"):
    the report dated in its own heading, as others date it on the line below."""
    if title is None:
        return None
    m = _TITLE_TAIL_DATE.search(text, title.start, title.end)
    if m is None:
        return None
    found = _date_only_lines(text, [(m.start(), m.group(0))])
    return found[0] if found and found[0].day is not None else None


def _tail_lines(text: str, n: int) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    end = len(text)
    while end > 0 and len(lines) < n:
        start = text.rfind("\n", 0, end) + 1
        lines.append((start, text[start:end]))
        end = start - 1
    return lines


def _signature_agency(text: str, date: DateValue) -> str:
    """The line(s) just above the signing date usually name the agency."""
    before = text[: date.start].rstrip()
    last = before[before.rfind("\n") + 1 :].strip(_LINE_FURNITURE)
    return last if organ_like(last) else ""


_NAME = r"([\u4e00-\u9fff]{2,24}?(?:" + ORGAN_SUFFIX.replace("|会", "") + "))"
# a place standing for its government: "某县", "某某自治州" (not 全县, 我县, 该市, 本区, 市临空经济区)
_PLACE_NAME = r"((?![全我本该各此省市县区州旗盟镇乡])[\u4e00-\u9fff]{1,10}?(?:自治区|自治州|自治县|自治旗|省|市|区|县|旗|州|盟))"
# sentences of the genre that name the author: "由上海市经济和信息化委员会(以下简称我委)编制",
# "结合2022年威海市统计局政府信息公开工作实际", "现公布泰州市人民政府2017年…年度报告"
_BODY_AGENCY = [
    re.compile(r"由" + _NAME + r"(?:\([^)]{0,12}\))?(?:负责|综合|汇总)?[^。]{0,40}?编制"),
    re.compile(r"结合(?:19|20)\d{2}年度?" + _NAME + r"(?:政府信息公开|政务公开)"),
    re.compile(r"汇总(?:19|20)\d{2}年度?" + _NAME + r"的"),
    re.compile(r"现(?:公布|发布|将)" + _NAME + r"(?:19|20)\d{2}年"),
    re.compile(r"(?:^|\n)[ \t\u3000]*(?:19|20)\d{2}年度?[,]\s*" + _NAME + r"(?=紧紧|认真|坚持|按照|围绕|深入|全面|始终|严格|继续|进一步|以)"),
    # a government named by its place, as titles do ("2011年,某县在省、市主管部门的指导下")
    re.compile(r"(?:^|\n)[ \t\u3000]*(?:19|20)\d{2}年度?[,]\s*" + _PLACE_NAME + r"(?=在|紧紧|认真|坚持|按照|围绕|深入|全面|始终|严格|继续|进一步|以)"),
]
_SOURCE_AGENCY = re.compile(r"(?:发布机构|发布单位|信息来源|来源)\s*[:|]\s*([\u4e00-\u9fff]{2,24})")


def body_agency(text: str) -> str:
    """The organ a report's opening sentences name as its author, or "".

    The last resort for `Document.agency` (after the title, the signature and
    an agency line), so it only accepts the genre's own phrasings."""
    head = text[:1500]
    for rx in _BODY_AGENCY:
        m = rx.search(head)
        if m and not re.search(r"[我本在共]|坚持|公开", m.group(1)):
            return m.group(1)
    m = _SOURCE_AGENCY.search(head)
    if m and organ_like(m.group(1)):
        return m.group(1)
    return ""


_CUT_MARK = re.compile(r"(?:\[…\]|\[\.\.\.\]|……|\.\.\.|\(未完\)|\(待续\)|未完待续)\s*$")


def truncation(text: str) -> str | None:
    """Why the text looks cut short, or None: an ellipsis mark, or a last sentence left open."""
    tail = text.rstrip()
    if _CUT_MARK.search(tail[-12:]):
        return "ends with an omission mark"
    if tail and (tail[-1] in ",、;:(《“" ):
        return f"ends in the middle of a sentence (“{tail[-20:]}”)"
    return None


def extract_meta(doc: Document) -> None:
    text = doc.text
    cut = truncation(text)
    if cut:
        doc.meta.truncated = cut
    inner = _find_title(text, skip=1 if doc.heading else 0)
    if inner:
        doc.meta.inner_title, doc.meta.inner_title_span = inner
    if doc.heading:
        doc.title = doc.heading
        first_nl = text.find("\n")
        doc.title_span = Span(0, first_nl if first_nl > 0 else len(text))
    elif inner:
        doc.title, doc.title_span = inner
    elif doc.meta.title:
        doc.title = doc.meta.title.strip()
    # a line holding only the agency right above the inner title ("某市某局\n2015…总结")
    if inner:
        prev, prev_start = _line_above(text, inner[1].start)
        if organ_like(prev):
            doc.meta.agency_line = prev
            if not doc.heading and not _agency_from_title(doc.title, None):
                doc.title = prev + doc.title
                doc.title_span = Span(prev_start, inner[1].end)

    year = title_year(doc.title) if doc.title else None
    if year:
        doc.year, doc.year_source = year, "title"
    doc.kind = _kind(doc.title) if doc.title else _kind_from_body(text)

    agency = _agency_from_title(doc.title, None) if doc.title else ""
    if agency:
        doc.agency, doc.agency_source = agency, "title"

    # signing date: a date alone on one of the last lines, else near the top (上海 style)
    own = inner[1] if inner else None
    tail = _signature_lines(text, _tail_lines(text, _DATE_LINE_TAIL), own)
    head = [d for d in _date_only_lines(text, _lines_with_offsets(text, 6)) if not _dates_another_document(text, d, own)]
    signed = tail[0] if tail else (head[0] if head else _title_tail_date(text, own))
    printed = printed_dates(text)
    written = next((p.date for p in printed if p.role == "written"), None)
    if signed is None and written is not None:
        signed = written
    doc.signed = signed
    sig = _signature_agency(text, signed) if signed and signed.start >= 0 else ""
    if sig and signed is not None:
        sig_start = text.rfind(sig, 0, signed.start)
        doc.meta.signature_agency = sig
        doc.meta.signature_agency_span = Span(sig_start, sig_start + len(sig))
    if not doc.agency:
        if sig:
            doc.agency, doc.agency_source = sig, "signature"
        elif doc.meta.agency_line:
            doc.agency, doc.agency_source = doc.meta.agency_line, "heading"
        elif body := body_agency(text):
            doc.agency, doc.agency_source = body, "body"

    # publication date from page metadata, else the page's printed 发布 field,
    # else the cover letter or 印发 line the report was sent with
    pub = doc.meta.published
    if pub:
        doc.published = parse_date(pub) or next(iter(find_dates(pub)), None)
        if doc.published:
            doc.published.start = doc.published.end = -1
    else:
        for role in ("published", "cover", "issued"):
            hit = next((p for p in printed if p.role == role), None)
            if hit is not None:
                doc.published = hit.date
                doc.meta.published_source = role
                break

    period = find_period(text)
    if period is not None:
        doc.period = (period.start, period.end)
    if doc.year is None and doc.period:
        doc.year, doc.year_source = doc.period[0].year, "period"
    if doc.year is None:
        body_years = report_years(text)
        if body_years:
            doc.year, doc.year_source = max(set(body_years), key=body_years.count), "body"


# Phrases in which a year names the year being reported on.
# (The leading look-ahead lists what each alternative can start with, so the
# engine skips most positions after one class test; the matches are the same.)
_REPORT_YEAR = re.compile(
    r"(?=[\s\d。;对现将就编])"
    r"(?:(?:^|\n|[。;])\s*(\d{4})\s*年(?:度)?\s*[,，]"  # "2009年,我局…"
    r"|(?:对|现将|将|就)[^。\n]{0,12}?(\d{4})\s*年度?[^。\n]{0,20}?(?:总结|报告)如下"
    r"|(\d{4})\s*年度?(?:我|本)(?:局|办|委|镇|乡|区|县|市|厅|中心|街道)"
    r"|编制的(\d{4})\s*年度?[^。\n]{0,12}?年度报告)"
)


def report_years(text: str) -> list[int]:
    """Years the body presents as the reporting year (not dates of cited documents)."""
    return [y for _, _, y in report_year_spans(text)]


# A year that opens a plan is not the year reported on: "2014年,我们将…",
# "下一步,2014年我局将继续…" (a bare 将 is often 把: "我局将信息公开纳入…").
_PLAN_AFTER = re.compile(
    r"[^。;\n]{0,12}?(?:计划|拟|力争|争取|打算|将(?:继续|进一步|着力|重点|加大|不断|全面|按照|以|认真|切实|严格|坚持|持续|围绕|紧紧|深入|加强|努力|从))"
)
_PLAN_BEFORE = re.compile(r"(?:下一步|明年|今后|新的一年|展望|下一年度?)[^。;\n]{0,10}$")


def report_year_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of each reporting-year mention in the body."""
    out = []
    for m in _REPORT_YEAR.finditer(text):
        gi = next(i for i, g in enumerate(m.groups(), start=1) if g)
        if _PLAN_AFTER.match(text, m.end()) or _PLAN_BEFORE.search(text, max(0, m.start(gi) - 20), m.start(gi)):
            continue
        out.append((m.start(gi), m.end(gi), int(m.group(gi))))
    return out

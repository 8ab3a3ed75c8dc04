"""The HTML report: escaping, self-containment and behaviour in a real browser.

The unit tests read the rendered string; the browser tests open the written file
over file:// in Debian's Chromium (skipped when /usr/bin/chromium is missing) and
save the screenshots in docs/screenshots/.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.report.browser import CHROMIUM, chromium, unavailable
from auditor.report.html import json_island, render_html, write_html

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_LINK = "javascript:alert(1)"

# ---------------------------------------------------------------------------
# A small corpus: one agency, 2019 and a 2020 report copied from it with the
# figures changed.

INTRO = (
    "本报告依据《中华人民共和国政府信息公开条例》要求编制。全文包括总体情况、主动公开政府信息情况、"
    "收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、"
    "其他需要报告的事项。本报告中所列数据的统计期限自1月1日起至12月31日止。"
)
COPIED_2019 = (
    "2019年，我县认真贯彻落实政府信息公开工作部署，累计主动公开政府信息898条，其中机构职能45条，"
    "政策文件120条，规划计划47条。依申请公开工作平稳有序，全年未发生因政府信息公开引起的行政复议。"
)
COPIED_2020 = COPIED_2019.replace("2019年", "2020年").replace("898条", "912条")
FILLER = "我县持续推进基层政务公开标准化规范化建设，完善公开目录，优化政府网站栏目设置。\n"

TEXT_A = (
    "某县人民政府2019年政府信息公开工作年度报告\n\n"
    + INTRO
    + "\n\n一、总体情况\n"
    + COPIED_2019
    + "\n"
    + FILLER * 6
    + "联系地址：http://www.example.gov.cn/xxgk 。\n"
    + "二、收到和处理政府信息公开申请情况\n本年度新收政府信息公开申请66件，上年结转2件。\n"
)
TEXT_B = (
    "某县人民政府2020年政府信息公开工作年度报告\n\n"
    + INTRO
    + "\n\n一、总体情况\n"
    + FILLER * 40
    + COPIED_2020
    + "\n"
    + FILLER * 4
    + "二、收到和处理政府信息公开申请情况\n本年度新收政府信息公开申请66件，上年结转2件，总计60件。\n"
)

DOC_A = "2019/某县.txt"
DOC_B = "2020/某县.txt"


def span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def evidence(doc: str, text: str, needle: str) -> dict:
    s, e = span(text, needle)
    return {"document": doc, "start": s, "end": e, "text": needle}


def make_payload(text_a: str = TEXT_A, text_b: str = TEXT_B, message_extra: str = "") -> dict:
    copied_b = COPIED_2020
    a_intro, b_intro = span(text_a, INTRO), span(text_b, INTRO)
    a_copy, b_copy = span(text_a, COPIED_2019), span(text_b, copied_b)
    changes = []
    for old, new in (("2019", "2020"), ("898", "912")):
        sa, ea = span(text_a, old, a_copy[0])
        sb, eb = span(text_b, new, b_copy[0])
        changes.append({"a": [sa, ea], "b": [sb, eb], "a_text": old, "b_text": new, "kind": "number"})
    table_rows = [
        ["项目", "数量"],
        ["一、本年新收政府信息公开申请数量", "66"],
        ["二、上年结转政府信息公开申请数量", "2"],
        ["（七）总计", "60"],
        ["四、结转下年度继续办理", "6"],
    ]
    findings = [
        {
            "id": "f1sum",
            "rule": "SUM-001",
            "category": "sum-mismatch",
            "severity": "error",
            "message": "累计主动公开898条，但其中各项之和为212条" + message_extra,
            "documents": [DOC_A],
            "evidence": [evidence(DOC_A, text_a, "累计主动公开政府信息898条")],
            "data": {"stated": 898, "computed": 212, "equation": "45+120+47 = 212 ≠ 898"},
        },
        {
            "id": "f2table",
            "rule": "TBL-IDENTITY",
            "category": "table-identity",
            "severity": "error",
            "message": "新收+上年结转 ≠ 总计+结转下年度",
            "documents": [DOC_B],
            "evidence": [evidence(DOC_B, text_b, "总计60件")],
            "data": {
                "equation": "一+二 = 66+2 = 68 ≠ （七）总计+四 = 60+6 = 66",
                "stated": 66,
                "computed": 68,
                "table": {"title": "三、收到和处理政府信息公开申请情况", "rows": table_rows, "marked": [[1, 1], [2, 1], [3, 1], [4, 1]]},
                "row": "（七）总计",
            },
        },
        {
            "id": "f3dup",
            "rule": "DUP-001",
            "category": "near-duplicate",
            "severity": "warning",
            "status": "baselined",
            "message": "2020年报告大段照搬2019年报告，仅改动数字",
            "documents": [DOC_A, DOC_B],
            "evidence": [evidence(DOC_A, text_a, COPIED_2019), evidence(DOC_B, text_b, copied_b)],
            "data": {"jaccard": 0.71},
        },
    ]
    documents = [
        {"id": DOC_A, "source": "2019/某县.txt", "part": None, "title": "某县人民政府2019年政府信息公开工作年度报告",
         "agency": "某县人民政府", "year": 2019, "kind": "annual-report", "signed": "2020-03-05",
         "chars": len(text_a), "format": "txt", "encoding": "utf-8"},
        {"id": DOC_B, "source": "2020/某县.txt", "part": None, "title": "某县人民政府2020年政府信息公开工作年度报告",
         "agency": "某县人民政府", "year": 2020, "kind": "annual-report", "signed": "2021-03-10",
         "chars": len(text_b), "format": "txt", "encoding": "utf-8"},
    ]
    return {
        "schema_version": 1,
        "tool": {"name": "auditor", "version": "0.1.0"},
        "run": {"started": "2026-01-05T09:30:00+08:00", "roots": ["seeds"], "rules": 3, "config": {"fail_on": "error"}},
        "documents": documents,
        "findings": findings,
        "pairs": [{"a": DOC_A, "b": DOC_B, "jaccard": 0.71, "containment": 0.83, "relation": "same-agency-other-year", "shared_passages": 1}],
        "summary": {"documents": 2, "findings": {"error": 2, "warning": 1, "info": 0}},
        "texts": {DOC_A: text_a, DOC_B: text_b},
        "pair_details": [
            {
                "a": DOC_A, "b": DOC_B, "jaccard": 0.71, "containment_ab": 0.83, "containment_ba": 0.52,
                "relation": "same-agency-other-year",
                "passages": [
                    {"a_start": a_intro[0], "a_end": a_intro[1], "b_start": b_intro[0], "b_end": b_intro[1],
                     "similarity": 1.0, "boilerplate": True, "changes": []},
                    {"a_start": a_copy[0], "a_end": a_copy[1], "b_start": b_copy[0], "b_end": b_copy[1],
                     "similarity": 0.97, "boilerplate": False, "changes": changes},
                ],
            }
        ],
        "rules": {
            "SUM-001": {"title": "合计与分项之和不符", "category": "sum-mismatch", "severity": "error",
                        "docs": "“累计…条，其中…”的合计应等于各分项之和。\n\n示例：累计898条，其中45条、120条、47条。"},
            "TBL-IDENTITY": {"title": "申请情况表：新收+结转 = 办理+结转下年", "category": "table-identity", "severity": "error",
                             "docs": "一 + 二 = （七）总计 + 四"},
            "DUP-001": {"title": "报告大段照搬", "category": "near-duplicate", "severity": "warning", "docs": "相似度高于阈值。"},
        },
        "verdict": {"fail_on": "error", "failed": True, "counts": {"error": 2, "warning": 1, "info": 0}},
    }


def make_xss_payload() -> dict:
    evil = f"恶意内容 {XSS_SCRIPT} {XSS_IMG} <a href=\"{XSS_LINK}\">{XSS_LINK}</a> </script><script>alert(2)</script> \u2028x"
    text_a = TEXT_A.replace("二、收到", evil + "\n二、收到")
    payload = make_payload(text_a=text_a, message_extra=" " + evil)
    payload["documents"][0]["title"] = "标题" + XSS_IMG
    payload["documents"][0]["agency"] = "某县" + XSS_SCRIPT
    payload["findings"][0]["evidence"].append(evidence(DOC_A, text_a, evil))
    payload["rules"]["SUM-001"]["docs"] += "\n" + evil
    payload["rules"][XSS_SCRIPT] = {"title": XSS_IMG, "category": XSS_LINK, "severity": "error", "docs": evil}
    return payload


# ---------------------------------------------------------------------------
# Unit tests on the string


@pytest.fixture(scope="module")
def html() -> str:
    return render_html(make_payload())


@pytest.fixture(scope="module")
def xss_html() -> str:
    return render_html(make_xss_payload())


def islands(page: str) -> dict[str, str]:
    return dict(re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', page, re.S))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def docs_of(data: dict) -> list[dict]:
    """The documents table decoded as the script decodes it (coded columns, agency-prefixed titles, trailing defaults)."""
    t = data["docs"]
    out = []
    for row in t["rows"]:
        d = {}
        for j, name in enumerate(t["fields"]):
            v = row[j] if j < len(row) else t["defaults"].get(name)
            d[name] = t["values"][name][v] if name in t["coded"] and isinstance(v, int) else v
        if isinstance(d["title"], int):
            d["title"] = d["agency"] + t["values"]["title"][d["title"]]
        out.append(d)
    return out


def context_of(data: dict, ev: dict) -> tuple[str, str, str]:
    """An evidence's before / text / after, as the script cuts them out of its document's window."""
    if "before" in ev or ev["s"] is None:
        return ev.get("before", ""), ev.get("text", ""), ev.get("after", "")
    sn = data["snips"][str(ev["d"])]
    lo, hi = max(0, ev["s"] - data["context"]), min(sn["n"], ev["e"] + data["context"])
    o, t = next((o, t) for o, t in sn["w"] if o <= lo and hi <= o + len(t))
    return t[lo - o : ev["s"] - o], t[ev["s"] - o : ev["e"] - o], t[ev["e"] - o : hi - o]


def text_islands(page: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for name, body in islands(page).items():
        if name.startswith("doc-texts-"):
            out.update({int(k): v for k, v in json.loads(body).items()})
    return out


def test_no_external_resources(html: str) -> None:
    found = tags(html)
    refs = [a[k] or "" for _, a in found for k in ("src", "href", "action", "srcset", "poster", "data") if k in a]
    assert refs, "expected some in-page links"
    for ref in refs:
        assert ref.startswith("#") or ref.startswith("data:"), ref
    assert {t for t, _ in found}.isdisjoint({"img", "iframe", "object", "embed", "base"})
    assert all(a.get("rel") == "icon" for t, a in found if t == "link")
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", html, re.I)
    assert not re.search(r"<(?:link|img|iframe|object|embed)[^>]+(?:https?:)?//", html, re.I)
    # the one URL in the documents stays data, never a link
    assert "http://www.example.gov.cn" not in re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S)


def test_csp_pins_the_inline_script(html: str) -> None:
    csp = next(a["content"] for t, a in tags(html) if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_payload_round_trips_through_islands(html: str) -> None:
    found = islands(html)
    data = json.loads(found["audit-data"])
    assert [d["id"] for d in docs_of(data)] == [DOC_A, DOC_B]
    assert len(data["findings"]) == 3
    assert text_islands(html) == {0: TEXT_A, 1: TEXT_B}
    table = next(f for f in data["findings"] if f.get("table"))
    assert table["table"]["marked"] == [[1, 1], [2, 1], [3, 1], [4, 1]]
    ev = data["findings"][0]["ev"][0]
    before, text, after = context_of(data, ev)
    assert text == "累计主动公开政府信息898条"
    assert TEXT_A[ev["s"] - len(before) : ev["e"] + len(after)] == before + text + after
    assert len(after) == data["context"]
    assert docs_of(data)[1]["title"] == "某县人民政府2020年政府信息公开工作年度报告"
    pair = json.loads(found["pair-data"])[0]
    assert pair["passages"][1]["changes"][0]["at"] == "2019"


def test_header_and_static_sections(html: str) -> None:
    assert "FAIL" in html and "fail-on: error" in html
    assert 'id="rule-SUM-001"' in html and 'id="rule-TBL-IDENTITY"' in html
    assert "合计不符" in html and "表格勾稽不符" in html
    assert "auditor 0.1.0" in html
    assert "Noto Sans CJK SC" in html


def test_json_island_escapes() -> None:
    value = {"t": "</script><!-- & \u2028\u2029 >"}
    out = str(json_island(value))
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in out
    assert json.loads(out) == value


def test_xss_appears_only_as_text(xss_html: str) -> None:
    assert XSS_SCRIPT not in xss_html
    assert XSS_IMG not in xss_html
    assert "<script>alert(2)" not in xss_html
    assert f'href="{XSS_LINK}' not in xss_html and "href=javascript" not in xss_html.lower()
    # markup-escaped where the server renders it, \u-escaped in the islands
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xss_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in xss_html
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in xss_html
    assert len(re.findall(r"<script\b", xss_html)) == 1 + len(islands(xss_html))
    assert re.search(r"<img\b", xss_html) is None
    assert text_islands(xss_html)[0].count(XSS_SCRIPT) == 1


def test_empty_and_sparse_payloads_render() -> None:
    out = render_html({})
    assert "PASS" in out and "没有发现问题" in out
    sparse = {
        "findings": [{"rule": "X", "severity": "info", "message": "m", "documents": ["nowhere"],
                      "evidence": [{"document": "nowhere", "start": 5, "end": 9, "text": "abcd"}]}],
        "texts": {},
    }
    data = json.loads(islands(render_html(sparse))["audit-data"])
    assert docs_of(data)[0]["id"] == "nowhere" and docs_of(data)[0]["stub"]
    assert data["findings"][0]["ev"][0]["text"] == "abcd"


def test_write_html_is_atomic(tmp_path: Path, monkeypatch) -> None:
    import auditor.report.html as module

    target = tmp_path / "out" / "report.html"
    write_html(make_payload(), target)
    first = target.read_text(encoding="utf-8")
    assert first == render_html(make_payload())

    def broken(payload):
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "render_html", broken)
    with pytest.raises(RuntimeError):
        write_html(make_payload(), target)
    assert target.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"]


# ---------------------------------------------------------------------------
# Browser tests

sync_api = pytest.importorskip("playwright.sync_api")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def browser():
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def report_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    files = {"main": folder / "report.html", "xss": folder / "xss.html", "empty": folder / "empty.html"}
    write_html(make_payload(), files["main"])
    write_html(make_xss_payload(), files["xss"])
    write_html({}, files["empty"])
    return files


class Opened:
    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.add_init_script("window.__alerted = 0; window.alert = function () { window.__alerted += 1; };")
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html.js-ready")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self) -> None:
        assert self.errors == []
        assert all(u.startswith(("file:", "data:")) for u in self.requests), self.requests
        assert self.dialogs == []
        assert self.page.evaluate("window.__alerted") == 0

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def open_(path: Path) -> Opened:
        o = Opened(browser, path)
        pages.append(o)
        return o

    yield open_
    for o in pages:
        o.close()


def press(page, selector: str) -> None:
    """Activate a button from the keyboard (immune to cards above it changing height while it is clicked)."""
    page.focus(selector)
    page.keyboard.press("Enter")


def shown(page) -> int:
    return int(page.get_attribute("#finding-count", "data-shown"))


@needs_chromium
def test_overview_loads_clean_and_screenshot(opened, report_files) -> None:
    o = opened(report_files["main"])
    page = o.page
    assert page.locator(".verdict.fail").is_visible()
    assert page.locator("#finding-list article.finding").count() == 3
    assert page.locator("#doc-table tbody tr").count() == 2
    assert shown(page) == 3
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.screenshot(path=str(SCREENSHOTS / "overview.png"))
    o.assert_clean()


@needs_chromium
def test_filters_and_search(opened, report_files) -> None:
    o = opened(report_files["main"])
    page = o.page
    expect = sync_api.expect
    page.uncheck("#filters input[name=severity][value=error]")
    expect(page.locator("#finding-count")).to_have_attribute("data-shown", "1")
    assert page.locator("#finding-list article.finding[data-severity=error]").count() == 0
    assert "showing 1 of 3" in page.inner_text("#finding-count")
    page.check("#filters input[name=severity][value=error]")
    expect(page.locator("#finding-count")).to_have_attribute("data-shown", "3")
    page.uncheck("#filters input[name=status][value=baselined]")
    expect(page.locator("#finding-count")).to_have_attribute("data-shown", "2")
    page.check("#filters input[name=status][value=baselined]")
    page.fill("#finding-search", "结转下年度")
    expect(page.locator("#finding-count")).to_have_attribute("data-shown", "1")
    assert page.locator("#finding-list article.finding").first.get_attribute("data-rule") == "TBL-IDENTITY"
    page.fill("#finding-search", "no such finding anywhere")
    expect(page.locator("#finding-count")).to_have_attribute("data-shown", "0")
    page.fill("#finding-search", "")
    page.select_option("#filters select[name=category]", "near-duplicate")
    expect(page.locator("#finding-count")).to_have_attribute("data-shown", "1")
    page.click("#filters button[type=reset]")
    expect(page.locator("#finding-count")).to_have_attribute("data-shown", "3")
    o.assert_clean()


@needs_chromium
def test_document_table_sorts_from_keyboard(opened, report_files) -> None:
    o = opened(report_files["main"])
    page = o.page
    first = lambda: page.locator("#doc-table tbody tr").first.get_attribute("data-doc-row")  # noqa: E731
    page.focus("#doc-table th button[data-sort=year]")
    page.keyboard.press("Enter")
    assert page.get_attribute("#doc-table th:has(button[data-sort=year])", "aria-sort") == "ascending"
    assert first() == "0"
    page.keyboard.press("Enter")
    assert page.get_attribute("#doc-table th:has(button[data-sort=year])", "aria-sort") == "descending"
    assert first() == "1"
    o.assert_clean()


@needs_chromium
def test_show_in_document_marks_evidence(opened, report_files) -> None:
    o = opened(report_files["main"])
    page = o.page
    card = page.locator("article.finding[data-rule='SUM-001']")
    card.locator("a.show-in-doc").first.click()
    details = page.locator("details#doc-0")
    assert details.get_attribute("open") is not None
    current = details.locator("mark.current")
    assert current.count() == 1
    assert current.inner_text() == "累计主动公开政府信息898条"
    assert current.is_visible()
    box, view = current.bounding_box(), page.viewport_size
    assert 0 <= box["y"] and box["y"] + box["height"] <= view["height"]
    # opening another document by hand builds its text lazily, evidence marked
    other = page.locator("#doc-views details#doc-1")
    assert other.locator(".doctext").count() == 0
    other.locator("summary").click()
    sync_api.expect(other.locator("mark.ev", has_text="总计60件")).to_have_count(1)
    assert other.locator(".doctext").inner_text().startswith("某县人民政府2020年")
    o.assert_clean()


@needs_chromium
def test_pair_click_scrolls_partner_and_screenshot(opened, report_files) -> None:
    o = opened(report_files["main"])
    page = o.page
    pair = page.locator("details#pair-0")
    page.locator("details#pair-0 > summary").click()
    left = pair.locator(".pane[data-side=a]")
    right = pair.locator(".pane[data-side=b]")
    partner = right.locator(".psg[data-p='1']")
    pane_box = right.bounding_box()
    before = partner.bounding_box()
    assert before["y"] > pane_box["y"] + pane_box["height"], "partner should start out of view"
    assert right.evaluate("el => el.scrollTop") == 0
    left.locator(".psg[data-p='1']").click()
    after = partner.bounding_box()
    pane_box = right.bounding_box()
    assert after["y"] >= pane_box["y"] - 1
    assert after["y"] + after["height"] <= pane_box["y"] + pane_box["height"] + 1
    assert "active" in partner.get_attribute("class")
    # labels and changes are text, not colour only
    assert right.locator(".psg[data-p='1'] .plabel").inner_text() == "P2"
    assert "模板" in right.locator(".psg.boiler .plabel").inner_text()
    changes = right.locator(".psg[data-p='1'] .chg-number")
    sync_api.expect(changes).to_have_text(["2020", "912"])
    assert changes.first.get_attribute("title").startswith("2019 → 2020")
    assert "83.0%" in pair.locator("dl.metrics").inner_text()
    assert "同一机关不同年度" in page.locator("details#pair-0 > summary").inner_text()
    # and back from the right pane
    right.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    left.evaluate("el => { el.scrollTop = el.scrollHeight; }")
    right.locator(".psg[data-p='0']").click()
    lbox, pbox = left.locator(".psg[data-p='0']").bounding_box(), left.bounding_box()
    assert lbox["y"] >= pbox["y"] - 1 and lbox["y"] < pbox["y"] + pbox["height"]
    left.locator(".psg[data-p='1']").click()
    pair.scroll_into_view_if_needed()
    pair.screenshot(path=str(SCREENSHOTS / "pair.png"))
    o.assert_clean()


@needs_chromium
def test_table_finding_marks_cells_and_screenshot(opened, report_files) -> None:
    o = opened(report_files["main"])
    page = o.page
    card = page.locator("article.finding[data-rule='TBL-IDENTITY']")
    bad = card.locator("figure.ftable td.bad")
    assert bad.count() == 4
    assert bad.first.inner_text().startswith("✗")
    assert "不一致" in bad.first.get_attribute("aria-label")
    assert "≠" in card.locator(".equation").inner_text()
    card.scroll_into_view_if_needed()
    card.screenshot(path=str(SCREENSHOTS / "table.png"))
    o.assert_clean()


@needs_chromium
def test_xss_document_executes_nothing(opened, report_files) -> None:
    o = opened(report_files["xss"])
    page = o.page
    msg = page.locator("article.finding[data-rule='SUM-001'] p.msg").inner_text()
    assert XSS_SCRIPT in msg and XSS_IMG in msg and XSS_LINK in msg
    page.locator("#doc-views details#doc-0 summary").click()
    page.locator("details#pair-0 > summary").click()
    text = page.locator("details#doc-0 .doctext").inner_text()
    assert XSS_SCRIPT in text and XSS_IMG in text
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1 + page.locator("script[type='application/json']").count()
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator(f"article.rule h3:has-text('{XSS_IMG}')").count() == 1
    page.wait_for_timeout(100)
    o.assert_clean()


@needs_chromium
def test_empty_report_loads_clean(opened, report_files) -> None:
    o = opened(report_files["empty"])
    assert o.page.locator(".verdict.pass").is_visible()
    assert shown(o.page) == 0
    o.assert_clean()


@needs_chromium
def test_paging_for_large_corpora(tmp_path: Path, browser) -> None:
    """450 findings over 300 documents: only the first page of each list is in the DOM."""
    payload = make_payload()
    base = payload["findings"][0]
    docs, texts, findings = [], {}, []
    for i in range(300):
        doc_id = f"bulk/{i:05d}.txt"
        docs.append({"id": doc_id, "agency": f"机关{i % 37}", "year": 2010 + i % 12, "kind": "annual-report",
                     "format": "txt", "chars": 30, "title": f"报告{i}"})
        texts[doc_id] = "累计主动公开政府信息898条，其中45条。" + str(i)
    for k in range(450):
        f = copy.deepcopy(base)
        doc_id = f"bulk/{k % 300:05d}.txt"
        f.update(id=f"bulk{k}", documents=[doc_id], severity=("error", "warning", "info")[k % 3],
                 evidence=[{"document": doc_id, "start": 0, "end": 14, "text": texts[doc_id][:14]}])
        findings.append(f)
    payload["documents"] += docs
    payload["texts"].update(texts)
    payload["findings"] += findings
    path = tmp_path / "big.html"
    write_html(payload, path)
    o = Opened(browser, path)
    try:
        page = o.page
        cards = page.locator("#finding-list article.finding")
        sync_api.expect(cards).to_have_count(200)
        assert shown(page) == 453
        press(page, "#finding-more")
        sync_api.expect(cards).to_have_count(400)
        press(page, "#finding-more")
        sync_api.expect(cards).to_have_count(453)
        sync_api.expect(page.locator("#finding-more")).to_be_hidden()
        assert page.locator("#doc-table tbody tr").count() == 200
        press(page, "#doc-more")
        assert page.locator("#doc-table tbody tr").count() == 302
        page.uncheck("#filters input[name=severity][value=info]")
        sync_api.expect(page.locator("#finding-count")).to_have_attribute("data-shown", str(453 - 150))
        assert page.locator("#finding-list article.finding").count() == 200
        o.assert_clean()
    finally:
        o.close()


# ---------------------------------------------------------------------------
# Huge corpora: caps, budgets and their notes (small payloads, low limits)

LIMITS = {"max_findings": 450, "max_pairs": 30, "max_text_chars": 60_000, "max_context_chars": 40_000, "max_agency_options": 50}


@pytest.fixture(scope="module")
def capped_payload() -> dict:
    from benchmarks.html_synth import synthetic_payload

    return synthetic_payload(4000, 2000, n_pairs=120, seed=3)


@pytest.fixture(scope="module")
def capped_html(capped_payload) -> str:
    return render_html(capped_payload, **LIMITS)


def test_caps_keep_the_html_small_and_say_so(capped_payload, capped_html: str) -> None:
    found = islands(capped_html)
    data = json.loads(found["audit-data"])
    pairs = json.loads(found["pair-data"])
    assert len(data["findings"]) == 450 and data["n_findings"] == 2000
    assert len(pairs) == 30 and data["n_pairs"] == 120
    # the most severe are the ones listed
    sev = [f["sev"] for f in data["findings"]]
    assert sev == sorted(sev, key=("error", "warning", "info").index)
    assert "1550 条只在 findings.json 和 findings.csv 中" in capped_html
    assert "the other 1550 are only in findings.json and findings.csv" in capped_html
    assert 'id="summary-partial"' in capped_html and 'id="pairs-partial"' in capped_html
    # the counts still cover every finding
    assert f'<span class="card-n">{capped_payload["verdict"]["counts"]["error"]}</span>' in capped_html
    # texts within budget; the pairs whose texts are left out carry no passages
    texts = text_islands(capped_html)
    assert 0 < sum(map(len, texts.values())) <= LIMITS["max_text_chars"]
    assert "语料较大，只嵌入" in capped_html
    assert any(p["passages"] for p in pairs) and any(p.get("np") for p in pairs)
    for p in pairs:
        if p["a"] in texts and p["b"] in texts:
            assert p["passages"] and "np" not in p
        else:
            assert p["passages"] == [] and p["np"] > 0
    # the evidence windows fit their budget by narrowing the context, and still cut correctly
    assert data["context"] < 200
    assert f"前后各 {data['context']} 字" in capped_html
    assert sum(len(w[1]) for sn in data["snips"].values() for w in sn["w"]) <= LIMITS["max_context_chars"]
    all_texts = capped_payload["texts"]
    docs = docs_of(data)
    for f in data["findings"][:50]:
        for ev in f["ev"]:
            before, text, after = context_of(data, ev)
            full = all_texts[docs[ev["d"]]["id"]]
            assert text == full[ev["s"] : ev["e"]]
            assert full[ev["s"] - len(before) : ev["e"] + len(after)] == before + text + after
    # thousands of agencies: a text box with suggestions, not a select
    assert '<input type="search" name="agency" list="agency-options"' in capped_html
    assert '<select name="agency">' not in capped_html


def test_astral_characters_keep_their_context_inline() -> None:
    text = "前文𠀀𠀁内容" * 5 + "累计主动公开政府信息898条" + "后文" * 5
    s = text.index("累计")
    payload = {
        "documents": [{"id": "d", "agency": "某局", "year": 2020}],
        "texts": {"d": text},
        "findings": [{"rule": "X", "severity": "error", "message": "m", "documents": ["d"],
                      "evidence": [{"document": "d", "start": s, "end": s + 14, "text": text[s : s + 14]}]}],
    }
    data = json.loads(islands(render_html(payload))["audit-data"])
    ev = data["findings"][0]["ev"][0]
    assert ev["text"] == "累计主动公开政府信息898条" and ev["before"].endswith("内容")
    assert data["snips"] == {}  # the window holds characters beyond the BMP: not sent


@needs_chromium
def test_capped_report_pages_and_filters_in_browser(tmp_path: Path, browser, capped_payload) -> None:
    path = tmp_path / "capped.html"
    write_html(capped_payload, path, **LIMITS)
    o = Opened(browser, path)
    try:
        page = o.page
        expect = sync_api.expect
        cards = page.locator("#finding-list article.finding")
        expect(cards).to_have_count(200)
        assert page.get_attribute("#finding-count", "data-total") == "450"
        assert page.get_attribute("#finding-count", "data-all") == "2000"
        assert "1550 more only in findings.json / CSV" in page.inner_text("#finding-count")
        assert page.locator("#findings-partial").is_visible() and page.locator("#summary-partial").is_visible()
        press(page, "#finding-more")
        expect(cards).to_have_count(400)
        press(page, "#finding-more")
        expect(cards).to_have_count(450)
        expect(page.locator("#finding-more")).to_be_hidden()
        # evidence in context, cut out of the shared windows
        ctx = page.locator("#finding-list article.finding blockquote.ctx").first
        assert len(ctx.text_content()) > len(ctx.locator("mark").text_content()) > 0
        # the agency text box filters by part of a name
        first = page.locator("#finding-list article.finding").first.get_attribute("data-agency")
        page.fill("#filters input[name=agency]", first[-6:])
        expect(page.locator("#finding-count")).not_to_have_attribute("data-shown", "450")
        assert 0 < shown(page) < 450
        page.fill("#filters input[name=agency]", "")
        expect(page.locator("#finding-count")).to_have_attribute("data-shown", "450")
        # pairs: 30 listed; one with texts opens side by side, one without says why
        assert page.locator("#pair-list details.pair").count() == 30
        pairs = json.loads(page.eval_on_selector("#pair-data", "el => el.textContent"))
        with_text = next(p for p in pairs if p["passages"])
        without = next(p for p in pairs if p.get("np"))
        page.locator(f"details#pair-{with_text['n']} > summary").click()
        expect(page.locator(f"details#pair-{with_text['n']} .pane[data-side=b] .psg").first).to_be_visible()
        page.locator(f"details#pair-{without['n']} > summary").click()
        expect(page.locator(f"details#pair-{without['n']}")).to_contain_text("Large corpus: the texts of this pair are not embedded")
        o.assert_clean()
    finally:
        o.close()

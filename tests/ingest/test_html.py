"""HTML loader: charset, chrome removal, body choice, metadata and table grids."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.ingest.html import declared_charset, load_html

# Table 三 header of DOMAIN.md §2.2: a corner cell with rowspan, 申请人情况 over 7 columns,
# 法人或其他组织 with colspan=5 over five sub-columns.
TABLE3 = """
<table border="1" cellspacing="0">
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
    <td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益<br>组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3"><p>一、本年新收政府信息公开申请数量</p></td>
    <td>10</td><td>2</td><td>0</td><td>0</td><td>0</td><td>1</td><td>13</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>
    <td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
<tr><td colspan="2">（二）部分公开</td>
    <td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
</table>
"""

PAGE = f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某某市2021年政府信息公开工作年度报告_某某市人民政府</title>
<meta name="ArticleTitle" content="某某市2021年政府信息公开工作年度报告">
<meta name="ContentSource" content="某某市政务服务数据管理局">
<script>var menu = "脚本中的中文不应出现";</script>
<style>.nav {{ color: red }}</style>
</head>
<body>
<div class="top-header"><div class="logo">某某市人民政府门户网站</div></div>
<div id="mainNav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hd/">政民互动</a></li><li><a href="/bs/">办事服务</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>
<div class="main">
 <div class="article">
  <h1 class="title">某某市2021年政府信息公开工作年度报告</h1>
  <div class="info">发布时间：2022-01-20 09:30　来源：某某市人民政府办公室　【字号：大 中 小】</div>
  <div id="zoom"><div class="TRS_Editor">
   <p style="text-indent:2em">　　本报告根据《中华人民共和国政府信息公开条例》要求编制。</p>
   <p><strong>一、总体情况</strong></p>
   <p>2021年，某某市坚持以人民为中心的发展思想，
   深入推进政务公开工作。</p>
   <p><strong>三、收到和处理政府信息公开申请情况</strong></p>
   {TABLE3}
   <p>某某市人民政府办公室<br>2022年1月20日</p>
  </div></div>
  <div class="bshare-custom">分享到：微信 微博 QQ空间</div>
 </div>
 <div class="sidebar"><h3>相关信息</h3><ul><li><a href="/1">某某市2020年政府信息公开工作年度报告</a></li></ul></div>
</div>
<div class="footer">主办单位：某某市人民政府办公室　地址：某某市人民路1号　电话：0000-12345678　网站标识码：1234567890</div>
</body></html>"""


def _load_page():
    return load_html(PAGE.encode("gb18030"))


def test_gb2312_page_decoded_as_gb18030():
    loaded = _load_page()
    assert loaded.encoding == "gb18030"
    assert loaded.format == "html"
    assert declared_charset(PAGE.encode("gb18030")) == "gb2312"


def test_body_text_without_chrome():
    text = _load_page().text
    lines = text.split("\n")
    assert lines[0] == "某某市2021年政府信息公开工作年度报告"
    assert lines[1] == "本报告根据《中华人民共和国政府信息公开条例》要求编制。"
    assert "一、总体情况" in lines
    # a source line break between two CJK characters is not a space
    assert "2021年，某某市坚持以人民为中心的发展思想，深入推进政务公开工作。" in lines
    assert lines[-2:] == ["某某市人民政府办公室", "2022年1月20日"]
    for chrome in ("脚本", "首页", "政民互动", "当前位置", "主办单位", "网站标识码", "分享到", "相关信息", "字号", "发布时间", "门户网站"):
        assert chrome not in text, chrome


def test_metadata():
    meta = _load_page().meta
    assert meta.title == "某某市2021年政府信息公开工作年度报告_某某市人民政府"
    assert meta.published == "2022-01-20"
    assert meta.source == "某某市人民政府办公室"  # the visible label wins over the meta tag
    assert meta.article_title == "某某市2021年政府信息公开工作年度报告"


def test_table_grid_and_offsets():
    loaded = _load_page()
    assert len(loaded.tables) == 1
    table = loaded.tables[0]
    assert (table.n_rows, table.n_cols) == (6, 10)
    pos = {(c.row, c.col): c for c in table.cells}
    corner = pos[(0, 0)]
    assert (corner.rowspan, corner.colspan) == (3, 3)
    assert corner.text.startswith("（本列数据的勾稽关系为")
    assert (pos[(0, 3)].text, pos[(0, 3)].colspan) == ("申请人情况", 7)
    assert (pos[(1, 3)].text, pos[(1, 3)].rowspan) == ("自然人", 2)
    assert (pos[(1, 4)].text, pos[(1, 4)].colspan) == ("法人或其他组织", 5)
    assert (pos[(1, 9)].text, pos[(1, 9)].rowspan) == ("总计", 2)
    # row 2 starts after the slots taken by the rowspans of rows 0 and 1
    assert [pos[(2, k)].text for k in range(4, 9)] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    assert pos[(3, 0)].text == "一、本年新收政府信息公开申请数量"
    assert [pos[(3, k)].text for k in range(3, 10)] == ["10", "2", "0", "0", "0", "1", "13"]
    assert (pos[(4, 0)].text, pos[(4, 0)].rowspan) == ("三、本年度办理结果", 2)
    assert pos[(5, 1)].text == "（二）部分公开"  # placed after the rowspan of (4, 0)
    assert pos[(5, 9)].text == "2"
    assert table.grid()[5][0] == "三、本年度办理结果"
    for c in table.cells:
        assert loaded.text[c.start : c.end] == c.text
    rendered = loaded.text[table.start : table.end].split("\n")
    assert len(rendered) == table.n_rows
    assert rendered[1] == "自然人\t法人或其他组织\t总计"
    assert rendered[3] == "一、本年新收政府信息公开申请数量\t10\t2\t0\t0\t0\t1\t13"


def test_utf8_page_declared_gbk_is_read_as_utf8():
    page = '<html><head><meta charset="gbk"></head><body><p>政府信息公开工作年度报告</p></body></html>'
    loaded = load_html(page.encode("utf-8"))
    assert loaded.encoding == "utf-8"
    assert loaded.text == "政府信息公开工作年度报告"


def test_undeclared_charset_falls_back_to_decode():
    page = "<html><body><p>政府信息公开工作年度报告</p><p>第二段</p></body></html>"
    loaded = load_html(page.encode("gb18030"))
    assert loaded.encoding == "gb18030"
    assert loaded.text == "政府信息公开工作年度报告\n第二段"


def test_layout_tables_and_metadata_table():
    page = """<html><head><meta charset="utf-8"><title>年报</title></head><body>
    <table width="100%"><tr><td class="menu"><a href="/">首页</a><a href="/a">机构概况</a></td></tr>
    <tr><td><table class="xxgk"><tr><td>索引号：</td><td>000014349/2022-00012</td><td>发布机构：</td><td>某某区政府办</td></tr>
      <tr><td>成文日期：</td><td>2022年01月18日</td><td>发布日期：</td><td>2022年01月21日</td></tr></table>
      <div class="content"><p>某某区2021年政府信息公开工作年度报告</p><p>一、总体情况</p>
      <p>本年度，我区认真贯彻落实政府信息公开条例，扎实推进各项工作，取得了较好成效。</p>
      <table border="1"><tr><th>信息内容</th><th>本年制发件数</th></tr><tr><td>规章</td><td>0</td></tr></table>
      <p>二、存在的主要问题及改进情况</p><p>政务公开工作仍有不足，下一步将持续改进。</p></div>
    </td></tr></table></body></html>"""
    loaded = load_html(page.encode("utf-8"))
    assert loaded.text.split("\n")[0] == "某某区2021年政府信息公开工作年度报告"
    assert "机构概况" not in loaded.text
    assert loaded.meta.published == "2022年01月21日"
    assert loaded.meta.written == "2022年01月18日"
    assert loaded.meta.publisher == "某某区政府办"
    assert loaded.meta.index_no == "000014349/2022-00012"
    assert len(loaded.tables) == 1
    assert loaded.tables[0].grid() == [["信息内容", "本年制发件数"], ["规章", "0"]]


def test_empty_and_textless_pages():
    assert load_html(b"<html><body></body></html>").text == ""
    loaded = load_html(b"<html><body><div class='nav'><a href='/'>Home</a></div></body></html>")
    assert loaded.text == "Home"  # nothing but chrome: keep it rather than lose the text


# --------------------------------------------------------------------------- property test

_CELL = st.text(alphabet="政府信息公开申请数量总计自然人商业企业0123456789", min_size=1, max_size=8)


@st.composite
def grids(draw):
    n_cols = draw(st.integers(1, 5))
    n_body = draw(st.integers(1, 4))
    if n_cols == 1 and n_body == 1:
        n_body = 2
    # header row: a random partition of the columns into colspans
    spans: list[int] = []
    left = n_cols
    while left:
        s = draw(st.integers(1, left))
        spans.append(s)
        left -= s
    header = [draw(_CELL) for _ in spans]
    body = [[draw(_CELL) for _ in range(n_cols)] for _ in range(n_body)]
    # optionally a rowspan down the first column of the body
    first_span = draw(st.integers(1, n_body))
    return spans, header, body, first_span


def _expected(spans, header, body, first_span):
    cells = set()
    col = 0
    for s, text in zip(spans, header):
        cells.add((0, col, 1, s, text))
        col += s
    for r, row in enumerate(body, start=1):
        for c, text in enumerate(row):
            if c == 0:
                if r == 1:
                    cells.add((1, 0, first_span, 1, text))
                elif r <= first_span:
                    continue
                else:
                    cells.add((r, 0, 1, 1, text))
            else:
                cells.add((r, c, 1, 1, text))
    return cells


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids())
def test_html_table_roundtrip(grid):
    spans, header, body, first_span = grid
    rows = ["<tr>" + "".join(f'<th colspan="{s}">{t}</th>' for s, t in zip(spans, header)) + "</tr>"]
    for r, row in enumerate(body, start=1):
        tds = []
        for c, text in enumerate(row):
            if c == 0 and r == 1 and first_span > 1:
                tds.append(f'<td rowspan="{first_span}">{text}</td>')
            elif c == 0 and 1 < r <= first_span:
                continue
            else:
                tds.append(f"<td>{text}</td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    page = f"<html><body><p>表格前的段落</p><table border=1>{''.join(rows)}</table><p>表格后的段落</p></body></html>"
    loaded = load_html(page.encode("utf-8"))
    assert len(loaded.tables) == 1
    table = loaded.tables[0]
    got = {(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells}
    assert got == _expected(spans, header, body, first_span)
    for c in table.cells:
        assert loaded.text[c.start : c.end] == c.text
    assert loaded.text.startswith("表格前的段落\n")
    assert loaded.text.endswith("\n表格后的段落")


def test_html5_article_header_and_table_header_rows():
    page = """<html><head><meta charset="utf-8"><title>门户网站</title></head><body>
    <header class="site-header"><a href="/">某某县人民政府</a></header>
    <article>
      <header><h2>某某县2021年政府信息公开工作年度报告</h2><p>发布日期：2022-01-25</p></header>
      <section class="content">
        <p>根据《中华人民共和国政府信息公开条例》规定，现公布本县2021年度报告，请查阅。</p>
        <table><tr class="tableHeader"><td>信息内容</td><td>本年处理决定数量</td></tr>
        <tr><td>行政许可</td><td>1024</td></tr></table>
        <p>本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。</p>
      </section>
    </article>
    <footer>版权所有：某某县人民政府</footer></body></html>"""
    loaded = load_html(page.encode("utf-8"))
    lines = loaded.text.split("\n")
    assert lines[0] == "某某县2021年政府信息公开工作年度报告"
    assert "版权所有" not in loaded.text and "发布日期" not in loaded.text
    assert loaded.meta.published == "2022-01-25"
    assert loaded.tables[0].grid() == [["信息内容", "本年处理决定数量"], ["行政许可", "1024"]]
    assert lines[-1] == "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"


def test_second_word_section_is_not_lost():
    prose = "".join(f"<p>第{i}段：本机关认真落实政府信息公开条例各项要求，持续加大主动公开力度，不断提升政务公开质量和实效。</p>" for i in range(30))
    rows = "".join(f"<tr><td>（{i}）属于行政执法案卷或者其他依法不予公开的政府信息</td><td>{i}</td></tr>" for i in range(12))
    page = f"""<html><head><meta charset="utf-8"></head><body><div class="TRS_Editor">
      <div class="WordSection1">{prose}</div><div class="WordSection2"><table>{rows}</table></div>
    </div><div class="footer">网站标识码：1234</div></body></html>"""
    loaded = load_html(page.encode("utf-8"))
    assert loaded.text.startswith("第0段：")
    assert len(loaded.tables) == 1 and loaded.tables[0].n_rows == 12
    assert "网站标识码" not in loaded.text


def test_metadata_in_chrome_when_body_is_the_whole_page():
    page = """<html><head><meta charset="utf-8"></head><body>
    <div class="header-info">发布时间：2021-03-10　来源：某某镇人民政府</div>
    <p>某某镇2020年政府信息公开工作年度报告</p>
    <p>一、总体情况。本镇认真贯彻落实条例要求，全面推进政务公开。</p>
    <p>二、主动公开政府信息情况。本年度主动公开各类信息一百二十条。</p>
    <div class="footer">联系电话：0000-1234567</div></body></html>"""
    loaded = load_html(page.encode("utf-8"))
    assert loaded.meta.published == "2021-03-10"
    assert loaded.meta.source == "某某镇人民政府"
    assert loaded.text.split("\n")[0] == "某某镇2020年政府信息公开工作年度报告"
    assert "联系电话" not in loaded.text and "发布时间" not in loaded.text

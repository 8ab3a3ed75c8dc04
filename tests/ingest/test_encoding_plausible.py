"""Western bytes that happen to decode as GB18030 are not a Chinese report (issue 12, decoding family)."""

from __future__ import annotations

from datetime import date

import pytest

from auditor.api import audit
from auditor.config import Config
from auditor.ingest.encoding import DecodeError, decode, implausible_chinese

REPORT = "根据《中华人民共和国政府信息公开条例》规定,特向社会公布2015年度政府信息公开工作年度报告。全年主动公开政府信息120条,受理申请3件。"

WESTERN = [
    ("Geschäftsbericht über die Öffentlichkeit: Maßnahmen für Bürger, Prüfung der Größe und Qualität, "
     "Übersicht der Änderungen im Jahr.", "cp1252"),
    ("Rapport annuel de transparence. Le préfet a publié les décisions; élaborées après étude détaillée. "
     "Les données résumées sont présentées ci-après, à côté des états financiers.", "latin-1"),
    ("Informe anual de transparencia: la administración publicó información sobre gestión, "
     "contratación pública, educación y régimen económico; también políticas de población y análisis técnico.", "latin-1"),
    ("Årsrapport för öppenhet: Myndigheten har publicerat beslut om ärenden, översyn av åtgärder "
     "och förändringar i förvaltningen under året; även yttranden från nämnden.", "cp1252"),
]


@pytest.mark.parametrize("text,codec", WESTERN)
def test_western_text_is_refused_with_the_reason(text, codec):
    with pytest.raises(DecodeError) as err:
        decode(text.encode(codec))
    assert "not a Chinese report" in str(err.value)


@pytest.mark.parametrize(
    "data,encoding",
    [
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("gb18030"), "gb18030"),
        (("喆堃珺" + REPORT).encode("gbk"), "gb18030"),  # a few rare characters in names
        (REPORT.encode("utf-8"), "utf-8"),
        ("根據《中華人民共和國政府信息公開條例》規定,特向社會公布2015年度政府信息公開工作年度報告。全年主動公開政府信息120條。"
         .encode("big5"), "big5"),
    ],
)
def test_chinese_reports_still_decode(data, encoding):
    text, enc = decode(data)
    assert enc == encoding
    assert "政府信息" in text


def test_short_or_ascii_text_is_not_judged():
    assert implausible_chinese("Annual report 2015, 120 items.") is None
    assert implausible_chinese("鋐黚") is None  # too few characters to say


def test_the_run_reports_an_ingest_error(tmp_path):
    (tmp_path / "western.txt").write_bytes(WESTERN[0][0].encode("cp1252"))
    (tmp_path / "report.txt").write_bytes(("某局2015年政府信息公开工作年度报告\n" + REPORT).encode("gbk"))
    result = audit([tmp_path], Config(select=["ING001"]), today=date(2026, 6, 30))
    errors = [f for f in result.findings if f.category == "ingest-error"]
    assert [f.documents for f in errors] == [["western.txt"]]
    assert "Chinese" in errors[0].message


@pytest.mark.parametrize(
    "mangled",
    [
        REPORT.encode("utf-8").decode("cp1252", errors="replace"),  # 政府 -> æ”¿åºœ
        REPORT.encode("utf-8").decode("latin-1"),
        REPORT.encode("gbk").decode("latin-1"),  # ÕþžÐ…
    ],
)
def test_double_encoded_utf8_is_refused_with_the_reason(mangled):
    with pytest.raises(DecodeError) as err:
        decode(mangled.encode("utf-8"))
    assert "mojibake" in str(err.value)


@pytest.mark.parametrize(
    "text",
    [
        "Rapport annuel: le préfet a publié les décisions élaborées après étude détaillée, données résumées.",
        REPORT + " Café résumé naïve façade",  # a few Latin words in a Chinese report
        "主动公开信息 120 条, 占比 45%, 温度 25°C, ±2, µg/m³。" + REPORT,
    ],
)
def test_utf8_with_latin_letters_is_kept(text):
    assert decode(text.encode("utf-8")) == (text, "utf-8")


def test_a_western_page_declaring_gb2312_is_refused():
    from auditor.ingest.html import decode_html

    page = ('<html><head><meta charset="gb2312"></head><body><p>' + WESTERN[0][0] + "</p></body></html>").encode("cp1252")
    with pytest.raises(DecodeError):
        decode_html(page)
    ok = ('<html><head><meta charset="gb2312"></head><body><p>' + REPORT + "</p></body></html>").encode("gbk")
    assert decode_html(ok)[1] == "gb18030"

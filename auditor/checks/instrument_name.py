"""The name of the governing instrument corrupted by a find-and-replace.

The instruments a report is made under have fixed names: the national
《中华人民共和国政府信息公开条例》 and a province's or city's 《某省政府信息公开
规定/办法》.  A report drafted by replacing 政府 with the organ's own word
throughout ("工商局") keeps the instrument under an impossible name:
"《中华人民共和国工商局信息公开条例》".  No other 中华人民共和国…信息公开条例
exists, so that name is a plain signal on its own; nor does any organ make a
条例 of its own, so the short name with an organ's word ("《工商局信息公开
条例》") is one too.

Once the replaced word is known from the national name, the same word standing
where 政府 belongs in the other instruments ("省、市、区《工商局信息公开规定》")
is shown too: the same replacement.  A 条例 name that only drops or varies
政府 (《中华人民共和国信息公开条例》, …人民政府…, …政务…) is a slip of another
kind and is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._util import PARAMS_CONFIG, evidence
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "instrument_name"
SCOPE = "document"

# "《中华人民共和国工商局信息公开条例》": the word in place of 政府
_NATIONAL = re.compile(
    r"《中华人民共和国(?P<word>(?:(?!政府|政务|人民|国务院)[\u4e00-\u9fff]){1,10})信息公开条例》"
    # the short name with an organ's word: no organ makes a 条例 of its own
    r"|《(?P<organ>(?:(?!政府|政务|人民)[\u4e00-\u9fff]){1,8}(?:局|厅|委员会|委|办公室|部门))信息公开条例》"
)


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    max_per_document: int = 3
    context: int = 10


def _same_word(text: str, word: str) -> re.Pattern[str]:
    """Other instruments with `word` where 政府 belongs: "《工商局信息公开规定》",
    "《某省工商局信息公开办法》" (a place, or none, before the word)."""
    return re.compile(
        rf"《(?:[\u4e00-\u9fff]{{0,8}}?(?:省|自治区|市|州|盟|县|区|旗))?{re.escape(word)}信息公开(?:条例|规定|办法|暂行规定|暂行办法|实施办法)》"
    )


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    p = rule.params_as(Params)
    text = doc.text
    shown = 0
    seen: set[int] = set()
    for m in _NATIONAL.finditer(text):
        word = m.group("word") or m.group("organ")
        hits = [(m.start(), m.end(), f"法规名称被替换: “{m.group()}”, 应为《(中华人民共和国)政府信息公开条例》"
                 f"(“政府”被替换为“{word}”, 查找替换的残留)")]
        for o in _same_word(text, word).finditer(text):
            if o.start() != m.start():
                hits.append((o.start(), o.end(), f"法规名称被替换: “{o.group()}”, 同一替换(“政府”→“{word}”)"))
        for a, b, msg in hits:
            if a in seen or shown >= p.max_per_document:
                continue
            seen.add(a)
            shown += 1
            s, e = max(0, a - p.context), min(len(text), b + p.context)
            yield rule.finding(msg, [doc.id], [evidence(doc, s, e)], {"match": text[a:b], "replaced_by": word})

"""Split compilations ("第一篇:…", "第二篇:…") into one document per report.

Aggregator sites publish several reports in one file, each introduced by a
heading such as `第三篇:某市某局2015年政府信息公开工作总结`.  A file
is split only when at least two such headings appear at line starts, so a
report that merely mentions "第一篇" in a sentence is left whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = "一二三四五六七八九十百零〇两"
HEADING = re.compile(rf"^[ \t\u3000]*第([{_NUM}\d]{{1,4}})篇[:：][ \t\u3000]*(.*)$", re.M)


@dataclass
class Part:
    number: int  # 1-based, file order
    heading: str  # the title given by the compilation, '' when not split
    text: str  # the part's text, heading line included
    offset: int  # where the part starts in the file's text


def split_compilation(text: str) -> list[Part]:
    matches = list(HEADING.finditer(text))
    if len(matches) < 2:
        return [Part(1, "", text, 0)]
    parts: list[Part] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        parts.append(Part(i + 1, m.group(2).strip(), text[m.start() : end], m.start()))
    return parts

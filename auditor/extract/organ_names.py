"""When two spellings name one organ: 乙区财政局 and 甲市乙区财政局.

Reports name their organ with or without the higher-level place in front
("甲市乙区财政局", "乙区财政局"); the page furniture and the title often
disagree within one site.  Grouping documents into "same organ" must survive
that, or last year's report copied by the same office is called another
organ's and the relation a reviewer sees is wrong.  The rule: two agency keys
(`auditor.extract.meta.agency_key`) name one organ when they are equal, or
when the shorter is a tail of the longer of at least ``MIN_TAIL`` characters
and what the longer adds in front is a place (it ends in 省/市/县/区/州/盟/旗/
自治州/地区).  A bare "财政局" is never joined: it could be any county's.
"""

from __future__ import annotations

import re

MIN_TAIL = 4
_PLACE_END = re.compile(r"(?:省|市|县|区|州|盟|旗|地区)$")


def same_organ(key_a: str, key_b: str, min_tail: int = MIN_TAIL) -> bool:
    if not key_a or not key_b:
        return False
    if key_a == key_b:
        return True
    short, long_ = sorted((key_a, key_b), key=len)
    if len(short) < min_tail or not long_.endswith(short):
        return False
    return bool(_PLACE_END.search(long_[: len(long_) - len(short)]))

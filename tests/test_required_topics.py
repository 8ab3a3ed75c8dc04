"""STR007: a free-text era report without numbered sections that never mentions required topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rule_helpers import found

HEAD = "某乡2010年政府信息公开工作报告\n"
BASE = ("乡政府信息公开工作始终坚持以服务人民群众为宗旨,以全力打造透明政府、法治政府、服务政府为目标,高度重视该项工作。"
        "本乡主要领导高度重视政府信息公开工作,由1人专门负责此项工作,切实保证了政府信息公开工作的顺利开展。"
        "截至2010年底,全乡累计主动公开政府信息65条,其中网上公开20条,政务公开栏公开45条。\n")


def _found(tmp_path: Path, text: str) -> list[str]:
    return found(tmp_path, "STR007", text)


@pytest.mark.parametrize(
    "tail",
    [
        "2011年,我们将进一步提高认识,切实把政务公开当作一项基本制度来抓落实。\n",
        "一、基本概况\n(一)制度建设。建立了工作制度。\n(二)依申请公开。全年未收到申请。\n",
    ],
)
def test_topics_never_mentioned(tmp_path, tail):
    assert len(_found(tmp_path, HEAD + BASE + tail)) == 1


@pytest.mark.parametrize(
    "tail",
    [
        "全年未收到政府信息公开申请,未收取费用,未发生行政复议和行政诉讼。工作中还存在不足,下一步将加强培训。\n",
        "全年未收到申请,无收费,无复议诉讼。\n",  # problems not mentioned: one topic only
        "2011年,我们将进一步提高认识。\n[…]\n",  # a cut copy
    ],
)
def test_topics_mentioned_or_copy_cut(tmp_path, tail):
    assert _found(tmp_path, HEAD + BASE + tail) == []


def test_reports_of_the_2019_eras_are_not_read(tmp_path):
    text = HEAD.replace("2010", "2021") + BASE.replace("2010", "2021") + "我们将进一步提高认识。\n"
    assert _found(tmp_path, text) == []

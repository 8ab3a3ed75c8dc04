"""More text-quality signals: another township type's wording, a named author that never
speaks, a lost year, an e-mail without @, a form's prompt, two names of one section.

Phrasings of our own (no agency or figure of a labelled report), audited through the
public API with only the rule selected; each with clean text it must not be taken for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.extract.organ import township_type
from tests.rule_helpers import found


def _found(tmp_path: Path, rule: str, text: str) -> list[str]:
    return found(tmp_path, rule, text)


@pytest.mark.parametrize(
    "name,kind",
    [
        ("某市某区东风路街道办事处", "street"),
        ("某区南湖街道", "street"),
        ("某区南湖街道办事处党政办公室", "street"),
        ("某县白石镇人民政府", "town"),
        ("某县白石乡", "town"),
        ("某旗某某苏木人民政府", "town"),
        ("某县林业局", None),
        ("", None),
    ],
)
def test_township_type(name, kind):
    assert township_type(name) == kind


ORGAN_FIRES = [
    # a street office describing itself as a township government
    "某市某区东风路街道办事处2020年政府信息公开工作年度报告\n我办高度重视,及时调整乡政府信息公开工作领导小组成员。\n",
    "某区南湖街道办事处2021年政府信息公开工作年度报告\n南湖街道认真落实条例,镇人民政府门户网站全年发布信息30条。\n",
    "某区南湖街道2022年政府信息公开工作年度报告\n本街道高度重视,我镇全年主动公开信息30条。\n",
    "某区南湖街道2022年政府信息公开工作年度报告\n全乡政务公开工作有序开展。\n",
    # a township describing itself as a street office
    "某县白石镇人民政府2021年政府信息公开工作年度报告\n我镇高度重视,我街道全年主动公开信息30条。\n",
    "某旗某某苏木人民政府2021年政府信息公开工作年度报告\n本街道认真落实条例。\n",
    # the organ the report is named after never speaks in it
    "本报告由某县自然资源局编制。\n2022年,我公司认真落实条例,我公司网站发布信息40条。\n",
    "某市交通运输局2021年政府信息公开工作年度报告\n2021年,我集团主动公开信息25条。我中心全年未收到申请。\n",
    "某县白石镇人民政府2021年政府信息公开工作年度报告\n2021年,我局主动公开信息25条。我局全年未收到申请。\n",
]

ORGAN_PASSES = [
    # 城乡, 乡镇, 镇街, 县乡 are words; a named township is a neighbour
    "某区南湖街道办事处2021年政府信息公开工作年度报告\n我办推进城乡规划领域公开,参加全区乡镇街道培训,栏目“镇街动态”更新及时。\n",
    "某区南湖街道办事处2021年政府信息公开工作年度报告\n配合县乡政府做好工作,与红星乡政府联合开展宣传。\n",
    "某区南湖街道2022年政府信息公开工作年度报告\n本街道高度重视,街道办事处全年主动公开信息30条,南湖街道网站运行良好。\n",
    # a town's report speaking of the streets it keeps clean, or naming 乡 loosely
    "某县白石镇人民政府2021年政府信息公开工作年度报告\n我镇开展街道整治,负责乡政府信息公开的日常工作。\n",
    # the named organ speaks in its own voice, or is quoted
    "本报告由某县自然资源局编制。\n2022年,我局指导我公司等国有企业做好公开。我公司网站发布信息40条。\n",
    "某市交通运输局2021年政府信息公开工作年度报告\n本单位全年主动公开信息25条,我集团下属企业的信息另行公开。我中心受理1件。\n",
    "某市交通运输局2021年政府信息公开工作年度报告\n公司负责人表示:“我公司将积极配合。”“我公司会做好。”\n",
    # one stray word is not enough to say the name is another organ's
    "某市交通运输局2021年政府信息公开工作年度报告\n2021年,我中心主动公开信息25条。\n",
]


@pytest.mark.parametrize("text", ORGAN_FIRES)
def test_organ_kind_residue_fires(tmp_path, text):
    assert len(_found(tmp_path, "TXT010", text)) >= 1


@pytest.mark.parametrize("text", ORGAN_PASSES)
def test_organ_kind_residue_passes(tmp_path, text):
    assert _found(tmp_path, "TXT010", text) == []


@pytest.mark.parametrize(
    "rule,text,count",
    [
        # a lost year
        ("TXT014", "根据《某县人民政府办公室关于做好政务公开工作的通知》(某政办发【12号】)要求。", 1),
        ("TXT014", "按照某府发〔〕3号文件精神。", 1),
        ("TXT014", "依据某办函(5号)的规定。", 1),
        ("TXT014", "按照《某某区年政务公开工作要点》,结合实际开展工作。", 1),
        ("TXT014", "根据《某某市年政府信息公开工作考核办法》考核。", 1),
        ("TXT014", "现向社会公布年度某某县林业局政务公开工作报告。", 1),
        ("TXT014", "编制年度某某街道政府信息公开工作年度报告。", 1),
        ("TXT014", "现将20 年度政府信息公开工作情况报告如下。", 1),
        ("TXT014", "各项工作有序推进。 年度重点工作如下:", 1),
        ("TXT014", "现将____年度政务公开工作报告如下。", 1),
        # an e-mail without @
        ("TXT015", "联系邮箱:xxgkbgs126.com。", 1),
        ("TXT015", "电子邮件:zhengwu2021qq.com;电话:0000-1234567。", 1),
        ("TXT015", "Email:office.example.gov.cn", 1),
        ("TXT015", "来信请寄至 myaddr_88sina.com 联系。", 1),
        # a form's prompt left in place of the figures
        ("TXT016", "(三)培训情况。全市次数和参加人次数。", 1),
        ("TXT016", "依申请公开情况。受理申请件数和办结件数。", 1),
        ("TXT016", "主动公开政府信息条数;", 1),
        ("TXT016", "三、经费情况\n投入金额。\n", 1),
        # two names of one section
        ("TXT017", "五、存在的主要问题及改进情况存在的问题和改进措施\n", 1),
        ("TXT017", "本报告包括总体情况、依申请公开情况收到和处理政府信息公开申请情况等六部分。", 1),
        ("TXT017", "六、需要说明的事项其他需要报告的事项\n", 1),
        ("TXT017", "四、因政府信息公开申请行政复议、提起行政诉讼的情况政府信息公开行政复议、行政诉讼情况\n", 1),
    ],
)
def test_more_text_quality_fires(tmp_path, rule, text, count):
    assert len(_found(tmp_path, rule, text)) == count


@pytest.mark.parametrize(
    "rule,text",
    [
        ("TXT014", "根据《某县人民政府办公室关于做好政务公开工作的通知》(某政办发〔2021〕12号)要求。"),
        ("TXT014", "按照《某某区2022年政务公开工作要点》,结合实际开展工作。全区年度政务公开考核优秀。"),
        ("TXT014", "现向社会公布某某县林业局2021年度政务公开工作报告。向社会公开年度报告。编制年度工作报告。"),
        ("TXT014", "按照国务院令(第711号)。近年政务公开水平提升,上半年政务公开检查。"),
        ("TXT014", "年度报告中所列数据统计期限为2021年1月1日至12月31日。\n年度报告电子版可下载。"),
        ("TXT015", "联系邮箱:xxgkbgs@126.com。电子邮件:zhengwu2021@qq.com。Email:office@example.gov.cn"),
        ("TXT015", "门户网站www.example163.com,新闻中心news.sina.com.cn,县长信箱:zxts.example.gov.cn。"),
        ("TXT015", "邮箱:office(at)163.com,或发送至office#126.com。"),
        ("TXT016", "(三)培训情况。全年组织培训2次,参加60人次。"),
        ("TXT016", "进一步提高公开数量。受理件数明显增多。本年度未收到申请,办结件数为零。"),
        ("TXT016", "(二)主动公开信息数量\n本年新制作数量\n本年新公开数量\n"),
        ("TXT016", "严格控制发文数量。这是全年的数量。"),
        ("TXT017", "五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"),
        ("TXT017", "本报告由基本情况概述、依申请公开情况、需要说明的事项组成。"),
        ("TXT017", "六、其他需要报告的事项其他需要报告的事项\n"),
        ("TXT017", "三、依申请公开情况因政府信息公开申请行政复议、提起行政诉讼的情况\n"),
    ],
)
def test_more_text_quality_passes(tmp_path, rule, text):
    assert _found(tmp_path, rule, text) == []

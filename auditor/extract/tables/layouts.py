"""The official layouts (DOMAIN §2–§3, Appendix A) as data: keys, labels, patterns.

Rows and columns are found by *keywords*, not by exact labels or serial
numbers: real tables drop the numbering ("予以公开" without "（一）"), wrap
labels ("本年新 / 制作数量"), append template notes ("规章（设区的市…应提供相关
数据）") and mix full- and half-width punctuation.  A pattern is a regular
expression searched in the label with whitespace removed (the text is already
NFKC and simplified).  Row order matters: a keyword that occurs twice in the
form (维持/纠错 under 复议 and under 诉讼) is told apart by position.

`eras` says in which layouts a row or column exists: '2019' is the 试行
format (reports 2019–2020), '2021' the 30号 format; None means both.  The
numbered leaves of table 三 are labelled with their group
("（三）不予公开·1.属于国家秘密") so that a message naming the row is unambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model renders its labels from here: a run-time import would be a cycle
    from auditor.extract.tables.model import LabelSpan


@dataclass(frozen=True)
class Def:
    key: str
    label: str  # canonical label (official full-width spelling)
    short: str  # how equations name it
    pattern: re.Pattern
    eras: tuple[str, ...] | None = None
    leaf: bool = True  # a data row of the official form (False: a group heading)


def _d(key: str, label: str, short: str, pattern: str, eras: tuple[str, ...] | None = None, leaf: bool = True) -> Def:
    # 其它 is printed as often as 其他 ("6.其它形式申请数"): a pattern's 其他 reads both
    return Def(key, label, short, re.compile(pattern.replace("其他", "其[他它]")), eras, leaf)


TITLES = {
    "t2": "二、主动公开政府信息情况",
    "t3": "三、收到和处理政府信息公开申请情况",
    "t4": "四、政府信息公开行政复议、行政诉讼情况",
    "stat": "政府信息公开情况统计表",
}

# ---------------------------------------------------------------- table 三
T3_COLS = [
    _d("NP", "自然人", "自然人", r"自然人"),
    _d("CE", "商业企业", "商业企业", r"商业企业"),
    _d("RI", "科研机构", "科研机构", r"科研机构"),
    _d("SO", "社会公益组织", "社会公益组织", r"公益组织"),
    _d("LS", "法律服务机构", "法律服务机构", r"法律服务"),
    _d("OT", "其他", "其他", r"^其他$"),
    _d("TOT", "总计", "总计", r"^总计$"),
]

# The "其他" row under （六） in 2021 is the whole label "3.其他" — matched only as a whole.
T3_ROWS = [
    _d("new", "一、本年新收政府信息公开申请数量", "一", r"本年新收|新收.{0,8}申请"),
    _d("carried_in", "二、上年结转政府信息公开申请数量", "二", r"上年结转"),
    _d("results", "三、本年度办理结果", "三", r"办理结果", leaf=False),
    _d("granted", "（一）予以公开", "（一）", r"予以公开"),
    _d("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）", r"部分公开"),
    _d("denied", "（三）不予公开", "（三）", r"不予公开", leaf=False),
    _d("state_secret", "（三）不予公开·1.属于国家秘密", "（三）1", r"国家秘密"),
    _d("law_forbidden", "（三）不予公开·2.其他法律行政法规禁止公开", "（三）2", r"法规禁止|禁止公开"),
    _d("three_safety", "（三）不予公开·3.危及“三安全一稳定”", "（三）3", r"三安全一稳定|三安全"),
    _d("third_party", "（三）不予公开·4.保护第三方合法权益", "（三）4", r"第三方"),
    _d("internal_affairs", "（三）不予公开·5.属于三类内部事务信息", "（三）5", r"内部事务"),
    _d("process_info", "（三）不予公开·6.属于四类过程性信息", "（三）6", r"过程性"),
    _d("enforcement_file", "（三）不予公开·7.属于行政执法案卷", "（三）7", r"执法案卷"),
    _d("admin_query", "（三）不予公开·8.属于行政查询事项", "（三）8", r"行政查询|查询事项"),
    _d("unable", "（四）无法提供", "（四）", r"无法提供", leaf=False),
    _d("not_held", "（四）无法提供·1.本机关不掌握相关政府信息", "（四）1", r"不掌握"),
    _d("needs_creation", "（四）无法提供·2.没有现成信息需要另行制作", "（四）2", r"另行制作|现成信息"),
    _d("still_unclear", "（四）无法提供·3.补正后申请内容仍不明确", "（四）3", r"仍不明确|补正后申请"),
    _d("not_processed", "（五）不予处理", "（五）", r"不予处理", leaf=False),
    _d("petition", "（五）不予处理·1.信访举报投诉类申请", "（五）1", r"信访|举报投诉"),
    _d("repeat", "（五）不予处理·2.重复申请", "（五）2", r"重复申请"),
    _d("publication", "（五）不予处理·3.要求提供公开出版物", "（五）3", r"出版物"),
    _d("excessive", "（五）不予处理·4.无正当理由大量反复申请", "（五）4", r"大量反复|反复申请"),
    _d("reconfirm", "（五）不予处理·5.要求行政机关确认或重新出具已获取信息", "（五）5", r"重新出具|确认或重新"),
    _d("other", "（六）其他处理", "（六）", r"其他处理", eras=("2019",)),
    _d("no_correction", "（六）其他处理·1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）1", r"不补正", eras=("2021",)),
    _d(
        "fee_unpaid", "（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）2", r"缴纳费用|收费通知", eras=("2021",)
    ),
    _d("other_other", "（六）其他处理·3.其他", "（六）3", r"(?:^|[\d.、)])其他$", eras=("2021",)),
    _d("total", "（七）总计", "（七）总计", r"总计$|\(七\)总计"),
    _d("carried_out", "四、结转下年度继续办理", "四", r"结转下年|下年度继续"),
]
T3_SUBROWS_2021 = ("no_correction", "fee_unpaid", "other_other")

# ---------------------------------------------------------------- table 四
T4_ROWS = [
    _d("rev", "行政复议", "复议", r"行政复议"),
    _d("dir", "行政诉讼·未经复议直接起诉", "直接起诉", r"直接起诉"),
    _d("post", "行政诉讼·复议后起诉", "复议后起诉", r"复议后起诉"),
]
T4_COLS = [
    _d("keep", "结果维持", "结果维持", r"维持"),
    _d("correct", "结果纠正", "结果纠正", r"纠正"),
    _d("other", "其他结果", "其他结果", r"其他"),
    _d("pending", "尚未审结", "尚未审结", r"尚未审结|审结"),
    _d("total", "总计", "总计", r"总计"),
]

# ---------------------------------------------------------------- table 二
T2_BLOCKS = {"1": "第二十条第（一）项", "5": "第二十条第（五）项", "6": "第二十条第（六）项", "8": "第二十条第（八）项", "9": "第二十条第（九）项"}
T2_ROWS = [
    _d("regulations", "规章", "规章", r"^规章"),
    _d("normative_docs", "规范性文件", "规范性文件", r"^(?:行政)?规范性文件"),
    _d("licensing", "行政许可", "行政许可", r"^行政许可"),
    _d("other_services", "其他对外管理服务事项", "其他对外管理服务事项", r"^其他对外管理服务", eras=("2019",)),
    _d("punishment", "行政处罚", "行政处罚", r"^行政处罚"),
    _d("coercion", "行政强制", "行政强制", r"^行政强制"),
    _d("fees", "行政事业性收费", "行政事业性收费", r"^行政事业性收费"),
    _d("procurement", "政府集中采购", "政府集中采购", r"^政府集中采购", eras=("2019",)),
]
T2_COLS = [
    _d("made", "本年制发件数", "本年制发件数", r"制发", eras=("2021",)),
    _d("repealed", "本年废止件数", "本年废止件数", r"废止", eras=("2021",)),
    _d("valid", "现行有效件数", "现行有效件数", r"现行有效", eras=("2021",)),
    _d("made_new", "本年新制作数量", "本年新制作数量", r"新制作|制作数量", eras=("2019",)),
    _d("published_new", "本年新公开数量", "本年新公开数量", r"新公开", eras=("2019",)),
    _d("total_public", "对外公开总数量", "对外公开总数量", r"对外公开总|公开总数", eras=("2019",)),
    _d("prev_items", "上一年项目数量", "上一年项目数量", r"上一?年项目", eras=("2019",)),
    _d("delta", "本年增/减", "本年增/减", r"增/减|增减|增\(减\)", eras=("2019",)),
    _d("decisions", "处理决定数量", "处理决定数量", r"处理决定"),
    _d("fee_amount", "本年收费金额（单位：万元）", "本年收费金额", r"收费金额", eras=("2021",)),
    _d("proc_items", "采购项目数量", "采购项目数量", r"采购项目", eras=("2019",)),
    _d("proc_amount", "采购总金额", "采购总金额", r"采购总金额|采购金额", eras=("2019",)),
]
# Columns whose values may be signed or fractional (all others count things).
SIGNED_COLS = {"delta"}
MONEY_COLS = {"fee_amount", "proc_amount"}

# ---------------------------------------------------------------- era-A 统计表 (2014–2018, with 2008–2013 variants)
STAT_ROWS = [
    _d("active_total", "（一）主动公开政府信息数", "主动公开政府信息数", r"主动公开政府信息数|主动公开信息数|主动公开文件数"),
    _d("active_normative", "其中：主动公开规范性文件数", "主动公开规范性文件数", r"主动公开规范性文件"),
    _d("normative_issued", "制发规范性文件总数", "制发规范性文件总数", r"制发规范性文件"),
    _d("ch_gazette", "1.政府公报公开政府信息数", "政府公报", r"政府公报公开"),
    _d("ch_website", "2.政府网站公开政府信息数", "政府网站", r"网站公开"),
    _d("ch_weibo", "3.政务微博公开政府信息数", "政务微博", r"微博公开"),
    _d("ch_wechat", "4.政务微信公开政府信息数", "政务微信", r"微信公开"),
    _d("ch_other", "5.其他方式公开政府信息数", "其他方式", r"其他方式公开"),
    _d("respond_hot", "（一）回应公众关注热点或重大舆情数", "回应热点舆情数", r"关注热点|重大舆情"),
    _d("press_conf", "1.参加或举办新闻发布会总次数", "新闻发布会次数", r"新闻发布会总次数|举办新闻发布会"),
    _d("press_conf_leader", "其中：主要负责同志参加新闻发布会次数", "主要负责同志参加发布会", r"负责同志参加新闻发布会"),
    _d("interview", "2.政府网站在线访谈次数", "在线访谈次数", r"在线访谈次数"),
    _d("interview_leader", "其中：主要负责同志参加政府网站在线访谈次数", "主要负责同志参加访谈", r"负责同志参加.*访谈"),
    _d("interpret", "3.政策解读稿件发布数", "政策解读稿件数", r"解读稿件"),
    _d("weibo_resp", "4.微博微信回应事件数", "微博微信回应数", r"微博微信回应"),
    _d("other_resp", "5.其他方式回应事件数", "其他方式回应数", r"其他方式回应"),
    _d("received", "（一）收到申请数", "收到申请数", r"收到申请数|申请总数|受理.{0,8}申请.{0,4}总数"),
    _d("rc_in_person", "1.当面申请数", "当面申请数", r"当面申请"),
    _d("rc_fax", "2.传真申请数", "传真申请数", r"传真申请"),
    _d("rc_online", "3.网络申请数", "网络申请数", r"网络申请|网上申请"),
    _d("rc_email", "电子邮件申请数", "电子邮件申请数", r"电子邮件申请"),
    _d("rc_letter", "4.信函申请数", "信函申请数", r"信函申请"),
    _d("rc_other", "其他形式申请数", "其他形式申请数", r"其他(?:形式|方式)申请"),
    _d("done", "（二）申请办结数", "申请办结数", r"申请办结数|办结总数"),
    _d("done_ontime", "1.按时办结数", "按时办结数", r"按时办结"),
    _d("done_late", "2.延期办结数", "延期办结数", r"延期办结"),
    _d("answered", "（三）申请答复数", "申请答复数", r"申请答复数|答复总数|对申请的答复数"),
    _d("ans_public", "1.属于已主动公开范围数", "属于已主动公开范围数", r"已主动公开范围"),
    _d("ans_agree", "2.同意公开答复数", "同意公开答复数", r"(?<!不)同意公开答复"),
    _d("ans_partial", "3.同意部分公开答复数", "同意部分公开答复数", r"同意部分公开"),
    _d("ans_refuse", "4.不同意公开答复数", "不同意公开答复数", r"不同意公开|否决公开|不予公开答复"),
    _d("rf_secret", "涉及国家秘密", "涉及国家秘密", r"国家秘密"),
    _d("rf_commercial", "涉及商业秘密", "涉及商业秘密", r"商业秘密"),
    _d("rf_privacy", "涉及个人隐私", "涉及个人隐私", r"个人隐私"),
    _d("rf_security", "危及国家安全、公共安全、经济安全和社会稳定", "危及安全稳定", r"危及国家安全|社会稳定"),
    _d("rf_not_info", "不是《条例》所指政府信息", "非《条例》所指政府信息", r"所指政府信息|所指的政府信息"),
    _d("rf_other", "法律法规规定的其他情形", "法律法规规定的其他情形", r"规定的其他情形"),
    _d("ans_not_ours", "5.不属于本行政机关公开数", "不属于本机关公开数", r"不属于本.{0,4}机关"),
    _d("ans_nonexist", "6.申请信息不存在数", "申请信息不存在数", r"信息不存在"),
    _d("ans_amend", "7.告知作出更改补充数", "告知更改补充数", r"更改补充"),
    _d("ans_other_way", "8.告知通过其他途径办理数", "告知其他途径办理数", r"其他途径"),
    _d("review", "四、行政复议数量", "行政复议数量", r"行政复议数"),
    _d("rv_keep", "（一）维持具体行政行为数", "复议维持", r"维持具体行政行为"),
    _d("rv_correct", "（二）被依法纠错数", "复议纠错", r"依法纠错|纠错数"),
    _d("rv_other", "（三）其他情形数", "复议其他", r"其他情形数"),
    _d("litigation", "五、行政诉讼数量", "行政诉讼数量", r"行政诉讼数"),
    _d("lt_keep", "（一）维持具体行政行为或者驳回原告诉讼请求数", "诉讼维持或驳回", r"维持具体行政行为|驳回原告"),
    _d("lt_correct", "（二）被依法纠错数", "诉讼纠错", r"依法纠错|纠错数"),
    _d("lt_other", "（三）其他情形数", "诉讼其他", r"其他情形数"),
    _d("complaints", "六、举报投诉数量", "举报投诉数量", r"举报投诉数|申诉数"),
    _d("fees", "七、依申请公开信息收取的费用", "收取费用", r"收取的?费用"),
    _d("org_units", "（一）政府信息公开工作专门机构数", "专门机构数", r"专门机构数"),
    _d("reading_points", "（二）设置政府信息公开查阅点数", "查阅点数", r"查阅点"),
    _d("staff", "（三）从事政府信息公开工作人员数", "工作人员数", r"工作人员数"),
    _d("staff_full", "1.专职人员数", "专职人员数", r"专职人员"),
    _d("staff_part", "2.兼职人员数", "兼职人员数", r"兼职人员"),
    _d("budget", "（四）政府信息公开专项经费", "专项经费", r"专项经费"),
    _d("meetings", "（一）召开政府信息公开工作会议或专题会议数", "会议数", r"会议或专题会议|工作会议数"),
    _d("trainings", "（二）举办各类培训班数", "培训班数", r"培训班"),
    _d("trainees", "（三）接受培训人员数", "接受培训人员数", r"接受培训人员"),
]
STAT_COLS = [
    _d("value", "统计数", "本年", r"统计数|本期|本年度|年度"),
    _d("cum", "累计", "累计", r"累计"),
]

ROWS = {"t2": T2_ROWS, "t3": T3_ROWS, "t4": T4_ROWS, "stat": STAT_ROWS}
COLS = {"t2": T2_COLS, "t3": T3_COLS, "t4": T4_COLS, "stat": STAT_COLS}
_BY_KEY = {(t, d.key, kind): d for t in ROWS for kind, defs in (("row", ROWS[t]), ("col", COLS[t])) for d in defs}


def row_def(table: str, key: str) -> Def | None:
    return _BY_KEY.get((table, key, "row"))


def col_def(table: str, key: str) -> Def | None:
    return _BY_KEY.get((table, key, "col"))


def row_label(table: str, key: str, printed: LabelSpan | None = None) -> str:
    d = row_def(table, key)
    if d is not None:
        return d.label
    return printed.text if printed is not None else key


def col_label(table: str, key: str) -> str:
    d = col_def(table, key)
    return d.label if d is not None else key


def short(table: str, key: str, kind: str = "row") -> str:
    d = _BY_KEY.get((table, key, kind))
    return d.short if d is not None else key


def in_era(d: Def | None, era: str) -> bool | None:
    """Whether a row/column exists in a layout era; None when the era is unknown and it matters."""
    if d is None or d.eras is None:
        return True
    if not era:
        return None
    return era in d.eras

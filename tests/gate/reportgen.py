"""Generated annual reports for the CI-gate tests and the latency benchmark.

Why generate: the gate needs corpora of realistic size (50 reports for the
tests, 100,000 for the benchmark) whose ground truth is known — which report
copies which, what each agency carried over from one year to the next — and
no real corpus of that size ships with the project.

Realism that matters to the auditor:

* the 2021 format (DOMAIN §2): six mandated headings, the preamble formula,
  table 二 with 现行有效件数 carried between years, table 三 whose identities
  hold (rows sum to 总计; 一+二 = 三(七)+四) and whose 上年结转 equals the
  previous year's 结转下年度, table 四 whose blocks sum;
* prose that differs between honest reports the way real reports do: short
  slot phrases (place, topic, measure, outcome) drawn from pools, so that the
  character 5-grams of two unrelated reports rarely coincide while the genre
  formulas are shared by all (and removed as boilerplate);
* signing dates inside every deadline (mid-January of the next year).

Everything is driven by one `random.Random(seed)`: same seed, same texts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

_PLACE_A = "青石白云清河东阳平安宁远临江长兴龙泉新丰永和金山桃源凤鸣柳溪松岭梅川" "望海南屏北湖西林玉田银滩兰亭竹园杏花槐荫芦塘枫桥"
_PLACE_B = "山水城川岭湾峰原泽坪溪台洲岗滨口桥亭坡庄"
_DEPTS = [
    "交通运输局", "自然资源局", "生态环境局", "住房和城乡建设局", "农业农村局", "水务局", "卫生健康委员会",
    "教育局", "民政局", "人力资源和社会保障局", "市场监督管理局", "应急管理局", "统计局", "文化和旅游局",
    "林业局", "财政局", "审计局", "司法局", "医疗保障局", "退役军人事务局", "商务局", "体育局",
]
_TOPICS = [
    "优化营商环境", "乡村振兴", "生态环境保护", "安全生产", "义务教育", "医疗保障", "城市更新", "防汛抗旱",
    "稳岗就业", "食品安全", "农村人居环境整治", "重大建设项目", "公共资源配置", "社会救助", "养老服务",
    "耕地保护", "河长制", "扫黑除恶", "疫情防控", "减税降费", "老旧小区改造", "垃圾分类", "文明城市创建",
    "基层减负", "消防安全", "交通秩序整治", "校园周边治理", "农民工工资支付", "价格监测", "非遗保护",
]
_CHANNELS = [
    "门户网站专栏", "政务微博", "微信公众号", "政务公开栏", "便民服务中心查阅点", "新闻发布会", "政民互动平台",
    "短视频账号", "社区公告栏", "村务公开栏", "报纸专版", "广播电视", "政务服务大厅电子屏", "一网通办平台",
]
_VERBS = ["集中发布", "及时公开", "逐项公开", "定期更新", "分批公示", "滚动发布", "同步推送", "专题解读"]
_OBJECTS = [
    "项目审批结果", "资金拨付进度", "检查抽查结果", "政策解读材料", "招标采购信息", "人事任免信息",
    "财政预决算", "三公经费", "行政处罚决定", "办事指南", "补贴发放名单", "建议提案办理结果", "应急预案",
    "规划编制情况", "收费目录清单", "权责清单", "重点工作进展", "统计数据", "督查通报", "执法检查计划",
]
_OUTCOMES = [
    "群众满意度稳步提升", "办事等待时间明显缩短", "社会关注的热点问题得到及时回应", "信息查找更加便捷",
    "未发生因公开不及时引发的投诉", "获得上级部门通报表扬", "网站访问量较上年有所增长", "基层群众知晓率明显提高",
    "政策落地效果更加直观", "相关舆情得到有效引导", "信息发布质量持续改善", "企业办事成本有所下降",
]
_LEADS = ["围绕", "聚焦", "紧扣", "结合", "针对", "立足"]
_PROBLEMS = [
    "部分科室对公开工作重视不够", "信息发布的时效性有待提高", "政策解读形式较为单一", "基层公开栏更新不够及时",
    "公开内容与群众需求结合不够紧密", "业务培训的针对性不强", "网站栏目设置不够合理", "依申请公开答复文书不够规范",
    "数据开放程度不高", "新媒体运营力量薄弱",
]
_FIXES = [
    "建立信息发布台账并逐月督办", "开展全员业务培训", "优化网站栏目设置", "丰富图表和视频解读形式",
    "完善公开前保密审查机制", "加强与上级主管部门的沟通", "畅通依申请公开受理渠道", "修订公开指南和公开目录",
    "将公开工作纳入年度绩效考核", "定期开展自查自纠",
]
_ZH_MONTH = "一二三四五六七八九十"

T3_COLS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
T3_RESULT_ROWS = (
    ("（一）予以公开", "granted"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partial"),
    ("（三）不予公开", None),
    ("1.属于国家秘密", "secret"),
    ("2.其他法律行政法规禁止公开", "forbidden"),
    ("3.危及“三安全一稳定”", "security"),
    ("4.保护第三方合法权益", "third_party"),
    ("5.属于三类内部事务信息", "internal"),
    ("6.属于四类过程性信息", "process"),
    ("7.属于行政执法案卷", "enforcement"),
    ("8.属于行政查询事项", "inquiry"),
    ("（四）无法提供", None),
    ("1.本机关不掌握相关政府信息", "not_held"),
    ("2.没有现成信息需要另行制作", "not_existing"),
    ("3.补正后申请内容仍不明确", "unclear"),
    ("（五）不予处理", None),
    ("1.信访举报投诉类申请", "petition"),
    ("2.重复申请", "repeat"),
    ("3.要求提供公开出版物", "publication"),
    ("4.无正当理由大量反复申请", "abusive"),
    ("5.要求行政机关确认或重新出具已获取信息", "confirm"),
    ("（六）其他处理", None),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "no_supplement"),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "no_fee"),
    ("3.其他", "other"),
)
RESULT_KEYS = [k for _, k in T3_RESULT_ROWS if k]


@dataclass(frozen=True)
class Agency:
    name: str
    short: str  # how the report refers to itself: 我局, 我镇, 我县 …
    kind: str  # department | government | town


@dataclass
class State:
    """What one year hands to the next: the carried-over applications and the document stock."""

    carried: tuple[int, ...] = (0,) * 7  # 结转下年度继续办理, per column
    rules_in_force: int = 0  # 规章 现行有效件数
    norms_in_force: int = 0  # 行政规范性文件 现行有效件数


@dataclass
class Report:
    agency: Agency
    year: int
    text: str
    carried_in: tuple[int, ...]
    carried_out: tuple[int, ...]
    state: State = field(default_factory=State)

    @property
    def filename(self) -> str:
        return f"{self.agency.name}-{self.year}.txt"


def agencies(n: int, seed: int = 7) -> list[Agency]:
    """n distinct agencies: county departments, county governments and towns."""
    rng = random.Random(seed)
    out: list[Agency] = []
    seen: set[str] = set()
    while len(out) < n:
        place = rng.choice(_PLACE_A) + rng.choice(_PLACE_A) + rng.choice(_PLACE_B)
        if place[0] == place[1]:
            continue
        roll = rng.random()
        if roll < 0.6:
            county = place + rng.choice("县区市")
            ag = Agency(county + rng.choice(_DEPTS), "我局" if rng.random() < 0.8 else "本机关", "department")
        elif roll < 0.8:
            suffix = rng.choice("县区")
            ag = Agency(place + suffix + "人民政府", "我" + suffix, "government")
        else:
            ag = Agency(place + "镇人民政府", "我镇", "town")
        if ag.name not in seen:
            seen.add(ag.name)
            out.append(ag)
    return out


def _clause(rng: random.Random, ag: Agency) -> str:
    lead = rng.choice(_LEADS) + rng.choice(_TOPICS)
    who = rng.choice([ag.short, ag.name, ""])
    obj = rng.choice(_OBJECTS)
    act = rng.choice(_VERBS)
    via = rng.choice(_CHANNELS)
    n = rng.randint(3, 180)
    unit = rng.choice(["条", "项", "期", "次"])
    shapes = [
        f"{lead},{who}通过{via}{act}{obj}{n}{unit},{rng.choice(_OUTCOMES)}。",
        f"{who}{lead}工作,依托{via}{act}{obj},全年累计发布{n}{unit}。",
        f"{lead},{who}{act}{obj},并在{via}设置专题页面,{rng.choice(_OUTCOMES)}。",
        f"为做好{rng.choice(_TOPICS)}信息公开,{who}依托{via}{act}{obj}和{rng.choice(_OBJECTS)}。",
    ]
    return rng.choice(shapes)


def _split(rng: random.Random, total: int, k: int) -> list[int]:
    """total split into k non-negative parts."""
    cuts = sorted(rng.randint(0, total) for _ in range(k - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total])]


def _t3_column(rng: random.Random, new: int, carried_in: int) -> tuple[dict[str, int], int]:
    """Results of one applicant column and what is carried to next year."""
    pool = new + carried_in
    carried_out = rng.randint(0, min(3, pool)) if pool else 0
    handled = pool - carried_out
    res = dict.fromkeys(RESULT_KEYS, 0)
    weights = {"granted": 6, "partial": 1, "not_held": 2, "not_existing": 1, "repeat": 1, "other": 1}
    keys = list(weights)
    for _ in range(handled):
        res[rng.choices(keys, [weights[k] for k in keys])[0]] += 1
    return res, carried_out


def _row(label: str, values) -> str:
    return label + "\t" + "\t".join(str(v) for v in values)


def report(ag: Agency, year: int, state: State, rng: random.Random) -> Report:
    """One year's report for an agency, continuing `state` (the previous year)."""
    lines: list[str] = [f"{ag.name}{year}年政府信息公开工作年度报告", ""]
    lines.append(
        "本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求编制,全文包括总体情况、主动公开政府信息情况、"
        "收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
    )
    lines.append("")
    lines.append("一、总体情况")
    lines.append(f"{year}年," + "".join(_clause(rng, ag) for _ in range(rng.randint(3, 5))))
    lines.append("".join(_clause(rng, ag) for _ in range(rng.randint(2, 4))))

    lines.append("二、主动公开政府信息情况")
    cats = rng.sample(_OBJECTS, 2)
    parts = [rng.randint(10, 90) for _ in range(3)]
    lines.append(
        f"全年共主动公开政府信息{sum(parts)}条,其中{cats[0]}{parts[0]}条,{cats[1]}{parts[1]}条,其他信息{parts[2]}条。"
        + _clause(rng, ag)
    )
    made_r, gone_r = rng.randint(0, 3), 0
    made_n, gone_n = rng.randint(0, 12), rng.randint(0, 4)
    gone_n = min(gone_n, state.norms_in_force + made_n)
    rules_now = state.rules_in_force + made_r - gone_r
    norms_now = state.norms_in_force + made_n - gone_n
    lines += [
        "第二十条第（一）项",
        _row("信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"]),
        _row("规章", [made_r, gone_r, rules_now]),
        _row("行政规范性文件", [made_n, gone_n, norms_now]),
        "第二十条第（五）项",
        _row("信息内容", ["本年处理决定数量"]),
        _row("行政许可", [rng.randint(0, 400)]),
        "第二十条第（六）项",
        _row("信息内容", ["本年处理决定数量"]),
        _row("行政处罚", [rng.randint(0, 120)]),
        _row("行政强制", [rng.randint(0, 20)]),
        "第二十条第（八）项",
        _row("信息内容", ["本年收费金额（单位：万元）"]),
        _row("行政事业性收费", [0]),
    ]

    lines.append("三、收到和处理政府信息公开申请情况")
    new = [rng.randint(0, 25), rng.randint(0, 4), 0, 0, rng.randint(0, 1), rng.randint(0, 2)]
    cin = list(state.carried[:6])
    cols = [_t3_column(rng, n, c) for n, c in zip(new, cin)]
    cout = [c for _, c in cols]
    tot = lambda xs: [*xs, sum(xs)]  # noqa: E731
    new_t, cin_t, cout_t = tot(new), tot(cin), tot(cout)
    lines.append(
        f"{year}年,{ag.short}共收到政府信息公开申请{new_t[6]}件,上年结转{cin_t[6]}件,"
        f"结转下年度继续办理{cout_t[6]}件。" + _clause(rng, ag)
    )
    lines += [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况",
        "自然人\t法人或其他组织\t总计",
        "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他",
        _row("一、本年新收政府信息公开申请数量", new_t),
        _row("二、上年结转政府信息公开申请数量", cin_t),
        "三、本年度办理结果",
    ]
    for label, key in T3_RESULT_ROWS:
        lines.append(label if key is None else _row(label, tot([res[key] for res, _ in cols])))
    lines.append(_row("（七）总计", tot([sum(res.values()) for res, _ in cols])))
    lines.append(_row("四、结转下年度继续办理", cout_t))

    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    blocks = [[rng.randint(0, 1) if rng.random() < 0.3 else 0 for _ in range(4)] for _ in range(3)]
    cells = [v for b in blocks for v in (*b, sum(b))]
    lines.append(
        f"{year}年,{ag.short}因政府信息公开工作被申请行政复议{cells[4]}件,被提起行政诉讼{cells[9] + cells[14]}件。"
    )
    lines += [
        "行政复议\t行政诉讼",
        "未经复议直接起诉\t复议后起诉",
        "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3),
        "\t".join(str(v) for v in cells),
    ]

    lines.append("五、存在的主要问题及改进情况")
    probs = rng.sample(_PROBLEMS, 2)
    fixes = rng.sample(_FIXES, 3)
    lines.append(
        f"{year}年,{ag.short}政府信息公开工作取得一定成效,但仍存在{probs[0]}、{probs[1]}等问题。"
        f"下一步,{ag.short}将{fixes[0]},{fixes[1]},{fixes[2]}。" + _clause(rng, ag)
    )
    lines.append("六、其他需要报告的事项")
    lines.append(f"{year}年,{ag.short}未收取信息处理费。" + _clause(rng, ag))
    lines += ["", ag.name, f"{year + 1}年1月{rng.randint(5, 25)}日", ""]
    nxt = State(tuple(cout_t), rules_now, norms_now)
    return Report(ag, year, "\n".join(lines), tuple(cin_t), tuple(cout_t), nxt)


def series(ag: Agency, years: range, rng: random.Random, state: State | None = None) -> list[Report]:
    """Consecutive years of one agency: each 上年结转 is the previous 结转下年度."""
    out = []
    state = state or State()
    for y in years:
        r = report(ag, y, state, rng)
        out.append(r)
        state = r.state
    return out


def corpus(n_agencies: int, years: range = range(2021, 2025), seed: int = 7) -> list[Report]:
    """Every agency's series, agency by agency."""
    rng = random.Random(seed)
    return [r for ag in agencies(n_agencies, seed) for r in series(ag, years, rng)]


def next_year_copy(r: Report, rng: random.Random, n_figures: int = 3) -> str:
    """Last year's report re-dated: the years moved on and a few figures changed."""
    text = r.text.replace(f"{r.year + 1}年", "\x00").replace(f"{r.year}年", f"{r.year + 1}年")
    text = text.replace("\x00", f"{r.year + 2}年")
    for _ in range(n_figures):
        old = f"{rng.randint(10, 90)}条"
        if old in text:
            text = text.replace(old, f"{rng.randint(91, 99)}条", 1)
    return text


def with_carried_in(r: Report, ag: Agency, wrong: tuple[int, ...], rng: random.Random) -> Report:
    """A next-year report whose 上年结转 disagrees with `r`'s 结转下年度 (but adds up on its own)."""
    return report(ag, r.year + 1, State(wrong, r.state.rules_in_force, r.state.norms_in_force), rng)

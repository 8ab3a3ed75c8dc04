"""Synthetic report-like texts for the dedup tests, with known offsets.

A report is built from pieces: fixed text, the agency name, years and
figures.  `Report` remembers where each slot landed so a test can check that
a change is reported at exactly the right offsets.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# Content sentences (not genre formulas): what differs between honest reports.
POOL_A = [
    "{agency}围绕优化营商环境开展专项督查{n}次,整改问题清单逐条销号,群众满意度明显提升。",
    "全年通过门户网站发布工作动态{n}条,其中涉及农村饮水安全工程的信息占比最高。",
    "在乡镇便民服务中心设置查阅点{n}个,配备触摸屏和纸质目录,方便老年群众就近查询。",
    "组织机关干部参加专题培训{n}人次,邀请高校教师讲解数据开放与个人信息保护的边界。",
    "针对汛期防汛物资调拨情况,及时公开仓库分布、储备数量和调运联系人。",
    "{agency}将财政预决算、三公经费和政府采购结果集中在专栏发布,累计{n}项。",
    "畅通热线电话和网上信箱,办理群众咨询{n}件,平均答复时间缩短到三个工作日。",
    "结合乡村振兴重点项目建设,公开项目资金拨付进度和施工单位信息,接受社会监督。",
    "对历史文件开展清理,宣布失效文件{n}件,并在网站上标注效力状态。",
    "建立信息发布前保密审查和敏感信息排查机制,全年未发生泄密事件。",
]
POOL_B = [
    "{agency}聚焦城市更新改造,逐月发布老旧小区加装电梯审批名单{n}批次。",
    "借助政务新媒体矩阵推送惠企政策解读,单篇最高阅读量突破{n}次。",
    "开展公交线网优化意见征集,收到市民建议{n}条,采纳后调整了三条夜班线路。",
    "每季度召开新闻通气会,通报菜篮子价格监测结果和节日市场供应安排。",
    "对学区划分方案组织听证,邀请家长代表{n}名参与论证并公开会议纪要。",
    "{agency}在社区公告栏张贴垃圾分类收运时间表,覆盖小区{n}个。",
    "完善重大行政决策目录管理,向社会公开决策事项、承办单位和完成时限。",
    "上线不动产登记进度查询功能,办事群众可凭受理号实时查看办理环节。",
    "联合消防部门公开高层建筑隐患排查结果,督促物业企业限期整改{n}处。",
    "编印双语版办事指南{n}册,在出入境服务窗口免费发放。",
]
# Genre formulas that every report may use (all present in boilerplate.txt).
FORMULAS = [
    "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定,特向社会公布本年度政府信息公开工作年度报告。",
    "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
    "一、总体情况\n",
    "二、主动公开政府信息情况\n",
    "三、收到和处理政府信息公开申请情况\n",
    "一、本年新收政府信息公开申请数量 {n} 0 0 0 0 0 {n}\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n",
    "四、政府信息公开行政复议、行政诉讼情况\n",
    "结果维持 结果纠正 其他结果 尚未审结 总计 0 0 0 0 0\n",
    "五、存在的主要问题及改进情况\n",
    "坚持以公开为原则、不公开为例外。",
    "六、其他需要报告的事项\n",
]


@dataclass
class Report:
    text: str = ""
    slots: list[tuple[str, int, int, str]] = field(default_factory=list)  # (kind, start, end, value)

    def add(self, piece: str, kind: str = "") -> None:
        start = len(self.text)
        self.text += piece
        if kind:
            self.slots.append((kind, start, len(self.text), piece))

    def slots_of(self, kind: str) -> list[tuple[int, int, str]]:
        return [(s, e, v) for k, s, e, v in self.slots if k == kind]


def _render(template: str, rep: Report, agency: str, year: int, figure) -> None:
    """Append a template, recording every {agency}/{year}/{n} slot."""
    rest = template
    while rest:
        cut = min((rest.find(k) for k in ("{agency}", "{year}", "{n}") if k in rest), default=-1)
        if cut < 0:
            rep.add(rest)
            break
        rep.add(rest[:cut])
        rest = rest[cut:]
        if rest.startswith("{agency}"):
            rep.add(agency, "agency")
            rest = rest[len("{agency}") :]
        elif rest.startswith("{year}"):
            rep.add(str(year), "year")
            rest = rest[len("{year}") :]
        else:
            rep.add(str(figure()), "n")
            rest = rest[len("{n}") :]


def report(pool: list[str], agency: str, year: int, seed: int, sentences: int = 10, formulas: bool = True) -> Report:
    """A report of ``sentences`` content sentences from ``pool`` (in a seeded order)."""
    rnd = random.Random(seed)
    rep = Report()
    _render("{agency}{year}年政府信息公开工作年度报告\n", rep, agency, year, lambda: 0)
    order = list(pool)
    random.Random(len(pool) * 7919 + sentences).shuffle(order)  # same order for every seed
    body = order[:sentences]
    forms = FORMULAS if formulas else []
    for k in range(max(len(body), len(forms))):
        if k < len(forms):
            _render(forms[k], rep, agency, year, lambda: rnd.randint(2, 9999))
        if k < len(body):
            _render(body[k], rep, agency, year, lambda: rnd.randint(2, 9999))
    _render("\n{agency}\n{year}年1月20日\n", rep, agency, year + 1, lambda: 0)
    return rep


_CHARS = sorted({c for s in POOL_A + POOL_B for c in s if "\u4e00" <= c <= "\u9fff"})


def random_prose(seed: int, chars: int) -> str:
    """Pseudo-random Chinese sentences: texts from different seeds share no passage."""
    rnd = random.Random(seed)
    out = []
    while sum(map(len, out)) < chars:
        out.append("".join(rnd.choice(_CHARS) for _ in range(rnd.randint(8, 30))) + rnd.choice("，。；"))
        if rnd.random() < 0.2:
            out.append(f"{rnd.randint(2, 999)}件。")
    return "".join(out)

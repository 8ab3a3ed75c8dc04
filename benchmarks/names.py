"""Fictional places and agencies for generated corpora.

Why fictional and generated: a benchmark corpus must be free to publish and
must scale to 100,000 reports, so names are built from syllable lists rather
than taken from a gazetteer.  Each agency has its own places (county, towns,
villages, roads), which its reports mention; a report copied by another agency
with "the names changed" is the same text rendered with the other agency's
places, exactly what a careless copier produces.

The syllables avoid characters that end organ names (局, 委, 办, 院, 镇, 乡 …)
so the metadata extractor cannot mistake a place for an agency suffix.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

FIRST = "安宝北碧长赤大东丰凤福高广海和河鹤红华怀黄嘉建江金锦靖九康兰乐黎临灵龙鹿罗茂梅南宁平蒲青清庆瑞沙山上韶寿双顺松泰桃天通万文西仙湘祥新兴秀阳宜永玉元云樟肇柘正中竹"
SECOND = "安坝宝滨昌川春丹德定丰峰沟谷冠光和河湖华桦环徽吉江津景兰岚乐林岭隆泸峦门明宁鹏平坪浦桥泉仁荣瑞沙山石顺水台潭塘田亭溪霞祥阳野营源岳云泽州庄"

# (organ, how the report refers to itself, sector)
ORGANS = [
    ("教育局", "我局", "edu"),
    ("公安局", "我局", "police"),
    ("民政局", "我局", "civil"),
    ("司法局", "我局", "justice"),
    ("财政局", "我局", "finance"),
    ("人力资源和社会保障局", "我局", "hr"),
    ("自然资源局", "我局", "land"),
    ("生态环境局", "我局", "env"),
    ("住房和城乡建设局", "我局", "housing"),
    ("交通运输局", "我局", "transport"),
    ("水利局", "我局", "water"),
    ("农业农村局", "我局", "agri"),
    ("商务局", "我局", "commerce"),
    ("文化和旅游局", "我局", "culture"),
    ("卫生健康委员会", "我委", "health"),
    ("应急管理局", "我局", "safety"),
    ("审计局", "我局", "audit"),
    ("市场监督管理局", "我局", "market"),
    ("统计局", "我局", "stats"),
    ("医疗保障局", "我局", "medical"),
    ("林业局", "我局", "forest"),
    ("发展和改革委员会", "我委", "dev"),
    ("退役军人事务局", "我局", "veteran"),
    ("人民政府办公室", "我办", "gov"),
]


@dataclass
class Agency:
    """One publishing organ and the places its reports talk about."""

    idx: int
    name: str
    self_ref: str  # 我局 / 我委 / 我镇 …
    sector: str
    city: str
    county: str
    towns: list[str]
    villages: list[str]
    roads: list[str]
    phone: str

    def slots(self) -> dict[str, str]:
        """Render-time values of the agency-dependent template slots."""
        out = {"agency": self.name, "self": self.self_ref, "city": self.city, "county": self.county, "phone": self.phone}
        out.update({f"town{i}": t for i, t in enumerate(self.towns)})
        out.update({f"village{i}": v for i, v in enumerate(self.villages)})
        out.update({f"road{i}": r for i, r in enumerate(self.roads)})
        return out


class NameBook:
    """Draws unique two-syllable stems so that no two places share a name."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def stem(self) -> str:
        for _ in range(20):
            s = self.rng.choice(FIRST) + self.rng.choice(SECOND)
            if s[0] != s[1] and s not in self.used:
                self.used.add(s)
                return s
        # the two-syllable space (~6,000) is nearly used up: three syllables
        while True:
            s = self.rng.choice(FIRST) + self.rng.choice(SECOND) + self.rng.choice(SECOND)
            if s not in self.used:
                self.used.add(s)
                return s


N_TOWNS, N_VILLAGES, N_ROADS = 4, 6, 3


def make_agencies(n: int, rng: random.Random) -> list[Agency]:
    """``n`` agencies spread over generated cities and counties.

    Departments of one county share its towns (they report on the same
    territory), which makes honest reports of neighbours share names the way
    real ones do; villages and roads are drawn per agency.
    """
    stems = NameBook(rng)
    place_stems = NameBook(random.Random(rng.random()))  # villages/roads: a separate pool
    out: list[Agency] = []
    counties: list[tuple[str, str, list[str]]] = []
    while len(out) < n:
        if not counties or rng.random() < 0.12:
            city = stems.stem() + "市"
            county = stems.stem() + rng.choice("县县区")
            towns = [stems.stem() + rng.choice(["镇", "镇", "乡", "街道"]) for _ in range(N_TOWNS + 2)]
            counties.append((city, county, towns))
        city, county, towns = counties[-1] if rng.random() < 0.8 else rng.choice(counties)
        kind = rng.random()
        villages = [place_stems.stem() + rng.choice(["村", "村", "社区"]) for _ in range(N_VILLAGES)]
        roads = [place_stems.stem() + rng.choice(["路", "大道", "街"]) for _ in range(N_ROADS)]
        phone = f"0{rng.randint(300, 999)}-{rng.randint(2000000, 8999999)}"
        if kind < 0.15:  # a town or street office
            t = rng.choice(towns)
            if t.endswith("街道"):
                name, self_ref = f"{county}{t}办事处", "我街道"
            else:
                name, self_ref = f"{county}{t}人民政府", "我" + t[-1]
            own_towns = [t] + [x for x in towns if x != t][: N_TOWNS - 1]
            out.append(Agency(len(out), name, self_ref, "town", city, county, own_towns, villages, roads, phone))
            continue
        organ, self_ref, sector = rng.choice(ORGANS)
        level_city = kind < 0.35
        name = f"{city}{organ}" if level_city else f"{city}{county}{organ}"
        picked = rng.sample(towns, N_TOWNS)
        out.append(Agency(len(out), name, self_ref, sector, city, county, picked, villages, roads, phone))
    # a name drawn twice (same organ, same county) would merge two series: make it unique
    seen: set[str] = set()
    for a in out:
        while a.name in seen:  # same organ drawn twice for one place: move it to a new county
            county = stems.stem() + a.county[-1]
            a.name = a.name.replace(a.county, county, 1) if a.county in a.name else a.city + county + a.name[len(a.city):]
            a.county = county
        seen.add(a.name)
    return out

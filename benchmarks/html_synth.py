"""A synthetic HTML-report payload of any size, without running the pipeline.

`synthetic_payload(n_docs, n_findings)` returns what `auditor.report.writers.html_payload`
returns for a run — documents, texts, findings with evidence, pairs with
passage details, rules, verdict — shaped like a real run on the generated
benchmark corpus (about 2,000 characters per report; a mix of single-report
sum and table findings, two-report cross-year findings with many evidence
spans and a table, near-duplicate findings with their pair, date and text
findings), so `benchmarks.html_load` can measure a 100,000-document report in
a minute instead of after a 25-minute audit.  Deterministic for a seed.
"""

from __future__ import annotations

import random

from benchmarks.names import FIRST, ORGANS, SECOND

_FILLER = (
    "认真贯彻落实政府信息公开工作部署，", "持续推进基层政务公开标准化规范化建设，", "完善政府信息公开目录，",
    "优化政府网站栏目设置，", "加强政策解读和回应关切，", "做好依申请公开工作，", "严格落实保密审查制度，",
    "规范政府信息公开工作流程，", "推动重点领域信息公开，", "加强政务公开队伍建设，",
    "及时发布财政预决算信息，", "主动接受社会监督，", "提升政务服务水平，", "健全工作机制，",
)
_TABLE_HEAD = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
_TABLE_ROWS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
               "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理", "（七）总计", "四、结转下年度继续办理"]

# rule: (category, severity, share of findings)
RULES = {
    "XY002": ("cross-year", "warning", 0.20),
    "DUP001": ("near-duplicate", "error", 0.19),
    "LATE001": ("late-publication", "warning", 0.16),
    "XY001": ("cross-year", "warning", 0.12),
    "XY003": ("cross-year", "warning", 0.12),
    "TXT005": ("text-quality", "info", 0.09),
    "SUM001": ("sum-mismatch", "error", 0.07),
    "TAB007": ("table-identity", "info", 0.03),
    "TAB003": ("table-identity", "error", 0.02),
}


def _agencies(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        name = rng.choice(FIRST) + rng.choice(SECOND) + "市" + rng.choice(FIRST) + rng.choice(SECOND) + "区" + rng.choice(ORGANS)[0]
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def _table(rng: random.Random) -> list[list[str]]:
    rows = [list(_TABLE_HEAD)]
    for label in _TABLE_ROWS:
        cells = [str(rng.randint(0, 30)) for _ in range(6)]
        rows.append([label] + cells + [str(sum(map(int, cells)))])
    return rows


def _text(rng: random.Random, title: str, paragraphs: list[str], table: list[list[str]]) -> str:
    body = [title, "", "一、总体情况"]
    body += rng.sample(paragraphs, 6)
    body += [f"本年度累计主动公开政府信息{rng.randint(100, 999)}条，其中机构职能{rng.randint(1, 60)}条。", "二、收到和处理政府信息公开申请情况"]
    body += ["\t".join(row) for row in table]
    body += rng.sample(paragraphs, 5)
    body += ["三、存在的主要问题及改进情况"] + rng.sample(paragraphs, 4)
    return "\n".join(body)


def _span(rng: random.Random, text: str, width: int, near: int | None = None) -> dict:
    """A span of `width` characters; within 150 characters after `near` (the figures of one table) when given."""
    top = max(1, len(text) - width)
    s = rng.randrange(0, top) if near is None else min(top - 1, near + rng.randrange(150))
    return {"start": s, "end": s + width}


def synthetic_payload(n_docs: int, n_findings: int, *, n_pairs: int | None = None, seed: int = 7) -> dict:
    """An html_payload()-shaped dict with n_docs documents and n_findings findings."""
    rng = random.Random(seed)
    years = list(range(2014, 2024))
    n_series = max(1, n_docs // len(years))
    agencies = _agencies(rng, n_series)
    paragraphs = ["".join(rng.sample(_FILLER, 8)) + f"全年共{rng.randint(2, 90)}次。" for _ in range(400)]
    table_pool = [_table(rng) for _ in range(500)]

    documents, texts, tables = [], {}, []
    for i in range(n_docs):
        agency, year = agencies[i // len(years) % n_series], years[i % len(years)]
        doc_id = f"p{i // 5000:03d}/a{i:06d}_{year}.txt"
        title = f"{agency}{year}年政府信息公开工作年度报告"
        table = rng.choice(table_pool)
        text = _text(rng, title, paragraphs, table)
        texts[doc_id] = text
        tables.append(table)
        documents.append({
            "id": doc_id, "source": doc_id, "part": None, "title": title, "agency": agency, "year": year,
            "kind": "annual-report", "signed": f"{year + 1}-01-{rng.randint(10, 28)}", "published": None,
            "chars": len(text), "format": "txt", "encoding": "utf-8",
        })
    ids = [d["id"] for d in documents]

    def ev(i: int, width: int, near: int | None = None) -> dict:
        doc_id = ids[i]
        sp = _span(rng, texts[doc_id], width, near)
        return {"document": doc_id, **sp, "text": texts[doc_id][sp["start"]:sp["end"]]}

    # Copied pairs: mostly the same agency's next year, some other agency's report.
    n_pairs = round(n_docs * 0.07) if n_pairs is None else n_pairs
    pairs, details = [], []
    seen: set[tuple[int, int]] = set()
    while len(pairs) < min(n_pairs, n_docs * (n_docs - 1) // 2):
        a = rng.randrange(n_docs - 1)
        b = a + 1 if rng.random() < 0.7 else rng.randrange(n_docs)
        if a == b or (min(a, b), max(a, b)) in seen:
            continue
        seen.add((min(a, b), max(a, b)))
        ta, tb = texts[ids[a]], texts[ids[b]]
        j = round(rng.uniform(0.3, 1.0), 4)
        rel = "same-agency-other-year" if documents[a]["agency"] == documents[b]["agency"] else "other-agency"
        passages = []
        pos_a = pos_b = 0
        for _ in range(rng.randint(1, 6)):
            la = rng.randint(60, 400)
            if pos_a + la > len(ta) or pos_b + la > len(tb):
                break
            changes = []
            for _ in range(rng.randint(0, 12)):
                off = rng.randrange(0, la - 4)
                changes.append({"a": [pos_a + off, pos_a + off + 3], "b": [pos_b + off, pos_b + off + 3],
                                "a_text": ta[pos_a + off:pos_a + off + 3], "b_text": tb[pos_b + off:pos_b + off + 3], "kind": "number"})
            passages.append({"a_start": pos_a, "a_end": pos_a + la, "b_start": pos_b, "b_end": pos_b + la,
                             "similarity": round(rng.uniform(0.8, 1.0), 4), "boilerplate": rng.random() < 0.3, "changes": changes})
            pos_a += la + rng.randint(0, 200)
            pos_b += la + rng.randint(0, 200)
        summary = {"a": ids[a], "b": ids[b], "jaccard": j, "containment": j, "containment_ab": j,
                   "containment_ba": round(j * 0.9, 4), "relation": rel, "shared_passages": sum(1 for p in passages if not p["boilerplate"])}
        pairs.append(summary)
        details.append(summary | {"passages": passages})

    rules_cycle = [r for r, (_, _, share) in RULES.items() for _ in range(round(share * 100))]
    findings = []
    for k in range(n_findings):
        rule = rng.choice(rules_cycle)
        cat, sev, _ = RULES[rule]
        i = rng.randrange(n_docs)
        f: dict = {"id": f"{seed:02x}{k:014x}", "rule": rule, "category": cat, "severity": sev, "status": "new"}
        if rule == "DUP001" and pairs:
            p = pairs[k % len(pairs)]
            f |= {"message": f"与{p['b']}高度重复: Jaccard {p['jaccard']:.2f}", "documents": [p["a"], p["b"]], "evidence": [],
                  "data": {"jaccard": p["jaccard"], "containment": p["containment"], "relation": p["relation"], "original": p["b"]}}
        elif rule.startswith("XY"):
            j = i - 1 if i else i + 1
            at_i, at_j = rng.randrange(len(texts[ids[i]]) // 2), rng.randrange(len(texts[ids[j]]) // 2)
            evs = [ev(i, rng.randint(1, 3), at_i) for _ in range(rng.randint(2, 6))] + [ev(j, rng.randint(1, 3), at_j) for _ in range(rng.randint(2, 6))]
            eq = "；".join(f"{label}: 本年 = {rng.randint(0, 99)} ≠ 上年 = {rng.randint(0, 99)}" for label in rng.sample(_TABLE_HEAD[1:], 3))
            rows = [["", "社会公益组织", "总计"], ["上年 四、结转下年度继续办理", "0", "3"], ["本年 二、上年结转政府信息公开申请数量", "1", "4"]]
            f |= {"message": f"表三跨年度数据不衔接（{documents[j]['year']}→{documents[i]['year']}）: {eq}", "documents": [ids[i], ids[j]], "evidence": evs,
                  "data": {"identity": "X3-CARRY", "equation": eq, "stated": 1, "computed": 0,
                           "table": {"title": "表三 上年→本年", "rows": rows, "marked": [[1, 1], [1, 2], [2, 1], [2, 2]]}}}
        elif rule.startswith("TAB"):
            rows = tables[i]
            f |= {"message": "表三“总计”列不满足勾稽关系: 一+二 ≠ （七）总计+四", "documents": [ids[i]],
                  "evidence": [ev(i, rng.randint(2, 30), at) for at in [rng.randrange(len(texts[ids[i]]) // 2)] for _ in range(rng.randint(2, 5))],
                  "data": {"identity": "I3-BAL", "equation": "一+二 = 26+0 = 26 ≠ （七）总计+四 = 26+1 = 27", "stated": 26, "computed": 27,
                           "difference": "-1", "column": "TOT", "table": {"title": "三、收到和处理政府信息公开申请情况", "rows": rows, "marked": [[1, 7], [9, 7]]}}}
        elif rule == "SUM001":
            f |= {"message": "分项之和不等于合计: 39 + 171 + 61 + 102 = 373条, 而合计385条", "documents": [ids[i]],
                  "evidence": [ev(i, 4, at) for at in [rng.randrange(len(texts[ids[i]]) // 2)]] + [ev(i, 40)], "data": {"stated": 385, "computed": 373, "equation": "39 + 171 + 61 + 102 = 373 ≠ 385",
                                                             "parts": [{"label": "业务工作类信息", "value": 39}], "closure": "exhaustive"}}
        elif rule == "LATE001":
            f |= {"message": f"落款日期晚于{documents[i]['year']}年度报告的期限 (逾期{rng.randint(1, 90)}天)", "documents": [ids[i]],
                  "evidence": [ev(i, 10)], "data": {"date": documents[i]["signed"], "deadline": f"{documents[i]['year'] + 1}-01-31", "days_late": 22}}
        else:
            f |= {"message": "词语重复“工作工作”", "documents": [ids[i]], "evidence": [ev(i, 20)], "data": {"match": "工作工作"}}
        findings.append(f)

    counts = {s: sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info")}
    rules = {r: {"title": f"规则 {r}", "category": c, "severity": s, "docs": f"{r} 的说明。\n\n示例：……"} for r, (c, s, _) in RULES.items()}
    return {
        "schema_version": 1,
        "tool": {"name": "auditor", "version": "synthetic"},
        "run": {"started": "2026-01-01T00:00:00+00:00", "roots": ["synthetic"], "rules": len(rules), "config": {"fail_on": "error"}},
        "documents": documents,
        "findings": findings,
        "pairs": pairs,
        "summary": {"documents": n_docs, "findings": counts},
        "texts": texts,
        "pair_details": details,
        "rules": rules,
        "verdict": {"fail_on": "error", "failed": counts["error"] > 0, "counts": counts},
    }

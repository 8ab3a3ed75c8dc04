"""A report's standard tables use the layout of another era (META-FORMAT-01).

The layout follows the report year: 2019–2020 reports use the 试行 format
(国办公开办函〔2019〕60号: 本年新制作数量 …, 其他对外管理服务事项, 政府集中采购,
a single （六）其他处理 row); reports for 2021 on use the 2021 format (〔2021〕30号:
本年制发件数/本年废止件数/现行有效件数, 本年收费金额, three （六） sub-rows).
Reports up to 2018 predate both: a 2016 report laid out in the 2021 tables was
written (or rewritten) later than it claims.  A 2019+ report that carries only
the era-A 统计表 ignores the new form altogether.  The finding points at the
labels that give the era away.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._tables import TABLE_NAMES, evidences, label_evidence
from auditor.checks._util import PARAMS_CONFIG
from auditor.engine.rules import Rule
from auditor.model import Document, Finding

KIND = "table_format"
SCOPE = "document"

ERA_NAMES = {"2019": "2019年试行格式", "2021": "2021年格式", "A": "2014年统计表格式", "": "2019年以后的标准表格"}


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    max_evidence: int = 6


def expected_era(year: int) -> str:
    return "A" if year <= 2018 else "2019" if year <= 2020 else "2021"


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    if doc.year is None or not doc.std_tables:
        return
    want = expected_era(doc.year)
    bc = [doc.std_tables[k] for k in ("t2", "t3", "t4") if k in doc.std_tables]
    wrong = []
    if want == "A":
        wrong = bc
    else:
        wrong = [t for t in bc if t.era and t.era != want]
        if not bc and "stat" in doc.std_tables:
            wrong = [doc.std_tables["stat"]]
    if not wrong:
        return
    found_era = next((t.era for t in wrong if t.era), wrong[0].era)
    names = "、".join(TABLE_NAMES[t.key] for t in wrong)
    marks = [m for t in wrong for m in (t.era_marks or list(t.row_labels.values())[:1])]
    ev = evidences(doc, [label_evidence(doc, m) for m in marks])[: rule.params_as(Params).max_evidence]
    shown = "、".join(dict.fromkeys(e.text.replace("\n", "") for e in ev))
    yield rule.finding(
        f"{doc.year}年度报告的{names}使用{ERA_NAMES.get(found_era, found_era)}"
        f"（{shown}），应使用{ERA_NAMES[want] if want != 'A' else '2019年以前的报告形式'}",
        [doc.id],
        ev,
        {"year": doc.year, "expected": want, "found": found_era, "tables": [t.key for t in wrong]},
    )

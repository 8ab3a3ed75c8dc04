"""A cell of a standard table that counts things is negative or fractional (T2-NUM, T3-NUM).

Applications, decisions, documents and cases are counted in whole, non-negative
numbers (DOMAIN I3-NONNEG).  Two kinds of column are exempt because the form
itself makes them different: 本年增/减 is a signed change, and the money
columns (收费金额, 采购总金额) may carry decimals.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from auditor.checks._tables import TABLE_NAMES, cell_evidence, evidences, label_evidence, row_anchor
from auditor.checks._util import PARAMS_CONFIG
from auditor.engine.rules import Rule
from auditor.extract.tables.layouts import MONEY_COLS, SIGNED_COLS, col_label, row_label
from auditor.model import Document, Finding

KIND = "table_values"
SCOPE = "document"


class Params(BaseModel):
    model_config = PARAMS_CONFIG
    tables: list[str] = ["t2", "t3", "t4", "stat"]


def check(rule: Rule, doc: Document) -> Iterator[Finding]:
    for key in rule.params_as(Params).tables:
        table = doc.std_tables.get(key)
        if table is None:
            continue
        for (r, c), cv in table.cells.items():
            if cv.value is None or c in SIGNED_COLS or c in MONEY_COLS or (key == "stat" and r in ("fees", "budget")):
                continue
            if cv.value >= 0 and cv.value == cv.value.to_integral_value():
                continue
            what = "负数" if cv.value < 0 else "小数"
            rl, cl = row_label(key, r, table.row_labels.get(r)), col_label(key, c)
            yield rule.finding(
                f"{TABLE_NAMES[key]}“{rl}”行“{cl}”列为{what}（{cv.text}），计数应为非负整数",
                [doc.id],
                evidences(doc, [cell_evidence(doc, cv, row_anchor(table, r)) or label_evidence(doc, table.row_labels.get(r))]),
                {"stated": cv.value, "row": r, "column": c, "table": table.render([(r, c)])},
            )

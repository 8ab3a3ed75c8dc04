"""An independent statement of the table identities, evaluated on a `Spec`.

The tests plant breaks by editing cells of a generated report's spec; this
oracle says which identity instances the edited spec violates, written
straight from DOMAIN §2.4 and §3.3 without the auditor's rule files or
layout module.  The auditor must find exactly these.
"""

from __future__ import annotations

from tests.tables import tablegen as g

APPLICANTS = g.T3_COLS[:-1]


def failing(spec: g.Spec) -> set[tuple[str, str]]:
    """(rule id, row or column key) of every identity instance the spec breaks."""
    bad: set[tuple[str, str]] = set()
    if spec.era == "A":
        s = spec.stat
        sums = {
            "TAB020": ("received", g.STAT_SUMS["received"]),
            "TAB021": ("done", g.STAT_SUMS["done"]),
            "TAB022": ("answered", g.STAT_SUMS["answered"]),
            "TAB023": ("ans_refuse", g.STAT_SUMS["ans_refuse"]),
            "TAB024": ("review", g.STAT_SUMS["review"]),
            "TAB025": ("litigation", g.STAT_SUMS["litigation"]),
            "TAB026": ("staff", g.STAT_SUMS["staff"]),
        }
        for rule, (whole, parts) in sums.items():
            if s[whole] != sum(s[p] for p in parts):
                bad.add((rule, "value"))
        if s["active_normative"] > s["active_total"]:
            bad.add(("TAB027", "value"))
        return bad
    t3 = spec.t3
    for row, _ in g.t3_rows(spec.era):  # I3-ROW
        if t3[(row, "TOT")] != sum(t3[(row, c)] for c in APPLICANTS):
            bad.add(("TAB001", row))
    for c in g.T3_COLS:
        if t3[("total", c)] != sum(t3[(k, c)] for k in g.t3_leaves(spec.era)):  # I3-RES
            bad.add(("TAB002", c))
        if t3[("new", c)] + t3[("carried_in", c)] != t3[("total", c)] + t3[("carried_out", c)]:  # I3-BAL
            bad.add(("TAB003", c))
    for row, rule in (("rev", "TAB004"), ("dir", "TAB005"), ("post", "TAB006")):  # I4-REV/DIR/POST
        if spec.t4[(row, "total")] != sum(spec.t4[(row, c)] for c in g.T4_COLS[:-1]):
            bad.add((rule, row))
    if spec.era == "2019":
        for row in ("regulations", "normative_docs"):  # T2-PUB≤
            if int(spec.t2[(row, "published_new")]) > int(spec.t2[(row, "total_public")]):
                bad.add(("TAB007", row))
    return bad


# Breaks to plant: (name, era set, edits) — each edit adds `delta` to one cell.
BREAKS_BC = [
    ("I3-ROW", [("t3", "granted", "TOT", 1)]),
    ("I3-RES", [("t3", "total", "CE", 2), ("t3", "total", "TOT", 2)]),
    ("I3-BAL", [("t3", "carried_out", "NP", 1), ("t3", "carried_out", "TOT", 1)]),
    ("I4-REV", [("t4", "rev", "total", 1)]),
    ("I4-DIR", [("t4", "dir", "keep", 2)]),
    ("I4-POST", [("t4", "post", "pending", 1)]),
]
BREAKS_A = [
    ("A-CH", [("stat", "received", "value", 1)]),
    ("A-DONE", [("stat", "done_late", "value", 1)]),
    ("A-ANS", [("stat", "answered", "value", 3)]),
    ("A-REF", [("stat", "rf_privacy", "value", 1)]),
    ("A-REV", [("stat", "review", "value", 1)]),
    ("A-LIT", [("stat", "lt_correct", "value", 2)]),
    ("A-STAFF", [("stat", "staff", "value", 1)]),
]


def plant(spec: g.Spec, edits) -> g.Spec:
    out = spec.copy()
    for table, row, col, delta in edits:
        if table == "stat":
            out.stat[row] += delta
        else:
            cells = getattr(out, table)
            cells[(row, col)] += delta
    return out


def planted_cells(edits) -> list[tuple[str, str, str]]:
    return [(t, r, c) for t, r, c, _ in edits]

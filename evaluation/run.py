"""`make eval`: audit every labelled corpus, print and record precision and recall.

    python -m evaluation.run                  # print, write docs/eval/RESULTS.md, check the ratchet
    python -m evaluation.run --update         # … and raise the ratchet to today's figures
    python -m evaluation.run --only shared-dev --quiet

Exit 1 when a figure fell below the committed ratchet (evaluation/ratchet.json).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from auditor.api import audit

from evaluation import ratchet
from evaluation.keys import ROOT, LabelledCorpus, discover
from evaluation.scoring import CorpusScore, Tally, score

RESULTS = ROOT / "docs" / "eval" / "RESULTS.md"
# A fixed "today": every labelled report was published before it, and a fixed
# date keeps the figures reproducible whatever day the evaluation runs.
EVAL_TODAY = date(2026, 12, 7)


def evaluate(corpus: LabelledCorpus) -> CorpusScore:
    result = audit([corpus.folder], today=EVAL_TODAY)
    return score(corpus, result.findings)


def overall(scores: list[CorpusScore]) -> dict[str, Tally]:
    merged: dict[str, Tally] = {}
    for s in scores:
        for cat, t in s.by_category.items():
            merged.setdefault(cat, Tally()).add(t)
    return merged


def table(by_category: dict[str, Tally]) -> list[str]:
    rows = ["| category | expected | found | recall | false positives (errors) | forbid controls | precision |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    total = Tally()
    for cat, t in sorted(by_category.items()):
        total.add(t)
        rows.append(f"| {cat} | {t.expected} | {t.hits} | {t.recall:.2f} | {t.false_positives} ({t.error_false_positives}) "
                    f"| {t.forbids} | {t.precision:.2f} |")
    rows.append(f"| **all** | {total.expected} | {total.hits} | **{total.recall:.2f}** | {total.false_positives} "
                f"({total.error_false_positives}) | {total.forbids} | **{total.precision:.2f}** |")
    return rows


def detail(s: CorpusScore) -> list[str]:
    lines = []
    for m in s.misses:
        lines.append(f"- MISS {m.category} {sorted(m.documents)}: {m.why[:300]}")
    for fp in s.false_positives:
        f = fp.finding
        lines.append(f"- FALSE POSITIVE {fp.item.category} {sorted(fp.item.documents)} ({f.severity.value} {f.rule}): "
                     f"{f.message[:200]} — key: {fp.item.why[:200]}")
    return lines


def render(scores: list[CorpusScore], notes: list[str]) -> str:
    out = ["# Evaluation on labelled real reports", "",
           "Written by `make eval` (`python -m evaluation.run`). Each corpus is a folder of real published reports",
           "with a hand-made key (expect / neutral / forbid; see each corpus' NOTES.md). Recall = expected defects",
           "found; precision = found / (found + forbid controls hit by an error or warning).", "",
           "## All corpora", ""]
    out += table(overall(scores))
    for s in scores:
        docs = len({d for i in s.corpus.items for d in i.documents})
        out += ["", f"## {s.corpus.name} ({docs} documents in the key, {s.findings} findings)", ""]
        out += table(s.by_category)
        extra = detail(s)
        if extra:
            out += ["", *extra]
    if notes:
        out += ["", "## Not evaluated here", "", *[f"- {n}" for n in notes]]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--update", action="store_true", help="raise the ratchet to today's figures")
    ap.add_argument("--only", action="append", default=[], help="evaluate only this corpus (repeatable)")
    ap.add_argument("--quiet", action="store_true", help="print only the summary tables")
    ap.add_argument("--results", type=Path, default=RESULTS, help="where to write the results (Markdown)")
    a = ap.parse_args(argv)
    corpora, notes = discover()
    if a.only:
        corpora = [c for c in corpora if c.name in a.only]
    scores = [evaluate(c) for c in corpora]
    print("\n".join(table(overall(scores))))
    for s in scores:
        t = s.total
        print(f"{s.corpus.name}: recall {t.hits}/{t.expected} = {t.recall:.2f}, false positives {t.false_positives} "
              f"({t.error_false_positives} errors) on {t.forbids} controls, precision {t.precision:.2f}")
        if not a.quiet:
            print("\n".join("  " + line for line in detail(s)))
    for n in notes:
        print(f"not evaluated: {n}")
    if not a.only:
        a.results.parent.mkdir(parents=True, exist_ok=True)
        tmp = a.results.with_suffix(".tmp")
        tmp.write_text(render(scores, notes), encoding="utf-8")
        tmp.replace(a.results)
        print(f"wrote {a.results.relative_to(ROOT) if a.results.is_relative_to(ROOT) else a.results}")
    dropped = ratchet.drops(scores)
    if dropped:
        print("below the committed ratchet (evaluation/ratchet.json):", *dropped, sep="\n  ")
        return 1
    if a.update:
        ratchet.update(scores)
        print("ratchet updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The committed floor of every figure: it may rise, never fall.

``ratchet.json`` holds, per corpus and category (and ``*`` for the corpus as a
whole), the recall and precision last accepted.  A run whose figure is below
its floor fails; ``--update`` raises floors to the current figures and never
lowers one.  Corpora absent from this machine are not compared.
"""

from __future__ import annotations

import json
from pathlib import Path

from evaluation.scoring import CorpusScore, Tally

RATCHET = Path(__file__).with_name("ratchet.json")
EPSILON = 1e-9


def figures(scores: list[CorpusScore]) -> dict[str, dict[str, dict[str, float]]]:
    out: dict[str, dict[str, dict[str, float]]] = {}
    for s in scores:
        cats: dict[str, Tally] = dict(s.by_category) | {"*": s.total}
        out[s.corpus.name] = {
            c: {"recall": round(t.recall, 4), "precision": round(t.precision, 4)} for c, t in sorted(cats.items())
        }
    return out


def load(path: Path = RATCHET) -> dict[str, dict[str, dict[str, float]]]:
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def drops(scores: list[CorpusScore], path: Path = RATCHET) -> list[str]:
    """Every figure below its committed floor, as one line each."""
    floor = load(path)
    now = figures(scores)
    lines = []
    for corpus, cats in now.items():
        for cat, figs in cats.items():
            for name, value in figs.items():
                committed = floor.get(corpus, {}).get(cat, {}).get(name)
                if committed is not None and value + EPSILON < committed:
                    lines.append(f"{corpus} {cat} {name}: {value:.4f} < committed {committed:.4f}")
    return lines


def update(scores: list[CorpusScore], path: Path = RATCHET) -> None:
    """Raise every floor to the current figure; never lower one."""
    floor = load(path)
    for corpus, cats in figures(scores).items():
        for cat, figs in cats.items():
            slot = floor.setdefault(corpus, {}).setdefault(cat, {})
            for name, value in figs.items():
                slot[name] = max(value, slot.get(name, 0.0))
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(floor, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)

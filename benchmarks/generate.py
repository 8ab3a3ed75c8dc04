"""Generate a benchmark corpus of annual reports with known copies and errors.

    python -m benchmarks.generate 10000 reports_out/bench/c10k --seed 7 [--jobs 2]
    python -m benchmarks.generate 2000 /tmp/c --check     # honest-pair similarity

Writes ``N`` plain-text reports under the output folder
(``pNNN/aNNNNNN_YEAR.txt``, one file per report, ids as `audit run` sees
them) and ``truth.json``:

* ``documents``: per id, the agency, year, era and, for copies, the source
  and the kind of copy;
* ``families`` and ``duplicate_pairs``: a source and every copy made from it
  (directly or as a copy of a copy) are mutual duplicates;
* ``figure_errors``: planted breakdown-sum errors (prose, SUM001) and table
  row-total errors, with the stated and the computed figures.

Kinds of copies (DUP001's meaning of copying: another organ's report, or
last year's report, re-used with cosmetic edits):

* ``next-year``  -- the same agency's report of the previous year re-dated,
  some figures changed;
* ``other-agency`` -- another organ's report with the names (agency, county,
  towns, villages, roads) changed, maybe the year and some figures;
* ``partial``    -- another organ's report pasted in except one section, with
  own sentences added (containment high, Jaccard lower).

Everything is a function of ``(N, seed)``: each report is rendered from a
random stream seeded by its own slot, so the output is identical with any
``--jobs`` and a copy's source can be rebuilt without keeping it in memory.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from benchmarks.names import Agency, make_agencies
from benchmarks.report_spec import Spec, era_of, new_spec, next_year_copy, other_agency_copy, partial_copy, render
from benchmarks.tables import plant_row_error

GENERATOR_VERSION = 4
YEARS = (2009, 2024)
COPY_KINDS = (("next-year", 0.4), ("other-agency", 0.4), ("partial", 0.2))


def _rng(*parts) -> random.Random:
    """A random stream keyed by its parts (stable across processes and runs)."""
    h = hashlib.blake2b(repr(parts).encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(h, "little"))


@dataclass(frozen=True)
class Slot:
    agency: int
    year: int

    @property
    def id(self) -> str:
        return f"p{self.agency // 200:03d}/a{self.agency:06d}_{self.year}.txt"


@dataclass(frozen=True)
class Copy:
    kind: str
    source: Slot


@dataclass
class Plan:
    seed: int
    agencies: list[Agency]
    slots: list[Slot]  # every report, in output order
    copies: dict[Slot, Copy]
    error_rate: float
    table_error_rate: float


def plan_corpus(n: int, seed: int = 0, copy_rate: float = 0.08, error_rate: float = 0.03, table_error_rate: float = 0.01) -> Plan:
    """Which agency reports on which year, and which reports are copies of which."""
    rng = random.Random(seed)
    n_copy = int(round(n * copy_rate)) if n >= 10 else 0
    n_honest = n - n_copy
    agencies = make_agencies(n_honest // 3 + n_copy + 8, rng)
    spare = list(range(len(agencies)))
    honest: list[Slot] = []
    taken: set[Slot] = set()
    next_agency = 0
    while len(honest) < n_honest:
        a = next_agency
        next_agency += 1
        run = rng.randint(1, 6)
        start = rng.randint(YEARS[0], YEARS[1] - run + 1)
        for y in range(start, start + run):
            if len(honest) < n_honest:
                honest.append(Slot(a, y))
                taken.add(Slot(a, y))
    spare = spare[next_agency:]
    copies: dict[Slot, Copy] = {}
    full_copies: list[Slot] = []
    for _ in range(n_copy):
        kind = rng.choices([k for k, _ in COPY_KINDS], [w for _, w in COPY_KINDS])[0]
        src = rng.choice(full_copies) if full_copies and rng.random() < 0.1 else rng.choice(honest)
        target = None
        if kind == "next-year":
            t = Slot(src.agency, src.year + 1)
            if t.year <= YEARS[1] and era_of(t.year) == era_of(src.year) and t not in taken:
                target = t
            else:
                kind = "other-agency"
        if target is None:
            year = src.year
            if kind == "other-agency" and rng.random() < 0.3 and src.year < YEARS[1] and era_of(src.year + 1) == era_of(src.year):
                year = src.year + 1
            # a copier is usually an organ of the same kind (a 局 copies a 局's report)
            same_kind = agencies[src.agency].self_ref
            fallback = None
            for _ in range(20):
                b = spare.pop() if (rng.random() < 0.5 and spare) else rng.randrange(next_agency)
                t = Slot(b, year)
                if b != src.agency and t not in taken:
                    if agencies[b].self_ref == same_kind:
                        target = t
                        break
                    fallback = fallback or t
            target = target or fallback
        if target is None:
            continue
        taken.add(target)
        copies[target] = Copy(kind, src)
        if kind != "partial":
            full_copies.append(target)
    slots = sorted(taken, key=lambda s: (s.agency, s.year))
    return Plan(seed, agencies, slots, copies, error_rate, table_error_rate)


def build_spec(plan: Plan, slot: Slot) -> Spec:
    """The spec of one report (a copy rebuilds its source first)."""
    agency = plan.agencies[slot.agency]
    cp = plan.copies.get(slot)
    if cp is None:
        return new_spec(agency, slot.year, _rng(plan.seed, "doc", slot.agency, slot.year), uid=f"a{slot.agency}y{slot.year}")
    src = build_spec(plan, cp.source)
    rng = _rng(plan.seed, "copy", slot.agency, slot.year)
    if cp.kind == "next-year":
        return next_year_copy(src, rng)
    if cp.kind == "other-agency":
        return other_agency_copy(src, agency, slot.year, rng)
    own = new_spec(agency, slot.year, _rng(plan.seed, "doc", slot.agency, slot.year), uid=f"a{slot.agency}y{slot.year}")
    return partial_copy(src, own, rng)


def plant_errors(plan: Plan, slot: Slot, spec: Spec) -> list[dict]:
    """Break some figures of this report on purpose; what was planted."""
    rng = _rng(plan.seed, "errors", slot.agency, slot.year)
    planted = []
    groups = [g for g, grp in spec.groups.items() if grp.breakdown and any("{f:%s}" % grp.keys[-1] in s for _, ss in spec.sections for s in ss)]
    if groups and rng.random() < plan.error_rate:
        g = rng.choice(groups)
        grp = spec.groups[g]
        computed = sum(spec.values[k] for k in grp.keys[:-1])
        delta = rng.choice([-1, 1]) * rng.randint(1, max(2, computed // 8))
        if computed + delta < 0:
            delta = -delta
        spec.errors[g] = delta
        planted.append({"kind": "breakdown-sum", "stated": computed + delta, "computed": computed, "severity": grp.severity})
    if spec.tables is not None and rng.random() < plan.table_error_rate:
        planted.append(plant_row_error(spec.tables, rng))
    return planted


def _write_chunk(args) -> list[dict]:
    plan, slots, out = args
    entries = []
    for slot in slots:
        spec = build_spec(plan, slot)
        errors = plant_errors(plan, slot, spec)
        path = Path(out) / slot.id
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(spec), encoding="utf-8")
        cp = plan.copies.get(slot)
        entries.append(
            {
                "id": slot.id,
                "agency": spec.agency.name,
                "year": slot.year,
                "era": spec.era,
                "copy_of": cp.source.id if cp else None,
                "copy_kind": cp.kind if cp else None,
                "errors": errors,
            }
        )
    return entries


def families(plan: Plan) -> list[list[str]]:
    """Sources with all their (transitive) copies, each sorted; sorted by first id."""
    root: dict[Slot, Slot] = {}

    def find(s: Slot) -> Slot:
        while root.get(s, s) != s:
            s = root[s]
        return s

    for target, cp in plan.copies.items():
        a, b = find(target), find(cp.source)
        if a != b:
            root[a] = b
    groups: dict[Slot, set[str]] = {}
    for target, cp in plan.copies.items():
        groups.setdefault(find(target), set()).update((target.id, cp.source.id))
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def generate(n: int, out: Path, seed: int = 0, jobs: int = 1, **rates) -> dict:
    """Write the corpus and truth.json; return the truth."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    plan = plan_corpus(n, seed, **rates)
    size = max(50, len(plan.slots) // (jobs * 8) + 1)
    chunks = [(plan, plan.slots[i : i + size], str(out)) for i in range(0, len(plan.slots), size)]
    if jobs > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(jobs) as ex:
            results = list(ex.map(_write_chunk, chunks))
    else:
        results = [_write_chunk(c) for c in chunks]
    entries = [e for r in results for e in r]
    fams = families(plan)
    pairs = sorted(p for f in fams for p in combinations(f, 2))
    truth = {
        "generator": GENERATOR_VERSION,
        "n": len(entries),
        "seed": seed,
        "documents": {e["id"]: {k: v for k, v in e.items() if k != "id"} for e in entries},
        "families": fams,
        "duplicate_pairs": pairs,
        "figure_errors": [{"doc": e["id"], **err} for e in entries for err in e["errors"]],
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return truth


def check_honest(folder: Path, truth: dict, sample: int = 600, seed: int = 0) -> dict:
    """Exact similarity of honest (non-family) pairs in a sample, on the detector's features."""
    import numpy as np

    from auditor.dedup import DedupParams
    from auditor.dedup.shingle import ShingleSet
    from auditor.dedup.verify import similarity
    from auditor.ingest import read_documents

    ids = sorted(truth["documents"])
    docs = read_documents([folder])
    text = {d.id: d.text for d in docs}
    pick = random.Random(seed).sample(ids, min(sample, len(ids)))
    p = DedupParams()
    ss = ShingleSet.build([(i, text[i]) for i in pick], n=p.n, seed=p.seed, max_df=p.max_df, min_docs_for_df=p.min_docs_for_df)
    fam = {d: k for k, f in enumerate(truth["families"]) for d in f}
    jac, con = [], []
    for a, b in combinations(range(len(pick)), 2):
        if fam.get(pick[a], -1 - a) == fam.get(pick[b], -2 - b):
            continue
        s = similarity(ss.features[a], ss.features[b])
        jac.append(s.jaccard)
        con.append(s.containment)
    jac, con = np.array(jac), np.array(con)
    return {
        "pairs": len(jac),
        "jaccard_p50": float(np.median(jac)),
        "jaccard_p999": float(np.quantile(jac, 0.999)),
        "jaccard_max": float(jac.max()),
        "containment_p50": float(np.median(con)),
        "containment_p999": float(np.quantile(con, 0.999)),
        "containment_max": float(con.max()),
        "mean_features": float(np.mean([len(f) for f in ss.features])),
        "mean_chars": float(np.mean([len(text[i]) for i in pick])),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="report honest-pair similarity on a sample")
    a = ap.parse_args(argv)
    t = time.perf_counter()
    truth = generate(a.n, a.out, a.seed, a.jobs)
    print(
        f"wrote {truth['n']} reports, {len(truth['families'])} copy families, {len(truth['duplicate_pairs'])} duplicate pairs, "
        f"{len(truth['figure_errors'])} planted figure errors to {a.out} in {time.perf_counter() - t:.1f}s",
        file=sys.stderr,
    )
    if a.check:
        print(json.dumps(check_honest(a.out, truth), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

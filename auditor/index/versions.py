"""What an index was built with, so that a stale index is never silently mixed.

Everything stored per document that a query compares against must have been
computed by the same code and parameters as the query:

* ``schema``    — the index layout (`SCHEMA_VERSION`);
* ``sketch``    — the similarity parameters that shape stored data: shingle
  length, hash seed, permutations, LSH threshold and weights (bands and
  rows), the document-frequency settings and the feature floor — every
  `DedupParams` field but the query-time ones (`QUERY_TIME_KEYS`:
  ``min_jaccard``/``min_containment`` only filter verified pairs and may
  change freely);
* ``pipeline``  — a hash of the source of the stages whose output is stored:
  the normaliser (canonical text), metadata extraction (agency key and year,
  used to find a report's series), the matching view, shingling and MinHash,
  and the genre template ``auditor/data/boilerplate.txt``.  Hashing the source
  rather than trusting ``__version__`` catches an edited working tree too.

A mismatch in any of these makes the index *stale*: `audit check` and
`audit index add` refuse it with a message that says what changed and to run
`audit index rebuild` (which recomputes everything from the stored texts).

Also recorded, for provenance only: ``auditor`` (``__version__``) and
``rules`` (a hash of the rule pack).  Nothing rule-derived is stored — the
few candidate documents a check needs are re-analysed from their text with
the current rules — so a rule change cannot make stored data wrong; `audit
index stats` shows both.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from auditor.dedup import DedupParams
from auditor.version import __version__

SCHEMA_VERSION = 2  # 2: the scoring stop set is frozen too (blob ``scored``)
_PKG = Path(__file__).resolve().parents[1]
PIPELINE_SOURCES = (
    "normalize/*.py",
    "extract/meta.py",
    "extract/period.py",  # meta.py reads the period (a title-less report's year) …
    "extract/pubdate.py",  # … and the printed publication/signing dates with these
    "dedup/views.py",
    "dedup/shingle.py",
    "dedup/minhash.py",
    "data/boilerplate.txt",
)
# DedupParams fields that only filter or present verified pairs at query time; every other
# field (present or future) shapes the stored sketches and is compared.
QUERY_TIME_KEYS = ("min_jaccard", "min_containment", "containment_sample", "min_passage_chars", "max_gap",
                   "exhaustive_below")
STALE_KEYS = ("schema", "sketch", "pipeline")


def _digest(parts: list[tuple[str, bytes]]) -> str:
    h = hashlib.sha256()
    for name, data in parts:
        h.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def pipeline_hash() -> str:
    parts = []
    for pattern in PIPELINE_SOURCES:
        for p in sorted(_PKG.glob(pattern)):
            parts.append((p.relative_to(_PKG).as_posix(), p.read_bytes()))
    if not parts:  # a packaging without sources: fall back to the version
        return "version:" + __version__
    return _digest(parts)


def rules_hash(rules_dir: Path | None = None) -> str:
    from auditor.engine.rules import RULES_DIR, rule_paths

    root = rules_dir or RULES_DIR
    return _digest([(p.relative_to(root).as_posix(), p.read_bytes()) for p in sorted(rule_paths(root))])


def sketch_params(params: DedupParams) -> dict:
    d = asdict(params)
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in sorted(d.items()) if k not in QUERY_TIME_KEYS}


def current(params: DedupParams, rules_dir: Path | None = None) -> dict:
    """The versions record of the running code with these parameters."""
    return {
        "schema": SCHEMA_VERSION,
        "sketch": sketch_params(params),
        "pipeline": pipeline_hash(),
        "auditor": __version__,
        "rules": rules_hash(rules_dir),
    }


def stale_reasons(stored: dict, now: dict) -> list[str]:
    """Human-readable reasons why an index built with `stored` cannot serve `now`."""
    out = []
    if stored.get("schema") != now["schema"]:
        out.append(f"index layout {stored.get('schema')} (this auditor uses {now['schema']})")
    s_old, s_new = stored.get("sketch") or {}, now["sketch"]
    changed = [k for k in sorted(set(s_old) | set(s_new)) if json.dumps(s_old.get(k)) != json.dumps(s_new.get(k))]
    if changed:
        out.append("similarity parameters " + ", ".join(f"{k} {s_old.get(k)} -> {s_new.get(k)}" for k in changed))
    if stored.get("pipeline") != now["pipeline"]:
        out.append(
            f"normaliser/shingling code {stored.get('pipeline')} (auditor {stored.get('auditor')}) "
            f"-> {now['pipeline']} (auditor {now['auditor']})"
        )
    return out

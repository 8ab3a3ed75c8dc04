"""The naive near-duplicate baseline, measured in the same run as ours.

What a first implementation does with datasketch out of the box: one
``MinHash(num_perm=128)`` per report, ``update()`` once per shingle string
(the default hash is SHA1, run per token in Python), then one
``MinHashLSH(threshold=0.3)`` insert and query per report.  Shingles are the
same 5-character windows of the same matching view our detector uses, so the
two sides hash the same text; no boilerplate removal (the naive version has
none).

At 10,000+ reports this takes an hour, so it runs on a sample (the first
``sample`` documents in id order) and the per-report cost is extrapolated
linearly -- generous to the baseline, whose LSH query time grows with the
index.
"""

from __future__ import annotations

import time
from pathlib import Path

from auditor.dedup.views import matching_view


def shingle_strings(text: str, n: int = 5) -> list[bytes]:
    v = matching_view(text).view
    if len(v) < n:
        return [v.encode("utf-8")] if v else []
    return [v[i : i + n].encode("utf-8") for i in range(len(v) - n + 1)]


def measure(texts: list[str], n_total: int) -> dict:
    """Per-report seconds of the naive pipeline on ``texts``, extrapolated to ``n_total``."""
    from datasketch import MinHash, MinHashLSH

    t0 = time.perf_counter()
    tokens = [shingle_strings(t) for t in texts]
    t1 = time.perf_counter()
    sketches = []
    for toks in tokens:
        m = MinHash(num_perm=128)
        for tok in toks:
            m.update(tok)
        sketches.append(m)
    t2 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.3, num_perm=128)
    for i, m in enumerate(sketches):
        lsh.query(m)
        lsh.insert(str(i), m)
    t3 = time.perf_counter()
    k = max(1, len(texts))
    per = {"shingles": (t1 - t0) / k, "signatures": (t2 - t1) / k, "lsh": (t3 - t2) / k}
    return {
        "sample": len(texts),
        "seconds_per_report": {key: round(v, 6) for key, v in per.items()},
        "signatures_per_s": round(1 / per["signatures"], 1) if per["signatures"] else None,
        "extrapolated_s": {key: round(v * n_total, 1) for key, v in per.items()},
        "extrapolated_total_s": round(sum(per.values()) * n_total, 1),
    }


def sample_texts(folder: Path, ids: list[str], sample: int) -> list[str]:
    """Canonical texts of the first ``sample`` ids (as our pipeline reads them)."""
    from auditor.ingest import read_source
    from auditor.ingest.discover import SourceFile

    out = []
    for i in sorted(ids)[:sample]:
        for d in read_source(SourceFile(folder / i, folder, i)):
            if d.error is None:
                out.append(d.text)
    return out

"""`audit index stats`: what an index holds, what it was built with, whether it is stale."""

from __future__ import annotations

from pathlib import Path

from auditor.dedup import DedupParams
from auditor.index import versions
from auditor.index.build import stop_drift_note
from auditor.index.store import CorpusIndex


def index_stats(path: Path, params: DedupParams | None = None) -> dict:
    params = params or DedupParams()
    path = Path(path)
    with CorpusIndex(path) as idx:
        con = idx.con
        stored = idx.info("versions") or {}
        now = versions.current(params)
        years = dict(con.execute("SELECT coalesce(year, 0), count(*) FROM documents GROUP BY 1 ORDER BY 1").fetchall())
        size = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
        notes = []
        if stored and stored.get("rules") != now["rules"]:
            notes.append("the rule pack changed since the index was built (harmless: candidates are re-analysed)")
        drift = stop_drift_note(idx, params)
        if drift:
            notes.append(drift)
        return {
            "index": str(path),
            "documents": idx.count(),
            "agencies": con.execute("SELECT count(DISTINCT agency_key) FROM documents WHERE agency_key != ''").fetchone()[0],
            "years": {str(y or "unknown"): n for y, n in years.items()},
            "bands": con.execute("SELECT count(*) FROM bands").fetchone()[0],
            "bytes": size,
            "journal_mode": con.execute("PRAGMA journal_mode").fetchone()[0],
            "created": idx.info("created"),
            "rebuilt": idx.info("rebuilt"),
            "lsh": idx.info("lsh"),
            "stop_set": {"shingles": len(idx.blob("frequent") or b"") // 4,
                         "scoring_shingles": len(idx.blob("scored") or idx.blob("frequent") or b"") // 4,
                         "documents": idx.info("stop_docs", 0), "computed": idx.info("stop_set_at")},
            "versions": stored,
            "stale": versions.stale_reasons(stored, now) if stored else ["never initialised"],
            "notes": notes,
        }

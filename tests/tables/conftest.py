"""Fixtures for the table tests: a CJK font for the PDF cases, and a one-call auditor.

The font is built the way the loader tests build theirs (a small TrueType
subset of the system's CJK font, see tests/ingest/conftest.py, whose helpers
are reused); without a CJK font the PDF cases skip with the Debian package
to install.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

FONT_HINT = "no CJK font found on this system (Debian/Ubuntu: apt-get install fonts-noto-cjk)"
_INGEST_CONFTEST = Path(__file__).resolve().parents[1] / "ingest" / "conftest.py"


def _font_helpers():
    spec = importlib.util.spec_from_file_location("_tables_font_helpers", _INGEST_CONFTEST)
    if spec is None or spec.loader is None:
        return None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def table_font(request, tmp_path_factory):
    """table_font(chars) -> path of a TrueType font holding the characters (or skip)."""
    try:
        helpers = _font_helpers()
    except Exception:
        helpers = None
    if helpers is None or not hasattr(helpers, "build_truetype_subset"):
        pytest.skip("font helper of tests/ingest/conftest.py not available")
    try:
        base = Path(request.config.cache.mkdir("auditor-table-font"))
    except Exception:
        base = tmp_path_factory.mktemp("tablefont")

    def make(chars: str) -> Path:
        chars = "".join(sorted(set(chars + "0123456789-/ .+—")))
        key = hashlib.sha1(chars.encode("utf-8")).hexdigest()[:12]
        out = base / f"cjk-{key}.ttf"
        if out.exists():
            return out
        tmp = base / f"cjk-{key}.{os.getpid()}.tmp"
        for path, index in helpers._candidates():
            try:
                if helpers.build_truetype_subset(path, index, chars, tmp):
                    os.replace(tmp, out)
                    return out
            except Exception:
                continue
        pytest.skip(FONT_HINT)

    return make


@dataclass
class Result:
    documents: list
    findings: list


def audit_files(paths, select=None, today=date(2026, 6, 30)) -> Result:
    """Audit files as one corpus with only the table rules (or `select`) on.

    The pipeline's own stages (read, analyse, corpus, rules) without the
    near-duplicate index: the fixtures are near-copies of each other by
    design, and aligning them would only cost time.
    """
    from auditor.core import select_rules
    from auditor.config import Config
    from auditor.engine.corpus import Corpus
    from auditor.ingest import read_documents
    from auditor.core import run_rules
    from auditor.pipeline import analyse

    rules = select_rules(_rules(), Config(select=select or ["TAB", "XY"]))
    for r in rules:
        r.options = {"today": today, "deadlines": {}}
    docs = read_documents([Path(p) for p in paths])
    for d in docs:
        analyse(d)
    return Result(docs, run_rules(rules, Corpus(docs, today=today)))


def _rules():
    from auditor.engine.rules import load_rules

    return load_rules()

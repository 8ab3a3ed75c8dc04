"""Shared test helpers: paths to the project's seed, fixtures and (when present) the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL = ROOT.parent / "shared" / "corpus" / "real"


@pytest.fixture(scope="session")
def seed_result():
    from datetime import date

    from auditor.api import audit

    return audit([SEEDS], today=date(2026, 6, 30))

"""`pip install .` (not editable) audits with every rule, from any folder (issue 13).

The rule packs used to live only beside the package: a plain install found no
rules and "audited 5 documents with 0 rules", exit 0.  Here the wheel is
built, installed without its dependencies into a fresh virtual environment
(which borrows this environment's installed dependencies through a .pth
line, so no download is needed beyond the build backend), and the seed is
audited from an unrelated working folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from auditor.engine.rules import load_rules
from tests.conftest import ROOT, SEEDS


def _purelib(python: Path) -> Path:
    out = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def test_the_wheel_ships_its_rules_and_audits_from_anywhere(tmp_path):
    dist = tmp_path / "dist"
    # built from a copy without the working tree's build/ folder: setuptools reuses build/lib, and a
    # rule file deleted since the last build would still be shipped (and counted below)
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "reports_out", "tests", "*.egg-info", "__pycache__", ".mypy_cache", ".ruff_cache"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)],
                   check=True, capture_output=True, timeout=600)
    (wheel,) = dist.glob("auditor-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    # the project's dependencies, as a plain path: its editable install (a .pth *inside* that folder) stays inactive
    (_purelib(python) / "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")} | {"CI": "true"}
    where = subprocess.run([str(python), "-c", "import auditor; print(auditor.__file__)"], capture_output=True,
                           text=True, cwd=elsewhere, env=env, check=True).stdout.strip()
    assert where.startswith(str(venv)), where  # the installed copy, not the working tree
    r = subprocess.run([str(venv / "bin" / "audit"), "run", str(SEEDS), "--out", str(tmp_path / "out")],
                       capture_output=True, text=True, cwd=elsewhere, env=env, timeout=300)
    assert r.returncode == 1, r.stderr
    assert f"with {len(load_rules())} rules" in r.stderr
    installed_rules = Path(where).parent / "rules"
    assert installed_rules.is_dir() and not installed_rules.is_symlink()

"""Time an earlier commit on the same corpus in the same benchmark run.

"No slower than the commit before" only means something when both are
measured on the same machine under the same load, so `make bench VERSUS=REV`
(``python -m benchmarks.run --versus REV``) runs REV's code from a detached
git worktree (``reports_out/bench/at-REV``, with this checkout's environment:
the dependencies are pinned and shared) right after the current code, on the
same corpus with the same options, and reports both wall times and whether
the two findings.json agree (`benchmarks.golden.canonical`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.golden import canonical, dumps

ROOT = Path(__file__).resolve().parents[1]


def worktree(rev: str, work: Path) -> Path:
    """A detached checkout of ``rev`` (re-used when it is already there)."""
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", rev + "^{commit}"],
                         check=True, capture_output=True, text=True).stdout.strip()
    where = work / f"at-{sha[:10]}"
    if not (where / "auditor").is_dir():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--force", "--detach", str(where), sha],
                       check=True, capture_output=True)
    return where


def command_at(tree: Path) -> list[str]:
    """`audit` as that checkout's code, run from inside the checkout (see `environment`)."""
    return [sys.executable, "-c", "import sys; from auditor.cli import main; sys.argv[0] = 'audit'; main()"]


def environment(tree: Path) -> dict[str, str]:
    """The checkout first on every process's path, workers included.

    Run from inside the checkout (``cwd``) with it on ``PYTHONPATH``: a
    ``python -c`` process puts its working directory first on ``sys.path``,
    and the worker processes of ``--jobs`` start afresh from the environment,
    so a path inserted by the parent alone would leave them importing this
    checkout's code (the editable install) while the parent runs the other.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def same_findings(a: Path, b: Path) -> bool:
    """Whether two findings.json files hold the same documents, findings and pairs."""
    load = lambda p: dumps(canonical(json.loads(p.read_text(encoding="utf-8"))))  # noqa: E731
    return load(a) == load(b)

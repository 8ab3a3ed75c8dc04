"""A worker that cannot start means the reports were not checked: exit 2, never 1.

click turns a broken pipe inside a command into a silent exit 1 (it takes it
for a closed stdout), which CI reads as "findings"; the pool's pipe to a worker
that died while starting is such a pipe.  The test makes every worker die on
start: a ``sitecustomize`` on PYTHONPATH blocks one of the auditor's modules in
the helper processes multiprocessing starts (``python -c …``), never in the
command's own process.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.cli import _escalated

AUDIT = shutil.which("audit", path=str(Path(sys.executable).parent)) or shutil.which("audit")
FIXTURES = Path(__file__).parent / "fixtures" / "clean"

_BLOCK_IN_HELPERS = """
import sys
if sys.argv == ["-c"]:
    class _Block:
        def find_spec(self, name, path=None, target=None):
            if name == "auditor.checks.pattern":
                raise ImportError("blocked by tests/test_cli_worker_failure.py")
            return None
    sys.meta_path.insert(0, _Block())
"""


@pytest.mark.skipif(AUDIT is None, reason="the audit entry point is not installed")
def test_workers_that_cannot_start_exit_2(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(_BLOCK_IN_HELPERS)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])))
    out = tmp_path / "out"
    p = subprocess.run([AUDIT, "run", str(FIXTURES), "--jobs", "2", "--out", str(out), "--format", "json"],
                       capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 2, p.stderr[-2000:]
    assert p.stderr.strip().splitlines()[-1].startswith("audit: "), p.stderr[-2000:]
    assert not (out / "findings.json").exists()


def test_the_same_files_in_one_process_are_checked(tmp_path: Path) -> None:
    p = subprocess.run([AUDIT or "audit", "run", str(FIXTURES), "--jobs", "1", "--out", str(tmp_path), "--format", "json"],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]


@pytest.mark.parametrize("error", [BrokenPipeError(errno.EPIPE, "Broken pipe"), EOFError("Ran out of input")])
def test_errors_click_would_read_as_exit_1_leave_as_run_errors(error: Exception) -> None:
    def command() -> None:
        raise error

    with pytest.raises(RuntimeError):
        _escalated(command)()

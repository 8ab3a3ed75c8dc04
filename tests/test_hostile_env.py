"""A hostile environment: every way of "not really checked" is exit 2 with one line, and nothing is lost (issue 13).

Each case runs the real entry point (`auditor.cli.main`, in this process where
a failure must be injected) and asserts the exit code, that stderr's last
line is one ``audit: …`` line naming the file and the reason, and that the
outputs of an earlier run are byte-identical afterwards.
"""

from __future__ import annotations

import errno
import sys

import pytest

from auditor import cli
from tests.conftest import SEEDS
from tests.test_cli import run


def _main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["audit", *args])
    monkeypatch.setenv("CI", "true")
    with pytest.raises(SystemExit) as exc:
        cli.main()
    return exc.value.code, capsys.readouterr().err


@pytest.fixture()
def earlier(tmp_path):
    out = tmp_path / "out"
    assert run("run", str(SEEDS), "--out", str(out), "--format", "html,json,csv").returncode == 1
    return out, {p.name: p.read_bytes() for p in out.iterdir()}


def _unchanged(out, before):
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_full_disk_is_one_line_and_keeps_the_earlier_outputs(monkeypatch, capsys, earlier):
    out, before = earlier

    def full(path, write, encoding):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("auditor.report.atomic._write_temp", full)
    code, err = _main(monkeypatch, capsys, "run", str(SEEDS), "--out", str(out), "--format", "html,json,csv")
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("audit: ") and "No space left on device" in err
    assert "Traceback" not in err
    _unchanged(out, before)


def test_a_read_only_output_folder_is_one_line(monkeypatch, capsys, earlier):
    out, before = earlier

    def read_only(path, write, encoding):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr("auditor.report.atomic._write_temp", read_only)
    code, err = _main(monkeypatch, capsys, "run", str(SEEDS), "--out", str(out))
    assert code == 2 and "Read-only file system" in err.strip().splitlines()[-1]
    _unchanged(out, before)


def test_an_internal_error_is_exit_2_not_1(monkeypatch, capsys, earlier):
    out, before = earlier

    def boom(*a, **k):
        raise RuntimeError("something broke")

    monkeypatch.setattr("auditor.report.html.render_html", boom)
    code, err = _main(monkeypatch, capsys, "run", str(SEEDS), "--out", str(out), "--format", "html")
    assert code == 2 and err.strip().splitlines()[-1] == "audit: RuntimeError: something broke"
    _unchanged(out, before)


@pytest.mark.parametrize(
    "toml,needle",
    [
        ('deadlines = { other = "13-45" }\n', "is not a month and day"),
        ('deadlines = { township = "02-01" }\n', "deadlines"),
        ("not toml [\n", "not valid TOML"),
        ('select = ["NOSUCH"]\n', "'NOSUCH' names no rule"),
    ],
)
def test_bad_configuration_is_one_line(tmp_path, earlier, toml, needle):
    out, before = earlier
    cfg = tmp_path / "audit.toml"
    cfg.write_text(toml, encoding="utf-8")
    r = run("run", str(SEEDS), "--out", str(out), "--config", str(cfg))
    last = r.stderr.strip().splitlines()[-1]
    assert r.returncode == 2 and last.startswith("audit: ") and needle in last
    if "NOSUCH" not in needle:
        assert str(cfg) in last  # the file is named
    _unchanged(out, before)


def test_an_unwritable_timings_file_fails_before_anything_is_written(tmp_path, earlier):
    out, before = earlier
    r = run("run", str(SEEDS), "--out", str(out), "--timings", str(tmp_path / "no" / "such" / "t.json"))
    assert r.returncode == 2 and "cannot write --timings" in r.stderr
    _unchanged(out, before)

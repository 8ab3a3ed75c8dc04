"""The CLI boundary: document ids that cannot collide, and errors that are one line and exit 2 (issue 13)."""

from __future__ import annotations

import json
import shutil

from tests.conftest import SEEDS
from tests.test_cli import run


def _two_folders(tmp_path):
    seed = next(SEEDS.glob("*.txt"))
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(seed, tmp_path / folder / "2020.txt")
    return tmp_path


def test_files_given_directly_are_named_by_their_path(tmp_path):
    _two_folders(tmp_path)
    r = run("run", "a/2020.txt", "b/2020.txt", "--out", "-", "--format", "json", cwd=tmp_path)
    ids = [d["id"] for d in json.loads(r.stdout)["documents"]]
    assert ids[0] == "a/2020.txt#1" and "b/2020.txt#1" in ids and len(ids) == len(set(ids))


def test_files_outside_the_working_directory_are_named_from_their_common_folder(tmp_path):
    _two_folders(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = run("run", str(tmp_path / "a" / "2020.txt"), str(tmp_path / "b" / "2020.txt"), "--out", "-", "--format", "json",
            cwd=elsewhere)
    ids = {d["id"].split("#")[0] for d in json.loads(r.stdout)["documents"]}
    assert ids == {"a/2020.txt", "b/2020.txt"}


def test_two_files_with_one_id_are_an_error_not_a_merge(tmp_path):
    _two_folders(tmp_path)
    out = tmp_path / "out"
    r = run("run", "a", "b", "--out", str(out), cwd=tmp_path)
    assert r.returncode == 2
    line = r.stderr.strip().splitlines()[-1]
    assert line.startswith("audit: ") and "'2020.txt'" in line and "Traceback" not in r.stderr
    assert not out.exists()


def test_environment_errors_are_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bin.toml"
    bad.write_bytes(b"\x00\x01\xff")
    r = run("run", str(SEEDS), "--out", str(tmp_path / "o"), "--config", str(bad))
    assert r.returncode == 2 and r.stderr.strip() == f"audit: {bad}: not UTF-8 text (byte 2)"
    r = run("run", str(SEEDS), "--out", "/dev/null/x")
    assert r.returncode == 2 and r.stderr.strip().splitlines()[-1] == "audit: /dev/null/x: Not a directory"
    assert "Traceback" not in r.stderr


def test_debug_shows_the_traceback(tmp_path):
    r = run("run", str(SEEDS), "--out", "/dev/null/x", "--debug")
    assert r.returncode != 0 and "Traceback" in r.stderr

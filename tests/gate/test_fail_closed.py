"""The gate fails closed on a corpus it cannot really check against (issue 13)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from tests.conftest import SEEDS
from tests.test_cli import run


@pytest.fixture()
def work(tmp_path):
    (tmp_path / "new").mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), tmp_path / "new" / "r.txt")
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.db").write_text("hello, not a database\n", encoding="utf-8")
    con = sqlite3.connect(tmp_path / "foreign.db")
    con.execute("CREATE TABLE users (id INTEGER)")
    con.commit()
    con.close()
    return tmp_path


def _rows(path):
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute("SELECT id, sha256 FROM documents"))
    finally:
        con.close()


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "against,needle",
    [
        ("bad.db", "bad.db: not an index"),
        ("foreign.db", "foreign.db: an SQLite database that is not an index of this tool"),
        ("empty", "empty: the archive holds no readable report"),
    ],
)
def test_check_against_something_that_is_not_a_corpus_exits_2(work, against, needle):
    before = _digest(work / against) if (work / against).is_file() else None
    r = run("check", "new", "--against", against, "--out", str(work / "out"), cwd=work)
    assert r.returncode == 2, r.stderr
    assert r.stderr.strip().splitlines()[-1] == f"audit: {needle}" or needle in r.stderr.strip().splitlines()[-1]
    assert "Traceback" not in r.stderr
    if before is not None:
        assert _digest(work / against) == before, "the file was changed"


def test_index_add_never_writes_into_a_foreign_database(work):
    before = _digest(work / "foreign.db")
    r = run("index", "add", "foreign.db", "new", cwd=work)
    assert r.returncode == 2 and "not an index of this tool" in r.stderr
    assert _digest(work / "foreign.db") == before


def test_an_empty_index_is_not_a_corpus(work):
    assert run("index", "build", "idx.db", "new", cwd=work).returncode == 0
    con = sqlite3.connect(work / "idx.db")
    con.execute("DELETE FROM documents")
    con.commit()
    con.close()
    r = run("check", "new", "--against", "idx.db", "--out", str(work / "out"), cwd=work)
    assert r.returncode == 2 and "holds no report" in r.stderr


def test_index_add_refuses_an_id_collision_unless_told_which_wins(work):
    assert run("index", "build", "idx.db", "new", cwd=work).returncode == 0
    changed = work / "other" / "r.txt"
    changed.parent.mkdir()
    changed.write_text((work / "new" / "r.txt").read_text(encoding="utf-8").replace("2009", "2011"), encoding="utf-8")
    before = _rows(work / "idx.db")
    r = run("index", "add", "idx.db", "other", cwd=work)
    assert r.returncode == 2 and "already indexed under the same id" in r.stderr and "--replace" in r.stderr
    assert _rows(work / "idx.db") == before  # (a WAL checkpoint may rewrite the file's bytes, not its rows)
    assert run("index", "add", "idx.db", "other", "--keep", cwd=work).returncode == 0
    r = run("index", "add", "idx.db", "other", "--replace", cwd=work)
    assert r.returncode == 0 and "replaced" in r.stderr + r.stdout

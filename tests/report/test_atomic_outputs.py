"""Outputs: one writer interface, one atomic write, staged together, ordinary file modes, a CSV Excel reads (issue 13/14)."""

from __future__ import annotations

import dataclasses
import io
import os
import stat

import pytest

from auditor.api import audit
from auditor.report import atomic, writers
from auditor.report.atomic import staged
from auditor.scale.timing import Timings
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed():
    return audit([SEEDS])


def _snapshot(folder):
    """Every file in the folder, temporary ones included, with its bytes."""
    return {p.name: p.read_bytes() for p in folder.iterdir()}


class Crashing:
    """A registered writer that writes part of its output, then fails."""

    def __init__(self, real, exc=RuntimeError):
        self.name, self.filename, self.encoding = real.name, real.filename, real.encoding
        self.real, self.exc = real, exc

    def write(self, result, fh):
        self.real.write(result, fh)
        raise self.exc("writer failed")


class Notes:
    """A format that is not built in: one line per finding."""

    name = "notes"
    filename = "notes.txt"
    encoding = "utf-16"

    def write(self, result, fh):
        for f in result.findings:
            fh.write(f"{f.rule} {f.status}\n")


def test_the_registry_holds_exactly_the_five_formats():
    assert writers.FORMATS == ("html", "json", "sarif", "junit", "csv")
    assert set(writers.REGISTRY) == set(writers.FORMATS)
    assert writers.FILENAMES == {"html": "report.html", "json": "findings.json", "sarif": "results.sarif",
                                 "junit": "junit.xml", "csv": "findings.csv"}
    for name, w in writers.REGISTRY.items():
        assert w.name == name and w.filename == writers.FILENAMES[name] and w.encoding
        assert callable(w.write)


@pytest.mark.parametrize("fmt", writers.FORMATS)
def test_every_writer_goes_through_the_staged_write(tmp_path, seed, monkeypatch, fmt):
    staged_paths, synced = [], []
    real_temp, real_fsync = atomic._write_temp, os.fsync

    def recording_temp(path, write, encoding):
        staged_paths.append((path, encoding))
        return real_temp(path, write, encoding)

    def recording_fsync(fd):
        synced.append(fd)
        return real_fsync(fd)

    monkeypatch.setattr(atomic, "_write_temp", recording_temp)
    monkeypatch.setattr(atomic.os, "fsync", recording_fsync)
    written = writers.write_outputs(seed, tmp_path, [fmt])
    w = writers.REGISTRY[fmt]
    assert written == [tmp_path / w.filename]
    assert staged_paths == [(tmp_path / w.filename, w.encoding)]
    assert synced  # the file (and the folder) reached the disk before the run reported it written
    assert sorted(p.name for p in tmp_path.iterdir()) == [w.filename]  # no temporary file left
    assert (tmp_path / w.filename).read_text(encoding=w.encoding) == writers.render(seed, fmt)


@pytest.mark.parametrize("fmt", writers.FORMATS)
def test_a_failing_writer_leaves_the_previous_outputs(tmp_path, seed, monkeypatch, fmt):
    out = tmp_path / "out"
    writers.write_outputs(seed, out, list(writers.FORMATS))
    before = _snapshot(out)
    monkeypatch.setitem(writers.REGISTRY, fmt, Crashing(writers.REGISTRY[fmt]))
    with pytest.raises(RuntimeError, match="writer failed"):
        writers.write_outputs(seed, out, list(writers.FORMATS))
    assert _snapshot(out) == before  # nothing renamed in, no temporary file behind


def test_an_interrupted_run_leaves_the_previous_outputs_together(tmp_path, seed, monkeypatch):
    out = tmp_path / "out"
    writers.write_outputs(seed, out, ["html", "json", "csv"])
    before = _snapshot(out)
    monkeypatch.setitem(writers.REGISTRY, "csv", Crashing(writers.REGISTRY["csv"], KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        writers.write_outputs(seed, out, ["html", "json", "csv"])
    assert _snapshot(out) == before  # no new report.html beside the old json


def test_a_registered_writer_is_written_and_timed(tmp_path, seed, monkeypatch):
    monkeypatch.setitem(writers.REGISTRY, Notes.name, Notes())
    timed = dataclasses.replace(seed, timings=Timings())
    written = writers.write_outputs(timed, tmp_path, ["json", "notes"])
    assert written == [tmp_path / "findings.json", tmp_path / "notes.txt"]
    text = (tmp_path / "notes.txt").read_text(encoding="utf-16")
    assert text.splitlines() == [f"{f.rule} {f.status}" for f in seed.findings]
    assert set(timed.timings.stages) == {"output_json", "output_notes"}


def test_an_unknown_format_writes_nothing(tmp_path, seed):
    with pytest.raises(KeyError):
        writers.write_outputs(seed, tmp_path, ["json", "nosuch"])
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="nosuch"):
        writers.render(seed, "nosuch")


def test_json_is_streamed_not_rendered_whole(seed):
    """findings.json reaches its file piece by piece, never as one string (~150 MB at 100,000 reports)."""
    pieces = []

    class Recorder(io.StringIO):
        def write(self, s):
            pieces.append(len(s))
            return super().write(s)

    fh = Recorder()
    writers.REGISTRY["json"].write(seed, fh)
    assert fh.getvalue() == writers.render(seed, "json")
    assert len(pieces) > 100 and max(pieces) < sum(pieces) / 10


def test_outputs_follow_the_umask(tmp_path, seed):
    old = os.umask(0o022)
    try:
        writers.write_outputs(seed, tmp_path, ["json", "html"])
    finally:
        os.umask(old)
    for name in ("findings.json", "report.html"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644


def test_csv_starts_with_a_bom_for_excel(tmp_path, seed):
    writers.write_outputs(seed, tmp_path, ["csv"])
    data = (tmp_path / "findings.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "分项之和".encode() in data


def test_staged_writes_nothing_when_the_block_fails(tmp_path):
    with pytest.raises(RuntimeError):
        with staged() as stage:
            stage.write_text(tmp_path / "a.txt", "a")
            raise RuntimeError
    assert list(tmp_path.iterdir()) == []

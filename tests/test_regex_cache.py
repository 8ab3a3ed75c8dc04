"""`auditor.regex_cache` against the CPython internals it drives.

The module rebuilds compiled patterns from their stored program through
private parts of `re` (``re._cache``, ``_parser``, ``_compiler``,
``_sre.compile``) that CPython may change in any release.  These tests are
where such a change must show, loudly: on a supported interpreter a rebuilt
pattern must be *the* compiled pattern (CPython's ``Pattern.__eq__`` compares
the compiled code) and match exactly alike, and `re` must still find a pattern
placed in its cache.  Elsewhere the module must do nothing at all.
"""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from auditor import cache, regex_cache
from tests.conftest import ROOT, SEEDS

needs_cpython = pytest.mark.skipif(not regex_cache.SUPPORTED, reason="the cache is for CPython 3.11-3.13 only")


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(d))
    return d


# ------------------------------------------------------------------ the internals
@needs_cpython
def test_the_private_re_api_it_calls_is_there():
    import _sre
    from re import _compiler, _parser

    assert isinstance(re._cache, dict)
    assert list(inspect.signature(_parser.parse).parameters)[:2] == ["str", "flags"]
    assert list(inspect.signature(_compiler._code).parameters) == ["p", "flags"]
    assert list(inspect.signature(_sre.compile).parameters) == ["pattern", "flags", "code", "groups", "groupindex",
                                                                "indexgroup"]
    assert isinstance(_sre.MAGIC, int) and isinstance(_sre.CODESIZE, int)


@needs_cpython
def test_res_cache_is_keyed_by_type_pattern_and_int_flags():
    token = f"键{os.getpid()}[a-z]+"
    for flags in (0, re.IGNORECASE | re.MULTILINE):
        compiled = re.compile(token, flags)
        assert re._cache[(str, token, int(flags))] is compiled, sorted(map(repr, re._cache))[:5]


@needs_cpython
def test_a_pattern_placed_in_res_cache_is_what_re_serves():
    token = f"(?P<年>[\u4e00-\u9fff]{{2}})置{os.getpid()}"
    planted = regex_cache.build(token, regex_cache.program(token, 0))
    re._cache[(str, token, 0)] = planted
    try:
        assert re.compile(token) is planted
        assert re.search(token, f"前甲乙置{os.getpid()}").group("年") == "甲乙"
    finally:
        re._cache.pop((str, token, 0), None)


# ----------------------------------------------------- rebuilt = compiled
# Shaped like the auditor's own patterns: CJK classes in look-arounds, named and
# numbered groups, back-references, conditionals, atomic groups, inline and
# passed flags, verbose mode.
_PATTERNS = [
    ("(?<=[\u4e00-\u9fff])(?<![年月日]) (\\d{1,3}) (?=\\d{4}年|[\u4e00-\u9fff])", 0),
    ("(?P<y>(?:19|20)\\d{2})\\s*年(?:度)?(?P<what>[\u4e00-\u9fff]{2,24}?)(?:政府信息公开|工作)", 0),
    ("([\u4e00-\u9fff]{2,4})于?\\1|的的", 0),
    ("^第([一二三四五六七八九十百零〇两\\d]{1,4})篇[:：]\\s*(.*)$", re.M),
    ("abc[ａ-ｚ]+|ＸＸ", re.I),
    ("(?x) [\u3000-\u303f]+  # CJK punctuation\n | [０-９]+", 0),
    ("(?i)(?P<q>[\"“])?[a-zａ-ｚ]+(?(q)[\"”])", 0),
    ("(?>[\u4e00-\u9fff]+)局|\\b\\w+?\\b", re.S),
    ("(?P<n>[\\d,，]+)\\s*(?:件|条|个)(?!以上)", re.ASCII),
]
_SAMPLES = [
    "根据《条例》编制本报告 12 2019年，某县人民政府信息公开工作的的年度报告",
    "第十二篇：某某局\n第3篇: x\n2020 年度市场监督管理局政府信息公开ABCｄｅｆ ＸＸ xx",
    "某某某于某某某 ，。０１２３ “ａｂｃ” \"abc\" 共1,234件 12件以上 某某局",
]


def _same(rebuilt: re.Pattern, plain: re.Pattern) -> None:
    assert rebuilt == plain  # CPython compares the flags, the pattern and the compiled code
    assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
        plain.pattern, plain.flags, plain.groups, plain.groupindex)
    for text in _SAMPLES:
        assert [m.span() + m.groups() for m in rebuilt.finditer(text)] == [m.span() + m.groups() for m in plain.finditer(text)]
        assert rebuilt.sub("#", text) == plain.sub("#", text)


@needs_cpython
@pytest.mark.parametrize("pattern,flags", _PATTERNS)
def test_rebuilt_program_is_the_compiled_pattern(pattern, flags):
    _same(regex_cache.build(pattern, regex_cache.program(pattern, flags)), re.compile(pattern, flags))


@needs_cpython
def test_the_auditors_own_stored_patterns_are_the_compiled_ones(cache_dir, tmp_path):
    """Every pattern a real run stores, read back as the next run's `warm` would."""
    env = dict(os.environ, CI="true")
    env.pop("GITHUB_ACTIONS", None)
    p = subprocess.run([sys.executable, "-m", "auditor.cli", "run", str(SEEDS), "--out", str(tmp_path / "out"),
                        "--format", "json", "-q"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert p.returncode in (0, 1), p.stderr
    stored = cache.load(regex_cache.NAME, regex_cache._key())
    assert stored and len(stored) >= 50, "a run of the seed report stored (almost) no patterns"
    re.purge()  # below, `re.compile` compiles: nothing rebuilt by an earlier `warm` of this process
    for (pattern, flags), prog in stored.items():
        _same(regex_cache.build(pattern, prog), re.compile(pattern, flags))


# ------------------------------------------------------------------ the cache
@needs_cpython
def test_remembered_patterns_are_served_from_res_cache(cache_dir):
    token = f"[\u4e00-\u9fff]{{2}}标记{os.getpid()}"  # a pattern no other test compiles
    re.compile(token)
    assert regex_cache.remember() >= 1
    assert regex_cache.remember() == 0  # nothing new: the file is not rewritten
    del re._cache[(str, token, 0)]
    assert regex_cache.warm() >= 1
    served = re._cache[(str, token, 0)]
    assert re.compile(token) is served and served.findall("甲乙标记" + str(os.getpid())) == ["甲乙标记" + str(os.getpid())]


@needs_cpython
def test_ascii_patterns_are_not_kept(cache_dir):
    re.compile(f"plain-ascii-{os.getpid()}[a-z]+")
    regex_cache.remember()
    stored = cache.load(regex_cache.NAME, regex_cache._key()) or {}
    assert not any(p.startswith("plain-ascii-") for p, _ in stored)


@needs_cpython
def test_damaged_or_foreign_programs_are_a_miss(cache_dir):
    cache.store(regex_cache.NAME, regex_cache._key(), {("[\u4e00-\u9fff]损坏", 0): (0, [1, 2, 3], 0, {}, ())})
    assert regex_cache.warm() == 0  # the engine rejects the code: compile as usual
    assert (str, "[\u4e00-\u9fff]损坏", 0) not in re._cache
    (cache_dir / f"{regex_cache.NAME}.pickle").write_bytes(b"not a pickle")
    assert regex_cache.warm() == 0


def test_off_means_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDIT_CACHE_DIR", "off")
    re.compile(f"[\u4e00-\u9fff]关闭{os.getpid()}")
    assert regex_cache.remember() == 0 and regex_cache.warm() == 0


# ------------------------------------------------------- elsewhere: nothing at all
def test_an_unsupported_interpreter_is_a_clean_no_op(cache_dir, monkeypatch):
    token = f"[\u4e00-\u9fff]不支持{os.getpid()}"
    if regex_cache.SUPPORTED:  # what an earlier run of a supported interpreter left
        cache.store(regex_cache.NAME, regex_cache._key(), {(token, 0): regex_cache.program(token, 0)})
    before = {p: p.read_bytes() for p in cache_dir.glob("*")}
    monkeypatch.setattr(regex_cache, "SUPPORTED", False)
    assert regex_cache.warm() == 0 and (str, token, 0) not in re._cache
    re.compile(token + "新")
    assert regex_cache.remember() == 0
    assert {p: p.read_bytes() for p in cache_dir.glob("*")} == before


def test_without_res_cache_dict_it_is_a_no_op(cache_dir, monkeypatch):
    with monkeypatch.context() as m:  # as short as possible: `re` cannot compile meanwhile
        m.setattr(re, "_cache", None)
        got = regex_cache.warm(), regex_cache.remember()
    assert got == (0, 0) and not list(cache_dir.glob("*"))

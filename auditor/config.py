"""Run configuration: `[tool.audit]` in pyproject.toml, or audit.toml, or --config.

Validated strictly: an unknown key or a bad value is a usage error (exit 2)
naming the file, the key and the reason.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Literal, TypeGuard, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

#: The lowest severity that fails a run (exit 1); ``never`` reports without failing.
FailOn = Literal["error", "warning", "info", "never"]


def is_fail_on(value: str) -> TypeGuard[FailOn]:
    """Whether a string (a command line's ``--fail-on``) is one of the `FailOn` values."""
    return value in get_args(FailOn)


class ConfigError(ValueError):
    pass


class Similarity(BaseModel):
    """`[tool.audit.similarity]`: the near-duplicate detector's thresholds.

    ``lsh-threshold`` shapes the LSH bands a corpus index stores (changing it
    makes an index stale: `audit index rebuild`); ``min-jaccard`` and
    ``min-containment`` decide which verified pairs are reported at all (the
    DUP001 rule then grades them).
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    lsh_threshold: float = Field(0.3, alias="lsh-threshold", gt=0.0, lt=1.0)
    min_jaccard: float = Field(0.2, alias="min-jaccard", ge=0.0, le=1.0)
    min_containment: float = Field(0.35, alias="min-containment", ge=0.0, le=1.0)


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")
    select: list[str] = []
    ignore: list[str] = []
    fail_on: FailOn = Field("error", alias="fail-on")
    severity: dict[str, Literal["error", "warning", "info"]] = {}  # rule id -> severity
    per_path_ignores: dict[str, list[str]] = Field({}, alias="per-path-ignores")  # glob -> rules/categories
    deadlines: dict[Literal["era_a", "department", "government", "other"], str] = {}  # -> "MM-DD" of the next year
    formats: list[str] = ["html", "json"]
    rules_dir: str | None = Field(None, alias="rules-dir")
    similarity: Similarity = Field(default_factory=Similarity)
    max_file_seconds: float = Field(30.0, alias="max-file-seconds", ge=0.0)  # 0: no per-file time budget
    include: list[str] = []  # globs over document ids (relative paths): read only these
    exclude: list[str] = []  # ... and never these

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @field_validator("deadlines")
    @classmethod
    def _month_day(cls, value: dict[str, str]) -> dict[str, str]:
        """A deadline is a real day of the year after the report year, written MM-DD."""
        for key, md in value.items():
            try:
                month, day = (int(x) for x in md.split("-"))
                date(2021, month, day)  # not a leap year: 02-29 would hold only some years
            except ValueError:
                raise ValueError(f"{key} = {md!r} is not a month and day written MM-DD (e.g. \"03-31\")") from None
        return value

    def dedup_params(self):
        """The dedup parameters with this configuration's thresholds."""
        from auditor.dedup import DedupParams

        s = self.similarity
        return DedupParams(lsh_threshold=s.lsh_threshold, min_jaccard=s.min_jaccard, min_containment=s.min_containment)


def _errors(source: str, exc: ValidationError) -> str:
    out = []
    for e in exc.errors():
        key = ".".join(str(x) for x in e["loc"])
        reason = "unknown key" if e["type"] == "extra_forbidden" else e["msg"]
        out.append(f"{source}: key '{key}': {reason}")
    return "\n".join(out)


def load_config(path: Path | None = None, cwd: Path | None = None) -> tuple[Config, str | None]:
    """The config and the file it came from (None: defaults)."""
    cwd = cwd or Path.cwd()
    data: dict | None = None
    source: str | None = None
    try:
        if path is not None:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
            data = raw.get("tool", {}).get("audit", raw) if path.name == "pyproject.toml" else raw
            source = str(path)
        elif (cwd / "audit.toml").is_file():
            data = tomllib.loads((cwd / "audit.toml").read_text(encoding="utf-8"))
            source = str(cwd / "audit.toml")
        elif (cwd / "pyproject.toml").is_file():
            raw = tomllib.loads((cwd / "pyproject.toml").read_text(encoding="utf-8"))
            if "audit" in raw.get("tool", {}):
                data = raw["tool"]["audit"]
                source = str(cwd / "pyproject.toml") + " [tool.audit]"
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path or source}: not UTF-8 text (byte {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path or source}: not valid TOML: {exc}") from exc
    try:
        return Config.model_validate(data or {}), source
    except ValidationError as exc:
        raise ConfigError(_errors(source or "config", exc)) from exc

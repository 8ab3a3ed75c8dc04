"""findings.csv: one row per finding, for spreadsheets (`RunResult.frame`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from auditor.core import RunResult


class CsvWriter:
    name = "csv"
    filename = "findings.csv"
    # Excel opens a CSV as the system code page unless it starts with a BOM: Chinese would be garbled.
    encoding = "utf-8-sig"

    def write(self, result: RunResult, fh: TextIO) -> None:
        fh.write(result.frame().to_csv(index=False))


CSV = CsvWriter()

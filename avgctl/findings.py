"""Findings: what the checker reports, with the place in the file it is about.

A finding names its place as a *path* into the file's data (``("gegevens", 1, "bewaartermijn")``)
or as an explicit line/column. Paths are turned into line and column only when the finding is
reported, so a clean repository never pays for position bookkeeping.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

Path = tuple[str | int, ...]


class Severity(enum.IntEnum):
    INFO = 1
    WAARSCHUWING = 2
    FOUT = 3

    @property
    def label(self) -> str:
        return {1: "info", 2: "waarschuwing", 3: "fout"}[int(self)]


@dataclass(frozen=True, order=True)
class Location:
    file: str  # path relative to the repository root, with forward slashes
    line: int = 1  # 1-based
    column: int = 1  # 1-based

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    location: Location
    hint: str = ""
    title: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.code)


@dataclass
class PendingFinding:
    """A finding whose place is still a path into a file; resolved by the store."""

    code: str
    message: str
    file: str
    path: Path = ()
    hint: str = ""
    severity: Severity | None = None  # None: the rule's own severity
    key: bool = False  # point at the key of ``path`` instead of its value
    line: int | None = None  # an explicit place, for findings in raw text
    column: int | None = None

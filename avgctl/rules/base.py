"""What every rule is: a code, a severity, a title, its documentation and a ``check()``.

The docstring of a rule is its documentation (``avgctl rules CODE``): a first paragraph that says
what it finds, then the paragraphs ``Waarom:`` and ``Oplossing:``. The examples are real files
(or fragments) so the test suite can run them: ``fout`` must trigger the rule, ``goed`` must not.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from avgctl.findings import Path, PendingFinding, Severity
from avgctl.store.register import Bron, Context, Register

# Where an example file goes in a repository, by kind.
VOORBEELD_BESTANDEN: dict[str, str] = {
    "verwerking": "registers/verwerkingen/10.1.1-voorbeeld.yaml",
    "partijen": "registers/partijen.yaml",
    "bewaartermijnen": "registers/bewaartermijnen.yaml",
    "organisatie": "avgctl.yaml",
    "datalek": "registers/datalekken/DL-2026-001.yaml",
    "verzoeken": "registers/verzoeken.csv",
}


@dataclass(frozen=True)
class Voorbeeld:
    soort: str  # a key of VOORBEELD_BESTANDEN
    fout: str  # a file that triggers the rule
    goed: str  # the same file, corrected
    bestand: str = ""  # the file name when it matters (default: by soort)
    goed_bestand: str = ""  # where the corrected example goes, when not where ``fout`` is
    # Other files the example needs, as (path, content), shown with the example.
    bijlagen: tuple[tuple[str, str], ...] = ()

    @property
    def pad(self) -> str:
        return self.bestand or VOORBEELD_BESTANDEN[self.soort]

    @property
    def goed_pad(self) -> str:
        return self.goed_bestand or self.pad


@dataclass(frozen=True)
class Uitleg:
    wat: str
    waarom: str
    oplossing: str


class Rule:
    code: ClassVar[str]
    severity: ClassVar[Severity]
    title: ClassVar[str]
    artikel: ClassVar[str]  # the article of the AVG/UAVG it rests on
    voorbeeld: ClassVar[Voorbeeld]
    # Whether a workflow command runs this rule on the record it changes before it writes
    # (rules.run.fouten_in_record). Only rules that find a record *wrong* and look at that
    # record alone: not a task still to be done (a deadline passed, a notification or letter
    # still to send), since a request received weeks ago or a breach found last week must
    # still be registered, and the reminder follows from `check`.
    bij_schrijven: ClassVar[bool] = False

    def __init__(self, register: Register, context: Context) -> None:
        self.register = register
        self.context = context

    def check(self) -> Iterator[PendingFinding]:
        return iter(())

    def finding(self, bron: Bron[Any] | str, path: Path, message: str, hint: str = "",
                key: bool = False) -> PendingFinding:
        if isinstance(bron, str):
            return PendingFinding(self.code, message, bron, path, hint, key=key)
        return PendingFinding(self.code, message, bron.file, bron.path + path, hint, key=key)

    @classmethod
    def uitleg(cls) -> Uitleg:
        text = inspect.cleandoc(cls.__doc__ or "")
        parts = {"wat": [], "waarom": [], "oplossing": []}  # type: dict[str, list[str]]
        current = "wat"
        for paragraph in text.split("\n\n"):
            flat = " ".join(line.strip() for line in paragraph.splitlines())
            for head in ("Waarom:", "Oplossing:"):
                if flat.startswith(head):
                    current = head[:-1].lower()
                    flat = flat[len(head):].strip()
                    flat = flat[:1].upper() + flat[1:]
            parts[current].append(flat)
        return Uitleg(*("\n\n".join(parts[k]) for k in ("wat", "waarom", "oplossing")))


class LoadRule(Rule):
    """A rule whose findings the store produces while reading; documented like any other."""

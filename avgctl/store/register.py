"""The loaded repository: every record with the document and path it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from avgctl.findings import Finding, Location, PendingFinding, Severity
from avgctl.findings import Path as DataPath
from avgctl.models.verzoek import Verzoek
from avgctl.store.csvfile import CsvDocument
from avgctl.store.plaats import BEWAARTERMIJNEN_FILE as BEWAARTERMIJNEN_FILE
from avgctl.store.plaats import CONFIG_FILE as CONFIG_FILE
from avgctl.store.yamlfile import YamlDocument

if TYPE_CHECKING:  # the annotations only: each model is built when a loader needs it
    from avgctl.models import Bewaartermijn, Config, Datalek, Partij, Verwerking
    from avgctl.models.herstel import Herstel

Document = YamlDocument | CsvDocument

M = TypeVar("M", bound=BaseModel)

VERWERKINGEN_DIR = "registers/verwerkingen"
PARTIJEN_FILE = "registers/partijen.yaml"
DATALEKKEN_DIR = "registers/datalekken"
VERZOEKEN_FILE = "registers/verzoeken.csv"
VERZOEKEN_DIR = "registers/verzoeken"
HERSTEL_FILE = "registers/herstel.yaml"  # the restored backups (avgctl verzoek herstel)


@dataclass(slots=True)
class Bron(Generic[M]):
    """A validated record and where it stands: its document and the path inside it.

    With slots: a register holds one per request, 100,000 of them (DESIGN.md §5)."""

    model: M
    doc: Document
    path: DataPath = ()

    @property
    def file(self) -> str:
        return self.doc.rel


@dataclass
class Verzoektabel:
    """The valid rows of the request register as columns, for a list of every request.

    ``kolommen[veld][i]`` is the validated value of ``veld`` in the i-th valid row, exactly
    what its model would hold. A list of 100,000 requests shows five fields of each, and needs
    no model per row (DESIGN.md §5).
    """

    doc: CsvDocument
    kolommen: dict[str, list[Any]]


@dataclass(frozen=True)
class Overgeslagen:
    """A file or a record that could not be read: every list, count and deadline that follows
    leaves it out, so a command must say so instead of looking complete."""

    file: str
    line: int
    column: int
    reden: str  # the (first) problem, in Dutch
    records: int | None  # records left out; None: the whole file (how many is unknown)
    soort: str = "record"  # what a record in this file is: verzoek, datalek, verwerking, ...
    id: str | None = None  # its reference or id, when that could be read

    @property
    def heel_bestand(self) -> bool:
        return self.records is None


@dataclass
class Register:
    root: Path
    config: Bron[Config] | None = None
    verwerkingen: list[Bron[Verwerking]] = field(default_factory=list)
    partijen: list[Bron[Partij]] = field(default_factory=list)
    bewaartermijnen: dict[str, Bron[Bewaartermijn]] = field(default_factory=dict)
    datalekken: list[Bron[Datalek]] = field(default_factory=list)
    verzoeken: list[Bron[Verzoek]] = field(default_factory=list)
    # Read for a list (``load_register(verzoekvelden=...)``): the valid rows of the request
    # register as columns instead of in ``verzoeken``, which then holds only the requests of
    # the folder registers/verzoeken.
    verzoektabel: Verzoektabel | None = None
    # The restored backups (registers/herstel.yaml), read with the requests they concern.
    herstellingen: list[Bron[Herstel]] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # every file read, readable or not
    load_findings: list[Finding] = field(default_factory=list)
    partijen_present: bool = False
    bewaartermijnen_present: bool = False
    # Files that could not be read, and ids of records that did not validate, per file. A
    # reference into them is not reported as unknown: the real problem is already reported.
    # ``rel`` is a file, or a folder of one file per record (registers/verwerkingen).
    onleesbaar: set[str] = field(default_factory=set)
    ongeldige_ids: dict[str, set[str]] = field(default_factory=dict)
    # What was left out while reading, in the order it was met (reported by every overview).
    overgeslagen: list[Overgeslagen] = field(default_factory=list)
    # Temporary files a killed write left beside a register file: (temporary file, file).
    achtergebleven: list[tuple[str, str]] = field(default_factory=list)

    def unverifiable(self, rel: str, ref: str) -> bool:
        """Whether a reference into ``rel`` cannot be checked because of an earlier finding.

        For a folder: a file in it could not be read at all (its id is unknown), or a record
        with this id did not validate (it exists, so a reference to it is no typo).
        """
        if ref in self.ongeldige_ids.get(rel, ()):
            return True
        return rel in self.onleesbaar or any(f.startswith(rel + "/") for f in self.onleesbaar)

    def partij(self, partij_id: str) -> Bron[Partij] | None:
        return self._partijen_by_id().get(partij_id)

    def _partijen_by_id(self) -> dict[str, Bron[Partij]]:
        cache = self.__dict__.get("_partij_index")
        if cache is None:
            cache = {}
            for bron in self.partijen:
                cache.setdefault(bron.model.id, bron)
            self.__dict__["_partij_index"] = cache
        return cache

    def resolve(self, pending: PendingFinding, severity: Severity, title: str) -> Finding:
        """Give a pending finding its line and column, from the document's node tree."""
        doc = self.documents.get(pending.file)
        if pending.line is not None:
            line, column = pending.line, pending.column or 1
        elif doc is not None:
            line, column = doc.locate(pending.path, pending.key)
        else:
            line, column = 1, 1
        return Finding(
            code=pending.code,
            severity=pending.severity or severity,
            message=pending.message,
            location=Location(pending.file, line, column),
            hint=pending.hint,
            title=title,
        )


@dataclass(frozen=True)
class Context:
    """What a check needs besides the register: the day, and the moment, it runs for."""

    vandaag: dt.date
    nu: dt.datetime | None = None  # with its offset; None: the start of ``vandaag``
    tijdzone: str = "Europe/Amsterdam"

    @property
    def moment(self) -> dt.datetime:
        if self.nu is not None:
            return self.nu
        from zoneinfo import ZoneInfo

        return dt.datetime.combine(self.vandaag, dt.time(0), ZoneInfo(self.tijdzone))

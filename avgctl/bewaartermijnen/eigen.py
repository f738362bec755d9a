"""The register's own records past their period: requests and breaches (DOMAIN.md §5, §9).

A request or breach record names data subjects (a case number, free texts), and the register
lives in git. Under the rule named in ``beleid.bewaren`` (default ``verzoeken`` and
``datalekken``) a record is due once its period has ended; it is then anonymised: what can
identify a person goes, what the trend analysis needs stays (reference 002: "keep an
anonymised record for the trend analysis").

Pure: records in, verdicts and anonymised records out. No files, no clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from avgctl.bewaartermijnen.evaluatie import (
    KALENDERJAAR,
    Boekjaar,
    Rekenregel,
    Uitkomst,
    beoordeel,
    datum_nl,
    rekenregel,
)
from avgctl.models.bewaartermijn import Bewaartermijn

Soort = Literal["verzoek", "datalek"]

# The events the period of an own record can run from, and what they are called in the record.
GEBEURTENISSEN: dict[Soort, dict[str, str]] = {
    "verzoek": {"ontvangst": "ontvangen", "afhandeling": "afgehandeld_op"},
    "datalek": {"ontdekking": "ontdekt_op", "afsluiting": "afgesloten_op"},
}
STANDAARD_REGEL: dict[Soort, str] = {"verzoek": "verzoeken", "datalek": "datalekken"}

GEANONIMISEERD = "geanonimiseerd"  # what replaces betrokkene_ref, a required field

# What anonymising removes (DOMAIN.md §9): everything that can identify a person. What stays is
# what the trend analysis needs: type, channel, dates, outcome, refusal ground, activity ids,
# kind, counts, categories, severity, risk and the notifications.
VERZOEK_LEEG = ("opmerking", "verzonden_via", "verlenging_reden", "pauze_reden",
                "afwijzing_toelichting")
VERZOEK_VERVANG = {"betrokkene_ref": GEANONIMISEERD}
DATALEK_LEEG = ("gemeld_door", "beschrijving", "oorzaak", "gevolgen", "besluit_motivatie",
                "reden_vertraging", "evaluatie", "hoe_ontdekt", "beveiliging_toelichting",
                "maatregelen", "advies_betrokkenen",
                # who else was told can point to a person (an employer, a landlord)
                "ook_geinformeerd")
# Free texts inside a nested block: (block, field).
DATALEK_LEEG_GENEST = (("betrokkenen_geinformeerd", "wijze"),
                       ("betrokkenen_geinformeerd", "toelichting"),
                       ("beoordeling", "besloten_door"))


@dataclass(slots=True)  # not frozen: built once per record, 100,000 times
class EigenRecord:
    """What the retention of one own record depends on, as plain values."""

    soort: Soort
    referentie: str
    open: bool  # a request or breach still being handled is never due
    gebeurtenissen: dict[str, dt.date | None]  # event name -> its date, e.g. {"ontvangst": ..}
    blokkade: str | None = None
    geanonimiseerd_op: dt.date | None = None


EigenStatus = Literal["vervallen", "bewaren", "blokkade", "open", "geanonimiseerd",
                      "onbeperkt", "niet_te_berekenen", "niet_begonnen"]


@dataclass(slots=True)  # not frozen: built once per record, 100,000 times
class EigenStand:
    """The verdict on one own record on one day."""

    record: EigenRecord
    status: EigenStatus
    einde: dt.date | None
    gebeurtenis: str  # the event the period runs from ("ontvangst")
    gebeurtenis_op: dt.date | None
    reden: str

    @property
    def te_anonimiseren(self) -> bool:
        return self.status == "vervallen"


@dataclass(frozen=True)
class EigenRegel:
    """The rule the own records of one kind fall under, or why there is none to use."""

    soort: Soort
    id: str
    regel: Bewaartermijn | None
    probleem: str = ""  # Dutch: why the rule cannot be used for these records
    reken: Rekenregel = field(default_factory=lambda: Rekenregel("niet_te_berekenen"))

    @property
    def bruikbaar(self) -> bool:
        return not self.probleem


def eigen_regel(soort: Soort, regel_id: str, regel: Bewaartermijn | None) -> EigenRegel:
    """Check that ``regel`` can govern own records of ``soort``: it exists, runs from one of
    the events those records have, and can be computed (or is onbeperkt)."""
    meervoud = "verzoeken" if soort == "verzoek" else "datalekken"
    if regel is None:
        return EigenRegel(soort, regel_id, None, f"er is geen bewaartermijn '{regel_id}' voor "
                          f"de {meervoud} in registers/bewaartermijnen.yaml")
    reken = rekenregel(regel)
    if reken.soort == "niet_te_berekenen":
        return EigenRegel(soort, regel_id, regel, f"bewaartermijn '{regel_id}' voor de "
                          f"{meervoud} is niet te berekenen: {reken.reden}", reken)
    toegestaan = GEBEURTENISSEN[soort]
    if reken.soort == "termijn" and regel.na not in toegestaan:
        return EigenRegel(soort, regel_id, regel, f"bewaartermijn '{regel_id}' loopt na "
                          f"'{regel.na}'; voor {meervoud} kan dat alleen "
                          + " of ".join(f"'{n}'" for n in toegestaan) + " zijn", reken)
    return EigenRegel(soort, regel_id, regel, "", reken)


def beoordeel_eigen(record: EigenRecord, regel: EigenRegel, vandaag: dt.date,
                    boekjaar_einde: Boekjaar = KALENDERJAAR) -> EigenStand:
    """Whether an own record must be anonymised on ``vandaag``."""
    gebeurtenis = (regel.regel.na if regel.regel is not None and regel.regel.na else "") or ""
    op = record.gebeurtenissen.get(gebeurtenis)
    if record.geanonimiseerd_op is not None:
        return EigenStand(record, "geanonimiseerd", None, gebeurtenis, op,
                          f"geanonimiseerd op {datum_nl(record.geanonimiseerd_op)}")
    if not regel.bruikbaar:
        return EigenStand(record, "niet_te_berekenen", None, gebeurtenis, op,
                          f"niet te berekenen: {regel.probleem}")
    if record.open:
        wat = "het verzoek" if record.soort == "verzoek" else "het datalek"
        return EigenStand(record, "open", None, gebeurtenis, op,
                          f"{wat} is nog in behandeling; de termijn loopt pas daarna")
    uitkomst: Uitkomst = beoordeel(regel.reken, op, vandaag, blokkade=record.blokkade,
                                   boekjaar_einde=boekjaar_einde)
    reden = uitkomst.reden
    if uitkomst.status == "niet_begonnen":
        reden = f"de datum van {gebeurtenis.replace('_', ' ')} ontbreekt"
    return EigenStand(record, uitkomst.status, uitkomst.einde, gebeurtenis, op, reden)


# --- anonymising --------------------------------------------------------------------------

@dataclass(frozen=True)
class Wijziging:
    """One field that anonymising empties or replaces."""

    veld: str  # "opmerking", or "betrokkenen_geinformeerd.wijze"
    actie: Literal["leeggemaakt", "vervangen"]
    oud: Any  # the value removed (for the git-history step; never printed)
    nieuw: str | None = None


def anonimiseer_verzoek(data: dict[str, Any], op: dt.date) -> tuple[dict[str, Any],
                                                                     list[Wijziging]]:
    """A request's fields (as a dict) without what identifies the data subject.

    Returns the new fields and the changes. ``geanonimiseerd_op`` is set to ``op``.
    """
    nieuw = dict(data)
    wijzigingen = []
    for veld, vervanging in VERZOEK_VERVANG.items():
        if nieuw.get(veld) not in (None, "", vervanging):
            wijzigingen.append(Wijziging(veld, "vervangen", nieuw[veld], vervanging))
        nieuw[veld] = vervanging
    for veld in VERZOEK_LEEG:
        if nieuw.get(veld) not in (None, "", []):
            wijzigingen.append(Wijziging(veld, "leeggemaakt", nieuw[veld]))
        nieuw.pop(veld, None)
    nieuw["geanonimiseerd_op"] = op
    return nieuw, wijzigingen


def anonimiseer_datalek(data: dict[str, Any], op: dt.date) -> tuple[dict[str, Any],
                                                                     list[Wijziging]]:
    """A breach's fields (as a dict, as in its file) without what identifies a person."""
    nieuw = dict(data)
    wijzigingen = []
    for veld in DATALEK_LEEG:
        if nieuw.get(veld) not in (None, "", [], {}):
            wijzigingen.append(Wijziging(veld, "leeggemaakt", nieuw[veld]))
        nieuw.pop(veld, None)
    for blok, veld in DATALEK_LEEG_GENEST:
        inner = nieuw.get(blok)
        if isinstance(inner, dict) and veld in inner:
            inner = dict(inner)
            if inner[veld] not in (None, ""):
                wijzigingen.append(Wijziging(f"{blok}.{veld}", "leeggemaakt", inner[veld]))
            inner.pop(veld)
            if inner:
                nieuw[blok] = inner
            else:
                nieuw.pop(blok)
    nieuw["geanonimiseerd_op"] = op
    return nieuw, wijzigingen


def verwijderde_teksten(wijzigingen: list[Wijziging]) -> list[str]:
    """Every text a list of changes removed, flattened (lists and nested blocks included)."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None and str(value).strip():
            out.append(str(value))

    for w in wijzigingen:
        walk(w.oud)
    return out


# --- the plan of anonimiseer, as plain data ------------------------------------------------

@dataclass
class Stap:
    """One record to anonymise, and what goes."""

    soort: Soort
    referentie: str
    bestand: str
    regel: int
    einde: dt.date | None
    wijzigingen: list[Wijziging]


@dataclass
class Plan:
    stappen: list[Stap] = field(default_factory=list)
    problemen: list[str] = field(default_factory=list)  # rules that cannot be used, in Dutch


@dataclass(frozen=True)
class GitAdvies:
    """What the old texts in git history need, for the message after ``--apply``."""

    repo: Path
    git: bool  # is the repository a git repository at all
    remote: str | None  # the address of 'origin', to push the cleaned history to
    weggelaten: int  # removed texts left out of the list: they still occur in the register

"""The register's own records and their retention (``bewaartermijnen check``, status, deadlines).

Reads the loaded register; the verdicts come from :mod:`avgctl.bewaartermijnen.eigen`. The rows
of ``verzoeken.csv`` are read from their cells rather than from validated models: the status
screen and the deadline list load only the open requests (100,000 rows validate in about a
second, DESIGN.md §5), and three dates and two texts per row are all retention needs. A row
whose date cannot be read is left out here; ``avgctl check`` reports it (AVG002).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

from avgctl.bewaartermijnen.eigen import (
    STANDAARD_REGEL,
    EigenRecord,
    EigenRegel,
    EigenStand,
    Soort,
    beoordeel_eigen,
    eigen_regel,
)
from avgctl.bewaartermijnen.evaluatie import KALENDERJAAR, Boekjaar, laatste_vervallen
from avgctl.findings import Path as DataPath
from avgctl.models.datalek import Datalek
from avgctl.models.organisatie import boekjaar_einde_van
from avgctl.models.verzoek import BEWAREN, Verzoek
from avgctl.overzicht.deadlines import Termijn
from avgctl.store.csvfile import CsvDocument
from avgctl.store.register import VERZOEKEN_FILE, Document, Register

OPEN_VERZOEK = ("open", "in_behandeling", "")


@dataclass(slots=True)  # not frozen: built once per record, 100,000 times
class Plek:
    """Where an own record stands: its document and the path inside it."""

    doc: Document
    path: DataPath

    @property
    def file(self) -> str:
        return self.doc.rel

    @property
    def regel(self) -> int:
        return self.doc.locate(self.path)[0]


@dataclass(slots=True)  # not frozen: built once per record, 100,000 times
class Eigen:
    stand: EigenStand
    plek: Plek


def regels(register: Register) -> dict[Soort, EigenRegel]:
    """The rule for the own requests and for the own breaches (``beleid.bewaren``)."""
    bewaren = register.config.model.beleid.bewaren if register.config is not None else None
    ids: dict[Soort, str] = {
        "verzoek": bewaren.verzoeken if bewaren else STANDAARD_REGEL["verzoek"],
        "datalek": bewaren.datalekken if bewaren else STANDAARD_REGEL["datalek"],
    }
    result: dict[Soort, EigenRegel] = {}
    for soort, regel_id in ids.items():
        bron = register.bewaartermijnen.get(regel_id)
        result[soort] = eigen_regel(soort, regel_id, bron.model if bron is not None else None)
    return result


def boekjaar(register: Register) -> Boekjaar:
    if register.config is None:
        return KALENDERJAAR
    return boekjaar_einde_van(register.config.model.beleid.boekjaar_einde)


def uit_verzoek(v: Verzoek) -> EigenRecord:
    return EigenRecord("verzoek", v.referentie, v.status in OPEN_VERZOEK,
                       {"ontvangst": v.ontvangen, "afhandeling": v.afgehandeld_op},
                       v.blokkade, v.geanonimiseerd_op)


def uit_datalek(d: Datalek, zone: ZoneInfo) -> EigenRecord:
    # The breach was found on the day it was in the organisation's own time zone.
    ontdekt = d.ontdekt_op.astimezone(zone).date()
    return EigenRecord("datalek", d.referentie, d.afgesloten_op is None and not d.geen_datalek,
                       {"ontdekking": ontdekt, "afsluiting": d.afgesloten_op},
                       d.blokkade, d.geanonimiseerd_op)


def records(register: Register, tot: dt.date | None = None) -> list[tuple[EigenRecord, Plek]]:
    """Every own record with its place: the request rows, request files and breaches.

    ``tot``: of the request rows only those that can be due on ``tot`` (a quick pre-filter
    for the status screen, the deadline list and AVG116; the others are left out).
    """
    out: list[tuple[EigenRecord, Plek]] = []
    csv_doc = register.documents.get(VERZOEKEN_FILE)
    if isinstance(csv_doc, CsvDocument):
        grens: dict[str, str] | None = None
        if tot is not None:
            regel = regels(register)["verzoek"]
            laatste = laatste_vervallen(regel.reken, tot, boekjaar(register)) \
                if regel.bruikbaar else None
            na = regel.regel.na if regel.regel is not None and regel.regel.na else "ontvangst"
            # nothing can be due: an empty limit keeps no row
            grens = {na: laatste.isoformat() if laatste is not None else ""}
        out += _csv_records(csv_doc, grens)
    out += [(uit_verzoek(b.model), Plek(b.doc, b.path)) for b in register.verzoeken
            if b.doc.rel != VERZOEKEN_FILE]
    zone = ZoneInfo(register.config.model.beleid.tijdzone if register.config is not None
                    else "Europe/Amsterdam")
    out += [(uit_datalek(b.model, zone), Plek(b.doc, b.path)) for b in register.datalekken]
    return out


@lru_cache(maxsize=65536)
def _datum(text: str) -> dt.date:
    return dt.date.fromisoformat(text)  # a register has a few thousand distinct days


def _csv_records(doc: CsvDocument, grens: dict[str, str] | None = None
                 ) -> list[tuple[EigenRecord, Plek]]:
    """The request rows as records. ``grens`` (event -> ISO date): keep only closed rows whose
    event is on or before that date, the only ones that can be due (see
    :func:`avgctl.bewaartermijnen.evaluatie.laatste_vervallen`); ISO dates compare as text."""
    aantal = len(doc.lines)
    # A missing column reads as empty cells. The loader kept these columns (DESIGN.md §5).
    refs, statussen, ontvangen, afgehandeld_op, blokkades, anoniem_op = (
        kolom if kolom is not None else [""] * aantal for kolom in doc.kolommen(BEWAREN))
    filter_kolom: list[str] | None = None
    filter_tot = ""
    if grens is not None:
        event, filter_tot = next(iter(grens.items()), ("ontvangst", ""))
        filter_kolom = ontvangen if event == "ontvangst" else afgehandeld_op
    out = []
    for number in range(aantal):
        if filter_kolom is not None:
            cel = filter_kolom[number].strip()
            if (not cel or cel > filter_tot or anoniem_op[number].strip()
                    or statussen[number].strip() in OPEN_VERZOEK):
                continue
        try:
            afgehandeld = afgehandeld_op[number].strip()
            anoniem = anoniem_op[number].strip()
            record = EigenRecord(
                "verzoek", refs[number].strip(), statussen[number].strip() in OPEN_VERZOEK,
                {"ontvangst": _datum(ontvangen[number].strip()),
                 "afhandeling": _datum(afgehandeld) if afgehandeld else None},
                blokkades[number].strip() or None, _datum(anoniem) if anoniem else None)
        except ValueError:
            continue  # an unreadable date: a finding of avgctl check (AVG002)
        out.append((record, Plek(doc, (number,))))
    return out


def standen(register: Register, vandaag: dt.date, tot: dt.date | None = None) -> list[Eigen]:
    """The verdict on every own record on ``vandaag``, in register order.

    ``tot``: leave out request rows that cannot be due by then (see :func:`records`).
    """
    per_soort = regels(register)
    jaar = boekjaar(register)
    return [Eigen(beoordeel_eigen(record, per_soort[record.soort], vandaag, jaar), plek)
            for record, plek in records(register, tot)]


def te_anonimiseren(register: Register, vandaag: dt.date) -> int:
    """How many own records are past their period and not yet anonymised (status screen)."""
    return sum(e.stand.te_anonimiseren for e in standen(register, vandaag, vandaag))


def termijnen(register: Register, vandaag: dt.date, dagen: int) -> list[Termijn]:
    """Own records whose retention ends within ``dagen`` days, or ended already and are not
    yet anonimised, as items of the deadline list (``avgctl deadlines``, the calendar)."""
    per_soort = regels(register)
    items = []
    for eigen in standen(register, vandaag, vandaag + dt.timedelta(days=dagen + 1)):
        stand = eigen.stand
        if stand.status not in ("bewaren", "vervallen") or stand.einde is None:
            continue
        over = (stand.einde - vandaag).days
        if over > dagen:
            continue
        regel = per_soort[stand.record.soort]
        daarna = regel.regel.daarna if regel.regel is not None else "vernietigen"
        items.append(Termijn(
            soort="bewaartermijn", referentie=stand.record.referentie,
            omschrijving=f"bewaartermijn {regel.id} ({stand.record.soort}), daarna "
            f"{daarna}",
            wettelijk=stand.einde, intern=None, dagen_wettelijk=over, dagen_intern=None,
            bestand=eigen.plek.file, regel=eigen.plek.regel,
        ))
    return items

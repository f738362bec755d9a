"""Breaches for people and for the checks: clocks, the notify suggestion, severity criteria.

Pure functions over the loaded register. avgctl suggests; a person decides, and the decision
with its reasoning is recorded (DOMAIN.md §4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from avgctl.models.datalek import Beoordeling, Datalek
from avgctl.store.register import Bron, Register
from avgctl.termijnen.datalek import Datalektermijnen, bereken
from avgctl.verzoeken.views import beleid

# Data that make a breach sensitive (reference 004: quantity and sensitivity; DOMAIN.md §7).
GEVOELIG = ("bsn", "burgerservicenummer", "identiteitsbewijs", "kopie_id", "paspoort",
            "financiele_gegevens", "financieel", "bankrekening", "iban", "wachtwoord",
            "inloggegevens", "gezondheid", "medisch", "locatie", "strafrechtelijk")
VEEL_BETROKKENEN = 100  # from this many people a breach counts as large in practice


def termijnen(register: Register, datalek: Datalek) -> Datalektermijnen:
    b = beleid(register).datalekken
    return bereken(datalek, b.melden_ap_uur, verwerker_uur(register, datalek))


def verwerker_uur(register: Register, datalek: Datalek) -> int:
    """The hours the processor has to tell us: its agreement's (art. 28(3)(f)), else policy."""
    uur = beleid(register).datalekken.verwerker_meldt_binnen_uur
    if datalek.verwerker is None:
        return uur
    bron = register.partij(datalek.verwerker.partij)
    o = bron.model.overeenkomst if bron is not None else None
    afgesproken = o.bepalingen.datalek_melden_uur if o is not None and o.bepalingen else None
    return afgesproken if afgesproken is not None else uur


def is_open(datalek: Datalek) -> bool:
    return datalek.afgesloten_op is None and not datalek.geen_datalek


def find(register: Register, referentie: str) -> Bron[Datalek] | None:
    return next((b for b in register.datalekken if b.model.referentie == referentie), None)


def gevoelig(datalek: Datalek) -> list[str]:
    """The sensitive kinds of data in a breach."""
    found = [g for g in datalek.gegevens if any(w in g.lower() for w in GEVOELIG)]
    found += [b.replace("_", " ") for b in datalek.bijzondere_gegevens]
    if datalek.strafrechtelijke_gegevens:
        found.append("strafrechtelijke gegevens")
    return found


def veel(datalek: Datalek) -> bool:
    aantal = datalek.betrokkenen.aantal if datalek.betrokkenen else None
    return aantal is not None and aantal >= VEEL_BETROKKENEN


@dataclass(frozen=True)
class Ernstcriteria:
    """Why a breach is "matig tot ernstig" (reference 002): any one of these is enough."""

    redenen: tuple[str, ...]

    @property
    def ernstig(self) -> bool:
        return bool(self.redenen)


def ernstcriteria(datalek: Datalek) -> Ernstcriteria:
    redenen = []
    if veel(datalek):
        redenen.append(f"veel betrokkenen ({datalek.betrokkenen.aantal})"  # type: ignore[union-attr]
                       )
    if datalek.minderjarigen:
        redenen.append("minderjarigen betrokken")
    if datalek.bijzondere_gegevens or datalek.strafrechtelijke_gegevens:
        redenen.append("bijzondere of strafrechtelijke gegevens")
    if datalek.ingedamd is False:
        redenen.append("het lek is nog niet gedicht")
    return Ernstcriteria(tuple(redenen))


def voorstel(antwoorden: Beoordeling) -> str:
    """The suggestion from the assessment's answers: geen, risico or hoog_risico.

    Unreadable (encrypted) data or no personal data: no risk. Otherwise a breach is a risk;
    sensitive data, many people or long exposure make it likely a high risk (art. 34), in
    line with the intake questions of reference 004 and the severity criteria of reference 002.
    """
    if antwoorden.persoonsgegevens is False or antwoorden.onleesbaar:
        return "geen"
    zwaar = sum(bool(x) for x in (antwoorden.veel_betrokkenen, antwoorden.gevoelige_gegevens,
                                   antwoorden.langdurig))
    return "hoog_risico" if zwaar >= 2 else "risico"


@dataclass(frozen=True)
class Klok:
    bron: Bron[Datalek]
    termijnen: Datalektermijnen
    uren_over: float

    @property
    def te_laat(self) -> bool:
        """Past 72 hours without a notification, while one was (or may be) needed."""
        d = self.bron.model
        return (not self.termijnen.gemeld and self.uren_over < 0 and d.risico != "geen"
                and not d.geen_datalek)


def klok(register: Register, bron: Bron[Datalek], nu: dt.datetime) -> Klok:
    t = termijnen(register, bron.model)
    return Klok(bron, t, t.uren_over(nu))


def meldplichtig(datalek: Datalek) -> bool:
    return datalek.risico in ("risico", "hoog_risico")

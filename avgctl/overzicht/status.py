"""The main screen (``avgctl status``): what a privacy officer wants to know first.

Pure: takes the register, the findings of the checks and the day, returns plain data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from avgctl.datalekken.views import is_open
from avgctl.findings import Finding, Severity
from avgctl.overzicht import bewaren, deadlines
from avgctl.overzicht.deadlines import Termijn
from avgctl.store.register import Register

AFLOOP_DAGEN = 90  # agreements ending within this many days are shown


@dataclass(frozen=True)
class Sectie:
    nummer: str
    naam: str
    verwerkingen: int


@dataclass(frozen=True)
class Afloop:
    partij: str
    naam: str
    soort: str
    verloopt: dt.date
    dagen: int  # negative: already expired

    @property
    def verlopen(self) -> bool:
        return self.dagen < 0


@dataclass(frozen=True)
class Herstelstand:
    """A restored backup whose erasures and corrections are not all done again."""

    backup: dt.date
    teruggezet_op: dt.date
    open: int


@dataclass(frozen=True)
class Status:
    organisatie: str
    vandaag: dt.date
    verwerkingen: int
    secties: list[Sectie]
    partijen: int
    afloop: list[Afloop]
    bevindingen: dict[str, int]
    bestanden: int
    datalekken: int = 0
    open_verzoeken: int = 0
    open_datalekken: int = 0
    tijdzone: str = "Europe/Amsterdam"
    # Deadlines that are past or fall within the warning window (beleid.waarschuwen).
    aandacht: list[Termijn] = field(default_factory=list)
    # Own requests and breaches past their retention period and not yet anonymised, and
    # those past it but kept by a blokkade (DOMAIN.md §5, §9).
    te_anonimiseren: int = 0
    vastgehouden: int = 0
    # Restores not yet confirmed (avgctl verzoek herstel; reference 002, §7.2 and §7.3).
    herstel: list[Herstelstand] = field(default_factory=list)


@dataclass(frozen=True)
class Feiten:
    """What the screen counts of the whole register on a day, so that it can be remembered
    with the outcome of a check of the same files on the same day (avgctl.store.cache). The
    open breaches are all the screen reads of that register itself; with their files named
    here, a screen can read only those (and the open requests, the parties, the settings)."""

    secties: dict[str, int]
    verwerkingen: int
    datalekken: int
    open_datalekken: list[str]  # the files of the open breaches
    bestanden: int
    te_anonimiseren: int  # own requests and breaches past their retention period
    vastgehouden: int  # of those, held by a hold

    @classmethod
    def van(cls, register: Register, vandaag: dt.date) -> Feiten:
        per_sectie = Counter(b.model.sectie for b in register.verwerkingen)
        eigen = [e.stand for e in bewaren.standen(register, vandaag, vandaag)]  # candidates
        return cls(dict(per_sectie), len(register.verwerkingen), len(register.datalekken),
                   [b.file for b in register.datalekken if is_open(b.model)],
                   len(register.files), sum(s.te_anonimiseren for s in eigen),
                   sum(s.status == "blokkade" and s.einde is not None and s.einde < vandaag
                       for s in eigen))


def status(register: Register, findings: list[Finding] | dict[str, int], vandaag: dt.date,
           binnen: int = AFLOOP_DAGEN, now: dt.datetime | None = None,
           feiten: Feiten | None = None) -> Status:
    """The main screen; ``findings`` are those of the check, or their count per severity
    label (as remembered from the last check with the same files and options). With
    ``feiten`` (remembered for the same files), ``register`` needs only the settings, the
    parties, the open requests and the open breaches."""
    config = register.config.model if register.config is not None else None
    procesmodel = config.procesmodel if config is not None else {}
    if feiten is None:
        feiten = Feiten.van(register, vandaag)
    secties = [Sectie(nr, procesmodel.get(nr, ""), feiten.secties[nr])
               for nr in sorted(feiten.secties, key=_numeriek)]
    if isinstance(findings, dict):
        counts = Counter({s: findings.get(s.label, 0) for s in Severity})
    else:
        counts = Counter(f.severity for f in findings)
    alle = deadlines.termijnen(register, vandaag, now)
    return Status(
        organisatie=(config.organisatie.naam or "") if config is not None else "",
        vandaag=vandaag,
        verwerkingen=feiten.verwerkingen,
        secties=secties,
        partijen=len(register.partijen),
        afloop=afloop(register, vandaag, binnen),
        bevindingen={s.label: counts[s] for s in sorted(Severity, reverse=True)},
        bestanden=feiten.bestanden,
        datalekken=feiten.datalekken,
        open_verzoeken=sum(t.soort == "verzoek" for t in alle),
        open_datalekken=len(feiten.open_datalekken),
        tijdzone=config.beleid.tijdzone if config is not None else "Europe/Amsterdam",
        aandacht=deadlines.binnen(alle, deadlines.waarschuwingsdagen(register),
                                  deadlines.waarschuwingsuren(register)),
        te_anonimiseren=feiten.te_anonimiseren,
        vastgehouden=feiten.vastgehouden,
    )


def afloop(register: Register, vandaag: dt.date, binnen: int) -> list[Afloop]:
    """Agreements that ended already or end within ``binnen`` days, soonest first."""
    result = []
    for bron in register.partijen:
        p = bron.model
        if p.overeenkomst is None or p.overeenkomst.verloopt is None:
            continue
        dagen = (p.overeenkomst.verloopt - vandaag).days
        if dagen <= binnen:
            result.append(Afloop(p.id, p.naam, p.overeenkomst.soort.replace("_", " "),
                                 p.overeenkomst.verloopt, dagen))
    return sorted(result, key=lambda a: (a.verloopt, a.partij))


def _numeriek(nummer: str) -> tuple[int, str]:
    return (int(nummer), "") if nummer.isdigit() else (0, nummer)

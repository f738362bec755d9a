"""The whole report as plain data: the figures of the period beside the previous one, the
breach trend, what is coming (agreements, retention), the open findings, the register changes
and the FG's recommendations (reference 002: the half-yearly privacy report to the board).

Pure: what needs a file, git or the rules is read by the command and passed in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from avgctl.bewaartermijnen.eigen import EigenStand
from avgctl.findings import Finding, Severity
from avgctl.models.verzoek import ARTIKEL
from avgctl.overzicht.status import afloop
from avgctl.rapport import cijfers
from avgctl.rapport.grafieken import Grafiek, Reeks, vergelijking
from avgctl.rapport.periode import Periode
from avgctl.rapport.trend import trend
from avgctl.store.register import Register
from avgctl.termijnen.periode import plus_maanden

# Agreements ending within this many months of the report's day are listed (issue: "the next
# half year"), with those that ended already and were not renewed.
VOORUIT_MAANDEN = 6
# The trend chart shows this many periods up to and including the report's own.
TREND_PERIODEN = 4

ERNST = {Severity.FOUT: "fout", Severity.WAARSCHUWING: "waarschuwing", Severity.INFO: "info"}


@dataclass(frozen=True)
class Besluiten:
    """The FG's recommendations: the Markdown file the FG writes, as found."""

    bestand: str  # relative to the repository
    tekst: str | None  # None: the file is not there


# The registers whose changes the report lists; changes in the request and breach registers
# are what the report counts in its own chapters.
REGISTERWIJZIGINGEN = ("verwerkingen", "partijen", "bewaartermijnen", "organisatie")
REGISTERNAMEN = {"verwerkingen": "Verwerkingen", "partijen": "Partijen",
                 "bewaartermijnen": "Bewaartermijnen", "organisatie": "Organisatie en beleid"}
# What the board asks about first (reference 002: changes in the processing, the processors
# and the risks), counted from the kinds of change that avgctl.wijzigingen gives.
# Per line: the (register, kinds) it counts; None: every kind of change in that register.
SAMENVATTING: tuple[tuple[str, tuple[tuple[str, frozenset[str] | None], ...]], ...] = (
    ("Verwerkingen toegevoegd", (("verwerkingen", frozenset({"nieuw"})),)),
    ("Verwerkingen beëindigd", (("verwerkingen", frozenset({"beeindigd"})),)),
    ("Grondslagen gewijzigd", (("verwerkingen", frozenset({"grondslag",
                                                         "gegevens_grondslag"})),)),
    ("DPIA's uitgevoerd", (("verwerkingen", frozenset({"dpia_uitgevoerd"})),)),
    ("Nieuwe partijen (verwerkers, ontvangers)", (("partijen", frozenset({"nieuw"})),)),
    ("Doorgiften gewijzigd", (("partijen", frozenset({"doorgifte"})),)),
    ("Bewaartermijnen gewijzigd", (("bewaartermijnen", None),
                                   ("verwerkingen", frozenset({"bewaartermijn"})))),
)


@dataclass(frozen=True)
class Wijziging:
    """One change to the registers, as a sentence (avgctl.wijzigingen)."""

    register: str
    soort: str
    zin: str


@dataclass(frozen=True)
class Registerwijzigingen:
    """The changes in the period from git history, or why there are none to show."""

    beschikbaar: bool
    reden: str = ""  # Dutch, when not beschikbaar
    van: str = ""  # the revisions compared, for the reader who wants to look them up
    tot: str = ""
    items: tuple[Wijziging, ...] = field(default_factory=tuple)
    commits: tuple[tuple[dt.date, str], ...] = field(default_factory=tuple)  # day, subject


def _samenvatting(items: Sequence[Wijziging]) -> list[dict[str, Any]]:
    def telt(w: Wijziging, delen: tuple[tuple[str, frozenset[str] | None], ...]) -> bool:
        return any(w.register == register and (soorten is None or w.soort in soorten)
                   for register, soorten in delen)

    return [{"wat": wat, "aantal": sum(telt(w, delen) for w in items)}
            for wat, delen in SAMENVATTING]


def _periode(p: Periode) -> dict[str, Any]:
    return {"code": p.code, "naam": p.naam, "van": p.van, "tot": p.tot}


def _tot(periode: Periode, vandaag: dt.date) -> dt.date:
    return min(periode.tot, vandaag)


def _bevindingen(findings: Sequence[Finding]) -> dict[str, Any]:
    per_code: dict[str, dict[str, Any]] = {}
    for f in findings:
        item = per_code.setdefault(f.code, {"code": f.code, "ernst": ERNST[f.severity],
                                            "titel": f.title, "aantal": 0})
        item["aantal"] += 1
    ernst = Counter(ERNST[f.severity] for f in findings)
    return {
        "totaal": len(findings),
        "per_ernst": {naam: ernst.get(naam, 0) for naam in ("fout", "waarschuwing", "info")},
        "per_code": [per_code[c] for c in sorted(per_code)],
    }


def _bewaren(standen: Sequence[EigenStand]) -> dict[str, Any]:
    vervallen = [s for s in standen if s.te_anonimiseren]
    return {
        "te_anonimiseren": len(vervallen),
        "verzoeken": sorted(s.record.referentie for s in vervallen if s.record.soort == "verzoek"),
        "datalekken": sorted(s.record.referentie for s in vervallen
                             if s.record.soort == "datalek"),
        "vastgehouden": sum(s.status == "blokkade" for s in standen),
    }


def _overeenkomsten(register: Register, vandaag: dt.date) -> dict[str, Any]:
    tot = plus_maanden(vandaag, VOORUIT_MAANDEN)
    items = afloop(register, vandaag, (tot - vandaag).days)
    return {"tot": tot, "lijst": [
        {"partij": a.partij, "naam": a.naam, "soort": a.soort, "verloopt": a.verloopt,
         "dagen": a.dagen, "verlopen": a.verlopen} for a in items]}


def _trendreeks(register: Register, periode: Periode, vandaag: dt.date) -> list[dict[str, Any]]:
    perioden = [periode]
    for _ in range(TREND_PERIODEN - 1):
        perioden.insert(0, perioden[0].vorige())
    return [{"periode": p.code, **{k: v for k, v in cijfers.datalekken(
        register, p, _tot(p, vandaag)).items() if k in (
            "ontdekt", "gemeld_ap", "gemeld_binnen_72_uur", "betrokkenen_geinformeerd")}}
        for p in perioden]


def _soort(type_: str) -> str:
    return f"{type_.replace('_', ' ')} ({ARTIKEL.get(type_, '')})".replace(" ()", "")


def grafieken(periode: Periode, verzoeken: dict[str, Any], datalekken: dict[str, Any],
              reeks: list[dict[str, Any]]) -> list[Grafiek]:
    namen = (periode.code, periode.vorige().code)
    return [
        vergelijking("verzoeken-per-soort", "Verzoeken per soort", "de ontvangen verzoeken",
                     verzoeken["per_type"], verzoeken["vorige"]["per_type"], namen,
                     lambda s: s.replace("_", " ")),
        vergelijking("datalekken-per-soort", "Datalekken per soort inbreuk",
                     "de ontdekte datalekken", datalekken["per_soort"],
                     datalekken["vorige"]["per_soort"], namen),
        Grafiek("datalekken-trend", "Datalekken per periode",
                f"Staafdiagram van de datalekken in de laatste {len(reeks)} perioden: per "
                "periode het aantal ontdekt, gemeld aan de AP en binnen 72 uur gemeld. "
                + "; ".join(f"{r['periode']}: {r['ontdekt']} ontdekt, {r['gemeld_ap']} gemeld, "
                            f"{r['gemeld_binnen_72_uur']} binnen 72 uur" for r in reeks) + ".",
                tuple(r["periode"] for r in reeks), (
                    Reeks("ontdekt", tuple(r["ontdekt"] for r in reeks)),
                    Reeks("gemeld aan de AP", tuple(r["gemeld_ap"] for r in reeks)),
                    Reeks("binnen 72 uur gemeld", tuple(r["gemeld_binnen_72_uur"]
                                                        for r in reeks)))),
    ]


def rapport(register: Register, periode: Periode, vandaag: dt.date,
            findings: Sequence[Finding], eigen: Sequence[EigenStand], besluiten: Besluiten,
            wijzigingen: Registerwijzigingen) -> dict[str, Any]:
    """The report for ``periode`` as made on ``vandaag``.

    A period that has not ended yet is counted up to ``vandaag`` and says so; the previous
    period is always complete.
    """
    tot = _tot(periode, vandaag)
    vorige = periode.vorige()
    verzoeken = cijfers.verzoeken(register, periode, tot)
    verzoeken["vorige"] = cijfers.verzoeken(register, vorige, vorige.tot)
    datalekken = cijfers.datalekken(register, periode, tot)
    datalekken["vorige"] = cijfers.datalekken(register, vorige, vorige.tot)
    reeks = _trendreeks(register, periode, vandaag)
    config = register.config.model if register.config is not None else None
    fg = config.organisatie.fg if config is not None else None
    return {
        "titel": f"Privacyrapportage {periode.naam}",
        "organisatie": {"naam": config.organisatie.naam if config is not None else "",
                        "fg": fg.naam if fg is not None else None},
        "gemaakt_op": vandaag,
        "periode": {**_periode(periode), "lopend": periode.tot >= vandaag, "stand": tot},
        "vorige_periode": _periode(vorige),
        "verzoeken": verzoeken,
        "datalekken": datalekken,
        "trend": {**trend(register, tot.year, tot), "tot": tot, "per_periode": reeks},
        "overeenkomsten": _overeenkomsten(register, vandaag),
        "bewaren": _bewaren(eigen),
        "bevindingen": _bevindingen(findings),
        "wijzigingen": {
            "beschikbaar": wijzigingen.beschikbaar, "reden": wijzigingen.reden,
            "van": wijzigingen.van, "tot": wijzigingen.tot,
            "samenvatting": _samenvatting(wijzigingen.items) if wijzigingen.beschikbaar else [],
            "per_register": [
                {"register": naam, "naam": REGISTERNAMEN[naam],
                 "lijst": [{"soort": w.soort, "zin": w.zin} for w in wijzigingen.items
                           if w.register == naam]}
                for naam in REGISTERWIJZIGINGEN
                if any(w.register == naam for w in wijzigingen.items)],
            "commits": [{"datum": d, "onderwerp": o} for d, o in wijzigingen.commits]},
        "besluiten": {"bestand": besluiten.bestand, "tekst": besluiten.tekst},
        "grafieken": [g.als_dict() for g in grafieken(periode, verzoeken, datalekken, reeks)],
    }

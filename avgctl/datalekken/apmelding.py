"""The content for the AP's notification form, per section (DOMAIN.md §4), and the yearly
trend analysis. Pure: the register, the breach and the moment go in, plain data comes out.

The AP accepts notifications only through its online form; avgctl prepares the answers and
says which required ones are still missing, so nothing is forgotten under time pressure.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from avgctl.datalekken.views import gevoelig, termijnen
from avgctl.models.datalek import Datalek
from avgctl.store.register import Register
from avgctl.verzoeken.views import beleid

SOORT_TEKST = {
    "vertrouwelijkheid": "inbreuk op de vertrouwelijkheid (onbevoegde inzage of verstrekking)",
    "integriteit": "inbreuk op de integriteit (onbevoegde wijziging)",
    "beschikbaarheid": "inbreuk op de beschikbaarheid (verlies of vernietiging)",
}


def _lokaal(moment: dt.datetime | None, zone: ZoneInfo) -> str | None:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z") if moment else None


def _moment(value: object, zone: ZoneInfo) -> str | None:
    if isinstance(value, dt.datetime):
        return _lokaal(value, zone)
    return value.isoformat() if isinstance(value, dt.date) else None


def inhoud(register: Register, datalek: Datalek, nu: dt.datetime) -> dict[str, Any]:
    """The answers for the AP form. A value None means: required, still missing."""
    zone = ZoneInfo(beleid(register).tijdzone)
    t = termijnen(register, datalek)
    org = register.config.model.organisatie if register.config is not None else None
    fg = org.fg if org is not None else None
    omvang = datalek.betrokkenen
    info = datalek.betrokkenen_geinformeerd
    hoeft_niet = datalek.risico == "geen" or datalek.geen_datalek
    laat = t.te_laat_gemeld or (not t.gemeld and nu > t.ap and not hoeft_niet)
    secties: list[dict[str, Any]] = [
        {"titel": "Contactgegevens", "velden": [
            ("Organisatie", org.naam if org is not None else None),
            ("Contactpersoon (FG)", fg.naam if fg is not None else None),
            ("E-mail", (fg.email if fg is not None else None)
             or (org.contact.email if org is not None and org.contact else None)),
            ("Telefoon", (fg.telefoon if fg is not None else None)
             or (org.contact.telefoon if org is not None and org.contact else None)),
        ]},
        {"titel": "Tijdlijn", "velden": [
            ("Begin van het datalek", _moment(datalek.periode.van, zone)
             if datalek.periode and datalek.periode.van else None),
            ("Einde van het datalek", _moment(datalek.periode.tot, zone)
             if datalek.periode and datalek.periode.tot else "nog niet bekend"),
            ("Ontdekt op", _lokaal(t.ontdekt, zone)),
            ("Uiterste meldtermijn (72 uur)", _lokaal(t.ap, zone)),
            ("Reden van de vertraging",
             datalek.reden_vertraging if laat else "niet van toepassing"),
        ]},
        {"titel": "Wat er is gebeurd", "velden": [
            ("Beschrijving", datalek.beschrijving),
            ("Soort inbreuk", "; ".join(SOORT_TEKST[s] for s in datalek.soort) or None),
            ("Oorzaak", datalek.oorzaak.replace("_", " ") if datalek.oorzaak else None),
            ("Hoe ontdekt", datalek.hoe_ontdekt),
        ]},
        {"titel": "Persoonsgegevens", "velden": [
            ("Soorten persoonsgegevens", ", ".join(datalek.gegevens) or None),
            ("Gevoelige of bijzondere gegevens", ", ".join(gevoelig(datalek)) or "geen"),
            ("Aantal records (ongeveer)", _getal(omvang.records if omvang else None)),
        ]},
        {"titel": "Betrokkenen", "velden": [
            ("Categorieën betrokkenen", ", ".join(omvang.categorieen) if omvang
             and omvang.categorieen else None),
            ("Aantal betrokkenen (ongeveer)", _getal(omvang.aantal if omvang else None)),
            ("Minderjarigen", "ja" if datalek.minderjarigen else "nee"),
        ]},
        {"titel": "Beveiliging", "velden": [
            ("Versleuteld of onleesbaar", {True: "ja", False: "nee", None: None}[
                datalek.versleuteld]),
            ("Toelichting", datalek.beveiliging_toelichting or "geen"),
        ]},
        {"titel": "Gevolgen", "velden": [
            ("Waarschijnlijke gevolgen voor betrokkenen", datalek.gevolgen),
            ("Gevolgen voor de vertrouwelijkheid", _ja(datalek, "vertrouwelijkheid")),
            ("Gevolgen voor de integriteit", _ja(datalek, "integriteit")),
            ("Gevolgen voor de beschikbaarheid", _ja(datalek, "beschikbaarheid")),
        ]},
        {"titel": "Vervolgacties", "velden": [
            ("Genomen maatregelen", "; ".join(datalek.maatregelen.genomen)
             if datalek.maatregelen and datalek.maatregelen.genomen else None),
            ("Geplande maatregelen", "; ".join(datalek.maatregelen.gepland)
             if datalek.maatregelen and datalek.maatregelen.gepland else "geen"),
            ("Lek gedicht", {True: "ja", False: "nee", None: None}[datalek.ingedamd]),
            ("Betrokkenen geïnformeerd", _informeren(info) if datalek.risico == "hoog_risico"
             else (_informeren(info) if info else "nee; geen hoog risico")),
        ]},
        {"titel": "Internationale aspecten", "velden": [
            ("Betrokkenen in andere EU-landen", ("ja: " + ", ".join(datalek.landen))
             if datalek.grensoverschrijdend else "nee"),
        ]},
    ]
    vorige = [{"soort": m.soort, "op": _lokaal(m.op, zone), "kenmerk": m.kenmerk}
              for m in datalek.ap_meldingen]
    ontbreekt = [f"{s['titel']}: {label}" for s in secties for label, value in s["velden"]
                 if value is None]
    return {
        "referentie": datalek.referentie,
        "secties": [{"titel": s["titel"], "velden": [{"vraag": label, "antwoord": value}
                                                       for label, value in s["velden"]]}
                    for s in secties],
        "eerdere_meldingen": vorige,
        "ontbreekt": ontbreekt,
        "te_laat": laat,
    }


def _getal(value: int | None) -> str | None:
    return None if value is None else f"{value:,}".replace(",", ".")


def _ja(datalek: Datalek, soort: str) -> str:
    return "ja" if soort in datalek.soort else "nee"


def _informeren(info: Any) -> str | None:
    if info is None:
        return None
    if info.uitzondering:
        return f"nee, uitzondering art. 34 lid 3: {info.uitzondering}" + (
            f" ({info.toelichting})" if info.toelichting else "")
    if info.op:
        op = info.op.isoformat() if isinstance(info.op, dt.date) else str(info.op)
        return f"ja, op {op[:10]}" + (f" per {info.wijze}" if info.wijze else "")
    return None

"""The letter to the people affected by a breach (art. 34 lid 2 AVG): what it needs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from avgctl.errors import AvgctlError
from avgctl.models.datalek import Datalek
from avgctl.render import datum
from avgctl.store.register import Register
from avgctl.verzoeken.brieven import afzender_regels

ADVIEZEN: list[tuple[tuple[str, ...], str]] = [
    (("wachtwoord", "inlog"), "Verander uw wachtwoord, ook bij andere diensten waar u "
     "hetzelfde wachtwoord gebruikt."),
    (("bsn", "burgerservicenummer", "digid"), "Wees alert op misbruik van uw identiteit. Denkt "
     "u dat iemand met uw gegevens uw DigiD gebruikt, blokkeer dan uw DigiD via digid.nl en "
     "meld het bij de gemeente."),
    (("identiteitsbewijs", "paspoort", "rijbewijs", "kopie_id", "kopie id"), "Overweeg bij "
     "uw gemeente een nieuw identiteitsbewijs aan te vragen; het oude wordt dan ongeldig."),
    (("financ", "bank", "iban", "rekening", "betaal"), "Controleer de komende tijd uw "
     "bankrekening op afschrijvingen die u niet kent, en betaal nooit op een verzoek dat u "
     "niet vertrouwt."),
    (("e-mail", "email", "telefoon", "contact", "naw", "adres"), "Wees alert op berichten die "
     "zich voordoen als afkomstig van ons of die naar uw dossier verwijzen. Twijfelt u, bel "
     "ons dan op het nummer op onze website."),
]


def adviezen(gegevens: list[str]) -> list[str]:
    """Advice chosen by the kinds of data; at least the general one."""
    lower = " ".join(gegevens).lower()
    gekozen = [tekst for woorden, tekst in ADVIEZEN if any(w in lower for w in woorden)]
    return gekozen or [ADVIEZEN[-1][1]]


def datalek_context(register: Register, referentie: str, vandaag: dt.date,
                    datalek: Datalek) -> dict[str, Any]:
    """What the letter to the people affected by a breach needs (art. 34 lid 2 AVG)."""
    ontbreekt = [naam for naam, waarde in (("beschrijving", datalek.beschrijving),
                                           ("gevolgen", datalek.gevolgen),
                                           ("gegevens", datalek.gegevens)) if not waarde]
    if ontbreekt:
        raise AvgctlError(f"{referentie}: voor de brief ontbreekt nog: {', '.join(ontbreekt)}; "
                          "vul die eerst in met 'avgctl datalek update'")
    config = register.config.model if register.config is not None else None
    org = config.organisatie if config is not None else None
    afzender = afzender_regels(org, met_email=False)
    periode = datalek.periode
    wanneer = ""
    if periode is not None and periode.van is not None:
        van = periode.van.date() if isinstance(periode.van, dt.datetime) else periode.van
        wanneer = f"op {datum(van)}"
        if periode.tot is not None:
            tot = periode.tot.date() if isinstance(periode.tot, dt.datetime) else periode.tot
            if tot != van:
                wanneer = f"tussen {datum(van)} en {datum(tot)}"
    maatregelen = datalek.maatregelen.genomen if datalek.maatregelen else []
    # Art. 34(2) with 33(3)(d): the measures taken *and proposed*, and (reference 002, annex A)
    # what the people affected can do themselves: the breach's own advice first.
    gepland = datalek.maatregelen.gepland if datalek.maatregelen else []
    eigen_advies = list(dict.fromkeys(a.strip() for a in datalek.advies_betrokkenen if a.strip()))
    gekozen = adviezen(datalek.gegevens + [b for b in datalek.bijzondere_gegevens])
    return {
        "vandaag": vandaag,
        "afzender": afzender,
        "organisatie": org.model_dump() if org is not None else {},
        "datalek": {
            "referentie": datalek.referentie,
            "beschrijving": datalek.beschrijving,
            "wanneer": wanneer,
            "ontdekt": datalek.ontdekt_op.date(),
            "gegevens": [g.replace("_", " ") for g in datalek.gegevens],
            "gevolgen": datalek.gevolgen,
            "maatregelen": maatregelen or ["Wij onderzoeken het incident en nemen maatregelen "
                                           "om herhaling te voorkomen."],
            "gepland": gepland,
            "adviezen": eigen_advies + [a for a in gekozen if a not in eigen_advies],
        },
    }

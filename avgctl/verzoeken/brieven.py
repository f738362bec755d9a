"""What goes into the letters to data subjects: plain data for the templates in
``templates/brieven/``. Pure; the words of the letters are in the templates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from avgctl.errors import AvgctlError
from avgctl.models.organisatie import Organisatie
from avgctl.models.verzoek import ARTIKEL, MELDEN_AAN_ONTVANGERS, Verzoek
from avgctl.render.markdown import Markdown, markdown_tekst
from avgctl.store.register import Register
from avgctl.verzoeken.views import termijnen

OVERZICHT_TITEL = "Overzicht van uw persoonsgegevens"

SOORTEN = ("ontvangst", "verlenging", "afwijzing", "besluit")

TYPE_TEKST = {
    "inzage": "inzage in uw persoonsgegevens",
    "rectificatie": "correctie van uw persoonsgegevens",
    "wissing": "verwijdering van uw persoonsgegevens",
    "beperking": "beperking van het gebruik van uw persoonsgegevens",
    "overdraagbaarheid": "overdracht van uw persoonsgegevens",
    "bezwaar": "te stoppen met het gebruik van uw persoonsgegevens (bezwaar)",
    "geautomatiseerde_besluitvorming": "een besluit opnieuw te laten beoordelen door een mens",
    "intrekken_toestemming": "uw toestemming in te trekken",
}

UITVOERING = {
    # The overview itself is 'avgctl verzoek overzicht' (art. 15(1) a-h): the letter names it.
    "inzage": "Bij deze brief vindt u een kopie van de persoonsgegevens die wij van u "
    "verwerken, en het document '{overzicht}' met ons kenmerk {referentie}. Daarin staat per "
    "verwerking waarvoor wij uw gegevens gebruiken, welke gegevens het zijn, aan wie wij ze "
    "geven, hoe lang wij ze bewaren, waar ze vandaan komen en welke rechten u hebt.",
    "rectificatie": "Wij hebben uw persoonsgegevens aangepast zoals u vroeg.",
    "wissing": "Wij hebben uw persoonsgegevens verwijderd. In back-ups blijven ze nog korte "
    "tijd bestaan; zetten wij een back-up terug, dan verwijderen wij ze opnieuw.",
    "beperking": "Wij gebruiken uw persoonsgegevens voorlopig niet meer, behalve om ze te "
    "bewaren.",
    "overdraagbaarheid": "Bij deze brief vindt u uw persoonsgegevens in een gangbaar "
    "bestandsformaat, zodat u ze aan een andere organisatie kunt geven.",
    "bezwaar": "Wij gebruiken uw persoonsgegevens niet meer voor het doel waartegen u bezwaar "
    "maakte.",
    "geautomatiseerde_besluitvorming": "Een medewerker heeft het besluit opnieuw beoordeeld.",
    "intrekken_toestemming": "Wij gebruiken uw persoonsgegevens niet meer op grond van uw "
    "toestemming. Wat wij daarvoor al deden, blijft rechtmatig.",
}

GROND_TEKST = {
    "identiteit_niet_vastgesteld": "Wij konden niet vaststellen dat het verzoek van u komt. "
    "Wij geven persoonsgegevens alleen aan degene om wie het gaat, of aan iemand die daartoe "
    "aantoonbaar bevoegd is (art. 12 lid 6 AVG). U kunt een nieuw verzoek doen en daarbij "
    "laten zien wie u bent.",
    "herhaald_verzoek": "U deed kort geleden al hetzelfde verzoek en wij hebben dat "
    "beantwoord. Sindsdien is er niets veranderd. Een verzoek dat binnen korte tijd wordt "
    "herhaald, hoeven wij niet opnieuw te behandelen (art. 12 lid 5 AVG).",
    "doel_onduidelijk": "Ook na onze vraag om uitleg is ons niet duidelijk geworden wat u "
    "precies van ons vraagt. U kunt een nieuw verzoek doen waarin u dat beschrijft.",
    "kennelijk_ongegrond": "Uw verzoek is kennelijk ongegrond (art. 12 lid 5 AVG).",
    "buitensporig": "Uw verzoek is buitensporig, vooral door het herhalende karakter ervan "
    "(art. 12 lid 5 AVG).",
    "wettelijke_bewaarplicht": "Wij zijn wettelijk verplicht deze gegevens te bewaren. Zolang "
    "die plicht geldt, mogen wij ze niet verwijderen (art. 17 lid 3 AVG). Na afloop van de "
    "bewaartermijn verwijderen wij ze.",
    "lopende_procedure": "Er loopt een klacht of gerechtelijke procedure waarvoor de gegevens "
    "nodig zijn. Zolang die loopt, bewaren wij ze (art. 17 lid 3 AVG).",
    "geen_gegevens": "Wij verwerken geen persoonsgegevens van u.",
    "overig": "",
}


def _grond(referentie: str, verzoek: Verzoek) -> str:
    """Why the request was (partly) refused, in the words the data subject reads.

    The fixed grounds have their text here; ``afwijzing_toelichting`` adds to it, and is the
    whole reason for 'overig'. The internal ``opmerking`` is never used (art. 12(4) AVG asks
    for the reasons; an internal note is not written for the data subject).
    """
    if verzoek.besluit in (None, "toegewezen"):
        return ""
    grond = GROND_TEKST.get(verzoek.afwijzingsgrond or "", "")
    toelichting = verzoek.afwijzing_toelichting or ""
    if grond and toelichting:
        return f"{grond} {toelichting}"
    if grond or toelichting:
        return grond or toelichting
    raise AvgctlError(f"{referentie} heeft geen uitleg voor de betrokkene: vul "
                      "'afwijzing_toelichting' in (avgctl verzoek update "
                      f"{referentie} --afwijzing-toelichting TEKST); de opmerking is intern "
                      "en komt niet in een brief")


def afzender_regels(org: Organisatie | None, met_email: bool) -> list[str]:
    """The sender's lines at the top of a letter: name, address, phone (and e-mail)."""
    if org is None:
        return []
    # The name in bold is Markdown made here; the name itself is register text.
    regels: list[str] = [Markdown(f"**{markdown_tekst(org.naam)}**")] if org.naam else []
    contact = org.contact
    if contact is not None:
        regels += [regel for regel in (
            contact.adres, f"Telefoon {contact.telefoon}" if contact.telefoon else None,
            f"E-mail {contact.email}" if contact.email and met_email else None) if regel]
    return regels


def context(register: Register, referentie: str, soort: str, vandaag: dt.date,
            verzoek: Verzoek) -> dict[str, Any]:
    if soort not in SOORTEN:
        raise AvgctlError(f"onbekende brief {soort!r}; kies uit: {', '.join(SOORTEN)}")
    if soort == "verlenging" and verzoek.verlengd_op is None:
        raise AvgctlError(f"{referentie} is niet verlengd; leg de verlenging eerst vast met "
                          "'avgctl verzoek verleng'")
    if soort in ("afwijzing", "besluit") and verzoek.besluit is None:
        raise AvgctlError(f"op {referentie} is nog geen besluit vastgelegd; gebruik eerst "
                          "'avgctl verzoek afhandel'")
    if soort == "afwijzing" and verzoek.besluit == "toegewezen":
        raise AvgctlError(f"{referentie} is toegewezen; gebruik de brief 'besluit'")
    t = termijnen(register, verzoek)
    config = register.config.model if register.config is not None else None
    grond = _grond(referentie, verzoek)
    if verzoek.type == "inzage" and verzoek.besluit in ("toegewezen", "gedeeltelijk_toegewezen") \
            and not verzoek.verwerkingen:
        raise AvgctlError(f"{referentie} noemt geen verwerkingen, dus er is geen overzicht van "
                          "de gegevens (art. 15 lid 1 AVG) om mee te sturen; vul ze in met "
                          f"'avgctl verzoek update {referentie} --verwerkingen IDS'")
    org = config.organisatie if config is not None else None
    afzender = afzender_regels(org, met_email=True)
    return {
        "vandaag": vandaag,
        "afzender": afzender,
        "organisatie": org.model_dump() if org is not None else {},
        "verzoek": {
            "referentie": verzoek.referentie,
            "ontvangen": verzoek.ontvangen,
            "type": verzoek.type,
            "type_tekst": TYPE_TEKST[verzoek.type],
            "artikel": ARTIKEL[verzoek.type],
            "besluit": verzoek.besluit or "",
            "verlenging_reden": verzoek.verlenging_reden or "",
            "grond_tekst": grond,
            "uitvoering": UITVOERING[verzoek.type].format(overzicht=OVERZICHT_TITEL,
                                                          referentie=verzoek.referentie),
            "melden_aan_ontvangers": verzoek.type in MELDEN_AAN_ONTVANGERS,
        },
        "termijnen": {
            "verificatie": t.verificatie,
            "wettelijk": t.wettelijk,
            "wettelijk_verlengd": t.wettelijk_verlengd,
            # The letter promises the earlier of the internal target and the legal deadline.
            "antwoord": min(t.intern, t.wettelijk),
        },
    }


# What people can do themselves, by the kind of data in the breach (DOMAIN.md §4).

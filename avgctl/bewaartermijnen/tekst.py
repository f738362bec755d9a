"""A retention rule in words, derived from its structure, in Dutch and English.

The same text appears in ``verwerkingen show``, the exports (csv, md, html, VAR) and the privacy
statements (art. 13(2)(a) and 14(2)(a) AVG: the period, or the criteria for it). The Dutch text
uses the rule's own event name ("10 jaar na sluiten laatste dossier"); the English text uses
``na_en`` when the rule gives it, else a small glossary of common events, else the Dutch event
name in quotes, so nothing is ever invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from avgctl.bewaartermijnen.evaluatie import rekenregel
from avgctl.models.duur import Duur, parse_duur

if TYPE_CHECKING:
    from avgctl.models.bewaartermijn import Bewaartermijn

Taal = Literal["nl", "en"]

NIET_TE_BEREKENEN = {"nl": "niet te berekenen", "en": "cannot be computed"}

# Common events as an English clause: "after <clause>", "the calendar year in which <clause>".
GEBEURTENISSEN_EN: dict[str, str] = {
    "sluiten_dossier": "the file is closed",
    "sluiten_laatste_dossier": "the last file of the same person is closed",
    "einde_dienstverband": "employment ends",
    "einde_sollicitatieprocedure": "the application procedure ends",
    "einde_overeenkomst": "the contract ends",
    "einde_klantrelatie": "the client relationship ends",
    "einde_boekjaar": "the financial year ends",
    "opname": "the recording is made",
    "bezoek": "the visit",
    "datum_bezoek": "the visit",
    "vervallen_toegangsrecht": "the access rights expire",
    "ontvangst": "the request is received",
    "afhandeling": "the request is settled",
    "ontdekking": "the breach is discovered",
    "afsluiting": "the breach is closed",
    "afhandeling_klacht": "the complaint is settled",
    "afhandeling_vraag": "the question is answered",
    "afloop_afspraak": "the appointment has taken place",
    "afmelding": "the subscription is cancelled",
    "intrekking_toestemming": "consent is withdrawn",
}
_NOUN_EN = {"the visit"}  # glossary entries that are a noun, not a clause

_EENHEID_EN = {"uur": ("hour", "hours"), "dag": ("day", "days"), "week": ("week", "weeks"),
               "maand": ("month", "months"), "jaar": ("year", "years")}

DAARNA_TEKST: dict[str, dict[str, str]] = {
    "nl": {"vernietigen": "daarna vernietigen", "anonimiseren": "daarna anonimiseren",
           "overbrengen": "daarna overbrengen naar een archief"},
    "en": {"vernietigen": "then destroyed", "anonimiseren": "then anonymised",
           "overbrengen": "then transferred to an archive"},
}


def gebeurtenis_tekst(regel: Bewaartermijn, taal: Taal = "nl") -> str:
    """The event in words: 'sluiten laatste dossier' / 'the file is closed'."""
    na = regel.na or ""
    if taal == "nl":
        return na.replace("_", " ")
    if regel.na_en:
        return regel.na_en
    return GEBEURTENISSEN_EN.get(na, f'the event "{na.replace("_", " ")}"')


def duur_tekst(duur: Duur, taal: Taal = "nl") -> str:
    if taal == "nl":
        return str(duur)
    if duur.aantal is None:
        return "indefinitely"
    if duur.aantal == 0:
        return "immediately"
    een, meer = _EENHEID_EN[duur.eenheid or "jaar"]
    return f"{duur.aantal} {een if duur.aantal == 1 else meer}"


def beschrijving(regel: Bewaartermijn, taal: Taal = "nl", *, daarna: bool = False) -> str:
    """The rule in words: "10 jaar na sluiten dossier" / "10 years after the file is closed".

    A rule with only a ``criterium`` is described by its criterion (the words the controller
    fixed; it cannot be computed, see :func:`berekenbaar`). A rule with neither gives "".
    ``daarna``: add what happens once the period is over ("daarna anonimiseren").
    """
    tekst = _periode(regel, taal)
    if daarna and tekst and regel.duur is not None and not parse_duur(regel.duur).onbeperkt:
        extra = DAARNA_TEKST[taal].get(regel.daarna)
        if extra:
            tekst = f"{tekst}, {extra}"
    return tekst


def berekenbaar(regel: Bewaartermijn) -> bool:
    """Whether avgctl can compute an end date for the rule (else: "niet te berekenen")."""
    return rekenregel(regel).berekenbaar


def _periode(regel: Bewaartermijn, taal: Taal) -> str:
    if regel.duur is None:
        if taal == "en" and regel.criterium_en:
            return regel.criterium_en
        return regel.criterium or ""
    duur = parse_duur(regel.duur)
    lengte = duur_tekst(duur, taal)
    if duur.onbeperkt or not regel.na:
        return lengte
    gebeurtenis = gebeurtenis_tekst(regel, taal)
    if taal == "nl":
        if regel.vanaf == "einde_kalenderjaar":
            return f"{lengte} na het einde van het kalenderjaar van {gebeurtenis}"
        if regel.vanaf == "einde_boekjaar":
            return f"{lengte} na het einde van het boekjaar van {gebeurtenis}"
        return f"{lengte} na {gebeurtenis}"
    if regel.vanaf in ("einde_kalenderjaar", "einde_boekjaar"):
        jaar = "calendar year" if regel.vanaf == "einde_kalenderjaar" else "financial year"
        if gebeurtenis in _NOUN_EN:
            return f"{lengte} after the end of the {jaar} of {gebeurtenis}"
        return f"{lengte} after the end of the {jaar} in which {gebeurtenis}"
    return f"{lengte} after {gebeurtenis}"

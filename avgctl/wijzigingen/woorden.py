"""Register values in the words a reviewer reads: legal bases, roles, transfer mechanisms.

The words follow the text of the AVG: art. 6(1) for the legal bases, art. 4(9), 26 and 28 for
the roles of parties, chapter V (art. 45-49) for the transfer mechanisms.
"""

from __future__ import annotations

from avgctl.models.verwerking import DPIA_AP_LIJST, DPIA_EDPB_CRITERIA

RELATIE: dict[str, str] = {
    "verwerker": "verwerker",
    "subverwerker": "subverwerker",
    "ontvanger": "ontvanger",
    "zelfstandig": "zelfstandig verwerkingsverantwoordelijke",
    "gezamenlijk": "gezamenlijk verwerkingsverantwoordelijke",
    "verwerkingsverantwoordelijke": "klant (verwerkingsverantwoordelijke)",
}

# How a transfer outside the EEA is allowed (art. 45, 46(2)(c), 47 and 49 AVG; the EU-US Data
# Privacy Framework is an adequacy decision of its own).
MECHANISME: dict[str, str] = {
    "adequaatheid": "op grond van een adequaatheidsbesluit",
    "dpf": "onder het EU-US Data Privacy Framework",
    "scc": "met modelcontractbepalingen",
    "bcr": "met bindende bedrijfsvoorschriften",
    "art49": "op grond van een uitzondering van art. 49 AVG",
}
GEEN_MECHANISME = "zonder doorgiftemechanisme"

OVEREENKOMST: dict[str, str] = {
    "regeling_gezamenlijk": "regeling gezamenlijke verwerkingsverantwoordelijkheid",
    "wettelijke_plicht": "wettelijke plicht",
    "overig": "overeenkomst",
}

# Field names that read better in other words than the name itself.
LABEL: dict[str, str] = {
    "grondslag_bron": "bron van de grondslag",
    "naam_en": "Engelse naam",
    "doel_en": "Engels doel",
    "bewaartermijn_criterium": "criterium voor de bewaartermijn",
    "verwerkingsverantwoordelijken": "verwerkingsverantwoordelijken (art. 30 lid 2)",
    "publieke_taak": "publieke taak",
    "criterium_en": "Engels criterium",
    "na_en": "Engelse gebeurtenis",
}

MAX_TEKST = 100  # characters of register text quoted in a sentence; oud/nieuw keep it whole


def woord(value: object) -> str:
    """A register value as a word: 'wettelijke_verplichting' reads 'wettelijke verplichting'."""
    return str(value).replace("_", " ")


def grondslag(value: str | None) -> str:
    return woord(value) if value else "geen grondslag"


def relatie(value: str) -> str:
    return RELATIE.get(value, woord(value))


def overeenkomst(soort: str) -> str:
    return OVEREENKOMST.get(soort, woord(soort))


def criterium(code: str) -> str:
    return DPIA_AP_LIJST.get(code) or DPIA_EDPB_CRITERIA.get(code) or woord(code)


def label(veld: str) -> str:
    """A field, or a dotted path of fields, in words: 'dpia.kenmerk' reads 'dpia kenmerk'."""
    return " ".join(LABEL.get(deel, woord(deel)) for deel in veld.split("."))


def tekst(value: object) -> str:
    """Register text on one line, shortened for a sentence."""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_TEKST else text[: MAX_TEKST - 1].rstrip() + "…"


def geciteerd(value: object) -> str:
    return f"'{tekst(value)}'"


def opsomming(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def aantal(n: int, een: str, meer: str) -> str:
    return f"{n} {een if n == 1 else meer}"

"""``registers/partijen.yaml``: processors, recipients and other controllers (DOMAIN.md §8)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from avgctl.models.base import Model

Relatie = Literal[
    "verwerker",  # art. 28: verwerkersovereenkomst
    "subverwerker",  # art. 28(2)/(4): schriftelijke toestemming, dezelfde verplichtingen
    "ontvanger",  # art. 4(9)
    "zelfstandig",  # zelfstandig verwerkingsverantwoordelijke
    "gezamenlijk",  # art. 26: gezamenlijke verwerkingsverantwoordelijken
    "verwerkingsverantwoordelijke",  # een klant voor wie wij verwerker zijn (art. 30(2))
]

Overeenkomstsoort = Literal[
    "verwerkersovereenkomst",
    "subverwerkersovereenkomst",
    "regeling_gezamenlijk",
    "gegevensuitwisselingsovereenkomst",
    "convenant",
    "wettelijke_plicht",
    "overig",
]

Mechanisme = Literal["adequaatheid", "dpf", "scc", "bcr", "art49"]


class Overeenkomst(Model):
    """De overeenkomst of regeling met een partij, zoals een verwerkersovereenkomst."""

    soort: Overeenkomstsoort = Field(
        description="Het soort overeenkomst: verwerkersovereenkomst, subverwerkersovereenkomst, "
        "regeling_gezamenlijk (art. 26 AVG), gegevensuitwisselingsovereenkomst, convenant, "
        "wettelijke_plicht of overig.",
    )
    getekend: dt.date | None = Field(
        default=None, description="De datum van ondertekening, als JJJJ-MM-DD."
    )
    verloopt: dt.date | None = Field(
        default=None,
        description="De datum waarop de overeenkomst afloopt, als JJJJ-MM-DD; leeg als zij "
        "voor onbepaalde tijd geldt.",
    )
    kenmerk: str | None = Field(
        default=None, description="Het kenmerk of dossiernummer van de overeenkomst."
    )


class Doorgifte(Model):
    """Doorgifte buiten de EER (hoofdstuk V AVG) en de waarborg die haar toestaat."""

    mechanisme: Mechanisme = Field(
        description="De waarborg voor de doorgifte: adequaatheid (adequaatheidsbesluit, "
        "art. 45), dpf (EU-US Data Privacy Framework), scc (modelcontractbepalingen, art. 46), "
        "bcr (bindende bedrijfsvoorschriften, art. 47) of art49 (uitzondering van art. 49 AVG).",
    )
    toelichting: str | None = Field(
        default=None, description="Een korte uitleg van de waarborg en hoe die is geregeld."
    )
    getekend: dt.date | None = Field(
        default=None,
        description="De datum waarop de waarborg is vastgelegd, bijvoorbeeld de ondertekening "
        "van de modelcontractbepalingen, als JJJJ-MM-DD.",
    )


class Partij(Model):
    """Een partij waarmee persoonsgegevens worden gedeeld (art. 26, 28 en 30 AVG).

    Een verwerker, subverwerker, ontvanger of andere verwerkingsverantwoordelijke; het mag ook
    een categorie zijn, zoals 'opdrachtgevers'.
    """

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9._-]*$",
        description="Unieke korte naam van de partij in kleine letters, cijfers, '.', '_' en "
        "'-', bijvoorbeeld dossiersoft-bv; verwerkingen verwijzen ernaar.",
    )
    naam: str = Field(description="De naam van de partij, of van de categorie ontvangers.")
    relatie: Relatie = Field(
        description="De rol van de partij: verwerker (art. 28), subverwerker (met 'via'), "
        "ontvanger (art. 4 punt 9), zelfstandig (zelfstandig verwerkingsverantwoordelijke), "
        "gezamenlijk (art. 26) of verwerkingsverantwoordelijke (een klant voor wie wij "
        "verwerker zijn).",
    )
    land: str = Field(
        default="NL",
        pattern=r"^[A-Z]{2}$",
        description="Het land waar de partij de gegevens verwerkt, als landcode van twee "
        "hoofdletters (ISO 3166); standaard NL.",
    )
    omschrijving: str | None = Field(
        default=None, description="Wat de partij doet en waarvoor zij de gegevens krijgt."
    )
    via: str | None = Field(  # subverwerker: de verwerker die haar inschakelt
        default=None,
        description="Bij een subverwerker: het id van de verwerker die haar inschakelt.",
    )
    overeenkomst: Overeenkomst | None = Field(
        default=None,
        description="De overeenkomst met de partij, zoals de verwerkersovereenkomst "
        "(art. 28 lid 3 AVG).",
    )
    doorgifte: Doorgifte | None = Field(
        default=None,
        description="Alleen bij een partij buiten de EER: de waarborg voor de doorgifte "
        "(art. 44-49 AVG).",
    )

    @field_validator("land", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

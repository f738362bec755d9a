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


# Art. 28(3) AVG, a-h: what a processor agreement must at least lay down. The key is the field
# under 'bepalingen', the value the letter of art. 28(3) and the clause in words.
BEPALINGEN_28_3: dict[str, tuple[str, str]] = {
    "instructies": ("a", "verwerken alleen op instructie"),
    "geheimhouding": ("b", "geheimhouding"),
    "beveiliging": ("c", "beveiliging (art. 32)"),
    "subverwerkers": ("d", "subverwerkers alleen met toestemming"),
    "verzoeken_doorsturen_werkdagen": ("e", "hulp bij verzoeken, binnen hoeveel werkdagen"),
    "datalek_melden_uur": ("f", "hulp bij beveiliging en datalekken, melden binnen hoeveel uur"),
    "einde": ("g", "verwijderen of teruggeven na afloop"),
    "audits": ("h", "informatie en audits"),
}


class Bepalingen(Model):
    """De verplichte bepalingen van een verwerkersovereenkomst (art. 28 lid 3 sub a-h AVG).

    Elke bepaling die de overeenkomst regelt, staat hier met true of met de afgesproken
    termijn; wat ontbreekt of false is, noemt AVG405 met zijn letter.
    """

    instructies: bool | None = Field(
        default=None,
        description="Sub a: de verwerker verwerkt alleen op schriftelijke instructie van de "
        "verwerkingsverantwoordelijke (art. 28 lid 3 sub a AVG).",
    )
    geheimhouding: bool | None = Field(
        default=None,
        description="Sub b: wie de gegevens verwerkt, heeft een geheimhoudingsplicht "
        "(art. 28 lid 3 sub b AVG).",
    )
    beveiliging: bool | None = Field(
        default=None,
        description="Sub c: de verwerker neemt de beveiligingsmaatregelen van art. 32 AVG "
        "(art. 28 lid 3 sub c AVG).",
    )
    subverwerkers: bool | None = Field(
        default=None,
        description="Sub d: subverwerkers alleen met voorafgaande schriftelijke toestemming en "
        "onder dezelfde verplichtingen (art. 28 lid 2, 3 sub d en 4 AVG).",
    )
    verzoeken_doorsturen_werkdagen: int | None = Field(
        default=None, ge=0, le=260,
        description="Sub e: binnen hoeveel werkdagen de verwerker een verzoek van een betrokkene "
        "doorstuurt en helpt het te beantwoorden (art. 28 lid 3 sub e AVG), bijvoorbeeld 3.",
    )
    datalek_melden_uur: int | None = Field(
        default=None, ge=1, le=8784,
        description="Sub f: binnen hoeveel uur na ontdekking de verwerker een datalek meldt; de "
        "verwerker helpt ook bij beveiliging, meldingen en DPIA (art. 28 lid 3 sub f AVG), "
        "bijvoorbeeld 24.",
    )
    einde: Literal["verwijderen", "teruggeven", "verwijderen_of_teruggeven"] | None = Field(
        default=None,
        description="Sub g: wat er na afloop met de gegevens gebeurt: verwijderen, teruggeven of "
        "verwijderen_of_teruggeven, naar keuze van de verwerkingsverantwoordelijke "
        "(art. 28 lid 3 sub g AVG).",
    )
    audits: bool | None = Field(
        default=None,
        description="Sub h: de verwerker geeft de informatie om naleving aan te tonen en maakt "
        "audits en inspecties mogelijk (art. 28 lid 3 sub h AVG).",
    )

    def ontbrekend(self) -> list[str]:
        """The keys of :data:`BEPALINGEN_28_3` this agreement does not lay down."""
        # ``is``: 0 working days (the same day) lays the clause down; False does not
        return [key for key in BEPALINGEN_28_3 if getattr(self, key) is None
                or getattr(self, key) is False]


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
    bepalingen: Bepalingen | None = Field(
        default=None,
        description="Bij een (sub)verwerkersovereenkomst: welke bepalingen van art. 28 lid 3 "
        "AVG (a-h) zij regelt, met de termijnen voor verzoeken (werkdagen) en datalekken (uren).",
    )
    taakverdeling: str | None = Field(
        default=None,
        description="Bij een regeling tussen gezamenlijke verwerkingsverantwoordelijken: wie "
        "welke verplichting nakomt, vooral tegenover betrokkenen (hun rechten en de informatie "
        "van art. 13 en 14), en waar betrokkenen terechtkunnen (art. 26 lid 1 AVG).",
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
    # No default: a silent NL would hide a transfer outside the EEA (art. 44 AVG); AVG209
    # asks for it.
    land: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{2}$",
        description="Het land waar de partij de gegevens verwerkt, als landcode van twee "
        "hoofdletters (ISO 3166), bijvoorbeeld NL, DE of US; verplicht (AVG209).",
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

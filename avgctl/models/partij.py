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
    soort: Overeenkomstsoort
    getekend: dt.date | None = None
    verloopt: dt.date | None = None
    kenmerk: str | None = None


class Doorgifte(Model):
    """Doorgifte buiten de EER (hoofdstuk V AVG) en de waarborg die haar toestaat."""

    mechanisme: Mechanisme
    toelichting: str | None = None
    getekend: dt.date | None = None


class Partij(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    naam: str
    relatie: Relatie
    land: str = Field(default="NL", pattern=r"^[A-Z]{2}$")
    omschrijving: str | None = None
    via: str | None = None  # subverwerker: de verwerker die haar inschakelt
    overeenkomst: Overeenkomst | None = None
    doorgifte: Doorgifte | None = None

    @field_validator("land", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

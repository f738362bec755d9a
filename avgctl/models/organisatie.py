"""``avgctl.yaml``: the organisation (art. 30(1)(a) AVG) and its policy (beleid)."""

from __future__ import annotations

import zoneinfo
from typing import Literal

from pydantic import Field, field_validator

from avgctl.models.base import Model


class Contact(Model):
    adres: str | None = None
    email: str | None = None
    telefoon: str | None = None
    website: str | None = None


class Functionaris(Model):
    """De functionaris gegevensbescherming (FG, art. 37-39 AVG)."""

    naam: str
    email: str | None = None
    telefoon: str | None = None


class Vertegenwoordiger(Model):
    """Vertegenwoordiger in de EU (art. 27 AVG), alleen voor organisaties buiten de EU."""

    naam: str
    adres: str | None = None
    email: str | None = None


class Organisatie(Model):
    naam: str | None = None
    rol: Literal["verwerkingsverantwoordelijke", "verwerker", "beide"] = (
        "verwerkingsverantwoordelijke"
    )
    overheid: bool = False
    medewerkers: int | None = Field(default=None, ge=0)
    kvk: str | None = None
    contact: Contact | None = None
    fg: Functionaris | None = None
    fg_motivatie: str | None = None
    vertegenwoordiger: Vertegenwoordiger | None = None
    # Art. 37(1)(b)-(c) AVG: these core activities make an FG mandatory.
    grootschalige_monitoring: bool = False
    grootschalig_bijzondere_gegevens: bool = False


class Beleid(Model):
    tijdzone: str = "Europe/Amsterdam"

    @field_validator("tijdzone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"onbekende tijdzone {value!r}; bijvoorbeeld Europe/Amsterdam"
            ) from None
        return value


class Config(Model):
    organisatie: Organisatie
    beleid: Beleid = Field(default_factory=Beleid)
    # Names of the sections of the process model (SECTIE.PROCES.VERWERKING), e.g. {"40": ...}.
    procesmodel: dict[str, str] = Field(default_factory=dict)

"""``avgctl.yaml``: the organisation (art. 30(1)(a) AVG) and its policy (beleid)."""

from __future__ import annotations

import zoneinfo
from typing import Literal

from pydantic import Field, field_validator

from avgctl.models.base import Model


class Contact(Model):
    """Contactgegevens van de organisatie (art. 30 lid 1 sub a AVG)."""

    adres: str | None = Field(
        default=None, description="Het post- of bezoekadres van de organisatie."
    )
    email: str | None = Field(
        default=None, description="Het algemene e-mailadres voor vragen over privacy."
    )
    telefoon: str | None = Field(
        default=None, description="Het algemene telefoonnummer van de organisatie."
    )
    website: str | None = Field(default=None, description="Het adres van de website.")


class Functionaris(Model):
    """De functionaris gegevensbescherming (FG, art. 37-39 AVG)."""

    naam: str = Field(description="Naam van de functionaris gegevensbescherming.")
    email: str | None = Field(
        default=None, description="E-mailadres waarop de FG bereikbaar is (art. 37 lid 7 AVG)."
    )
    telefoon: str | None = Field(
        default=None, description="Telefoonnummer waarop de FG bereikbaar is."
    )


class Vertegenwoordiger(Model):
    """Vertegenwoordiger in de EU (art. 27 AVG), alleen voor organisaties buiten de EU."""

    naam: str = Field(description="Naam van de vertegenwoordiger in de EU.")
    adres: str | None = Field(default=None, description="Adres van de vertegenwoordiger.")
    email: str | None = Field(
        default=None, description="E-mailadres van de vertegenwoordiger."
    )


class Organisatie(Model):
    """De organisatie die het register bijhoudt (art. 30 lid 1 sub a AVG)."""

    naam: str | None = Field(
        default=None,
        description="De officiële naam van de organisatie (art. 30 lid 1 sub a AVG).",
    )
    rol: Literal["verwerkingsverantwoordelijke", "verwerker", "beide"] = Field(
        default="verwerkingsverantwoordelijke",
        description="De rol van de organisatie: verwerkingsverantwoordelijke (standaard), "
        "verwerker (register van art. 30 lid 2 AVG) of beide.",
    )
    overheid: bool = Field(
        default=False,
        description="true als de organisatie een overheidsinstantie is; dan is een FG verplicht "
        "(art. 37 lid 1 sub a AVG) en geldt geen gerechtvaardigd belang voor publieke taken.",
    )
    medewerkers: int | None = Field(
        default=None, ge=0, description="Het aantal medewerkers (een geheel getal, 0 of meer)."
    )
    kvk: str | None = Field(
        default=None,
        description="Het KvK-nummer; zet het tussen aanhalingstekens, bijvoorbeeld \"90001234\".",
    )
    contact: Contact | None = Field(
        default=None,
        description="Adres, e-mail, telefoon en website van de organisatie "
        "(art. 30 lid 1 sub a AVG).",
    )
    fg: Functionaris | None = Field(
        default=None,
        description="De functionaris gegevensbescherming: naam en contactgegevens "
        "(art. 37-39 AVG).",
    )
    fg_motivatie: str | None = Field(
        default=None,
        description="Waarom er geen functionaris gegevensbescherming is, als die er niet is.",
    )
    vertegenwoordiger: Vertegenwoordiger | None = Field(
        default=None,
        description="De vertegenwoordiger in de EU; alleen voor organisaties buiten de EU "
        "(art. 27 AVG).",
    )
    # Art. 37(1)(b)-(c) AVG: these core activities make an FG mandatory.
    grootschalige_monitoring: bool = Field(
        default=False,
        description="true als de kerntaak grootschalige, stelselmatige monitoring van personen "
        "is; dan is een FG verplicht (art. 37 lid 1 sub b AVG).",
    )
    grootschalig_bijzondere_gegevens: bool = Field(
        default=False,
        description="true als de kerntaak het grootschalig verwerken van bijzondere of "
        "strafrechtelijke gegevens is; dan is een FG verplicht (art. 37 lid 1 sub c AVG).",
    )


class Beleid(Model):
    """Het beleid van de organisatie: instellingen die voor het hele register gelden."""

    tijdzone: str = Field(
        default="Europe/Amsterdam",
        description="De tijdzone voor 'vandaag' en voor tijdstippen, als naam uit de "
        "tz-database; standaard Europe/Amsterdam.",
    )

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
    """Het bestand avgctl.yaml: de organisatie, haar beleid en de secties van het procesmodel."""

    organisatie: Organisatie = Field(
        description="De organisatie die het register bijhoudt (art. 30 lid 1 sub a AVG)."
    )
    beleid: Beleid = Field(
        default_factory=Beleid, description="Instellingen die voor het hele register gelden."
    )
    # Names of the sections of the process model (SECTIE.PROCES.VERWERKING), e.g. {"40": ...}.
    procesmodel: dict[str, str] = Field(
        default_factory=dict,
        description="De namen van de secties van het procesmodel: per sectienummer tussen "
        "aanhalingstekens de naam, bijvoorbeeld \"40\": Gerechtelijke incasso.",
    )

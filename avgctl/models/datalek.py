"""A personal-data breach: one file in ``registers/datalekken/`` (art. 33(5) AVG)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import AwareDatetime, Field

from avgctl.models.base import Model

Moment = AwareDatetime | dt.date


class Periode(Model):
    van: Moment | None = None
    tot: Moment | None = None


class Omvang(Model):
    categorieen: list[str] = Field(default_factory=list)
    aantal: int | None = Field(default=None, ge=0)
    records: int | None = Field(default=None, ge=0)


class VerwerkerMelding(Model):
    partij: str
    verwerker_ontdekt_op: AwareDatetime | None = None
    gemeld_aan_ons_op: AwareDatetime | None = None


class ApMelding(Model):
    soort: Literal["voorlopig", "volledig", "aanvulling", "intrekking"]
    op: AwareDatetime
    kenmerk: str | None = None


class Informeren(Model):
    op: Moment | None = None
    wijze: str | None = None
    uitzondering: Literal["versleuteld", "maatregelen", "onevenredig"] | None = None
    toelichting: str | None = None


class Maatregelen(Model):
    genomen: list[str] = Field(default_factory=list)
    gepland: list[str] = Field(default_factory=list)


class Datalek(Model):
    referentie: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    gemeld_door: str | None = None
    ontdekt_op: AwareDatetime
    periode: Periode | None = None
    beschrijving: str | None = None
    oorzaak: str | None = None
    geen_datalek: bool = False  # an incident judged not to be a breach, see motivatie
    soort: list[Literal["vertrouwelijkheid", "integriteit", "beschikbaarheid"]] = Field(
        default_factory=list
    )
    gegevens: list[str] = Field(default_factory=list)
    betrokkenen: Omvang | None = None
    systemen: list[str] = Field(default_factory=list)
    verwerkingen: list[str] = Field(default_factory=list)
    verwerker: VerwerkerMelding | None = None
    ernst: Literal["beperkt", "matig_tot_ernstig"] | None = None
    risico: Literal["geen", "risico", "hoog_risico"] | None = None
    besluit_motivatie: str | None = None
    ap_meldingen: list[ApMelding] = Field(default_factory=list)
    reden_vertraging: str | None = None
    betrokkenen_geinformeerd: Informeren | None = None
    maatregelen: Maatregelen | None = None
    evaluatie: str | None = None

"""The advice of the data protection officer (FG) on a decision: a DPIA (art. 35(2) AVG), a
breach's decision and a refused request (art. 38(1) and 39(1)(a) AVG)."""

from __future__ import annotations

from pydantic import Field

from avgctl.models.base import Datum, Model


class FgAdvies(Model):
    """Het advies van de functionaris gegevensbescherming (art. 35 lid 2 en 39 lid 1 AVG)."""

    op: Datum = Field(description="Wanneer de FG advies gaf, als JJJJ-MM-DD.")
    advies: str = Field(min_length=1, description="Het advies, kort samengevat.")
    gevolgd: bool = Field(description="true als het advies is gevolgd, anders false.")
    motivatie_afwijking: str | None = Field(
        default=None, description="Waarom het advies niet is gevolgd; nodig bij "
        "'gevolgd: false' (art. 5 lid 2 AVG).")

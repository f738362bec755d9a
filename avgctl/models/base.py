"""The shared base of every register model."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

# The calendar avgctl computes deadlines in (why these bounds: models/kalender.py).
from avgctl.models.kalender import EERSTE_DAG as EERSTE_DAG
from avgctl.models.kalender import EERSTE_MOMENT as EERSTE_MOMENT
from avgctl.models.kalender import LAATSTE_DAG as LAATSTE_DAG
from avgctl.models.kalender import LAATSTE_MOMENT as LAATSTE_MOMENT

# Art. 6(1) AVG, a-f, under the names the registers use.
Grondslag = Literal[
    "toestemming",  # a
    "overeenkomst",  # b
    "wettelijke_verplichting",  # c
    "vitaal_belang",  # d
    "publieke_taak",  # e
    "gerechtvaardigd_belang",  # f
]

GRONDSLAG_ARTIKEL: dict[str, str] = {
    "toestemming": "art. 6 lid 1 sub a AVG",
    "overeenkomst": "art. 6 lid 1 sub b AVG",
    "wettelijke_verplichting": "art. 6 lid 1 sub c AVG",
    "vitaal_belang": "art. 6 lid 1 sub d AVG",
    "publieke_taak": "art. 6 lid 1 sub e AVG",
    "gerechtvaardigd_belang": "art. 6 lid 1 sub f AVG",
}


# Unknown fields are errors: a typo must never silently drop register content.
class Model(BaseModel):
    """Basis van elk registerrecord: een onbekend veld is een fout, geen stil verlies."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


Datum = Annotated[dt.date, Field(ge=EERSTE_DAG, le=LAATSTE_DAG)]
Tijdstip = Annotated[AwareDatetime, Field(ge=EERSTE_MOMENT, le=LAATSTE_MOMENT)]

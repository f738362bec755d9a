"""The shared base of every register model."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

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


# The calendar avgctl computes deadlines in. Python's dates end at 9999-12-31, so a day of
# receipt such as 9999-12-31 has no deadline at all; a register kept under the AVG has no date
# before 1900 or after 2999 either, so such a date is a typo (AVG003), not something to compute
# with. Within this window every deadline avgctl computes stays inside the calendar: at most a
# policy of 10 years and a pause of the whole window on top of the last day.
EERSTE_DAG = dt.date(1900, 1, 1)
LAATSTE_DAG = dt.date(2999, 12, 31)
EERSTE_MOMENT = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LAATSTE_MOMENT = dt.datetime(2999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)

Datum = Annotated[dt.date, Field(ge=EERSTE_DAG, le=LAATSTE_DAG)]
Tijdstip = Annotated[AwareDatetime, Field(ge=EERSTE_MOMENT, le=LAATSTE_MOMENT)]

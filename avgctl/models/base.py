"""The shared base of every register model."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

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

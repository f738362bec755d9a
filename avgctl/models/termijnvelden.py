"""The fields of a retention rule without pydantic, for the retention scan.

The scan reads ``bewaartermijnen.yaml`` before it reads millions of rows; importing pydantic
and building the model would be a tenth of a second of it. :func:`termijnvelden` accepts only
a rule that is plainly valid (every value already what the model would make of it) and gives
exactly the fields :class:`avgctl.models.bewaartermijn.Bewaartermijn` would give; for anything
else it says None and the model decides, with its own messages. A test holds the two together.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from avgctl.models.duur import parse_duur

# Where the period starts: on the event itself, or at the end of its calendar or book year
# ("3 jaar na het jaar waarin het verzoek is gedaan" runs from 31 December, DOMAIN.md §5).
VANAF: Final = ("gebeurtenis", "einde_kalenderjaar", "einde_boekjaar")
# What happens once the period has ended (DOMAIN.md §5): destroy, irreversibly anonymise, or
# transfer to an archive (e.g. a public body's records to the Nationaal Archief, Archiefwet).
DAARNA: Final = ("vernietigen", "anonimiseren", "overbrengen")

GEBEURTENIS_PATROON = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
_GEBEURTENIS = re.compile(GEBEURTENIS_PATROON)

# The last day of the book year (beleid.boekjaar_einde in avgctl.yaml), for rules that run
# 'vanaf: einde_boekjaar'; here, so that the retention scan can read it without the Config.
_BOEKJAAR = re.compile(r"^(\d\d)-(\d\d)$")


def boekjaar_einde_van(value: str) -> tuple[int, int]:
    """``"06-30"`` as (month, day); raises ValueError with a Dutch message."""
    match = _BOEKJAAR.match(value)
    fout = (f"boekjaar_einde {value!r} is geen dag van het jaar; schrijf maand-dag, "
            "bijvoorbeeld 12-31 of 06-30")
    if not match:
        raise ValueError(fout)
    maand, dag = int(match.group(1)), int(match.group(2))
    if maand == 2 and dag == 29:
        # A book year cannot end on a day most years lack; the last day of February is 02-28.
        raise ValueError("boekjaar_einde 02-29 bestaat niet elk jaar; schrijf 02-28")
    try:
        dt.date(2025, maand, dag)
    except ValueError:
        raise ValueError(fout) from None
    return maand, dag


@dataclass(frozen=True)
class Termijnvelden:
    """A retention rule's fields as the model holds them (see Bewaartermijn for each)."""

    duur: str | None = None
    na: str | None = None
    vanaf: str = "gebeurtenis"
    daarna: str = "vernietigen"
    criterium: str | None = None
    bron: str | None = None
    motivatie: str | None = None
    omschrijving: str | None = None
    na_en: str | None = None
    criterium_en: str | None = None


# The fields that may be absent or null, and those that must be text when given.
OPTIONEEL: Final = ("duur", "na", "criterium", "bron", "motivatie", "omschrijving", "na_en",
                    "criterium_en")
TEKST: Final = ("vanaf", "daarna")


def termijnvelden(item: object) -> Termijnvelden | None:
    """The fields of a plainly valid rule, or None: then the model must judge it.

    Plainly valid: a mapping of known fields only, each value None (where the model allows
    it) or a ``str`` with nothing to strip (the model strips text, and Python's ``strip``
    removes every character pydantic's does), ``na`` matching its pattern and ``duur`` a
    length :func:`parse_duur` reads, which are the model's only other checks.
    """
    if type(item) is not dict:
        return None
    for key, value in item.items():
        if type(key) is not str:
            return None
        if value is None and key in OPTIONEEL:
            continue
        if key not in OPTIONEEL and key not in TEKST:
            return None  # an unknown field, or null where the model wants text
        if type(value) is not str or value != value.strip():
            return None
    na = item.get("na")
    if na is not None and not _GEBEURTENIS.fullmatch(na):
        return None
    duur = item.get("duur")
    if duur is not None:
        try:
            parse_duur(duur)
        except ValueError:
            return None
    return Termijnvelden(**item)

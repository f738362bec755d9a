"""Request and breach deadlines (DOMAIN §3-4): the Dutch holiday calendar and Regulation 1182/71.
Pure functions over models, no I/O and no clock: "today" is always passed in. Imports models."""

from avgctl.termijnen.kalender import (
    DEFAULT,
    Feestdagenbeleid,
    feestdagen,
    is_werkdag,
    volgende_werkdag,
    werkdagen_na,
)
from avgctl.termijnen.periode import dagen_tot, einde_termijn, plus_maanden

__all__ = [
    "DEFAULT",
    "Feestdagenbeleid",
    "dagen_tot",
    "einde_termijn",
    "feestdagen",
    "is_werkdag",
    "plus_maanden",
    "volgende_werkdag",
    "werkdagen_na",
]

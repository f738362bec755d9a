"""Request deadlines (DOMAIN §3): Dutch holidays and Regulation 1182/71 period counting.

Pure functions only: no I/O and no clock. "Today" is always passed in by the caller.
"""

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

"""Retention periods (DOMAIN §5): computing when a record must go, and a rule in words.
Pure functions, no I/O and no clock; may import models and termijnen, never store/ or output/."""

from avgctl.bewaartermijnen.evaluatie import (
    KALENDERJAAR,
    Boekjaar,
    BuitenBereik,
    Rekenregel,
    Uitkomst,
    anker,
    beoordeel,
    einde_van,
    rekenregel,
)
from avgctl.bewaartermijnen.tekst import NIET_TE_BEREKENEN, berekenbaar, beschrijving

__all__ = [
    "KALENDERJAAR",
    "NIET_TE_BEREKENEN",
    "Boekjaar",
    "BuitenBereik",
    "Rekenregel",
    "Uitkomst",
    "anker",
    "beoordeel",
    "berekenbaar",
    "beschrijving",
    "einde_van",
    "rekenregel",
]

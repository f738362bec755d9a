"""A retention length as written in the registers: "10 jaar", "4 weken", "onbeperkt"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Eenheid = Literal["dag", "week", "maand", "jaar"]

_UNITS: dict[str, Eenheid] = {
    "dag": "dag", "dagen": "dag",
    "week": "week", "weken": "week",
    "maand": "maand", "maanden": "maand",
    "jaar": "jaar", "jaren": "jaar",
}
_PATTERN = re.compile(r"^\s*(\d+)\s+([a-z]+)\s*$")
ONBEPERKT = "onbeperkt"


@dataclass(frozen=True)
class Duur:
    aantal: int | None  # None: onbeperkt
    eenheid: Eenheid | None = None

    @property
    def onbeperkt(self) -> bool:
        return self.aantal is None

    def __str__(self) -> str:
        if self.aantal is None:
            return ONBEPERKT
        plural = {"dag": "dagen", "week": "weken", "maand": "maanden", "jaar": "jaar"}
        unit = self.eenheid or "jaar"
        return f"{self.aantal} {unit if self.aantal == 1 else plural[unit]}"


def parse_duur(text: str) -> Duur:
    """Parse a retention length; raises ValueError with a Dutch message."""
    if text.strip().lower() == ONBEPERKT:
        return Duur(None)
    match = _PATTERN.match(text.lower())
    if not match or match.group(2) not in _UNITS:
        raise ValueError(
            f"onbekende duur {text!r}; schrijf bijvoorbeeld '7 jaar', '6 maanden', '4 weken' "
            "of 'onbeperkt'"
        )
    aantal = int(match.group(1))
    if aantal == 0:
        raise ValueError("een duur van 0 kan niet; schrijf bijvoorbeeld '1 dag' of '2 weken'")
    return Duur(aantal, _UNITS[match.group(2)])

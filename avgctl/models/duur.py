"""A length as written in the registers: "10 jaar", "4 weken", "1 uur", "direct", "onbeperkt".

Request deadlines (``beleid.verzoeken``) use days, weeks, months and years; retention rules
(``bewaartermijnen.yaml``) may also use hours, ``direct`` (gone once the event is over) and
``onbeperkt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Eenheid = Literal["uur", "dag", "week", "maand", "jaar"]

_UNITS: dict[str, Eenheid] = {
    "uur": "uur", "uren": "uur",
    "dag": "dag", "dagen": "dag",
    "week": "week", "weken": "week",
    "maand": "maand", "maanden": "maand",
    "jaar": "jaar", "jaren": "jaar",
}
_PATTERN = re.compile(r"^\s*(\d+)\s+([a-z]+)\s*$")
ONBEPERKT = "onbeperkt"
DIRECT = "direct"  # "direct na afloop": the end is the day of the event itself
_PLURAL = {"uur": "uur", "dag": "dagen", "week": "weken", "maand": "maanden", "jaar": "jaar"}


@dataclass(frozen=True)
class Duur:
    aantal: int | None  # None: onbeperkt; 0 (with eenheid "uur"): direct
    eenheid: Eenheid | None = None

    @property
    def onbeperkt(self) -> bool:
        return self.aantal is None

    @property
    def direct(self) -> bool:
        return self.aantal == 0

    def __str__(self) -> str:
        if self.aantal is None:
            return ONBEPERKT
        if self.aantal == 0:
            return DIRECT
        unit = self.eenheid or "jaar"
        return f"{self.aantal} {unit if self.aantal == 1 else _PLURAL[unit]}"


def parse_duur(text: str) -> Duur:
    """Parse a length; raises ValueError with a Dutch message."""
    lowered = text.strip().lower()
    if lowered == ONBEPERKT:
        return Duur(None)
    if lowered == DIRECT:
        return Duur(0, "uur")
    match = _PATTERN.match(lowered)
    if not match or match.group(2) not in _UNITS:
        raise ValueError(
            f"onbekende duur {text!r}; schrijf bijvoorbeeld '7 jaar', '6 maanden', '4 weken', "
            "'30 dagen', '24 uur', 'direct' of 'onbeperkt'"
        )
    aantal = int(match.group(1))
    if aantal == 0:
        raise ValueError("een duur van 0 kan niet; schrijf bijvoorbeeld '1 dag' of 'direct'")
    return Duur(aantal, _UNITS[match.group(2)])

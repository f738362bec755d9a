"""What a scan of the organisation's own data finds: the due records and the counts per rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# How a row can come out; the problems (no id, no date, no rule) are the other statuses.
STATUSSEN = ("vervallen", "bewaren", "blokkade", "onbeperkt", "niet_te_berekenen",
             "niet_begonnen")


@dataclass
class Telling:
    """How the rows of one source under one rule came out."""

    bron: str
    bewaartermijn: str | None
    aantallen: dict[str, int] = field(default_factory=dict)

    @property
    def gelezen(self) -> int:
        return sum(self.aantallen.values())


@dataclass(frozen=True)
class Vervallen:
    id: str
    bron: str
    bewaartermijn: str
    gebeurtenis_op: dt.date
    einde: dt.date
    dagen_over: int

"""The period of a report: a half year (2026H2), a quarter (2026Q3) or a year (2026).

The FG reports to the board every half year (reference 002, governance rhythm); without a
period the report covers the last half year that is complete on the day it is made.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Soort = Literal["halfjaar", "kwartaal", "jaar"]

_PATROON = re.compile(r"^(?P<jaar>\d{4})(?:(?P<soort>[HhQqKk])(?P<nummer>\d))?$")
_MAANDEN = {"halfjaar": 6, "kwartaal": 3, "jaar": 12}
_AANTAL = {"halfjaar": 2, "kwartaal": 4, "jaar": 1}


class PeriodeFout(ValueError):
    """A period that cannot be read; the message is Dutch and says what to write."""


@dataclass(frozen=True)
class Periode:
    """A calendar period: ``van`` and ``tot`` are both part of it."""

    soort: Soort
    jaar: int
    nummer: int  # 1 or 2 for a half year, 1-4 for a quarter, 1 for a year

    @property
    def van(self) -> dt.date:
        maand = (self.nummer - 1) * _MAANDEN[self.soort] + 1
        return dt.date(self.jaar, maand, 1)

    @property
    def tot(self) -> dt.date:
        volgende = self.volgende()
        return volgende.van - dt.timedelta(days=1)

    @property
    def code(self) -> str:
        """2026H2, 2026Q3 or 2026: as the option takes it."""
        if self.soort == "jaar":
            return str(self.jaar)
        return f"{self.jaar}{'H' if self.soort == 'halfjaar' else 'Q'}{self.nummer}"

    @property
    def naam(self) -> str:
        """Het tweede halfjaar van 2026: as the report writes it."""
        if self.soort == "jaar":
            return str(self.jaar)
        if self.soort == "halfjaar":
            return f"{'eerste' if self.nummer == 1 else 'tweede'} halfjaar {self.jaar}"
        rang = ("eerste", "tweede", "derde", "vierde")[self.nummer - 1]
        return f"{rang} kwartaal {self.jaar}"

    def bevat(self, dag: dt.date) -> bool:
        return self.van <= dag <= self.tot

    def vorige(self) -> Periode:
        """The period of the same length just before this one."""
        if self.nummer > 1:
            return Periode(self.soort, self.jaar, self.nummer - 1)
        return Periode(self.soort, self.jaar - 1, _AANTAL[self.soort])

    def volgende(self) -> Periode:
        if self.nummer < _AANTAL[self.soort]:
            return Periode(self.soort, self.jaar, self.nummer + 1)
        return Periode(self.soort, self.jaar + 1, 1)


def lees(tekst: str) -> Periode:
    """``2026H2``, ``2026Q3`` (or ``2026K3``) or ``2026``."""
    match = _PATROON.match(tekst.strip())
    if match is None:
        raise PeriodeFout(f"periode {tekst!r} is niet te lezen; schrijf een halfjaar "
                          "(2026H2), een kwartaal (2026Q3) of een jaar (2026)")
    jaar = int(match["jaar"])
    if match["soort"] is None:
        return Periode("jaar", jaar, 1)
    soort: Soort = "halfjaar" if match["soort"] in "Hh" else "kwartaal"
    nummer = int(match["nummer"])
    if not 1 <= nummer <= _AANTAL[soort]:
        raise PeriodeFout(f"periode {tekst!r} bestaat niet: een jaar heeft "
                          + ("twee halfjaren (H1, H2)" if soort == "halfjaar"
                             else "vier kwartalen (Q1 tot en met Q4)"))
    return Periode(soort, jaar, nummer)


def standaard(vandaag: dt.date) -> Periode:
    """The last half year that has ended before ``vandaag``."""
    if vandaag.month >= 7:
        return Periode("halfjaar", vandaag.year, 1)
    return Periode("halfjaar", vandaag.year - 1, 2)

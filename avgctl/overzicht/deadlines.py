"""Everything with a clock, in one list (``avgctl deadlines``, the status screen, ICS).

Pure: takes the register and the day, returns items sorted late-first. Requests have a legal
deadline and an internal target side by side (DOMAIN.md §3).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from avgctl.errors import UsageError
from avgctl.models.verzoek import ARTIKEL
from avgctl.store.register import Context, Register
from avgctl.verzoeken.views import beleid, is_open, stand


@dataclass(frozen=True)
class Termijn:
    soort: str  # "verzoek" or "datalek"
    referentie: str
    omschrijving: str
    wettelijk: dt.date  # a day (requests) or a moment with its offset (the 72 hours)
    intern: dt.date | None
    dagen_wettelijk: int  # negative: past
    dagen_intern: int | None
    bestand: str
    regel: int
    uren_wettelijk: float | None = None  # for a moment: hours left (negative: past)

    @property
    def te_laat(self) -> bool:
        if self.uren_wettelijk is not None:
            return self.uren_wettelijk < 0
        return self.dagen_wettelijk < 0

    @property
    def uren(self) -> float:
        """Hours left, for sorting days and moments together: for a late item until the
        legal deadline, otherwise until whichever deadline comes first."""
        if self.uren_wettelijk is not None:
            return self.uren_wettelijk
        return 24.0 * (self.dagen_wettelijk if self.te_laat else self.eerstvolgend)

    @property
    def intern_te_laat(self) -> bool:
        return self.dagen_intern is not None and self.dagen_intern < 0

    @property
    def eerstvolgend(self) -> int:
        """Days until the first of its deadlines."""
        return min(d for d in (self.dagen_wettelijk, self.dagen_intern) if d is not None)


def termijnen(register: Register, vandaag: dt.date,
              nu: dt.datetime | None = None) -> list[Termijn]:
    items = datalek_termijnen(register, nu or Context(vandaag).moment)
    for bron in register.verzoeken:
        v = bron.model
        if not is_open(v):
            continue
        s = stand(register, bron, vandaag)
        line, _ = bron.doc.locate(bron.path)
        items.append(Termijn(
            soort="verzoek", referentie=v.referentie,
            omschrijving=f"{v.type.replace('_', ' ')} ({ARTIKEL[v.type]})"
            + (", verlengd" if s.termijnen.verlengd else ""),
            wettelijk=s.termijnen.geldend_wettelijk, intern=s.termijnen.geldend_intern,
            dagen_wettelijk=s.dagen_wettelijk, dagen_intern=s.dagen_intern,
            bestand=bron.doc.rel, regel=line,
        ))
    # Late first (most overdue on top), then whatever comes due first.
    return sorted(items, key=lambda t: (not t.te_laat, t.uren, t.referentie))


def datalek_termijnen(register: Register, nu: dt.datetime) -> list[Termijn]:
    """Breaches whose AP clock runs: open, not yet notified, and not judged harmless."""
    from avgctl.datalekken.views import is_open, klok

    items = []
    for bron in register.datalekken:
        d = bron.model
        if not is_open(d) or d.risico == "geen":
            continue
        k = klok(register, bron, nu)
        if k.termijnen.gemeld:
            continue
        line, _ = bron.doc.locate(("ontdekt_op",))
        uren = k.uren_over
        items.append(Termijn(
            soort="datalek", referentie=d.referentie,
            omschrijving="melding AP (72 uur)" + ("" if d.risico else ", nog niet beoordeeld"),
            wettelijk=k.termijnen.ap, intern=None,
            dagen_wettelijk=int(uren // 24), dagen_intern=None,
            bestand=bron.doc.rel, regel=line, uren_wettelijk=uren,
        ))
    return items


def binnen(items: list[Termijn], dagen: int, uren: int | None = None) -> list[Termijn]:
    """Late, or due within ``dagen`` days (breaches: within ``uren`` hours, if given)."""
    return [t for t in items if t.te_laat or (
        t.uren <= uren if uren is not None and t.uren_wettelijk is not None
        else t.eerstvolgend <= dagen)]


def waarschuwingsdagen(register: Register) -> int:
    return beleid(register).waarschuwen.verzoek_dagen


def waarschuwingsuren(register: Register) -> int:
    return beleid(register).waarschuwen.datalek_uur


_PERIODE = re.compile(r"^\s*(\d+)\s*(d|dag|dagen|w|week|weken)?\s*$")


def parse_binnen(text: str) -> int:
    """'14d', '2w', '14' -> days."""
    match = _PERIODE.match(text.lower())
    if not match:
        raise UsageError(f"--binnen {text!r} begrijp ik niet; schrijf bijvoorbeeld 14d of 2w")
    aantal = int(match.group(1))
    return aantal * 7 if (match.group(2) or "d").startswith("w") else aantal

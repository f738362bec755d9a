"""When a record under a retention rule must go (DOMAIN.md §5, "How avgctl computes").

The law fixes no method; this is avgctl's documented policy choice:

- the period runs from the *anchor*: the event date, or the last day of its calendar year
  (``vanaf: einde_kalenderjaar``) or of its book year (``vanaf: einde_boekjaar``, the book
  year ending on ``beleid.boekjaar_einde``);
- ``einde`` is the anchor plus the length. Months and years are counted as for request
  deadlines (:func:`avgctl.termijnen.plus_maanden`: the same day number, or the last day of a
  shorter month, so 29 Feb 2016 + 10 years = 28 Feb 2026), in one step from the anchor; a week
  is 7 days and a day is a day (the event day itself not counted, as in Verordening 1182/71);
- the registers know the date of an event, not its hour. A length in hours is therefore counted
  in whole days, rounded down: less than 24 hours (and ``direct``, "direct na afloop") ends on
  the event day itself, 24 to 47 hours the day after, and so on. The data must be gone at the
  end of that day at the latest;
- there is no shift for weekends or holidays: a retention end is the moment data must be gone,
  not a day on which someone must act (unlike :func:`avgctl.termijnen.einde_termijn`);
- the period includes its last day, so a record is due (vervallen) from the day *after* einde;
- a hold (blokkade: a complaint, an objection, a procedure, an incident under investigation)
  keeps a record whatever the date; ``onbeperkt`` is never due; a rule without a length (only a
  ``criterium``), without an event (``na``) or with an unknown ``vanaf`` is "niet te berekenen"
  and is never guessed.

:class:`Rekenregel` is the computable core of a rule (months, days, anchor); the SQL of the
retention scan must give the same ``einde`` as :func:`einde_van` for every rule and date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from avgctl.models.duur import Duur, parse_duur
from avgctl.models.termijnvelden import VANAF, Termijnvelden
from avgctl.termijnen.periode import plus_maanden

if TYPE_CHECKING:  # the retention scan computes without pydantic (models/termijnvelden.py)
    from avgctl.models.bewaartermijn import Bewaartermijn

Soort = Literal["termijn", "onbeperkt", "niet_te_berekenen"]
Status = Literal["bewaren", "vervallen", "blokkade", "onbeperkt", "niet_te_berekenen",
                 "niet_begonnen"]
Boekjaar = tuple[int, int]  # (month, day) of the last day of the book year
KALENDERJAAR: Boekjaar = (12, 31)

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def datum_nl(value: dt.date) -> str:
    """28 februari 2026."""
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


@dataclass(frozen=True)
class Rekenregel:
    """The computable core of a retention rule.

    ``einde = plus_maanden(anker, maanden) + dagen``; only one of the two is ever non-zero
    (both zero for ``direct`` and for less than 24 hours).
    """

    soort: Soort
    maanden: int = 0
    dagen: int = 0
    vanaf: str = "gebeurtenis"
    reden: str = ""  # for niet_te_berekenen: why, in Dutch

    @property
    def berekenbaar(self) -> bool:
        return self.soort == "termijn"


class BuitenBereik(ValueError):
    """The end date would fall after 31 December 9999 (or before year 1)."""


@lru_cache(maxsize=256)
def _duur(text: str) -> Duur:
    return parse_duur(text)


def in_maanden_en_dagen(duur: Duur) -> tuple[int, int]:
    """A finite length as (months, days): years are 12 months, weeks 7 days, hours whole days."""
    aantal = duur.aantal or 0
    if duur.eenheid == "jaar":
        return 12 * aantal, 0
    if duur.eenheid == "maand":
        return aantal, 0
    if duur.eenheid == "week":
        return 0, 7 * aantal
    if duur.eenheid == "uur":
        return 0, aantal // 24  # only the date of the event is known: see the module docstring
    return 0, aantal


def rekenregel(regel: Bewaartermijn | Termijnvelden) -> Rekenregel:
    """The computable core of ``regel``, or why it has none."""
    if regel.duur is None:
        if regel.criterium:
            return Rekenregel("niet_te_berekenen", reden=f"geen vaste duur, alleen het "
                              f"criterium '{regel.criterium}'")
        return Rekenregel("niet_te_berekenen", reden="de termijn heeft geen duur en geen "
                          "criterium")
    duur = _duur(regel.duur)
    if duur.onbeperkt:
        return Rekenregel("onbeperkt", vanaf=regel.vanaf)
    if not regel.na:
        return Rekenregel("niet_te_berekenen", reden=f"de termijn noemt niet waarna de "
                          f"{duur} ingaan ('na' ontbreekt)")
    if regel.vanaf not in VANAF:
        return Rekenregel("niet_te_berekenen", reden=f"onbekende waarde '{regel.vanaf}' bij "
                          "'vanaf'")
    maanden, dagen = in_maanden_en_dagen(duur)
    return Rekenregel("termijn", maanden=maanden, dagen=dagen, vanaf=regel.vanaf)


def anker(vanaf: str, gebeurtenis_op: dt.date, boekjaar_einde: Boekjaar = KALENDERJAAR) -> dt.date:
    """The day the period runs from: the event, or the end of its calendar or book year."""
    if vanaf == "einde_kalenderjaar":
        return dt.date(gebeurtenis_op.year, 12, 31)
    if vanaf == "einde_boekjaar":
        maand, dag = boekjaar_einde
        einde = dt.date(gebeurtenis_op.year, maand, dag)
        if einde < gebeurtenis_op:  # the book year that holds the event ends next year
            if gebeurtenis_op.year == dt.MAXYEAR:
                raise BuitenBereik("het boekjaar eindigt na 31 december 9999")
            einde = dt.date(gebeurtenis_op.year + 1, maand, dag)
        return einde
    return gebeurtenis_op


def einde_van(regel: Rekenregel, gebeurtenis_op: dt.date,
              boekjaar_einde: Boekjaar = KALENDERJAAR) -> dt.date | None:
    """The last day of the retention period, or None when there is none (onbeperkt, or not
    computable). Raises :class:`BuitenBereik` when it would fall after the year 9999."""
    if not regel.berekenbaar:
        return None
    start = anker(regel.vanaf, gebeurtenis_op, boekjaar_einde)
    try:
        return plus_maanden(start, regel.maanden) + dt.timedelta(days=regel.dagen)
    except (ValueError, OverflowError):
        raise BuitenBereik("de einddatum valt na 31 december 9999") from None


@dataclass(frozen=True)
class Uitkomst:
    """The verdict on one record on one day."""

    status: Status
    einde: dt.date | None  # the last day of the period; None: onbeperkt or not computable
    vervallen: bool  # due: today is after einde and nothing holds the record
    reden: str  # why, in plain Dutch

    @property
    def vervallen_sinds(self) -> dt.date | None:
        """The first day on which the record is due."""
        if not self.vervallen or self.einde is None:
            return None
        return self.einde + dt.timedelta(days=1)


def beoordeel(regel: Bewaartermijn | Rekenregel, gebeurtenis_op: dt.date | None,
              vandaag: dt.date, *, blokkade: str | None = None,
              boekjaar_einde: Boekjaar = KALENDERJAAR) -> Uitkomst:
    """Whether a record whose event took place on ``gebeurtenis_op`` is due on ``vandaag``.

    ``gebeurtenis_op`` None: the event has not happened yet (an open request), so the period
    has not started. ``blokkade``: the reason of a hold, which keeps the record whatever the
    date.
    """
    reken = regel if isinstance(regel, Rekenregel) else rekenregel(regel)
    return _beoordeel(reken, gebeurtenis_op, vandaag, blokkade, boekjaar_einde)


# Pure, so the verdict is remembered: 100,000 requests share a few thousand event dates.
@lru_cache(maxsize=16384)
def _beoordeel(reken: Rekenregel, gebeurtenis_op: dt.date | None, vandaag: dt.date,
               blokkade: str | None, boekjaar_einde: Boekjaar) -> Uitkomst:
    einde: dt.date | None = None
    if reken.soort == "onbeperkt":
        reden = "onbeperkt bewaren: deze termijn heeft geen einde"
        status: Status = "onbeperkt"
    elif reken.soort == "niet_te_berekenen":
        reden = f"niet te berekenen: {reken.reden}"
        status = "niet_te_berekenen"
    elif gebeurtenis_op is None:
        reden = "de gebeurtenis waarna de termijn loopt, heeft nog niet plaatsgevonden"
        status = "niet_begonnen"
    else:
        try:
            einde = einde_van(reken, gebeurtenis_op, boekjaar_einde)
        except BuitenBereik as exc:
            reden = f"niet te berekenen: {exc}"
            status = "niet_te_berekenen"
        else:
            assert einde is not None
            if vandaag > einde:
                status = "vervallen"
                reden = (f"de bewaartermijn eindigde op {datum_nl(einde)}; de gegevens moeten "
                         f"sinds {datum_nl(einde + dt.timedelta(days=1))} weg zijn")
            else:
                status = "bewaren"
                reden = (f"bewaren tot en met {datum_nl(einde)}; vanaf "
                         f"{datum_nl(einde + dt.timedelta(days=1))} moeten de gegevens weg zijn"
                         if einde < dt.date.max else
                         f"bewaren tot en met {datum_nl(einde)}, de laatste dag van de kalender")
    if blokkade:
        # A hold (complaint, objection, procedure, incident) keeps the data whatever the date
        # (art. 17(3)(e) and art. 18(1)(c) AVG; DOMAIN.md §5).
        reden = (f"blokkade ({blokkade}): bewaren zolang die duurt, ook na de termijn; "
                 f"zonder blokkade: {reden}")
        return Uitkomst("blokkade", einde, False, reden)
    return Uitkomst(status, einde, status == "vervallen", reden)


def laatste_vervallen(reken: Rekenregel, op: dt.date,
                      boekjaar_einde: Boekjaar = KALENDERJAAR) -> dt.date | None:
    """The latest event date whose record is due on ``op`` (without a hold), or None.

    ``einde`` never decreases as the event date grows (the anchor and the month arithmetic are
    both monotonic), so a record is due on ``op`` exactly when its event is on or before this
    date: one comparison per record instead of a computation, for 100,000 requests in the
    status screen, and a plain ``WHERE gebeurtenis_op <= ...`` for a database.
    """
    if not reken.berekenbaar:
        return None
    laag, hoog = dt.date(1900, 1, 1).toordinal(), op.toordinal()

    def vervallen(ordinal: int) -> bool:
        try:
            einde = einde_van(reken, dt.date.fromordinal(ordinal), boekjaar_einde)
        except BuitenBereik:
            return False
        return einde is not None and op > einde

    if not vervallen(laag):
        return None
    while laag < hoog:  # invariant: vervallen(laag)
        midden = (laag + hoog + 1) // 2
        if vervallen(midden):
            laag = midden
        else:
            hoog = midden - 1
    return dt.date.fromordinal(laag)

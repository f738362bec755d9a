"""When a period ends: Verordening (EEG, Euratom) 1182/71, as the EDPB applies it to art. 12 AVG.

Everything is computed from the start date in one step; the result is a working day.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from avgctl.models.duur import Duur
from avgctl.termijnen.kalender import (
    DEFAULT,
    Feestdagenbeleid,
    volgende_werkdag,
    werkdagen_na,
)


def plus_maanden(d: date, n: int) -> date:
    """The same day of the month `n` months later, or the last day of that month if shorter.

    Plain arithmetic instead of dateutil's relativedelta, which is slow for 100,000 calls.
    """
    months = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(months, 12)
    day = d.day
    if day > 28:  # every month has 28 days; only then can the day be missing
        # Verordening 1182/71 art. 3 lid 2 onder c, last sentence: a missing day is replaced
        # by the last day of the month (31 Jan + 1 month = 28/29 Feb).
        day = min(day, monthrange(year, month0 + 1)[1])
    return date(year, month0 + 1, day)


def ruw_einde(start: date, duur: Duur) -> date:
    """The last day of the period before any shift for weekends or holidays."""
    if duur.aantal is None:
        raise ValueError("een onbeperkte duur heeft geen einddatum")
    if duur.eenheid is None:
        raise ValueError(f"duur zonder eenheid: {duur.aantal}")
    if duur.aantal < 1:
        raise ValueError(f"een termijn moet minstens 1 {duur.eenheid} duren, niet {duur.aantal}")
    n = duur.aantal
    # Art. 3 lid 1: the day of the event (receipt) is not counted, so counting starts the next
    # day. For days that means start + n; art. 3 lid 2 onder b: it ends at the end of that day.
    if duur.eenheid == "dag":
        return start + timedelta(days=n)
    # Art. 3 lid 2 onder c: a period in weeks, months or years ends on the day in the last
    # week/month/year with the same name or number as the start day. For weeks that is the same
    # weekday; months and years are computed from `start` in ONE step (31 Jan + 3 months is
    # 30 Apr, not (31 Jan + 1) + 2 = 28 Apr), and a year is 12 months (29 Feb + 1 year = 28 Feb).
    if duur.eenheid == "week":
        return start + timedelta(weeks=n)
    if duur.eenheid == "maand":
        return plus_maanden(start, n)
    return plus_maanden(start, 12 * n)  # "jaar"


def einde_termijn(start: date, duur: Duur, beleid: Feestdagenbeleid = DEFAULT) -> date:
    """The last day of a period of `duur` that starts with the event on `start`.

    E.g. the art. 12(3) AVG answer deadline: einde_termijn(ontvangen, Duur(1, "maand")); the
    extended deadline is einde_termijn(ontvangen, Duur(3, "maand")), never chained.
    """
    ruw = ruw_einde(start, duur)
    # Art. 3 lid 4: a period ending on a Saturday, Sunday or public holiday ends at the end of
    # the following working day.
    einde = volgende_werkdag(ruw, beleid)
    # Art. 3 lid 5: a period of two days or more includes at least two working days. Only short
    # periods in days can fall short (e.g. 2 days from Thursday 24 Dec 2026); for weeks and
    # months the check is a no-op, but it is cheap and stays right for any `extra` holidays.
    if (ruw - start).days >= 2:
        einde = max(einde, werkdagen_na(start, 2, beleid))
    return einde


def dagen_tot(vandaag: date, einde: date) -> int:
    """Days from `vandaag` until `einde`: 0 on the last day itself, negative once it has passed."""
    return (einde - vandaag).days

"""The Dutch working-day calendar for deadlines: public holidays and working days.

The holidays are those of the Algemene termijnenwet (Atw) art. 3, which is also what
"public holidays ... in the Member State" means for EU periods (Verordening 1182/71 art. 2 lid 1).
Whether Good Friday counts for EU periods is unsettled (DOMAIN §3), so the holiday set is a
policy setting (`Feestdagenbeleid`) whose default is the Atw list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType

# dateutil is used for Easter instead of the `holidays` package: the NL calendar of `holidays`
# follows the rules for days off, not the Atw list: it has 5 May only in lustrum years (the Atw:
# every year), and its Good Friday (present in 0.109) follows days-off practice rather than Atw
# art. 3 lid 2 and our policy setting. We would have to patch it in two places and re-check it
# on every upgrade. The Atw list is short and fixed by law; only Easter needs an algorithm.
from dateutil.easter import easter

# Koningsdag on 27 (or 26) April exists since 2014; before that it was Koninginnedag on another
# date. The AVG applies from 2018, so we refuse earlier years rather than return a wrong list.
FIRST_YEAR = 2014

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Feestdagenbeleid:
    """Which days count as public holidays. Frozen and hashable: it is part of the cache key."""

    # Atw art. 3 lid 2 equates Good Friday with a holiday; for EU periods this is unsettled.
    goede_vrijdag: bool = True
    # Days equated with a holiday by royal decree (Atw art. 3 lid 3, e.g. bridge days) or by the
    # organisation's own policy. Dates in any year; each year picks its own.
    extra: frozenset[date] = frozenset()


DEFAULT = Feestdagenbeleid()


def _koningsdag(jaar: int) -> date:
    # Atw art. 3 lid 1: "de dag waarop de verjaardag van de Koning wordt gevierd": 27 April,
    # or Saturday 26 April when the 27th is a Sunday (DOMAIN §3); never moved to a Monday.
    # Until 2013 it was Koninginnedag: 30 April, or the 29th when the 30th was a Sunday; old
    # requests and breaches still have their dates counted right.
    if jaar < FIRST_YEAR:
        dag = date(jaar, 4, 30)
        return dag - _ONE_DAY if dag.weekday() == 6 else dag
    dag = date(jaar, 4, 27)
    return dag - _ONE_DAY if dag.weekday() == 6 else dag


@lru_cache(maxsize=512)
def _feestdagen(jaar: int, beleid: Feestdagenbeleid) -> MappingProxyType[date, str]:
    # Cached per (year, policy): is_werkdag runs for every day of every deadline, for up to
    # 100,000 requests. A read-only view, so no caller can change the cached table.
    pasen = easter(jaar)  # Western (Gregorian) Easter, the default of dateutil
    # Atw art. 3 lid 1 lists the days below; Easter Sunday and Whit Sunday are Sundays anyway.
    dagen: dict[date, str] = {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen + timedelta(days=1): "Tweede Paasdag",
        _koningsdag(jaar): "Koningsdag" if jaar >= FIRST_YEAR else "Koninginnedag",
        # "de vijfde mei": every year, unlike the lustrum-only rule for days off.
        date(jaar, 5, 5): "Bevrijdingsdag",
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=50): "Tweede Pinksterdag",
        date(jaar, 12, 25): "Eerste Kerstdag",
        date(jaar, 12, 26): "Tweede Kerstdag",
    }
    if beleid.goede_vrijdag:
        dagen[pasen - timedelta(days=2)] = "Goede Vrijdag"  # Atw art. 3 lid 2
    for dag in sorted(beleid.extra):
        if dag.year == jaar:
            # A statutory holiday keeps its own name when policy lists it again.
            dagen.setdefault(dag, "Extra feestdag")
    return MappingProxyType(dict(sorted(dagen.items())))


def feestdagen(jaar: int, beleid: Feestdagenbeleid = DEFAULT) -> dict[date, str]:
    """The public holidays of `jaar` under `beleid`, by date, with their Dutch names."""
    return dict(_feestdagen(jaar, beleid))  # a copy: the cached table stays untouched


def is_werkdag(d: date, beleid: Feestdagenbeleid = DEFAULT) -> bool:
    """Monday to Friday and not a public holiday (Verordening 1182/71 art. 2 lid 2)."""
    return d.weekday() < 5 and d not in _feestdagen(d.year, beleid)


def volgende_werkdag(d: date, beleid: Feestdagenbeleid = DEFAULT) -> date:
    """`d` itself when it is a working day, else the first working day after it."""
    while not is_werkdag(d, beleid):
        d += _ONE_DAY
    return d


def werkdagen_na(d: date, n: int, beleid: Feestdagenbeleid = DEFAULT) -> date:
    """The n-th working day after `d`; `d` itself is never counted (n >= 1).

    E.g. "within 3 working days" for identity checks (DOMAIN §3, internal policy): like the day
    of the event in Verordening 1182/71 art. 3 lid 1, the day of receipt does not count.
    """
    if n < 1:
        raise ValueError(f"aantal werkdagen moet minstens 1 zijn, niet {n}")
    for _ in range(n):
        d = volgende_werkdag(d + _ONE_DAY, beleid)
    return d

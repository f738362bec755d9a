"""Deadline engine: holidays (Algemene termijnenwet art. 3) and Verordening 1182/71 counting.

Every expected date below is a literal, checked by hand; the comment on each row shows the
check with the weekdays (verified with Python's calendar module while writing the table).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from avgctl.models.duur import Duur, parse_duur
from avgctl.termijnen import (
    DEFAULT,
    Feestdagenbeleid,
    dagen_tot,
    einde_termijn,
    feestdagen,
    is_werkdag,
    plus_maanden,
    volgende_werkdag,
    werkdagen_na,
)

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True)

ZONDER_GV = Feestdagenbeleid(goede_vrijdag=False)
# Friday after Ascension 2026, as a royal decree under Atw art. 3 lid 3 might equate it.
BRUG = Feestdagenbeleid(extra=frozenset({date(2026, 5, 15)}))
EXTRA_JUNI = Feestdagenbeleid(extra=frozenset({date(2026, 6, 11)}))

# --- einde_termijn ------------------------------------------------------------------------

EINDE: list[tuple[date, str, Feestdagenbeleid, date]] = [
    # Months: same date next month (art. 3 lid 2 onder c)
    (date(2025, 7, 15), "1 maand", DEFAULT, date(2025, 8, 15)),  # Fri 15 Aug: no shift
    (date(2026, 7, 15), "1 maand", DEFAULT, date(2026, 8, 17)),  # Sat 15 Aug -> Mon 17 Aug
    (date(2026, 10, 14), "1 maand", DEFAULT, date(2026, 11, 16)),  # Sat 14 Nov -> Mon 16 Nov
    (date(2025, 11, 30), "1 maand", DEFAULT, date(2025, 12, 30)),  # Tue 30 Dec: no shift
    (date(2025, 10, 31), "2 maanden", DEFAULT, date(2025, 12, 31)),  # Wed 31 Dec: no shift
    # 31 January: the missing day becomes the last day of February
    (date(2028, 1, 31), "1 maand", DEFAULT, date(2028, 2, 29)),  # leap: Tue 29 Feb, no shift
    (date(2026, 1, 31), "1 maand", DEFAULT, date(2026, 3, 2)),  # Sat 28 Feb, Sun 1 -> Mon 2 Mar
    # Three months in ONE step from receipt (two steps would give 28 Apr)
    (date(2026, 1, 31), "3 maanden", DEFAULT, date(2026, 4, 30)),  # Thu 30 Apr: no shift
    (date(2027, 1, 31), "3 maanden", DEFAULT, date(2027, 4, 30)),  # Fri 30 Apr: no shift
    (date(2028, 1, 31), "3 maanden", DEFAULT, date(2028, 5, 1)),  # Sun 30 Apr -> Mon 1 May
    # Month-end clamping for 30/31-day months
    (date(2026, 3, 31), "1 maand", DEFAULT, date(2026, 4, 30)),  # 31 Apr missing: Thu 30 Apr
    (date(2026, 5, 31), "3 maanden", DEFAULT, date(2026, 8, 31)),  # Mon 31 Aug: no shift
    (date(2026, 11, 30), "3 maanden", DEFAULT, date(2027, 3, 1)),  # Sun 28 Feb 2027 -> Mon 1 Mar
    (date(2027, 11, 30), "3 maanden", DEFAULT, date(2028, 2, 29)),  # leap: Tue 29 Feb
    # Koningsdag
    (date(2026, 3, 27), "1 maand", DEFAULT, date(2026, 4, 28)),  # Mon 27 Apr Koningsdag -> Tue 28
    (date(2025, 3, 26), "1 maand", DEFAULT, date(2025, 4, 28)),  # Sat 26 Apr (Koningsdag, 27th
    #                                                   is a Sunday), Sun 27 -> Mon 28 Apr 2025
    # 5 May counts every year (2026, 2027 are not lustrum years)
    (date(2026, 4, 5), "1 maand", DEFAULT, date(2026, 5, 6)),  # Tue 5 May Bevrijdingsdag -> Wed 6
    (date(2027, 4, 5), "1 maand", DEFAULT, date(2027, 5, 7)),  # Wed 5 May, Thu 6 May Hemelvaart
    #                                                   (Easter 28 Mar + 39) -> Fri 7 May 2027
    # Hemelvaartsdag, Tweede Pinksterdag
    (date(2026, 4, 14), "1 maand", DEFAULT, date(2026, 5, 15)),  # Thu 14 May Hemelvaart -> Fri 15
    (date(2026, 4, 25), "1 maand", DEFAULT, date(2026, 5, 26)),  # Mon 25 May Pinksteren -> Tue 26
    # Easter: Good Friday is a policy setting, Easter Monday always counts
    (date(2026, 3, 3), "1 maand", DEFAULT, date(2026, 4, 7)),  # Fri 3 Apr GV, Sat, Sun,
    #                                                   Mon 6 Apr Tweede Paasdag -> Tue 7 Apr
    (date(2026, 3, 3), "1 maand", ZONDER_GV, date(2026, 4, 3)),  # Fri 3 Apr is a working day
    (date(2026, 3, 6), "1 maand", DEFAULT, date(2026, 4, 7)),  # Mon 6 Apr Paasmaandag -> Tue 7
    (date(2026, 3, 6), "1 maand", ZONDER_GV, date(2026, 4, 7)),  # same without Good Friday
    (date(2038, 3, 23), "1 maand", DEFAULT, date(2038, 4, 28)),  # Fri 23 Apr GV, Sat, Sun (Easter
    #                        25 Apr), Mon 26 Paasmaandag, Tue 27 Koningsdag -> Wed 28 Apr 2038
    (date(2038, 3, 23), "1 maand", ZONDER_GV, date(2038, 4, 23)),  # Fri 23 Apr is a working day
    # Christmas and the turn of the year
    (date(2026, 11, 25), "1 maand", DEFAULT, date(2026, 12, 28)),  # Fri 25, Sat, Sun -> Mon 28 Dec
    (date(2027, 11, 25), "1 maand", DEFAULT, date(2027, 12, 27)),  # Sat 25, Sun 26 -> Mon 27 Dec
    (date(2028, 11, 30), "1 maand", DEFAULT, date(2029, 1, 2)),  # Sun 31 Dec, Mon 1 Jan -> Tue 2
    (date(2023, 11, 30), "1 maand", DEFAULT, date(2024, 1, 2)),  # Sun 31 Dec, Mon 1 Jan -> Tue 2
    # Weeks: same weekday n weeks later
    (date(2026, 6, 1), "2 weken", DEFAULT, date(2026, 6, 15)),  # Mon -> Mon 15 Jun
    (date(2026, 4, 13), "2 weken", DEFAULT, date(2026, 4, 28)),  # Mon 27 Apr Koningsdag -> Tue 28
    (date(2026, 12, 11), "2 weken", DEFAULT, date(2026, 12, 28)),  # Fri 25 Dec, Sat, Sun -> Mon 28
    # Days: start + n, the day of receipt not counted
    (date(2026, 6, 1), "10 dagen", DEFAULT, date(2026, 6, 11)),  # Mon 1 + 10 = Thu 11 Jun
    (date(2026, 6, 11), "10 dagen", DEFAULT, date(2026, 6, 22)),  # Sun 21 Jun -> Mon 22
    (date(2026, 4, 23), "3 dagen", DEFAULT, date(2026, 4, 28)),  # Sun 26, Mon 27 Koningsdag ->
    #                                                   Tue 28; Fri 24 + Tue 28: lid 5 is met
    (date(2026, 6, 5), "1 dag", DEFAULT, date(2026, 6, 8)),  # Sat 6 -> Mon 8 (1 day: no lid 5)
    (date(2026, 6, 4), "2 dagen", DEFAULT, date(2026, 6, 8)),  # Sat 6 -> Mon 8; Fri 5 + Mon 8
    #                                                   are two working days: lid 5 is met
    # Art. 3 lid 5: a period of two days or more includes at least two working days
    (date(2026, 12, 24), "2 dagen", DEFAULT, date(2026, 12, 29)),  # Sat 26 -> Mon 28, but Fri 25
    #                                    Kerst, Sat, Sun: Mon 28 is the only working day -> Tue 29
    (date(2026, 4, 2), "2 dagen", DEFAULT, date(2026, 4, 8)),  # Sat 4 -> Tue 7 (Fri 3 GV, Mon 6
    #                                    Paasmaandag): Tue 7 is the only working day -> Wed 8
    (date(2026, 4, 2), "2 dagen", ZONDER_GV, date(2026, 4, 7)),  # Fri 3 and Tue 7 work: Tue 7
    (date(2026, 4, 24), "3 dagen", DEFAULT, date(2026, 4, 29)),  # Mon 27 Koningsdag -> Tue 28,
    #                                    but Sat, Sun, Mon 27: Tue 28 is the only one -> Wed 29
    # Years: 12 months
    (date(2026, 6, 1), "1 jaar", DEFAULT, date(2027, 6, 1)),  # Tue 1 Jun 2027: no shift
    (date(2024, 2, 29), "1 jaar", DEFAULT, date(2025, 2, 28)),  # no 29 Feb 2025: Fri 28 Feb
    (date(2028, 2, 29), "1 jaar", DEFAULT, date(2029, 2, 28)),  # Wed 28 Feb 2029
    (date(2025, 12, 25), "1 jaar", DEFAULT, date(2026, 12, 28)),  # Fri 25 Dec Kerst -> Mon 28
    (date(2023, 12, 31), "5 jaar", DEFAULT, date(2029, 1, 2)),  # Sun 31 Dec 2028, Mon 1 Jan
    #                                                   Nieuwjaarsdag -> Tue 2 Jan 2029
    # Extra holidays from policy (Atw art. 3 lid 3)
    (date(2026, 4, 14), "1 maand", BRUG, date(2026, 5, 18)),  # Thu 14 Hemelvaart, Fri 15 extra,
    #                                                   Sat 16, Sun 17 -> Mon 18 May
    (date(2026, 6, 1), "10 dagen", EXTRA_JUNI, date(2026, 6, 12)),  # Thu 11 Jun extra -> Fri 12
]


@pytest.mark.parametrize(("start", "duur", "beleid", "verwacht"), EINDE)
def test_einde_termijn(start: date, duur: str, beleid: Feestdagenbeleid, verwacht: date) -> None:
    assert einde_termijn(start, parse_duur(duur), beleid) == verwacht


def test_three_months_in_one_step_not_two() -> None:
    start = date(2026, 1, 31)
    # The wrong way: 31 Jan + 1 = 28 Feb, + 2 = 28 Apr (Tue, a working day, so it would stick).
    assert plus_maanden(plus_maanden(start, 1), 2) == date(2026, 4, 28)
    assert einde_termijn(start, Duur(3, "maand")) == date(2026, 4, 30)


@pytest.mark.parametrize("duur", [Duur(None), Duur(0, "dag"), Duur(-1, "maand"), Duur(2, None)])
def test_einde_termijn_rejects(duur: Duur) -> None:
    with pytest.raises(ValueError):
        einde_termijn(date(2026, 6, 1), duur)


# --- plus_maanden -------------------------------------------------------------------------

PLUS_MAANDEN: list[tuple[date, int, date]] = [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),  # 2026 is not a leap year
    (date(2028, 1, 31), 1, date(2028, 2, 29)),  # 2028 is a leap year
    (date(2026, 1, 31), 3, date(2026, 4, 30)),  # April has 30 days
    (date(2026, 3, 31), 1, date(2026, 4, 30)),
    (date(2026, 5, 31), 3, date(2026, 8, 31)),  # August has 31: no clamp
    (date(2026, 11, 30), 3, date(2027, 2, 28)),  # across the year, non-leap February
    (date(2027, 11, 30), 3, date(2028, 2, 29)),  # across the year, leap February
    (date(2026, 11, 15), 2, date(2027, 1, 15)),  # across the year, no clamp
    (date(2026, 12, 31), 2, date(2027, 2, 28)),
    (date(2028, 2, 29), 12, date(2029, 2, 28)),  # a year after a leap day
    (date(2026, 3, 15), -1, date(2026, 2, 15)),  # negative n works too
    (date(2026, 1, 15), 0, date(2026, 1, 15)),
]


@pytest.mark.parametrize(("d", "n", "verwacht"), PLUS_MAANDEN)
def test_plus_maanden(d: date, n: int, verwacht: date) -> None:
    assert plus_maanden(d, n) == verwacht


# --- werkdagen_na, volgende_werkdag, is_werkdag ---------------------------------------------

WERKDAGEN_NA: list[tuple[date, int, Feestdagenbeleid, date]] = [
    (date(2026, 4, 23), 3, DEFAULT, date(2026, 4, 29)),  # Thu: Fri 24, (Sat, Sun, Mon 27
    #                                                   Koningsdag) Tue 28, Wed 29 Apr
    (date(2026, 12, 23), 3, DEFAULT, date(2026, 12, 29)),  # Wed: Thu 24, (Fri 25 Kerst, Sat 26,
    #                                                   Sun 27) Mon 28, Tue 29 Dec
    (date(2026, 6, 5), 1, DEFAULT, date(2026, 6, 8)),  # Fri: (Sat, Sun) Mon 8 Jun
    (date(2026, 6, 5), 5, DEFAULT, date(2026, 6, 12)),  # Fri: Mon 8 .. Fri 12 Jun
    (date(2026, 4, 2), 1, DEFAULT, date(2026, 4, 7)),  # Thu: (GV 3, Sat, Sun, Mon 6) Tue 7 Apr
    (date(2026, 4, 2), 1, ZONDER_GV, date(2026, 4, 3)),  # Thu: Fri 3 Apr is a working day
    (date(2026, 4, 25), 1, DEFAULT, date(2026, 4, 28)),  # Sat: (Sun, Mon 27 Koningsdag) Tue 28
    (date(2026, 5, 13), 1, DEFAULT, date(2026, 5, 15)),  # Wed: (Thu 14 Hemelvaart) Fri 15 May
    (date(2026, 12, 31), 1, DEFAULT, date(2027, 1, 4)),  # Thu: (Fri 1 Jan, Sat, Sun) Mon 4 Jan
]


@pytest.mark.parametrize(("d", "n", "beleid", "verwacht"), WERKDAGEN_NA)
def test_werkdagen_na(d: date, n: int, beleid: Feestdagenbeleid, verwacht: date) -> None:
    assert werkdagen_na(d, n, beleid) == verwacht


def test_werkdagen_na_needs_at_least_one() -> None:
    with pytest.raises(ValueError):
        werkdagen_na(date(2026, 6, 1), 0)


VOLGENDE_WERKDAG: list[tuple[date, Feestdagenbeleid, date]] = [
    (date(2026, 6, 1), DEFAULT, date(2026, 6, 1)),  # Mon: itself
    (date(2026, 12, 26), DEFAULT, date(2026, 12, 28)),  # Sat Tweede Kerstdag, Sun -> Mon 28
    (date(2026, 4, 3), DEFAULT, date(2026, 4, 7)),  # Fri GV, Sat, Sun, Mon Paas -> Tue 7
    (date(2026, 4, 3), ZONDER_GV, date(2026, 4, 3)),  # Fri 3 Apr itself
    (date(2026, 5, 5), DEFAULT, date(2026, 5, 6)),  # Tue Bevrijdingsdag -> Wed 6 May
]


@pytest.mark.parametrize(("d", "beleid", "verwacht"), VOLGENDE_WERKDAG)
def test_volgende_werkdag(d: date, beleid: Feestdagenbeleid, verwacht: date) -> None:
    assert volgende_werkdag(d, beleid) == verwacht


@pytest.mark.parametrize(
    ("d", "verwacht"),
    [
        (date(2026, 6, 1), True),  # Monday
        (date(2026, 6, 6), False),  # Saturday
        (date(2026, 6, 7), False),  # Sunday
        (date(2027, 5, 5), False),  # Wednesday, Bevrijdingsdag in a non-lustrum year
        (date(2025, 4, 28), True),  # Monday after Koningsdag on Sat 26 April 2025
        (date(2026, 5, 1), True),  # Friday 1 May: not a Dutch public holiday
    ],
)
def test_is_werkdag(d: date, verwacht: bool) -> None:
    assert is_werkdag(d) is verwacht


# --- feestdagen ---------------------------------------------------------------------------


def test_feestdagen_2026() -> None:
    assert feestdagen(2026) == {
        date(2026, 1, 1): "Nieuwjaarsdag",  # Thursday
        date(2026, 4, 3): "Goede Vrijdag",  # Easter is Sun 5 Apr 2026
        date(2026, 4, 6): "Tweede Paasdag",  # Monday
        date(2026, 4, 27): "Koningsdag",  # Monday
        date(2026, 5, 5): "Bevrijdingsdag",  # Tuesday; 2026 is not a lustrum year
        date(2026, 5, 14): "Hemelvaartsdag",  # Thursday, Easter + 39
        date(2026, 5, 25): "Tweede Pinksterdag",  # Monday, Easter + 50
        date(2026, 12, 25): "Eerste Kerstdag",  # Friday
        date(2026, 12, 26): "Tweede Kerstdag",  # Saturday
    }


def test_feestdagen_2025_koningsdag_on_26_april() -> None:
    dagen = feestdagen(2025)
    assert dagen[date(2025, 4, 26)] == "Koningsdag"  # Saturday; the 27th is a Sunday
    assert date(2025, 4, 27) not in dagen


def test_feestdagen_without_good_friday() -> None:
    dagen = feestdagen(2026, ZONDER_GV)
    assert date(2026, 4, 3) not in dagen
    assert len(dagen) == 8


def test_feestdagen_extra() -> None:
    beleid = Feestdagenbeleid(
        extra=frozenset({date(2026, 5, 15), date(2026, 12, 25), date(2027, 5, 7)})
    )
    dagen = feestdagen(2026, beleid)
    assert dagen[date(2026, 5, 15)] == "Extra feestdag"
    assert dagen[date(2026, 12, 25)] == "Eerste Kerstdag"  # a statutory day keeps its name
    assert date(2027, 5, 7) not in dagen  # another year's extra day
    assert len(dagen) == 10


def test_feestdagen_returns_a_copy_of_the_cache() -> None:
    feestdagen(2026).clear()
    assert len(feestdagen(2026)) == 9


@pytest.mark.parametrize(("jaar", "dag"), [
    (2013, date(2013, 4, 30)),  # Tuesday: Koninginnedag
    (2006, date(2006, 4, 29)),  # 30 April 2006 was a Sunday: Saturday 29 April
])
def test_koninginnedag_before_2014(jaar: int, dag: date) -> None:
    assert feestdagen(jaar)[dag] == "Koninginnedag"
    assert date(jaar, 4, 27) not in feestdagen(jaar)


# --- dagen_tot ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vandaag", "einde", "verwacht"),
    [
        (date(2026, 6, 1), date(2026, 6, 11), 10),
        (date(2026, 6, 11), date(2026, 6, 11), 0),  # the last day itself
        (date(2026, 6, 12), date(2026, 6, 11), -1),  # one day late
        (date(2026, 12, 31), date(2027, 1, 4), 4),  # across the year
    ],
)
def test_dagen_tot(vandaag: date, einde: date, verwacht: int) -> None:
    assert dagen_tot(vandaag, einde) == verwacht


# --- properties ---------------------------------------------------------------------------

DATES = st.dates(min_value=date(2014, 1, 1), max_value=date(2100, 12, 31))
BELEID = st.sampled_from([DEFAULT, ZONDER_GV])
DUUR = st.builds(
    Duur,
    st.integers(min_value=1, max_value=36),
    st.sampled_from(["dag", "week", "maand", "jaar"]),
)


def _raw_end(start: date, duur: Duur) -> date:
    assert duur.aantal is not None
    if duur.eenheid == "dag":
        return start + timedelta(days=duur.aantal)
    if duur.eenheid == "week":
        return start + timedelta(weeks=duur.aantal)
    return plus_maanden(start, duur.aantal * (12 if duur.eenheid == "jaar" else 1))


@SETTINGS
@given(DATES, DUUR, BELEID)
def test_einde_termijn_properties(start: date, duur: Duur, beleid: Feestdagenbeleid) -> None:
    einde = einde_termijn(start, duur, beleid)
    raw = _raw_end(start, duur)
    assert is_werkdag(einde, beleid)
    assert raw <= einde
    assert (einde - raw).days <= 5


@SETTINGS
@given(DATES, st.integers(min_value=-1200, max_value=1200))
def test_plus_maanden_properties(d: date, n: int) -> None:
    result = plus_maanden(d, n)
    assert result.day <= d.day
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n
    if result.day < d.day:  # clamped: then it is the last day of its month
        assert (result + timedelta(days=1)).day == 1


@SETTINGS
@given(DATES, st.integers(min_value=1, max_value=30), BELEID)
def test_werkdagen_na_properties(d: date, n: int, beleid: Feestdagenbeleid) -> None:
    result = werkdagen_na(d, n, beleid)
    assert is_werkdag(result, beleid)
    dagen = [d + timedelta(days=i) for i in range(1, (result - d).days + 1)]
    assert sum(is_werkdag(dag, beleid) for dag in dagen) == n

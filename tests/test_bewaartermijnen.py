"""Retention ends (DOMAIN.md §5, "How avgctl computes a retention end") and a rule in words.

Every expected date below is a literal, checked by hand; the comment on a row shows the
reasoning (weekdays checked with Python's calendar module while writing the table). A record
is due (vervallen) from the day after einde; there is no shift for weekends or holidays.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from avgctl.bewaartermijnen import (
    BuitenBereik,
    anker,
    beoordeel,
    berekenbaar,
    beschrijving,
    einde_van,
    rekenregel,
)
from avgctl.bewaartermijnen.evaluatie import laatste_vervallen
from avgctl.models import Bewaartermijn
from avgctl.models.duur import Duur, parse_duur
from avgctl.models.organisatie import Beleid, Verzoektermijn

JUNI = (6, 30)  # a book year that ends on 30 June
DEC = (12, 31)


def regel(duur: str | None = None, na: str | None = "gebeurtenis", **extra: str) -> Bewaartermijn:
    return Bewaartermijn.model_validate({"duur": duur, "na": na, **extra})


# (rule, event date, book-year end, expected einde)
EINDE: list[tuple[Bewaartermijn, date, tuple[int, int], date]] = [
    # -- end of the calendar year: the period runs from 31 December of the event's year
    (regel("3 jaar", vanaf="einde_kalenderjaar"), date(2023, 3, 15), DEC, date(2026, 12, 31)),
    (regel("3 jaar", vanaf="einde_kalenderjaar"), date(2023, 1, 1), DEC, date(2026, 12, 31)),
    (regel("3 jaar", vanaf="einde_kalenderjaar"), date(2023, 12, 31), DEC, date(2026, 12, 31)),
    # 31 Dec 2024 + 2 months = 28 Feb 2025 (shorter month: its last day)
    (regel("2 maanden", vanaf="einde_kalenderjaar"), date(2024, 5, 5), DEC, date(2025, 2, 28)),
    # the calendar year ignores the book year
    (regel("1 jaar", vanaf="einde_kalenderjaar"), date(2024, 2, 1), JUNI, date(2025, 12, 31)),
    # -- end of the book year ending 30 June
    # 15 Jan 2019 lies in the book year 1 Jul 2018 - 30 Jun 2019
    (regel("7 jaar", vanaf="einde_boekjaar"), date(2019, 1, 15), JUNI, date(2026, 6, 30)),
    # 30 Jun 2019 is the last day of that book year itself
    (regel("7 jaar", vanaf="einde_boekjaar"), date(2019, 6, 30), JUNI, date(2026, 6, 30)),
    # 1 Jul 2019 opens the next book year, which ends 30 Jun 2020
    (regel("7 jaar", vanaf="einde_boekjaar"), date(2019, 7, 1), JUNI, date(2027, 6, 30)),
    # 30 Jun 2020 + 8 months = 28 Feb 2021 (no 30 Feb)
    (regel("8 maanden", vanaf="einde_boekjaar"), date(2019, 12, 1), JUNI, date(2021, 2, 28)),
    # the default book year is the calendar year
    (regel("7 jaar", vanaf="einde_boekjaar"), date(2019, 7, 1), DEC, date(2026, 12, 31)),
    # a book year ending 31 March: 1 Apr 2025 belongs to the year ending 31 Mar 2026
    (regel("1 jaar", vanaf="einde_boekjaar"), date(2025, 4, 1), (3, 31), date(2027, 3, 31)),
    # -- 29 February plus whole years: the same day, or the last day of February
    (regel("10 jaar"), date(2016, 2, 29), DEC, date(2026, 2, 28)),
    (regel("4 jaar"), date(2016, 2, 29), DEC, date(2020, 2, 29)),  # 2020 is a leap year
    (regel("1 jaar"), date(2016, 2, 29), DEC, date(2017, 2, 28)),
    (regel("12 maanden"), date(2016, 2, 29), DEC, date(2017, 2, 28)),  # a year is 12 months
    (regel("1 jaar"), date(2015, 2, 28), DEC, date(2016, 2, 28)),  # not moved to the 29th
    # -- 31 January plus months: counted in one step from the event
    (regel("1 maand"), date(2026, 1, 31), DEC, date(2026, 2, 28)),
    (regel("1 maand"), date(2024, 1, 31), DEC, date(2024, 2, 29)),  # leap year
    (regel("3 maanden"), date(2026, 1, 31), DEC, date(2026, 4, 30)),  # not 28 Apr
    (regel("2 maanden"), date(2026, 1, 31), DEC, date(2026, 3, 31)),
    (regel("1 maand"), date(2026, 3, 31), DEC, date(2026, 4, 30)),
    (regel("14 maanden"), date(2025, 12, 31), DEC, date(2027, 2, 28)),
    # -- weeks are 7 days, days are days; no shift for weekends or holidays
    (regel("4 weken"), date(2026, 3, 2), DEC, date(2026, 3, 30)),  # Mon -> Mon
    (regel("4 weken"), date(2025, 12, 15), DEC, date(2026, 1, 12)),  # over the year end
    (regel("4 weken"), date(2026, 3, 7), DEC, date(2026, 4, 4)),  # Sat stays Sat
    (regel("1 week"), date(2026, 12, 18), DEC, date(2026, 12, 25)),  # Christmas: no shift
    (regel("30 dagen"), date(2026, 1, 31), DEC, date(2026, 3, 2)),  # 28 days Feb + 2
    (regel("1 dag"), date(2026, 12, 31), DEC, date(2027, 1, 1)),  # New Year's Day: no shift
    # -- hours: only the date is known, so whole days rounded down
    (regel("1 uur"), date(2026, 5, 4), DEC, date(2026, 5, 4)),  # gone by the end of the day
    (regel("23 uur"), date(2026, 5, 4), DEC, date(2026, 5, 4)),
    (regel("24 uur"), date(2026, 5, 4), DEC, date(2026, 5, 5)),
    (regel("72 uur"), date(2026, 5, 4), DEC, date(2026, 5, 7)),
    # -- direct na afloop: the event day itself
    (regel("direct", "afloop_afspraak"), date(2026, 5, 4), DEC, date(2026, 5, 4)),
]


@pytest.mark.parametrize(("termijn", "gebeurtenis", "boekjaar", "verwacht"), EINDE)
def test_einde(termijn: Bewaartermijn, gebeurtenis: date, boekjaar: tuple[int, int],
               verwacht: date) -> None:
    assert einde_van(rekenregel(termijn), gebeurtenis, boekjaar) == verwacht
    uitkomst = beoordeel(termijn, gebeurtenis, verwacht, boekjaar_einde=boekjaar)
    assert (uitkomst.einde, uitkomst.vervallen, uitkomst.status) == (verwacht, False, "bewaren")


# (rule, event date, today, hold, status, einde, vervallen)
OORDEEL: list[tuple[Bewaartermijn, date | None, date, str | None, str, date | None, bool]] = [
    # 6 months ending on today: the last day of the period, not yet due
    (regel("6 maanden"), date(2025, 9, 30), date(2026, 3, 30), None,
     "bewaren", date(2026, 3, 30), False),
    # 6 months ending the day before today: due from today
    (regel("6 maanden"), date(2025, 9, 29), date(2026, 3, 30), None,
     "vervallen", date(2026, 3, 29), True),
    # 31 Aug + 6 months = 28 Feb 2026; due on 1 March
    (regel("6 maanden"), date(2025, 8, 31), date(2026, 3, 1), None,
     "vervallen", date(2026, 2, 28), True),
    (regel("6 maanden"), date(2025, 8, 31), date(2026, 2, 28), None,
     "bewaren", date(2026, 2, 28), False),
    # the calendar-year rule of the request administration: due on 1 Jan 2027, not before
    (regel("3 jaar", "ontvangst", vanaf="einde_kalenderjaar"), date(2023, 3, 15),
     date(2026, 12, 31), None, "bewaren", date(2026, 12, 31), False),
    (regel("3 jaar", "ontvangst", vanaf="einde_kalenderjaar"), date(2023, 3, 15),
     date(2027, 1, 1), None, "vervallen", date(2026, 12, 31), True),
    # a hold keeps a record whatever the date; its einde is still shown
    (regel("4 weken", "opname"), date(2026, 3, 2), date(2026, 6, 1), "incident in onderzoek",
     "blokkade", date(2026, 3, 30), False),
    (regel("10 jaar"), date(2000, 1, 1), date(2026, 6, 1), "lopende procedure",
     "blokkade", date(2010, 1, 1), False),
    # a hold on a record not yet due changes nothing about its end
    (regel("10 jaar"), date(2020, 1, 1), date(2026, 6, 1), "klacht",
     "blokkade", date(2030, 1, 1), False),
    # onbeperkt is never due and has no end
    (regel("onbeperkt", None, motivatie="repertorium"), date(1900, 1, 1), date(2026, 6, 1),
     None, "onbeperkt", None, False),
    (regel("onbeperkt", "sluiten_dossier"), date(1900, 1, 1), date(9999, 12, 31),
     None, "onbeperkt", None, False),
    # criterium: not computable, never guessed
    (regel(None, None, criterium="zolang het abonnement loopt"), date(2000, 1, 1),
     date(2026, 6, 1), None, "niet_te_berekenen", None, False),
    # a length without the event it runs from: not computable
    (regel("10 jaar", None), date(2000, 1, 1), date(2026, 6, 1), None,
     "niet_te_berekenen", None, False),
    # an unknown anchor: not computable (and a finding of avgctl check)
    (regel("10 jaar", vanaf="einde_jaar"), date(2000, 1, 1), date(2026, 6, 1), None,
     "niet_te_berekenen", None, False),
    # the event has not happened yet (an open request): the period has not started
    (regel("3 jaar", "afhandeling"), None, date(2026, 6, 1), None,
     "niet_begonnen", None, False),
    # 1 hour: due the day after the event
    (regel("1 uur", "opname"), date(2026, 5, 4), date(2026, 5, 5), None,
     "vervallen", date(2026, 5, 4), True),
    (regel("1 uur", "opname"), date(2026, 5, 4), date(2026, 5, 4), None,
     "bewaren", date(2026, 5, 4), False),
    # an end after the year 9999: not computable, never a crash
    (regel("1 jaar"), date(9999, 6, 1), date(2026, 6, 1), None,
     "niet_te_berekenen", None, False),
    (regel("1 dag", vanaf="einde_kalenderjaar"), date(9999, 3, 1), date(2026, 6, 1), None,
     "niet_te_berekenen", None, False),
    # an end on the last day of the calendar: kept, and no day after it is named
    (regel("6 jaar", vanaf="einde_kalenderjaar"), date(9993, 1, 1), date(2099, 4, 18), None,
     "bewaren", date(9999, 12, 31), False),
]


@pytest.mark.parametrize(
    ("termijn", "gebeurtenis", "vandaag", "blokkade", "status", "einde", "vervallen"), OORDEEL)
def test_beoordeel(termijn: Bewaartermijn, gebeurtenis: date | None, vandaag: date,
                   blokkade: str | None, status: str, einde: date | None,
                   vervallen: bool) -> None:
    uitkomst = beoordeel(termijn, gebeurtenis, vandaag, blokkade=blokkade)
    assert (uitkomst.status, uitkomst.einde, uitkomst.vervallen) == (status, einde, vervallen)
    assert uitkomst.reden  # always a reason in words


def test_reasons_in_plain_dutch() -> None:
    vervallen = beoordeel(regel("6 maanden"), date(2025, 9, 29), date(2026, 3, 30))
    assert vervallen.reden == ("de bewaartermijn eindigde op 29 maart 2026; de gegevens moeten "
                               "sinds 30 maart 2026 weg zijn")
    assert vervallen.vervallen_sinds == date(2026, 3, 30)
    bewaren = beoordeel(regel("6 maanden"), date(2025, 9, 30), date(2026, 3, 30))
    assert bewaren.reden == ("bewaren tot en met 30 maart 2026; vanaf 31 maart 2026 moeten de "
                             "gegevens weg zijn")
    assert bewaren.vervallen_sinds is None
    blok = beoordeel(regel("6 maanden"), date(2025, 9, 29), date(2026, 3, 30),
                     blokkade="klacht bij de AP")
    assert blok.reden.startswith("blokkade (klacht bij de AP): bewaren zolang die duurt")
    criterium = beoordeel(regel(None, None, criterium="zolang het abonnement loopt"),
                          date(2020, 1, 1), date(2026, 3, 30))
    assert criterium.reden == ("niet te berekenen: geen vaste duur, alleen het criterium "
                               "'zolang het abonnement loopt'")
    assert beoordeel(regel("onbeperkt"), None, date(2026, 1, 1)).reden == (
        "onbeperkt bewaren: deze termijn heeft geen einde")


def test_anker_and_out_of_range() -> None:
    assert anker("gebeurtenis", date(2026, 2, 3)) == date(2026, 2, 3)
    assert anker("einde_kalenderjaar", date(2026, 2, 3), JUNI) == date(2026, 12, 31)
    assert anker("einde_boekjaar", date(2026, 7, 1), JUNI) == date(2027, 6, 30)
    with pytest.raises(BuitenBereik):
        anker("einde_boekjaar", date(9999, 7, 1), JUNI)
    with pytest.raises(BuitenBereik):
        einde_van(rekenregel(regel("1 maand")), date(9999, 12, 1))


def test_rekenregel_is_the_computable_core() -> None:
    assert rekenregel(regel("10 jaar")).maanden == 120
    assert rekenregel(regel("4 weken")).dagen == 28
    assert rekenregel(regel("49 uur")).dagen == 2
    assert rekenregel(regel("direct")).dagen == 0
    assert rekenregel(regel("onbeperkt")).soort == "onbeperkt"
    assert not berekenbaar(regel(None, None, criterium="zolang nodig"))
    assert berekenbaar(regel("1 dag"))


# --- the rule in words ----------------------------------------------------------------------

TEKST: list[tuple[Bewaartermijn, str, str]] = [
    (regel("10 jaar", "sluiten_dossier"), "10 jaar na sluiten dossier",
     "10 years after the file is closed"),
    (regel("10 jaar", "sluiten_laatste_dossier"), "10 jaar na sluiten laatste dossier",
     "10 years after the last file of the same person is closed"),
    (regel("1 jaar", "einde_dienstverband"), "1 jaar na einde dienstverband",
     "1 year after employment ends"),
    (regel("4 weken", "opname"), "4 weken na opname", "4 weeks after the recording is made"),
    (regel("1 week", "opname"), "1 week na opname", "1 week after the recording is made"),
    (regel("6 maanden", "datum_bezoek"), "6 maanden na datum bezoek",
     "6 months after the visit"),
    (regel("1 maand", "bezoek"), "1 maand na bezoek", "1 month after the visit"),
    (regel("1 uur", "opname"), "1 uur na opname", "1 hour after the recording is made"),
    (regel("48 uur", "opname"), "48 uur na opname", "48 hours after the recording is made"),
    (regel("30 dagen", "opname"), "30 dagen na opname", "30 days after the recording is made"),
    (regel("direct", "afloop_afspraak"), "direct na afloop afspraak",
     "immediately after the appointment has taken place"),
    (regel("3 jaar", "ontvangst", vanaf="einde_kalenderjaar"),
     "3 jaar na het einde van het kalenderjaar van ontvangst",
     "3 years after the end of the calendar year in which the request is received"),
    (regel("7 jaar", "boeking", vanaf="einde_boekjaar", na_en="the entry is booked"),
     "7 jaar na het einde van het boekjaar van boeking",
     "7 years after the end of the financial year in which the entry is booked"),
    (regel("6 maanden", "bezoek", vanaf="einde_kalenderjaar"),
     "6 maanden na het einde van het kalenderjaar van bezoek",
     "6 months after the end of the calendar year of the visit"),
    # an event outside the glossary without na_en: the Dutch name, quoted, never invented
    (regel("2 jaar", "vervallen_machtiging"), "2 jaar na vervallen machtiging",
     '2 years after the event "vervallen machtiging"'),
    (regel("onbeperkt", None, motivatie="x"), "onbeperkt", "indefinitely"),
    (regel("5 jaar", None), "5 jaar", "5 years"),
    (regel(None, None, criterium="zolang het abonnement loopt"),
     "zolang het abonnement loopt", "zolang het abonnement loopt"),
    (regel(None, None, criterium="zolang het abonnement loopt",
           criterium_en="as long as the subscription runs"),
     "zolang het abonnement loopt", "as long as the subscription runs"),
    (regel(None, None), "", ""),
]


@pytest.mark.parametrize(("termijn", "nl", "en"), TEKST)
def test_beschrijving(termijn: Bewaartermijn, nl: str, en: str) -> None:
    assert beschrijving(termijn) == nl
    assert beschrijving(termijn, "nl") == nl
    assert beschrijving(termijn, "en") == en


def test_beschrijving_with_what_happens_afterwards() -> None:
    termijn = regel("3 jaar", "ontvangst", daarna="anonimiseren")
    assert beschrijving(termijn, daarna=True) == "3 jaar na ontvangst, daarna anonimiseren"
    assert beschrijving(termijn, "en", daarna=True) == (
        "3 years after the request is received, then anonymised")
    assert beschrijving(regel("10 jaar", "sluiten_dossier"), daarna=True) == (
        "10 jaar na sluiten dossier, daarna vernietigen")
    assert beschrijving(regel("onbeperkt"), daarna=True) == "onbeperkt"


# --- the formats ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "verwacht"), [
    ("1 uur", Duur(1, "uur")), ("36 uren", Duur(36, "uur")), ("direct", Duur(0, "uur")),
    ("Direct", Duur(0, "uur")), ("4 weken", Duur(4, "week")), ("onbeperkt", Duur(None)),
])
def test_parse_duur(text: str, verwacht: Duur) -> None:
    assert parse_duur(text) == verwacht


@pytest.mark.parametrize("text", ["0 uur", "een jaar", "3 jaar en 2 maanden", "-1 dag", "uur"])
def test_parse_duur_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="duur"):
        parse_duur(text)


def test_str_duur() -> None:
    assert [str(parse_duur(t)) for t in ("1 uur", "2 uur", "direct", "1 dag", "2 dagen")] == [
        "1 uur", "2 uur", "direct", "1 dag", "2 dagen"]


@pytest.mark.parametrize("value", ["06-30", "12-31", "02-28", "03-31"])
def test_boekjaar_einde(value: str) -> None:
    assert Beleid.model_validate({"boekjaar_einde": value}).boekjaar_einde == value


@pytest.mark.parametrize("value", ["02-29", "13-01", "6-30", "06-31", "2026-06-30", "juni"])
def test_boekjaar_einde_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="boekjaar_einde"):
        Beleid.model_validate({"boekjaar_einde": value})


def test_defaults_of_the_policy() -> None:
    beleid = Beleid()
    assert beleid.boekjaar_einde == "12-31"
    assert (beleid.bewaren.verzoeken, beleid.bewaren.datalekken) == ("verzoeken", "datalekken")


@pytest.mark.parametrize("value", ["24 uur", "direct"])
def test_request_deadline_never_in_hours(value: str) -> None:
    with pytest.raises(ValidationError, match="uren"):
        Verzoektermijn(termijn=value, verlenging="2 maanden")


def test_rule_defaults_and_event_names() -> None:
    termijn = Bewaartermijn(duur="10 jaar", na="sluiten_dossier")
    assert (termijn.vanaf, termijn.daarna) == ("gebeurtenis", "vernietigen")
    with pytest.raises(ValidationError):
        Bewaartermijn(duur="10 jaar", na="Sluiten dossier")


# --- the cut-off date: due exactly when the event is on or before it -------------------------


REGELS = [regel(d, vanaf=v) for d in ("1 uur", "direct", "30 dagen", "4 weken", "1 maand",
                                      "6 maanden", "3 jaar", "10 jaar")
          for v in ("gebeurtenis", "einde_kalenderjaar", "einde_boekjaar")]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(termijn=st.sampled_from(REGELS), boekjaar=st.sampled_from([DEC, JUNI, (2, 28)]),
       vandaag=st.dates(date(2000, 1, 1), date(2040, 12, 31)),
       gebeurtenis=st.dates(date(1990, 1, 1), date(2040, 12, 31)))
def test_cut_off_agrees_with_the_verdict(termijn: Bewaartermijn, boekjaar: tuple[int, int],
                                         vandaag: date, gebeurtenis: date) -> None:
    grens = laatste_vervallen(rekenregel(termijn), vandaag, boekjaar)
    vervallen = beoordeel(termijn, gebeurtenis, vandaag, boekjaar_einde=boekjaar).vervallen
    assert vervallen == (grens is not None and gebeurtenis <= grens)


def test_cut_off_examples() -> None:
    # 3 years from the end of the calendar year: due on 1 Jan 2026 for events up to 2022
    termijn = rekenregel(regel("3 jaar", vanaf="einde_kalenderjaar"))
    assert laatste_vervallen(termijn, date(2026, 1, 1)) == date(2022, 12, 31)
    assert laatste_vervallen(termijn, date(2025, 12, 31)) == date(2021, 12, 31)
    assert laatste_vervallen(rekenregel(regel("onbeperkt")), date(2026, 1, 1)) is None
    assert laatste_vervallen(rekenregel(regel("1 dag")), date(1900, 1, 2)) is None


def test_an_end_on_the_last_day_of_the_calendar_is_said_without_a_day_after_it() -> None:
    from avgctl.output.bewaartermijnen import zin

    termijn = regel("6 jaar", vanaf="einde_kalenderjaar")
    uitkomst = beoordeel(termijn, date(9993, 1, 1), date(2099, 4, 18))
    assert uitkomst.reden == "bewaren tot en met 31 december 9999, de laatste dag van de kalender"
    assert zin("dossier", termijn, date(9993, 1, 1), date(2099, 4, 18), uitkomst).endswith(
        "blijven tot en met 31 december 9999 bewaard, de laatste dag van de kalender.")

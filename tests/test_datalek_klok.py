"""The 72-hour clock and the breach rules AVG801-AVG808, with hand-checked moments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from avgctl.models.datalek import Datalek
from avgctl.store.register import Context
from avgctl.termijnen.datalek import bereken, plus_uren
from tests.conftest import BASIS, check_repo, write_repo

AMS = ZoneInfo("Europe/Amsterdam")
F = "registers/datalekken/DL-2026-001.yaml"


def _t(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@pytest.mark.parametrize(("ontdekt", "deadline_lokaal"), [
    # Friday 27 March 2026 10:00 CET (+01:00); clocks go forward Sunday 29 March 02:00 -> 03:00.
    # 09:00 UTC + 72 h = Monday 30 March 09:00 UTC = 11:00 CEST.
    ("2026-03-27T10:00:00+01:00", "2026-03-30T11:00:00+02:00"),
    # Friday 23 October 2026 10:00 CEST (+02:00); clocks go back Sunday 25 October 03:00 -> 02:00.
    # 08:00 UTC + 72 h = Monday 26 October 08:00 UTC = 09:00 CET.
    ("2026-10-23T10:00:00+02:00", "2026-10-26T09:00:00+01:00"),
    # Christmas Eve, Thursday 24 December 2026 16:30 CET: holidays do not stop the clock,
    # Sunday 27 December 16:30 CET.
    ("2026-12-24T16:30:00+01:00", "2026-12-27T16:30:00+01:00"),
    # Found during the night of the spring change itself: Sunday 29 March 2026 01:30 CET
    # (00:30 UTC) + 72 h = Wednesday 1 April 00:30 UTC = 02:30 CEST.
    ("2026-03-29T01:30:00+01:00", "2026-04-01T02:30:00+02:00"),
    # An offset other than the organisation's: 10:00 in New York (-04:00) is 14:00 UTC,
    # + 72 h = Sunday 12 July 14:00 UTC = 16:00 CEST.
    ("2026-07-09T10:00:00-04:00", "2026-07-12T16:00:00+02:00"),
    # New Year's Eve 23:00 CET + 72 h: Saturday 3 January 2027 23:00 CET.
    ("2026-12-31T23:00:00+01:00", "2027-01-03T23:00:00+01:00"),
])
def test_ap_deadline_is_72_real_hours(ontdekt: str, deadline_lokaal: str) -> None:
    deadline = plus_uren(_t(ontdekt), 72)
    assert deadline == _t(deadline_lokaal)
    assert deadline.astimezone(AMS).isoformat() == deadline_lokaal
    assert deadline - _t(ontdekt) == dt.timedelta(hours=72)


def test_naive_moment_cannot_be_counted() -> None:
    with pytest.raises(ValueError):
        plus_uren(dt.datetime(2026, 3, 27, 10, 0), 72)


def test_processor_deadline_from_policy() -> None:
    datalek = Datalek.model_validate({
        "referentie": "DL-1", "ontdekt_op": "2026-03-27T10:00:00+01:00",
        "verwerker": {"partij": "x", "verwerker_ontdekt_op": "2026-03-26T08:00:00+01:00",
                      "gemeld_aan_ons_op": "2026-03-27T10:00:00+01:00"},
        "ap_meldingen": [{"soort": "voorlopig", "op": "2026-03-30T11:00:00+02:00"}],
    })
    t = bereken(datalek, 72, 24)
    assert t.verwerker_uiterlijk == _t("2026-03-27T08:00:00+01:00")
    assert t.verwerker_te_laat
    assert t.eerste_melding == _t("2026-03-30T09:00:00+00:00")
    assert not t.te_laat_gemeld  # exactly at the deadline is in time
    assert not bereken(datalek, 72, 48).verwerker_te_laat


def test_naive_timestamp_in_a_file_is_reported_with_its_line(tmp_path: Path) -> None:
    files = dict(BASIS)
    files[F] = ("referentie: DL-2026-001\nsoort: [vertrouwelijkheid]\n"
                "ontdekt_op: 2026-03-27T10:00:00\n")
    findings = check_repo(write_repo(tmp_path, files))
    assert [(f.code, f.location.file, f.location.line, f.location.column, f.message)
            for f in findings] == [
        ("AVG002", F, 3, 13, "'ontdekt_op' tijdstip zonder tijdzone (UTC-afwijking)")]


KOP = ("referentie: DL-2026-001\nontdekt_op: 2026-03-27T10:00:00+01:00\n"
       "beschrijving: Brief naar een verkeerd adres.\nsoort: [vertrouwelijkheid]\n")
MELDING = "ap_meldingen:\n  - soort: volledig\n    op: {op}\n    kenmerk: M-1\n"

# (code, file after the header lines, moment of the check, expected line)
CASES: list[tuple[str, str, str, int]] = [
    ("AVG801", "risico: risico\nbesluit_motivatie: x\n" + MELDING.format(
        op="2026-03-31T09:00:00+02:00"), "2026-04-02T12:00:00+02:00", 8),
    ("AVG802", "risico: risico\nbesluit_motivatie: x\n", "2026-03-30T11:00:01+02:00", 2),
    ("AVG802", "", "2026-03-31T00:00:00+02:00", 2),  # not assessed either
    ("AVG803", "risico: hoog_risico\nbesluit_motivatie: x\n" + MELDING.format(
        op="2026-03-28T09:00:00+01:00"), "2026-03-29T12:00:00+02:00", 5),
    ("AVG804", "verwerker:\n  partij: dossiersoft-bv\n"
     "  verwerker_ontdekt_op: 2026-03-25T08:00:00+01:00\n"
     "  gemeld_aan_ons_op: 2026-03-27T09:00:00+01:00\n", "2026-03-27T12:00:00+01:00", 8),
    ("AVG805", "risico: geen\n", "2026-03-27T12:00:00+01:00", 5),
    ("AVG805", "geen_datalek: true\n", "2026-03-27T12:00:00+01:00", 5),
    ("AVG806", "ernst: beperkt\nbetrokkenen: {aantal: 450}\n", "2026-03-27T12:00:00+01:00", 5),
    ("AVG807", "verwerkingen: [20.1.1]\nbijzondere_gegevens: [gezondheid]\n",
     "2026-03-27T12:00:00+01:00", 6),
    ("AVG808", "verwerkingen: [20.1.1, 20.9.9]\n", "2026-03-27T12:00:00+01:00", 5),
    ("AVG809", "afgesloten_op: 2026-03-20\n", "2026-03-27T12:00:00+01:00", 5),
    ("AVG809", "periode:\n  van: 2026-03-29\n", "2026-03-30T12:00:00+01:00", 6),
    ("AVG809", "evaluatie: {op: 2026-03-01, uitkomst: x}\n", "2026-04-10T12:00:00+02:00", 5),
    ("AVG809", "ook_geinformeerd:\n  - {wie: politie, op: 2026-03-26, wijze: aangifte}\n",
     "2026-04-10T12:00:00+02:00", 6),
    # 2026-04-10 + 90 days = 2026-07-09: the day after, the evaluation is overdue
    ("AVG810", "ernst: matig_tot_ernstig\nafgesloten_op: 2026-04-10\n",
     "2026-07-10T09:00:00+02:00", 6),
    ("AVG810", "ernst: matig_tot_ernstig\nafgesloten_op: 2026-04-10\nevaluatie: Goed gegaan.\n",
     "2026-07-10T09:00:00+02:00", 7),
]


def _check(tmp_path: Path, body: str, nu: str) -> list[tuple[str, int]]:
    from avgctl.rules.run import run_checks
    from avgctl.store.repo import load_register

    files = dict(BASIS)
    files[F] = KOP + body
    moment = _t(nu)
    findings = run_checks(load_register(write_repo(tmp_path, files)),
                          Context(moment.date(), moment))
    return [(f.code, f.location.line) for f in findings]


@pytest.mark.parametrize(("code", "body", "nu", "line"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(tmp_path: Path, code: str, body: str, nu: str, line: int) -> None:
    assert (code, line) in _check(tmp_path, body, nu)


def test_not_late_one_second_before_the_deadline(tmp_path: Path) -> None:
    body = "risico: risico\nbesluit_motivatie: x\n"
    assert _check(tmp_path, body, "2026-03-30T11:00:00+02:00") == []


def test_notified_in_time_and_clean(tmp_path: Path) -> None:
    body = ("risico: risico\nbesluit_motivatie: Financiële gegevens.\n"
            + MELDING.format(op="2026-03-30T10:59:00+02:00"))
    assert _check(tmp_path, body, "2026-04-10T12:00:00+02:00") == []

"""Breach follow-up (reference 002's procedure): the evaluation after a serious breach, the
others who were told, and the letter with the planned measures and the advice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from avgctl.models.datalek import Datalek
from avgctl.rules.run import run_checks
from avgctl.store.register import Context
from avgctl.store.repo import load_register
from tests.conftest import BASIS, write_repo

F = "registers/datalekken/DL-2026-001.yaml"
KOP = ("referentie: DL-2026-001\nontdekt_op: 2026-03-27T10:00:00+01:00\n"
       "beschrijving: Brief naar een verkeerd adres.\nsoort: [vertrouwelijkheid]\n"
       "risico: geen\nbesluit_motivatie: Eén ontvanger, die de brief terugstuurde.\n")
ERNSTIG = "ernst: matig_tot_ernstig\nafgesloten_op: 2026-04-10\n"


def _codes(tmp_path: Path, body: str, vandaag: str, config: str | None = None) -> list[str]:
    files = dict(BASIS)
    files[F] = KOP + body
    if config is not None:
        files["avgctl.yaml"] = BASIS["avgctl.yaml"] + config
    day = dt.date.fromisoformat(vandaag)
    findings = run_checks(load_register(write_repo(tmp_path, files)), Context(day))
    return [f.code for f in findings]


# (body, vandaag, AVG810 expected?) — the dates counted by hand: closed 2026-04-10, 90 days
# later is 2026-07-09 (20 days in April, 31 in May, 30 in June, 9 in July).
TABEL: list[tuple[str, str, bool]] = [
    (ERNSTIG, "2026-07-09", False),  # the last day is still in time
    (ERNSTIG, "2026-07-10", True),
    (ERNSTIG + "evaluatie: {op: 2026-06-15, uitkomst: Op tijd gemeld.}\n", "2027-01-01", False),
    (ERNSTIG + "evaluatie: {uitkomst: Op tijd gemeld.}\n", "2026-07-10", True),  # no date
    (ERNSTIG + "evaluatie: Op tijd gemeld.\n", "2026-07-10", True),  # the older form: one text
    ("ernst: beperkt\nafgesloten_op: 2026-04-10\n", "2027-01-01", False),  # not serious
    ("ernst: matig_tot_ernstig\n", "2027-01-01", False),  # still open
    (ERNSTIG + "geanonimiseerd_op: 2029-05-01\n", "2029-06-01", False),  # evaluation erased
    (ERNSTIG + "geen_datalek: true\n", "2027-01-01", False),
]


@pytest.mark.parametrize(("body", "vandaag", "verwacht"), TABEL)
def test_evaluation_overdue(tmp_path: Path, body: str, vandaag: str, verwacht: bool) -> None:
    assert ("AVG810" in _codes(tmp_path, body, vandaag)) is verwacht


def test_evaluation_period_is_a_policy_setting(tmp_path: Path) -> None:
    beleid = "beleid:\n  datalekken:\n    evaluatie_binnen_dagen: 30\n"
    # 2026-04-10 + 30 days = 2026-05-10
    assert "AVG810" not in _codes(tmp_path / "a", ERNSTIG, "2026-05-10", beleid)
    assert "AVG810" in _codes(tmp_path / "b", ERNSTIG, "2026-05-11", beleid)
    assert "AVG810" not in _codes(tmp_path / "c", ERNSTIG, "2026-05-11")  # default 90


def test_evaluation_message_names_the_dates(tmp_path: Path) -> None:
    files = dict(BASIS)
    files[F] = KOP + ERNSTIG
    findings = run_checks(load_register(write_repo(tmp_path, files)),
                          Context(dt.date(2026, 8, 1)))
    hit = next(f for f in findings if f.code == "AVG810")
    assert (hit.location.line, hit.location.column) == (8, 16)
    assert hit.message == ("DL-2026-001 is matig tot ernstig en afgesloten op 2026-04-10, maar "
                           "heeft 90 dagen later (2026-07-09) geen evaluatie")


def test_others_told_are_read_with_date_and_way() -> None:
    d = Datalek.model_validate({
        "referentie": "DL-1", "ontdekt_op": "2026-03-27T10:00:00+01:00",
        "ook_geinformeerd": [{"wie": "bank", "op": "2026-03-28", "wijze": "telefoon"},
                             {"wie": "politie", "op": "2026-03-28T09:00:00+01:00"}],
        "evaluatie": "Eén tekst uit een ouder register."})
    assert [(o.wie, o.wijze) for o in d.ook_geinformeerd] == [("bank", "telefoon"),
                                                              ("politie", None)]
    assert d.ook_geinformeerd[0].op == dt.date(2026, 3, 28)
    assert d.evaluatie is not None and d.evaluatie.uitkomst == "Eén tekst uit een ouder register."
    assert d.evaluatie.op is None


def test_others_told_needs_who(tmp_path: Path) -> None:
    codes = _codes(tmp_path, "ook_geinformeerd:\n  - {op: 2026-03-28}\n", "2026-04-01")
    assert "AVG002" in codes


BRIEF_KOP = """\
referentie: DL-2026-001
ontdekt_op: 2026-03-27T10:00:00+01:00
beschrijving: Een lijst met dossiers is per e-mail naar een verkeerde ontvanger gestuurd.
soort: [vertrouwelijkheid]
gegevens: [NAW, wachtwoord]
gevolgen: Iemand kan met uw wachtwoord proberen in te loggen.
risico: hoog_risico
maatregelen:
  genomen: [De ontvanger heeft de e-mail verwijderd.]
"""


def _brief(cli: Any, tmp_path: Path, body: str) -> str:
    files = dict(BASIS)
    files[F] = BRIEF_KOP + body
    root = write_repo(tmp_path, files)
    result = cli("datalek", "brief", "DL-2026-001", "--vandaag", "2026-04-01",
                 "--repo", str(root))
    assert (result.exit_code, result.err) == (0, "")
    out: str = result.out
    return out


def test_letter_gives_planned_measures_and_own_advice_first(cli: Any, tmp_path: Path) -> None:
    text = _brief(cli, tmp_path, "  gepland: [Tweestapsverificatie voor het portaal.]\n"
                  "advies_betrokkenen:\n  - Log in op het portaal en kies een nieuw wachtwoord.\n"
                  "  - Log in op het portaal en kies een nieuw wachtwoord.\n")
    assert ("## Wat hebben wij gedaan?\n\n- De ontvanger heeft de e-mail verwijderd.\n\n"
            "## Wat gaan wij nog doen?\n\n- Tweestapsverificatie voor het portaal.\n\n"
            "## Wat kunt u zelf doen?\n\n- Log in op het portaal en kies een nieuw wachtwoord.\n"
            "- Verander uw wachtwoord, ook bij andere diensten waar u hetzelfde wachtwoord "
            "gebruikt.\n- Wees alert") in text
    assert text.count("kies een nieuw wachtwoord") == 1  # the same advice once


def test_letter_without_planned_measures_has_no_empty_section(cli: Any, tmp_path: Path) -> None:
    text = _brief(cli, tmp_path, "")
    assert "Wat gaan wij nog doen?" not in text
    assert "## Wat kunt u zelf doen?\n\n- Verander uw wachtwoord" in text


def test_update_records_the_evaluation_with_its_date(cli: Any, tmp_path: Path) -> None:
    files = dict(BASIS)
    files[F] = KOP + ERNSTIG + "evaluatie: Op tijd gemeld.\n"
    root = write_repo(tmp_path, files)
    result = cli("datalek", "update", "DL-2026-001", "--evaluatie-op", "2026-06-15",
                 "--repo", str(root))
    assert (result.exit_code, result.out, result.err) == (
        0, "Datalek DL-2026-001 bijgewerkt: evaluatie.\n", "")
    # the older one text is kept as the outcome, the date added
    assert (root / F).read_text(encoding="utf-8").endswith(
        "afgesloten_op: 2026-04-10\nevaluatie:\n  op: 2026-06-15\n  uitkomst: Op tijd gemeld.\n")
    result = cli("datalek", "update", "DL-2026-001", "--evaluatie", "Brief te laat verstuurd.",
                 "--repo", str(root))
    assert result.exit_code == 0
    assert (root / F).read_text(encoding="utf-8").endswith(
        "evaluatie:\n  op: 2026-06-15\n  uitkomst: Brief te laat verstuurd.\n")
    day = dt.date(2027, 1, 1)
    assert "AVG810" not in [f.code for f in run_checks(load_register(root), Context(day))]


def test_update_refuses_a_bad_evaluation_date(cli: Any, tmp_path: Path) -> None:
    files = dict(BASIS)
    files[F] = KOP + ERNSTIG
    root = write_repo(tmp_path, files)
    before = (root / F).read_text(encoding="utf-8")
    result = cli("datalek", "update", "DL-2026-001", "--evaluatie-op", "15-06-2026",
                 "--repo", str(root))
    assert result.exit_code == 2 and "--evaluatie-op" in result.err
    assert (root / F).read_text(encoding="utf-8") == before


def test_processor_deadline_comes_from_its_agreement(tmp_path: Path) -> None:
    """AVG804 counts with the hours of the agreement (art. 28(3)(f)), else with the policy."""
    body = ("verwerker:\n  partij: dossiersoft-bv\n"
            "  verwerker_ontdekt_op: 2026-03-27T08:00:00+01:00\n"
            "  gemeld_aan_ons_op: 2026-03-27T13:00:00+01:00\n")
    files = dict(BASIS)
    files[F] = KOP + body
    assert "datalek_melden_uur: 24" in files["registers/partijen.yaml"]
    day = dt.date(2026, 4, 1)
    assert "AVG804" not in [f.code for f in run_checks(
        load_register(write_repo(tmp_path / "a", files)), Context(day))]  # 5 h < 24 h
    files["registers/partijen.yaml"] = files["registers/partijen.yaml"].replace(
        "datalek_melden_uur: 24", "datalek_melden_uur: 4")
    hits = [f for f in run_checks(load_register(write_repo(tmp_path / "b", files)),
                                  Context(day)) if f.code == "AVG804"]
    assert [h.message for h in hits] == ["DL-2026-001: de verwerker meldde het 1 uur later "
                                         "dan afgesproken"]
    # without clauses in the agreement the policy counts
    files["registers/partijen.yaml"] = files["registers/partijen.yaml"].replace(
        "datalek_melden_uur: 4,", "")
    assert "AVG804" not in [f.code for f in run_checks(
        load_register(write_repo(tmp_path / "c", files)), Context(day))]

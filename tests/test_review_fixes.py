"""Regression tests for problems found in review: what must never reach the register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from avgctl.models.organisatie import Verzoekbeleid
from avgctl.models.verzoek import Verzoek
from avgctl.termijnen.verzoek import bereken
from avgctl.verzoeken.views import lijkt_identiteit
from tests.conftest import BASIS, check_repo, write_repo

F = "registers/verzoeken.csv"
KOP = "referentie,ontvangen,betrokkene_ref,kanaal,type,status\n"


@pytest.mark.parametrize(("ref", "soort"), [
    ("111.222.333", "een BSN"), ("111-222-333", "een BSN"), ("06-12345678", "een telefoonnummer"),
    ("010-1234567", "een telefoonnummer"), ("Jan Jansen", "een naam"),
    ("j@voorbeeld.nl", "een e-mailadres"), ("K-104233", None), ("D-2026-0412", None),
])
def test_identity_like_references(ref: str, soort: str | None) -> None:
    assert lijkt_identiteit(ref) == soort


def test_add_refuses_an_identity_and_writes_nothing(cli: Any, tmp_path: Path) -> None:
    root = write_repo(tmp_path, {**BASIS, F: KOP})
    before = (root / F).read_bytes()
    result = cli("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "Jan Jansen",
                 "--kanaal", "email", "--repo", str(root), "--vandaag", "2026-06-01")
    assert result.exit_code == 1
    assert "lijkt een naam" in result.err
    assert (root / F).read_bytes() == before


def test_extension_before_receipt_is_refused(cli: Any, tmp_path: Path) -> None:
    root = write_repo(tmp_path, {**BASIS, F: KOP + "AVG-2026-0001,2026-05-04,K-1,email,inzage,"
                                 "open\n"})
    result = cli("verzoek", "verleng", "AVG-2026-0001", "--reden", "veel", "--op", "2026-05-01",
                 "--repo", str(root), "--vandaag", "2026-05-10")
    assert result.exit_code == 1
    assert "ligt vóór de ontvangst" in result.err


def test_pause_is_added_before_the_shift_to_a_working_day() -> None:
    # Received Wednesday 28 October 2026; own target 1 month: Saturday 28 November (raw).
    # A pause of 2 days moves the raw end to Monday 30 November, a working day. Shifting first
    # (to Monday 30) and adding the pause after (Wednesday 2 December) would be two days late.
    verzoek = Verzoek.model_validate({
        "referentie": "R", "ontvangen": "2026-10-28", "betrokkene_ref": "K-1",
        "kanaal": "email", "type": "inzage", "gepauzeerd_van": "2026-10-29",
        "gepauzeerd_tot": "2026-10-31"})
    t = bereken(verzoek, Verzoekbeleid())
    assert t.intern == dt.date(2026, 11, 30)
    assert t.wettelijk == dt.date(2026, 11, 30)  # the legal deadline has no pause
    assert t.wettelijk_met_pauze == dt.date(2026, 11, 30)


@pytest.mark.parametrize(("beleid", "message"), [
    ("standaard: {termijn: onbeperkt, verlenging: 2 maanden}", "niet onbeperkt"),
    ("per_type: {wisssing: {termijn: 2 weken, verlenging: 2 weken}}", "wisssing"),
])
def test_request_policy_mistakes_are_findings(tmp_path: Path, beleid: str, message: str) -> None:
    config = BASIS["avgctl.yaml"] + f"beleid:\n  verzoeken:\n    {beleid}\n"
    files = {**BASIS, "avgctl.yaml": config}
    findings = check_repo(write_repo(tmp_path, files))
    assert [f.code for f in findings] == ["AVG002"]
    assert message in findings[0].message + findings[0].hint or message in str(findings[0])


def test_meld_with_an_unknown_kind_is_a_dutch_error(cli: Any, tmp_path: Path) -> None:
    root = write_repo(tmp_path, dict(BASIS))
    cli("datalek", "add", "--ontdekt-op", "2026-03-27T10:00", "--beschrijving", "x",
        "--repo", str(root), "--nu", "2026-03-27T10:00")
    result = cli("datalek", "meld", "DL-2026-001", "--soort", "onzin", "--repo", str(root),
                 "--nu", "2026-03-27T12:00")
    assert result.exit_code == 1
    assert result.err.startswith("fout: ongeldig melding: ongeldige waarde 'onzin'")
    first = cli("datalek", "meld", "DL-2026-001", "--soort", "aanvulling", "--repo", str(root),
                "--nu", "2026-03-27T12:00")
    assert first.exit_code == 1 and "nog niet gemeld" in first.err


@pytest.mark.parametrize(("moment", "message"), [
    ("2026-03-29T02:30", "bestaat niet"),  # clocks jump from 02:00 to 03:00
    ("2026-10-25T02:30", "komt twee keer voor"),  # clocks go back from 03:00 to 02:00
])
def test_local_times_around_dst_changes(cli: Any, tmp_path: Path, moment: str,
                                        message: str) -> None:
    root = write_repo(tmp_path, dict(BASIS))
    result = cli("datalek", "add", "--ontdekt-op", moment, "--beschrijving", "x",
                 "--repo", str(root), "--nu", "2026-11-01T10:00")
    assert result.exit_code == 2
    assert message in result.err
    assert not (root / "registers/datalekken").exists()


def test_bad_integer_option_names_the_option(cli: Any, tmp_path: Path) -> None:
    result = cli("datalek", "trend", "--jaar", "abc", "--repo", str(write_repo(tmp_path, BASIS)))
    assert result.exit_code == 2
    assert "--jaar" in result.err and "None" not in result.err

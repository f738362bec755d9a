"""``avgctl bewaartermijnen``: exact output and exit codes, AVG116, status and deadlines, and
``anonimiseer`` on CSV and YAML records (dry run, apply, read back, git advice)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BASIS, PROJECT, VOORBEELD_DAG, check_repo, write_repo

DAG = VOORBEELD_DAG.isoformat()  # 2026-11-20
EXAMPLE = ("--repo", str(PROJECT))

TERMIJNEN = """\
dossier:
  duur: 10 jaar
  na: sluiten_dossier
verzoeken:
  duur: 3 jaar
  na: ontvangst
  vanaf: einde_kalenderjaar
  daarna: anonimiseren
datalekken:
  duur: 3 jaar
  na: afsluiting
  daarna: anonimiseren
"""

KOP = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,verificatie_op,"
       "afgehandeld_op,besluit,verzonden_via,opmerking,intern_dossier\n")
VERZOEKEN = KOP + (
    # received 2022: its period ended 31 Dec 2025, due on 1 Jan 2026
    "AVG-2022-0001,2022-03-02,K-481516,email,inzage,afgehandeld,positief,2022-03-03,"
    "2022-03-20,toegewezen,aangetekende brief,belde boos op,DOS-77\n"
    # received 2023: its period ends 31 Dec 2026
    "AVG-2023-0001,2023-05-02,K-232342,brief,inzage,afgehandeld,positief,2023-05-03,"
    "2023-05-20,toegewezen,e-mail,,\n"
    # received 2021 but still open: never due
    "AVG-2021-0007,2021-11-02,K-99,email,inzage,in_behandeling,positief,2021-11-03,,,,,\n"
)

DATALEK = """\
# Brief van mevrouw X naar het verkeerde adres.
referentie: DL-2021-001
gemeld_door: Receptie, J. de Vries
ontdekt_op: 2021-02-01T10:00:00+01:00
beschrijving: Brief naar het verkeerde adres gestuurd.
oorzaak: typefout in het adres
soort: [vertrouwelijkheid]
betrokkenen: {categorieen: [debiteur], aantal: 1}
risico: geen
besluit_motivatie: Ongeopend teruggekregen van de buren van mevrouw X.
afgesloten_op: 2021-02-10
"""


def _repo(tmp_path: Path, **extra: str) -> Path:
    files = dict(BASIS)
    files["registers/bewaartermijnen.yaml"] = TERMIJNEN
    files["registers/verzoeken.csv"] = VERZOEKEN
    files["registers/datalekken/DL-2021-001.yaml"] = DATALEK
    files.update(extra)
    return write_repo(tmp_path / "repo", files)


# --- einde ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "verwacht"), [
    (("verzoeken", "2023-03-15"),
     {"bewaartermijn": "verzoeken", "gebeurtenis_op": "2023-03-15", "einde": "2026-12-31",
      "vervallen": False, "reden": "bewaren tot en met 31 december 2026; vanaf 1 januari 2027 "
      "moeten de gegevens weg zijn"}),
    (("verzoeken", "2022-12-31"),
     {"bewaartermijn": "verzoeken", "gebeurtenis_op": "2022-12-31", "einde": "2025-12-31",
      "vervallen": True, "reden": "de bewaartermijn eindigde op 31 december 2025; de gegevens "
      "moeten sinds 1 januari 2026 weg zijn"}),
    (("dossier", "2016-02-29"),
     {"bewaartermijn": "dossier", "gebeurtenis_op": "2016-02-29", "einde": "2026-02-28",
      "vervallen": True, "reden": "de bewaartermijn eindigde op 28 februari 2026; de gegevens "
      "moeten sinds 1 maart 2026 weg zijn"}),
    (("camerabeelden", "2026-10-23"),  # 4 weeks: 20 Nov 2026 is the last day, not yet due
     {"bewaartermijn": "camerabeelden", "gebeurtenis_op": "2026-10-23", "einde": "2026-11-20",
      "vervallen": False, "reden": "bewaren tot en met 20 november 2026; vanaf 21 november "
      "2026 moeten de gegevens weg zijn"}),
    (("camerabeelden", "2026-10-01", "--blokkade", "incident in onderzoek"),
     {"bewaartermijn": "camerabeelden", "gebeurtenis_op": "2026-10-01", "einde": "2026-10-29",
      "vervallen": False, "reden": "blokkade (incident in onderzoek): bewaren zolang die duurt, "
      "ook na de termijn; zonder blokkade: de bewaartermijn eindigde op 29 oktober 2026; de "
      "gegevens moeten sinds 30 oktober 2026 weg zijn"}),
    (("repertorium", "1990-01-01"),
     {"bewaartermijn": "repertorium", "gebeurtenis_op": "1990-01-01", "einde": None,
      "vervallen": False, "reden": "onbeperkt bewaren: deze termijn heeft geen einde"}),
    (("nieuwsbrief", "2020-01-01"),
     {"bewaartermijn": "nieuwsbrief", "gebeurtenis_op": "2020-01-01", "einde": None,
      "vervallen": False, "reden": "niet te berekenen: geen vaste duur, alleen het criterium "
      "'zolang de nieuwsbrief-inschrijving loopt'"}),
])
def test_einde_json(cli: Any, args: tuple[str, ...], verwacht: dict[str, Any]) -> None:
    result = cli("bewaartermijnen", "einde", *args, "--format", "json", "--vandaag", DAG,
                 *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    assert json.loads(result.out) == verwacht
    assert list(json.loads(result.out)) == ["bewaartermijn", "gebeurtenis_op", "einde",
                                            "vervallen", "reden"]


def test_einde_text(cli: Any) -> None:
    result = cli("bewaartermijnen", "einde", "verzoeken", "2023-03-15", "--vandaag", DAG,
                 *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        "Gegevens onder bewaartermijn verzoeken (3 jaar na het einde van het kalenderjaar van "
        "ontvangst) met ontvangst op 15 maart 2023 blijven tot en met 31 december 2026 bewaard "
        "en moeten vanaf 1 januari 2027 worden geanonimiseerd (vandaag is het 20 november "
        "2026).\n")
    result = cli("bewaartermijnen", "einde", "camerabeelden", "2026-10-01", "--blokkade",
                 "incident in onderzoek", "--vandaag", DAG, *EXAMPLE)
    assert result.out == (
        "Gegevens onder bewaartermijn camerabeelden (4 weken na opname) met opname op 1 oktober "
        "2026 blijven bewaard zolang de blokkade duurt (incident in onderzoek); zonder blokkade "
        "eindigt de termijn op 29 oktober 2026.\n")


def test_einde_direct_na_afloop(cli: Any) -> None:
    # "direct na afloop": the period ends on the day of the event itself (reference 000).
    result = cli("bewaartermijnen", "einde", "afspraken", "2026-11-20", "--vandaag", DAG,
                 *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        "Gegevens onder bewaartermijn afspraken (direct na afloop afspraak) met afloop afspraak "
        "op 20 november 2026 blijven tot en met 20 november 2026 bewaard en moeten vanaf 21 "
        "november 2026 worden vernietigd (vandaag is het 20 november 2026).\n")
    result = cli("bewaartermijnen", "einde", "afspraken", "2026-11-19", "--format", "json",
                 "--vandaag", DAG, *EXAMPLE)
    assert json.loads(result.out) == {
        "bewaartermijn": "afspraken", "gebeurtenis_op": "2026-11-19", "einde": "2026-11-19",
        "vervallen": True, "reden": "de bewaartermijn eindigde op 19 november 2026; de "
        "gegevens moeten sinds 20 november 2026 weg zijn"}


@pytest.mark.parametrize(("args", "code", "err"), [
    (("dosier", "2020-01-01"), 1,
     "fout: geen bewaartermijn met id 'dosier'; bedoelde u dossier?\n"),
    (("dossier", "2020-02-30"), 2, "fout: DATUM '2020-02-30' is geen datum; schrijf JJJJ-MM-DD, "
     "bijvoorbeeld 2026-03-27\n"),
    (("dossier", "2020-01-01", "--format", "xml"), 2,
     "fout: onbekend formaat 'xml'; kies uit: text, json\n"),
])
def test_einde_errors(cli: Any, args: tuple[str, ...], code: int, err: str) -> None:
    result = cli("bewaartermijnen", "einde", *args, "--vandaag", DAG, *EXAMPLE)
    assert (result.exit_code, result.out, result.err) == (code, "", err)


def test_einde_far_future_is_refused_not_a_crash(cli: Any) -> None:
    result = cli("bewaartermijnen", "einde", "dossier", "9995-01-01", "--format", "json",
                 "--vandaag", DAG, *EXAMPLE)
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == ("fout: DATUM 9995-01-01 ligt buiten de jaren 1900-2999 waarin "
                          "avgctl termijnen berekent\n")


# --- list -----------------------------------------------------------------------------------

def test_list_json_on_the_example(cli: Any) -> None:
    result = cli("bewaartermijnen", "list", "--format", "json", *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    rules = {r["id"]: r for r in json.loads(result.out)}
    assert rules["fiscaal"]["tekst"] == ("7 jaar na het einde van het boekjaar van boeking, "
                                         "daarna vernietigen")
    assert rules["fiscaal"]["tekst_en"] == ("7 years after the end of the financial year in "
                                            "which the entry is booked, then destroyed")
    assert rules["nieuwsbrief"]["berekenbaar"] is False
    assert rules["repertorium"]["tekst"] == "onbeperkt"
    assert [v["id"] for v in rules["verzoeken"]["verwerkingen"]] == ["80.4.1"]
    assert rules["camerabeelden"]["verwerkingen"][0]["id"] == "70.1.1"


def test_list_text(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, **{"registers/bewaartermijnen.yaml": TERMIJNEN + (
        "nieuwsbrief:\n  criterium: zolang de inschrijving loopt\n  bron: Toestemming\n")})
    result = cli("bewaartermijnen", "list", "--repo", str(root))
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        "dossier: 10 jaar na sluiten dossier, daarna vernietigen\n"
        "  20.1.1 Intake nieuwe zaak: NAW\n"
        "verzoeken: 3 jaar na het einde van het kalenderjaar van ontvangst, daarna anonimiseren\n"
        "  door geen verwerking gebruikt\n"
        "datalekken: 3 jaar na afsluiting, daarna anonimiseren\n"
        "  door geen verwerking gebruikt\n"
        "nieuwsbrief: zolang de inschrijving loopt (niet te berekenen)\n"
        "  bron: Toestemming\n"
        "  door geen verwerking gebruikt\n"
        "4 bewaartermijnen\n")


# --- check ----------------------------------------------------------------------------------

def test_check_fail_on_vervallen_exit_codes(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path)
    repo = ("--repo", str(root))
    # 31 Dec 2025: the 2022 request is on its last day; the breach (closed 10 Feb 2021, 3
    # years) ended on 10 Feb 2024 and is due
    result = cli("bewaartermijnen", "check", "--fail-on", "vervallen", "--vandaag",
                 "2023-06-01", *repo)
    assert (result.exit_code, result.err) == (0, "")
    result = cli("bewaartermijnen", "check", "--fail-on", "vervallen", "--vandaag",
                 "2024-02-10", *repo)
    assert result.exit_code == 0  # the breach's last day
    result = cli("bewaartermijnen", "check", "--fail-on", "vervallen", "--vandaag",
                 "2024-02-11", *repo)
    assert result.exit_code == 1
    assert result.out == (
        "registers/datalekken/DL-2021-001.yaml:2: datalek DL-2021-001: vervallen, de "
        "bewaartermijn eindigde op 10 februari 2024; de gegevens moeten sinds 11 februari 2024 "
        "weg zijn\n"
        "1 datalek over de bewaartermijn en nog niet geanonimiseerd. Zie wat er verdwijnt met "
        "'avgctl bewaartermijnen anonimiseer'.\n"
        "4 records: 2 binnen de termijn, 1 nog in behandeling, 0 met een blokkade, 0 "
        "geanonimiseerd.\n")
    # without --fail-on the same state exits 0: the list is information
    assert cli("bewaartermijnen", "check", "--vandaag", "2024-02-11", *repo).exit_code == 0
    result = cli("bewaartermijnen", "check", "--fail-on", "vervallen", "--vandaag",
                 "2026-01-01", *repo)
    assert result.exit_code == 1
    assert "verzoek AVG-2022-0001: vervallen" in result.out
    assert "AVG-2021-0007" not in result.out  # open: never due
    assert "1 verzoek en 1 datalek over de bewaartermijn" in result.out
    # a hold keeps the breach
    (root / "registers/datalekken/DL-2021-001.yaml").write_text(
        DATALEK + "blokkade: bezwaarprocedure loopt\n", encoding="utf-8")
    (root / "registers/verzoeken.csv").write_text(VERZOEKEN.replace(
        "AVG-2022-0001,2022-03-02", "AVG-2022-0001,2023-01-02"), encoding="utf-8")
    result = cli("bewaartermijnen", "check", "--fail-on", "vervallen", "--vandaag",
                 "2026-01-01", *repo)
    assert result.exit_code == 0, result.out
    assert "DL-2021-001: blokkade (bezwaarprocedure loopt)" in result.out
    assert cli("bewaartermijnen", "check", "--fail-on", "soon", *repo).exit_code == 2


def test_check_json(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path)
    result = cli("bewaartermijnen", "check", "--format", "json", "--vandaag", "2026-01-01",
                 "--repo", str(root))
    data = json.loads(result.out)
    assert data["aantallen"] == {"bewaren": 1, "open": 1, "vervallen": 2}
    assert [(r["referentie"], r["regel"], r["einde"], r["vervallen"]) for r in data["records"]] \
        == [("AVG-2022-0001", 2, "2025-12-31", True), ("DL-2021-001", 2, "2024-02-10", True)]


def test_check_names_an_unusable_rule(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, **{"registers/bewaartermijnen.yaml": TERMIJNEN.replace(
        "  na: ontvangst\n", "  na: einde_kalenderjaar_ontvangst\n")})
    result = cli("bewaartermijnen", "check", "--vandaag", "2026-01-01", "--repo", str(root))
    assert result.out.startswith(
        "let op: bewaartermijn 'verzoeken' loopt na 'einde_kalenderjaar_ontvangst'; voor "
        "verzoeken kan dat alleen 'ontvangst' of 'afhandeling' zijn; zie 'avgctl rules AVG115'\n")
    hits = [f for f in check_repo(root) if f.code == "AVG115"]
    assert [(h.location.file, h.location.line) for h in hits] == [
        ("registers/bewaartermijnen.yaml", 6)]


def test_avg116_at_the_record_line(tmp_path: Path) -> None:
    import datetime as dt

    root = _repo(tmp_path)
    hits = [f for f in check_repo(root, dt.date(2026, 1, 1)) if f.code == "AVG116"]
    assert [(h.location.file, h.location.line, h.message) for h in hits] == [
        ("registers/datalekken/DL-2021-001.yaml", 2, "datalek DL-2021-001: de bewaartermijn "
         "'datalekken' eindigde op 10 februari 2024; het is nog niet geanonimiseerd"),
        ("registers/verzoeken.csv", 2, "verzoek AVG-2022-0001: de bewaartermijn 'verzoeken' "
         "eindigde op 31 december 2025; het is nog niet geanonimiseerd")]
    assert [f for f in check_repo(root, dt.date(2023, 6, 1)) if f.code == "AVG116"] == []


def test_example_check_and_status(cli: Any) -> None:
    result = cli("bewaartermijnen", "check", "--fail-on", "vervallen", "--vandaag", DAG,
                 *EXAMPLE)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out.endswith(
        "Geen eigen verzoeken of datalekken over de bewaartermijn op 20 november 2026.\n"
        "106 records: 93 binnen de termijn, 9 nog in behandeling, 1 met een blokkade, 3 "
        "geanonimiseerd.\n")
    later = cli("bewaartermijnen", "check", "--fail-on", "vervallen", "--vandaag",
                "2027-01-01", *EXAMPLE)
    assert later.exit_code == 1
    assert "verzoek AVG-2023-0031: vervallen" in later.out
    status = cli("status", "--format", "json", "--vandaag", "2027-01-01", *EXAMPLE)
    data = json.loads(status.out)
    assert (data["te_anonimiseren"], data["vastgehouden"]) == (1, 1)


# --- deadlines ------------------------------------------------------------------------------

def test_deadlines_list_retention_ends_within_the_window(cli: Any) -> None:
    kort = cli("deadlines", "--format", "json", "--vandaag", DAG, *EXAMPLE)
    assert "bewaartermijn" not in {t["soort"] for t in json.loads(kort.out)}
    lang = cli("deadlines", "--format", "json", "--binnen", "60d", "--vandaag", DAG, *EXAMPLE)
    items = [t for t in json.loads(lang.out) if t["soort"] == "bewaartermijn"]
    assert items == [{
        "soort": "bewaartermijn", "referentie": "AVG-2023-0031",
        "omschrijving": "bewaartermijn verzoeken (verzoek), daarna anonimiseren",
        "wettelijk": "2026-12-31", "dagen_wettelijk": 41, "intern": None, "dagen_intern": None,
        "te_laat": False, "bestand": "registers/verzoeken/AVG-2023-0031.yaml", "regel": 2}]
    ics = cli("deadlines", "--format", "ics", "--binnen", "60d", "--vandaag", DAG, *EXAMPLE)
    assert "UID:bewaartermijn-AVG-2023-0031-wettelijk@avgctl\r\n" in ics.out
    assert "DTSTART;VALUE=DATE:20261231\r\n" in ics.out
    te_laat = cli("deadlines", "--fail-on", "overdue", "--vandaag", "2027-01-01", *EXAMPLE)
    assert te_laat.exit_code == 1
    assert "VERVALLEN  AVG-2023-0031" in te_laat.out


# --- anonimiseer ----------------------------------------------------------------------------

def test_anonimiseer_dry_run_changes_nothing(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = cli("bewaartermijnen", "anonimiseer", "--vandaag", "2026-01-01", "--repo",
                 str(root))
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        "registers/verzoeken.csv:2: verzoek AVG-2022-0001, termijn eindigde op 31 december 2025\n"
        "  betrokkene_ref wordt vervangen door 'geanonimiseerd'\n"
        "  leeggemaakt: opmerking, verzonden_via, intern_dossier\n"
        "  geanonimiseerd_op wordt 2026-01-01\n"
        "registers/datalekken/DL-2021-001.yaml:2: datalek DL-2021-001, termijn eindigde op 10 "
        "februari 2024\n"
        "  leeggemaakt: gemeld_door, beschrijving, oorzaak, besluit_motivatie\n"
        "  geanonimiseerd_op wordt 2026-01-01\n"
        "1 verzoek en 1 datalek te anonimiseren. Er is nog niets gewijzigd; doe het met "
        "'avgctl bewaartermijnen anonimiseer --apply'.\n")
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_anonimiseer_apply(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path)
    # the open request of 2021 is late (AVG705): a finding anonymising does not touch
    assert sorted(f.code for f in check_repo(root)) == ["AVG116", "AVG116", "AVG705"]
    result = cli("bewaartermijnen", "anonimiseer", "--apply", "--vandaag", "2026-01-01",
                 "--repo", str(root))
    assert (result.exit_code, result.err) == (0, "")
    assert "1 verzoek en 1 datalek geanonimiseerd." in result.out
    assert "geen git-repository" in result.out and "back-ups" in result.out
    csv_text = (root / "registers/verzoeken.csv").read_text(encoding="utf-8")
    assert csv_text == KOP.replace("\n", ",geanonimiseerd_op\n") + (
        "AVG-2022-0001,2022-03-02,geanonimiseerd,email,inzage,afgehandeld,positief,2022-03-03,"
        "2022-03-20,toegewezen,,,,2026-01-01\n"
        "AVG-2023-0001,2023-05-02,K-232342,brief,inzage,afgehandeld,positief,2023-05-03,"
        "2023-05-20,toegewezen,e-mail,,\n"
        "AVG-2021-0007,2021-11-02,K-99,email,inzage,in_behandeling,positief,2021-11-03,,,,,\n")
    lek = (root / "registers/datalekken/DL-2021-001.yaml").read_text(encoding="utf-8")
    assert lek == (
        "referentie: DL-2021-001\n"
        "ontdekt_op: 2021-02-01T10:00:00+01:00\n"
        "soort: [vertrouwelijkheid]\n"
        "betrokkenen: {categorieen: [debiteur], aantal: 1}\n"
        "risico: geen\n"
        "afgesloten_op: 2021-02-10\n"
        "geanonimiseerd_op: 2026-01-01\n")
    for geheim in ("K-481516", "aangetekende brief", "belde boos", "DOS-77", "J. de Vries",
                   "mevrouw X", "typefout"):
        assert geheim not in csv_text + lek
    assert [f.code for f in check_repo(root)] == ["AVG705"]
    again = cli("bewaartermijnen", "anonimiseer", "--apply", "--vandaag", "2026-01-02",
                "--repo", str(root))
    assert again.out.startswith("Niets te anonimiseren op 2 januari 2026")


def test_anonimiseer_refuses_a_record_held_in_the_meantime(tmp_path: Path) -> None:
    """The plan is judged again under the lock, on the file as it is then."""
    import datetime as dt

    from avgctl.commands import anonimiseren
    from avgctl.store.repo import load_register

    root = _repo(tmp_path)
    register = load_register(root)
    plan = anonimiseren.plan(register, dt.date(2026, 1, 1))
    assert [s.referentie for s in plan.stappen] == ["AVG-2022-0001", "DL-2021-001"]
    lek = root / "registers/datalekken/DL-2021-001.yaml"
    lek.write_text(DATALEK + "blokkade: klacht ingediend\n", encoding="utf-8")
    held = lek.read_bytes()
    result = anonimiseren.voer_uit(register, plan, dt.date(2026, 1, 1))
    assert [s.referentie for s in result.plan.stappen] == ["AVG-2022-0001"]
    assert lek.read_bytes() == held


def test_anonimiseer_in_git_gives_the_history_commands(cli: Any, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is niet geïnstalleerd")
    root = _repo(tmp_path)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), "-c", "user.email=t@example.org", "-c",
                        "user.name=t", *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "register")
    result = cli("bewaartermijnen", "anonimiseer", "--apply", "--vandaag", "2026-01-01",
                 "--repo", str(root))
    assert result.exit_code == 0
    lijst = root / ".git" / "avgctl-vervangingen-2026-01-01.txt"
    assert f"git -C {root}-schoon filter-repo --replace-text {lijst}\n" in result.out
    assert f"git clone --no-local {root} {root}-schoon\n" in result.out
    assert "elke kloon en elke back-up" in result.out
    regels = lijst.read_text(encoding="utf-8").splitlines()
    assert "literal:K-481516==>***geanonimiseerd***" in regels
    assert "literal:Receptie, J. de Vries==>***geanonimiseerd***" in regels
    assert "literal:belde boos op==>***geanonimiseerd***" in regels
    assert lijst.stat().st_mode & 0o777 == 0o600
    # "e-mail" is still the channel text of a newer request: left out, and said so
    assert not any("e-mail==>" in r for r in regels)


def test_the_quick_pre_filter_gives_the_same_verdicts(tmp_path: Path) -> None:
    import datetime as dt

    from avgctl.overzicht import bewaren
    from avgctl.store.repo import load_register

    register = load_register(_repo(tmp_path))
    for dag in (dt.date(2025, 12, 31), dt.date(2026, 1, 1), dt.date(2027, 1, 1)):
        volledig = [(e.stand.record.referentie, e.stand.status) for e in
                    bewaren.standen(register, dag) if e.stand.status in ("vervallen", "blokkade")]
        snel = [(e.stand.record.referentie, e.stand.status) for e in
                bewaren.standen(register, dag, dag) if e.stand.status in ("vervallen", "blokkade")]
        assert snel == volledig

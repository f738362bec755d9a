"""Validate before writing: a workflow command refuses a change in which the rules of
``check`` find an error, with the same code and message, exit 1, and the file byte for byte
as it was. A register file or record that cannot be read is named with its real cause.

The request cases run on a copy of the built-in example (the day it is up to date with,
20 November 2026); the breach cases on ``BASIS`` with one hand-written breach.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from tests.conftest import BASIS, PROJECT, VOORBEELD_DAG, write_repo

F = "registers/verzoeken.csv"
DAG = VOORBEELD_DAG.isoformat()
OPEN = "AVG-2026-0074"  # received 2026-11-19, open, inzage, activities 30.1.1 and 30.4.1
NIEUW = "AVG-2026-0075"
SLOT = "  herstel dit eerst; 'avgctl check' toont alles wat niet klopt\n"


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(PROJECT / "avgctl.yaml", root / "avgctl.yaml")
    shutil.copytree(PROJECT / "registers", root / "registers")
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every register file; the empty lock files beside them (.NAME.lock) are not data."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "registers").rglob("*"))
            if p.is_file() and not (p.name.startswith(".") and p.name.endswith(".lock"))}


def _geweigerd(cli: Any, root: Path, args: tuple[str, ...], err: str,
               exit_code: int = 1) -> None:
    """The command is refused with exactly ``err`` and leaves every register file alone."""
    before = _snapshot(root)
    result = cli(*args, "--repo", str(root))
    assert (result.exit_code, result.out, result.err) == (exit_code, "", err)
    assert _snapshot(root) == before


def _weigering(wat: str, *regels: tuple[str, str, str, str]) -> str:
    soort = "deze fout" if len(regels) == 1 else "deze fouten"
    out = f"fout: er is niets geschreven: {wat} zou {soort} in het register brengen\n"
    for bestand, code, bericht, hint in regels:
        out += f"  {bestand}: fout {code} {bericht}\n    → {hint}\n"
    return out


def _check(cli: Any, root: Path, dag: str = DAG) -> set[tuple[str, str]]:
    result = cli("check", "--repo", str(root), "--vandaag", dag, "--format", "json")
    assert result.exit_code in (0, 1), result.err
    return {(f["code"], f["bericht"]) for f in json.loads(result.out)["bevindingen"]}


def _zet_rij(root: Path, referentie: str, **cellen: str) -> None:
    """Change a request row by hand, as an editor would (for comparing with ``check``)."""
    import csv
    import io

    text = (root / F).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == referentie:
            for naam, waarde in cellen.items():
                row[header.index(naam)] = waarde
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (root / F).write_text(buffer.getvalue(), encoding="utf-8")


# --- the four cases of the issue, each also made by hand and checked ---------------------

VERZOEK_GEVALLEN = [
    pytest.param(
        ("verzoek", "verleng", OPEN, "--reden", "", "--vandaag", DAG),
        ("AVG703", f"verlenging van {OPEN} zonder reden", "vul 'verlenging_reden' in"),
        {"status": "in_behandeling", "verlengd_op": DAG, "verlenging_reden": ""},
        id="verleng-zonder-reden"),
    pytest.param(
        ("verzoek", "verleng", OPEN, "--reden", "   ", "--vandaag", DAG),
        ("AVG703", f"verlenging van {OPEN} zonder reden", "vul 'verlenging_reden' in"),
        {"status": "in_behandeling", "verlengd_op": DAG, "verlenging_reden": "   "},
        id="verleng-reden-alleen-spaties"),
    pytest.param(
        ("verzoek", "update", OPEN, "--status", "afgehandeld"),
        ("AVG704", f"{OPEN} is afgehandeld zonder besluit", "vul 'besluit' in"),
        {"status": "afgehandeld"},
        id="afgehandeld-zonder-besluit"),
    pytest.param(
        ("verzoek", "afhandel", OPEN, "--besluit", "toegewezen", "--grond", "herhaald_verzoek",
         "--vandaag", DAG),
        ("AVG714", f"{OPEN} is toegewezen, maar heeft afwijzingsgrond 'herhaald_verzoek'",
         "maak de grond leeg, of leg het besluit vast als gedeeltelijk_toegewezen of afgewezen"),
        {"status": "afgehandeld", "besluit": "toegewezen", "afwijzingsgrond": "herhaald_verzoek",
         "afgehandeld_op": DAG},
        id="toegewezen-met-afwijzingsgrond"),
    pytest.param(
        ("verzoek", "update", OPEN, "--verwerkingen", "30.1.1; 99.9.9"),
        ("AVG713", f"{OPEN}: onbekende verwerking '99.9.9'", "zie 'avgctl verwerkingen list'"),
        {"verwerkingen": "30.1.1; 99.9.9"},
        id="update-onbekende-verwerking"),
    pytest.param(
        ("verzoek", "update", OPEN, "--verificatie", "positief", "--verificatie-op",
         "2026-11-18"),
        ("AVG702", "verificatie_op (2026-11-18) ligt vóór de ontvangst (2026-11-19)",
         "verbeter de datum"),
        {"verificatie": "positief", "verificatie_op": "2026-11-18"},
        id="verificatie-voor-ontvangst"),
]


@pytest.mark.parametrize(("args", "fout", "hand"), VERZOEK_GEVALLEN)
def test_request_change_with_an_error_is_refused(cli: Any, voorbeeld: Path,
                                                 args: tuple[str, ...],
                                                 fout: tuple[str, str, str],
                                                 hand: dict[str, str]) -> None:
    code, bericht, hint = fout
    _geweigerd(cli, voorbeeld, args, _weigering(OPEN, (F, code, bericht, hint)))
    # the same change made by hand: check reports the very same code and message
    assert (code, bericht) not in _check(cli, voorbeeld)
    _zet_rij(voorbeeld, OPEN, **hand)
    assert (code, bericht) in _check(cli, voorbeeld)


def test_add_with_an_unknown_activity_is_refused(cli: Any, voorbeeld: Path) -> None:
    _geweigerd(cli, voorbeeld, (
        "verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-20400", "--kanaal",
        "email", "--verwerkingen", "99.9.9", "--vandaag", DAG),
        _weigering(NIEUW, (F, "AVG713", f"{NIEUW}: onbekende verwerking '99.9.9'",
                           "zie 'avgctl verwerkingen list'")))


def test_add_reports_every_error_at_once(cli: Any, voorbeeld: Path) -> None:
    _geweigerd(cli, voorbeeld, (
        "verzoek", "add", "--type", "inzage", "--betrokkene-ref", "Jan de Vries", "--kanaal",
        "email", "--ontvangen", "2026-11-21", "--verwerkingen", "30.1.1; 99.9.9; 98.1.1",
        "--vandaag", DAG),
        _weigering(NIEUW,
                   (F, "AVG702", "ontvangen (2026-11-21) ligt in de toekomst",
                    "verbeter de datum"),
                   (F, "AVG710", f"{NIEUW}: betrokkene_ref lijkt een naam",
                    "gebruik een zaak- of klantnummer"),
                   (F, "AVG713", f"{NIEUW}: onbekende verwerking '99.9.9'",
                    "zie 'avgctl verwerkingen list'"),
                   (F, "AVG713", f"{NIEUW}: onbekende verwerking '98.1.1'",
                    "zie 'avgctl verwerkingen list'")))


def test_pause_that_ends_before_it_starts_is_refused(cli: Any, voorbeeld: Path) -> None:
    _geweigerd(cli, voorbeeld, (
        "verzoek", "update", OPEN, "--gepauzeerd-van", "2026-11-20", "--gepauzeerd-tot",
        "2026-11-19", "--pauze-reden", "wacht op legitimatie"),
        _weigering(OPEN, (F, "AVG702", "de pauze eindigt vóór zij begint",
                          "verbeter de datum")))


def test_add_into_a_yaml_request_folder_names_the_new_file(cli: Any, voorbeeld: Path) -> None:
    (voorbeeld / F).unlink()
    (voorbeeld / "registers/verzoeken").mkdir(exist_ok=True)
    _geweigerd(cli, voorbeeld, (
        "verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-1", "--kanaal", "email",
        "--verwerkingen", "99.9.9", "--vandaag", DAG),
        _weigering("AVG-2026-0001", ("registers/verzoeken/AVG-2026-0001.yaml", "AVG713",
                                     "AVG-2026-0001: onbekende verwerking '99.9.9'",
                                     "zie 'avgctl verwerkingen list'")))


# --- what is not refused -----------------------------------------------------------------

def test_a_correct_change_still_works(cli: Any, voorbeeld: Path) -> None:
    result = cli("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-20400",
                 "--kanaal", "email", "--verwerkingen", "30.1.1; 80.2.1", "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    result = cli("verzoek", "afhandel", NIEUW, "--besluit", "toegewezen", "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    assert not {code for code, bericht in _check(cli, voorbeeld) if NIEUW in bericht}


def test_tasks_still_to_do_do_not_block_a_write(cli: Any, voorbeeld: Path) -> None:
    """A request received long ago must still be registered (it is late: AVG705 says so
    afterwards); an erasure granted before the recipients are told is recorded, with the
    reminder (AVG709)."""
    result = cli("verzoek", "add", "--type", "wissing", "--betrokkene-ref", "K-20400",
                 "--kanaal", "brief", "--ontvangen", "2026-09-01", "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    assert ("AVG705", f"{NIEUW} (wissing) is nog open; de wettelijke termijn verliep op "
            "2026-10-01") in _check(cli, voorbeeld)
    result = cli("verzoek", "afhandel", NIEUW, "--besluit", "toegewezen", "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    assert "licht de ontvangers in" in result.out


def test_an_error_already_there_does_not_block_another_change(cli: Any,
                                                              voorbeeld: Path) -> None:
    """The request already refers to an activity that is gone: a change that does not touch
    that still goes through (the error stays for check), but writing another wrong id is
    refused."""
    _zet_rij(voorbeeld, OPEN, verwerkingen="30.1.1; 20.9.9")
    before = (voorbeeld / F).read_bytes()
    result = cli("verzoek", "update", OPEN, "--behandelaar", "Privacycoördinator",
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    assert (voorbeeld / F).read_bytes() != before
    _geweigerd(cli, voorbeeld, ("verzoek", "update", OPEN, "--verwerkingen", "20.9.8"),
               _weigering(OPEN, (F, "AVG713", f"{OPEN}: onbekende verwerking '20.9.8'",
                                 "zie 'avgctl verwerkingen list'")))
    result = cli("verzoek", "update", OPEN, "--verwerkingen", "30.1.1", "--repo",
                 str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")


def test_activity_found_when_its_file_name_does_not_follow_the_id(cli: Any,
                                                                   voorbeeld: Path) -> None:
    """The quick look-up reads files named after the id; else the whole folder is read, as
    check reads it."""
    folder = voorbeeld / "registers/verwerkingen"
    bron = next(folder.glob("30.1.1-*.yaml"))
    bron.rename(folder / "klantcontact.yaml")
    result = cli("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-20400",
                 "--kanaal", "email", "--verwerkingen", "30.1.1", "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")


def test_unreadable_activity_file_is_not_an_unknown_activity(cli: Any,
                                                             voorbeeld: Path) -> None:
    """As in check (AVG713): the unreadable file may hold the activity referred to."""
    (voorbeeld / "registers/verwerkingen/99.9.9-nieuw.yaml").write_bytes(b"id: \"99.9.9\n")
    result = cli("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-20400",
                 "--kanaal", "email", "--verwerkingen", "99.9.9", "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")


# --- breaches ----------------------------------------------------------------------------

DL = "registers/datalekken/DL-2026-001.yaml"
LEK = """\
referentie: DL-2026-001
ontdekt_op: 2026-03-27T10:00:00+01:00
beschrijving: Brief met dossiergegevens naar een verkeerd adres gestuurd.
soort: [vertrouwelijkheid]
verwerkingen: [20.1.1]
"""
NU = ("--nu", "2026-03-28T09:00")


@pytest.fixture
def lek(tmp_path: Path) -> Path:
    return write_repo(tmp_path / "repo", {**BASIS, DL: LEK})


def _add(*extra: str) -> tuple[str, ...]:
    return ("datalek", "add", "--ontdekt-op", "2026-03-28T08:00", "--beschrijving",
            "USB-stick kwijt", "--soort", "vertrouwelijkheid", *extra, *NU)


@pytest.mark.parametrize(("args", "bestand", "fout"), [
    pytest.param(_add("--verwerkingen", "20.1.1, 99.9.9"), "registers/datalekken/DL-2026-002.yaml",
                 ("AVG808", "DL-2026-002: onbekende verwerking '99.9.9'",
                  "zie 'avgctl verwerkingen list'"), id="add-onbekende-verwerking"),
    pytest.param(_add("--verwerker", "drukkerij-bv"), "registers/datalekken/DL-2026-002.yaml",
                 ("AVG808", "DL-2026-002: onbekende partij 'drukkerij-bv'",
                  "voeg haar toe aan registers/partijen.yaml"), id="add-onbekende-verwerker"),
    pytest.param(_add("--periode-van", "2026-03-29T08:00:00+01:00"),
                 "registers/datalekken/DL-2026-002.yaml",
                 ("AVG809", "DL-2026-002: het datalek begon pas na de ontdekking",
                  "verbeter het tijdstip"), id="add-begon-na-ontdekking"),
    pytest.param(_add("--verwerker", "dossiersoft-bv", "--verwerker-ontdekt-op",
                      "2026-03-28T07:00", "--gemeld-aan-ons-op", "2026-03-27T16:00"),
                 "registers/datalekken/DL-2026-002.yaml",
                 ("AVG809", "DL-2026-002: de verwerker meldde het vóór hij het ontdekte",
                  "verbeter het tijdstip"), id="add-verwerker-meldde-voor-ontdekking"),
    pytest.param(("datalek", "update", "DL-2026-001", "--afgesloten-op", "2026-03-26"), DL,
                 ("AVG809", "DL-2026-001: het datalek is afgesloten vóór het werd ontdekt",
                  "verbeter het tijdstip"), id="update-afgesloten-voor-ontdekking"),
    pytest.param(("datalek", "meld", "DL-2026-001", "--soort", "volledig", "--nu",
                  "2026-04-01T09:00", "--reden-vertraging", "  "), DL,
                 ("AVG801", "DL-2026-001 is 46 uur na de termijn van 72 uur gemeld, zonder "
                  "reden", "vul 'reden_vertraging' in"), id="meld-te-laat-reden-leeg"),
])
def test_breach_change_with_an_error_is_refused(cli: Any, lek: Path, args: tuple[str, ...],
                                                bestand: str,
                                                fout: tuple[str, str, str]) -> None:
    _geweigerd(cli, lek, args, _weigering(bestand.rsplit("/", 1)[1][:-5], (bestand, *fout)))


def test_breach_tasks_do_not_block(cli: Any, lek: Path) -> None:
    """A breach found days ago is still registered (not notified: AVG802 afterwards); a high
    risk is recorded before the data subjects are told (AVG803 afterwards)."""
    result = cli("datalek", "add", "--ontdekt-op", "2026-03-20T08:00", "--beschrijving",
                 "USB-stick kwijt", "--soort", "vertrouwelijkheid", *NU, "--repo", str(lek))
    assert (result.exit_code, result.err) == (0, "")
    result = cli("datalek", "beoordeel", "DL-2026-001", "--risico", "hoog_risico",
                 "--motivatie", "Financiële gegevens van veel mensen.", "--vandaag",
                 "2026-03-28", "--repo", str(lek))
    assert (result.exit_code, result.err) == (0, "")


# --- a register file or record that cannot be read: its real cause -----------------------

ADD = ("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-20400", "--kanaal",
       "email", "--vandaag", DAG)
UPDATE = ("verzoek", "update", OPEN, "--behandelaar", "Privacycoördinator")
LET_OP = ("let op: 1 fout(en) in registers/verzoeken.csv; wat daar staat, ontbreekt "
          "hieronder. Zie 'avgctl check'\n")


@pytest.mark.parametrize("args", [ADD, UPDATE], ids=["add", "update"])
def test_request_register_that_is_a_folder(cli: Any, voorbeeld: Path,
                                           args: tuple[str, ...]) -> None:
    (voorbeeld / F).unlink()
    (voorbeeld / F).mkdir()
    _geweigerd(cli, voorbeeld, args, LET_OP + (
        "fout: registers/verzoeken.csv is niet te lezen\n"
        "  registers/verzoeken.csv:1:1: registers/verzoeken.csv is een map, maar hier wordt "
        "een bestand verwacht\n" + SLOT), exit_code=2)


@pytest.mark.parametrize("args", [ADD, UPDATE], ids=["add", "update"])
def test_request_register_in_windows_1252(cli: Any, voorbeeld: Path,
                                          args: tuple[str, ...]) -> None:
    path = voorbeeld / F
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    _geweigerd(cli, voorbeeld, args, LET_OP + (
        "fout: registers/verzoeken.csv is niet te lezen\n"
        "  registers/verzoeken.csv:3:71: bestand is geen geldige UTF-8 (byte 0xf6)\n"
        "    → sla het bestand op als UTF-8; Windows-1252 en Latin-1 worden niet gelezen\n"
        + SLOT), exit_code=2)


def test_request_register_without_permission(cli: Any, voorbeeld: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """As root a chmod does not stop reading, so the refusal of the system is simulated."""
    echt = Path.read_bytes
    doel = voorbeeld / F

    def read_bytes(self: Path) -> bytes:
        if self == doel:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return echt(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = cli(*ADD, "--repo", str(voorbeeld))
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == LET_OP + (
        "fout: registers/verzoeken.csv is niet te lezen\n"
        "  registers/verzoeken.csv:1:1: bestand kan niet worden gelezen: geen toegang "
        "(rechten)\n" + SLOT)
    assert "bestaat al" not in result.err


def test_request_register_missing_a_column(cli: Any, voorbeeld: Path) -> None:
    path = voorbeeld / F
    path.write_text("referentie,ontvangen,kanaal,type\nAVG-2026-0001,2026-05-25,email,"
                    "inzage\n", encoding="utf-8")
    _geweigerd(cli, voorbeeld, ADD, LET_OP + (
        "fout: registers/verzoeken.csv is niet te lezen\n"
        "  registers/verzoeken.csv:1:1: kolom betrokkene_ref ontbreekt\n"
        "    → de eerste regel noemt de kolommen; zie de README voor de lijst\n" + SLOT),
        exit_code=2)


def test_request_row_that_does_not_validate(cli: Any, voorbeeld: Path) -> None:
    _zet_rij(voorbeeld, OPEN, ontvangen="2026-11-31")
    _geweigerd(cli, voorbeeld, UPDATE, LET_OP + (
        f"fout: {OPEN} in registers/verzoeken.csv bevat een fout\n"
        "  registers/verzoeken.csv:84:15: 'ontvangen': 2026-11-31 is geen bestaande datum\n"
        "    → controleer dag en maand\n" + SLOT))


@pytest.mark.parametrize(("maak", "err", "exit_code"), [
    (lambda p: p.mkdir(), "fout: registers/datalekken/DL-2026-001.yaml is niet te lezen\n"
     "  registers/datalekken/DL-2026-001.yaml:1:1: registers/datalekken/DL-2026-001.yaml is "
     "een map, maar hier wordt een bestand verwacht\n", 2),
    (lambda p: p.write_bytes(LEK.replace("Brief", "Brief één").encode("cp1252")),
     "fout: registers/datalekken/DL-2026-001.yaml is niet te lezen\n"
     "  registers/datalekken/DL-2026-001.yaml:3:21: bestand is geen geldige UTF-8 (byte "
     "0xe9)\n    → sla het bestand op als UTF-8; Windows-1252 en Latin-1 worden niet "
     "gelezen\n", 2),
    (lambda p: p.write_text(LEK.replace("2026-03-27T", "2026-02-30T")),
     "fout: DL-2026-001 in registers/datalekken/DL-2026-001.yaml bevat een fout\n"
     "  registers/datalekken/DL-2026-001.yaml:2:13: 'ontdekt_op': 2026-02-30T10:00:00+01:00 "
     "is geen bestaande datum\n    → controleer dag en maand\n", 1),
], ids=["map", "windows-1252", "ongeldige-datum"])
def test_breach_file_that_cannot_be_read(cli: Any, lek: Path, maak: Any, err: str,
                                         exit_code: int) -> None:
    path = lek / DL
    path.unlink()
    maak(path)
    _geweigerd(cli, lek, ("datalek", "update", "DL-2026-001", "--oorzaak", "Verkeerd adres"),
               "let op: 1 fout(en) in registers/datalekken/DL-2026-001.yaml; wat daar staat, "
               "ontbreekt hieronder. Zie 'avgctl check'\n" + err + SLOT, exit_code)


# --- identifiers in free text (AVG601-AVG604) -------------------------------------------

SCHRAP = ("haal het gegeven uit het register; verwijs naar een persoon met een zaak- of "
          "klantnummer, nooit met een naam, e-mailadres, telefoonnummer, BSN of IBAN")


def test_identifiers_in_a_new_request_are_refused(cli: Any, voorbeeld: Path) -> None:
    _geweigerd(cli, voorbeeld, (
        "verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-20400", "--kanaal",
        "email", "--opmerking", "BSN 111222333, terugbellen op 06-12345678", "--vandaag", DAG),
        _weigering(NIEUW, (F, "AVG601", "mogelijk BSN in het register: 11*****33", SCHRAP),
                   (F, "AVG604", "mogelijk telefoonnummer in het register: 06*******78",
                    SCHRAP)))


def test_identifier_in_a_changed_request_is_refused_as_check_would(cli: Any,
                                                                    voorbeeld: Path) -> None:
    bericht = "mogelijk e-mailadres in het register: j***@voorbeeld.nl"
    _geweigerd(cli, voorbeeld, ("verzoek", "update", OPEN, "--pauze-reden",
                                "wacht op antwoord van j.jansen@voorbeeld.nl"),
               _weigering(OPEN, (F, "AVG603", bericht, SCHRAP)))
    _zet_rij(voorbeeld, OPEN, pauze_reden="wacht op antwoord van j.jansen@voorbeeld.nl")
    assert ("AVG603", bericht) in _check(cli, voorbeeld)


def test_the_organisations_own_address_is_allowed(cli: Any, voorbeeld: Path) -> None:
    result = cli("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-20400",
                 "--kanaal", "email", "--opmerking", "binnengekomen via info@vandijkbakker.example",
                 "--vandaag", DAG, "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")


def test_identifier_in_a_breach_is_refused(cli: Any, lek: Path) -> None:
    _geweigerd(cli, lek, _add("--oorzaak", "lijst met rekening NL91ABNA0417164300"),
               _weigering("DL-2026-002", ("registers/datalekken/DL-2026-002.yaml", "AVG602",
                                          "mogelijk IBAN in het register: NL**************00",
                                          SCHRAP)))
    _geweigerd(cli, lek, ("datalek", "update", "DL-2026-001", "--gevolgen",
                          "klant 111222333 is gebeld"),
               _weigering("DL-2026-001", (DL, "AVG601", "mogelijk BSN in het register: "
                                          "11*****33", SCHRAP)))


def test_update_refuses_a_date_in_the_future(cli: Any, voorbeeld: Path) -> None:
    _geweigerd(cli, voorbeeld, ("verzoek", "update", OPEN, "--verificatie", "positief",
                                "--verificatie-op", "2026-11-23", "--vandaag", DAG),
               _weigering(OPEN, (F, "AVG702", "verificatie_op (2026-11-23) ligt in de toekomst",
                                 "verbeter de datum")))
    result = cli("verzoek", "update", OPEN, "--verificatie", "positief", "--verificatie-op",
                 "2026-11-23", "--vandaag", "2026-11-23", "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")


def test_a_second_identifier_with_the_same_mask_is_new(cli: Any, voorbeeld: Path) -> None:
    """111222333 and 113222333... both show as 11*****33: counted, not only compared."""
    _zet_rij(voorbeeld, OPEN, opmerking="dossier 111222333")
    _geweigerd(cli, voorbeeld, ("verzoek", "update", OPEN, "--opmerking",
                                "dossier 111222333 en 123456782"),
               _weigering(OPEN, (F, "AVG601", "mogelijk BSN in het register: 12*****82",
                                 SCHRAP)))
    _geweigerd(cli, voorbeeld, ("verzoek", "update", OPEN, "--opmerking",
                                "dossier 111222333 en 111222333"),
               _weigering(OPEN, (F, "AVG601", "mogelijk BSN in het register: 11*****33",
                                 SCHRAP)))


def test_breach_folder_that_is_a_file(cli: Any, lek: Path) -> None:
    folder = lek / "registers/datalekken"
    shutil.rmtree(folder)
    folder.write_text("x\n")
    _geweigerd(cli, lek, _add(), (
        "let op: 1 fout(en) in registers/datalekken; wat daar staat, ontbreekt hieronder. Zie "
        "'avgctl check'\n"
        "fout: registers/datalekken is niet te lezen\n"
        "  registers/datalekken:1:1: registers/datalekken is een bestand, maar hier wordt een "
        "map verwacht\n"
        "    → maak van registers/datalekken een map met daarin één YAML-bestand per record\n"
        + SLOT), exit_code=2)


# --- the mechanism against check, on any request -----------------------------------------

def _cel(waarde: object) -> str:
    return "" if waarde is None else str(waarde)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ontvangen=st.dates(dt.date(2026, 3, 1), dt.date(2026, 6, 10)),
    verificatie_op=st.none() | st.dates(dt.date(2026, 2, 20), dt.date(2026, 6, 10)),
    verlengd_op=st.none() | st.dates(dt.date(2026, 2, 20), dt.date(2026, 7, 10)),
    verlenging_reden=st.sampled_from(["", "veel dossiers"]),
    status=st.sampled_from(["open", "in_behandeling", "afgehandeld", "ingetrokken"]),
    besluit=st.sampled_from(["", "toegewezen", "gedeeltelijk_toegewezen", "afgewezen",
                             "niet_in_behandeling"]),
    grond=st.sampled_from(["", "herhaald_verzoek", "wettelijke_bewaarplicht"]),
    afgehandeld_op=st.none() | st.dates(dt.date(2026, 2, 20), dt.date(2026, 6, 10)),
    betrokkene=st.sampled_from(["K-1001", "Jan de Vries", "j.jansen@voorbeeld.nl"]),
    verwerkingen=st.sampled_from(["", "20.1.1", "20.1.1; 99.9.9"]),
    opmerking=st.sampled_from(["", "BSN 111222333", "bel 06-12345678", "zie dossier"]),
    oud_ook=st.booleans(),
)
def test_the_write_check_finds_what_check_finds(
        tmp_path: Path, ontvangen: dt.date, verificatie_op: dt.date | None,
        verlengd_op: dt.date | None, verlenging_reden: str, status: str, besluit: str,
        grond: str, afgehandeld_op: dt.date | None, betrokkene: str, verwerkingen: str,
        opmerking: str, oud_ook: bool) -> None:
    """For any request: the errors of the write check are exactly the errors ``check``
    reports on that request's row, among the rules that run before writing; and with the
    same request already in the file (``oud``) there is nothing new."""
    from avgctl.rules import REGISTRY
    from avgctl.rules.run import fouten_in_record
    from avgctl.store.register import Context
    from avgctl.store.repo import load_register
    from tests.conftest import VANDAAG, check_repo

    kop = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,verificatie_op,"
           "verlengd_op,verlenging_reden,afgehandeld_op,besluit,afwijzingsgrond,verwerkingen,"
           "opmerking\n")
    rij = [
        "AVG-2026-0001", ontvangen.isoformat(), betrokkene, "email", "inzage", status,
        "positief" if verificatie_op else "open", _cel(verificatie_op), _cel(verlengd_op),
        verlenging_reden, _cel(afgehandeld_op), besluit, grond, verwerkingen, opmerking]
    import csv
    import io
    import tempfile

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(rij)
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
        root = write_repo(Path(tmp), {**BASIS, F: kop + buffer.getvalue()})
        register = load_register(root)
        assume(len(register.verzoeken) == 1)  # the model accepts the row
        vooraf = {code for code, rule in REGISTRY.items() if rule.bij_schrijven}
        verwacht = sorted((f.code, f.message) for f in check_repo(root, VANDAAG)
                          if f.code in vooraf and f.severity.label == "fout")
        event(f"{len(verwacht)} fout(en)")
        bron = register.verzoeken[0]
        oud = bron if oud_ook else None
        gevonden = sorted((f.code, f.message) for f in fouten_in_record(
            register, Context(VANDAAG), bron, oud))
        assert gevonden == ([] if oud_ook else verwacht)


def test_breach_decision_without_a_real_motivation_is_refused(cli: Any, lek: Path) -> None:
    """Spaces are no motivation (AVG805); the assessment is shown, nothing is written."""
    before = _snapshot(lek)
    result = cli("datalek", "beoordeel", "DL-2026-001", "--risico", "geen", "--motivatie",
                 "   ", "--vandaag", "2026-03-28", "--repo", str(lek))
    assert (result.exit_code, result.err) == (1, _weigering("DL-2026-001", (
        DL, "AVG805", "DL-2026-001: besluit 'geen risico' zonder motivatie",
        "vul 'besluit_motivatie' in")))
    assert result.out.startswith("Beoordeling van DL-2026-001:\n")
    assert _snapshot(lek) == before


def test_emptying_the_reason_of_a_late_notification_is_refused(cli: Any,
                                                               tmp_path: Path) -> None:
    root = write_repo(tmp_path / "laat", {**BASIS, DL: LEK + (
        "ap_meldingen:\n  - soort: volledig\n    op: 2026-04-01T09:00:00+02:00\n"
        "reden_vertraging: De omvang werd pas na onderzoek duidelijk.\n")})
    _geweigerd(cli, root, ("datalek", "update", "DL-2026-001", "--reden-vertraging", " "),
               _weigering("DL-2026-001", (DL, "AVG801", "DL-2026-001 is 46 uur na de termijn "
                                          "van 72 uur gemeld, zonder reden",
                                          "vul 'reden_vertraging' in")))


def test_breach_add_records_the_processors_moments_in_local_time(cli: Any, lek: Path) -> None:
    """--verwerker-ontdekt-op and --gemeld-aan-ons-op reach the file, read like --ontdekt-op
    in the organisation's zone."""
    result = cli(*_add("--verwerker", "dossiersoft-bv", "--verwerker-ontdekt-op",
                       "2026-03-28T07:00", "--gemeld-aan-ons-op", "2026-03-28T07:30"),
                 "--repo", str(lek))
    assert (result.exit_code, result.err) == (0, "")
    assert (lek / "registers/datalekken/DL-2026-002.yaml").read_text().endswith(
        "verwerker:\n  partij: dossiersoft-bv\n  verwerker_ontdekt_op: 2026-03-28T07:00:00+01:00\n"
        "  gemeld_aan_ons_op: 2026-03-28T07:30:00+01:00\n")

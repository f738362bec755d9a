"""The cron alarm never goes silent, and extreme dates never crash.

A damaged register used to make ``avgctl deadlines --fail-on overdue`` print "Geen open
termijnen." and exit 0 while requests were overdue. Now every overview (deadlines, status and
the lists) names what it could not read, with file:line and a count per file, and exits 1 (a
record) or 2 (a whole file). A date whose deadline would fall outside the calendar is a
finding (AVG003), never exit 3; a record that fails validation is still known by its id.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import BASIS, PROJECT, VOORBEELD_DAG, check_repo, write_repo

DAG = VOORBEELD_DAG.isoformat()  # 2026-11-20: nothing in the example is late yet
LATER = "2026-12-10"  # two requests of the example are late
CSV = "registers/verzoeken.csv"
LEK = "registers/datalekken/DL-2026-010.yaml"
ACTIVITEIT = "registers/verwerkingen/60.1.1-werving-en-selectie.yaml"
KOP = "fout: niet alles is gelezen; dit ontbreekt in wat volgt:\n"
SLOT = "  herstel dit; 'avgctl check' toont alle fouten\n"


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    root = tmp_path / "voorbeeld"
    shutil.copytree(PROJECT / "avgctl" / "voorbeeld", root)
    return root


def _cron(cli: Any, root: Path, dag: str = DAG, *extra: str) -> Any:
    return cli("deadlines", "--fail-on", "overdue", "--repo", str(root), "--vandaag", dag,
               *extra)


def _row_of(root: Path, referentie: str) -> tuple[int, str]:
    lines = (root / CSV).read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(referentie + ","))
    return index + 1, lines[index]


def _replace_row(root: Path, referentie: str, old: str, new: str) -> int:
    path = root / CSV
    line, row = _row_of(root, referentie)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert old in row
    lines[line - 1] = row.replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return line


# --- Cron cases: each damage on its own --------------------------------------------------------

def test_the_example_stays_silent_and_clean(cli: Any, voorbeeld: Path) -> None:
    for dag, code in ((DAG, 0), (LATER, 1)):
        result = _cron(cli, voorbeeld, dag)
        assert (result.exit_code, result.err) == (code, "")


def test_cron_register_in_windows_1252(cli: Any, voorbeeld: Path) -> None:
    path = voorbeeld / CSV
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    result = _cron(cli, voorbeeld)
    assert result.exit_code == 2  # the whole register could not be read
    assert result.out == "Geen open termijnen.\n"
    assert result.err == (
        KOP + "  registers/verzoeken.csv:3:71: niet gelezen: bestand is geen geldige UTF-8 "
        "(byte 0xf6); alle verzoeken in dit bestand ontbreken\n"
        "  in totaal overgeslagen: het hele bestand registers/verzoeken.csv\n" + SLOT)
    # also when something is late: the unreadable file weighs more
    assert _cron(cli, voorbeeld, LATER).exit_code == 2


def test_cron_register_cut_off_halfway(cli: Any, voorbeeld: Path) -> None:
    path = voorbeeld / CSV
    data = path.read_bytes()
    # halfway, inside the person's reference: the row has no type (a row cut in its trailing
    # empty cells would still be whole)
    cut = data.rindex(b"\n", 0, len(data) // 2) + 1 + 30
    path.write_bytes(data[:cut])
    cut_line = data[:cut].count(b"\n") + 1
    result = _cron(cli, voorbeeld, LATER)
    assert result.exit_code == 1
    assert result.out == "Geen open termijnen.\n"  # the open requests were in the lost half
    lines = result.err.splitlines(keepends=True)
    assert lines[0] == KOP
    assert lines[1].startswith(f"  registers/verzoeken.csv:{cut_line}:1: verzoek ")
    assert " overgeslagen: " in lines[1]
    assert lines[2:] == ["  in totaal overgeslagen: 1 verzoek in registers/verzoeken.csv\n",
                         SLOT]


def test_cron_register_cut_off_inside_the_last_row(cli: Any, voorbeeld: Path) -> None:
    path = voorbeeld / CSV
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.rindex("AVG-2026-0074") + 30], encoding="utf-8")
    line, _ = _row_of(voorbeeld, "AVG-2026-0074")
    result = _cron(cli, voorbeeld, LATER)
    assert result.exit_code == 1
    assert result.out.endswith("6 open termijnen, 2 te laat\n")  # the rest is still shown
    assert result.err.startswith(KOP + f"  registers/verzoeken.csv:{line}:")
    assert "verzoek AVG-2026-0074 overgeslagen: " in result.err


def test_cron_impossible_date_in_one_row(cli: Any, voorbeeld: Path) -> None:
    line = _replace_row(voorbeeld, "AVG-2026-0074", "2026-11-19", "2026-02-30")
    result = _cron(cli, voorbeeld)
    assert result.exit_code == 1
    assert "AVG-2026-0074" not in result.out
    assert result.out.endswith("6 open termijnen, 0 te laat\n")
    assert result.err == (
        KOP + f"  registers/verzoeken.csv:{line}:15: verzoek AVG-2026-0074 overgeslagen: "
        "'ontvangen': 2026-02-30 is geen bestaande datum\n"
        "  in totaal overgeslagen: 1 verzoek in registers/verzoeken.csv\n" + SLOT)


def test_cron_breach_with_a_yaml_syntax_error(cli: Any, voorbeeld: Path) -> None:
    path = voorbeeld / "registers/datalekken/DL-2026-009.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "gemeld_door: [niet gesloten")
    path.write_text("\n".join(lines), encoding="utf-8")
    result = _cron(cli, voorbeeld)
    assert result.exit_code == 1
    first = result.err.splitlines()[1]
    assert first.startswith("  registers/datalekken/DL-2026-009.yaml:")
    assert ": datalek overgeslagen: " in first
    assert result.err.endswith(
        "  in totaal overgeslagen: 1 datalek in registers/datalekken/DL-2026-009.yaml\n" + SLOT)


def test_cron_json_carries_what_was_left_out(cli: Any, voorbeeld: Path) -> None:
    line = _replace_row(voorbeeld, "AVG-2026-0074", "2026-11-19", "2026-02-30")
    result = _cron(cli, voorbeeld, DAG, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.out)
    assert data["onleesbaar"] == [{
        "bestand": CSV, "regel": line, "kolom": 15, "soort": "verzoek", "id": "AVG-2026-0074",
        "records": 1, "reden": "'ontvangen': 2026-02-30 is geen bestaande datum"}]
    assert [t["referentie"] for t in data["termijnen"]] == [
        "AVG-2026-0071", "AVG-2026-0073", "AVG-2026-0069", "AVG-2026-0059", "AVG-2026-0072",
        "AVG-2026-0063"]


def test_cron_a_misspelt_status_is_reported_not_left_out(cli: Any, voorbeeld: Path) -> None:
    # Only open requests are validated for the overview; a status that is not a known closed
    # one (here a typo) used to make the row vanish from it.
    line = _replace_row(voorbeeld, "AVG-2026-0069", ",in_behandeling,", ",in_behandling,")
    result = _cron(cli, voorbeeld)
    assert result.exit_code == 1
    assert f"registers/verzoeken.csv:{line}:" in result.err
    assert "verzoek AVG-2026-0069 overgeslagen: ongeldige waarde 'in_behandling' voor 'status'" in (
        result.err)


def test_cron_whole_breach_register_unreadable(cli: Any, voorbeeld: Path) -> None:
    folder = voorbeeld / "registers/datalekken"
    shutil.rmtree(folder)
    folder.write_text("geen map\n", encoding="utf-8")
    result = _cron(cli, voorbeeld)
    assert result.exit_code == 2
    assert ("  registers/datalekken:1:1: niet gelezen: registers/datalekken is een bestand, "
            "maar hier wordt een map verwacht; alle datalekken in dit bestand ontbreken\n"
            in result.err)


# --- Every overview, not only deadlines -------------------------------------------------------

OVERZICHTEN = [
    ("deadlines",), ("status",), ("verzoek", "list"), ("datalek", "list"),
    ("verwerkingen", "list"),
]


def _breek_alles(root: Path) -> None:
    """One unreadable record in each register an overview reads."""
    _replace_row(root, "AVG-2026-0074", "2026-11-19", "2026-02-30")
    lek = root / LEK
    lek.write_text(lek.read_text(encoding="utf-8").replace("ontdekt_op:", "ontdekt_opp:"),
                   encoding="utf-8")
    verwerking = root / ACTIVITEIT
    verwerking.write_text(verwerking.read_text(encoding="utf-8").replace("doel:", "doell:", 1),
                          encoding="utf-8")


@pytest.mark.parametrize("opdracht", OVERZICHTEN, ids=" ".join)
def test_every_overview_says_what_it_left_out(cli: Any, voorbeeld: Path,
                                              opdracht: tuple[str, ...]) -> None:
    dag = ("--vandaag", DAG) if opdracht[0] != "verwerkingen" else ()
    clean = cli(*opdracht, "--repo", str(voorbeeld), *dag)
    assert (clean.exit_code, clean.err) == (0, "")
    _breek_alles(voorbeeld)
    result = cli(*opdracht, "--repo", str(voorbeeld), *dag)
    assert result.exit_code == 1
    assert result.err.startswith(KOP)
    # what each reads: deadlines the clocks, a breach list also the activities it names
    wanted = {
        "deadlines": [CSV, LEK], "status": [CSV, LEK, ACTIVITEIT], "verzoek": [CSV],
        "datalek": [LEK, ACTIVITEIT], "verwerkingen": [ACTIVITEIT],
    }[opdracht[0]]
    for name in wanted:
        assert f"\n  {name}:" in result.err, name
    json_result = cli(*opdracht, "--repo", str(voorbeeld), *dag, "--format", "json")
    assert json_result.exit_code == 1
    data = json.loads(json_result.out)
    assert isinstance(data, dict)
    assert sorted(item["bestand"] for item in data["onleesbaar"]) == sorted(wanted)


def test_status_json_keeps_its_shape_on_the_example(cli: Any, voorbeeld: Path) -> None:
    result = cli("status", "--repo", str(voorbeeld), "--vandaag", DAG, "--format", "json")
    assert (result.exit_code, result.err) == (0, "")
    assert "onleesbaar" not in json.loads(result.out)


def test_a_whole_file_of_settings_is_exit_2(cli: Any, voorbeeld: Path) -> None:
    config = voorbeeld / "avgctl.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "onbekend_veld: 1\n",
                      encoding="utf-8")
    result = cli("verzoek", "list", "--repo", str(voorbeeld), "--vandaag", DAG)
    assert result.exit_code == 2
    assert "  avgctl.yaml:" in result.err
    assert "alle instellingen in dit bestand ontbreken" in result.err


def test_many_skipped_rows_are_counted_past_the_shown_lines(cli: Any, repo: Path) -> None:
    rows = "".join(f"AVG-2026-{i:04d},2026-02-30,K-{i},email,inzage\n" for i in range(1, 31))
    (repo / CSV).write_text("referentie,ontvangen,betrokkene_ref,kanaal,type\n" + rows,
                            encoding="utf-8")
    result = cli("verzoek", "list", "--repo", str(repo), "--vandaag", DAG)
    assert result.exit_code == 1
    lines = result.err.splitlines()
    assert len(lines) == 1 + 20 + 1 + 2
    assert lines[21] == "  … en nog 10 (zie 'avgctl check')"
    assert lines[22] == "  in totaal overgeslagen: 30 verzoeken in registers/verzoeken.csv"


# --- Crashes and cascades ---------------------------------------------------------------------

@pytest.mark.parametrize("opdracht", [("check",), ("status",), ("deadlines",),
                                      ("verzoek", "list")], ids=" ".join)
def test_a_request_received_on_9999_12_31_is_a_finding_not_a_crash(
        cli: Any, voorbeeld: Path, opdracht: tuple[str, ...]) -> None:
    line = _replace_row(voorbeeld, "AVG-2026-0074", "2026-11-19", "9999-12-31")
    result = cli(*opdracht, "--repo", str(voorbeeld), "--vandaag", DAG)
    assert result.exit_code == 1
    assert "out of range" not in result.out + result.err
    assert "onverwachte fout" not in result.err
    where = f"registers/verzoeken.csv:{line}:15"
    if opdracht == ("check",):
        assert result.out.startswith(
            f"{where}: fout AVG003 'ontvangen': 9999-12-31 ligt buiten de jaren 1900-2999; "
            "met zo'n datum rekent avgctl geen termijn\n")
    else:
        assert f"  {where}: verzoek AVG-2026-0074 overgeslagen: 'ontvangen': 9999-12-31" in (
            result.err)


def test_avg003_on_a_breach_moment(repo: Path) -> None:
    write_repo(repo, {LEK: "referentie: DL-2026-010\nontdekt_op: 9999-12-31T23:00:00+00:00\n"})
    hits = [(f.code, f.location.line, f.location.column) for f in check_repo(repo)
            if f.location.file == LEK]
    assert hits == [("AVG003", 2, 13)]


@pytest.mark.parametrize("optie", ["--vandaag", "--nu"])
@pytest.mark.parametrize("waarde", ["9999-12-31", "0001-01-01", "3000-01-01"])
def test_a_day_outside_the_calendar_is_a_usage_error(cli: Any, voorbeeld: Path, optie: str,
                                                     waarde: str) -> None:
    waarde = waarde if optie == "--vandaag" else waarde + "T12:00"
    for opdracht in (("check",), ("status",), ("deadlines",)):
        result = cli(*opdracht, "--repo", str(voorbeeld), optie, waarde)
        assert result.exit_code == 2
        assert result.err == (f"fout: {optie} {waarde} ligt buiten de jaren 1900-2999 waarin "
                              "avgctl termijnen berekent\n")


def test_one_typo_in_an_activity_gives_one_error(voorbeeld: Path) -> None:
    path = next((voorbeeld / "registers/verwerkingen").glob("40.3.1-*.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace("\ndoel:", "\ndoell:", 1),
                    encoding="utf-8")
    findings = check_repo(voorbeeld, VOORBEELD_DAG)
    assert [(f.code, f.location.file, f.message) for f in findings] == [
        ("AVG002", path.relative_to(voorbeeld).as_posix(), "onbekend veld 'doell'")]


def test_a_reference_to_a_truly_unknown_activity_is_still_reported(voorbeeld: Path) -> None:
    path = next((voorbeeld / "registers/verwerkingen").glob("40.3.1-*.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace("\ndoel:", "\ndoell:", 1),
                    encoding="utf-8")
    line = _replace_row(voorbeeld, "AVG-2026-0074", "30.1.1; 30.4.1", "30.1.1; 99.9.9")
    codes = [(f.code, f.location.line) for f in check_repo(voorbeeld, VOORBEELD_DAG)
             if f.location.file == CSV]
    assert codes == [("AVG713", line)]


def test_a_policy_of_ages_is_refused_not_computed(voorbeeld: Path) -> None:
    config = voorbeeld / "avgctl.yaml"
    text = config.read_text(encoding="utf-8")
    old = "standaard: {termijn: 1 maand, verlenging: 2 maanden}"
    assert old in text
    config.write_text(text.replace(old, "standaard: {termijn: 9000 jaar, verlenging: 1 maand}"),
                      encoding="utf-8")
    findings = check_repo(voorbeeld, VOORBEELD_DAG)
    assert [(f.code, f.location.file) for f in findings] == [("AVG002", "avgctl.yaml")]
    assert "9000 jaar kan niet kloppen" in findings[0].message


# --- Extreme dates: never exit 3, never a traceback -------------------------------------------

KALENDER_RAND = st.one_of(
    st.dates(min_value=dt.date.min, max_value=dt.date(1, 3, 1)),
    st.dates(min_value=dt.date(9999, 10, 1), max_value=dt.date.max),
    st.dates(min_value=dt.date(1899, 12, 1), max_value=dt.date(1900, 1, 31)),
    st.dates(min_value=dt.date(2999, 12, 1), max_value=dt.date(3000, 1, 31)),
    st.sampled_from([dt.date(2024, 2, 29), dt.date(2100, 2, 28), dt.date(2000, 2, 29),
                     dt.date(2028, 2, 29)]),
    st.dates(min_value=dt.date(3000, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.dates(),
)
VELDEN = ("ontvangen", "verificatie_op", "gepauzeerd_van", "gepauzeerd_tot", "verlengd_op",
          "afgehandeld_op")
KOPREGEL = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie_op,"
            "gepauzeerd_van,gepauzeerd_tot,pauze_reden,verlengd_op,verlenging_reden,"
            "afgehandeld_op,besluit\n")
COMMANDS = [("check",), ("status",), ("deadlines", "--fail-on", "overdue"),
            ("deadlines", "--format", "ics"), ("verzoek", "list"), ("datalek", "list"),
            ("verzoek", "list", "--format", "json"), ("verwerkingen", "export", "--format", "md")]


@pytest.fixture(scope="module")
def rand_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_repo(tmp_path_factory.mktemp("rand") / "repo", BASIS)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dag=KALENDER_RAND, velden=st.sets(st.sampled_from(VELDEN), min_size=1),
       vandaag=st.one_of(st.just(VOORBEELD_DAG), KALENDER_RAND),
       uur=st.integers(min_value=-14, max_value=14))
@example(dag=dt.date(9999, 12, 31), velden={"ontvangen"}, vandaag=VOORBEELD_DAG, uur=0)
@example(dag=dt.date(1, 1, 1), velden={"gepauzeerd_van"}, vandaag=VOORBEELD_DAG, uur=14)
@example(dag=dt.date(9999, 12, 28), velden={"ontvangen"}, vandaag=dt.date(9999, 12, 31),
         uur=-14)
def test_extreme_dates_never_crash(cli: Any, rand_repo: Path, dag: dt.date, velden: set[str],
                                   vandaag: dt.date, uur: int) -> None:
    waarden = {veld: dag.isoformat() if veld in velden else "" for veld in VELDEN}
    waarden["ontvangen"] = waarden["ontvangen"] or "2026-03-02"
    rij = ("AVG-2026-0001,{ontvangen},K-1,email,inzage,in_behandeling,{verificatie_op},"
           "{gepauzeerd_van},{gepauzeerd_tot},wacht op id,{verlengd_op},complex,"
           "{afgehandeld_op},\n").format(**waarden)
    offset = f"{'+' if uur >= 0 else '-'}{abs(uur):02d}:00"
    partijen = BASIS["registers/partijen.yaml"].replace(
        "getekend: 2024-05-01}", f"getekend: 2024-05-01, verloopt: {dag.isoformat()}}}")
    write_repo(rand_repo, {
        "registers/partijen.yaml": partijen,
        CSV: KOPREGEL + rij,
        LEK: f"referentie: DL-2026-010\nontdekt_op: {dag.isoformat()}T12:00:00{offset}\n"
             f"ap_meldingen:\n  - soort: voorlopig\n    op: {dag.isoformat()}T23:59:59{offset}\n",
    })
    binnen = dt.date(1900, 1, 1) <= vandaag <= dt.date(2999, 12, 31)
    for opdracht in COMMANDS:
        result = cli(*opdracht, "--repo", str(rand_repo), "--vandaag", vandaag.isoformat())
        assert result.exit_code in ((0, 1, 2) if binnen else (2,)), (opdracht, result)
        assert "onverwachte fout" not in result.err, (opdracht, result.err)
        assert "Traceback" not in result.out + result.err
        if binnen and not dt.date(1900, 1, 1) <= dag <= dt.date(2999, 12, 31) and (
                opdracht[0] not in ("check", "verwerkingen")):
            assert "overgeslagen" in result.err, (opdracht, result.err)


def test_a_date_or_nvt_field_out_of_range_is_one_finding(repo: Path) -> None:
    write_repo(repo, {CSV: "referentie,ontvangen,betrokkene_ref,kanaal,type,status,besluit,"
                           "afgehandeld_op,ontvangers_geinformeerd\n"
                           "AVG-2026-0001,2026-03-02,K-1,email,wissing,afgehandeld,toegewezen,"
                           "2026-03-10,9999-12-31\n"})
    hits = [(f.code, f.location.line, f.location.column, f.message) for f in check_repo(repo)
            if f.location.file == CSV]
    assert hits == [("AVG003", 2, 78, "'ontvangers_geinformeerd': 9999-12-31 ligt buiten de "
                     "jaren 1900-2999; met zo'n datum rekent avgctl geen termijn")]


# --- The restored backups (registers/herstel.yaml) ----------------------------------------------

HERSTEL = "registers/herstel.yaml"


@pytest.mark.parametrize("inhoud, plaats, bericht", [
    ("backup: 2026-04-14\n", "1:1",
     "AVG002 verkeerde opbouw: verwacht een lijst van teruggezette back-ups ('- backup: ...')"),
    ("- backup: 2026-02-30\n  teruggezet_op: 2026-04-20\n", "1:11", "AVG002 'backup'"),
    ("- backup: 2026-04-14\n  teruggezet_op: [\n", "3:1", "AVG001"),
], ids=["geen lijst", "onmogelijke datum", "kapotte yaml"])
def test_a_damaged_restore_file_is_a_finding_of_check_with_its_place(
        cli: Any, voorbeeld: Path, inhoud: str, plaats: str, bericht: str) -> None:
    (voorbeeld / HERSTEL).write_text(inhoud, encoding="utf-8")
    result = cli("check", "--repo", str(voorbeeld), "--vandaag", DAG)
    assert result.exit_code == 1
    assert f"{HERSTEL}:{plaats}: fout {bericht}" in result.out


@pytest.mark.parametrize("opdracht", [("status",), ("deadlines",), ("verzoek", "list")],
                         ids=" ".join)
def test_every_overview_names_a_damaged_restore_file(cli: Any, voorbeeld: Path,
                                                     opdracht: tuple[str, ...]) -> None:
    (voorbeeld / HERSTEL).write_text("backup: 2026-04-14\n", encoding="utf-8")
    result = cli(*opdracht, "--repo", str(voorbeeld), "--vandaag", DAG)
    assert result.exit_code == 2
    assert result.err.startswith(KOP)
    assert (f"  {HERSTEL}:1:1: niet gelezen: verkeerde opbouw: verwacht een lijst van "
            "teruggezette back-ups ('- backup: ...'); alle herstellingen in dit bestand "
            "ontbreken\n") in result.err
    assert result.err.count(HERSTEL) == 2  # the line and the total, said once


def test_an_empty_restore_file_is_said_like_any_empty_register_file(
        cli: Any, voorbeeld: Path) -> None:
    (voorbeeld / HERSTEL).write_text("# nog niets teruggezet\n", encoding="utf-8")
    result = cli("check", "--repo", str(voorbeeld), "--vandaag", DAG)
    assert result.exit_code == 1
    assert result.out.startswith(f"{HERSTEL}:1:1: fout AVG001 bestand is leeg\n"
                                 "    → vul het bestand in of verwijder het\n")
    (voorbeeld / HERSTEL).unlink()  # no restore ever: no file, and nothing to say
    assert cli("check", "--repo", str(voorbeeld), "--vandaag", DAG, "--strict").exit_code == 0

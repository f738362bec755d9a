"""The retention scan: DuckDB over exports, PostgreSQL over tables, and both against Python.

The PostgreSQL tests use a real server started for this module (tests/postgres.py), never a
mock; without Debian's postgresql package they skip and say so.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avgctl.bewaartermijnen import sql as sqlgen
from avgctl.bewaartermijnen.evaluatie import (
    KALENDERJAAR,
    BuitenBereik,
    Rekenregel,
    beoordeel,
    einde_van,
)
from avgctl.models.inventaris import standaard_bron
from avgctl.models.kaart import Bron, Export
from avgctl.models.termijnvelden import Termijnvelden
from tests import postgres
from tests.conftest import BASIS, PROJECT, write_repo

REGELS = """\
dossier:
  duur: 10 jaar
  na: sluiten_dossier
exploten:
  duur: 10 jaar
  na: sluiten_dossier
  vanaf: einde_kalenderjaar
fiscaal:
  duur: 7 jaar
  na: einde_boekjaar
  vanaf: einde_boekjaar
camera:
  duur: 4 weken
  na: opname
repertorium:
  duur: onbeperkt
  motivatie: Wettelijk zonder eindtermijn.
abonnement:
  criterium: zolang het abonnement loopt
"""

VANDAAG = "2026-06-01"


@pytest.fixture
def org(tmp_path: Path) -> Path:
    files = dict(BASIS)
    files["registers/bewaartermijnen.yaml"] = REGELS
    files["avgctl.yaml"] = BASIS["avgctl.yaml"] + "beleid:\n  boekjaar_einde: 06-30\n"
    return write_repo(tmp_path / "org", files)


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


INVENTARIS = [
    ["D-1", "dossier", "2016-02-29", ""],      # + 10 years = 2026-02-28: due
    ["D-2", "dossier", "2016-06-01", ""],      # ends 2026-06-01, today: not yet due
    ["D-3", "dossier", "2016-05-31", ""],      # ends 2026-05-31: due since today
    ["D-4", "dossier", "2010-01-01", "klacht lopend"],  # due, but held
    ["E-1", "exploten", "2015-03-01", ""],     # end of 2015 + 10 years = 2025-12-31: due
    ["E-2", "exploten", "2016-01-01", ""],     # 2026-12-31: keep
    ["F-1", "fiscaal", "2019-06-30", ""],      # book year ends 2019-06-30 + 7 = 2026-06-30
    ["F-2", "fiscaal", "2018-07-01", ""],      # book year ends 2019-06-30 + 7 = 2026-06-30
    ["F-3", "fiscaal", "2018-06-30", ""],      # 2018-06-30 + 7 = 2025-06-30: due
    ["C-1", "camera", "2026-05-04", ""],       # + 28 days = 2026-06-01: keep
    ["C-2", "camera", "2026-05-03", ""],       # 2026-05-31: due
    ["R-1", "repertorium", "1950-01-01", ""],  # onbeperkt
    ["A-1", "abonnement", "2001-01-01", ""],   # not computable: never guessed
    ["O-1", "dossier", "", ""],                # file not closed yet
]
HEADER = ["id", "bewaartermijn", "gebeurtenis_op", "blokkade"]


def test_default_inventory_text(cli, org: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inv = _csv(tmp_path / "inventaris.csv", HEADER, INVENTARIS)
    result = cli("bewaartermijnen", "scan", str(inv), "--repo", str(org), "--vandaag", VANDAAG)
    assert result.exit_code == 0, result.err
    assert result.err == ""
    assert result.out == """\
Vernietigingslijst op 2026-06-01 (te beoordelen door de eigenaar van de gegevens):
id   bron        bewaartermijn  gebeurtenis_op  einde       dagen_over
F-3  inventaris  fiscaal        2018-06-30      2025-06-30  336
E-1  inventaris  exploten       2015-03-01      2025-12-31  152
D-1  inventaris  dossier        2016-02-29      2026-02-28  93
C-2  inventaris  camera         2026-05-03      2026-05-31  1
D-3  inventaris  dossier        2016-05-31      2026-05-31  1

Samenvatting per bron en bewaartermijn:
  inventaris / abonnement: 1 gelezen; 1 niet te berekenen
  inventaris / camera: 2 gelezen; 1 vervallen, 1 nog bewaren
  inventaris / dossier: 5 gelezen; 2 vervallen, 1 vastgehouden (blokkade), 1 nog bewaren, \
1 nog niet begonnen
  inventaris / exploten: 2 gelezen; 1 vervallen, 1 nog bewaren
  inventaris / fiscaal: 3 gelezen; 1 vervallen, 2 nog bewaren
  inventaris / repertorium: 1 gelezen; 1 onbeperkt
Totaal: 5 van 14 records zijn over hun bewaartermijn.
"""
    assert "inventaris.csv" not in result.out  # ids only, never other columns or paths


def test_default_inventory_csv_and_json(cli, org: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inv = _csv(tmp_path / "inventaris.csv", HEADER, INVENTARIS)
    result = cli("bewaartermijnen", "scan", str(inv), "--repo", str(org), "--vandaag", VANDAAG,
                 "--format", "csv")
    assert result.exit_code == 0
    assert result.out.splitlines() == [
        "id,bron,bewaartermijn,gebeurtenis_op,einde,dagen_over",
        "F-3,inventaris,fiscaal,2018-06-30,2025-06-30,336",
        "E-1,inventaris,exploten,2015-03-01,2025-12-31,152",
        "D-1,inventaris,dossier,2016-02-29,2026-02-28,93",
        "C-2,inventaris,camera,2026-05-03,2026-05-31,1",
        "D-3,inventaris,dossier,2016-05-31,2026-05-31,1",
    ]
    result = cli("bewaartermijnen", "scan", str(inv), "--repo", str(org), "--vandaag", VANDAAG,
                 "--format", "json")
    data = json.loads(result.out)
    assert [r["id"] for r in data["vervallen"]] == ["F-3", "E-1", "D-1", "C-2", "D-3"]
    assert data["vervallen"][0] == {"id": "F-3", "bron": "inventaris", "bewaartermijn": "fiscaal",
                                    "gebeurtenis_op": "2018-06-30", "einde": "2025-06-30",
                                    "dagen_over": 336}
    dossier = next(s for s in data["samenvatting"] if s["bewaartermijn"] == "dossier")
    assert dossier == {"bron": "inventaris", "bewaartermijn": "dossier", "gelezen": 5,
                       "vervallen": 2, "blokkade": 1, "bewaren": 1, "onbeperkt": 0,
                       "niet_te_berekenen": 0, "niet_begonnen": 1}


def test_fail_on_vervallen(cli, org: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inv = _csv(tmp_path / "inventaris.csv", HEADER, INVENTARIS)
    args = ["bewaartermijnen", "scan", str(inv), "--repo", str(org), "--format", "csv"]
    assert cli(*args, "--vandaag", VANDAAG, "--fail-on", "vervallen").exit_code == 1
    assert cli(*args, "--vandaag", VANDAAG).exit_code == 0
    # nothing due yet on an early day: 0 with --fail-on too
    assert cli(*args, "--vandaag", "2025-01-01", "--fail-on", "vervallen").exit_code == 0
    result = cli(*args, "--vandaag", VANDAAG, "--fail-on", "alles")
    assert result.exit_code == 2
    assert "kies: vervallen" in result.err


def test_uit_writes_the_list(cli, org: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inv = _csv(tmp_path / "inventaris.csv", HEADER, INVENTARIS)
    uit = tmp_path / "lijst.csv"
    result = cli("bewaartermijnen", "scan", str(inv), "--repo", str(org), "--vandaag", VANDAAG,
                 "--format", "csv", "--uit", str(uit))
    assert result.exit_code == 0
    assert uit.read_text(encoding="utf-8").count("\n") == 6


@pytest.mark.parametrize(("cel", "melding"), [
    ("2026-02-30", "de datum van de gebeurtenis is geen datum (schrijf JJJJ-MM-DD)"),
    ("30-01-2026", "de datum van de gebeurtenis is geen datum (schrijf JJJJ-MM-DD)"),
    ("morgen", "de datum van de gebeurtenis is geen datum (schrijf JJJJ-MM-DD)"),
    # DuckDB's reader takes these for the years 1 and 999: no event lies that long ago
    ("01-01-05", "de datum van de gebeurtenis is geen datum (schrijf JJJJ-MM-DD)"),
    ("999-12-31", "de datum van de gebeurtenis is geen datum (schrijf JJJJ-MM-DD)"),
    ("0999-12-31", "de datum van de gebeurtenis is geen datum (schrijf JJJJ-MM-DD)"),
])
def test_bad_date_is_exit_2_with_its_row(cli, org: Path, tmp_path: Path, cel: str,  # type: ignore[no-untyped-def]
                                         melding: str) -> None:
    rows = [*INVENTARIS[:3], ["X-1", "dossier", cel, ""], *INVENTARIS[3:]]
    inv = _csv(tmp_path / "inventaris.csv", HEADER, rows)
    result = cli("bewaartermijnen", "scan", str(inv), "--repo", str(org), "--vandaag", VANDAAG)
    assert result.exit_code == 2
    assert result.out == ""  # no partial destruction list
    assert result.err.splitlines() == [
        f"{inv}:5:3: {melding}",
        "fout: 1 rij kon niet worden beoordeeld (1 onleesbare datum); er is geen "
        "vernietigingslijst gemaakt. Herstel de bron en scan opnieuw.",
    ]


def test_unknown_rule_and_missing_id_are_counted_and_fail(cli, org: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [*INVENTARIS, ["", "dossier", "2001-01-01", ""], ["Z-1", "onbekend", "2001-01-01", ""],
            ["Z-2", "", "2001-01-01", ""]]
    inv = _csv(tmp_path / "inventaris.csv", HEADER, rows)
    result = cli("bewaartermijnen", "scan", str(inv), "--repo", str(org), "--vandaag", VANDAAG)
    assert result.exit_code == 2
    lines = result.err.splitlines()
    assert f"{inv}:16:1: het id ontbreekt" in lines
    assert (f"{inv}:17:2: de bewaartermijn ontbreekt of staat niet in bewaartermijnen.yaml "
            "(bewaartermijn 'onbekend')") in lines
    assert f"{inv}:18:2: de bewaartermijn ontbreekt of staat niet in bewaartermijnen.yaml" in lines
    assert lines[-1].startswith("fout: 3 rijen konden niet worden beoordeeld (1 zonder id, "
                                "2 onbekende of ontbrekende bewaartermijnen)")


def test_unreadable_sources_exit_2(cli, org: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base = ["bewaartermijnen", "scan", "--repo", str(org), "--vandaag", VANDAAG]
    result = cli(*base, str(tmp_path / "weg.csv"))
    assert result.exit_code == 2
    assert "kan niet worden gelezen" in result.err
    result = cli(*base, str(tmp_path))
    assert result.exit_code == 2
    assert "is een map" in result.err
    kapot = tmp_path / "kapot.csv"
    kapot.write_text("id,bewaartermijn,gebeurtenis_op,blokkade\nA,dossier,2001-01-01,,x,y\n"
                     "B,dossier\n", encoding="utf-8")
    result = cli(*base, str(kapot))
    assert result.exit_code == 2
    assert result.err.splitlines() == [
        f"{kapot}:2:1: deze rij heeft meer velden dan de kop",
        f"{kapot}:3:3: deze rij heeft minder velden dan de kop",
        "fout: 2 rijen konden niet worden beoordeeld (2 onleesbare rijen); er is geen "
        "vernietigingslijst gemaakt. Herstel de bron en scan opnieuw."]
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes(b"id,bewaartermijn,gebeurtenis_op,blokkade\nA,dossier,2001-01-01,caf\xe9\n")
    result = cli(*base, str(ansi))
    assert result.exit_code == 2
    assert result.err.splitlines()[0] == (f"{ansi}:2:4: deze rij is geen UTF-8; sla het bestand "
                                          "op als 'CSV UTF-8'")
    zonder = _csv(tmp_path / "zonder.csv", ["id", "gebeurtenis_op"], [["A", "2001-01-01"]])
    result = cli(*base, str(zonder))
    assert result.exit_code == 2
    assert result.err == (f"fout: {zonder}:1: kolom 'blokkade', 'bewaartermijn' ontbreekt; de "
                          "kop heeft: id, gebeurtenis_op\n")
    leeg = tmp_path / "leeg.csv"
    leeg.write_text("", encoding="utf-8")
    assert cli(*base, str(leeg)).exit_code == 2
    semi = tmp_path / "excel.csv"
    semi.write_text("\ufeffid;bewaartermijn;gebeurtenis_op;blokkade\r\nA;dossier;2001-01-01;\r\n",
                    encoding="utf-8")
    result = cli(*base, str(semi), "--format", "csv")
    assert result.exit_code == 0, result.err
    assert result.out.splitlines()[1] == "A,excel,dossier,2001-01-01,2011-01-01,5630"


KAART = """\
bronnen:
  - naam: zaken
    bestand: zaken.csv
    id: zaaknummer
    bewaartermijn_per:
      kolom: dossiertype
      waarden: {incasso: dossier, ambtelijk: exploten}
    gebeurtenis_op: gesloten_op
    blokkade: [klacht]
    blokkade_als: [{kolom: status, op: "=", waarde: bezwaar}]
    filter: [{kolom: status, op: "!=", waarde: concept}]
  - naam: camera
    bestand: camera.parquet
    id: opname
    bewaartermijn: camera
    gebeurtenis_op: opgenomen_op
    blokkade_als: [{kolom: incident, op: "=", waarde: true}]
"""


@pytest.fixture
def kaart(tmp_path: Path) -> Path:
    import duckdb

    folder = tmp_path / "exports"
    folder.mkdir()
    _csv(folder / "zaken.csv", ["zaaknummer", "dossiertype", "gesloten_op", "klacht", "status",
                                "naam"], [
        ["Z-1", "incasso", "2015-01-10", "", "gesloten", "Jan Jansen"],
        ["Z-2", "ambtelijk", "2015-01-10", "", "gesloten", "Piet Pietersen"],
        ["Z-3", "incasso", "2012-01-10", "ja", "gesloten", "Klaas Klaassen"],
        ["Z-4", "incasso", "2012-01-10", "", "bezwaar", "Anna de Vries"],
        ["Z-5", "incasso", "2012-01-10", "", "concept", "Els Bakker"],
    ])
    con = duckdb.connect()
    con.execute(f"""COPY (SELECT * FROM (VALUES
        ('CAM-1', DATE '2026-04-01', false), ('CAM-2', DATE '2026-04-01', true),
        ('CAM-3', DATE '2026-05-20', false)) t(opname, opgenomen_op, incident))
        TO '{folder / "camera.parquet"}' (FORMAT parquet)""")
    con.close()
    path = folder / "kaart.yaml"
    path.write_text(KAART, encoding="utf-8")
    return path


def test_map_with_csv_and_parquet(cli, org: Path, kaart: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("bewaartermijnen", "scan", "--kaart", str(kaart), "--repo", str(org),
                 "--vandaag", VANDAAG, "--format", "csv")
    assert result.exit_code == 0, result.err
    assert result.out.splitlines() == [
        "id,bron,bewaartermijn,gebeurtenis_op,einde,dagen_over",
        "Z-1,zaken,dossier,2015-01-10,2025-01-10,507",
        "Z-2,zaken,exploten,2015-01-10,2025-12-31,152",
        "CAM-1,camera,camera,2026-04-01,2026-04-29,33",
    ]
    # Z-2 is ambtelijk: exploten, from the end of 2015; Z-3 and Z-4 are held, Z-5 filtered out;
    # CAM-2 is held by its incident column, CAM-3 is still within its four weeks.
    assert "Jansen" not in result.out
    result = cli("bewaartermijnen", "scan", "camera", "--kaart", str(kaart), "--repo", str(org),
                 "--vandaag", VANDAAG, "--format", "json")
    data = json.loads(result.out)
    assert [r["id"] for r in data["vervallen"]] == ["CAM-1"]
    assert data["samenvatting"] == [{"bron": "camera", "bewaartermijn": "camera", "gelezen": 3,
                                     "vervallen": 1, "blokkade": 1, "bewaren": 1, "onbeperkt": 0,
                                     "niet_te_berekenen": 0, "niet_begonnen": 0}]


@pytest.mark.parametrize("fail_on", [[], ["--fail-on", "vervallen"]])
def test_the_file_duckdb_writes_is_the_list_on_stdout(cli, org: Path, kaart: Path,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path, fail_on: list[str]) -> None:
    """With --uit DuckDB writes the CSV list itself and only the counts come back; the file is
    what --format csv prints, record for record, also for a record twice in one export."""
    rijen = [*INVENTARIS, INVENTARIS[0]]
    inv = _csv(tmp_path / "inventaris.csv", HEADER, rijen)
    for bronnen in ([str(inv)], ["--kaart", str(kaart)], [str(inv), str(inv)]):
        args = ["bewaartermijnen", "scan", *bronnen, "--repo", str(org), "--vandaag", VANDAAG,
                "--format", "csv", *fail_on]
        uit = tmp_path / "lijst.csv"
        uit.unlink(missing_ok=True)
        gedrukt = cli(*args)
        geschreven = cli(*args, "--uit", str(uit))
        assert (geschreven.exit_code, geschreven.out, geschreven.err) == \
            (gedrukt.exit_code, "", f"Geschreven: {uit}\n"), bronnen
        assert gedrukt.exit_code == (1 if fail_on else 0)
        assert uit.read_text(encoding="utf-8") == gedrukt.out, bronnen
        if bronnen[0] == str(inv):
            assert gedrukt.out.count(INVENTARIS[0][0] + ",") == 2 * len(bronnen)


def test_a_bad_row_writes_no_file(cli, org: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inv = _csv(tmp_path / "inventaris.csv", HEADER, [*INVENTARIS, ["X-1", "dossier", "morgen", ""]])
    uit = tmp_path / "lijst.csv"
    args = ["bewaartermijnen", "scan", str(inv), "--repo", str(org), "--vandaag", VANDAAG,
            "--format", "csv"]
    gedrukt, geschreven = cli(*args), cli(*args, "--uit", str(uit))
    assert geschreven.exit_code == gedrukt.exit_code == 2
    assert geschreven.err == gedrukt.err and gedrukt.out == geschreven.out == ""
    assert not uit.exists()


def test_map_value_without_a_rule_fails(cli, org: Path, kaart: Path) -> None:  # type: ignore[no-untyped-def]
    zaken = kaart.parent / "zaken.csv"
    zaken.write_text(zaken.read_text(encoding="utf-8")
                     + "Z-9,beslag,2015-01-10,,gesloten,X\n", encoding="utf-8")
    result = cli("bewaartermijnen", "scan", "zaken", "--kaart", str(kaart), "--repo", str(org),
                 "--vandaag", VANDAAG)
    assert result.exit_code == 2
    assert f"{zaken}:7:2: de bewaartermijn ontbreekt" in result.err


@pytest.mark.parametrize(("tekst", "melding"), [
    ("bronnen: []\n", "kaart.yaml:1:10: 'bronnen'"),
    ("bronnen:\n  - naam: x\n    bewaartermijn: dossier\n",
     "geef precies één van 'bestand' en 'tabel'"),
    ("bronnen:\n  - naam: x\n    bestand: a.csv\n    bewaartermijn: onbekend\n",
     "onbekende bewaartermijn in de kaart"),
    ("bronnen:\n  - naam: x\n    bestand: a.csv\n    bewaartermijn: dossier\n"
     "    filter: [{kolom: a, op: like, waarde: x}]\n", "kaart.yaml:5:"),
    ("bronnen: [\n", "kaart.yaml:"),
])
def test_bad_maps(cli, org: Path, tmp_path: Path, tekst: str, melding: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "kaart.yaml"
    path.write_text(tekst, encoding="utf-8")
    (tmp_path / "a.csv").write_text("id\n", encoding="utf-8")
    result = cli("bewaartermijnen", "scan", "--kaart", str(path), "--repo", str(org),
                 "--vandaag", VANDAAG)
    assert result.exit_code == 2, result.err
    assert melding in result.err
    assert "Traceback" not in result.err


def test_hostile_names_and_values_never_become_sql(cli, org: Path, kaart: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = kaart.parent / "hostile.yaml"
    hostile.write_text("""\
bronnen:
  - naam: zaken
    bestand: zaken.csv
    id: zaaknummer
    bewaartermijn: dossier
    gebeurtenis_op: gesloten_op
    filter: [{kolom: status, op: "=", waarde: "x' OR 1=1; COPY (SELECT 1) TO '/tmp/x'; --"}]
""", encoding="utf-8")
    result = cli("bewaartermijnen", "scan", "--kaart", str(hostile), "--repo", str(org),
                 "--vandaag", VANDAAG, "--format", "csv")
    assert result.exit_code == 0
    assert result.out.splitlines() == ["id,bron,bewaartermijn,gebeurtenis_op,einde,dagen_over"]
    bron = Bron(naam="z", tabel='zaken"; DROP TABLE zaken; --', id='id" FROM x; --',
                bewaartermijn="dossier")
    query = sqlgen.scan(bron, {"dossier": Rekenregel("termijn", maanden=120)},
                        dt.date(2026, 6, 1), "postgresql")
    assert 'FROM "zaken""; DROP TABLE zaken; --"' in query.sql
    assert 'CAST("id"" FROM x; --" AS VARCHAR)' in query.sql
    assert "dossier" not in query.sql  # values travel as parameters
    assert "dossier" in query.params


# --- Python, DuckDB and PostgreSQL agree -------------------------------------------------

@pytest.fixture(scope="module")
def pg() -> Iterator[postgres.Server]:
    if not postgres.beschikbaar():
        pytest.skip(postgres.SKIP_REDEN)
    with postgres.server() as server:
        yield server


VANAF = st.sampled_from(["gebeurtenis", "einde_kalenderjaar", "einde_boekjaar"])
REGEL = st.one_of(
    st.builds(lambda m, v: Rekenregel("termijn", maanden=m, vanaf=v),
              st.integers(1, 1200), VANAF),
    st.builds(lambda d, v: Rekenregel("termijn", dagen=d, vanaf=v), st.integers(0, 5000), VANAF),
    st.just(Rekenregel("onbeperkt")),
    st.just(Rekenregel("niet_te_berekenen", reden="criterium")),
)
MAANDEINDE = st.builds(lambda y, m: (dt.date(y, m % 12 + 1, 1) - dt.timedelta(days=1))
                       if m < 12 else dt.date(y, 12, 31), st.integers(1900, 2100),
                       st.integers(1, 12))
SCHRIKKEL = st.sampled_from([dt.date(y, 2, 29) for y in (1904, 1996, 2000, 2016, 2024, 2028)])
DATUM = st.one_of(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), MAANDEINDE, SCHRIKKEL,
                  st.dates(dt.date(9990, 1, 1), dt.date(9999, 12, 31)))
BOEKJAAR = st.sampled_from([KALENDERJAAR, (6, 30), (3, 31), (9, 30), (2, 28), (1, 31)])
GEVAL = st.tuples(REGEL, DATUM, st.booleans())


def _python(regels: dict[str, Rekenregel], gevallen: list[tuple[str, dt.date, bool]],
            vandaag: dt.date, boekjaar: tuple[int, int]) -> tuple[dict[int, Any], set[str]]:
    einden: dict[int, Any] = {}
    due: set[str] = set()
    for n, (regel_id, datum, vast) in enumerate(gevallen):
        regel = regels[regel_id]
        try:
            einden[n] = einde_van(regel, datum, boekjaar)
        except BuitenBereik:
            einden[n] = None
        uitkomst = beoordeel(regel, datum, vandaag, blokkade="ja" if vast else None,
                             boekjaar_einde=boekjaar)
        if uitkomst.vervallen:
            due.add(f"r{n}")
    return einden, due


def _cases(data: list[tuple[Rekenregel, dt.date, bool]]) -> tuple[dict[str, Rekenregel],
                                                                  list[tuple[str, dt.date, bool]]]:
    regels = {f"regel{i}": r for i, (r, _, _) in enumerate(data)}
    return regels, [(f"regel{i}", d, vast) for i, (_, d, vast) in enumerate(data)]


def _duckdb(query: sqlgen.Query) -> list[tuple[Any, ...]]:
    import duckdb

    con = duckdb.connect()
    try:
        return con.execute(query.voor("duckdb"), query.params).fetchall()
    finally:
        con.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(GEVAL, min_size=1, max_size=40), st.dates(dt.date(1990, 1, 1),
                                                          dt.date(2120, 12, 31)), BOEKJAAR)
def test_python_duckdb_and_postgresql_agree(
        pg: postgres.Server, tmp_path_factory: pytest.TempPathFactory,
        data: list[tuple[Rekenregel, dt.date, bool]], vandaag: dt.date,
        boekjaar: tuple[int, int]) -> None:
    import psycopg

    regels, gevallen = _cases(data)
    verwacht_einde, verwacht_due = _python(regels, gevallen, vandaag, boekjaar)
    datums = [(r, d) for r, d, _ in gevallen]
    # einde through the same expressions, in both databases
    for dialect in sqlgen.DIALECTEN:
        query = sqlgen.einden(regels, datums, dialect, boekjaar)
        if dialect == "duckdb":
            rows = _duckdb(query)
        else:
            with psycopg.connect(pg.url) as con:
                rows = con.execute(query.voor(dialect), query.params).fetchall()
        assert {n: e for n, e in rows} == verwacht_einde, dialect
    # due-or-not through the real scan query: a CSV export in DuckDB, a table in PostgreSQL
    folder = tmp_path_factory.mktemp("agree")
    inv = _csv(folder / "inv.csv", HEADER, [[f"r{n}", r, d.isoformat(), "ja" if vast else ""]
                                          for n, (r, d, vast) in enumerate(gevallen)])
    bron = standaard_bron("inv", str(inv))
    export = Export(str(inv), ",", tuple(HEADER))
    rows = _duckdb(sqlgen.scan(bron, regels, vandaag, "duckdb", boekjaar, export))
    assert {r[2] for r in rows if r[2] is not None} == verwacht_due
    # every row is counted once: in a count row, or as a due row of its own
    assert sum(r[6] for r in rows if r[2] is None and r[1] != "vervallen") + sum(
        r[6] for r in rows if r[2] is not None) == len(gevallen)
    tabel = Bron(naam="inv", tabel="inventaris", bewaartermijn_kolom="bewaartermijn",
                 blokkade=["blokkade"])
    with psycopg.connect(pg.url) as con:
        con.execute("DROP TABLE IF EXISTS inventaris")
        con.execute("CREATE TABLE inventaris (id text, bewaartermijn text, gebeurtenis_op date, "
                    "blokkade text)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO inventaris VALUES (%s, %s, %s, %s)",
                            [(f"r{n}", r, d, "ja" if vast else None)
                             for n, (r, d, vast) in enumerate(gevallen)])
        query = sqlgen.scan(tabel, regels, vandaag, "postgresql", boekjaar)
        rows = con.execute(query.voor("postgresql"), query.params).fetchall()
    assert {r[2] for r in rows if r[2] is not None} == verwacht_due
    for _, status, rid, _, einde, dagen_over, _ in rows:
        if rid is not None:
            assert status == "vervallen"
            assert einde == verwacht_einde[int(rid[1:])]
            assert dagen_over == (vandaag - einde).days


HAND = [  # (rule, event, book year, expected end) — the hand-checked cases of issue 10
    (Rekenregel("termijn", maanden=120), dt.date(2016, 2, 29), KALENDERJAAR, dt.date(2026, 2, 28)),
    (Rekenregel("termijn", maanden=1), dt.date(2026, 1, 31), KALENDERJAAR, dt.date(2026, 2, 28)),
    (Rekenregel("termijn", dagen=28), dt.date(2026, 5, 4), KALENDERJAAR, dt.date(2026, 6, 1)),
    (Rekenregel("termijn", maanden=36, vanaf="einde_kalenderjaar"), dt.date(2026, 3, 5),
     KALENDERJAAR, dt.date(2029, 12, 31)),
    (Rekenregel("termijn", maanden=84, vanaf="einde_boekjaar"), dt.date(2026, 7, 1), (6, 30),
     dt.date(2034, 6, 30)),
    (Rekenregel("termijn", maanden=84, vanaf="einde_boekjaar"), dt.date(2026, 6, 30), (6, 30),
     dt.date(2033, 6, 30)),
    (Rekenregel("termijn", maanden=1, vanaf="einde_boekjaar"), dt.date(2026, 6, 30), (6, 30),
     dt.date(2026, 7, 30)),
]


def test_hand_checked_ends_in_both_databases(pg: postgres.Server) -> None:
    import psycopg

    for regel, datum, boekjaar, einde in HAND:
        assert einde_van(regel, datum, boekjaar) == einde
        query = sqlgen.einden({"r": regel}, [("r", datum)], "duckdb", boekjaar)
        assert _duckdb(query) == [(0, einde)]
        query = sqlgen.einden({"r": regel}, [("r", datum)], "postgresql", boekjaar)
        with psycopg.connect(pg.url) as con:
            assert con.execute(query.voor("postgresql"), query.params).fetchall() == [(0, einde)]


# --- inside PostgreSQL -------------------------------------------------------------------

PG_KAART = """\
bronnen:
  - naam: dossiers
    tabel: zaken.dossiers
    id: nummer
    bewaartermijn_per:
      kolom: soort
      waarden: {incasso: dossier, ambtelijk: exploten}
    gebeurtenis_op: gesloten_op
    blokkade: [procedure]
    anonimiseren: [naam, adres]
"""


@pytest.fixture
def pg_org(pg: postgres.Server, tmp_path: Path) -> Path:
    import psycopg

    with psycopg.connect(pg.url, autocommit=True) as con:
        con.execute("DROP SCHEMA IF EXISTS zaken CASCADE")
        con.execute("CREATE SCHEMA zaken")
        con.execute("CREATE TABLE zaken.dossiers (nummer integer primary key, soort text, "
                    "gesloten_op date, procedure boolean, naam text, adres text)")
        con.execute("""INSERT INTO zaken.dossiers VALUES
            (1, 'incasso', '2015-01-10', false, 'Jan Jansen', 'Dorpsstraat 1'),
            (2, 'ambtelijk', '2015-01-10', false, 'Piet Pietersen', 'Kerkplein 2'),
            (3, 'incasso', '2012-01-10', true, 'Klaas Klaassen', 'Markt 3'),
            (4, 'incasso', NULL, false, 'Els Bakker', 'Laan 4')""")
    path = tmp_path / "kaart.yaml"
    path.write_text(PG_KAART, encoding="utf-8")
    return path


def test_scan_inside_postgresql(cli, org: Path, pg: postgres.Server, pg_org: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("bewaartermijnen", "scan", "--kaart", str(pg_org), "--database", pg.url,
                 "--repo", str(org), "--vandaag", VANDAAG, "--format", "csv")
    assert result.exit_code == 0, result.err
    assert result.out.splitlines() == [
        "id,bron,bewaartermijn,gebeurtenis_op,einde,dagen_over",
        "1,dossiers,dossier,2015-01-10,2025-01-10,507",
        "2,dossiers,exploten,2015-01-10,2025-12-31,152",
    ]
    result = cli("bewaartermijnen", "scan", "--kaart", str(pg_org), "--repo", str(org),
                 "--vandaag", VANDAAG)
    assert result.exit_code == 2
    assert "--database" in result.err


def test_the_scan_transaction_cannot_write(pg: postgres.Server, pg_org: Path) -> None:
    """Even a SELECT that writes through a function is refused by PostgreSQL itself."""
    import psycopg

    from avgctl.store.inventaris import BronFout, PostgreSQL

    with psycopg.connect(pg.url, autocommit=True) as con:
        con.execute("CREATE SEQUENCE zaken.teller")
        con.execute("CREATE FUNCTION zaken.schrijf() RETURNS integer LANGUAGE sql VOLATILE AS "
                    "$$ DELETE FROM zaken.dossiers RETURNING 1 $$")
    runner = PostgreSQL(pg.url)
    try:
        for vraag in ("SELECT zaken.schrijf()", "SELECT nextval('zaken.teller')"):
            with pytest.raises(BronFout, match="read-only transaction"):
                list(runner.rijen(vraag, [], "t"))
    finally:
        runner.close()
    with psycopg.connect(pg.url) as con:
        assert con.execute("SELECT count(*) FROM zaken.dossiers").fetchone() == (4,)


def test_both_runners_read_back_only_the_rows_asked_for(pg: postgres.Server) -> None:
    from avgctl.store.inventaris import DuckDB, PostgreSQL

    vraag = "SELECT * FROM (VALUES (NULL, 2), ('b', 1), (NULL, 1), ('a', 3)) AS t(id, n)"
    for runner in (DuckDB(), PostgreSQL(pg.url)):
        try:
            assert list(runner.rijen(vraag, [], "t", "id IS NOT NULL, id, n")) == \
                [(None, 1), (None, 2), ("a", 3), ("b", 1)]
            assert list(runner.rijen(vraag, [], "t", "id IS NOT NULL, id, n", "id IS NULL")) \
                == [(None, 1), (None, 2)]
        finally:
            runner.close()


def test_sql_prints_statements_a_dba_can_run(cli, org: Path, pg: postgres.Server,  # type: ignore[no-untyped-def]
                                             pg_org: Path) -> None:
    import psycopg

    base = ["bewaartermijnen", "sql", "--kaart", str(pg_org), "--repo", str(org),
            "--vandaag", VANDAAG]
    selecteer = cli(*base)
    assert selecteer.exit_code == 0, selecteer.err
    assert selecteer.out.startswith("-- dossiers: de records waarvan de bewaartermijn op "
                                    "2026-06-01 is verstreken\nWITH regels")
    assert "'dossier'" in selecteer.out and "?" not in selecteer.out
    anonimiseer = cli(*base, "--actie", "anonimiseer")
    assert 'UPDATE "zaken"."dossiers"\nSET "naam" = NULL, "adres" = NULL\nWHERE' in anonimiseer.out
    verwijder = cli(*base, "--actie", "verwijder")
    assert verwijder.out.startswith("-- dossiers: de records verwijderen die over hun termijn "
                                    "zijn\nDELETE FROM \"zaken\".\"dossiers\"")
    # The printed statements run as they are, and do what they say.
    with psycopg.connect(pg.url, autocommit=True) as con:
        assert sorted(r[0] for r in con.execute(selecteer.out).fetchall()) == ["1", "2"]
        con.execute(anonimiseer.out)
        assert con.execute("SELECT naam, adres FROM zaken.dossiers WHERE nummer = 1"
                           ).fetchone() == (None, None)
        con.execute(verwijder.out)
        assert [r[0] for r in con.execute("SELECT nummer FROM zaken.dossiers ORDER BY 1")] == \
            [3, 4]
    duckdb_sql = cli(*base, "--dialect", "duckdb")  # the same rules for a DuckDB warehouse
    assert duckdb_sql.exit_code == 0
    assert "to_months(" in duckdb_sql.out and "make_interval(" not in duckdb_sql.out
    assert "make_interval(" in selecteer.out
    assert cli(*base, "--dialect", "oracle").exit_code == 2


def test_duckdb_is_imported_only_by_the_scan() -> None:
    code = ("import sys\nfrom avgctl.cli.app import main\n"
            "for args in (['--help'], ['check', '--repo', 'registers/..', '--vandaag', "
            "'2026-11-20', '--quiet'], ['status', '--repo', '.', '--vandaag', '2026-11-20'], "
            "['bewaartermijnen', '--help'], ['bewaartermijnen', 'scan', '--help']):\n"
            "    main(args)\n"
            "print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('duckdb', '_duckdb', 'psycopg')))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_readme_example_is_what_the_example_gives(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    readme = (PROJECT / "docs" / "bewaartermijnen.md").read_text(encoding="utf-8")
    block = readme.split("$ avgctl bewaartermijnen scan inventaris/inventaris.csv "
                         "--vandaag 2026-11-20\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(PROJECT / "registers")
    result = cli("bewaartermijnen", "scan", "inventaris/inventaris.csv", "--vandaag", "2026-11-20")
    assert result.exit_code == 0, result.err
    assert result.out == block
    result = cli("bewaartermijnen", "scan", "--kaart", "inventaris/kaart.yaml", "--vandaag",
                 "2026-11-20", "--format", "csv")
    assert result.exit_code == 0, result.err
    assert result.out.count("\n") > 4


# The scan reads only the retention rules and two settings; anything not plainly valid in them
# goes through the register's full read, which reports it as every command does.
ONGELDIG = [
    ("registers/bewaartermijnen.yaml", "dossier:\n  duur: 10 jaren en een dag\n  na: x\n"),
    ("registers/bewaartermijnen.yaml", "dossier:\n  duur: 10 jaar\n  na: Sluiten Dossier\n"),
    ("registers/bewaartermijnen.yaml", "dossier:\n  duur: 10 jaar\n  nna: sluiten\n"),
    ("registers/bewaartermijnen.yaml", "dossier:\n  duur: 10\n  na: sluiten\n"),
    ("registers/bewaartermijnen.yaml", "dossier:\n  duur: 10 jaar\n  vanaf:\n"),
    ("registers/bewaartermijnen.yaml", "dossier:\n"),
    ("registers/bewaartermijnen.yaml", "- dossier\n"),
    ("registers/bewaartermijnen.yaml", "dossier: {duur: 1 jaar, na: x}\ndossier: {}\n"),
    ("registers/bewaartermijnen.yaml", "dossier: {duur: 1 jaar\n"),
    ("avgctl.yaml", BASIS["avgctl.yaml"] + "beleid:\n  boekjaar_einde: 02-29\n"),
    ("avgctl.yaml", BASIS["avgctl.yaml"] + "beleid:\n  boekjaar_einde: ' 06-30'\n"),
    ("avgctl.yaml", BASIS["avgctl.yaml"] + "beleid:\n  boekjaar_einde: 630\n"),
    ("avgctl.yaml", BASIS["avgctl.yaml"] + "beleid:\n  tijdzone: Europe\n"),
    ("avgctl.yaml", BASIS["avgctl.yaml"] + "beleid:\n  tijdzone: Europe/Lindeveld\n"),
    ("avgctl.yaml", BASIS["avgctl.yaml"] + "beleid:\n"),
    ("avgctl.yaml", "- organisatie\n"),
]


@pytest.mark.parametrize(("rel", "tekst"), ONGELDIG)
def test_the_scan_reads_the_register_when_rules_or_settings_are_not_plainly_valid(
        org: Path, rel: str, tekst: str) -> None:
    from avgctl.store.inventaris import lees_bewaarregels

    (org / rel).write_text(tekst, encoding="utf-8")
    assert lees_bewaarregels(org) is None


def test_a_wrong_rule_is_reported_as_before(cli, org: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (org / "registers/bewaartermijnen.yaml").write_text(
        REGELS + "kapot:\n  duur: 3 eeuwen\n", encoding="utf-8")
    inv = _csv(tmp_path / "inventaris.csv", HEADER, INVENTARIS)
    result = cli("bewaartermijnen", "scan", str(inv), "--repo", str(org), "--vandaag", VANDAAG)
    assert result.exit_code == 0, result.err
    assert result.err == ("let op: 1 fout(en) in registers/bewaartermijnen.yaml; wat daar staat, "
                          "ontbreekt hieronder. Zie 'avgctl check'\n")
    assert "D-1  inventaris  dossier" in result.out


@pytest.mark.parametrize("beleid", [
    "", "beleid:\n  boekjaar_einde: 06-30\n",
    "beleid:\n  boekjaar_einde: \"06-30\\n\"\n  tijdzone: ' UTC '\n",
    "beleid:\n  tijdzone: America/New_York\n"])
def test_the_quick_read_gives_what_the_register_gives(org: Path, beleid: str) -> None:
    from avgctl.models.organisatie import boekjaar_einde_van
    from avgctl.store.inventaris import lees_bewaarregels
    from avgctl.store.repo import load_register

    (org / "avgctl.yaml").write_text(BASIS["avgctl.yaml"] + beleid, encoding="utf-8")
    snel = lees_bewaarregels(org)
    register = load_register(org, frozenset({"bewaartermijnen"}))
    assert snel is not None and register.config is not None and not register.load_findings
    assert _velden(snel.termijnen) == {k: b.model.model_dump()
                                       for k, b in register.bewaartermijnen.items()}
    assert snel.boekjaar_einde == boekjaar_einde_van(register.config.model.beleid.boekjaar_einde)
    assert snel.tijdzone == register.config.model.beleid.tijdzone
    voorbeeld = lees_bewaarregels(PROJECT)
    assert voorbeeld is not None
    assert _velden(voorbeeld.termijnen) == {k: b.model.model_dump() for k, b in load_register(
        PROJECT, frozenset({"bewaartermijnen"})).bewaartermijnen.items()}
    # Plain rules, as in both registers here, are read without their pydantic model.
    assert all(isinstance(v, Termijnvelden) for v in
               [*snel.termijnen.values(), *voorbeeld.termijnen.values()])


def _velden(termijnen: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {k: dataclasses.asdict(v) if isinstance(v, Termijnvelden) else v.model_dump()
            for k, v in termijnen.items()}


def test_a_rule_out_of_the_plain_is_judged_by_its_model(org: Path) -> None:
    """Text with spaces around it, a number where text belongs: the model decides, as before."""
    from avgctl.models.bewaartermijn import Bewaartermijn
    from avgctl.store.inventaris import lees_bewaarregels

    (org / "registers/bewaartermijnen.yaml").write_text(
        "dossier:\n  duur: ' 10 jaar '\n  na: sluiten_dossier\n"
        "camera:\n  duur: 4 weken\n  na: opname\n", encoding="utf-8")
    snel = lees_bewaarregels(org)
    assert snel is not None
    assert isinstance(snel.termijnen["dossier"], Bewaartermijn)
    assert snel.termijnen["dossier"].duur == "10 jaar"
    assert snel.termijnen["camera"] == Termijnvelden(duur="4 weken", na="opname")


def test_the_scan_loads_no_other_part_of_the_register(org: Path, tmp_path: Path) -> None:
    inv = _csv(tmp_path / "inventaris.csv", HEADER, INVENTARIS)
    code = ("import sys\nfrom avgctl.cli.app import main\n"
            f"main(['bewaartermijnen', 'scan', {str(inv)!r}, '--repo', {str(org)!r}, "
            f"'--vandaag', {VANDAAG!r}])\n"
            "print(sorted(m for m in sys.modules if m.startswith(('avgctl.models', "
            "'avgctl.store', 'multiprocessing'))))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == str([
        "avgctl.models", "avgctl.models.duur", "avgctl.models.inventaris", "avgctl.models.kalender",
        "avgctl.models.termijnvelden", "avgctl.store", "avgctl.store.inventaris",
        "avgctl.store.plaats", "avgctl.store.yamlfile"]), result.stderr


PADEN = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["/tmp/lijst.csv", "uit/[x].csv", "a:smile:b", "a\\[b", "tab\tje", "cr\r",
                     "é漢字.csv", "x" * 300, "a  ", "\x1b[31m", "a\u200bb", "\udcff.csv"]),
)


@settings(max_examples=400, deadline=None)
@given(PADEN)
def test_the_written_line_without_rich_is_riches(pad: str) -> None:
    """Off a terminal the scan says 'Geschreven: ...' without importing rich; whenever it
    does, the line is the one rich writes."""
    import io

    from avgctl.output import console
    from avgctl.output.scan import gewone_tekst

    if not gewone_tekst(pad):
        return  # rich writes it
    stream = io.StringIO()
    console._console(stream).print(f"Geschreven: {pad}")
    assert stream.getvalue() == f"Geschreven: {pad}\n"


def test_the_written_line_goes_to_rich_when_it_would_change(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from avgctl.output.scan import geschreven, gewone_tekst

    assert gewone_tekst("/tmp/uit/lijst-2026.csv")
    for pad in ("uit/[x].csv", "a:smile:b", "tab\tje", "a\\b"):
        assert not gewone_tekst(pad)
    geschreven(Path("uit/[rood]x.csv"))  # rich reads the brackets as markup, as it always did
    geschreven(Path("uit/lijst.csv"))
    assert capsys.readouterr().err == "Geschreven: uit/x.csv\nGeschreven: uit/lijst.csv\n"


@pytest.mark.parametrize("uit", [[], ["--uit", "lijst.csv"]])
def test_the_default_scan_imports_no_pydantic_nor_rich(org: Path, tmp_path: Path,
                                                       uit: list[str]) -> None:
    """The quick path of ``python -m avgctl`` builds no model, off a terminal draws nothing,
    and loads DuckDB's engine without its Python helpers: pydantic alone is a tenth of a
    second of a scan of millions of rows, those helpers a twentieth."""
    inv = _csv(tmp_path / "inventaris.csv", HEADER, INVENTARIS)
    code = ("import sys\n"
            f"sys.argv = ['avgctl', 'bewaartermijnen', 'scan', {str(inv)!r}, '--repo', "
            f"{str(org)!r}, '--vandaag', {VANDAAG!r}, '--format', 'csv', *{uit!r}]\n"
            "import os\nos._exit = lambda code: print(sorted({m.split('.')[0] for m in "
            "sys.modules} & {'pydantic', 'pydantic_core', 'typer', 'jinja2', 'rich', "
            "'duckdb', '_duckdb'}), code)\n"
            "from avgctl.__main__ import main\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                            text=True, check=False)
    # DuckDB's engine only, without the package's Python helpers, where it has one of its own.
    import importlib.util

    motor = "_duckdb" if importlib.util.find_spec("_duckdb") else "duckdb"
    assert result.stdout.strip().splitlines()[-1] == f"['{motor}'] 0", result.stderr
    assert result.stderr == ("Geschreven: lijst.csv\n" if uit else "")


def test_duckdb_takes_no_more_threads_than_the_process_may_use() -> None:
    code = ("import os\nfrom avgctl.store.inventaris import DRAADJES, draadjes\n"
            "alle = draadjes()\nos.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n"
            "print(alle == min(DRAADJES, os.cpu_count() or 1), draadjes())\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.stdout.split() == ["True", "1"], result.stderr


def test_duckdb_spills_to_a_private_folder_that_is_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What DuckDB writes to disk holds the organisation's rows: never '.tmp' in the folder
    the scan runs in, and gone when the scan ends."""
    from avgctl.store.inventaris import DuckDB

    monkeypatch.chdir(tmp_path)
    runner = DuckDB()
    map_ = Path(runner.con.execute("SELECT current_setting('temp_directory')").fetchone()[0])
    assert map_.is_dir() and tmp_path not in map_.parents and map_.name.startswith("avgctl-scan-")
    runner.close()
    assert not map_.exists()
    assert not (tmp_path / ".tmp").exists()

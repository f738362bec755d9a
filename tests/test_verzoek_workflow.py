"""The request workflow through the CLI, on a copy of the built-in example.

Every write must change only the affected line (or append one): the other rows, their order
and quoting, columns avgctl does not know, the line endings, a BOM and the delimiter all stay
byte for byte as they were. A failed or concurrent write changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PROJECT, VOORBEELD_DAG

F = "registers/verzoeken.csv"
DAG = VOORBEELD_DAG.isoformat()  # 2026-11-20
NIEUW = "AVG-2026-0075"  # the next free reference after AVG-2026-0074


# --- helpers ---------------------------------------------------------------------------------

def _copy_example(root: Path) -> Path:
    root.mkdir()
    shutil.copy(PROJECT / "avgctl.yaml", root / "avgctl.yaml")
    shutil.copytree(PROJECT / "registers", root / "registers")
    return root


def _dossier(number: int) -> str:
    """The value of the unknown column on data row ``number``; some need quotes."""
    return f'"map {number}, la 2"' if number % 4 == 3 else f"DOS-{number:03d}"


def _add_unknown_column(path: Path) -> None:
    """Append a column avgctl does not know, ``intern_dossier``, to the header and every row."""
    out = []
    for number, line in enumerate(path.read_bytes().decode("utf-8").splitlines(keepends=True)):
        body = line.rstrip("\r\n")
        cell = "intern_dossier" if number == 0 else _dossier(number)
        out.append(body + "," + cell + line[len(body):])
    path.write_bytes("".join(out).encode("utf-8"))


def _redialect(path: Path, *, delimiter: str, eol: str, bom: bool) -> None:
    """Rewrite the register as another program would save it (Excel: BOM, ';', CRLF)."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=eol).writerows(rows)
    path.write_bytes((("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))


def _rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


class Register:
    """The bytes of verzoeken.csv before a command, to compare with afterwards."""

    def __init__(self, root: Path) -> None:
        self.path = root / F
        self.snapshot()

    def snapshot(self) -> None:
        self.before = self.path.read_bytes()

    @property
    def lines(self) -> list[bytes]:
        return self.path.read_bytes().splitlines(keepends=True)

    def index(self, referentie: str) -> int:
        matches = [i for i, line in enumerate(self.lines)
                   if line.lstrip(b"\xef\xbb\xbf").startswith(referentie.encode() + b",")
                   or line.startswith(referentie.encode() + b";")]
        assert len(matches) == 1, matches
        return matches[0]

    def unchanged(self) -> None:
        assert self.path.read_bytes() == self.before
        self.snapshot()

    def changed(self, vervangen: dict[int, bytes] | None = None,
                toegevoegd: list[bytes] | None = None) -> None:
        """Exactly these lines differ: ``vervangen`` (index -> new line) and ``toegevoegd``."""
        before = self.before.splitlines(keepends=True)
        after = self.lines
        toegevoegd = toegevoegd or []
        assert len(after) == len(before) + len(toegevoegd)
        for i, old in enumerate(before):
            assert after[i] == (vervangen or {}).get(i, old), f"regel {i + 1}"
        assert after[len(before):] == toegevoegd
        self.snapshot()


def _no_temp_files(root: Path) -> None:
    # The lock file stays (see store/slot.py); nothing else hidden or temporary may.
    assert sorted(p.name for p in (root / "registers").iterdir()
                  if (p.name.startswith(".") or p.suffix == ".tmp")
                  and p.name != ".verzoeken.csv.lock") == []


def _findings(cli: Any, root: Path, dag: str) -> list[dict[str, Any]]:
    result = cli("check", "--repo", str(root), "--vandaag", dag, "--format", "json")
    assert result.exit_code in (0, 1), result.err  # other requests may be late
    bevindingen: list[dict[str, Any]] = json.loads(result.out)["bevindingen"]
    return bevindingen


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    """A copy of the example whose verzoeken.csv has an extra column avgctl does not know."""
    root = _copy_example(tmp_path / "repo")
    _add_unknown_column(root / F)
    return root


# --- the example with an unknown column -----------------------------------------------------

def test_unknown_column_is_accepted(cli: Any, voorbeeld: Path) -> None:
    header = (voorbeeld / F).read_bytes().split(b"\n", 1)[0]
    assert header.endswith(b",opnieuw_toegepast_op,intern_dossier")
    result = cli("check", "--repo", str(voorbeeld), "--vandaag", DAG)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out.startswith("Geen bevindingen (")


# --- the whole workflow ----------------------------------------------------------------------

def test_workflow_changes_only_the_affected_line(cli: Any, voorbeeld: Path) -> None:
    repo = ("--repo", str(voorbeeld))
    reg = Register(voorbeeld)
    n = len(reg.lines)
    assert n == 84  # header + 83 requests

    # add: the next free reference, exactly one line appended
    result = cli("verzoek", "add", "--type", "wissing", "--betrokkene-ref", "K-20391",
                 "--kanaal", "email", "--ontvangen", DAG, "--behandelaar", "Privacycoördinator",
                 "--verwerkingen", "80.1.1; 80.2.1", "--vandaag", DAG, *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        f"Verzoek {NIEUW} geregistreerd: wissing (art. 17 AVG), ontvangen 20 november 2026.\n"
        "  identiteit controleren uiterlijk 25 november 2026\n"
        "  eigen termijn:       4 december 2026\n"
        "  wettelijke termijn:  21 december 2026 (met verlenging uiterlijk 22 februari 2027)\n")
    reg.changed(toegevoegd=[
        "AVG-2026-0075,2026-11-20,K-20391,betrokkene,email,wissing,Privacycoördinator,open,"
        "open,,,,,,,,,,,80.1.1; 80.2.1,,,,,,,,,,,\n".encode()])

    # update: the identity check
    result = cli("verzoek", "update", NIEUW, "--verificatie", "positief",
                 "--verificatie-op", "2026-11-23", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == f"Verzoek {NIEUW} bijgewerkt: verificatie, verificatie_op.\n"
    reg.changed({n: "AVG-2026-0075,2026-11-20,K-20391,betrokkene,email,wissing,"
                    "Privacycoördinator,open,positief,2026-11-23,,,,,,,,,,80.1.1; 80.2.1,,,"
                    ",,,,,,,,\n".encode()})

    # verleng within the first month
    result = cli("verzoek", "verleng", NIEUW, "--reden", "gegevens staan in vijf systemen",
                 "--vandaag", "2026-11-25", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        f"Verzoek {NIEUW} verlengd op 25 november 2026. Nieuwe wettelijke termijn: "
        "22 februari 2027; eigen termijn: 18 december 2026.\n"
        f"Stuur de betrokkene de verlengingsbrief: avgctl verzoek brief {NIEUW} verlenging\n")
    verlengd = ("AVG-2026-0075,2026-11-20,K-20391,betrokkene,email,wissing,Privacycoördinator,"
                "in_behandeling,positief,2026-11-23,,,,2026-11-25,gegevens staan in vijf "
                "systemen,,,,,80.1.1; 80.2.1,,,,,,,,,,,\n")
    reg.changed({n: verlengd.encode()})

    # a second extension is refused
    result = cli("verzoek", "verleng", NIEUW, "--reden", "nog meer systemen",
                 "--vandaag", "2026-11-26", *repo)
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == (f"fout: {NIEUW} is al verlengd op 2026-11-25; verlengen kan één "
                          "keer (art. 12 lid 3 AVG)\n")
    reg.unchanged()

    # an extension after the first month is refused, with the last day it was allowed
    result = cli("verzoek", "verleng", "AVG-2026-0074", "--reden", "veel verzoeken",
                 "--vandaag", "2026-12-22", *repo)
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == (
        "fout: AVG-2026-0074 kan niet meer worden verlengd: de betrokkene moest dat uiterlijk "
        "2026-12-21 horen (art. 12 lid 3 AVG). De termijn blijft één maand; beantwoord het "
        "verzoek direct\n")
    reg.unchanged()

    # a refusal without a ground is a usage error; nothing is written
    for besluit in ("afgewezen", "gedeeltelijk_toegewezen"):
        result = cli("verzoek", "afhandel", NIEUW, "--besluit", besluit,
                     "--vandaag", "2026-12-04", *repo)
        assert (result.exit_code, result.out) == (2, "")
        assert result.err == f"fout: bij besluit '{besluit}' hoort een grond: --grond\n"
        reg.unchanged()

    # with a ground it works; after an erasure the recipients must be told (art. 19)
    result = cli("verzoek", "afhandel", NIEUW, "--besluit", "gedeeltelijk_toegewezen",
                 "--grond", "wettelijke_bewaarplicht", "--via", "e-mail",
                 "--vandaag", "2026-12-04", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        f"Verzoek {NIEUW} afgehandeld op 4 december 2026: gedeeltelijk toegewezen.\n"
        "Let op: licht de ontvangers in over de wissing (art. 19 AVG) en leg dat vast met: "
        f"avgctl verzoek update {NIEUW} --ontvangers-geinformeerd DATUM\n")
    reg.changed({n: ("AVG-2026-0075,2026-11-20,K-20391,betrokkene,email,wissing,"
                     "Privacycoördinator,afgehandeld,positief,2026-11-23,,,,2026-11-25,gegevens "
                     "staan in vijf systemen,2026-12-04,gedeeltelijk_toegewezen,"
                     "wettelijke_bewaarplicht,e-mail,80.1.1; 80.2.1,,,,,,,,,,,\n").encode()})

    result = cli("verzoek", "update", NIEUW, "--ontvangers-geinformeerd", "2026-12-07", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == f"Verzoek {NIEUW} bijgewerkt: ontvangers_geinformeerd.\n"
    reg.changed({n: ("AVG-2026-0075,2026-11-20,K-20391,betrokkene,email,wissing,"
                     "Privacycoördinator,afgehandeld,positief,2026-11-23,,,,2026-11-25,gegevens "
                     "staan in vijf systemen,2026-12-04,gedeeltelijk_toegewezen,"
                     "wettelijke_bewaarplicht,e-mail,80.1.1; 80.2.1,2026-12-07,,"
                     ",,,,,,,,\n").encode()})

    # a refusal on a row with a quoted value in the unknown column keeps that value
    i = reg.index("AVG-2026-0074")
    assert reg.lines[i] == (b"AVG-2026-0074,2026-11-19,K-10925,betrokkene,brief,inzage,"
                            b"Teamleider klantcontact,open,open,,,,,,,,,,,30.1.1; 30.4.1,,,"
                            b",,,,,,,,"
                            b'"map 83, la 2"\n')
    result = cli("verzoek", "afhandel", "AVG-2026-0074", "--besluit", "afgewezen",
                 "--grond", "identiteit_niet_vastgesteld", "--vandaag", "2026-12-04", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == "Verzoek AVG-2026-0074 afgehandeld op 4 december 2026: afgewezen.\n"
    reg.changed({i: b"AVG-2026-0074,2026-11-19,K-10925,betrokkene,brief,inzage,Teamleider "
                    b"klantcontact,afgehandeld,open,,,,,,,2026-12-04,afgewezen,"
                    b'identiteit_niet_vastgesteld,,30.1.1; 30.4.1,,,,,,,,,,,"map 83, la 2"\n'})

    # the unknown column is still there for every row, untouched
    rows = _rows(voorbeeld / F)
    assert [r["intern_dossier"] for r in rows[:83]] == [
        _dossier(number).strip('"') for number in range(1, 84)]
    assert rows[83]["referentie"] == NIEUW and rows[83].get("intern_dossier") == ""

    # and the register is clean for these two requests on the days after
    for dag in ("2026-12-04", "2026-12-07", "2027-03-01"):
        assert [f for f in _findings(cli, voorbeeld, dag)
                if "AVG-2026-0074" in f["bericht"] or NIEUW in f["bericht"]
                or f["regel"] in (i + 1, n + 1)] == []
    _no_temp_files(voorbeeld)


def test_extension_on_the_last_day_of_the_first_month(cli: Any, voorbeeld: Path) -> None:
    reg = Register(voorbeeld)
    i = reg.index("AVG-2026-0074")
    old = reg.lines[i]
    result = cli("verzoek", "verleng", "AVG-2026-0074", "--reden", "veel verzoeken tegelijk",
                 "--vandaag", "2026-12-21", "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    assert result.out.startswith("Verzoek AVG-2026-0074 verlengd op 21 december 2026. Nieuwe "
                                 "wettelijke termijn: 19 februari 2027;")
    reg.changed({i: old.replace(b"Teamleider klantcontact,open,open,,,,,,,,,,,",
                                b"Teamleider klantcontact,in_behandeling,open,,,,,2026-12-21,"
                                b"veel verzoeken tegelijk,,,,,")})


def test_verleng_with_a_late_op_date_is_refused(cli: Any, voorbeeld: Path) -> None:
    """--op records when the data subject heard it; the first-month limit counts from that."""
    reg = Register(voorbeeld)
    result = cli("verzoek", "verleng", "AVG-2026-0074", "--reden", "veel verzoeken",
                 "--op", "2026-12-22", "--vandaag", "2026-12-01", "--repo", str(voorbeeld))
    assert result.exit_code == 1
    assert "uiterlijk 2026-12-21" in result.err
    reg.unchanged()


def test_unknown_reference(cli: Any, voorbeeld: Path) -> None:
    reg = Register(voorbeeld)
    result = cli("verzoek", "update", "AVG-2026-0704", "--behandelaar", "x",
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err.startswith("fout: geen verzoek met referentie 'AVG-2026-0704'; bedoelde u ")
    reg.unchanged()


# --- line endings, BOM, delimiter ------------------------------------------------------------

@pytest.mark.parametrize(("delimiter", "eol", "bom"), [
    (",", "\r\n", False),
    (";", "\n", True),
    (";", "\r\n", True),
], ids=["crlf", "bom-semicolon", "bom-semicolon-crlf"])
def test_writes_keep_the_dialect(cli: Any, voorbeeld: Path, delimiter: str, eol: str,
                                 bom: bool) -> None:
    path = voorbeeld / F
    _redialect(path, delimiter=delimiter, eol=eol, bom=bom)
    repo = ("--repo", str(voorbeeld))
    assert cli("check", "--vandaag", DAG, *repo).exit_code == 0
    reg = Register(voorbeeld)
    d, e = delimiter.encode(), eol.encode()
    n = len(reg.lines)

    def regel(*cells: str) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator=eol).writerow(cells)
        return buffer.getvalue().encode("utf-8")

    result = cli("verzoek", "add", "--type", "rectificatie", "--betrokkene-ref", "K-20392",
                 "--kanaal", "portaal", "--ontvangen", DAG, "--verwerkingen", "30.1.1; 30.4.1",
                 "--vandaag", DAG, *repo)
    assert result.exit_code == 0, result.err
    basis = ["AVG-2026-0075", DAG, "K-20392", "betrokkene", "portaal", "rectificatie", ""]
    # a new row has a field for every column, also the organisation's own (dossier)
    reg.changed(toegevoegd=[regel(*basis, "open", "open", *[""] * 10, "30.1.1; 30.4.1", "",
                                  "", *[""] * 8, "")])
    if delimiter == ";":
        assert reg.lines[-1].endswith(b';"30.1.1; 30.4.1";;;' + d * 8 + e)

    assert cli("verzoek", "verleng", NIEUW, "--reden", "veel verzoeken", "--vandaag",
               "2026-11-23", *repo).exit_code == 0
    reg.changed({n: regel(*basis, "in_behandeling", "open", "", "", "", "", "2026-11-23",
                          "veel verzoeken", "", "", "", "", "30.1.1; 30.4.1", "", "", *[""] * 8,
                          "")})

    i = reg.index("AVG-2026-0073")
    old = reg.lines[i]
    result = cli("verzoek", "afhandel", "AVG-2026-0073", "--besluit", "toegewezen",
                 "--ontvangers-geinformeerd", "nvt", "--vandaag", "2026-11-27", *repo)
    assert result.exit_code == 0, result.err
    new = reg.lines[i]
    assert new.endswith(e) and not new.endswith(b"\r\r\n")
    cells = next(csv.reader([new.decode("utf-8").rstrip("\r\n")], delimiter=delimiter))
    old_cells = next(csv.reader([old.decode("utf-8").rstrip("\r\n")], delimiter=delimiter))
    assert cells[7] == "afgehandeld" and cells[15:18] == ["2026-11-27", "toegewezen", ""]
    assert cells[20] == "nvt"
    assert cells[:7] == old_cells[:7] and cells[30] == old_cells[30] == "DOS-082"
    reg.changed({i: new})

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == bom
    assert raw.count(b"\xef\xbb\xbf") == (1 if bom else 0)
    lines = raw.splitlines(keepends=True)
    assert all(line.endswith(e) for line in lines)
    if eol == "\n":
        assert b"\r" not in raw
    assert lines[0].lstrip(b"\xef\xbb\xbf").startswith(b"referentie" + d + b"ontvangen" + d)
    assert cli("check", "--vandaag", "2026-11-27", *repo).exit_code == 0


def test_a_new_column_changes_only_the_header_and_the_row(cli: Any, tmp_path: Path) -> None:
    """A register without the column for a field: the header gets it, the row its cell."""
    root = _copy_example(tmp_path / "repo")
    path = root / F
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    keep = [c for c, name in enumerate(rows[0]) if name not in ("ontvangers_geinformeerd",)]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([[r[c] for c in keep] for r in rows])
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    reg = Register(root)
    i = reg.index("AVG-2026-0073")
    result = cli("verzoek", "update", "AVG-2026-0073", "--ontvangers-geinformeerd", "nvt",
                 "--repo", str(root))
    assert result.exit_code == 0, result.err
    header = reg.before.splitlines(keepends=True)[0]
    assert reg.lines[0] == header.replace(b"\r\n", b",ontvangers_geinformeerd\r\n")
    assert reg.lines[i].endswith(b",nvt\r\n")
    reg.changed({0: reg.lines[0], i: reg.lines[i]})


# --- failures leave the file alone ------------------------------------------------------------

SCHRIJVEN: dict[str, tuple[str, ...]] = {
    "add": ("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-20393", "--kanaal",
            "email", "--ontvangen", DAG, "--vandaag", DAG),
    "update": ("verzoek", "update", "AVG-2026-0073", "--behandelaar", "Team privacy"),
    "verleng": ("verzoek", "verleng", "AVG-2026-0073", "--reden", "veel verzoeken",
                "--vandaag", DAG),
    "afhandel": ("verzoek", "afhandel", "AVG-2026-0073", "--besluit", "toegewezen",
                 "--vandaag", DAG),
}


@pytest.mark.parametrize("command", sorted(SCHRIJVEN))
def test_failing_write_leaves_the_file_alone(cli: Any, voorbeeld: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             command: str) -> None:
    from avgctl.store import schrijven

    calls: list[tuple[object, object]] = []

    def kapot(src: object, dst: object) -> None:
        calls.append((src, dst))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(schrijven.os, "replace", kapot)
    reg = Register(voorbeeld)
    before = sorted(p.name for p in (voorbeeld / "registers").iterdir()
                    if not p.name.endswith(".lock"))
    result = cli(*SCHRIJVEN[command], "--repo", str(voorbeeld))
    assert len(calls) == 1
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == f"fout: {voorbeeld / F} kan niet worden geschreven: de schijf is vol\n"
    assert "Traceback" not in result.err
    reg.unchanged()
    assert sorted(p.name for p in (voorbeeld / "registers").iterdir()
                  if not p.name.endswith(".lock")) == before
    _no_temp_files(voorbeeld)


COLLEGA = "AVG-2026-0090,2026-11-20,K-30000,betrokkene,balie,inzage,,open,open\n"


@pytest.mark.parametrize("command", sorted(SCHRIJVEN))
def test_concurrent_change_is_refused(cli: Any, voorbeeld: Path,
                                      monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    from avgctl.commands import verzoek

    real = verzoek.open_register

    def en_dan_een_collega(*args: Any, **kwargs: Any) -> Any:
        register = real(*args, **kwargs)
        with (voorbeeld / F).open("a", encoding="utf-8", newline="") as stream:
            stream.write(COLLEGA)  # a colleague saves the file in the meantime
        return register

    monkeypatch.setattr(verzoek, "open_register", en_dan_een_collega)
    reg = Register(voorbeeld)
    result = cli(*SCHRIJVEN[command], "--repo", str(voorbeeld))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == (f"fout: {voorbeeld / F} is gewijzigd sinds avgctl het las; er is "
                          "niets geschreven. Draai de opdracht opnieuw\n")
    assert (voorbeeld / F).read_bytes() == reg.before + COLLEGA.encode()
    _no_temp_files(voorbeeld)


# --- list, show, herstel ---------------------------------------------------------------------

def test_list_open(cli: Any) -> None:
    result = cli("verzoek", "list", "--open", "--vandaag", DAG, "--repo", str(PROJECT))
    assert (result.exit_code, result.err) == (0, "")
    expected = sorted(
        (r["ontvangen"], r["referentie"]) for r in _rows(PROJECT / F)
         if r["status"] in ("open", "in_behandeling"))
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines[1:-1]] == [ref for _, ref in expected]
    assert result.out == """\
referentie     type          ontvangen   status          wettelijk              eigen                  behandelaar
AVG-2026-0059  inzage        2026-09-14  in_behandeling  2026-12-14 (nog 24 d)  2026-12-14 (nog 24 d)  Privacycoördinator
AVG-2026-0063  bezwaar       2026-10-07  in_behandeling  2027-01-07 (nog 48 d)  2027-01-07 (nog 48 d)  Hoofd ambtelijke afdeling
AVG-2026-0069  inzage        2026-11-02  in_behandeling  2026-12-02 (nog 12 d)  2026-12-02 (nog 12 d)  Teamleider klantcontact
AVG-2026-0071  wissing       2026-11-09  in_behandeling  2026-12-09 (nog 19 d)  2026-11-23 (nog 3 d)   Privacycoördinator
AVG-2026-0072  bezwaar       2026-11-12  in_behandeling  2026-12-14 (nog 24 d)  2026-12-14 (nog 24 d)  Teamleider klantcontact
AVG-2026-0073  rectificatie  2026-11-16  open            2026-12-16 (nog 26 d)  2026-11-30 (nog 10 d)  Hoofd ambtelijke afdeling
AVG-2026-0074  inzage        2026-11-19  open            2026-12-21 (nog 31 d)  2026-12-21 (nog 31 d)  Teamleider klantcontact
7 verzoeken
"""  # noqa: E501


def test_list_te_laat(cli: Any) -> None:
    assert cli("verzoek", "list", "--te-laat", "--vandaag", DAG,
               "--repo", str(PROJECT)).out.splitlines()[1:] == ["0 verzoeken"]
    result = cli("verzoek", "list", "--te-laat", "--vandaag", "2026-12-10", "--format", "json",
                 "--repo", str(PROJECT))
    assert (result.exit_code, result.err) == (0, "")
    rows = json.loads(result.out)
    assert [(r["referentie"], r["dagen_wettelijk"], r["dagen_intern"]) for r in rows] == [
        ("AVG-2026-0069", -8, -8), ("AVG-2026-0071", -1, -17), ("AVG-2026-0073", 6, -10)]
    text = cli("verzoek", "list", "--te-laat", "--vandaag", "2026-12-10",
               "--repo", str(PROJECT)).out.splitlines()
    assert "2026-12-02 (TE LAAT, 8 d)" in text[1] and "2026-11-30 (TE LAAT, 10 d)" in text[3]
    assert text[-1] == "3 verzoeken"


SHOW_0013 = """\
AVG-2026-0013  inzage (art. 15 AVG)  registers/verzoeken.csv
  betrokkene:   D-2025-0866
  verzoeker:    betrokkene
  kanaal:       email
  behandelaar:  Teamleider klantcontact
  status:       afgehandeld
  verwerkingen: 30.1.1, 30.2.1, 30.3.1

Tijdlijn
  2026-02-19  ontvangen
  2026-02-20  termijn gepauzeerd: wacht op afgeschermde kopie identiteitsbewijs
  2026-02-23  pauze beëindigd
  2026-02-24  identiteit gecontroleerd: positief
  2026-03-10  afgehandeld: toegewezen

Termijnen
  identiteit controleren:                   2026-02-24
  eigen termijn:                            2026-03-23
  wettelijke termijn (1 maand):             2026-03-19
  uiterlijk verlengen:                      2026-03-19
"""


def test_show_a_paused_request(cli: Any) -> None:
    result = cli("verzoek", "show", "AVG-2026-0013", "--vandaag", DAG, "--repo", str(PROJECT))
    assert (result.exit_code, result.err) == (0, "")
    lines = result.out.splitlines(keepends=True)
    assert "".join(lines[:-1]) == SHOW_0013
    assert lines[-1].startswith("  wettelijk met pauze van 3 d (niet zeker): 2026-03-2")


def test_show_legal_deadline_with_pause_is_a_working_day(cli: Any) -> None:
    result = cli("verzoek", "show", "AVG-2026-0013", "--vandaag", DAG, "--repo", str(PROJECT))
    assert result.out.splitlines()[-1] == (
        "  wettelijk met pauze van 3 d (niet zeker): 2026-03-23")


def test_show_an_open_extended_request_counts_down(cli: Any) -> None:
    result = cli("verzoek", "show", "AVG-2026-0059", "--vandaag", DAG, "--repo", str(PROJECT))
    assert result.exit_code == 0
    termijnen = result.out.split("Termijnen\n")[1]
    assert termijnen == """\
  identiteit controleren:                   2026-09-17  (verstreken)
  eigen termijn:                            2026-10-14  (verstreken)
  wettelijke termijn (1 maand):             2026-10-14  (verstreken)
  eigen termijn verlengd:                   2026-12-14  (nog 24 d)
  wettelijke termijn verlengd (3 maanden):  2026-12-14  (nog 24 d)
"""


def _herstel_expected(backup: dt.date) -> list[str]:
    rows = [r for r in _rows(PROJECT / F)
            if r["type"] in ("wissing", "rectificatie", "beperking")
            and r["besluit"] in ("toegewezen", "gedeeltelijk_toegewezen")
            and r["afgehandeld_op"] and dt.date.fromisoformat(r["afgehandeld_op"]) >= backup]
    return [r["referentie"] for r in sorted(rows, key=lambda r: (r["afgehandeld_op"],
                                                                  r["referentie"]))]


@pytest.mark.parametrize("backup", ["2026-10-01", "2026-06-01", "2025-12-31"])
def test_herstel_lists_what_must_be_done_again(cli: Any, tmp_path: Path, backup: str) -> None:
    root = _copy_example(tmp_path / "repo")
    result = cli("verzoek", "herstel", "--backup", backup, "--vandaag", DAG, "--repo",
                 str(root))
    assert (result.exit_code, result.err) == (0, "")
    expected = _herstel_expected(dt.date.fromisoformat(backup))
    assert expected
    lines = result.out.splitlines()
    assert lines[0].startswith("Back-up van ")
    assert lines[1] == "Opnieuw uitvoeren (ook wat op de dag van de back-up zelf is gedaan):"
    assert [line.split()[0] for line in lines[2:-1]] == expected
    woord = "verzoek" if len(expected) == 1 else "verzoeken"
    assert lines[-1] == (f"{len(expected)} {woord}, {len(expected)} nog te doen. Daarna: "
                         f"avgctl verzoek herstel --backup {backup} --bevestig")


def test_herstel_exact_for_one_date(cli: Any, tmp_path: Path) -> None:
    """List, record the restore, show it on the status screen, confirm, and it is gone."""
    root = _copy_example(tmp_path / "repo")
    repo = ("--repo", str(root))
    csv_voor = (root / F).read_bytes()
    result = cli("verzoek", "herstel", "--backup", "2026-10-01", "--vandaag", "2026-11-10",
                 *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        "Back-up van 1 oktober 2026, teruggezet op 10 november 2026 (vastgelegd in "
        "registers/herstel.yaml).\n"
        "Opnieuw uitvoeren (ook wat op de dag van de back-up zelf is gedaan):\n"
        "  AVG-2026-0068  rectificatie afgehandeld 2026-11-05  betrokkene K-10902  verwerkingen "
        "30.4.1, 40.1.1\n"
        "1 verzoek, 1 nog te doen. Daarna: avgctl verzoek herstel --backup 2026-10-01 "
        "--bevestig\n")
    assert (root / F).read_bytes() == csv_voor  # listing writes no request
    assert (root / "registers/herstel.yaml").read_text(encoding="utf-8").endswith(
        "- backup: 2026-10-01\n  teruggezet_op: 2026-11-10\n")
    # the same restore again the next day: not recorded twice
    again = cli("verzoek", "herstel", "--backup", "2026-10-01", "--vandaag", "2026-11-11", *repo)
    assert again.out.startswith("Back-up van 1 oktober 2026, teruggezet op 10 november 2026.\n")
    assert (root / "registers/herstel.yaml").read_text(encoding="utf-8").count(
        "- backup: 2026-10-01") == 1

    status = cli("status", "--vandaag", "2026-11-11", *repo)
    assert ("Back-up teruggezet: de back-up van 1 oktober 2026 is op 10 november 2026 "
            "teruggezet; 1 wissing of correctie is nog niet opnieuw uitgevoerd. Zie 'avgctl "
            "verzoek herstel --backup 2026-10-01'.\n") in status.out

    result = cli("verzoek", "herstel", "--backup", "2026-10-01", "--bevestig", "--vandaag",
                 "2026-11-11", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == (
        "Back-up van 1 oktober 2026, teruggezet op 10 november 2026.\n"
        "Opnieuw uitvoeren (ook wat op de dag van de back-up zelf is gedaan):\n"
        "  AVG-2026-0068  rectificatie afgehandeld 2026-11-05  betrokkene K-10902  verwerkingen "
        "30.4.1, 40.1.1  opnieuw uitgevoerd 2026-11-11\n"
        "1 verzoek, alle opnieuw uitgevoerd.\n")
    # only that row changed, only in its new cell
    voor, na = csv_voor.split(b"\n"), (root / F).read_bytes().split(b"\n")
    verschil = [i for i, (a, b) in enumerate(zip(voor, na, strict=True)) if a != b]
    assert [voor[i].split(b",")[0] for i in verschil] == [b"AVG-2026-0068"]
    assert na[verschil[0]].endswith(b",2026-11-11")
    status = cli("status", "--vandaag", "2026-11-11", *repo)
    assert "Back-up teruggezet" not in status.out
    assert cli("check", "--vandaag", DAG, *repo).exit_code == 0


def test_herstel_nothing_to_do(cli: Any, tmp_path: Path) -> None:
    root = _copy_example(tmp_path / "repo")
    result = cli("verzoek", "herstel", "--backup-datum", DAG, "--vandaag", DAG,
                 "--repo", str(root))
    assert (result.exit_code, result.out) == (0, (
        "Back-up van 20 november 2026, teruggezet op 20 november 2026 (vastgelegd in "
        "registers/herstel.yaml).\n"
        "Sinds 20 november 2026 (die dag meegerekend) zijn geen wissingen, rectificaties of "
        "beperkingen uitgevoerd; na het terugzetten hoeft niets opnieuw.\n"))


def test_herstel_backup_after_today_is_refused(cli: Any, tmp_path: Path) -> None:
    root = _copy_example(tmp_path / "repo")
    voor = (root / "registers/herstel.yaml").read_bytes()
    result = cli("verzoek", "herstel", "--backup", "2026-11-21", "--vandaag", DAG,
                 "--repo", str(root))
    assert (result.exit_code, result.out, result.err) == (2, "", (
        "fout: --backup 2026-11-21 ligt na vandaag (2026-11-20); geef de dag van de "
        "teruggezette back-up\n"))
    assert (root / "registers/herstel.yaml").read_bytes() == voor


def test_herstel_unreadable_record_names_the_place(cli: Any, tmp_path: Path) -> None:
    root = _copy_example(tmp_path / "repo")
    (root / "registers/herstel.yaml").write_text("- backup: 2026-10-01\n  teruggezet: x\n",
                                                encoding="utf-8")
    result = cli("verzoek", "herstel", "--backup", "2026-10-01", "--vandaag", DAG,
                 "--repo", str(root))
    assert (result.exit_code, result.out) == (2, "")
    assert result.err.startswith("fout: registers/herstel.yaml:")


@pytest.mark.parametrize(("afgehandeld", "opnieuw", "backup", "teruggezet", "lijst", "gedaan"), [
    ("2026-10-01", "", "2026-10-01", "2026-10-05", True, False),  # on the backup day itself
    ("2026-09-30", "", "2026-10-01", "2026-10-05", False, False),  # already in the backup
    ("2026-10-06", "", "2026-10-01", "2026-10-05", False, False),  # after the restore
    ("2026-10-02", "2026-10-05", "2026-10-01", "2026-10-05", True, True),  # done again
    # done again after an earlier restore, then a backup made before that is restored
    ("2026-09-01", "2026-10-07", "2026-10-06", "2026-11-01", True, False),
])
def test_herstel_what_a_backup_holds(afgehandeld: str, opnieuw: str, backup: str,
                                     teruggezet: str, lijst: bool, gedaan: bool) -> None:
    from avgctl.models.herstel import Herstel
    from avgctl.models.verzoek import Verzoek
    from avgctl.store.register import Bron
    from avgctl.store.yamlfile import YamlDocument
    from avgctl.verzoeken.herstel import opnieuw as te_herstellen

    velden = {"referentie": "AVG-2026-0001", "ontvangen": "2026-08-01", "betrokkene_ref": "K-1",
              "kanaal": "email", "type": "wissing", "status": "afgehandeld",
              "besluit": "toegewezen", "afgehandeld_op": afgehandeld}
    if opnieuw:
        velden["opnieuw_toegepast_op"] = opnieuw
    bron = Bron(Verzoek.model_validate(velden), YamlDocument(rel="x", text="", data={}))
    uit = te_herstellen([bron], Herstel(backup=dt.date.fromisoformat(backup),
                                        teruggezet_op=dt.date.fromisoformat(teruggezet)))
    assert [o.gedaan for o in uit] == ([gedaan] if lijst else [])


# --- requests kept as YAML files -------------------------------------------------------------

YAML_VERZOEK = """\
# Binnengekomen per brief; het origineel zit in het papieren dossier.
referentie: AVG-2026-0100
ontvangen: 2026-11-16
betrokkene_ref: "K-7700"
kanaal: brief
type: rectificatie
behandelaar: Privacycoördinator  # tijdelijk
status: in_behandeling
verificatie: positief
verificatie_op: 2026-11-17
verwerkingen:
  - 30.1.1
  - 30.4.1
opmerking: adres gewijzigd na verhuizing; de betrokkene stuurde een kopie van het uittreksel mee
"""
YAML_REL = "registers/verzoeken/AVG-2026-0100.yaml"


@pytest.fixture
def yaml_repo(voorbeeld: Path) -> Path:
    path = voorbeeld / YAML_REL
    path.parent.mkdir(exist_ok=True)
    path.write_text(YAML_VERZOEK, encoding="utf-8")
    return voorbeeld


def _keys(text: str) -> list[str]:
    return [line.split(":", 1)[0] for line in text.splitlines()
            if line and not line.startswith(("#", " ", "-"))]


def test_yaml_request_update_and_afhandel_keep_comments_and_order(cli: Any,
                                                                  yaml_repo: Path) -> None:
    repo = ("--repo", str(yaml_repo))
    path = yaml_repo / YAML_REL
    csv_before = (yaml_repo / F).read_bytes()
    assert cli("check", "--vandaag", DAG, *repo).exit_code == 0

    result = cli("verzoek", "update", "AVG-2026-0100", "--behandelaar", "Team privacy", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == "Verzoek AVG-2026-0100 bijgewerkt: behandelaar.\n"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == YAML_VERZOEK.splitlines()[0]
    assert "# tijdelijk" in text and "behandelaar: Team privacy" in text
    assert _keys(text) == _keys(YAML_VERZOEK)

    result = cli("verzoek", "afhandel", "AVG-2026-0100", "--besluit", "toegewezen",
                 "--ontvangers-geinformeerd", "nvt", "--vandaag", "2026-11-24", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == "Verzoek AVG-2026-0100 afgehandeld op 24 november 2026: toegewezen.\n"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == YAML_VERZOEK.splitlines()[0]
    assert _keys(text) == [*_keys(YAML_VERZOEK), "besluit", "afgehandeld_op",
                           "ontvangers_geinformeerd"]
    assert "status: afgehandeld\n" in text and "afgehandeld_op: 2026-11-24\n" in text
    assert 'betrokkene_ref: "K-7700"\n' in text  # quoting kept
    assert (yaml_repo / F).read_bytes() == csv_before
    assert [f for f in _findings(cli, yaml_repo, "2026-11-24")
            if f["bestand"] == YAML_REL or "AVG-2026-0100" in f["bericht"]] == []
    shown = cli("verzoek", "show", "AVG-2026-0100", "--vandaag", "2026-11-24", *repo).out
    assert "  2026-11-24  afgehandeld: toegewezen\n" in shown
    _no_temp_files(yaml_repo)
    # nothing left behind beside the example's own request files (no temporary file)
    assert {p.name for p in path.parent.iterdir() if not p.name.endswith(".lock")} == {
        p.name for p in (PROJECT / "registers/verzoeken").iterdir()} | {"AVG-2026-0100.yaml"}


def test_yaml_request_update_leaves_other_lines_alone(cli: Any, yaml_repo: Path) -> None:
    path = yaml_repo / YAML_REL
    result = cli("verzoek", "update", "AVG-2026-0100", "--status", "open",
                 "--repo", str(yaml_repo))
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == YAML_VERZOEK.replace(
        "status: in_behandeling", "status: open")


def test_yaml_request_update_keeps_crlf(cli: Any, yaml_repo: Path) -> None:
    path = yaml_repo / YAML_REL
    path.write_bytes(YAML_VERZOEK.replace("\n", "\r\n").encode("utf-8"))
    result = cli("verzoek", "update", "AVG-2026-0100", "--behandelaar", "Team privacy",
                 "--repo", str(yaml_repo))
    assert result.exit_code == 0
    raw = path.read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_yaml_request_concurrent_change_is_refused(cli: Any, yaml_repo: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from avgctl.commands import verzoek

    real: Callable[..., Any] = verzoek.open_register
    path = yaml_repo / YAML_REL

    def en_dan_een_collega(*args: Any, **kwargs: Any) -> Any:
        register = real(*args, **kwargs)
        path.write_text(YAML_VERZOEK.replace("Privacycoördinator", "Collega"), encoding="utf-8")
        return register

    monkeypatch.setattr(verzoek, "open_register", en_dan_een_collega)
    result = cli("verzoek", "update", "AVG-2026-0100", "--behandelaar", "Team privacy",
                 "--repo", str(yaml_repo))
    assert result.exit_code == 1
    assert "is gewijzigd sinds avgctl het las" in result.err
    assert path.read_text(encoding="utf-8") == YAML_VERZOEK.replace("Privacycoördinator",
                                                                    "Collega")


# --- bugs ------------------------------------------------------------------------------------

@pytest.mark.parametrize("teken", ["\u2028", "\x85", "\x0c"], ids=["u2028", "nel", "ff"])
def test_line_separator_inside_a_cell_does_not_shift_rows(cli: Any, voorbeeld: Path,
                                                          teken: str) -> None:
    path = voorbeeld / F
    text = path.read_text(encoding="utf-8")
    assert text.count("dat exemplaar is vernietigd") == 1  # AVG-2026-0013's opmerking
    path.write_text(text.replace("dat exemplaar is vernietigd",
                                 f"dat exemplaar{teken}is vernietigd"),
                    encoding="utf-8", newline="")
    reg = Register(voorbeeld)
    i = reg.index("AVG-2026-0074")
    old = reg.lines[i]
    result = cli("verzoek", "update", "AVG-2026-0074", "--behandelaar", "Team privacy",
                 "--repo", str(voorbeeld))
    assert result.exit_code == 0
    reg.changed({i: old.replace(b"Teamleider klantcontact", b"Team privacy")})


def test_herstel_includes_the_backup_day_itself(cli: Any, tmp_path: Path) -> None:
    # The backup of 5 November may have been made before that day's rectification.
    root = _copy_example(tmp_path / "repo")
    result = cli("verzoek", "herstel", "--backup-datum", "2026-11-05", "--vandaag", DAG,
                 "--repo", str(root))
    assert "AVG-2026-0068  rectificatie afgehandeld 2026-11-05" in result.out

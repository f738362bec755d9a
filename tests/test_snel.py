"""The quick command-line parser of the scan and the request list (cli/snel.py) against
Typer's: the same parameters for every command line it accepts, and the same output and exit
code through ``python -m avgctl``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avgctl.cli import snel
from avgctl.cli.app import main
from tests.conftest import PROJECT

# Per quick command: its definition, the command function Typer calls, and that function's
# parameters in order (``dag`` is given to the quick parser as ``vandaag``).
OPDRACHTEN = {
    "scan": (snel.SCAN, "scan", "scan", ["repo", "vandaag", "bronnen", "kaart", "database",
                                         "fmt", "uit", "fail_on"]),
    "list": (snel.VERZOEK_LIST, "verzoek", "list_", ["repo", "vandaag", "open_", "te_laat",
                                                     "type_", "behandelaar", "fmt"]),
}


def _typer(argv: list[str], monkeypatch: pytest.MonkeyPatch, soort: str = "scan"
           ) -> dict[str, Any] | None:
    """What Typer hands to the command for ``argv`` (None when it never gets there)."""
    import importlib

    _, module, functie, namen = OPDRACHTEN[soort]
    command = importlib.import_module(f"avgctl.commands.{module}")
    gekregen: dict[str, Any] = {}

    def opname(*args: Any) -> int:
        gekregen.update(zip(namen, args, strict=True))
        return 0

    with monkeypatch.context() as m:
        m.setattr(command, functie, opname)
        main(argv)
    return gekregen or None


def _snel(argv: list[str], soort: str = "scan") -> dict[str, Any] | None:
    import datetime as dt

    waarden = snel.ontleed(argv, OPDRACHTEN[soort][0])
    if waarden is not None and waarden["vandaag"] is not None:
        waarden["vandaag"] = dt.date.fromisoformat(waarden["vandaag"])
    return waarden


GEWOON = [
    ["bewaartermijnen", "scan", "a.csv"],
    ["bewaartermijnen", "scan", "a.csv", "b.parquet", "--vandaag", "2026-11-20"],
    ["bewaartermijnen", "scan", "--kaart", "k.yaml", "dossiers", "--format", "json"],
    ["bewaartermijnen", "scan", "--kaart=k.yaml", "-f", "csv", "--uit", "lijst.csv",
     "--fail-on", "vervallen", "--repo", "org", "a b.csv"],
    ["bewaartermijnen", "scan", "--database", "postgresql://lezer@db/zaken", "--kaart", "k",
     "--vandaag=2026-02-28"],
    ["bewaartermijnen", "scan"],
]


LIJST = [
    ["verzoek", "list"],
    ["verzoek", "list", "--open", "--vandaag", "2026-11-20"],
    ["verzoek", "list", "--te-laat", "--type", "wissing", "-f", "json", "--repo", "org"],
    ["verzoek", "list", "--behandelaar=Teamleider klantcontact", "--format=json", "--open"],
    ["verzoek", "list", "--vandaag=2026-02-28", "--te-laat", "--open"],
]


@pytest.mark.parametrize("soort, argv", [*(("scan", a) for a in GEWOON),
                                         *(("list", a) for a in LIJST)],
                         ids=lambda a: " ".join(a) if isinstance(a, list) else a)
def test_plain_command_lines_are_read_as_typer_reads_them(
        soort: str, argv: list[str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert _snel(argv, soort) is not None
    assert _snel(argv, soort) == _typer(argv, monkeypatch, soort)
    andere = next(k for k in OPDRACHTEN if k != soort)
    assert snel.ontleed(argv, OPDRACHTEN[andere][0]) is None


@pytest.mark.parametrize("argv", [
    ["bewaartermijnen", "scan", "--help"], ["bewaartermijnen", "scan", "-h"],
    ["--debug", "bewaartermijnen", "scan", "a.csv"], ["bewaartermijnen", "scan", "-fcsv", "a"],
    ["bewaartermijnen", "scan", "-f=csv", "a"], ["bewaartermijnen", "scan", "--format"],
    ["bewaartermijnen", "scan", "--uit", "-", "a"], ["bewaartermijnen", "scan", "--", "-a"],
    ["bewaartermijnen", "scan", "--format", "csv", "--format", "json", "a"],
    ["bewaartermijnen", "scan", "--formaat", "csv", "a"], ["bewaartermijnen", "scan", ""],
    ["bewaartermijnen", "scan", "--uit=", "a"], ["bewaartermijnen", "sql", "--kaart", "k"],
    ["bewaartermijnen", "scan", "-"], ["bewaartermijnen"], [],
])
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert snel.ontleed(argv) is None


WOORD = st.sampled_from(["a.csv", "b.parquet", "x y.csv", "k.yaml", "csv", "json", "text",
                         "vervallen", "2026-11-20", "2026-02-30", "-", "", "--", "-x", "a=b",
                         "=", "postgresql://h/db", "--kaart", "-f", "--uit", "--help",
                         "wissing", "Privacyteam", "org", "--open"])


def _delen(soort: str) -> st.SearchStrategy[list[str]]:
    optie = st.sampled_from([*OPDRACHTEN[soort][0].opties, "--onbekend", "-q"])
    return st.one_of(WOORD.map(lambda w: [w]), optie.map(lambda o: [o]),
                     st.tuples(optie, WOORD).map(list),
                     st.tuples(optie, WOORD).map(lambda t: [f"{t[0]}={t[1]}"]))


@pytest.mark.parametrize("soort", OPDRACHTEN)
@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whatever_the_quick_parser_accepts_typer_reads_the_same(
        soort: str, data: st.DataObject, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    delen = data.draw(st.lists(_delen(soort), max_size=6))
    argv = [*OPDRACHTEN[soort][0].woorden, *(w for deel in delen for w in deel)]
    try:
        verwacht = _snel(argv, soort)
    except ValueError:  # a --vandaag that is no date: the command says so, as through Typer
        verwacht = None
        assert snel.ontleed(argv, OPDRACHTEN[soort][0]) is not None
    if verwacht is not None:
        assert _typer(argv, monkeypatch, soort) == verwacht, argv
    capsys.readouterr()


def _beide(argv: list[str], cwd: Path) -> None:
    """``python -m avgctl`` (the quick parser) gives what the Typer app gives, byte for byte."""
    snel_ = subprocess.run([sys.executable, "-m", "avgctl", *argv], cwd=cwd,
                           capture_output=True, check=False)
    code = ("import sys\nfrom avgctl.cli.app import main\n"
            "code = main(sys.argv[1:])\nsys.stdout.flush(); sys.stderr.flush()\n"
            "import os; os._exit(code)\n")
    typer_ = subprocess.run([sys.executable, "-c", code, *argv], cwd=cwd, capture_output=True,
                            check=False)
    assert (snel_.returncode, snel_.stdout, snel_.stderr) == \
        (typer_.returncode, typer_.stdout, typer_.stderr), argv


@pytest.mark.parametrize("argv", [
    ["inventaris/inventaris.csv", "--vandaag", "2026-11-20"],
    ["--kaart", "inventaris/kaart.yaml", "--vandaag", "2026-11-20", "--format", "json",
     "--fail-on", "vervallen"],
    ["--kaart", "inventaris/kaart.yaml", "dossiers", "--vandaag", "2026-11-20", "-f", "csv"],
    ["inventaris/bestaat-niet.csv", "--vandaag", "2026-11-20"],
    ["inventaris/inventaris.csv", "--vandaag", "2026-13-01"],
    ["inventaris/inventaris.csv", "--vandaag", "2026-11-20", "--format", "xml"],
    ["--vandaag", "2026-11-20"],
    ["inventaris/kaart.yaml", "--vandaag", "2026-11-20"],
])
def test_through_python_m_avgctl_the_output_is_typers(argv: list[str]) -> None:
    assert snel.ontleed(["bewaartermijnen", "scan", *argv]) is not None
    _beide(["bewaartermijnen", "scan", *argv], PROJECT / "registers")


@pytest.mark.parametrize("argv, cwd", [
    (["bewaartermijnen", "scan", "inventaris/inventaris.csv", "--vandaag", "2026-11-20"],
     PROJECT / "registers"),
    (["verzoek", "list", "--vandaag", "2026-11-20"], PROJECT),
], ids=["scan", "list"])
def test_the_quick_commands_import_no_typer(argv: list[str], cwd: Path) -> None:
    code = (f"import sys\nsys.argv = ['avgctl', *{argv!r}]\n"
            "import os\nos._exit = lambda code: print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('typer', 'click')), code)\n"
            "from avgctl.__main__ import main\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "[] 0", result.stderr


# The list of every request (verzoek list): what is left to Typer, and its output.

@pytest.mark.parametrize("argv", [
    ["verzoek", "list", "--help"], ["verzoek", "list", "-h"], ["verzoek", "list", "extra"],
    ["verzoek", "list", "--open=ja"], ["verzoek", "list", "--open", "--open"],
    ["--debug", "verzoek", "list"], ["verzoek", "list", "--type"],
    ["verzoek", "list", "--type", "-f"], ["verzoek", "list", "-fjson"],
    ["verzoek", "list", "--kaart", "k"], ["verzoek", "show", "AVG-1"], ["verzoek"],
    ["verzoek", "list", "--"], ["verzoek", "list", "--behandelaar="],
])
def test_any_other_list_command_line_is_left_to_typer(argv: list[str]) -> None:
    assert snel.ontleed(argv, snel.VERZOEK_LIST) is None


@pytest.mark.parametrize("argv", [
    ["--vandaag", "2026-11-20"],
    ["--open", "--vandaag", "2026-12-10", "--format", "json"],
    ["--te-laat", "--vandaag", "2026-12-10"],
    ["--type", "wissing", "--behandelaar", "Privacycoördinator", "--vandaag", "2026-11-20"],
    ["--vandaag", "2026-13-01"],
    ["--vandaag", "2026-11-20", "--format", "xml"],
    ["--type", "klacht", "--vandaag", "2026-11-20"],
    ["--repo", "bestaat-niet", "--vandaag", "2026-11-20"],
])
def test_through_python_m_avgctl_the_list_is_typers(argv: list[str]) -> None:
    assert snel.ontleed(["verzoek", "list", *argv], snel.VERZOEK_LIST) is not None
    _beide(["verzoek", "list", *argv], PROJECT)


def test_a_damaged_register_gives_the_same_list_and_exit_code(tmp_path: Path) -> None:
    import shutil

    for rel in ("avgctl.yaml", "registers"):
        (shutil.copytree if (PROJECT / rel).is_dir() else shutil.copy)(PROJECT / rel,
                                                                       tmp_path / rel)
    path = tmp_path / "registers" / "verzoeken.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert ",2025-11-06," in lines[2]
    lines[2] = lines[2].replace(",2025-11-06,", ",2025-11-36,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    _beide(["verzoek", "list", "--vandaag", "2026-11-20"], tmp_path)
    result = subprocess.run([sys.executable, "-m", "avgctl", "verzoek", "list", "--vandaag",
                             "2026-11-20"], cwd=tmp_path, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert "registers/verzoeken.csv:3:" in result.stderr

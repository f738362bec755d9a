"""The scan's own command-line parser (cli/snel.py) against Typer's: the same parameters for
every command line it accepts, and the same output and exit code through ``python -m avgctl``."""

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


def _typer(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any] | None:
    """What Typer hands to the scan command for ``argv`` (None when it never gets there)."""
    from avgctl.commands import scan as command

    gekregen: dict[str, Any] = {}

    def opname(repo: Any, dag: Any, bronnen: Any, kaart: Any, database: Any, fmt: Any,
               uit: Any, fail_on: Any) -> int:
        gekregen.update(repo=repo, vandaag=dag, bronnen=bronnen, kaart=kaart,
                        database=database, fmt=fmt, uit=uit, fail_on=fail_on)
        return 0

    with monkeypatch.context() as m:
        m.setattr(command, "scan", opname)
        main(argv)
    return gekregen or None


def _snel(argv: list[str]) -> dict[str, Any] | None:
    import datetime as dt

    waarden = snel.ontleed(argv)
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


@pytest.mark.parametrize("argv", GEWOON, ids=lambda a: " ".join(a[2:]) or "leeg")
def test_plain_command_lines_are_read_as_typer_reads_them(
        argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _snel(argv) is not None
    assert _snel(argv) == _typer(argv, monkeypatch)


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
                         "=", "postgresql://h/db", "--kaart", "-f", "--uit", "--help"])
OPTIE = st.sampled_from([*snel.OPTIES, "--onbekend", "-q"])
DEEL = st.one_of(
    WOORD.map(lambda w: [w]),
    st.tuples(OPTIE, WOORD).map(list),
    st.tuples(OPTIE, WOORD).map(lambda t: [f"{t[0]}={t[1]}"]),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(delen=st.lists(DEEL, max_size=6))
def test_whatever_the_quick_parser_accepts_typer_reads_the_same(
        delen: list[list[str]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["bewaartermijnen", "scan", *(w for deel in delen for w in deel)]
    try:
        verwacht = _snel(argv)
    except ValueError:  # a --vandaag that is no date: the command says so, as through Typer
        verwacht = None
        assert snel.ontleed(argv) is not None
    if verwacht is not None:
        assert _typer(argv, monkeypatch) == verwacht, argv
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


def test_the_quick_scan_imports_no_typer() -> None:
    code = ("import sys\nsys.argv = ['avgctl', 'bewaartermijnen', 'scan', "
            "'inventaris/inventaris.csv', '--vandaag', '2026-11-20']\n"
            "import os\nos._exit = lambda code: print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('typer', 'click')), code)\n"
            "from avgctl.__main__ import main\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT / "registers",
                            capture_output=True, text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "[] 0", result.stderr


# The list of every request (verzoek list) is read by the same quick parser.

def _typer_lijst(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any] | None:
    from avgctl.commands import verzoek as command

    gekregen: dict[str, Any] = {}

    def opname(repo: Any, dag: Any, open_: Any, te_laat: Any, type_: Any, behandelaar: Any,
               fmt: Any) -> int:
        gekregen.update(repo=repo, vandaag=dag, open_=open_, te_laat=te_laat, type_=type_,
                        behandelaar=behandelaar, fmt=fmt)
        return 0

    with monkeypatch.context() as m:
        m.setattr(command, "list_", opname)
        main(argv)
    return gekregen or None


def _snel_lijst(argv: list[str]) -> dict[str, Any] | None:
    import datetime as dt

    waarden = snel.ontleed(argv, snel.VERZOEK_LIST)
    if waarden is not None and waarden["vandaag"] is not None:
        waarden["vandaag"] = dt.date.fromisoformat(waarden["vandaag"])
    return waarden


LIJST = [
    ["verzoek", "list"],
    ["verzoek", "list", "--open", "--vandaag", "2026-11-20"],
    ["verzoek", "list", "--te-laat", "--type", "wissing", "-f", "json", "--repo", "org"],
    ["verzoek", "list", "--behandelaar=Teamleider klantcontact", "--format=json", "--open"],
    ["verzoek", "list", "--vandaag=2026-02-28", "--te-laat", "--open"],
]


@pytest.mark.parametrize("argv", LIJST, ids=lambda a: " ".join(a[2:]) or "leeg")
def test_plain_list_command_lines_are_read_as_typer_reads_them(
        argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _snel_lijst(argv) is not None
    assert _snel_lijst(argv) == _typer_lijst(argv, monkeypatch)
    assert snel.ontleed(argv) is None  # not a scan


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


LIJSTWOORD = st.sampled_from(["json", "text", "wissing", "Privacyteam", "2026-11-20",
                              "2026-02-30", "-", "", "--", "-x", "a=b", "org", "--open",
                              "--help"])
LIJSTOPTIE = st.sampled_from([*snel.VERZOEK_LIST.opties, "--onbekend", "-q"])
LIJSTDEEL = st.one_of(
    LIJSTWOORD.map(lambda w: [w]),
    LIJSTOPTIE.map(lambda o: [o]),
    st.tuples(LIJSTOPTIE, LIJSTWOORD).map(list),
    st.tuples(LIJSTOPTIE, LIJSTWOORD).map(lambda t: [f"{t[0]}={t[1]}"]),
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(delen=st.lists(LIJSTDEEL, max_size=6))
def test_whatever_the_quick_parser_accepts_of_a_list_typer_reads_the_same(
        delen: list[list[str]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["verzoek", "list", *(w for deel in delen for w in deel)]
    try:
        verwacht = _snel_lijst(argv)
    except ValueError:  # a --vandaag that is no date: the command says so, as through Typer
        verwacht = None
        assert snel.ontleed(argv, snel.VERZOEK_LIST) is not None
    if verwacht is not None:
        assert _typer_lijst(argv, monkeypatch) == verwacht, argv
    capsys.readouterr()


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


def test_the_quick_list_imports_no_typer() -> None:
    code = ("import sys\nsys.argv = ['avgctl', 'verzoek', 'list', '--vandaag', '2026-11-20']\n"
            "import os\nos._exit = lambda code: print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('typer', 'click')), code)\n"
            "from avgctl.__main__ import main\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] == "[] 0", result.stderr

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

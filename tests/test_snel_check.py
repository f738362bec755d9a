"""``avgctl check`` through the quick parser (cli/snel.py) against Typer's: the same parameters
for every command line it accepts, and the same output and exit code through
``python -m avgctl``."""

from __future__ import annotations

import datetime as dt
import shutil
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
from tests.test_snel import _beide


def _typer(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any] | None:
    """What Typer hands to ``commands.check.run`` for ``argv`` (None: it never gets there)."""
    from avgctl.commands import check as command

    gekregen: dict[str, Any] = {}

    def opname(repo: Any, dag: Any, fmt: Any, select: Any, ignore: Any, strict: Any,
               quiet: Any, moment: Any = None, sinds: Any = None) -> int:
        gekregen.update(repo=repo, vandaag=dag, fmt=fmt, select=select, ignore=ignore,
                        strict=strict, quiet=quiet, nu=moment, sinds=sinds)
        return 0

    with monkeypatch.context() as m:
        m.setattr(command, "run", opname)
        main(argv)
    return gekregen or None


def _snel(argv: list[str]) -> dict[str, Any] | None:
    from avgctl.commands.common import parse_nu

    waarden = snel.ontleed(argv, snel.CHECK)
    if waarden is not None:
        if waarden["vandaag"] is not None:
            waarden["vandaag"] = dt.date.fromisoformat(waarden["vandaag"])
        waarden["nu"] = parse_nu(waarden["nu"])
        waarden.update(select=[], ignore=[])
    return waarden


GEWOON = [
    ["check"],
    ["check", "--vandaag", "2026-11-20", "--quiet"],
    ["check", "--repo", "org", "--format", "json", "--strict", "-q"],
    ["check", "--repo=org", "-f", "sarif", "--nu", "2026-11-20T10:00", "--vandaag=2026-11-20"],
    ["check", "--sinds", "main", "--format=github"],
    ["check", "--sinds=HEAD~1", "--strict"],
]


@pytest.mark.parametrize("argv", GEWOON, ids=lambda a: " ".join(a[1:]) or "leeg")
def test_plain_check_command_lines_are_read_as_typer_reads_them(
        argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _snel(argv) is not None
    assert _snel(argv) == _typer(argv, monkeypatch)
    assert snel.ontleed(argv) is None  # not a scan
    assert snel.ontleed(argv, snel.VERZOEK_LIST) is None


@pytest.mark.parametrize("argv", [
    ["check", "--help"], ["check", "-h"], ["check", "extra"], ["check", "--strict=ja"],
    ["check", "--quiet", "-q"], ["--debug", "check"], ["check", "--select", "AVG1"],
    ["check", "--ignore=AVG108"], ["check", "--format"], ["check", "--format", "-q"],
    ["check", "-fjson"], ["check", "-qf", "json"], ["check", "--"], ["check", "--repo="],
    ["checks"], ["status"], [],
])
def test_any_other_check_command_line_is_left_to_typer(argv: list[str]) -> None:
    assert snel.ontleed(argv, snel.CHECK) is None


WOORD = st.sampled_from(["json", "text", "sarif", "github", "org", "main", "2026-11-20",
                         "2026-02-30", "2026-11-20T10:00", "-", "", "--", "-x", "a=b", "AVG1",
                         "--quiet", "--help"])
OPTIE = st.sampled_from([*snel.CHECK.opties, "--select", "--ignore", "--onbekend", "--open"])
DEEL = st.one_of(
    WOORD.map(lambda w: [w]),
    OPTIE.map(lambda o: [o]),
    st.tuples(OPTIE, WOORD).map(list),
    st.tuples(OPTIE, WOORD).map(lambda t: [f"{t[0]}={t[1]}"]),
)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(delen=st.lists(DEEL, max_size=6))
def test_whatever_the_quick_parser_accepts_of_a_check_typer_reads_the_same(
        delen: list[list[str]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["check", *(w for deel in delen for w in deel)]
    try:
        verwacht = _snel(argv)
    except ValueError:  # a --vandaag that is no date: the command says so, as through Typer
        verwacht = None
        assert snel.ontleed(argv, snel.CHECK) is not None
    except Exception as exc:  # a --nu that is no moment: a usage error, as through Typer
        from avgctl.errors import UsageError

        assert isinstance(exc, UsageError)
        verwacht = None
    if verwacht is not None:
        assert _typer(argv, monkeypatch) == verwacht, argv
    capsys.readouterr()


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    for rel in ("avgctl.yaml", "registers"):
        (shutil.copytree if (PROJECT / rel).is_dir() else shutil.copy)(PROJECT / rel,
                                                                       tmp_path / rel)
    return tmp_path


@pytest.mark.parametrize("argv", [
    ["--vandaag", "2026-11-20"],
    ["--vandaag", "2026-11-20", "--quiet"],
    ["--vandaag", "2026-11-20", "--format", "json", "--strict"],
    ["--vandaag", "2026-11-20", "-f", "sarif"],
    ["--vandaag", "2026-11-20", "--format", "github", "-q"],
    ["--vandaag", "2027-06-01", "--nu", "2027-06-01T23:30"],
    ["--vandaag", "2026-13-01"],
    ["--vandaag", "2026-11-20", "--format", "xml"],
    ["--vandaag", "2026-11-20", "--nu", "gisteren"],
    ["--repo", "bestaat-niet", "--vandaag", "2026-11-20"],
])
def test_through_python_m_avgctl_the_check_is_typers(argv: list[str], voorbeeld: Path) -> None:
    assert snel.ontleed(["check", *argv], snel.CHECK) is not None
    _beide(["check", *argv], voorbeeld)


def test_a_damaged_register_gives_the_same_check_and_exit_code(voorbeeld: Path) -> None:
    path = voorbeeld / "registers" / "verzoeken.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert ",2025-11-06," in lines[2]
    lines[2] = lines[2].replace(",2025-11-06,", ",2025-11-36,", 1)
    path.write_text("".join(lines), encoding="utf-8")
    _beide(["check", "--vandaag", "2026-11-20"], voorbeeld)
    result = subprocess.run([sys.executable, "-m", "avgctl", "check", "--vandaag",
                             "2026-11-20"], cwd=voorbeeld, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert "registers/verzoeken.csv:3:" in result.stdout


def test_the_quick_check_imports_no_typer(voorbeeld: Path) -> None:
    code = ("import sys\nsys.argv = ['avgctl', 'check', '--vandaag', '2026-11-20', '-q']\n"
            "import os\nos._exit = lambda code: print(sorted(m for m in sys.modules "
            "if m.split('.')[0] in ('typer', 'click')), code)\n"
            "from avgctl.__main__ import main\nmain()\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=voorbeeld, capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip().splitlines()[-1] in ("[] 0", "[] 1"), result.stderr

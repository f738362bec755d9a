"""Every help screen in Dutch: the whole command tree, at several widths, in a terminal and a pipe.

The tree is walked from the Typer app itself, so a command or group added later is covered
without touching this file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Any

import pytest
import typer.main

from avgctl.cli.app import app
from avgctl.cli.hulp import waardenaam

# What click, Typer or rich would show if their own help came through.
VERBODEN = [
    r"\bUsage\b", r"\bOptions\b", r"\bArguments\b", r"\bCommands\b", r"\[OPTIONS\]",
    r"\bCOMMAND\b", r"\[ARGS\]", r"\[default", r"\bdefault\b", r"\[required\]", r"\brequired\b",
    r"<[a-z][\w\[\], |.]*>", r"\bTEXT\b", r"\bPATH\b", r"\bINTEGER\b", r"\bBOOLEAN\b",
    r"\bFLOAT\b", r"\bFILENAME\b", r"\bDIRECTORY\b", r"\bCHOICE\b", r"\benv var\b",
    r"\(dynamic\)", r"Show this message", r"\bError\b", r"Try '", r"…", r"[╭╰│─]",
    r"\{[A-Z]+\}", r"\bdeprecated\b", r"x>=", r"<=x",
]


def _tree() -> list[tuple[list[str], Any]]:
    """Every command and group, with the words that lead to it."""
    root = typer.main.get_command(app)
    found: list[tuple[list[str], Any]] = []

    def walk(path: list[str], command: Any) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            if not sub.hidden:
                walk([*path, name], sub)

    walk([], root)
    return found


TREE = _tree()
IDS = [" ".join(path) or "avgctl" for path, _ in TREE]


def test_the_tree_has_every_group() -> None:
    paths = {" ".join(p) for p, _ in TREE}
    assert {"", "check", "verzoek", "verzoek add", "datalek", "datalek update",
            "verwerkingen export"} <= paths


@pytest.mark.parametrize(("path", "command"), TREE, ids=IDS)
@pytest.mark.parametrize("columns", ["200", "80", "40"])
def test_help_is_dutch_throughout(cli: Any, monkeypatch: pytest.MonkeyPatch, path: list[str],
                                  command: Any, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    result = cli(*path, "--help")
    assert result.exit_code == 0
    assert result.err == ""
    out = result.out
    # the command itself comes first; a long one ("bewaartermijnen anonimiseer") may wrap
    assert out.startswith("Gebruik: avgctl")
    assert out.split()[1:len(path) + 2] == ["avgctl", *path]
    for pattern in VERBODEN:
        assert not re.search(pattern, out), f"{pattern!r} in de hulp van {path}:\n{out}"
    width = min(int(columns), 100)
    for line in out.splitlines():
        # Longer only where one word does not fit at all; never cut off.
        if len(line) > width:
            assert len(line.split()) == 1 or len(max(line.split(), key=len)) + 6 > width, line
    words = set(out.split())
    params = [p for p in command.params if not getattr(p, "hidden", False)]
    for param in params:
        for name in [*param.opts, *param.secondary_opts]:
            if name.startswith("-"):
                assert name in out.replace(",", " ").split(), (name, out)
        for word in (param.help or "").split():
            assert word in words, f"'{word}' uit de hulp van {param.name} is afgebroken:\n{out}"
    for word in (command.help or "").split("\f")[0].split():
        assert word in words


@pytest.mark.parametrize(("path", "command"), TREE, ids=IDS)
def test_every_option_and_argument_has_help(path: list[str], command: Any) -> None:
    assert (command.help or "").strip(), f"{path} heeft geen uitleg"
    for param in command.params:
        if getattr(param, "hidden", False):
            continue
        assert (getattr(param, "help", None) or "").strip(), f"{path} {param.opts}: geen hulp"
        naam = waardenaam(param)
        if naam is not None:
            assert re.fullmatch(r"[A-Z][A-Z/-]*", naam), (path, param.opts, naam)


@pytest.mark.parametrize(("path", "command"), [t for t in TREE if hasattr(t[1], "commands")],
                         ids=[i for i, t in zip(IDS, TREE, strict=True)
                              if hasattr(t[1], "commands")])
def test_a_group_without_a_command_shows_its_help(cli: Any, path: list[str],
                                                  command: Any) -> None:
    result = cli(*path)
    assert result.exit_code == 0
    assert result.out == cli(*path, "--help").out
    assert "Opdrachten:" in result.out


def test_defaults_and_required_in_words(cli: Any) -> None:
    out = cli("status", "--help").out
    assert "-f, --format FORMAAT  Het formaat: text of json. Standaard: text." in out
    out = cli("verzoek", "verleng", "--help").out
    assert out.startswith("Gebruik: avgctl verzoek verleng REF --reden TEKST [OPTIES]\n")
    assert "REF" in out and "Verplicht." in out


def test_update_help_not_cut_off(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reported case: 'datalek update --help' ended in '--bijzondere-gege…'."""
    for columns in ("80", "60", "40", "30"):
        monkeypatch.setenv("COLUMNS", columns)
        out = cli("datalek", "update", "--help").out
        for name in ("--bijzondere-gegevens", "--reden-vertraging", "--afgesloten-op",
                     "--versleuteld", "--niet-versleuteld", "compliance-repository"):
            assert name in out.split(), (columns, name)


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("FORCE_COLOR", "TYPER_USE_RICH", "COLUMNS", "PY_COLORS")}
    return subprocess.run([sys.executable, "-m", "avgctl", *args], capture_output=True,
                          text=True, env={**environment, **env}, timeout=60, check=False)


@pytest.mark.parametrize("args", [["--help"], ["datalek", "update", "--help"], ["verzoek"]])
def test_same_help_with_and_without_rich(args: list[str]) -> None:
    """Typer has two help paths: rich (also forced for CI logs) and plain click."""
    plain = _run(*args, TYPER_USE_RICH="0")
    rich = _run(*args, FORCE_COLOR="1", COLUMNS="80")
    assert plain.returncode == rich.returncode == 0
    assert plain.stdout == rich.stdout
    assert plain.stdout.startswith("Gebruik: avgctl")
    assert "\x1b[" not in rich.stdout


def test_help_imports_nothing_heavy() -> None:
    """`avgctl --help` stays fast: no rich, Pydantic, YAML, Jinja or database at start."""
    code = ("import sys, io, contextlib\n"
            "from avgctl.cli.app import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    main(['--help'])\n"
            "heavy = ('rich', 'pydantic', 'ruamel', 'jinja2', 'duckdb', 'psycopg', 'holidays')\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_help_starts_quickly() -> None:
    """DESIGN.md §5: `avgctl --help` well under 0.2 s. Measured as the processor time of the
    child (the best of five), so that other processes on the machine do not decide it."""
    import resource

    tijden = []
    for _ in range(5):
        voor = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = _run("--help")
        na = resource.getrusage(resource.RUSAGE_CHILDREN)
        tijden.append(na.ru_utime + na.ru_stime - voor.ru_utime - voor.ru_stime)
        assert result.returncode == 0
    assert min(tijden) < 0.2, tijden

"""``--quiet`` does what the README says, on every command that has it.

The README row: "alleen de bevindingen en de samenvatting, zonder hints; is alles in orde, dan
niets". The commands are found by walking the command tree, so one added later is covered (and
must be named in that README row).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from avgctl.cli.app import app
from tests.conftest import PROJECT, VOORBEELD_DAG

README = (PROJECT / "docs" / "opdrachten.md").read_text(encoding="utf-8")


def _met_quiet() -> list[list[str]]:
    found: list[list[str]] = []

    def walk(path: list[str], command: Any) -> None:
        if any("--quiet" in p.opts for p in command.params):
            found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk([*path, name], sub)

    walk([], typer.main.get_command(app))
    return found


QUIET = _met_quiet()


def test_every_command_with_quiet_is_documented() -> None:
    row = re.search(r"^\| `--quiet`, `-q` \(bij (.+?)\) \| (.+?) \|$", README, re.M)
    assert row, "docs/opdrachten.md noemt --quiet niet in de tabel van gedeelde opties"
    assert row.group(2) == ("alleen de bevindingen en de samenvatting, zonder hints; is alles "
                            "in orde, dan niets")
    genoemd = sorted(re.findall(r"`([a-z -]+)`", row.group(1)))
    assert genoemd == sorted(" ".join(p) for p in QUIET)


@pytest.fixture
def voorbeeld(cli: Any, tmp_path: Path) -> Path:
    root = tmp_path / "voorbeeld"
    assert cli("init", "--voorbeeld", str(root)).exit_code == 0
    return root


def _broken(root: Path) -> Path:
    """Two findings with a hint: no purpose, no owner."""
    path = next((root / "registers/verwerkingen").glob("40.3.1-*.yaml"))
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^doel:.*(\n  .*)*\n", "", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("path", QUIET, ids=[" ".join(p) for p in QUIET])
@pytest.mark.parametrize("schoon", [True, False], ids=["schoon", "met bevindingen"])
def test_quiet_only_drops_hints_and_a_clean_summary(cli: Any, voorbeeld: Path,
                                                    path: list[str], schoon: bool) -> None:
    root = voorbeeld if schoon else _broken(voorbeeld)
    args = [*path, "--repo", str(root), "--vandaag", VOORBEELD_DAG.isoformat()]
    gewoon, stil = cli(*args), cli(*args, "--quiet")
    assert stil.exit_code == gewoon.exit_code
    assert stil.err == gewoon.err
    if schoon:
        assert gewoon.out and stil.out == ""
        return
    hints = [line for line in gewoon.out.splitlines() if line.lstrip().startswith("→")]
    assert hints, gewoon.out
    assert stil.out.splitlines() == [line for line in gewoon.out.splitlines()
                                     if line not in hints]


def test_quiet_github_drops_hints_and_a_clean_summary(cli: Any, voorbeeld: Path) -> None:
    args = ["check", "--repo", str(voorbeeld), "--vandaag", VOORBEELD_DAG.isoformat(),
            "--format", "github"]
    assert cli(*args).out.startswith("Geen bevindingen")
    assert cli(*args, "-q").out == ""
    _broken(voorbeeld)
    gewoon, stil = cli(*args), cli(*args, "-q")
    assert gewoon.exit_code == stil.exit_code == 1
    assert "→" not in gewoon.out
    assert " (vul " in gewoon.out or " (voeg " in gewoon.out
    paren = list(zip(gewoon.out.splitlines(), stil.out.splitlines(), strict=True))
    for normaal, kort in paren:
        assert normaal.startswith(kort)  # the same annotation without " (hint)"
    assert any(normaal != kort for normaal, kort in paren)
    assert paren[-1][0] == paren[-1][1]  # the summary stays


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_quiet_leaves_machine_formats_whole(cli: Any, voorbeeld: Path, fmt: str) -> None:
    args = ["check", "--repo", str(_broken(voorbeeld)), "--vandaag",
            VOORBEELD_DAG.isoformat(), "--format", fmt]
    assert cli(*args, "-q").out == cli(*args).out

"""NO_COLOR (https://no-color.org): any non-empty value means no escape codes on a terminal.

The commands run in a real pseudo-terminal, so they colour as they would for a person; the same
commands with NO_COLOR set must write none. Without NO_COLOR (or with it empty) the colours are
there, so the test would notice when it stopped seeing a terminal.
"""

from __future__ import annotations

import ast
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT, VOORBEELD_DAG
from tests.processen import kopie_voorbeeld

DAG = VOORBEELD_DAG.isoformat()
ESC = b"\x1b["

# Every kind of rich output: tables, the status screen, findings, a rule page, an error.
OPDRACHTEN = [
    ["status", "--vandaag", DAG],
    ["check", "--vandaag", DAG],
    ["rules"],
    ["rules", "AVG301"],
    ["verwerkingen", "list"],
    ["verwerkingen", "show", "40.3.1"],
    ["verzoek", "list", "--vandaag", DAG],
    ["datalek", "list", "--vandaag", DAG],
    ["deadlines", "--vandaag", DAG],
    ["bewaartermijnen", "list"],
    ["verzoek", "show", "AVG-1900-0001"],  # an error on stderr
]


def _op_terminal(args: list[str], cwd: Path, **env: str) -> tuple[int, bytes]:
    """Run avgctl with stdout and stderr on a pseudo-terminal; everything it wrote."""
    omgeving = {k: v for k, v in os.environ.items()
                if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS", "GITHUB_ACTIONS")}
    omgeving.update({"TERM": "xterm-256color", "COLUMNS": "120", **env})
    master, slave = pty.openpty()
    proces = subprocess.Popen([sys.executable, "-m", "avgctl", *args], stdin=subprocess.DEVNULL,
                              stdout=slave, stderr=slave, cwd=cwd, env=omgeving)
    os.close(slave)
    data = b""
    try:
        while True:
            klaar, _, _ = select.select([master], [], [], 60)
            if not klaar:
                raise AssertionError(f"avgctl {' '.join(args)} schrijft niets meer")
            try:
                deel = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not deel:
                break
            data += deel
    finally:
        os.close(master)
    return proces.wait(timeout=60), data


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = kopie_voorbeeld(tmp_path_factory.mktemp("kleur") / "voorbeeld")
    # One finding, so that check colours a line and its summary.
    path = root / "registers" / "verwerkingen"
    bestand = next(p for p in sorted(path.glob("*.yaml")))
    tekst = bestand.read_text(encoding="utf-8")
    bestand.write_text(tekst.replace("\neigenaar:", "\n# eigenaar:", 1), encoding="utf-8")
    return root


@pytest.mark.parametrize("args", OPDRACHTEN, ids=lambda a: " ".join(a[:2]))
def test_no_color_writes_no_escape_codes(voorbeeld: Path, args: list[str]) -> None:
    code, data = _op_terminal(args, voorbeeld, NO_COLOR="1")
    assert ESC not in data, data[:400]
    assert data.strip(), "de opdracht schreef niets"
    # The same text as in colour, only without the codes.
    code_kleur, kleur = _op_terminal(args, voorbeeld)
    assert code == code_kleur
    import re

    assert re.sub(rb"\x1b\[[0-9;]*m", b"", kleur) == data


@pytest.mark.parametrize("waarde", ["1", "0", "false", "nee", " "])
def test_any_non_empty_value_counts(voorbeeld: Path, waarde: str) -> None:
    # no-color.org: "regardless of its value"; also FORCE_COLOR does not bring colour back.
    _, data = _op_terminal(["check", "--vandaag", DAG], voorbeeld, NO_COLOR=waarde,
                           FORCE_COLOR="1")
    assert ESC not in data


@pytest.mark.parametrize("env", [{}, {"NO_COLOR": ""}], ids=["zonder", "leeg"])
def test_colour_without_no_color(voorbeeld: Path, env: dict[str, str]) -> None:
    for args in (["check", "--vandaag", DAG], ["verzoek", "show", "AVG-1900-0001"],
                 ["status", "--vandaag", DAG]):
        _, data = _op_terminal(args, voorbeeld, **env)
        assert ESC in data, (args, data[:200])


def test_only_the_console_module_makes_consoles() -> None:
    """A Console made elsewhere in output/ would not know NO_COLOR; only console.py makes them."""
    elders = []
    for path in sorted((PROJECT / "avgctl").rglob("*.py")):
        if path.name == "console.py" and path.parent.name == "output":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                naam = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if naam == "Console":
                    elders.append(f"{path.relative_to(PROJECT)}:{node.lineno}")
    assert not elders

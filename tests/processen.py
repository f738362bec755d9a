"""Real ``avgctl`` processes for the concurrency and kill tests: started together behind a
barrier, or killed with SIGKILL at a chosen call (see _starter.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import PROJECT

STARTER = Path(__file__).with_name("_starter.py")
# Wide enough that no message is wrapped; the tests compare messages as text.
_OMGEVING = {"COLUMNS": "400", "NO_COLOR": "1"}
WEIGERING = "wordt op dit moment door een andere avgctl-opdracht gewijzigd; er is niets " \
            "geschreven"


@dataclass
class Afloop:
    code: int  # negative: killed by that signal
    out: str
    err: str

    @property
    def tekst(self) -> str:
        """stderr on one line, however the console wrapped it."""
        return " ".join(self.err.split())


def kopie_voorbeeld(doel: Path) -> Path:
    """A private copy of the built-in example (the repository's own registers)."""
    doel.mkdir(parents=True)
    shutil.copy(PROJECT / "avgctl.yaml", doel / "avgctl.yaml")
    shutil.copytree(PROJECT / "registers", doel / "registers",
                    ignore=shutil.ignore_patterns(".*"))
    return doel


def samen(root: Path, opdrachten: list[list[str]], wachttijd: float | None = None,
          stop: int = 0, telling: Path | None = None, timeout: float = 120) -> list[Afloop]:
    """Start every command in its own process; they begin at the same moment."""
    klaar_lees, klaar_schrijf = os.pipe()
    start_lees, start_schrijf = os.pipe()
    env = {**os.environ, **_OMGEVING}
    if wachttijd is not None:
        env["AVGCTL_WACHTTIJD"] = str(wachttijd)
    processen = []
    try:
        for args in opdrachten:
            processen.append(subprocess.Popen(
                [sys.executable, str(STARTER), str(klaar_schrijf), str(start_lees), str(stop),
                 str(telling) if telling else "-", "--", *args, "--repo", str(root)],
                pass_fds=(klaar_schrijf, start_lees), stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, env=env, cwd=root))
    finally:
        os.close(klaar_schrijf)
        os.close(start_lees)
    # Wait until every process is ready (a process that died early closes its end too).
    klaar = 0
    while klaar < len(processen):
        data = os.read(klaar_lees, len(processen))
        if not data:
            break
        klaar += len(data)
    os.close(klaar_lees)
    os.close(start_schrijf)  # the start signal for all of them at once
    uitkomsten = []
    for proces in processen:
        out, err = proces.communicate(timeout=timeout)
        uitkomsten.append(Afloop(proces.returncode, out.decode("utf-8"), err.decode("utf-8")))
    return uitkomsten


def tel(root: Path, args: list[str], telling: Path) -> dict[str, int]:
    """Run ``args`` once to the end and count its calls (for choosing moments to kill)."""
    (afloop,) = samen(root, [args], telling=telling)
    assert afloop.code == 0, afloop.err
    data: dict[str, int] = json.loads(telling.read_text(encoding="utf-8"))
    return data


def tijdelijke_bestanden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))

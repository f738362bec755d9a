"""Shared fixtures: a small clean compliance repository and a way to run the CLI."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from avgctl.cli.app import main
from avgctl.findings import Finding
from avgctl.rules.run import run_checks
from avgctl.store.register import Context
from avgctl.store.repo import load_register

PROJECT = Path(__file__).resolve().parent.parent

# Every run of the suite tries the same examples (derived from each test), so that CI is
# never red or green by luck; HYPOTHESIS_PROFILE=zoeken searches with fresh random examples.
settings.register_profile("vast", derandomize=True, database=None)
settings.register_profile("zoeken", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "vast"))
VANDAAG = dt.date(2026, 6, 1)
# The day the built-in example is up to date with: its open requests are within their
# deadlines then. `make run` and the tests on the example count from this day.
VOORBEELD_DAG = dt.date(2026, 11, 20)

BASIS: dict[str, str] = {
    "avgctl.yaml": """\
organisatie:
  naam: Kantoor Voorbeeld
  overheid: false
  contact:
    adres: Dorpsstraat 1, 1234 AB Ergens
    email: privacy@kantoor.example
  fg:
    naam: Functionaris gegevensbescherming
    email: fg@kantoor.example
""",
    # One line per field, so tests can point at a party's lines; the agreement lays down the
    # clauses of art. 28(3) (AVG405).
    "registers/partijen.yaml": (
        "- id: dossiersoft-bv\n"
        "  naam: Dossiersoft B.V.\n"
        "  relatie: verwerker\n"
        "  overeenkomst: {soort: verwerkersovereenkomst, getekend: 2024-05-01, bepalingen: {"
        "instructies: true, geheimhouding: true, beveiliging: true, subverwerkers: true, "
        "verzoeken_doorsturen_werkdagen: 3, datalek_melden_uur: 24, einde: verwijderen, "
        "audits: true}}\n"
        "  land: NL\n"
        "- id: opdrachtgevers\n"
        "  naam: Opdrachtgevers\n"
        "  relatie: ontvanger\n"
        "  land: NL\n"),
    "registers/bewaartermijnen.yaml": """\
dossier:
  duur: 10 jaar
  na: sluiten_dossier
""",
    "registers/verwerkingen/20.1.1-intake.yaml": """\
id: "20.1.1"
naam: Intake nieuwe zaak
eigenaar: Bureaumanager
doel: Een nieuwe opdracht vastleggen.
grondslag: overeenkomst
betrokkenen: [opdrachtgever]
gegevens:
  - type: NAW
    betrokkene: opdrachtgever
    verwerkers: [dossiersoft-bv]
    ontvangers: []
    bewaartermijn: dossier
beveiliging: [toegangsbeheer]
dpia: {nodig: false, motivatie: Geen verhoogd risico.}
""",
}


GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(path: Path, data: str | bytes) -> None:
    """Compare byte for byte; with AVGCTL_GOLDEN_UPDATE=1 rewrite the file instead."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if os.environ.get("AVGCTL_GOLDEN_UPDATE") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
        return
    assert path.exists(), f"{path} ontbreekt; maak hem met AVGCTL_GOLDEN_UPDATE=1"
    assert path.read_bytes() == raw


def write_repo(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small, clean compliance repository."""
    return write_repo(tmp_path / "repo", BASIS)


def check_repo(root: Path, vandaag: dt.date = VANDAAG) -> list[Finding]:
    return run_checks(load_register(root), Context(vandaag))


@dataclass
class Result:
    exit_code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run ``avgctl`` in-process and capture its exit code and output."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run

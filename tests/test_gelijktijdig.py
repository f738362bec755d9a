"""Writers started at the same moment, as real processes: no change is ever lost.

Every round starts two or three ``avgctl`` processes behind a barrier (they import avgctl
first, then begin together). Without the write lock, two ``verzoek add`` lost a row in about
four of ten pairs and two ``datalek update --maatregel`` lost a measure in about half; with
the rounds below the old code fails each test with near certainty (see the report of the
lock). Each writer that exits 0 must have its change in the file; a writer that does not was
refused with the Dutch message and changed nothing.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from avgctl.store.yamlfile import load_yaml
from tests.processen import WEIGERING, Afloop, kopie_voorbeeld, samen, tijdelijke_bestanden

DAG = "2026-11-20"
F = "registers/verzoeken.csv"
DL = "registers/datalekken"
REF = re.compile(r"Verzoek (AVG-\d{4}-\d{4}) geregistreerd")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the example for the whole file: each round builds on the last, as in an
    office where people keep working."""
    return kopie_voorbeeld(tmp_path_factory.mktemp("gelijktijdig") / "repo")


def _rijen(root: Path) -> list[dict[str, str]]:
    text = (root / F).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _add(betrokkene: str) -> list[str]:
    return ["verzoek", "add", "--type", "inzage", "--betrokkene-ref", betrokkene,
            "--kanaal", "email", "--vandaag", DAG]


def _geweigerd(afloop: Afloop, bestand: Path) -> bool:
    """Refused with exit 1, the message naming the file, and nothing on stdout."""
    return (afloop.code == 1 and afloop.out == "" and f"{bestand} {WEIGERING}" in afloop.tekst)


def _controleer_adds(root: Path, uitkomsten: list[Afloop], namen: list[str]) -> int:
    """Every writer that said it added its request has its own row; the others wrote
    nothing and were refused (first what is in the file, then what was said)."""
    rijen = _rijen(root)
    referenties = [r["referentie"] for r in rijen]
    assert len(referenties) == len(set(referenties)), "dubbele referentie"
    per_betrokkene = {r["betrokkene_ref"]: r for r in rijen}
    gelukt = [(a, n) for a, n in zip(uitkomsten, namen, strict=True) if a.code == 0]
    for afloop, naam in gelukt:
        match = REF.search(afloop.out)
        assert match, afloop.out
        assert naam in per_betrokkene, f"{naam} meldde {match.group(1)} maar ontbreekt"
        assert per_betrokkene[naam]["referentie"] == match.group(1)
        assert sum(r["betrokkene_ref"] == naam for r in rijen) == 1
    for afloop, naam in zip(uitkomsten, namen, strict=True):
        if afloop.code != 0:
            assert naam not in per_betrokkene
            assert _geweigerd(afloop, root / F), afloop.err
    return len(gelukt)


@pytest.mark.parametrize(("aantal", "rondes"), [(2, 8), (3, 5)])
def test_requests_added_together_all_arrive(root: Path, aantal: int, rondes: int) -> None:
    for ronde in range(rondes):
        voor = len(_rijen(root))
        namen = [f"K-{aantal}{ronde:02d}{i}" for i in range(aantal)]
        uitkomsten = samen(root, [_add(naam) for naam in namen])
        # With the default wait (seconds) nobody is refused: each waits for the other.
        assert _controleer_adds(root, uitkomsten, namen) == aantal
        assert len(_rijen(root)) == voor + aantal


def test_a_writer_that_cannot_wait_is_refused_and_writes_nothing(root: Path) -> None:
    """With no time to wait, a second writer is refused; the first one's row is there."""
    gelukt = 0
    for ronde in range(5):
        namen = [f"W-{ronde}{i}" for i in range(3)]
        uitkomsten = samen(root, [_add(naam) for naam in namen], wachttijd=0)
        gelukt += _controleer_adds(root, uitkomsten, namen)
    assert gelukt >= 5  # at least the first writer of each round


def test_measures_added_together_to_one_breach_are_all_kept(root: Path) -> None:
    path = root / DL / "DL-2026-010.yaml"
    verwacht = list(load_yaml(path, "x").data["maatregelen"]["genomen"])
    for ronde in range(8):
        nieuw = [f"Maatregel {ronde}-{i}" for i in range(2)]
        uitkomsten = samen(root, [["datalek", "update", "DL-2026-010", "--maatregel", m]
                                  for m in nieuw])
        for afloop, maatregel in zip(uitkomsten, nieuw, strict=True):
            if afloop.code == 0:
                verwacht.append(maatregel)
            else:
                assert _geweigerd(afloop, path), afloop.err
        genomen: list[Any] = load_yaml(path, "x").data["maatregelen"]["genomen"]
        # Both orders are possible; nothing is lost and nothing is there twice.
        assert sorted(genomen) == sorted(verwacht)
        assert [a.code for a in uitkomsten] == [0, 0], [a.err for a in uitkomsten]


def test_an_add_beside_an_update_both_arrive(root: Path) -> None:
    for ronde in range(6):
        naam = f"U-{ronde}"
        behandelaar = f"Behandelaar {ronde}"
        add, update = samen(root, [_add(naam), ["verzoek", "update", "AVG-2026-0074",
                                                "--behandelaar", behandelaar]])
        rijen = {r["referentie"]: r for r in _rijen(root)}
        if update.code == 0:
            assert rijen["AVG-2026-0074"]["behandelaar"] == behandelaar
        if add.code == 0:
            assert naam in {r["betrokkene_ref"] for r in rijen.values()}
        assert len(rijen) == len(_rijen(root))  # references unique
        assert (add.code, update.code) == (0, 0), (add.err, update.err)


def test_a_confirmed_restore_beside_an_add_both_arrive(root: Path) -> None:
    herstel = ["verzoek", "herstel", "--backup", "2026-09-01", "--vandaag", DAG]
    for ronde in range(3):
        naam = f"H-{ronde}"
        add, bevestig = samen(root, [_add(naam), [*herstel, "--bevestig"]])
        rijen = {r["referentie"]: r for r in _rijen(root)}
        assert (add.code, bevestig.code) == (0, 0), (add.err, bevestig.err)
        assert naam in {r["betrokkene_ref"] for r in rijen.values()}
        # the erasure after the backup is recorded as applied again, whichever came first
        assert rijen["AVG-2026-0060"]["opnieuw_toegepast_op"] == DAG
        assert len(rijen) == len(_rijen(root))  # references unique


def test_breaches_added_together_get_their_own_reference(root: Path) -> None:
    for ronde in range(3):
        voor = set((root / DL).glob("DL-*.yaml"))
        uitkomsten = samen(root, [
            ["datalek", "add", "--ontdekt-op", "2026-11-20T09:00", "--beschrijving",
             f"Gelijktijdig {ronde}-{i}.", "--soort", "integriteit", "--vandaag", DAG]
            for i in range(2)])
        nieuw = set((root / DL).glob("DL-*.yaml")) - voor
        beschrijvingen = {load_yaml(p, "x").data["beschrijving"] for p in nieuw}
        assert beschrijvingen == {f"Gelijktijdig {ronde}-{i}." for i, a in enumerate(uitkomsten)
                                  if a.code == 0}
        assert len(nieuw) == 2
        assert [a.code for a in uitkomsten] == [0, 0], [a.err for a in uitkomsten]


def test_check_passes_afterwards(root: Path, cli: Any) -> None:
    """Runs last in this file: the register all the rounds above left behind is valid, and
    no temporary file or lock is taken for a register file."""
    result = cli("check", "--repo", str(root), "--vandaag", DAG, "--strict")
    assert (result.exit_code, result.err) == (0, ""), result.out
    assert result.out.startswith("Geen bevindingen")
    for folder in (root / "registers", root / DL):
        assert tijdelijke_bestanden(folder) == []
    assert (root / "registers/.verzoeken.csv.lock").exists()  # the lock file stays, unseen

"""The check outcome that ``status`` reuses (avgctl.store.cache) is never wrong.

``status`` must print exactly the same, with the same exit code and stderr, whether it ran
the rules itself or took the outcome ``check`` left behind; and any change of a file, of
avgctl or of the options must make it run the rules again.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from avgctl.store import cache
from tests.conftest import PROJECT, VOORBEELD_DAG

DAG = VOORBEELD_DAG.isoformat()
CSV = "registers/verzoeken.csv"
ACTIVITEIT = "registers/verwerkingen/60.1.1-werving-en-selectie.yaml"


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    root = tmp_path / "voorbeeld"
    shutil.copytree(PROJECT / "avgctl" / "voorbeeld", root)
    return root


@pytest.fixture
def telt(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often the rules ran."""
    from avgctl.rules import run as run_module

    runs: list[int] = []
    original = run_module.run_checks

    def counting(*args: Any, **kwargs: Any) -> Any:
        runs.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(run_module, "run_checks", counting)
    return runs


def _status(cli: Any, root: Path, *extra: str) -> tuple[int, str, str]:
    result = cli("status", "--repo", str(root), "--vandaag", DAG, *extra)
    return result.exit_code, result.out, result.err


def _zonder_cache(cli: Any, root: Path, *extra: str) -> tuple[int, str, str]:
    shutil.rmtree(root / cache.CACHE_DIR, ignore_errors=True)
    return _status(cli, root, *extra)


def _breek(root: Path) -> None:
    """A closed request with an impossible date (only a full read finds it) and a misspelt
    field in an activity."""
    path = root / CSV
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if ",afgehandeld," in line)
    referentie, _ontvangen, rest = lines[index].split(",", 2)
    lines[index] = f"{referentie},2026-02-30,{rest}"
    path.write_text("\n".join(lines), encoding="utf-8")
    activiteit = root / ACTIVITEIT
    activiteit.write_text(activiteit.read_text(encoding="utf-8").replace("doel:", "doell:", 1),
                          encoding="utf-8")


@pytest.mark.parametrize("breek", [False, True], ids=["schoon", "beschadigd"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_status_is_the_same_from_the_cache(cli: Any, voorbeeld: Path, telt: list[int],
                                           breek: bool, fmt: str) -> None:
    if breek:
        _breek(voorbeeld)
    eerst = _zonder_cache(cli, voorbeeld, "--format", fmt)  # runs the rules, keeps them
    assert len(telt) == 1
    assert (voorbeeld / cache.CACHE_DIR / cache.CACHE_FILE).is_file()
    tweede = _status(cli, voorbeeld, "--format", fmt)
    assert len(telt) == 1  # from the cache
    assert tweede == eerst
    assert (eerst[0] == 1) is breek  # a damaged register is reported from the cache too
    if breek:
        assert CSV in eerst[2] and ACTIVITEIT in eerst[2]


def test_check_leaves_the_outcome_for_status(cli: Any, voorbeeld: Path, telt: list[int]) -> None:
    _breek(voorbeeld)
    cli("check", "--repo", str(voorbeeld), "--vandaag", DAG)
    telt.clear()
    uit_cache = _status(cli, voorbeeld)
    assert len(telt) == 0  # status ran no rules of its own
    assert uit_cache == _zonder_cache(cli, voorbeeld)
    assert "Controle: " in uit_cache[1]


def test_a_check_of_some_rules_is_not_the_summary(cli: Any, voorbeeld: Path,
                                                  telt: list[int]) -> None:
    cli("check", "--repo", str(voorbeeld), "--vandaag", DAG, "--select", "AVG7")
    telt.clear()
    _status(cli, voorbeeld)
    assert len(telt) == 1


def test_another_day_runs_the_rules_another_moment_of_the_day_does_not(
        cli: Any, voorbeeld: Path, telt: list[int]) -> None:
    _status(cli, voorbeeld)
    cli("status", "--repo", str(voorbeeld), "--vandaag", "2026-12-10")
    assert len(telt) == 2
    # status without --vandaag: every run is another moment of the same day
    for moment in ("T00:00", "T10:00", "T23:59"):
        na = cli("status", "--repo", str(voorbeeld), "--nu", DAG + moment)
        assert len(telt) == 2
        kept = (voorbeeld / cache.CACHE_DIR / cache.CACHE_FILE).read_bytes()
        shutil.rmtree(voorbeeld / cache.CACHE_DIR)
        zonder = cli("status", "--repo", str(voorbeeld), "--nu", DAG + moment)
        assert (na.exit_code, na.out, na.err) == (zonder.exit_code, zonder.out, zonder.err)
        (voorbeeld / cache.CACHE_DIR / cache.CACHE_FILE).write_bytes(kept)
        telt.pop()
    telt.clear()
    cli("status", "--repo", str(voorbeeld), "--nu", "2026-11-21T00:00")  # the next day
    cli("status", "--repo", str(voorbeeld), "--vandaag", DAG, "--nu", "2026-11-21T00:00")
    assert len(telt) == 2
    _status(cli, voorbeeld)
    cli("status", "--repo", str(voorbeeld), "--vandaag", "2026-12-10")
    assert len(telt) == 2


# Breaches whose clock changes the check during the example's day: the 72 hours of an
# unreported breach end at 14:00 (AVG802 from then on), and a discovery written a day ahead
# stops lying in the future at 12:00 (AVG809 until then).
KLOK_LEKKEN = {
    "registers/datalekken/DL-2026-090.yaml": """\
referentie: DL-2026-090
ontdekt_op: 2026-11-17T14:00:00+01:00
beschrijving: Een laptop met dossiers is gestolen.
soort: [vertrouwelijkheid]
risico: risico
besluit_motivatie: Dossiers met financiële gegevens.
""",
    "registers/datalekken/DL-2026-091.yaml": """\
referentie: DL-2026-091
ontdekt_op: 2026-11-21T12:00:00+01:00
beschrijving: Een brief naar een verkeerd adres.
soort: [vertrouwelijkheid]
risico: geen
besluit_motivatie: Alleen een naam, geen andere gegevens.
afgesloten_op: 2026-11-21
""",
}


@pytest.mark.parametrize("eerst", ["T09:00", "T13:00", "T15:00"])
def test_the_clock_of_a_breach_is_read_at_the_moment(cli: Any, voorbeeld: Path,
                                                     telt: list[int], eerst: str) -> None:
    """Whichever moment of the day left the outcome, every other moment of that day shows
    the findings of that moment: exactly what running the rules then would show."""
    for rel, text in KLOK_LEKKEN.items():
        (voorbeeld / rel).write_text(text, encoding="utf-8")
    zonder = {}
    for moment in ("T09:00", "T11:59", "T12:00", "T13:00", "T14:00", "T14:01", "T15:00"):
        shutil.rmtree(voorbeeld / cache.CACHE_DIR, ignore_errors=True)
        r = cli("status", "--repo", str(voorbeeld), "--nu", DAG + moment)
        zonder[moment] = (r.exit_code, r.out, r.err)
    controle = {m: next(line for line in z[1].splitlines() if line.startswith("Controle"))
                for m, z in zonder.items()}
    assert controle["T09:00"] == controle["T11:59"] != controle["T12:00"]
    assert controle["T12:00"] == controle["T14:00"] != controle["T14:01"]
    shutil.rmtree(voorbeeld / cache.CACHE_DIR)
    cli("status", "--repo", str(voorbeeld), "--nu", DAG + eerst)
    telt.clear()
    for moment, verwacht in zonder.items():
        r = cli("status", "--repo", str(voorbeeld), "--nu", DAG + moment)
        assert (r.exit_code, r.out, r.err) == verwacht, moment
    assert telt == []  # every one from the outcome the first left
    kept = json.loads((voorbeeld / cache.CACHE_DIR / cache.CACHE_FILE).read_text())
    assert kept[0]["klok"] == sorted(KLOK_LEKKEN)


@pytest.mark.parametrize("wijziging", ["byte", "nieuw", "weg", "map", "rechten", "naam"])
def test_every_change_of_the_files_runs_the_rules(cli: Any, voorbeeld: Path, telt: list[int],
                                                  wijziging: str) -> None:
    _status(cli, voorbeeld)
    activiteit = voorbeeld / ACTIVITEIT
    if wijziging == "byte":
        activiteit.write_bytes(activiteit.read_bytes().replace(b"doel:", b"doel: ", 1))
    elif wijziging == "nieuw":
        (voorbeeld / "registers/verwerkingen/99.1.1-x.yaml").write_text("id: '99.1.1'\n")
    elif wijziging == "weg":
        activiteit.unlink()
    elif wijziging == "map":
        shutil.rmtree(voorbeeld / "registers/datalekken")
        (voorbeeld / "registers/datalekken").write_text("")
    elif wijziging == "rechten":
        if os.geteuid() == 0:
            pytest.skip("root reads every file")
        activiteit.chmod(0)
    else:
        activiteit.rename(activiteit.with_name("60.1.1-anders.yaml"))
    na = _status(cli, voorbeeld)
    assert len(telt) == 2
    assert na == _zonder_cache(cli, voorbeeld)


def test_another_avgctl_runs_the_rules(cli: Any, voorbeeld: Path, telt: list[int],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _status(cli, voorbeeld)
    monkeypatch.setitem(cache._CODE, "digest", "een andere versie")
    _status(cli, voorbeeld)
    assert len(telt) == 2


def test_a_damaged_or_foreign_cache_is_not_used(cli: Any, voorbeeld: Path,
                                                telt: list[int]) -> None:
    schoon = _status(cli, voorbeeld)
    bestand = voorbeeld / cache.CACHE_DIR / cache.CACHE_FILE
    for inhoud in ("{niet json", json.dumps({"a": 1}), json.dumps([{"sleutel": 3}]),
                   "\x00\x01"):
        bestand.write_text(inhoud)
        assert _status(cli, voorbeeld) == schoon
    assert len(telt) == 5


def test_the_cache_stays_out_of_git(cli: Any, voorbeeld: Path, tmp_path: Path) -> None:
    _status(cli, voorbeeld)
    assert (voorbeeld / cache.CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    nieuw = tmp_path / "nieuw"
    assert cli("init", str(nieuw)).exit_code == 0
    assert ".avgctl-cache/" in (nieuw / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".avgctl-cache/" in (PROJECT / ".gitignore").read_text().splitlines()


def test_a_repository_that_cannot_be_written_still_has_a_status(
        cli: Any, voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from avgctl.store import schrijven

    def weigeren(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(13, "alleen-lezen")

    schoon = _status(cli, voorbeeld)
    shutil.rmtree(voorbeeld / cache.CACHE_DIR)
    monkeypatch.setattr(schrijven, "atomic_write", weigeren)
    assert _status(cli, voorbeeld) == schoon
    assert not (voorbeeld / cache.CACHE_DIR / cache.CACHE_FILE).exists()


def test_a_change_while_the_rules_run_is_not_kept(cli: Any, voorbeeld: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from avgctl.rules import run as run_module

    original = run_module.run_checks
    activiteit = voorbeeld / ACTIVITEIT

    def intussen(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        activiteit.write_text(activiteit.read_text(encoding="utf-8") + "# later\n",
                              encoding="utf-8")
        return found

    monkeypatch.setattr(run_module, "run_checks", intussen)
    _status(cli, voorbeeld)
    assert not (voorbeeld / cache.CACHE_DIR / cache.CACHE_FILE).exists()

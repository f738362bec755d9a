"""The write lock and the atomic write, one by one, and as an adversary would test them."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from avgctl.errors import AvgctlError
from avgctl.store import schrijven, slot
from avgctl.store.schrijven import achtergebleven, atomic_write, tijdelijk_van
from avgctl.store.slot import in_gebruik, schrijfslot, slotbestand, vastgehouden
from avgctl.store.verzoekschrijver import nieuw_bestand, schrijf_csv, schrijf_yaml
from tests.conftest import check_repo, write_repo
from tests.processen import kopie_voorbeeld

DAG = "2026-11-20"
F = "registers/verzoeken.csv"
CSV = "referentie,ontvangen,betrokkene_ref,kanaal,type,status\n" \
      "AVG-2026-0001,2026-03-02,K-1001,email,inzage,open\n"


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    return kopie_voorbeeld(tmp_path / "repo")


@pytest.fixture
def ander(tmp_path: Path) -> Iterator[Any]:
    """Hold a file's lock as another process would: a descriptor of its own."""
    fds: list[int] = []

    def hold(path: Path) -> None:
        fd = os.open(slotbestand(path), os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        fds.append(fd)

    yield hold
    for fd in fds:
        os.close(fd)


def _verzoek_add(cli: Any, root: Path, naam: str = "K-7001") -> Any:
    return cli("verzoek", "add", "--type", "inzage", "--betrokkene-ref", naam, "--kanaal",
               "email", "--vandaag", DAG, "--repo", str(root))


# --- the lock --------------------------------------------------------------------------------

def test_a_second_writer_is_refused_in_dutch_after_a_bounded_wait(
        cli: Any, voorbeeld: Path, ander: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ander(voorbeeld / F)
    monkeypatch.setenv("AVGCTL_WACHTTIJD", "0.05")
    voor = (voorbeeld / F).read_bytes()
    result = _verzoek_add(cli, voorbeeld)
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == (
        f"fout: {voorbeeld / F} wordt op dit moment door een andere avgctl-opdracht gewijzigd; "
        "er is niets geschreven. Wacht tot die klaar is en draai de opdracht opnieuw (de "
        "vergrendeling .verzoeken.csv.lock vervalt vanzelf zodra die opdracht stopt; "
        "verwijder dat bestand niet)\n")
    assert (voorbeeld / F).read_bytes() == voor


@pytest.mark.parametrize("args", [
    ("verzoek", "update", "AVG-2026-0074", "--behandelaar", "X"),
    ("verzoek", "verleng", "AVG-2026-0074", "--reden", "Veel dossiers", "--vandaag", DAG),
    ("verzoek", "afhandel", "AVG-2026-0074", "--besluit", "toegewezen", "--vandaag", DAG),
])
def test_every_request_change_takes_the_lock_of_the_csv(
        cli: Any, voorbeeld: Path, ander: Any, monkeypatch: pytest.MonkeyPatch,
        args: tuple[str, ...]) -> None:
    ander(voorbeeld / F)
    monkeypatch.setenv("AVGCTL_WACHTTIJD", "0")
    voor = (voorbeeld / F).read_bytes()
    result = cli(*args, "--repo", str(voorbeeld))
    assert result.exit_code == 1 and "door een andere avgctl-opdracht" in result.err
    assert (voorbeeld / F).read_bytes() == voor


@pytest.mark.parametrize("args", [
    ("datalek", "update", "DL-2026-010", "--maatregel", "X"),
    ("datalek", "beoordeel", "DL-2026-010", "--risico", "risico", "--motivatie", "M.",
     "--vandaag", DAG),
    ("datalek", "meld", "DL-2026-010", "--soort", "aanvulling", "--nu", "2026-11-20T10:00"),
])
def test_every_breach_change_takes_the_lock_of_its_file(
        cli: Any, voorbeeld: Path, ander: Any, monkeypatch: pytest.MonkeyPatch,
        args: tuple[str, ...]) -> None:
    path = voorbeeld / "registers/datalekken/DL-2026-010.yaml"
    ander(path)
    monkeypatch.setenv("AVGCTL_WACHTTIJD", "0")
    voor = path.read_bytes()
    result = cli(*args, "--repo", str(voorbeeld))
    assert result.exit_code == 1, result.err
    assert f"{path} wordt op dit moment door een andere" in result.err
    assert path.read_bytes() == voor


def test_a_new_breach_takes_the_lock_of_the_folder(cli: Any, voorbeeld: Path, ander: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    folder = voorbeeld / "registers/datalekken"
    ander(folder)
    monkeypatch.setenv("AVGCTL_WACHTTIJD", "0")
    voor = sorted(p.name for p in folder.iterdir())
    result = cli("datalek", "add", "--ontdekt-op", "2026-11-20T09:00", "--beschrijving", "X.",
                 "--soort", "integriteit", "--vandaag", DAG, "--repo", str(voorbeeld))
    assert result.exit_code == 1 and f"{folder} wordt op dit moment" in result.err
    assert sorted(p.name for p in folder.iterdir()) == voor
    assert (voorbeeld / "registers/.datalekken.lock").exists()


def test_a_request_kept_as_yaml_takes_the_lock_of_its_file(cli: Any, voorbeeld: Path,
                                                           ander: Any,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    path = voorbeeld / "registers/verzoeken/AVG-2026-0200.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("referentie: AVG-2026-0200\nontvangen: 2026-11-19\nbetrokkene_ref: K-1\n"
                    "kanaal: email\ntype: inzage\nstatus: open\n", encoding="utf-8")
    ander(path)
    monkeypatch.setenv("AVGCTL_WACHTTIJD", "0")
    result = cli("verzoek", "update", "AVG-2026-0200", "--behandelaar", "X", "--repo",
                 str(voorbeeld))
    assert result.exit_code == 1 and f"{path} wordt op dit moment" in result.err


def test_the_lock_is_released_when_the_holder_dies(voorbeeld: Path) -> None:
    """kill -9 of the holder: the kernel drops the flock, the lock file stays harmless."""
    holder = subprocess.Popen(
        ["python3", "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR | "
         "os.O_CREAT); fcntl.flock(fd, fcntl.LOCK_EX); print('ok', flush=True); "
         "sys.stdin.read()", str(slotbestand(voorbeeld / F))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "ok\n"
    assert in_gebruik(voorbeeld / F)
    holder.kill()
    holder.wait()
    assert not in_gebruik(voorbeeld / F)
    with schrijfslot(voorbeeld / F, wacht=0):
        assert vastgehouden(voorbeeld / F)
    assert not vastgehouden(voorbeeld / F)


def test_taking_the_same_lock_twice_in_one_process_does_not_wait(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    with schrijfslot(path, wacht=0), schrijfslot(path, wacht=0):
        assert vastgehouden(path)
    assert not vastgehouden(path)


def test_a_lock_file_that_is_a_link_is_refused(voorbeeld: Path, tmp_path: Path) -> None:
    elders = tmp_path / "elders"
    slotbestand(voorbeeld / F).symlink_to(elders)
    with pytest.raises(AvgctlError, match="is een koppeling"), schrijfslot(voorbeeld / F):
        pass
    assert not elders.exists()


def test_writers_demand_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "verzoeken.csv"
    path.write_text(CSV, encoding="utf-8")
    with pytest.raises(RuntimeError, match="zonder schrijfslot"):
        schrijf_csv(path, "", {}, [])
    with pytest.raises(RuntimeError, match="zonder schrijfslot"):
        schrijf_yaml(path, "", {})
    with pytest.raises(RuntimeError, match="zonder schrijfslot"):
        nieuw_bestand(tmp_path / "nieuw.yaml", b"")


def test_no_register_writer_writes_around_the_lock() -> None:
    """Outside the store, a module that knows where registers are and calls atomic_write
    must take the lock itself (anonymising does); the others write documents (a letter with
    --uit, the privacy statements, the schemas, a scan's list, a new repository)."""
    root = Path(__file__).resolve().parent.parent / "avgctl"
    registers = ("VERZOEKEN_FILE", "VERZOEKEN_DIR", "DATALEKKEN_DIR", "VERWERKINGEN_DIR",
                 "PARTIJEN_FILE", "BEWAARTERMIJNEN_FILE")
    zonder_slot = []
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.parent.name == "store" or "atomic_write(" not in text:
            continue
        if any(name in text for name in registers) and "schrijfslot" not in text:
            zonder_slot.append(str(path.relative_to(root)))
    assert zonder_slot == []
    # the commands that change a register use the store's locked writers
    for name in ("verzoek", "datalek"):
        text = (root / "commands" / f"{name}.py").read_text(encoding="utf-8")
        assert "atomic_write" not in text and "onder_slot(" in text


# --- the atomic write ------------------------------------------------------------------------

def test_temporary_files_have_a_recognisable_name(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        seen.append(Path(src).name)
        real(src, dst)

    monkeypatch.setattr(schrijven.os, "replace", replace)
    atomic_write(tmp_path / "verzoeken.csv", b"x")
    (naam,) = seen
    assert naam.startswith(".verzoeken.csv.avgctl-") and naam.endswith(".tmp")
    assert tijdelijk_van(naam) == "verzoeken.csv"
    assert tijdelijk_van(".verzoeken.csv.k2j3h4g5.tmp") == "verzoeken.csv"  # earlier versions
    assert tijdelijk_van("verzoeken.csv") is None
    assert tijdelijk_van(".verzoeken.csv.lock") is None


def test_the_folder_is_synced_after_the_rename(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("map" if os.path.isdir(f"/proc/self/fd/{fd}") else "bestand")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        events.append("hernoemd")
        real_replace(src, dst)

    monkeypatch.setattr(schrijven.os, "fsync", fsync)
    monkeypatch.setattr(schrijven.os, "replace", replace)
    atomic_write(tmp_path / "a.yaml", b"x")
    assert events == ["bestand", "hernoemd", "map"]


def test_a_new_file_never_replaces_one_made_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "DL-2026-001.yaml"
    path.write_bytes(b"van iemand anders\n")
    with pytest.raises(AvgctlError, match="bestaat al; er is niets geschreven"):
        atomic_write(path, b"nieuw\n", nieuw=True)
    assert path.read_bytes() == b"van iemand anders\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["DL-2026-001.yaml"]


def test_the_temporary_file_is_removed_when_writing_it_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def kapot(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(schrijven.os, "fsync", kapot)
    with pytest.raises(AvgctlError, match="kan niet worden geschreven"):
        atomic_write(tmp_path / "a.yaml", b"x")
    assert list(tmp_path.iterdir()) == []


def test_the_temporary_file_is_removed_on_an_interrupt(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def ctrl_c(src: Any, dst: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(schrijven.os, "replace", ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "a.yaml", b"x")
    assert list(tmp_path.iterdir()) == []


# --- what a killed write leaves behind -------------------------------------------------------

def test_the_next_write_removes_leftovers_of_that_file_only(cli: Any, voorbeeld: Path) -> None:
    registers = voorbeeld / "registers"
    for name in (".verzoeken.csv.avgctl-0123abcd.tmp", ".verzoeken.csv.k2j3h4g5.tmp",
                 ".partijen.yaml.avgctl-0123abcd.tmp"):
        (registers / name).write_text("half", encoding="utf-8")
    assert _verzoek_add(cli, voorbeeld).exit_code == 0
    assert sorted(p.name for p in registers.iterdir() if p.name.endswith(".tmp")) == [
        ".partijen.yaml.avgctl-0123abcd.tmp"]


def test_check_mentions_leftovers_until_then(cli: Any, voorbeeld: Path) -> None:
    naam = ".DL-2026-010.yaml.avgctl-0123abcd.tmp"
    (voorbeeld / "registers/datalekken" / naam).write_text("referentie: DL-20", "utf-8")
    result = cli("check", "--repo", str(voorbeeld), "--vandaag", DAG)
    assert result.exit_code == 0  # a warning: the register itself is whole
    assert result.out.startswith(
        f"registers/datalekken/{naam}:1:1: waarschuwing AVG004 tijdelijk bestand van een "
        "avgctl-opdracht die werd afgebroken tijdens het schrijven van "
        "registers/datalekken/DL-2026-010.yaml; registers/datalekken/DL-2026-010.yaml zelf "
        "is heel (de oude of de nieuwe versie)\n"
        "    → de volgende wijziging van registers/datalekken/DL-2026-010.yaml met avgctl "
        "ruimt het op; u kunt het ook zelf verwijderen\n")
    assert cli("check", "--repo", str(voorbeeld), "--vandaag", DAG, "--strict").exit_code == 1
    assert cli("datalek", "update", "DL-2026-010", "--maatregel", "X", "--repo",
               str(voorbeeld)).exit_code == 0
    result = cli("check", "--repo", str(voorbeeld), "--vandaag", DAG, "--strict")
    assert (result.exit_code, result.out.split(" (")[0]) == (0, "Geen bevindingen")


def test_a_write_in_progress_is_not_a_leftover(voorbeeld: Path, ander: Any) -> None:
    registers = voorbeeld / "registers"
    (registers / ".verzoeken.csv.avgctl-0123abcd.tmp").write_text("half", encoding="utf-8")
    ander(voorbeeld / F)  # its writer is still at work
    assert achtergebleven(registers) == []
    assert "AVG004" not in {f.code for f in check_repo(voorbeeld)}


def test_lock_files_are_no_register_files(voorbeeld: Path, cli: Any) -> None:
    """Lock files (also one that looks like a register file) are neither read nor reported."""
    for rel in ("registers/.verzoeken.csv.lock", "registers/datalekken/.DL-2026-010.yaml.lock",
                "registers/.datalekken.lock", "registers/verwerkingen/.x.yaml.lock"):
        (voorbeeld / rel).write_text("id: kapot: [", encoding="utf-8")
    result = cli("check", "--repo", str(voorbeeld), "--vandaag", DAG, "--strict")
    assert (result.exit_code, result.out.split(" (")[0]) == (0, "Geen bevindingen")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is er niet")
def test_git_does_not_see_locks_or_temporary_files(cli: Any, tmp_path: Path) -> None:
    root = tmp_path / "nieuw"
    assert cli("init", "--voorbeeld", str(root)).exit_code == 0
    assert "\n.*.lock\n" in (root / ".gitignore").read_text(encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    assert _verzoek_add(cli, root).exit_code == 0
    (root / "registers/.verzoeken.csv.avgctl-0123abcd.tmp").write_text("x", encoding="utf-8")
    status = subprocess.run(["git", "-C", str(root), "status", "--porcelain",
                             "--untracked-files=all"], capture_output=True, text=True,
                            check=True).stdout
    assert ".lock" not in status and ".tmp" not in status
    assert "registers/verzoeken.csv" in status


def test_check_on_an_example_rule_repository(tmp_path: Path) -> None:
    """The documented example of AVG004: the leftover is reported, the register is not."""
    root = write_repo(tmp_path, {"avgctl.yaml": "organisatie: {naam: X}\n",
                                 F: CSV, "registers/.verzoeken.csv.avgctl-3f9a1c2e.tmp": "x"})
    hits = [f for f in check_repo(root) if f.code == "AVG004"]
    assert [(h.location.file, h.location.line) for h in hits] == [
        ("registers/.verzoeken.csv.avgctl-3f9a1c2e.tmp", 1)]
    assert slot.is_slotbestand(".verzoeken.csv.lock")

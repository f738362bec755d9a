"""One writer per register file, the way git does it: a lock held from read to rename.

The lock is ``fcntl.flock`` on a small file beside the register file (``.NAAM.lock``). The
kernel releases it when the process ends, however it ends, so a ``kill -9`` never leaves a
stale lock behind; the lock file itself stays (removing it would let two writers lock two
different files of the same name). A second writer waits a short, bounded time and is then
refused with a message that names the file: a change is never silently overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from avgctl.errors import AvgctlError
from avgctl.store.yamlfile import os_reason

WACHTTIJD = 10.0  # seconds a second writer waits before it is refused
# The wait can be set for the environment (a slow network share, or a test that wants the
# refusal): seconds, 0 means refuse at once.
WACHTTIJD_VARIABELE = "AVGCTL_WACHTTIJD"
_STAP = 0.01
_MAX_STAP = 0.05
SLOT_ACHTERVOEGSEL = ".lock"

# The locks this process holds, by resolved path: a nested take of the same lock is a no-op
# (a second flock on a new descriptor would wait for this very process), and the writers can
# check that their caller took the lock.
_vast: dict[Path, int] = {}


def slotbestand(path: Path) -> Path:
    return path.parent / f".{path.name}{SLOT_ACHTERVOEGSEL}"


def is_slotbestand(name: str) -> bool:
    return name.startswith(".") and name.endswith(SLOT_ACHTERVOEGSEL)


def _sleutel(path: Path) -> Path:
    return Path(os.path.abspath(path))


def vastgehouden(path: Path) -> bool:
    """Whether this process holds the write lock of ``path``."""
    return _sleutel(path) in _vast


def eis_slot(path: Path) -> None:
    """A register writer calls this first: writing without the lock is a programming error."""
    if not vastgehouden(path):
        raise RuntimeError(f"{path} wordt geschreven zonder schrijfslot")


def wachttijd() -> float:
    value = os.environ.get(WACHTTIJD_VARIABELE)
    if value is None:
        return WACHTTIJD
    try:
        return max(0.0, float(value))
    except ValueError:
        return WACHTTIJD


def _open(lock: Path, path: Path) -> int:
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        # O_NOFOLLOW: a lock file that is a link (in a hostile checkout) must not make avgctl
        # create or open a file somewhere else.
        return os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        reden = (f"{lock.name} is een koppeling (symlink); verwijder die" if exc.errno
                 == errno.ELOOP else os_reason(exc))
        raise AvgctlError(f"{path} kan niet worden vergrendeld om te schrijven: {reden}; er "
                          "is niets geschreven") from exc


@contextlib.contextmanager
def schrijfslot(path: Path, wacht: float | None = None) -> Iterator[None]:
    """Hold the exclusive write lock of ``path`` for the duration of the block.

    Take it *before* reading the file a change is based on, and keep it until after the atomic
    rename: only then can no other writer slip in between the comparison and the write.
    ``path`` may be a folder (for choosing the name of a new file in it) or a file that does
    not exist yet.
    """
    sleutel = _sleutel(path)
    if sleutel in _vast:
        yield
        return
    lock = slotbestand(path)
    fd = _open(lock, path)
    try:
        einde = time.monotonic() + (wachttijd() if wacht is None else wacht)
        stap = _STAP
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= einde:
                    raise AvgctlError(
                        f"{path} wordt op dit moment door een andere avgctl-opdracht "
                        f"gewijzigd; er is niets geschreven. Wacht tot die klaar is en draai "
                        f"de opdracht opnieuw (de vergrendeling {lock.name} vervalt vanzelf "
                        "zodra die opdracht stopt; verwijder dat bestand niet)") from None
                time.sleep(min(stap, max(0.0, einde - time.monotonic())))
                stap = min(stap * 1.5, _MAX_STAP)
            except OSError as exc:
                raise AvgctlError(f"{path} kan niet worden vergrendeld om te schrijven: "
                                  f"{os_reason(exc)}; er is niets geschreven") from exc
        _vast[sleutel] = fd
        try:
            yield
        finally:
            del _vast[sleutel]
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def in_gebruik(path: Path) -> bool:
    """Whether another process holds the write lock of ``path`` right now (for telling a
    write in progress from what a killed one left behind). Creates nothing."""
    if vastgehouden(path):
        return True
    try:
        fd = os.open(slotbestand(path), os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False  # no lock file: nobody has ever locked it, so nobody holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # also releases the shared lock, at once
    return False

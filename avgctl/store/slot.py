"""One writer per register file, the way git does it: a lock held from read to rename.

The lock is ``fcntl.flock`` on a small file beside the register file (``.NAAM.lock``). The
kernel releases it when the process ends, however it ends, so a ``kill -9`` never leaves a
stale lock behind. A second writer waits a short, bounded time and is then refused with a
message that names the file: a change is never silently overwritten.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from avgctl.errors import AvgctlError
from avgctl.store.yamlfile import os_reason

WACHTTIJD = 10.0  # seconds a second writer waits before it is refused
_STAP = 0.02


def slotbestand(path: Path) -> Path:
    return path.parent / f".{path.name}.lock"


@contextlib.contextmanager
def schrijfslot(path: Path, wachttijd: float = WACHTTIJD) -> Iterator[None]:
    """Hold the exclusive write lock of ``path`` for the duration of the block.

    Take it *before* reading the file a change is based on, and keep it until after the atomic
    rename: only then can no other writer slip in between the comparison and the write.
    """
    lock = slotbestand(path)
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise AvgctlError(f"{path} kan niet worden vergrendeld om te schrijven: "
                          f"{os_reason(exc)}") from exc
    try:
        einde = time.monotonic() + wachttijd
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= einde:
                    raise AvgctlError(
                        f"{path} wordt op dit moment door een andere avgctl-opdracht "
                        f"gewijzigd; er is niets geschreven. Wacht tot die klaar is en draai "
                        f"de opdracht opnieuw") from None
                time.sleep(_STAP)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock

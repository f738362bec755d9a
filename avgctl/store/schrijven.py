"""Writing files safely: whole or not at all, and nothing left behind.

The new content goes to a temporary file beside the target, ``.NAAM.avgctl-XXXXXXXX.tmp``,
which is then renamed over it. A process that is killed between the two leaves that file; the
next write to the same file (which holds its lock, see ``slot``) removes it, and ``avgctl
check`` mentions it until then.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path

from avgctl.errors import AvgctlError
from avgctl.store import slot
from avgctl.store.yamlfile import os_reason

TIJDELIJK_MERK = ".avgctl-"
TIJDELIJK_ACHTERVOEGSEL = ".tmp"
# ".NAAM.avgctl-XXXXXXXX.tmp", and ".NAAM.XXXXXXXX.tmp" as tempfile.mkstemp made them in
# earlier versions of avgctl.
_TIJDELIJK = re.compile(r"^\.(?P<naam>.+?)(?:\.avgctl-[0-9a-f]{8}|\.[a-z0-9_]{8})\.tmp$")


def tijdelijk_van(name: str) -> str | None:
    """The name of the file a temporary file of avgctl was for, or None when it is not one."""
    match = _TIJDELIJK.match(name)
    return match.group("naam") if match else None


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def achtergebleven(directory: Path) -> list[Path]:
    """Temporary files in ``directory`` that no running avgctl is writing: left behind by a
    process that was killed (or lost its power) between writing and renaming."""
    try:
        names = sorted(entry.name for entry in os.scandir(directory))
    except OSError:
        return []
    found = []
    for name in names:
        doel = tijdelijk_van(name)
        if doel is None:
            continue
        target = directory / doel
        # A writer holds the lock of the file (and, for a new file, of its folder) for as
        # long as its temporary file exists.
        if not slot.in_gebruik(target) and not slot.in_gebruik(directory):
            found.append(directory / name)
    return found


def ruim_op(path: Path) -> None:
    """Remove what killed writers of ``path`` left behind. Only under ``path``'s lock: then no
    other avgctl can be writing it."""
    if not slot.vastgehouden(path):
        return
    try:
        names = [entry.name for entry in os.scandir(path.parent)]
    except OSError:
        return
    for name in names:
        if tijdelijk_van(name) == path.name:
            try:
                (path.parent / name).unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise AvgctlError(f"{path.parent / name} is achtergebleven van een afgebroken "
                                  f"schrijfactie en kan niet worden verwijderd: "
                                  f"{os_reason(exc)}") from exc


def _sync_map(directory: Path) -> None:
    """fsync the folder, so that the rename itself survives a power cut (ext4, xfs)."""
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):  # not supported there
            raise AvgctlError(f"{directory} kon niet op schijf worden vastgelegd: "
                              f"{os_reason(exc)}; controleer of de wijziging er staat") from exc
    finally:
        os.close(fd)


def _maak_tijdelijk(path: Path) -> tuple[int, Path]:
    while True:
        temp = path.parent / f".{path.name}{TIJDELIJK_MERK}{secrets.token_hex(4)}" \
                             f"{TIJDELIJK_ACHTERVOEGSEL}"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue


def atomic_write(path: Path, data: bytes, nieuw: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    ``os.replace`` is atomic on one file system, so a reader (or a crash) sees either the old
    file or the complete new one, never half of it. With ``nieuw`` the file must not exist
    yet: it is never replaced, also not when another program creates it at the same moment.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ruim_op(path)
        handle, temp = _maak_tijdelijk(path)
    except OSError as exc:
        raise AvgctlError(f"{path} kan niet worden geschreven: {os_reason(exc)}") from exc
    try:
        try:
            # Created private (0600); give it the mode the file had, or the mode a newly
            # created file gets under the user's umask.
            os.fchmod(handle, _mode(path))
            with os.fdopen(handle, "wb") as stream:
                handle = -1
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            if nieuw:
                _link(temp, path)
            else:
                os.replace(temp, path)
        finally:
            if handle != -1:
                os.close(handle)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise AvgctlError(f"{path} kan niet worden geschreven: {os_reason(exc)}") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_map(path.parent)


def _link(temp: Path, path: Path) -> None:
    """Give ``temp`` the name ``path`` only if that name is free, then drop ``temp``."""
    try:
        os.link(temp, path)
    except FileExistsError:
        temp.unlink(missing_ok=True)
        raise AvgctlError(f"{path} bestaat al; er is niets geschreven") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
            raise
        # A file system without hard links: under the lock, a check before the rename is
        # as good.
        if path.exists() or path.is_symlink():
            temp.unlink(missing_ok=True)
            raise AvgctlError(f"{path} bestaat al; er is niets geschreven") from None
        os.replace(temp, path)
        return
    temp.unlink()

"""Writing files safely: whole or not at all."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from avgctl.errors import AvgctlError
from avgctl.store.yamlfile import os_reason


def _mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    ``os.replace`` is atomic on one file system, so a reader (or a crash) sees either the old
    file or the complete new one, never half of it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise AvgctlError(f"{path} kan niet worden geschreven: {os_reason(exc)}") from exc
    try:
        # mkstemp creates the file private (0600); give it the mode the file had, or the
        # mode a newly created file gets under the user's umask.
        os.chmod(temp, _mode(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise AvgctlError(f"{path} kan niet worden geschreven: {os_reason(exc)}") from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise

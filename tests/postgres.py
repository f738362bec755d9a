"""A throwaway PostgreSQL server for the tests: a real server, never a mock.

It comes from Debian's ``postgresql`` package (``make test`` installs it when it can). The server
runs in a temporary folder on a free loopback port with trust authentication, as the
``postgres`` user when the tests run as root (PostgreSQL refuses to run as root), and is stopped
and removed when the test session ends. Without the package the tests that need it skip and say
why.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SKIP_REDEN = ("PostgreSQL is niet geïnstalleerd (Debian-pakket 'postgresql'); 'make test' "
              "installeert het als root met apt-get. Deze test slaat over.")


def _bin() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                      else 0)
    return versions[-1].parent if versions else None


def beschikbaar() -> bool:
    return _bin() is not None


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str = "avgctl"
    dbname: str = "postgres"

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server() -> Iterator[Server]:
    bindir = _bin()
    if bindir is None:
        raise RuntimeError(SKIP_REDEN)
    root = Path(tempfile.mkdtemp(prefix="avgctl-pg-"))
    data = root / "data"
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C", "TZ": "UTC"}

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, env=env, cwd=root,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "avgctl",
            "-E", "UTF8", "--locale=C", "--no-sync")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", "60",
            "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off "
                  "-c synchronous_commit=off -c full_page_writes=off", "start")
        yield Server("127.0.0.1", port)
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], env=env, cwd=root, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        shutil.rmtree(root, ignore_errors=True)

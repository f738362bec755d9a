"""The git history of register files: when they last changed, and the commits that changed them.

A privacy statement says when it last changed (art. 12 AVG asks for transparent information,
and a reader must be able to see that a statement is current). That date comes from git, not
from the clock, so that rendering the same register twice gives the same bytes. Git runs as a
subprocess with a fixed environment; outside a repository, without git, or when an input has
uncommitted changes, there is no history to give and the caller uses its own day.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

# At most this many commits in a change log: a statement shows a short history, not all of it.
MAX_COMMITS = 10


@dataclass(frozen=True)
class Wijziging:
    """One commit that changed an input: its day and its subject line."""

    datum: dt.date
    onderwerp: str


@dataclass(frozen=True)
class Geschiedenis:
    """What git knows about a set of files.

    ``schoon`` is false when one of the files has changes that are not committed (or is not
    in git at all); the last commit then does not describe what is rendered.
    """

    schoon: bool
    wijzigingen: list[Wijziging] = field(default_factory=list)
    aantal: int = 0  # every commit that changed one of the files, not only the last few

    @property
    def laatst(self) -> dt.date | None:
        return self.wijzigingen[0].datum if self.schoon and self.wijzigingen else None


def _git(root: Path, *args: str) -> str | None:
    git = shutil.which("git")
    if git is None:
        return None
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update({"LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat"})
    try:
        result = subprocess.run([git, "-C", str(root), *args], capture_output=True, env=env,
                                timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", errors="replace")


def geschiedenis(root: Path, rels: list[str]) -> Geschiedenis | None:
    """The history of ``rels`` (paths relative to ``root``), or None outside a git repository."""
    if _git(root, "rev-parse", "--is-inside-work-tree") is None:
        return None
    paths = sorted(set(rels))
    # --porcelain lists modified, staged and untracked files; any of them makes the date unsafe.
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *paths)
    if status is None:
        return None
    log = _git(root, "log", f"-n{MAX_COMMITS}", "--format=%cs%x1f%s", "--", *paths)
    if log is None:  # no commit yet
        return Geschiedenis(schoon=False)
    telling = _git(root, "rev-list", "--count", "HEAD", "--", *paths)
    aantal = int(telling.strip()) if telling and telling.strip().isdigit() else 0
    wijzigingen = []
    for line in log.splitlines():
        datum, _, onderwerp = line.partition("\x1f")
        try:
            wijzigingen.append(Wijziging(dt.date.fromisoformat(datum), onderwerp.strip()))
        except ValueError:
            continue
    return Geschiedenis(schoon=not status.strip() and bool(wijzigingen), wijzigingen=wijzigingen,
                        aantal=aantal)

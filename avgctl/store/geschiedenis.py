"""The git history of register files: when they last changed, the commits that changed them,
and the registers as they were at a revision (``stand``, for ``avgctl diff`` and ``check
--sinds``).

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
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from avgctl.errors import UsageError
from avgctl.store.register import Register

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


# --- the registers as they were at a revision ------------------------------------------------

# What a snapshot holds: the organisation and the registers (DESIGN.md §1), nothing else.
STAND_PADEN = ("avgctl.yaml", "registers")
_GEWOON_BESTAND = ("100644", "100755")  # blobs; links (120000) and submodules are left out


def _git_of_fout(root: Path, *args: str, invoer: bytes | None = None) -> bytes:
    """Run git; a UsageError in Dutch when git is missing or refuses."""
    git = shutil.which("git")
    if git is None:
        raise UsageError("git is niet geïnstalleerd, dus er is geen eerdere versie om mee te "
                         "vergelijken; installeer git")
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update({"LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat"})
    try:
        result = subprocess.run([git, "-C", str(root), *args], capture_output=True, env=env,
                                input=invoer, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"git gaf geen antwoord in {root}: {exc}") from exc
    if result.returncode != 0:
        raise _GitFout(result.stderr.decode("utf-8", errors="replace").strip())
    return result.stdout


class _GitFout(Exception):
    pass


def revisie(root: Path, naam: str) -> str:
    """The commit ``naam`` (a branch, tag, commit or an expression like HEAD~1) stands for.

    A UsageError when ``root`` is not in a git repository or ``naam`` names no commit.
    """
    try:
        _git_of_fout(root, "rev-parse", "--is-inside-work-tree")
    except _GitFout:
        raise UsageError(f"{root} is geen git-repository, dus er is geen eerdere versie om mee "
                         "te vergelijken; zet de registers in git (git init, git add, git "
                         "commit) of geef de map met --repo") from None
    if not naam.strip() or naam.startswith("-"):
        raise UsageError(f"'{naam}' is geen revisie; geef een tak, tag of commit, bijvoorbeeld "
                         "main of HEAD~1")
    # A name that starts with '-' was refused above, so git never reads it as an option.
    try:
        out = _git_of_fout(root, "rev-parse", "--verify", "--quiet", f"{naam}^{{commit}}")
    except _GitFout:
        hint = ""
        if _git_of_fout(root, "rev-parse", "--is-shallow-repository").strip() == b"true":
            hint = ("; deze kloon heeft niet de hele geschiedenis: haal die op met git fetch "
                    "--unshallow (in GitHub Actions: fetch-depth: 0)")
        raise UsageError(f"onbekende revisie '{naam}' in {root}; geef een tak, tag of commit "
                         "die bestaat, bijvoorbeeld main of HEAD~1 (git log --oneline toont "
                         f"de commits){hint}") from None
    return out.decode("ascii").strip()


def uitpakken(root: Path, commit: str, doel: Path) -> list[str]:
    """Write avgctl.yaml and registers/ as they were in ``commit`` under ``doel``.

    The paths are those of ``root``'s folder in the repository (the compliance repository may
    be a folder of a larger one). Returns the files written, relative to ``doel``.
    """
    try:
        listing = _git_of_fout(root, "ls-tree", "-r", "-z", commit, "--", *STAND_PADEN)
    except _GitFout as exc:
        raise UsageError(f"git kan de bestanden van {commit[:12]} niet tonen: {exc}") from None
    entries: list[tuple[str, str]] = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, _, name = item.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split()
        rel = name.decode("utf-8", errors="surrogateescape")
        parts = rel.split("/")
        if kind != "blob" or mode not in _GEWOON_BESTAND or ".." in parts or rel.startswith("/"):
            continue
        entries.append((rel, sha))
    if not entries:
        return []
    try:
        batch = _git_of_fout(root, "cat-file", "--batch",
                             invoer="".join(f"{sha}\n" for _, sha in entries).encode("ascii"))
    except _GitFout as exc:
        raise UsageError(f"git kan de bestanden van {commit[:12]} niet lezen: {exc}") from None
    position = 0
    for rel, _ in entries:
        end = batch.index(b"\n", position)
        size = int(batch[position:end].split()[2])
        content = batch[end + 1:end + 1 + size]
        position = end + 1 + size + 1
        path = doel / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return [rel for rel, _ in entries]


@contextmanager
def stand(root: Path, naam: str) -> Iterator[Register]:
    """The registers as they were at revision ``naam``, loaded like the working tree.

    The files are written to a temporary folder that exists while the block runs; findings
    and skipped records name them by their path in the repository, as usual.
    """
    from avgctl.store.repo import load_register

    commit = revisie(root, naam)
    with tempfile.TemporaryDirectory(prefix="avgctl-stand-") as tmp:
        uitpakken(root, commit, Path(tmp))
        if not (Path(tmp) / "avgctl.yaml").is_file():
            raise UsageError(f"in revisie '{naam}' staat geen avgctl.yaml in deze map: die "
                             "versie heeft geen registers om mee te vergelijken; kies een "
                             "latere revisie")
        yield load_register(Path(tmp))


# --- the revisions of a period (avgctl rapport) ---------------------------------------------

@dataclass(frozen=True)
class Revisie:
    """A commit: its id and the day it was made (committer date)."""

    commit: str
    datum: dt.date


def revisie_voor(root: Path, dag: dt.date, zone: str = "UTC") -> Revisie | None:
    """The last commit made before the start of ``dag`` (in ``zone``) on the current branch,
    or None: outside git, without git, or when no commit is that old."""
    from zoneinfo import ZoneInfo

    begin = dt.datetime.combine(dag, dt.time(0), ZoneInfo(zone))
    uit = _git(root, "log", "-1", "--first-parent", f"--before={begin.isoformat()}",
               "--format=%H%x1f%cs", "HEAD")
    if not uit or "\x1f" not in uit:
        return None
    commit, _, datum = uit.strip().partition("\x1f")
    try:
        return Revisie(commit, dt.date.fromisoformat(datum))
    except ValueError:
        return None


def in_git(root: Path) -> bool:
    """Whether ``root`` is inside a git work tree with at least one commit."""
    return _git(root, "rev-parse", "--verify", "-q", "HEAD") is not None


def commits_tussen(root: Path, van: str | None, tot: str, rels: list[str]) -> list[Wijziging]:
    """The commits after ``van`` (None: from the first) up to and including ``tot`` that
    changed one of ``rels``, newest first, on the current branch."""
    bereik = f"{van}..{tot}" if van else tot
    log = _git(root, "log", "--first-parent", "--format=%cs%x1f%s", bereik, "--", *rels)
    if log is None:
        return []
    result = []
    for line in log.splitlines():
        datum, _, onderwerp = line.partition("\x1f")
        try:
            result.append(Wijziging(dt.date.fromisoformat(datum), onderwerp.strip()))
        except ValueError:
            continue
    return result

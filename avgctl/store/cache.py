"""The outcome of the last checks, kept beside the repository (``.avgctl-cache/``).

``status`` shows the summary of ``check`` (how many errors, warnings, info) and, as every
overview, what could not be read. Running every rule for that line costs as much as ``check``
itself on a large register (DESIGN.md §5). So ``check`` (and a ``status`` that had to run the
rules) notes its outcome under a key, the way ruff and mypy keep their caches, and ``status``
uses it only when the key is exactly the same:

- the content of every file the load could read: ``avgctl.yaml`` and everything under
  ``registers/`` (more than the load reads, never less), with the kind of every entry, so a
  folder that became a file, a new or removed file, a changed byte or a file that can no
  longer be read all give another key;
- avgctl itself: a digest of its own source and data files and the versions of the libraries
  that read and validate (an upgrade, or an edit during development, gives another key);
- the options: the day the check ran for, the day of its moment in the organisation's time
  zone, that zone, and the rules selected.

Not the moment itself: ``status`` without ``--vandaag`` runs at a new moment every time. The
few findings that change with the moment within a day (the 72 hours of a breach,
avgctl.rules.run.KLOK) are not counted in what is kept; the files where they could change
that day are kept instead (``klok``), and ``status`` runs those rules on those files afresh.

Anything else gives another key, and then the rules run. A cache that cannot be read or
written is simply not used. The folder holds a ``.gitignore`` of its own (``*``), and
``avgctl init`` lists it in the repository's ``.gitignore`` as well.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from avgctl.findings import Finding, Location, Severity
from avgctl.store.register import CONFIG_FILE, Context, Overgeslagen

CACHE_DIR = ".avgctl-cache"
CACHE_FILE = "controle.json"
MAX_ENTRIES = 16  # a few days and option sets; the oldest go first
_VERSIE = 2  # of the format of the file


@dataclass
class Uitkomst:
    """What ``status`` needs of a check: the count per severity, and what the full load left
    out or complained about (the same for every day: it depends on the content only)."""

    tellingen: dict[str, int]
    load_findings: list[Finding]
    overgeslagen: list[Overgeslagen]
    # What the status screen counts of the whole register (avgctl.overzicht.status.Feiten),
    # as plain data; content only, like the two lists above.
    feiten: dict[str, Any] | None = None
    # The breach files where a rule of KLOK may find something else later that day; their
    # findings of those rules are not in ``tellingen``.
    klok: list[str] = field(default_factory=list)


def _code_digest() -> str:
    cached = _CODE.get("digest")
    if cached is None:
        import pydantic_core
        import ruamel.yaml

        package = Path(__file__).resolve().parent.parent
        digest = hashlib.sha256()
        digest.update(f"{sys.version}|{pydantic_core.__version__}|"
                      f"{ruamel.yaml.__version__}".encode())
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".yaml", ".json", ".j2", ".csv") and path.is_file():
                digest.update(str(path.relative_to(package)).encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        cached = _CODE["digest"] = digest.hexdigest()
    return cached


_CODE: dict[str, str] = {}


@dataclass(frozen=True)
class Inhoud:
    digest: str  # of the content (see the module docstring)
    stempel: str  # of size, time and inode of every entry: cheap to take again


def inhoud(root: Path) -> Inhoud:
    """Every input of a load, read from disk (see the module docstring)."""
    digest = hashlib.sha256(_code_digest().encode())
    stamps = hashlib.sha256()
    for rel in (CONFIG_FILE, "registers"):
        _add(digest, stamps, str(root), rel, True)
    return Inhoud(digest.hexdigest(), stamps.hexdigest())


def stempel(root: Path) -> str:
    """Only the ``stempel`` of ``inhoud``: whether anything changed since it was taken (a
    check writes its outcome only when nothing changed while it ran)."""
    stamps = hashlib.sha256()
    for rel in (CONFIG_FILE, "registers"):
        _add(None, stamps, str(root), rel, False)
    return stamps.hexdigest()


def _add(digest: Any, stamps: Any, root: str, rel: str, content: bool) -> None:
    # Plain strings and os calls, not pathlib: a register has thousands of files, and
    # making a Path of each cost more than the system calls themselves (DESIGN.md §5).
    path = os.path.join(root, rel)
    try:
        info = os.lstat(path)
    except OSError as exc:
        _both(digest, stamps, f"{rel}\0missing:{exc.errno}\n")
        return
    stamps.update(f"{rel}\0{info.st_mode}:{info.st_size}:{info.st_mtime_ns}:"
                  f"{info.st_ino}\n".encode())
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.readlink(path)
        except OSError as exc:
            target = f"?{exc.errno}"
        _both(digest, stamps, f"{rel}\0link:{target}\n")
        try:
            info = os.stat(path)
        except OSError as exc:
            _both(digest, stamps, f"{rel}\0dangling:{exc.errno}\n")
            return
        stamps.update(f"{info.st_mode}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}\n"
                      .encode())
    if stat.S_ISDIR(info.st_mode):
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            _both(digest, stamps, f"{rel}\0dir:unreadable:{exc.errno}\n")
            return
        _both(digest, stamps, f"{rel}\0dir:{len(names)}\n")
        for name in names:
            _add(digest, stamps, root, f"{rel}/{name}", content)
    elif stat.S_ISREG(info.st_mode):
        if not content:
            return
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            digest.update(f"{rel}\0unreadable:{exc.errno}\n".encode())
            return
        digest.update(f"{rel}\0file:{len(data)}:".encode())
        digest.update(hashlib.sha256(data).digest())
        digest.update(b"\n")
    elif digest is not None:  # a pipe or device: the load refuses it, and says so
        digest.update(f"{rel}\0other:{stat.S_IFMT(info.st_mode)}\n".encode())


def _both(digest: Any, stamps: Any, text: str) -> None:
    if digest is not None:
        digest.update(text.encode())
    stamps.update(text.encode())


def sleutel(content: Inhoud, context: Context, codes: set[str], zone: ZoneInfo) -> str:
    options = json.dumps([_VERSIE, context.vandaag.isoformat(), klokdag(context, zone)
                          .isoformat(), zone.key, sorted(codes)])
    return hashlib.sha256(f"{content.digest}|{options}".encode()).hexdigest()


def klokdag(context: Context, zone: ZoneInfo) -> dt.date:
    """The day of the check's moment in the organisation's zone."""
    return context.moment.astimezone(zone).date()


def lees(root: Path, key: str) -> Uitkomst | None:
    try:
        entries = json.loads((root / CACHE_DIR / CACHE_FILE).read_text(encoding="utf-8"))
        for entry in entries:
            if entry["sleutel"] == key:
                return Uitkomst(
                    tellingen={k: int(v) for k, v in entry["tellingen"].items()},
                    load_findings=[_finding(f) for f in entry["load_findings"]],
                    overgeslagen=[Overgeslagen(**item) for item in entry["overgeslagen"]],
                    feiten=entry.get("feiten"),
                    klok=[str(rel) for rel in entry["klok"]])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no cache, or one from another version: the rules run
    return None


def schrijf(root: Path, key: str, uitkomst: Uitkomst) -> None:
    from avgctl.store.schrijven import atomic_write

    folder = root / CACHE_DIR
    entry = {"sleutel": key, "tellingen": uitkomst.tellingen,
             "load_findings": [_json(f) for f in uitkomst.load_findings],
             "overgeslagen": [asdict(item) for item in uitkomst.overgeslagen],
             "feiten": uitkomst.feiten, "klok": uitkomst.klok}
    try:
        try:
            entries = json.loads((folder / CACHE_FILE).read_text(encoding="utf-8"))
            if not isinstance(entries, list):
                entries = []
        except (OSError, ValueError):
            entries = []
        entries = [e for e in entries if isinstance(e, dict) and e.get("sleutel") != key]
        entries = [entry, *entries][:MAX_ENTRIES]
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            atomic_write(ignore, b"# Gemaakt door avgctl: deze map hoort niet in git.\n*\n")
        atomic_write(folder / CACHE_FILE, json.dumps(entries, ensure_ascii=False).encode())
    except OSError:
        pass  # a read-only repository: next time the rules run again


def tellingen(findings: list[Finding]) -> dict[str, int]:
    counts = {s.label: 0 for s in Severity}
    for finding in findings:
        counts[finding.severity.label] += 1
    return counts


def _json(finding: Finding) -> dict[str, Any]:
    return {"code": finding.code, "severity": finding.severity.name,
            "message": finding.message, "file": finding.location.file,
            "line": finding.location.line, "column": finding.location.column,
            "hint": finding.hint, "title": finding.title}


def _finding(data: dict[str, Any]) -> Finding:
    return Finding(code=data["code"], severity=Severity[data["severity"]],
                   message=data["message"],
                   location=Location(data["file"], data["line"], data["column"]),
                   hint=data["hint"], title=data["title"])

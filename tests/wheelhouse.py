"""A wheelhouse made from what is installed here, so that pip can install avgctl with no network.

pre-commit builds a fresh environment for a `language: python` hook and runs `pip install .` in
a clone of the hook repository. With ``PIP_NO_INDEX`` and ``PIP_FIND_LINKS`` pointing here, pip
takes everything from this folder: avgctl's dependencies (and setuptools, to build avgctl) are
packed back into wheels from the files their installation recorded (the RECORD of each
``.dist-info``), with the tags of the wheels they were installed from.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

# Written by the installer, not part of the wheel: pip writes them again.
_INSTALL_FILES = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(roots: list[str]) -> dict[str, metadata.Distribution]:
    """The installed distributions ``roots`` need, with their dependencies (extras followed)."""
    found: dict[str, metadata.Distribution] = {}
    todo = [Requirement(r) for r in roots]
    while todo:
        requirement = todo.pop()
        name = _norm(requirement.name)
        dist = metadata.distribution(requirement.name)
        first = name not in found
        found[name] = dist
        extras = set(requirement.extras)
        for text in dist.requires or []:
            sub = Requirement(text)
            wanted = sub.marker is None or any(sub.marker.evaluate({"extra": e})
                                               for e in extras | {""})
            if wanted and (first or sub.marker is not None) and _norm(sub.name) not in found:
                todo.append(sub)
    return found


def _tag(dist: metadata.Distribution) -> str:
    wheel = dist.read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip() for line in wheel.splitlines()
            if line.startswith("Tag:")]
    if not tags:  # installed from a source distribution: pure Python
        return "py3-none-any"
    # One name for all tags: "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64".
    parts = [t.split("-") for t in tags]
    return "-".join(".".join(dict.fromkeys(p[i] for p in parts)) for i in range(3))


def repack(dist: metadata.Distribution, folder: Path) -> Path:
    """One installed distribution as a wheel in ``folder``."""
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    version = dist.version
    target = folder / f"{name}-{version}-{_tag(dist)}.whl"
    records: list[tuple[str, str, str]] = []
    info_dir = ""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for entry in dist.files or []:
            rel = entry.as_posix()
            parts = entry.parts
            if rel.startswith("../") or "__pycache__" in parts or rel.endswith(".pyc"):
                continue
            if parts[0].endswith(".dist-info"):
                info_dir = parts[0]
                if parts[-1] in _INSTALL_FILES and len(parts) == 2:
                    continue
            path = Path(str(dist.locate_file(entry)))
            if not path.is_file():
                continue
            data = path.read_bytes()
            wheel.writestr(rel, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            records.append((rel, f"sha256={digest.decode()}", str(len(data))))
        if not info_dir:
            raise RuntimeError(f"{name}: geen .dist-info in de installatie")
        record = f"{info_dir}/RECORD"
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerows([*records, (record, "", "")])
        wheel.writestr(record, buffer.getvalue())
    return target


def build(folder: Path, roots: list[str], without: tuple[str, ...] = ()) -> list[Path]:
    """Wheels for ``roots`` and everything they need, from this environment, except
    ``without`` (a project installed from its source tree has no files to pack)."""
    folder.mkdir(parents=True, exist_ok=True)
    skip = {_norm(name) for name in without}
    return [repack(dist, folder) for name, dist in sorted(closure(roots).items())
            if name not in skip]

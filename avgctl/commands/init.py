"""``avgctl init [DIR]``: a new compliance repository, empty or with the example, and with
``--ci`` the workflow that runs avgctl in GitHub Actions or GitLab CI."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from avgctl.errors import EXIT_OK, AvgctlError, UsageError
from avgctl.output import init as output
from avgctl.render import render
from avgctl.store.schema import json_schemas
from avgctl.store.schrijven import atomic_write

SCHEMA_LINE = "# yaml-language-server: $schema={}\n"
# Which schema each example file gets, by where it lies.
SCHEMA_FOR_DIR = {
    "registers/verwerkingen": "../../schemas/verwerking.schema.json",
    "registers/datalekken": "../../schemas/datalek.schema.json",
    "registers/verzoeken": "../../schemas/verzoek.schema.json",
    "registers/inventaris": "../../schemas/kaart.schema.json",
}
SCHEMA_FOR_FILE = {
    "avgctl.yaml": "schemas/avgctl.schema.json",
    "registers/partijen.yaml": "../schemas/partijen.schema.json",
    "registers/bewaartermijnen.yaml": "../schemas/bewaartermijnen.schema.json",
    "registers/herstel.yaml": "../schemas/herstel.schema.json",
}


# Where each CI service reads its workflow, and the template that makes it.
CI_BESTANDEN = {"github": (".github/workflows/avgctl.yml", "init/ci/github.yml.j2"),
                "gitlab": (".gitlab-ci.yml", "init/ci/gitlab-ci.yml.j2")}
# What the workflow installs when --bron is not given: clearly an example, to be filled in.
VOORBEELD_BRON = "git+https://git.example.org/organisatie/avgctl.git@v0.1.0"


def run(directory: Path, voorbeeld: bool, ci: str | None = None, bron: str | None = None,
        verklaringen: str = "website/privacy") -> int:
    if ci is None and bron is not None:
        raise UsageError("--bron hoort bij --ci; geef ook --ci github of --ci gitlab")
    bestaand = ci is not None and (directory / "avgctl.yaml").is_file()
    if bestaand and voorbeeld:
        raise UsageError(f"{directory} is al een compliance-repository (er staat een "
                         "avgctl.yaml); --voorbeeld kan alleen in een nieuwe map. Laat "
                         "--voorbeeld weg om alleen de workflow te schrijven")
    files: dict[str, bytes] = {}
    if ci is not None:  # checked before anything is written
        files.update(workflow(ci, bron, verklaringen))
    if not bestaand:  # a new repository; in an existing one --ci adds only the workflow
        files.update(_voorbeeld() if voorbeeld else _minimaal())
        files.update(_gemeenschappelijk())
    existing = sorted(rel for rel in files if (directory / rel).exists())
    if existing:
        raise AvgctlError(
            f"{directory} bevat al {', '.join(existing)}; avgctl init overschrijft niets. "
            "Kies een lege map, of verwijder of hernoem deze bestanden eerst")
    written: list[Path] = []
    try:
        for rel, data in sorted(files.items()):
            atomic_write(directory / rel, data, nieuw=True)  # never over a file made meanwhile
            written.append(directory / rel)
    except BaseException:
        for path in written:  # all or nothing: a retry must not find half a repository
            path.unlink(missing_ok=True)
        raise
    if bestaand:
        output.workflow(directory, sorted(files), bron is None)
    else:
        output.created(directory, sorted(files), voorbeeld, ci is not None and bron is None)
    return EXIT_OK


def workflow(ci: str, bron: str | None, verklaringen: str) -> dict[str, bytes]:
    """The CI workflow file of ``ci``, as path and content."""
    if ci not in CI_BESTANDEN:
        raise UsageError(f"onbekende CI-dienst {ci!r}; kies uit: {', '.join(CI_BESTANDEN)}")
    for naam, waarde in (("--bron", bron), ("--verklaringen", verklaringen)):
        if waarde is not None and (not waarde.strip() or any(c in waarde for c in "\r\n")):
            raise UsageError(f"{naam} moet een adres of pad op één regel zijn")
    pad, template = CI_BESTANDEN[ci]
    # JSON strings are YAML strings too: quoted, whatever the address or path holds.
    context = {"bron": json.dumps(bron or VOORBEELD_BRON, ensure_ascii=False),
               "voorbeeld_bron": bron is None, "verklaringen": verklaringen,
               "verklaringen_yaml": json.dumps(verklaringen, ensure_ascii=False)}
    return {pad: render(template, context).encode("utf-8")}


def _minimaal() -> dict[str, bytes]:
    files = {
        "avgctl.yaml": _template("init/avgctl.yaml.j2"),
        "registers/partijen.yaml": _template("init/partijen.yaml.j2"),
        "registers/bewaartermijnen.yaml": _template("init/bewaartermijnen.yaml.j2"),
        # git keeps no empty folders; these hold the place of the register folders
        "registers/verwerkingen/.gitkeep": b"",
        "registers/datalekken/.gitkeep": b"",
    }
    files["README.md"] = _template("init/README.md.j2")
    return files


def _voorbeeld() -> dict[str, bytes]:
    """The built-in example, each YAML file with the line that tells editors its schema."""
    root = resources.files("avgctl").joinpath("voorbeeld")
    files: dict[str, bytes] = {}
    for rel in _walk(Path(str(root))):
        data = (Path(str(root)) / rel).read_bytes()
        schema = SCHEMA_FOR_FILE.get(rel) or SCHEMA_FOR_DIR.get(rel.rsplit("/", 1)[0])
        if schema is not None and rel.endswith(".yaml"):
            data = SCHEMA_LINE.format(schema).encode("utf-8") + data
        files[rel] = data
    if not files:
        raise AvgctlError("het ingebouwde voorbeeld ontbreekt in deze installatie van avgctl")
    files["README.md"] = _template("init/README.md.j2", naam="het voorbeeldkantoor")
    return files


def _walk(root: Path) -> list[str]:
    # os.walk with followlinks: in a source checkout the example folders are links.
    found = []
    for folder, dirs, names in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        found += [(Path(folder) / name).relative_to(root).as_posix() for name in names]
    return sorted(found)


def _gemeenschappelijk() -> dict[str, bytes]:
    files = {".gitignore": _template("init/gitignore.j2")}
    for naam, schema in json_schemas().items():
        files[f"schemas/{naam}.schema.json"] = (
            json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        ).encode("utf-8")
    return files


def _template(name: str, naam: str = "") -> bytes:
    return render(name, {"naam": naam}).encode("utf-8")

"""``avgctl init [DIR]``: a new compliance repository, empty or with the example."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from avgctl.errors import EXIT_OK, AvgctlError
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


def run(directory: Path, voorbeeld: bool) -> int:
    files = _voorbeeld() if voorbeeld else _minimaal()
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
    output.created(directory, sorted(files), voorbeeld)
    return EXIT_OK


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

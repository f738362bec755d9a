"""``avgctl schema [NAAM] [--out MAP]``: the JSON Schemas of the file formats, for editors."""

from __future__ import annotations

from pathlib import Path

from avgctl.errors import EXIT_OK, UsageError
from avgctl.output import schema as output
from avgctl.store.schema import FILE_FOR, SCHEMAS, dump, file_name, json_schema, json_schemas
from avgctl.store.schrijven import atomic_write
from avgctl.store.yamlfile import os_reason


def run(out: Path | None, naam: str | None) -> int:
    if naam is not None and naam not in SCHEMAS:
        raise UsageError(f"onbekend schema {naam!r}; kies uit: {', '.join(SCHEMAS)}")
    namen = [naam] if naam is not None else list(SCHEMAS)
    if out is None:
        # One name gives that schema itself, so it can be redirected straight into a file;
        # all of them come as one JSON object keyed by name.
        document = json_schema(naam) if naam is not None else json_schemas()
        output.write_json(dump(document))
        return EXIT_OK
    _make_dir(out)
    for n in namen:
        path = out / file_name(n)
        atomic_write(path, dump(json_schema(n)).encode("utf-8"))
        output.written(path, FILE_FOR[n])
    return EXIT_OK


def _make_dir(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UsageError(f"{out} is een bestand, maar hier wordt een map verwacht") from None
    except OSError as exc:
        raise UsageError(f"map {out} kan niet worden gemaakt: {os_reason(exc)}") from None

"""Reading and writing ``registers/herstel.yaml``, the restored backups (models/herstel.py)."""

from __future__ import annotations

from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from avgctl.errors import UsageError
from avgctl.models.herstel import Herstel
from avgctl.store.register import HERSTEL_FILE as HERSTEL_FILE
from avgctl.store.schemafout import translate_all
from avgctl.store.schrijven import atomic_write
from avgctl.store.slot import eis_slot
from avgctl.store.yamlfile import LoadError, dump_yaml, load_yaml

KOP = ("# Teruggezette back-ups, bijgehouden door 'avgctl verzoek herstel'. Per verzoek zegt\n"
       "# 'opnieuw_toegepast_op' in het verzoekenregister dat een wissing of correctie na het\n"
       "# terugzetten opnieuw is uitgevoerd.\n")
_LIJST = TypeAdapter(list[Herstel])


def lees(root: Path) -> list[Herstel]:
    """The restores, oldest first; none when the file is not there. A file that cannot be read
    stops the command (exit 2), with the place and what to do."""
    path = root / HERSTEL_FILE
    if not path.exists():
        return []
    try:
        doc = load_yaml(path, HERSTEL_FILE)
    except LoadError as exc:
        raise UsageError(f"{HERSTEL_FILE}:{exc.line}:{exc.column}: {exc.message}") from None
    data = doc.data if doc.data is not None else []
    try:
        return _LIJST.validate_python(data)
    except ValidationError as exc:
        fout, error = translate_all(Herstel, exc.errors(include_url=False))[0]
        line, column = doc.locate(tuple(error["loc"]))
        raise UsageError(f"{HERSTEL_FILE}:{line}:{column}: {fout.message}"
                         + (f" ({fout.hint})" if fout.hint else "")) from None


def schrijf(root: Path, herstellingen: list[Herstel]) -> None:
    """The whole file, atomically; the caller holds its lock (store/slot.py)."""
    path = root / HERSTEL_FILE
    eis_slot(path)
    data = [h.model_dump() for h in _LIJST.validate_python(herstellingen)]
    atomic_write(path, (KOP + dump_yaml(data)).encode("utf-8"))

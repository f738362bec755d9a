"""Finding the compliance repository and loading it into one Register."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from avgctl.errors import UsageError
from avgctl.findings import Finding, Location, Severity
from avgctl.findings import Path as DataPath
from avgctl.models import Bewaartermijn, Config, Datalek, Partij, Verwerking
from avgctl.store.register import (
    BEWAARTERMIJNEN_FILE,
    CONFIG_FILE,
    DATALEKKEN_DIR,
    PARTIJEN_FILE,
    VERWERKINGEN_DIR,
    Bron,
    Register,
)
from avgctl.store.schemafout import translate
from avgctl.store.yamlfile import LoadError, YamlDocument, load_yaml

M = TypeVar("M", bound=BaseModel)

CODE_ONLEESBAAR = "AVG001"
CODE_SCHEMA = "AVG002"
TITLE_ONLEESBAAR = "Bestand is niet te lezen"
TITLE_SCHEMA = "Veld ontbreekt, is onbekend of heeft een verkeerde waarde"


def find_repo(explicit: Path | None, start: Path) -> Path:
    """``--repo`` if given, else the nearest directory at or above ``start`` with avgctl.yaml."""
    if explicit is not None:
        if not explicit.is_dir():
            raise UsageError(f"map {explicit} bestaat niet")
        if not (explicit / CONFIG_FILE).exists():
            raise UsageError(
                f"{explicit} is geen compliance-repository: er staat geen {CONFIG_FILE} in"
            )
        return explicit
    for directory in (start, *start.parents):
        if (directory / CONFIG_FILE).exists():
            return directory
    raise UsageError(
        f"geen compliance-repository gevonden: geen {CONFIG_FILE} in {start} of een map "
        "daarboven; geef de map op met --repo"
    )


def load_register(root: Path) -> Register:
    # Every document keeps its node tree for locating findings: hundreds of thousands of
    # objects that hold no reference cycles. Python's cyclic collector would walk them again
    # and again while they are built (DESIGN.md §5 puts reading within 1.5x the bare parse).
    # Afterwards they are moved out of the collector's sight (gc.freeze) for the same reason:
    # the rules allocate as they go, and each collection would walk the whole register again.
    enabled = gc.isenabled()
    gc.disable()
    try:
        register = _load(root)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return register


def _load(root: Path) -> Register:
    register = Register(root=root)
    loader = _Loader(register)
    config_doc = loader.read(CONFIG_FILE)
    if config_doc is not None:
        config = loader.validate(Config, config_doc, config_doc.data, ())
        if config is not None:
            register.config = Bron(config, config_doc)

    register.partijen_present = (root / PARTIJEN_FILE).exists()
    doc = loader.read(PARTIJEN_FILE) if register.partijen_present else None
    if doc is not None and loader.expect(doc, list, "een lijst van partijen ('- id: ...')"):
        for index, item in enumerate(doc.data):
            partij = loader.validate(Partij, doc, item, (index,))
            if partij is not None:
                register.partijen.append(Bron(partij, doc, (index,)))

    register.bewaartermijnen_present = (root / BEWAARTERMIJNEN_FILE).exists()
    doc = loader.read(BEWAARTERMIJNEN_FILE) if register.bewaartermijnen_present else None
    if doc is not None and loader.expect(doc, dict, "per bewaartermijn 'id: {duur: ...}'"):
        for key, item in doc.data.items():
            termijn = loader.validate(Bewaartermijn, doc, item, (key,))
            if termijn is not None:
                register.bewaartermijnen[key] = Bron(termijn, doc, (key,))

    for rel in _yaml_files(root, VERWERKINGEN_DIR):
        doc = loader.read(rel)
        if doc is not None and loader.expect(doc, dict, "één verwerking met velden"):
            verwerking = loader.validate(Verwerking, doc, doc.data, ())
            if verwerking is not None:
                register.verwerkingen.append(Bron(verwerking, doc))

    for rel in _yaml_files(root, DATALEKKEN_DIR):
        doc = loader.read(rel)
        if doc is not None and loader.expect(doc, dict, "één datalek met velden"):
            datalek = loader.validate(Datalek, doc, doc.data, ())
            if datalek is not None:
                register.datalekken.append(Bron(datalek, doc))
    return register


def _yaml_files(root: Path, rel_dir: str) -> Iterable[str]:
    directory = root / rel_dir
    if not directory.is_dir():
        return []
    names = sorted(
        entry.name for entry in directory.iterdir()
        if entry.name.endswith((".yaml", ".yml")) and not entry.name.startswith(".")
    )
    return [f"{rel_dir}/{name}" for name in names]


class _Loader:
    def __init__(self, register: Register) -> None:
        self.register = register

    def read(self, rel: str) -> YamlDocument | None:
        self.register.files.append(rel)
        try:
            doc = load_yaml(self.register.root / rel, rel)
        except LoadError as exc:
            self._add(CODE_ONLEESBAAR, TITLE_ONLEESBAAR, exc.message, rel, exc.line, exc.column,
                      exc.hint)
            return None
        self.register.documents[rel] = doc
        return doc

    def expect(self, doc: YamlDocument, kind: type, description: str) -> bool:
        if isinstance(doc.data, kind):
            return True
        self._add(CODE_SCHEMA, TITLE_SCHEMA, f"verkeerde opbouw: verwacht {description}",
                  doc.rel, 1, 1, "zie de beschrijving van het bestandsformaat in de README")
        return False

    def validate(self, model: type[M], doc: YamlDocument, data: Any, path: DataPath) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            seen: set[tuple[int, int, str]] = set()
            for error in exc.errors(include_url=False):
                fout = translate(model, error, path)
                line, column = doc.locate(fout.path, fout.key)
                if (line, column, fout.message) in seen:
                    continue  # a union reports once per member tried
                seen.add((line, column, fout.message))
                self._add(CODE_SCHEMA, TITLE_SCHEMA, fout.message, doc.rel, line, column,
                          fout.hint)
            return None

    def _add(self, code: str, title: str, message: str, rel: str, line: int, column: int,
             hint: str) -> None:
        self.register.load_findings.append(Finding(
            code=code, severity=Severity.FOUT, message=message,
            location=Location(rel, line, column), hint=hint, title=title,
        ))

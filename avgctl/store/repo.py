"""Finding the compliance repository and loading it into one Register."""

from __future__ import annotations

import contextlib
import difflib
import gc
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from avgctl.findings import Finding, Location, Severity
from avgctl.findings import Path as DataPath
from avgctl.models import Config
from avgctl.models.verzoek import BEWAREN, GESTRUCTUREERD, Verzoek, split_ids
from avgctl.store.csvfile import CsvDocument, Kolommen, load_csv
from avgctl.store.plaats import find_repo as find_repo
from avgctl.store.register import (
    BEWAARTERMIJNEN_FILE,
    CONFIG_FILE,
    DATALEKKEN_DIR,
    HERSTEL_FILE,
    PARTIJEN_FILE,
    VERWERKINGEN_DIR,
    VERZOEKEN_DIR,
    VERZOEKEN_FILE,
    Bron,
    Document,
    Overgeslagen,
    Register,
    Verzoektabel,
)
from avgctl.store.rijen import Rijen
from avgctl.store.schemafout import buiten_kalender, translate_all
from avgctl.store.schrijven import achtergebleven, tijdelijk_van
from avgctl.store.yamlfile import LoadError, YamlDocument, load_yaml

M = TypeVar("M", bound=BaseModel)
Fout = tuple[str, int, int, str]  # a LoadError as plain data: message, line, column, hint
Verzoekmodus = Literal["alle", "open", "ruw"]
OPEN = ("open", "in_behandeling")  # the statuses of a request that is still running

CODE_ONLEESBAAR = "AVG001"
CODE_SCHEMA = "AVG002"
CODE_KALENDER = "AVG003"
TITLE_ONLEESBAAR = "Bestand is niet te lezen"
TITLE_SCHEMA = "Veld ontbreekt, is onbekend of heeft een verkeerde waarde"
TITLE_KALENDER = "Datum buiten de jaren waarin avgctl termijnen berekent"
# Statuses of a request that has no clock any more; any other value (also a typo) is validated
# when only the open requests are read, so that it is reported instead of left out.
GESLOTEN = ("afgehandeld", "ingetrokken")
# The folders that hold one record per file, and what such a record is called.
_MAPPEN = {VERWERKINGEN_DIR: "verwerking", DATALEKKEN_DIR: "datalek", VERZOEKEN_DIR: "verzoek"}
_BESTANDEN = {VERZOEKEN_FILE: "verzoek", PARTIJEN_FILE: "partij",
              BEWAARTERMIJNEN_FILE: "bewaartermijn", CONFIG_FILE: "instelling",
              HERSTEL_FILE: "herstel"}


def _soort(rel: str) -> tuple[str, bool]:
    """What a record in ``rel`` is, and whether ``rel`` holds exactly one record."""
    folder = rel.rsplit("/", 1)[0]
    if folder in _MAPPEN and rel != folder:
        return _MAPPEN[folder], True
    return _BESTANDEN.get(rel, _MAPPEN.get(rel, "record")), False


# What a command can ask to load; the organisation (avgctl.yaml) always comes along.
ALLES = frozenset({"partijen", "bewaartermijnen", "verwerkingen", "datalekken", "verzoeken"})


def load_register(root: Path, delen: frozenset[str] = ALLES,
                  verzoeken: Verzoekmodus = "alle",
                  datalekken: frozenset[str] | None = None,
                  referentie: str | None = None, bewaren: bool = True,
                  verzoekvelden: tuple[str, ...] | None = None) -> Register:
    """Load the repository, or only the parts a command needs (``delen``).

    ``verzoeken="ruw"`` reads the request register without validating its rows (enough to
    find the next free reference); ``"open"`` validates only the rows whose status is open or
    in behandeling (all a deadline overview needs). Both are far quicker on 100,000 requests.
    ``datalekken`` names the breach files to read (default: the whole folder). With
    ``referentie``, only the rows of the request register with that reference are validated
    (one request on screen); the register is still read to its end, so a broken file is
    reported as always. ``bewaren=False``: the cells retention reads are not kept while
    reading (``CsvDocument.kolommen`` then reads them again, should they be asked for).
    With ``verzoekvelden`` (and ``verzoeken="alle"``), the valid rows of the request register
    are kept as the columns of those fields (``Register.verzoektabel``) instead of as models:
    every row is validated as always, and a wrong one is reported as always.
    """
    # Every document keeps its node tree for locating findings: hundreds of thousands of
    # objects that hold no reference cycles. Python's cyclic collector would walk them again
    # and again while they are built (DESIGN.md §5 puts reading within 1.5x the bare parse).
    # Afterwards they are moved out of the collector's sight (gc.freeze) for the same reason:
    # the rules allocate as they go, and each collection would walk the whole register again.
    enabled = gc.isenabled()
    gc.disable()
    try:
        register = _load(root, delen, verzoeken, datalekken, referentie, bewaren,
                         verzoekvelden)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return register


def _load(root: Path, delen: frozenset[str], verzoeken: Verzoekmodus,
          alleen_lekken: frozenset[str] | None = None,
          referentie: str | None = None, bewaren: bool = True,
          verzoekvelden: tuple[str, ...] | None = None) -> Register:
    register = Register(root=root)
    loader = _Loader(register)
    loader.referentie = referentie
    loader.bewaren = bewaren
    loader.verzoekvelden = verzoekvelden if verzoeken == "alle" else None
    # With a second core, part of the record folders is parsed in a worker process while this
    # process reads the small files, the request register and the rest of the folders.
    activiteiten = loader.yaml_files(VERWERKINGEN_DIR) if "verwerkingen" in delen else []
    lekken = loader.yaml_files(DATALEKKEN_DIR) if "datalekken" in delen else []
    if alleen_lekken is not None:
        lekken = [rel for rel in lekken if rel in alleen_lekken]
    csv_bytes = 0
    if "verzoeken" in delen:
        with contextlib.suppress(OSError):
            csv_bytes = (root / VERZOEKEN_FILE).stat().st_size
    # Not when every request is validated and there are many: this process then holds the
    # large part of the register, and the worker's copy of what it parsed comes on top of it
    # while it is handed over (DESIGN.md §5 keeps the whole tree under 300 MB). The time that
    # costs is small beside the request register itself.
    if verzoeken != "alle" or csv_bytes < GROOT_CSV:
        loader.prefetch([*activiteiten, *lekken],
                        csv_bytes * (CSV_KOSTEN_OPEN if verzoeken == "open" else CSV_KOSTEN))
    try:
        _load_rest(root, register, loader, delen, activiteiten, lekken, verzoeken)
    finally:
        loader.close()
    register.achtergebleven = _achtergebleven(root)
    return register


def _achtergebleven(root: Path) -> list[tuple[str, str]]:
    """What killed writes left in the folders avgctl writes registers to (see schrijven)."""
    found = []
    for rel_dir in ("", "registers", VERWERKINGEN_DIR, DATALEKKEN_DIR, VERZOEKEN_DIR):
        directory = root / rel_dir
        for path in achtergebleven(directory):
            prefix = f"{rel_dir}/" if rel_dir else ""
            found.append((prefix + path.name, prefix + (tijdelijk_van(path.name) or "")))
    return found


def _load_rest(root: Path, register: Register, loader: _Loader, delen: frozenset[str],
               activiteiten: list[str], lekken: list[str], verzoeken: Verzoekmodus) -> None:
    config_doc = loader.read(CONFIG_FILE)
    if config_doc is not None and loader.expect(
            config_doc, dict, "de velden 'organisatie:' en 'beleid:'"):
        config = loader.validate(Config, config_doc, config_doc.data, ())
        if config is not None:
            register.config = Bron(config, config_doc)

    register.partijen_present = _present(root / PARTIJEN_FILE)
    doc = (loader.read(PARTIJEN_FILE) if register.partijen_present and "partijen" in delen
           else None)
    # Each model is imported (and so built) only when its records are read: the list of
    # requests needs neither parties nor breaches.
    if doc is not None and loader.expect(doc, list, "een lijst van partijen ('- id: ...')"):
        from avgctl.models import Partij

        for index, item in enumerate(doc.data):
            partij = loader.validate(Partij, doc, item, (index,))
            if partij is not None:
                register.partijen.append(Bron(partij, doc, (index,)))
            elif isinstance(item, dict):
                loader.invalid(PARTIJEN_FILE, item.get("id"))

    register.bewaartermijnen_present = _present(root / BEWAARTERMIJNEN_FILE)
    doc = (loader.read(BEWAARTERMIJNEN_FILE)
           if register.bewaartermijnen_present and "bewaartermijnen" in delen else None)
    if doc is not None and loader.expect(doc, dict, "per bewaartermijn 'id: {duur: ...}'"):
        from avgctl.models import Bewaartermijn

        for key, item in doc.data.items():
            termijn = loader.validate(Bewaartermijn, doc, item, (key,))
            if termijn is not None:
                register.bewaartermijnen[key] = Bron(termijn, doc, (key,))
            else:
                loader.invalid(BEWAARTERMIJNEN_FILE, key)

    if "verzoeken" in delen and _present(root / VERZOEKEN_FILE):
        loader.verzoeken_csv(VERZOEKEN_FILE, verzoeken)

    if activiteiten:
        from avgctl.models import Verwerking
    for rel in activiteiten:
        doc = loader.read(rel)
        if doc is not None and loader.expect(doc, dict, "één verwerking met velden"):
            verwerking = loader.validate(Verwerking, doc, doc.data, ())
            if verwerking is not None:
                register.verwerkingen.append(Bron(verwerking, doc))
            else:  # still known by its id: a reference to it is not "unknown" (AVG713, AVG808)
                loader.invalid(VERWERKINGEN_DIR, str(doc.data.get("id", "")))

    if lekken:
        from avgctl.models import Datalek
    for rel in lekken:
        doc = loader.read(rel)
        if doc is not None and loader.expect(doc, dict, "één datalek met velden"):
            datalek = loader.validate(Datalek, doc, doc.data, ())
            if datalek is not None:
                register.datalekken.append(Bron(datalek, doc))
            else:
                loader.invalid(DATALEKKEN_DIR, str(doc.data.get("referentie", "")))

    for rel in loader.yaml_files(VERZOEKEN_DIR) if "verzoeken" in delen else []:
        doc = loader.read(rel)
        if doc is not None and loader.expect(doc, dict, "één verzoek met velden"):
            verzoek = loader.validate(Verzoek, doc, doc.data, ())
            if verzoek is not None:
                register.verzoeken.append(Bron(verzoek, doc))

    # The restored backups say which requests must be carried out again: a damaged file is
    # reported like any register file, so that no overview looks complete without it.
    doc = (loader.read(HERSTEL_FILE)
           if "verzoeken" in delen and _present(root / HERSTEL_FILE) else None)
    if doc is not None and doc.data is not None and loader.expect(
            doc, list, "een lijst van teruggezette back-ups ('- backup: ...')"):
        from avgctl.models.herstel import Herstel

        for index, item in enumerate(doc.data):
            herstel = loader.validate(Herstel, doc, item, (index,))
            if herstel is not None:
                register.herstellingen.append(Bron(herstel, doc, (index,)))


def cores() -> int:
    """The processors this process may run on: ``taskset`` or a container can allow fewer
    than the machine has, and extra processes on one core only add work."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _present(path: Path) -> bool:
    return path.exists() or path.is_symlink()  # a dangling link is reported, not ignored


# From this many files on, part of the one-file-per-record folders is parsed in a worker
# process. Parsing is the bulk of the work (DESIGN.md §5) and parallelises cleanly; below this
# the cost of starting the worker is more than it saves. One worker, not one per core: each
# process holds a copy of what it parsed until it is handed over, and the machine's other core
# is this process itself.
PARALLEL_FROM = 300
# Rough costs in seconds per byte, measured on the benchmark organisation, to divide the work
# so that the worker and this process finish at about the same time.
YAML_KOSTEN = 0.2e-6
CSV_KOSTEN = 0.035e-6  # every request validated
CSV_KOSTEN_OPEN = 0.012e-6  # only the open ones
GROOT_CSV = 2 * 1024 * 1024  # about 13,000 requests


def _parse_chunk(root: Path, rels: list[str]) -> list[tuple[str, str | None, Any, Fout | None]]:
    """Worker: parse files; return plain data only (node trees stay behind, see locate)."""
    results: list[tuple[str, str | None, Any, Fout | None]] = []
    for rel in rels:
        try:
            doc = load_yaml(root / rel, rel)
        except LoadError as exc:
            results.append((rel, None, None, (exc.message, exc.line, exc.column, exc.hint)))
        else:
            results.append((rel, doc.text, doc.data, None))
    return results


class _Loader:
    def __init__(self, register: Register) -> None:
        self.register = register
        self.prefetched: dict[str, YamlDocument | LoadError] = {}
        self.pending: list[Future[list[tuple[str, str | None, Any, Fout | None]]]] = []
        self.pool: ProcessPoolExecutor | None = None
        self.pending_rels: set[str] = set()
        self.referentie: str | None = None  # validate only the request rows with this one
        self.bewaren = True  # keep the cells retention reads (CsvDocument.kolommen)
        self.verzoekvelden: tuple[str, ...] | None = None  # a Verzoektabel of these fields

    def prefetch(self, rels: list[str], elders: float = 0.0) -> None:
        """Start parsing the last part of ``rels`` in a worker; ``read`` picks it up.

        ``elders`` is the estimated time this process spends on other files meanwhile; the
        worker takes the share that makes both finish together.
        """
        if len(rels) < PARALLEL_FROM or cores() < 2:
            return
        sizes = []
        for rel in rels:
            try:
                sizes.append((self.register.root / rel).stat().st_size)
            except OSError:
                sizes.append(0)
        total = sum(sizes) * YAML_KOSTEN
        if total <= 0:
            return
        share = min(1.0, (total + elders) / (2 * total))
        werk, start = 0.0, len(rels)
        while start > 0 and werk < share * total:
            start -= 1
            werk += sizes[start] * YAML_KOSTEN
        tail = rels[start:]
        self.pool = ProcessPoolExecutor(max_workers=1,
                                        mp_context=multiprocessing.get_context("fork"))
        self.pending = [self.pool.submit(_parse_chunk, self.register.root, tail)]
        self.pending_rels = set(tail)

    def _collect(self) -> None:
        for future in self.pending:
            for rel, text, data, fout in future.result():
                self.prefetched[rel] = (
                    LoadError(*fout) if fout is not None
                    else YamlDocument(rel=rel, text=text or "", data=data))
        self.pending = []
        self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def yaml_files(self, rel_dir: str) -> list[str]:
        directory = self.register.root / rel_dir
        if not _present(directory):
            return []
        if not directory.is_dir():
            self.register.onleesbaar.add(rel_dir)
            message = f"{rel_dir} is een bestand, maar hier wordt een map verwacht"
            self._add(CODE_ONLEESBAAR, TITLE_ONLEESBAAR, message, rel_dir, 1, 1,
                      f"maak van {rel_dir} een map met daarin één YAML-bestand per record")
            self._skip(rel_dir, 1, 1, message)
            return []
        names = sorted(
            entry.name for entry in directory.iterdir()
            if entry.name.endswith((".yaml", ".yml")) and not entry.name.startswith(".")
        )
        return [f"{rel_dir}/{name}" for name in names]

    def read(self, rel: str) -> YamlDocument | None:
        if self.pending and rel in self.pending_rels:
            self._collect()
        self.register.files.append(rel)
        try:
            doc = self.prefetched.pop(rel, None) or load_yaml(self.register.root / rel, rel)
            if isinstance(doc, LoadError):
                raise doc
        except LoadError as exc:
            self.register.onleesbaar.add(rel)
            self._add(CODE_ONLEESBAAR, TITLE_ONLEESBAAR, exc.message, rel, exc.line, exc.column,
                      exc.hint)
            self._skip(rel, exc.line, exc.column, exc.message)
            return None
        self.register.documents[rel] = doc
        return doc

    def expect(self, doc: YamlDocument, kind: type, description: str) -> bool:
        if isinstance(doc.data, kind):
            return True
        self.register.onleesbaar.add(doc.rel)
        message = f"verkeerde opbouw: verwacht {description}"
        self._add(CODE_SCHEMA, TITLE_SCHEMA, message, doc.rel, 1, 1,
                  "zie de beschrijving van het bestandsformaat in de README")
        self._skip(doc.rel, 1, 1, message)
        return False

    def verzoeken_csv(self, rel: str, modus: Verzoekmodus = "alle") -> None:
        self.register.files.append(rel)
        try:
            doc = load_csv(self.register.root / rel, rel)
        except LoadError as exc:
            self.register.onleesbaar.add(rel)
            self._add(CODE_ONLEESBAAR, TITLE_ONLEESBAAR, exc.message, rel, exc.line, exc.column,
                      exc.hint)
            self._skip(rel, exc.line, exc.column, exc.message)
            return
        self.register.documents[rel] = doc
        # Unknown columns are kept in the file but not given to the model; empty cells are
        # absent values (surrounding spaces are stripped by the model). The rows are read and
        # validated a block at a time, and only the models are kept (DESIGN.md §5).
        known = set(Verzoek.model_fields)
        missing = [name for name, f in Verzoek.model_fields.items()
                   if f.is_required() and name not in doc.header]
        rijen = Rijen(Verzoek, doc.header, {"verwerkingen": split_ids})
        status = doc.column("status")
        ref = doc.column("referentie")
        vrij = [i for i, name in enumerate(doc.header) if name not in GESTRUCTUREERD]
        vrije_tekst: dict[str, None] = {}
        velden = self.verzoekvelden
        tabel = (Verzoektabel(doc, {name: [] for name in velden}) if velden is not None
                 else None)
        verzamel = (vrij, vrije_tekst) if modus == "alle" and tabel is None else None
        valid: list[tuple[int, Verzoek]] = []
        failed: list[tuple[int, dict[str, Any]]] = []
        kolommen = Kolommen(doc, BEWAREN if self.bewaren else ())
        try:
            for block, start in doc.blokken():
                kolommen.add(block)
                if modus == "ruw" or missing:
                    continue  # read to the end all the same: a broken file is reported
                indices = range(start, start + len(block))
                if modus == "open" and status is not None:
                    pairs = [(i, row) for i, row in zip(indices, block, strict=True)
                             if status >= len(row) or row[status].strip() not in GESLOTEN]
                    indices = [i for i, _ in pairs]  # type: ignore[assignment]
                    block = [row for _, row in pairs]
                if self.referentie is not None and ref is not None:
                    pairs = [(i, row) for i, row in zip(indices, block, strict=True)
                             if ref < len(row) and row[ref].strip() == self.referentie]
                    indices = [i for i, _ in pairs]  # type: ignore[assignment]
                    block = [row for _, row in pairs]
                if tabel is not None:
                    waarden, fout = rijen.tabel(block, tabel.kolommen)
                    for name, column in tabel.kolommen.items():
                        column += waarden[name]
                    failed += [(indices[n], rijen.record(block[n])) for n in fout]
                    continue
                for index, row, verzoek in zip(indices, block, rijen.valideer(block, verzamel),
                                               strict=True):
                    if verzoek is None:
                        failed.append((index, rijen.record(row)))
                    else:
                        valid.append((index, verzoek))
        except LoadError as exc:
            del self.register.documents[rel]
            self.register.onleesbaar.add(rel)
            self._add(CODE_ONLEESBAAR, TITLE_ONLEESBAAR, exc.message, rel, exc.line, exc.column,
                      exc.hint)
            self._skip(rel, exc.line, exc.column, exc.message)
            return
        kolommen.klaar()
        if missing:
            self.register.onleesbaar.add(rel)
            message = f"kolom {', '.join(missing)} ontbreekt"
            self._add(CODE_SCHEMA, TITLE_SCHEMA, message, rel, 1, 1,
                      "de eerste regel noemt de kolommen; zie de README voor de lijst")
            self._skip(rel, 1, 1, message)
            return
        for name in doc.header:
            if name not in known:
                close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
                if close:  # most likely a typo, so the column's content is not used
                    self._add(CODE_SCHEMA, TITLE_SCHEMA, f"onbekende kolom '{name}'", rel, 1,
                              doc.header.index(name) + 1, f"bedoelde u '{close[0]}'?")
        if verzamel is not None and not missing:
            vrije_tekst.pop("", None)
            doc.vrije_tekst = vrije_tekst
        for index, record in failed:  # the model says what is wrong, and where
            verzoek = self.validate(Verzoek, doc, record, (index,))
            assert verzoek is None
            self.invalid(doc.rel, record.get("referentie"))
        self.register.verzoeken += [Bron(verzoek, doc, (index,)) for index, verzoek in valid]
        if tabel is not None:
            self.register.verzoektabel = tabel

    def invalid(self, rel: str, record_id: object) -> None:
        if isinstance(record_id, str) and record_id.strip():
            self.register.ongeldige_ids.setdefault(rel, set()).add(record_id.strip())

    def validate(self, model: type[M], doc: Document, data: Any, path: DataPath) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            seen: set[tuple[int, int, str]] = set()
            for fout, error in translate_all(model, exc.errors(include_url=False), path):
                line, column = doc.locate(fout.path, fout.key)
                if (line, column, fout.message) in seen:
                    continue  # a union reports once per member tried
                seen.add((line, column, fout.message))
                if buiten_kalender(error):
                    self._add(CODE_KALENDER, TITLE_KALENDER, fout.message, doc.rel, line,
                              column, fout.hint)
                else:
                    self._add(CODE_SCHEMA, TITLE_SCHEMA, fout.message, doc.rel, line, column,
                              fout.hint)
            self._skip_record(model, doc, data, path, seen)
            return None

    def _skip_record(self, model: type[BaseModel], doc: Document, data: Any, path: DataPath,
                     fouten: set[tuple[int, int, str]]) -> None:
        """Note the record that did not validate, at its own line, with its first problem."""
        line, column, message = min(fouten) if fouten else (*doc.locate(path), "ongeldig")
        if path and isinstance(path[0], int) and isinstance(doc, CsvDocument):
            line = doc.lines[path[0]]  # the row's line; its first wrong cell is the column
        if len(fouten) > 1:
            message += f" (en nog {len(fouten) - 1} {'fout' if len(fouten) == 2 else 'fouten'})"
        record_id = None
        if isinstance(data, dict):
            value = data.get("referentie", data.get("id"))
            record_id = value.strip() if isinstance(value, str) and value.strip() else None
            if record_id is None and path and isinstance(path[0], str):
                record_id = path[0]  # a retention period is known by its key
        heel = model is Config
        self._skip(doc.rel, line, column, message, record_id, heel)

    def _skip(self, rel: str, line: int, column: int, reden: str, record_id: str | None = None,
              heel: bool | None = None) -> None:
        soort, een_record = _soort(rel)
        if heel is None:
            heel = not een_record
        self.register.overgeslagen.append(Overgeslagen(
            file=rel, line=line, column=column, reden=reden, records=None if heel else 1,
            soort=soort, id=record_id))

    def _add(self, code: str, title: str, message: str, rel: str, line: int, column: int,
             hint: str) -> None:
        self.register.load_findings.append(Finding(
            code=code, severity=Severity.FOUT, message=message,
            location=Location(rel, line, column), hint=hint, title=title,
        ))

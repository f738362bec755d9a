"""Reading the organisation's own data for the retention scan: the map, and running the queries.

The queries are built by the retention rules' SQL generator; this module only runs them: in DuckDB,
in-process, over CSV and Parquet exports (read in parallel, with bounded memory), or inside
PostgreSQL in a read-only transaction. DuckDB and psycopg are imported here, inside the
functions, so that no other command pays for them.
"""

from __future__ import annotations

import csv
import re
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from avgctl.errors import EXIT_USAGE, AvgctlError
from avgctl.models.inventaris import PROBLEEM_DATUM, PROBLEEM_ID, PROBLEEM_REGEL, BronVorm, Export
from avgctl.models.termijnvelden import Termijnvelden, boekjaar_einde_van, termijnvelden
from avgctl.store.plaats import BEWAARTERMIJNEN_FILE, CONFIG_FILE
from avgctl.store.yamlfile import LoadError, load_yaml, os_reason

if TYPE_CHECKING:  # pydantic is imported only for a map, or a rule out of the plain
    from avgctl.models.bewaartermijn import Bewaartermijn
    from avgctl.models.kaart import Kaart

# DuckDB's own share of the process; with Python and the result it stays under 300 MB.
GEHEUGEN = "160MB"
DRAADJES = 2
BLOK = 10_000  # rows fetched at a time
EERSTE_BLOK = 100


class BronFout(AvgctlError):
    """A source that cannot be read: exit 2, with the file and, where known, row and column."""

    exit_code = EXIT_USAGE


@dataclass(frozen=True)
class Probleem:
    """A row that cannot be judged: it is counted, reported with its place, and fails the scan."""

    bron: str
    soort: str
    id: str | None
    bewaartermijn: str | None
    plek: str  # file:row:column, or table and id
    toelichting: str = ""  # what is wrong, when the kind alone does not say it


# What DuckDB's CSV reader says of a row it could not read, in plain words.
_AFGEWEZEN = {
    "TOO MANY COLUMNS": "deze rij heeft meer velden dan de kop",
    "MISSING COLUMNS": "deze rij heeft minder velden dan de kop",
    "INVALID UNICODE": "deze rij is geen UTF-8; sla het bestand op als 'CSV UTF-8'",
    "INVALID ENCODING": "deze rij is geen UTF-8; sla het bestand op als 'CSV UTF-8'",
    "UNQUOTED VALUE": "een aanhalingsteken in deze rij klopt niet",
    "LINE SIZE OVER MAXIMUM": "deze regel is te lang",
}
ONLEESBARE_RIJ = "onleesbare_rij"


def afgewezen_rijen(bron: BronVorm, export: Export, afgewezen: list[tuple[int, str, str]]
                    ) -> list[Probleem]:
    """The rows the CSV reader set aside, each with its line and column."""
    problemen = []
    gezien: set[tuple[int, str]] = set()
    for line, kolom, soort in afgewezen:
        if (line, soort) in gezien:  # two fields too many are one bad row
            continue
        gezien.add((line, soort))
        col = export.kolommen.index(kolom) + 1 if kolom in export.kolommen else 1
        if soort == "CAST":
            problemen.append(Probleem(bron.naam, PROBLEEM_DATUM, None, None,
                                      f"{export.pad}:{line}:{col}"))
        else:
            problemen.append(Probleem(bron.naam, ONLEESBARE_RIJ, None, None,
                                      f"{export.pad}:{line}:{col}",
                                      _AFGEWEZEN.get(soort, "deze rij is niet te lezen")))
    return problemen


@dataclass(frozen=True)
class Bewaarregels:
    """What the scan uses of the repository: the retention rules and two settings."""

    termijnen: dict[str, Bewaartermijn | Termijnvelden]
    boekjaar_einde: tuple[int, int]  # beleid.boekjaar_einde as (month, day)
    tijdzone: str  # beleid.tijdzone, for the day when --vandaag is not given


def lees_bewaarregels(root: Path) -> Bewaarregels | None:
    """The retention rules and the settings the scan uses, without loading the register.

    Only ``bewaartermijnen.yaml`` (each rule validated as the register does) and
    ``beleid.boekjaar_einde`` and ``beleid.tijdzone`` of avgctl.yaml are read: on millions of
    rows every tenth of a second counts, and building every model of the register costs that.
    A plainly valid rule is read without pydantic (:func:`termijnvelden`, the same fields as
    the model); any other goes through the model. None when anything in them is not plainly
    valid: the caller then loads the register, which reports the problem with its file, line
    and column as every command does.
    """
    try:
        config = load_yaml(root / CONFIG_FILE, CONFIG_FILE).data
        regels = load_yaml(root / BEWAARTERMIJNEN_FILE, BEWAARTERMIJNEN_FILE).data
    except (LoadError, OSError):
        return None
    beleid = config.get("beleid", {}) if isinstance(config, dict) else None
    if not isinstance(beleid, dict) or not isinstance(regels, dict):
        return None
    boekjaar = beleid.get("boekjaar_einde", "12-31")
    zone = beleid.get("tijdzone", "Europe/Amsterdam")
    if not isinstance(boekjaar, str) or not isinstance(zone, str):
        return None
    try:
        # As the model of avgctl.yaml: the book year checked as written, then both stripped.
        boekjaar_einde_van(boekjaar)
        einde = boekjaar_einde_van(boekjaar.strip())
        zoneinfo.ZoneInfo(zone.strip())
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        return None
    termijnen: dict[str, Bewaartermijn | Termijnvelden] = {}
    for key, item in regels.items():
        if not isinstance(key, str):
            return None
        velden: Bewaartermijn | Termijnvelden | None = termijnvelden(item)
        if velden is None:
            velden = _volgens_model(item)
            if velden is None:
                return None
        termijnen[key] = velden
    return Bewaarregels(termijnen, einde, zone.strip())


def _volgens_model(item: object) -> Bewaartermijn | None:
    """A rule that is not plainly valid, judged by its model; None when it is not valid."""
    from pydantic import ValidationError

    from avgctl.models.bewaartermijn import Bewaartermijn

    try:
        return Bewaartermijn.model_validate(item)
    except ValidationError:
        return None


def lees_kaart(path: Path) -> Kaart:
    """The map, validated, with every problem at its file:line:col."""
    from pydantic import ValidationError

    from avgctl.models.kaart import Kaart
    from avgctl.store.schemafout import translate

    rel = str(path)
    try:
        doc = load_yaml(path, rel)
    except LoadError as exc:
        raise BronFout(f"{rel}:{exc.line}:{exc.column}: {exc.message}"
                       + (f" ({exc.hint})" if exc.hint else "")) from None
    except OSError as exc:
        raise BronFout(f"{rel} kan niet worden gelezen: {os_reason(exc)}") from None
    try:
        return Kaart.model_validate(doc.data)
    except ValidationError as exc:
        regels = []
        for error in exc.errors(include_url=False):
            fout = translate(Kaart, error)
            line, column = doc.locate(fout.path, fout.key)
            regels.append(f"{rel}:{line}:{column}: {fout.message}"
                          + (f" ({fout.hint})" if fout.hint else ""))
        raise BronFout("de kaart klopt niet:\n" + "\n".join(regels)) from None


def controleer_bestand(path: Path) -> None:
    """A source file that is missing, a folder or unreadable gets its real cause."""
    if path.is_dir():
        raise BronFout(f"{path} is een map; geef een CSV- of Parquet-bestand")
    try:
        with path.open("rb") as stream:
            stream.read(1)
    except OSError as exc:
        raise BronFout(f"{path} kan niet worden gelezen: {os_reason(exc)}") from None
    if path.suffix.lower() not in (".csv", ".parquet", ".txt", ".tsv"):
        raise BronFout(f"{path}: onbekend soort bestand; gebruik .csv of .parquet")


KOP_MAX = 1 << 20  # a header line longer than this is no inventory


def export_van(path: Path, nodig: list[str]) -> Export:
    """A file source with, for a CSV, its delimiter and header; every column a source needs
    must be in the header (a Parquet file's columns are checked by DuckDB)."""
    controleer_bestand(path)
    if path.suffix.lower() == ".parquet":
        return Export(str(path))
    try:
        with path.open("rb") as stream:
            ruw = stream.readline(KOP_MAX)
    except OSError as exc:
        raise BronFout(f"{path} kan niet worden gelezen: {os_reason(exc)}") from None
    try:
        kop = ruw.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        raise BronFout(f"{path}:1: het bestand is geen UTF-8; sla het op als 'CSV UTF-8' "
                       "(in Excel: Opslaan als, CSV UTF-8)") from None
    if not kop.strip():
        raise BronFout(f"{path}:1: de eerste regel moet de kolomnamen bevatten, bijvoorbeeld "
                       "id,bewaartermijn,gebeurtenis_op,blokkade")
    scheiding = ";" if kop.count(";") > kop.count(",") else ","
    namen = tuple(n.strip() for n in next(csv.reader([kop], delimiter=scheiding)))
    dubbel = sorted({n for n in namen if namen.count(n) > 1})
    if dubbel:
        raise BronFout(f"{path}:1: kolom {', '.join(dubbel)} staat meer dan eens in de kop")
    ontbreekt = [n for n in nodig if n not in namen]
    if ontbreekt:
        raise BronFout(f"{path}:1: kolom {', '.join(repr(n) for n in ontbreekt)} ontbreekt; de "
                       f"kop heeft: {', '.join(namen)}")
    return Export(str(path), scheiding, namen)


_REGEL = re.compile(r"[Ll]ine:?\s*(\d+)")


def _duckdb_fout(exc: Exception, wat: str) -> BronFout:
    text = str(exc)
    line = _REGEL.search(text)
    plek = f"{wat}:{line.group(1)}" if line else wat
    velden = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", text)
    if velden:
        return BronFout(f"{plek}: deze rij heeft niet evenveel velden als de kop "
                        f"({velden.group(1)}); controleer scheidingstekens en aanhalingstekens")
    if "unicode" in text.lower() or "utf-8" in text.lower():
        return BronFout(f"{plek}: het bestand is geen UTF-8; sla het op als 'CSV UTF-8'")
    kolom = re.search(r'[Cc]olumn(?: with name)? "?([^"\s]+)"? (?:not found|does not exist)', text)
    if kolom or "not found in FROM clause" in text:
        naam = f" '{kolom.group(1)}'" if kolom else ""
        return BronFout(f"{wat}: de kolom{naam} bestaat niet in de bron; controleer de kaart")
    if line:
        return BronFout(f"{plek}: deze regel is geen geldige CSV-rij")
    return BronFout(f"{wat} kan niet worden gelezen: {text.splitlines()[0]}")


def draadjes() -> int:
    """DuckDB's threads: two, or fewer when ``taskset`` or a container allows fewer processors
    (more threads than processors only take turns, and each holds its own buffers)."""
    import os

    try:
        return max(1, min(DRAADJES, len(os.sched_getaffinity(0))))
    except (AttributeError, OSError):  # not on Linux
        return DRAADJES


def motor() -> Any:
    """DuckDB's engine: the compiled module itself where the package has one of its own.

    The ``duckdb`` package is that module (``_duckdb``) plus Python helpers for relations,
    Arrow and its version, which the scan does not use (it runs SQL text and fetches rows)
    and which take five times as long to import as the engine: a twentieth of a second of a
    scan of millions of rows. Older packages keep the engine inside ``duckdb`` itself.
    """
    try:
        import _duckdb  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        import duckdb

        return duckdb
    return _duckdb


class DuckDB:
    """One in-process DuckDB connection for a scan, with bounded memory and threads."""

    def __init__(self, voortgang: Callable[[float], None] | None = None) -> None:
        import shutil
        import tempfile

        duckdb = motor()
        self._duckdb = duckdb
        # What DuckDB spills to disk (rows of the organisation's own data) goes to a private
        # folder of the system's temporary space, never to '.tmp' in the current folder, and
        # is removed when the scan ends.
        self._tijdelijk = tempfile.mkdtemp(prefix="avgctl-scan-")
        self._opruimen = shutil.rmtree
        self.con = duckdb.connect(":memory:", config={
            "temp_directory": self._tijdelijk,
            "memory_limit": GEHEUGEN, "threads": draadjes(),
            # Order within the result is set by ORDER BY; not keeping the file's order lets
            # DuckDB stream more and hold less.
            "preserve_insertion_order": False,
            "enable_external_access": True,
        })
        self.voortgang = voortgang
        self._tabellen = 0
        self.tabel = ""  # where the last sorted result is kept

    def kopieer(self, sql: str, params: list[Any], doel: Path, wat: str) -> None:
        """A result straight from DuckDB into a CSV file with a header, atomically: through a
        temporary file beside ``doel`` that replaces it only when complete."""
        import os
        import tempfile

        # The name is one the store recognises as a leftover and cleans up after a kill.
        handle, temp = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
        os.close(handle)
        try:
            self.con.execute(f"COPY ({sql}) TO '{_pad(temp)}' (HEADER, DELIMITER ',')", params)
            os.replace(temp, doel)
        except self._duckdb.Error as exc:
            raise _duckdb_fout(exc, wat) from None
        finally:
            Path(temp).unlink(missing_ok=True)

    def rijen(self, sql: str, params: list[Any], wat: str, volgorde: str | None = None,
              waar: str | None = None) -> Iterator[tuple[Any, ...]]:
        """The result rows, fetched in blocks. Each query has a cursor of its own, so that
        several results can be read side by side (the counts of every source first, then
        their due rows).

        With ``volgorde`` the result is first kept in a temporary table, sorted when it is
        read: the rows a CSV reader could not read are then known (:attr:`afgewezen`) before
        the first row is handed out. ``waar`` reads back only the kept rows it holds for.
        """
        cursor = self.con.cursor()
        self.afgewezen: list[tuple[int, str, str]] = []
        try:
            if volgorde is None:
                self._uitvoeren(cursor, sql, params)
            else:
                self._tabellen += 1
                self.tabel = f"uitkomst_{self._tabellen}"
                self._uitvoeren(cursor, f"CREATE TABLE {self.tabel} AS {sql}", params)
                bestaat = cursor.execute("SELECT count(*) FROM duckdb_tables() "
                                         "WHERE table_name = 'reject_errors'").fetchone()
                if bestaat and bestaat[0]:
                    self.afgewezen = [
                        (int(line), str(kolom or ""), str(soort)) for line, kolom, soort in
                        cursor.execute("SELECT line, column_name, error_type FROM reject_errors"
                                       " ORDER BY line, column_idx").fetchall()]
                filter_ = f" WHERE {waar}" if waar is not None else ""
                cursor.execute(f"SELECT * FROM {self.tabel}{filter_} ORDER BY {volgorde}")
        except self._duckdb.Error as exc:
            cursor.close()
            raise _duckdb_fout(exc, wat) from None
        return self._blokken(cursor, wat)

    def _uitvoeren(self, cursor: Any, sql: str, params: list[Any]) -> None:
        if self.voortgang is not None:
            self._met_voortgang(cursor, sql, params)
        else:
            cursor.execute(sql, params)

    def _blokken(self, cursor: Any, wat: str) -> Iterator[tuple[Any, ...]]:
        # A small first block: the scan reads the counts that come first and then often hands
        # the rest to DuckDB itself (see commands/scan.py), so most rows are never fetched.
        grootte = EERSTE_BLOK
        try:
            while True:
                blok = cursor.fetchmany(grootte)
                if not blok:
                    return
                grootte = BLOK
                yield from blok
        except self._duckdb.Error as exc:
            raise _duckdb_fout(exc, wat) from None
        finally:
            cursor.close()

    def _met_voortgang(self, cursor: Any, sql: str, params: list[Any]) -> None:
        import threading

        klaar = threading.Event()
        fout: list[BaseException] = []

        def run() -> None:
            try:
                cursor.execute(sql, params)
            except BaseException as exc:  # re-raised in the calling thread
                fout.append(exc)
            finally:
                klaar.set()

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        assert self.voortgang is not None
        while not klaar.wait(0.1):
            progress = cursor.query_progress()
            if progress >= 0:
                self.voortgang(min(progress, 100.0))
        thread.join()
        if fout:
            raise fout[0]
        self.voortgang(100.0)

    def close(self) -> None:
        self.con.close()
        self._opruimen(self._tijdelijk, ignore_errors=True)


def _pad(path: str) -> str:
    return path.replace("'", "''")


class PostgreSQL:
    """A connection to the organisation's PostgreSQL, used in a transaction that cannot write."""

    def __init__(self, url: str) -> None:
        import psycopg

        self._psycopg = psycopg
        try:
            self.con = psycopg.connect(url, autocommit=False, connect_timeout=10)
        except psycopg.Error as exc:
            raise BronFout(f"geen verbinding met de database: {_pg_reden(exc)}") from None
        # Every statement of the scan runs in one READ ONLY transaction: PostgreSQL itself
        # refuses any write in it, whatever the SQL says.
        self.con.read_only = True
        self._nummer = 0

    def rijen(self, sql: str, params: list[Any], wat: str, volgorde: str | None = None,
              waar: str | None = None) -> Iterator[tuple[Any, ...]]:
        """The result rows through a server-side cursor of their own: the database holds the
        result and hands it over in blocks."""
        self.afgewezen: list[tuple[int, str, str]] = []  # a table has no unreadable lines
        if waar is not None:
            sql = f"SELECT * FROM (\n{sql}\n) AS uitkomst WHERE {waar}"
        if volgorde is not None:
            sql = f"{sql}\nORDER BY {volgorde}"
        self._nummer += 1
        cursor = self.con.cursor(name=f"avgctl_scan_{self._nummer}")
        cursor.itersize = BLOK
        try:
            cursor.execute(sql, params)
        except self._psycopg.Error as exc:
            self.con.rollback()  # an error ends the transaction; nothing was written in it
            raise BronFout(f"{wat}: de database weigerde de vraag: {_pg_reden(exc)}") from None
        return self._blokken(cursor, wat)

    def _blokken(self, cursor: Any, wat: str) -> Iterator[tuple[Any, ...]]:
        try:
            yield from cursor
        except self._psycopg.Error as exc:
            self.con.rollback()
            raise BronFout(f"{wat}: de database weigerde de vraag: {_pg_reden(exc)}") from None
        finally:
            cursor.close()

    def close(self) -> None:
        self.con.rollback()
        self.con.close()


def _pg_reden(exc: Exception) -> str:
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    return str(primary or str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


def plekken(bron: BronVorm, pad: Path, problemen: list[tuple[str, str | None, str | None]],
            max_aantal: int = 20) -> list[Probleem]:
    """Where problem rows of a CSV export are: its row (the header is row 1) and column.

    DuckDB reads in parallel and knows no row numbers, so the rare failing scan looks them up
    with a plain reader; a Parquet file or a table is named by source and id.
    """
    gezocht: dict[tuple[str, str | None], tuple[str, str | None]] = {}
    for soort, rid, regel in problemen:
        gezocht.setdefault((soort, rid), (soort, regel))
    if pad.suffix.lower() != ".csv":
        return [Probleem(bron.naam, soort, rid, regel, f"{pad} (id {rid!r})")
                for soort, rid, regel in problemen[:max_aantal]]
    kolom = {PROBLEEM_ID: bron.id, PROBLEEM_DATUM: bron.gebeurtenis_op,
             PROBLEEM_REGEL: bron.bewaartermijn_kolom or (bron.bewaartermijn_per.kolom
                                                          if bron.bewaartermijn_per else bron.id)}
    gevonden: list[Probleem] = []
    try:
        with pad.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            header = next(reader, [])
            index = {naam.strip(): i for i, naam in enumerate(header)}
            for rij, cellen in enumerate(reader, start=2):
                rid = _cel(cellen, index.get(bron.id))
                for soort in (PROBLEEM_ID, PROBLEEM_DATUM, PROBLEEM_REGEL):
                    if (soort, rid or None) in gezocht:
                        k = kolom[soort]
                        col = index.get(k, 0) + 1
                        regel = gezocht[(soort, rid or None)][1]
                        gevonden.append(Probleem(bron.naam, soort, rid or None, regel,
                                                 f"{pad}:{rij}:{col}"))
                        del gezocht[(soort, rid or None)]
                if len(gevonden) >= max_aantal or not gezocht:
                    break
    except (OSError, UnicodeDecodeError, csv.Error):
        pass
    gevonden += [Probleem(bron.naam, soort, rid, regel, f"{pad} (id {rid!r})")
                 for (soort, rid), (_, regel) in list(gezocht.items())[:max_aantal - len(gevonden)]]
    return gevonden


def _cel(cellen: list[str], i: int | None) -> str:
    return cellen[i].strip() if i is not None and i < len(cellen) else ""

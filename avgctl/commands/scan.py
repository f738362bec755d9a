"""``avgctl bewaartermijnen scan`` and ``sql``: the organisation's own data past their period.

``scan`` reads inventories (CSV or Parquet exports, or tables in PostgreSQL) and lists the
records whose retention period has ended: the destruction list (vernietigingslijst) that the
data owner reviews. ``sql`` prints the same rules as statements for a database administrator;
avgctl never deletes from an organisation's database itself.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from avgctl.bewaartermijnen import Rekenregel, rekenregel
from avgctl.bewaartermijnen import sql as sqlgen
from avgctl.bewaartermijnen.evaluatie import KALENDERJAAR, Boekjaar
from avgctl.bewaartermijnen.inventaris import STATUSSEN, Telling, Vervallen
from avgctl.commands.common import check_format, cwd, open_register, vandaag_in
from avgctl.errors import EXIT_OK, UsageError
from avgctl.models.inventaris import BronVorm, Export, standaard_bron
from avgctl.store.plaats import find_repo

if TYPE_CHECKING:  # a map is a pydantic model; the default inventory needs none
    from avgctl.models.kaart import Kaart

FORMATS = ("text", "csv", "json")
FAIL_ON = ("vervallen",)
EXIT_VERVALLEN = 1
EXIT_ONLEESBAAR = 2


def _instellingen(repo: Path | None, dag: dt.date | None
                  ) -> tuple[dict[str, Rekenregel], Boekjaar, dt.date]:
    """The rules by id, the book year and the day: from the retention rules and avgctl.yaml
    alone when they are plainly valid, else from the register (which reports what is wrong)."""
    from avgctl.models.termijnvelden import boekjaar_einde_van
    from avgctl.store.inventaris import lees_bewaarregels

    root = find_repo(repo, cwd())
    gelezen = lees_bewaarregels(root)
    if gelezen is not None:
        termijnen, boekjaar, zone = gelezen.termijnen, gelezen.boekjaar_einde, gelezen.tijdzone
    else:
        register = open_register(root, frozenset({"bewaartermijnen"}))
        termijnen = {regel_id: bron.model for regel_id, bron in register.bewaartermijnen.items()}
        boekjaar, zone = KALENDERJAAR, "Europe/Amsterdam"
        if register.config is not None:
            beleid = register.config.model.beleid
            boekjaar, zone = boekjaar_einde_van(beleid.boekjaar_einde), beleid.tijdzone
    regels = {regel_id: rekenregel(model) for regel_id, model in sorted(termijnen.items())}
    return regels, boekjaar, vandaag_in(dag, zone)


def _bronnen(paden: list[Path], kaart_pad: Path | None, database: str | None,
             regels: dict[str, Rekenregel]) -> list[tuple[BronVorm, Export | None]]:
    """The sources to scan, each with the export it reads (None: a database table).

    The map is checked before any data is read: a rule id it names must exist.
    """
    from avgctl.store.inventaris import BronFout, export_van, lees_kaart

    if kaart_pad is None:
        if not paden:
            raise UsageError("geef ten minste één inventaris (CSV of Parquet), of --kaart")
        namen: list[str] = []
        gekozen: list[tuple[BronVorm, Path | None]] = []
        for pad in paden:
            naam = _naam(pad.stem.lower(), namen)
            namen.append(naam)
            gekozen.append((standaard_bron(naam, str(pad)), pad))
    else:
        kaart: Kaart = lees_kaart(kaart_pad)
        bronnen = kaart.bronnen
        if paden:  # with a map, the arguments name the sources to scan
            gevraagd = [str(p) for p in paden]
            onbekend = [n for n in gevraagd if n not in {b.naam for b in kaart.bronnen}]
            if onbekend:
                raise UsageError(f"bron {', '.join(onbekend)} staat niet in {kaart_pad}; "
                                 "bekend: " + ", ".join(b.naam for b in kaart.bronnen))
            bronnen = [b for b in kaart.bronnen if b.naam in gevraagd]
        basis = kaart_pad.resolve().parent
        gekozen = [(b, basis / b.bestand if b.bestand is not None else None) for b in bronnen]
    onbekend = sorted({f"{b.naam}: {r}" for b, _ in gekozen for r in b.regel_ids
                       if r not in regels})
    if onbekend:
        raise BronFout("onbekende bewaartermijn in de kaart (niet in bewaartermijnen.yaml): "
                       + "; ".join(onbekend))
    uit: list[tuple[BronVorm, Export | None]] = []
    for bron, plek in gekozen:
        if plek is None and database is None:
            raise UsageError(f"bron {bron.naam} is een databasetabel; geef de verbinding met "
                             "--database postgresql://...")
        uit.append((bron, export_van(plek, bron.kolommen) if plek is not None else None))
    return uit


def _naam(stam: str, bezet: list[str]) -> str:
    import re

    naam = re.sub(r"[^a-z0-9_.-]+", "-", stam).strip("-.") or "bron"
    if not naam[0].isalnum():
        naam = "b" + naam
    kandidaat, n = naam, 2
    while kandidaat in bezet:
        kandidaat, n = f"{naam}-{n}", n + 1
    return kandidaat


def scan(repo: Path | None, dag: dt.date | None, paden: list[Path], kaart: Path | None,
         database: str | None, fmt: str, uit: Path | None, fail_on: str | None) -> int:
    from avgctl.output import scan as output
    from avgctl.store.inventaris import afgewezen_rijen, plekken

    check_format(fmt, FORMATS)
    if fail_on is not None and fail_on not in FAIL_ON:
        raise UsageError(f"onbekende waarde {fail_on!r} voor --fail-on; kies: vervallen")
    if database is not None and not database.startswith(("postgresql://", "postgres://")):
        raise UsageError("--database verwacht een PostgreSQL-adres: postgresql://gebruiker@host/db")
    regels, boekjaar, today = _instellingen(repo, dag)
    bronnen = _bronnen(paden, kaart, database, regels)

    runners: dict[str, Any] = {}

    def runner(bron: BronVorm) -> Any:
        from avgctl.store.inventaris import DuckDB, PostgreSQL

        soort = "postgresql" if bron.tabel is not None else "duckdb"
        if soort not in runners:
            runners[soort] = (PostgreSQL(database) if soort == "postgresql" and database
                              else DuckDB(output.voortgang()))
        return runners[soort]

    # Every source is in DuckDB: the list goes from there to the file in one step (_kopieer),
    # so only the count rows of each result are read back here, and need no sorting of the rest.
    kopieer = fmt == "csv" and uit is not None and all(b.tabel is None for b, _ in bronnen)
    try:
        tellingen: list[Telling] = []
        lijsten = []
        for bron, export in bronnen:
            dialect: sqlgen.Dialect = "postgresql" if bron.tabel is not None else "duckdb"
            wat = export.pad if export is not None else f"tabel {bron.tabel}"
            r = runner(bron)
            rijen = _rijen(r, sqlgen.scan(bron, regels, today, dialect, boekjaar, export),
                           dialect, wat, sqlgen.VOLGORDE, sqlgen.TELRIJEN if kopieer else None)
            afgewezen = afgewezen_rijen(bron, export, r.afgewezen) if export else []
            # The counts come first: a problem is known before any due row is written.
            per_regel: dict[str | None, Telling] = {}
            eerste_vervallen = None
            for rij in rijen:
                regel_id, status, rid, gebeurtenis_op, einde, dagen_over, aantal = rij
                if rid is not None:
                    eerste_vervallen = Vervallen(rid, bron.naam, regel_id, gebeurtenis_op,
                                                 einde, int(dagen_over))
                    break
                telling = per_regel.setdefault(regel_id, Telling(bron.naam, regel_id))
                telling.aantallen[status] = telling.aantallen.get(status, 0) + int(aantal)
            if afgewezen:
                onleesbaar = per_regel.setdefault(None, Telling(bron.naam, None)).aantallen
                for p in afgewezen:
                    onleesbaar[p.soort] = onleesbaar.get(p.soort, 0) + 1
            tellingen += per_regel.values()
            if any(s not in STATUSSEN for t in per_regel.values() for s in t.aantallen):
                problemen = [(p, i, b) for p, i, b in _rijen(
                    r, sqlgen.problemen(bron, regels, today, dialect, boekjaar, export),
                    dialect, wat)]
                output.problemen(afgewezen + plekken(bron, Path(wat), problemen), tellingen)
                return EXIT_ONLEESBAAR
            lijsten.append((bron, eerste_vervallen, rijen, getattr(r, "tabel", "")))

        def vervallen() -> Iterator[Vervallen]:
            """The due rows of every source, each also counted in its source's summary."""
            index = {(t.bron, t.bewaartermijn): t for t in tellingen}
            for bron, eerste, rijen, _ in lijsten:
                if eerste is None:
                    continue
                rest = (Vervallen(rid, bron.naam, regel_id, g, einde, int(over))
                        for regel_id, _, rid, g, einde, over, aantal in rijen
                        for _ in range(int(aantal)))  # the same record twice in one export
                for item in itertools.chain([eerste], rest):
                    sleutel = (item.bron, item.bewaartermijn)
                    if sleutel not in index:
                        index[sleutel] = Telling(*sleutel)
                        tellingen.append(index[sleutel])
                    aantallen = index[sleutel].aantallen
                    aantallen["vervallen"] = aantallen.get("vervallen", 0) + 1
                    yield item
            volgorde = {bron.naam: i for i, (bron, _) in enumerate(bronnen)}
            tellingen.sort(key=lambda t: (volgorde[t.bron], t.bewaartermijn or ""))

        if kopieer and uit is not None:
            aantal = _kopieer(runner(bronnen[0][0]), lijsten, tellingen, uit)
            output.geschreven(uit)
        else:
            aantal = output.lijst(vervallen(), tellingen, fmt, uit, today)
    finally:
        for r in runners.values():
            r.close()
    if fail_on == "vervallen" and aantal:
        return EXIT_VERVALLEN
    return EXIT_OK


def _kopieer(duckdb: Any, lijsten: list[Any], tellingen: list[Telling], uit: Path) -> int:
    """The destruction list of DuckDB sources written by DuckDB itself, and its counts."""
    delen, params = [], []
    for n, (bron, _, _, tabel) in enumerate(lijsten):
        delen.append(f"SELECT id, CAST(? AS VARCHAR) AS bron, bewaartermijn, gebeurtenis_op, "
                     f"einde, dagen_over, aantal, {n} AS volgorde FROM {tabel} "
                     f"WHERE id IS NOT NULL")
        params.append(bron.naam)
    alles = " UNION ALL ".join(delen)
    # A record that is twice in one export is twice in the list, as in the other formats.
    sql = (f"SELECT id, bron, bewaartermijn, gebeurtenis_op, einde, dagen_over "
           f"FROM ({alles}) v, range(CAST(v.aantal AS BIGINT)) ORDER BY volgorde, einde, id")
    duckdb.kopieer(sql, params, uit, str(uit))
    index = {(t.bron, t.bewaartermijn): t for t in tellingen}
    aantal = 0
    for bron, regel_id, n in duckdb.con.execute(
            f"SELECT bron, bewaartermijn, sum(aantal) FROM ({alles}) GROUP BY 1, 2",
            params).fetchall():
        sleutel = (bron, regel_id)
        if sleutel not in index:
            index[sleutel] = Telling(*sleutel)
            tellingen.append(index[sleutel])
        index[sleutel].aantallen["vervallen"] = int(n)
        aantal += int(n)
    return aantal


def _rijen(runner: Any, query: sqlgen.Query, dialect: sqlgen.Dialect, wat: str,
           volgorde: str | None = None, waar: str | None = None) -> Any:
    return runner.rijen(query.voor(dialect), query.params, wat, volgorde, waar)


def sql(repo: Path | None, dag: dt.date | None, kaart: Path, dialect: str, actie: str,
        bronnamen: list[str]) -> int:
    """The statements per mapped source, for review; nothing is run."""
    from avgctl.output import scan as output

    if dialect not in sqlgen.DIALECTEN:
        raise UsageError(f"onbekend dialect {dialect!r}; kies uit: duckdb, postgresql")
    if actie not in sqlgen.ACTIES:
        raise UsageError(f"onbekende actie {actie!r}; kies uit: {', '.join(sqlgen.ACTIES)}")
    regels, boekjaar, today = _instellingen(repo, dag)
    bronnen = _bronnen([Path(n) for n in bronnamen], kaart, "-", regels)
    statements = []
    for bron, export in bronnen:
        if bron.bestand is not None and dialect == "postgresql":
            continue  # an export is no table in the database
        if bron.bestand is not None and actie != "selecteer":
            raise UsageError(f"bron {bron.naam} is een export; '{actie}' kan alleen op een "
                             "databasetabel")
        query = sqlgen.actie(bron, regels, today, dialect, actie, boekjaar, export)
        statements.append((bron.naam, query.letterlijk()))
    if not statements:
        raise UsageError(f"de kaart heeft geen bron voor dialect {dialect}")
    output.statements(statements)
    return EXIT_OK

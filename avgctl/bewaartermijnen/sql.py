"""The retention rules as SQL: one generator for DuckDB and PostgreSQL.

The query gives, for one source of the inventory map, the same verdict as the Python evaluation
in :mod:`avgctl.bewaartermijnen.evaluatie`: the anchor (the event, or the end of its calendar or
book year), plus whole months or days (``date + interval`` clamps to the last day of a shorter
month in both databases, as :func:`avgctl.termijnen.periode.plus_maanden` does), due from the day
after the end, never when a hold applies, never for ``onbeperkt`` or a rule that cannot be
computed. The agreement is tested with generated rules and dates against both databases.

Nothing from a map or a register is pasted into the SQL text: identifiers are quoted (a double
quote doubled) and every value is a bound parameter, so a map can never inject a statement.
For the printed form (``avgctl bewaartermijnen sql``) the parameters are rendered as quoted
literals, for a database administrator to review and run.

Pure: builds text and parameter lists; running them is for the store.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from avgctl.bewaartermijnen.evaluatie import (
    KALENDERJAAR,
    Boekjaar,
    BuitenBereik,
    Rekenregel,
    einde_van,
)
from avgctl.models.inventaris import (
    PROBLEEM_DATUM,
    PROBLEEM_ID,
    PROBLEEM_REGEL,
    BronVorm,
    Export,
    VoorwaardeVorm,
)

Dialect = Literal["duckdb", "postgresql"]
DIALECTEN: tuple[Dialect, ...] = ("duckdb", "postgresql")
Actie = Literal["selecteer", "anonimiseer", "verwijder"]
ACTIES: tuple[Actie, ...] = ("selecteer", "anonimiseer", "verwijder")
Waarde = str | int | float | bool | dt.date | dict[str, str] | None

# Values that leave a hold column "not holding": a boolean false or an explicit no.
NIET_VAST = ("false", "f", "0", "nee", "n", "no")
BUFFER = 8 * 1024 * 1024  # bytes of a CSV file DuckDB reads at a time (see _relation)



@dataclass
class Query:
    """SQL text with ``?`` placeholders and the values bound to them, in order."""

    sql: str
    params: list[Waarde] = field(default_factory=list)

    def voor(self, dialect: Dialect) -> str:
        """The text with placeholders in the dialect's style (psycopg uses ``%s``)."""
        if dialect == "duckdb":
            return self.sql
        return self.sql.replace("%", "%%").replace("?", "%s")

    def letterlijk(self) -> str:
        """The statement with every parameter as a quoted literal, for a person to read."""
        # A typed placeholder, CAST(? AS INTEGER), reads as its literal: 12, 'dossier'.
        waarden = iter(self.params)
        text = _PLAATS.sub(lambda m: literal(next(waarden)), self.sql)
        if next(waarden, _EIND) is not _EIND:
            raise AssertionError("placeholders and parameters differ")  # pragma: no cover
        return text


_PLAATS = re.compile(r"CAST\(\? AS [A-Z ]+\)|\?")
_EIND = object()


def quote(name: str) -> str:
    """An identifier, quoted: ``a"b`` becomes ``"a""b"``; a NUL can never be part of one."""
    if "\x00" in name:
        raise ValueError("een kolom- of tabelnaam mag geen NUL-teken bevatten")
    return '"' + name.replace('"', '""') + '"'


def tabelnaam(name: str) -> str:
    """``schema.tabel`` or ``tabel``, each part quoted."""
    return ".".join(quote(part) for part in name.split("."))


def literal(value: Waarde) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    return "'" + str(value).replace("'", "''") + "'"


class _Builder:
    """Collects parameters while the SQL text is built, so that text and values stay in order."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.params: list[Waarde] = []

    def p(self, value: Waarde) -> str:
        self.params.append(value)
        if isinstance(value, dt.date):
            return "CAST(? AS DATE)"
        if isinstance(value, bool):
            return "CAST(? AS BOOLEAN)"
        if isinstance(value, int):
            return "CAST(? AS INTEGER)"
        if isinstance(value, float):
            return "CAST(? AS DOUBLE PRECISION)"
        if isinstance(value, dict):
            return "?"
        return "CAST(? AS VARCHAR)"

    def tekst(self, kolom: str) -> str:
        """A column as text, whatever its type in the source. Not trimmed: a value with spaces
        around it is then no known rule or date, which is reported, never guessed (and trimming
        millions of cells costs more than the rest of the test)."""
        return f"CAST({quote(kolom)} AS VARCHAR)"

    def leeg(self, kolom: str) -> str:
        return f"({quote(kolom)} IS NULL OR {self.tekst(kolom)} = '')"

    def voorwaarde(self, v: VoorwaardeVorm) -> str:
        if v.op == "leeg":
            return self.leeg(v.kolom)
        if v.op == "niet_leeg":
            return f"NOT {self.leeg(v.kolom)}"
        waarden = v.waarde if isinstance(v.waarde, list) else [v.waarde]
        numeriek = all(isinstance(w, int | float) and not isinstance(w, bool) for w in waarden)
        if numeriek:
            # A CSV holds text: compare numbers as numbers, not as strings ("9" > "10").
            links = self._getal(v.kolom)
            rechts = [self.p(float(w)) for w in waarden]  # type: ignore[arg-type]
        else:
            links = self.tekst(v.kolom)
            rechts = [self.p(_als_tekst(w)) for w in waarden]
        if v.op in ("in", "niet_in"):
            lijst = ", ".join(rechts)
            test = f"{links} IN ({lijst})"
            return f"COALESCE({test}, FALSE)" if v.op == "in" else f"NOT COALESCE({test}, FALSE)"
        return f"COALESCE({links} {'<>' if v.op == '!=' else v.op} {rechts[0]}, FALSE)"

    def _getal(self, kolom: str) -> str:
        tekst = self.tekst(kolom)
        if self.dialect == "duckdb":
            return f"TRY_CAST({tekst} AS DOUBLE)"
        return (f"CASE WHEN {tekst} ~ '^[-+]?[0-9]+([.][0-9]+)?$' "
                f"THEN CAST({tekst} AS DOUBLE PRECISION) END")

    def datum(self, t: str) -> str:
        """The event date from the text ``t`` of its cell, or NULL when it is no date.

        Only an ISO date (JJJJ-MM-DD, optionally followed by a time) is a date. The check is
        spelled out instead of a cast so that neither database ever fails a whole query on one
        bad cell, and both accept exactly the same cells.
        """
        # The shape: ten characters, digits but for the two dashes, then nothing or a time.
        # (No regular expression: on millions of rows this is several times cheaper.)
        vorm = (f"(length({t}) = 10 OR substr({t}, 11, 1) IN (' ', 'T')) "
                f"AND substr({t}, 5, 1) = '-' AND substr({t}, 8, 1) = '-' "
                f"AND translate(substr({t}, 1, 10), '0123456789', '') = '--'")
        if self.dialect == "duckdb":
            # Cheap tests first (this runs on every row): ten characters with the dashes in
            # place and a year from 0001, then DuckDB's TRY_CAST, which is NULL for a day that
            # does not exist (2026-02-30). A cell with a time after the date is cut to it.
            def iso(x: str) -> str:
                return (f"CASE WHEN substr({x}, 5, 1) = '-' AND substr({x}, 8, 1) = '-' "
                        f"AND substr({x}, 1, 4) BETWEEN '0001' AND '9999' "
                        f"THEN TRY_CAST({x} AS DATE) END")
            return (f"CASE WHEN length({t}) = 10 THEN {iso(t)}\n"
                    f"              WHEN substr({t}, 11, 1) IN (' ', 'T') "
                    f"THEN {iso(f'substr({t}, 1, 10)')} END")
        jaar = f"CAST(substr({t}, 1, 4) AS INTEGER)"
        maand = f"CAST(substr({t}, 6, 2) AS INTEGER)"
        dag = f"CAST(substr({t}, 9, 2) AS INTEGER)"
        laatste = (f"EXTRACT(DAY FROM CAST(make_date({jaar}, {maand}, 1) + INTERVAL '1 month' "
                   f"- INTERVAL '1 day' AS DATE))")
        # CASE evaluates its branches in order in both databases: each test guards the next.
        return (f"CASE WHEN {t} IS NULL OR NOT ({vorm}) THEN NULL\n"
                f"              WHEN {jaar} < 1 OR {maand} NOT BETWEEN 1 AND 12 THEN NULL\n"
                f"              WHEN {dag} BETWEEN 1 AND {laatste}\n"
                f"              THEN CAST(substr({t}, 1, 10) AS DATE) END")

    def plus(self, datum: str, maanden: str, dagen: str) -> str:
        if self.dialect == "duckdb":
            return f"CAST({datum} + to_months({maanden}) + to_days({dagen}) AS DATE)"
        return (f"CAST({datum} + make_interval(months => {maanden}) "
                f"+ make_interval(days => {dagen}) AS DATE)")


def _als_tekst(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _relatie(bron: BronVorm, b: _Builder, export: Export | None) -> str:
    if bron.tabel is not None:
        return tabelnaam(bron.tabel)
    if b.dialect != "duckdb" or export is None:
        raise ValueError(f"bron {bron.naam}: een bestand kan alleen met DuckDB worden gelezen")
    if export.parquet:
        return f"read_parquet({b.p(export.pad)})"
    # The dialect and columns come from the header; every cell is text but the event date,
    # which DuckDB's reader parses itself (the cheapest way by far on millions of rows). A row
    # it cannot read (no date, too many fields, not UTF-8) is not dropped: store_rejects keeps
    # it, with its line and column, in the reject_errors table, and the scan reports it.
    # Buffers of 8 MB (DuckDB's default is larger): on two cores the work divides more evenly
    # and the process touches less memory, for the same reading per row.
    kolommen = {naam: "DATE" if naam == bron.gebeurtenis_op else "VARCHAR"
                for naam in export.kolommen}
    return (f"read_csv({b.p(export.pad)}, header = true, auto_detect = false, "
            f"delim = {b.p(export.scheiding)}, quote = '\"', escape = '\"', strict_mode = true, "
            f"dateformat = '%Y-%m-%d', store_rejects = true, buffer_size = {BUFFER}, "
            f"columns = {b.p(kolommen)})")


def _csv(export: Export | None) -> bool:
    return export is not None and not export.parquet


def _regel(bron: BronVorm, b: _Builder) -> str:
    if bron.bewaartermijn is not None:
        return b.p(bron.bewaartermijn)
    if bron.bewaartermijn_kolom is not None:
        return f"NULLIF({b.tekst(bron.bewaartermijn_kolom)}, '')"
    per = bron.bewaartermijn_per
    assert per is not None
    takken = " ".join(f"WHEN {b.p(waarde)} THEN {b.p(regel)}"
                      for waarde, regel in sorted(per.waarden.items()))
    anders = b.p(per.anders) if per.anders else "NULL"
    return f"CASE {b.tekst(per.kolom)} {takken} ELSE {anders} END"


def _blokkade(bron: BronVorm, b: _Builder) -> str:
    delen = []
    for kolom in bron.blokkade:
        niet = ", ".join(b.p(w) for w in ("", *NIET_VAST))
        # NULL (an empty cell) is no hold either: NOT IN gives NULL there, COALESCE makes it so
        delen.append(f"COALESCE(lower({b.tekst(kolom)}) NOT IN ({niet}), FALSE)")
    delen += [b.voorwaarde(v) for v in bron.blokkade_als]
    return "(" + " OR ".join(delen) + ")" if delen else "FALSE"


def _einde_of_none(regel: Rekenregel, gebeurtenis_op: dt.date,
                   boekjaar_einde: Boekjaar) -> dt.date | None:
    try:
        return einde_van(regel, gebeurtenis_op, boekjaar_einde)
    except BuitenBereik:
        return None


def _zoek(laag: int, hoog: int, past: Callable[[int], bool]) -> int | None:
    """The largest n in [laag, hoog] with past(n), for a ``past`` that holds up to some n."""
    if not past(laag):
        return None
    while laag < hoog:
        midden = (laag + hoog + 1) // 2
        if past(midden):
            laag = midden
        else:
            hoog = midden - 1
    return laag


def grenzen(regel: Rekenregel, vandaag: dt.date,
            boekjaar_einde: Boekjaar = KALENDERJAAR) -> tuple[dt.date | None, dt.date | None]:
    """(the last event date that is due on ``vandaag``, the first whose end is past 9999).

    The end is a non-decreasing function of the event date (the anchor is, and so is adding
    months with the last-day rule), so "due" is "event on or before a cut-off day" and "end
    past 9999" is "event on or after another". Both days come from :func:`einde_van` itself,
    so the query's verdict is the Python evaluation's by construction; the query still computes
    ``einde`` for every row it lists, from the rule, and a test holds the two together. A plain
    comparison per row is also what lets a database use an index on the date column.
    """
    if not regel.berekenbaar:
        return None, None
    eerste, laatste = dt.date.min.toordinal(), dt.date.max.toordinal()

    def binnen(n: int) -> bool:
        return _einde_of_none(regel, dt.date.fromordinal(n), boekjaar_einde) is not None

    def vervallen(n: int) -> bool:
        einde = _einde_of_none(regel, dt.date.fromordinal(n), boekjaar_einde)
        return einde is not None and vandaag > einde

    grens = _zoek(eerste, laatste, vervallen)
    laatste_binnen = _zoek(eerste, laatste, binnen)
    buiten = None if laatste_binnen is None or laatste_binnen == laatste else \
        dt.date.fromordinal(laatste_binnen + 1)
    return (dt.date.fromordinal(grens) if grens is not None else None), buiten


def _regels(regels: dict[str, Rekenregel], b: _Builder, vandaag: dt.date | None,
            boekjaar_einde: Boekjaar, genummerd: bool = False) -> str:
    """The rules as a table; ``genummerd`` adds a small number per rule (``nr``, from 1), which
    is far cheaper to group millions of rows by than the rule's name."""
    rijen = []
    for n, (regel_id, r) in enumerate(sorted(regels.items()), start=1):
        grens, buiten = (grenzen(r, vandaag, boekjaar_einde) if vandaag is not None
                         else (None, None))
        nr = f"{n}, " if genummerd else ""
        rijen.append(f"({nr}{b.p(regel_id)}, {b.p(r.soort)}, {b.p(r.maanden)}, {b.p(r.dagen)}, "
                     f"{b.p(r.vanaf)}, {_datum(b, grens)}, {_datum(b, buiten)})")
    if not rijen:  # VALUES needs a row; this one matches no rule id
        rijen.append("(" + ("CAST(NULL AS INTEGER), " if genummerd else "")
                     + "CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS INTEGER), "
                     "CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR), CAST(NULL AS DATE), "
                     "CAST(NULL AS DATE))")
    kolommen = ("nr, " if genummerd else "") + "regel, soort, maanden, dagen, vanaf, grens, buiten"
    return (f"regels ({kolommen}) AS (VALUES\n  " + ",\n  ".join(rijen) + "\n)")


def _datum(b: _Builder, value: dt.date | None) -> str:
    return b.p(value) if value is not None else "CAST(NULL AS DATE)"


# The statuses as small numbers, for grouping millions of rows (see _beoordeeld).
STATUSCODES = (PROBLEEM_ID, PROBLEEM_REGEL, PROBLEEM_DATUM, "onbeperkt", "niet_te_berekenen",
               "niet_begonnen", "blokkade", "vervallen", "bewaren")


def _status(naam: str, genummerd: bool) -> str:
    return str(STATUSCODES.index(naam) + 1) if genummerd else f"'{naam}'"


def _beoordeeld(bron: BronVorm, regels: dict[str, Rekenregel], vandaag: dt.date,
                boekjaar_einde: Boekjaar, b: _Builder, export: Export | None,
                genummerd: bool = False) -> str:
    """The CTEs that classify every row of the source, ending in ``beoordeeld`` with the
    columns id, regel, gebeurtenis_op and status (vervallen, blokkade, bewaren, onbeperkt,
    niet_te_berekenen, niet_begonnen, or one of the problems).

    ``genummerd``: instead of regel, the rule's number ``nr`` and, for a rule id that is not
    known, that id (``onbekend``); the status is its number in :data:`STATUSCODES`.
    """
    # Parameters are positional: build the parts in the order they appear in the text.
    # A source with a fixed rule or a rule per value needs only those rules; with a rule
    # column every rule can occur.
    eigen = {r: regels[r] for r in bron.regel_ids if r in regels} if bron.regel_ids else regels
    regels_cte = _regels(eigen, b, vandaag, boekjaar_einde, genummerd)
    regel = _regel(bron, b)
    blokkade = _blokkade(bron, b)
    relatie = _relatie(bron, b, export)
    filt = " AND ".join(b.voorwaarde(v) for v in bron.filter) or "TRUE"
    # A CSV's event column arrives as a DATE (see _relatie); other sources are checked here.
    datum = "gebeurtenis_tekst" if _csv(export) else b.datum("gebeurtenis_tekst")
    tekst = quote(bron.gebeurtenis_op) if _csv(export) else \
        f"NULLIF({b.tekst(bron.gebeurtenis_op)}, '')"
    regel_kolom = ("s.nr, CASE WHEN s.nr IS NULL THEN r.regel END AS onbekend, " if genummerd
                   else "r.regel, ")
    # DuckDB's CSV reader also takes a year of fewer than four digits: 01-01-05 (a Dutch
    # day-month-year) would be the year 1 and far past any period. No real event lies before
    # the year 1000, so in a CSV such a date is unreadable, like any other that is no date.
    eerste = "DATE '1000-01-01'" if _csv(export) else "DATE '0001-01-01'"

    def st(naam: str) -> str:
        return _status(naam, genummerd)

    return f"""WITH {regels_cte},
bron AS (
  SELECT NULLIF(CAST({quote(bron.id)} AS VARCHAR), '') AS id,
         {regel} AS regel,
         {tekst} AS gebeurtenis_tekst,
         {blokkade} AS vast
  FROM {relatie}
  WHERE {filt}
),
rijen AS (
  SELECT id, regel, vast, gebeurtenis_tekst,
         {datum} AS gebeurtenis_op
  FROM bron
),
beoordeeld AS (
  SELECT r.id, {regel_kolom}r.gebeurtenis_op,
         -- "over de termijn" is "event on or before the rule's cut-off day" (see grenzen);
         -- the year 9999 ends Python's dates: an end beyond it cannot be computed there.
         CASE WHEN r.id IS NULL THEN {st(PROBLEEM_ID)}
              WHEN s.soort IS NULL THEN {st(PROBLEEM_REGEL)}
              WHEN r.gebeurtenis_op IS NULL AND r.gebeurtenis_tekst IS NOT NULL
                   THEN {st(PROBLEEM_DATUM)}
              WHEN r.gebeurtenis_op NOT BETWEEN {eerste} AND DATE '9999-12-31'
                   THEN {st(PROBLEEM_DATUM)}
              WHEN s.soort = 'onbeperkt' THEN {st('onbeperkt')}
              WHEN s.soort <> 'termijn' THEN {st('niet_te_berekenen')}
              WHEN r.gebeurtenis_op IS NULL THEN {st('niet_begonnen')}
              WHEN r.gebeurtenis_op >= s.buiten THEN {st('niet_te_berekenen')}
              WHEN r.gebeurtenis_op <= s.grens AND r.vast THEN {st('blokkade')}
              WHEN r.gebeurtenis_op <= s.grens THEN {st('vervallen')}
              ELSE {st('bewaren')} END AS status
  FROM rijen r LEFT JOIN regels s ON s.regel = r.regel
)"""


def _einde(b: _Builder, boekjaar_einde: Boekjaar, g: str, s: str) -> str:
    """The retention end of event date ``g`` under the rule in row alias ``s`` of ``regels``."""
    maand, dag = boekjaar_einde
    bj = [b.p(maand), b.p(dag), b.p(maand), b.p(dag), b.p(maand), b.p(dag)]
    jaar = f"CAST(EXTRACT(YEAR FROM {g}) AS INTEGER)"
    anker = (f"CASE {s}.vanaf WHEN 'einde_kalenderjaar' THEN make_date({jaar}, 12, 31)\n"
             f"         WHEN 'einde_boekjaar' THEN CASE WHEN {g} <= make_date({jaar}, {bj[0]}, "
             f"{bj[1]})\n           THEN make_date({jaar}, {bj[2]}, {bj[3]}) "
             f"ELSE make_date({jaar} + 1, {bj[4]}, {bj[5]}) END\n         ELSE {g} END")
    return b.plus(anker, f"{s}.maanden", f"{s}.dagen")


def scan(bron: BronVorm, regels: dict[str, Rekenregel], vandaag: dt.date, dialect: Dialect,
         boekjaar_einde: Boekjaar = KALENDERJAAR, export: Export | None = None) -> Query:
    """One pass over the source: the counts per rule and status, and every due row.

    Columns: bewaartermijn, status, id, gebeurtenis_op, einde, dagen_over, aantal. Sorted by
    :data:`VOLGORDE`, the count rows (id NULL) come first, so a caller sees any problem before
    it writes a single due row; the due rows follow in the order of the destruction list
    (einde, id). Grouping the due rows by their id keeps them apart while every other row only
    adds to a count.
    """
    b = _Builder(dialect)
    # Every row is grouped: by numbers (the rule's and the status's) rather than by names,
    # which on millions of rows is the cheaper part of the query by far; the names come back
    # with the few groups that are left.
    cte = _beoordeeld(bron, regels, vandaag, boekjaar_einde, b, export, genummerd=True)
    einde = _einde(b, boekjaar_einde, "t.gebeurtenis_op", "s")
    vandaag_p = b.p(vandaag)
    vervallen = _status("vervallen", True)
    namen = " ".join(f"WHEN {_status(naam, True)} THEN '{naam}'" for naam in STATUSCODES)
    sql = f"""{cte},
telling AS (
  SELECT nr, onbekend, status,
         CASE WHEN status = {vervallen} THEN id END AS id,
         CASE WHEN status = {vervallen} THEN gebeurtenis_op END AS gebeurtenis_op,
         count(*) AS aantal
  FROM beoordeeld GROUP BY 1, 2, 3, 4, 5
),
lijst AS (
  SELECT COALESCE(s.regel, t.onbekend) AS regel, CASE t.status {namen} END AS status,
         t.id, t.gebeurtenis_op, t.aantal,
         CASE WHEN t.id IS NOT NULL THEN {einde} END AS einde
  FROM telling t LEFT JOIN regels s ON s.nr = t.nr
)
SELECT regel AS bewaartermijn, status, id, gebeurtenis_op, einde,
       {vandaag_p} - einde AS dagen_over, aantal
FROM lijst"""
    return Query(sql, b.params)


# The order of scan()'s rows: the counts first, then the destruction list.
VOLGORDE = "id IS NOT NULL, einde, id, bewaartermijn, status"
# scan()'s count rows alone, for a caller that has the due rows written by the database.
TELRIJEN = "id IS NULL"


def problemen(bron: BronVorm, regels: dict[str, Rekenregel], vandaag: dt.date, dialect: Dialect,
              boekjaar_einde: Boekjaar = KALENDERJAAR, export: Export | None = None,
              limiet: int = 1000) -> Query:
    """The rows that cannot be judged (no id, no readable date, no known rule), at most
    ``limiet`` of them: columns probleem, id, bewaartermijn."""
    b = _Builder(dialect)
    cte = _beoordeeld(bron, regels, vandaag, boekjaar_einde, b, export)
    problemen_ = ", ".join(f"'{p}'" for p in (PROBLEEM_ID, PROBLEEM_DATUM, PROBLEEM_REGEL))
    sql = (f"{cte}\nSELECT status AS probleem, id, regel AS bewaartermijn FROM beoordeeld\n"
           f"WHERE status IN ({problemen_}) ORDER BY status, id LIMIT {int(limiet)}")
    return Query(sql, b.params)


def einden(regels: dict[str, Rekenregel], datums: list[tuple[str, dt.date]],
           dialect: Dialect, boekjaar_einde: Boekjaar = KALENDERJAAR) -> Query:
    """``einde`` for given (rule, date) pairs through the same expression the scan lists it
    with: for the agreement test with the Python evaluation."""
    b = _Builder(dialect)
    regels_cte = _regels(regels, b, None, boekjaar_einde)
    rijen = ", ".join(f"({b.p(i)}, {b.p(r)}, {b.p(d)})" for i, (r, d) in enumerate(datums))
    einde = _einde(b, boekjaar_einde, "r.d", "s")
    sql = (f"WITH {regels_cte}, invoer (n, regel, d) AS (VALUES {rijen}),\n"
           f"ruw AS (SELECT r.n, CASE WHEN s.soort = 'termijn' THEN {einde} END AS einde\n"
           f"FROM invoer r JOIN regels s ON s.regel = r.regel)\n"
           # Python dates end in the year 9999; beyond it there is no end, as there.
           f"SELECT n, CASE WHEN einde <= DATE '9999-12-31' THEN einde END AS einde "
           f"FROM ruw ORDER BY n")
    return Query(sql, b.params)


_ACTIE_KOP = {
    "selecteer": "-- {naam}: de records waarvan de bewaartermijn op {dag} is verstreken",
    "anonimiseer": "-- {naam}: persoonsgegevens leegmaken in de records die over hun termijn zijn",
    "verwijder": "-- {naam}: de records verwijderen die over hun termijn zijn",
}


def actie(bron: BronVorm, regels: dict[str, Rekenregel], vandaag: dt.date, dialect: Dialect,
          soort: Actie, boekjaar_einde: Boekjaar = KALENDERJAAR,
          export: Export | None = None) -> Query:
    """A statement for a database administrator: select, anonymise or delete the due rows.

    avgctl never runs the changing statements itself; they are printed for review.
    """
    if bron.tabel is None and soort != "selecteer":
        raise ValueError(f"bron {bron.naam}: anonimiseren of verwijderen kan alleen in een "
                         "databasetabel, niet in een export")
    b = _Builder(dialect)
    cte = _beoordeeld(bron, regels, vandaag, boekjaar_einde, b, export)
    kop = _ACTIE_KOP[soort].format(naam=bron.naam, dag=vandaag.isoformat())
    if soort == "selecteer":
        einde = _einde(b, boekjaar_einde, "v.gebeurtenis_op", "s")
        sql = (f"{kop}\n{cte}\nSELECT v.id, v.regel AS bewaartermijn, v.gebeurtenis_op,\n"
               f"       {einde} AS einde\n"
               f"FROM beoordeeld v JOIN regels s ON s.regel = v.regel\n"
               f"WHERE v.status = 'vervallen'\nORDER BY einde, v.id")
        return Query(sql, b.params)
    ids = f"{cte}\nSELECT id FROM beoordeeld\nWHERE status = 'vervallen'"
    assert bron.tabel is not None
    doel = tabelnaam(bron.tabel)
    sleutel = f"CAST({quote(bron.id)} AS VARCHAR)"
    if soort == "verwijder":
        sql = f"{kop}\nDELETE FROM {doel}\nWHERE {sleutel} IN (\n{ids}\n)"
        return Query(sql, b.params)
    if not bron.anonimiseren:
        raise ValueError(f"bron {bron.naam}: noem in de kaart bij 'anonimiseren' welke kolommen "
                         "leeg moeten")
    velden = ", ".join(f"{quote(k)} = NULL" for k in bron.anonimiseren)
    sql = f"{kop}\nUPDATE {doel}\nSET {velden}\nWHERE {sleutel} IN (\n{ids}\n)"
    return Query(sql, b.params)

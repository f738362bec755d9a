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
from dataclasses import dataclass, field
from typing import Literal

from avgctl.bewaartermijnen.evaluatie import KALENDERJAAR, Boekjaar, Rekenregel
from avgctl.models.kaart import (
    PROBLEEM_DATUM,
    PROBLEEM_ID,
    PROBLEEM_REGEL,
    Bron,
    Export,
    Voorwaarde,
)

Dialect = Literal["duckdb", "postgresql"]
DIALECTEN: tuple[Dialect, ...] = ("duckdb", "postgresql")
Actie = Literal["selecteer", "anonimiseer", "verwijder"]
ACTIES: tuple[Actie, ...] = ("selecteer", "anonimiseer", "verwijder")
Waarde = str | int | float | bool | dt.date | dict[str, str] | None

# Values that leave a hold column "not holding": a boolean false or an explicit no.
NIET_VAST = ("false", "f", "0", "nee", "n", "no")



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
        """A column as trimmed text, whatever its type in the source."""
        return f"trim(CAST({quote(kolom)} AS VARCHAR))"

    def leeg(self, kolom: str) -> str:
        return f"({quote(kolom)} IS NULL OR {self.tekst(kolom)} = '')"

    def voorwaarde(self, v: Voorwaarde) -> str:
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
        patroon = "[0-9]{4}-[0-9]{2}-[0-9]{2}([ T].*|)"  # no question mark: "?" is a placeholder
        vorm = (f"regexp_full_match({t}, '{patroon}')" if self.dialect == "duckdb"
                else f"({t} ~ '^{patroon}$')")
        jaar = f"CAST(substr({t}, 1, 4) AS INTEGER)"
        maand = f"CAST(substr({t}, 6, 2) AS INTEGER)"
        dag = f"CAST(substr({t}, 9, 2) AS INTEGER)"
        laatste = (f"EXTRACT(DAY FROM CAST(make_date({jaar}, {maand}, 1) + INTERVAL '1 month' "
                   f"- INTERVAL '1 day' AS DATE))")
        # CASE evaluates its branches in order in both databases: each test guards the next.
        return (f"CASE WHEN {t} IS NULL OR NOT {vorm} THEN NULL\n"
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


def _relatie(bron: Bron, b: _Builder, export: Export | None) -> str:
    if bron.tabel is not None:
        return tabelnaam(bron.tabel)
    if b.dialect != "duckdb" or export is None:
        raise ValueError(f"bron {bron.naam}: een bestand kan alleen met DuckDB worden gelezen")
    if export.parquet:
        return f"read_parquet({b.p(export.pad)})"
    # Every cell as text, with the dialect and columns read from the header: a date or number
    # column is checked by the query itself, so one bad cell is a reported problem with its
    # row; a ragged row or a wrong encoding fails the read with its line number.
    kolommen: dict[str, str] = {naam: "VARCHAR" for naam in export.kolommen}
    return (f"read_csv({b.p(export.pad)}, header = true, auto_detect = false, "
            f"delim = {b.p(export.scheiding)}, quote = '\"', escape = '\"', strict_mode = true, "
            f"columns = {b.p(kolommen)})")


def _regel(bron: Bron, b: _Builder) -> str:
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


def _blokkade(bron: Bron, b: _Builder) -> str:
    delen = []
    for kolom in bron.blokkade:
        niet = ", ".join(b.p(w) for w in NIET_VAST)
        delen.append(f"(NOT {b.leeg(kolom)} AND lower({b.tekst(kolom)}) NOT IN ({niet}))")
    delen += [b.voorwaarde(v) for v in bron.blokkade_als]
    return "(" + " OR ".join(delen) + ")" if delen else "FALSE"


def _regels(regels: dict[str, Rekenregel], b: _Builder) -> str:
    rijen = []
    for regel_id, r in sorted(regels.items()):
        rijen.append(f"({b.p(regel_id)}, {b.p(r.soort)}, {b.p(r.maanden)}, {b.p(r.dagen)}, "
                     f"{b.p(r.vanaf)})")
    if not rijen:  # VALUES needs a row; this one matches no rule id
        rijen.append("(CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS INTEGER), "
                     "CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR))")
    return ("regels (regel, soort, maanden, dagen, vanaf) AS (VALUES\n  "
            + ",\n  ".join(rijen) + "\n)")


def _beoordeeld(bron: Bron, regels: dict[str, Rekenregel], vandaag: dt.date,
                boekjaar_einde: Boekjaar, b: _Builder, export: Export | None) -> str:
    """The CTEs that classify every row of the source; the caller selects from ``beoordeeld``."""
    # Parameters are positional: build the parts in the order they appear in the text.
    # A source with a fixed rule or a rule per value needs only those rules; with a rule
    # column every rule can occur.
    eigen = {r: regels[r] for r in bron.regel_ids if r in regels} if bron.regel_ids else regels
    regels_cte = _regels(eigen, b)
    regel = _regel(bron, b)
    blokkade = _blokkade(bron, b)
    relatie = _relatie(bron, b, export)
    filt = " AND ".join(b.voorwaarde(v) for v in bron.filter) or "TRUE"
    datum = b.datum("gebeurtenis_tekst")
    maand, dag = boekjaar_einde
    bj_maand, bj_dag = b.p(maand), b.p(dag)
    bj_maand2, bj_dag2 = b.p(maand), b.p(dag)
    bj_maand3, bj_dag3 = b.p(maand), b.p(dag)
    jaar = "CAST(EXTRACT(YEAR FROM r.gebeurtenis_op) AS INTEGER)"
    anker = (f"CASE s.vanaf WHEN 'einde_kalenderjaar' THEN make_date({jaar}, 12, 31) "
             f"WHEN 'einde_boekjaar' THEN CASE WHEN r.gebeurtenis_op <= "
             f"make_date({jaar}, {bj_maand}, {bj_dag}) THEN make_date({jaar}, {bj_maand2}, "
             f"{bj_dag2}) ELSE make_date({jaar} + 1, {bj_maand3}, {bj_dag3}) END "
             f"ELSE r.gebeurtenis_op END")
    einde = b.plus(anker, "s.maanden", "s.dagen")
    vandaag_p = b.p(vandaag)
    return f"""WITH {regels_cte},
bron AS (
  SELECT NULLIF(CAST({quote(bron.id)} AS VARCHAR), '') AS id,
         {regel} AS regel,
         NULLIF({b.tekst(bron.gebeurtenis_op)}, '') AS gebeurtenis_tekst,
         {blokkade} AS vast
  FROM {relatie}
  WHERE {filt}
),
rijen AS (
  SELECT id, regel, vast, gebeurtenis_tekst IS NOT NULL AS datum_gevuld,
         {datum} AS gebeurtenis_op
  FROM bron
),
ruw AS (
  SELECT r.id, r.regel, r.gebeurtenis_op, r.vast, s.soort,
         CASE WHEN r.id IS NULL THEN '{PROBLEEM_ID}'
              WHEN s.soort IS NULL THEN '{PROBLEEM_REGEL}'
              WHEN r.gebeurtenis_op IS NULL AND r.datum_gevuld THEN '{PROBLEEM_DATUM}'
         END AS probleem,
         CASE WHEN s.soort = 'termijn' AND r.gebeurtenis_op IS NOT NULL
              THEN {einde} END AS einde,
         {vandaag_p} AS vandaag
  FROM rijen r LEFT JOIN regels s ON s.regel = r.regel
),
beoordeeld AS (
  SELECT id, regel, gebeurtenis_op, vast, soort, probleem, vandaag, {_BEGRENSD} AS einde
  FROM ruw
)"""


# Python dates end in the year 9999; an end beyond it is "niet te berekenen" there, and so here.
_BEGRENSD = "CASE WHEN einde <= DATE '9999-12-31' THEN einde END"
_VERVALLEN = "soort = 'termijn' AND NOT vast AND vandaag > einde"


def _status() -> str:
    return ("CASE WHEN probleem IS NOT NULL THEN probleem "
            "WHEN soort = 'onbeperkt' THEN 'onbeperkt' "
            "WHEN soort <> 'termijn' THEN 'niet_te_berekenen' "
            "WHEN gebeurtenis_op IS NULL THEN 'niet_begonnen' "
            "WHEN einde IS NULL THEN 'niet_te_berekenen' "
            "WHEN vast AND vandaag > einde THEN 'blokkade' "
            "WHEN vandaag > einde THEN 'vervallen' "
            "ELSE 'bewaren' END")


def vervallen(bron: Bron, regels: dict[str, Rekenregel], vandaag: dt.date,
              dialect: Dialect, boekjaar_einde: Boekjaar = KALENDERJAAR,
              export: Export | None = None) -> Query:
    """The due rows and the rows with a problem, ids only, in a stable order.

    Columns: probleem, id, bewaartermijn, gebeurtenis_op, einde, dagen_over.
    """
    b = _Builder(dialect)
    cte = _beoordeeld(bron, regels, vandaag, boekjaar_einde, b, export)
    sql = (f"{cte}\nSELECT probleem, id, regel AS bewaartermijn, gebeurtenis_op, einde, "
           f"CASE WHEN probleem IS NULL THEN vandaag - einde END AS dagen_over\n"
           f"FROM beoordeeld\n"
           f"WHERE probleem IS NOT NULL OR ({_VERVALLEN})\n"
           f"ORDER BY probleem NULLS FIRST, einde, id")
    return Query(sql, b.params)


def samenvatting(bron: Bron, regels: dict[str, Rekenregel], vandaag: dt.date,
                 dialect: Dialect, boekjaar_einde: Boekjaar = KALENDERJAAR,
                 export: Export | None = None) -> Query:
    """Counts per rule and status over every row read: columns bewaartermijn, status, aantal."""
    b = _Builder(dialect)
    cte = _beoordeeld(bron, regels, vandaag, boekjaar_einde, b, export)
    sql = (f"{cte}\nSELECT regel AS bewaartermijn, {_status()} AS status, count(*) AS aantal\n"
           f"FROM beoordeeld GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2")
    return Query(sql, b.params)


def einden(regels: dict[str, Rekenregel], datums: list[tuple[str, dt.date]],
           dialect: Dialect, boekjaar_einde: Boekjaar = KALENDERJAAR) -> Query:
    """``einde`` for given (rule, date) pairs through the same expressions: for the agreement
    test and for ``bewaartermijnen einde`` against a database."""
    b = _Builder(dialect)
    regels_cte = _regels(regels, b)
    rijen = ", ".join(f"({b.p(i)}, {b.p(r)}, {b.p(d)})" for i, (r, d) in enumerate(datums))
    maand, dag = boekjaar_einde
    bj = [b.p(maand), b.p(dag), b.p(maand), b.p(dag), b.p(maand), b.p(dag)]
    jaar = "CAST(EXTRACT(YEAR FROM r.d) AS INTEGER)"
    anker = (f"CASE s.vanaf WHEN 'einde_kalenderjaar' THEN make_date({jaar}, 12, 31) "
             f"WHEN 'einde_boekjaar' THEN CASE WHEN r.d <= make_date({jaar}, {bj[0]}, {bj[1]}) "
             f"THEN make_date({jaar}, {bj[2]}, {bj[3]}) "
             f"ELSE make_date({jaar} + 1, {bj[4]}, {bj[5]}) END ELSE r.d END")
    sql = (f"WITH {regels_cte}, invoer (n, regel, d) AS (VALUES {rijen}),\n"
           f"ruw AS (SELECT r.n, CASE WHEN s.soort = 'termijn' THEN "
           f"{b.plus(anker, 's.maanden', 's.dagen')} END AS einde\n"
           f"FROM invoer r JOIN regels s ON s.regel = r.regel)\n"
           f"SELECT n, {_BEGRENSD} AS einde FROM ruw ORDER BY n")
    return Query(sql, b.params)


_ACTIE_KOP = {
    "selecteer": "-- {naam}: de records waarvan de bewaartermijn op {dag} is verstreken",
    "anonimiseer": "-- {naam}: persoonsgegevens leegmaken in de records die over hun termijn zijn",
    "verwijder": "-- {naam}: de records verwijderen die over hun termijn zijn",
}


def actie(bron: Bron, regels: dict[str, Rekenregel], vandaag: dt.date, dialect: Dialect,
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
    ids = f"{cte}\nSELECT id FROM beoordeeld\nWHERE probleem IS NULL AND {_VERVALLEN}"
    kop = _ACTIE_KOP[soort].format(naam=bron.naam, dag=vandaag.isoformat())
    if soort == "selecteer":
        return Query(f"{kop}\n{ids}", b.params)
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


def problemen(bron: Bron, regels: dict[str, Rekenregel], vandaag: dt.date, dialect: Dialect,
              boekjaar_einde: Boekjaar = KALENDERJAAR, export: Export | None = None,
              limiet: int = 1000) -> Query:
    """The rows that cannot be judged (no id, no readable date, no known rule), at most
    ``limiet`` of them: columns probleem, id, bewaartermijn."""
    b = _Builder(dialect)
    cte = _beoordeeld(bron, regels, vandaag, boekjaar_einde, b, export)
    sql = (f"{cte}\nSELECT probleem, id, regel AS bewaartermijn FROM beoordeeld\n"
           f"WHERE probleem IS NOT NULL ORDER BY probleem, id LIMIT {int(limiet)}")
    return Query(sql, b.params)

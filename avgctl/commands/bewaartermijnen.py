"""``avgctl bewaartermijnen list|einde|check|anonimiseer``: retention rules and own records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from avgctl.bewaartermijnen.evaluatie import beoordeel
from avgctl.commands.common import (
    REGISTER,
    check_format,
    niet_gevonden,
    open_register,
    parse_datum,
    vandaag,
)
from avgctl.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from avgctl.output import bewaartermijnen as output
from avgctl.overzicht import bewaren
from avgctl.overzicht.regels import regels

EIGEN = frozenset({"bewaartermijnen", "verzoeken", "datalekken"})


def list_(repo: Path | None, fmt: str) -> int:
    check_format(fmt, output.FORMATS)
    register = open_register(repo, REGISTER)
    output.write_list(regels(register), fmt)
    return EXIT_OK


def einde(repo: Path | None, dag: dt.date | None, regel_id: str, datum: str,
          blokkade: str | None, fmt: str) -> int:
    check_format(fmt, output.FORMATS)
    gebeurtenis_op = parse_datum(datum, "DATUM")
    assert gebeurtenis_op is not None
    register = open_register(repo, frozenset({"bewaartermijnen"}))
    bron = register.bewaartermijnen.get(regel_id)
    if bron is None:
        raise niet_gevonden("bewaartermijn met id", regel_id, list(register.bewaartermijnen),
                            "avgctl bewaartermijnen list")
    today = vandaag(dag, register)
    uitkomst = beoordeel(bron.model, gebeurtenis_op, today, blokkade=blokkade or None,
                         boekjaar_einde=bewaren.boekjaar(register))
    output.write_einde(regel_id, bron.model, gebeurtenis_op, today, uitkomst, fmt,
                       blokkade or None)
    return EXIT_OK


def check(repo: Path | None, dag: dt.date | None, fmt: str, fail_on: str | None) -> int:
    check_format(fmt, output.FORMATS)
    if fail_on not in (None, "vervallen"):
        raise UsageError(f"--fail-on {fail_on!r}: kies vervallen")
    # Closed requests matter here, but their retention needs only a few cells of each row
    # (overzicht/bewaren.py): the rows themselves need not all be validated.
    register = open_register(repo, EIGEN, verzoeken="open")
    today = vandaag(dag, register)
    per_soort = bewaren.regels(register)
    standen = bewaren.standen(register, today)
    output.write_check(standen, per_soort, today, fmt)
    if fail_on == "vervallen" and any(e.stand.te_anonimiseren for e in standen):
        return EXIT_FINDINGS
    return EXIT_OK


def anonimiseer(repo: Path | None, dag: dt.date | None, apply: bool, fmt: str) -> int:
    from avgctl.commands import anonimiseren

    check_format(fmt, output.FORMATS)
    register = open_register(repo, EIGEN)
    today = vandaag(dag, register)
    plan = anonimiseren.plan(register, today)
    if not apply:
        output.write_plan(plan, today, fmt, toegepast=False)
        return EXIT_OK
    resultaat = anonimiseren.voer_uit(register, plan, today)
    output.write_plan(resultaat.plan, today, fmt, toegepast=True,
                      vervangbestand=resultaat.vervangbestand, git=resultaat.git)
    return EXIT_OK

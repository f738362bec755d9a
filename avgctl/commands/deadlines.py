"""``avgctl deadlines``: every open deadline, late ones first; an exit code for cron."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from avgctl.commands.common import (
    TERMIJNEN,
    check_format,
    dag_en_nu,
    open_register,
    uitkomst,
    zone,
)
from avgctl.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from avgctl.output import deadlines as output
from avgctl.overzicht import bewaren
from avgctl.overzicht import deadlines as domain


def run(repo: Path | None, dag: dt.date | None, moment: dt.datetime | None,
        binnen: str | None, fmt: str, fail_on: str | None) -> int:
    check_format(fmt, output.FORMATS)
    if fail_on not in (None, "overdue", "soon"):
        raise UsageError(f"--fail-on {fail_on!r}: kies overdue of soon")
    # Closed requests have no clock; their retention end needs only a few cells of each row
    # (overzicht/bewaren.py), so only the open ones are validated.
    register = open_register(repo, TERMIJNEN | {"bewaartermijnen"}, verzoeken="open",
                             overzicht=True)
    today, now = dag_en_nu(dag, moment, register)
    items = domain.termijnen(register, today, now)
    if binnen:
        venster = domain.parse_binnen(binnen)
        uren = venster * 24
    else:
        venster, uren = domain.waarschuwingsdagen(register), domain.waarschuwingsuren(register)
    # Own records whose retention ends within the window, or ended and wait for anonimiseer.
    items = sorted([*items, *bewaren.termijnen(register, today, venster)],
                   key=lambda t: (not t.te_laat, t.uren, t.referentie))
    shown = domain.binnen(items, venster, uren) if binnen else items
    naam = register.config.model.organisatie.naam or "" if register.config else ""
    output.write(shown, fmt, today, naam, zone(register), totaal=len(items),
                 onleesbaar=register.overgeslagen)
    if fail_on == "overdue" and any(t.te_laat for t in items):
        return uitkomst(register, EXIT_FINDINGS)
    if fail_on == "soon" and domain.binnen(items, venster, uren):
        return uitkomst(register, EXIT_FINDINGS)
    return uitkomst(register, EXIT_OK)

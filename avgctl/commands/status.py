"""``avgctl status``: the main screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from avgctl.commands.common import check_format, dag_en_nu, open_register, uitkomst
from avgctl.errors import EXIT_OK
from avgctl.output import status as output
from avgctl.overzicht.status import status
from avgctl.rules.run import run_checks
from avgctl.store.register import Context


def run(repo: Path | None, dag: dt.date | None, fmt: str,
        moment: dt.datetime | None = None) -> int:
    check_format(fmt, output.FORMATS)
    register = open_register(repo, overzicht=True)
    today, now = dag_en_nu(dag, moment, register)
    findings = run_checks(register, Context(today, now))
    output.write(status(register, findings, today, now=now), fmt, register.overgeslagen)
    return uitkomst(register, EXIT_OK)

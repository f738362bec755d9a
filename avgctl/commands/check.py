"""``avgctl check``: validate every file and run the rules."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from avgctl.commands.common import check_format, dag_en_nu, open_register
from avgctl.errors import EXIT_FINDINGS, EXIT_OK
from avgctl.findings import Severity
from avgctl.output import check as output
from avgctl.rules import select as select_codes
from avgctl.rules.run import run_checks
from avgctl.store.register import Context


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def run(repo: Path | None, dag: dt.date | None, fmt: str | None, select: list[str],
        ignore: list[str], strict: bool, quiet: bool, moment: dt.datetime | None = None) -> int:
    fmt = check_format(fmt or default_format(), output.FORMATS)
    codes = select_codes(select, ignore)
    register = open_register(repo, waarschuw=False)  # the findings say it all
    today, now = dag_en_nu(dag, moment, register)
    context = Context(today, now)
    findings = run_checks(register, context, codes)
    output.write(output.Report(findings, len(register.files), len(register.verwerkingen)),
                 fmt, quiet)
    threshold = Severity.WAARSCHUWING if strict else Severity.FOUT
    return EXIT_FINDINGS if any(f.severity >= threshold for f in findings) else EXIT_OK

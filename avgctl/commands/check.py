"""``avgctl check``: validate every file and run the rules."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from avgctl.commands.common import cwd, vandaag
from avgctl.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from avgctl.findings import Severity
from avgctl.output import check as output
from avgctl.rules import select as select_codes
from avgctl.rules.run import run_checks
from avgctl.store.register import Context
from avgctl.store.repo import find_repo, load_register


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def run(repo: Path | None, dag: dt.date | None, fmt: str | None, select: list[str],
        ignore: list[str], strict: bool, quiet: bool) -> int:
    fmt = fmt or default_format()
    if fmt not in output.FORMATS:
        raise UsageError(f"onbekend formaat {fmt!r}; kies uit: {', '.join(output.FORMATS)}")
    codes = select_codes(select, ignore)
    root = find_repo(repo, cwd())
    register = load_register(root)
    findings = run_checks(register, Context(vandaag(dag, register)), codes)
    output.write(output.Report(findings, len(register.files), len(register.verwerkingen)),
                 fmt, quiet)
    threshold = Severity.WAARSCHUWING if strict else Severity.FOUT
    return EXIT_FINDINGS if any(f.severity >= threshold for f in findings) else EXIT_OK

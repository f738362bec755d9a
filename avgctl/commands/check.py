"""``avgctl check``: validate every file and run the rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

from avgctl.commands.common import check_format, cwd, dag_en_nu, open_register
from avgctl.errors import EXIT_FINDINGS, EXIT_OK
from avgctl.findings import Finding, Severity
from avgctl.output import check as output
from avgctl.overzicht.status import Feiten
from avgctl.rules import select as select_codes
from avgctl.rules.run import run_checks
from avgctl.store import cache
from avgctl.store.register import Context, Register
from avgctl.store.repo import find_repo


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def run(repo: Path | None, dag: dt.date | None, fmt: str | None, select: list[str],
        ignore: list[str], strict: bool, quiet: bool, moment: dt.datetime | None = None,
        sinds: str | None = None) -> int:
    fmt = check_format(fmt or default_format(), output.FORMATS)
    codes = select_codes(select, ignore)
    root = find_repo(repo, cwd())
    if sinds is not None:
        from avgctl.store.geschiedenis import stand

        with stand(root, sinds) as basis:  # an unknown revision stops before the check
            return _run(root, dag, fmt, codes, strict, quiet, moment, (sinds, basis))
    return _run(root, dag, fmt, codes, strict, quiet, moment)


def _run(root: Path, dag: dt.date | None, fmt: str, codes: set[str], strict: bool,
         quiet: bool, moment: dt.datetime | None,
         sinds: tuple[str, Register] | None = None) -> int:
    # The outcome is kept for ``status`` (avgctl.store.cache), under the content of the files
    # as they were before reading, and only when nothing changed while the rules ran.
    inhoud = cache.inhoud(root)
    register = open_register(root, waarschuw=False)  # the findings say it all
    today, now = dag_en_nu(dag, moment, register)
    context = Context(today, now)
    findings = run_checks(register, context, codes)
    bewaar(root, inhoud, register, context, codes, findings)
    bereik = None
    if sinds is not None:  # after the cache: status counts every finding, not only these
        from avgctl.wijzigingen import gewijzigd

        plekken = gewijzigd(sinds[1], register)
        findings = [f for f in findings if plekken.bevat(f)]
        bereik = (sinds[0], plekken.aantal_bestanden)
    output.write(output.Report(findings, len(register.files), len(register.verwerkingen),
                               bereik), fmt, quiet)
    threshold = Severity.WAARSCHUWING if strict else Severity.FOUT
    return EXIT_FINDINGS if any(f.severity >= threshold for f in findings) else EXIT_OK


def bewaar(root: Path, inhoud: cache.Inhoud, register: Register, context: Context,
           codes: set[str], findings: list[Finding]) -> cache.Uitkomst:
    """Keep the outcome of a full check for ``status`` (avgctl.store.cache), when nothing
    changed while the rules ran: the counts without the findings that another moment of
    the same day could change, and the files where that could happen."""
    from avgctl.commands.common import zone
    from avgctl.rules.run import KLOK, dag_grenzen, klokbestanden

    organisatie = zone(register)
    begin, eind = dag_grenzen(cache.klokdag(context, organisatie), organisatie)
    klok = klokbestanden(register, context, codes, begin, eind)
    vast = [f for f in findings if f.code not in KLOK or f.location.file not in klok]
    uitkomst = cache.Uitkomst(cache.tellingen(vast), register.load_findings,
                              register.overgeslagen,
                              dataclasses.asdict(Feiten.van(register, context.vandaag)), klok)
    if cache.stempel(root) == inhoud.stempel:
        cache.schrijf(root, cache.sleutel(inhoud, context, codes, organisatie), uitkomst)
    return uitkomst

"""``avgctl status``: the main screen."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from avgctl.commands.common import check_format, cwd, dag_en_nu, meld_overzicht, uitkomst
from avgctl.errors import EXIT_OK
from avgctl.output import status as output
from avgctl.overzicht.status import Feiten, Herstelstand, status
from avgctl.store.register import Context, Register


def run(repo: Path | None, dag: dt.date | None, fmt: str,
        moment: dt.datetime | None = None) -> int:
    """The screen reads what it shows (DESIGN.md §5). What it counts of the whole register
    (activities per section, breaches, which are open) and the summary of the check do not
    change within a day, apart from the few findings that follow the clock (the 72 hours of
    a breach, avgctl.rules.run.KLOK); ``check`` (or an earlier status) leaves them behind
    for exactly these files, this avgctl, this day and these rules (avgctl.store.cache).
    With them, the screen reads only the settings, the parties, the open requests and the
    breaches that are open or follow the clock that day, whose clock rules it runs afresh;
    without them, everything is read and the rules run, and the outcome is kept."""
    from avgctl.commands.common import zone
    from avgctl.rules import REGISTRY
    from avgctl.rules.run import dag_grenzen, klokbevindingen
    from avgctl.store import cache
    from avgctl.store.repo import find_repo, load_register

    check_format(fmt, output.FORMATS)
    root = find_repo(repo, cwd())
    inhoud = cache.inhoud(root)
    instellingen = load_register(root, frozenset())  # its time zone
    today, now = dag_en_nu(dag, moment, instellingen)
    context = Context(today, now)
    codes = set(REGISTRY)
    organisatie = zone(instellingen)
    key = cache.sleutel(inhoud, context, codes, organisatie)
    bewaard = cache.lees(root, key)
    begin, eind = dag_grenzen(cache.klokdag(context, organisatie), organisatie)
    register: Register
    if bewaard is not None and bewaard.feiten is not None and begin <= now <= eind:
        feiten = Feiten(**bewaard.feiten)
        register = load_register(root, frozenset({"partijen", "verzoeken", "datalekken"}),
                                 "open", frozenset(feiten.open_datalekken) | set(bewaard.klok),
                                 bewaren=False)  # the retention counts are in feiten
        # What the full load left out or complained about, as it would say it now.
        register = dataclasses.replace(register, load_findings=bewaard.load_findings,
                                       overgeslagen=bewaard.overgeslagen)
        # The breaches whose 72 hours may end (or whose moments stop lying in the future)
        # during the day: their findings of those rules, at this moment.
        tellingen = dict(bewaard.tellingen)
        for finding in klokbevindingen(register, context, codes, bewaard.klok):
            tellingen[finding.severity.label] = tellingen.get(finding.severity.label, 0) + 1
        register = dataclasses.replace(register, datalekken=[
            b for b in register.datalekken if b.file in set(feiten.open_datalekken)])
    else:
        from avgctl.commands.check import bewaar
        from avgctl.commands.common import open_register
        from avgctl.rules.run import run_checks

        register = open_register(root, waarschuw=False)
        findings = run_checks(register, context, codes)
        feiten = Feiten.van(register, today)
        bewaar(root, inhoud, register, context, codes, findings)
        tellingen = cache.tellingen(findings)
    meld_overzicht(register)
    scherm = status(register, tellingen, today, now=now, feiten=feiten)
    output.write(dataclasses.replace(scherm, herstel=_herstel(root, register)), fmt,
                 register.overgeslagen)
    return uitkomst(register, EXIT_OK)


def _herstel(root: Path, register: Register) -> list[Herstelstand]:
    """Restored backups with erasures not yet done again. The register read them with the
    requests (a damaged file is reported with everything else that could not be read); only
    when there are any, every request is read to see which are done again."""
    from avgctl.store.repo import load_register
    from avgctl.verzoeken.herstel import onbevestigd

    herstellingen = [b.model for b in register.herstellingen]
    verzoeken = load_register(root, frozenset({"verzoeken"})).verzoeken if herstellingen else []
    return [Herstelstand(h.backup, h.teruggezet_op, n)
            for h, n in onbevestigd(verzoeken, herstellingen)]

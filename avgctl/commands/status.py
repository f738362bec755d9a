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
    change with the day; ``check`` (or an earlier status) leaves them behind for exactly
    these files, this avgctl and these options (avgctl.store.cache). With them, the screen
    reads only the settings, the parties, the open requests and the open breaches; without
    them, everything is read and the rules run, and the outcome is kept."""
    from avgctl.rules import REGISTRY
    from avgctl.store import cache
    from avgctl.store.repo import find_repo, load_register

    check_format(fmt, output.FORMATS)
    root = find_repo(repo, cwd())
    inhoud = cache.inhoud(root)
    today, now = dag_en_nu(dag, moment, load_register(root, frozenset()))  # its time zone
    context = Context(today, now)
    codes = set(REGISTRY)
    key = cache.sleutel(inhoud, context, codes)
    bewaard = cache.lees(root, key)
    register: Register
    if bewaard is not None and bewaard.feiten is not None:
        feiten = Feiten(**bewaard.feiten)
        register = load_register(root, frozenset({"partijen", "verzoeken", "datalekken"}),
                                 "open", frozenset(feiten.open_datalekken))
        # What the full load left out or complained about, as it would say it now.
        register = dataclasses.replace(register, load_findings=bewaard.load_findings,
                                       overgeslagen=bewaard.overgeslagen)
    else:
        from avgctl.commands.common import open_register
        from avgctl.rules.run import run_checks

        register = open_register(root, waarschuw=False)
        findings = run_checks(register, context, codes)
        feiten = Feiten.van(register, today)
        bewaard = cache.Uitkomst(cache.tellingen(findings), register.load_findings,
                                 register.overgeslagen, dataclasses.asdict(feiten))
        if cache.stempel(root) == inhoud.stempel:  # nothing changed while the rules ran
            cache.schrijf(root, key, bewaard)
    meld_overzicht(register)
    scherm = status(register, bewaard.tellingen, today, now=now, feiten=feiten)
    output.write(dataclasses.replace(scherm, herstel=_herstel(root)), fmt, register.overgeslagen)
    return uitkomst(register, EXIT_OK)


def _herstel(root: Path) -> list[Herstelstand]:
    """Restored backups with erasures not yet done again; only read when a restore was ever
    recorded (registers/herstel.yaml), so the screen stays quick without one."""
    from avgctl.store import herstel as opslag

    if not (root / opslag.HERSTEL_FILE).exists():
        return []
    from avgctl.store.repo import load_register
    from avgctl.verzoeken.herstel import onbevestigd

    herstellingen = opslag.lees(root)
    verzoeken = load_register(root, frozenset({"verzoeken"})).verzoeken if herstellingen else []
    return [Herstelstand(h.backup, h.teruggezet_op, n)
            for h, n in onbevestigd(verzoeken, herstellingen)]

"""``avgctl bewaartermijnen``: the options of the retention commands."""

from __future__ import annotations

from typing import Annotated

import typer

from avgctl.cli.opties import RepoOpt, VandaagOpt
from avgctl.cli.scan import registreer as registreer_scan

bewaartermijnen_app = typer.Typer(
    help="Bewaartermijnen: wanneer gegevens weg moeten, en de eigen verzoeken en datalekken "
    "van het register na hun termijn anonimiseren.",
    no_args_is_help=True,
)
# registered in app.py: "bewaartermijnen"

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="text of json.")]


@bewaartermijnen_app.command("list")
def bewaartermijnen_list(repo: RepoOpt = None, fmt: FormatOpt = "text") -> int:
    """Elke bewaartermijn in woorden, met de bron en de verwerkingen en gegevens die hem
    gebruiken."""
    from avgctl.commands import bewaartermijnen as command

    return command.list_(repo, fmt)


@bewaartermijnen_app.command("einde")
def bewaartermijnen_einde(
    termijn_id: Annotated[str, typer.Argument(
        metavar="ID", help="Het id van de bewaartermijn, bijvoorbeeld dossier.")],
    datum: Annotated[str, typer.Argument(
        metavar="DATUM", help="De dag van de gebeurtenis waarna de termijn loopt (JJJJ-MM-DD).")],
    blokkade: Annotated[str | None, typer.Option(
        "--blokkade", metavar="REDEN", help="Een reden om langer te bewaren, zoals een klacht, "
        "bezwaar of procedure.", show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    fmt: FormatOpt = "text",
) -> int:
    """Wanneer gegevens onder termijn ID weg moeten als de gebeurtenis op DATUM plaatsvond."""
    from avgctl.commands import bewaartermijnen as command
    from avgctl.commands.common import parse_vandaag

    return command.einde(repo, parse_vandaag(vandaag), termijn_id, datum, blokkade, fmt)


@bewaartermijnen_app.command("check")
def bewaartermijnen_check(
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="vervallen: exitcode 1 als een eigen verzoek of datalek "
        "over zijn bewaartermijn is en nog niet geanonimiseerd. Voor cron.",
        show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    fmt: FormatOpt = "text",
) -> int:
    """De eigen verzoeken en datalekken van het register die over hun bewaartermijn zijn."""
    from avgctl.commands import bewaartermijnen as command
    from avgctl.commands.common import parse_vandaag

    return command.check(repo, parse_vandaag(vandaag), fmt, fail_on)


@bewaartermijnen_app.command("anonimiseer")
def bewaartermijnen_anonimiseer(
    apply: Annotated[bool, typer.Option(
        "--apply", help="Voer de anonimisering echt uit; zonder deze optie toont avgctl alleen "
        "wat er zou verdwijnen.")] = False,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    fmt: FormatOpt = "text",
) -> int:
    """Anonimiseer de eigen verzoeken en datalekken die over hun bewaartermijn zijn."""
    from avgctl.commands import bewaartermijnen as command
    from avgctl.commands.common import parse_vandaag

    return command.anonimiseer(repo, parse_vandaag(vandaag), apply, fmt)


# The scan of the organisation's own data and its SQL: options in cli/scan.py.
registreer_scan(bewaartermijnen_app)

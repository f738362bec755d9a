"""``avgctl render``: documents made from the register, such as the privacy statements."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from avgctl.cli.opties import RepoOpt, VandaagOpt

render_app = typer.Typer(
    help="Documenten uit het register maken, zoals de privacyverklaringen voor de website.",
    no_args_is_help=True,
)
# registered in app.py: "render"


@render_app.command("privacyverklaring")
def privacyverklaring(
    doelgroep: Annotated[list[str] | None, typer.Option(
        "--doelgroep", metavar="NAAM", help="Alleen de verklaring voor deze doelgroep. "
        "Zonder: elke doelgroep die een verwerking noemt.", show_default=False)] = None,
    taal: Annotated[str | None, typer.Option(
        "--taal", metavar="TAAL", help="nl of en: alleen deze taal. Zonder: nl op "
        "het scherm, beide talen met --uit en --check.", show_default=False)] = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", metavar="FORMAAT", help="md, html of json: alleen dit "
        "formaat. Zonder: md op het scherm, alle drie met --uit en --check.",
        show_default=False)] = None,
    uit: Annotated[Path | None, typer.Option(
        "--uit", "-o", metavar="MAP", help="Schrijf de verklaringen in deze map, als "
        "privacyverklaring-DOELGROEP.TAAL.FORMAAT, bijvoorbeeld "
        "privacyverklaring-debiteuren.nl.html.", show_default=False)] = None,
    check: Annotated[Path | None, typer.Option(
        "--check", metavar="MAP", help="Schrijf niets, maar vergelijk met de verklaringen in "
        "deze map; exitcode 1 als er een ontbreekt of verouderd is (voor CI).",
        show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Maak de privacyverklaringen per doelgroep (art. 13 en 14 AVG) uit het register."""
    from avgctl.commands import privacyverklaring as command
    from avgctl.commands.common import parse_vandaag

    return command.run(repo, doelgroep or [], taal, fmt, uit, check, parse_vandaag(vandaag))

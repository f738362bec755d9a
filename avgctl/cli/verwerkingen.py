"""``avgctl verwerkingen``: the options of the register commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from avgctl.cli.opties import (
    RepoOpt,
    VandaagOpt,
    formaat,
)

verwerkingen_app = typer.Typer(
    help="Het register van verwerkingsactiviteiten: bekijken en exporteren.",
    no_args_is_help=True,
)
# registered in app.py: "verwerkingen")


@verwerkingen_app.command("list")
def verwerkingen_list(
    repo: RepoOpt = None,
    grondslag: Annotated[str | None, typer.Option(
        help="Alleen verwerkingen met deze grondslag, bijvoorbeeld toestemming.",
        metavar="GRONDSLAG", show_default=False)] = None,
    betrokkene: Annotated[str | None, typer.Option(
        help="Alleen verwerkingen met deze betrokkene, bijvoorbeeld debiteur.",
        metavar="BETROKKENE", show_default=False)] = None,
    partij: Annotated[str | None, typer.Option(
        help="Alleen verwerkingen waarbij deze partij (id) betrokken is.",
        metavar="ID", show_default=False)] = None,
    bijzonder: Annotated[bool, typer.Option(
        "--bijzonder", help="Alleen verwerkingen met bijzondere of strafrechtelijke gegevens."
    )] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Het formaat: text of json.")] = "text",
) -> int:
    """Toon de verwerkingen als tabel: id, naam, grondslag, betrokkenen, bijzonder, DPIA."""
    from avgctl.commands import verwerkingen as command
    from avgctl.verwerkingen.views import Filter

    return command.list_(repo, Filter(grondslag, betrokkene, partij, bijzonder), fmt)


@verwerkingen_app.command("show")
def verwerkingen_show(
    verwerking_id: Annotated[str, typer.Argument(
        metavar="ID", help="Het id van de verwerking, bijvoorbeeld 40.3.1.", show_default=False)],
    repo: RepoOpt = None,
    fmt: Annotated[str, formaat("text", "json")] = "text",
) -> int:
    """Toon één verwerking volledig, met partijen en bewaartermijnen uitgeschreven."""
    from avgctl.commands import verwerkingen as command

    return command.show(repo, verwerking_id, fmt)


@verwerkingen_app.command("export")
def verwerkingen_export(
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="Het formaat: csv, md, html of var (de "
        "VNG-verwerkingsactiviteiten-API).",
        show_default=False)],
    uit: Annotated[Path | None, typer.Option(
        "--uit", "-o", help="Schrijf naar dit bestand in plaats van naar het scherm.",
        show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Exporteer het hele register: csv, Markdown, HTML (om te printen) of VAR-JSON."""
    from avgctl.commands import verwerkingen as command
    from avgctl.commands.common import parse_vandaag

    return command.export(repo, parse_vandaag(vandaag), fmt, uit)

"""Options and small parsers shared by the command-line modules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

RepoOpt = Annotated[Path | None, typer.Option(
    "--repo", help="De compliance-repository (standaard: de dichtstbijzijnde map met "
    "avgctl.yaml, vanaf de huidige map omhoog).", show_default=False)]
VandaagOpt = Annotated[str | None, typer.Option(
    "--vandaag", help="Reken alsof het vandaag deze datum is (JJJJ-MM-DD).",
    show_default=False)]
NuOpt = Annotated[str | None, typer.Option(
    "--nu", help="Reken alsof het nu dit tijdstip is (JJJJ-MM-DDTuu:mm); voor de klok van "
    "datalekken. Zonder: het begin van --vandaag, of de klok.", show_default=False)]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Alleen de bevindingen, "
                                        "zonder hints en samenvatting bij een schoon resultaat.")]

RefArg = Annotated[str, typer.Argument(metavar="REF", help="De referentie, bijvoorbeeld "
                                       "AVG-2026-0042.")]
DatumOpt = Annotated[str | None, typer.Option(show_default=False, metavar="JJJJ-MM-DD")]
TekstOpt = Annotated[str | None, typer.Option(show_default=False)]


def datums(**values: str | None) -> dict[str, object]:
    from avgctl.commands.common import parse_datum

    return {name: parse_datum(value, "--" + name.replace("_", "-"))
            for name, value in values.items()}


DlRefArg = Annotated[str, typer.Argument(metavar="REF", help="De referentie, bijvoorbeeld "
                                         "DL-2026-007.")]


def tijden(**values: str | None) -> dict[str, object]:
    from avgctl.commands.common import parse_nu

    return {name: parse_nu(value) for name, value in values.items()}

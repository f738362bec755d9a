"""Options and small parsers shared by the command-line modules.

``tekst``, ``datum`` and ``tijdstip`` make an option with its help and a readable value name;
every option has a help text (tests/test_hulp.py walks all commands to make sure).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

RepoOpt = Annotated[Path | None, typer.Option(
    "--repo", metavar="MAP", help="De compliance-repository (standaard: de dichtstbijzijnde "
    "map met avgctl.yaml, vanaf de huidige map omhoog).", show_default=False)]
VandaagOpt = Annotated[str | None, typer.Option(
    "--vandaag", metavar="DATUM", help="Reken alsof het vandaag deze datum is (JJJJ-MM-DD).",
    show_default=False)]
NuOpt = Annotated[str | None, typer.Option(
    "--nu", metavar="TIJDSTIP", help="Reken alsof het nu dit tijdstip is (JJJJ-MM-DDTuu:mm); "
    "voor de klok van datalekken. Zonder: het begin van --vandaag, of de klok.",
    show_default=False)]
QuietOpt = Annotated[bool, typer.Option(
    "--quiet", "-q", help="Alleen de bevindingen en de samenvatting, zonder hints; niets als "
    "alles in orde is.")]

RefArg = Annotated[str, typer.Argument(metavar="REF", help="De referentie, bijvoorbeeld "
                                       "AVG-2026-0042.", show_default=False)]


def tekst(help: str, metavar: str = "TEKST", *namen: str) -> Any:
    """An option that takes a text, with its help."""
    return typer.Option(*namen, help=help, metavar=metavar, show_default=False)


def datum(help: str, *namen: str) -> Any:
    """An option that takes a date; the help says how to write it."""
    return typer.Option(*namen, help=f"{help.rstrip('.')} (JJJJ-MM-DD).", metavar="DATUM",
                        show_default=False)


def tijdstip(help: str, *namen: str) -> Any:
    """An option that takes a moment; the help says how to write it."""
    return typer.Option(*namen, help=f"{help.rstrip('.')} (JJJJ-MM-DDTuu:mm, met of zonder "
                        "+01:00).", metavar="TIJDSTIP", show_default=False)


def formaat(*formaten: str) -> Any:
    """``--format``/``-f``; the first format is the default."""
    keuze = ", ".join(formaten[:-1]) + " of " + formaten[-1]
    return typer.Option("--format", "-f", metavar="FORMAAT", help=f"Het formaat: {keuze}.")


def datums(**values: str | None) -> dict[str, object]:
    from avgctl.commands.common import parse_datum

    return {name: parse_datum(value, "--" + name.replace("_", "-"))
            for name, value in values.items()}


DlRefArg = Annotated[str, typer.Argument(metavar="REF", help="De referentie, bijvoorbeeld "
                                         "DL-2026-007.", show_default=False)]


def tijden(**values: str | None) -> dict[str, object]:
    from avgctl.commands.common import parse_nu

    return {name: parse_nu(value, "--" + name.replace("_", "-"))
            for name, value in values.items()}

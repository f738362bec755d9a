"""``avgctl rapport``: the FG's periodic privacy report to the board."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from avgctl.cli.opties import RepoOpt, VandaagOpt


def rapport(
    periode: Annotated[str | None, typer.Option(
        "--periode", metavar="PERIODE", help="Een halfjaar (2026H2), een kwartaal (2026Q3) of "
        "een jaar (2026). Standaard: het laatste halfjaar dat vóór vandaag is afgelopen.",
        show_default=False)] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar="FORMAAT", help="md (Markdown), html (met grafieken) of "
        "json.")] = "md",
    uit: Annotated[Path | None, typer.Option(
        "--uit", "-o", metavar="BESTAND", help="Schrijf het rapport in dit bestand in plaats "
        "van op het scherm.", show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """De privacyrapportage van de FG aan het bestuur: verzoeken, datalekken, wijzigingen,
    bevindingen en gevraagde besluiten, elk cijfer naast de vorige periode."""
    from avgctl.commands import rapport as command
    from avgctl.commands.common import parse_vandaag

    return command.run(repo, periode, fmt, uit, parse_vandaag(vandaag))

"""``avgctl bewaartermijnen scan`` and ``sql``: the options of the retention scan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from avgctl.cli.opties import RepoOpt, VandaagOpt


def scan(
    bronnen: Annotated[list[Path] | None, typer.Argument(
        metavar="BRON", help="Inventarissen (CSV of Parquet) met de kolommen id, "
        "bewaartermijn, gebeurtenis_op en blokkade; met --kaart: de namen van de bronnen "
        "uit de kaart (standaard alle).", show_default=False)] = None,
    kaart: Annotated[Path | None, typer.Option(
        "--kaart", metavar="KAART", help="Een kaart die andere exports of tabellen "
        "beschrijft.", show_default=False)] = None,
    database: Annotated[str | None, typer.Option(
        "--database", metavar="URL", help="PostgreSQL-adres voor bronnen die een tabel zijn, "
        "bijvoorbeeld postgresql://lezer@db.intern/zaken. Alleen lezen.",
        show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAAT",
                                     help="text, csv of json.")] = "text",
    uit: Annotated[Path | None, typer.Option(
        "--uit", metavar="BESTAND", help="Schrijf de lijst naar dit bestand.",
        show_default=False)] = None,
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", metavar="VERVALLEN", help="Exitcode 1 als er iets over de termijn is "
        "(voor cron).", show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Welke records in de eigen gegevens over hun bewaartermijn zijn: de vernietigingslijst."""
    from avgctl.commands import scan as command
    from avgctl.commands.common import parse_vandaag

    return command.scan(repo, parse_vandaag(vandaag), bronnen or [], kaart, database, fmt, uit,
                        fail_on)


def sql(
    kaart: Annotated[Path, typer.Option(
        "--kaart", metavar="KAART", help="De kaart met de bronnen.",
        show_default=False)],
    bronnen: Annotated[list[str] | None, typer.Argument(
        metavar="BRON", help="Alleen deze bronnen uit de kaart (standaard alle).",
        show_default=False)] = None,
    dialect: Annotated[str, typer.Option(
        "--dialect", metavar="DIALECT", help="duckdb of postgresql.")] = "postgresql",
    actie: Annotated[str, typer.Option(
        "--actie", metavar="ACTIE", help="selecteer, anonimiseer of verwijder.")] = "selecteer",
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Druk de SQL per bron af, om na controle zelf uit te voeren; avgctl voert niets uit."""
    from avgctl.commands import scan as command
    from avgctl.commands.common import parse_vandaag

    return command.sql(repo, parse_vandaag(vandaag), kaart, dialect, actie, bronnen or [])


def registreer(app: typer.Typer) -> None:
    """Add ``scan`` and ``sql`` to the ``bewaartermijnen`` command group."""
    app.command("scan")(scan)
    app.command("sql")(sql)

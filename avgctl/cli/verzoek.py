"""``avgctl verzoek``: the options of the request workflow."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from avgctl.cli.opties import (
    DatumOpt,
    RefArg,
    RepoOpt,
    TekstOpt,
    VandaagOpt,
    datums,
)

verzoek_app = typer.Typer(
    help="Verzoeken van betrokkenen: registreren, verlengen, afhandelen en brieven.",
    no_args_is_help=True,
)
# registered in app.py: "verzoek")


@verzoek_app.command("add")
def verzoek_add(
    type_: Annotated[str | None, typer.Option("--type", help="inzage, rectificatie, wissing, "
                 "beperking, overdraagbaarheid, bezwaar, geautomatiseerde_besluitvorming of "
                 "intrekken_toestemming.", show_default=False)] = None,
    betrokkene_ref: Annotated[str | None, typer.Option(
        help="Zaak- of klantnummer van de betrokkene (nooit een naam).",
        show_default=False)] = None,
    kanaal: Annotated[str | None, typer.Option(
        help="formulier, email, brief, balie, telefoon of portaal.", show_default=False)] = None,
    ontvangen: DatumOpt = None,
    verzoeker: TekstOpt = None,
    behandelaar: TekstOpt = None,
    verwerkingen: Annotated[str | None, typer.Option(
        help="Ids van verwerkingen, gescheiden door ';'.", show_default=False)] = None,
    opmerking: TekstOpt = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Registreer een nieuw verzoek; vraagt in een terminal naar wat ontbreekt."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    velden = {"type": type_, "betrokkene_ref": betrokkene_ref, "kanaal": kanaal,
              "verzoeker": verzoeker, "behandelaar": behandelaar,
              "verwerkingen": verwerkingen, "opmerking": opmerking,
              **datums(ontvangen=ontvangen)}
    return command.add(repo, parse_vandaag(vandaag), velden, sys.stdin.isatty())


@verzoek_app.command("update")
def verzoek_update(
    referentie: RefArg,
    status: TekstOpt = None,
    behandelaar: TekstOpt = None,
    verificatie: Annotated[str | None, typer.Option(
        help="positief, negatief of niet_mogelijk.", show_default=False)] = None,
    verificatie_op: DatumOpt = None,
    gepauzeerd_van: DatumOpt = None,
    gepauzeerd_tot: DatumOpt = None,
    pauze_reden: TekstOpt = None,
    verwerkingen: TekstOpt = None,
    ontvangers_geinformeerd: Annotated[str | None, typer.Option(
        help="Datum waarop de ontvangers zijn ingelicht (art. 19 AVG), of 'nvt'.",
        show_default=False)] = None,
    opmerking: TekstOpt = None,
    repo: RepoOpt = None,
) -> int:
    """Wijzig velden van een verzoek; de rest van het register blijft zoals het is."""
    from avgctl.commands import verzoek as command

    velden: dict[str, object] = {
        "status": status, "behandelaar": behandelaar, "verificatie": verificatie,
        "pauze_reden": pauze_reden, "verwerkingen": verwerkingen, "opmerking": opmerking,
        "ontvangers_geinformeerd": ontvangers_geinformeerd,
        **datums(verificatie_op=verificatie_op, gepauzeerd_van=gepauzeerd_van,
                  gepauzeerd_tot=gepauzeerd_tot),
    }
    return command.update(repo, referentie, velden)


@verzoek_app.command("verleng")
def verzoek_verleng(
    referentie: RefArg,
    reden: Annotated[str, typer.Option(help="Waarom: de complexiteit of het aantal "
                                       "verzoeken (art. 12 lid 3 AVG).")],
    op: Annotated[str | None, typer.Option(
        help="Datum waarop de betrokkene het hoorde (standaard vandaag).",
        show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Verleng de termijn met twee maanden; kan alleen binnen de eerste maand."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_datum, parse_vandaag

    return command.verleng(repo, parse_vandaag(vandaag), referentie, reden,
                           parse_datum(op, "--op"))


@verzoek_app.command("afhandel")
def verzoek_afhandel(
    referentie: RefArg,
    besluit: Annotated[str, typer.Option(help="toegewezen, gedeeltelijk_toegewezen, "
                                         "afgewezen of niet_in_behandeling.")],
    grond: Annotated[str | None, typer.Option(
        help="Bij afwijzing: identiteit_niet_vastgesteld, herhaald_verzoek, doel_onduidelijk, "
        "kennelijk_ongegrond, buitensporig, wettelijke_bewaarplicht, lopende_procedure, "
        "geen_gegevens of overig.", show_default=False)] = None,
    op: Annotated[str | None, typer.Option(help="Datum van het antwoord (standaard vandaag).",
                                           show_default=False)] = None,
    via: Annotated[str | None, typer.Option(help="Hoe het antwoord is verzonden.",
                                            show_default=False)] = None,
    ontvangers_geinformeerd: TekstOpt = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Leg het besluit op een verzoek vast."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_datum, parse_vandaag

    return command.afhandel(repo, parse_vandaag(vandaag), referentie, besluit, grond,
                            parse_datum(op, "--op"), via, ontvangers_geinformeerd)


@verzoek_app.command("list")
def verzoek_list(
    open_: Annotated[bool, typer.Option("--open", help="Alleen open verzoeken.")] = False,
    te_laat: Annotated[bool, typer.Option("--te-laat", help="Alleen verzoeken over hun "
                                          "wettelijke of eigen termijn.")] = False,
    type_: Annotated[str | None, typer.Option("--type", show_default=False)] = None,
    behandelaar: TekstOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text of json.")] = "text",
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Toon de verzoeken met hun termijnen."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    return command.list_(repo, parse_vandaag(vandaag), open_, te_laat, type_, behandelaar, fmt)


@verzoek_app.command("show")
def verzoek_show(referentie: RefArg, repo: RepoOpt = None, vandaag: VandaagOpt = None) -> int:
    """Toon één verzoek: de tijdlijn en elke termijn."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    return command.show(repo, parse_vandaag(vandaag), referentie)


@verzoek_app.command("brief")
def verzoek_brief(
    referentie: RefArg,
    soort: Annotated[str, typer.Argument(help="ontvangst, verlenging, afwijzing of besluit.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md of html.")] = "md",
    uit: Annotated[Path | None, typer.Option("--uit", "-o", help="Schrijf naar dit bestand.",
                                             show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Maak de brief aan de betrokkene: ontvangstbevestiging, verlenging, afwijzing of besluit."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    return command.brief(repo, parse_vandaag(vandaag), referentie, soort, fmt, uit)


@verzoek_app.command("herstel")
def verzoek_herstel(
    backup_datum: Annotated[str, typer.Option(help="De datum van de teruggezette back-up.",
                                              metavar="JJJJ-MM-DD")],
    repo: RepoOpt = None,
) -> int:
    """Na het terugzetten van een back-up: welke wissingen en rectificaties opnieuw moeten."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_datum

    datum = parse_datum(backup_datum, "--backup-datum")
    assert datum is not None
    return command.herstel(repo, datum)

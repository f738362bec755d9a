"""``avgctl datalek``: the options of the breach workflow."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from avgctl.cli.opties import (
    DatumOpt,
    DlRefArg,
    NuOpt,
    RepoOpt,
    TekstOpt,
    VandaagOpt,
    datums,
    tijden,
)

datalek_app = typer.Typer(
    help="Datalekken: registreren, beoordelen, melden aan de AP en betrokkenen informeren.",
    no_args_is_help=True,
)
# registered in app.py: "datalek")

@datalek_app.command("add")
def datalek_add(
    ontdekt_op: Annotated[str | None, typer.Option(
        help="Moment van ontdekken (JJJJ-MM-DDTuu:mm, met of zonder +01:00); standaard nu.",
        show_default=False)] = None,
    gemeld_door: TekstOpt = None,
    beschrijving: TekstOpt = None,
    hoe_ontdekt: TekstOpt = None,
    oorzaak: TekstOpt = None,
    soort: Annotated[str | None, typer.Option(
        help="vertrouwelijkheid, integriteit en/of beschikbaarheid (met komma's).",
        show_default=False)] = None,
    gegevens: Annotated[str | None, typer.Option(help="Soorten gegevens, met komma's.",
                                                 show_default=False)] = None,
    betrokkenen: Annotated[str | None, typer.Option(
        help="Groepen betrokkenen, met komma's.", show_default=False)] = None,
    aantal: Annotated[int | None, typer.Option(help="Aantal betrokkenen (ongeveer).",
                                               show_default=False)] = None,
    records: Annotated[int | None, typer.Option(help="Aantal records (ongeveer).",
                                                show_default=False)] = None,
    systemen: TekstOpt = None,
    verwerkingen: TekstOpt = None,
    periode_van: TekstOpt = None,
    periode_tot: TekstOpt = None,
    maatregel: Annotated[str | None, typer.Option(help="Wat er al is gedaan.",
                                                  show_default=False)] = None,
    verwerker: Annotated[str | None, typer.Option(
        help="De verwerker (partij-id) bij wie het gebeurde.", show_default=False)] = None,
    verwerker_ontdekt_op: TekstOpt = None,
    gemeld_aan_ons_op: TekstOpt = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    nu: NuOpt = None,
) -> int:
    """Registreer een (mogelijk) datalek; vraagt in een terminal naar de intakegegevens."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    velden: dict[str, object] = {
        "gemeld_door": gemeld_door, "beschrijving": beschrijving, "hoe_ontdekt": hoe_ontdekt,
        "oorzaak": oorzaak, "soort": soort, "gegevens": gegevens, "betrokkenen": betrokkenen,
        "aantal": aantal, "records": records, "systemen": systemen,
        "verwerkingen": verwerkingen, "periode_van": periode_van, "periode_tot": periode_tot,
        "maatregel": maatregel, "verwerker": verwerker,
        **tijden(ontdekt_op=ontdekt_op, verwerker_ontdekt_op=verwerker_ontdekt_op,
                  gemeld_aan_ons_op=gemeld_aan_ons_op),
    }
    return command.add(repo, parse_vandaag(vandaag), parse_nu(nu), velden, sys.stdin.isatty())


@datalek_app.command("update")
def datalek_update(
    referentie: DlRefArg,
    beschrijving: TekstOpt = None,
    oorzaak: TekstOpt = None,
    gevolgen: TekstOpt = None,
    ernst: Annotated[str | None, typer.Option(help="beperkt of matig_tot_ernstig.",
                                              show_default=False)] = None,
    aantal: Annotated[int | None, typer.Option(show_default=False)] = None,
    records: Annotated[int | None, typer.Option(show_default=False)] = None,
    gegevens: TekstOpt = None,
    bijzondere_gegevens: TekstOpt = None,
    ingedamd: Annotated[bool | None, typer.Option(
        "--ingedamd/--niet-ingedamd", help="Is het lek gedicht?", show_default=False)] = None,
    versleuteld: Annotated[bool | None, typer.Option(
        "--versleuteld/--niet-versleuteld", help="Waren de gegevens versleuteld?",
        show_default=False)] = None,
    maatregel: Annotated[str | None, typer.Option(help="Een genomen maatregel (erbij).",
                                                  show_default=False)] = None,
    reden_vertraging: TekstOpt = None,
    evaluatie: TekstOpt = None,
    afgesloten_op: DatumOpt = None,
    repo: RepoOpt = None,
) -> int:
    """Wijzig velden van een datalek; de rest van het bestand blijft zoals het is."""
    from avgctl.commands import datalek as command

    velden: dict[str, object] = {
        "beschrijving": beschrijving, "oorzaak": oorzaak, "gevolgen": gevolgen,
        "ernst": ernst, "aantal": aantal, "records": records, "gegevens": gegevens,
        "bijzondere_gegevens": bijzondere_gegevens, "ingedamd": ingedamd,
        "versleuteld": versleuteld, "maatregel": maatregel,
        "reden_vertraging": reden_vertraging, "evaluatie": evaluatie,
        **datums(afgesloten_op=afgesloten_op),
    }
    return command.update(repo, referentie, velden)


@datalek_app.command("beoordeel")
def datalek_beoordeel(
    referentie: DlRefArg,
    risico: Annotated[str | None, typer.Option(
        help="Uw besluit: geen, risico of hoog_risico. avgctl stelt voor, u beslist.",
        show_default=False)] = None,
    motivatie: TekstOpt = None,
    besloten_door: TekstOpt = None,
    veel_betrokkenen: Annotated[bool | None, typer.Option(
        "--veel-betrokkenen/--weinig-betrokkenen", show_default=False)] = None,
    gevoelig: Annotated[bool | None, typer.Option(
        "--gevoelig/--niet-gevoelig", help="Gevoelige gegevens betrokken?",
        show_default=False)] = None,
    langdurig: Annotated[bool | None, typer.Option(
        "--langdurig/--kortdurend", help="Lang onbeschermd of nog niet gedicht?",
        show_default=False)] = None,
    onleesbaar: Annotated[bool | None, typer.Option(
        "--onleesbaar/--leesbaar", help="Waren de gegevens versleuteld?",
        show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Loop de beslissing over melden door; legt antwoorden, voorstel en besluit vast."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_vandaag

    antwoorden = {"veel_betrokkenen": veel_betrokkenen, "gevoelige_gegevens": gevoelig,
                  "langdurig": langdurig, "onleesbaar": onleesbaar}
    return command.beoordeel(repo, parse_vandaag(vandaag), referentie, antwoorden, risico,
                             motivatie, besloten_door, sys.stdin.isatty())


@datalek_app.command("meld")
def datalek_meld(
    referentie: DlRefArg,
    soort: Annotated[str, typer.Option(help="voorlopig, volledig, aanvulling of intrekking.")],
    kenmerk: Annotated[str | None, typer.Option(help="Het kenmerk dat de AP gaf.",
                                                show_default=False)] = None,
    reden_vertraging: TekstOpt = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    nu: NuOpt = None,
) -> int:
    """Leg een melding bij de AP vast (het moment is --nu, standaard nu)."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.meld(repo, parse_vandaag(vandaag), parse_nu(nu), referentie, soort, kenmerk,
                        reden_vertraging)


@datalek_app.command("list")
def datalek_list(
    open_: Annotated[bool, typer.Option("--open", help="Alleen open datalekken.")] = False,
    meldplichtig: Annotated[bool, typer.Option("--meldplichtig", help="Alleen met risico.")]
    = False,
    te_laat: Annotated[bool, typer.Option("--te-laat", help="Alleen te laat (gemeld).")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text of json.")] = "text",
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    nu: NuOpt = None,
) -> int:
    """Toon de datalekken met hun klok."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.list_(repo, parse_vandaag(vandaag), parse_nu(nu), open_, meldplichtig,
                         te_laat, fmt)


@datalek_app.command("show")
def datalek_show(referentie: DlRefArg, repo: RepoOpt = None, vandaag: VandaagOpt = None,
                 nu: NuOpt = None) -> int:
    """Toon één datalek: de tijdlijn en de klok."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.show(repo, parse_vandaag(vandaag), parse_nu(nu), referentie)


@datalek_app.command("ap-melding")
def datalek_ap_melding(
    referentie: DlRefArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md of json.")] = "md",
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    nu: NuOpt = None,
) -> int:
    """De inhoud voor het meldformulier van de AP, met wat nog ontbreekt."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.ap_melding(repo, parse_vandaag(vandaag), parse_nu(nu), referentie, fmt)


@datalek_app.command("brief")
def datalek_brief(
    referentie: DlRefArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md of html.")] = "md",
    uit: Annotated[Path | None, typer.Option("--uit", "-o", help="Schrijf naar dit bestand.",
                                             show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """De brief aan de betrokkenen bij een hoog risico (art. 34 AVG)."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_vandaag

    return command.brief(repo, parse_vandaag(vandaag), referentie, fmt, uit)


@datalek_app.command("trend")
def datalek_trend(
    jaar: Annotated[int, typer.Option(help="Het jaar van de analyse.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text of json.")] = "text",
    repo: RepoOpt = None,
) -> int:
    """Cijfers voor de jaarlijkse trendanalyse van datalekken."""
    from avgctl.commands import datalek as command

    return command.trend(repo, jaar, fmt)

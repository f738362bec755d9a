"""``avgctl datalek``: the options of the breach workflow."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from avgctl.cli.opties import (
    DlRefArg,
    NuOpt,
    RepoOpt,
    VandaagOpt,
    datum,
    datums,
    formaat,
    tekst,
    tijden,
    tijdstip,
)

_BESCHRIJVING = "Wat er is gebeurd, zonder namen of andere gegevens van betrokkenen."
_OORZAAK = "De oorzaak, bijvoorbeeld menselijke fout, phishing of diefstal."
_GEGEVENS = "Welke soorten gegevens, met komma's, bijvoorbeeld \"NAW, financiele_gegevens\"."
_REDEN_VERTRAGING = ("Bij een melding later dan 72 uur na ontdekking: de reden van de "
                     "vertraging (art. 33 lid 1 AVG).")

datalek_app = typer.Typer(
    help="Datalekken: registreren, beoordelen, melden aan de AP en betrokkenen informeren.",
    no_args_is_help=True,
)
# registered in app.py: "datalek")

@datalek_app.command("add")
def datalek_add(
    ontdekt_op: Annotated[str | None, tijdstip(
        "Het moment van ontdekken; standaard nu.")] = None,
    gemeld_door: Annotated[str | None, tekst(
        "Wie het incident meldt: een functie of afdeling, geen naam.")] = None,
    beschrijving: Annotated[str | None, tekst(_BESCHRIJVING)] = None,
    hoe_ontdekt: Annotated[str | None, tekst("Hoe het is ontdekt.")] = None,
    oorzaak: Annotated[str | None, tekst(_OORZAAK)] = None,
    soort: Annotated[str | None, tekst(
        "Welke inbreuk: vertrouwelijkheid, integriteit en/of beschikbaarheid (met komma's).",
        "SOORT")] = None,
    gegevens: Annotated[str | None, tekst(_GEGEVENS)] = None,
    betrokkenen: Annotated[str | None, tekst(
        "Van welke groepen mensen, met komma's, bijvoorbeeld debiteur.")] = None,
    aantal: Annotated[int | None, typer.Option(help="Om hoeveel mensen het ongeveer gaat.",
                                               metavar="AANTAL", show_default=False)] = None,
    records: Annotated[int | None, typer.Option(help="Om hoeveel records het ongeveer gaat.",
                                                metavar="AANTAL", show_default=False)] = None,
    systemen: Annotated[str | None, tekst("Welke systemen, met komma's.")] = None,
    verwerkingen: Annotated[str | None, tekst(
        "De ids van de getroffen verwerkingen, met komma's.", "IDS")] = None,
    periode_van: Annotated[str | None, tekst(
        "Wanneer het begon: een datum (JJJJ-MM-DD) of een tijdstip (JJJJ-MM-DDTuu:mm).",
        "DATUM")] = None,
    periode_tot: Annotated[str | None, tekst(
        "Wanneer het ophield: een datum (JJJJ-MM-DD) of een tijdstip (JJJJ-MM-DDTuu:mm).",
        "DATUM")] = None,
    maatregel: Annotated[str | None, tekst("Wat er al is gedaan.")] = None,
    verwerker: Annotated[str | None, tekst(
        "Het id (uit partijen.yaml) van de verwerker bij wie het gebeurde.", "ID")] = None,
    verwerker_ontdekt_op: Annotated[str | None, tijdstip(
        "Wanneer de verwerker het ontdekte.")] = None,
    gemeld_aan_ons_op: Annotated[str | None, tijdstip(
        "Wanneer de verwerker het aan ons meldde.")] = None,
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
    beschrijving: Annotated[str | None, tekst(_BESCHRIJVING)] = None,
    oorzaak: Annotated[str | None, tekst(_OORZAAK)] = None,
    gevolgen: Annotated[str | None, tekst(
        "De mogelijke gevolgen voor de betrokkenen.")] = None,
    ernst: Annotated[str | None, tekst(
        "De ernst van de gevolgen voor betrokkenen: beperkt of matig_tot_ernstig.",
        "ERNST")] = None,
    aantal: Annotated[int | None, typer.Option(help="Om hoeveel mensen het ongeveer gaat.",
                                               metavar="AANTAL", show_default=False)] = None,
    records: Annotated[int | None, typer.Option(help="Om hoeveel records het ongeveer gaat.",
                                                metavar="AANTAL", show_default=False)] = None,
    gegevens: Annotated[str | None, tekst(_GEGEVENS + " Vervangt de huidige lijst.")] = None,
    bijzondere_gegevens: Annotated[str | None, tekst(
        "Bijzondere categorieën van gegevens (art. 9 AVG), met komma's, bijvoorbeeld "
        "gezondheid.")] = None,
    ingedamd: Annotated[bool | None, typer.Option(
        "--ingedamd/--niet-ingedamd", help="Is het lek gedicht?", show_default=False)] = None,
    versleuteld: Annotated[bool | None, typer.Option(
        "--versleuteld/--niet-versleuteld", help="Waren de gegevens versleuteld?",
        show_default=False)] = None,
    maatregel: Annotated[str | None, tekst(
        "Een genomen maatregel; komt bij de maatregelen die er al staan.")] = None,
    reden_vertraging: Annotated[str | None, tekst(_REDEN_VERTRAGING)] = None,
    evaluatie: Annotated[str | None, tekst(
        "De uitkomst van de evaluatie achteraf: wat de organisatie ervan leert.")] = None,
    evaluatie_op: Annotated[str | None, datum(
        "De dag waarop de evaluatie is gedaan; nodig na een matig tot ernstig datalek "
        "(AVG810).")] = None,
    afgesloten_op: Annotated[str | None, datum("De dag waarop het datalek is afgesloten.")]
    = None,
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
        **datums(afgesloten_op=afgesloten_op, evaluatie_op=evaluatie_op),
    }
    return command.update(repo, referentie, velden)


@datalek_app.command("beoordeel")
def datalek_beoordeel(
    referentie: DlRefArg,
    risico: Annotated[str | None, tekst(
        "Uw besluit: geen, risico of hoog_risico. avgctl stelt voor, u beslist.",
        "RISICO")] = None,
    motivatie: Annotated[str | None, tekst("Waarom u zo besluit.")] = None,
    besloten_door: Annotated[str | None, tekst(
        "Wie het besluit neemt: een functie, geen naam.")] = None,
    veel_betrokkenen: Annotated[bool | None, typer.Option(
        "--veel-betrokkenen/--weinig-betrokkenen", help="Gaat het om veel mensen?",
        show_default=False)] = None,
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
    soort: Annotated[str, tekst("Het soort melding: voorlopig, volledig, aanvulling of "
                                "intrekking.", "SOORT")],
    kenmerk: Annotated[str | None, tekst("Het kenmerk dat de AP gaf.", "KENMERK")] = None,
    reden_vertraging: Annotated[str | None, tekst(_REDEN_VERTRAGING)] = None,
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
    meldplichtig: Annotated[bool, typer.Option(
        "--meldplichtig", help="Alleen datalekken met een risico (die gemeld moeten worden).")]
    = False,
    te_laat: Annotated[bool, typer.Option(
        "--te-laat", help="Alleen datalekken die te laat of nog niet gemeld zijn terwijl de "
        "72 uur voorbij zijn.")] = False,
    fmt: Annotated[str, formaat("text", "json")] = "text",
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
                 nu: NuOpt = None, fmt: Annotated[str, formaat("text", "json")] = "text") -> int:
    """Toon één datalek: de tijdlijn en de klok."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.show(repo, parse_vandaag(vandaag), parse_nu(nu), referentie, fmt)


@datalek_app.command("ap-melding")
def datalek_ap_melding(
    referentie: DlRefArg,
    fmt: Annotated[str, formaat("md", "json")] = "md",
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
    fmt: Annotated[str, formaat("md", "html")] = "md",
    uit: Annotated[Path | None, tekst("Schrijf naar dit bestand in plaats van naar het "
                                      "scherm.", "BESTAND", "--uit", "-o")] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """De brief aan de betrokkenen bij een hoog risico (art. 34 AVG)."""
    from avgctl.commands import datalek as command
    from avgctl.commands.common import parse_vandaag

    return command.brief(repo, parse_vandaag(vandaag), referentie, fmt, uit)


@datalek_app.command("trend")
def datalek_trend(
    jaar: Annotated[int, typer.Option(help="Het jaar van de analyse, bijvoorbeeld 2026.",
                                      metavar="JAAR", show_default=False)],
    fmt: Annotated[str, formaat("text", "json")] = "text",
    repo: RepoOpt = None,
) -> int:
    """Cijfers voor de jaarlijkse trendanalyse van datalekken."""
    from avgctl.commands import datalek as command

    return command.trend(repo, jaar, fmt)

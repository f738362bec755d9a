"""The Typer app, its options, and the one error boundary.

Exit codes: 0 ok, 1 findings or a domain error, 2 usage or an unreadable repository, 3 an
unexpected error (a bug: shown with its traceback only under ``--debug``), 130 interrupted.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

try:  # typer >= 0.20 vendors click; older versions depend on it
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover
    from click import exceptions as click  # type: ignore[no-redef,import-not-found,unused-ignore]

from avgctl import __version__
from avgctl.errors import EXIT_UNEXPECTED, EXIT_USAGE, AvgctlError

app = typer.Typer(
    name="avgctl",
    help="De AVG-administratie van een organisatie als platte tekst in git: registers "
    "valideren, controleren en bijhouden.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}

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


def _codes(values: list[str] | None) -> list[str]:
    return [code.strip() for value in values or [] for code in value.split(",") if code.strip()]


def _version(value: bool) -> None:
    # Eager: runs while the options are parsed, so `avgctl --version` needs no command.
    if value:
        sys.stdout.write(f"avgctl {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Toon bij een onverwachte fout de "
                                        "volledige traceback.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Toon de versie.", is_eager=True,
                                          callback=_version)] = False,
) -> None:
    _state["debug"] = debug


@app.command()
def check(
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="text, json, github of sarif (standaard text; github als "
        "GITHUB_ACTIONS=true).", show_default=False)] = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Alleen deze regels (codes of voorvoegsels, met komma's).",
        show_default=False)] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Deze regels overslaan (codes of voorvoegsels, met komma's).",
        show_default=False)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Ook waarschuwingen geven exitcode 1.")] = False,
    quiet: QuietOpt = False,
    nu: NuOpt = None,
) -> int:
    """Controleer alle registers: elk bestand en elke regel. Exitcode 1 bij fouten."""
    from avgctl.commands import check as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.run(repo, parse_vandaag(vandaag), fmt, _codes(select), _codes(ignore),
                       strict, quiet, parse_nu(nu))


@app.command()
def status(
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text of json.")] = "text",
    nu: NuOpt = None,
) -> int:
    """Het hoofdscherm: het register in het kort, wat binnenkort verloopt, de controle."""
    from avgctl.commands import status as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.run(repo, parse_vandaag(vandaag), fmt, parse_nu(nu))


verwerkingen_app = typer.Typer(
    help="Het register van verwerkingsactiviteiten: bekijken en exporteren.",
    no_args_is_help=True,
)
app.add_typer(verwerkingen_app, name="verwerkingen")


@verwerkingen_app.command("list")
def verwerkingen_list(
    repo: RepoOpt = None,
    grondslag: Annotated[str | None, typer.Option(
        help="Alleen verwerkingen met deze grondslag, bijvoorbeeld toestemming.",
        show_default=False)] = None,
    betrokkene: Annotated[str | None, typer.Option(
        help="Alleen verwerkingen met deze betrokkene, bijvoorbeeld debiteur.",
        show_default=False)] = None,
    partij: Annotated[str | None, typer.Option(
        help="Alleen verwerkingen waarbij deze partij (id) betrokken is.",
        show_default=False)] = None,
    bijzonder: Annotated[bool, typer.Option(
        "--bijzonder", help="Alleen verwerkingen met bijzondere of strafrechtelijke gegevens."
    )] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text of json.")] = "text",
) -> int:
    """Toon de verwerkingen als tabel: id, naam, grondslag, betrokkenen, bijzonder, DPIA."""
    from avgctl.commands import verwerkingen as command
    from avgctl.verwerkingen import Filter

    return command.list_(repo, Filter(grondslag, betrokkene, partij, bijzonder), fmt)


@verwerkingen_app.command("show")
def verwerkingen_show(
    verwerking_id: Annotated[str, typer.Argument(metavar="ID", help="Bijvoorbeeld 40.3.1.")],
    repo: RepoOpt = None,
) -> int:
    """Toon één verwerking volledig, met partijen en bewaartermijnen uitgeschreven."""
    from avgctl.commands import verwerkingen as command

    return command.show(repo, verwerking_id)


@verwerkingen_app.command("export")
def verwerkingen_export(
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="csv, md, html of var (VNG-verwerkingsactiviteiten-API).",
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


verzoek_app = typer.Typer(
    help="Verzoeken van betrokkenen: registreren, verlengen, afhandelen en brieven.",
    no_args_is_help=True,
)
app.add_typer(verzoek_app, name="verzoek")

RefArg = Annotated[str, typer.Argument(metavar="REF", help="De referentie, bijvoorbeeld "
                                       "AVG-2026-0042.")]
DatumOpt = Annotated[str | None, typer.Option(show_default=False, metavar="JJJJ-MM-DD")]
TekstOpt = Annotated[str | None, typer.Option(show_default=False)]


def _datums(**values: str | None) -> dict[str, object]:
    from avgctl.commands.common import parse_datum

    return {name: parse_datum(value, "--" + name.replace("_", "-"))
            for name, value in values.items()}


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
              **_datums(ontvangen=ontvangen)}
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
        **_datums(verificatie_op=verificatie_op, gepauzeerd_van=gepauzeerd_van,
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


@app.command()
def deadlines(
    binnen: Annotated[str | None, typer.Option(
        help="Alleen wat binnen zoveel tijd afloopt (of al te laat is), bijvoorbeeld 14d of 2w.",
        show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json, ics of csv.")] = "text",
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="Exitcode 1 bij: overdue (iets is te laat) of soon (iets is te laat "
        "of loopt binnen het waarschuwingsvenster af). Voor cron.", show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    nu: NuOpt = None,
) -> int:
    """Alle open termijnen, de te late bovenaan; als agenda met --format ics."""
    from avgctl.commands import deadlines as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.run(repo, parse_vandaag(vandaag), parse_nu(nu), binnen, fmt, fail_on)


datalek_app = typer.Typer(
    help="Datalekken: registreren, beoordelen, melden aan de AP en betrokkenen informeren.",
    no_args_is_help=True,
)
app.add_typer(datalek_app, name="datalek")
DlRefArg = Annotated[str, typer.Argument(metavar="REF", help="De referentie, bijvoorbeeld "
                                         "DL-2026-007.")]


def _tijden(**values: str | None) -> dict[str, object]:
    from avgctl.commands.common import parse_nu

    return {name: parse_nu(value) for name, value in values.items()}


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
        **_tijden(ontdekt_op=ontdekt_op, verwerker_ontdekt_op=verwerker_ontdekt_op,
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
        **_datums(afgesloten_op=afgesloten_op),
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


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(
        metavar="MAP", help="De map voor de nieuwe repository (standaard: de huidige).")
    ] = Path("."),
    voorbeeld: Annotated[bool, typer.Option(
        "--voorbeeld", help="Begin met het ingebouwde voorbeeld in plaats van leeg.")] = False,
) -> int:
    """Maak een nieuwe compliance-repository, leeg of met het voorbeeld. Overschrijft niets."""
    from avgctl.commands import init as command

    return command.run(directory, voorbeeld)


@app.command()
def schema(
    naam: Annotated[str | None, typer.Argument(
        metavar="NAAM", help="Alleen dit schema: avgctl, partijen, bewaartermijnen, "
        "verwerking of datalek.", show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", metavar="MAP", help="Schrijf de schema's als <naam>.schema.json in deze map "
        "(wordt zo nodig aangemaakt) in plaats van ze te tonen.", show_default=False)] = None,
) -> int:
    """Toon of schrijf de JSON Schema's van de bestandsformaten, voor editors."""
    from avgctl.commands import schema as command

    return command.run(out, naam)


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="Een regelcode, bijvoorbeeld AVG301.",
                                               show_default=False)] = None,
) -> int:
    """Toon alle regels, of leg één regel uit: wat, waarom, voorbeeld en oplossing."""
    from avgctl.commands import rules as command

    return command.run(code)


_CLICK_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Option '(.+)' requires an argument"), "optie {0} heeft een waarde nodig"),
    (re.compile(r"Option '(.+)' requires (\d+) arguments"), "optie {0} heeft {1} waarden nodig"),
    (re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)"),
     "onverwacht extra argument: {0}"),
    (re.compile(r"No such command '(.+?)'\.(?: Did you mean '(.+?)'\?)?"),
     "onbekende opdracht '{0}'"),
    (re.compile(r"Missing argument '(.+)'"), "argument {0} ontbreekt"),
    (re.compile(r"Missing option '(.+)'"), "optie {0} ontbreekt"),
]


def _usage_message(exc: click.UsageError) -> str:
    if isinstance(exc, click.NoSuchOption):
        extra = f"; bedoelde u {', '.join(exc.possibilities)}?" if exc.possibilities else ""
        return f"onbekende optie {exc.option_name}{extra}"
    if isinstance(exc, click.BadParameter):
        param = exc.param_hint or (exc.param.opts[0] if exc.param is not None and exc.param.opts
                                   else "een optie")
        return f"ongeldige waarde voor {param}: {exc.message}".replace("is not a valid integer",
                                                                       "is geen geheel getal")
    message = exc.format_message()
    for pattern, dutch in _CLICK_MESSAGES:
        match = pattern.search(message)
        if match:
            groups = match.groups()
            text = dutch.format(*groups)
            if len(groups) == 2 and groups[1] and "opdracht" in dutch:
                text += f"; bedoelde u '{groups[1]}'?"
            return text
    return "ongeldig gebruik van avgctl"


def main(argv: list[str] | None = None) -> int:
    from avgctl.output.console import error

    args = sys.argv[1:] if argv is None else argv
    if not args or any(arg in ("--help", "-h") for arg in args):
        _dutch_help()  # imports the help formatter, which other commands never need
    try:
        result = app(args=argv, prog_name="avgctl", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except click.NoArgsIsHelpError:
        return 0
    except typer.Abort:
        error("afgebroken")
        return 130
    except click.UsageError as exc:
        command = exc.ctx.command_path if exc.ctx else "avgctl"
        error(_usage_message(exc), f"zie '{command} --help'")
        return EXIT_USAGE
    except AvgctlError as exc:
        error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        error("afgebroken")
        return 130
    except Exception as exc:
        if _state["debug"]:
            raise
        error(f"onverwachte fout: {type(exc).__name__}: {exc}",
              "dit is een fout in avgctl; draai opnieuw met --debug en meld de uitvoer")
        return EXIT_UNEXPECTED
    return result if isinstance(result, int) else 0


def _dutch_help() -> None:
    """Typer's help panels in Dutch."""
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover - typer without rich
        return
    rich_utils.OPTIONS_PANEL_TITLE = "Opties"
    rich_utils.COMMANDS_PANEL_TITLE = "Opdrachten"
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"

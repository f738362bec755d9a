"""``avgctl verzoek``: the options of the request workflow."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from avgctl.cli.opties import (
    RefArg,
    RepoOpt,
    VandaagOpt,
    datum,
    datums,
    formaat,
    tekst,
)

_BEHANDELAAR = "De functie of het team dat het verzoek behandelt."
_WIJZE = ("Hoe de identiteit is gecontroleerd: bekend_emailadres, zaaknummer_en_naw, "
          "laatste_cijfers_bsn, afgeschermde_kopie_id, balie of anders. Een kopie van een "
          "identiteitsbewijs zonder afscherming kan niet.")
_FG_OP = "Wanneer de functionaris gegevensbescherming advies gaf over het besluit."
_FG_ADVIES = "Het advies van de FG, kort."
_FG_GEVOLGD = "Of het advies van de FG is gevolgd: ja of nee."
_FG_MOTIVATIE = "Waarom het advies van de FG niet is gevolgd (nodig bij 'nee')."
_MACHTIGING = ("Bij een verzoek namens de betrokkene het bewijs dat dat mag: volmacht, "
               "rechterlijke_uitspraak, ouderlijk_gezag, advocatenregister of curatele_bewind.")
_OPMERKING = "Een interne opmerking, zonder persoonsgegevens; komt nooit in een brief."
_TOELICHTING = ("Bij een (gedeeltelijke) afwijzing: de uitleg aan de betrokkene, zoals die in "
                "de brief komt; nodig bij de grond 'overig'.")
_VERWERKINGEN = "Ids van de verwerkingen waarop het verzoek gaat, gescheiden door ';'."
_ONTVANGERS = ("Na rectificatie, wissing of beperking: de datum waarop de ontvangers zijn "
               "ingelicht (art. 19 AVG, JJJJ-MM-DD), of 'nvt' als er geen ontvangers zijn.")

verzoek_app = typer.Typer(
    help="Verzoeken van betrokkenen: registreren, verlengen, afhandelen en brieven.",
    no_args_is_help=True,
)
# registered in app.py: "verzoek")


@verzoek_app.command("add")
def verzoek_add(
    type_: Annotated[str | None, tekst(
        "Het soort verzoek: inzage, rectificatie, wissing, beperking, overdraagbaarheid, "
        "bezwaar, geautomatiseerde_besluitvorming of intrekken_toestemming.", "SOORT",
        "--type")] = None,
    betrokkene_ref: Annotated[str | None, tekst(
        "Zaak- of klantnummer van de betrokkene (nooit een naam).", "NUMMER")] = None,
    kanaal: Annotated[str | None, tekst(
        "Hoe het verzoek binnenkwam: formulier, email, brief, balie, telefoon of portaal.",
        "KANAAL")] = None,
    ontvangen: Annotated[str | None, datum(
        "De dag waarop het verzoek binnenkwam; standaard vandaag.")] = None,
    verzoeker: Annotated[str | None, tekst(
        "Wie het verzoek deed: betrokkene (standaard), gemachtigde, "
        "wettelijk_vertegenwoordiger of advocaat.")] = None,
    machtiging: Annotated[str | None, tekst(_MACHTIGING, "BEWIJS")] = None,
    behandelaar: Annotated[str | None, tekst(_BEHANDELAAR)] = None,
    verwerkingen: Annotated[str | None, tekst(_VERWERKINGEN, "IDS")] = None,
    opmerking: Annotated[str | None, tekst(_OPMERKING)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Registreer een nieuw verzoek; vraagt in een terminal naar wat ontbreekt."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    velden = {"type": type_, "betrokkene_ref": betrokkene_ref, "kanaal": kanaal,
              "verzoeker": verzoeker, "machtiging": machtiging, "behandelaar": behandelaar,
              "verwerkingen": verwerkingen, "opmerking": opmerking,
              **datums(ontvangen=ontvangen)}
    return command.add(repo, parse_vandaag(vandaag), velden, sys.stdin.isatty())


@verzoek_app.command("update")
def verzoek_update(
    referentie: RefArg,
    status: Annotated[str | None, tekst(
        "Waar het verzoek staat: open, in_behandeling, afgehandeld of ingetrokken.",
        "STATUS")] = None,
    behandelaar: Annotated[str | None, tekst(_BEHANDELAAR)] = None,
    verificatie: Annotated[str | None, tekst(
        "De uitkomst van de identiteitscontrole: positief, negatief of niet_mogelijk.",
        "UITKOMST")] = None,
    verificatie_op: Annotated[str | None, datum("Wanneer de identiteit is gecontroleerd.")]
    = None,
    verificatie_wijze: Annotated[str | None, tekst(_WIJZE, "WIJZE")] = None,
    machtiging: Annotated[str | None, tekst(_MACHTIGING, "BEWIJS")] = None,
    gepauzeerd_van: Annotated[str | None, datum(
        "Begin van een pauze in de eigen termijn, bijvoorbeeld in afwachting van een "
        "identiteitsbewijs.")] = None,
    gepauzeerd_tot: Annotated[str | None, datum("Einde van die pauze.")] = None,
    pauze_reden: Annotated[str | None, tekst("Waarom de termijn is gepauzeerd.")] = None,
    verwerkingen: Annotated[str | None, tekst(_VERWERKINGEN + " Vervangt de huidige lijst.",
                                              "IDS")] = None,
    ontvangers_geinformeerd: Annotated[str | None, tekst(_ONTVANGERS, "DATUM")] = None,
    afwijzing_toelichting: Annotated[str | None, tekst(_TOELICHTING)] = None,
    fg_advies_op: Annotated[str | None, datum(_FG_OP)] = None,
    fg_advies: Annotated[str | None, tekst(_FG_ADVIES)] = None,
    fg_advies_gevolgd: Annotated[str | None, tekst(_FG_GEVOLGD, "JA/NEE")] = None,
    fg_advies_motivatie_afwijking: Annotated[str | None, tekst(_FG_MOTIVATIE)] = None,
    opmerking: Annotated[str | None, tekst(_OPMERKING)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Wijzig velden van een verzoek; de rest van het register blijft zoals het is."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    velden: dict[str, object] = {
        "status": status, "behandelaar": behandelaar, "verificatie": verificatie,
        "verificatie_wijze": verificatie_wijze, "machtiging": machtiging,
        "pauze_reden": pauze_reden, "verwerkingen": verwerkingen, "opmerking": opmerking,
        "ontvangers_geinformeerd": ontvangers_geinformeerd,
        "afwijzing_toelichting": afwijzing_toelichting, "fg_advies": fg_advies,
        "fg_advies_gevolgd": fg_advies_gevolgd,
        "fg_advies_motivatie_afwijking": fg_advies_motivatie_afwijking,
        **datums(verificatie_op=verificatie_op, gepauzeerd_van=gepauzeerd_van,
                  gepauzeerd_tot=gepauzeerd_tot, fg_advies_op=fg_advies_op),
    }
    return command.update(repo, referentie, velden, parse_vandaag(vandaag))


@verzoek_app.command("verleng")
def verzoek_verleng(
    referentie: RefArg,
    reden: Annotated[str, tekst("Waarom: de complexiteit of het aantal verzoeken (art. 12 "
                                "lid 3 AVG).")],
    op: Annotated[str | None, datum(
        "De dag waarop de betrokkene het hoorde; standaard vandaag.")] = None,
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
    besluit: Annotated[str, tekst("Het besluit: toegewezen, gedeeltelijk_toegewezen, "
                                  "afgewezen of niet_in_behandeling.", "BESLUIT")],
    grond: Annotated[str | None, tekst(
        "Bij (gedeeltelijke) afwijzing de grond: identiteit_niet_vastgesteld, "
        "herhaald_verzoek, doel_onduidelijk, kennelijk_ongegrond, buitensporig, "
        "wettelijke_bewaarplicht, lopende_procedure, geen_gegevens of overig.", "GROND")] = None,
    toelichting: Annotated[str | None, tekst(_TOELICHTING)] = None,
    fg_advies_op: Annotated[str | None, datum(_FG_OP)] = None,
    fg_advies: Annotated[str | None, tekst(_FG_ADVIES)] = None,
    fg_advies_gevolgd: Annotated[str | None, tekst(_FG_GEVOLGD, "JA/NEE")] = None,
    fg_advies_motivatie_afwijking: Annotated[str | None, tekst(_FG_MOTIVATIE)] = None,
    op: Annotated[str | None, datum("De dag van het antwoord; standaard vandaag.")] = None,
    via: Annotated[str | None, tekst(
        "Hoe het antwoord is verzonden, bijvoorbeeld aangetekende brief.")] = None,
    ontvangers_geinformeerd: Annotated[str | None, tekst(_ONTVANGERS, "DATUM")] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Leg het besluit op een verzoek vast."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_datum, parse_vandaag

    return command.afhandel(repo, parse_vandaag(vandaag), referentie, besluit, grond,
                            parse_datum(op, "--op"), via, ontvangers_geinformeerd,
                            {"afwijzing_toelichting": toelichting, "fg_advies": fg_advies,
                             "fg_advies_gevolgd": fg_advies_gevolgd,
                             "fg_advies_motivatie_afwijking": fg_advies_motivatie_afwijking,
                             **datums(fg_advies_op=fg_advies_op)})


@verzoek_app.command("list")
def verzoek_list(
    open_: Annotated[bool, typer.Option("--open", help="Alleen open verzoeken.")] = False,
    te_laat: Annotated[bool, typer.Option("--te-laat", help="Alleen verzoeken over hun "
                                          "wettelijke of eigen termijn.")] = False,
    type_: Annotated[str | None, tekst("Alleen verzoeken van dit soort, bijvoorbeeld "
                                       "wissing.", "SOORT", "--type")] = None,
    behandelaar: Annotated[str | None, tekst("Alleen verzoeken van deze behandelaar.")] = None,
    fmt: Annotated[str, formaat("text", "json")] = "text",
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Toon de verzoeken met hun termijnen."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    return command.list_(repo, parse_vandaag(vandaag), open_, te_laat, type_, behandelaar, fmt)


@verzoek_app.command("show")
def verzoek_show(referentie: RefArg, repo: RepoOpt = None, vandaag: VandaagOpt = None,
                 fmt: Annotated[str, formaat("text", "json")] = "text") -> int:
    """Toon één verzoek: de tijdlijn en elke termijn."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    return command.show(repo, parse_vandaag(vandaag), referentie, fmt)


@verzoek_app.command("brief")
def verzoek_brief(
    referentie: RefArg,
    soort: Annotated[str, typer.Argument(
        metavar="SOORT", help="Welke brief: ontvangst, verlenging, afwijzing of besluit.",
        show_default=False)],
    fmt: Annotated[str, formaat("md", "html")] = "md",
    uit: Annotated[Path | None, tekst("Schrijf naar dit bestand in plaats van naar het "
                                      "scherm.", "BESTAND", "--uit", "-o")] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Maak de brief aan de betrokkene: ontvangstbevestiging, verlenging, afwijzing of besluit."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    return command.brief(repo, parse_vandaag(vandaag), referentie, soort, fmt, uit)


@verzoek_app.command("overzicht")
def verzoek_overzicht(
    referentie: RefArg,
    fmt: Annotated[str, formaat("md", "html")] = "md",
    uit: Annotated[Path | None, tekst("Schrijf naar dit bestand in plaats van naar het "
                                      "scherm.", "BESTAND", "--uit", "-o")] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Maak bij een inzageverzoek het overzicht van art. 15 lid 1 AVG: per verwerking de
    doelen, gegevens, ontvangers, bewaartermijn, bron en geautomatiseerde besluiten, met de
    rechten en de klacht bij de AP."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    return command.overzicht(repo, parse_vandaag(vandaag), referentie, fmt, uit)


@verzoek_app.command("herstel")
def verzoek_herstel(
    backup: Annotated[str, datum("De dag van de teruggezette back-up.", "--backup",
                                 "--backup-datum")],
    bevestig: Annotated[bool, typer.Option(
        "--bevestig", help="Leg vast dat alles op de lijst vandaag opnieuw is uitgevoerd "
        "(opnieuw_toegepast_op bij elk verzoek).")] = False,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
) -> int:
    """Na het terugzetten van een back-up: welke wissingen, rectificaties en beperkingen
    opnieuw moeten; legt de terugzetting vast in registers/herstel.yaml."""
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_datum, parse_vandaag

    dag = parse_datum(backup, "--backup")
    assert dag is not None
    return command.herstel(repo, dag, parse_vandaag(vandaag), bevestig)

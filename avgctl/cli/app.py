"""The Typer app, its options, and the one error boundary.

Exit codes: 0 ok, 1 findings or a domain error, 2 usage or an unreadable repository, 3 an
unexpected error (a bug: shown with its traceback only under ``--debug``), 130 interrupted.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

try:  # typer >= 0.20 vendors click; older versions depend on it
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover
    from click import exceptions as click  # type: ignore[no-redef,import-not-found,unused-ignore]

from avgctl import __version__
from avgctl.cli.bewaartermijnen import bewaartermijnen_app
from avgctl.cli.datalek import datalek_app
from avgctl.cli.grens import afgebroken, domeinfout, onverwacht
from avgctl.cli.hulp import installeer as _dutch_help
from avgctl.cli.opties import NuOpt, QuietOpt, RepoOpt, VandaagOpt, formaat
from avgctl.cli.rapport import rapport
from avgctl.cli.render import render_app
from avgctl.cli.verwerkingen import verwerkingen_app
from avgctl.cli.verzoek import verzoek_app
from avgctl.errors import EXIT_OK, EXIT_USAGE, AvgctlError

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

app.add_typer(verwerkingen_app, name="verwerkingen")
app.add_typer(verzoek_app, name="verzoek")
app.add_typer(datalek_app, name="datalek")
app.add_typer(render_app, name="render")
app.add_typer(bewaartermijnen_app, name="bewaartermijnen")
app.command("rapport")(rapport)
# Every command's help in Dutch, also of groups added later: one formatter for all.
_dutch_help()

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
                                        "volledige technische melding.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Toon de versie.", is_eager=True,
                                          callback=_version)] = False,
) -> None:
    _state["debug"] = debug


@app.command()
def check(
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="Het formaat: text, json, github of sarif (standaard text; "
        "github als GITHUB_ACTIONS=true).", show_default=False)] = None,
    select: Annotated[list[str] | None, typer.Option(
        "--select", metavar="CODES", help="Alleen deze regels (codes of het begin ervan, met "
        "komma's), bijvoorbeeld AVG3,AVG401.", show_default=False)] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", metavar="CODES", help="Deze regels overslaan (codes of het begin ervan, "
        "met komma's), bijvoorbeeld AVG108.", show_default=False)] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Ook waarschuwingen geven exitcode 1.")] = False,
    quiet: QuietOpt = False,
    nu: NuOpt = None,
    sinds: Annotated[str | None, typer.Option(
        "--sinds", metavar="REVISIE", help="Alleen de bevindingen in wat sinds deze "
        "git-revisie veranderde (een tak, tag of commit, bijvoorbeeld main); wat als gewijzigd "
        "telt, staat in docs/wijzigingen.md.", show_default=False)] = None,
) -> int:
    """Controleer alle registers: elk bestand en elke regel. Exitcode 1 bij fouten."""
    from avgctl.commands import check as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.run(repo, parse_vandaag(vandaag), fmt, _codes(select), _codes(ignore),
                       strict, quiet, parse_nu(nu), sinds)


@app.command()
def diff(
    basis: Annotated[str, typer.Argument(
        metavar="BASIS", help="De git-revisie om mee te vergelijken: een tak, tag of commit, "
        "bijvoorbeeld main of HEAD~1.", show_default=False)],
    doel: Annotated[str | None, typer.Argument(
        metavar="DOEL", help="De git-revisie die u wilt zien (standaard: de bestanden zoals ze "
        "nu in de map staan).", show_default=False)] = None,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", help="Het formaat: md (Markdown, voor een pull request) of "
        "json.")] = "md",
    repo: RepoOpt = None,
) -> int:
    """Wat er in de registers veranderde tussen twee git-revisies, in woorden."""
    from avgctl.commands import diff as command

    return command.run(repo, basis, doel, fmt)


@app.command()
def status(
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Het formaat: text of json.")] = "text",
    nu: NuOpt = None,
) -> int:
    """Het hoofdscherm: het register in het kort, wat binnenkort verloopt, de controle."""
    from avgctl.commands import status as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.run(repo, parse_vandaag(vandaag), fmt, parse_nu(nu))


@app.command()
def deadlines(
    binnen: Annotated[str | None, typer.Option(
        help="Alleen wat binnen zoveel tijd afloopt (of al te laat is), bijvoorbeeld 14d of 2w.",
        metavar="DUUR", show_default=False)] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Het formaat: text, json, ics "
                                                         "(agenda) of csv.")] = "text",
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", metavar="WANNEER", help="Exitcode 1 bij: overdue (iets is te laat) of soon "
        "(iets is te laat of loopt binnen het waarschuwingsvenster af). Voor cron.",
        show_default=False)] = None,
    repo: RepoOpt = None,
    vandaag: VandaagOpt = None,
    nu: NuOpt = None,
) -> int:
    """Alle open termijnen, de te late bovenaan; als agenda met --format ics."""
    from avgctl.commands import deadlines as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.run(repo, parse_vandaag(vandaag), parse_nu(nu), binnen, fmt, fail_on)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(
        metavar="MAP", help="De map voor de nieuwe repository (standaard: de huidige).")
    ] = Path("."),
    voorbeeld: Annotated[bool, typer.Option(
        "--voorbeeld", help="Begin met het ingebouwde voorbeeld in plaats van leeg.")] = False,
    ci: Annotated[str | None, typer.Option(
        "--ci", metavar="DIENST", help="Schrijf ook een CI-workflow: github "
        "(.github/workflows/avgctl.yml) of gitlab (.gitlab-ci.yml). In een bestaande "
        "repository (met avgctl.yaml) alleen de workflow.", show_default=False)] = None,
    bron: Annotated[str | None, typer.Option(
        "--bron", metavar="ADRES", help="Bij --ci: waar de workflow avgctl vandaan haalt, zoals "
        "pip het schrijft: git+https://.../avgctl.git@v0.1.0 of het pad van een wheel in de "
        "repository. Zonder: een voorbeeldadres om in te vullen.", show_default=False)] = None,
    verklaringen: Annotated[str, typer.Option(
        "--verklaringen", metavar="MAP", help="Bij --ci: de map met de gepubliceerde "
        "privacyverklaringen, voor render privacyverklaring --check.")] = "website/privacy",
) -> int:
    """Maak een nieuwe compliance-repository, leeg of met het voorbeeld, of zet er een
    CI-workflow in. Overschrijft niets."""
    from avgctl.commands import init as command

    return command.run(directory, voorbeeld, ci, bron, verklaringen)


@app.command()
def schema(
    naam: Annotated[str | None, typer.Argument(
        metavar="NAAM", help="Alleen dit schema: avgctl, partijen, bewaartermijnen, "
        "verwerking of datalek.", show_default=False)] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", metavar="MAP", help="Schrijf de schema's als NAAM.schema.json in deze map "
        "(wordt zo nodig aangemaakt) in plaats van ze te tonen.", show_default=False)] = None,
) -> int:
    """Toon of schrijf de JSON Schema's van de bestandsformaten, voor editors."""
    from avgctl.commands import schema as command

    return command.run(out, naam)


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(
        metavar="CODE", help="Een regelcode, bijvoorbeeld AVG301.", show_default=False)] = None,
    fmt: Annotated[str, formaat("text", "json", "md")] = "text",
) -> int:
    """Toon alle regels, of leg één regel uit: wat, waarom, voorbeeld en oplossing.

    Met --format md: dezelfde uitleg als Markdown; zonder CODE de pagina docs/regels.md.
    """
    from avgctl.commands import rules as command

    return command.run(code, fmt)


@app.command()
def completion(
    shell: Annotated[str, typer.Argument(
        metavar="SHELL", help="De shell: bash, zsh of fish.", show_default=False)],
) -> int:
    """Toon het script waarmee de shell opdrachten en opties van avgctl aanvult met Tab.

    Zet de uitvoer in het opstartbestand van de shell, bijvoorbeeld in ~/.bashrc:
    eval "$(avgctl completion bash)".
    """
    from avgctl.cli import aanvullen
    from avgctl.errors import UsageError
    from avgctl.output.aanvullen import write_script

    if shell not in aanvullen.SHELLS:
        raise UsageError(f"onbekende shell {shell!r}; kies uit: {', '.join(aanvullen.SHELLS)}")
    write_script(aanvullen.script(typer.main.get_command(app), shell))
    return EXIT_OK


def error(message: str, hint: str = "") -> None:
    # Imported only when something went wrong: rich is not needed for --help or a clean run.
    from avgctl.output.console import error as print_error

    print_error(message, hint)


def main(argv: list[str] | None = None) -> int:
    from avgctl.cli import aanvullen

    if aanvullen.gevraagd():  # the shell asks which words fit: answered by Typer, then exit
        aanvullen.installeer()
    try:
        result = app(args=argv, prog_name="avgctl", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except click.NoArgsIsHelpError as exc:
        from avgctl.output.hulp import toon

        toon(exc.format_message())
        return 0
    except typer.Abort:
        error("afgebroken")
        return 130
    except click.UsageError as exc:
        from avgctl.cli.meldingen import melding, opdracht

        command = exc.ctx.command_path if exc.ctx else opdracht(
            sys.argv[1:] if argv is None else argv)
        error(melding(exc), f"zie '{command} --help'")
        return EXIT_USAGE
    except AvgctlError as exc:
        return domeinfout(exc)
    except KeyboardInterrupt:
        return afgebroken()
    except Exception as exc:
        if _state["debug"]:
            raise
        return onverwacht(exc)
    if result == 130:  # Typer turns Ctrl-C into this exit code, without a word
        error("afgebroken")
    return result if isinstance(result, int) else 0

"""The Typer app, its options, and the one error boundary.

Exit codes: 0 ok, 1 findings or a domain error, 2 usage or an unreadable repository, 3 an
unexpected error (a bug: shown with its traceback only under ``--debug``), 130 interrupted.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

try:  # typer >= 0.20 vendors click; older versions depend on it
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover
    from click import exceptions as click  # type: ignore[no-redef,import-not-found,unused-ignore]

from avgctl import __version__
from avgctl.cli.datalek import datalek_app
from avgctl.cli.opties import NuOpt, QuietOpt, RepoOpt, VandaagOpt
from avgctl.cli.verwerkingen import verwerkingen_app
from avgctl.cli.verzoek import verzoek_app
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

app.add_typer(verwerkingen_app, name="verwerkingen")
app.add_typer(verzoek_app, name="verzoek")
app.add_typer(datalek_app, name="datalek")

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
    groups = {"verwerkingen", "verzoek", "datalek"}
    if not args or any(arg in ("--help", "-h") for arg in args) or (
            len(args) == 1 and args[0] in groups):
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
    from typer._click import core

    original = core.Command.get_help_option

    def get_help_option(self: core.Command, ctx: core.Context) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = "Toon deze hulp."
        return option

    core.Command.get_help_option = get_help_option  # type: ignore[method-assign]
    rich_utils.OPTIONS_PANEL_TITLE = "Opties"
    rich_utils.COMMANDS_PANEL_TITLE = "Opdrachten"
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenten"

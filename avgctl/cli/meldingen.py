"""Click's usage errors as plain Dutch: what is wrong with which option, and what to do.

Click and Typer raise these while reading the command line (an unknown option, a missing
argument, a value of the wrong kind); the value checks of Typer come from Pydantic, whose
English ("Input should be a valid integer") is translated by the same table as the register
files (``avgctl.store.schemafout``).
"""

from __future__ import annotations

import re
from typing import Any

try:  # typer >= 0.20 vendors click; older versions depend on it
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover
    from click import exceptions as click  # type: ignore[no-redef,import-not-found,unused-ignore]

# Click's own messages, for the exceptions that carry nothing but text.
_TEKSTEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Option '(.+)' requires an argument"), "optie {0} heeft een waarde nodig"),
    (re.compile(r"Option '(.+)' requires (\d+) arguments"), "optie {0} heeft {1} waarden nodig"),
    (re.compile(r"Option '(.+)' does not take a value"),
     "optie {0} neemt geen waarde; laat '=...' weg"),
    (re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)"),
     "onverwacht extra argument: {0}"),
    (re.compile(r"Argument '(.+)' takes (\d+) values"), "argument {0} heeft {1} waarden nodig"),
    (re.compile(r"Missing argument '(.+)'"), "argument {0} ontbreekt"),
    (re.compile(r"Missing option '(.+)'"), "optie {0} ontbreekt"),
    (re.compile(r"Missing command"), "geef een opdracht"),
]
_NO_SUCH_COMMAND = re.compile(r"No such command '(.+?)'\.(?: Did you mean '(.+?)'\?)?")

# Values Typer checks itself, without Pydantic.
_WAARDEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:Path|File|Directory) '(.*)' does not exist\.?$"), "{0} bestaat niet"),
    (re.compile(r"^(?:Path|File|Directory) '?(.*?)'? is a file\.?$"),
     "{0} is een bestand, geen map"),
    (re.compile(r"^(?:Path|File|Directory) '?(.*?)'? is a directory\.?$"),
     "{0} is een map, geen bestand"),
    (re.compile(r"^(?:Path|File|Directory) '?(.*?)'? is not readable\.?$"),
     "{0} is niet te lezen"),
    (re.compile(r"^(?:Path|File|Directory) '?(.*?)'? is not writable\.?$"),
     "{0} kan niet worden geschreven"),
    (re.compile(r"^'?(.*?)'? is not one of (.*?)\.?$"), "{0!r} kan niet; kies uit: {1}"),
    (re.compile(r"^'?(.*?)'? is not a valid integer\.?$"), "{0!r} is geen geheel getal"),
]


def melding(exc: click.UsageError) -> str:
    """The Dutch message for a usage error of click or Typer."""
    if isinstance(exc, click.NoSuchOption):
        extra = f"; bedoelde u {', '.join(exc.possibilities)}?" if exc.possibilities else ""
        return f"onbekende optie {exc.option_name}{extra}"
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        if param is not None and getattr(param, "param_type_name", "") == "argument":
            return f"argument {_naam(param)} ontbreekt"
        return f"optie {_naam(param)} ontbreekt"
    if isinstance(exc, click.BadParameter):
        return f"ongeldige waarde voor {_naam(exc.param)}: {_waarde(exc)}"
    message = exc.format_message()
    match = _NO_SUCH_COMMAND.search(message)
    if match:
        suggestie = f"; bedoelde u '{match.group(2)}'?" if match.group(2) else ""
        return f"onbekende opdracht '{match.group(1)}'{suggestie}"
    for pattern, dutch in _TEKSTEN:
        match = pattern.search(message)
        if match:
            return dutch.format(*match.groups())
    return "ongeldig gebruik van avgctl"


def _naam(param: Any) -> str:
    """How the user wrote it: the longest option name, or the argument's value name."""
    if param is None:
        return "een optie"
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or str(param.name).upper())
    return str(max(param.opts, key=len)) if param.opts else str(param.name)


def _waarde(exc: click.BadParameter) -> str:
    cause = exc.__cause__
    if cause is not None and type(cause).__name__ == "ValidationError":
        from avgctl.store.schemafout import waardefout

        errors = cause.errors(include_url=False)  # type: ignore[attr-defined]
        if errors:
            message, hint = waardefout(errors[0])
            return message + (f" ({hint})" if hint else "")
    text = exc.message.strip()
    for pattern, dutch in _WAARDEN:
        match = pattern.match(text)
        if match:
            return dutch.format(*match.groups())
    return "deze waarde kan hier niet"


def opdracht(argv: list[str]) -> str:
    """The command the arguments name ('avgctl verzoek add'), for 'zie ... --help'."""
    from typer.main import get_command

    from avgctl.cli.app import app

    command: Any = get_command(app)
    path = ["avgctl"]
    for arg in argv:
        if arg.startswith("-"):
            continue
        commands = getattr(command, "commands", None)
        if not commands or arg not in commands:
            break
        command = commands[arg]
        path.append(arg)
    return " ".join(path)


def pydantic_melding(exc: BaseException) -> str | None:
    """A Pydantic ValidationError as one Dutch line with the fields it is about; None for
    anything else."""
    import pydantic_core
    from pydantic import BaseModel

    if not isinstance(exc, pydantic_core.ValidationError):
        return None
    from avgctl.store.schemafout import translate_all

    fouten = [f for f, _ in translate_all(BaseModel, exc.errors(include_url=False))]
    tekst = "; ".join(dict.fromkeys(f.message + (f" ({f.hint})" if f.hint else "")
                                    for f in fouten))
    return f"ongeldige gegevens ({exc.title}): {tekst}"

"""The help of every command in Dutch, from one place.

``installeer`` replaces the help formatter of Typer and click for all commands, also those
added later: the usage line, the value names (``DATUM``, ``MAP``, ``TEKST`` instead of
``<str>``, ``<path>``, ``TEXT``), defaults as ``standaard:``, required values as ``verplicht``,
and the section titles. The same text comes out in a terminal and in a pipe, with or without
rich; ``avgctl.output.hulp`` lays it out.
"""

from __future__ import annotations

import datetime as dt
import inspect
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from avgctl.output.hulp import Hulp, Rij

HELP_TEKST = "Toon deze hulp."

# By the type of the value, when an option names no value itself.
_NAAM_PER_TYPE: list[tuple[type, str]] = [
    (bool, "JA/NEE"), (int, "AANTAL"), (float, "GETAL"), (dt.datetime, "TIJDSTIP"),
    (dt.date, "DATUM"), (Path, "BESTAND"), (str, "TEKST"),
]
# Options that many commands share, when they name no value themselves.
_NAAM_PER_OPTIE = {"--format": "FORMAAT", "--repo": "MAP", "--uit": "BESTAND",
                   "--vandaag": "DATUM", "--nu": "TIJDSTIP", "--jaar": "JAAR"}
# For click's own types (a command built without Typer).
_NAAM_PER_CLICKTYPE = {"integer": "AANTAL", "float": "GETAL", "path": "BESTAND",
                       "filename": "BESTAND", "file": "BESTAND", "text": "TEKST",
                       "choice": "KEUZE", "datetime": "TIJDSTIP", "boolean": "JA/NEE"}


def installeer() -> None:
    """Put the Dutch help in place of Typer's and click's, for every command class."""
    from typer import core

    try:
        from typer._click import core as click_core
    except ImportError:  # pragma: no cover - typer that depends on click
        from click import core as click_core  # type: ignore[no-redef,import-not-found,unused-ignore]

    def format_help(self: Any, ctx: Any, formatter: Any) -> None:
        from avgctl.output.hulp import opmaak

        formatter.write(opmaak(beschrijf(self, ctx)))

    for cls in (click_core.Command, core.TyperCommand, core.TyperGroup):
        cls.format_help = format_help  # type: ignore[method-assign]


def is_groep(command: Any) -> bool:
    return hasattr(command, "commands") and hasattr(command, "list_commands")


def beschrijf(command: Any, ctx: Any) -> Hulp:
    """A command (or group) as a help screen."""
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    argumenten = [p for p in params if _is_argument(p)]
    opties = [p for p in params if not _is_argument(p)]
    secties: dict[str, list[Rij]] = {"Argumenten": [], "Opties": []}
    for p in argumenten:
        secties.setdefault(_paneel(p, "Argumenten"), []).append(
            Rij(argumentnaam(p), uitleg(p, ctx)))
    for p in opties:
        secties.setdefault(_paneel(p, "Opties"), []).append(Rij(optienaam(p), uitleg(p, ctx)))
    slot = []
    if is_groep(command):
        opdrachten: dict[str, list[Rij]] = {"Opdrachten": []}
        for naam in command.list_commands(ctx):
            sub = command.get_command(ctx, naam)
            if sub is None or getattr(sub, "hidden", False):
                continue
            opdrachten.setdefault(_paneel(sub, "Opdrachten"), []).append(
                Rij(naam, (_alineas(sub.short_help or sub.help or "") or [""])[0]))
        secties.update(opdrachten)
        slot.append(f"Hulp bij één opdracht: {ctx.command_path} OPDRACHT --help")
    if command.epilog:
        slot = _alineas(command.epilog) + slot
    return Hulp(gebruik(command, ctx, argumenten, opties), _alineas(command.help or ""),
                list(secties.items()), slot)


def gebruik(command: Any, ctx: Any, argumenten: list[Any], opties: list[Any]) -> str:
    parts = [ctx.command_path]
    verplicht = [p for p in opties if p.required]
    overig = [p for p in opties if not p.required and "--help" not in p.opts]
    if is_groep(command):
        if overig or verplicht:
            parts.append("[OPTIES]")
        parts.append("OPDRACHT")
        return " ".join(parts)
    for p in argumenten:
        naam = argumentnaam(p)
        parts.append(naam if p.required else f"[{naam}]")
    parts += [optienaam(p, kort=True) for p in verplicht]
    if overig:
        parts.append("[OPTIES]")
    return " ".join(parts)


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _paneel(obj: Any, standaard: str) -> str:
    return str(getattr(obj, "rich_help_panel", None) or standaard)


def _alineas(text: str) -> list[str]:
    """The paragraphs of a docstring or help text, each on one line."""
    text = inspect.cleandoc(text).partition("\f")[0]
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def argumentnaam(param: Any) -> str:
    naam = param.metavar or waardenaam(param) or str(param.name).upper()
    return str(naam) + ("..." if param.nargs != 1 else "")


def optienaam(param: Any, kort: bool = False) -> str:
    """'-f, --format FORMAAT', '--ingedamd / --niet-ingedamd'; ``kort``: only the long name."""
    namen = sorted(param.opts, key=lambda o: (o.startswith("--"), o))
    if kort:
        namen = namen[-1:]
    tekst = ", ".join(namen)
    if param.secondary_opts and not kort:
        tekst += " / " + ", ".join(param.secondary_opts)
    naam = waardenaam(param)
    return f"{tekst} {naam}" if naam else tekst


def waardenaam(param: Any) -> str | None:
    """The readable name of the value an option takes; None for an on/off flag."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.metavar:
        return str(param.metavar)
    for optie in param.opts:
        if optie in _NAAM_PER_OPTIE:
            return _NAAM_PER_OPTIE[optie]
    if keuzes(param):
        return "KEUZE"
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        annotation = descriptor.annotation
        if typing.get_origin(annotation) in (list, tuple) and typing.get_args(annotation):
            annotation = typing.get_args(annotation)[0]
        if isinstance(annotation, type):
            if issubclass(annotation, Path):
                info = getattr(descriptor, "parameter_info", None)
                if info is not None and getattr(info, "dir_okay", True) and \
                        not getattr(info, "file_okay", True):
                    return "MAP"
            for soort, naam in _NAAM_PER_TYPE:
                if issubclass(annotation, soort):
                    return naam
        return "WAARDE"
    return _NAAM_PER_CLICKTYPE.get(getattr(param.type, "name", ""), "WAARDE")


def keuzes(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if descriptor is not None else \
        getattr(param.type, "choices", None)
    return [str(c.value if isinstance(c, Enum) else c) for c in choices or ()]


def uitleg(param: Any, ctx: Any) -> str:
    """The help of a parameter, with its choices, default and whether it is required."""
    if "--help" in param.opts:
        return HELP_TEKST
    tekst = " ".join((param.help or "").split()) if hasattr(param, "help") else ""
    extra = []
    opties = keuzes(param)
    if opties and not all(o in tekst for o in opties):
        extra.append("Kies uit: " + _opsomming(opties) + ".")
    if getattr(param, "multiple", False):
        extra.append("Mag vaker worden gegeven.")
    standaard = _standaard(param, ctx)
    if standaard and "standaard" not in tekst.lower():
        extra.append(f"Standaard: {standaard}.")
    if param.required:
        extra.append("Verplicht.")
    return " ".join(part for part in [tekst, *extra] if part)


def _opsomming(woorden: list[str]) -> str:
    return woorden[0] if len(woorden) == 1 else ", ".join(woorden[:-1]) + " of " + woorden[-1]


def _standaard(param: Any, ctx: Any) -> str:
    show = getattr(param, "show_default", None)
    if show is False:
        return ""
    if isinstance(show, str):
        return show
    if show is None and not ctx.show_default:
        return ""
    waarde = param.default
    if waarde is None or callable(waarde) or (isinstance(waarde, list | tuple) and not waarde):
        return ""
    if isinstance(waarde, bool):  # an on/off pair says which one holds without the option
        if not param.secondary_opts:
            return ""
        return str(param.opts[-1] if waarde else param.secondary_opts[0])
    if isinstance(waarde, Enum):
        waarde = waarde.value
    if isinstance(waarde, list | tuple):
        return ", ".join(str(w) for w in waarde)
    return str(waarde)

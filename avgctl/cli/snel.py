"""Three commands without Typer, for the plain forms of their command lines: the retention
scan, the list of every request and the check.

On millions of rows the scan's own work is a fraction of a second, a list of 100,000 requests
has half the time of reading the register, and a check at most one and a half times that
(issues 9 and 12); building Typer's command tree and option converters would add a sizeable
share to any of them. This module reads only the forms that leave no doubt: the command's
words, then its own arguments and options, each option at most once, written ``--optie
WAARDE`` or ``--optie=WAARDE`` (a flag alone). Anything else (help, a global option, an
unknown or repeated option, a value that looks like an option, ``--``) returns None, and the
Typer app parses it as always, with its Dutch messages; tests hold the two parsers together
(tests/test_snel.py, tests/test_snel_check.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Soort = Literal["tekst", "pad", "vlag"]


@dataclass(frozen=True)
class Opdracht:
    """A command the quick parser reads: its words, options and defaults."""

    woorden: tuple[str, ...]
    # option -> (parameter of the command function, what its value is)
    opties: dict[str, tuple[str, Soort]]
    standaard: dict[str, Any]
    argumenten: str | None = None  # the parameter that collects the arguments, if any
    voer_uit: Callable[[dict[str, Any]], int] = field(repr=False, default=lambda w: 0)


def _scan(waarden: dict[str, Any]) -> int:
    from avgctl.commands import scan as command
    from avgctl.commands.common import parse_vandaag

    return command.scan(waarden["repo"], parse_vandaag(waarden["vandaag"]),
                        waarden["bronnen"], waarden["kaart"], waarden["database"],
                        waarden["fmt"], waarden["uit"], waarden["fail_on"])


def _verzoek_list(waarden: dict[str, Any]) -> int:
    from avgctl.commands import verzoek as command
    from avgctl.commands.common import parse_vandaag

    return command.list_(waarden["repo"], parse_vandaag(waarden["vandaag"]), waarden["open_"],
                         waarden["te_laat"], waarden["type_"], waarden["behandelaar"],
                         waarden["fmt"])


def _check(waarden: dict[str, Any]) -> int:
    from avgctl.commands import check as command
    from avgctl.commands.common import parse_nu, parse_vandaag

    return command.run(waarden["repo"], parse_vandaag(waarden["vandaag"]), waarden["fmt"],
                       [], [], waarden["strict"], waarden["quiet"], parse_nu(waarden["nu"]),
                       waarden["sinds"])


SCAN = Opdracht(
    ("bewaartermijnen", "scan"),
    {"--kaart": ("kaart", "pad"), "--database": ("database", "tekst"),
     "--format": ("fmt", "tekst"), "-f": ("fmt", "tekst"), "--uit": ("uit", "pad"),
     "--fail-on": ("fail_on", "tekst"), "--repo": ("repo", "pad"),
     "--vandaag": ("vandaag", "tekst")},
    {"bronnen": [], "kaart": None, "database": None, "fmt": "text", "uit": None,
     "fail_on": None, "repo": None, "vandaag": None},
    argumenten="bronnen", voer_uit=_scan)
VERZOEK_LIST = Opdracht(
    ("verzoek", "list"),
    {"--open": ("open_", "vlag"), "--te-laat": ("te_laat", "vlag"),
     "--type": ("type_", "tekst"), "--behandelaar": ("behandelaar", "tekst"),
     "--format": ("fmt", "tekst"), "-f": ("fmt", "tekst"), "--repo": ("repo", "pad"),
     "--vandaag": ("vandaag", "tekst")},
    {"open_": False, "te_laat": False, "type_": None, "behandelaar": None, "fmt": "text",
     "repo": None, "vandaag": None},
    voer_uit=_verzoek_list)
# ``--select`` and ``--ignore`` may be given more than once: left to Typer.
CHECK = Opdracht(
    ("check",),
    {"--repo": ("repo", "pad"), "--vandaag": ("vandaag", "tekst"), "--format": ("fmt", "tekst"),
     "-f": ("fmt", "tekst"), "--strict": ("strict", "vlag"), "--quiet": ("quiet", "vlag"),
     "-q": ("quiet", "vlag"), "--nu": ("nu", "tekst"), "--sinds": ("sinds", "tekst")},
    {"repo": None, "vandaag": None, "fmt": None, "strict": False, "quiet": False, "nu": None,
     "sinds": None},
    voer_uit=_check)
OPDRACHTEN = (SCAN, VERZOEK_LIST, CHECK)
OPTIES = SCAN.opties


def ontleed(argv: list[str], opdracht: Opdracht = SCAN) -> dict[str, Any] | None:
    """The parameters of ``opdracht`` as Typer gives them to the command, or None for
    anything else."""
    n = len(opdracht.woorden)
    if tuple(argv[:n]) != opdracht.woorden:
        return None
    waarden = {key: list(value) if isinstance(value, list) else value
               for key, value in opdracht.standaard.items()}
    gezien: set[str] = set()
    rest = argv[n:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        i += 1
        if not arg.startswith("-"):
            if not arg or opdracht.argumenten is None:
                return None
            waarden[opdracht.argumenten].append(Path(arg))
            continue
        naam, is_, waarde = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if naam not in opdracht.opties or opdracht.opties[naam][0] in gezien:
            return None
        parameter, soort = opdracht.opties[naam]
        gezien.add(parameter)
        if soort == "vlag":
            if is_:
                return None
            waarden[parameter] = True
            continue
        if not is_:
            if i >= len(rest):
                return None
            waarde, i = rest[i], i + 1
        if not waarde or waarde.startswith("-"):
            return None
        waarden[parameter] = Path(waarde) if soort == "pad" else waarde
    return waarden


def uitvoeren(argv: list[str]) -> int | None:
    """Run a command when ``argv`` is one of its plain command lines; None leaves it to
    Typer."""
    for opdracht in OPDRACHTEN:
        waarden = ontleed(argv, opdracht)
        if waarden is not None:
            break
    else:
        return None
    import gc

    # Building the models (and for the scan importing DuckDB) allocates many objects and no
    # garbage worth a collection; the process ends when the output is written (see
    # __main__), so none is run.
    gc.disable()
    from avgctl.cli.grens import afgebroken, domeinfout, onverwacht
    from avgctl.errors import AvgctlError

    try:
        return opdracht.voer_uit(waarden)
    except AvgctlError as exc:
        return domeinfout(exc)
    except KeyboardInterrupt:
        return afgebroken()
    except Exception as exc:
        return onverwacht(exc)

"""``avgctl bewaartermijnen scan`` without Typer, for the plain forms of the command line.

On millions of rows the scan's own work is a fraction of a second, and building Typer's
command tree and option converters would add a sizeable share to it (issue 12 asks for half
the time of a bare ``csv.reader`` pass). This module reads only the forms that leave no doubt:
``bewaartermijnen scan``, then inventories and the scan's own options, each at most once,
written ``--optie WAARDE`` or ``--optie=WAARDE``. Anything else (help, a global option, an
unknown or repeated option, a value that looks like an option, ``--``) returns None, and the
Typer app parses it as always, with its Dutch messages; tests hold the two parsers together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# option -> (parameter of commands.scan.scan, whether it is a path)
OPTIES: dict[str, tuple[str, bool]] = {
    "--kaart": ("kaart", True),
    "--database": ("database", False),
    "--format": ("fmt", False),
    "-f": ("fmt", False),
    "--uit": ("uit", True),
    "--fail-on": ("fail_on", False),
    "--repo": ("repo", True),
    "--vandaag": ("vandaag", False),
}


def ontleed(argv: list[str]) -> dict[str, Any] | None:
    """The scan's parameters as Typer gives them to the command, or None for anything else."""
    if argv[:2] != ["bewaartermijnen", "scan"]:
        return None
    waarden: dict[str, Any] = {"bronnen": [], "kaart": None, "database": None, "fmt": "text",
                               "uit": None, "fail_on": None, "repo": None, "vandaag": None}
    gezien: set[str] = set()
    rest = argv[2:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        i += 1
        if not arg.startswith("-"):
            if not arg:
                return None
            waarden["bronnen"].append(Path(arg))
            continue
        naam, is_, waarde = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if naam not in OPTIES or OPTIES[naam][0] in gezien:
            return None
        if not is_:
            if i >= len(rest):
                return None
            waarde, i = rest[i], i + 1
        if not waarde or waarde.startswith("-"):
            return None
        parameter, pad = OPTIES[naam]
        gezien.add(parameter)
        waarden[parameter] = Path(waarde) if pad else waarde
    return waarden


def scan(argv: list[str]) -> int | None:
    """Run the scan when ``argv`` is a plain scan command line; None leaves it to Typer."""
    waarden = ontleed(argv)
    if waarden is None:
        return None
    import gc

    # Building the models and importing DuckDB allocate many objects and no garbage worth a
    # collection; the process ends when the list is written (see __main__), so none is run.
    gc.disable()
    from avgctl.cli.grens import afgebroken, domeinfout, onverwacht
    from avgctl.errors import AvgctlError

    try:
        from avgctl.commands import scan as command
        from avgctl.commands.common import parse_vandaag

        return command.scan(waarden["repo"], parse_vandaag(waarden["vandaag"]),
                            waarden["bronnen"], waarden["kaart"], waarden["database"],
                            waarden["fmt"], waarden["uit"], waarden["fail_on"])
    except AvgctlError as exc:
        return domeinfout(exc)
    except KeyboardInterrupt:
        return afgebroken()
    except Exception as exc:
        return onverwacht(exc)

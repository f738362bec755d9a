"""The error boundary of the command line, without Typer: what an error says and its exit code.

Shared by the Typer app (cli/app.py) and the scan's own parser (cli/snel.py).
"""

from __future__ import annotations

from avgctl.errors import EXIT_FINDINGS, EXIT_UNEXPECTED, AvgctlError


def fout(message: str, hint: str = "") -> None:
    # Imported only when something went wrong: rich is not needed for --help or a clean run.
    from avgctl.output.console import error as print_error

    print_error(message, hint)


def domeinfout(exc: AvgctlError) -> int:
    fout(str(exc))
    return exc.exit_code


def afgebroken() -> int:
    fout("afgebroken")
    return 130


def onverwacht(exc: Exception) -> int:
    from avgctl.cli.meldingen import pydantic_melding

    dutch = pydantic_melding(exc)
    if dutch is not None:  # a record no command checked first: still said in Dutch
        fout(dutch)
        return EXIT_FINDINGS
    fout(f"onverwachte fout: {type(exc).__name__}: {exc}",
         "dit is een fout in avgctl; draai opnieuw met --debug en meld de uitvoer")
    return EXIT_UNEXPECTED

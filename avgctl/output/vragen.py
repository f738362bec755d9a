"""Questions in a terminal: open questions and yes/no, in Dutch.

A wrong answer is explained and only that question is asked again; what was answered before
stays. Yes and no are ``j``/``ja`` and ``n``/``nee`` (any case). End of input (Ctrl-D) stops
the command like Ctrl-C: nothing is written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from avgctl.errors import Afgebroken

JA = ("j", "ja")
NEE = ("n", "nee")

# Returns None when the answer can be used, else a Dutch sentence saying what is wrong.
Controle = Callable[[str], str | None]


def _lees(prompt: str) -> str:
    sys.stdout.write(prompt)
    sys.stdout.flush()
    try:
        line = sys.stdin.readline()
    except KeyboardInterrupt:
        line = ""
    if not line:  # end of input or Ctrl-C: the person stopped answering
        sys.stdout.write("\n")
        raise Afgebroken("afgebroken; er is niets geschreven")
    return line.rstrip("\r\n")


def _zeg(text: str) -> None:
    sys.stdout.write(text + "\n")


def vraag(tekst: str, controle: Controle | None = None, standaard: str = "") -> str:
    """Ask until the answer passes ``controle``; an empty answer is ``standaard``."""
    achter = f" [Enter = {standaard}]" if standaard else ""
    while True:
        antwoord = _lees(f"{tekst}{achter}: ").strip() or standaard
        fout = controle(antwoord) if controle is not None else None
        if fout is None:
            return antwoord
        _zeg(f"  {fout}. Probeer het opnieuw.")


def ja_nee(tekst: str, standaard: bool | None = None) -> bool:
    """Ask a yes/no question: j, ja, n or nee; Enter gives ``standaard`` if there is one."""
    achter = "" if standaard is None else f", Enter = {'ja' if standaard else 'nee'}"
    while True:
        antwoord = _lees(f"{tekst} [j/n{achter}]: ").strip().lower()
        if not antwoord and standaard is not None:
            return standaard
        if antwoord in JA:
            return True
        if antwoord in NEE:
            return False
        _zeg("  Antwoord met j (ja) of n (nee).")


def keuze(tekst: str, opties: list[str], standaard: str = "") -> str:
    """One of ``opties``; anything else is asked again with the options named."""
    def controle(antwoord: str) -> str | None:
        if antwoord in opties:
            return None
        return f"'{antwoord}' kan niet; kies {', '.join(opties[:-1])} of {opties[-1]}" \
            if antwoord else f"kies {', '.join(opties[:-1])} of {opties[-1]}"

    return vraag(f"{tekst} ({', '.join(opties)})", controle, standaard)

"""The help screens: plain Dutch text, wrapped at whole words to the width of the terminal.

One layout for every command, in a terminal and in a pipe alike: no boxes that cut words off
at a narrow width, no click or Typer notation. The CLI layer describes a command as a ``Hulp``;
this module only lays it out.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from dataclasses import dataclass, field

# Wider lines are hard to read; narrower than this and even short words no longer fit.
MAX_BREEDTE = 100
MIN_BREEDTE = 30


@dataclass(frozen=True)
class Rij:
    links: str  # an option with its value name, an argument, a command
    rechts: str  # what it does


@dataclass(frozen=True)
class Hulp:
    gebruik: str  # "avgctl verzoek verleng REF --reden TEKST [OPTIES]"
    tekst: list[str]  # the paragraphs of the description
    secties: list[tuple[str, list[Rij]]] = field(default_factory=list)
    slot: list[str] = field(default_factory=list)  # paragraphs after the sections


def breedte() -> int:
    """The width to lay out for: the terminal (or COLUMNS), 80 in a pipe, within bounds."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_BREEDTE, min(MAX_BREEDTE, columns))


def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    # Never break inside a word or at a hyphen: "compliance-repository" stays whole.
    return textwrap.wrap(text, width=max(width, 10), initial_indent=indent if first is None
                         else first, subsequent_indent=indent, break_long_words=False,
                         break_on_hyphens=False) or [indent.rstrip()]


def opmaak(hulp: Hulp, width: int | None = None) -> str:
    width = width or breedte()
    lines = _wrap(hulp.gebruik, width, " " * len("Gebruik: "), "Gebruik: ")
    for paragraph in hulp.tekst:
        lines.append("")
        lines += _wrap(paragraph, width)
    for titel, rijen in hulp.secties:
        if not rijen:
            continue
        lines += ["", f"{titel}:"]
        lines += _rijen(rijen, width)
    for paragraph in hulp.slot:
        lines.append("")
        lines += _wrap(paragraph, width)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _rijen(rijen: list[Rij], width: int) -> list[str]:
    """Two columns where they fit, else the explanation indented under the option."""
    links = max(len(r.links) for r in rijen)
    kolom = min(links, max(12, width * 2 // 5)) + 4  # two spaces before, two after
    if width - kolom < 24:  # too narrow for two columns: explanation below, indented
        lines: list[str] = []
        for r in rijen:
            lines += _wrap(r.links, width, "      ", "  ")
            if r.rechts:
                lines += _wrap(r.rechts, width, "      ")
        return lines
    lines = []
    inspring = " " * kolom
    for r in rijen:
        if len(r.links) + 4 <= kolom:
            eerste = f"  {r.links}".ljust(kolom)
            lines += _wrap(r.rechts, width, inspring, eerste) if r.rechts else [eerste]
        else:
            lines += _wrap(r.links, width, "      ", "  ")
            if r.rechts:
                lines += _wrap(r.rechts, width, inspring)
    return lines


def toon(text: str) -> None:
    """A help screen that no option asked for (a group without a command)."""
    import sys

    sys.stdout.write(text.rstrip("\n") + "\n")

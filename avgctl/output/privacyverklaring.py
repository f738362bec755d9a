"""Privacy statements on screen: the document itself, what was written, what is out of date."""

from __future__ import annotations

import sys
from pathlib import Path

UITLEG = {
    "ontbreekt": "ontbreekt",
    "verouderd": "is verouderd: het wijkt af van wat het register nu geeft",
    "overbodig": "hoort bij geen doelgroep meer",
}


def scherm(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def geschreven(paden: list[Path], uit: Path, totaal: int) -> None:
    for pad in paden:
        sys.stderr.write(f"Geschreven: {pad}\n")
    ongewijzigd = totaal - len(paden)
    sys.stderr.write(f"{len(paden)} van {totaal} verklaringen geschreven in {uit}"
                     + (f"; {ongewijzigd} waren al actueel" if ongewijzigd else "") + ".\n")


def gecontroleerd(map_: Path, verschillen: list[tuple[str, str]], totaal: int) -> None:
    if not verschillen:
        sys.stdout.write(f"Alle {totaal} verklaringen in {map_} zijn actueel.\n")
        return
    for naam, wat in verschillen:
        sys.stdout.write(f"{map_ / naam}: {UITLEG[wat]}\n")
    sys.stdout.write(f"{len(verschillen)} van de verklaringen in {map_} kloppen niet met het "
                     f"register. Werk ze bij met: avgctl render privacyverklaring --uit {map_}\n")

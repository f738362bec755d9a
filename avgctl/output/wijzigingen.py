"""``avgctl diff`` as Markdown for a pull-request comment, or as JSON."""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass
from itertools import groupby

from avgctl.render.markdown import markdown_tekst
from avgctl.wijzigingen import REGISTERS, Wijziging

FORMATS = ("md", "json")

KOPPEN = {
    "verwerkingen": "Verwerkingen",
    "partijen": "Partijen en overeenkomsten",
    "bewaartermijnen": "Bewaartermijnen",
    "verzoeken": "Verzoeken",
    "datalekken": "Datalekken",
    "organisatie": "Organisatie en beleid (avgctl.yaml)",
}


@dataclass(frozen=True)
class Verslag:
    basis: str
    doel: str | None  # None: the working tree
    wijzigingen: list[Wijziging]


def write(verslag: Verslag, fmt: str) -> None:
    sys.stdout.write(markdown(verslag) if fmt == "md" else _json(verslag))


def _revisie(naam: str) -> str:
    # As code: a revision such as HEAD~1 reads as typed, with no backslash in the source.
    return f"`{naam}`" if "`" not in naam and naam.strip() == naam else markdown_tekst(naam)


def markdown(verslag: Verslag) -> str:
    doel = f"revisie {_revisie(verslag.doel)}" if verslag.doel is not None else "de werkmap"
    lines = [f"## Wijzigingen in de registers van revisie {_revisie(verslag.basis)} "
             f"tot {doel}", ""]
    if not verslag.wijzigingen:
        lines += ["Geen wijzigingen in de registers.", ""]
        return "\n".join(lines)
    n = len(verslag.wijzigingen)
    lines += [f"{n} {'wijziging' if n == 1 else 'wijzigingen'}.", ""]
    volgorde = {naam: i for i, naam in enumerate(REGISTERS)}
    for register, group in groupby(sorted(verslag.wijzigingen,
                                          key=lambda c: volgorde[c.register]),
                                   key=lambda c: c.register):
        lines += [f"### {KOPPEN[register]}", ""]
        lines += [f"- {markdown_tekst(c.zin)}" for c in group]  # register text: escaped
        lines.append("")
    return "\n".join(lines)


def _json(verslag: Verslag) -> str:
    data = {"basis": verslag.basis, "doel": verslag.doel,
            "wijzigingen": [dataclasses.asdict(c) for c in verslag.wijzigingen]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

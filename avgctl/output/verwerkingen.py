"""The register on screen: a table, one activity in full, and exported bytes."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from avgctl.models import Verwerking
from avgctl.store.register import Bron, Register
from avgctl.verwerkingen.views import dpia_tekst, grondslagen

LIST_FORMATS = ("text", "json")
SHOW_FORMATS = ("text", "json")


def write_list(register: Register, bronnen: list[Bron[Verwerking]], fmt: str) -> None:
    rows = [_row(b.model) for b in bronnen]
    if fmt == "json":
        from avgctl.output.onleesbaar import json_lijst

        sys.stdout.write(json.dumps(json_lijst(rows, "verwerkingen", register.overgeslagen),
                                    ensure_ascii=False, indent=2) + "\n")
        return
    header = ["id", "naam", "grondslag", "betrokkenen", "bijzonder", "DPIA", "eigenaar"]
    cells = [[row["id"], row["naam"], ", ".join(row["grondslag"]),
              ", ".join(row["betrokkenen"]), "ja" if row["bijzonder"] else "",
              row["dpia"], row["eigenaar"]] for row in rows]
    # Plain aligned columns: a register of thousands of activities prints at once, where a
    # rich table measures and wraps every cell (seconds, DESIGN.md §5 asks under one).
    lines = columns([header, *cells])
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.write(f"{len(rows)} {'verwerking' if len(rows) == 1 else 'verwerkingen'}\n")


def columns(table: list[list[str]]) -> list[str]:
    widths = [max(map(len, column)) for column in zip(*table, strict=True)]
    # One format per table instead of a padding call per cell: lists run to 100,000 rows.
    line = "  ".join(f"{{:<{width}}}" for width in widths)
    return [line.format(*row).rstrip() for row in table]


def _row(v: Verwerking) -> dict[str, Any]:
    return {
        "id": v.id,
        "naam": v.naam,
        "grondslag": grondslagen(v),
        "betrokkenen": v.betrokkenen,
        "bijzonder": bool(v.bijzondere_gegevens or v.strafrechtelijke_gegevens),
        "dpia": dpia_tekst(v),
        "eigenaar": v.eigenaar or "",
    }


def write_show_json(register: Register, bron: Bron[Verwerking]) -> None:
    """The record as its file holds it (every field, null when empty), and the parties it
    names as the register knows them: for scripts, stable across versions."""
    from avgctl.verwerkingen.views import partij_ids

    partijen = []
    for partij_id in partij_ids(bron.model):
        partij = register.partij(partij_id)
        p = partij.model if partij is not None else None
        partijen.append({
            "id": partij_id,
            "naam": p.naam if p is not None else None,
            "relatie": p.relatie if p is not None else None,
            "land": p.land if p is not None else None,
            "doorgifte": p.doorgifte.mechanisme if p is not None and p.doorgifte else None,
            "bekend": p is not None,
        })
    document = {"bestand": bron.file, "verwerking": bron.model.model_dump(mode="json"),
                "partijen": partijen}
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def write_show(view: dict[str, Any], file: str) -> None:
    from rich.markup import escape

    from avgctl.output.console import stdout

    console = stdout()
    console.print(f"[bold]{escape(view['id'])} {escape(view['naam'])}[/]  [dim]{escape(file)}[/]")
    fields = [
        ("Proces", view["proces"]), ("Eigenaar", view["eigenaar"]), ("Doel", view["doel"]),
        ("Grondslag", "; ".join(x for x in (view["grondslag"], view["grondslag_bron"]) if x)),
        ("Betrokkenen", ", ".join(view["betrokkenen"])),
        *[("Bijzondere gegevens", f"{b['categorie']} (art. 9 lid 2 sub {b['uitzondering']})")
          for b in view["bijzondere_gegevens"]],
        ("Strafrechtelijk", view["strafrechtelijk"]),
        ("Besluitvorming", (view["besluitvorming"] or {}).get("beschrijving", "")),
        ("DPIA", view["dpia"]), ("Beveiliging", ", ".join(view["beveiliging"])),
        ("Basisbeveiliging", ", ".join(view["beveiliging_organisatie"])
         + (" (geldt voor de hele organisatie)" if view["beveiliging_organisatie"] else "")),
        ("Bewaartermijn", view["bewaartermijn_criterium"]),
        *[("Buiten de EER", f"{p['naam']} ({p['land']}), {p['doorgifte']}")
          for p in view["buiten_eer"]],
    ]
    for label, value in fields:
        if value:
            console.print(f"  [bold]{label + ':':<21}[/]{escape(value)}")
    for g in view["gegevens"]:
        console.print()
        console.print(f"  [bold]{escape(g['type'])}[/]")
        for label, key in (("betrokkene", "betrokkene"), ("grondslag", "grondslag"),
                           ("wettelijke basis", "wettelijke_basis"), ("bron", "bron"),
                           ("verwerkers", "verwerkers"), ("ontvangers", "ontvangers"),
                           ("systemen", "systemen"), ("bewaartermijn", "bewaartermijn")):
            if g[key]:
                console.print(f"    {label + ':':<18}{escape(g[key])}")


def csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def json_bytes(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_bytes(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def written(path: Path) -> None:
    from avgctl.output.console import stderr

    stderr().print(f"Geschreven: {path}")

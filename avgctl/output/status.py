"""The main screen as text or JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

from avgctl.overzicht import Status
from avgctl.render import datum

FORMATS = ("text", "json")


def write(status: Status, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(_as_json(status), ensure_ascii=False, indent=2) + "\n")
    else:
        _text(status)


def _as_json(status: Status) -> dict[str, Any]:
    data = asdict(status)
    data.pop("extra")
    data["vandaag"] = status.vandaag.isoformat()
    for item in data["afloop"]:
        item["verloopt"] = item["verloopt"].isoformat()
    return data


def _text(status: Status) -> None:
    from rich.markup import escape

    from avgctl.output.console import stdout

    console = stdout()
    console.print(f"[bold]{escape(status.organisatie or '(naam ontbreekt)')}[/] — stand van "
                  f"{datum(status.vandaag)}")
    console.print()
    console.print(f"[bold]Verwerkingen:[/] {status.verwerkingen}")
    width = max((len(s.nummer) + len(s.naam) for s in status.secties), default=0) + 3
    for sectie in status.secties:
        label = f"{sectie.nummer} {sectie.naam}".rstrip()
        console.print(f"  {escape(label):<{width}} {sectie.verwerkingen:>4}")
    console.print(f"[bold]Partijen:[/] {status.partijen}   [bold]Datalekken:[/] "
                  f"{status.datalekken}")
    console.print()
    if status.afloop:
        console.print("[bold]Overeenkomsten die verlopen zijn of binnen 90 dagen verlopen:[/]")
        for a in status.afloop:
            when = (f"[bold red]verlopen op {a.verloopt.isoformat()}[/]" if a.verlopen
                    else f"verloopt {a.verloopt.isoformat()} (over {a.dagen} dagen)")
            console.print(f"  {escape(a.naam)} ({escape(a.partij)}): {escape(a.soort)}, {when}")
    else:
        console.print("Geen overeenkomsten die binnen 90 dagen verlopen.")
    console.print()
    b = status.bevindingen
    style = "bold red" if b["fout"] else ("yellow" if b["waarschuwing"] else "green")
    total = sum(b.values())
    advice = " Zie 'avgctl check' voor de details." if total else ""
    console.print(f"[{style}]Controle: {b['fout']} {'fout' if b['fout'] == 1 else 'fouten'}, "
                  f"{b['waarschuwing']} "
                  f"{'waarschuwing' if b['waarschuwing'] == 1 else 'waarschuwingen'}, "
                  f"{b['info']} info ({status.bestanden} bestanden).{advice}[/]")

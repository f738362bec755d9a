"""What could not be read: on stderr for every command, and as ``onleesbaar`` in JSON.

An overview that leaves a record out without a word looks complete when it is not; a cron job
on ``avgctl deadlines`` would then stay silent while a request is overdue. So every skipped
file or record is named with its place, and counted per file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from avgctl.store.register import Overgeslagen

MAX_REGELS = 20  # more than this on a screen helps nobody; the count still covers them all

_MEERVOUD = {"verzoek": "verzoeken", "datalek": "datalekken", "verwerking": "verwerkingen",
             "partij": "partijen", "bewaartermijn": "bewaartermijnen",
             "instelling": "instellingen", "herstel": "herstellingen", "record": "records"}


def meld(overgeslagen: Sequence[Overgeslagen]) -> None:
    """The report on stderr: what was left out, where, and how many per file."""
    if not overgeslagen:
        return
    from rich.markup import escape

    from avgctl.output.console import stderr

    console = stderr()
    console.print("[bold red]fout:[/] niet alles is gelezen; dit ontbreekt in wat volgt:")
    for item in overgeslagen[:MAX_REGELS]:
        console.print(f"  {escape(regel(item))}", markup=True)
    if len(overgeslagen) > MAX_REGELS:
        console.print(f"  … en nog {len(overgeslagen) - MAX_REGELS} (zie 'avgctl check')")
    console.print(f"  {escape(samenvatting(overgeslagen))}")
    console.print("  herstel dit; 'avgctl check' toont alle fouten")


def regel(item: Overgeslagen) -> str:
    plaats = f"{item.file}:{item.line}:{item.column}"
    if item.heel_bestand:
        return (f"{plaats}: niet gelezen: {item.reden}; alle "
                f"{_MEERVOUD.get(item.soort, 'records')} in dit bestand ontbreken")
    wie = f"{item.soort} {item.id}" if item.id else item.soort
    return f"{plaats}: {wie} overgeslagen: {item.reden}"


def samenvatting(overgeslagen: Sequence[Overgeslagen]) -> str:
    """'in totaal overgeslagen: 2 verzoeken in registers/verzoeken.csv, ...'"""
    per_bestand: dict[str, list[Overgeslagen]] = {}
    for item in overgeslagen:
        per_bestand.setdefault(item.file, []).append(item)
    delen = []
    for file, items in per_bestand.items():
        if any(i.heel_bestand for i in items):
            delen.append(f"het hele bestand {file}")
            continue
        aantal = sum(i.records or 0 for i in items)
        soort = items[0].soort
        delen.append(f"{aantal} {soort if aantal == 1 else _MEERVOUD.get(soort, 'records')} "
                     f"in {file}")
    return "in totaal overgeslagen: " + ", ".join(delen)


def als_json(overgeslagen: Sequence[Overgeslagen]) -> list[dict[str, Any]]:
    """``records`` is null when the whole file could not be read."""
    return [{"bestand": i.file, "regel": i.line, "kolom": i.column, "soort": i.soort,
             "id": i.id, "records": i.records, "reden": i.reden} for i in overgeslagen]


def json_lijst(items: list[Any], sleutel: str,
               overgeslagen: Sequence[Overgeslagen]) -> list[Any] | dict[str, Any]:
    """A JSON list as it always was; when something was left out, an object with
    ``onleesbaar`` beside the list under ``sleutel``, so that no script takes it for whole."""
    if not overgeslagen:
        return items
    return {"onleesbaar": als_json(overgeslagen), sleutel: items}


def json_object(data: dict[str, Any], overgeslagen: Sequence[Overgeslagen]) -> dict[str, Any]:
    if overgeslagen:
        data["onleesbaar"] = als_json(overgeslagen)
    return data

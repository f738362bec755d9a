"""Output of the retention scan: the destruction list (text, csv, json), problems, the SQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from avgctl.output.console import regel, stderr

if TYPE_CHECKING:
    from avgctl.bewaartermijnen.inventaris import Telling, Vervallen
    from avgctl.store.inventaris import Probleem

KOLOMMEN = ("id", "bron", "bewaartermijn", "gebeurtenis_op", "einde", "dagen_over")
STATUS_TEKST = {
    "vervallen": "vervallen",
    "blokkade": "vastgehouden (blokkade)",
    "bewaren": "nog bewaren",
    "onbeperkt": "onbeperkt",
    "niet_te_berekenen": "niet te berekenen",
    "niet_begonnen": "nog niet begonnen",
    "id_ontbreekt": "zonder id",
    "onleesbare_datum": "onleesbare datum",
    "onbekende_bewaartermijn": "onbekende of ontbrekende bewaartermijn",
    "onleesbare_rij": "onleesbare rij",
}
_MEERVOUD = {
    "id_ontbreekt": "zonder id",
    "onleesbare_datum": "onleesbare datums",
    "onbekende_bewaartermijn": "onbekende of ontbrekende bewaartermijnen",
    "onleesbare_rij": "onleesbare rijen",
}
_PROBLEEM = {
    "id_ontbreekt": "het id ontbreekt",
    "onleesbare_datum": "de datum van de gebeurtenis is geen datum (schrijf JJJJ-MM-DD)",
    "onbekende_bewaartermijn": "de bewaartermijn ontbreekt of staat niet in bewaartermijnen.yaml",
    "onleesbare_rij": "deze rij is niet te lezen",
}


def voortgang() -> Callable[[float], None] | None:
    """A progress bar on a terminal; nothing in a pipe or under cron."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("inventaris lezen"), BarColumn(),
                        TextColumn("{task.percentage:>3.0f}%"), TimeElapsedColumn(),
                        console=stderr(), transient=True)
    task = progress.add_task("scan", total=100.0)
    started = [False]

    def update(percentage: float) -> None:
        if not started[0]:
            progress.start()
            started[0] = True
        progress.update(task, completed=percentage)
        if percentage >= 100.0:
            progress.stop()

    return update


def _rij(v: Vervallen) -> list[str]:
    return [v.id, v.bron, v.bewaartermijn, v.gebeurtenis_op.isoformat(), v.einde.isoformat(),
            str(v.dagen_over)]


def _samenvatting(tellingen: list[Telling]) -> list[dict[str, Any]]:
    return [{"bron": t.bron, "bewaartermijn": t.bewaartermijn, "gelezen": t.gelezen,
             **{s: t.aantallen.get(s, 0) for s in
                ("vervallen", "blokkade", "bewaren", "onbeperkt", "niet_te_berekenen",
                 "niet_begonnen")}}
            for t in tellingen]


def lijst(rijen: Iterator[Vervallen], tellingen: list[Telling], fmt: str, uit: Path | None,
          vandaag: dt.date) -> int:
    """Write the destruction list; returns how many records are due."""
    if uit is None:
        return _schrijf(rijen, tellingen, fmt, sys.stdout, vandaag)
    from avgctl.store.schrijven import atomic_write

    buffer = io.StringIO()
    aantal = _schrijf(rijen, tellingen, fmt, buffer, vandaag)
    atomic_write(uit, buffer.getvalue().encode("utf-8"))
    geschreven(uit)
    return aantal


def _schrijf(rijen: Iterable[Vervallen], tellingen: list[Telling], fmt: str, stream: IO[str],
             vandaag: dt.date) -> int:
    aantal = 0
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(KOLOMMEN)
        for v in rijen:
            writer.writerow(_rij(v))
            aantal += 1
        return aantal
    if fmt == "json":
        stream.write('{"vandaag": ' + json.dumps(vandaag.isoformat()) + ', "vervallen": [')
        for v in rijen:
            stream.write(("," if aantal else "") + "\n  " + json.dumps(dict(zip(
                KOLOMMEN, [v.id, v.bron, v.bewaartermijn, v.gebeurtenis_op.isoformat(),
                           v.einde.isoformat(), v.dagen_over], strict=True)), ensure_ascii=False))
            aantal += 1
        stream.write(("\n" if aantal else "") + '], "samenvatting": '
                     + json.dumps(_samenvatting(tellingen), ensure_ascii=False, indent=2)
                     + "}\n")
        return aantal
    # Text is for people: the columns are aligned, so the rows are gathered first.
    tabel = [list(KOLOMMEN), *(_rij(v) for v in rijen)]
    aantal = len(tabel) - 1
    if aantal:
        stream.write(f"Vernietigingslijst op {vandaag.isoformat()} (te beoordelen door de "
                     "eigenaar van de gegevens):\n")
        breedte = [max(len(r[i]) for r in tabel) for i in range(len(KOLOMMEN))]
        for r in tabel:
            stream.write("  ".join(c.ljust(b) for c, b in zip(r, breedte, strict=True)).rstrip()
                         + "\n")
    if not aantal:
        stream.write(f"Niets over de bewaartermijn op {vandaag.isoformat()}.\n")
    stream.write("\nSamenvatting per bron en bewaartermijn:\n")
    for t in tellingen:
        volgorde = list(STATUS_TEKST)
        delen = [f"{n} {STATUS_TEKST.get(s, s)}" for s, n in
                 sorted(t.aantallen.items(), key=lambda i: volgorde.index(i[0])
                        if i[0] in volgorde else len(volgorde)) if n]
        stream.write(f"  {t.bron} / {t.bewaartermijn or '(geen)'}: {t.gelezen} gelezen; "
                     + ", ".join(delen) + "\n")
    totaal = sum(t.gelezen for t in tellingen)
    stream.write(f"Totaal: {aantal} van {totaal} records zijn over hun bewaartermijn.\n")
    return aantal


def geschreven(uit: Path) -> None:
    """As every command that writes a file says it (output.verwerkingen.written), without
    loading the register's output for it."""
    text = f"Geschreven: {uit}"
    if not sys.stderr.isatty() and gewone_tekst(str(uit)):
        # What rich writes for it, without importing rich (a fiftieth of a second of a scan
        # of millions of rows); tests/test_scan.py holds the two together.
        sys.stderr.write(text + "\n")
        return
    stderr().print(text)


def gewone_tekst(text: str) -> bool:
    """True when rich prints ``text`` unchanged off a terminal: only printable characters,
    and none that markup (``[``, ``]``, ``\\``) or emoji codes (``:``) could change."""
    return text.isprintable() and not any(c in text for c in "[]\\:")


def problemen(lijst_: list[Probleem], tellingen: list[Telling]) -> None:
    """Rows that could not be judged: each with its place; nothing is listed as due then."""
    console = stderr()
    per_soort: dict[str, int] = {}
    for t in tellingen:
        for s, n in t.aantallen.items():
            if s in _PROBLEEM:
                per_soort[s] = per_soort.get(s, 0) + n
    for p in lijst_:
        extra = f" (bewaartermijn {p.bewaartermijn!r})" if p.soort == "onbekende_bewaartermijn" \
            and p.bewaartermijn else ""
        console.print(f"{p.plek}: {p.toelichting or _PROBLEEM[p.soort]}{extra}", markup=False)
    totaal = sum(per_soort.values())
    console.print(f"fout: {totaal} {'rij kon' if totaal == 1 else 'rijen konden'} niet worden "
                  "beoordeeld ("
                  + ", ".join(f"{n} {STATUS_TEKST[s] if n == 1 else _MEERVOUD[s]}"
                              for s, n in sorted(per_soort.items()))
                  + "); er is geen vernietigingslijst gemaakt. Herstel de bron en scan opnieuw.",
                  markup=False)


def statements(items: list[tuple[str, str]]) -> None:
    for i, (_, text) in enumerate(items):
        if i:
            regel()
        regel(text.rstrip() + ";")

"""The main screen as text or JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any
from zoneinfo import ZoneInfo

from avgctl.overzicht.deadlines import Termijn
from avgctl.overzicht.status import Status
from avgctl.render import datum
from avgctl.store.register import Overgeslagen

FORMATS = ("text", "json")


def write(status: Status, fmt: str, onleesbaar: Sequence[Overgeslagen] = ()) -> None:
    if fmt == "json":
        from avgctl.output.onleesbaar import json_object

        data = json_object(_as_json(status), onleesbaar)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        _text(status)


def _as_json(status: Status) -> dict[str, Any]:
    data = asdict(status)
    data["vandaag"] = status.vandaag.isoformat()
    data["aandacht"] = [_termijn(t) for t in status.aandacht]
    for item in data["afloop"]:
        item["verloopt"] = item["verloopt"].isoformat()
    data["herstel"] = [{"backup": h.backup.isoformat(), "teruggezet_op":
                        h.teruggezet_op.isoformat(), "open": h.open} for h in status.herstel]
    return data


def _termijn(t: Termijn) -> dict[str, object]:
    return {"soort": t.soort, "referentie": t.referentie, "omschrijving": t.omschrijving,
            "wettelijk": t.wettelijk.isoformat(), "dagen_wettelijk": t.dagen_wettelijk,
            "uren_wettelijk": t.uren_wettelijk,
            "intern": t.intern.isoformat() if t.intern else None,
            "dagen_intern": t.dagen_intern, "te_laat": t.te_laat}


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
                  f"{status.datalekken} ({status.open_datalekken} open)   "
                  f"[bold]Open verzoeken:[/] {status.open_verzoeken}")
    console.print()
    late = [t for t in status.aandacht if t.te_laat]
    if status.aandacht:
        console.print(f"[bold]Termijnen die aandacht vragen:[/] {len(late)} te laat, "
                      f"{len(status.aandacht) - len(late)} binnenkort")
        for t in status.aandacht[:10]:
            if isinstance(t.wettelijk, dt.datetime) and t.uren_wettelijk is not None:
                moment = t.wettelijk.astimezone(ZoneInfo(status.tijdzone))
                state = (f"[bold red]{-t.uren_wettelijk:.0f} uur te laat[/]" if t.te_laat
                         else f"nog {t.uren_wettelijk:.0f} uur")
                when = f"uiterlijk {moment:%Y-%m-%d %H:%M}, {state}"
            elif t.te_laat:
                when = (f"wettelijke termijn {t.wettelijk.isoformat()}, "
                        f"[bold red]{-t.dagen_wettelijk} d te laat[/]")
            elif t.intern is not None and t.dagen_intern is not None and t.intern < t.wettelijk:
                state = (f"{-t.dagen_intern} d voorbij" if t.dagen_intern < 0
                         else f"nog {t.dagen_intern} d")
                when = (f"eigen termijn {t.intern.isoformat()} ({state}), wettelijk "
                        f"{t.wettelijk.isoformat()}")
            else:
                when = f"wettelijke termijn {t.wettelijk.isoformat()} (nog {t.dagen_wettelijk} d)"
            console.print(f"  {escape(t.referentie)} {escape(t.omschrijving)}: {when}")
        if len(status.aandacht) > 10:
            console.print(f"  … en {len(status.aandacht) - 10} meer: zie 'avgctl deadlines'")
    else:
        console.print("Geen termijnen die te laat zijn of binnenkort aflopen.")
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
    vast = f" ({status.vastgehouden} vastgehouden door een blokkade)" if status.vastgehouden else ""
    if status.te_anonimiseren:
        console.print(f"[bold yellow]Bewaartermijnen:[/] {status.te_anonimiseren} eigen "
                      f"{'record' if status.te_anonimiseren == 1 else 'records'} (verzoeken, "
                      f"datalekken) over de termijn, nog niet geanonimiseerd{vast}; zie "
                      "'avgctl bewaartermijnen anonimiseer'.")
    else:
        console.print(f"[bold]Bewaartermijnen:[/] geen eigen verzoeken of datalekken te "
                      f"anonimiseren{vast}.")
    for h in status.herstel:
        console.print(f"[bold red]Back-up teruggezet:[/] de back-up van {datum(h.backup)} is op "
                      f"{datum(h.teruggezet_op)} teruggezet; {h.open} "
                      + ("wissing of correctie is" if h.open == 1
                         else "wissingen of correcties zijn") +
                      " nog niet opnieuw uitgevoerd. Zie 'avgctl verzoek herstel --backup "
                      f"{h.backup.isoformat()}'.")
    console.print()
    b = status.bevindingen
    style = "bold red" if b["fout"] else ("yellow" if b["waarschuwing"] else "green")
    total = sum(b.values())
    advice = " Zie 'avgctl check' voor de details." if total else ""
    console.print(f"[{style}]Controle: {b['fout']} {'fout' if b['fout'] == 1 else 'fouten'}, "
                  f"{b['waarschuwing']} "
                  f"{'waarschuwing' if b['waarschuwing'] == 1 else 'waarschuwingen'}, "
                  f"{b['info']} info ({status.bestanden} bestanden).{advice}[/]")

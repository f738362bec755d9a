"""``avgctl deadlines`` as text, JSON, CSV or an iCalendar file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence

from avgctl.output.verwerkingen import columns
from avgctl.overzicht.deadlines import Termijn
from avgctl.store.register import Overgeslagen

FORMATS = ("text", "json", "ics", "csv")


def write(items: list[Termijn], fmt: str, vandaag: dt.date, organisatie: str,
          zone: dt.tzinfo, totaal: int | None = None,
          onleesbaar: Sequence[Overgeslagen] = ()) -> None:
    if fmt == "json":
        from avgctl.output.onleesbaar import json_lijst

        data = json_lijst([_dict(t, zone) for t in items], "termijnen", onleesbaar)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(list(_dict(items[0], zone) if items else _KOLOMMEN))
        writer.writerows([[_cel(v) for v in _dict(t, zone).values()] for t in items])
        sys.stdout.write(buffer.getvalue())
    elif fmt == "ics":
        sys.stdout.write(ics(items, vandaag, organisatie))
    else:
        _text(items, zone, len(items) if totaal is None else totaal)


def _cel(value: object) -> object:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return "" if value is None else value


_KOLOMMEN = ("soort", "referentie", "omschrijving", "wettelijk", "dagen_wettelijk", "intern",
             "dagen_intern", "te_laat", "bestand", "regel")


def _wanneer(moment: dt.date, zone: dt.tzinfo) -> str:
    if isinstance(moment, dt.datetime):
        return moment.astimezone(zone).isoformat()
    return moment.isoformat()


def _dict(t: Termijn, zone: dt.tzinfo) -> dict[str, object]:
    return {
        "soort": t.soort, "referentie": t.referentie, "omschrijving": t.omschrijving,
        "wettelijk": _wanneer(t.wettelijk, zone), "dagen_wettelijk": t.dagen_wettelijk,
        "intern": t.intern.isoformat() if t.intern else None, "dagen_intern": t.dagen_intern,
        "te_laat": t.te_laat, "bestand": t.bestand, "regel": t.regel,
    }


def _dagen(dagen: int | None) -> str:
    if dagen is None:
        return ""
    if dagen < 0:
        return f"{-dagen} d te laat"
    return "vandaag" if dagen == 0 else f"nog {dagen} d"


def _uren(uren: float) -> str:
    return f"{-uren:.0f} u te laat" if uren < 0 else f"nog {uren:.0f} u"


def _text(items: list[Termijn], zone: dt.tzinfo, totaal: int) -> None:
    if not items:
        sys.stdout.write("Geen open termijnen.\n" if not totaal else
                         f"Geen termijnen binnen deze periode ({totaal} open).\n")
        return
    table = [["", "referentie", "wat", "wettelijk", "", "eigen termijn", ""]]
    for t in items:
        mark = "TE LAAT" if t.te_laat else ("eigen termijn voorbij" if t.intern_te_laat else "")
        if t.soort == "bewaartermijn" and t.te_laat:
            mark = "VERVALLEN"  # past its retention end: to be anonymised
        if isinstance(t.wettelijk, dt.datetime) and t.uren_wettelijk is not None:
            wettelijk = t.wettelijk.astimezone(zone).strftime("%Y-%m-%d %H:%M")
            over = _uren(t.uren_wettelijk)
        else:
            wettelijk, over = t.wettelijk.isoformat(), _dagen(t.dagen_wettelijk)
        table.append([mark, t.referentie, t.omschrijving, wettelijk, over,
                      t.intern.isoformat() if t.intern else "", _dagen(t.dagen_intern)])
    sys.stdout.write("".join(line + "\n" for line in columns(table)))
    late = sum(t.te_laat for t in items)
    sys.stdout.write(f"{len(items)} open {'termijn' if len(items) == 1 else 'termijnen'}, "
                     f"{late} te laat\n")


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets continue on a line starting with a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts) + "\r\n"


def ics(items: list[Termijn], vandaag: dt.date, organisatie: str) -> str:
    """One all-day event per deadline. The UID is the reference plus the kind of deadline,
    so importing the calendar again updates events instead of adding copies."""
    stamp = f"{vandaag:%Y%m%d}T000000Z"  # from --vandaag: the same input gives the same file
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//avgctl//termijnen//NL",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape('AVG-termijnen ' + organisatie).strip()}"]
    for t in items:
        events = [("wettelijk", t.wettelijk, "einde" if t.soort == "bewaartermijn"
                   else "wettelijke termijn")]
        if t.intern is not None and t.intern != t.wettelijk:
            events.append(("eigen", t.intern, "eigen termijn"))
        for kind, day, label in events:
            if isinstance(day, dt.datetime):  # the 72 hours end at a moment, in UTC
                utc = day.astimezone(dt.UTC)
                when = [f"DTSTART:{utc:%Y%m%dT%H%M%SZ}",
                        f"DTEND:{utc + dt.timedelta(minutes=30):%Y%m%dT%H%M%SZ}"]
            else:
                when = [f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                        f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"]
            lines += [
                "BEGIN:VEVENT",
                f"UID:{t.soort}-{t.referentie}-{kind}@avgctl",
                f"DTSTAMP:{stamp}",
                *when,
                f"SUMMARY:{_escape(f'{t.referentie}: {label} {t.omschrijving}')}",
                f"DESCRIPTION:{_escape(f'{t.bestand}:{t.regel}')}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) for line in lines)

"""The breach workflow on screen."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from avgctl.datalekken.views import Klok, ernstcriteria, gevoelig
from avgctl.models.datalek import ApMelding, Beoordeling, Datalek
from avgctl.output.vragen import Controle
from avgctl.store.register import Bron, Register
from avgctl.verzoeken.views import beleid

LIST_FORMATS = ("text", "json")
SHOW_FORMATS = ("text", "json")

# The intake questions of reference 004, asked in a terminal when no option gave the answer.
INTAKE: list[tuple[str, str]] = [
    ("gemeld_door", "Wie meldt het incident (functie of afdeling)?"),
    ("beschrijving", "Wat is er gebeurd?"),
    ("soort", "Welke inbreuk: vertrouwelijkheid, integriteit en/of beschikbaarheid?"),
    ("periode_van", "Wanneer begon het (JJJJ-MM-DD, leeg als onbekend)?"),
    ("ontdekt_op", "Wanneer is het ontdekt (JJJJ-MM-DDTuu:mm, leeg: nu)?"),
    ("hoe_ontdekt", "Hoe is het ontdekt?"),
    ("gegevens", "Welke gegevens (met komma's)?"),
    ("betrokkenen", "Van welke groepen mensen (met komma's)?"),
    ("aantal", "Om hoeveel mensen gaat het ongeveer?"),
    ("systemen", "Welke systemen (met komma's)?"),
    ("maatregel", "Wat is er al gedaan?"),
]

BEOORDELING: list[tuple[str, str]] = [
    ("persoonsgegevens", "Zijn persoonsgegevens getroffen?"),
    ("veel_betrokkenen", "Gaat het om veel mensen?"),
    ("gevoelige_gegevens", "Zijn gevoelige gegevens betrokken (bijzondere, strafrechtelijke of "
     "financiële gegevens, BSN, identiteitsbewijzen)?"),
    ("langdurig", "Waren de gegevens lang onbeschermd, of is het lek nog niet gedicht?"),
    ("onleesbaar", "Waren de gegevens onleesbaar voor onbevoegden (versleuteld)?"),
]

RISICO_TEKST = {"geen": "geen risico: niet melden, wel registreren",
                "risico": "risico: melden aan de AP",
                "hoog_risico": "hoog risico: melden aan de AP en de betrokkenen informeren"}


def _print(text: str = "") -> None:
    from avgctl.output.console import regel

    regel(text)


def vraag(tekst: str, controle: Controle | None = None) -> str:
    from avgctl.output.vragen import vraag as stel

    return stel(tekst, controle)


def ja_nee(tekst: str, standaard: bool) -> bool:
    from avgctl.output.vragen import ja_nee as stel

    return stel(tekst, standaard)


def kies_risico(suggestie: str) -> str:
    from avgctl.output.vragen import keuze

    return keuze("Uw besluit", list(RISICO_TEKST), suggestie)


def _zone(register: Register) -> ZoneInfo:
    return ZoneInfo(beleid(register).tijdzone)


def _klok(k: Klok, zone: ZoneInfo) -> str:
    t = k.termijnen
    deadline = t.ap.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
    if t.gemeld:
        assert t.eerste_melding is not None
        wanneer = t.eerste_melding.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        return f"gemeld {wanneer}" + (" (te laat)" if t.te_laat_gemeld else " (op tijd)")
    if k.bron.model.risico == "geen" or k.bron.model.geen_datalek:
        return "niet meldplichtig"
    if k.uren_over < 0:
        return f"AP-termijn {deadline} VERSTREKEN ({_uren(-k.uren_over)})"
    return f"AP-termijn {deadline} (nog {_uren(k.uren_over)})"


def _uren(uren: float) -> str:
    """Whole hours, rounded up below one hour to minutes (never '0 uur')."""
    import math

    if uren < 1:
        minuten = max(math.ceil(uren * 60), 1)
        return "1 minuut" if minuten == 1 else f"{minuten} minuten"
    return f"{math.floor(uren)} uur"


def toegevoegd(d: Datalek, k: Klok, path: Path, zone: ZoneInfo) -> None:
    _print(f"Datalek {d.referentie} geregistreerd in {path.name}.")
    _print(f"  uiterste melding bij de AP: {_klok(k, zone)}")
    _print(f"Beoordeel nu of het gemeld moet worden: avgctl datalek beoordeel {d.referentie}")


def gewijzigd(d: Datalek, velden: list[str]) -> None:
    _print(f"Datalek {d.referentie} bijgewerkt: {', '.join(velden)}.")


def suggestie(d: Datalek, b: Beoordeling, voorstel: str) -> None:
    _print(f"Beoordeling van {d.referentie}:")
    for naam, vraag_ in BEOORDELING:
        _print(f"  {vraag_} {'ja' if getattr(b, naam) else 'nee'}")
    criteria = ernstcriteria(d)
    if criteria.ernstig:
        _print(f"  ernst: matig tot ernstig ({', '.join(criteria.redenen)})")
    _print(f"Voorstel van avgctl: {RISICO_TEKST[voorstel]}. U beslist.")


def beoordeeld(d: Datalek, voorstel: str) -> None:
    anders = "" if d.risico == voorstel else f" (avgctl stelde '{voorstel}' voor)"
    _print(f"Besluit vastgelegd voor {d.referentie}: {RISICO_TEKST[d.risico or 'geen']}{anders}.")
    if d.risico in ("risico", "hoog_risico"):
        _print(f"De inhoud voor het meldformulier: avgctl datalek ap-melding {d.referentie}")
    if d.risico == "hoog_risico":
        _print(f"De brief aan de betrokkenen: avgctl datalek brief {d.referentie}")


def gemeld(d: Datalek, m: ApMelding, k: Klok, zone: ZoneInfo) -> None:
    kenmerk = f", kenmerk {m.kenmerk}" if m.kenmerk else ""
    _print(f"Melding ({m.soort}) van {d.referentie} aan de AP vastgelegd{kenmerk}: "
           f"{_klok(k, zone)}.")


def _rij(k: Klok, zone: ZoneInfo) -> dict[str, Any]:
    d = k.bron.model
    return {"referentie": d.referentie,
            "ontdekt_op": d.ontdekt_op.astimezone(zone).isoformat(),
            "soort": d.soort, "ernst": d.ernst, "risico": d.risico,
            "open": d.afgesloten_op is None and not d.geen_datalek,
            "ap_termijn": k.termijnen.ap.astimezone(zone).isoformat(),
            "gemeld": k.termijnen.gemeld, "te_laat": k.te_laat or k.termijnen.te_laat_gemeld,
            "klok": _klok(k, zone)}


def lijst(klokken: list[Klok], fmt: str, register: Register) -> None:
    zone = _zone(register)
    rows = [_rij(k, zone) for k in klokken]
    if fmt == "json":
        from avgctl.output.onleesbaar import json_lijst

        sys.stdout.write(json.dumps(json_lijst(rows, "datalekken", register.overgeslagen),
                                    ensure_ascii=False, indent=2) + "\n")
        return
    from avgctl.output.verwerkingen import columns

    table = [["referentie", "ontdekt", "soort", "ernst", "risico", "AP-melding"]]
    for k, row in zip(klokken, rows, strict=True):
        d = k.bron.model
        table.append([d.referentie, d.ontdekt_op.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                      ", ".join(d.soort), (d.ernst or "").replace("_", " "),
                      "geen datalek" if d.geen_datalek else (d.risico or "niet beoordeeld"),
                      str(row["klok"])])
    sys.stdout.write("".join(line + "\n" for line in columns(table)))
    sys.stdout.write(f"{len(rows)} {'datalek' if len(rows) == 1 else 'datalekken'}\n")


def _tijdlijn(d: Datalek, k: Klok) -> list[tuple[Any, str]]:
    t = k.termijnen
    events: list[tuple[Any, str]] = [(t.ontdekt, "ontdekt")]
    if d.verwerker and d.verwerker.verwerker_ontdekt_op:
        events.append((d.verwerker.verwerker_ontdekt_op, f"ontdekt door verwerker "
                       f"{d.verwerker.partij}"))
    if d.verwerker and d.verwerker.gemeld_aan_ons_op:
        events.append((d.verwerker.gemeld_aan_ons_op, "door de verwerker aan ons gemeld"
                       + (" (te laat)" if t.verwerker_te_laat else "")))
    events += [(m.op, f"melding AP: {m.soort}" + (f" ({m.kenmerk})" if m.kenmerk else ""))
               for m in d.ap_meldingen]
    events.append((t.ap, "uiterste meldtermijn AP (72 uur)"))
    return sorted(events, key=lambda e: e[0])


def _toon_json(bron: Bron[Datalek], k: Klok, zone: ZoneInfo) -> None:
    d, t = bron.model, k.termijnen

    def moment(value: Any) -> str | None:
        return None if value is None else str(value.astimezone(zone).isoformat())

    document = {
        "bestand": bron.file,
        "datalek": d.model_dump(mode="json"),
        "tijdlijn": [{"moment": moment(m), "gebeurtenis": text} for m, text in _tijdlijn(d, k)],
        "klok": {
            "ontdekt": moment(t.ontdekt),
            "ap_termijn": moment(t.ap),
            "eerste_melding": moment(t.eerste_melding),
            "gemeld": t.gemeld,
            "te_laat": k.te_laat or t.te_laat_gemeld,
            "uren_over": round(k.uren_over, 2),
            "verwerker_uiterlijk": moment(t.verwerker_uiterlijk),
            "verwerker_te_laat": t.verwerker_te_laat,
            "tekst": _klok(k, zone),
        },
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def toon(bron: Bron[Datalek], k: Klok, register: Register, fmt: str = "text") -> None:
    d = bron.model
    zone = _zone(register)
    if fmt == "json":
        _toon_json(bron, k, zone)
        return

    def tijd(moment: Any) -> str:
        return str(moment.astimezone(zone).strftime("%Y-%m-%d %H:%M"))

    _print(f"{d.referentie}  {bron.doc.rel}")
    for label, value in (("beschrijving", d.beschrijving), ("soort", ", ".join(d.soort)),
                         ("gegevens", ", ".join(d.gegevens)),
                         ("gevoelig", ", ".join(gevoelig(d))),
                         ("betrokkenen", f"{d.betrokkenen.aantal} "
                          f"({', '.join(d.betrokkenen.categorieen)})"
                          if d.betrokkenen and d.betrokkenen.aantal is not None else ""),
                         ("ernst", (d.ernst or "").replace("_", " ")),
                         ("risico", d.risico or "nog niet beoordeeld"),
                         ("motivatie", d.besluit_motivatie or "")):
        if value:
            _print(f"  {label + ':':<14}{value}")
    _print()
    _print("Tijdlijn")
    for moment, text in _tijdlijn(d, k):
        _print(f"  {tijd(moment)}  {text}")
    _print()
    _print(f"Klok: {_klok(k, zone)}")


def ap_melding(inhoud: dict[str, Any], fmt: str, root: Path) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(inhoud, ensure_ascii=False, indent=2) + "\n")
        return
    from avgctl.render import render

    sys.stdout.write(render("ap-melding.md.j2", inhoud, root))


def trend(data: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    _print(f"Trendanalyse datalekken {data['jaar']}")
    _print(f"  incidenten: {data['incidenten']} (waarvan geen datalek: {data['geen_datalek']})")
    _print(f"  gemeld aan de AP: {data['gemeld_aan_ap']}, niet gemeld: {data['niet_gemeld']}")
    if data["op_tijd_percentage"] is not None:
        _print(f"  op tijd gemeld: {data['op_tijd_gemeld']} ({data['op_tijd_percentage']}%)")
        _print(f"  mediaan tijd tot melding: {data['mediaan_uren_tot_melding']} uur")
    _print(f"  via een verwerker: {data['via_verwerker']}; betrokkenen geïnformeerd: "
           f"{data['betrokkenen_geinformeerd']}")
    for titel, sleutel in (("Per soort", "per_soort"), ("Per oorzaak", "per_oorzaak"),
                           ("Per ernst", "per_ernst"), ("Per risico", "per_risico")):
        _print(f"{titel}:")
        for naam, aantal in data[sleutel].items():
            _print(f"  {naam.replace('_', ' ')}: {aantal}")

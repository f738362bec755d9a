"""The request workflow on screen."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from itertools import islice

from avgctl.models.herstel import Herstel
from avgctl.models.verzoek import ARTIKEL, Verzoek
from avgctl.output.vragen import Controle
from avgctl.store.register import Bron, Overgeslagen
from avgctl.termijnen.verzoek import Verzoektermijnen
from avgctl.verzoeken.herstel import Opnieuw
from avgctl.verzoeken.views import Lijst, Stand

LIST_FORMATS = ("text", "json")
SHOW_FORMATS = ("text", "json")


def datum(value: dt.date | None) -> str:
    # Only the messages of a change use it: a list does not load the template machinery.
    from avgctl.render import datum as tekst

    return tekst(value)


def _print(text: str = "") -> None:
    from avgctl.output.console import regel

    regel(text)


# The questions of a new request in a terminal, for what no option gave.
VRAGEN = {
    "type": "Welk soort verzoek (inzage, rectificatie, wissing, beperking, overdraagbaarheid, "
            "bezwaar, geautomatiseerde_besluitvorming of intrekken_toestemming)?",
    "betrokkene_ref": "Zaak- of klantnummer van de betrokkene (geen naam)?",
    "kanaal": "Hoe kwam het verzoek binnen (formulier, email, brief, balie, telefoon of "
              "portaal)?",
}


def vraag(naam: str, uitleg: str, controle: Controle | None = None) -> str:
    """Ask for a missing value in a terminal, again until ``controle`` accepts it."""
    from avgctl.output.vragen import vraag as stel

    return stel(VRAGEN.get(naam) or f"{naam.replace('_', ' ')} ({uitleg.rstrip('.')})",
                controle)


def toegevoegd(v: Verzoek, t: Verzoektermijnen) -> None:
    _print(f"Verzoek {v.referentie} geregistreerd: {v.type} ({ARTIKEL[v.type]}), ontvangen "
           f"{datum(v.ontvangen)}.")
    _print(f"  identiteit controleren uiterlijk {datum(t.verificatie)}")
    _print(f"  eigen termijn:       {datum(t.intern)}")
    _print(f"  wettelijke termijn:  {datum(t.wettelijk)} (met verlenging uiterlijk "
           f"{datum(t.wettelijk_verlengd)})")


def gewijzigd(v: Verzoek, velden: list[str]) -> None:
    _print(f"Verzoek {v.referentie} bijgewerkt: {', '.join(velden)}.")


def verlengd(v: Verzoek, t: Verzoektermijnen) -> None:
    _print(f"Verzoek {v.referentie} verlengd op {datum(v.verlengd_op)}. Nieuwe wettelijke "
           f"termijn: {datum(t.wettelijk_verlengd)}; eigen termijn: {datum(t.intern_verlengd)}.")
    _print(f"Stuur de betrokkene de verlengingsbrief: avgctl verzoek brief {v.referentie} "
           "verlenging")


def afgehandeld(v: Verzoek, herinnering: bool) -> None:
    _print(f"Verzoek {v.referentie} afgehandeld op {datum(v.afgehandeld_op)}: "
           f"{(v.besluit or '').replace('_', ' ')}.")
    if herinnering:
        _print(f"Let op: licht de ontvangers in over de {v.type} (art. 19 AVG) en leg dat vast "
               f"met: avgctl verzoek update {v.referentie} --ontvangers-geinformeerd DATUM")


def lijst(regels: Lijst, fmt: str, onleesbaar: Sequence[Overgeslagen] = ()) -> None:
    if fmt == "json":
        from avgctl.output.onleesbaar import json_lijst

        rows = [{
            "referentie": ref, "type": soort, "ontvangen": ontvangen.isoformat(),
            "status": status, "behandelaar": behandelaar or "",
            "wettelijk": t.geldend_wettelijk.isoformat(), "intern": t.geldend_intern.isoformat(),
            "dagen_wettelijk": wettelijk, "dagen_intern": intern, "verlengd": t.verlengd,
        } for ref, soort, ontvangen, status, behandelaar, t, wettelijk, intern
            in regels.rijen()]
        sys.stdout.write(json.dumps(json_lijst(rows, "verzoeken", onleesbaar),
                                    ensure_ascii=False, indent=2) + "\n")
        return
    # 100,000 requests share a few thousand days and deadlines: each is written out once,
    # and the table is made column by column (DESIGN.md §5).
    dagen = {day: day.isoformat() for day in set(regels.ontvangen)}
    # The deadlines of a row follow from its Verzoektermijnen (one object per combination
    # the deadlines depend on, see verzoeken.views.lijst) and whether it is still open.
    keys = list(zip(map(id, regels.termijnen), regels.status, strict=True))
    teksten = {key: _termijnteksten(regels.termijnen[i], regels.status[i],
                                    regels.dagen_wettelijk[i], regels.dagen_intern[i])
               for key, i in dict(zip(keys, range(len(keys)), strict=True)).items()}
    wettelijk, eigen = (zip(*map(teksten.__getitem__, keys), strict=True) if keys
                        else ((), ()))
    table = [
        ["referentie", *regels.referentie],
        ["type", *regels.type],
        ["ontvangen", *map(dagen.__getitem__, regels.ontvangen)],
        ["status", *regels.status],
        ["wettelijk", *wettelijk],
        ["eigen", *eigen],
        ["behandelaar", *(b or "" for b in regels.behandelaar)],
    ]
    widths = [max(map(len, set(column))) for column in table]
    # Every cell is text: padding with % is the quickest way to line up 100,000 rows.
    line = "  ".join(f"%-{width}s" for width in widths)
    lines = map(str.rstrip, map(line.__mod__, zip(*table, strict=True)))
    while chunk := list(islice(lines, 10_000)):  # not the whole 10 MB as one text at once
        sys.stdout.write("\n".join(chunk) + "\n")
    sys.stdout.write(f"{len(regels)} {'verzoek' if len(regels) == 1 else 'verzoeken'}\n")


def _termijnteksten(t: Verzoektermijnen, status: str, wettelijk: int, intern: int
                    ) -> tuple[str, str]:
    """The legal and own deadline of a row in a list: with the days left while it is open."""
    if status in ("open", "in_behandeling"):
        return (_wanneer(t.geldend_wettelijk, wettelijk, True),
                _wanneer(t.geldend_intern, intern, True))
    return t.geldend_wettelijk.isoformat(), t.geldend_intern.isoformat()


def _wanneer(einde: dt.date, dagen: int, open_: bool) -> str:
    if not open_:
        return einde.isoformat()
    if dagen < 0:
        return f"{einde.isoformat()} (TE LAAT, {-dagen} d)"
    return f"{einde.isoformat()} (nog {dagen} d)"


def _tijdlijn(v: Verzoek) -> list[tuple[dt.date, str]]:
    events: list[tuple[dt.date, str]] = [(v.ontvangen, "ontvangen")]
    if v.verificatie_op:
        events.append((v.verificatie_op, f"identiteit gecontroleerd: {v.verificatie}"))
    if v.gepauzeerd_van:
        events.append((v.gepauzeerd_van, f"termijn gepauzeerd: {v.pauze_reden or ''}".strip()))
    if v.gepauzeerd_tot:
        events.append((v.gepauzeerd_tot, "pauze beëindigd"))
    if v.verlengd_op:
        events.append((v.verlengd_op, f"verlengd: {v.verlenging_reden or ''}".strip()))
    if v.afgehandeld_op:
        grond = f" ({v.afwijzingsgrond.replace('_', ' ')})" if v.afwijzingsgrond else ""
        events.append((v.afgehandeld_op, f"afgehandeld: {(v.besluit or '').replace('_', ' ')}"
                       f"{grond}"))
    if isinstance(v.ontvangers_geinformeerd, dt.date):
        events.append((v.ontvangers_geinformeerd, "ontvangers ingelicht (art. 19)"))
    return sorted(events, key=lambda e: e[0])


def toon(bron: Bron[Verzoek], s: Stand, vandaag: dt.date, fmt: str = "text") -> None:
    v, t = bron.model, s.termijnen
    if fmt == "json":
        _toon_json(bron, s)
        return
    _print(f"{v.referentie}  {v.type} ({ARTIKEL[v.type]})  {bron.doc.rel}")
    for label, value in (("betrokkene", v.betrokkene_ref), ("verzoeker", v.verzoeker),
                         ("kanaal", v.kanaal), ("behandelaar", v.behandelaar or ""),
                         ("status", v.status), ("verwerkingen", ", ".join(v.verwerkingen))):
        if value:
            _print(f"  {label + ':':<14}{value}")
    _print()
    _print("Tijdlijn")
    for day, text in _tijdlijn(v):
        _print(f"  {day.isoformat()}  {text}")
    _print()
    _print("Termijnen")
    rows = [
        ("identiteit controleren", t.verificatie),
        ("eigen termijn", t.intern),
        ("wettelijke termijn (1 maand)", t.wettelijk),
    ]
    if t.verlengd:
        rows += [("eigen termijn verlengd", t.intern_verlengd),
                 ("wettelijke termijn verlengd (3 maanden)", t.wettelijk_verlengd)]
    else:
        rows.append(("uiterlijk verlengen", t.wettelijk))
    if t.pauze_dagen:
        rows.append((f"wettelijk met pauze van {t.pauze_dagen} d (niet zeker)",
                     t.wettelijk_met_pauze))
    for label, day in rows:
        suffix = ""
        if v.status in ("open", "in_behandeling"):
            dagen = (day - vandaag).days
            suffix = f"  ({'verstreken' if dagen < 0 else f'nog {dagen} d'})"
        _print(f"  {label + ':':<42}{day.isoformat()}{suffix}")


def _toon_json(bron: Bron[Verzoek], s: Stand) -> None:
    v, t = bron.model, s.termijnen
    document = {
        "bestand": bron.file,
        "verzoek": v.model_dump(mode="json"),
        "artikel": ARTIKEL[v.type],
        "open": v.status in ("open", "in_behandeling"),
        "tijdlijn": [{"datum": day.isoformat(), "gebeurtenis": text}
                     for day, text in _tijdlijn(v)],
        "termijnen": {
            "verificatie": t.verificatie.isoformat(),
            "intern": t.intern.isoformat(),
            "wettelijk": t.wettelijk.isoformat(),
            "verlengd": t.verlengd,
            "intern_verlengd": t.intern_verlengd.isoformat(),
            "wettelijk_verlengd": t.wettelijk_verlengd.isoformat(),
            "pauze_dagen": t.pauze_dagen,
            "wettelijk_met_pauze": t.wettelijk_met_pauze.isoformat(),
            "geldend_wettelijk": t.geldend_wettelijk.isoformat(),
            "geldend_intern": t.geldend_intern.isoformat(),
        },
        "dagen_wettelijk": s.dagen_wettelijk,
        "dagen_intern": s.dagen_intern,
        "te_laat": s.te_laat,
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def herstel(items: list[Opnieuw], herstel_: Herstel, nieuw: bool, bevestig: bool,
            bestand: str) -> None:
    backup = herstel_.backup
    kop = (f"Back-up van {datum(backup)}, teruggezet op {datum(herstel_.teruggezet_op)}"
           + (f" (vastgelegd in {bestand})." if nieuw else "."))
    _print(kop)
    if not items:
        _print(f"Sinds {datum(backup)} (die dag meegerekend) zijn geen wissingen, rectificaties "
               "of beperkingen uitgevoerd; na het terugzetten hoeft niets opnieuw.")
        return
    _print("Opnieuw uitvoeren (ook wat op de dag van de back-up zelf is gedaan):")
    for o in items:
        v = o.bron.model
        gedaan = (f"  opnieuw uitgevoerd {v.opnieuw_toegepast_op}" if o.gedaan
                  and v.opnieuw_toegepast_op else "")
        _print(f"  {v.referentie}  {v.type:<12} afgehandeld {v.afgehandeld_op}  betrokkene "
               f"{v.betrokkene_ref}  verwerkingen {', '.join(v.verwerkingen) or '-'}{gedaan}")
    open_ = sum(not o.gedaan for o in items)
    woord = "verzoek" if len(items) == 1 else "verzoeken"
    if bevestig or not open_:
        _print(f"{len(items)} {woord}, alle opnieuw uitgevoerd.")
    else:
        _print(f"{len(items)} {woord}, {open_} nog te doen. Daarna: avgctl verzoek herstel "
               f"--backup {backup.isoformat()} --bevestig")

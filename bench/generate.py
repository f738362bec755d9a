"""Generate a large synthetic organisation for the benchmark (DESIGN.md §5).

Deterministic: the same arguments give the same files. The activities look like the example's
(the same fields, several data types each) so that reading and checking them costs what a real
register would.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SECTIES = ["10", "20", "30", "40", "50", "60", "70", "80"]
GRONDSLAGEN = ["overeenkomst", "wettelijke_verplichting", "publieke_taak"]
# Art. 28(3) a-h, all laid down (AVG405).
BEPALINGEN = ("{instructies: true, geheimhouding: true, beveiliging: true, subverwerkers: true, "
              "verzoeken_doorsturen_werkdagen: 3, datalek_melden_uur: 24, einde: verwijderen, "
              "audits: true}")
TYPES = ["NAW", "geboortedatum", "financiele_gegevens", "dossiernummer", "contactgegevens",
         "correspondentie", "betalingsgegevens", "functie", "nationaliteit", "loongegevens"]
BETROKKENEN = ["debiteur", "opdrachtgever", "medewerker", "sollicitant", "bezoeker"]
BEWAAR = ["dossier", "fiscaal", "personeel", "sollicitanten", "bezoekers", "verzoeken"]


def organisatie() -> str:
    return """\
organisatie:
  naam: Benchmark Organisatie
  overheid: false
  medewerkers: 5000
  contact: {adres: "Benchmarkweg 1, 1234 AB Ergens", email: privacy@bench.example}
  fg: {naam: Functionaris gegevensbescherming, email: fg@bench.example}
  rechten: {email: privacy@bench.example, postadres: "Postbus 1, 1234 AB Ergens"}
privacyverklaring:
  doelgroepen:
    klanten: {naam: klanten, naam_en: clients}
beleid:
  tijdzone: Europe/Amsterdam
"""


def partijen(count: int) -> str:
    lines = []
    for i in range(count):
        lines.append(f"- id: verwerker-{i:03d}\n  naam: Verwerker {i} B.V.\n  relatie: verwerker\n"
                     f"  land: NL\n  overeenkomst: {{soort: verwerkersovereenkomst, "
                     f"getekend: 2024-01-{1 + i % 28:02d}, verloopt: 2099-01-01,\n"
                     f"    bepalingen: {BEPALINGEN}}}\n")
    lines.append("- id: ontvangers\n  naam: Ontvangers\n  relatie: ontvanger\n  land: NL\n")
    return "".join(lines)


def bewaartermijnen() -> str:
    # The requests' own rule runs from receipt (the register's own records, DOMAIN.md §9);
    # 8 years keeps every generated request within it, so the benchmark has no findings.
    return "".join(f"{key}:\n  duur: {3 + i} jaar\n  na: "
                   f"{'ontvangst' if key == 'verzoeken' else 'einde_relatie'}\n  bron: Beleid\n"
                   for i, key in enumerate(BEWAAR))


def verwerking(rng: random.Random, sectie: str, proces: int, nummer: int, n_partijen: int) -> str:
    id_ = f"{sectie}.{proces}.{nummer}"
    betrokkenen = rng.sample(BETROKKENEN, 2)
    lines = [
        f'id: "{id_}"',
        f"naam: Verwerking {id_}",
        f"proces: Proces {sectie}.{proces}",
        "eigenaar: Afdelingshoofd",
        f"doel: Het uitvoeren van werkzaamheden binnen proces {sectie}.{proces}, onderdeel "
        f"{nummer}.",
        f"grondslag: {rng.choice(GRONDSLAGEN)}",
        'grondslag_bron: "Wet op het voorbeeld, art. 1"',
        f"betrokkenen: [{', '.join(betrokkenen)}]",
        "gegevens:",
    ]
    for type_ in rng.sample(TYPES, 4):
        lines += [
            f"  - type: {type_}",
            f"    betrokkene: {rng.choice(betrokkenen)}",
            "    bron: betrokkene zelf",
            f"    verwerkers: [verwerker-{rng.randrange(n_partijen):03d}]",
            "    ontvangers: [ontvangers]",
            "    systemen: [kernapplicatie, archief]",
            f"    bewaartermijn: {rng.choice(BEWAAR)}",
        ]
    lines += [
        "bijzondere_gegevens: []",
        "geautomatiseerde_besluitvorming: null",
        "dpia: {nodig: false, motivatie: Geen indicatoren van hoog risico.}",
        "beveiliging: [toegangsbeheer, versleuteling-in-rust, logging]",
        "verstrekking: {verplichting: contractueel, gevolgen: Zonder deze gegevens geen dienst.}",
        "doelgroepen: [klanten]",
    ]
    return "\n".join(lines) + "\n"


def generate(root: Path, activiteiten: int = 2000, n_partijen: int = 200, seed: int = 1) -> None:
    rng = random.Random(seed)
    (root / "registers" / "verwerkingen").mkdir(parents=True, exist_ok=True)
    (root / "avgctl.yaml").write_text(organisatie(), encoding="utf-8")
    (root / "registers" / "partijen.yaml").write_text(partijen(n_partijen), encoding="utf-8")
    (root / "registers" / "bewaartermijnen.yaml").write_text(bewaartermijnen(), encoding="utf-8")
    for i in range(activiteiten):
        sectie = SECTIES[i % len(SECTIES)]
        proces, nummer = divmod(i // len(SECTIES), 20)
        text = verwerking(rng, sectie, proces + 1, nummer + 1, n_partijen)
        name = f"{sectie}.{proces + 1}.{nummer + 1}-verwerking.yaml"
        (root / "registers" / "verwerkingen" / name).write_text(text, encoding="utf-8")


def datalekken(root: Path, aantal: int, vandaag: str = "2026-06-01", seed: int = 3) -> None:
    """``aantal`` breach files over the years before ``vandaag``, notified in time; the last
    few are still open and within their 72 hours."""
    import datetime as dt

    if aantal <= 0:
        return
    rng = random.Random(seed)
    folder = root / "registers" / "datalekken"
    folder.mkdir(parents=True, exist_ok=True)
    eind = dt.datetime.fromisoformat(vandaag + "T00:00:00+00:00")
    per_jaar: dict[int, int] = {}
    momenten = sorted(eind - dt.timedelta(hours=rng.randrange(80, 4 * 365 * 24))
                      for _ in range(aantal - 5))
    momenten += [eind - dt.timedelta(hours=rng.randrange(1, 40)) for _ in range(5)]
    for index, ontdekt in enumerate(momenten):
        jaar = ontdekt.year
        per_jaar[jaar] = per_jaar.get(jaar, 0) + 1
        ref = f"DL-{jaar}-{per_jaar[jaar]:04d}"
        open_ = index >= aantal - 5
        melding = ontdekt + dt.timedelta(hours=rng.randrange(2, 60))
        lines = [
            f"referentie: {ref}", "gemeld_door: Servicedesk",
            f"ontdekt_op: {ontdekt.isoformat()}",
            "beschrijving: Gegevens van een dossier zijn naar een verkeerde ontvanger gegaan.",
            "oorzaak: menselijke fout", "soort: [vertrouwelijkheid]",
            "gegevens: [NAW, dossiernummer]",
            "betrokkenen:", "  categorieen: [debiteur]", f"  aantal: {rng.randrange(1, 20)}",
            "verwerkingen: [20.1.1]", "ernst: beperkt", "risico: risico",
            "besluit_motivatie: Gegevens van debiteuren bij een onbevoegde ontvanger.",
        ]
        if not open_:
            lines += ["ap_meldingen:", "  - soort: volledig",
                      f"    op: {melding.isoformat()}", f"    kenmerk: M-{index:06d}",
                      f"afgesloten_op: {(melding + dt.timedelta(days=5)).date().isoformat()}"]
        (folder / f"{ref}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("map", type=Path)
    parser.add_argument("--verwerkingen", type=int, default=2000)
    parser.add_argument("--verzoeken", type=int, default=100_000)
    parser.add_argument("--datalekken", type=int, default=1000)
    args = parser.parse_args()
    generate(args.map, args.verwerkingen)
    verzoeken(args.map, args.verzoeken)
    datalekken(args.map, args.datalekken)



TYPES_VERZOEK = ["inzage"] * 6 + ["rectificatie", "wissing", "beperking", "overdraagbaarheid",
                                  "bezwaar", "intrekken_toestemming"]
KOLOMMEN = ("referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,behandelaar,status,"
            "verificatie,verificatie_op,verlengd_op,verlenging_reden,afgehandeld_op,besluit,"
            "afwijzingsgrond,verzonden_via,verwerkingen,ontvangers_geinformeerd,opmerking")


def verzoeken(root: Path, aantal: int, vandaag: str = "2026-06-01", seed: int = 2) -> None:
    """A request register of ``aantal`` rows over the years before ``vandaag``; the last
    few dozen are still open and within their deadlines, the rest closed in time."""
    import datetime as dt

    if aantal <= 0:
        return
    rng = random.Random(seed)
    eind = dt.date.fromisoformat(vandaag)
    start = eind - dt.timedelta(days=4 * 365)
    per_jaar: dict[int, int] = {}
    rows = [KOLOMMEN]
    dagen = sorted(start + dt.timedelta(days=rng.randrange((eind - start).days - 20))
                   for _ in range(aantal - 40))
    dagen += [eind - dt.timedelta(days=rng.randrange(1, 10)) for _ in range(40)]
    for index, ontvangen in enumerate(dagen):
        jaar = ontvangen.year
        per_jaar[jaar] = per_jaar.get(jaar, 0) + 1
        ref = f"AVG-{jaar}-{per_jaar[jaar]:05d}"
        soort = rng.choice(TYPES_VERZOEK)
        verificatie_op = ontvangen + dt.timedelta(days=1)
        while verificatie_op.weekday() >= 5:
            verificatie_op += dt.timedelta(days=1)
        open_ = index >= aantal - 40
        if open_:
            status, klaar, besluit, via, ontv = "in_behandeling", "", "", "", ""
        else:
            status, besluit, via = "afgehandeld", "toegewezen", "beveiligde e-mail"
            klaar = (ontvangen + dt.timedelta(days=rng.randrange(3, 10))).isoformat()
            ontv = "nvt" if soort in ("rectificatie", "wissing", "beperking") else ""
        rows.append(",".join([
            ref, ontvangen.isoformat(), f"K-{rng.randrange(10**6):06d}", "betrokkene",
            rng.choice(["email", "brief", "portaal", "formulier"]), soort, "Privacyteam",
            status, "positief", verificatie_op.isoformat(), "", "", klaar, besluit, "", via,
            "20.1.1", ontv, "",
        ]))
    (root / "registers" / "verzoeken.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""``avgctl bewaartermijnen``: the rules, one end date, the own records and the anonymising."""

from __future__ import annotations

import datetime as dt
import json
import shlex
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from avgctl.bewaartermijnen.eigen import EigenRegel, GitAdvies, Plan, Soort
from avgctl.bewaartermijnen.evaluatie import Uitkomst, datum_nl
from avgctl.bewaartermijnen.tekst import beschrijving
from avgctl.models.bewaartermijn import Bewaartermijn
from avgctl.output.console import regel as lijn
from avgctl.overzicht.bewaren import Eigen
from avgctl.overzicht.regels import Regel

FORMATS = ("text", "json")

ACTIE = {"vernietigen": "vernietigd", "anonimiseren": "geanonimiseerd",
         "overbrengen": "overgebracht naar een archief"}
MEERVOUD = {"verzoek": ("verzoek", "verzoeken"), "datalek": ("datalek", "datalekken")}


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _aantal(n: int, soort: Soort) -> str:
    een, meer = MEERVOUD[soort]
    return f"{n} {een if n == 1 else meer}"


# --- list ---------------------------------------------------------------------------------

def write_list(regels: list[Regel], fmt: str) -> None:
    if fmt == "json":
        _json([{
            "id": r.id, "tekst": r.tekst, "tekst_en": r.tekst_en,
            "berekenbaar": r.berekenbaar, "duur": r.regel.duur, "na": r.regel.na,
            "vanaf": r.regel.vanaf, "daarna": r.regel.daarna, "criterium": r.regel.criterium,
            "bron": r.regel.bron,
            "verwerkingen": [{"id": g.verwerking, "naam": g.naam, "gegevens": g.gegevens}
                             for g in r.gebruik],
        } for r in regels])
        return
    if not regels:
        lijn("Er staan nog geen bewaartermijnen in registers/bewaartermijnen.yaml.")
        return
    for r in regels:
        tekst = r.tekst or "(geen duur en geen criterium)"
        if not r.berekenbaar and r.regel.duur is None:
            tekst += " (niet te berekenen)"
        lijn(f"{r.id}: {tekst}")
        if r.regel.bron:
            lijn(f"  bron: {r.regel.bron}")
        if not r.gebruik:
            lijn("  door geen verwerking gebruikt")
        for g in r.gebruik:
            gegevens = f": {', '.join(g.gegevens)}" if g.gegevens else ""
            lijn(f"  {g.verwerking} {g.naam}{gegevens}")
    lijn(f"{len(regels)} {'bewaartermijn' if len(regels) == 1 else 'bewaartermijnen'}")


# --- einde --------------------------------------------------------------------------------

def write_einde(regel_id: str, regel: Bewaartermijn, gebeurtenis_op: dt.date,
                vandaag: dt.date, uitkomst: Uitkomst, fmt: str, blokkade: str | None) -> None:
    if fmt == "json":
        _json({"bewaartermijn": regel_id, "gebeurtenis_op": gebeurtenis_op.isoformat(),
               "einde": uitkomst.einde.isoformat() if uitkomst.einde else None,
               "vervallen": uitkomst.vervallen, "reden": uitkomst.reden})
        return
    lijn(zin(regel_id, regel, gebeurtenis_op, vandaag, uitkomst, blokkade))


def zin(regel_id: str, regel: Bewaartermijn, gebeurtenis_op: dt.date, vandaag: dt.date,
        uitkomst: Uitkomst, blokkade: str | None = None) -> str:
    """The answer to "when must this go?" as one plain Dutch sentence (or two)."""
    tekst = beschrijving(regel) or "zonder duur"
    wat = (f"Gegevens onder bewaartermijn {regel_id} ({tekst}) met "
           f"{(regel.na or 'de gebeurtenis').replace('_', ' ')} op {datum_nl(gebeurtenis_op)}")
    actie = ACTIE.get(regel.daarna, "verwijderd")
    einde = uitkomst.einde
    if uitkomst.status == "blokkade":
        achteraf = (f"; zonder blokkade eindigt de termijn op {datum_nl(einde)}"
                    if einde else "")
        return f"{wat} blijven bewaard zolang de blokkade duurt ({blokkade}){achteraf}."
    if uitkomst.status == "onbeperkt":
        return f"{wat} blijven onbeperkt bewaard: deze termijn heeft geen einde."
    if einde is None:
        return f"{wat}: het einde is {uitkomst.reden}."
    if einde == dt.date.max:  # an event in the year 9999: there is no day after the end
        return (f"{wat} blijven tot en met {datum_nl(einde)} bewaard, de laatste dag van de "
                "kalender.")
    volgende = datum_nl(einde + dt.timedelta(days=1))
    if uitkomst.vervallen:
        return (f"{wat} mochten tot en met {datum_nl(einde)} worden bewaard. Ze zijn "
                f"vervallen: sinds {volgende} moeten ze zijn {actie}.")
    return (f"{wat} blijven tot en met {datum_nl(einde)} bewaard en moeten vanaf {volgende} "
            f"worden {actie} (vandaag is het {datum_nl(vandaag)}).")


# --- check --------------------------------------------------------------------------------

def write_check(standen: list[Eigen], regels: dict[Soort, EigenRegel], vandaag: dt.date,
                fmt: str) -> None:
    if fmt == "json":
        _json({
            "vandaag": vandaag.isoformat(),
            "regels": {soort: {"bewaartermijn": r.id, "bruikbaar": r.bruikbaar,
                               "probleem": r.probleem or None} for soort, r in regels.items()},
            "records": [{
                "soort": e.stand.record.soort, "referentie": e.stand.record.referentie,
                "bestand": e.plek.file, "regel": e.plek.regel, "status": e.stand.status,
                "gebeurtenis": e.stand.gebeurtenis,
                "gebeurtenis_op": e.stand.gebeurtenis_op.isoformat()
                if e.stand.gebeurtenis_op else None,
                "einde": e.stand.einde.isoformat() if e.stand.einde else None,
                "vervallen": e.stand.te_anonimiseren, "reden": e.stand.reden,
            } for e in standen if e.stand.status in ("vervallen", "blokkade")],
            "aantallen": dict(sorted(Counter(e.stand.status for e in standen).items())),
        })
        return
    heeft = {e.stand.record.soort for e in standen}
    for soort, regel in regels.items():
        if not regel.bruikbaar and soort in heeft:
            lijn(f"let op: {regel.probleem}; zie 'avgctl rules AVG115'")
    vervallen = [e for e in standen if e.stand.te_anonimiseren]
    blokkade = [e for e in standen if e.stand.status == "blokkade"
                and e.stand.einde is not None and e.stand.einde < vandaag]
    for e in vervallen:
        lijn(f"{e.plek.file}:{e.plek.regel}: {e.stand.record.soort} "
             f"{e.stand.record.referentie}: vervallen, {e.stand.reden}")
    for e in blokkade:
        lijn(f"{e.plek.file}:{e.plek.regel}: {e.stand.record.soort} "
             f"{e.stand.record.referentie}: {e.stand.reden}")
    tel = Counter(e.stand.status for e in standen)
    per_soort = Counter(e.stand.record.soort for e in vervallen)
    if vervallen:
        delen = [_aantal(per_soort[s], s) for s in ("verzoek", "datalek") if per_soort[s]]
        lijn(f"{' en '.join(delen)} over de bewaartermijn en nog niet geanonimiseerd. "
             "Zie wat er verdwijnt met 'avgctl bewaartermijnen anonimiseer'.")
    else:
        lijn(f"Geen eigen verzoeken of datalekken over de bewaartermijn op {datum_nl(vandaag)}.")
    lijn(f"{len(standen)} records: {tel['bewaren']} binnen de termijn, {tel['open']} nog in "
         f"behandeling, {tel['blokkade']} met een blokkade, {tel['geanonimiseerd']} "
         "geanonimiseerd" + (f", {tel['niet_te_berekenen'] + tel['niet_begonnen']} niet te "
                             "berekenen" if tel['niet_te_berekenen'] + tel['niet_begonnen']
                             else "") + ".")


# --- anonimiseer --------------------------------------------------------------------------

def write_plan(plan: Plan, vandaag: dt.date, fmt: str, toegepast: bool,
               vervangbestand: Path | None = None, git: GitAdvies | None = None) -> None:
    if fmt == "json":
        data: dict[str, Any] = {
            "vandaag": vandaag.isoformat(), "toegepast": toegepast,
            "problemen": plan.problemen,
            "records": [{
                "soort": s.soort, "referentie": s.referentie, "bestand": s.bestand,
                "regel": s.regel, "einde": s.einde.isoformat() if s.einde else None,
                "leeggemaakt": [w.veld for w in s.wijzigingen if w.actie == "leeggemaakt"],
                "vervangen": {w.veld: w.nieuw for w in s.wijzigingen if w.actie == "vervangen"},
            } for s in plan.stappen],
        }
        if toegepast:
            data["vervangbestand"] = str(vervangbestand) if vervangbestand else None
        _json(data)
        if toegepast and git is not None and plan.stappen:
            _git_advies(git, vervangbestand, sys.stderr.write)
        return
    for probleem in plan.problemen:
        lijn(f"let op: {probleem}; zie 'avgctl rules AVG115'")
    if not plan.stappen:
        lijn(f"Niets te anonimiseren op {datum_nl(vandaag)}: geen eigen verzoek of datalek is "
             "over zijn bewaartermijn.")
        return
    werkwoord = "is" if toegepast else "wordt"
    for s in plan.stappen:
        einde = f", termijn eindigde op {datum_nl(s.einde)}" if s.einde else ""
        lijn(f"{s.bestand}:{s.regel}: {s.soort} {s.referentie}{einde}")
        leeg = [w.veld for w in s.wijzigingen if w.actie == "leeggemaakt"]
        for w in s.wijzigingen:
            if w.actie == "vervangen":
                lijn(f"  {w.veld} {werkwoord} vervangen door '{w.nieuw}'")
        if leeg:
            lijn(f"  leeggemaakt: {', '.join(leeg)}")
        lijn(f"  geanonimiseerd_op {werkwoord} {vandaag.isoformat()}")
    per_soort = Counter(s.soort for s in plan.stappen)
    delen = [_aantal(per_soort[x], x) for x in ("verzoek", "datalek") if per_soort[x]]
    if not toegepast:
        lijn(f"{' en '.join(delen)} te anonimiseren. Er is nog niets gewijzigd; doe het met "
             "'avgctl bewaartermijnen anonimiseer --apply'.")
        return
    lijn(f"{' en '.join(delen)} geanonimiseerd.")
    if git is not None:
        lijn()
        _git_advies(git, vervangbestand, lambda t: lijn(t.rstrip("\n")))


def _git_advies(git: GitAdvies, vervangbestand: Path | None, schrijf: Any) -> None:
    """The old texts are still in git history: say so, and how to remove them there."""
    repo = shlex.quote(str(git.repo))
    schoon = shlex.quote(str(git.repo) + "-schoon")
    if not git.git:
        schrijf("Let op: deze map is geen git-repository, dus er is geen geschiedenis om op te "
                "schonen. Kopieën en back-ups bevatten de oude teksten nog wel.\n")
        return
    remote = shlex.quote(git.remote) if git.remote else "<adres van de gedeelde repository>"
    assert vervangbestand is not None
    lijst = shlex.quote(str(vervangbestand))
    stappen = [
        "De oude teksten staan nog in de git-geschiedenis: elke eerdere versie van deze "
        "bestanden bevat ze. Zo haalt u ze daar weg, met git filter-repo "
        "(https://github.com/newren/git-filter-repo):",
        "",
        "  # 1. leg de anonimisering vast",
        f"  git -C {repo} add -A registers",
        f"  git -C {repo} commit -m 'Eigen verzoeken en datalekken geanonimiseerd na de "
        "bewaartermijn'",
        "  # 2. herschrijf de geschiedenis in een verse kloon",
        f"  git clone --no-local {repo} {schoon}",
        f"  git -C {schoon} filter-repo --replace-text {lijst}",
        "  # 3. zet de schone geschiedenis terug (iedereen moet daarna opnieuw klonen)",
        f"  git -C {schoon} push --force --all {remote}",
        f"  git -C {schoon} push --force --tags {remote}",
        "  # 4. verwijder de lijst met oude teksten",
        f"  rm {lijst}",
        "",
        f"De lijst {vervangbestand} staat in de git-map zelf: hij hoort niet in de repository "
        "en gaat niet mee bij een push. Hij bevat de verwijderde teksten; bewaar hem niet.",
    ]
    if git.weggelaten:
        stappen.append(f"{git.weggelaten} verwijderde tekst(en) staan ook nog ergens anders in "
                       "het register, bijvoorbeeld in een nieuwer verzoek; die zijn niet in de "
                       "lijst opgenomen, omdat vervangen dan ook de huidige bestanden wijzigt.")
    stappen += [
        "",
        "Waarschuwing: elke kloon en elke back-up van de repository houdt zijn eigen kopie van "
        "de oude teksten. Laat wie een kloon heeft die verwijderen en opnieuw klonen. Na het "
        "terugzetten van een back-up moet deze anonimisering opnieuw: draai dan "
        "'avgctl bewaartermijnen anonimiseer --apply' nog eens.",
    ]
    for text in stappen:
        schrijf(text + "\n")

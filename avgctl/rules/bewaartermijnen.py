"""AVG113-AVG116: retention rules that can be computed, and the register's own records.

The length and the event of a rule are checked by AVG111 and AVG112 (rules/inhoud.py).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from avgctl.bewaartermijnen.evaluatie import datum_nl
from avgctl.findings import PendingFinding, Severity
from avgctl.models.bewaartermijn import DAARNA, VANAF
from avgctl.overzicht import bewaren
from avgctl.rules.base import Rule, Voorbeeld
from avgctl.store.register import BEWAARTERMIJNEN_FILE

_VERZOEKEN_KOP = "referentie,ontvangen,betrokkene_ref,kanaal,type,status,afgehandeld_op,besluit"
_TERMIJN_VERZOEKEN = (
    "verzoeken:\n  duur: 3 jaar\n  na: ontvangst\n  vanaf: einde_kalenderjaar\n"
    "  daarna: anonimiseren\n")


class OnbekendeWaarde(Rule):
    """Een bewaartermijn met een onbekende waarde bij 'vanaf' of 'daarna'.

    Waarom: avgctl rekent het einde van een termijn uit vanaf de gebeurtenis of vanaf het
    einde van het kalenderjaar of boekjaar, en 'daarna' zegt wat er na afloop met de gegevens
    gebeurt (art. 5 lid 1 sub e AVG). Met een onbekende waarde is geen van beide te bepalen;
    de termijn is dan 'niet te berekenen'.

    Oplossing: kies bij 'vanaf' gebeurtenis, einde_kalenderjaar of einde_boekjaar, en bij
    'daarna' vernietigen, anonimiseren of overbrengen.
    """

    code = "AVG113"
    severity = Severity.FOUT
    title = "Onbekende waarde in een bewaartermijn"
    artikel = "art. 5 lid 1 sub e AVG"
    voorbeeld = Voorbeeld(
        "bewaartermijnen",
        fout="fiscaal:\n  duur: 7 jaar\n  na: boeking\n  vanaf: einde_jaar\n",
        goed="fiscaal:\n  duur: 7 jaar\n  na: boeking\n  vanaf: einde_boekjaar\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for key, bron in self.register.bewaartermijnen.items():
            for veld, toegestaan in (("vanaf", VANAF), ("daarna", DAARNA)):
                waarde = getattr(bron.model, veld)
                if waarde in toegestaan:
                    continue
                close = difflib.get_close_matches(waarde, toegestaan, n=1, cutoff=0.5)
                hint = (f"bedoelde u '{close[0]}'? " if close else "") + "kies uit: " + \
                    ", ".join(toegestaan)
                yield self.finding(bron, (veld,), f"bewaartermijn {key}: onbekende waarde "
                                   f"'{waarde}' bij '{veld}'", hint)


# Words that only restate art. 5(1)(e) ("no longer than necessary") and decide nothing.
_VAAG_WOORDEN = frozenset({
    "zolang", "zo", "lang", "als", "dan", "niet", "langer", "korter", "kort", "mogelijk",
    "nodig", "noodzakelijk", "noodzakelijkerwijs", "strikt", "is", "zijn", "dat", "het", "de",
    "deze", "die", "voor", "van", "doel", "doelen", "doeleinden", "waarvoor", "ze", "gegevens",
    "persoonsgegevens", "worden", "werden", "verzameld", "verwerkt", "bewaard", "bewaren", "we",
    "wij", "er", "redelijkerwijs", "redelijk", "passend", "vereist", "nog",
})


def is_vaag(criterium: str) -> bool:
    """Whether a criterion only says "as long as necessary" (e.g. "zolang nodig")."""
    woorden = re.findall(r"[a-zà-ÿ]+", criterium.lower())
    return bool(woorden) and all(w in _VAAG_WOORDEN for w in woorden) and any(
        w in ("nodig", "noodzakelijk", "noodzakelijkerwijs", "vereist", "passend")
        for w in woorden)


class VaagCriterium(Rule):
    """Een bewaartermijn met een criterium dat niets beslist, zoals 'zolang nodig'.

    Waarom: wie geen vaste termijn kan geven, moet de criteria noemen waarmee de termijn
    wordt bepaald (art. 13 lid 2 sub a en art. 14 lid 2 sub a AVG). 'Zo lang als
    noodzakelijk' herhaalt alleen de regel van art. 5 lid 1 sub e AVG: niemand kan eraan
    aflezen wanneer gegevens weg moeten, en avgctl kan er niet mee rekenen.

    Oplossing: noem de gebeurtenis die het einde bepaalt ('zolang het abonnement loopt'), of
    geef een duur met 'na'.
    """

    code = "AVG114"
    severity = Severity.WAARSCHUWING
    title = "Criterium zonder inhoud"
    artikel = "art. 13 lid 2 sub a AVG"
    voorbeeld = Voorbeeld(
        "bewaartermijnen",
        fout="nieuwsbrief:\n  criterium: zo lang als noodzakelijk\n",
        goed="nieuwsbrief:\n  criterium: zolang de inschrijving voor de nieuwsbrief loopt\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for key, bron in self.register.bewaartermijnen.items():
            criterium = bron.model.criterium
            if criterium and bron.model.duur is None and is_vaag(criterium):
                yield self.finding(bron, ("criterium",), f"bewaartermijn {key}: het criterium "
                                   f"'{criterium}' zegt niet wanneer de gegevens weg moeten",
                                   "noem de gebeurtenis die het einde bepaalt, of geef 'duur' "
                                   "en 'na'")


class EigenTermijnOnbruikbaar(Rule):
    """De bewaartermijn voor de eigen verzoeken of datalekken ontbreekt of is niet te
    gebruiken.

    Waarom: het register van verzoeken en datalekken bevat zelf persoonsgegevens, en staat
    in git. Ook die gegevens mogen niet langer worden bewaard dan nodig (art. 5 lid 1 sub e
    en art. 25 AVG). avgctl controleert dat met de termijn uit 'beleid.bewaren' (standaard
    'verzoeken' en 'datalekken'); die moet bestaan, te berekenen zijn en lopen na een
    gebeurtenis die zo'n record heeft: ontvangst of afhandeling van een verzoek, ontdekking of
    afsluiting van een datalek.

    Oplossing: laat 'beleid.bewaren' naar een bestaande termijn wijzen, en zet bij die termijn
    'na: ontvangst' of 'na: afhandeling' (verzoeken), 'na: ontdekking' of 'na: afsluiting'
    (datalekken).
    """

    code = "AVG115"
    severity = Severity.FOUT
    title = "Bewaartermijn eigen registratie onbruikbaar"
    artikel = "art. 5 lid 1 sub e AVG"
    voorbeeld = Voorbeeld(
        "bewaartermijnen",
        fout="verzoeken:\n  duur: 3 jaar\n  na: einde_kalenderjaar_ontvangst\n",
        goed=_TERMIJN_VERZOEKEN,
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        gezet: set[str] = set()
        if config is not None and "bewaren" in config.model.beleid.model_fields_set:
            gezet = set(config.model.beleid.bewaren.model_fields_set)
        for soort, regel in bewaren.regels(self.register).items():
            if regel.bruikbaar:
                continue
            veld = "verzoeken" if soort == "verzoek" else "datalekken"
            bron = self.register.bewaartermijnen.get(regel.id)
            if bron is not None:
                pad: tuple[str, ...] = ("na",) if bron.model.na else ()
                yield self.finding(bron, pad, regel.probleem,
                                   "zie 'avgctl rules AVG115'", key=not pad)
            elif veld in gezet and config is not None:
                yield self.finding(config, ("beleid", "bewaren", veld), regel.probleem,
                                   "kies een id uit " + BEWAARTERMIJNEN_FILE)
            # The default rule missing from the file is not a finding: a register without
            # own requests or breaches needs none; 'bewaartermijnen check' mentions it.


class EigenRecordVervallen(Rule):
    """Een eigen verzoek of datalek is over zijn bewaartermijn en nog niet geanonimiseerd.

    Waarom: de administratie van verzoeken en datalekken noemt betrokkenen (een zaaknummer,
    vrije teksten). Na de termijn moeten die gegevens weg of onomkeerbaar geanonimiseerd
    zijn (art. 5 lid 1 sub e AVG); een geanonimiseerd record mag blijven voor de
    trendanalyse (art. 25 AVG, privacy by design). Een lopend verzoek of datalek, en een
    record met een 'blokkade', vervalt niet.

    Oplossing: draai 'avgctl bewaartermijnen anonimiseer' (eerst zonder --apply om te zien wat
    er verdwijnt), of leg bij het record in 'blokkade' vast waarom het langer blijft.
    """

    code = "AVG116"
    severity = Severity.WAARSCHUWING
    title = "Eigen record over de bewaartermijn"
    artikel = "art. 5 lid 1 sub e AVG"
    voorbeeld = Voorbeeld(
        "verzoeken",
        fout=f"{_VERZOEKEN_KOP}\nAVG-2022-0001,2022-03-02,K-1001,email,inzage,afgehandeld,"
        "2022-03-20,toegewezen\n",
        goed=f"{_VERZOEKEN_KOP},geanonimiseerd_op\nAVG-2022-0001,2022-03-02,geanonimiseerd,"
        "email,inzage,afgehandeld,2022-03-20,toegewezen,2026-01-05\n",
        bijlagen=((BEWAARTERMIJNEN_FILE, _TERMIJN_VERZOEKEN),),
    )

    def check(self) -> Iterator[PendingFinding]:
        regels = bewaren.regels(self.register)
        dag = self.context.vandaag
        for eigen in bewaren.standen(self.register, dag, dag):  # only rows that can be due
            stand = eigen.stand
            if not stand.te_anonimiseren or stand.einde is None:
                continue
            wat = "verzoek" if stand.record.soort == "verzoek" else "datalek"
            regel_id = regels[stand.record.soort].id
            yield PendingFinding(
                self.code, f"{wat} {stand.record.referentie}: de bewaartermijn '{regel_id}' "
                f"eindigde op {datum_nl(stand.einde)}; het is nog niet geanonimiseerd",
                eigen.plek.file, eigen.plek.path,
                "avgctl bewaartermijnen anonimiseer (eerst zonder --apply), of vul 'blokkade' in")


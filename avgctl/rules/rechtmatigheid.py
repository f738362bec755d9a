"""AVG301-AVG306 and AVG117: lawfulness (art. 6, 7, 9 and 10 AVG; UAVG art. 46)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from avgctl.findings import PendingFinding, Severity
from avgctl.rules.base import Rule, Voorbeeld

_KOP = 'id: "10.1.1"\nnaam: Nieuwsbrief\n'


class GerechtvaardigdBelangOverheid(Rule):
    """Een overheidsorganisatie gebruikt gerechtvaardigd belang voor een publieke taak.

    Waarom: overheidsinstanties kunnen zich voor de uitoefening van hun taken niet op het
    gerechtvaardigd belang beroepen (art. 6 lid 1, laatste volzin, AVG). Voor hun taken is de
    grondslag een wettelijke verplichting of een publieke taak (sub c of e).

    Oplossing: kies de grondslag die de wet geeft (wettelijke_verplichting of publieke_taak). Is
    het echt geen publieke taak (bijvoorbeeld commerciële dienstverlening of de beveiliging van
    het eigen pand), zet dan 'publieke_taak: false' en leg de belangenafweging vast.
    """

    code = "AVG301"
    severity = Severity.FOUT
    title = "Gerechtvaardigd belang bij een publieke taak"
    artikel = "art. 6 lid 1 slot AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "40.1.1"\nnaam: Betekenen exploot\ngrondslag: gerechtvaardigd_belang\n',
        goed='id: "40.1.1"\nnaam: Betekenen exploot\ngrondslag: wettelijke_verplichting\n',
        bestand="registers/verwerkingen/40.1.1-exploot.yaml",
        bijlagen=(("avgctl.yaml", "organisatie:\n  naam: Gerechtsdeurwaarder Voorbeeld\n"
                   "  overheid: true\n"),),
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        if config is None or not config.model.organisatie.overheid:
            return
        for bron in self.register.verwerkingen:
            v = bron.model
            if v.publieke_taak is False:
                continue
            paths = ([("grondslag",)] if v.grondslag == "gerechtvaardigd_belang" else []) + [
                ("gegevens", i, "grondslag") for i, g in enumerate(v.gegevens)
                if g.grondslag == "gerechtvaardigd_belang"
            ]
            for path in paths:
                yield self.finding(
                    bron, path, f"verwerking {v.id}: een overheidsorganisatie kan voor haar "
                    "publieke taken geen gerechtvaardigd belang gebruiken",
                    "kies wettelijke_verplichting of publieke_taak, of zet 'publieke_taak: "
                    "false' als dit geen publieke taak is")


class BelangenafwegingOntbreekt(Rule):
    """Gerechtvaardigd belang als grondslag zonder vastgelegde belangenafweging.

    Waarom: wie zich op art. 6 lid 1 sub f AVG beroept, moet kunnen laten zien dat hij drie
    stappen heeft gezet: er is een gerechtvaardigd belang, de verwerking is daarvoor nodig
    (proportioneel, geen lichter middel), en het belang weegt zwaarder dan de belangen van de
    betrokkenen (verantwoordingsplicht, art. 5 lid 2 AVG).

    Oplossing: vul 'belangenafweging' in met 'belang', 'noodzaak' en 'afweging'.
    """

    code = "AVG302"
    severity = Severity.FOUT
    title = "Belangenafweging ontbreekt"
    artikel = "art. 6 lid 1 sub f AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "grondslag: gerechtvaardigd_belang\n",
        goed=_KOP + "grondslag: gerechtvaardigd_belang\nbelangenafweging:\n"
        "  belang: Bestaande relaties informeren over wijzigingen in de dienstverlening.\n"
        "  noodzaak: Alleen naam en zakelijk e-mailadres; afmelden kan altijd.\n"
        "  afweging: Lichte inbreuk, verwachte communicatie binnen een bestaande relatie.\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            v = bron.model
            uses_f = v.grondslag == "gerechtvaardigd_belang" or any(
                g.grondslag == "gerechtvaardigd_belang" for g in v.gegevens)
            if not uses_f:
                continue
            afweging = v.belangenafweging
            missing = [step for step in ("belang", "noodzaak", "afweging")
                       if afweging is None or not getattr(afweging, step)]
            if missing:
                path = ("belangenafweging",) if afweging is not None else ("grondslag",)
                yield self.finding(bron, path, f"verwerking {v.id} rust op gerechtvaardigd belang "
                                   "zonder volledige belangenafweging (ontbreekt: "
                                   f"{', '.join(missing)})",
                                   "vul 'belangenafweging' in met belang, noodzaak en afweging")




class IdentificatienummerZonderWet(Rule):
    """Het BSN of een ander nationaal identificatienummer zonder wettelijke basis.

    Waarom: een nummer als het BSN mag alleen worden gebruikt ter uitvoering van een wet of
    voor doelen die de wet bepaalt (art. 87 AVG, art. 46 UAVG). Toestemming of een
    overeenkomst is daarvoor niet genoeg.

    Oplossing: noem bij het gegevenstype in 'wettelijke_basis' de wet die het gebruik
    voorschrijft, of verwerk het nummer niet.
    """

    code = "AVG303"
    severity = Severity.FOUT
    title = "BSN zonder wettelijke basis"
    artikel = "art. 46 UAVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Salarisadministratie\ngegevens:\n  - type: BSN\n',
        goed='id: "10.1.1"\nnaam: Salarisadministratie\ngegevens:\n  - type: BSN\n'
        '    wettelijke_basis: "Wet op de loonbelasting 1964, art. 28"\n',
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            for index, gegeven in enumerate(bron.model.gegevens):
                if gegeven.is_nationaal_id and not gegeven.wettelijke_basis:
                    yield self.finding(bron, ("gegevens", index, "type"),
                                       f"{gegeven.type} in verwerking {bron.model.id} zonder "
                                       "wettelijke basis",
                                       "noem de wet in 'wettelijke_basis' (UAVG art. 46)")


class BijzonderZonderUitzondering(Rule):
    """Bijzondere persoonsgegevens zonder uitzondering van art. 9 lid 2 AVG.

    Waarom: gegevens over gezondheid, religie, etniciteit, politieke opvattingen,
    vakbondslidmaatschap, genetica, biometrie of seksualiteit mogen niet worden verwerkt, tenzij
    een van de uitzonderingen a tot en met j van art. 9 lid 2 AVG geldt, meestal uitgewerkt in
    de UAVG (art. 22-30).

    Oplossing: vul 'uitzondering' in met de letter (a-j) en 'uavg' met het artikel, of verwerk
    de gegevens niet.
    """

    code = "AVG304"
    severity = Severity.FOUT
    title = "Bijzondere gegevens zonder uitzondering"
    artikel = "art. 9 lid 2 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Verzuim\nbijzondere_gegevens:\n  - categorie: gezondheid\n',
        goed='id: "10.1.1"\nnaam: Verzuim\nbijzondere_gegevens:\n  - categorie: gezondheid\n'
        '    uitzondering: b\n    uavg: "art. 30 lid 1 sub b"\n',
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            for index, item in enumerate(bron.model.bijzondere_gegevens):
                if item.uitzondering is None:
                    yield self.finding(bron, ("bijzondere_gegevens", index),
                                       f"bijzondere gegevens ({item.categorie}) in verwerking "
                                       f"{bron.model.id} zonder uitzondering van art. 9 lid 2",
                                       "vul 'uitzondering:' in met een letter a-j")


class StrafrechtelijkZonderGrondslag(Rule):
    """Strafrechtelijke gegevens zonder grondslag van art. 10 AVG.

    Waarom: persoonsgegevens over strafrechtelijke veroordelingen en strafbare feiten mogen
    alleen onder overheidstoezicht of met een wettelijke grondslag worden verwerkt (art. 10
    AVG, uitgewerkt in art. 31-33 UAVG).

    Oplossing: noem in 'strafrechtelijke_gegevens.grondslag' het artikel van de UAVG of de
    bijzondere wet.
    """

    code = "AVG305"
    severity = Severity.FOUT
    title = "Strafrechtelijke gegevens zonder grondslag"
    artikel = "art. 10 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "10.1.1"\nnaam: Screening\nstrafrechtelijke_gegevens:\n'
        "  omschrijving: Verklaring omtrent het gedrag\n",
        goed='id: "10.1.1"\nnaam: Screening\nstrafrechtelijke_gegevens:\n'
        "  omschrijving: Verklaring omtrent het gedrag\n"
        '  grondslag: "art. 10 AVG; UAVG art. 33 lid 4"\n',
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            straf = bron.model.strafrechtelijke_gegevens
            if straf is not None and not straf.grondslag:
                yield self.finding(bron, ("strafrechtelijke_gegevens",),
                                   f"strafrechtelijke gegevens in verwerking {bron.model.id} "
                                   "zonder grondslag", "vul 'grondslag:' in (art. 10 AVG, "
                                   "UAVG art. 31-33)")


class ToestemmingOnvolledig(Rule):
    """Toestemming als grondslag, zonder vast te leggen hoe zij wordt gegeven en ingetrokken.

    Waarom: de verwerkingsverantwoordelijke moet kunnen aantonen dat toestemming is gegeven
    (art. 7 lid 1 AVG), en intrekken moet even eenvoudig zijn als geven (art. 7 lid 3 AVG).

    Oplossing: vul 'toestemming' in met 'vastlegging' (hoe u de toestemming bewaart) en
    'intrekken' (hoe de betrokkene haar intrekt).
    """

    code = "AVG306"
    severity = Severity.FOUT
    title = "Toestemming zonder vastlegging of intrekking"
    artikel = "art. 7 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "grondslag: toestemming\n",
        goed=_KOP + "grondslag: toestemming\ntoestemming:\n"
        "  vastlegging: Dubbele opt-in; datum en tijd worden bewaard.\n"
        "  intrekken: Afmeldlink onder elke nieuwsbrief.\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            v = bron.model
            if v.grondslag != "toestemming" and not any(
                    g.grondslag == "toestemming" for g in v.gegevens):
                continue
            t = v.toestemming
            missing = [part for part in ("vastlegging", "intrekken")
                       if t is None or not getattr(t, part)]
            if missing:
                path = ("toestemming",) if t is not None else ("grondslag",)
                yield self.finding(bron, path, f"verwerking {v.id} rust op toestemming, maar "
                                   f"legt niet vast: {', '.join(missing)}",
                                   "vul 'toestemming' in met vastlegging en intrekken")


# Names of data-subject categories that are the organisation's own staff (WP259 rev.01 §3.1.1:
# employees can seldom refuse their employer freely).
_PERSONEEL = re.compile(r"(medewerker|werknemer|personeel|stagiair|uitzendkracht|oproepkracht"
                        r"|ambtena)", re.IGNORECASE)


class ToestemmingBijOngelijkheid(Rule):
    """Toestemming als grondslag waar de betrokkene niet vrij kan kiezen: bij een publieke taak
    van een overheidsorganisatie, of bij het eigen personeel.

    Waarom: toestemming telt alleen als zij vrij is gegeven (art. 4 punt 11 en art. 7 lid 4
    AVG). Is er een duidelijke ongelijkheid tussen betrokkene en verwerkingsverantwoordelijke,
    zoals bij een overheidsinstantie, dan is toestemming onwaarschijnlijk vrij (overweging 43
    AVG); bij een werkgever geldt hetzelfde, omdat een medewerker moeilijk nee zegt. Meestal
    past een andere grondslag (wettelijke_verplichting, publieke_taak of overeenkomst). Wie
    'organisatie.overheid: true' heeft, krijgt de waarschuwing alleen bij verwerkingen die
    niet 'publieke_taak: false' zijn.

    Oplossing: kies de grondslag die echt past. Blijft het toestemming, leg dan in
    'toestemming.vrijwilligheid' vast waarom de betrokkene vrij kan kiezen, bijvoorbeeld omdat
    weigeren of intrekken geen enkel gevolg heeft.
    """

    code = "AVG117"
    severity = Severity.WAARSCHUWING
    title = "Toestemming bij een ongelijke verhouding"
    artikel = "art. 7 lid 4 en overweging 43 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout='id: "50.1.1"\nnaam: Pasfoto op intranet\nbetrokkenen: [medewerker]\n'
        "grondslag: toestemming\n",
        goed='id: "50.1.1"\nnaam: Pasfoto op intranet\nbetrokkenen: [medewerker]\n'
        "grondslag: toestemming\ntoestemming:\n  vrijwilligheid: Wie geen foto wil, merkt "
        "daar niets van; de keuze staat alleen in het HR-systeem.\n",
        bestand="registers/verwerkingen/50.1.1-pasfoto.yaml",
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        overheid = config is not None and config.model.organisatie.overheid
        for bron in self.register.verwerkingen:
            v = bron.model
            if v.toestemming is not None and v.toestemming.vrijwilligheid:
                continue
            overheidstaak = overheid and v.publieke_taak is not False
            plekken: list[tuple[tuple[str | int, ...], list[str]]] = []
            if v.grondslag == "toestemming":
                plekken.append((("grondslag",), v.betrokkenen))
            plekken += [(("gegevens", i, "grondslag"),
                         [g.betrokkene] if g.betrokkene else v.betrokkenen)
                        for i, g in enumerate(v.gegevens) if g.grondslag == "toestemming"]
            for path, betrokkenen in plekken:
                personeel = [b for b in betrokkenen if _PERSONEEL.search(b)]
                if personeel:
                    wie = f"het eigen personeel ({', '.join(personeel)})"
                elif overheidstaak:
                    wie = "de betrokkenen van een overheidsorganisatie"
                else:
                    continue
                yield self.finding(bron, path, f"verwerking {v.id} vraagt toestemming van {wie}; "
                                   "die is bij zo'n ongelijke verhouding zelden vrij (art. 7 lid "
                                   "4 en overweging 43 AVG)",
                                   "kies een andere grondslag, of leg in "
                                   "'toestemming.vrijwilligheid' vast waarom de betrokkene vrij "
                                   "kan kiezen")
                break

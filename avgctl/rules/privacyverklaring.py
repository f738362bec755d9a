"""AVG901-AVG908: what the privacy statement of a target group cannot say (art. 12-14 AVG).

``avgctl render privacyverklaring`` builds one statement per target group from the register.
These rules find, before anything is published, each item of art. 13 and 14 that a statement
would have to leave empty. They apply once the register uses target groups at all (an activity
names one, or avgctl.yaml declares one); a register without statements is not asked for them.
Items that other rules already cover are not repeated here: a purpose (AVG101), a basis
(AVG102), the balancing test (AVG302), special and criminal data (AVG304, AVG305), consent and
its withdrawal (AVG306), a transfer's safeguard (AVG404) and the retention period (AVG106).
"""

from __future__ import annotations

from collections.abc import Iterator

from avgctl.findings import PendingFinding, Severity
from avgctl.models import Verwerking
from avgctl.privacyverklaring.inhoud import van_betrokkene
from avgctl.rules.base import Rule, Voorbeeld
from avgctl.store.register import Bron, Register

_ORG = """\
organisatie:
  naam: Kantoor Voorbeeld
  contact: {adres: "Dorpsstraat 1, Ergens", email: privacy@kantoor.example}
  fg: {naam: FG, email: fg@kantoor.example}
  rechten: {email: privacy@kantoor.example}
privacyverklaring:
  doelgroepen:
    klanten: {naam: klanten, naam_en: clients}
"""

_KOP = '''\
id: "10.1.1"
naam: Offertes
doel: Offertes maken.
grondslag: overeenkomst
betrokkenen: [klant]
'''

_INTAKE = """\
id: "20.1.1"
naam: Intake nieuwe zaak
doel: Een nieuwe opdracht vastleggen.
grondslag: overeenkomst
betrokkenen: [opdrachtgever]
gegevens:
  - {type: NAW, betrokkene: opdrachtgever, bron: opdrachtgever, ontvangers: []}
verwerkingsverantwoordelijken: []
doelgroepen: [klanten]
verstrekking: {verplichting: vrijwillig}
"""

_BIJLAGEN = (("avgctl.yaml", _ORG), ("registers/verwerkingen/20.1.1-intake.yaml", _INTAKE))


def gebruikt_doelgroepen(register: Register) -> bool:
    config = register.config
    return bool(config is not None and config.model.privacyverklaring.doelgroepen) or any(
        b.model.doelgroepen for b in register.verwerkingen)


def _in_verklaring(register: Register) -> Iterator[Bron[Verwerking]]:
    """The activities that some statement tells about."""
    for bron in register.verwerkingen:
        if bron.model.doelgroepen:
            yield bron


def _groepen(v: Verwerking) -> str:
    """'de privacyverklaring voor debiteuren kan', or '... voor a en b kunnen'."""
    namen = v.doelgroepen
    if len(namen) == 1:
        return f"de privacyverklaring voor {namen[0]} kan"
    return f"de privacyverklaringen voor {', '.join(namen[:-1])} en {namen[-1]} kunnen"


class DoelgroepOnbekend(Rule):
    """Een doelgroep die alleen bij een verwerking staat, of die geen verwerkingen heeft.

    Elke doelgroep waarvoor een privacyverklaring komt, staat in avgctl.yaml onder
    'privacyverklaring.doelgroepen' met haar naam in de verklaring (en in het Engels). Een
    doelgroep die alleen bij een verwerking staat, is meestal een tikfout ('debiteur' naast
    'debiteuren') en krijgt dan een eigen, onvolledige verklaring. Een doelgroep zonder
    verwerkingen geeft een lege verklaring.

    Waarom: betrokkenen moeten de informatie krijgen die bij hen hoort, volledig en in
    begrijpelijke taal (art. 12 lid 1 AVG). Een verklaring die maar een deel van hun verwerkingen
    noemt, doet dat niet.

    Oplossing: zet de doelgroep in avgctl.yaml onder 'privacyverklaring.doelgroepen', of
    verbeter de naam bij de verwerking. Een doelgroep zonder verwerkingen haalt u weg, of u
    noemt haar bij de verwerkingen die over haar gaan.
    """

    code = "AVG901"
    severity = Severity.WAARSCHUWING
    title = "Doelgroep niet vastgelegd of zonder verwerkingen"
    artikel = "art. 12 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "doelgroepen: [klant]\nverstrekking: {verplichting: vrijwillig}\n",
        goed=_KOP + "doelgroepen: [klanten]\nverstrekking: {verplichting: vrijwillig}\n",
        bijlagen=_BIJLAGEN,
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        if config is None or not gebruikt_doelgroepen(self.register):
            return
        vastgelegd = config.model.privacyverklaring.doelgroepen
        # Once per group, at its first activity: a missing declaration is one fix, not many.
        eerste: dict[str, tuple[Bron[Verwerking], int]] = {}
        aantal: dict[str, int] = {}
        for bron in _in_verklaring(self.register):
            for index, groep in enumerate(bron.model.doelgroepen):
                eerste.setdefault(groep, (bron, index))
                aantal[groep] = aantal.get(groep, 0) + 1
        for groep, (bron, index) in sorted(eerste.items(), key=lambda item: item[1][0].file):
            if groep not in vastgelegd:
                andere = aantal[groep] - 1
                yield self.finding(
                    bron, ("doelgroepen", index),
                    f"doelgroep '{groep}' (bij verwerking {bron.model.id}"
                    + (f" en {andere} andere" if andere else "") + ") staat niet in "
                    "avgctl.yaml onder privacyverklaring.doelgroepen",
                    f"zet '{groep}: {{naam: ..., naam_en: ...}}' onder "
                    "privacyverklaring.doelgroepen, of verbeter de naam")
        gebruikt = set(eerste)
        for groep in vastgelegd:
            if groep not in gebruikt:
                yield self.finding(config, ("privacyverklaring", "doelgroepen", groep),
                                   f"doelgroep '{groep}' heeft geen verwerkingen: haar "
                                   "privacyverklaring zou leeg zijn",
                                   f"noem '{groep}' bij 'doelgroepen' van de verwerkingen die "
                                   "over haar gaan, of haal haar weg", key=True)


class ZonderDoelgroep(Rule):
    """Een verwerking die in geen enkele privacyverklaring staat.

    Zodra het register doelgroepen gebruikt, hoort elke verwerking bij minstens één doelgroep.
    Verwerkingen die de organisatie als verwerker doet voor een klant
    ('verwerkingsverantwoordelijken'), tellen niet mee: die klant informeert de betrokkenen.

    Waarom: wie gegevens verwerkt, informeert de betrokkenen daarover (art. 13 en 14 AVG). Een
    verwerking zonder doelgroep valt buiten elke verklaring, dus niemand hoort ervan.

    Oplossing: zet bij de verwerking 'doelgroepen: [...]' met de doelgroepen over wie zij
    gaat.
    """

    code = "AVG902"
    severity = Severity.WAARSCHUWING
    title = "Verwerking zonder doelgroep"
    artikel = "art. 13 en 14 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "verstrekking: {verplichting: vrijwillig}\n",
        goed=_KOP + "doelgroepen: [klanten]\nverstrekking: {verplichting: vrijwillig}\n",
        bijlagen=_BIJLAGEN,
    )

    def check(self) -> Iterator[PendingFinding]:
        if not gebruikt_doelgroepen(self.register):
            return
        for bron in self.register.verwerkingen:
            v = bron.model
            if not v.doelgroepen and not v.verwerkingsverantwoordelijken:
                yield self.finding(bron, (), f"verwerking {v.id} staat in geen enkele "
                                   "privacyverklaring: zij noemt geen doelgroep",
                                   "zet 'doelgroepen: [...]' bij de verwerking")


class FgNietBereikbaar(Rule):
    """Er is een functionaris gegevensbescherming, maar de verklaring kan niet zeggen hoe u haar
    bereikt.

    Waarom: een privacyverklaring noemt de contactgegevens van de FG (art. 13 lid 1 sub b en
    art. 14 lid 1 sub b AVG), en die contactgegevens worden bekendgemaakt (art. 37 lid 7 AVG).
    Een naam alleen is geen contactgegeven.

    Oplossing: vul in avgctl.yaml bij 'organisatie.fg' een e-mailadres of telefoonnummer in.
    """

    code = "AVG903"
    severity = Severity.FOUT
    title = "FG niet bereikbaar via de verklaring"
    artikel = "art. 13 lid 1 sub b AVG"
    voorbeeld = Voorbeeld(
        "organisatie",
        fout=_ORG.replace("fg: {naam: FG, email: fg@kantoor.example}", "fg: {naam: FG}"),
        goed=_ORG,
        bijlagen=_BIJLAGEN[1:],
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        if config is None or not gebruikt_doelgroepen(self.register):
            return
        fg = config.model.organisatie.fg
        if fg is not None and not fg.email and not fg.telefoon:
            yield self.finding(config, ("organisatie", "fg"), "de functionaris "
                               "gegevensbescherming heeft geen e-mailadres of telefoonnummer, "
                               "dus de privacyverklaringen kunnen niet zeggen hoe u haar bereikt",
                               "vul 'email' of 'telefoon' in bij organisatie.fg", key=True)


class RechtenZonderKanaal(Rule):
    """De verklaringen kunnen niet zeggen waar betrokkenen een verzoek indienen.

    Waarom: de organisatie maakt het betrokkenen makkelijk hun rechten uit te oefenen (art. 12
    lid 2 AVG), en de verklaring noemt die rechten met de weg ernaartoe (art. 13 lid 2 sub b
    AVG). Zonder e-mailadres, formulier of postadres weet niemand waar hij terechtkan.

    Oplossing: vul in avgctl.yaml 'organisatie.rechten' in met 'email', 'formulier' (een
    webadres) en/of 'postadres'.
    """

    code = "AVG904"
    severity = Severity.FOUT
    title = "Geen manier om rechten uit te oefenen"
    artikel = "art. 12 lid 2 AVG"
    voorbeeld = Voorbeeld(
        "organisatie",
        fout=_ORG.replace("  rechten: {email: privacy@kantoor.example}\n", ""),
        goed=_ORG,
        bijlagen=_BIJLAGEN[1:],
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        if config is None or not gebruikt_doelgroepen(self.register):
            return
        rechten = config.model.organisatie.rechten
        if rechten is None or not (rechten.email or rechten.formulier or rechten.postadres):
            path = ("organisatie", "rechten") if rechten is not None else ("organisatie",)
            yield self.finding(config, path, "de privacyverklaringen kunnen niet zeggen waar "
                               "betrokkenen een verzoek over hun gegevens indienen",
                               "vul organisatie.rechten in met email, formulier of postadres",
                               key=True)


class GrondslagZonderWet(Rule):
    """Een verwerking rust op een wettelijke plicht of een publieke taak, maar noemt de wet niet.

    Waarom: bij deze grondslagen staat de plicht of de taak in een wet (art. 6 lid 3 AVG), en
    de privacyverklaring legt uit op welke grond de gegevens worden gebruikt (art. 13 lid 1
    sub c AVG). 'Een wet verplicht ons' zonder te zeggen welke, zegt de lezer niets.

    Oplossing: vul 'grondslag_bron' in met de wet en het artikel, bijvoorbeeld
    'Wet op de loonbelasting 1964, art. 28'.
    """

    code = "AVG905"
    severity = Severity.FOUT
    title = "Grondslag zonder wet in de verklaring"
    artikel = "art. 13 lid 1 sub c AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP.replace("grondslag: overeenkomst", "grondslag: wettelijke_verplichting")
        + "doelgroepen: [klanten]\nverstrekking: {verplichting: wettelijk, gevolgen: Geen "
        "factuur.}\n",
        goed=_KOP.replace("grondslag: overeenkomst", "grondslag: wettelijke_verplichting\n"
                          "grondslag_bron: Algemene wet inzake rijksbelastingen art. 52")
        + "doelgroepen: [klanten]\nverstrekking: {verplichting: wettelijk, gevolgen: Geen "
        "factuur.}\n",
        bijlagen=_BIJLAGEN,
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in _in_verklaring(self.register):
            v = bron.model
            if v.grondslag in ("wettelijke_verplichting", "publieke_taak") and not v.grondslag_bron:
                yield self.finding(bron, ("grondslag",), f"verwerking {v.id}: {_groepen(v)} "
                                   "niet zeggen welke wet de grondslag geeft",
                                   "vul 'grondslag_bron' in met de wet en het artikel")


class GegevenZonderBron(Rule):
    """Een gegevenstype zonder bron in een verwerking die in een privacyverklaring staat.

    Waarom: komen gegevens niet van de betrokkene zelf, dan zegt de verklaring waar ze vandaan
    komen (art. 14 lid 2 sub f AVG); komen ze wel van hem, dan gelden andere punten (art. 13).
    Zonder bron weet de verklaring niet welke van de twee.

    Oplossing: vul bij het gegevenstype 'bron' in: 'betrokkene' als de persoon het zelf geeft,
    anders de organisatie of het register waar het vandaan komt (bijvoorbeeld BRP).
    """

    code = "AVG906"
    severity = Severity.FOUT
    title = "Gegeven zonder bron in de verklaring"
    artikel = "art. 14 lid 2 sub f AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "gegevens:\n  - {type: NAW, betrokkene: klant, ontvangers: []}\n"
        "doelgroepen: [klanten]\n",
        goed=_KOP + "gegevens:\n  - {type: NAW, betrokkene: klant, bron: opdrachtgever, "
        "ontvangers: []}\ndoelgroepen: [klanten]\n",
        bijlagen=_BIJLAGEN,
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in _in_verklaring(self.register):
            v = bron.model
            for index, gegeven in enumerate(v.gegevens):
                if not gegeven.bron:
                    yield self.finding(bron, ("gegevens", index, "type"),
                                       f"{gegeven.type} in verwerking {v.id}: {_groepen(v)} "
                                       "niet zeggen waar dit gegeven vandaan komt",
                                       "vul 'bron' in: betrokkene, of waar het anders vandaan "
                                       "komt")


class BesluitZonderUitleg(Rule):
    """Een geautomatiseerd besluit zonder logica of gevolgen.

    Waarom: neemt een computer een besluit over iemand, dan zegt de verklaring hoe dat besluit
    tot stand komt en wat het voor hem betekent (art. 13 lid 2 sub f en art. 14 lid 2 sub g
    AVG).

    Oplossing: vul bij 'geautomatiseerde_besluitvorming' de 'logica' en de 'gevolgen' in, in
    gewone woorden.
    """

    code = "AVG907"
    severity = Severity.FOUT
    title = "Geautomatiseerd besluit zonder uitleg"
    artikel = "art. 13 lid 2 sub f AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "doelgroepen: [klanten]\nverstrekking: {verplichting: vrijwillig}\n"
        "geautomatiseerde_besluitvorming:\n  beschrijving: Automatische kredietcheck\n",
        goed=_KOP + "doelgroepen: [klanten]\nverstrekking: {verplichting: vrijwillig}\n"
        "geautomatiseerde_besluitvorming:\n  beschrijving: Automatische kredietcheck\n"
        "  logica: Betalingsachterstanden van de laatste twee jaar bepalen de uitkomst.\n"
        "  gevolgen: Bij een negatieve uitkomst vragen wij vooruitbetaling.\n",
        bijlagen=_BIJLAGEN,
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in _in_verklaring(self.register):
            v = bron.model
            besluit = v.geautomatiseerde_besluitvorming
            if besluit is None:
                continue
            missing = [deel for deel in ("logica", "gevolgen") if not getattr(besluit, deel)]
            if missing:
                yield self.finding(bron, ("geautomatiseerde_besluitvorming",),
                                   f"verwerking {v.id}: {_groepen(v)} het geautomatiseerde "
                                   f"besluit niet uitleggen (ontbreekt: {', '.join(missing)})",
                                   "vul 'logica' en 'gevolgen' in", key=True)


class VerstrekkingOntbreekt(Rule):
    """Gegevens die de betrokkene zelf geeft, zonder te zeggen of dat moet en wat er gebeurt
    als hij het niet doet.

    Geldt voor een verwerking in een privacyverklaring met minstens één gegevenstype waarvan
    de bron de betrokkene is.

    Waarom: wie gegevens bij de betrokkene zelf verzamelt, zegt of hij ze moet geven (een wet,
    een overeenkomst, of nodig om een overeenkomst te sluiten) en wat de gevolgen zijn als hij
    dat niet doet (art. 13 lid 2 sub e AVG).

    Oplossing: vul 'verstrekking' in met 'verplichting' (wettelijk, contractueel,
    voorwaarde_overeenkomst of vrijwillig) en, behalve bij vrijwillig, 'gevolgen'.
    """

    code = "AVG908"
    severity = Severity.FOUT
    title = "Verstrekkingsplicht niet vermeld"
    artikel = "art. 13 lid 2 sub e AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "gegevens:\n  - {type: NAW, betrokkene: klant, bron: betrokkene, "
        "ontvangers: []}\ndoelgroepen: [klanten]\n",
        goed=_KOP + "gegevens:\n  - {type: NAW, betrokkene: klant, bron: betrokkene, "
        "ontvangers: []}\ndoelgroepen: [klanten]\nverstrekking:\n"
        "  verplichting: voorwaarde_overeenkomst\n"
        "  gevolgen: Zonder naam en adres kunnen wij geen offerte maken.\n",
        bijlagen=_BIJLAGEN,
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in _in_verklaring(self.register):
            v = bron.model
            if not any(van_betrokkene(g.bron, g.betrokkene) for g in v.gegevens):
                continue
            if v.verstrekking is None:
                yield self.finding(bron, (), f"verwerking {v.id}: {_groepen(v)} niet "
                                   "zeggen of de betrokkene zijn gegevens moet geven en wat er "
                                   "gebeurt als hij dat niet doet",
                                   "vul 'verstrekking' in met verplichting en gevolgen")
            elif v.verstrekking.verplichting != "vrijwillig" and not v.verstrekking.gevolgen:
                yield self.finding(bron, ("verstrekking",), f"verwerking {v.id}: de "
                                   "betrokkene moet de gegevens geven, maar de verklaring kan "
                                   "niet zeggen wat er gebeurt als hij dat niet doet",
                                   "vul 'gevolgen' in bij verstrekking", key=True)

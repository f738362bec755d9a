"""AVG101-AVG112: the content art. 30 AVG requires of the register."""

from __future__ import annotations

from collections.abc import Iterator

from avgctl.findings import PendingFinding, Severity
from avgctl.models.duur import parse_duur
from avgctl.rules.base import Rule, Voorbeeld
from avgctl.store.register import CONFIG_FILE, VERWERKINGEN_DIR

_KOP = 'id: "10.1.1"\nnaam: Offertes maken\n'


class RegisterLeeg(Rule):
    """Het register bevat nog geen enkele verwerking.

    Waarom: vrijwel elke organisatie moet een register van verwerkingsactiviteiten bijhouden
    (art. 30 lid 1 AVG); de uitzondering voor kleine organisaties (art. 30 lid 5) geldt niet
    zodra een verwerking niet incidenteel is, zoals een personeels- of klantenadministratie.

    Oplossing: maak per verwerking een bestand in registers/verwerkingen/, genoemd naar het
    nummer in het procesmodel, bijvoorbeeld 50.1.1-personeelsadministratie.yaml.
    """

    code = "AVG100"
    severity = Severity.FOUT
    title = "Register bevat geen verwerkingen"
    artikel = "art. 30 lid 1 AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        bestand="registers/verwerkingen/50.1.1-personeelsadministratie.yaml",
        fout="# (dit bestand bestaat nog niet: registers/verwerkingen/ is leeg)\n",
        goed='id: "50.1.1"\nnaam: Personeelsadministratie\n',
    )

    def check(self) -> Iterator[PendingFinding]:
        if self.register.verwerkingen or self.register.config is None:
            return
        if any(rel.startswith(VERWERKINGEN_DIR) for rel in self.register.onleesbaar):
            return  # activities exist but cannot be read; that is reported already
        yield self.finding(self.register.config, ("organisatie",),
                           f"er staat nog geen verwerking in {VERWERKINGEN_DIR}/",
                           "maak per verwerking een bestand <id>-<korte-naam>.yaml")


class DoelOntbreekt(Rule):
    """Een verwerking zonder doel.

    Waarom: elke verwerking dient een welbepaald en uitdrukkelijk omschreven doel (art. 5 lid 1
    sub b AVG), en het register noemt dat doel (art. 30 lid 1 sub b AVG). Zonder doel is niet
    te beoordelen of de gegevens nodig zijn.

    Oplossing: beschrijf in 'doel' waarvoor de gegevens worden gebruikt, concreet genoeg dat een
    buitenstaander het begrijpt.
    """

    code = "AVG101"
    severity = Severity.FOUT
    title = "Doel van de verwerking ontbreekt"
    artikel = "art. 30 lid 1 sub b AVG"
    voorbeeld = Voorbeeld("verwerking", fout=_KOP,
                          goed=_KOP + "doel: Offertes opstellen voor nieuwe opdrachtgevers.\n")

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            if not bron.model.doel:
                yield self.finding(bron, (), f"verwerking {bron.model.id} heeft geen doel",
                                   "voeg 'doel:' toe met een concrete omschrijving")


class GrondslagOntbreekt(Rule):
    """Een verwerking zonder grondslag, terwijl niet elk gegevenstype een eigen grondslag heeft.

    Waarom: een verwerking is alleen rechtmatig met een van de zes grondslagen van art. 6 lid 1
    AVG. Het register moet per verwerking laten zien welke dat is.

    Oplossing: vul 'grondslag' in (toestemming, overeenkomst, wettelijke_verplichting,
    vitaal_belang, publieke_taak of gerechtvaardigd_belang), met 'grondslag_bron' als de
    grondslag op een wet rust.
    """

    code = "AVG102"
    severity = Severity.FOUT
    title = "Grondslag ontbreekt"
    artikel = "art. 6 lid 1 AVG"
    voorbeeld = Voorbeeld("verwerking", fout=_KOP, goed=_KOP + "grondslag: overeenkomst\n")

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            v = bron.model
            if v.grondslag is None and (not v.gegevens or any(g.grondslag is None
                                                              for g in v.gegevens)):
                yield self.finding(bron, (), f"verwerking {v.id} heeft geen grondslag",
                                   "voeg 'grondslag:' toe, bijvoorbeeld grondslag: overeenkomst")


class BetrokkenenOntbreken(Rule):
    """Een verwerking zonder categorieën van betrokkenen.

    Waarom: het register beschrijft van wie gegevens worden verwerkt (art. 30 lid 1 sub c AVG);
    daarop rusten ook de privacyverklaringen en de afhandeling van verzoeken.

    Oplossing: noem in 'betrokkenen' de groepen mensen, bijvoorbeeld [debiteur, opdrachtgever].
    """

    code = "AVG103"
    severity = Severity.FOUT
    title = "Betrokkenen ontbreken"
    artikel = "art. 30 lid 1 sub c AVG"
    voorbeeld = Voorbeeld("verwerking", fout=_KOP, goed=_KOP + "betrokkenen: [opdrachtgever]\n")

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            if not bron.model.betrokkenen:
                yield self.finding(bron, (), f"verwerking {bron.model.id} noemt geen betrokkenen",
                                   "voeg 'betrokkenen: [...]' toe")


class GegevensOntbreken(Rule):
    """Een verwerking zonder categorieën van persoonsgegevens.

    Waarom: art. 30 lid 1 sub c AVG vraagt welke soorten persoonsgegevens worden verwerkt. Per
    gegevenstype legt het register ook bron, ontvangers en bewaartermijn vast.

    Oplossing: voeg onder 'gegevens' per gegevenstype een item toe met ten minste 'type'.
    """

    code = "AVG104"
    severity = Severity.FOUT
    title = "Gegevens ontbreken"
    artikel = "art. 30 lid 1 sub c AVG"
    voorbeeld = Voorbeeld("verwerking", fout=_KOP, goed=_KOP + "gegevens:\n  - type: NAW\n")

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            if not bron.model.gegevens:
                yield self.finding(bron, (), f"verwerking {bron.model.id} noemt geen gegevens",
                                   "voeg 'gegevens:' toe met per gegevenstype '- type: ...'")


class OntvangersNietVermeld(Rule):
    """Een verwerking waarvan niet is vastgelegd aan wie de gegevens worden verstrekt.

    Waarom: het register noemt de categorieën ontvangers (art. 30 lid 1 sub d AVG). Ook 'geen
    ontvangers' is een antwoord, maar het moet er staan: een leeg veld is niet te onderscheiden
    van vergeten.

    Oplossing: zet 'ontvangers: [...]' op de verwerking of op elk gegevenstype, of
    'ontvangers: []' als niemand buiten de organisatie de gegevens krijgt.
    """

    code = "AVG105"
    severity = Severity.FOUT
    title = "Ontvangers niet vermeld"
    artikel = "art. 30 lid 1 sub d AVG"
    voorbeeld = Voorbeeld("verwerking", fout=_KOP + "gegevens:\n  - type: NAW\n",
                          goed=_KOP + "gegevens:\n  - type: NAW\n    ontvangers: []\n")

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            v = bron.model
            if v.ontvangers is not None or not v.gegevens:
                continue
            for index, gegeven in enumerate(v.gegevens):
                if gegeven.ontvangers is None:
                    yield self.finding(
                        bron, ("gegevens", index),
                        f"gegevenstype {gegeven.type} van verwerking {v.id} noemt geen ontvangers",
                        "zet 'ontvangers: [...]' (of 'ontvangers: []' als er geen zijn) op het "
                        "gegevenstype of op de verwerking")


class BewaartermijnOntbreekt(Rule):
    """Een gegevenstype zonder bewaartermijn, en geen criterium op de verwerking.

    Waarom: gegevens mogen niet langer worden bewaard dan nodig (art. 5 lid 1 sub e AVG). Het
    register noemt waar mogelijk per gegevenscategorie de termijn (art. 30 lid 1 sub f AVG);
    kan dat niet, dan het criterium waarmee de termijn wordt bepaald.

    Oplossing: verwijs met 'bewaartermijn' naar een termijn uit registers/bewaartermijnen.yaml,
    per gegevenstype of één keer op de verwerking, of beschrijf 'bewaartermijn_criterium'.
    """

    code = "AVG106"
    severity = Severity.FOUT
    title = "Bewaartermijn ontbreekt"
    artikel = "art. 30 lid 1 sub f AVG"
    voorbeeld = Voorbeeld(
        "verwerking",
        fout=_KOP + "gegevens:\n  - type: NAW\n",
        goed=_KOP + "gegevens:\n  - type: NAW\n    bewaartermijn: dossier\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            v = bron.model
            if v.bewaartermijn or v.bewaartermijn_criterium:
                continue
            for index, gegeven in enumerate(v.gegevens):
                if not gegeven.bewaartermijn:
                    yield self.finding(
                        bron, ("gegevens", index),
                        f"gegevenstype {gegeven.type} van verwerking {v.id} heeft geen "
                        "bewaartermijn",
                        "voeg 'bewaartermijn: <id>' toe, met een id uit "
                        "registers/bewaartermijnen.yaml")


class BeveiligingOntbreekt(Rule):
    """Een verwerking zonder beschrijving van de beveiligingsmaatregelen.

    Waarom: het register geeft waar mogelijk een algemene beschrijving van de technische en
    organisatorische maatregelen (art. 30 lid 1 sub g en art. 32 AVG). Maatregelen die voor de
    hele organisatie gelden (zoals die van de BIO of ISO 27001), staan één keer in
    'organisatie.beveiliging' in avgctl.yaml; elke verwerking erft ze, en dan hoeft een
    verwerking zelf niets te noemen.

    Oplossing: noem in 'beveiliging' de maatregelen van deze verwerking, bijvoorbeeld
    [toegangsbeheer, versleuteling-in-rust, logging], of de maatregelen voor alle verwerkingen
    in 'organisatie.beveiliging'.
    """

    code = "AVG107"
    severity = Severity.FOUT
    title = "Beveiligingsmaatregelen ontbreken"
    artikel = "art. 30 lid 1 sub g AVG"
    voorbeeld = Voorbeeld("verwerking", fout=_KOP,
                          goed=_KOP + "beveiliging: [toegangsbeheer, logging]\n")

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        if config is not None and config.model.organisatie.beveiliging:
            return  # every activity inherits the organisation's baseline
        if config is None and CONFIG_FILE in self.register.files:
            return  # avgctl.yaml did not validate (reported): its baseline is unknown
        for bron in self.register.verwerkingen:
            v = bron.model
            if not v.beveiliging and not any(g.beveiliging for g in v.gegevens):
                yield self.finding(bron, (), f"verwerking {v.id} noemt geen beveiliging",
                                   "voeg 'beveiliging: [...]' toe, of zet de maatregelen "
                                   "voor alle verwerkingen in 'organisatie.beveiliging'")


class EigenaarOntbreekt(Rule):
    """Een verwerking zonder interne eigenaar.

    Waarom: het modelregister wijst per verwerking een verantwoordelijke binnen de organisatie
    aan. Zonder eigenaar houdt niemand de beschrijving actueel (verantwoordingsplicht, art. 5
    lid 2 AVG).

    Oplossing: vul 'eigenaar' in met een functie, zoals Bureaumanager; geen persoonsnaam.
    """

    code = "AVG108"
    severity = Severity.WAARSCHUWING
    title = "Eigenaar ontbreekt"
    artikel = "art. 5 lid 2 AVG"
    voorbeeld = Voorbeeld("verwerking", fout=_KOP, goed=_KOP + "eigenaar: Bureaumanager\n")

    def check(self) -> Iterator[PendingFinding]:
        for bron in self.register.verwerkingen:
            if not bron.model.eigenaar:
                yield self.finding(bron, (), f"verwerking {bron.model.id} heeft geen eigenaar",
                                   "vul 'eigenaar:' in met een functie")


class OrganisatieOnvolledig(Rule):
    """De naam of contactgegevens van de organisatie ontbreken in avgctl.yaml.

    Waarom: het register begint met de naam en contactgegevens van de
    verwerkingsverantwoordelijke (art. 30 lid 1 sub a AVG); ook de privacyverklaring noemt
    ze (art. 13 lid 1 sub a AVG).

    Oplossing: vul in avgctl.yaml 'organisatie.naam' en 'organisatie.contact' (adres, e-mail
    of telefoon) in.
    """

    code = "AVG109"
    severity = Severity.FOUT
    title = "Gegevens van de organisatie onvolledig"
    artikel = "art. 30 lid 1 sub a AVG"
    voorbeeld = Voorbeeld(
        "organisatie",
        fout="organisatie:\n  naam: Kantoor Voorbeeld\n",
        goed="organisatie:\n  naam: Kantoor Voorbeeld\n  contact:\n    adres: Dorpsstraat 1, "
        "1234 AB Ergens\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        bron = self.register.config
        if bron is None:
            return
        org = bron.model.organisatie
        if not org.naam:
            yield self.finding(bron, ("organisatie",), "de naam van de organisatie ontbreekt",
                               "vul 'organisatie.naam' in")
        contact = org.contact
        if contact is None or not (contact.adres or contact.email or contact.telefoon):
            yield self.finding(bron, ("organisatie", "contact"),
                               "de contactgegevens van de organisatie ontbreken",
                               "vul 'organisatie.contact' in met adres, e-mail of telefoon")


class VerwerkingsverantwoordelijkeOntbreekt(Rule):
    """Een organisatie die verwerker is, noemt bij een verwerking niet voor wie zij verwerkt.

    Waarom: het register van een verwerker noemt per verwerking de verwerkingsverantwoordelijke
    voor wie zij werkt (art. 30 lid 2 sub a AVG).

    Oplossing: zet in 'verwerkingsverantwoordelijken' de ids van die klanten uit
    registers/partijen.yaml (relatie: verwerkingsverantwoordelijke).
    """

    code = "AVG110"
    severity = Severity.FOUT
    title = "Verwerker noemt de verwerkingsverantwoordelijke niet"
    artikel = "art. 30 lid 2 sub a AVG"
    voorbeeld = Voorbeeld(
        "organisatie",
        fout="organisatie:\n  naam: Loonbureau Voorbeeld\n  rol: verwerker\n",
        goed="organisatie:\n  naam: Loonbureau Voorbeeld\n  rol: verwerkingsverantwoordelijke\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        config = self.register.config
        if config is None or config.model.organisatie.rol != "verwerker":
            return
        for bron in self.register.verwerkingen:
            if not bron.model.verwerkingsverantwoordelijken:
                yield self.finding(
                    bron, (), f"verwerking {bron.model.id} noemt niet voor welke "
                    "verwerkingsverantwoordelijke de organisatie haar uitvoert",
                    "voeg 'verwerkingsverantwoordelijken: [<partij-id>]' toe")


class BewaartermijnOnvolledig(Rule):
    """Een bewaartermijn zonder duur of criterium, of 'onbeperkt' zonder motivatie.

    Waarom: de verwerkingsverantwoordelijke legt vooraf vast hoe lang gegevens worden bewaard,
    of het criterium daarvoor (art. 5 lid 1 sub e en art. 13 lid 2 sub a AVG). Onbeperkt
    bewaren mag alleen met een reden, zoals het repertorium van een gerechtsdeurwaarder.

    Oplossing: geef 'duur' (bijvoorbeeld '7 jaar') of 'criterium'; bij 'onbeperkt' ook
    'motivatie'.
    """

    code = "AVG111"
    severity = Severity.FOUT
    title = "Bewaartermijn onvolledig"
    artikel = "art. 5 lid 1 sub e AVG"
    voorbeeld = Voorbeeld(
        "bewaartermijnen",
        fout="repertorium:\n  duur: onbeperkt\n",
        goed="repertorium:\n  duur: onbeperkt\n  motivatie: Wettelijk verplicht register.\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for key, bron in self.register.bewaartermijnen.items():
            termijn = bron.model
            if not termijn.duur and not termijn.criterium:
                yield self.finding(bron, (), f"bewaartermijn {key} heeft geen duur en geen "
                                   "criterium", "vul 'duur:' of 'criterium:' in", key=True)
            elif termijn.duur and parse_duur(termijn.duur).onbeperkt and not termijn.motivatie:
                yield self.finding(bron, ("duur",), f"bewaartermijn {key} is onbeperkt zonder "
                                   "motivatie", "leg in 'motivatie:' uit waarom")


class BewaartermijnZonderAanleiding(Rule):
    """Een bewaartermijn met een duur, maar zonder de gebeurtenis waarna hij loopt.

    Waarom: '10 jaar' zegt pas iets met een beginpunt: na het sluiten van het dossier, na het
    einde van het dienstverband, na het einde van het kalenderjaar (art. 5 lid 1 sub e AVG).

    Oplossing: vul 'na' in, bijvoorbeeld na: sluiten_dossier.
    """

    code = "AVG112"
    severity = Severity.WAARSCHUWING
    title = "Bewaartermijn zonder beginpunt"
    artikel = "art. 5 lid 1 sub e AVG"
    voorbeeld = Voorbeeld(
        "bewaartermijnen",
        fout="dossier:\n  duur: 10 jaar\n",
        goed="dossier:\n  duur: 10 jaar\n  na: sluiten_dossier\n",
    )

    def check(self) -> Iterator[PendingFinding]:
        for key, bron in self.register.bewaartermijnen.items():
            termijn = bron.model
            if termijn.duur and not termijn.na and not parse_duur(termijn.duur).onbeperkt:
                yield self.finding(bron, ("duur",), f"bewaartermijn {key} noemt niet waarna de "
                                   f"{termijn.duur} ingaan", "vul 'na:' in")

"""A processing activity (verwerking): one file in ``registers/verwerkingen/``.

Art. 30(1) AVG for a controller, art. 30(2) for a processor, plus the practice fields of the
model register (DOMAIN.md §2): process-model number, owner, and per data type its data subject,
own legal basis, source, processors, recipients, systems and retention.

Most art. 30 fields are optional *here* so that an incomplete register still loads; the rules
(AVG1xx) then say precisely what is missing, which helps more than a schema error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from avgctl.models.advies import FgAdvies
from avgctl.models.base import Grondslag, Model

# Art. 9(1) AVG.
BijzondereCategorie = Literal[
    "ras_of_etnische_afkomst",
    "politieke_opvattingen",
    "religie_of_levensovertuiging",
    "vakbondslidmaatschap",
    "genetische_gegevens",
    "biometrische_gegevens",
    "gezondheid",
    "seksueel_gedrag_of_geaardheid",
]

# Art. 9(2) AVG, a-j.
Uitzondering = Literal["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]

# The AP's list of processing for which a DPIA is mandatory (Stcrt. 2019, 64418), plus the
# large-scale monitoring of art. 35(3)(c).
DPIA_AP_LIJST: dict[str, str] = {
    "heimelijk_onderzoek": "heimelijk onderzoek",
    "zwarte_lijsten": "zwarte lijsten",
    "fraudebestrijding": "fraudebestrijding",
    "kredietscores": "creditscores",
    "financiele_situatie": "financiële situatie",
    "genetische_gegevens": "genetische persoonsgegevens",
    "gezondheidsgegevens": "gezondheidsgegevens",
    "samenwerkingsverbanden": "samenwerkingsverbanden",
    "cameratoezicht": "cameratoezicht",
    "flexibel_cameratoezicht": "flexibel cameratoezicht",
    "controle_werknemers": "controle van werknemers",
    "locatiegegevens": "locatiegegevens",
    "communicatiegegevens": "communicatiegegevens",
    "internet_of_things": "Internet of Things",
    "profilering": "profilering",
    "observatie_en_beinvloeding": "observatie en beïnvloeding van gedrag",
    "biometrische_gegevens": "biometrische gegevens",
    "grootschalige_monitoring": "grootschalige monitoring",
}

# The nine criteria of the EDPB guidelines on DPIA (WP248 rev.01); two or more: DPIA.
DPIA_EDPB_CRITERIA: dict[str, str] = {
    "evaluatie_of_scoring": "evaluatie of scoring",
    "geautomatiseerd_besluit": "geautomatiseerde besluitvorming met rechtsgevolg",
    "stelselmatige_monitoring": "stelselmatige monitoring",
    "gevoelige_gegevens": "gevoelige of zeer persoonlijke gegevens",
    "grote_schaal": "verwerking op grote schaal",
    "gecombineerde_gegevens": "gekoppelde of gecombineerde gegevensverzamelingen",
    "kwetsbare_betrokkenen": "kwetsbare betrokkenen",
    "innovatieve_technologie": "innovatieve technologie",
    "blokkering_recht_of_dienst": "betrokkene kan een recht of dienst niet gebruiken",
}

DpiaCriterium = Literal[
    "heimelijk_onderzoek", "zwarte_lijsten", "fraudebestrijding", "kredietscores",
    "financiele_situatie", "genetische_gegevens", "gezondheidsgegevens",
    "samenwerkingsverbanden", "cameratoezicht", "flexibel_cameratoezicht",
    "controle_werknemers", "locatiegegevens", "communicatiegegevens", "internet_of_things",
    "profilering", "observatie_en_beinvloeding", "biometrische_gegevens",
    "grootschalige_monitoring",
    "evaluatie_of_scoring", "geautomatiseerd_besluit", "stelselmatige_monitoring",
    "gevoelige_gegevens", "grote_schaal", "gecombineerde_gegevens", "kwetsbare_betrokkenen",
    "innovatieve_technologie", "blokkering_recht_of_dienst",
]


# Names of national identification numbers (art. 87 AVG, UAVG art. 46).
_NATIONAAL_ID = re.compile(r"^(bsn|burgerservicenummer|sofinummer|a-?nummer|"
                           r"v-?nummer|vreemdelingennummer)$", re.IGNORECASE)


class Gegeven(Model):
    """Eén gegevenstype binnen een verwerking, met betrokkene, bron, partijen en termijn."""

    type: str = Field(description="De naam van het gegevenstype, bijvoorbeeld NAW of BSN.")
    omschrijving: str | None = Field(
        default=None, description="Welke gegevens onder dit type vallen, in gewone woorden."
    )
    betrokkene: str | None = Field(
        default=None,
        description="De categorie betrokkenen van wie dit gegeven is; noem haar ook bij "
        "'betrokkenen' van de verwerking.",
    )
    bron: str | None = Field(
        default=None,
        description="Waar het gegeven vandaan komt, bijvoorbeeld betrokkene, opdrachtgever of "
        "BRP (art. 14 lid 2 sub f AVG).",
    )
    grondslag: Grondslag | None = Field(  # where it differs from the activity's
        default=None,
        description="Alleen als die afwijkt van de verwerking: de grondslag uit art. 6 lid 1 "
        "AVG (toestemming, overeenkomst, wettelijke_verplichting, vitaal_belang, "
        "publieke_taak of gerechtvaardigd_belang).",
    )
    wettelijke_basis: str | None = Field(  # e.g. "UAVG art. 46; Wet BRP" for the BSN
        default=None,
        description="De wet die dit gegeven toestaat of voorschrijft; verplicht bij het BSN "
        "(art. 46 UAVG), bijvoorbeeld \"UAVG art. 46; Wet BRP art. 3.3\".",
    )
    nationaal_identificatienummer: bool | None = Field(  # None: decided from the type name
        default=None,
        description="true als dit een nationaal identificatienummer is, zoals het BSN "
        "(art. 87 AVG); weglaten: avgctl herkent het aan de naam van het type.",
    )
    verwerkers: list[str] = Field(
        default_factory=list,
        description="Ids uit partijen.yaml van de verwerkers die dit gegeven voor ons verwerken.",
    )
    ontvangers: list[str] | None = Field(  # [] states "geen ontvangers"
        default=None,
        description="Ids uit partijen.yaml van de ontvangers van dit gegeven "
        "(art. 30 lid 1 sub d AVG); [] betekent uitdrukkelijk: geen ontvangers.",
    )
    systemen: list[str] = Field(
        default_factory=list,
        description="De systemen of applicaties waarin het gegeven staat.",
    )
    bewaartermijn: str | None = Field(
        default=None,
        description="Het id van de bewaartermijn uit bewaartermijnen.yaml; weglaten: de "
        "termijn van de verwerking geldt.",
    )
    beveiliging: list[str] = Field(
        default_factory=list,
        description="Extra beveiligingsmaatregelen voor dit gegeven, naast die van de verwerking.",
    )

    @property
    def is_nationaal_id(self) -> bool:
        """A national identification number: as stated, else recognised by the type's name."""
        if self.nationaal_identificatienummer is not None:
            return self.nationaal_identificatienummer
        return bool(_NATIONAAL_ID.match(self.type.strip()))


class BijzonderGegeven(Model):
    """Een bijzonder persoonsgegeven (art. 9 AVG) met de uitzondering die het toestaat."""

    categorie: BijzondereCategorie = Field(
        description="De categorie uit art. 9 lid 1 AVG: ras_of_etnische_afkomst, "
        "politieke_opvattingen, religie_of_levensovertuiging, vakbondslidmaatschap, "
        "genetische_gegevens, biometrische_gegevens, gezondheid of "
        "seksueel_gedrag_of_geaardheid.",
    )
    uitzondering: Uitzondering | None = Field(  # art. 9(2) a-j
        default=None,
        description="De letter (a tot en met j) van de uitzondering in art. 9 lid 2 AVG die "
        "het verwerken toestaat.",
    )
    uavg: str | None = Field(  # the UAVG article that works the exception out, e.g. "art. 30"
        default=None,
        description="Het artikel van de UAVG dat de uitzondering uitwerkt, bijvoorbeeld "
        "\"art. 30\".",
    )
    toelichting: str | None = Field(
        default=None, description="Waarom dit gegeven nodig is en hoe de uitzondering geldt."
    )


class Strafrechtelijk(Model):
    """Persoonsgegevens van strafrechtelijke aard (art. 10 AVG)."""

    omschrijving: str | None = Field(
        default=None, description="Welke strafrechtelijke gegevens worden verwerkt."
    )
    grondslag: str | None = Field(  # art. 10 AVG with UAVG art. 31-33
        default=None,
        description="De wettelijke basis: art. 10 AVG met het artikel van de UAVG "
        "(art. 31-33) dat het verwerken toestaat.",
    )


class Toestemming(Model):
    """Hoe de toestemming van betrokkenen is geregeld (art. 7 en 8 AVG)."""

    vastlegging: str | None = Field(  # how consent is given and proven (art. 7(1))
        default=None,
        description="Hoe de toestemming wordt gegeven en vastgelegd, zodat die aan te tonen is "
        "(art. 7 lid 1 AVG).",
    )
    intrekken: str | None = Field(  # how it is withdrawn, as easily as given (art. 7(3))
        default=None,
        description="Hoe betrokkenen de toestemming intrekken, even makkelijk als zij haar "
        "gaven (art. 7 lid 3 AVG).",
    )
    vrijwilligheid: str | None = Field(  # art. 7(4), recital 43: free despite an imbalance
        default=None,
        description="Bij een overheidstaak of bij het eigen personeel: waarom de betrokkene "
        "toch vrij kan kiezen, bijvoorbeeld omdat weigeren geen enkel gevolg heeft "
        "(art. 7 lid 4 en overweging 43 AVG, AVG117).",
    )
    minderjarigen: str | None = Field(  # children under 16: consent of the parent (art. 8, UAVG 5)
        default=None,
        description="Bij kinderen onder de 16: hoe de toestemming van de ouder wordt verkregen "
        "(art. 8 AVG, art. 5 UAVG).",
    )


class Belangenafweging(Model):
    """De belangenafweging bij gerechtvaardigd belang (art. 6 lid 1 sub f AVG).

    Drie stappen: het belang, de noodzaak en de afweging tegen de belangen van betrokkenen.
    """

    belang: str | None = Field(
        default=None, description="Welk gerechtvaardigd belang de organisatie nastreeft."
    )
    noodzaak: str | None = Field(
        default=None,
        description="Waarom de verwerking nodig is voor dat belang en er geen minder "
        "ingrijpende weg is.",
    )
    afweging: str | None = Field(
        default=None,
        description="Waarom het belang zwaarder weegt dan de belangen en rechten van de "
        "betrokkenen.",
    )


class Besluitvorming(Model):
    """Geautomatiseerde besluitvorming of profilering met rechtsgevolg (art. 22 AVG)."""

    beschrijving: str = Field(description="Welk besluit geautomatiseerd wordt genomen.")
    logica: str | None = Field(
        default=None, description="De onderliggende logica: hoe het besluit tot stand komt."
    )
    gevolgen: str | None = Field(
        default=None, description="Het belang en de verwachte gevolgen voor de betrokkene."
    )


# Art. 13(2)(e) AVG: is providing the data required, and by what.
Verplichting = Literal["wettelijk", "contractueel", "voorwaarde_overeenkomst", "vrijwillig"]

# Channels a privacy statement describes in a section of their own (reference 001 has sections
# on the website and cookies, recorded phone calls and video calls; camera surveillance is the
# common case of a visitor who never fills in a form).
Kanaal = Literal["website", "cookies", "telefoonopnames", "cameratoezicht"]


# A target group's name is part of file names (privacyverklaring-<doelgroep>.nl.html).
Doelgroepnaam = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$",
                                                 max_length=60)]


class Verstrekking(Model):
    """Of betrokkenen de gegevens moeten geven, en wat er gebeurt als zij dat niet doen.

    Art. 13 lid 2 sub e AVG: alleen bij gegevens die de betrokkene zelf geeft.
    """

    verplichting: Verplichting = Field(
        description="Waarom de betrokkene de gegevens geeft: wettelijk (een wet verplicht het), "
        "contractueel (een overeenkomst verplicht het), voorwaarde_overeenkomst (nodig om een "
        "overeenkomst te sluiten) of vrijwillig.",
    )
    gevolgen: str | None = Field(
        default=None,
        description="Wat er gebeurt als de betrokkene de gegevens niet geeft, in gewone woorden "
        "(AVG908).",
    )
    gevolgen_en: str | None = Field(
        default=None, description="Dezelfde gevolgen in het Engels, voor de Engelse verklaring."
    )


class Dpia(Model):
    """Het besluit over een gegevensbeschermingseffectbeoordeling (DPIA, art. 35 AVG)."""

    nodig: bool = Field(description="true als een DPIA nodig is, anders false.")
    motivatie: str | None = Field(
        default=None, description="Waarom een DPIA wel of niet nodig is."
    )
    uitgevoerd: dt.date | None = Field(
        default=None, description="De datum waarop de DPIA is afgerond, als JJJJ-MM-DD."
    )
    kenmerk: str | None = Field(
        default=None, description="Het kenmerk of de vindplaats van het DPIA-rapport."
    )
    fg_advies: FgAdvies | None = Field(
        default=None, description="Het advies van de functionaris gegevensbescherming over "
        "de DPIA (art. 35 lid 2 AVG): op, advies, gevolgd en motivatie_afwijking."
    )


class Verwerking(Model):
    """Een verwerkingsactiviteit in het register (art. 30 AVG).

    Eén bestand in registers/verwerkingen/, met de velden van art. 30 lid 1 (of lid 2 voor een
    verwerker) en de praktijkvelden van het modelregister.
    """

    id: str = Field(
        pattern=r"^\d+(\.\d+)*$",
        description="Het nummer uit het procesmodel, SECTIE.PROCES.VERWERKING, tussen "
        "aanhalingstekens, bijvoorbeeld \"40.3.1\"; de bestandsnaam begint ermee.",
    )
    naam: str = Field(description="De naam van de verwerking.")
    proces: str | None = Field(
        default=None, description="Het bedrijfsproces waartoe de verwerking hoort."
    )
    eigenaar: str | None = Field(
        default=None,
        description="De functie die verantwoordelijk is voor de verwerking; een functie, geen "
        "persoon (art. 5 lid 2 AVG).",
    )
    doel: str | None = Field(
        default=None, description="Het doel van de verwerking (art. 30 lid 1 sub b AVG)."
    )
    grondslag: Grondslag | None = Field(
        default=None,
        description="De grondslag uit art. 6 lid 1 AVG: toestemming (a), overeenkomst (b), "
        "wettelijke_verplichting (c), vitaal_belang (d), publieke_taak (e) of "
        "gerechtvaardigd_belang (f).",
    )
    grondslag_bron: str | None = Field(
        default=None,
        description="De wet of regeling waarop de grondslag rust, bijvoorbeeld "
        "\"Gerechtsdeurwaarderswet art. 2\".",
    )
    publieke_taak: bool | None = Field(  # for a public authority: is this a public task?
        default=None,
        description="Alleen voor een overheidsorganisatie: false als deze verwerking geen "
        "publieke taak is (dan mag gerechtvaardigd belang wel, art. 6 lid 1 slot AVG).",
    )
    belangenafweging: Belangenafweging | None = Field(
        default=None,
        description="Bij gerechtvaardigd belang: belang, noodzaak en afweging "
        "(art. 6 lid 1 sub f AVG).",
    )
    toestemming: Toestemming | None = Field(
        default=None,
        description="Bij toestemming: hoe die wordt vastgelegd en ingetrokken (art. 7 AVG).",
    )
    betrokkenen: list[str] = Field(
        default_factory=list,
        description="De categorieën betrokkenen, bijvoorbeeld debiteur of sollicitant "
        "(art. 30 lid 1 sub c AVG).",
    )
    gegevens: list[Gegeven] = Field(
        default_factory=list,
        description="De gegevenstypen die worden verwerkt, elk met betrokkene, bron, partijen "
        "en bewaartermijn (art. 30 lid 1 sub c AVG).",
    )
    ontvangers: list[str] | None = Field(  # for all data types; [] states "geen ontvangers"
        default=None,
        description="Ids uit partijen.yaml van de ontvangers van alle gegevenstypen samen "
        "(art. 30 lid 1 sub d AVG); [] betekent uitdrukkelijk: geen ontvangers.",
    )
    bijzondere_gegevens: list[BijzonderGegeven] = Field(
        default_factory=list,
        description="Bijzondere categorieën persoonsgegevens, elk met de uitzondering die het "
        "verwerken toestaat (art. 9 AVG).",
    )
    strafrechtelijke_gegevens: Strafrechtelijk | None = Field(
        default=None,
        description="Strafrechtelijke gegevens en hun wettelijke basis (art. 10 AVG).",
    )
    geautomatiseerde_besluitvorming: Besluitvorming | None = Field(
        default=None,
        description="Geautomatiseerde besluitvorming met rechtsgevolg: beschrijving, logica en "
        "gevolgen (art. 22 AVG).",
    )
    dpia_criteria: list[DpiaCriterium] = Field(
        default_factory=list,
        description="De DPIA-indicatoren die gelden: uit de lijst van de Autoriteit "
        "Persoonsgegevens (bijvoorbeeld cameratoezicht, profilering) en de EDPB-criteria "
        "(bijvoorbeeld grote_schaal, kwetsbare_betrokkenen) (art. 35 AVG).",
    )
    dpia: Dpia | None = Field(
        default=None,
        description="Of een DPIA nodig is, waarom, en wanneer die is uitgevoerd (art. 35 AVG).",
    )
    beveiliging: list[str] = Field(
        default_factory=list,
        description="De technische en organisatorische beveiligingsmaatregelen "
        "(art. 30 lid 1 sub g en art. 32 AVG).",
    )
    bewaartermijn: str | None = Field(  # default for data types that name none
        default=None,
        description="Het id van de bewaartermijn uit bewaartermijnen.yaml voor gegevenstypen "
        "zonder eigen termijn (art. 30 lid 1 sub f AVG).",
    )
    bewaartermijn_criterium: str | None = Field(  # motivated criterion instead of a period
        default=None,
        description="Het criterium voor de bewaartermijn, als geen vaste termijn te geven is.",
    )
    verwerkingsverantwoordelijken: list[str] = Field(  # art. 30(2)(a)
        default_factory=list,
        description="Als wij verwerker zijn: ids uit partijen.yaml van de klanten voor wie wij "
        "deze verwerking doen (art. 30 lid 2 sub a AVG).",
    )
    doelgroepen: list[Doelgroepnaam] = Field(
        default_factory=list,
        description="Voor welke privacyverklaringen de verwerking meetelt: namen uit "
        "'privacyverklaring.doelgroepen' in avgctl.yaml, bijvoorbeeld debiteuren (AVG901).",
    )
    verstrekking: Verstrekking | None = Field(
        default=None,
        description="Of de betrokkene de gegevens moet geven en wat er gebeurt als hij dat niet "
        "doet: verplichting en gevolgen (art. 13 lid 2 sub e AVG, AVG908).",
    )
    kanalen: list[Kanaal] = Field(
        default_factory=list,
        description="De kanalen waarover de privacyverklaring een eigen stuk heeft: website, "
        "cookies, telefoonopnames of cameratoezicht.",
    )
    naam_en: str | None = Field(
        default=None, description="De naam van de verwerking in het Engels, voor de Engelse "
        "privacyverklaring.",
    )
    doel_en: str | None = Field(
        default=None, description="Het doel in het Engels, voor de Engelse privacyverklaring.",
    )
    opmerking: str | None = Field(
        default=None, description="Een opmerking bij de verwerking, in vrije tekst."
    )

    @property
    def sectie(self) -> str:
        return self.id.split(".", 1)[0]

"""A processing activity (verwerking): one file in ``registers/verwerkingen/``.

Art. 30(1) AVG for a controller, art. 30(2) for a processor, plus the practice fields of the
model register (DOMAIN.md §2): process-model number, owner, and per data type its data subject,
own legal basis, source, processors, recipients, systems and retention.

Most art. 30 fields are optional *here* so that an incomplete register still loads; the rules
(AVG1xx) then say precisely what is missing, which helps more than a schema error.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

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


class Gegeven(Model):
    """One data type (gegevenstype) within an activity."""

    type: str
    omschrijving: str | None = None
    betrokkene: str | None = None
    bron: str | None = None
    grondslag: Grondslag | None = None  # where it differs from the activity's
    wettelijke_basis: str | None = None  # e.g. "UAVG art. 46; Wet BRP" for the BSN
    nationaal_identificatienummer: bool | None = None  # None: decided from the type name
    verwerkers: list[str] = Field(default_factory=list)
    ontvangers: list[str] | None = None  # [] states "geen ontvangers"
    systemen: list[str] = Field(default_factory=list)
    bewaartermijn: str | None = None
    beveiliging: list[str] = Field(default_factory=list)


class BijzonderGegeven(Model):
    categorie: BijzondereCategorie
    uitzondering: Uitzondering | None = None  # art. 9(2) a-j
    uavg: str | None = None  # the UAVG article that works the exception out, e.g. "art. 30"
    toelichting: str | None = None


class Strafrechtelijk(Model):
    omschrijving: str | None = None
    grondslag: str | None = None  # art. 10 AVG with UAVG art. 31-33


class Toestemming(Model):
    vastlegging: str | None = None  # how consent is given and proven (art. 7(1))
    intrekken: str | None = None  # how it is withdrawn, as easily as given (art. 7(3))
    minderjarigen: str | None = None  # children under 16: consent of the parent (art. 8, UAVG 5)


class Belangenafweging(Model):
    """The three steps for art. 6(1)(f): interest, necessity, balance."""

    belang: str | None = None
    noodzaak: str | None = None
    afweging: str | None = None


class Besluitvorming(Model):
    beschrijving: str
    logica: str | None = None
    gevolgen: str | None = None


class Dpia(Model):
    nodig: bool
    motivatie: str | None = None
    uitgevoerd: dt.date | None = None
    kenmerk: str | None = None


class Verwerking(Model):
    id: str = Field(pattern=r"^\d+(\.\d+)*$")
    naam: str
    proces: str | None = None
    eigenaar: str | None = None
    doel: str | None = None
    grondslag: Grondslag | None = None
    grondslag_bron: str | None = None
    publieke_taak: bool | None = None  # for a public authority: is this a public task?
    belangenafweging: Belangenafweging | None = None
    toestemming: Toestemming | None = None
    betrokkenen: list[str] = Field(default_factory=list)
    gegevens: list[Gegeven] = Field(default_factory=list)
    ontvangers: list[str] | None = None  # for all data types; [] states "geen ontvangers"
    bijzondere_gegevens: list[BijzonderGegeven] = Field(default_factory=list)
    strafrechtelijke_gegevens: Strafrechtelijk | None = None
    geautomatiseerde_besluitvorming: Besluitvorming | None = None
    dpia_criteria: list[DpiaCriterium] = Field(default_factory=list)
    dpia: Dpia | None = None
    beveiliging: list[str] = Field(default_factory=list)
    bewaartermijn: str | None = None  # default for data types that name none
    bewaartermijn_criterium: str | None = None  # motivated criterion instead of a period
    verwerkingsverantwoordelijken: list[str] = Field(default_factory=list)  # art. 30(2)(a)
    doelgroepen: list[str] = Field(default_factory=list)
    opmerking: str | None = None

    @property
    def sectie(self) -> str:
        return self.id.split(".", 1)[0]

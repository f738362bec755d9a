"""``avgctl.yaml``: the organisation (art. 30(1)(a) AVG) and its policy (beleid)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any, Literal

from pydantic import Field, field_validator

from avgctl.models.base import Model
from avgctl.models.bewaartermijn import boekjaar_einde_van as boekjaar_einde_van
from avgctl.models.duur import parse_duur
from avgctl.models.verwerking import Doelgroepnaam
from avgctl.models.verzoek import Verzoektype


class Contact(Model):
    """Contactgegevens van de organisatie (art. 30 lid 1 sub a AVG)."""

    adres: str | None = Field(
        default=None, description="Het post- of bezoekadres van de organisatie."
    )
    email: str | None = Field(
        default=None, description="Het algemene e-mailadres voor vragen over privacy."
    )
    telefoon: str | None = Field(
        default=None, description="Het algemene telefoonnummer van de organisatie."
    )
    website: str | None = Field(default=None, description="Het adres van de website.")


class Functionaris(Model):
    """De functionaris gegevensbescherming (FG, art. 37-39 AVG)."""

    naam: str = Field(description="Naam van de functionaris gegevensbescherming.")
    email: str | None = Field(
        default=None, description="E-mailadres waarop de FG bereikbaar is (art. 37 lid 7 AVG)."
    )
    telefoon: str | None = Field(
        default=None, description="Telefoonnummer waarop de FG bereikbaar is."
    )


class Vertegenwoordiger(Model):
    """Vertegenwoordiger in de EU (art. 27 AVG), alleen voor organisaties buiten de EU."""

    naam: str = Field(description="Naam van de vertegenwoordiger in de EU.")
    adres: str | None = Field(default=None, description="Adres van de vertegenwoordiger.")
    email: str | None = Field(
        default=None, description="E-mailadres van de vertegenwoordiger."
    )


class Rechtenkanalen(Model):
    """Waar betrokkenen terechtkunnen met een verzoek over hun gegevens (art. 12 lid 2 AVG)."""

    email: str | None = Field(
        default=None,
        description="Het e-mailadres voor verzoeken van betrokkenen, bijvoorbeeld "
        "privacy@organisatie.nl.",
    )
    formulier: str | None = Field(
        default=None,
        description="Het webadres van het formulier waarmee betrokkenen een verzoek indienen.",
    )
    postadres: str | None = Field(
        default=None,
        description="Het postadres voor verzoeken per brief, met afdeling of antwoordnummer.",
    )


class Organisatie(Model):
    """De organisatie die het register bijhoudt (art. 30 lid 1 sub a AVG)."""

    naam: str | None = Field(
        default=None,
        description="De officiële naam van de organisatie (art. 30 lid 1 sub a AVG).",
    )
    rol: Literal["verwerkingsverantwoordelijke", "verwerker", "beide"] = Field(
        default="verwerkingsverantwoordelijke",
        description="De rol van de organisatie: verwerkingsverantwoordelijke (standaard), "
        "verwerker (register van art. 30 lid 2 AVG) of beide.",
    )
    overheid: bool = Field(
        default=False,
        description="true als de organisatie een overheidsinstantie is; dan is een FG verplicht "
        "(art. 37 lid 1 sub a AVG) en geldt geen gerechtvaardigd belang voor publieke taken.",
    )
    medewerkers: int | None = Field(
        default=None, ge=0, description="Het aantal medewerkers (een geheel getal, 0 of meer)."
    )
    kvk: str | None = Field(
        default=None,
        description="Het KvK-nummer; zet het tussen aanhalingstekens, bijvoorbeeld \"90001234\".",
    )
    contact: Contact | None = Field(
        default=None,
        description="Adres, e-mail, telefoon en website van de organisatie "
        "(art. 30 lid 1 sub a AVG).",
    )
    fg: Functionaris | None = Field(
        default=None,
        description="De functionaris gegevensbescherming: naam en contactgegevens "
        "(art. 37-39 AVG).",
    )
    fg_motivatie: str | None = Field(
        default=None,
        description="Waarom er geen functionaris gegevensbescherming is, als die er niet is.",
    )
    vertegenwoordiger: Vertegenwoordiger | None = Field(
        default=None,
        description="De vertegenwoordiger in de EU; alleen voor organisaties buiten de EU "
        "(art. 27 AVG).",
    )
    # Art. 30(1)(g) and 32 AVG: measures such as those of the BIO or ISO 27001 hold for every
    # activity; an activity lists only what it adds (AVG107).
    beveiliging: list[str] = Field(
        default_factory=list,
        description="De beveiligingsmaatregelen die voor de hele organisatie gelden, "
        "bijvoorbeeld volgens de BIO of ISO 27001; elke verwerking erft ze en noemt zelf alleen "
        "wat zij daarnaast heeft (art. 30 lid 1 sub g en art. 32 AVG, AVG107).",
    )
    # Art. 12(2) and 13(2)(b) AVG: the statement must say how the rights are exercised.
    rechten: Rechtenkanalen | None = Field(
        default=None,
        description="Hoe betrokkenen hun rechten uitoefenen: e-mailadres, webformulier en "
        "postadres voor verzoeken (art. 12 lid 2 en art. 13 lid 2 sub b AVG). Staat in elke "
        "privacyverklaring.",
    )
    # Art. 37(1)(b)-(c) AVG: these core activities make an FG mandatory.
    grootschalige_monitoring: bool = Field(
        default=False,
        description="true als de kerntaak grootschalige, stelselmatige monitoring van personen "
        "is; dan is een FG verplicht (art. 37 lid 1 sub b AVG).",
    )
    grootschalig_bijzondere_gegevens: bool = Field(
        default=False,
        description="true als de kerntaak het grootschalig verwerken van bijzondere of "
        "strafrechtelijke gegevens is; dan is een FG verplicht (art. 37 lid 1 sub c AVG).",
    )


# Longer than this a policy cannot be meant (the law allows a month, three with the
# extension, art. 12 lid 3 AVG); a longer one would also carry deadlines past the calendar
# avgctl computes in (models/base.py).
_LANGSTE_DAGEN = {"dag": 1, "week": 7, "maand": 31, "jaar": 366}


def _duur(value: str) -> str:
    duur = parse_duur(value)
    if duur.onbeperkt:
        raise ValueError("een termijn voor verzoeken kan niet onbeperkt zijn")
    if duur.eenheid == "uur":  # also 'direct': art. 12(3) counts days, weeks and months
        raise ValueError("een termijn voor verzoeken telt in dagen, weken of maanden, niet in "
                         f"uren of {value!r}")
    if (duur.aantal or 0) * _LANGSTE_DAGEN.get(duur.eenheid or "dag", 1) > 3660:
        raise ValueError(f"een termijn voor verzoeken van {duur} kan niet kloppen; de wet "
                         "geeft een maand, met verlenging drie maanden")
    return value


class Feestdagen(Model):
    """Welke dagen als feestdag gelden bij het berekenen van termijnen."""

    lijst: Literal["nl"] = Field(
        default="nl",
        description="De lijst van de Algemene termijnenwet (art. 3): nieuwjaarsdag, Goede "
        "Vrijdag, tweede paasdag, Koningsdag, 5 mei, Hemelvaartsdag, tweede pinksterdag en "
        "beide kerstdagen.",
    )
    # Whether Good Friday counts for EU periods is unsettled (DOMAIN.md §3): a visible setting.
    goede_vrijdag: bool = Field(
        default=True,
        description="Telt Goede Vrijdag als feestdag? Standaard ja, zoals in de Algemene "
        "termijnenwet; of dat ook voor AVG-termijnen geldt, is niet beslist.",
    )
    extra: list[dt.date] = Field(
        default_factory=list,
        description="Extra dagen waarop de organisatie gesloten is en die termijnen verlengen.",
    )


class Verzoektermijn(Model):
    """Een termijn voor het beantwoorden van verzoeken, en de verlenging ervan."""

    termijn: str = Field(description="Binnen hoeveel tijd het antwoord volgt, bijvoorbeeld "
                         "'1 maand' of '2 weken'.")
    verlenging: str = Field(description="Met hoeveel de termijn verlengd kan worden, "
                            "bijvoorbeeld '2 maanden'.")

    _check_termijn = field_validator("termijn", "verlenging")(_duur)


class Verzoekbeleid(Model):
    """Termijnen voor verzoeken van betrokkenen: de wet en strengere eigen afspraken."""

    standaard: Verzoektermijn = Field(
        default_factory=lambda: Verzoektermijn(termijn="1 maand", verlenging="2 maanden"),
        description="De termijn voor elk verzoek (art. 12 lid 3 AVG: 1 maand, te verlengen "
        "met 2 maanden). Strenger mag, ruimer niet.",
    )
    per_type: dict[Verzoektype, Verzoektermijn] = Field(
        default_factory=dict,
        description="Strengere eigen termijnen voor een soort verzoek, bijvoorbeeld "
        "wissing: {termijn: 2 weken, verlenging: 2 weken}.",
    )
    verificatie_werkdagen: int = Field(
        default=3, ge=1,
        description="Binnen hoeveel werkdagen de identiteit van de verzoeker is gecontroleerd.",
    )

    @field_validator("verificatie_werkdagen")
    @classmethod
    def _hooguit_een_jaar(cls, value: int) -> int:
        # Counted day by day from each receipt: beyond a year it cannot be a target.
        if value > 260:
            raise ValueError(f"{value} werkdagen is meer dan een jaar; dat kan geen termijn zijn")
        return value


class Datalekbeleid(Model):
    """De termijnen die bij een datalek gelden."""

    melden_ap_uur: int = Field(
        default=72, ge=1, le=72,
        description="Binnen hoeveel uur na ontdekking een melding bij de AP gedaan wordt "
        "(art. 33 lid 1 AVG: uiterlijk 72 uur).",
    )
    verwerker_meldt_binnen_uur: int = Field(
        default=24, ge=1,
        description="Binnen hoeveel uur een verwerker een datalek aan ons meldt, zoals in de "
        "verwerkersovereenkomsten afgesproken.",
    )

    # Reference 002 asks for the evaluation "some time after" a serious breach without a
    # number; three months leaves room for the planned measures and is a visible setting.
    evaluatie_binnen_dagen: int = Field(
        default=90, ge=1, le=3660,
        description="Binnen hoeveel dagen na de afsluiting van een matig tot ernstig datalek de "
        "evaluatie is gedaan (AVG810); standaard 90.",
    )

    @field_validator("verwerker_meldt_binnen_uur")
    @classmethod
    def _hooguit_een_jaar(cls, value: int) -> int:
        # The deadline is computed from this; beyond a year it cannot be an agreement.
        if value > 8784:
            raise ValueError(f"{value} uur is meer dan een jaar; dat kan geen afspraak zijn")
        return value


class Waarschuwen(Model):
    """Hoe ver vooruit avgctl waarschuwt dat een termijn afloopt."""

    verzoek_dagen: int = Field(default=7, ge=0, description="Dagen vóór de termijn van een "
                               "verzoek.")
    datalek_uur: int = Field(default=24, ge=0, description="Uren vóór de meldtermijn van een "
                             "datalek.")


class Bewaarbeleid(Model):
    """Onder welke bewaartermijn de eigen verzoeken en datalekken van het register vallen."""

    verzoeken: str = Field(
        default="verzoeken",
        description="Het id uit bewaartermijnen.yaml voor de verzoeken van betrokkenen; die "
        "termijn loopt na 'ontvangst' of na 'afhandeling'.",
    )
    datalekken: str = Field(
        default="datalekken",
        description="Het id uit bewaartermijnen.yaml voor de datalekken; die termijn loopt na "
        "'ontdekking' of na 'afsluiting'.",
    )




def _ook_kort(schema: dict[str, Any]) -> None:
    """In the JSON Schema, accept the short form ``feestdagen: nl`` as well."""
    ref = schema.pop("$ref", None)
    if ref is not None:
        schema["anyOf"] = [{"$ref": ref}, {"const": "nl"}]


class Beleid(Model):
    """Het beleid van de organisatie: instellingen die voor het hele register gelden."""

    tijdzone: str = Field(
        default="Europe/Amsterdam",
        description="De tijdzone voor 'vandaag' en voor tijdstippen, als naam uit de "
        "tz-database; standaard Europe/Amsterdam.",
    )
    feestdagen: Feestdagen = Field(default_factory=Feestdagen,
                                   description="Feestdagen voor het berekenen van termijnen; "
                                   "kort 'nl' voor de lijst van de Algemene termijnenwet.",
                                   json_schema_extra=_ook_kort)
    verzoeken: Verzoekbeleid = Field(default_factory=Verzoekbeleid,
                                     description="Termijnen voor verzoeken van betrokkenen.")
    datalekken: Datalekbeleid = Field(default_factory=Datalekbeleid,
                                      description="De termijnen die bij een datalek gelden.")
    waarschuwen: Waarschuwen = Field(default_factory=Waarschuwen,
                                     description="Hoe ver vooruit avgctl waarschuwt.")
    boekjaar_einde: str = Field(
        default="12-31",
        description="De laatste dag van het boekjaar als maand-dag, standaard 12-31; telt voor "
        "bewaartermijnen met 'vanaf: einde_boekjaar'.",
    )
    bewaren: Bewaarbeleid = Field(
        default_factory=Bewaarbeleid,
        description="Onder welke bewaartermijn de eigen verzoeken en datalekken vallen.",
    )

    @field_validator("boekjaar_einde", mode="before")
    @classmethod
    def _boekjaar(cls, value: object) -> object:
        if isinstance(value, str):
            boekjaar_einde_van(value)
        return value

    @field_validator("feestdagen", mode="before")
    @classmethod
    def _kort(cls, value: object) -> object:
        return {"lijst": value} if isinstance(value, str) else value  # "feestdagen: nl"

    @field_validator("tijdzone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"onbekende tijdzone {value!r}; bijvoorbeeld Europe/Amsterdam"
            ) from None
        return value


class Doelgroep(Model):
    """Een doelgroep van de privacyverklaringen, zoals debiteuren of sollicitanten."""

    naam: str = Field(
        description="De naam van de doelgroep in de Nederlandse verklaring, bijvoorbeeld "
        "'debiteuren'; de titel wordt 'Privacyverklaring voor debiteuren'.",
    )
    naam_en: str | None = Field(
        default=None,
        description="De naam in de Engelse verklaring, bijvoorbeeld 'debtors'; zonder deze "
        "naam gebruikt de Engelse verklaring de Nederlandse.",
    )
    inleiding: str | None = Field(
        default=None,
        description="Een korte inleiding voor deze doelgroep, bovenaan de Nederlandse "
        "verklaring: waarom de organisatie gegevens van deze mensen heeft.",
    )
    inleiding_en: str | None = Field(
        default=None, description="Dezelfde inleiding in het Engels, voor de Engelse verklaring."
    )


class Verklaringbeleid(Model):
    """Instellingen van de privacyverklaringen (art. 12-14 AVG)."""

    doelgroepen: dict[Doelgroepnaam, Doelgroep] = Field(
        default_factory=dict,
        description="De doelgroepen waarvoor een privacyverklaring wordt gemaakt, elk onder de "
        "naam die verwerkingen bij 'doelgroepen' gebruiken (AVG901).",
    )
    url: str | None = Field(
        default=None,
        description="Het webadres waar de verklaringen staan, bijvoorbeeld "
        "https://www.organisatie.nl/privacy; komt in de JSON-versie.",
    )


class Rapportbeleid(Model):
    """Instellingen van de privacyrapportage van de FG (avgctl rapport)."""

    besluiten: str = Field(
        default="rapport/besluiten.md",
        pattern=r"^[^/\\][^\\]*\.md$",  # relative, forward slashes; '..' is refused on reading
        description="Het Markdown-bestand, ten opzichte van de repository, waarin de FG de "
        "gevraagde besluiten en aanbevelingen schrijft; komt als laatste hoofdstuk in het "
        "rapport.",
    )


class Config(Model):
    """Het bestand avgctl.yaml: de organisatie, haar beleid en de secties van het procesmodel."""

    organisatie: Organisatie = Field(
        description="De organisatie die het register bijhoudt (art. 30 lid 1 sub a AVG)."
    )
    beleid: Beleid = Field(
        default_factory=Beleid, description="Instellingen die voor het hele register gelden."
    )
    privacyverklaring: Verklaringbeleid = Field(
        default_factory=Verklaringbeleid,
        description="De doelgroepen en het webadres van de privacyverklaringen "
        "(avgctl render privacyverklaring).",
    )
    rapport: Rapportbeleid = Field(
        default_factory=Rapportbeleid,
        description="Instellingen van de privacyrapportage van de FG (avgctl rapport).",
    )
    # Names of the sections of the process model (SECTIE.PROCES.VERWERKING), e.g. {"40": ...}.
    procesmodel: dict[str, str] = Field(
        default_factory=dict,
        description="De namen van de secties van het procesmodel: per sectienummer tussen "
        "aanhalingstekens de naam, bijvoorbeeld \"40\": Gerechtelijke incasso.",
    )

"""A personal-data breach: one file in ``registers/datalekken/`` (art. 33(5) AVG)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from avgctl.models.advies import FgAdvies
from avgctl.models.base import Datum, Model, Tijdstip
from avgctl.models.verwerking import BijzondereCategorie

Moment = Tijdstip | Datum


def _ook_tekst(schema: dict[str, Any]) -> None:
    """In the JSON Schema, accept the older form of one text as well."""
    ref = schema.pop("$ref", None)
    keuzes = schema.pop("anyOf", None) or ([{"$ref": ref}] if ref else [])
    schema["anyOf"] = [*keuzes, {"type": "string"}]


_TIJDSTIP = "met de afwijking van UTC, bijvoorbeeld 2026-03-27T10:00:00+01:00"


class Periode(Model):
    """De periode waarin het datalek plaatsvond, voor zover bekend."""

    van: Moment | None = Field(
        default=None,
        description=f"Begin van het datalek: een datum (JJJJ-MM-DD) of een tijdstip {_TIJDSTIP}.",
    )
    tot: Moment | None = Field(
        default=None,
        description=f"Einde van het datalek: een datum (JJJJ-MM-DD) of een tijdstip {_TIJDSTIP}.",
    )


class Omvang(Model):
    """Wie en hoeveel er bij het datalek betrokken zijn (art. 33 lid 3 sub a AVG)."""

    categorieen: list[str] = Field(
        default_factory=list,
        description="De categorieën betrokkenen, bijvoorbeeld debiteuren of medewerkers.",
    )
    aantal: int | None = Field(
        default=None,
        ge=0,
        description="Het (geschatte) aantal betrokken personen; een geheel getal, 0 of meer.",
    )
    records: int | None = Field(
        default=None,
        ge=0,
        description="Het (geschatte) aantal betrokken records; een geheel getal, 0 of meer.",
    )


class VerwerkerMelding(Model):
    """Een datalek bij een verwerker, die het aan ons moet melden (art. 33 lid 2 AVG)."""

    partij: str = Field(description="Het id uit partijen.yaml van de verwerker.")
    verwerker_ontdekt_op: Tijdstip | None = Field(
        default=None,
        description=f"Wanneer de verwerker het datalek ontdekte, {_TIJDSTIP}.",
    )
    gemeld_aan_ons_op: Tijdstip | None = Field(
        default=None,
        description=f"Wanneer de verwerker het datalek aan ons meldde, {_TIJDSTIP}.",
    )


class ApMelding(Model):
    """Een melding van het datalek aan de Autoriteit Persoonsgegevens (art. 33 AVG)."""

    soort: Literal["voorlopig", "volledig", "aanvulling", "intrekking"] = Field(
        description="Het soort melding: voorlopig, volledig, aanvulling of intrekking.",
    )
    op: Tijdstip = Field(description=f"Wanneer de melding is gedaan, {_TIJDSTIP}.")
    kenmerk: str | None = Field(
        default=None, description="Het meldnummer dat de Autoriteit Persoonsgegevens gaf."
    )


class Informeren(Model):
    """Het informeren van de betrokkenen over het datalek (art. 34 AVG)."""

    op: Moment | None = Field(
        default=None,
        description=f"Wanneer de betrokkenen zijn geïnformeerd: een datum (JJJJ-MM-DD) of een "
        f"tijdstip {_TIJDSTIP}.",
    )
    wijze: str | None = Field(
        default=None, description="Hoe de betrokkenen zijn geïnformeerd, bijvoorbeeld per brief."
    )
    uitzondering: Literal["versleuteld", "maatregelen", "onevenredig"] | None = Field(
        default=None,
        description="Waarom de betrokkenen niet zijn geïnformeerd (art. 34 lid 3 AVG): "
        "versleuteld (gegevens onbegrijpelijk gemaakt), maatregelen (het hoge risico is "
        "weggenomen) of onevenredig (informeren kost onevenredig veel moeite).",
    )
    toelichting: str | None = Field(
        default=None, description="Een toelichting op de wijze of op de uitzondering."
    )


class Maatregelen(Model):
    """De maatregelen naar aanleiding van het datalek (art. 33 lid 3 sub d AVG)."""

    genomen: list[str] = Field(
        default_factory=list,
        description="Maatregelen die al zijn genomen om het lek te dichten of de gevolgen te "
        "beperken.",
    )
    gepland: list[str] = Field(
        default_factory=list,
        description="Maatregelen die nog worden genomen, om herhaling te voorkomen.",
    )


class Evaluatie(Model):
    """De evaluatie van de afhandeling van een datalek (referentie 002: na een matig tot ernstig
    datalek; AVG810)."""

    op: Datum | None = Field(
        default=None, description="Wanneer de evaluatie is gedaan, als JJJJ-MM-DD."
    )
    uitkomst: str | None = Field(
        default=None,
        description="Wat de evaluatie opleverde: was de melding aan de AP en aan betrokkenen op "
        "tijd en afdoende, waren de maatregelen snel en voldoende, had het eerder gezien "
        "kunnen worden?",
    )
    maatregelen: list[str] = Field(
        default_factory=list,
        description="De aanvullende maatregelen waartoe de evaluatie leidt.",
    )


class OokGeinformeerd(Model):
    """Een ander dan de AP en de betrokkenen die over het datalek is ingelicht."""

    wie: str = Field(
        description="Wie is ingelicht: een organisatie of functie, zoals de bank, de politie of "
        "een opdrachtgever; geen naam van een persoon.",
    )
    op: Moment | None = Field(
        default=None,
        description=f"Wanneer: een datum (JJJJ-MM-DD) of een tijdstip {_TIJDSTIP}.",
    )
    wijze: str | None = Field(
        default=None, description="Hoe, bijvoorbeeld per telefoon, e-mail of aangifte.",
    )


def _evaluatie_als_tekst(value: object) -> object:
    # Before evaluations had a date, 'evaluatie' was one text: read it as the outcome.
    return {"uitkomst": value} if isinstance(value, str) else value


class Beoordeling(Model):
    """De vastgelegde beoordeling van de meldplicht (art. 33 en 34 AVG)."""

    persoonsgegevens: bool | None = Field(
        default=None, description="Zijn persoonsgegevens getroffen?")
    veel_betrokkenen: bool | None = Field(
        default=None, description="Gaat het om veel betrokkenen?")
    gevoelige_gegevens: bool | None = Field(
        default=None, description="Zijn gevoelige gegevens betrokken: bijzondere, "
        "strafrechtelijke of financiële gegevens, het BSN of identiteitsbewijzen?")
    langdurig: bool | None = Field(
        default=None, description="Waren de gegevens lang onbeschermd, of is het lek nog "
        "niet gedicht?")
    onleesbaar: bool | None = Field(
        default=None, description="Waren de gegevens onleesbaar voor onbevoegden "
        "(versleuteld)?")
    voorstel: Literal["geen", "risico", "hoog_risico"] | None = Field(
        default=None, description="Wat avgctl op grond van de antwoorden voorstelde.")
    besloten_door: str | None = Field(
        default=None, description="Wie het besluit nam: een functie, geen naam.")
    besloten_op: Datum | None = Field(default=None, description="Wanneer is besloten.")
    fg_advies: FgAdvies | None = Field(
        default=None, description="Het advies van de functionaris gegevensbescherming over "
        "het besluit: op, advies, gevolgd en motivatie_afwijking.")


class Datalek(Model):
    """Een inbreuk in verband met persoonsgegevens (datalek) in het register van art. 33 lid 5 AVG.

    Eén bestand in registers/datalekken/, ook voor een incident dat geen datalek bleek.
    """

    referentie: str = Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        description="Een unieke referentie, bijvoorbeeld DL-2026-007; ook de bestandsnaam.",
    )
    gemeld_door: str | None = Field(
        default=None,
        description="Wie het incident meldde: een functie of afdeling, geen naam.",
    )
    ontdekt_op: Tijdstip = Field(
        description=f"Wanneer het datalek is ontdekt, {_TIJDSTIP}; de termijn van 72 uur "
        "voor het melden loopt vanaf dit moment (art. 33 lid 1 AVG).",
    )
    periode: Periode | None = Field(
        default=None, description="De periode waarin het datalek plaatsvond: van en tot."
    )
    beschrijving: str | None = Field(
        default=None,
        description="Wat er is gebeurd (art. 33 lid 3 sub a AVG).",
    )
    oorzaak: str | None = Field(
        default=None, description="De oorzaak van het datalek, voor zover bekend."
    )
    geen_datalek: bool = Field(  # an incident judged not to be a breach, see motivatie
        default=False,
        description="true voor een incident dat geen datalek bleek; motiveer dat in "
        "besluit_motivatie.",
    )
    soort: list[Literal["vertrouwelijkheid", "integriteit", "beschikbaarheid"]] = Field(
        default_factory=list,
        description="Welke inbreuk: vertrouwelijkheid (onbevoegde inzage), integriteit "
        "(onbevoegde wijziging) en/of beschikbaarheid (verlies of vernietiging).",
    )
    gegevens: list[str] = Field(
        default_factory=list,
        description="De soorten persoonsgegevens die bij het datalek betrokken zijn.",
    )
    betrokkenen: Omvang | None = Field(
        default=None,
        description="De categorieën en het aantal betrokkenen en records "
        "(art. 33 lid 3 sub a AVG).",
    )
    systemen: list[str] = Field(
        default_factory=list, description="De betrokken systemen of applicaties."
    )
    verwerkingen: list[str] = Field(
        default_factory=list,
        description="De ids van de betrokken verwerkingen, bijvoorbeeld \"40.3.1\".",
    )
    verwerker: VerwerkerMelding | None = Field(
        default=None,
        description="Als het datalek bij een verwerker plaatsvond: welke, en wanneer die het "
        "ontdekte en aan ons meldde.",
    )
    ernst: Literal["beperkt", "matig_tot_ernstig"] | None = Field(
        default=None,
        description="De ernst van de gevolgen voor betrokkenen: beperkt of matig_tot_ernstig.",
    )
    risico: Literal["geen", "risico", "hoog_risico"] | None = Field(
        default=None,
        description="Het risico voor betrokkenen: geen (niet melden), risico (melden aan de AP, "
        "art. 33) of hoog_risico (ook de betrokkenen informeren, art. 34).",
    )
    besluit_motivatie: str | None = Field(
        default=None,
        description="Waarom wel of niet is gemeld; de redenering achter de inschatting van het "
        "risico.",
    )
    ap_meldingen: list[ApMelding] = Field(
        default_factory=list,
        description="De meldingen aan de Autoriteit Persoonsgegevens, elk met soort, tijdstip en "
        "kenmerk (art. 33 AVG).",
    )
    reden_vertraging: str | None = Field(
        default=None,
        description="Bij een melding later dan 72 uur na ontdekking: de reden van de vertraging "
        "(art. 33 lid 1 AVG).",
    )
    betrokkenen_geinformeerd: Informeren | None = Field(
        default=None,
        description="Of en hoe de betrokkenen zijn geïnformeerd, of waarom dat niet hoefde "
        "(art. 34 AVG).",
    )
    maatregelen: Maatregelen | None = Field(
        default=None,
        description="De genomen en geplande maatregelen (art. 33 lid 3 sub d AVG).",
    )
    evaluatie: Evaluatie | None = Field(
        default=None,
        description="De evaluatie achteraf: 'op' (datum), 'uitkomst' en 'maatregelen'. Verplicht "
        "na een matig tot ernstig datalek, binnen 'beleid.datalekken.evaluatie_binnen_dagen' na "
        "de afsluiting (AVG810). Eén tekst mag ook: die geldt als de uitkomst.",
        json_schema_extra=_ook_tekst,
    )
    ook_geinformeerd: list[OokGeinformeerd] = Field(
        default_factory=list,
        description="Wie verder is ingelicht, zoals een bank, de politie of een opdrachtgever: "
        "elk met 'wie', 'op' en 'wijze'.",
    )
    advies_betrokkenen: list[str] = Field(
        default_factory=list,
        description="Wat betrokkenen zelf kunnen doen, in gewone woorden; de brief aan hen "
        "(art. 34 lid 2 AVG) noemt dit advies vóór het advies dat avgctl bij de soort gegevens "
        "kiest.",
    )
    hoe_ontdekt: str | None = Field(
        default=None, description="Hoe het datalek aan het licht kwam, bijvoorbeeld een "
        "melding van een medewerker of van een ontvanger.")
    bijzondere_gegevens: list[BijzondereCategorie] = Field(
        default_factory=list, description="Bijzondere persoonsgegevens die bij het datalek "
        "betrokken zijn (art. 9 AVG), zoals gezondheid.")
    strafrechtelijke_gegevens: bool = Field(
        default=False, description="Zijn strafrechtelijke gegevens betrokken (art. 10 AVG)?")
    minderjarigen: bool = Field(default=False, description="Zijn kinderen betrokken?")
    ingedamd: bool | None = Field(
        default=None, description="Of het lek gedicht is, zodat er geen gegevens meer weglekken.")
    versleuteld: bool | None = Field(
        default=None, description="Waren de gegevens versleuteld of anders onleesbaar voor "
        "onbevoegden (art. 34 lid 3 sub a AVG)?")
    beveiliging_toelichting: str | None = Field(
        default=None, description="Welke beveiliging er was, bijvoorbeeld de soort versleuteling.")
    gevolgen: str | None = Field(
        default=None, description="De waarschijnlijke gevolgen voor de betrokkenen "
        "(art. 33 lid 3 sub c AVG).")
    grensoverschrijdend: bool = Field(
        default=False, description="Zijn betrokkenen in andere EU-landen geraakt?")
    landen: list[str] = Field(default_factory=list, description="Welke andere landen, als "
                              "tweelettercode.")
    beoordeling: Beoordeling | None = Field(
        default=None, description="De beoordeling van de meldplicht: de antwoorden, wat avgctl "
        "voorstelde en wie besliste ('avgctl datalek beoordeel').")
    afgesloten_op: Datum | None = Field(
        default=None, description="Wanneer het datalek is afgehandeld en gesloten.")
    # Retention of the register's own records (DOMAIN.md §5 and §9).
    blokkade: str | None = Field(
        default=None, description="Waarom het datalek langer dan de bewaartermijn blijft, "
        "zoals een incident in onderzoek, een klacht of een procedure; zolang dit is "
        "ingevuld, wordt het niet geanonimiseerd.")
    geanonimiseerd_op: Datum | None = Field(
        default=None, description="Wanneer de gegevens die personen herkenbaar maken, zijn "
        "verwijderd ('avgctl bewaartermijnen anonimiseer').")

    @field_validator("evaluatie", mode="before")
    @classmethod
    def _evaluatie_tekst(cls, value: object) -> object:
        return _evaluatie_als_tekst(value)

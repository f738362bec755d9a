"""A request of a data subject (verzoek): a row of ``registers/verzoeken.csv`` or a file in
``registers/verzoeken/``.

The fields follow the request register of the bailiffs' handbook (reference 002, §7): who asked
what, when, through which channel, the identity check, the extension and its reason, the
decision with its ground, and how the answer was sent. ``betrokkene_ref`` is a case or client
number, never a name: the register lives in git (DOMAIN.md §9).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from avgctl.models.base import Datum, Model

# Art. 15-22 and 7(3) AVG.
Verzoektype = Literal[
    "inzage", "rectificatie", "wissing", "beperking", "overdraagbaarheid", "bezwaar",
    "geautomatiseerde_besluitvorming", "intrekken_toestemming",
]

ARTIKEL: dict[str, str] = {
    "inzage": "art. 15 AVG",
    "rectificatie": "art. 16 AVG",
    "wissing": "art. 17 AVG",
    "beperking": "art. 18 AVG",
    "overdraagbaarheid": "art. 20 AVG",
    "bezwaar": "art. 21 AVG",
    "geautomatiseerde_besluitvorming": "art. 22 AVG",
    "intrekken_toestemming": "art. 7 lid 3 AVG",
}

# After these, the recipients must be told (art. 19 AVG).
MELDEN_AAN_ONTVANGERS = ("rectificatie", "wissing", "beperking")

Afwijzingsgrond = Literal[
    "identiteit_niet_vastgesteld",  # the requester could not be identified (art. 12(6))
    "herhaald_verzoek",  # the same request again within 3 months (art. 12(5))
    "doel_onduidelijk",  # still unclear after asking
    "kennelijk_ongegrond",  # art. 12(5): the controller must be able to show it
    "buitensporig",  # art. 12(5)
    "wettelijke_bewaarplicht",  # erasure conflicts with a legal duty to keep (art. 17(3)(b))
    "lopende_procedure",  # a complaint or court case is pending (art. 17(3)(e))
    "geen_gegevens",  # no personal data of this person are processed
    "overig",
]


# How the identity was checked (reference 002, §3.1). A copy of an ID document only with the
# photo and the BSN shielded: no more data than needed (art. 5(1)(c) AVG), and the BSN only
# where a law allows it (art. 46 UAVG). An unshielded copy is no choice (see ONAFGESCHERMD).
Verificatiewijze = Literal[
    "bekend_emailadres", "zaaknummer_en_naw", "laatste_cijfers_bsn", "afgeschermde_kopie_id",
    "balie", "anders",
]

def onafgeschermde_kopie(waarde: str) -> bool:
    """Whether a value for ``verificatie_wijze`` names a copy of an ID document without the
    shielding (kopie_id, paspoort, kopie rijbewijs, ...): a way the AVG does not allow."""
    woorden = set(waarde.lower().replace("-", "_").replace(" ", "_").split("_"))
    return "afgeschermd" not in waarde.lower() and bool(woorden & {
        "kopie", "id", "identiteitsbewijs", "paspoort", "rijbewijs", "identiteitskaart",
        "legitimatie", "idkaart", "scan", "foto"})


ONAFGESCHERMD = ("een kopie van een identiteitsbewijs zonder afscherming vraagt of bewaart u "
                 "niet: daarop staan de pasfoto en het BSN, en die zijn voor de controle niet "
                 "nodig (art. 5 lid 1 sub c AVG, art. 46 UAVG)")
ONAFGESCHERMD_HINT = ("vraag om een kopie waarop pasfoto en BSN zijn afgeschermd en kies "
                      "'afgeschermde_kopie_id', of controleer op een andere manier")


# The proof that someone may act for the data subject.
Machtiging = Literal[
    "volmacht", "rechterlijke_uitspraak", "ouderlijk_gezag", "advocatenregister",
    "curatele_bewind",
]


class Verzoek(Model):
    """Een verzoek van een betrokkene (art. 12-22 AVG)."""

    referentie: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
                            description="Het kenmerk van het verzoek, bijvoorbeeld AVG-2026-0042.")
    ontvangen: Datum = Field(description="De dag waarop het verzoek binnenkwam; de termijn "
                               "begint de dag erna.")
    betrokkene_ref: str = Field(description="Een zaak- of klantnummer van de betrokkene, nooit "
                                "een naam of ander direct gegeven.")
    verzoeker: Literal["betrokkene", "gemachtigde", "wettelijk_vertegenwoordiger", "advocaat"] \
        = Field(default="betrokkene", description="Wie het verzoek deed: de betrokkene zelf of "
                "iemand namens hem.")
    machtiging: Machtiging | None = Field(
        default=None, description="Bij een verzoek namens de betrokkene: het bewijs dat de "
        "verzoeker dat mag: volmacht, rechterlijke_uitspraak, ouderlijk_gezag, "
        "advocatenregister of curatele_bewind.")
    kanaal: Literal["formulier", "email", "brief", "balie", "telefoon", "portaal"] = Field(
        description="Hoe het verzoek binnenkwam.")
    type: Verzoektype = Field(description="Het soort verzoek: inzage, rectificatie, wissing, "
                              "beperking, overdraagbaarheid, bezwaar, "
                              "geautomatiseerde_besluitvorming of intrekken_toestemming.")
    behandelaar: str | None = Field(default=None, description="De functie of het team dat het "
                                    "verzoek behandelt.")
    status: Literal["open", "in_behandeling", "afgehandeld", "ingetrokken"] = Field(
        default="open", description="Waar het verzoek staat.")
    verificatie: Literal["open", "positief", "negatief", "niet_mogelijk"] = Field(
        default="open", description="De uitkomst van de controle van de identiteit.")
    verificatie_op: Datum | None = Field(default=None, description="Wanneer de identiteit "
                                           "is gecontroleerd.")
    verificatie_wijze: Verificatiewijze | None = Field(
        default=None, description="Hoe de identiteit is gecontroleerd: bekend_emailadres, "
        "zaaknummer_en_naw, laatste_cijfers_bsn, afgeschermde_kopie_id, balie of anders. Een "
        "kopie van een identiteitsbewijs zonder afscherming hoort daar niet bij.")
    gepauzeerd_van: Datum | None = Field(default=None, description="Begin van een pauze in "
                                           "de eigen termijn, bijvoorbeeld in afwachting van "
                                           "een identiteitsbewijs.")
    gepauzeerd_tot: Datum | None = Field(default=None, description="Einde van die pauze.")
    pauze_reden: str | None = Field(default=None, description="Waarom de termijn is "
                                    "gepauzeerd.")
    verlengd_op: Datum | None = Field(default=None, description="Wanneer de betrokkene is "
                                        "verteld dat de termijn wordt verlengd (art. 12 lid 3).")
    verlenging_reden: str | None = Field(default=None, description="Waarom de termijn is "
                                         "verlengd: de complexiteit of het aantal verzoeken.")
    afgehandeld_op: Datum | None = Field(default=None, description="Wanneer het antwoord is "
                                           "verzonden.")
    besluit: Literal["toegewezen", "gedeeltelijk_toegewezen", "afgewezen",
                     "niet_in_behandeling"] | None = Field(
        default=None, description="Het besluit op het verzoek.")
    afwijzingsgrond: Afwijzingsgrond | None = Field(
        default=None, description="Bij (gedeeltelijke) afwijzing: de grond.")
    # Told to the data subject in the refusal letter (art. 12(4) AVG); 'opmerking' stays
    # internal and never goes into a letter.
    afwijzing_toelichting: str | None = Field(
        default=None, description="Bij (gedeeltelijke) afwijzing: de uitleg aan de "
        "betrokkene, zoals die in de brief komt; nodig bij de grond 'overig'. Anders dan "
        "'opmerking' (intern) is deze tekst voor de betrokkene bedoeld.")
    # The FG's advice on a refusal (art. 38(1) and 39(1)(a) AVG), flat for the CSV register.
    fg_advies_op: Datum | None = Field(default=None, description="Wanneer de functionaris "
                                         "gegevensbescherming advies gaf over de afwijzing.")
    fg_advies: str | None = Field(default=None, description="Het advies van de FG, kort.")
    fg_advies_gevolgd: Literal["ja", "nee"] | None = Field(
        default=None, description="Of het advies is gevolgd: ja of nee.")
    fg_advies_motivatie_afwijking: str | None = Field(
        default=None, description="Waarom het advies niet is gevolgd (nodig bij 'nee').")
    verzonden_via: str | None = Field(default=None, description="Hoe het antwoord is "
                                      "verzonden, bijvoorbeeld aangetekende brief.")
    verwerkingen: list[str] = Field(default_factory=list, description="De ids van de "
                                    "verwerkingen waarop het verzoek betrekking heeft.")
    ontvangers_geinformeerd: Datum | Literal["nvt"] | None = Field(
        default=None, description="Na rectificatie, wissing of beperking: wanneer de "
        "ontvangers zijn ingelicht (art. 19 AVG), of 'nvt' als er geen ontvangers zijn.")
    opnieuw_toegepast_op: Datum | None = Field(
        default=None, description="Na het terugzetten van een back-up: wanneer deze wissing "
        "opnieuw is uitgevoerd ('avgctl verzoek herstel --bevestig').")
    opmerking: str | None = Field(default=None, description="Een interne opmerking, zonder "
                                  "persoonsgegevens; komt nooit in een brief.")
    # Retention of the register's own records (DOMAIN.md §5 and §9).
    blokkade: str | None = Field(default=None, description="Waarom het verzoek langer dan de "
                                 "bewaartermijn blijft, zoals een klacht, bezwaar of "
                                 "procedure; zolang dit is ingevuld, wordt het niet "
                                 "geanonimiseerd.")
    geanonimiseerd_op: Datum | None = Field(default=None, description="Wanneer de gegevens "
                                              "die de betrokkene herkenbaar maken, zijn "
                                              "verwijderd ('avgctl bewaartermijnen "
                                              "anonimiseer').")



# Columns whose values the model validates as dates, choices or ids: no free text in them.
GESTRUCTUREERD = frozenset({
    "referentie", "ontvangen", "verzoeker", "kanaal", "type", "status", "verificatie",
    "verificatie_op",
    "gepauzeerd_van", "gepauzeerd_tot", "verlengd_op", "afgehandeld_op", "besluit",
    "afwijzingsgrond", "verwerkingen", "ontvangers_geinformeerd", "betrokkene_ref",
    "verificatie_wijze", "machtiging", "fg_advies_op", "fg_advies_gevolgd",
    "opnieuw_toegepast_op",
})

# The cells of the request register that retention reads (avgctl.overzicht.bewaren); the
# loader keeps these columns whatever else it validates (CsvDocument.kolommen).
BEWAREN = ("referentie", "status", "ontvangen", "afgehandeld_op", "blokkade",
           "geanonimiseerd_op")


def split_ids(value: str) -> list[str]:
    """The activities of a request as one text: "40.3.1; 40.5.1" (a CSV cell, a CLI option)."""
    return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]

"""The fixed words of a statement in Dutch and English: bases, rights, safeguards, exceptions.

These are the names of legal concepts, written once for both languages so that the Markdown,
HTML and JSON versions of a statement say the same thing. The sentences around them live in
the templates (templates/privacyverklaring/), which a repository can replace.
"""

from __future__ import annotations

from typing import Literal

Taal = Literal["nl", "en"]
TALEN: tuple[Taal, ...] = ("nl", "en")

# Art. 6(1) AVG in plain words: what the basis means for the reader.
GRONDSLAG: dict[Taal, dict[str, str]] = {
    "nl": {
        "toestemming": "u hebt ons toestemming gegeven",
        "overeenkomst": "het is nodig voor een overeenkomst met u, of om die te sluiten",
        "wettelijke_verplichting": "een wet verplicht ons ertoe",
        "vitaal_belang": "het is nodig om uw leven of gezondheid te beschermen",
        "publieke_taak": "het is nodig voor een taak die de wet ons geeft",
        "gerechtvaardigd_belang": "wij hebben er een gerechtvaardigd belang bij",
    },
    "en": {
        "toestemming": "you have given us your consent",
        "overeenkomst": "it is needed for a contract with you, or to enter into one",
        "wettelijke_verplichting": "a law requires us to do it",
        "vitaal_belang": "it is needed to protect your life or health",
        "publieke_taak": "it is needed for a task that the law gives us",
        "gerechtvaardigd_belang": "we have a legitimate interest in it",
    },
}

ARTIKEL_GRONDSLAG: dict[str, str] = {
    "toestemming": "a", "overeenkomst": "b", "wettelijke_verplichting": "c",
    "vitaal_belang": "d", "publieke_taak": "e", "gerechtvaardigd_belang": "f",
}

ARTIKEL: dict[Taal, str] = {"nl": "art. 6 lid 1 sub {} AVG", "en": "Article 6(1)({}) GDPR"}

# Art. 9(1) AVG.
BIJZONDER: dict[Taal, dict[str, str]] = {
    "nl": {
        "ras_of_etnische_afkomst": "ras of etnische afkomst",
        "politieke_opvattingen": "politieke opvattingen",
        "religie_of_levensovertuiging": "godsdienst of levensovertuiging",
        "vakbondslidmaatschap": "lidmaatschap van een vakbond",
        "genetische_gegevens": "genetische gegevens",
        "biometrische_gegevens": "biometrische gegevens om iemand te herkennen",
        "gezondheid": "gezondheid",
        "seksueel_gedrag_of_geaardheid": "seksueel gedrag of seksuele gerichtheid",
    },
    "en": {
        "ras_of_etnische_afkomst": "racial or ethnic origin",
        "politieke_opvattingen": "political opinions",
        "religie_of_levensovertuiging": "religious or philosophical beliefs",
        "vakbondslidmaatschap": "trade union membership",
        "genetische_gegevens": "genetic data",
        "biometrische_gegevens": "biometric data to identify someone",
        "gezondheid": "health",
        "seksueel_gedrag_of_geaardheid": "sex life or sexual orientation",
    },
}

# Art. 9(2) AVG, a-j, shortened to what the exception allows.
UITZONDERING: dict[Taal, dict[str, str]] = {
    "nl": {
        "a": "u hebt uitdrukkelijk toestemming gegeven",
        "b": "het is nodig voor verplichtingen op het gebied van werk en sociale zekerheid",
        "c": "het is nodig om uw vitale belangen te beschermen als u zelf geen toestemming "
             "kunt geven",
        "d": "het gebeurt door een stichting of vereniging zonder winstoogmerk, voor haar leden",
        "e": "u hebt de gegevens zelf duidelijk openbaar gemaakt",
        "f": "het is nodig voor een rechtszaak of om een recht te verdedigen",
        "g": "het is nodig voor een zwaarwegend algemeen belang dat in de wet staat",
        "h": "het is nodig voor gezondheidszorg, arbeidsgeneeskunde of het beoordelen van de "
             "arbeidsgeschiktheid",
        "i": "het is nodig voor de volksgezondheid",
        "j": "het is nodig voor archief, wetenschappelijk onderzoek of statistiek",
    },
    "en": {
        "a": "you have given explicit consent",
        "b": "it is needed for obligations in employment and social security law",
        "c": "it is needed to protect your vital interests when you cannot consent yourself",
        "d": "it is done by a non-profit foundation or association, for its members",
        "e": "you have clearly made the data public yourself",
        "f": "it is needed for legal claims or to defend a right",
        "g": "it is needed for a substantial public interest set out in law",
        "h": "it is needed for health care, occupational medicine or assessing the working "
             "capacity of an employee",
        "i": "it is needed for public health",
        "j": "it is needed for archiving, scientific research or statistics",
    },
}

# Chapter V AVG: the safeguard for a transfer outside the EEA.
WAARBORG: dict[Taal, dict[str, str]] = {
    "nl": {
        "adequaatheid": "de Europese Commissie heeft besloten dat dit land gegevens voldoende "
                        "beschermt (art. 45 AVG)",
        "dpf": "de ontvanger is aangesloten bij het EU-US Data Privacy Framework (art. 45 AVG)",
        "scc": "wij hebben de standaardcontractbepalingen van de Europese Commissie afgesproken "
               "(art. 46 AVG)",
        "bcr": "de ontvanger heeft goedgekeurde bindende bedrijfsvoorschriften (art. 47 AVG)",
        "art49": "een van de uitzonderingen van art. 49 AVG geldt",
    },
    "en": {
        "adequaatheid": "the European Commission has decided that this country protects data "
                        "adequately (Article 45 GDPR)",
        "dpf": "the recipient takes part in the EU-US Data Privacy Framework (Article 45 GDPR)",
        "scc": "we have agreed the European Commission's standard contractual clauses "
               "(Article 46 GDPR)",
        "bcr": "the recipient has approved binding corporate rules (Article 47 GDPR)",
        "art49": "one of the derogations of Article 49 GDPR applies",
    },
}

# Art. 13(2)(e) AVG.
VERPLICHTING: dict[Taal, dict[str, str]] = {
    "nl": {
        "wettelijk": "Een wet verplicht u deze gegevens te geven.",
        "contractueel": "Onze overeenkomst met u verplicht u deze gegevens te geven.",
        "voorwaarde_overeenkomst": "Wij hebben deze gegevens nodig om een overeenkomst met u "
                                   "te sluiten.",
        "vrijwillig": "U bent niet verplicht deze gegevens te geven.",
    },
    "en": {
        "wettelijk": "A law requires you to give us these data.",
        "contractueel": "Our contract with you requires you to give us these data.",
        "voorwaarde_overeenkomst": "We need these data to enter into a contract with you.",
        "vrijwillig": "You do not have to give us these data.",
    },
}

# The rights of art. 15-22 AVG, in the order of the law.
RECHTEN: dict[Taal, list[tuple[str, str, str]]] = {
    "nl": [
        ("inzage", "Inzage", "u mag weten welke gegevens wij van u hebben en een kopie krijgen "
         "(art. 15 AVG)"),
        ("rectificatie", "Correctie", "u mag onjuiste of onvolledige gegevens laten verbeteren "
         "of aanvullen (art. 16 AVG)"),
        ("wissing", "Verwijdering", "u mag vragen uw gegevens te wissen, als wij ze niet meer "
         "nodig hebben of niet meer mogen bewaren (art. 17 AVG)"),
        ("beperking", "Beperking", "u mag vragen uw gegevens tijdelijk niet te gebruiken, "
         "bijvoorbeeld zolang u hun juistheid betwist (art. 18 AVG)"),
        ("overdraagbaarheid", "Overdracht", "u mag gegevens die u ons zelf gaf in een gangbaar "
         "bestand krijgen of laten doorsturen, als wij ze gebruiken op grond van uw toestemming "
         "of een overeenkomst (art. 20 AVG)"),
        ("bezwaar", "Bezwaar", "u mag bezwaar maken als wij uw gegevens gebruiken voor een "
         "publieke taak of een gerechtvaardigd belang (art. 21 AVG)"),
        ("geautomatiseerde_besluitvorming", "Een mens laten beslissen", "u mag vragen dat een "
         "mens een besluit over u neemt of herziet, als een computer het alleen nam "
         "(art. 22 AVG)"),
    ],
    "en": [
        ("inzage", "Access", "you may know which data we hold about you and get a copy "
         "(Article 15 GDPR)"),
        ("rectificatie", "Rectification", "you may have wrong or incomplete data corrected or "
         "completed (Article 16 GDPR)"),
        ("wissing", "Erasure", "you may ask us to erase your data when we no longer need them "
         "or may no longer keep them (Article 17 GDPR)"),
        ("beperking", "Restriction", "you may ask us to stop using your data for a while, for "
         "example while you dispute that they are correct (Article 18 GDPR)"),
        ("overdraagbaarheid", "Portability", "you may receive the data you gave us in a common "
         "file format, or have them sent on, when we use them on the basis of your consent or "
         "a contract (Article 20 GDPR)"),
        ("bezwaar", "Objection", "you may object when we use your data for a public task or a "
         "legitimate interest (Article 21 GDPR)"),
        ("geautomatiseerde_besluitvorming", "A human decision", "you may ask that a person "
         "takes or reviews a decision about you that a computer took on its own "
         "(Article 22 GDPR)"),
    ],
}

# The channels of a statement, in the order they are shown.
KANAAL: dict[Taal, dict[str, str]] = {
    "nl": {"website": "Onze website", "cookies": "Cookies",
           "telefoonopnames": "Telefoongesprekken", "cameratoezicht": "Cameratoezicht"},
    "en": {"website": "Our website", "cookies": "Cookies",
           "telefoonopnames": "Telephone calls", "cameratoezicht": "Camera surveillance"},
}

EENHEID: dict[Taal, dict[str, tuple[str, str]]] = {
    "nl": {"dag": ("dag", "dagen"), "week": ("week", "weken"), "maand": ("maand", "maanden"),
           "jaar": ("jaar", "jaar")},
    "en": {"dag": ("day", "days"), "week": ("week", "weeks"), "maand": ("month", "months"),
           "jaar": ("year", "years")},
}

MAANDEN_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
MAANDEN_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")

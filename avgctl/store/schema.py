"""JSON Schemas of every file format, generated from the models, for editors.

yaml-language-server (VS Code, Neovim, JetBrains) completes and checks register files against
these schemas and shows the Dutch descriptions of the models on hover. The models stay the one
definition of each format; the schemas are derived and never edited by hand. They cannot say
everything the models check (a ``duur`` that parses, a time zone that exists, references
between files): ``avgctl check`` remains the judge, the schema is the first aid while typing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter

from avgctl.models import Bewaartermijn, Config, Datalek, Partij, Verwerking
from avgctl.models.herstel import Herstel
from avgctl.models.kaart import Kaart
from avgctl.models.verzoek import Verzoek
from avgctl.store.herstel import HERSTEL_FILE
from avgctl.store.register import (
    BEWAARTERMIJNEN_FILE,
    CONFIG_FILE,
    DATALEKKEN_DIR,
    PARTIJEN_FILE,
    VERWERKINGEN_DIR,
    VERZOEKEN_DIR,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class Formaat:
    """One file format: the type a whole file validates as, and how the schema presents it."""

    type: Any  # a model class, or a generic alias such as list[Partij]
    titel: str
    beschrijving: str


# Insertion order is the order in which names are listed and files are written.
SCHEMAS: dict[str, Formaat] = {
    "avgctl": Formaat(
        Config, "avgctl.yaml",
        "De organisatie, haar beleid en de secties van het procesmodel (art. 30 lid 1 sub a "
        "AVG). Eén bestand, avgctl.yaml, in de hoofdmap van de compliance-repository."),
    "partijen": Formaat(
        list[Partij], "Partijen",
        "De partijen waarmee de organisatie persoonsgegevens deelt: verwerkers, subverwerkers, "
        "ontvangers en andere verwerkingsverantwoordelijken (art. 26, 28 en 30 AVG). Een lijst "
        "in registers/partijen.yaml."),
    "bewaartermijnen": Formaat(
        dict[str, Bewaartermijn], "Bewaartermijnen",
        "De bewaartermijnen, elk onder een eigen naam waarnaar verwerkingen verwijzen (art. 5 "
        "lid 1 sub e en art. 30 lid 1 sub f AVG). Eén bestand, registers/bewaartermijnen.yaml."),
    "verwerking": Formaat(
        Verwerking, "Verwerking",
        "Eén verwerkingsactiviteit in het register van art. 30 AVG. Elk bestand in "
        "registers/verwerkingen/ bevat er één; de bestandsnaam begint met het id."),
    "datalek": Formaat(
        Datalek, "Datalek",
        "Eén datalek of beveiligingsincident in het register van art. 33 lid 5 AVG. Elk bestand "
        "in registers/datalekken/ bevat er één; de bestandsnaam is de referentie."),
    "verzoek": Formaat(
        Verzoek, "Verzoek",
        "Eén verzoek van een betrokkene (art. 12-22 AVG), als apart bestand in "
        "registers/verzoeken/ in plaats van een regel in registers/verzoeken.csv; de "
        "bestandsnaam is de referentie."),
    "kaart": Formaat(
        Kaart, "Kaart van de eigen gegevens",
        "Welke exports en tabellen met persoonsgegevens de organisatie heeft en onder welke "
        "bewaartermijn hun records vallen, voor 'avgctl bewaartermijnen scan --kaart'. Het "
        "voorbeeld staat in registers/inventaris/kaart.yaml."),
    "herstel": Formaat(
        list[Herstel], "Teruggezette back-ups",
        "De back-ups die zijn teruggezet, met de dag van de back-up en de dag van het "
        "terugzetten; 'avgctl verzoek herstel' houdt deze lijst bij in registers/herstel.yaml."),
}

# The register path (a glob for the directories) each schema is for, as an editor maps them.
FILE_FOR: dict[str, str] = {
    "avgctl": CONFIG_FILE,
    "partijen": PARTIJEN_FILE,
    "bewaartermijnen": BEWAARTERMIJNEN_FILE,
    "verwerking": f"{VERWERKINGEN_DIR}/*.yaml",
    "datalek": f"{DATALEKKEN_DIR}/*.yaml",
    "verzoek": f"{VERZOEKEN_DIR}/*.yaml",
    "kaart": "registers/inventaris/*.yaml",
    "herstel": HERSTEL_FILE,
}


def file_name(naam: str) -> str:
    return f"{naam}.schema.json"


def json_schema(naam: str) -> dict[str, Any]:
    """The schema of one format; ``naam`` must be a key of SCHEMAS."""
    formaat = SCHEMAS[naam]
    schema: dict[str, Any] = _unwrap(TypeAdapter(formaat.type).json_schema())
    # A relative $id: the files are meant to be copied next to the registers or referenced by
    # path, so no host name is promised that might never serve them.
    schema.update({
        "$schema": DIALECT,
        "$id": file_name(naam),
        "title": formaat.titel,
        "description": formaat.beschrijving,
    })
    return schema


# A line break inside a paragraph of a docstring, not between paragraphs.
_SOFT_BREAK = re.compile(r"(?<!\n)\n(?!\n)")


def _unwrap(node: Any) -> Any:
    """Class docstrings are wrapped at 100 columns; editors show those breaks mid-sentence."""
    if isinstance(node, dict):
        result: dict[str, Any] = {}
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                result[key] = _SOFT_BREAK.sub(" ", value)
            else:  # also a property that happens to be called "description"
                result[key] = _unwrap(value)
        return result
    if isinstance(node, list):
        return [_unwrap(item) for item in node]
    return node


def json_schemas() -> dict[str, dict[str, Any]]:
    return {naam: json_schema(naam) for naam in SCHEMAS}


def dump(document: Any) -> str:
    """JSON text with sorted keys, so a regenerated schema only differs where a model did."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

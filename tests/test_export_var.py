"""The VAR export: the shape of the VNG VAR API 0.1.0, byte-stable, names not ids."""

from __future__ import annotations

import dataclasses
import json
import random
import uuid
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from avgctl.store.register import Register
from avgctl.store.repo import load_register
from avgctl.verwerkingen.export.var import NAMESPACE, activiteit_id, oin_uit_kvk, var_document
from tests.conftest import BASIS, PROJECT, assert_golden, write_repo

GOLDEN = Path(__file__).parent / "golden" / "verwerkingen.var.json"

# Copied from VNG-Realisatie/gemma-verwerkingenlogging,
# docs/api-write/oas-specification/var-api/openapi.yaml (VAR API 0.1.0):
# components.schemas.Verwerkingsactiviteit.required, with the type of each.
VERPLICHT: dict[str, str] = {
    "id": "string",
    "naam": "string",
    "verantwoordelijkeOrganisatie": "string",
    "doel": "string",
    "grondslag": "string",
}

# The same spec as JSON Schema: the list response of GET /verwerkingsactiviteiten and the
# Verwerkingsactiviteit and VerwerktPersoonsgegeven schemas, property for property.
# additionalProperties is our addition: the export must use the spec's names and no others.
_TEKST = {"type": "string"}
_NAAM_LIJST = {"type": "array", "items": {"type": "string", "maxLength": 242}}
VERWERKT_PERSOONSGEGEVEN: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "rolBetrokkene": {"type": "string", "maxLength": 242},
        "naam": {"type": "string", "maxLength": 242},
    },
}
VERWERKINGSACTIVITEIT: dict[str, Any] = {
    "type": "object",
    "required": list(VERPLICHT),
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "naam": {"type": "string", "maxLength": 242},
        "gebaseerdOp": {"type": "string", "format": "uri", "maxLength": 2042},
        "categorie": _TEKST,
        "verantwoordelijkeOrganisatie": {"type": "string", "pattern": "[0-9]{20}"},
        "verantwoordelijkeBestuursorgaan": _TEKST,
        "doel": {"type": "string", "maxLength": 2042},
        "grondslag": _TEKST,
        "toelichtingGrondslag": {"type": "string", "maxLength": 2042},
        "bewaartermijn": {"type": "string", "maxLength": 2042},
        "herkomst": {"type": "string", "maxLength": 2042},
        "afnemendeInternationaleDerden": _NAAM_LIJST,
        "afnemendeCategorieOntvangers": _NAAM_LIJST,
        "verwerktePersoonsgegevens": {"type": "array", "items": VERWERKT_PERSOONSGEGEVEN},
    },
}
LIJST: dict[str, Any] = {
    "type": "object",
    "required": ["count", "results"],
    "properties": {
        "count": {"type": "integer"},
        "next": {"type": ["string", "null"], "format": "uri"},
        "previous": {"type": ["string", "null"], "format": "uri"},
        "results": {"type": "array", "items": VERWERKINGSACTIVITEIT},
    },
}

_JSON_TYPE = {"string": str, "integer": int, "array": list, "object": dict}


def dump(doc: dict[str, object]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


@pytest.fixture(scope="module")
def voorbeeld() -> Register:
    return load_register(PROJECT)


@pytest.fixture(scope="module")
def doc(voorbeeld: Register) -> dict[str, Any]:
    return var_document(voorbeeld)


def results(doc: dict[str, Any]) -> list[dict[str, Any]]:
    items = doc["results"]
    assert isinstance(items, list)
    return items


def test_golden(doc: dict[str, Any]) -> None:
    assert_golden(GOLDEN, dump(doc))


def test_deterministic(voorbeeld: Register) -> None:
    first = dump(var_document(voorbeeld))
    assert dump(var_document(load_register(PROJECT))) == first
    # The order files were read in does not matter either.
    verwerkingen = list(voorbeeld.verwerkingen)
    random.Random(7).shuffle(verwerkingen)
    assert dump(var_document(dataclasses.replace(voorbeeld, verwerkingen=verwerkingen))) == first


def test_envelope_and_count(voorbeeld: Register, doc: dict[str, Any]) -> None:
    assert list(doc) == ["count", "next", "previous", "results"]
    assert doc["count"] == len(voorbeeld.verwerkingen) == len(results(doc))
    assert doc["next"] is None and doc["previous"] is None


def test_sorted_by_process_model_number(voorbeeld: Register, doc: dict[str, Any]) -> None:
    ids = sorted((b.model.id for b in voorbeeld.verwerkingen),
                 key=lambda i: tuple(int(p) for p in i.split(".")))
    naam = {b.model.naam: b.model.id for b in voorbeeld.verwerkingen}
    assert [naam[item["naam"]] for item in results(doc)] == ids


def test_matches_spec_schema(doc: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator(
        LIJST, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(doc)


def test_required_properties_present_with_spec_types(doc: dict[str, Any]) -> None:
    for item in results(doc):
        for name, soort in VERPLICHT.items():
            assert name in item, (item["naam"], name)
            assert isinstance(item[name], _JSON_TYPE[soort]), (item["naam"], name)


def test_ids_are_uuid5_and_unique(voorbeeld: Register, doc: dict[str, Any]) -> None:
    assert voorbeeld.config is not None
    org = voorbeeld.config.model.organisatie.naam
    naar_id = {b.model.naam: b.model.id for b in voorbeeld.verwerkingen}
    for item in results(doc):
        expected = uuid.uuid5(NAMESPACE, f"{org}/{naar_id[item['naam']]}")
        assert item["id"] == str(expected)
        assert uuid.UUID(item["id"]).version == 5
    assert len({item["id"] for item in results(doc)}) == len(results(doc))
    assert activiteit_id("A", "1.1.1") != activiteit_id("B", "1.1.1")


def test_party_ids_resolved_to_names(voorbeeld: Register, doc: dict[str, Any]) -> None:
    ids = {b.model.id for b in voorbeeld.partijen if b.model.naam != b.model.id}
    namen = {b.model.naam for b in voorbeeld.partijen}
    for item in results(doc):
        for name in item["afnemendeCategorieOntvangers"] + item["afnemendeInternationaleDerden"]:
            assert name not in ids, (item["naam"], name)
            assert name in namen, (item["naam"], name)
    beslag = next(i for i in results(doc) if i["naam"].startswith("Beslaglegging op roerende"))
    derde = voorbeeld.partij("derde-beslagenen")
    assert derde is not None
    assert derde.model.naam in beslag["afnemendeCategorieOntvangers"]


def test_oin_from_kvk() -> None:
    assert oin_uit_kvk("90001234") == "00000003900012340000"
    assert oin_uit_kvk(None) is None
    assert oin_uit_kvk("1234") is None


def test_small_register_edges(tmp_path: Path) -> None:
    """Missing required values become null; a recipient outside the EEA is a third party."""
    files = dict(BASIS)
    files["registers/partijen.yaml"] += (
        "- id: us-ontvanger\n  naam: Ontvanger Inc.\n  relatie: ontvanger\n  land: US\n"
        "  doorgifte: {mechanisme: scc}\n"
    )
    files["registers/bewaartermijnen.yaml"] += "kort:\n  duur: 4 weken\n"
    files["registers/verwerkingen/20.1.2-zonder.yaml"] = (
        'id: "20.1.2"\nnaam: Zonder doel\n'
        "gegevens:\n"
        "  - {type: NAW, betrokkene: klant, ontvangers: [us-ontvanger, onbekend], "
        "bewaartermijn: dossier, bron: betrokkene; KvK}\n"
        "  - {type: Foto, bewaartermijn: kort, grondslag: toestemming}\n"
    )
    doc = var_document(load_register(write_repo(tmp_path / "repo", files)))
    validator = jsonschema.Draft202012Validator(LIJST)
    zonder = results(doc)[1]
    assert zonder["doel"] is None and zonder["grondslag"] is None
    assert zonder["verantwoordelijkeOrganisatie"] is None  # no KvK number
    # Only the null required fields break the schema; everything else conforms.
    fouten = {e.path[-1] for e in validator.iter_errors(doc)}
    assert fouten == {"doel", "grondslag", "verantwoordelijkeOrganisatie"}
    assert zonder["afnemendeInternationaleDerden"] == ["Ontvanger Inc."]
    assert zonder["afnemendeCategorieOntvangers"] == ["onbekend"]
    assert zonder["herkomst"] == "betrokkene, KvK"
    assert zonder["bewaartermijn"] == "NAW: 10 jaar na sluiten dossier; Foto: 4 weken"
    assert zonder["toelichtingGrondslag"] == "Voor Foto: art. 6 lid 1 sub a AVG"
    assert zonder["verwerktePersoonsgegevens"] == [
        {"rolBetrokkene": "klant", "naam": "NAW"}, {"naam": "Foto"}
    ]
    assert "categorie" not in zonder
    intake = results(doc)[0]
    assert intake["grondslag"] == "Uitvoering overeenkomst"
    assert intake["bewaartermijn"] == "10 jaar na sluiten dossier"
    assert intake["afnemendeCategorieOntvangers"] == []

"""The JSON Schemas of ``avgctl schema``: the example passes, typos fail, all of it in Dutch.

Editors validate against these schemas while the register is typed, so they must accept every
file the example contains and reject what ``avgctl check`` rejects for its format. Every case
is checked against both the schema (with the standard ``jsonschema`` package) and the model, so
the two cannot drift apart unnoticed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from pydantic import TypeAdapter, ValidationError

from avgctl.commands.schema import run
from avgctl.errors import AvgctlError, UsageError
from avgctl.store.schema import FILE_FOR, SCHEMAS, dump, json_schemas
from avgctl.store.yamlfile import load_yaml
from tests.conftest import PROJECT

# --- Helpers ---------------------------------------------------------------------------------

# jsonschema checks "date-time" only when the optional rfc3339-validator package is installed,
# and silently passes it otherwise. Editors do check it (RFC 3339, which demands the offset
# from UTC), so the tests supply the same check instead of depending on that package.
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True  # formats only constrain strings; the type is checked elsewhere
    if not _RFC3339.match(value):
        return False
    dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))  # a real date and time
    return True


def as_json(data: Any) -> Any:
    """What an editor sees: YAML dates and times are plain ISO text in JSON."""
    return json.loads(json.dumps(data, default=lambda value: value.isoformat()))


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    validator = Draft202012Validator(schema, format_checker=FORMATS)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(as_json(data))]


def model_accepts(naam: str, data: Any) -> bool:
    try:
        TypeAdapter(SCHEMAS[naam].type).validate_python(data)
    except ValidationError:
        return False
    return True


def schema_for(rel: str) -> str:
    """The schema an editor picks for a register file, through FILE_FOR's globs."""
    namen = [naam for naam, pattern in FILE_FOR.items() if fnmatch(rel, pattern)]
    assert len(namen) == 1, f"{rel}: {namen}"
    return namen[0]


def example_files() -> list[str]:
    registers = PROJECT / "registers"
    files = [p for p in registers.rglob("*") if p.suffix in (".yaml", ".yml")]
    return ["avgctl.yaml", *sorted(p.relative_to(PROJECT).as_posix() for p in files)]


def load(path: Path, rel: str) -> Any:
    return load_yaml(path, rel).data


def written_schemas(out: Path) -> dict[str, dict[str, Any]]:
    run(out, None)
    return {naam: json.loads((out / f"{naam}.schema.json").read_text(encoding="utf-8"))
            for naam in SCHEMAS}


@pytest.fixture(params=["json_schemas", "bestanden"])
def schemas(request: pytest.FixtureRequest, tmp_path: Path,
            capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, Any]]:
    """The schemas straight from the module, and as ``avgctl schema --out`` writes them."""
    if request.param == "json_schemas":
        return json_schemas()
    result = written_schemas(tmp_path / "schema")
    capsys.readouterr()
    return result


# --- The formats -----------------------------------------------------------------------------

def test_names_and_files() -> None:
    assert list(SCHEMAS) == ["avgctl", "partijen", "bewaartermijnen", "verwerking", "datalek",
                             "verzoek", "kaart", "herstel"]
    assert FILE_FOR == {
        "avgctl": "avgctl.yaml",
        "partijen": "registers/partijen.yaml",
        "bewaartermijnen": "registers/bewaartermijnen.yaml",
        "verwerking": "registers/verwerkingen/*.yaml",
        "datalek": "registers/datalekken/*.yaml",
        "verzoek": "registers/verzoeken/*.yaml",
        "kaart": "registers/inventaris/*.yaml",
        "herstel": "registers/herstel.yaml",
    }


@pytest.mark.parametrize("naam", list(SCHEMAS))
def test_schema_is_valid_2020_12(naam: str) -> None:
    schema = json_schemas()[naam]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{naam}.schema.json"
    assert schema["title"]
    assert schema["description"]


def test_top_level_shapes() -> None:
    schemas = json_schemas()
    assert schemas["partijen"]["type"] == "array"
    assert schemas["partijen"]["items"] == {"$ref": "#/$defs/Partij"}
    assert schemas["bewaartermijnen"]["type"] == "object"
    assert schemas["bewaartermijnen"]["additionalProperties"] == {
        "$ref": "#/$defs/Bewaartermijn"}
    for naam in ("avgctl", "verwerking", "datalek"):
        assert schemas[naam]["type"] == "object"
        assert schemas[naam]["additionalProperties"] is False


# --- The example validates -------------------------------------------------------------------

def test_every_example_file_is_covered() -> None:
    files = example_files()
    assert "registers/partijen.yaml" in files
    assert "registers/bewaartermijnen.yaml" in files
    assert sum(f.startswith("registers/verwerkingen/") for f in files) >= 3
    for rel in files:
        schema_for(rel)  # exactly one schema claims it


def test_example_validates(schemas: dict[str, dict[str, Any]]) -> None:
    for rel in example_files():
        naam = schema_for(rel)
        data = load(PROJECT / rel, rel)
        assert model_accepts(naam, data), rel
        assert errors(schemas[naam], data) == [], rel


# A complete breach, since the example has none: every field filled in, to exercise every part
# of the datalek schema.
DATALEK = """\
referentie: DL-2026-007
gemeld_door: servicedesk
ontdekt_op: 2026-03-27T10:00:00+01:00
periode:
  van: 2026-03-26
  tot: 2026-03-27T09:15:00+01:00
beschrijving: Een brief met dossiergegevens is naar een verkeerd adres gestuurd.
oorzaak: Verouderd adres in de dossierapplicatie.
soort: [vertrouwelijkheid]
gegevens: [NAW, dossiergegevens]
betrokkenen: {categorieen: [debiteuren], aantal: 1, records: 1}
systemen: [dossierapplicatie]
verwerkingen: ["10.1.1"]
verwerker:
  partij: dossiersoft-bv
  verwerker_ontdekt_op: 2026-03-27T08:00:00Z
  gemeld_aan_ons_op: 2026-03-27T09:30:00+01:00
ernst: beperkt
risico: risico
besluit_motivatie: Eén betrokkene, geen bijzondere gegevens.
ap_meldingen:
  - soort: volledig
    op: 2026-03-28T11:00:00+01:00
    kenmerk: AP-123
reden_vertraging: null
betrokkenen_geinformeerd: {op: 2026-03-28, wijze: per brief}
maatregelen: {genomen: [adres gecorrigeerd], gepland: [adrescontrole voor verzending]}
evaluatie: Adrescontrole ingevoerd.
"""


def test_a_complete_datalek_validates(tmp_path: Path,
                                      schemas: dict[str, dict[str, Any]]) -> None:
    rel = "registers/datalekken/DL-2026-007.yaml"
    path = tmp_path / "DL-2026-007.yaml"
    path.write_text(DATALEK, encoding="utf-8")
    data = load(path, rel)
    assert model_accepts("datalek", data)
    assert errors(schemas[schema_for(rel)], data) == []


# --- Broken files fail -----------------------------------------------------------------------

V = "registers/verwerkingen/10.1.1-relatiebeheer-opdrachtgevers.yaml"
P = "registers/partijen.yaml"
B = "registers/bewaartermijnen.yaml"
C = "avgctl.yaml"


def _example(rel: str) -> str:
    return (PROJECT / rel).read_text(encoding="utf-8")


# (id, register path, file text, a fragment of the schema's complaint)
BROKEN: list[tuple[str, str, str, str]] = [
    ("tikfout-in-veldnaam", V,
     _example(V).replace("grondslag: gerechtvaardigd_belang", "grondslg: gerechtvaardigd_belang"),
     "'grondslg' was unexpected"),
    ("onbekende-grondslag", V,
     _example(V).replace("grondslag: gerechtvaardigd_belang", "grondslag: contract"),
     "'contract'"),
    ("verwerkings-id-zonder-nummer", V, _example(V).replace('id: "10.1.1"', "id: tien"),
     "does not match"),
    ("partij-zonder-relatie", P,
     _example(P).replace("  relatie: verwerker\n", "", 1), "'relatie' is a required property"),
    ("partij-met-landnaam", P, _example(P).replace("land: NL", "land: Nederland", 1),
     "'Nederland' is not valid"),
    ("bewaartermijn-met-onbekend-veld", B, "dossier:\n  duur: 10 jaar\n  termijn: 7 jaar\n",
     "'termijn' was unexpected"),
    ("organisatie-ontbreekt", C, "beleid:\n  tijdzone: Europe/Amsterdam\n",
     "'organisatie' is a required property"),
    ("medewerkers-negatief", C, _example(C).replace("medewerkers: 45", "medewerkers: -1"),
     "-1 is not valid under any of the given schemas"),  # int >= 0, or null
    # The schema says "date-time", which RFC 3339 defines with the offset from UTC; a naive
    # moment therefore fails, exactly as AwareDatetime refuses it.
    ("datalek-zonder-utc-afwijking", "registers/datalekken/DL-2026-007.yaml",
     DATALEK.replace("ontdekt_op: 2026-03-27T10:00:00+01:00", "ontdekt_op: 2026-03-27T10:00:00"),
     "is not a 'date-time'"),
    ("datalek-onbekende-meldingssoort", "registers/datalekken/DL-2026-007.yaml",
     DATALEK.replace("soort: volledig", "soort: definitief"), "'definitief'"),
]


@pytest.mark.parametrize(("rel", "text", "complaint"), [case[1:] for case in BROKEN],
                         ids=[case[0] for case in BROKEN])
def test_broken_file_fails(tmp_path: Path, schemas: dict[str, dict[str, Any]], rel: str,
                           text: str, complaint: str) -> None:
    assert text != (_example(rel) if (PROJECT / rel).exists() else DATALEK)  # really broken
    path = tmp_path / Path(rel).name
    path.write_text(text, encoding="utf-8")
    data = load(path, rel)
    naam = schema_for(rel)
    assert not model_accepts(naam, data)
    found = errors(schemas[naam], data)
    assert any(complaint in error for error in found), found


# --- Dutch descriptions everywhere -----------------------------------------------------------

def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return dict(schema["$defs"][ref.removeprefix("#/$defs/")])
    return node


def descriptions(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """(where, description) for the schema, every definition and every property in them.

    A property whose only content is a $ref takes its description from the definition: that
    is what an editor shows on hover (pydantic leaves the field's own copy out when the two
    are equal).
    """
    found = [("", schema.get("description", ""))]
    parts = [("", schema)] + [(f"$defs/{n}", d) for n, d in schema.get("$defs", {}).items()]
    for where, part in parts:
        if where:
            found.append((where, part.get("description", "")))
        for field, prop in part.get("properties", {}).items():
            text = prop.get("description") or _resolve(schema, prop).get("description", "")
            found.append((f"{where}/properties/{field}", text))
    return found


# Words an English description would start with or contain; none is a Dutch word.
ENGLISH_START = {"the", "a", "an", "one", "this", "that", "how", "when", "which", "whether",
                 "who", "what", "why", "for", "if", "is", "are", "name", "names", "date",
                 "list", "unknown", "only", "where", "default", "number"}
ENGLISH_WORDS = re.compile(r"\b(the|and|of the|which|should|must|with the|is a)\b")
DUTCH_WORDS = re.compile(r"\b(de|het|een|van|of|en|voor|als|bij|die|wie|wat|er|waar|welke|"
                         r"hoe|wanneer|waarom|geen|niet|wordt|zijn)\b", re.IGNORECASE)


@pytest.mark.parametrize("naam", list(SCHEMAS))
def test_every_property_has_a_dutch_description(naam: str) -> None:
    schema = json_schemas()[naam]
    found = descriptions(schema)
    assert len(found) > (3 if naam == "herstel" else 5)  # a restore has two dates
    for where, text in found:
        assert isinstance(text, str) and text.strip(), f"{naam}: {where} heeft geen beschrijving"
        first = text.split()[0].lower().strip(".,:;'\"(")
        assert first not in ENGLISH_START, f"{naam}: {where}: {text!r}"
        assert not ENGLISH_WORDS.search(text), f"{naam}: {where}: {text!r}"
        assert DUTCH_WORDS.search(text), f"{naam}: {where}: {text!r}"
        # Paragraphs may be separated; a line break inside a sentence comes from wrapping.
        assert "\n" not in text.replace("\n\n", ""), f"{naam}: {where}: {text!r}"


def test_descriptions_reach_every_property_recursively() -> None:
    """No property anywhere (nested objects, list items) is left without a description."""
    def walk(node: Any, schema: dict[str, Any], path: str) -> list[str]:
        missing: list[str] = []
        if isinstance(node, dict):
            for field, prop in node.get("properties", {}).items():
                if not (prop.get("description") or _resolve(schema, prop).get("description")):
                    missing.append(f"{path}/{field}")
            for key, value in node.items():
                missing += walk(value, schema, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                missing += walk(value, schema, f"{path}/{index}")
        return missing

    for naam, schema in json_schemas().items():
        assert walk(schema, schema, naam) == []


# --- Determinism and the command -------------------------------------------------------------

def test_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert dump(json_schemas()) == dump(json_schemas())
    first = {p.name: p.read_bytes() for p in _written(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in _written(tmp_path / "b")}
    assert first == second
    text = first["verwerking.schema.json"].decode("utf-8")
    assert text == dump(json_schemas()["verwerking"])
    assert text.endswith("}\n")
    capsys.readouterr()


def _written(out: Path) -> list[Path]:
    run(out, None)
    return sorted(out.iterdir())


def test_run_prints_one_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(None, "verwerking") == 0
    out = capsys.readouterr().out
    schema = json.loads(out)
    assert schema == json_schemas()["verwerking"]
    assert out == dump(schema)
    Draft202012Validator.check_schema(schema)


def test_run_prints_all_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(None, None) == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document) == sorted(SCHEMAS)
    assert document == json_schemas()


def test_run_unknown_name() -> None:
    with pytest.raises(UsageError) as info:
        run(None, "verwerkingen")
    message = str(info.value)
    assert "onbekend schema 'verwerkingen'" in message
    for naam in SCHEMAS:
        assert naam in message


def test_run_writes_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nieuw" / "schema"  # created, parents included
    assert run(out, None) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.schema.json" for n in SCHEMAS)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(SCHEMAS)
    for line, naam in zip(lines, SCHEMAS, strict=True):
        assert line == f"{out / f'{naam}.schema.json'} geschreven (voor {FILE_FOR[naam]})"
    umask = os.umask(0)
    os.umask(umask)
    for path in out.iterdir():
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def test_run_writes_one_file_and_replaces_it(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "datalek.schema.json").write_text("oud", encoding="utf-8")
    assert run(tmp_path, "datalek") == 0
    assert [p.name for p in tmp_path.iterdir()] == ["datalek.schema.json"]  # no temp file left
    assert json.loads((tmp_path / "datalek.schema.json").read_text(encoding="utf-8")) == (
        json_schemas()["datalek"])
    assert capsys.readouterr().out.count("geschreven") == 1


def test_run_out_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "bestand"
    target.write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="is een bestand, maar hier wordt een map verwacht"):
        run(target, None)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root may write anywhere; permissions need POSIX")
def test_run_unwritable_directory(tmp_path: Path) -> None:
    out = tmp_path / "alleen-lezen"
    out.mkdir()
    out.chmod(0o555)
    try:
        with pytest.raises(UsageError, match="kan niet worden geschreven: geen schrijfrechten"):
            run(out, "avgctl")
    finally:
        out.chmod(0o755)


def test_run_failed_write_leaves_nothing_behind(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Also as root, where permissions do not stop a write: the rename itself fails."""
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(AvgctlError, match=re.escape(
            "avgctl.schema.json kan niet worden geschreven: geen toegang (rechten)")):
        run(tmp_path, "avgctl")
    assert list(tmp_path.iterdir()) == []  # the temporary file is removed

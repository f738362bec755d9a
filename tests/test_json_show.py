"""`--format json` on every `show` and on `rules`: the same facts as the text, for scripts.

Each JSON document is checked against what it describes: the record against its own file read
directly, the timeline and the deadlines against the text `show` prints, the rules against the
registry. The keys are fixed, so a script that reads them keeps working.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import typer.main
from ruamel.yaml import YAML

from avgctl.cli.app import app
from avgctl.rules import REGISTRY
from tests.conftest import PROJECT, VOORBEELD_DAG

DAG = VOORBEELD_DAG.isoformat()
NU = f"{DAG}T10:00"
REPO = str(PROJECT)


def _json(cli: Any, *args: str) -> Any:  # type: ignore[no-untyped-def]
    result = cli(*args, "--repo", REPO, "--format", "json")
    assert result.exit_code == 0, result.err
    assert result.err == ""
    return json.loads(result.out)


def _plain(value: Any) -> Any:
    """A YAML value as JSON has it: dates and moments as ISO text."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _yaml(path: Path) -> dict[str, Any]:
    return _plain(YAML(typ="safe").load(path.read_text(encoding="utf-8")))  # type: ignore[no-any-return]


def _contains(record: dict[str, Any], written: dict[str, Any]) -> None:
    """Every field the file writes is in the JSON with the same value."""
    for key, value in written.items():
        assert key in record, key
        if isinstance(value, dict) and isinstance(record[key], dict):
            _contains(record[key], value)
        elif isinstance(value, str) and isinstance(record[key], dict):
            # a short form in the file (evaluatie: "...") is the record's long form in JSON
            assert value in record[key].values(), key
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for got, want in zip(record[key], value, strict=True):
                _contains(got, want)
        else:
            assert record[key] == value, key


# --- verwerkingen show -------------------------------------------------------------------

VERWERKINGEN = sorted((PROJECT / "registers" / "verwerkingen").glob("*.yaml"))


@pytest.mark.parametrize("path", VERWERKINGEN[::5], ids=lambda p: p.name.split("-")[0])
def test_verwerking_json_is_the_file(cli, path: Path) -> None:  # type: ignore[no-untyped-def]
    written = _yaml(path)
    doc = _json(cli, "verwerkingen", "show", str(written["id"]))
    assert list(doc) == ["bestand", "verwerking", "partijen"]
    assert doc["bestand"] == path.relative_to(PROJECT).as_posix()
    _contains(doc["verwerking"], written)


def test_verwerking_json_names_its_parties(cli) -> None:  # type: ignore[no-untyped-def]
    doc = _json(cli, "verwerkingen", "show", "10.1.1")
    partijen = {p["id"]: p for p in YAML(typ="safe").load(
        (PROJECT / "registers" / "partijen.yaml").read_text(encoding="utf-8"))}
    assert doc["partijen"] == [{
        "id": "cumulus-office", "naam": partijen["cumulus-office"]["naam"],
        "relatie": "verwerker", "land": "US", "doorgifte": "dpf", "bekend": True}]


def test_verwerking_json_keys_are_stable(cli) -> None:  # type: ignore[no-untyped-def]
    """Every activity has the same keys, filled or null: a script never meets a missing key."""
    keys = {tuple(_json(cli, "verwerkingen", "show", str(_yaml(p)["id"]))["verwerking"])
            for p in VERWERKINGEN[:8]}
    assert len(keys) == 1


# --- verzoek show ------------------------------------------------------------------------

def _verzoeken() -> list[str]:
    with (PROJECT / "registers" / "verzoeken.csv").open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    gekozen = [r["referentie"] for r in rijen if r["status"] in ("open", "in_behandeling")][:2]
    gekozen += [r["referentie"] for r in rijen if r["verlengd_op"]][:1]
    gekozen += [r["referentie"] for r in rijen if r["status"] == "afgehandeld"][:2]
    losse = sorted((PROJECT / "registers" / "verzoeken").glob("*.yaml"))
    return gekozen + [p.stem for p in losse[:2]]


@pytest.mark.parametrize("referentie", _verzoeken())
def test_verzoek_json_says_what_the_text_says(cli, referentie: str) -> None:  # type: ignore[no-untyped-def]
    doc = _json(cli, "verzoek", "show", referentie, "--vandaag", DAG)
    assert list(doc) == ["bestand", "verzoek", "artikel", "open", "tijdlijn", "termijnen",
                         "dagen_wettelijk", "dagen_intern", "te_laat"]
    tekst = cli("verzoek", "show", referentie, "--vandaag", DAG, "--repo", REPO).out
    assert doc["verzoek"]["referentie"] == referentie
    assert tekst.splitlines()[0] == (f"{referentie}  {doc['verzoek']['type']} "
                                     f"({doc['artikel']})  {doc['bestand']}")
    blok = tekst.split("Tijdlijn\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert blok == [f"  {e['datum']}  {e['gebeurtenis']}" for e in doc["tijdlijn"]]
    t = doc["termijnen"]
    assert f"eigen termijn:{' ' * 28}{t['intern']}" in tekst
    assert f"wettelijke termijn (1 maand):{' ' * 13}{t['wettelijk']}" in tekst
    wettelijk = dt.date.fromisoformat(t["geldend_wettelijk"])
    assert doc["dagen_wettelijk"] == (wettelijk - VOORBEELD_DAG).days
    assert doc["te_laat"] == (doc["dagen_wettelijk"] < 0)
    assert doc["open"] == (doc["verzoek"]["status"] in ("open", "in_behandeling"))
    if t["verlengd"]:
        assert t["geldend_wettelijk"] == t["wettelijk_verlengd"]
        assert "wettelijke termijn verlengd (3 maanden)" in tekst


def test_verzoek_json_record_is_the_csv_row(cli) -> None:  # type: ignore[no-untyped-def]
    with (PROJECT / "registers" / "verzoeken.csv").open(encoding="utf-8", newline="") as f:
        rij = next(r for r in csv.DictReader(f) if r["verwerkingen"] and r["afgehandeld_op"])
    doc = _json(cli, "verzoek", "show", rij["referentie"], "--vandaag", DAG)
    record = doc["verzoek"]
    assert doc["bestand"] == "registers/verzoeken.csv"
    for key, value in rij.items():
        if key == "verwerkingen":
            assert record[key] == [v.strip() for v in value.split(";")]
        elif value:
            assert record[key] == value, key
        else:
            assert record[key] in (None, []), key


# --- datalek show ------------------------------------------------------------------------

DATALEKKEN = sorted((PROJECT / "registers" / "datalekken").glob("DL-*.yaml"))


@pytest.mark.parametrize("path", DATALEKKEN, ids=lambda p: p.stem)
def test_datalek_json_says_what_the_text_says(cli, path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = _json(cli, "datalek", "show", path.stem, "--nu", NU)
    assert list(doc) == ["bestand", "datalek", "tijdlijn", "klok"]
    assert list(doc["klok"]) == ["ontdekt", "ap_termijn", "eerste_melding", "gemeld", "te_laat",
                                 "uren_over", "verwerker_uiterlijk", "verwerker_te_laat",
                                 "tekst"]
    assert doc["bestand"] == path.relative_to(PROJECT).as_posix()
    _contains(doc["datalek"], _yaml(path))
    tekst = cli("datalek", "show", path.stem, "--nu", NU, "--repo", REPO).out
    blok = tekst.split("Tijdlijn\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert blok == [f"  {e['moment'][:16].replace('T', ' ')}  {e['gebeurtenis']}"
                    for e in doc["tijdlijn"]]
    assert tekst.rstrip("\n").splitlines()[-1] == f"Klok: {doc['klok']['tekst']}"
    klok = doc["klok"]
    ontdekt = dt.datetime.fromisoformat(klok["ontdekt"])
    termijn = dt.datetime.fromisoformat(klok["ap_termijn"])
    assert termijn - ontdekt == dt.timedelta(hours=72)
    assert klok["gemeld"] == (klok["eerste_melding"] is not None)
    nu = dt.datetime.fromisoformat(NU).replace(tzinfo=ontdekt.tzinfo)
    assert abs(klok["uren_over"] - (termijn - nu).total_seconds() / 3600) < 1.01


# --- rules -------------------------------------------------------------------------------

def test_rules_json_lists_every_rule_in_order(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("rules", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.out)
    assert list(doc) == ["regels"]
    assert [r["code"] for r in doc["regels"]] == list(REGISTRY)
    for row in doc["regels"]:
        rule = REGISTRY[row["code"]]
        assert row == {"code": rule.code, "ernst": rule.severity.label, "titel": rule.title,
                       "artikel": rule.artikel}


@pytest.mark.parametrize("code", list(REGISTRY))
def test_rule_json_is_the_rule_page(cli, code: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("rules", code, "-f", "json")
    assert result.exit_code == 0
    doc = json.loads(result.out)
    rule = REGISTRY[code]
    assert list(doc) == ["code", "ernst", "titel", "artikel", "wat", "waarom", "voorbeeld",
                         "oplossing"]
    uitleg = rule.uitleg()
    assert (doc["wat"], doc["waarom"], doc["oplossing"]) == (uitleg.wat, uitleg.waarom,
                                                             uitleg.oplossing)
    assert doc["voorbeeld"]["fout"] == rule.voorbeeld.fout
    assert doc["voorbeeld"]["goed"] == rule.voorbeeld.goed
    assert doc["voorbeeld"]["bestand"] == rule.voorbeeld.pad
    assert all(doc[k] for k in ("wat", "waarom", "oplossing"))
    # The text page shows the same explanation.
    tekst = cli("rules", code).out
    assert " ".join(doc["oplossing"].split()) in " ".join(tekst.split())


def test_rule_json_exactly(cli) -> None:  # type: ignore[no-untyped-def]
    rule = REGISTRY["AVG301"]
    assert json.loads(cli("rules", "AVG301", "--format", "json").out)["voorbeeld"] == {
        "bestand": "registers/verwerkingen/40.1.1-exploot.yaml",
        "fout": rule.voorbeeld.fout,
        "goed_bestand": "registers/verwerkingen/40.1.1-exploot.yaml",
        "goed": rule.voorbeeld.goed,
        "bijlagen": [{"bestand": "avgctl.yaml", "inhoud": rule.voorbeeld.bijlagen[0][1]}],
    }


# --- every show, and the wrong format ----------------------------------------------------

def _shows() -> list[list[str]]:
    root = typer.main.get_command(app)
    return [[groep, "show"] for groep, sub in root.commands.items()  # type: ignore[attr-defined]
            if "show" in getattr(sub, "commands", {})]


def test_every_show_has_json() -> None:
    root = typer.main.get_command(app)
    shows = _shows()
    assert len(shows) >= 3
    for groep, naam in shows:
        command = root.commands[groep].commands[naam]  # type: ignore[attr-defined]
        opties = {o for p in command.params for o in p.opts}
        assert "--format" in opties and "-f" in opties, groep


@pytest.mark.parametrize("args", [["verwerkingen", "show", "10.1.1"],
                                  ["verzoek", "show", "AVG-2022-0003"],
                                  ["datalek", "show", "DL-2022-004"], ["rules"],
                                  ["rules", "AVG301"]], ids=lambda a: " ".join(a))
def test_an_unknown_format_is_a_usage_error(cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args, "--format", "xml", *(["--repo", REPO] if args[0] != "rules" else []))
    assert result.exit_code == 2
    assert result.out == ""
    formaten = "text, json, md" if args[0] == "rules" else "text, json"
    assert result.err == f"fout: onbekend formaat 'xml'; kies uit: {formaten}\n"


@pytest.mark.parametrize("args", [["verwerkingen", "show", "99.9.9"],
                                  ["verzoek", "show", "AVG-1900-0001"],
                                  ["datalek", "show", "DL-1900-001"]], ids=lambda a: a[0])
def test_not_found_in_json_is_still_an_error_on_stderr(cli, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args, "--format", "json", "--repo", REPO)
    assert result.exit_code == 1
    assert result.out == ""
    assert result.err.startswith("fout: ")

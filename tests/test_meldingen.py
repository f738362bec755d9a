"""Usage errors of click and value errors of Typer (Pydantic) reach the user in Dutch."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

# English that click, Typer or Pydantic would show if it came through.
ENGELS = re.compile(r"Input should|valid integer|unable to parse|No such|Missing|Invalid value|"
                    r"Got unexpected|requires an? |does not take|Error|Try '|is not|Usage|"
                    r"Aborted|Choose from")


@pytest.mark.parametrize(("args", "message", "hint"), [
    (["datalek", "add", "--aantal", "x"],
     "ongeldige waarde voor --aantal: 'x' moet een geheel getal zijn", "avgctl datalek add"),
    (["datalek", "update", "DL-2026-001", "--records", "1.5"],
     "ongeldige waarde voor --records: '1.5' moet een geheel getal zijn",
     "avgctl datalek update"),
    (["datalek", "trend", "--jaar", "twintig"],
     "ongeldige waarde voor --jaar: 'twintig' moet een geheel getal zijn",
     "avgctl datalek trend"),
    (["check", "--bogus"], "onbekende optie --bogus", "avgctl check"),
    (["check", "--strictt"], "onbekende optie --strictt; bedoelde u --strict?", "avgctl check"),
    (["verzoek", "show"], "argument REF ontbreekt", "avgctl verzoek show"),
    (["verzoek", "brief", "AVG-2026-0001"], "argument SOORT ontbreekt", "avgctl verzoek brief"),
    (["verzoek", "verleng", "AVG-2026-0001"], "optie --reden ontbreekt",
     "avgctl verzoek verleng"),
    (["verwerkingen", "export"], "optie --format ontbreekt", "avgctl verwerkingen export"),
    (["verzoek", "show", "a", "b"], "onverwacht extra argument: b", "avgctl verzoek show"),
    (["rules", "AVG301", "AVG302"], "onverwacht extra argument: AVG302", "avgctl rules"),
    (["schema", "--out"], "optie --out heeft een waarde nodig", "avgctl schema"),
    (["check", "--format"], "optie --format heeft een waarde nodig", "avgctl check"),
    (["datalek", "update", "DL-2026-001", "--ingedamd=ja"],
     "optie --ingedamd neemt geen waarde; laat '=...' weg", "avgctl datalek update"),
    (["nope"], "onbekende opdracht 'nope'", "avgctl"),
    (["verzoek", "lis"], "onbekende opdracht 'lis'; bedoelde u 'list'?", "avgctl verzoek"),
    (["--debug"], "geef een opdracht", "avgctl"),
])
def test_usage_errors_in_dutch(cli: Any, repo: Path, args: list[str], message: str,
                               hint: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.out == ""
    assert result.err == f"fout: {message}\n  zie '{hint} --help'\n"
    assert not ENGELS.search(result.err)


def test_a_wrong_time_names_its_own_option(cli: Any, repo: Path) -> None:
    result = cli("datalek", "add", "--repo", str(repo), "--ontdekt-op", "gisteren",
                 "--beschrijving", "x")
    assert result.exit_code == 2
    assert result.err.startswith("fout: --ontdekt-op 'gisteren' is geen tijdstip;")


def test_pydantic_value_errors_translated() -> None:
    from pydantic import TypeAdapter, ValidationError

    from avgctl.store.schemafout import waardefout

    cases: list[tuple[Any, object, str]] = [
        (int, "x", "'x' moet een geheel getal zijn"),
        (float, "1,5", "'1,5' moet een getal zijn"),
        (bool, "misschien", "'misschien' moet true of false zijn"),
        (__import__("datetime").date, "2026-02-30", "2026-02-30 is geen bestaande datum"),
        (__import__("typing").Literal["md", "html"], "pdf", "'pdf' kan niet; kies uit: md, html"),
    ]
    for soort, waarde, verwacht in cases:
        with pytest.raises(ValidationError) as info:
            TypeAdapter(soort).validate_python(waarde)
        message, _hint = waardefout(info.value.errors()[0])
        assert message == verwacht
        assert not ENGELS.search(message)


def test_a_validation_error_no_command_caught_is_still_dutch(
        cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The error boundary: a Pydantic error that slips past a command is no 'unexpected error'
    in English but the same Dutch as a register file gets (exit 1)."""
    from avgctl.commands import rules
    from avgctl.models.datalek import Beoordeling

    def kapot(code: str | None, fmt: str = "text") -> int:
        Beoordeling.model_validate({"veel_betrokkenen": "misschien", "onbekend": 1})
        return 0

    monkeypatch.setattr(rules, "run", kapot)
    result = cli("rules")
    assert result.exit_code == 1
    assert result.err == (
        "fout: ongeldige gegevens (Beoordeling): 'veel_betrokkenen' moet true of false zijn; "
        "onbekend veld 'onbekend'\n")
    assert not ENGELS.search(result.err)


def test_uit_naming_a_folder(cli: Any, repo: Path) -> None:
    result = cli("verwerkingen", "export", "--format", "md", "--repo", str(repo), "--uit",
                 str(repo))
    assert result.exit_code == 2
    assert result.err == (f"fout: --uit {repo} is een map; geef de naam van een bestand, "
                          f"bijvoorbeeld {repo / 'document'}\n")


def test_a_union_field_gets_one_message_in_check(cli: Any, repo: Path) -> None:
    """ontvangers_geinformeerd is a date or 'nvt': Pydantic reports both members; check says
    it once, with both choices."""
    (repo / "registers/verzoeken.csv").write_text(
        "referentie,ontvangen,betrokkene_ref,kanaal,type,status,besluit,afgehandeld_op,"
        "ontvangers_geinformeerd\n"
        "AVG-2026-0001,2026-05-04,K-1,email,wissing,afgehandeld,toegewezen,2026-05-20,"
        "volgende week\n", encoding="utf-8")
    result = cli("check", "--repo", str(repo), "--vandaag", "2026-06-01", "--select", "AVG002")
    assert result.exit_code == 1
    assert result.out.splitlines()[0] == (
        "registers/verzoeken.csv:2:78: fout AVG002 'ontvangers_geinformeerd' moet een datum "
        "(2026-03-27) of nvt zijn, niet 'volgende week'")
    assert result.out.count("AVG002") == 1


@pytest.mark.parametrize(("waarde", "verwacht"), [
    ("gisteren", ["'van' moet een tijdstip (2026-03-27T10:00:00+01:00) of een datum "
                  "(2026-03-27) zijn, niet 'gisteren'"]),
    ("2026-02-30", ["'van': 2026-02-30 is geen bestaande datum"]),
    ("2026-03-27T10:00", ["'van' tijdstip zonder tijdzone (UTC-afwijking)"]),
])
def test_translate_all_says_a_union_once(waarde: str, verwacht: list[str]) -> None:
    from pydantic import ValidationError

    from avgctl.models.datalek import Periode
    from avgctl.store.schemafout import translate_all

    with pytest.raises(ValidationError) as info:
        Periode.model_validate({"van": waarde})
    fouten = [f.message for f, _ in translate_all(Periode, info.value.errors())]
    assert fouten == verwacht

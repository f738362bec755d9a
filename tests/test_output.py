"""The CLI end to end: exact reports in every format, exit codes, rule selection and help."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from avgctl import __version__
from avgctl.cli.app import app
from avgctl.output.check import _escape_data, _escape_property
from avgctl.rules import REGISTRY

V = "registers/verwerkingen/20.1.1-intake.yaml"
VANDAAG = ("--vandaag", "2026-06-01")
CLEAN = "Geen bevindingen (4 bestanden, 1 verwerking gecontroleerd).\n"
ONE_ERROR = (
    "1 fout, 0 waarschuwingen, 0 info in 1 bestand (4 bestanden, 1 verwerking gecontroleerd).\n"
)
ONE_WARNING = (
    "0 fouten, 1 waarschuwing, 0 info in 1 bestand (4 bestanden, 1 verwerking gecontroleerd).\n"
)


@pytest.fixture(autouse=True)
def _plain_console(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich honours these; any of them set in the environment would change the exact output.
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)


def _edit(repo: Path, rel: str, old: str, new: str) -> None:
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _without_doel(repo: Path) -> Path:
    _edit(repo, V, "doel: Een nieuwe opdracht vastleggen.\n", "")
    return repo


def _without_eigenaar(repo: Path) -> Path:
    _edit(repo, V, "eigenaar: Bureaumanager\n", "")
    return repo


def _with_bsn(repo: Path) -> Path:
    path = repo / V
    path.write_text(path.read_text(encoding="utf-8") + "# BSN 111222333\n", encoding="utf-8")
    return repo


def _check(cli: Any, repo: Path, *args: str) -> Any:
    return cli("check", "--repo", str(repo), *VANDAAG, *args)


# --- text -----------------------------------------------------------------------------------


def test_clean_repo(cli: Any, repo: Path) -> None:
    result = _check(cli, repo)
    assert result.exit_code == 0
    assert result.out == CLEAN
    assert result.err == ""


def test_clean_repo_quiet_prints_nothing(cli: Any, repo: Path) -> None:
    result = _check(cli, repo, "--quiet")
    assert (result.exit_code, result.out, result.err) == (0, "", "")


def test_one_error_exact_text(cli: Any, repo: Path) -> None:
    result = _check(cli, _without_doel(repo))
    assert result.exit_code == 1
    assert result.out == (
        f"{V}:1:1: fout AVG101 verwerking 20.1.1 heeft geen doel\n"
        "    → voeg 'doel:' toe met een concrete omschrijving\n"
        "\n" + ONE_ERROR
    )
    assert result.err == ""


def test_one_error_quiet_drops_the_hint(cli: Any, repo: Path) -> None:
    result = _check(cli, _without_doel(repo), "-q")
    assert result.exit_code == 1
    assert result.out == f"{V}:1:1: fout AVG101 verwerking 20.1.1 heeft geen doel\n\n" + ONE_ERROR


def test_findings_in_two_files(cli: Any, repo: Path) -> None:
    _without_doel(repo)
    path = repo / "registers/partijen.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 111222333\n", encoding="utf-8")
    result = _check(cli, repo, "-q")
    assert result.exit_code == 1
    assert result.out == (
        "registers/partijen.yaml:10:3: fout AVG601 mogelijk BSN in het register: 11*****33\n"
        "\n"
        f"{V}:1:1: fout AVG101 verwerking 20.1.1 heeft geen doel\n"
        "\n"
        "2 fouten, 0 waarschuwingen, 0 info in 2 bestanden "
        "(4 bestanden, 1 verwerking gecontroleerd).\n"
    )


# --- json -----------------------------------------------------------------------------------


def test_json(cli: Any, repo: Path) -> None:
    result = _check(cli, _without_doel(repo), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.out)
    assert document["bevindingen"] == [{
        "code": "AVG101",
        "ernst": "fout",
        "titel": REGISTRY["AVG101"].title,
        "bericht": "verwerking 20.1.1 heeft geen doel",
        "hint": "voeg 'doel:' toe met een concrete omschrijving",
        "bestand": V,
        "regel": 1,
        "kolom": 1,
    }]
    assert document["samenvatting"] == {
        "fouten": 1, "waarschuwingen": 0, "info": 0, "bestanden": 4, "verwerkingen": 1,
    }


def test_json_clean(cli: Any, repo: Path) -> None:
    result = _check(cli, repo, "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.out)["bevindingen"] == []


# --- github ---------------------------------------------------------------------------------

GITHUB_AVG101 = (
    f"::error file={V},line=1,col=1,title=AVG101 {REGISTRY['AVG101'].title}::"
    "verwerking 20.1.1 heeft geen doel (voeg 'doel:' toe met een concrete omschrijving)\n"
)


def test_github(cli: Any, repo: Path) -> None:
    result = _check(cli, _without_doel(repo), "--format", "github")
    assert result.exit_code == 1
    assert result.out == GITHUB_AVG101 + ONE_ERROR


def test_github_warning_level(cli: Any, repo: Path) -> None:
    result = _check(cli, _without_eigenaar(repo), "--format", "github")
    assert result.out.startswith(f"::warning file={V},line=1,col=1,title=AVG108 ")


def test_github_actions_environment_picks_github_format(
    cli: Any, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = _check(cli, _without_doel(repo))
    assert result.exit_code == 1
    assert result.out == GITHUB_AVG101 + ONE_ERROR


def test_explicit_format_wins_over_github_actions(
    cli: Any, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = _check(cli, repo, "--format", "text")
    assert result.out == CLEAN


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("regel 1\nregel 2", "regel 1%0Aregel 2", "regel 1%0Aregel 2"),
        ("cr\r\nlf", "cr%0D%0Alf", "cr%0D%0Alf"),
        # '%' goes first, so an escape already in the text is not mistaken for one
        ("%0A", "%250A", "%250A"),
        ("::error", "::error", "%3A%3Aerror"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert _escape_data(text) == data
    assert _escape_property(text) == prop


def test_github_escapes_the_file_property(cli: Any, repo: Path) -> None:
    _without_doel(repo)
    (repo / V).rename(repo / "registers/verwerkingen/20.1.1-intake,oud 100%.yaml")
    result = _check(cli, repo, "-f", "github")
    first = result.out.splitlines()[0]
    assert first.startswith(
        "::error file=registers/verwerkingen/20.1.1-intake%2Coud 100%25.yaml,line=1,col=1,"
    )


# --- sarif ----------------------------------------------------------------------------------


def test_sarif(cli: Any, repo: Path) -> None:
    result = _check(cli, _with_bsn(_without_doel(repo)), "--format", "sarif")
    assert result.exit_code == 1
    document = json.loads(result.out)
    assert document["version"] == "2.1.0"
    run = document["runs"][0]
    assert run["tool"]["driver"]["name"] == "avgctl"
    assert run["tool"]["driver"]["version"] == __version__
    first = run["results"][0]
    assert first["ruleId"] == "AVG101"
    assert first["level"] == "error"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == V
    assert location["region"] == {"startLine": 1, "startColumn": 1}
    second = run["results"][1]
    assert second["ruleId"] == "AVG601"
    assert second["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 14, "startColumn": 7,
    }
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rule_ids == list(REGISTRY)
    assert {r["ruleId"] for r in run["results"]} <= set(rule_ids)


def test_sarif_clean_still_lists_the_rules(cli: Any, repo: Path) -> None:
    result = _check(cli, repo, "-f", "sarif")
    assert result.exit_code == 0
    run = json.loads(result.out)["runs"][0]
    assert run["results"] == []
    assert len(run["tool"]["driver"]["rules"]) == len(REGISTRY)


# --- selection and exit codes ---------------------------------------------------------------


def _codes_in(out: str) -> list[str]:
    return re.findall(r"\b(AVG\d{3})\b", out)


def test_select_prefix(cli: Any, repo: Path) -> None:
    _with_bsn(_without_doel(repo))
    assert _codes_in(_check(cli, repo, "-q").out) == ["AVG101", "AVG601"]
    result = _check(cli, repo, "-q", "--select", "AVG1")
    assert result.exit_code == 1
    assert _codes_in(result.out) == ["AVG101"]
    result = _check(cli, repo, "-q", "--select", "avg6")
    assert _codes_in(result.out) == ["AVG601"]


def test_select_with_commas_and_repeats(cli: Any, repo: Path) -> None:
    _with_bsn(_without_doel(repo))
    assert _codes_in(_check(cli, repo, "-q", "--select", "AVG101,AVG601").out) == [
        "AVG101", "AVG601",
    ]
    assert _codes_in(
        _check(cli, repo, "-q", "--select", "AVG101", "--select", "AVG601").out
    ) == ["AVG101", "AVG601"]


def test_ignore(cli: Any, repo: Path) -> None:
    _without_doel(repo)
    result = _check(cli, repo, "--ignore", "AVG101")
    assert result.exit_code == 0
    assert result.out == CLEAN


def test_select_and_ignore_together(cli: Any, repo: Path) -> None:
    _with_bsn(_without_doel(repo))
    result = _check(cli, repo, "--select", "AVG1", "--ignore", "AVG101")
    assert (result.exit_code, result.out) == (0, CLEAN)
    result = _check(cli, repo, "-q", "--ignore", "AVG101")
    assert _codes_in(result.out) == ["AVG601"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_code_is_a_usage_error(cli: Any, repo: Path, option: str) -> None:
    result = _check(cli, repo, option, "AVG10Z")
    assert result.exit_code == 2
    assert result.out == ""
    assert re.fullmatch(
        r"fout: onbekende regel 'AVG10Z'; bedoelde u AVG\d{3}\?\n", result.err
    ), result.err


def test_strict_makes_warnings_fail(cli: Any, repo: Path) -> None:
    _without_eigenaar(repo)
    expected = (
        f"{V}:1:1: waarschuwing AVG108 verwerking 20.1.1 heeft geen eigenaar\n"
        "    → vul 'eigenaar:' in met een functie\n"
        "\n" + ONE_WARNING
    )
    result = _check(cli, repo)
    assert (result.exit_code, result.out) == (0, expected)
    result = _check(cli, repo, "--strict")
    assert (result.exit_code, result.out) == (1, expected)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "xml"),
         "fout: onbekend formaat 'xml'; kies uit: text, json, github, sarif\n"),
        (("--vandaag", "2026-6-1"),
         "fout: --vandaag '2026-6-1' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-27\n"),
    ],
)
def test_bad_options_exit_2(cli: Any, repo: Path, args: tuple[str, ...], message: str) -> None:
    result = cli("check", "--repo", str(repo), *args)
    assert (result.exit_code, result.out, result.err) == (2, "", message)


def test_unknown_option_exits_2(cli: Any, repo: Path) -> None:
    result = _check(cli, repo, "--strikt")
    assert result.exit_code == 2
    assert result.err.startswith("fout: onbekende optie --strikt")


def test_missing_repo_exits_2(cli: Any, tmp_path: Path) -> None:
    result = cli("check", "--repo", str(tmp_path / "nergens"), *VANDAAG)
    assert result.exit_code == 2
    assert result.err == f"fout: map {tmp_path / 'nergens'} bestaat niet\n"


# --- repository discovery -------------------------------------------------------------------


def test_discovers_the_repo_from_its_root(
    cli: Any, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    result = cli("check", *VANDAAG)
    assert (result.exit_code, result.out) == (0, CLEAN)


def test_discovers_the_repo_from_a_subdirectory(
    cli: Any, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_doel(repo)
    monkeypatch.chdir(repo / "registers" / "verwerkingen")
    result = cli("check", *VANDAAG)
    assert result.exit_code == 1
    # Paths stay relative to the repository root, not to the current directory.
    assert result.out.startswith(f"{V}:1:1: fout AVG101 ")


def test_no_repo_found(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elders = tmp_path / "elders"
    elders.mkdir()
    monkeypatch.chdir(elders)
    result = cli("check", *VANDAAG)
    assert result.exit_code == 2
    assert result.err.startswith("fout: geen compliance-repository gevonden")


# --- rules ----------------------------------------------------------------------------------


def test_rules_lists_every_code(cli: Any) -> None:
    result = cli("rules")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.out.splitlines() if line.startswith("AVG")]
    assert listed == list(REGISTRY)


def test_rules_explains_one_rule(cli: Any) -> None:
    result = cli("rules", "AVG301")
    assert result.exit_code == 0
    lines = result.out.splitlines()
    assert lines[0].startswith(f"AVG301: {REGISTRY['AVG301'].title} (fout, ")
    for heading in ("Wat de regel vindt", "Waarom", "Zo is het goed", "Oplossing"):
        assert heading in lines, heading
    assert lines.index("Waarom") < lines.index("Zo is het goed") < lines.index("Oplossing")


def test_rules_code_is_case_insensitive(cli: Any) -> None:
    assert cli("rules", "avg301").out == cli("rules", "AVG301").out


@pytest.mark.parametrize("code", list(REGISTRY))
def test_every_rule_can_be_explained(cli: Any, code: str) -> None:
    result = cli("rules", code)
    assert result.exit_code == 0
    assert result.out.startswith(f"{code}: ")


def test_rules_unknown_code(cli: Any) -> None:
    result = cli("rules", "AVG999")
    assert result.exit_code == 2
    assert result.out == ""
    assert re.fullmatch(r"fout: onbekende regel 'AVG999'; bedoelde u AVG\d{3}\?\n", result.err)


# --- version and help -----------------------------------------------------------------------


def test_version(cli: Any) -> None:
    result = cli("--version")
    assert (result.exit_code, result.out, result.err) == (0, f"avgctl {__version__}\n", "")


def test_version_before_a_command(cli: Any) -> None:
    result = cli("--version", "rules")
    assert (result.exit_code, result.out) == (0, f"avgctl {__version__}\n")


def _command_names() -> list[str]:
    return [c.name or c.callback.__name__.replace("_", "-")
            for c in app.registered_commands if c.callback is not None]


def test_every_command_has_a_help_text() -> None:
    assert app.registered_commands
    for command in app.registered_commands:
        assert command.callback is not None
        assert (command.callback.__doc__ or "").strip(), command.callback.__name__


def test_help(cli: Any) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "Gebruik: avgctl" in result.out
    for name in _command_names():
        assert name in result.out


def test_no_arguments_shows_help(cli: Any) -> None:
    result = cli()
    assert result.exit_code == 0
    assert "Gebruik: avgctl" in result.out + result.err


@pytest.mark.parametrize("name", _command_names())
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_command_help(cli: Any, name: str, flag: str) -> None:
    result = cli(name, flag)
    assert result.exit_code == 0
    assert f"Gebruik: avgctl {name}" in result.out
    callback = next(c.callback for c in app.registered_commands if c.callback is not None
                    and (c.name or c.callback.__name__.replace("_", "-")) == name)
    first_words = " ".join((callback.__doc__ or "").split()[:3])
    assert first_words in " ".join(result.out.split())

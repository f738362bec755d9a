"""The project as a whole: the built-in example, the README, and the benchmark organisation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from avgctl.cli.app import app
from avgctl.rules import REGISTRY
from tests.conftest import PROJECT, VANDAAG, VOORBEELD_DAG, check_repo


def test_example_is_clean() -> None:
    """The bailiff office in registers/ passes every rule (what `make run` shows)."""
    assert check_repo(PROJECT, VOORBEELD_DAG) == []


def test_example_is_rich() -> None:
    """The example exercises the content the rules look at, not just the happy minimum."""
    from avgctl.store.repo import load_register

    register = load_register(PROJECT)
    activities = [b.model for b in register.verwerkingen]
    assert len(activities) >= 25
    assert {a.sectie for a in activities} >= {"10", "20", "30", "40", "50", "60", "70", "80"}
    grondslagen = {a.grondslag for a in activities}
    assert {"toestemming", "overeenkomst", "wettelijke_verplichting", "publieke_taak",
            "gerechtvaardigd_belang"} <= grondslagen
    assert any(a.bijzondere_gegevens for a in activities)
    assert any(a.strafrechtelijke_gegevens for a in activities)
    assert any(g.type == "BSN" for a in activities for g in a.gegevens)
    assert any(a.dpia and a.dpia.nodig for a in activities)
    relaties = {b.model.relatie for b in register.partijen}
    assert {"verwerker", "subverwerker", "ontvanger", "zelfstandig", "gezamenlijk"} <= relaties
    assert any(b.model.land not in ("NL",) and b.model.doorgifte for b in register.partijen)
    termijnen = {b.model.duur for b in register.bewaartermijnen.values()}
    assert {"10 jaar", "7 jaar", "4 weken", "onbeperkt"} <= termijnen


def _commands() -> list[str]:
    names = [command.name or (command.callback.__name__ if command.callback else "")
             for command in app.registered_commands]
    for group in app.registered_groups:
        assert group.typer_instance is not None
        names += [f"{group.name} {command.name}"
                  for command in group.typer_instance.registered_commands]
    return names


def test_readme_lists_every_command_with_its_page() -> None:
    """The README is the quick start: the two commands, and one table row per command that
    links to the docs page documenting it."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    for name in _commands():
        row = re.search(rf"^\| `avgctl {name}` \| .+ \| \[.+\]\((docs/[a-z0-9-]+\.md)[^)]*\) \|$",
                        readme, re.MULTILINE)
        assert row, f"de README noemt 'avgctl {name}' niet in de lijst van opdrachten"
        page = (PROJECT / row.group(1)).read_text(encoding="utf-8")
        assert f"avgctl {name}" in page, (name, row.group(1))


def test_docs_document_every_rule() -> None:
    regels = (PROJECT / "docs" / "regels.md").read_text(encoding="utf-8")
    for code in REGISTRY:
        assert f"| {code} |" in regels, code


def test_docs_rule_table_matches_registry() -> None:
    readme = (PROJECT / "docs" / "regels.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (AVG\d{3}) \| (\w+) \| \[(.+?)\]\(#[^)]+\) \| (.+?) \|$", readme,
                      re.MULTILINE)
    table = {code: (ernst, titel, artikel) for code, ernst, titel, artikel in rows}
    for code, rule in REGISTRY.items():
        assert table[code] == (rule.severity.label, rule.title, rule.artikel), code


def test_benchmark_organisation_is_clean(tmp_path: Path) -> None:
    """The benchmark measures the normal path: its generated organisation has no findings."""
    sys.path.insert(0, str(PROJECT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.pop(0)
    generate(tmp_path, activiteiten=60, n_partijen=10)
    assert check_repo(tmp_path, VANDAAG) == []


def test_console_script_runs_on_the_example() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "avgctl", "check", "--repo", str(PROJECT), "--vandaag",
         VOORBEELD_DAG.isoformat()], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Geen bevindingen (")


def test_parallel_reading_gives_the_same_findings(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Large repositories are parsed in worker processes; the outcome must not change.

    The workers return data without node trees, so positions are composed again on demand:
    the findings must carry the same lines and columns as a serial run.
    """
    from avgctl.store import repo as repo_module

    sys.path.insert(0, str(PROJECT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.pop(0)
    generate(tmp_path, activiteiten=40, n_partijen=5)
    activities = sorted((tmp_path / "registers/verwerkingen").glob("*.yaml"))
    first = activities[0]
    first.write_text(first.read_text().replace("eigenaar: Afdelingshoofd\n", ""))
    activities[1].write_text("id: [\n")
    serial = check_repo(tmp_path, VANDAAG)
    monkeypatch.setattr(repo_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(repo_module, "cores", lambda: 2)
    parallel = check_repo(tmp_path, VANDAAG)
    assert parallel == serial
    assert {f.code for f in serial} == {"AVG001", "AVG108"}

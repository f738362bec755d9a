"""`avgctl init --ci github|gitlab`: the workflow parses, names only commands and options that
exist, and each avgctl command in it runs on the example as the CI service would run it."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import VOORBEELD_DAG
from tests.opdrachten import bestaat

PADEN = {"github": ".github/workflows/avgctl.yml", "gitlab": ".gitlab-ci.yml"}
VOORBEELD_BRON = "git+https://git.example.org/organisatie/avgctl.git@v0.1.0"
GIT = {"GIT_AUTHOR_NAME": "Privacy Officer", "GIT_AUTHOR_EMAIL": "po@kantoor.example",
       "GIT_COMMITTER_NAME": "Privacy Officer", "GIT_COMMITTER_EMAIL": "po@kantoor.example",
       "GIT_AUTHOR_DATE": "2026-05-01T12:00:00+02:00",
       "GIT_COMMITTER_DATE": "2026-05-01T12:00:00+02:00"}


def _laad(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _stappen(ci: str, workflow: Any) -> list[str]:
    """Every shell line the workflow runs, in order."""
    if ci == "github":
        return [regel for job in workflow["jobs"].values() for stap in job["steps"]
                if "run" in stap for regel in stap["run"].splitlines() if regel.strip()]
    lines = list(workflow.get("default", {}).get("before_script", []))
    for naam, job in workflow.items():
        if isinstance(job, dict) and "script" in job and naam != "default":
            lines += job["script"]
    return lines


def _variabelen(ci: str, workflow: Any) -> dict[str, str]:
    return dict(workflow["env"] if ci == "github" else workflow["variables"])


def aanroepen(ci: str, workflow: Any) -> list[list[str]]:
    """Every avgctl command line in the workflow, variables filled in, without the shell's
    redirections and alternatives (`> avgctl.sarif || ...`)."""
    variabelen = _variabelen(ci, workflow)
    found = []
    for regel in _stappen(ci, workflow):
        opdracht = re.split(r"\s(?:>|\|\||&&|\|)\s", regel)[0]
        woorden = shlex.split(opdracht)
        if woorden and woorden[0] == "avgctl":
            found.append([re.sub(r"^\$(\w+)$", lambda m: variabelen[m.group(1)], w)
                          for w in woorden])
    return found


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_the_workflow_parses_and_names_what_exists(cli, tmp_path: Path, ci: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "nieuw"
    result = cli("init", str(target), "--ci", ci)
    assert result.exit_code == 0, result.err
    workflow = _laad(target / PADEN[ci])
    calls = aanroepen(ci, workflow)
    for call in calls:
        bestaat(call[1:])
    joined = [" ".join(c) for c in calls]
    for verwacht in ("avgctl check --format sarif",
                     "avgctl render privacyverklaring --check website/privacy",
                     "avgctl deadlines --fail-on overdue",
                     "avgctl bewaartermijnen check --fail-on vervallen"):
        assert verwacht in joined, (verwacht, joined)
    assert ("avgctl check --format github" if ci == "github" else "avgctl check") in joined
    assert _variabelen(ci, workflow)["AVGCTL_BRON"] == VOORBEELD_BRON
    assert any('pip install "$AVGCTL_BRON"' in regel for regel in _stappen(ci, workflow))
    assert "VUL IN" in (target / PADEN[ci]).read_text(encoding="utf-8")
    assert result.out.rstrip("\n").splitlines()[-1] == (
        "Vul in de workflow bij AVGCTL_BRON in waar avgctl vandaan komt (nu staat er een "
        "voorbeeldadres), of maak hem opnieuw met --bron.")
    assert f"  {PADEN[ci]}" in result.out.splitlines()


def test_github_runs_on_push_pull_request_and_a_schedule(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("init", str(tmp_path / "r"), "--ci", "github")
    workflow = _laad(tmp_path / "r" / PADEN["github"])
    assert {"push", "pull_request", "schedule", "workflow_dispatch"} <= set(workflow["on"])
    assert workflow["on"]["schedule"] == [{"cron": "0 6 * * 1-5"}]
    controle, termijnen = workflow["jobs"]["controle"], workflow["jobs"]["termijnen"]
    assert controle["if"] == "github.event_name != 'schedule'"
    assert "schedule" in termijnen["if"]
    assert controle["permissions"]["security-events"] == "write"
    checkout = controle["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"] == {
        "fetch-depth": 0}  # the statements read the register's history from git
    upload = next(s for s in controle["steps"] if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "avgctl.sarif"
    # Later steps run also when check found something, so every problem shows at once.
    na_check = controle["steps"][controle["steps"].index(
        next(s for s in controle["steps"] if s.get("run") == "avgctl check --format github")) + 1:]
    assert all(s["if"] == "!cancelled()" for s in na_check)


def test_gitlab_jobs_and_schedule(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("init", str(tmp_path / "r"), "--ci", "gitlab")
    workflow = _laad(tmp_path / "r" / PADEN["gitlab"])
    assert workflow["variables"]["GIT_DEPTH"] == "0"
    gepland = {n for n, j in workflow.items() if isinstance(j, dict) and "rules" in j
               and j["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}]}
    assert gepland == {"avgctl-termijnen", "avgctl-bewaartermijnen"}
    assert workflow["avgctl-check"]["artifacts"] == {"when": "always", "paths": ["avgctl.sarif"]}


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_every_command_of_the_workflow_runs_on_the_example(cli, tmp_path: Path, ci: str) -> None:  # type: ignore[no-untyped-def]
    """As CI would run them on a clean, committed register with current statements; only
    --vandaag is added, so that the test does not depend on the calendar."""
    repo = tmp_path / "register"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")}, **GIT,
           "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)

    def avgctl(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "avgctl", *args], cwd=repo, env=env,
                              capture_output=True, text=True, check=False, timeout=300)

    assert cli("init", "--voorbeeld", str(repo), "--ci", ci).exit_code == 0
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Register"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    assert avgctl("render", "privacyverklaring", "--uit", "website/privacy").returncode == 0
    for args in (["add", "-A"], ["commit", "-q", "-m", "Verklaringen"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    for call in aanroepen(ci, _laad(repo / PADEN[ci])):
        command = bestaat(call[1:])
        extra = ["--vandaag", VOORBEELD_DAG.isoformat()] if any(
            "--vandaag" in p.opts for p in command.params) else []
        result = avgctl(*call[1:], *extra)
        assert result.returncode == 0, (call, result.stdout[-2000:], result.stderr)
        if "sarif" in call:
            assert json.loads(result.stdout)["version"] == "2.1.0"


def test_in_an_existing_repository_only_the_workflow(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "bestaand"
    assert cli("init", str(repo)).exit_code == 0
    voor = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    result = cli("init", str(repo), "--ci", "gitlab",
                 "--bron", "tools/avgctl-0.1.0-py3-none-any.whl")
    assert result.exit_code == 0, result.err
    assert result.out == (f"CI-workflow geschreven in {repo}:\n  .gitlab-ci.yml\n\n"
                          "Zet de workflow in git; hij draait bij de volgende push.\n")
    na = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    assert set(na) - set(voor) == {repo / ".gitlab-ci.yml"}
    assert all(na[p] == data for p, data in voor.items())
    tekst = (repo / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert _laad(repo / ".gitlab-ci.yml")["variables"]["AVGCTL_BRON"] == (
        "tools/avgctl-0.1.0-py3-none-any.whl")
    assert "VUL IN" not in tekst

    # init's rule: never overwrite; the second time nothing changes.
    (repo / ".gitlab-ci.yml").write_text("# eigen aanpassingen\n", encoding="utf-8")
    again = cli("init", str(repo), "--ci", "gitlab")
    assert again.exit_code == 1
    assert again.err.startswith(f"fout: {repo} bevat al .gitlab-ci.yml; avgctl init "
                                "overschrijft niets.")
    assert (repo / ".gitlab-ci.yml").read_text(encoding="utf-8") == "# eigen aanpassingen\n"
    # Both services side by side are fine.
    assert cli("init", str(repo), "--ci", "github").exit_code == 0


@pytest.mark.parametrize("bron", ["git+https://git.example.org/o/avgctl.git@v1.2",
                                  'tools/avgctl "x": {y} #z.whl', "git+ssh://git@host/a b.git"])
def test_the_source_is_written_as_given(cli, tmp_path: Path, bron: str) -> None:  # type: ignore[no-untyped-def]
    for ci in ("github", "gitlab"):
        target = tmp_path / ci
        assert cli("init", str(target), "--ci", ci, "--bron", bron,
                   "--verklaringen", "site/privacy verklaringen").exit_code == 0
        workflow = _laad(target / PADEN[ci])
        assert _variabelen(ci, workflow)["AVGCTL_BRON"] == bron
        assert _variabelen(ci, workflow)["VERKLARINGEN"] == "site/privacy verklaringen"
        assert ["avgctl", "render", "privacyverklaring", "--check",
                "site/privacy verklaringen"] in aanroepen(ci, workflow)


@pytest.mark.parametrize(("args", "melding"), [
    (["--ci", "jenkins"], "fout: onbekende CI-dienst 'jenkins'; kies uit: github, gitlab\n"),
    (["--bron", "x.whl"], "fout: --bron hoort bij --ci; geef ook --ci github of --ci gitlab\n"),
    (["--ci", "github", "--bron", "a\nb"], "fout: --bron moet een adres of pad op één regel "
     "zijn\n"),
    (["--ci", "github", "--verklaringen", " "], "fout: --verklaringen moet een adres of pad op "
     "één regel zijn\n"),
])
def test_wrong_use_writes_nothing(cli, tmp_path: Path, args: list[str], melding: str) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "leeg"
    result = cli("init", str(target), *args)
    assert (result.exit_code, result.out, result.err) == (2, "", melding)
    assert not target.exists()


def test_voorbeeld_in_an_existing_repository_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "r"
    cli("init", str(repo))
    result = cli("init", str(repo), "--voorbeeld", "--ci", "github")
    assert result.exit_code == 2
    assert "--voorbeeld kan alleen in een nieuwe map" in result.err
    assert not (repo / PADEN["github"]).exists()

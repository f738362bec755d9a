"""The pre-commit hooks of .pre-commit-hooks.yaml, run by pre-commit itself on a compliance
repository made with `avgctl init`, with no network.

`pre-commit try-repo` clones this repository (with uncommitted changes), builds the hook
environment with pip and runs the hooks. pip gets no index: only a wheelhouse packed from this
environment (tests/wheelhouse.py). Where the test runs as root with `unshare`, it runs in a
network namespace of its own, so a download could not even be tried.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests import wheelhouse
from tests.conftest import BASIS, PROJECT, write_repo
from tests.opdrachten import bestaat

pytest.importorskip("pre_commit", reason="pre-commit ontbreekt: installeer de dev-extra")

HOOKS = ["avgctl-check", "avgctl-privacyverklaring"]
GIT = {"GIT_AUTHOR_NAME": "Privacy Officer", "GIT_AUTHOR_EMAIL": "po@kantoor.example",
       "GIT_COMMITTER_NAME": "Privacy Officer", "GIT_COMMITTER_EMAIL": "po@kantoor.example",
       # fixed, so that the statements' "last changed" (from git) is the same on any day
       "GIT_AUTHOR_DATE": "2026-05-01T12:00:00+02:00",
       "GIT_COMMITTER_DATE": "2026-05-01T12:00:00+02:00"}
VERWERKING = "registers/verwerkingen/20.1.1-intake.yaml"


def _offline() -> list[str]:
    """A command prefix that takes the network away, where this machine allows it."""
    if shutil.which("unshare") and os.geteuid() == 0:
        probe = subprocess.run(["unshare", "--net", "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return ["unshare", "--net"]
    return []


@pytest.fixture(scope="module")
def wielen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheelhouse")
    # avgctl's own dependencies, and setuptools to build avgctl from the clone
    # (avgctl itself is built by pip from the clone of this repository)
    wheelhouse.build(folder, ["avgctl", "setuptools"], without=("avgctl",))
    return folder


def _env(wielen: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PIP_", "PRE_COMMIT", "VIRTUALENV_", "GIT_", "UV_"))
           and k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    bin_dir = str(Path(sys.executable).parent)  # pre-commit and git of this environment
    env.update({
        "PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
        "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wielen),
        "PIP_CONFIG_FILE": os.devnull,  # no index or constraints from the machine's pip.conf
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PRE_COMMIT_HOME": str(home / "pre-commit"), "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never", **GIT,
    })
    return env


def _git(repo: Path, env: dict[str, str], *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def compliance(tmp_path: Path, wielen: Path) -> tuple[Path, dict[str, str]]:
    """A new compliance repository from `avgctl init`, filled in, with its statements."""
    env = _env(wielen, tmp_path / "home")
    repo = tmp_path / "compliance"

    def avgctl(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "avgctl", *args], cwd=repo, env=env, check=True,
                       capture_output=True)

    subprocess.run([sys.executable, "-m", "avgctl", "init", str(repo)], env=env, check=True,
                   capture_output=True)
    files = dict(BASIS)
    files["avgctl.yaml"] = BASIS["avgctl.yaml"].replace(
        "  fg:\n", "  rechten:\n    email: privacy@kantoor.example\n  fg:\n") + (
        "privacyverklaring:\n  doelgroepen:\n    opdrachtgevers:\n"
        "      naam: opdrachtgevers\n      naam_en: clients\n")
    files[VERWERKING] = BASIS[VERWERKING].replace(
        "    betrokkene: opdrachtgever\n", "    betrokkene: opdrachtgever\n    bron: betrokkene\n"
    ) + "doelgroepen: [opdrachtgevers]\nverstrekking:\n  verplichting: vrijwillig\n"
    write_repo(repo, files)
    # Clean on any day: the hook reads the clock, this test must not depend on it.
    for dag in ("2026-06-01", "2999-12-01"):
        avgctl("check", "--vandaag", dag)
    _git(repo, env, "init", "-q", "-b", "main")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "Register")
    avgctl("render", "privacyverklaring", "--uit", "website/privacy")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "Privacyverklaringen")
    return repo, env


def _try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # The stage before a push: both hooks run there (check runs before each commit as well).
    return subprocess.run([*_offline(), sys.executable, "-m", "pre_commit", "try-repo",
                           str(PROJECT), "--all-files", "--hook-stage", "pre-push"], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=900, check=False)


def test_the_hooks_file_names_commands_that_exist() -> None:
    hooks = YAML(typ="safe").load((PROJECT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert [h["id"] for h in hooks] == HOOKS
    for hook in hooks:
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        assert hook["minimum_pre_commit_version"] == "3.2.0"  # the stage names below
        args = [*hook["entry"].split(), *hook.get("args", [])]
        assert args[0] == "avgctl"
        bestaat(args[1:])
    # check in every stage; the statements (dated from git) only before a push
    assert "stages" not in hooks[0]
    assert hooks[1]["stages"] == ["pre-push"]


def test_hooks_pass_then_stop_a_bad_commit(compliance: tuple[Path, dict[str, str]]) -> None:
    repo, env = compliance
    result = _try_repo(repo, env)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    for name in ("avgctl check (registers valideren en controleren)",
                 "avgctl render privacyverklaring --check (verklaringen actueel)"):
        line = next(regel for regel in out.splitlines() if regel.startswith(name))
        assert line.endswith("Passed"), line
    assert "Looking in links: " + env["PIP_FIND_LINKS"] not in out  # pip was quiet: it worked

    # The purpose of an activity removed: check finds it, and the statements are stale.
    path = repo / VERWERKING
    path.write_text(path.read_text("utf-8").replace(
        "doel: Een nieuwe opdracht vastleggen.\n", ""), encoding="utf-8")
    result = _try_repo(repo, env)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert f"{VERWERKING}:1:1: fout AVG101 " in out
    assert "website/privacy/privacyverklaring-opdrachtgevers.nl.md: is verouderd" in out
    for name in ("avgctl check", "avgctl render privacyverklaring --check"):
        line = next(regel for regel in out.splitlines() if regel.startswith(name))
        assert line.endswith("Failed"), line

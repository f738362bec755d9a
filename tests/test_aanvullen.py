"""Shell completion: `avgctl completion bash|zsh|fish` and the answers to the shell's requests.

Where the shell is installed the script is loaded into it, and the shell itself is asked what
`avgctl verz` completes to; the protocol underneath is tested without the shells as well.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from avgctl.cli.aanvullen import SHELLS


def _omgeving(bin_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("_AVGCTL", "_TYPER"))}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return {**env, **extra}


@pytest.fixture(scope="module")
def bin_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with an `avgctl` on PATH: this checkout, with the interpreter of the tests."""
    folder = tmp_path_factory.mktemp("bin")
    wrapper = folder / "avgctl"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m avgctl "$@"\n')
    wrapper.chmod(0o755)
    return folder


def _avgctl(bin_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["avgctl", *args], capture_output=True, text=True, timeout=60,
                          env=_omgeving(bin_dir, **env), check=False)


def test_the_command_and_its_help_are_dutch(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("completion", "--help")
    assert result.exit_code == 0
    assert result.out.startswith("Gebruik: avgctl completion SHELL\n")
    assert "De shell: bash, zsh of fish." in result.out
    assert 'eval "$(avgctl completion bash)"' in result.out


@pytest.mark.parametrize("shell", ["tcsh", "powershell", ""])
def test_an_unknown_shell_is_a_usage_error(cli, shell: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("completion", shell)
    assert result.exit_code == 2
    assert result.out == ""
    assert result.err == f"fout: onbekende shell {shell!r}; kies uit: bash, zsh, fish\n"


@pytest.mark.parametrize("shell", SHELLS)
def test_each_script_calls_avgctl_back(cli, shell: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("completion", shell)
    assert result.exit_code == 0 and result.err == ""
    assert f"_AVGCTL_COMPLETE=complete_{shell}" in result.out
    assert result.out.endswith("\n") and "\x1b" not in result.out


def test_the_bash_script_exactly(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("completion", "bash").out == (
        "_avgctl_completion() {\n"
        "    local IFS=$'\n'\n"
        '    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\\n'
        "                   COMP_CWORD=$COMP_CWORD \\\n"
        "                   _AVGCTL_COMPLETE=complete_bash $1 ) )\n"
        "    return 0\n"
        "}\n"
        "\n"
        "complete -o default -F _avgctl_completion avgctl\n")


# The protocol each script speaks, without the shell: what avgctl answers.
def test_bash_request(bin_dir: Path) -> None:
    result = _avgctl(bin_dir, _AVGCTL_COMPLETE="complete_bash", COMP_WORDS="avgctl verz",
                     COMP_CWORD="1")
    assert (result.returncode, result.stdout, result.stderr) == (0, "verzoek\n", "")


def test_bash_request_for_a_subcommand_and_an_option(bin_dir: Path) -> None:
    sub = _avgctl(bin_dir, _AVGCTL_COMPLETE="complete_bash", COMP_WORDS="avgctl verzoek a",
                  COMP_CWORD="2")
    assert sub.stdout.split() == ["add", "afhandel"]
    optie = _avgctl(bin_dir, _AVGCTL_COMPLETE="complete_bash",
                    COMP_WORDS="avgctl check --str", COMP_CWORD="2")
    assert optie.stdout.split() == ["--strict"]


def test_zsh_request_carries_the_dutch_help(bin_dir: Path) -> None:
    result = _avgctl(bin_dir, _AVGCTL_COMPLETE="complete_zsh",
                     _TYPER_COMPLETE_ARGS="avgctl verz")
    assert result.returncode == 0
    assert result.stdout.startswith("_arguments '*: :((\"verzoek\":\"Verzoeken van betrokkenen")


def test_fish_request(bin_dir: Path) -> None:
    result = _avgctl(bin_dir, _AVGCTL_COMPLETE="complete_fish",
                     _TYPER_COMPLETE_FISH_ACTION="get-args", _TYPER_COMPLETE_ARGS="avgctl verz")
    assert result.returncode == 0
    assert result.stdout.startswith("verzoek\tVerzoeken van betrokkenen")


# The shells themselves, with the script loaded as the README says.
@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is niet geïnstalleerd")
def test_bash_completes_verz_to_verzoek(bin_dir: Path) -> None:
    script = ('eval "$(avgctl completion bash)"\n'
              'COMP_WORDS=(avgctl verz); COMP_CWORD=1\n'
              'complete -p avgctl\n'
              '_avgctl_completion avgctl verz avgctl\n'
              'printf "<%s>\\n" "${COMPREPLY[@]}"\n')
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], capture_output=True,
                            text=True, timeout=60, env=_omgeving(bin_dir), check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "complete -o default -F _avgctl_completion avgctl\n<verzoek>\n"


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is niet geïnstalleerd")
def test_fish_completes_verz_to_verzoek(bin_dir: Path, tmp_path: Path) -> None:
    script = 'avgctl completion fish | source\ncomplete -C "avgctl verz"\n'
    result = subprocess.run(["fish", "--no-config", "-c", script], capture_output=True,
                            text=True, timeout=60, check=False,
                            env=_omgeving(bin_dir, HOME=str(tmp_path),
                                          XDG_CONFIG_HOME=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("verzoek\tVerzoeken van betrokkenen"), result.stdout
    assert result.stdout.count("\n") == 1


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is niet geïnstalleerd")
def test_zsh_registers_and_answers(bin_dir: Path, tmp_path: Path) -> None:
    # zsh completes only in its line editor; here the function is called as the completion
    # system would, with _arguments (zsh's own) replaced by one that prints what it was given.
    script = ('autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump"\n'
              'eval "$(avgctl completion zsh)"\n'
              'print -r -- "compdef: $_comps[avgctl]"\n'
              '_arguments() { print -r -- "$@" }\n'
              'words=(avgctl verz); CURRENT=2\n'
              '_avgctl_completion\n')
    result = subprocess.run(["zsh", "-f", "-c", script], capture_output=True, text=True,
                            timeout=60, check=False, env=_omgeving(bin_dir, HOME=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "compdef: _avgctl_completion"
    assert lines[1].startswith('*: :(("verzoek":"Verzoeken van betrokkenen'), lines


"""Shell completion: the script for bash, zsh or fish, and the answer to a completion request.

The shell asks avgctl itself which words fit, through the environment variable
``_AVGCTL_COMPLETE`` (Typer's mechanism on top of click's). The script only wires that up, so
completion always knows the commands and options of the avgctl that is installed.
"""

from __future__ import annotations

import os
from typing import Any

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_AVGCTL_COMPLETE"


def gevraagd() -> bool:
    """Whether this run is a completion request from the shell rather than a command."""
    return bool(os.environ.get(COMPLETE_VAR))


def installeer() -> None:
    """Register Typer's completion classes (the ones that answer ``complete_bash`` and the like).

    Only for a completion request or when a script is asked for: `avgctl --help` stays fast.
    """
    from typer._completion_classes import completion_init

    completion_init()


def script(command: Any, shell: str) -> str:
    """The script that makes ``shell`` complete avgctl's commands and options."""
    from typer._click.shell_completion import get_completion_class

    installeer()
    cls = get_completion_class(shell)
    if cls is None:  # pragma: no cover - the command only accepts SHELLS
        raise ValueError(shell)
    complete = cls(command, {}, "avgctl", COMPLETE_VAR)
    # The template itself: Typer's bash source() would first start a bash to warn in English
    # about versions before 4.4.
    return str(complete.source_template % complete.source_vars()).strip() + "\n"

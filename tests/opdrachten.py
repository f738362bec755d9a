"""Whether a command line names an avgctl command and options that exist, read from the CLI.

For files that tell others how to call avgctl (the pre-commit hooks, the CI workflows that
`avgctl init --ci` writes): a renamed command or option must fail a test, not a user's CI.
"""

from __future__ import annotations

from typing import Any

import typer.main

from avgctl.cli.app import app


def bestaat(args: list[str]) -> Any:
    """The command ``avgctl ARGS`` calls; fails when a command, option or argument is unknown.

    Values may be shell variables ("$VERKLARINGEN"): only their place is checked.
    """
    command: Any = typer.main.get_command(app)
    rest = list(args)
    path = ["avgctl"]
    while rest and hasattr(command, "commands") and not rest[0].startswith("-"):
        naam = rest.pop(0)
        assert naam in command.commands, f"{' '.join(path)} kent geen opdracht {naam!r}"
        command = command.commands[naam]
        path.append(naam)
    assert not hasattr(command, "commands"), f"{' '.join(path)} is een groep, geen opdracht"
    opties = {o: p for p in command.params for o in (*p.opts, *p.secondary_opts)
              if p.param_type_name == "option"}
    argumenten = [p for p in command.params if p.param_type_name == "argument"]
    gegeven = 0
    while rest:
        woord = rest.pop(0)
        if woord.startswith("-") and woord != "-":
            naam, _, waarde = woord.partition("=")
            assert naam in opties, f"{' '.join(path)} kent geen optie {naam}"
            param = opties[naam]
            if not param.is_flag and not waarde:
                assert rest, f"{' '.join(path)} {naam} mist een waarde"
                rest.pop(0)
        else:
            gegeven += 1
    assert gegeven <= len(argumenten), f"{' '.join(path)}: te veel argumenten in {args}"
    return command

"""``python -m avgctl`` and the ``avgctl`` console script."""

from __future__ import annotations

import contextlib
import os
import sys


def main() -> None:
    # The retention scan and the list of every request read their own plain command lines
    # (cli/snel.py): on large registers building the Typer app would be a sizeable share of
    # their time. Anything else goes to Typer.
    from avgctl.cli.snel import uitvoeren

    code = uitvoeren(sys.argv[1:])
    if code is None:
        from avgctl.cli.app import main as cli_main

        code = cli_main()
    # A large register is hundreds of thousands of objects; tearing them down one by one at
    # exit takes longer than some commands themselves. Everything is written and closed by
    # now, so leave at once.
    for stream in (sys.stdout, sys.stderr):
        # the reader may have gone away (avgctl ... | head): nothing left to say then
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()

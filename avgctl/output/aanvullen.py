"""``avgctl completion SHELL``: the completion script, as it is, for ``eval`` or a file."""

from __future__ import annotations

import sys


def write_script(script: str) -> None:
    # Raw, not through rich: the shell reads this, and markup or wrapping would break it.
    sys.stdout.write(script)

"""``avgctl schema``: the schemas as JSON on stdout, or one line per written file."""

from __future__ import annotations

import sys
from pathlib import Path


def write_json(text: str) -> None:
    # Raw, not through rich: the JSON is meant for a pipe or a redirect, and rich would wrap
    # or colour it.
    sys.stdout.write(text)


def written(path: Path, bestand: str) -> None:
    from rich.markup import escape

    from avgctl.output.console import stdout

    stdout().print(f"{escape(str(path))} geschreven (voor {escape(bestand)})")

"""The rich consoles: results on stdout, errors on stderr.

Created per call so that a redirected ``sys.stdout`` (tests, pipes) is honoured. ``soft_wrap``
keeps every finding on one line, so ``file:line:col`` stays clickable and greppable.
"""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def geen_kleur() -> bool:
    """True when NO_COLOR is set to anything but the empty string (https://no-color.org).

    Then avgctl writes no escape codes at all, also not for bold or dim: the text is exactly
    what a pipe gets, whatever FORCE_COLOR or the terminal says.
    """
    return os.environ.get("NO_COLOR", "") != ""


def _console(file: IO[str], width: int | None = None) -> Console:
    from rich.console import Console

    # color_system None: rich then writes no styles at all; auto: what the terminal supports.
    return Console(file=file, soft_wrap=True, highlight=False, width=width,
                   color_system=None if geen_kleur() else "auto")


def stdout() -> Console:
    # In a pipe or file nobody wraps for a screen: tables keep one row per line.
    width = None if sys.stdout.isatty() else 10_000
    return _console(sys.stdout, width)


def stderr() -> Console:
    return _console(sys.stderr)


def regel(text: str = "") -> None:
    """One line of plain text on stdout (register text is never read as markup)."""
    stdout().print(text, markup=False)


def warning(message: str) -> None:
    from rich.markup import escape

    stderr().print(f"[yellow]let op:[/] {escape(message)}")


def error(message: str, hint: str = "") -> None:
    from rich.markup import escape

    console = stderr()
    console.print(f"[bold red]fout:[/] {escape(message)}")
    if hint:
        console.print(f"  {escape(hint)}")

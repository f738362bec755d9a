"""The rich consoles: results on stdout, errors on stderr.

Created per call so that a redirected ``sys.stdout`` (tests, pipes) is honoured. ``soft_wrap``
keeps every finding on one line, so ``file:line:col`` stays clickable and greppable.
"""

from __future__ import annotations

import sys

from rich.console import Console


def stdout() -> Console:
    # In a pipe or file nobody wraps for a screen: tables keep one row per line.
    width = None if sys.stdout.isatty() else 10_000
    return Console(file=sys.stdout, soft_wrap=True, highlight=False, width=width)


def stderr() -> Console:
    return Console(file=sys.stderr, soft_wrap=True, highlight=False)


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

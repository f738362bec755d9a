"""Exceptions that the CLI error boundary turns into Dutch messages and exit codes."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3


class AvgctlError(Exception):
    """A domain error with a Dutch message for the user (exit 1)."""

    exit_code = EXIT_FINDINGS


class UsageError(AvgctlError):
    """Wrong options or an unreadable repository (exit 2)."""

    exit_code = EXIT_USAGE


class Afgebroken(AvgctlError):
    """The person stopped answering (Ctrl-C or Ctrl-D at a question): nothing is written."""

    exit_code = 130

"""Where the repository is: ``--repo``, or the nearest folder upwards with avgctl.yaml.

Kept apart from the register loader (store/repo.py) so that a command which reads one or two
files, such as the retention scan, finds the repository without loading every model.
"""

from __future__ import annotations

from pathlib import Path

from avgctl.errors import UsageError

CONFIG_FILE = "avgctl.yaml"
BEWAARTERMIJNEN_FILE = "registers/bewaartermijnen.yaml"


def find_repo(explicit: Path | None, start: Path) -> Path:
    """``--repo`` if given, else the nearest directory at or above ``start`` with avgctl.yaml."""
    if explicit is not None:
        if not explicit.is_dir():
            raise UsageError(f"map {explicit} bestaat niet")
        if not (explicit / CONFIG_FILE).exists():
            raise UsageError(
                f"{explicit} is geen compliance-repository: er staat geen {CONFIG_FILE} in"
            )
        return explicit
    for directory in (start, *start.parents):
        if (directory / CONFIG_FILE).exists():
            return directory
    raise UsageError(
        f"geen compliance-repository gevonden: geen {CONFIG_FILE} in {start} of een map "
        "daarboven; geef de map op met --repo"
    )

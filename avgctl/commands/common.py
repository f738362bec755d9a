"""What several commands share: the repository and the day they run for."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from avgctl.errors import UsageError
from avgctl.store.register import Register


def parse_vandaag(value: str | None) -> dt.date | None:
    return parse_datum(value, "--vandaag")


def parse_datum(value: str | None, optie: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{optie} {value!r} is geen datum; schrijf JJJJ-MM-DD, "
                         "bijvoorbeeld 2026-03-27") from None


def vandaag(explicit: dt.date | None, register: Register) -> dt.date:
    """The day a command runs for: ``--vandaag``, else today in the organisation's zone.

    This is the one place that reads the clock; the domain always gets the day passed in.
    """
    if explicit is not None:
        return explicit
    zone = "Europe/Amsterdam"
    if register.config is not None:
        zone = register.config.model.beleid.tijdzone
    return dt.datetime.now(ZoneInfo(zone)).date()


def zone(register: Register) -> ZoneInfo:
    return ZoneInfo(register.config.model.beleid.tijdzone if register.config is not None
                    else "Europe/Amsterdam")


def parse_nu(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--nu {value!r} is geen tijdstip; schrijf JJJJ-MM-DDTuu:mm, "
                         "bijvoorbeeld 2026-03-30T09:00") from None


def nu(explicit: dt.datetime | None, dag: dt.date, register: Register,
       vandaag_gegeven: bool) -> dt.datetime:
    """The moment a command runs for, in the organisation's zone.

    ``--nu`` (a time without offset is read in the organisation's zone); else with
    ``--vandaag`` the start of that day; else the clock.
    """
    zone = ZoneInfo(register.config.model.beleid.tijdzone if register.config is not None
                    else "Europe/Amsterdam")
    if explicit is not None:
        return explicit if explicit.tzinfo is not None else explicit.replace(tzinfo=zone)
    if vandaag_gegeven:
        return dt.datetime.combine(dag, dt.time(0), zone)
    return dt.datetime.now(zone)


def cwd() -> Path:
    return Path(os.getcwd())


def open_register(repo: Path | None, delen: frozenset[str] | None = None,
                  verzoeken: Literal["alle", "open", "ruw"] = "alle") -> Register:
    """Find the repository (``--repo`` or upwards from here) and load it, or only ``delen``."""
    from avgctl.store.repo import ALLES, find_repo, load_register

    register = load_register(find_repo(repo, cwd()), delen or ALLES, verzoeken)
    # Kept until the process ends: freeing a large register object by object when the command
    # returns costs more time than the process needs to exit (the console script leaves with
    # os._exit, see __main__).
    _geladen[:] = [register]
    return register


_geladen: list[Register] = []


REGISTER = frozenset({"partijen", "bewaartermijnen", "verwerkingen"})
VERZOEKEN = frozenset({"verzoeken"})
TERMIJNEN = frozenset({"verzoeken", "datalekken"})


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise UsageError(f"onbekend formaat {fmt!r}; kies uit: {', '.join(allowed)}")
    return fmt

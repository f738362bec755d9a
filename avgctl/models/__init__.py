"""Pydantic models: the single definition of every register record, with Dutch field names.
May import only errors, findings and each other; knows no files and no clock."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from avgctl.models.bewaartermijn import Bewaartermijn
    from avgctl.models.datalek import Datalek
    from avgctl.models.organisatie import Config, Organisatie
    from avgctl.models.partij import Partij
    from avgctl.models.verwerking import Gegeven, Verwerking

# Each model is built when it is first asked for: a command that reads one file (the retention
# scan reads only the retention rules) does not pay for building every other model.
_WAAR = {"Bewaartermijn": "bewaartermijn", "Config": "organisatie", "Datalek": "datalek",
         "Gegeven": "verwerking", "Organisatie": "organisatie", "Partij": "partij",
         "Verwerking": "verwerking"}

__all__ = ["Bewaartermijn", "Config", "Datalek", "Gegeven", "Organisatie", "Partij", "Verwerking"]


def __getattr__(name: str) -> Any:
    if name not in _WAAR:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WAAR[name]}"), name)
    globals()[name] = value
    return value

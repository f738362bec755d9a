"""The countries of the EEA and the adequacy decisions, read from the package's data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from avgctl.store.yamlfile import parse_yaml


@dataclass(frozen=True)
class Landen:
    eer: frozenset[str]
    adequaatheid: dict[str, dict[str, Any]]
    dpf: frozenset[str]

    def adequaat(self, land: str, op: dt.date) -> bool:
        besluit = self.adequaatheid.get(land)
        if besluit is None or land in self.dpf:
            return False
        van, tot = besluit.get("van"), besluit.get("tot")
        return (van is None or van <= op) and (tot is None or op <= tot)


@cache
def landen() -> Landen:
    text = resources.files("avgctl.data").joinpath("landen.yaml").read_text("utf-8")
    data = parse_yaml(text, "avgctl/data/landen.yaml").data
    return Landen(frozenset(data["eer"]), dict(data["adequaatheid"]), frozenset(data["dpf"]))

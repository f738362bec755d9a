"""Every retention rule with what uses it (``avgctl bewaartermijnen list``).

Pure: reads the loaded register. An activity uses a rule for every data type that names it,
and for every data type without a rule of its own when the activity names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from avgctl.bewaartermijnen.tekst import berekenbaar, beschrijving
from avgctl.models.bewaartermijn import Bewaartermijn
from avgctl.store.register import Register
from avgctl.verwerkingen.views import bewaartermijn_van, gesorteerd


@dataclass
class Gebruik:
    verwerking: str
    naam: str
    gegevens: list[str] = field(default_factory=list)  # the data types under this rule


@dataclass(frozen=True)
class Regel:
    id: str
    regel: Bewaartermijn
    tekst: str
    tekst_en: str
    berekenbaar: bool
    file: str
    gebruik: list[Gebruik]


def regels(register: Register) -> list[Regel]:
    per_regel: dict[str, dict[str, Gebruik]] = {}
    for bron in gesorteerd(register):
        v = bron.model
        for index, gegeven in enumerate(v.gegevens):
            termijn = bewaartermijn_van(v, index)
            if termijn:
                gebruik = per_regel.setdefault(termijn, {}).setdefault(
                    v.id, Gebruik(v.id, v.naam))
                gebruik.gegevens.append(gegeven.type)
        if v.bewaartermijn and not v.gegevens:
            per_regel.setdefault(v.bewaartermijn, {}).setdefault(v.id, Gebruik(v.id, v.naam))
    return [Regel(key, bron.model, beschrijving(bron.model, daarna=True),
                  beschrijving(bron.model, "en", daarna=True), berekenbaar(bron.model),
                  bron.file, list(per_regel.get(key, {}).values()))
            for key, bron in register.bewaartermijnen.items()]

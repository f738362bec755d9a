"""The register of processing activities for people: filters, lookups and plain-text values.

Pure functions over the loaded register (no I/O, no clock). The list and show commands, the
CSV and document exports and the VAR export all read the register through these, so a party
or a retention period is described the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from avgctl.bewaartermijnen.tekst import Taal, beschrijving
from avgctl.models import Verwerking
from avgctl.models.base import GRONDSLAG_ARTIKEL
from avgctl.store.register import Bron, Register

GRONDSLAG_TEKST: dict[str, str] = {
    "toestemming": "toestemming",
    "overeenkomst": "uitvoering van een overeenkomst",
    "wettelijke_verplichting": "wettelijke verplichting",
    "vitaal_belang": "vitaal belang",
    "publieke_taak": "taak van algemeen belang of openbaar gezag",
    "gerechtvaardigd_belang": "gerechtvaardigd belang",
}


@dataclass(frozen=True)
class Filter:
    grondslag: str | None = None
    betrokkene: str | None = None
    partij: str | None = None
    bijzonder: bool = False

    def matches(self, v: Verwerking) -> bool:
        if self.grondslag and self.grondslag not in grondslagen(v):
            return False
        if self.betrokkene and self.betrokkene not in v.betrokkenen:
            return False
        if self.partij and self.partij not in partij_ids(v):
            return False
        return not self.bijzonder or bool(v.bijzondere_gegevens or v.strafrechtelijke_gegevens)


def gesorteerd(register: Register) -> list[Bron[Verwerking]]:
    """Activities in the order of the process model: 10.2.1 before 10.10.1."""
    return sorted(register.verwerkingen, key=lambda b: _sleutel(b.model.id))


def _sleutel(verwerking_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in verwerking_id.split("."))


def filter_verwerkingen(register: Register, criteria: Filter) -> list[Bron[Verwerking]]:
    return [b for b in gesorteerd(register) if criteria.matches(b.model)]


def find(register: Register, verwerking_id: str) -> Bron[Verwerking] | None:
    return next((b for b in register.verwerkingen if b.model.id == verwerking_id), None)


def grondslagen(v: Verwerking) -> list[str]:
    """The activity's basis, then any other basis a data type has, without repeats."""
    found = [v.grondslag] if v.grondslag else []
    found += [g.grondslag for g in v.gegevens if g.grondslag]
    return list(dict.fromkeys(found))


def grondslag_tekst(grondslag: str | None) -> str:
    if not grondslag:
        return ""
    return f"{GRONDSLAG_TEKST[grondslag]} ({GRONDSLAG_ARTIKEL[grondslag]})"


def partij_ids(v: Verwerking) -> list[str]:
    ids = list(v.ontvangers or []) + list(v.verwerkingsverantwoordelijken)
    for gegeven in v.gegevens:
        ids += gegeven.verwerkers + list(gegeven.ontvangers or [])
    return list(dict.fromkeys(ids))


def partij_naam(register: Register, partij_id: str) -> str:
    bron = register.partij(partij_id)
    return bron.model.naam if bron is not None else partij_id


def namen(register: Register, ids: list[str] | None) -> str:
    return ", ".join(partij_naam(register, i) for i in ids or [])


def bewaartermijn_tekst(register: Register, termijn_id: str | None, taal: Taal = "nl") -> str:
    """'10 jaar na sluiten laatste dossier', or the criterion, or the id when it is unknown."""
    if not termijn_id:
        return ""
    bron = register.bewaartermijnen.get(termijn_id)
    if bron is None:
        return termijn_id
    return beschrijving(bron.model, taal) or termijn_id


def ontvangers_van(v: Verwerking, index: int) -> list[str] | None:
    """Recipients of one data type: its own list, else the activity's."""
    eigen = v.gegevens[index].ontvangers
    return eigen if eigen is not None else v.ontvangers


def bewaartermijn_van(v: Verwerking, index: int) -> str | None:
    return v.gegevens[index].bewaartermijn or v.bewaartermijn


def dpia_tekst(v: Verwerking) -> str:
    if v.dpia is None:
        return ""
    if not v.dpia.nodig:
        return "niet nodig"
    if v.dpia.uitgevoerd is None:
        return "nodig, niet uitgevoerd"
    return f"uitgevoerd {v.dpia.uitgevoerd.isoformat()}"

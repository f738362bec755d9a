"""The register as a table: one row per activity per data type (the model register's columns).

The columns follow the model register of the bailiffs' privacy handbook (reference 002):
process model numbers, purpose, basis and owner per activity, and per data type its data
subject, own basis, source, processors, recipients, systems, retention and security.
"""

from __future__ import annotations

from avgctl.models import Verwerking
from avgctl.store.register import Register
from avgctl.verwerkingen.views import (
    bewaartermijn_tekst,
    bewaartermijn_van,
    dpia_tekst,
    gesorteerd,
    namen,
    ontvangers_van,
)

KOLOMMEN = [
    "sectie", "proces", "verwerking", "naam", "doel", "grondslag", "grondslag_bron",
    "eigenaar", "betrokkenen", "gegevenstype", "betrokkene", "grondslag_gegevenstype",
    "wettelijke_basis", "bron", "verwerkers", "ontvangers", "systemen", "bewaartermijn",
    "beveiliging", "beveiliging_organisatie", "bijzondere_gegevens", "dpia",
]


def rijen(register: Register) -> list[list[str]]:
    """Header plus rows, every value a string, in process-model order."""
    result = [KOLOMMEN]
    config = register.config.model if register.config is not None else None
    # The organisation's baseline holds for every row; its own column keeps apart what is
    # specific to the activity (AVG107).
    basis = ", ".join(config.organisatie.beveiliging) if config is not None else ""
    for bron in gesorteerd(register):
        result += _rijen(register, bron.model, basis)
    return result


def _rijen(register: Register, v: Verwerking, basis: str) -> list[list[str]]:
    parts = v.id.split(".")
    activiteit = [
        parts[0], ".".join(parts[:2]), v.id, v.naam, v.doel or "", v.grondslag or "",
        v.grondslag_bron or "", v.eigenaar or "", ", ".join(v.betrokkenen),
    ]
    slot = [
        ", ".join(f"{b.categorie} (art. 9 lid 2 sub {b.uitzondering or '?'})"
                  for b in v.bijzondere_gegevens),
        dpia_tekst(v),
    ]
    if not v.gegevens:
        return [[*activiteit, *[""] * 9, basis, *slot]]
    rows = []
    for index, g in enumerate(v.gegevens):
        rows.append([
            *activiteit,
            g.type, g.betrokkene or "", g.grondslag or v.grondslag or "",
            g.wettelijke_basis or "", g.bron or "", namen(register, g.verwerkers),
            namen(register, ontvangers_van(v, index)), ", ".join(g.systemen),
            bewaartermijn_tekst(register, bewaartermijn_van(v, index)),
            # A data item's own measures come on top of the activity's (models.verwerking).
            ", ".join(dict.fromkeys([*v.beveiliging, *g.beveiliging])),
            basis,
            *slot,
        ])
    return rows

"""``registers/bewaartermijnen.yaml``: named retention rules (DOMAIN.md §5).

The AVG sets no periods itself (art. 5(1)(e)); the controller fixes a period or the criteria
for it, and records it (art. 30(1)(f)). A rule has a length and the event it runs from, or a
criterion when no length can be given, or is ``onbeperkt`` with a motivation.
"""

from __future__ import annotations

from pydantic import field_validator

from avgctl.bewaartermijnen.duur import parse_duur
from avgctl.models.base import Model


class Bewaartermijn(Model):
    duur: str | None = None  # "10 jaar", "4 weken", "onbeperkt"
    na: str | None = None  # trigger: sluiten_dossier, einde_dienstverband, ...
    criterium: str | None = None  # when no length can be fixed: "zolang het abonnement loopt"
    bron: str | None = None  # the law or policy the period comes from
    motivatie: str | None = None
    omschrijving: str | None = None

    @field_validator("duur")
    @classmethod
    def _valid_duur(cls, value: str | None) -> str | None:
        if value is not None:
            parse_duur(value)
        return value

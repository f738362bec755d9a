"""``registers/bewaartermijnen.yaml``: named retention rules (DOMAIN.md §5).

The AVG sets no periods itself (art. 5(1)(e)); the controller fixes a period or the criteria
for it, and records it (art. 30(1)(f)). A rule has a length and the event it runs from, or a
criterion when no length can be given, or is ``onbeperkt`` with a motivation.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from avgctl.models.base import Model
from avgctl.models.duur import parse_duur


class Bewaartermijn(Model):
    """Een bewaartermijn met een naam, waarnaar verwerkingen verwijzen.

    Art. 5 lid 1 sub e en art. 30 lid 1 sub f AVG. Geef een duur met de gebeurtenis waarna hij
    loopt, of een criterium, of 'onbeperkt' met een motivatie.
    """

    duur: str | None = Field(  # "10 jaar", "4 weken", "onbeperkt"
        default=None,
        description="Hoe lang de gegevens bewaard blijven: een aantal dagen, weken, maanden of "
        "jaar (bijvoorbeeld '10 jaar'), of 'onbeperkt' met een motivatie.",
    )
    na: str | None = Field(  # trigger: sluiten_dossier, einde_dienstverband, ...
        default=None,
        description="De gebeurtenis waarna de termijn begint te lopen, bijvoorbeeld "
        "sluiten_dossier of einde_dienstverband.",
    )
    criterium: str | None = Field(  # when no length can be fixed: "zolang het abonnement loopt"
        default=None,
        description="Het criterium waarmee de termijn wordt bepaald, als er geen vaste duur te "
        "geven is (bijvoorbeeld 'zolang het abonnement loopt').",
    )
    bron: str | None = Field(  # the law or policy the period comes from
        default=None,
        description="De wet, richtlijn of het eigen beleid waaruit de termijn voortkomt.",
    )
    motivatie: str | None = Field(
        default=None,
        description="Waarom deze termijn nodig is; verplicht bij een onbeperkte duur.",
    )
    omschrijving: str | None = Field(
        default=None,
        description="Welke gegevens of dossiers onder deze termijn vallen, in gewone woorden.",
    )

    @field_validator("duur")
    @classmethod
    def _valid_duur(cls, value: str | None) -> str | None:
        if value is not None:
            parse_duur(value)
        return value

"""``registers/bewaartermijnen.yaml``: named retention rules (DOMAIN.md §5).

The AVG sets no periods itself (art. 5(1)(e)); the controller fixes a period or the criteria
for it, and records it (art. 30(1)(f)). A rule has a length and the event it runs from, or a
criterion when no length can be given, or is ``onbeperkt`` with a motivation. A rule with a
length is computable: ``avgctl.bewaartermijnen.evaluatie`` gives its end date.

``vanaf`` and ``daarna`` are plain strings, not Literals: an unknown value is a finding of
``avgctl check`` (AVG114) with a suggestion, not a load error that hides the rest of the rule.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from avgctl.models.base import Model
from avgctl.models.duur import parse_duur

# The plain parts live beside the pydantic-free reading of a rule (the retention scan's).
from avgctl.models.termijnvelden import DAARNA as DAARNA
from avgctl.models.termijnvelden import GEBEURTENIS_PATROON as GEBEURTENIS_PATROON
from avgctl.models.termijnvelden import VANAF as VANAF
from avgctl.models.termijnvelden import boekjaar_einde_van as boekjaar_einde_van


class Bewaartermijn(Model):
    """Een bewaartermijn met een naam, waarnaar verwerkingen verwijzen.

    Art. 5 lid 1 sub e en art. 30 lid 1 sub f AVG. Geef een duur met de gebeurtenis waarna hij
    loopt, of een criterium, of 'onbeperkt' met een motivatie.
    """

    duur: str | None = Field(  # "10 jaar", "4 weken", "24 uur", "direct", "onbeperkt"
        default=None,
        description="Hoe lang de gegevens bewaard blijven: een aantal uren, dagen, weken, "
        "maanden of jaar (bijvoorbeeld '10 jaar'), 'direct' (weg zodra de gebeurtenis voorbij "
        "is), of 'onbeperkt' met een motivatie.",
    )
    na: str | None = Field(  # trigger: sluiten_dossier, einde_dienstverband, ...
        default=None,
        pattern=GEBEURTENIS_PATROON,
        description="De gebeurtenis waarna de termijn begint te lopen, in kleine letters met "
        "liggende streepjes, bijvoorbeeld sluiten_dossier of einde_dienstverband.",
    )
    vanaf: str = Field(
        default="gebeurtenis",
        description="Vanaf wanneer de duur telt: gebeurtenis (de dag van de gebeurtenis, "
        "standaard), einde_kalenderjaar (31 december van het jaar van de gebeurtenis) of "
        "einde_boekjaar (het einde van het boekjaar waarin de gebeurtenis valt, zie "
        "beleid.boekjaar_einde).",
        json_schema_extra={"examples": list(VANAF)},
    )
    daarna: str = Field(
        default="vernietigen",
        description="Wat er na afloop met de gegevens gebeurt: vernietigen (standaard), "
        "anonimiseren (onomkeerbaar) of overbrengen (naar een archief).",
        json_schema_extra={"examples": list(DAARNA)},
    )
    criterium: str | None = Field(  # when no length can be fixed: "zolang het abonnement loopt"
        default=None,
        description="Het criterium waarmee de termijn wordt bepaald, als er geen vaste duur te "
        "geven is (bijvoorbeeld 'zolang het abonnement loopt'). avgctl rekent hier niet mee: "
        "zo'n termijn is 'niet te berekenen'.",
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
    # English words for the derived text (privacy statements in English, `--taal en`).
    na_en: str | None = Field(
        default=None,
        description="De gebeurtenis in het Engels als bijzin, voor Engelse teksten (zoals een "
        "Engelse privacyverklaring); zonder dit veld gebruikt avgctl een eigen vertaling van "
        "bekende gebeurtenissen.",
    )
    criterium_en: str | None = Field(
        default=None,
        description="Het criterium in het Engels, voor Engelse teksten.",
    )

    @field_validator("duur")
    @classmethod
    def _valid_duur(cls, value: str | None) -> str | None:
        if value is not None:
            parse_duur(value)
        return value

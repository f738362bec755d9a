"""The clocks of a breach (art. 33 AVG).

72 real hours from the moment of awareness: the moment is stored with its UTC offset and the
hours are added in UTC, so a DST change in between is counted right (10:00 CET on the Friday
before the spring change + 72 h = 11:00 CEST on Monday). Weekends and holidays do not stop
this clock. A processor tells us within the hours of its agreement (policy, 24 by default).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from avgctl.models.datalek import Datalek

UTC = dt.UTC


@dataclass(frozen=True)
class Datalektermijnen:
    ontdekt: dt.datetime  # in UTC
    ap: dt.datetime  # deadline for the notification to the AP, in UTC
    eerste_melding: dt.datetime | None  # the first notification that was not a withdrawal
    verwerker_uiterlijk: dt.datetime | None  # when the processor had to tell us
    verwerker_gemeld: dt.datetime | None

    @property
    def gemeld(self) -> bool:
        return self.eerste_melding is not None

    @property
    def te_laat_gemeld(self) -> bool:
        return self.eerste_melding is not None and self.eerste_melding > self.ap

    @property
    def verwerker_te_laat(self) -> bool:
        return (self.verwerker_uiterlijk is not None and self.verwerker_gemeld is not None
                and self.verwerker_gemeld > self.verwerker_uiterlijk)

    def uren_over(self, nu: dt.datetime) -> float:
        """Hours left until the AP deadline (negative: past)."""
        return (self.ap - nu).total_seconds() / 3600


def plus_uren(moment: dt.datetime, uren: int) -> dt.datetime:
    """``uren`` real hours after ``moment``: added in UTC, whatever the clocks did."""
    if moment.tzinfo is None:
        raise ValueError("een tijdstip zonder tijdzone kan niet worden doorgerekend")
    return moment.astimezone(UTC) + dt.timedelta(hours=uren)


def bereken(datalek: Datalek, melden_ap_uur: int = 72,
            verwerker_uur: int = 24) -> Datalektermijnen:
    meldingen = sorted(m.op.astimezone(UTC) for m in datalek.ap_meldingen
                       if m.soort != "intrekking")
    v = datalek.verwerker
    verwerker_uiterlijk = (plus_uren(v.verwerker_ontdekt_op, verwerker_uur)
                           if v is not None and v.verwerker_ontdekt_op is not None else None)
    return Datalektermijnen(
        ontdekt=datalek.ontdekt_op.astimezone(UTC),
        ap=plus_uren(datalek.ontdekt_op, melden_ap_uur),
        eerste_melding=meldingen[0] if meldingen else None,
        verwerker_uiterlijk=verwerker_uiterlijk,
        verwerker_gemeld=v.gemeld_aan_ons_op.astimezone(UTC)
        if v is not None and v.gemeld_aan_ons_op is not None else None,
    )

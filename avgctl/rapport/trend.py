"""The yearly trend analysis of breaches (reference 002, §10): counts per kind, cause and
severity, and how quickly the AP was told."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from typing import Any

from avgctl.datalekken.views import termijnen
from avgctl.store.register import Register


def trend(register: Register, jaar: int, tot: dt.date | None = None) -> dict[str, Any]:
    """Input for the yearly trend analysis of breaches (reference 002, §10).

    ``tot``: only breaches discovered up to that day, for a report on part of the year.
    """
    lekken = [b.model for b in register.datalekken if b.model.ontdekt_op.year == jaar
              and (tot is None or b.model.ontdekt_op.date() <= tot)]
    echte = [d for d in lekken if not d.geen_datalek]
    gemeld = []
    op_tijd = 0
    uren: list[float] = []
    for d in echte:
        t = termijnen(register, d)
        if t.gemeld:
            assert t.eerste_melding is not None
            gemeld.append(d)
            op_tijd += not t.te_laat_gemeld
            uren.append((t.eerste_melding - t.ontdekt).total_seconds() / 3600)
    soorten = Counter(s for d in echte for s in d.soort)
    return {
        "jaar": jaar,
        "incidenten": len(lekken),
        "geen_datalek": len(lekken) - len(echte),
        "datalekken": len(echte),
        "per_soort": dict(sorted(soorten.items())),
        "per_oorzaak": dict(sorted(Counter(d.oorzaak or "onbekend" for d in echte).items())),
        "per_ernst": dict(sorted(Counter(d.ernst or "niet vastgesteld" for d in echte).items())),
        "per_risico": dict(sorted(Counter(d.risico or "niet beoordeeld" for d in echte).items())),
        "gemeld_aan_ap": len(gemeld),
        "niet_gemeld": len(echte) - len(gemeld),
        "op_tijd_gemeld": op_tijd,
        "op_tijd_percentage": round(100 * op_tijd / len(gemeld)) if gemeld else None,
        "mediaan_uren_tot_melding": round(statistics.median(uren), 1) if uren else None,
        "via_verwerker": sum(d.verwerker is not None for d in echte),
        "betrokkenen_geinformeerd": sum(bool(d.betrokkenen_geinformeerd
                                             and d.betrokkenen_geinformeerd.op) for d in echte),
    }

"""The figures of the FG's report for one period: requests and breaches, each beside the
previous period (reference 002: the half-yearly privacy report to the board).

Pure: the loaded register and the period go in, plain data (ready for JSON) comes out.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from typing import Any

from avgctl.datalekken.views import termijnen as datalektermijnen
from avgctl.models.datalek import Datalek
from avgctl.models.verzoek import Verzoek
from avgctl.rapport.periode import Periode
from avgctl.store.register import Register
from avgctl.verzoeken.views import termijnen as verzoektermijnen

# Art. 33(1) AVG: notify the AP where feasible within 72 hours after becoming aware. The
# organisation's own policy (beleid.datalekken.melden_ap_uur) may be stricter; the report
# counts against the law, as the board asks whether the law was met.
WETTELIJK_UUR = 72
AFGEWEZEN = ("afgewezen", "gedeeltelijk_toegewezen")


def _mediaan(waarden: list[int]) -> float | None:
    if not waarden:
        return None
    return float(statistics.median(waarden))


def _geteld(items: Counter[str]) -> dict[str, int]:
    return dict(sorted(items.items()))


def verzoeken(register: Register, periode: Periode, tot: dt.date) -> dict[str, Any]:
    """The requests of ``periode`` up to and including ``tot`` (the period's end, or today
    while the period is still running).

    Received: by day of receipt. Answered, on time, handling days and refusals: by the day
    the answer went out (``afgehandeld_op``), so a request received in one period and answered
    in the next counts as answered in the next. On time: on or before the legal deadline of
    art. 12(3) AVG (extended when an extension was recorded; a pause never moves it), and on
    or before the organisation's own target (the policy in avgctl.yaml, pause included).
    """
    van = periode.van
    ontvangen: list[Verzoek] = []
    afgehandeld: list[Verzoek] = []
    op_tijd = op_tijd_intern = 0
    dagen: list[int] = []
    verlengd = 0
    for bron in register.verzoeken:
        v = bron.model
        if van <= v.ontvangen <= tot:
            ontvangen.append(v)
        if v.verlengd_op is not None and van <= v.verlengd_op <= tot:
            verlengd += 1
        if v.afgehandeld_op is None or not van <= v.afgehandeld_op <= tot:
            continue
        afgehandeld.append(v)
        t = verzoektermijnen(register, v)
        op_tijd += v.afgehandeld_op <= t.geldend_wettelijk
        op_tijd_intern += v.afgehandeld_op <= t.geldend_intern
        dagen.append((v.afgehandeld_op - v.ontvangen).days)
    afwijzingen = [v for v in afgehandeld if v.besluit in AFGEWEZEN]
    open_einde = sum(1 for bron in register.verzoeken
                     if bron.model.ontvangen <= tot and bron.model.status != "ingetrokken"
                     and (bron.model.afgehandeld_op is None or bron.model.afgehandeld_op > tot))
    return {
        "ontvangen": len(ontvangen),
        "afgehandeld": len(afgehandeld),
        "op_tijd": op_tijd,
        "te_laat": len(afgehandeld) - op_tijd,
        "op_tijd_intern": op_tijd_intern,
        "mediaan_dagen": _mediaan(dagen),
        "verlengd": verlengd,
        "ingetrokken": sum(v.status == "ingetrokken" for v in ontvangen),
        "afgewezen": len(afwijzingen),
        "per_afwijzingsgrond": _geteld(Counter(v.afwijzingsgrond or "geen_grond_vermeld"
                                               for v in afwijzingen)),
        "per_besluit": _geteld(Counter(v.besluit or "geen_besluit" for v in afgehandeld)),
        "per_type": _geteld(Counter(v.type for v in ontvangen)),
        "per_kanaal": _geteld(Counter(v.kanaal for v in ontvangen)),
        "open_aan_einde": open_einde,
    }


def ontdekt_op(datalek: Datalek) -> dt.date:
    """The day of awareness as the register records it (its own offset), as the yearly trend
    counts it."""
    return datalek.ontdekt_op.date()


def _binnen_72_uur(register: Register, datalek: Datalek) -> bool | None:
    t = datalektermijnen(register, datalek)
    if t.eerste_melding is None:
        return None
    return t.eerste_melding - t.ontdekt <= dt.timedelta(hours=WETTELIJK_UUR)


def _geevalueerd(datalek: Datalek) -> bool:
    # Counted when there is any evaluation at all: a text today, possibly a structured record
    # later (the field may gain parts such as a date and the lessons drawn).
    waarde = getattr(datalek, "evaluatie", None)
    return bool(waarde)


def datalekken(register: Register, periode: Periode, tot: dt.date) -> dict[str, Any]:
    """The breaches discovered in ``periode`` up to ``tot``, and what was done about them
    (art. 33 and 34 AVG; reference 002: follow-up and evaluation of serious breaches)."""
    lekken = [b.model for b in register.datalekken
              if periode.van <= ontdekt_op(b.model) <= tot]
    echte = [d for d in lekken if not d.geen_datalek]
    binnen = [_binnen_72_uur(register, d) for d in echte]
    ernstig = [d for d in echte if d.ernst == "matig_tot_ernstig" or d.risico == "hoog_risico"]
    informeren = [d.betrokkenen_geinformeerd for d in echte]
    return {
        "incidenten": len(lekken),
        "geen_datalek": len(lekken) - len(echte),
        "ontdekt": len(echte),
        "per_soort": _geteld(Counter(s for d in echte for s in d.soort)),
        "per_oorzaak": _geteld(Counter(d.oorzaak or "onbekend" for d in echte)),
        "per_ernst": _geteld(Counter(d.ernst or "niet_vastgesteld" for d in echte)),
        "gemeld_ap": sum(b is not None for b in binnen),
        "gemeld_binnen_72_uur": sum(b is True for b in binnen),
        "gemeld_na_72_uur": sum(b is False for b in binnen),
        "niet_gemeld": sum(b is None for b in binnen),
        "betrokkenen_geinformeerd": sum(bool(i and i.op) for i in informeren),
        "betrokkenen_uitzondering": sum(bool(i and i.uitzondering and not i.op)
                                        for i in informeren),
        "ernstig": len(ernstig),
        "evaluatie_gedaan": sum(_geevalueerd(d) for d in echte),
        "ernstig_zonder_evaluatie": sum(not _geevalueerd(d) for d in ernstig),
        "via_verwerker": sum(d.verwerker is not None for d in echte),
        "open_aan_einde": sum(d.afgesloten_op is None or d.afgesloten_op > tot for d in echte),
    }

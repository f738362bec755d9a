"""The deadlines of one request (art. 12(3) AVG), side by side with the internal targets.

- legal: one month after receipt; three months when extended, computed in one step from
  receipt (Regulation 1182/71; 31 Jan + 3 months = 30 Apr, never 28 Apr);
- the extension must be told to the data subject within the first month;
- internal: the organisation's own, stricter targets per request type (reference 002:
  erasure, rectification and restriction within 2 weeks + 2 weeks);
- identity verification: a number of working days after receipt;
- a recorded pause (waiting for a proof of identity) moves the internal target and gives a
  "legal deadline with pause"; the legal deadline without the pause is always shown as well,
  because whether the legal clock may be paused is not settled (DOMAIN.md §3).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from avgctl.models.duur import Duur, parse_duur
from avgctl.models.organisatie import Verzoekbeleid, Verzoektermijn
from avgctl.models.verzoek import Verzoek, Verzoektype
from avgctl.termijnen.kalender import DEFAULT, Feestdagenbeleid, volgende_werkdag, werkdagen_na
from avgctl.termijnen.periode import einde_termijn, plus_maanden, ruw_einde

EEN_MAAND = Duur(1, "maand")
DRIE_MAANDEN = Duur(3, "maand")


@dataclass(frozen=True)
class Verzoektermijnen:
    wettelijk: dt.date  # one month; also the last day to tell of an extension
    wettelijk_verlengd: dt.date  # three months from receipt
    intern: dt.date
    intern_verlengd: dt.date
    verificatie: dt.date
    pauze_dagen: int
    verlengd: bool
    # The legal deadline moved by the pause (then to a working day): shown, never relied on.
    wettelijk_met_pauze: dt.date

    @property
    def geldend_wettelijk(self) -> dt.date:
        """The legal deadline that applies now: extended or not, never with a pause."""
        return self.wettelijk_verlengd if self.verlengd else self.wettelijk

    @property
    def geldend_intern(self) -> dt.date:
        return self.intern_verlengd if self.verlengd else self.intern



def termijn_voor(beleid: Verzoekbeleid, type_: Verzoektype) -> Verzoektermijn:
    return beleid.per_type.get(type_, beleid.standaard)


def bereken(verzoek: Verzoek, beleid: Verzoekbeleid,
            feestdagen: Feestdagenbeleid = DEFAULT) -> Verzoektermijnen:
    return bereken_uit(verzoek.ontvangen, verzoek.type, verzoek.gepauzeerd_van,
                       verzoek.gepauzeerd_tot, verzoek.verlengd_op is not None, beleid,
                       feestdagen)


def bereken_uit(start: dt.date, type_: Verzoektype, gepauzeerd_van: dt.date | None,
                gepauzeerd_tot: dt.date | None, verlengd: bool, beleid: Verzoekbeleid,
                feestdagen: Feestdagenbeleid = DEFAULT) -> Verzoektermijnen:
    """``bereken`` from the only fields of a request its deadlines depend on."""
    eigen = termijn_voor(beleid, type_)
    termijn, verlenging = parse_duur(eigen.termijn), parse_duur(eigen.verlenging)
    pauze = _pauze_dagen(gepauzeerd_van, gepauzeerd_tot)
    shift = dt.timedelta(days=pauze)
    # A pause moves the raw end, which is then moved to a working day once (not twice).
    intern = (volgende_werkdag(ruw_einde(start, termijn) + shift, feestdagen) if pauze
              else einde_termijn(start, termijn, feestdagen))
    intern_verlengd = _einde_samen(start, termijn, verlenging, feestdagen, shift)
    wettelijk = einde_termijn(start, EEN_MAAND, feestdagen)
    wettelijk_verlengd = einde_termijn(start, DRIE_MAANDEN, feestdagen)
    geldend = wettelijk_verlengd if verlengd else wettelijk
    return Verzoektermijnen(
        wettelijk=wettelijk,
        wettelijk_verlengd=wettelijk_verlengd,
        intern=intern,
        intern_verlengd=intern_verlengd,
        verificatie=verificatie_uiterlijk(start, beleid, feestdagen),
        pauze_dagen=pauze,
        verlengd=verlengd,
        wettelijk_met_pauze=volgende_werkdag(
            ruw_einde(start, DRIE_MAANDEN if verlengd else EEN_MAAND)
            + shift, feestdagen) if pauze else geldend,
    )


def verificatie_uiterlijk(start: dt.date, beleid: Verzoekbeleid,
                          feestdagen: Feestdagenbeleid = DEFAULT) -> dt.date:
    """The last day to check the identity: the policy's working days after receipt. It
    depends on nothing else of the request (AVG708 computes it once per day of receipt)."""
    return werkdagen_na(start, beleid.verificatie_werkdagen, feestdagen)


def _pauze_dagen(van: dt.date | None, tot: dt.date | None) -> int:
    if van is None or tot is None:
        return 0
    return max((tot - van).days, 0)


def _einde_samen(start: dt.date, eerste: Duur, tweede: Duur,
                 feestdagen: Feestdagenbeleid, pauze: dt.timedelta = dt.timedelta()) -> dt.date:
    """End of two periods added together, in one step from ``start`` (1182/71)."""
    if eerste.eenheid == tweede.eenheid:
        assert eerste.aantal is not None and tweede.aantal is not None
        samen = Duur(eerste.aantal + tweede.aantal, eerste.eenheid)
        if not pauze:
            return einde_termijn(start, samen, feestdagen)
        return volgende_werkdag(ruw_einde(start, samen) + pauze, feestdagen)
    maanden, dagen = _in_maanden_en_dagen(eerste)
    extra_maanden, extra_dagen = _in_maanden_en_dagen(tweede)
    ruw = plus_maanden(start, maanden + extra_maanden) + dt.timedelta(days=dagen + extra_dagen)
    return volgende_werkdag(ruw + pauze, feestdagen)


def _in_maanden_en_dagen(duur: Duur) -> tuple[int, int]:
    aantal = duur.aantal or 0
    return {
        "dag": (0, aantal), "week": (0, 7 * aantal),
        "maand": (aantal, 0), "jaar": (12 * aantal, 0),
    }[duur.eenheid or "dag"]


def ruimer_dan_wet(eigen: Verzoektermijn) -> str | None:
    """Why an internal policy is looser than art. 12(3), or None when it is not.

    A policy must end on or before the legal deadline for every day of receipt: at most one
    month for the answer, three months with the extension. Month lengths differ, so every
    day of a four-year cycle (with its leap day) is tried; the holiday shift applies to both
    deadlines alike and is left out.
    """
    termijn, verlenging = parse_duur(eigen.termijn), parse_duur(eigen.verlenging)
    if termijn.onbeperkt or verlenging.onbeperkt:
        return "een onbeperkte termijn is ruimer dan de wet"
    maanden, dagen = _in_maanden_en_dagen(termijn)
    extra_maanden, extra_dagen = _in_maanden_en_dagen(verlenging)
    for offset in range(4 * 365 + 1):
        start = _CYCLUS + dt.timedelta(days=offset)
        eind = plus_maanden(start, maanden) + dt.timedelta(days=dagen)
        if eind > plus_maanden(start, 1):
            return f"de eigen termijn van {termijn} is langer dan de wettelijke maand"
        samen = plus_maanden(start, maanden + extra_maanden) + dt.timedelta(
            days=dagen + extra_dagen)
        if samen > plus_maanden(start, 3):
            return f"{termijn} plus {verlenging} verlenging is langer dan drie maanden"
    return None


_CYCLUS = dt.date(2024, 1, 1)

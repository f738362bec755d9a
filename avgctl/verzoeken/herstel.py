"""After a backup restore: the erasures, corrections and restrictions it undid.

A backup from day D still holds what was erased or corrected on D or later (the backup of D
may have been made before that day's erasure), up to the day of the restore. Those are done
again; ``opnieuw_toegepast_op`` on or after the restore day says that happened (reference 002,
§7.2 and §7.3; DOMAIN.md §5). Pure: the requests and the restores are passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from avgctl.models.herstel import Herstel
from avgctl.models.verzoek import Verzoek
from avgctl.store.register import Bron

SOORTEN = ("wissing", "rectificatie", "beperking")


@dataclass(frozen=True)
class Opnieuw:
    bron: Bron[Verzoek]
    gedaan: bool  # applied again on or after the restore day


def opnieuw(verzoeken: Iterable[Bron[Verzoek]], herstel: Herstel) -> list[Opnieuw]:
    """What the restore ``herstel`` undid, oldest first, and whether each was done again."""
    uit = []
    for bron in verzoeken:
        v = bron.model
        if (v.type not in SOORTEN or v.besluit not in ("toegewezen", "gedeeltelijk_toegewezen")
                or v.afgehandeld_op is None):
            continue
        gedaan = v.opnieuw_toegepast_op is not None and \
            v.opnieuw_toegepast_op >= herstel.teruggezet_op
        laatst = v.afgehandeld_op
        # Done again after an earlier restore, before this one: a backup made in between may
        # hold the data again, so that day counts as when they were last removed.
        if v.opnieuw_toegepast_op is not None and not gedaan:
            laatst = max(laatst, v.opnieuw_toegepast_op)
        if herstel.backup <= laatst <= herstel.teruggezet_op:
            uit.append(Opnieuw(bron, gedaan))
    return sorted(uit, key=lambda o: (o.bron.model.afgehandeld_op, o.bron.model.referentie))


def onbevestigd(verzoeken: list[Bron[Verzoek]],
                herstellingen: list[Herstel]) -> list[tuple[Herstel, int]]:
    """Every restore with something not yet done again, and how many."""
    uit = []
    for herstel in herstellingen:
        open_ = sum(1 for o in opnieuw(verzoeken, herstel) if not o.gedaan)
        if open_:
            uit.append((herstel, open_))
    return uit

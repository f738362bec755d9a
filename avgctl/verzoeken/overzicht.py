"""The access overview of art. 15(1) a-h AVG for one request, built from its activities.

What a data subject who asks for access receives beside the copy of the data: per activity the
purposes (a), the categories of data (b), the recipients (c), the retention in words (d), the
source where the data did not come from the person (g) and automated decisions (h); once for
all, the transfers outside the EEA with their safeguard (art. 15(2)), the rights (e) and the
complaint to the Autoriteit Persoonsgegevens (f). Everything is resolved here into plain
values; the words around them are in ``templates/brieven/verzoek-overzicht.md.j2``.

Pure: the register, the day and the retention wording are passed in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from avgctl.errors import AvgctlError
from avgctl.models import Verwerking
from avgctl.models.verzoek import Verzoek
from avgctl.privacyverklaring.inhoud import (
    Bewaartekst,
    doorgiften_van,
    partijen_van,
    verwerking_inhoud,
)
from avgctl.privacyverklaring.teksten import RECHTEN
from avgctl.store.register import VERWERKINGEN_DIR, Register
from avgctl.verzoeken.brieven import OVERZICHT_TITEL, afzender_regels


def activiteiten(register: Register, verzoek: Verzoek) -> list[Verwerking]:
    """The request's activities in its own order; refused when one is missing, because an
    overview without it would look complete when it is not (art. 15(1) AVG)."""
    if verzoek.type != "inzage":
        raise AvgctlError(f"{verzoek.referentie} is een verzoek om {verzoek.type}; het "
                          "overzicht van art. 15 lid 1 AVG hoort bij een inzageverzoek")
    if not verzoek.verwerkingen:
        raise AvgctlError(f"{verzoek.referentie} noemt geen verwerkingen; vul ze in met "
                          f"'avgctl verzoek update {verzoek.referentie} --verwerkingen IDS' "
                          "(zie 'avgctl verwerkingen list')")
    per_id = {b.model.id: b.model for b in register.verwerkingen}
    gekozen: list[Verwerking] = []
    for ref in dict.fromkeys(verzoek.verwerkingen):
        v = per_id.get(ref)
        if v is None:
            oorzaak = ("staat in een bestand dat fouten bevat"
                       if register.unverifiable(VERWERKINGEN_DIR, ref) else "bestaat niet")
            raise AvgctlError(f"het overzicht voor {verzoek.referentie} wordt niet gemaakt: "
                              f"verwerking '{ref}' {oorzaak}; zonder haar zou het overzicht "
                              "onvolledig zijn. Zie 'avgctl check'")
        gekozen.append(v)
    return gekozen


def overzicht(register: Register, verzoek: Verzoek, vandaag: dt.date,
              bewaartekst: Bewaartekst) -> dict[str, Any]:
    """Everything the overview for ``verzoek`` says, as plain data for the template."""
    gekozen = activiteiten(register, verzoek)
    config = register.config.model if register.config is not None else None
    org = config.organisatie if config is not None else None
    rechten = org.rechten if org is not None else None
    contact = org.contact if org is not None else None
    verwerkingen = []
    for v in gekozen:
        inhoud = verwerking_inhoud(register, v, "nl", bewaartekst)
        verwerkingen.append({
            **inhoud,
            "ontvangers": partijen_van(register, [v], "nl", verwerkers=False),
            "verwerkers": partijen_van(register, [v], "nl", verwerkers=True),
            # art. 15(1)(g): only what did not come from the person
            "bronnen": [{"type": g["type"], "bron": g["bron"]} for g in inhoud["gegevens"]
                        if g["bron"] and not g["van_u"]],
        })
    return {
        "titel": OVERZICHT_TITEL,
        "vandaag": vandaag,
        "afzender": afzender_regels(org, met_email=True),
        "organisatie": org.model_dump() if org is not None else {},
        "verzoek": {"referentie": verzoek.referentie, "ontvangen": verzoek.ontvangen},
        "verwerkingen": verwerkingen,
        "doorgiften": doorgiften_van(register, gekozen, "nl"),
        "rechten": [{"code": code, "naam": naam, "tekst": tekst}
                    for code, naam, tekst in RECHTEN["nl"]],
        "kanalen_rechten": {
            "email": rechten.email or "" if rechten is not None else "",
            "formulier": rechten.formulier or "" if rechten is not None else "",
            "postadres": rechten.postadres or "" if rechten is not None else "",
            "contact": contact.email or "" if contact is not None else "",
        },
    }

"""What the register document (Markdown and HTML) shows, as plain data for the templates.

Art. 30(1)(a) first: the organisation, its joint controllers, representative and FG; then
every activity grouped by the sections of the process model; then the parties and the
retention rules the activities refer to. Everything is resolved here, so the templates only
lay out text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from avgctl.models import Partij, Verwerking
from avgctl.models.verwerking import DPIA_AP_LIJST, DPIA_EDPB_CRITERIA
from avgctl.store.register import Register
from avgctl.verwerkingen.views import (
    bewaartermijn_tekst,
    bewaartermijn_van,
    dpia_tekst,
    gesorteerd,
    grondslag_tekst,
    namen,
    ontvangers_van,
    partij_ids,
)

RELATIE_TEKST = {
    "verwerker": "verwerker",
    "subverwerker": "subverwerker",
    "ontvanger": "ontvanger",
    "zelfstandig": "zelfstandig verwerkingsverantwoordelijke",
    "gezamenlijk": "gezamenlijk verwerkingsverantwoordelijke",
    "verwerkingsverantwoordelijke": "verwerkingsverantwoordelijke (wij zijn verwerker)",
}
MECHANISME_TEKST = {
    "adequaatheid": "adequaatheidsbesluit (art. 45 AVG)",
    "dpf": "EU-US Data Privacy Framework (art. 45 AVG)",
    "scc": "standaardcontractbepalingen (art. 46 AVG)",
    "bcr": "bindende bedrijfsvoorschriften (art. 47 AVG)",
    "art49": "uitzondering van art. 49 AVG",
}


def context(register: Register, vandaag: dt.date) -> dict[str, Any]:
    config = register.config.model if register.config is not None else None
    org = config.organisatie if config is not None else None
    procesmodel = config.procesmodel if config is not None else {}
    secties: list[dict[str, Any]] = []
    for bron in gesorteerd(register):
        v = bron.model
        if not secties or secties[-1]["nummer"] != v.sectie:
            secties.append({"nummer": v.sectie, "naam": procesmodel.get(v.sectie, ""),
                            "verwerkingen": []})
        secties[-1]["verwerkingen"].append(verwerking(register, v))
    partijen = sorted((b.model for b in register.partijen), key=lambda p: p.naam.lower())
    return {
        "vandaag": vandaag,
        "organisatie": org.model_dump() if org is not None else {},
        "gezamenlijk": [_partij(p) for p in partijen if p.relatie == "gezamenlijk"],
        "secties": secties,
        "partijen": [_partij(p) for p in partijen],
        "bewaartermijnen": [
            {"id": key, "tekst": bewaartermijn_tekst(register, key),
             "bron": b.model.bron or "", "motivatie": b.model.motivatie or ""}
            for key, b in sorted(register.bewaartermijnen.items())
        ],
    }


def verwerking(register: Register, v: Verwerking) -> dict[str, Any]:
    buiten_eer = [
        _partij(p.model) for i in partij_ids(v)
        if (p := register.partij(i)) is not None and p.model.doorgifte is not None
    ]
    return {
        "id": v.id,
        "naam": v.naam,
        "proces": v.proces or "",
        "eigenaar": v.eigenaar or "",
        "doel": v.doel or "",
        "grondslag": grondslag_tekst(v.grondslag),
        "grondslag_bron": v.grondslag_bron or "",
        "betrokkenen": v.betrokkenen,
        "gegevens": [{
            "type": g.type,
            "betrokkene": g.betrokkene or "",
            "grondslag": grondslag_tekst(g.grondslag) if g.grondslag else "",
            "wettelijke_basis": g.wettelijke_basis or "",
            "bron": g.bron or "",
            "verwerkers": namen(register, g.verwerkers),
            "ontvangers": _ontvangers(register, ontvangers_van(v, i)),
            "systemen": ", ".join(g.systemen),
            "bewaartermijn": bewaartermijn_tekst(register, bewaartermijn_van(v, i)),
        } for i, g in enumerate(v.gegevens)],
        "bijzondere_gegevens": [
            {"categorie": b.categorie.replace("_", " "), "uitzondering": b.uitzondering or "",
             "uavg": b.uavg or ""} for b in v.bijzondere_gegevens],
        "strafrechtelijk": v.strafrechtelijke_gegevens.grondslag or ""
        if v.strafrechtelijke_gegevens else "",
        "besluitvorming": v.geautomatiseerde_besluitvorming.model_dump()
        if v.geautomatiseerde_besluitvorming else None,
        "dpia": dpia_tekst(v),
        "dpia_criteria": [DPIA_AP_LIJST.get(c) or DPIA_EDPB_CRITERIA[c] for c in v.dpia_criteria],
        "beveiliging": v.beveiliging,
        # inherited from avgctl.yaml (organisatie.beveiliging), shown apart so a reader sees
        # what is specific to this activity
        "beveiliging_organisatie": _basisbeveiliging(register),
        "bewaartermijn_criterium": v.bewaartermijn_criterium or "",
        "buiten_eer": buiten_eer,
    }


def _ontvangers(register: Register, ids: list[str] | None) -> str:
    if ids is None:
        return "niet vermeld"
    return namen(register, ids) or "geen"


def _basisbeveiliging(register: Register) -> list[str]:
    config = register.config.model if register.config is not None else None
    return list(config.organisatie.beveiliging) if config is not None else []


def _partij(p: Partij) -> dict[str, Any]:
    overeenkomst = ""
    if p.overeenkomst is not None:
        overeenkomst = p.overeenkomst.soort.replace("_", " ")
        if p.overeenkomst.verloopt:
            overeenkomst += f", loopt tot {p.overeenkomst.verloopt.isoformat()}"
    return {
        "id": p.id,
        "naam": p.naam,
        "relatie": RELATIE_TEKST[p.relatie],
        "land": p.land or "land onbekend",
        "overeenkomst": overeenkomst,
        "doorgifte": MECHANISME_TEKST[p.doorgifte.mechanisme] if p.doorgifte else "",
    }

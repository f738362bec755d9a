"""The statement as JSON in the Transparency Information Language (TILT) where it fits.

TILT (the public schema of the Transparency-Information-Language project) describes the
information of art. 13 and 14 GDPR for machines: one ``dataDisclosed`` entry per purpose with
its bases, recipients, storage and whether providing the data is required. The schema allows
extra properties everywhere; what TILT has no place for (the target group, the change log, the
first layer) is kept under ``avgctl``. Built from the same content as the Markdown and HTML
versions, so the three cannot disagree.
"""

from __future__ import annotations

from typing import Any

from avgctl.models import Verwerking
from avgctl.models.duur import parse_duur
from avgctl.privacyverklaring.teksten import ARTIKEL_GRONDSLAG, Taal
from avgctl.store.register import Register

AP = {
    "name": "Autoriteit Persoonsgegevens",
    "address": "Postbus 93374, 2509 AJ Den Haag",
    "country": "NL",
    "url": "https://www.autoriteitpersoonsgegevens.nl",
}

_PERIODE = {"dag": "D", "maand": "M", "jaar": "Y"}


def _ttl(register: Register, termijn_id: str | None) -> str | None:
    """An ISO 8601 duration for a fixed retention length: '10 jaar' -> 'P10Y'."""
    bron = register.bewaartermijnen.get(termijn_id or "")
    if bron is None or not bron.model.duur:
        return None
    duur = parse_duur(bron.model.duur)
    if duur.aantal is None or duur.eenheid is None:
        return None
    if duur.eenheid == "uur":  # also 'direct' (0 hours)
        return f"PT{duur.aantal}H"
    if duur.eenheid == "week":  # TILT's pattern has no weeks
        return f"P{duur.aantal * 7}D"
    return f"P{duur.aantal}{_PERIODE[duur.eenheid]}"


def _ontvangers(register: Register, model: Verwerking) -> list[dict[str, Any]]:
    ids = [*(model.ontvangers or []), *(o for g in model.gegevens for o in g.ontvangers or [])]
    result = []
    for partij_id in dict.fromkeys(ids):
        bron = register.partij(partij_id)
        if bron is not None:
            p = bron.model
            result.append({"category": p.omschrijving or p.naam, "name": p.naam,
                           "country": p.land or ""})
    return result


def tilt(register: Register, inhoud: dict[str, Any]) -> dict[str, Any]:
    taal: Taal = inhoud["taal"]
    org = inhoud["organisatie"]
    kanalen = inhoud["kanalen_rechten"]
    fg = inhoud["fg"] or {}
    verwerkingen = {b.model.id: b.model for b in register.verwerkingen}
    email = kanalen["email"] or org["email"]
    url = kanalen["formulier"] or inhoud["url"]

    def recht(beschrijving: str, **extra: Any) -> dict[str, Any]:
        result: dict[str, Any] = {"available": True, "description": beschrijving}
        if url:
            result["url"] = url
        if email:
            result["email"] = email
        result.update(extra)
        return result

    rechten = {r["code"]: f"{r['naam']}: {r['tekst']}" for r in inhoud["rechten"]}
    disclosed = []
    bronnen = []
    besluiten = []
    for v in inhoud["verwerkingen"]:
        model = verwerkingen[v["id"]]
        legal = []
        if v["grondslag_code"]:
            letter = ARTIKEL_GRONDSLAG[v["grondslag_code"]]
            legal.append({"reference": f"GDPR-6-1-{letter}",
                          "description": "; ".join(filter(None, [
                              v["grondslag"], v["grondslag_artikel"], v["grondslag_bron"]]))})
        for b in model.bijzondere_gegevens:
            if b.uitzondering:
                legal.append({"reference": f"GDPR-9-2-{b.uitzondering}",
                              "description": b.uavg or b.categorie.replace("_", " ")})
        temporal, conditional = [], []
        for termijn in v["bewaartermijnen"]:
            ttl = _ttl(register, termijn["termijn"])
            if ttl is not None:
                temporal.append({"description": termijn["tekst"] or termijn["termijn"],
                                 "ttl": ttl})
            else:
                conditional.append(termijn["tekst"] or termijn["termijn"])
        storage: dict[str, Any] = {"aggregationFunction": "max"}
        if temporal:
            storage["temporal"] = temporal
        if conditional:
            storage["purposeConditional"] = conditional
        verstrekking = v["verstrekking"]
        soort = verstrekking["verplichting"] if verstrekking else "vrijwillig"
        disclosed.append({
            "_id": v["id"],
            "category": ", ".join(g["type"] for g in v["gegevens"]) or v["naam"],
            "purposes": [{"purpose": v["naam"], "description": v["doel"]}],
            "legalBases": legal,
            "legitimateInterests": [{"exists": True, "reasoning": v["belang"]}] if v["belang"]
            else [{"exists": False}],
            "recipients": _ontvangers(register, model),
            "storage": [storage],
            "nonDisclosure": {
                "legalRequirement": soort == "wettelijk",
                "contractualRegulation": soort in ("contractueel", "voorwaarde_overeenkomst"),
                "obligationToProvide": soort != "vrijwillig",
                "consequences": (verstrekking["gevolgen"] or verstrekking["tekst"])
                if verstrekking else "",
            },
        })
        for index, g in enumerate(v["gegevens"]):
            if not g["van_u"] and g["bron"]:
                bronnen.append({"_id": f"{v['id']}-{index + 1}", "dataCategory": g["type"],
                                "sources": [{"description": g["bron"], "url": "",
                                             "publiclyAvailable": False}]})
        if v["besluitvorming"]:
            besluiten.append(v["besluitvorming"])

    controller: dict[str, Any] = {"name": org["naam"], "address": org["adres"], "country": "NL"}
    vertegenwoordiger = inhoud["vertegenwoordiger"]
    if vertegenwoordiger:
        controller["representative"] = {"name": vertegenwoordiger.get("naam", ""),
                                        "email": vertegenwoordiger.get("email", "")}
    else:  # TILT asks for a contact person; without an EU representative: the privacy contact
        controller["representative"] = {"name": org["naam"], "email": email}
        if org["telefoon"]:
            controller["representative"]["phone"] = org["telefoon"]
    dpo: dict[str, Any] = {"name": fg.get("naam", ""), "address": org["adres"], "country": "NL",
                           "email": fg.get("email", "")}
    if fg.get("telefoon"):
        dpo["phone"] = fg["telefoon"]
    toestemming = [f"{v['naam']}: {v['toestemming']}" for v in inhoud["toestemming"]]
    return {
        "meta": {
            "_id": f"privacyverklaring-{inhoud['doelgroep']['id']}.{taal}",
            "name": org["naam"],
            "created": inhoud["datum"],
            "modified": inhoud["datum"],
            # TILT numbers a controller's documents: here the commits that changed the inputs
            "version": max(1, inhoud["versies"]),
            "language": taal,
            "status": "active",
            "url": inhoud["url"],
            "_hash": inhoud["hash"],
        },
        "controller": controller,
        "dataProtectionOfficer": dpo,
        "dataDisclosed": disclosed,
        "thirdCountryTransfers": [{
            "country": d["land"],
            "adequacyDecision": {"available": d["mechanisme"] in ("adequaatheid", "dpf"),
                                 "description": d["waarborg"]},
            "appropriateGuarantees": {"available": d["mechanisme"] in ("scc", "bcr"),
                                      "description": d["waarborg"]},
            "standardDataProtectionClause": {"available": d["mechanisme"] == "scc",
                                             "description": d["waarborg"]},
        } for d in inhoud["doorgiften"]],
        "accessAndDataPortability": recht(rechten["inzage"] + " " + rechten["overdraagbaarheid"],
                                          administrativeFee={"amount": 0, "currency": "EUR"}),
        "sources": bronnen,
        "rightToInformation": recht(rechten["inzage"]),
        "rightToRectificationOrDeletion": recht(rechten["rectificatie"] + " "
                                                + rechten["wissing"]),
        "rightToDataPortability": recht(rechten["overdraagbaarheid"]),
        "rightToWithdrawConsent": {"available": bool(toestemming),
                                   "description": " ".join(toestemming)} if toestemming
        else {"available": False},
        "rightToComplain": recht("Autoriteit Persoonsgegevens", supervisoryAuthority=AP),
        "automatedDecisionMaking": {
            "inUse": True,
            "logicInvolved": " ".join(b["beschrijving"] + ": " + b["logica"] for b in besluiten),
            "scopeAndIntendedEffects": " ".join(b["gevolgen"] for b in besluiten),
        } if besluiten else {"inUse": False},
        "changesOfPurpose": [],
        "avgctl": {
            "titel": inhoud["titel"],
            "doelgroep": inhoud["doelgroep"]["id"],
            "versie": inhoud["versie"],
            "laatst_gewijzigd": inhoud["datum"],
            "wijzigingen": [{"datum": w["datum"], "onderwerp": w["onderwerp"]}
                            for w in inhoud["wijzigingen"]],
            "termijn_verzoeken": inhoud["termijn"],
            "kanalen_rechten": kanalen,
        },
    }

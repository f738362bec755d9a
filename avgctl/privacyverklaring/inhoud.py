"""What a privacy statement for one target group says, built from the register only.

Art. 13 AVG lists what a person must be told when data are collected from them, art. 14 what
they must be told when the data come from elsewhere (DOMAIN.md §6). Everything the statement
states is resolved here into plain values, per language, so that the Markdown, HTML and JSON
versions cannot differ in substance and the templates only lay out text.

Pure: the register, the day, the history of the inputs and the retention wording are passed
in; nothing here reads a file, a clock or git.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from avgctl.models import Partij, Verwerking
from avgctl.models.duur import parse_duur
from avgctl.privacyverklaring.teksten import (
    ARTIKEL,
    ARTIKEL_GRONDSLAG,
    BIJZONDER,
    GRONDSLAG,
    KANAAL,
    MAANDEN_EN,
    MAANDEN_NL,
    RECHTEN,
    UITZONDERING,
    VERPLICHTING,
    WAARBORG,
    Taal,
)
from avgctl.store.register import BEWAARTERMIJNEN_FILE, CONFIG_FILE, PARTIJEN_FILE, Register

# Retention in words: (register, retention id, language) -> text. The retention-rules package
# owns the wording; the command hands its function in.
Bewaartekst = Callable[[Register, str, Taal], str]

TITEL: dict[Taal, str] = {"nl": "Privacyverklaring voor {}", "en": "Privacy statement for {}"}


@dataclass(frozen=True)
class Historie:
    """When the inputs last changed, and the commits that changed them (newest first)."""

    laatst: dt.date
    wijzigingen: tuple[tuple[dt.date, str], ...] = ()
    versies: int = 0  # how many commits changed the inputs


def doelgroepen(register: Register) -> list[str]:
    """Every target group some activity names, in alphabetical order."""
    return sorted({g for b in register.verwerkingen for g in b.model.doelgroepen})


def verwerkingen_van(register: Register, doelgroep: str) -> list[Verwerking]:
    """The activities of one group, in the order of the process model."""
    gekozen = [b.model for b in register.verwerkingen if doelgroep in b.model.doelgroepen]
    return sorted(gekozen, key=lambda v: tuple(int(part) for part in v.id.split(".")))


def invoer(register: Register, doelgroep: str) -> list[str]:
    """The files that feed the statement of a group: they set its version and its date."""
    rels = [CONFIG_FILE]
    if register.partijen_present:
        rels.append(PARTIJEN_FILE)
    if register.bewaartermijnen_present:
        rels.append(BEWAARTERMIJNEN_FILE)
    rels += sorted(b.file for b in register.verwerkingen if doelgroep in b.model.doelgroepen)
    return rels


def versie(register: Register, rels: list[str]) -> str:
    """The SHA-256 of the inputs' text: the same register gives the same version."""
    digest = hashlib.sha256()
    for rel in rels:
        doc = register.documents.get(rel)
        text = doc.text if doc is not None and hasattr(doc, "text") else ""
        digest.update(rel.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()


def datum_tekst(datum: dt.date, taal: Taal) -> str:
    if taal == "en":
        return f"{datum.day} {MAANDEN_EN[datum.month - 1]} {datum.year}"
    return f"{datum.day} {MAANDEN_NL[datum.month - 1]} {datum.year}"


def duur_tekst(tekst: str, taal: Taal) -> str:
    """'1 maand' -> '1 month' for the English statement."""
    if taal == "nl":
        return tekst
    duur = parse_duur(tekst)
    if duur.aantal is None or duur.eenheid is None:
        return "no limit"
    names = {"dag": ("day", "days"), "week": ("week", "weeks"), "maand": ("month", "months"),
             "jaar": ("year", "years")}[duur.eenheid]
    return f"{duur.aantal} {names[0] if duur.aantal == 1 else names[1]}"


def van_betrokkene(bron: str | None, betrokkene: str | None) -> bool:
    """Whether a data type comes from the person it is about (art. 13, not art. 14)."""
    if not bron:
        return False
    return any(_eigen(deel, betrokkene) for deel in bron.replace(",", ";").split(";"))


def _eigen(deel: str, betrokkene: str | None) -> bool:
    """'betrokkene', 'betrokkene zelf', 'Betrokkene (formulier)' or the person's category."""
    woorden = deel.strip().lower().split()
    if not woorden:
        return False
    return woorden[0].strip("(),.:") == "betrokkene" or (
        betrokkene is not None and deel.strip().lower() == betrokkene.lower())


ZELF: dict[Taal, str] = {"nl": "u zelf", "en": "you"}


def bron_tekst(bron: str | None, betrokkene: str | None, taal: Taal) -> str:
    """The source for the reader: 'betrokkene' (or the person's own category) becomes 'u zelf'."""
    if not bron:
        return ""
    delen = [deel.strip() for deel in bron.replace(",", ";").split(";") if deel.strip()]
    return "; ".join(dict.fromkeys(ZELF[taal] if _eigen(deel, betrokkene) else deel
                                   for deel in delen))


# Characters that a YAML file may hold but an HTML page may not (HTML's "control" and
# "noncharacter" code points): they are dropped, the text around them stays.
_ONZICHTBAAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
                          + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff"
                                    for plane in range(17)) + "]")


def _schoon(value: Any) -> Any:
    if isinstance(value, str):
        # Stripped again, as the models strip register text: '\x7f\t0' would otherwise begin
        # with a tab, which at the start of a Markdown paragraph opens a code block.
        return _ONZICHTBAAR.sub("", value).strip() if _ONZICHTBAAR.search(value) else value
    if isinstance(value, dict):
        return {key: _schoon(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_schoon(item) for item in value]
    return value


def _moet_schoon(register: Register, doelgroep: str) -> bool:
    """Whether any input could hold such a character: one search over each file's text is far
    cheaper than visiting every value. YAML can also write one as an escape (a backslash), and
    an input whose text is not at hand is treated as suspect."""
    docs: list[object] = [register.config.doc if register.config is not None else None]
    docs += [register.documents.get(rel) for rel, present in (
        (PARTIJEN_FILE, register.partijen_present),
        (BEWAARTERMIJNEN_FILE, register.bewaartermijnen_present)) if present]
    docs += [b.doc for b in register.verwerkingen if doelgroep in b.model.doelgroepen]
    for doc in docs:
        text = getattr(doc, "text", None)
        if not isinstance(text, str) or "\\" in text or _ONZICHTBAAR.search(text):
            return True
    return False


def _tekst(nl: str | None, en: str | None, taal: Taal) -> str:
    return (en if taal == "en" and en else nl) or ""


def verklaring(register: Register, doelgroep: str, taal: Taal, historie: Historie,
               bewaartekst: Bewaartekst, hash_: str) -> dict[str, Any]:
    """Everything a statement for ``doelgroep`` in ``taal`` says, as plain data."""
    config = register.config.model if register.config is not None else None
    org = config.organisatie if config is not None else None
    instellingen = config.privacyverklaring if config is not None else None
    groep = instellingen.doelgroepen.get(doelgroep) if instellingen is not None else None
    groepnaam = (_tekst(groep.naam, groep.naam_en, taal) if groep is not None
                 else doelgroep.replace("_", " "))
    activiteiten = verwerkingen_van(register, doelgroep)
    verwerkingen = [_verwerking(register, v, taal, bewaartekst) for v in activiteiten]

    contact = org.contact if org is not None else None
    rechten = org.rechten if org is not None else None
    beleid = config.beleid.verzoeken if config is not None else None
    inhoud: dict[str, Any] = {
        "taal": taal,
        "titel": TITEL[taal].format(groepnaam),
        "doelgroep": {"id": doelgroep, "naam": groepnaam,
                      "inleiding": _tekst(groep.inleiding, groep.inleiding_en, taal)
                      if groep is not None else ""},
        "versie": hash_[:12],
        "hash": hash_,
        "datum": historie.laatst.isoformat(),
        "datum_tekst": datum_tekst(historie.laatst, taal),
        "wijzigingen": [{"datum": d.isoformat(), "datum_tekst": datum_tekst(d, taal),
                         "onderwerp": onderwerp} for d, onderwerp in historie.wijzigingen],
        "versies": historie.versies,
        "url": (instellingen.url if instellingen is not None and instellingen.url else "")
        or (contact.website if contact is not None and contact.website else ""),
        "organisatie": {
            "naam": org.naam or "" if org is not None else "",
            "adres": contact.adres or "" if contact is not None else "",
            "email": contact.email or "" if contact is not None else "",
            "telefoon": contact.telefoon or "" if contact is not None else "",
            "website": contact.website or "" if contact is not None else "",
            "kvk": org.kvk or "" if org is not None else "",
        },
        "vertegenwoordiger": _leeg_is_tekst(org.vertegenwoordiger.model_dump())
        if org is not None and org.vertegenwoordiger is not None else None,
        "fg": _leeg_is_tekst(org.fg.model_dump()) if org is not None and org.fg else None,
        "kanalen_rechten": {
            "email": rechten.email or "" if rechten is not None else "",
            "formulier": rechten.formulier or "" if rechten is not None else "",
            "postadres": rechten.postadres or "" if rechten is not None else "",
        },
        "termijn": _termijn(beleid, taal),
        "rechten": [{"code": code, "naam": naam, "tekst": tekst}
                    for code, naam, tekst in RECHTEN[taal]],
        "verwerkingen": verwerkingen,
        "bijzonder": [v for v in verwerkingen if v["bijzonder"] or v["strafrechtelijk"]],
        "gegevens": _gegevens(verwerkingen),
        "van_anderen": any(not g["van_u"] for v in verwerkingen for g in v["gegevens"]),
        "ontvangers": _partijen(register, activiteiten, taal, verwerkers=False),
        "verwerkers": _partijen(register, activiteiten, taal, verwerkers=True),
        "doorgiften": _doorgiften(register, activiteiten, taal),
        "toestemming": [v for v in verwerkingen if v["toestemming"]],
        "besluiten": [v for v in verwerkingen if v["besluitvorming"]],
        "verstrekking": [v for v in verwerkingen if v["verstrekking"]],
        "kanalen": _kanalen(verwerkingen, taal),
        "eerste_laag": {
            "doelen": [v["naam"] for v in verwerkingen],
            "bewaartermijnen": list(dict.fromkeys(
                t["tekst"] for v in verwerkingen for t in v["bewaartermijnen"] if t["tekst"])),
        },
    }
    return _schoon(inhoud) if _moet_schoon(register, doelgroep) else inhoud


def _leeg_is_tekst(values: dict[str, Any]) -> dict[str, Any]:
    return {key: "" if value is None else value for key, value in values.items()}


def _termijn(beleid: Any, taal: Taal) -> dict[str, Any]:
    if beleid is None:
        return {"termijn": duur_tekst("1 maand", taal), "verlenging": duur_tekst("2 maanden", taal),
                "per_type": []}
    namen = {code: naam for code, naam, _ in RECHTEN[taal]}
    return {
        "termijn": duur_tekst(beleid.standaard.termijn, taal),
        "verlenging": duur_tekst(beleid.standaard.verlenging, taal),
        "per_type": [{"recht": namen.get(soort, soort.replace("_", " ")),
                      "termijn": duur_tekst(t.termijn, taal),
                      "verlenging": duur_tekst(t.verlenging, taal)}
                     for soort, t in sorted(beleid.per_type.items())],
    }


def _verwerking(register: Register, v: Verwerking, taal: Taal,
                bewaartekst: Bewaartekst) -> dict[str, Any]:
    grondslag = v.grondslag
    artikel = ARTIKEL[taal].format(ARTIKEL_GRONDSLAG[grondslag]) if grondslag else ""
    termijnen: dict[str, list[str]] = {}
    for gegeven in v.gegevens:
        termijn_id = gegeven.bewaartermijn or v.bewaartermijn
        if termijn_id:
            termijnen.setdefault(termijn_id, []).append(gegeven.type)
    if not termijnen and v.bewaartermijn:
        termijnen[v.bewaartermijn] = []
    bewaartermijnen = [{"termijn": t, "gegevens": ", ".join(types),
                        "tekst": bewaartekst(register, t, taal)}
                       for t, types in termijnen.items()]
    if v.bewaartermijn_criterium:
        bewaartermijnen.append({"termijn": "", "gegevens": "",
                                "tekst": v.bewaartermijn_criterium})
    besluit = v.geautomatiseerde_besluitvorming
    straf = v.strafrechtelijke_gegevens
    kanalen = list(v.kanalen)
    if {"cameratoezicht", "flexibel_cameratoezicht"} & set(v.dpia_criteria) and (
            "cameratoezicht" not in kanalen):
        kanalen.append("cameratoezicht")
    return {
        "id": v.id,
        "anker": "verwerking-" + v.id.replace(".", "-"),
        "naam": _tekst(v.naam, v.naam_en, taal),
        "doel": _tekst(v.doel, v.doel_en, taal),
        "grondslag": GRONDSLAG[taal][grondslag] if grondslag else "",
        "grondslag_code": grondslag or "",
        "grondslag_artikel": artikel,
        "grondslag_bron": v.grondslag_bron or "",
        "belang": v.belangenafweging.belang or ""
        if grondslag == "gerechtvaardigd_belang" and v.belangenafweging is not None else "",
        "identificatienummers": [{"type": g.type, "wet": g.wettelijke_basis or ""}
                                 for g in v.gegevens if g.is_nationaal_id],
        "gegevens": [{"type": g.type, "omschrijving": g.omschrijving or "",
                      "bron": bron_tekst(g.bron, g.betrokkene, taal),
                      "van_u": van_betrokkene(g.bron, g.betrokkene)}
                     for g in v.gegevens],
        "bijzonder": [{"categorie": BIJZONDER[taal][b.categorie],
                       "uitzondering": UITZONDERING[taal][b.uitzondering]
                       if b.uitzondering else "",
                       "artikel": (f"art. 9 lid 2 sub {b.uitzondering} AVG" if taal == "nl"
                                   else f"Article 9(2)({b.uitzondering}) GDPR")
                       if b.uitzondering else "",
                       "uavg": b.uavg or ""} for b in v.bijzondere_gegevens],
        "strafrechtelijk": {"omschrijving": straf.omschrijving or "",
                            "grondslag": straf.grondslag or ""} if straf is not None else None,
        # art. 13(2)(c): wherever consent is the basis, of the activity or of one data type
        "toestemming": v.toestemming.intrekken or "" if v.toestemming is not None and (
            grondslag == "toestemming" or any(g.grondslag == "toestemming" for g in v.gegevens))
        else "",
        "bewaartermijnen": bewaartermijnen,
        "besluitvorming": {"beschrijving": besluit.beschrijving, "logica": besluit.logica or "",
                           "gevolgen": besluit.gevolgen or ""} if besluit is not None else None,
        "verstrekking": {"verplichting": v.verstrekking.verplichting,
                         "tekst": VERPLICHTING[taal][v.verstrekking.verplichting],
                         "gevolgen": _tekst(v.verstrekking.gevolgen, v.verstrekking.gevolgen_en,
                                            taal)}
        if v.verstrekking is not None else None,
        "kanalen": kanalen,
    }


def _gegevens(verwerkingen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The data types of the group once each, with every source and every purpose."""
    rijen: dict[str, dict[str, Any]] = {}
    for v in verwerkingen:
        for g in v["gegevens"]:
            rij = rijen.setdefault(g["type"].lower(), {
                "type": g["type"], "omschrijving": g["omschrijving"], "bronnen": {},
                "van_u": False, "verwerkingen": {}})
            if g["bron"]:
                rij["bronnen"][g["bron"]] = None  # a dict keeps order and drops repeats
            rij["van_u"] = rij["van_u"] or g["van_u"]
            if not rij["omschrijving"]:
                rij["omschrijving"] = g["omschrijving"]
            rij["verwerkingen"][v["naam"]] = None
    return [{**rij, "bronnen": "; ".join(rij["bronnen"]),
             "verwerkingen": "; ".join(rij["verwerkingen"])} for rij in rijen.values()]


ROL: dict[Taal, dict[str, str]] = {
    "nl": {"verwerker": "verwerkt gegevens in onze opdracht",
           "subverwerker": "verwerkt gegevens in opdracht van een van onze verwerkers",
           "ontvanger": "ontvanger",
           "zelfstandig": "zelfstandig verantwoordelijk voor wat hij met de gegevens doet",
           "gezamenlijk": "samen met ons verantwoordelijk",
           "verwerkingsverantwoordelijke": "onze opdrachtgever"},
    "en": {"verwerker": "processes data on our behalf",
           "subverwerker": "processes data on behalf of one of our processors",
           "ontvanger": "recipient",
           "zelfstandig": "responsible on its own for what it does with the data",
           "gezamenlijk": "jointly responsible with us",
           "verwerkingsverantwoordelijke": "our client"},
}


def _partij_ids(v: Verwerking, verwerkers: bool) -> list[str]:
    ids: list[str] = []
    if verwerkers:
        for g in v.gegevens:
            ids += g.verwerkers
    else:
        ids += v.ontvangers or []
        for g in v.gegevens:
            ids += g.ontvangers or []
    return ids


def _partijen(register: Register, activiteiten: list[Verwerking], taal: Taal,
              verwerkers: bool) -> list[dict[str, Any]]:
    """Recipients or processors, named with their role and the purposes they serve."""
    gevonden: dict[str, dict[str, Any]] = {}
    for v in activiteiten:
        for partij_id in _partij_ids(v, verwerkers):
            bron = register.partij(partij_id)
            if bron is None:
                continue
            p = bron.model
            rij = gevonden.setdefault(p.id, {"naam": p.naam, "rol": p.omschrijving or "",
                                             "soort": ROL[taal][p.relatie], "land": p.land or "",
                                             "verwerkingen": {}})
            rij["verwerkingen"][_tekst(v.naam, v.naam_en, taal)] = None
    return sorted(({**rij, "verwerkingen": "; ".join(rij["verwerkingen"])}
                   for rij in gevonden.values()), key=lambda r: str(r["naam"]).lower())


def _doorgiften(register: Register, activiteiten: list[Verwerking],
                taal: Taal) -> list[dict[str, Any]]:
    gezien: dict[str, Partij] = {}
    for v in activiteiten:
        for partij_id in _partij_ids(v, True) + _partij_ids(v, False):
            bron = register.partij(partij_id)
            if bron is not None and bron.model.doorgifte is not None:
                gezien.setdefault(bron.model.id, bron.model)
                # a processor's sub-processors outside the EEA travel with it
                for sub in register.partijen:
                    if sub.model.via == partij_id and sub.model.doorgifte is not None:
                        gezien.setdefault(sub.model.id, sub.model)
    rijen = []
    for p in sorted(gezien.values(), key=lambda p: p.naam.lower()):
        assert p.doorgifte is not None
        rijen.append({"naam": p.naam, "land": p.land or "?", "mechanisme": p.doorgifte.mechanisme,
                      "waarborg": WAARBORG[taal][p.doorgifte.mechanisme],
                      "toelichting": p.doorgifte.toelichting or "" if taal == "nl" else ""})
    return rijen


def _kanalen(verwerkingen: list[dict[str, Any]], taal: Taal) -> list[dict[str, Any]]:
    result = []
    for kanaal, titel in KANAAL[taal].items():
        betrokken = [v for v in verwerkingen if kanaal in v["kanalen"]]
        if betrokken:
            result.append({"id": kanaal, "titel": titel, "verwerkingen": betrokken})
    return result


# The art. 15 overview of an access request (verzoeken/overzicht.py) tells the same things
# per activity as a statement does, in the same words: it uses these.
verwerking_inhoud = _verwerking
partijen_van = _partijen
doorgiften_van = _doorgiften

"""``avgctl datalek ...``: the breach workflow, the AP notification, the letter, the trend."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from avgctl.commands.common import (
    check_format,
    dag_en_nu,
    leesbaar,
    lever,
    niet_gevonden,
    nu,
    onder_slot,
    open_register,
    repo_root,
    uitkomst,
    valideer,
    vandaag,
    veldfout,
    weiger_bij_fouten,
    zone,
)
from avgctl.datalekken import apmelding
from avgctl.datalekken import brief as brief_context
from avgctl.datalekken.views import find, gevoelig, is_open, klok, meldplichtig, veel, voorstel
from avgctl.errors import EXIT_OK, AvgctlError, UsageError
from avgctl.models.datalek import ApMelding, Beoordeling, Datalek
from avgctl.output import datalek as output
from avgctl.rapport import trend as trendanalyse
from avgctl.store.register import DATALEKKEN_DIR, Bron, Context, Register
from avgctl.store.slot import schrijfslot
from avgctl.store.verzoekschrijver import nieuw_bestand, schrijf_yaml, yaml_met

DELEN = frozenset({"datalekken", "verwerkingen", "partijen"})
_REF = re.compile(r"^DL-(\d{4})-(\d+)$")


def _open(repo: Path | None) -> Register:
    return open_register(repo, DELEN)


def add(repo: Path | None, dag: dt.date | None, moment: dt.datetime | None,
        velden: dict[str, Any], interactief: bool) -> int:
    root = repo_root(repo)
    velden = {k: v for k, v in velden.items() if v not in (None, "", [], {})}
    # The questions come before the lock: nobody else has to wait for someone who types.
    if interactief:
        from avgctl.store.repo import load_register

        instellingen = load_register(root, frozenset())  # the time zone, for 'ontdekt_op'
        for naam, vraag in output.INTAKE:
            if naam not in velden:
                antwoord = output.vraag(vraag, _controle(naam, velden, instellingen, dag,
                                                         moment))
                if antwoord:
                    velden[naam] = antwoord

    def nieuw(register: Register) -> tuple[Register, Datalek, Path, dt.datetime]:
        leesbaar(register, DATALEKKEN_DIR)  # a file where the folder should be
        today, now = dag_en_nu(dag, moment, register)
        velden["ontdekt_op"] = _ontdekt(velden.get("ontdekt_op", now), today, now, register)
        for naam in ("verwerker_ontdekt_op", "gemeld_aan_ons_op"):  # as --ontdekt-op: local
            if isinstance(velden.get(naam), dt.datetime):
                velden[naam] = nu(velden[naam], today, register, True)
        gevormd = _vorm(velden)
        jaar = gevormd["ontdekt_op"].year
        # Under the folder's lock: no other add can pick the same reference.
        gevormd["referentie"] = _volgende(register, jaar)
        datalek = _valideer(register, gevormd, now)
        path = register.root / DATALEKKEN_DIR / f"{datalek.referentie}.yaml"
        kop = ("# Datalek, geregistreerd met avgctl. Alleen functies en aantallen: geen namen "
               "of andere gegevens van betrokkenen.\n")
        data = kop + yaml_met("", _schrijfbaar(datalek, list(gevormd)))
        with schrijfslot(path):
            nieuw_bestand(path, data.encode("utf-8"))
        return register, datalek, path, now

    register, datalek, path, now = onder_slot(
        root, DATALEKKEN_DIR, lambda: _open(root), lambda _: DATALEKKEN_DIR, nieuw)
    output.toegevoegd(datalek, klok(register, Bron(datalek, _leeg(path)), now), path,
                      zone(register))
    return EXIT_OK


def _ontdekt(waarde: dt.datetime | str, today: dt.date, now: dt.datetime,
             register: Register) -> dt.datetime:
    """The moment of discovery, in the organisation's zone; never in the future."""
    from avgctl.commands.common import parse_nu

    ontdekt = parse_nu(waarde, "ontdekt_op") if isinstance(waarde, str) else waarde
    moment = nu(ontdekt, today, register, True)
    if moment > now + dt.timedelta(minutes=5) and moment.astimezone(zone(register)).date() \
            > today:
        raise AvgctlError(f"ontdekt_op ({moment.isoformat()}) ligt in de toekomst; er is "
                          "niets geschreven")
    return moment


# Where the model keeps what an intake question asks (the answers are flat, the file is not).
_PLEK = {"aantal": ("betrokkenen", "aantal"), "records": ("betrokkenen", "records"),
         "betrokkenen": ("betrokkenen", "categorieen"), "periode_van": ("periode", "van"),
         "periode_tot": ("periode", "tot"), "maatregel": ("maatregelen",)}


def _controle(naam: str, velden: dict[str, Any], instellingen: Register, dag: dt.date | None,
              moment: dt.datetime | None) -> Callable[[str], str | None]:
    """The check of one intake answer: a wrong one is asked again, the others stay."""

    def controle(antwoord: str) -> str | None:
        if not antwoord:
            return None  # every intake question may stay open; 'ontdekt_op' is then now
        if naam == "ontdekt_op":
            today, now = dag_en_nu(dag, moment, instellingen)
            try:
                _ontdekt(antwoord, today, now, instellingen)
            except AvgctlError as exc:
                return str(exc).removesuffix("; er is niets geschreven")
            return None
        return veldfout(Datalek, _vorm({**velden, naam: antwoord}), _PLEK.get(naam, (naam,)))

    return controle


def _volgende(register: Register, jaar: int) -> str:
    hoogste = 0
    for bron in register.datalekken:
        match = _REF.match(bron.model.referentie)
        if match and int(match.group(1)) == jaar:
            hoogste = max(hoogste, int(match.group(2)))
    for path in (register.root / DATALEKKEN_DIR).glob("DL-*.yaml"):
        match = _REF.match(path.stem)
        if match and int(match.group(1)) == jaar:
            hoogste = max(hoogste, int(match.group(2)))
    return f"DL-{jaar}-{hoogste + 1:03d}"


def _vorm(velden: dict[str, Any]) -> dict[str, Any]:
    """Flat command-line fields into the shape of the model."""
    uit = dict(velden)
    for naam in ("soort", "gegevens", "systemen", "verwerkingen", "bijzondere_gegevens",
                 "landen"):
        if isinstance(uit.get(naam), str):
            uit[naam] = [p.strip() for p in re.split(r"[;,]", uit[naam]) if p.strip()]
    omvang = {k: uit.pop(v) for k, v in (("categorieen", "betrokkenen"), ("aantal", "aantal"),
                                         ("records", "records")) if v in uit}
    if isinstance(omvang.get("categorieen"), str):
        omvang["categorieen"] = [p.strip() for p in omvang["categorieen"].split(",")]
    if omvang:
        uit["betrokkenen"] = omvang
    periode = {k: uit.pop(f"periode_{k}") for k in ("van", "tot") if f"periode_{k}" in uit}
    if periode:
        uit["periode"] = periode
    evaluatie = {veld: uit.pop(optie) for veld, optie in (("uitkomst", "evaluatie"),
                                                          ("op", "evaluatie_op")) if optie in uit}
    if evaluatie:
        uit["evaluatie"] = evaluatie
    genomen = uit.pop("maatregel", None)
    if genomen:
        uit["maatregelen"] = {"genomen": [genomen]}
    # The options --verwerker, --verwerker-ontdekt-op and --gemeld-aan-ons-op.
    verwerker = {veld: uit.pop(optie) for veld, optie in (
        ("partij", "verwerker"), ("verwerker_ontdekt_op", "verwerker_ontdekt_op"),
        ("gemeld_aan_ons_op", "gemeld_aan_ons_op")) if optie in uit}
    if verwerker:
        uit["verwerker"] = verwerker
    return uit


def _schrijfbaar(datalek: Datalek, volgorde: list[str]) -> dict[str, object]:
    data = datalek.model_dump(exclude_defaults=True)
    eerst = ["referentie", "gemeld_door", "ontdekt_op", "periode", "beschrijving"]
    return {k: data[k] for k in [*eerst, *data] if k in data} if data else {}


def update(repo: Path | None, referentie: str, velden: dict[str, Any]) -> int:
    gevormd = _vorm({k: v for k, v in velden.items() if v is not None})
    if not gevormd:
        raise UsageError("niets te wijzigen; geef ten minste één optie, zie --help")

    def werk(register: Register, bron: Bron[Datalek]) -> tuple[Datalek, dict[str, Any]]:
        # Based on the file as it is under the lock: a measure added by someone else a
        # moment ago is kept.
        huidig = bron.model.model_dump(exclude_defaults=True)
        wijzig: dict[str, Any] = {}
        for naam, waarde in gevormd.items():
            if naam == "maatregelen":  # add to what was already recorded
                oud = huidig.get("maatregelen", {})
                wijzig[naam] = {"genomen": oud.get("genomen", []) + waarde.get("genomen", []),
                                "gepland": oud.get("gepland", []) + waarde.get("gepland", [])}
            elif naam in ("betrokkenen", "evaluatie"):  # the other parts stay
                wijzig[naam] = {**(huidig.get(naam) or {}), **waarde}
            else:
                wijzig[naam] = waarde
        return _schrijf(register, bron, wijzig), wijzig

    _, (datalek, wijzig) = _onder_slot(repo, referentie, werk)
    output.gewijzigd(datalek, sorted(wijzig))
    return EXIT_OK


def beoordeel(repo: Path | None, dag: dt.date | None, referentie: str,
              antwoorden: dict[str, bool | None], risico: str | None, motivatie: str | None,
              besloten_door: str | None, interactief: bool) -> int:
    """Walk through the notify decision: answers, a suggestion, and a person's decision."""

    def besluit(register: Register, bron: Bron[Datalek]) -> tuple[dict[str, Any], str]:
        d = bron.model
        today = vandaag(dag, register)
        # What the record already says answers a question, unless the person says otherwise.
        afgeleid = {
            "persoonsgegevens": True,
            "veel_betrokkenen": veel(d),
            "gevoelige_gegevens": bool(gevoelig(d)),
            "langdurig": d.ingedamd is False,
            "onleesbaar": bool(d.versleuteld),
        }
        gegeven = {k: v for k, v in antwoorden.items() if v is not None}
        for naam, vraag in output.BEOORDELING:
            if naam not in gegeven:
                gegeven[naam] = output.ja_nee(vraag, afgeleid[naam]) if interactief \
                    else afgeleid[naam]
        beoordeling = Beoordeling(**gegeven)
        suggestie = voorstel(beoordeling)
        output.suggestie(d, beoordeling, suggestie)
        gekozen, redenering, door = risico, motivatie, besloten_door
        if gekozen is None:
            if not interactief:
                raise UsageError("geef het besluit met --risico geen|risico|hoog_risico; avgctl "
                                 f"stelt '{suggestie}' voor, maar een mens beslist")
            gekozen = output.kies_risico(suggestie)
        if not redenering:
            if not interactief:
                raise UsageError("geef de redenering van het besluit met --motivatie")
            redenering = output.vraag("Motivatie van het besluit",
                                      lambda a: None if a else "geef de redenering")
        if not door and interactief:
            door = output.vraag("Wie beslist (functie)?") or None
        beoordeling = beoordeling.model_copy(update={"voorstel": suggestie,
                                                     "besloten_door": door,
                                                     "besloten_op": today})
        return {"beoordeling": beoordeling.model_dump(exclude_none=True), "risico": gekozen,
                "besluit_motivatie": redenering}, suggestie

    if interactief:
        # The questions are asked before the lock, so nobody waits for someone who thinks;
        # the answers are written only if the breach did not change in the meantime.
        register = _open(repo_root(repo))
        gelezen = _zoek(register, referentie)
        wijzig, suggestie = besluit(register, gelezen)

        def werk(register: Register, bron: Bron[Datalek]) -> Datalek:
            if bron.doc.text != gelezen.doc.text:
                raise AvgctlError(f"{bron.doc.rel} is gewijzigd terwijl de vragen werden "
                                  "beantwoord; er is niets geschreven. Draai de opdracht "
                                  "opnieuw")
            return _schrijf(register, bron, wijzig, dag_en_nu(dag, None, register)[1])
    else:
        def werk(register: Register, bron: Bron[Datalek]) -> Datalek:
            nonlocal suggestie
            wijzig, suggestie = besluit(register, bron)
            return _schrijf(register, bron, wijzig, dag_en_nu(dag, None, register)[1])

        suggestie = ""
    _, datalek = _onder_slot(repo, referentie, werk)
    output.beoordeeld(datalek, suggestie)
    return EXIT_OK


def meld(repo: Path | None, dag: dt.date | None, moment: dt.datetime | None, referentie: str,
         soort: str, kenmerk: str | None, reden_vertraging: str | None) -> int:
    if moment is None and dag is not None:
        raise UsageError("geef met --nu het moment van de melding (JJJJ-MM-DDTuu:mm); "
                         "--vandaag alleen zegt niet hoe laat er is gemeld")

    def werk(register: Register, bron: Bron[Datalek]) -> tuple[Datalek, ApMelding,
                                                                dt.datetime, Bron[Datalek]]:
        _, op = dag_en_nu(dag, moment, register)
        t = klok(register, bron, op).termijnen
        eerste = not any(m.soort != "intrekking" for m in bron.model.ap_meldingen)
        if eerste and op > t.ap and not (reden_vertraging or bron.model.reden_vertraging):
            raise AvgctlError(f"{referentie} wordt later dan 72 uur na ontdekking gemeld; de "
                              "reden van de vertraging hoort bij de melding (art. 33 lid 1 "
                              "AVG). Geef die met --reden-vertraging")
        melding = valideer(ApMelding, {"soort": soort, "op": op, "kenmerk": kenmerk}, "melding")
        if op < bron.model.ontdekt_op:
            raise AvgctlError(f"de melding ({op.isoformat()}) ligt vóór de ontdekking "
                              f"({bron.model.ontdekt_op.isoformat()}); er is niets geschreven")
        if eerste and soort == "aanvulling":
            raise AvgctlError(f"{referentie} is nog niet gemeld; een aanvulling volgt op een "
                              "voorlopige of volledige melding")
        wijzig: dict[str, Any] = {"ap_meldingen": [
            m.model_dump(exclude_none=True) for m in [*bron.model.ap_meldingen, melding]]}
        if reden_vertraging:
            wijzig["reden_vertraging"] = reden_vertraging
        return _schrijf(register, bron, wijzig, op), melding, op, bron

    register, (datalek, melding, op, bron) = _onder_slot(repo, referentie, werk)
    output.gemeld(datalek, melding, klok(register, Bron(datalek, bron.doc), op), zone(register))
    return EXIT_OK


def list_(repo: Path | None, dag: dt.date | None, moment: dt.datetime | None,
          alleen_open: bool, meldplichtig_: bool, te_laat: bool, fmt: str) -> int:
    check_format(fmt, output.LIST_FORMATS)
    register = open_register(repo, DELEN, overzicht=True)
    _, now = dag_en_nu(dag, moment, register)
    klokken = []
    for bron in sorted(register.datalekken, key=lambda b: b.model.ontdekt_op):
        d = bron.model
        k = klok(register, bron, now)
        if (alleen_open and not is_open(d)) or (meldplichtig_ and not meldplichtig(d)):
            continue
        if te_laat and not (k.te_laat or k.termijnen.te_laat_gemeld):
            continue
        klokken.append(k)
    output.lijst(klokken, fmt, register)
    return uitkomst(register, EXIT_OK)


def show(repo: Path | None, dag: dt.date | None, moment: dt.datetime | None,
         referentie: str, fmt: str = "text") -> int:
    check_format(fmt, output.SHOW_FORMATS)
    register = _open(repo)
    bron = _zoek(register, referentie)
    _, now = dag_en_nu(dag, moment, register)
    output.toon(bron, klok(register, bron, now), register, fmt)
    return EXIT_OK


def ap_melding(repo: Path | None, dag: dt.date | None, moment: dt.datetime | None,
               referentie: str, fmt: str) -> int:
    check_format(fmt, ("md", "json"))
    register = _open(repo)
    bron = _zoek(register, referentie)
    _, now = dag_en_nu(dag, moment, register)
    inhoud = apmelding.inhoud(register, bron.model, now)
    output.ap_melding(inhoud, fmt, register.root)
    return EXIT_OK


def brief(repo: Path | None, dag: dt.date | None, referentie: str, fmt: str,
          uit: Path | None) -> int:
    from avgctl.render import markdown_html, render

    check_format(fmt, ("md", "html"))
    register = _open(repo)
    bron = _zoek(register, referentie)
    context = brief_context.datalek_context(register, referentie, vandaag(dag, register),
                                            bron.model)
    text = render("brieven/datalek.md.j2", context, register.root)
    if fmt == "html":
        text = render("brieven/brief.html.j2", {"titel": f"Datalek {referentie}",
                                                "inhoud": markdown_html(text)}, register.root)
    lever(text.encode("utf-8"), uit)
    return EXIT_OK


def trend(repo: Path | None, jaar: int, fmt: str) -> int:
    check_format(fmt, ("text", "json"))
    register = _open(repo)
    output.trend(trendanalyse.trend(register, jaar), fmt)
    return EXIT_OK


# --- helpers -------------------------------------------------------------------------------

_VEILIGE_NAAM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
T = TypeVar("T")


def _onder_slot(repo: Path | None, referentie: str,
                werk: Callable[[Register, Bron[Datalek]], T]) -> tuple[Register, T]:
    """``werk`` on the breach ``referentie``, holding the lock of its file from before that
    file is read until after the new version is in place."""
    root = repo_root(repo)
    # Where the breach is most likely kept: the file named after it.
    rel = (f"{DATALEKKEN_DIR}/{referentie}.yaml" if _VEILIGE_NAAM.match(referentie)
           else DATALEKKEN_DIR)

    def laad() -> tuple[Register, Bron[Datalek]]:
        register = _open(root)
        return register, _zoek(register, referentie)

    return onder_slot(root, rel, laad, lambda geladen: geladen[1].doc.rel,
                      lambda geladen: (geladen[0], werk(*geladen)))


def _zoek(register: Register, referentie: str) -> Bron[Datalek]:
    bron = find(register, referentie)
    if bron is None:  # perhaps because its file could not be read
        leesbaar(register, f"{DATALEKKEN_DIR}/{referentie}.yaml", referentie)
        raise niet_gevonden("datalek met referentie", referentie,
                            [b.model.referentie for b in register.datalekken],
                            "avgctl datalek list")
    return bron


def _valideer(register: Register, velden: dict[str, Any], now: dt.datetime,
              oud: Bron[Datalek] | None = None) -> Datalek:
    """Through the model, then through the rules of ``check`` that apply to this breach
    (rules.run.fouten_in_record): refused with their code and message before anything is
    written. ``now`` is the moment the command runs for; ``oud`` the breach as it stands."""
    from avgctl.rules.run import fouten_in_record  # the rules: only for a command that writes

    datalek = valideer(Datalek, velden, "datalek")
    doc = oud.doc if oud is not None else _leeg(
        register.root / DATALEKKEN_DIR / f"{datalek.referentie}.yaml", register.root)
    context = Context(now.astimezone(zone(register)).date(), now, zone(register).key)
    weiger_bij_fouten(fouten_in_record(register, context, Bron(datalek, doc), oud),
                      datalek.referentie)
    return datalek


def _schrijf(register: Register, bron: Bron[Datalek], wijzig: dict[str, Any],
             now: dt.datetime | None = None) -> Datalek:
    if now is None:  # update has no --nu: the clock
        now = dag_en_nu(None, None, register)[1]
    datalek = _valideer(register, {**bron.model.model_dump(exclude_none=True), **wijzig}, now,
                        bron)
    data = datalek.model_dump(exclude_defaults=True)
    schrijf_yaml(register.root / bron.doc.rel, bron.doc.text,
                 {naam: data.get(naam) for naam in wijzig})
    return datalek


def _leeg(path: Path, root: Path | None = None) -> Any:
    from avgctl.store.yamlfile import YamlDocument

    rel = path.relative_to(root).as_posix() if root is not None else path.name
    return YamlDocument(rel=rel, text="", data={})

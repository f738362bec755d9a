"""``avgctl verzoek ...``: the request workflow (register, extend, decide, letters)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from avgctl.commands.common import (
    VERZOEKEN,
    check_format,
    gc_paused,
    leesbaar,
    lever,
    meld_fouten,
    met_verwerkingen,
    niet_gevonden,
    onder_slot,
    open_register,
    repo_root,
    uitkomst,
    valideer,
    vandaag,
    veldfout,
    weiger_bij_fouten,
)
from avgctl.errors import EXIT_OK, AvgctlError, UsageError
from avgctl.models.verzoek import ARTIKEL, MELDEN_AAN_ONTVANGERS, Verzoek, split_ids
from avgctl.output import verzoek as output
from avgctl.store.csvfile import CsvDocument
from avgctl.store.register import VERZOEKEN_DIR, VERZOEKEN_FILE, Bron, Context, Register
from avgctl.store.slot import schrijfslot
from avgctl.store.verzoekschrijver import nieuw_bestand, nieuw_csv, schrijf_csv, schrijf_yaml
from avgctl.store.yamlfile import YamlDocument
from avgctl.verzoeken.views import (
    LIJSTVELDEN,
    find,
    is_open,
    lijkt_identiteit,
    lijst,
    stand,
    termijnen,
    volgende_referentie,
)

VELDEN = list(Verzoek.model_fields)
VERPLICHT_BIJ_ADD = ("type", "betrokkene_ref", "kanaal")
T = TypeVar("T")


def add(repo: Path | None, dag: dt.date | None, velden: dict[str, Any],
        interactief: bool) -> int:
    root = repo_root(repo)
    velden = {k: v for k, v in velden.items() if v not in (None, "", [])}
    if isinstance(velden.get("verwerkingen"), str):
        velden["verwerkingen"] = split_ids(velden["verwerkingen"])
    # The questions come before the lock: nobody else has to wait for someone who types.
    if interactief:
        for naam in VERPLICHT_BIJ_ADD:
            if naam not in velden:
                velden[naam] = output.vraag(naam, Verzoek.model_fields[naam].description or "",
                                            _controle(naam, velden))
    ontbreekt = [naam for naam in VERPLICHT_BIJ_ADD if naam not in velden]
    if ontbreekt:
        raise UsageError("ontbreekt: " + ", ".join(f"--{n.replace('_', '-')}" for n in ontbreekt))

    def nieuw(register: Register) -> tuple[Register, Verzoek]:
        # Under the lock: no other add can pick the same reference.
        _leesbaar(register)
        today = vandaag(dag, register)
        velden.setdefault("ontvangen", today)
        ontvangen = velden["ontvangen"]
        jaar = ontvangen.year if isinstance(ontvangen, dt.date) else today.year
        velden["referentie"] = volgende_referentie(register, jaar)
        verzoek = _valideer(register, velden, today)
        _nieuw(register, verzoek)
        return register, verzoek

    # Only the references are needed to pick the next one: no validation of every row.
    register, verzoek = onder_slot(
        root, _doel(root, None), lambda: open_register(root, VERZOEKEN, verzoeken="ruw"),
        lambda register: _doel(root, register), nieuw)
    output.toegevoegd(verzoek, termijnen(register, verzoek))
    return EXIT_OK


def _controle(naam: str, velden: dict[str, Any]) -> Callable[[str], str | None]:
    """The check of one answer: a wrong one is asked again, the earlier answers stay."""

    def controle(antwoord: str) -> str | None:
        if not antwoord:
            return "geef een antwoord"
        if naam == "betrokkene_ref":
            soort = lijkt_identiteit(antwoord)
            if soort:
                return (f"{antwoord!r} lijkt {soort}; het register staat in git, gebruik een "
                        "zaak- of klantnummer")
        return veldfout(Verzoek, {**velden, naam: antwoord}, (naam,))

    return controle


def update(repo: Path | None, referentie: str, velden: dict[str, Any],
           dag: dt.date | None = None) -> int:
    wijzigingen = {k: v for k, v in velden.items() if v is not None}
    if isinstance(wijzigingen.get("verwerkingen"), str):
        wijzigingen["verwerkingen"] = split_ids(wijzigingen["verwerkingen"])
    if not wijzigingen:
        raise UsageError("niets te wijzigen; geef ten minste één optie, zie --help")
    _, verzoek = _onder_slot(repo, referentie,
                             lambda register, bron: _wijzig(register, bron, wijzigingen,
                                                            vandaag(dag, register)))
    output.gewijzigd(verzoek, sorted(wijzigingen))
    return EXIT_OK


def verleng(repo: Path | None, dag: dt.date | None, referentie: str, reden: str,
            op: dt.date | None) -> int:
    def werk(register: Register, bron: Bron[Verzoek]) -> Verzoek:
        v = bron.model
        wanneer = op or vandaag(dag, register)
        if not is_open(v):
            raise AvgctlError(f"{referentie} is {v.status}; alleen een open verzoek kan worden "
                              "verlengd")
        if v.verlengd_op is not None:
            raise AvgctlError(f"{referentie} is al verlengd op {v.verlengd_op.isoformat()}; "
                              "verlengen kan één keer (art. 12 lid 3 AVG)")
        uiterlijk = termijnen(register, v).wettelijk
        if wanneer > uiterlijk:
            raise AvgctlError(f"{referentie} kan niet meer worden verlengd: de betrokkene moest "
                              f"dat uiterlijk {uiterlijk.isoformat()} horen (art. 12 lid 3 AVG). "
                              "De termijn blijft één maand; beantwoord het verzoek direct")
        return _wijzig(register, bron, {"verlengd_op": wanneer, "verlenging_reden": reden,
                                        "status": "in_behandeling"}, vandaag(dag, register))

    register, verzoek = _onder_slot(repo, referentie, werk)
    output.verlengd(verzoek, termijnen(register, verzoek))
    return EXIT_OK


def afhandel(repo: Path | None, dag: dt.date | None, referentie: str, besluit: str,
             grond: str | None, op: dt.date | None, via: str | None,
             ontvangers: str | None, extra: dict[str, Any] | None = None) -> int:
    """``extra``: further fields of the decision (the explanation of a refusal, and so on)."""
    def werk(register: Register, bron: Bron[Verzoek]) -> Verzoek:
        if bron.model.status in ("afgehandeld", "ingetrokken"):
            raise AvgctlError(f"{referentie} is al {bron.model.status}")
        if besluit != "toegewezen" and not grond:
            raise UsageError(f"bij besluit '{besluit}' hoort een grond: --grond")
        wijzigingen: dict[str, Any] = {
            "status": "afgehandeld", "besluit": besluit, "afwijzingsgrond": grond,
            "afgehandeld_op": op or vandaag(dag, register), "verzonden_via": via,
        }
        if ontvangers is not None:
            wijzigingen["ontvangers_geinformeerd"] = ontvangers
        wijzigingen.update(extra or {})
        return _wijzig(register, bron, {k: v for k, v in wijzigingen.items() if v is not None},
                       vandaag(dag, register))

    _, verzoek = _onder_slot(repo, referentie, werk)
    herinnering = (verzoek.type in MELDEN_AAN_ONTVANGERS and besluit != "afgewezen"
                   and verzoek.ontvangers_geinformeerd is None)
    output.afgehandeld(verzoek, herinnering)
    return EXIT_OK


def list_(repo: Path | None, dag: dt.date | None, alleen_open: bool, te_laat: bool,
          type_: str | None, behandelaar: str | None, fmt: str) -> int:
    check_format(fmt, output.LIST_FORMATS)
    if type_ is not None and type_ not in ARTIKEL:
        raise UsageError(f"onbekend type {type_!r}; kies uit: {', '.join(ARTIKEL)}")
    # Every row is validated, but kept as the columns the list shows (DESIGN.md §5).
    register = open_register(repo, VERZOEKEN, overzicht=True, bewaren=False,
                             verzoekvelden=LIJSTVELDEN)
    today = vandaag(dag, register)
    with gc_paused():
        output.lijst(lijst(register, today, alleen_open, te_laat, type_, behandelaar), fmt,
                     register.overgeslagen)
    return uitkomst(register, EXIT_OK)


def show(repo: Path | None, dag: dt.date | None, referentie: str, fmt: str = "text") -> int:
    check_format(fmt, output.SHOW_FORMATS)
    # Only the rows with this reference are validated (DESIGN.md §5: one request on screen);
    # when none of them is a valid request, the whole register is read to say why, or to
    # suggest another reference, exactly as before.
    root = repo_root(repo)
    register = open_register(root, VERZOEKEN, waarschuw=False, referentie=referentie,
                             bewaren=False)
    if find(register, referentie) is None:
        register = open_register(root, VERZOEKEN)
    else:
        meld_fouten(register)
    bron = _zoek(register, referentie)
    today = vandaag(dag, register)
    output.toon(bron, stand(register, bron, today), today, fmt)
    return EXIT_OK


def herstel(repo: Path | None, backup: dt.date, dag: dt.date | None, bevestig: bool) -> int:
    """After a backup restore (reference 002, §7.2 and §7.3): what must be done again.

    The restore is recorded in registers/herstel.yaml (once per restore), so that ``status``
    shows it until everything it undid is done again. With ``bevestig``, every request still
    to do gets ``opnieuw_toegepast_op`` = today, under the lock of the file it is in."""
    from avgctl.models.herstel import Herstel
    from avgctl.store import herstel as opslag
    from avgctl.verzoeken.herstel import opnieuw

    root = repo_root(repo)
    # registers/herstel.yaml is read again under its lock below, and says itself what is
    # wrong with it.
    register = open_register(root, VERZOEKEN, waarschuw=False)
    meld_fouten(register, behalve=opslag.HERSTEL_FILE)
    today = vandaag(dag, register)
    if backup > today:
        raise UsageError(f"--backup {backup.isoformat()} ligt na vandaag "
                         f"({today.isoformat()}); geef de dag van de teruggezette back-up")
    with schrijfslot(root / opslag.HERSTEL_FILE):
        herstellingen = opslag.lees(root)
        # The same restore when it is still open, or was recorded today: never twice.
        gevonden = next((h for h in reversed(herstellingen) if h.backup == backup and (
            h.teruggezet_op == today
            or any(not o.gedaan for o in opnieuw(register.verzoeken, h)))), None)
        nieuw = gevonden is None
        if gevonden is None:
            gevonden = Herstel(backup=backup, teruggezet_op=today)
            opslag.schrijf(root, [*herstellingen, gevonden])
    if bevestig:
        register = _bevestig(root, gevonden, today)
    output.herstel(opnieuw(register.verzoeken, gevonden), gevonden, nieuw, bevestig,
                   opslag.HERSTEL_FILE)
    return EXIT_OK


def _bevestig(root: Path, herstel: Any, today: dt.date) -> Register:
    """``opnieuw_toegepast_op`` on every request the restore undid and that is not yet done
    again: validated first, written atomically under the lock of its file, then read back."""
    from avgctl.verzoeken.herstel import opnieuw

    with schrijfslot(root / VERZOEKEN_FILE):
        register = open_register(root, VERZOEKEN)
        _leesbaar(register)
        te_doen = [o.bron for o in opnieuw(register.verzoeken, herstel) if not o.gedaan]
        for bron in te_doen:
            if bron.doc.rel in register.onleesbaar:
                raise AvgctlError(f"{bron.doc.rel} bevat fouten; herstel die eerst (avgctl "
                                  "check)")
            _valideer(register, {**bron.model.model_dump(exclude_none=True),
                                 "opnieuw_toegepast_op": today}, today, bron)
        cellen = {b.model.referentie: {"opnieuw_toegepast_op": today.isoformat()}
                  for b in te_doen if isinstance(b.doc, CsvDocument)}
        doc = register.documents.get(VERZOEKEN_FILE)
        if cellen and isinstance(doc, CsvDocument):
            schrijf_csv(root / VERZOEKEN_FILE, doc.sha256, cellen, [])
        for bron in te_doen:
            if not isinstance(bron.doc, CsvDocument):
                with schrijfslot(root / bron.doc.rel):
                    schrijf_yaml(root / bron.doc.rel, bron.doc.text,
                                 {"opnieuw_toegepast_op": today})
        terug = open_register(root, VERZOEKEN)  # read back what is now in the files
    klopt = {b.model.referentie for b in terug.verzoeken if b.model.opnieuw_toegepast_op == today}
    mist = [b.model.referentie for b in te_doen if b.model.referentie not in klopt]
    if mist:
        raise AvgctlError("na het schrijven staat 'opnieuw_toegepast_op' niet bij: "
                          + ", ".join(mist) + "; controleer het register (avgctl check)")
    return terug


# --- helpers -------------------------------------------------------------------------------

_VEILIGE_NAAM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _onder_slot(repo: Path | None, referentie: str,
                werk: Callable[[Register, Bron[Verzoek]], T]) -> tuple[Register, T]:
    """``werk`` on the request ``referentie``, holding the lock of the file it is in from
    before that file is read until after the new version is in place."""
    root = repo_root(repo)
    # Where the request is most likely kept: its own YAML file, else the CSV register.
    rel = VERZOEKEN_FILE
    if _VEILIGE_NAAM.match(referentie) and (root / VERZOEKEN_DIR / f"{referentie}.yaml").is_file():
        rel = f"{VERZOEKEN_DIR}/{referentie}.yaml"

    def laad() -> tuple[Register, Bron[Verzoek]]:
        register = open_register(root, VERZOEKEN)
        return register, _zoek(register, referentie)

    return onder_slot(root, rel, laad, lambda geladen: geladen[1].doc.rel,
                      lambda geladen: (geladen[0], werk(*geladen)))


def _doel(root: Path, register: Register | None) -> str:
    """The file (or, for one file per request, the folder) a new request goes into; the same
    choice as ``_nieuw`` makes."""
    csv_path = root / VERZOEKEN_FILE
    if register is not None and isinstance(register.documents.get(VERZOEKEN_FILE), CsvDocument):
        return VERZOEKEN_FILE
    if (root / VERZOEKEN_DIR).is_dir() and not csv_path.exists():
        return VERZOEKEN_DIR
    return VERZOEKEN_FILE


def _zoek(register: Register, referentie: str) -> Bron[Verzoek]:
    bron = find(register, referentie)
    if bron is None:
        # Not among the requests read: perhaps because its file, or its row, could not be.
        _leesbaar(register)
        leesbaar(register, f"{VERZOEKEN_DIR}/{referentie}.yaml", referentie)
        doc = register.documents.get(VERZOEKEN_FILE)
        column = doc.column("referentie") if isinstance(doc, CsvDocument) else None
        if isinstance(doc, CsvDocument) and column is not None:
            for index, row in enumerate(doc.rows):
                if column < len(row) and row[column].strip() == referentie:
                    leesbaar(register, VERZOEKEN_FILE, referentie, doc.lines[index])
        raise niet_gevonden("verzoek met referentie", referentie,
                            [b.model.referentie for b in register.verzoeken],
                            "avgctl verzoek list")
    if bron.doc.rel in register.onleesbaar:
        raise AvgctlError(f"{bron.doc.rel} bevat fouten; herstel die eerst (avgctl check)")
    return bron


def _leesbaar(register: Register) -> None:
    """The request register, when it is there, can be read (else its real cause, exit 2)."""
    leesbaar(register, VERZOEKEN_FILE)


def _valideer(register: Register, velden: dict[str, Any], today: dt.date,
              oud: Bron[Verzoek] | None = None) -> Verzoek:
    """Through the model, then through the rules of ``check`` that apply to this request
    (rules.run.fouten_in_record): refused with their code and message, before anything is
    written. What is written to git cannot be taken back, and ``check`` would only find it
    afterwards. ``oud`` is the request as it stands, for a change; None for a new one."""
    from avgctl.rules.run import fouten_in_record  # the rules: only for a command that writes

    verzoek = valideer(Verzoek, velden, "verzoek")
    if oud is not None:
        bron = Bron(verzoek, oud.doc, oud.path)
    else:  # not in a file yet: the file it goes to, for the message
        rel = _doel(register.root, register)
        if rel == VERZOEKEN_DIR:
            rel = f"{VERZOEKEN_DIR}/{verzoek.referentie}.yaml"
        bron = Bron(verzoek, YamlDocument(rel=rel, text="", data={}))
    ids = set(verzoek.verwerkingen) | set(oud.model.verwerkingen if oud is not None else [])
    fouten = fouten_in_record(met_verwerkingen(register, ids), Context(today), bron, oud)
    weiger_bij_fouten(fouten, verzoek.referentie)
    return verzoek


def _wijzig(register: Register, bron: Bron[Verzoek], wijzigingen: dict[str, Any],
            today: dt.date) -> Verzoek:
    """Check the changed request through the model, then write only the changed fields."""
    verzoek = _valideer(register, {**bron.model.model_dump(exclude_none=True), **wijzigingen},
                        today, bron)
    veranderd = {naam: getattr(verzoek, naam) for naam in wijzigingen}
    path = register.root / bron.doc.rel
    if isinstance(bron.doc, CsvDocument):
        cellen = {naam: _cel(waarde) for naam, waarde in veranderd.items()}
        schrijf_csv(path, bron.doc.sha256, {verzoek.referentie: cellen}, [])
    else:
        schrijf_yaml(path, bron.doc.text, veranderd)
    return verzoek


def _nieuw(register: Register, verzoek: Verzoek) -> None:
    cellen = {naam: _cel(getattr(verzoek, naam)) for naam in VELDEN}
    csv_path = register.root / VERZOEKEN_FILE
    doc = register.documents.get(VERZOEKEN_FILE)
    if isinstance(doc, CsvDocument):
        if VERZOEKEN_FILE in register.onleesbaar:
            raise AvgctlError(f"{VERZOEKEN_FILE} bevat fouten; herstel die eerst (avgctl check)")
        schrijf_csv(csv_path, doc.sha256, {}, [cellen])
    elif (register.root / VERZOEKEN_DIR).is_dir() and not csv_path.exists():
        from avgctl.store.yamlfile import dump_yaml

        data = {n: getattr(verzoek, n) for n in VELDEN if getattr(verzoek, n) not in (None, [])}
        path = register.root / VERZOEKEN_DIR / f"{verzoek.referentie}.yaml"
        with schrijfslot(path):  # inside the folder's lock, which chose the reference
            nieuw_bestand(path, dump_yaml(data).encode("utf-8"))
    elif csv_path.exists() and not csv_path.read_text(encoding="utf-8", errors="replace").strip():
        csv_path.unlink()  # an empty file: start it again with its header
        nieuw_csv(csv_path, VELDEN, [cellen])
    else:
        nieuw_csv(csv_path, VELDEN, [cellen])


def _cel(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, list):
        return "; ".join(str(w) for w in waarde)
    return str(waarde)


def brief(repo: Path | None, dag: dt.date | None, referentie: str, soort: str, fmt: str,
          uit: Path | None) -> int:
    """A letter to the data subject, from the templates in templates/brieven/."""
    from avgctl.render import markdown_html, render
    from avgctl.verzoeken import brieven

    check_format(fmt, ("md", "html"))
    register = open_register(repo, VERZOEKEN)
    bron = _zoek(register, referentie)
    context = brieven.context(register, referentie, soort, vandaag(dag, register), bron.model)
    text = render(f"brieven/verzoek-{soort}.md.j2", context, register.root)
    if fmt == "html":
        titel = f"{soort.capitalize()} {referentie}"
        text = render("brieven/brief.html.j2", {"titel": titel, "inhoud": markdown_html(text)},
                      register.root)
    lever(text.encode("utf-8"), uit)
    return EXIT_OK


def overzicht(repo: Path | None, dag: dt.date | None, referentie: str, fmt: str,
              uit: Path | None) -> int:
    """The art. 15(1) overview of an access request, from the activities it names."""
    from avgctl.commands.common import REGISTER
    from avgctl.commands.privacyverklaring import bewaartekst
    from avgctl.render import markdown_html, render
    from avgctl.verzoeken import overzicht as domein

    check_format(fmt, ("md", "html"))
    register = open_register(repo, VERZOEKEN | REGISTER)
    bron = _zoek(register, referentie)
    context = domein.overzicht(register, bron.model, vandaag(dag, register), bewaartekst)
    text = render("brieven/verzoek-overzicht.md.j2", context, register.root)
    if fmt == "html":
        text = render("brieven/brief.html.j2", {"titel": f"{context['titel']} {referentie}",
                                                "inhoud": markdown_html(text)}, register.root)
    lever(text.encode("utf-8"), uit)
    return EXIT_OK

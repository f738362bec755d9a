"""What several commands share: the repository and the day they run for."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar
from zoneinfo import ZoneInfo

from avgctl.errors import AvgctlError, UsageError
from avgctl.findings import Finding

if TYPE_CHECKING:  # the register loader is imported by the commands that load one
    from pydantic import BaseModel  # imported when a model is built (the scan builds none)

    from avgctl.store.register import Register


def parse_vandaag(value: str | None) -> dt.date | None:
    return parse_datum(value, "--vandaag")


def parse_datum(value: str | None, optie: str) -> dt.date | None:
    if value is None:
        return None
    try:
        dag = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{optie} {value!r} is geen datum; schrijf JJJJ-MM-DD, "
                         "bijvoorbeeld 2026-03-27") from None
    _binnen_kalender(dag, f"{optie} {value}")
    return dag


def _binnen_kalender(dag: dt.date, wat: str) -> None:
    """The days avgctl computes deadlines for (models/base.py); beyond them a deadline could
    fall outside the calendar, and no register date lies there anyway."""
    from avgctl.models.kalender import EERSTE_DAG, LAATSTE_DAG

    if not EERSTE_DAG <= dag <= LAATSTE_DAG:
        raise UsageError(f"{wat} ligt buiten de jaren {EERSTE_DAG.year}-{LAATSTE_DAG.year} "
                         "waarin avgctl termijnen berekent")


def vandaag(explicit: dt.date | None, register: Register) -> dt.date:
    """The day a command runs for: ``--vandaag``, else today in the organisation's zone.

    This is the one place that reads the clock; the domain always gets the day passed in.
    """
    return vandaag_in(explicit, register.config.model.beleid.tijdzone
                      if register.config is not None else "Europe/Amsterdam")


def vandaag_in(explicit: dt.date | None, tijdzone: str) -> dt.date:
    """``--vandaag``, else today in ``tijdzone`` (for a command that reads only the settings)."""
    if explicit is not None:
        return explicit
    return dt.datetime.now(ZoneInfo(tijdzone)).date()


def zone(register: Register) -> ZoneInfo:
    return ZoneInfo(register.config.model.beleid.tijdzone if register.config is not None
                    else "Europe/Amsterdam")


def parse_nu(value: str | None, optie: str = "--nu") -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{optie} {value!r} is geen tijdstip; schrijf JJJJ-MM-DDTuu:mm, "
                         "bijvoorbeeld 2026-03-30T09:00") from None
    _binnen_kalender(moment.date(), f"--nu {value}")
    return moment


def dag_en_nu(dag: dt.date | None, moment: dt.datetime | None,
              register: Register) -> tuple[dt.date, dt.datetime]:
    """The day and the moment a command runs for. ``--nu`` alone also fixes the day."""
    if moment is not None:
        now = nu(moment, dag or dt.date.today(), register, True)
        return dag or now.astimezone(zone(register)).date(), now
    today = vandaag(dag, register)
    return today, nu(None, today, register, dag is not None)


def nu(explicit: dt.datetime | None, dag: dt.date, register: Register,
       vandaag_gegeven: bool) -> dt.datetime:
    """The moment a command runs for, in the organisation's zone.

    ``--nu`` (a time without offset is read in the organisation's zone); else with
    ``--vandaag`` the start of that day; else the clock.
    """
    zone = ZoneInfo(register.config.model.beleid.tijdzone if register.config is not None
                    else "Europe/Amsterdam")
    if explicit is not None:
        return explicit if explicit.tzinfo is not None else _lokaal(explicit, zone)
    if vandaag_gegeven:
        return dt.datetime.combine(dag, dt.time(0), zone)
    return dt.datetime.now(zone)


def _lokaal(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A wall-clock time in the organisation's zone; refused when the clocks skip it (spring)
    or pass it twice (autumn), since then it does not say which moment is meant."""
    vroeg, laat = moment.replace(tzinfo=zone, fold=0), moment.replace(tzinfo=zone, fold=1)
    utc = dt.UTC
    if vroeg.astimezone(utc).astimezone(zone).replace(tzinfo=None) != moment:
        raise UsageError(f"{moment:%Y-%m-%d %H:%M} bestaat niet in {zone.key}: de klok ging "
                         "toen een uur vooruit. Geef de afwijking erbij, bijvoorbeeld +01:00")
    if vroeg.utcoffset() != laat.utcoffset():
        raise UsageError(f"{moment:%Y-%m-%d %H:%M} komt twee keer voor in {zone.key}: de klok "
                         "ging toen een uur terug. Geef de afwijking erbij: +02:00 (zomertijd) "
                         "of +01:00 (wintertijd)")
    return vroeg


def cwd() -> Path:
    return Path(os.getcwd())


def repo_root(repo: Path | None) -> Path:
    """The repository a command works in: ``--repo``, or upwards from here."""
    from avgctl.store.repo import find_repo

    return find_repo(repo, cwd())


R = TypeVar("R")
T = TypeVar("T")


def onder_slot(root: Path, rel: str, laad: Callable[[], R], bestand: Callable[[R], str],
               wijzig: Callable[[R], T]) -> T:
    """Change a record under the write lock of the file it is in.

    The lock of ``rel`` (where the record is expected) is taken before ``laad`` reads the
    register, and held until ``wijzig`` has renamed the new file into place; so the change is
    always based on what is in the file, and no other writer comes in between. When the
    record turns out to be in another file (``bestand``), that file's lock is taken and the
    register read again.
    """
    from avgctl.store.slot import schrijfslot

    for _ in range(3):
        with schrijfslot(root / rel):
            geladen = laad()
            waar = bestand(geladen)
            if waar == rel:
                return wijzig(geladen)
        rel = waar
    raise AvgctlError(f"{rel} werd tijdens het lezen verplaatst of hernoemd; er is niets "
                      "geschreven. Draai de opdracht opnieuw")


def open_register(repo: Path | None, delen: frozenset[str] | None = None,
                  verzoeken: Literal["alle", "open", "ruw"] = "alle",
                  waarschuw: bool = True, overzicht: bool = False,
                  referentie: str | None = None, bewaren: bool = True,
                  verzoekvelden: tuple[str, ...] | None = None) -> Register:
    """Find the repository (``--repo`` or upwards from here) and load it, or only ``delen``.

    With ``waarschuw``, files or records that could not be read are mentioned on stderr: a
    list that silently leaves them out would look complete when it is not. With
    ``referentie``, only the request rows with that reference are validated (see
    ``load_register``); ``bewaren=False`` for a command that shows no retention;
    ``verzoekvelden`` keeps the request rows as those columns (a list). An ``overzicht``
    (deadlines, status, a list) names each of them with its place and counts them per file,
    and ends with ``uitkomst`` (exit 1, or 2 for a whole file).
    """
    from avgctl.store.repo import ALLES, find_repo, load_register

    register = load_register(find_repo(repo, cwd()), delen or ALLES, verzoeken,
                             referentie=referentie, bewaren=bewaren,
                             verzoekvelden=verzoekvelden)
    if overzicht:
        meld_overzicht(register)
    elif waarschuw:
        meld_fouten(register)
    # Kept until the process ends: freeing a large register object by object when the command
    # returns costs more time than the process needs to exit (the console script leaves with
    # os._exit, see __main__).
    _geladen.append(register)
    return register


def meld_fouten(register: Register, behalve: str | None = None) -> None:
    """Say on stderr that some of what was read could not be (see ``open_register``); not of
    the file ``behalve``, which the command reads and reports itself."""
    fouten = [f for f in register.load_findings if f.location.file != behalve]
    if fouten:
        from avgctl.output.console import warning

        bestanden = sorted({f.location.file for f in fouten})
        warning(f"{len(fouten)} fout(en) in {', '.join(bestanden[:3])}"
                + (" en meer" if len(bestanden) > 3 else "")
                + "; wat daar staat, ontbreekt hieronder. Zie 'avgctl check'")


def meld_overzicht(register: Register) -> None:
    """What an overview says on stderr about a damaged register (see ``open_register``)."""
    from avgctl.output import onleesbaar

    onleesbaar.meld(register.overgeslagen)
    gemeld = {item.file for item in register.overgeslagen}
    rest = [f for f in register.load_findings if f.location.file not in gemeld]
    if rest:  # e.g. a misspelt column: every record is there, one field is not used
        from avgctl.output.console import warning

        bestanden = sorted({f.location.file for f in rest})
        warning(f"{len(rest)} {'fout' if len(rest) == 1 else 'fouten'} in "
                f"{', '.join(bestanden[:3])}" + (" en meer" if len(bestanden) > 3 else "")
                + f" (eerste: {rest[0].location}: {rest[0].message}); zie 'avgctl check'")


_geladen: list[Register] = []


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a list of 100,000 rows is built and written.

    Those rows are tuples and strings without cycles, but each few hundred new objects set
    off a collection that walks the young ones again, and now and then all of them: a third
    of the time of such a list (DESIGN.md §5). The collector is on again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def uitkomst(register: Register, code: int) -> int:
    """The exit code of an overview (deadlines, status, a list): never 0 when something was
    left out, so that a cron job notices: 2 when a whole file could not be read, else 1."""
    from avgctl.errors import EXIT_FINDINGS, EXIT_USAGE

    if any(item.heel_bestand for item in register.overgeslagen):
        return max(code, EXIT_USAGE)
    return max(code, EXIT_FINDINGS) if register.overgeslagen else code


M = TypeVar("M", bound="BaseModel")

REGISTER = frozenset({"partijen", "bewaartermijnen", "verwerkingen"})
VERZOEKEN = frozenset({"verzoeken"})
TERMIJNEN = frozenset({"verzoeken", "datalekken"})


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise UsageError(f"onbekend formaat {fmt!r}; kies uit: {', '.join(allowed)}")
    return fmt


def valideer(model: type[M], velden: dict[str, Any], wat: str) -> M:
    """Build a record through its model; any problem becomes one Dutch message."""
    from pydantic import ValidationError

    from avgctl.errors import AvgctlError
    from avgctl.store.schemafout import translate_all

    try:
        return model.model_validate(velden)
    except ValidationError as exc:
        fouten = [f for f, _ in translate_all(model, exc.errors(include_url=False))]
        message = "; ".join(f.message + (f" ({f.hint})" if f.hint else "") for f in fouten)
        raise AvgctlError(f"ongeldig {wat}: {message}") from None


def veldfout(model: type[BaseModel], velden: dict[str, Any], loc: tuple[str, ...]) -> str | None:
    """What is wrong with the field at ``loc`` when ``velden`` are built into ``model``, in
    Dutch; None when that field is fine. Problems of other fields are not this question's:
    they are asked later or checked once everything is known."""
    from pydantic import ValidationError

    from avgctl.store.schemafout import translate_all

    try:
        model.model_validate(velden)
    except ValidationError as exc:
        for fout, error in translate_all(model, exc.errors(include_url=False)):
            if tuple(error["loc"][:len(loc)]) == loc:
                return fout.message + (f" ({fout.hint})" if fout.hint else "")
    return None


def niet_gevonden(wat: str, ref: str, bekend: list[str], opdracht: str) -> AvgctlError:
    """'geen verzoek met referentie ...; bedoelde u ...?'"""
    from difflib import get_close_matches

    from avgctl.errors import AvgctlError

    close = get_close_matches(ref, bekend, n=1)
    hint = f"; bedoelde u {close[0]}?" if close else f"; zie '{opdracht}'"
    return AvgctlError(f"geen {wat} {ref!r}{hint}")


def lever(data: bytes, uit: Path | None) -> None:
    """A document to the screen, or atomically to the file ``uit``."""
    from avgctl.output.verwerkingen import write_bytes, written
    from avgctl.store.schrijven import atomic_write

    if uit is None:
        write_bytes(data)
    else:
        if uit.is_dir():
            raise UsageError(f"--uit {uit} is een map; geef de naam van een bestand, "
                             f"bijvoorbeeld {uit / 'document'}")
        atomic_write(uit, data)
        written(uit)


def weiger_bij_fouten(fouten: list[Finding], wat: str) -> None:
    """Refuse a write in which the rules of ``check`` find an error: exit 1, nothing written.

    There is no way to force it: the register must stay valid, and what reaches git stays in
    its history.
    """
    if not fouten:
        return
    regels = [f"er is niets geschreven: {wat} zou "
              f"{'deze fout' if len(fouten) == 1 else 'deze fouten'} in het register brengen"]
    for f in fouten:
        regels.append(f"  {f.location.file}: fout {f.code} {f.message}")
        if f.hint:
            regels.append(f"    → {f.hint}")
    raise AvgctlError("\n".join(regels))


def met_verwerkingen(register: Register, ids: set[str]) -> Register:
    """``register`` (opened without the activities) with the activities ``ids`` refer to, so
    that a rule that looks them up (AVG713) sees what ``check`` sees.

    Quick: only the files named after the ids are read (``<id>-<naam>.yaml``, the name AVG204
    asks for). When one of them is not found that way, or cannot be read, the whole folder is
    read as ``check`` reads it, so the answer is never a guess.
    """
    import dataclasses

    from avgctl.models import Verwerking
    from avgctl.store.register import VERWERKINGEN_DIR, Bron
    from avgctl.store.repo import load_register
    from avgctl.store.yamlfile import LoadError, load_yaml

    if not ids:
        return register
    folder = register.root / VERWERKINGEN_DIR
    try:
        names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    except OSError:
        names = []
    found: list[Bron[Verwerking]] = []
    for wanted in sorted(ids):
        bron = None
        for name in names:
            stem, _, ext = name.rpartition(".")
            if ext not in ("yaml", "yml") or not (stem == wanted or stem.startswith(wanted + "-")):
                continue
            try:
                doc = load_yaml(folder / name, f"{VERWERKINGEN_DIR}/{name}")
                verwerking = Verwerking.model_validate(doc.data)
            except (LoadError, ValueError):
                break  # unreadable or invalid: let the full read report it as check does
            if verwerking.id == wanted:
                bron = Bron(verwerking, doc)
                break
        if bron is None:
            alle = load_register(register.root, frozenset({"verwerkingen"}))
            return dataclasses.replace(
                register, verwerkingen=alle.verwerkingen,
                onleesbaar=register.onleesbaar | {rel for rel in alle.onleesbaar
                                                  if rel.startswith(VERWERKINGEN_DIR)})
        found.append(bron)
    return dataclasses.replace(register, verwerkingen=found)


def leesbaar(register: Register, rel: str, wat: str | None = None,
             regel: int | None = None) -> None:
    """Stop when the file ``rel`` could not be read, or the record ``wat`` in it (on line
    ``regel``, or anywhere in a file of its own) did not validate, with the cause ``check``
    gives.

    Without this a write would fail with a reason that is not the real one ("bestaat al",
    "geen verzoek met referentie") or with a crash. A file that cannot be read at all is an
    unreadable register (exit 2); a record in it with a wrong value is a finding (exit 1).
    """
    # A folder that is a file is reported (AVG001) but holds no records to mark unreadable.
    heel = rel in register.onleesbaar or any(
        f.location.file == rel and f.code == "AVG001" for f in register.load_findings)
    oorzaken = [f for f in register.load_findings if f.location.file == rel
                and (heel or regel is None or f.location.line == regel)]
    if not heel and (wat is None or not oorzaken):
        return
    # Neutral words: the records are looked up by commands that read as well as by writers.
    regels = [f"{rel} is niet te lezen" if heel else f"{wat} in {rel} bevat een fout"]
    for f in oorzaken:
        regels.append(f"  {f.location}: {f.message}")
        if f.hint:
            regels.append(f"    → {f.hint}")
    regels.append("  herstel dit eerst; 'avgctl check' toont alles wat niet klopt")
    raise (UsageError if heel else AvgctlError)("\n".join(regels))

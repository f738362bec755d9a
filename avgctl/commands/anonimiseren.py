"""``avgctl bewaartermijnen anonimiseer``: the plan, and the write under the lock.

Every file is changed on its own: under its write lock (``store.slot.schrijfslot``) it is read
again, each record in it is judged again on that fresh content (someone may have set a
``blokkade`` in the meantime), the new text is made and checked (it must read back as exactly
the intended records), then written atomically (``store.schrijven.atomic_write``) and read back.
A kill at any moment leaves each file either as it was or fully anonymised, never a mix.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from avgctl.bewaartermijnen.eigen import (
    EigenRegel,
    GitAdvies,
    Plan,
    Soort,
    Stap,
    Wijziging,
    anonimiseer_datalek,
    anonimiseer_verzoek,
    beoordeel_eigen,
    verwijderde_teksten,
)
from avgctl.errors import AvgctlError
from avgctl.models.datalek import Datalek
from avgctl.models.verzoek import Verzoek, split_ids
from avgctl.overzicht import bewaren
from avgctl.store.csvfile import CsvDocument, parse_csv
from avgctl.store.register import Register
from avgctl.store.schrijven import atomic_write
from avgctl.store.slot import schrijfslot
from avgctl.store.verzoekschrijver import csv_met, yaml_met
from avgctl.store.yamlfile import LoadError, parse_yaml

VERVANGING = "***geanonimiseerd***"
SCHEMA_REGEL = "# yaml-language-server:"


@dataclass
class Resultaat:
    plan: Plan
    vervangbestand: Path | None
    git: GitAdvies


# --- the plan -----------------------------------------------------------------------------

def _csv_record(doc: CsvDocument, index: int) -> tuple[dict[str, Any], dict[str, str]]:
    """The known fields of a request row (as the loader gives them to the model) and the
    non-empty cells of columns avgctl does not know."""
    known = set(Verzoek.model_fields)
    record: dict[str, Any] = {}
    onbekend: dict[str, str] = {}
    for name, cell in zip(doc.header, doc.rows[index], strict=False):
        if not cell.strip():
            continue
        if name in known:
            record[name] = split_ids(cell) if name == "verwerkingen" else cell
        elif name:
            onbekend[name] = cell
    return record, onbekend


def _wijzigingen(soort: Soort, data: dict[str, Any], onbekend: dict[str, str],
                 op: dt.date) -> tuple[dict[str, Any], list[Wijziging]]:
    if soort == "verzoek":
        nieuw, wijzigingen = anonimiseer_verzoek(data, op)
    else:
        nieuw, wijzigingen = anonimiseer_datalek(data, op)
    # A column avgctl does not know may hold anything, names included (DOMAIN.md §9).
    wijzigingen += [Wijziging(naam, "leeggemaakt", waarde) for naam, waarde in onbekend.items()]
    return nieuw, wijzigingen


def plan(register: Register, vandaag: dt.date) -> Plan:
    """Which own records are due on ``vandaag`` and what anonymising removes from each."""
    result = Plan()
    per_soort = bewaren.regels(register)
    standen = bewaren.standen(register, vandaag)
    for soort, regel in per_soort.items():
        if not regel.bruikbaar and any(e.stand.record.soort == soort for e in standen):
            result.problemen.append(regel.probleem)
    for eigen in standen:
        if not eigen.stand.te_anonimiseren:
            continue
        doc, pad = eigen.plek.doc, eigen.plek.path
        record = eigen.stand.record
        if isinstance(doc, CsvDocument):
            assert isinstance(pad[0], int)
            data, onbekend = _csv_record(doc, pad[0])
        else:
            data, onbekend = dict(doc.data), {}
        _, wijzigingen = _wijzigingen(record.soort, data, onbekend, vandaag)
        result.stappen.append(Stap(record.soort, record.referentie, eigen.plek.file,
                                   eigen.plek.regel, eigen.stand.einde, wijzigingen))
    return result


# --- the write ----------------------------------------------------------------------------

def voer_uit(register: Register, plan: Plan, vandaag: dt.date) -> Resultaat:
    """Anonymise every record of ``plan``, file by file, each under its lock.

    The rules and the policy come from ``register``; the records themselves are read again
    under the lock of their file.
    """
    from zoneinfo import ZoneInfo

    per_bestand: dict[str, list[Stap]] = {}
    for stap in plan.stappen:
        per_bestand.setdefault(stap.bestand, []).append(stap)
    kader = Kader(bewaren.regels(register), bewaren.boekjaar(register), ZoneInfo(
        register.config.model.beleid.tijdzone if register.config else "Europe/Amsterdam"),
        vandaag)
    gedaan = Plan(problemen=list(plan.problemen))
    for rel in sorted(per_bestand):
        stappen = per_bestand[rel]
        path = register.root / rel
        with schrijfslot(path):
            if rel.endswith(".csv"):
                gedaan.stappen += _csv(path, rel, stappen, kader)
            else:
                gedaan.stappen += _yaml(path, rel, stappen[0], kader)
    vervang, advies = _git_stap(register.root, gedaan, vandaag)
    return Resultaat(gedaan, vervang, advies)


@dataclass(frozen=True)
class Kader:
    """What judging a record again needs besides the record."""

    regels: dict[Soort, EigenRegel]
    boekjaar: tuple[int, int]
    zone: ZoneInfo
    vandaag: dt.date

    def vervallen(self, model: Verzoek | Datalek) -> bool:
        if isinstance(model, Verzoek):
            record = bewaren.uit_verzoek(model)
        else:
            record = bewaren.uit_datalek(model, self.zone)
        return beoordeel_eigen(record, self.regels[record.soort], self.vandaag,
                               self.boekjaar).te_anonimiseren


def _lees(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AvgctlError(f"{path} kan niet worden gelezen: {exc}") from exc


def _csv(path: Path, rel: str, stappen: list[Stap], kader: Kader) -> list[Stap]:
    text = _lees(path)
    doc = parse_csv(text, rel)
    refs = {s.referentie for s in stappen}
    ref_kolom = doc.column("referentie")
    assert ref_kolom is not None
    cellen: dict[str, dict[str, str]] = {}
    verwacht: dict[int, dict[str, Any]] = {}
    gedaan = []
    for index, row in enumerate(doc.rows):
        ref = row[ref_kolom].strip() if ref_kolom < len(row) else ""
        if ref not in refs or ref in cellen:
            continue
        data, onbekend = _csv_record(doc, index)
        model = Verzoek.model_validate(data)  # the loader validated it; it must still be valid
        if not kader.vervallen(model):
            continue  # changed since the plan was made (a blokkade, a new date)
        nieuw, wijzigingen = _wijzigingen("verzoek", data, onbekend, kader.vandaag)
        wijzig = {naam: "" for naam in (*data, *onbekend) if naam not in nieuw}
        wijzig.update({naam: _cel(waarde) for naam, waarde in nieuw.items()
                       if data.get(naam) != waarde})
        cellen[ref] = wijzig
        verwacht[index] = nieuw
        stap = next(s for s in stappen if s.referentie == ref)
        gedaan.append(Stap(stap.soort, ref, rel, doc.lines[index], stap.einde, wijzigingen))
    if not cellen:
        return []
    nieuw_text = csv_met(text, cellen, None, path)
    _controleer_csv(doc, parse_csv(nieuw_text, rel), verwacht, path)
    _schrijf(path, nieuw_text)
    return gedaan


def _cel(waarde: Any) -> str:
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, list):
        return "; ".join(str(v) for v in waarde)
    return str(waarde)


def _controleer_csv(oud: CsvDocument, nieuw: CsvDocument, verwacht: dict[int, dict[str, Any]],
                    path: Path) -> None:
    """The new register holds the same rows, the anonymised ones exactly as intended."""
    fout = AvgctlError(f"{path}: het geanonimiseerde bestand zou niet teruggelezen worden "
                       "zoals bedoeld; er is niets geschreven. Pas het met de hand aan")
    if len(nieuw.rows) != len(oud.rows):
        raise fout
    for index, row in enumerate(nieuw.rows):
        if index not in verwacht:
            if row != oud.rows[index]:
                raise fout
            continue
        data, onbekend = _csv_record(nieuw, index)
        if onbekend or Verzoek.model_validate(data) != Verzoek.model_validate(verwacht[index]):
            raise fout


def _yaml(path: Path, rel: str, stap: Stap, kader: Kader) -> list[Stap]:
    text = _lees(path)
    try:
        data = parse_yaml(text, rel).data
    except LoadError as exc:
        raise AvgctlError(f"{rel}:{exc.line}: {exc.message}; er is niets geschreven") from None
    model_type: type[Verzoek] | type[Datalek] = Verzoek if stap.soort == "verzoek" else Datalek
    model = model_type.model_validate(data)
    if not kader.vervallen(model):
        return []  # changed since the plan was made (a blokkade, a new date)
    nieuw, wijzigingen = _wijzigingen(stap.soort, dict(data), {}, kader.vandaag)
    changes = {naam: nieuw.get(naam) for naam in {*data, *nieuw}
               if data.get(naam) != nieuw.get(naam)}
    nieuw_text = _zonder_commentaar(yaml_met(text, changes))
    try:
        terug = parse_yaml(nieuw_text, rel).data
        gelijk = model_type.model_validate(terug) == model_type.model_validate(nieuw)
    except (LoadError, ValueError):
        gelijk = False
    if not gelijk:
        raise AvgctlError(f"{rel}: het geanonimiseerde bestand zou niet teruggelezen worden "
                          "zoals bedoeld; er is niets geschreven. Pas het met de hand aan")
    _schrijf(path, nieuw_text)
    return [Stap(stap.soort, stap.referentie, rel, stap.regel, stap.einde, wijzigingen)]


def _zonder_commentaar(text: str) -> str:
    """Comment lines may describe the case in free text too (DOMAIN.md §9): they go, except
    the line that tells an editor the schema."""
    lines = text.splitlines(keepends=True)
    kept = [line for line in lines
            if not line.lstrip().startswith("#") or line.startswith(SCHEMA_REGEL)]
    return "".join(kept)


def _schrijf(path: Path, text: str) -> None:
    data = text.encode("utf-8")
    atomic_write(path, data)
    if path.read_bytes() != data:  # read back: what is on disk is what was meant
        raise AvgctlError(f"{path} is na het schrijven anders dan bedoeld; controleer het "
                          "bestand en draai 'avgctl check'")


# --- git history --------------------------------------------------------------------------

def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                text=True, check=False, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


_YAML_KOP = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w.]*\s*:\s*)?[>|]?[-+]?\s*[\"']?")


def literals(wijzigingen: Iterable[Wijziging], oude_teksten: Iterable[str]) -> list[str]:
    """What to give ``git filter-repo --replace-text``: each removed text, and each line of
    the old files that is part of one (a long text in YAML is folded over several lines)."""
    waarden = [w for stap in wijzigingen for w in verwijderde_teksten([stap])]
    plat = [" ".join(w.split()) for w in waarden]
    found: dict[str, None] = {}
    for waarde in waarden:
        for regel in waarde.splitlines():
            if len(regel.strip()) >= 4:
                found[regel.strip()] = None
                if '"' in regel:
                    found[regel.strip().replace('"', '""')] = None  # as a CSV cell
    for text in oude_teksten:
        for line in text.splitlines():
            stuk = _YAML_KOP.sub("", line).rstrip().rstrip("\"'")
            if len(stuk) >= 8 and any(stuk in w for w in plat):
                found[stuk] = None
    # A text that still stands in the register (the same case number in a newer request) is
    # left out: replacing it in history would change the current files too.
    return [t for t in found if "==>" not in t and "\n" not in t]


def _git_stap(root: Path, gedaan: Plan, vandaag: dt.date) -> tuple[Path | None, GitAdvies]:
    gitdir = _git(root, "rev-parse", "--absolute-git-dir")
    remote = _git(root, "remote", "get-url", "origin") if gitdir else None
    if not gitdir or not gedaan.stappen:
        return None, GitAdvies(root, bool(gitdir), remote, 0)
    oud: list[str] = []
    for rel in sorted({s.bestand for s in gedaan.stappen}):
        # The version in git, not on disk: that is what history keeps.
        tekst = _git(root, "show", f"HEAD:{_pad_in_git(root, rel)}")
        if tekst:
            oud.append(tekst)
    kandidaten = literals([w for s in gedaan.stappen for w in s.wijzigingen], oud)
    huidig = _huidige_teksten(root)
    gebruikt = [t for t in kandidaten if t not in huidig]
    bestand = Path(gitdir) / f"avgctl-vervangingen-{vandaag.isoformat()}.txt"
    inhoud = "".join(f"literal:{t}==>{VERVANGING}\n" for t in gebruikt)
    atomic_write(bestand, inhoud.encode("utf-8"))
    os.chmod(bestand, 0o600)  # it holds the very texts that were removed
    return bestand, GitAdvies(root, True, remote, len(kandidaten) - len(gebruikt))


def _pad_in_git(root: Path, rel: str) -> str:
    prefix = _git(root, "rev-parse", "--show-prefix") or ""
    return f"{prefix}{rel}"


def _huidige_teksten(root: Path) -> str:
    parts = []
    for path in [root / "avgctl.yaml", *sorted((root / "registers").rglob("*"))]:
        if path.is_file() and path.suffix in (".yaml", ".csv"):
            try:
                parts.append(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return "\n".join(parts)

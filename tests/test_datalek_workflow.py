"""The breach workflow end to end (``avgctl datalek ...``): registering, assessing, notifying
and updating a breach file without disturbing the rest of it; the 72-hour clock in ``show``,
``list``, ``deadlines`` and ``check``; the AP notification, the letter and the trend figures.

Every repository here is built from ``BASIS`` with hand-written breaches: the built-in example
is not used. Every command gets ``--vandaag`` and/or ``--nu``; nothing depends on the clock.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import html5lib
import icalendar
import pytest

from avgctl.store.repo import load_register
from tests.conftest import BASIS, GOLDEN, assert_golden, check_repo, write_repo

GOLDEN_DL = GOLDEN / "datalek"
DL = "registers/datalekken"
KOP = ("# Datalek, geregistreerd met avgctl. Alleen functies en aantallen: geen namen of "
       "andere gegevens van betrokkenen.\n")

# BASIS's configuration with telephone numbers, so that the AP form can be complete.
CONFIG = """\
organisatie:
  naam: Kantoor Voorbeeld
  overheid: false
  contact:
    adres: Dorpsstraat 1, 1234 AB Ergens
    email: privacy@kantoor.example
    telefoon: 010 123 45 67
  fg:
    naam: Functionaris gegevensbescherming
    email: fg@kantoor.example
    telefoon: 010 123 45 68
"""



def _slot(path: Path) -> bool:
    """A lock file beside a register file: it stays after a write (see store/slot.py)."""
    return path.name.startswith(".") and path.name.endswith(".lock")

def _repo(tmp_path: Path, datalekken: dict[str, str] | None = None,
          extra: dict[str, str] | None = None) -> Path:
    files = dict(BASIS)
    files.update({f"{DL}/{ref}.yaml": text for ref, text in (datalekken or {}).items()})
    files.update(extra or {})
    return write_repo(tmp_path / "repo", files)


def _run(cli: Any, root: Path, *args: str) -> Any:
    return cli(*args, "--repo", str(root))


def _ok(cli: Any, root: Path, *args: str) -> str:
    result = _run(cli, root, *args)
    assert (result.exit_code, result.err) == (0, ""), result.err
    out: str = result.out
    return out


_SLEUTEL = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:")


def _buiten(data: bytes, sleutels: set[str]) -> list[bytes]:
    """The lines of a YAML file outside the top-level blocks of ``sleutels``, with their line
    endings: a block is its key line plus the indented (or ``- ``) lines after it."""
    out: list[bytes] = []
    overslaan = False
    for line in data.splitlines(keepends=True):
        text = line.decode("utf-8")
        match = _SLEUTEL.match(text)
        if match:
            overslaan = match.group(1) in sleutels
        elif not text.startswith((" ", "\t", "- ")):
            overslaan = False  # a comment or blank line at the margin ends a block
        if not overslaan:
            out.append(line)
    return out


def _alleen(voor: bytes, na: bytes, sleutels: set[str]) -> None:
    """Only the blocks of ``sleutels`` changed: every other line is byte-identical, in order."""
    assert _buiten(na, sleutels) == _buiten(voor, sleutels)


def _geen_tijdelijke_bestanden(root: Path) -> None:
    assert [p for p in root.rglob("*") if p.name.endswith(".tmp")] == []


# --- 1. the workflow -------------------------------------------------------------------------

ADD = ("datalek", "add", "--ontdekt-op", "2026-03-27T10:00",
       "--beschrijving", "Brief met dossiergegevens naar een verkeerd adres gestuurd.",
       "--soort", "vertrouwelijkheid", "--gegevens", "NAW, financiele_gegevens",
       "--betrokkenen", "debiteur", "--aantal", "12", "--gemeld-door", "Postkamer",
       "--vandaag", "2026-03-27")

NA_ADD = KOP + """\
referentie: DL-2026-001
gemeld_door: Postkamer
ontdekt_op: 2026-03-27T10:00:00+01:00
beschrijving: Brief met dossiergegevens naar een verkeerd adres gestuurd.
soort: [vertrouwelijkheid]
gegevens: [NAW, financiele_gegevens]
betrokkenen:
  categorieen: [debiteur]
  aantal: 12
"""
BEOORDELING = """\
beoordeling:
  persoonsgegevens: true
  veel_betrokkenen: false
  gevoelige_gegevens: true
  langdurig: false
  onleesbaar: false
  voorstel: risico
  besloten_door: FG
  besloten_op: 2026-03-27
risico: risico
besluit_motivatie: Financiele gegevens van 12 debiteuren bij een onbekende.
"""
VOORLOPIG = """\
ap_meldingen:
  - soort: voorlopig
    op: 2026-03-28T09:00:00+01:00
    kenmerk: M-1
"""
AANVULLING = "  - soort: aanvulling\n    op: 2026-04-02T09:00:00+02:00\n"

BEOORDELING_TEKST = """\
Beoordeling van DL-2026-001:
  Zijn persoonsgegevens getroffen? ja
  Gaat het om veel mensen? nee
  Zijn gevoelige gegevens betrokken (bijzondere, strafrechtelijke of financiële gegevens, \
BSN, identiteitsbewijzen)? ja
  Waren de gegevens lang onbeschermd, of is het lek nog niet gedicht? nee
  Waren de gegevens onleesbaar voor onbevoegden (versleuteld)? nee
Voorstel van avgctl: risico: melden aan de AP. U beslist.
"""


def test_workflow_from_add_to_measures(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path)
    path = root / DL / "DL-2026-001.yaml"

    # add: stdin is no terminal, so nothing is asked. --vandaag without --nu counts from the
    # start of that day: 00:00 CET = 23:00 UTC on the 26th; the deadline is 09:00 UTC on
    # Monday 30 March (11:00 CEST), 82 hours later.
    out = _ok(cli, root, *ADD)
    assert out == ("Datalek DL-2026-001 geregistreerd in DL-2026-001.yaml.\n"
                   "  uiterste melding bij de AP: AP-termijn 2026-03-30 11:00 CEST "
                   "(nog 82 uur)\n"
                   "Beoordeel nu of het gemeld moet worden: avgctl datalek beoordeel "
                   "DL-2026-001\n")
    assert path.read_text(encoding="utf-8") == NA_ADD

    # A second breach gets the next number, whatever the first one's file holds.
    out = _ok(cli, root, "datalek", "add", "--ontdekt-op", "2026-03-28T08:15",
              "--beschrijving", "Laptop gestolen.", "--soort", "vertrouwelijkheid",
              "--vandaag", "2026-03-28")
    assert out.splitlines()[0] == "Datalek DL-2026-002 geregistreerd in DL-2026-002.yaml."
    assert (root / DL / "DL-2026-002.yaml").read_text(encoding="utf-8") == KOP + (
        "referentie: DL-2026-002\nontdekt_op: 2026-03-28T08:15:00+01:00\n"
        "beschrijving: Laptop gestolen.\nsoort: [vertrouwelijkheid]\n")
    assert path.read_text(encoding="utf-8") == NA_ADD

    # beoordeel without --risico: avgctl suggests, a person decides; nothing is written.
    result = _run(cli, root, "datalek", "beoordeel", "DL-2026-001", "--vandaag", "2026-03-27")
    assert result.exit_code == 2
    assert result.out == BEOORDELING_TEKST
    assert result.err == ("fout: geef het besluit met --risico geen|risico|hoog_risico; avgctl "
                          "stelt 'risico' voor, maar een mens beslist\n")
    assert path.read_text(encoding="utf-8") == NA_ADD
    result = _run(cli, root, "datalek", "beoordeel", "DL-2026-001", "--risico", "risico",
                  "--vandaag", "2026-03-27")
    assert (result.exit_code, result.err) == (
        2, "fout: geef de redenering van het besluit met --motivatie\n")
    assert path.read_text(encoding="utf-8") == NA_ADD

    voor = path.read_bytes()
    out = _ok(cli, root, "datalek", "beoordeel", "DL-2026-001", "--risico", "risico",
              "--motivatie", "Financiele gegevens van 12 debiteuren bij een onbekende.",
              "--besloten-door", "FG", "--vandaag", "2026-03-27")
    assert out == BEOORDELING_TEKST + (
        "Besluit vastgelegd voor DL-2026-001: risico: melden aan de AP.\n"
        "De inhoud voor het meldformulier: avgctl datalek ap-melding DL-2026-001\n")
    assert path.read_text(encoding="utf-8") == NA_ADD + BEOORDELING
    _alleen(voor, path.read_bytes(), {"beoordeling", "risico", "besluit_motivatie"})

    # meld: the moment is --nu, read in Europe/Amsterdam (CET on 28 March).
    voor = path.read_bytes()
    out = _ok(cli, root, "datalek", "meld", "DL-2026-001", "--soort", "voorlopig",
              "--kenmerk", "M-1", "--nu", "2026-03-28T09:00")
    assert out == ("Melding (voorlopig) van DL-2026-001 aan de AP vastgelegd, kenmerk M-1: "
                   "gemeld 2026-03-28 09:00 (op tijd).\n")
    assert path.read_text(encoding="utf-8") == NA_ADD + BEOORDELING + VOORLOPIG
    _alleen(voor, path.read_bytes(), {"ap_meldingen"})

    # An addition after the 72 hours needs no reason: the first notification was in time.
    # 2 April is summer time: +02:00.
    voor = path.read_bytes()
    out = _ok(cli, root, "datalek", "meld", "DL-2026-001", "--soort", "aanvulling",
              "--nu", "2026-04-02T09:00")
    assert out == ("Melding (aanvulling) van DL-2026-001 aan de AP vastgelegd: "
                   "gemeld 2026-03-28 09:00 (op tijd).\n")
    assert path.read_text(encoding="utf-8") == NA_ADD + BEOORDELING + VOORLOPIG + AANVULLING
    _alleen(voor, path.read_bytes(), {"ap_meldingen"})

    # Two measures, one at a time: the second is added to the first.
    for maatregel in ("Ontvanger gevraagd de brief te vernietigen.",
                      "Adres in het systeem gecorrigeerd."):
        voor = path.read_bytes()
        out = _ok(cli, root, "datalek", "update", "DL-2026-001", "--maatregel", maatregel)
        assert out == "Datalek DL-2026-001 bijgewerkt: maatregelen.\n"
        _alleen(voor, path.read_bytes(), {"maatregelen"})
    assert path.read_text(encoding="utf-8") == NA_ADD + BEOORDELING + VOORLOPIG + AANVULLING + (
        "maatregelen:\n  genomen: [Ontvanger gevraagd de brief te vernietigen., "
        "Adres in het systeem gecorrigeerd.]\n")
    model = load_register(root).datalekken
    assert [b.model.referentie for b in model] == ["DL-2026-001", "DL-2026-002"]
    assert model[0].model.maatregelen is not None
    assert model[0].model.maatregelen.genomen == [
        "Ontvanger gevraagd de brief te vernietigen.", "Adres in het systeem gecorrigeerd."]
    # DL-2026-002 is not assessed; its 72 hours (08:15 CET on 28 March = 07:15 UTC, so until
    # 09:15 CEST on 31 March) have not passed at the start of 31 March...
    assert [f.code for f in check_repo(root, dt.date(2026, 3, 31))] == []
    # ... and have at the start of 1 April.
    assert [(f.code, f.location.file) for f in check_repo(root, dt.date(2026, 4, 1))] == [
        ("AVG802", f"{DL}/DL-2026-002.yaml")]


def test_update_without_options_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, {"DL-2026-001": KLOK_LENTE})
    voor = (root / DL / "DL-2026-001.yaml").read_bytes()
    result = _run(cli, root, "datalek", "update", "DL-2026-001")
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == "fout: niets te wijzigen; geef ten minste één optie, zie --help\n"
    assert (root / DL / "DL-2026-001.yaml").read_bytes() == voor


def test_unknown_reference_suggests_the_nearest(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, {"DL-2026-001": KLOK_LENTE})
    result = _run(cli, root, "datalek", "show", "DL-2026-01", "--nu", "2026-03-28T09:00")
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == ("fout: geen datalek met referentie 'DL-2026-01'; bedoelde u "
                          "DL-2026-001?\n")


LAAT = """\
referentie: DL-2026-001
ontdekt_op: 2026-03-27T10:00:00+01:00
beschrijving: Brief naar een verkeerd adres.
soort: [vertrouwelijkheid]
risico: risico
besluit_motivatie: Financiele gegevens.
"""
TE_LAAT = ("fout: DL-2026-001 wordt later dan 72 uur na ontdekking gemeld; de reden van de "
           "vertraging hoort bij de melding (art. 33 lid 1 AVG). Geef die met "
           "--reden-vertraging\n")


def test_late_first_notification_needs_a_reason(cli: Any, tmp_path: Path) -> None:
    # Discovered Friday 27 March 10:00 CET; the 72 hours end Monday 30 March 11:00 CEST.
    root = _repo(tmp_path, {"DL-2026-001": LAAT})
    path = root / DL / "DL-2026-001.yaml"
    voor = path.read_bytes()
    result = _run(cli, root, "datalek", "meld", "DL-2026-001", "--soort", "volledig",
                  "--kenmerk", "M-7", "--nu", "2026-03-30T11:00:01")
    assert (result.exit_code, result.out, result.err) == (1, "", TE_LAAT)
    assert path.read_bytes() == voor

    out = _ok(cli, root, "datalek", "meld", "DL-2026-001", "--soort", "volledig",
              "--kenmerk", "M-7", "--nu", "2026-03-30T11:00:01",
              "--reden-vertraging", "De omvang werd pas na onderzoek duidelijk.")
    assert out == ("Melding (volledig) van DL-2026-001 aan de AP vastgelegd, kenmerk M-7: "
                   "gemeld 2026-03-30 11:00 (te laat).\n")
    assert path.read_text(encoding="utf-8") == LAAT + (
        "ap_meldingen:\n  - soort: volledig\n    op: 2026-03-30T11:00:01+02:00\n"
        "    kenmerk: M-7\nreden_vertraging: De omvang werd pas na onderzoek duidelijk.\n")
    _alleen(voor, path.read_bytes(), {"ap_meldingen", "reden_vertraging"})
    # The reason is recorded, so the check has nothing to say (no AVG801).
    assert check_repo(root, dt.date(2026, 4, 10)) == []


def test_notification_exactly_at_the_deadline_is_in_time(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, {"DL-2026-001": LAAT})
    out = _ok(cli, root, "datalek", "meld", "DL-2026-001", "--soort", "voorlopig",
              "--nu", "2026-03-30T11:00")
    assert out == ("Melding (voorlopig) van DL-2026-001 aan de AP vastgelegd: "
                   "gemeld 2026-03-30 11:00 (op tijd).\n")


def test_reason_recorded_beforehand_is_enough(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, {"DL-2026-001": LAAT})
    _ok(cli, root, "datalek", "update", "DL-2026-001", "--reden-vertraging",
        "Het incident werd pas na het weekend als datalek herkend.")
    out = _ok(cli, root, "datalek", "meld", "DL-2026-001", "--soort", "volledig",
              "--nu", "2026-03-31T09:00")
    assert out.endswith("gemeld 2026-03-31 09:00 (te laat).\n")


HANDWERK = """\
# Handgeschreven datalek; een collega zet hier opmerkingen bij.
referentie: DL-2026-007  # de referentie

ontdekt_op: 2026-03-27T10:00:00+01:00

# Wat er gebeurde
beschrijving: Laptop met klantdossiers in de trein laten liggen.  # voorlopig
soort: [vertrouwelijkheid, beschikbaarheid]   # twee soorten

gegevens: [NAW, bsn]
betrokkenen:
  # schatting van de afdeling
  categorieen: [opdrachtgever]
  aantal: 40
risico: risico  # eerste inschatting

# einde van het handwerk
"""
HANDWERK_NA = """\
# Handgeschreven datalek; een collega zet hier opmerkingen bij.
referentie: DL-2026-007  # de referentie

ontdekt_op: 2026-03-27T10:00:00+01:00

# Wat er gebeurde
beschrijving: Laptop met klantdossiers in de trein laten liggen; niet teruggevonden.  # voorlopig
soort: [vertrouwelijkheid, beschikbaarheid]   # twee soorten

gegevens: [NAW, bsn]
betrokkenen:
  # schatting van de afdeling
  categorieen: [opdrachtgever]
  aantal: 40
risico: hoog_risico  # eerste inschatting

# einde van het handwerk
ingedamd: false
maatregelen:
  genomen: [Laptop op afstand gewist.]
beoordeling:
  persoonsgegevens: true
  veel_betrokkenen: false
  gevoelige_gegevens: true
  langdurig: true
  onleesbaar: false
  voorstel: hoog_risico
  besloten_op: 2026-03-28
besluit_motivatie: BSN op een onversleutelde laptop.
ap_meldingen:
  - soort: voorlopig
    op: 2026-03-28T09:30:00+01:00
    kenmerk: M-7
"""
# (command, the top-level blocks it may change)
STAPPEN: list[tuple[tuple[str, ...], set[str]]] = [
    (("datalek", "update", "DL-2026-007", "--beschrijving",
      "Laptop met klantdossiers in de trein laten liggen; niet teruggevonden."),
     {"beschrijving"}),
    (("datalek", "update", "DL-2026-007", "--maatregel", "Laptop op afstand gewist.",
      "--niet-ingedamd"), {"ingedamd", "maatregelen"}),
    (("datalek", "beoordeel", "DL-2026-007", "--risico", "hoog_risico", "--motivatie",
      "BSN op een onversleutelde laptop.", "--vandaag", "2026-03-28"),
     {"beoordeling", "risico", "besluit_motivatie"}),
    (("datalek", "meld", "DL-2026-007", "--soort", "voorlopig", "--kenmerk", "M-7",
      "--nu", "2026-03-28T09:30"), {"ap_meldingen"}),
]


def test_comments_and_blank_lines_survive(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, {"DL-2026-007": HANDWERK})
    path = root / DL / "DL-2026-007.yaml"
    for args, sleutels in STAPPEN:
        voor = path.read_bytes()
        _ok(cli, root, *args)
        _alleen(voor, path.read_bytes(), sleutels)
    # A changed one-line field keeps its comment; new fields go at the end.
    assert path.read_text(encoding="utf-8") == HANDWERK_NA
    assert [f.code for f in check_repo(root, dt.date(2026, 3, 29))] == ["AVG803"]


def test_crlf_files_keep_crlf(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path)
    path = root / DL / "DL-2026-007.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(HANDWERK.replace("\n", "\r\n").encode("utf-8"))
    for args, sleutels in STAPPEN:
        voor = path.read_bytes()
        _ok(cli, root, *args)
        na = path.read_bytes()
        assert na.count(b"\n") == na.count(b"\r\n")
        _alleen(voor, na, sleutels)
    assert path.read_bytes() == HANDWERK_NA.replace("\n", "\r\n").encode("utf-8")


# (command, the file it writes)
SCHRIJVEN: dict[str, tuple[tuple[str, ...], str]] = {
    "add": (("datalek", "add", "--ontdekt-op", "2026-03-28T08:00", "--beschrijving", "Nieuw.",
             "--soort", "integriteit", "--vandaag", "2026-03-28"), "DL-2026-008.yaml"),
    "update": (("datalek", "update", "DL-2026-007", "--maatregel", "Gewist."),
               "DL-2026-007.yaml"),
    "beoordeel": (("datalek", "beoordeel", "DL-2026-007", "--risico", "risico", "--motivatie",
                   "BSN.", "--vandaag", "2026-03-28"), "DL-2026-007.yaml"),
    "meld": (("datalek", "meld", "DL-2026-007", "--soort", "voorlopig", "--nu",
              "2026-03-28T09:30"), "DL-2026-007.yaml"),
}


def _na_de_beoordeling(out: str) -> str:
    """What a command printed after beoordeel's suggestion (which comes before the write)."""
    return out.split("U beslist.\n", 1)[-1]


@pytest.mark.parametrize("command", sorted(SCHRIJVEN))
def test_failing_write_leaves_the_file_alone(cli: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             command: str) -> None:
    from avgctl.store import schrijven

    root = _repo(tmp_path, {"DL-2026-007": HANDWERK})
    args, bestand = SCHRIJVEN[command]
    calls: list[tuple[object, object]] = []

    def kapot(src: object, dst: object) -> None:
        calls.append((src, dst))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(schrijven.os, "replace", kapot)
    monkeypatch.setattr(schrijven.os, "link", kapot)  # a new file is linked into place
    voor = {p.name: p.read_bytes() for p in (root / DL).iterdir() if not _slot(p)}
    result = _run(cli, root, *args)
    assert len(calls) == 1
    assert (result.exit_code, _na_de_beoordeling(result.out)) == (1, "")
    assert result.err == (f"fout: {root / DL / bestand} kan niet worden geschreven: "
                          "de schijf is vol\n")
    assert {p.name: p.read_bytes() for p in (root / DL).iterdir() if not _slot(p)} == voor
    _geen_tijdelijke_bestanden(root)


COLLEGA = "# een collega sloeg het bestand intussen op\n"


@pytest.mark.parametrize("command", ["beoordeel", "meld", "update"])
def test_concurrent_change_is_refused(cli: Any, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    from avgctl.commands import datalek

    root = _repo(tmp_path, {"DL-2026-007": HANDWERK})
    path = root / DL / "DL-2026-007.yaml"
    real = datalek.open_register

    def en_dan_een_collega(*args: Any, **kwargs: Any) -> Any:
        register = real(*args, **kwargs)
        with path.open("a", encoding="utf-8", newline="") as stream:
            stream.write(COLLEGA)
        return register

    monkeypatch.setattr(datalek, "open_register", en_dan_een_collega)
    result = _run(cli, root, *SCHRIJVEN[command][0])
    assert (result.exit_code, _na_de_beoordeling(result.out)) == (1, "")
    assert result.err == (f"fout: {path} is gewijzigd sinds avgctl het las; er is niets "
                          "geschreven. Draai de opdracht opnieuw\n")
    assert path.read_text(encoding="utf-8") == HANDWERK + COLLEGA
    _geen_tijdelijke_bestanden(root)


# --- 2. the clock ----------------------------------------------------------------------------

# Friday 27 March 2026 10:00 CET = 09:00 UTC; + 72 h = Monday 30 March 09:00 UTC = 11:00 CEST
# (the clocks go forward on Sunday 29 March).
KLOK_LENTE = """\
referentie: DL-2026-001
ontdekt_op: 2026-03-27T10:00:00+01:00
beschrijving: Brief naar een verkeerd adres.
soort: [vertrouwelijkheid]
risico: risico
besluit_motivatie: Financiele gegevens.
"""
# Friday 23 October 2026 10:00 CEST = 08:00 UTC; + 72 h = Monday 26 October 08:00 UTC
# = 09:00 CET (the clocks go back on Sunday 25 October). Not assessed yet.
KLOK_HERFST = """\
referentie: DL-2026-002
ontdekt_op: 2026-10-23T10:00:00+02:00
beschrijving: Server met back-ups onbereikbaar.
soort: [beschikbaarheid]
"""
# Sunday 29 March 12:00 CEST = 10:00 UTC; + 72 h = Wednesday 1 April 12:00 CEST.
KLOK_ZONDAG = """\
referentie: DL-2026-003
ontdekt_op: 2026-03-29T12:00:00+02:00
beschrijving: Wachtwoord van een medewerker uitgelekt.
soort: [vertrouwelijkheid]
risico: risico
besluit_motivatie: Toegang tot dossiers.
"""
# Notified in time, and judged harmless: neither has a running clock.
KLOK_GEMELD = """\
referentie: DL-2026-004
ontdekt_op: 2026-02-10T09:00:00+01:00
beschrijving: E-mail naar de verkeerde opdrachtgever.
soort: [vertrouwelijkheid]
risico: risico
besluit_motivatie: Dossiergegevens.
ap_meldingen:
  - soort: volledig
    op: 2026-02-11T09:00:00+01:00
    kenmerk: M-4
"""
KLOK_GEEN = """\
referentie: DL-2026-005
ontdekt_op: 2026-03-01T09:00:00+01:00
beschrijving: Versleutelde USB-stick kwijt.
soort: [beschikbaarheid]
versleuteld: true
risico: geen
besluit_motivatie: De gegevens waren versleuteld.
"""
# Two requests: due Wednesday 1 April (48 h from 30 March) and Thursday 2 April (72 h).
VERZOEKEN = """\
referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,behandelaar,status,verificatie
AVG-2026-0001,2026-03-01,K-1001,betrokkene,email,inzage,Bureaumanager,open,positief
AVG-2026-0002,2026-03-02,K-1002,betrokkene,email,inzage,Bureaumanager,open,positief
"""
VOOR = "2026-03-30T10:59"  # a minute before the deadline, CEST
NA = "2026-03-30T11:00:01"  # a second after it


@pytest.fixture
def klok(tmp_path: Path) -> Path:
    return _repo(tmp_path, {"DL-2026-001": KLOK_LENTE, "DL-2026-002": KLOK_HERFST,
                            "DL-2026-003": KLOK_ZONDAG, "DL-2026-004": KLOK_GEMELD,
                            "DL-2026-005": KLOK_GEEN},
                 {"registers/verzoeken.csv": VERZOEKEN})


def _deadlines(cli: Any, root: Path, nu: str, *args: str) -> Any:
    return _run(cli, root, "deadlines", "--vandaag", "2026-03-30", "--nu", nu, *args)


# Sorted by hours left: DL-2026-001 0.02 h, AVG-2026-0001 48 h, DL-2026-003 49.02 h
# (1 April 10:00 UTC - 30 March 08:59 UTC), AVG-2026-0002 72 h, DL-2026-002 5039.02 h
# (210 days to 26 October 08:00 UTC, less 59 minutes).
DEADLINES_VOOR = """\
  referentie     wat                                       wettelijk                     eigen termijn
  DL-2026-001    melding AP (72 uur)                       2026-03-30 11:00  nog 0 u
  AVG-2026-0001  inzage (art. 15 AVG)                      2026-04-01        nog 2 d     2026-04-01     nog 2 d
  DL-2026-003    melding AP (72 uur)                       2026-04-01 12:00  nog 49 u
  AVG-2026-0002  inzage (art. 15 AVG)                      2026-04-02        nog 3 d     2026-04-02     nog 3 d
  DL-2026-002    melding AP (72 uur), nog niet beoordeeld  2026-10-26 09:00  nog 5039 u
5 open termijnen, 0 te laat
"""  # noqa: E501
DEADLINES_NA = """\
         referentie     wat                                       wettelijk                      eigen termijn
TE LAAT  DL-2026-001    melding AP (72 uur)                       2026-03-30 11:00  0 u te laat
         AVG-2026-0001  inzage (art. 15 AVG)                      2026-04-01        nog 2 d      2026-04-01     nog 2 d
         DL-2026-003    melding AP (72 uur)                       2026-04-01 12:00  nog 49 u
         AVG-2026-0002  inzage (art. 15 AVG)                      2026-04-02        nog 3 d      2026-04-02     nog 3 d
         DL-2026-002    melding AP (72 uur), nog niet beoordeeld  2026-10-26 09:00  nog 5039 u
5 open termijnen, 1 te laat
"""  # noqa: E501


def test_deadlines_one_minute_before(cli: Any, klok: Path) -> None:
    result = _deadlines(cli, klok, VOOR, "--fail-on", "overdue")
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == DEADLINES_VOOR


def test_deadlines_one_second_after(cli: Any, klok: Path) -> None:
    result = _deadlines(cli, klok, NA, "--fail-on", "overdue")
    assert (result.exit_code, result.err) == (1, "")
    assert result.out == DEADLINES_NA


def test_deadlines_json_gives_the_moment_with_its_offset(cli: Any, klok: Path) -> None:
    result = _deadlines(cli, klok, NA, "--format", "json")
    assert (result.exit_code, result.err) == (0, "")
    rows = {r["referentie"]: r for r in json.loads(result.out)}
    assert list(rows) == ["DL-2026-001", "AVG-2026-0001", "DL-2026-003", "AVG-2026-0002",
                          "DL-2026-002"]
    assert rows["DL-2026-001"] == {
        "soort": "datalek", "referentie": "DL-2026-001", "omschrijving": "melding AP (72 uur)",
        "wettelijk": "2026-03-30T11:00:00+02:00", "dagen_wettelijk": -1, "intern": None,
        "dagen_intern": None, "te_laat": True, "bestand": f"{DL}/DL-2026-001.yaml",
        "regel": 2}
    assert rows["DL-2026-002"]["wettelijk"] == "2026-10-26T09:00:00+01:00"
    assert rows["DL-2026-003"]["wettelijk"] == "2026-04-01T12:00:00+02:00"


def test_deadlines_with_an_offset_in_nu(cli: Any, klok: Path) -> None:
    # The same instant as NA, written in UTC.
    result = _deadlines(cli, klok, "2026-03-30T09:00:01+00:00", "--fail-on", "overdue")
    assert (result.exit_code, result.out) == (1, DEADLINES_NA)


def test_deadlines_ics_has_a_timed_event(cli: Any, klok: Path) -> None:
    result = _deadlines(cli, klok, VOOR, "--format", "ics")
    assert (result.exit_code, result.err) == (0, "")
    raw = result.out.encode("utf-8")
    assert b"DTSTART:20260330T090000Z\r\nDTEND:20260330T093000Z\r\n" in raw
    assert b"DTSTART:20261026T080000Z\r\n" in raw
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "datalek-DL-2026-001-wettelijk@avgctl", "datalek-DL-2026-002-wettelijk@avgctl",
        "datalek-DL-2026-003-wettelijk@avgctl", "verzoek-AVG-2026-0001-wettelijk@avgctl",
        "verzoek-AVG-2026-0002-wettelijk@avgctl"]
    lente = events["datalek-DL-2026-001-wettelijk@avgctl"]
    assert lente["DTSTART"].dt == dt.datetime(2026, 3, 30, 9, 0, tzinfo=dt.UTC)
    assert lente["DTEND"].dt == dt.datetime(2026, 3, 30, 9, 30, tzinfo=dt.UTC)
    assert str(lente["SUMMARY"]) == "DL-2026-001: wettelijke termijn melding AP (72 uur)"
    herfst = events["datalek-DL-2026-002-wettelijk@avgctl"]
    assert herfst["DTSTART"].dt == dt.datetime(2026, 10, 26, 8, 0, tzinfo=dt.UTC)
    # A request stays an all-day event.
    assert events["verzoek-AVG-2026-0001-wettelijk@avgctl"]["DTSTART"].dt == dt.date(2026, 4, 1)


@pytest.mark.parametrize(("nu", "code", "gevonden"), [
    (VOOR, 0, []),
    ("2026-03-30T11:00", 0, []),  # exactly at the deadline is still in time
    (NA, 1, [("AVG802", 2)]),
])
def test_check_reports_avg802_after_the_deadline(cli: Any, klok: Path, nu: str, code: int,
                                                gevonden: list[tuple[str, int]]) -> None:
    # the fixture also holds a breach from October, which lies in the future here (AVG809)
    result = _run(cli, klok, "check", "--vandaag", "2026-03-30", "--nu", nu, "--format",
                  "json", "--ignore", "AVG809")
    assert result.exit_code == code, result.out
    items = json.loads(result.out)["bevindingen"]
    assert [(f["code"], f["regel"]) for f in items] == gevonden
    if gevonden:
        assert items[0]["bestand"] == f"{DL}/DL-2026-001.yaml"
        assert items[0]["bericht"] == ("DL-2026-001 (met risico) is niet bij de AP gemeld; de "
                                       "termijn verliep 1 minuut geleden")


LIJST_VOOR = """\
referentie   ontdekt           soort              ernst  risico           AP-melding
DL-2026-004  2026-02-10 09:00  vertrouwelijkheid         risico           gemeld 2026-02-11 09:00 (op tijd)
DL-2026-005  2026-03-01 09:00  beschikbaarheid           geen             niet meldplichtig
DL-2026-001  2026-03-27 10:00  vertrouwelijkheid         risico           AP-termijn 2026-03-30 11:00 CEST (nog 1 minuut)
DL-2026-003  2026-03-29 12:00  vertrouwelijkheid         risico           AP-termijn 2026-04-01 12:00 CEST (nog 49 uur)
DL-2026-002  2026-10-23 10:00  beschikbaarheid           niet beoordeeld  AP-termijn 2026-10-26 09:00 CET (nog 5039 uur)
5 datalekken
"""  # noqa: E501


def test_list_shows_the_clock(cli: Any, klok: Path) -> None:
    assert _ok(cli, klok, "datalek", "list", "--nu", VOOR) == LIJST_VOOR
    na = _ok(cli, klok, "datalek", "list", "--nu", NA)
    # one second later every clock shows one hour less once a whole hour has passed
    assert na == (LIJST_VOOR.replace("(nog 1 minuut)", "VERSTREKEN (1 minuut)")
                  .replace("(nog 49 uur)", "(nog 48 uur)").replace("(nog 5039 uur)",
                                                                    "(nog 5038 uur)"))
    rows = json.loads(_ok(cli, klok, "datalek", "list", "--nu", NA, "--format", "json"))
    assert [(r["referentie"], r["ap_termijn"], r["te_laat"], r["gemeld"]) for r in rows
            if r["referentie"] != "DL-2026-005"] == [
        ("DL-2026-004", "2026-02-13T09:00:00+01:00", False, True),
        ("DL-2026-001", "2026-03-30T11:00:00+02:00", True, False),
        ("DL-2026-003", "2026-04-01T12:00:00+02:00", False, False),
        ("DL-2026-002", "2026-10-26T09:00:00+01:00", False, False),
    ]
    assert rows[0] == {
        "referentie": "DL-2026-004", "ontdekt_op": "2026-02-10T09:00:00+01:00",
        "soort": ["vertrouwelijkheid"], "ernst": None, "risico": "risico", "open": True,
        "ap_termijn": "2026-02-13T09:00:00+01:00", "gemeld": True, "te_laat": False,
        "klok": "gemeld 2026-02-11 09:00 (op tijd)"}


def test_list_late_leaves_out_breaches_without_risk(cli: Any, klok: Path) -> None:
    rows = json.loads(_ok(cli, klok, "datalek", "list", "--nu", NA, "--format", "json"))
    geen = next(r for r in rows if r["referentie"] == "DL-2026-005")
    assert (geen["klok"], geen["te_laat"]) == ("niet meldplichtig", False)
    assert _ok(cli, klok, "datalek", "list", "--nu", NA, "--te-laat") == (
        "referentie   ontdekt           soort              ernst  risico  AP-melding\n"
        "DL-2026-001  2026-03-27 10:00  vertrouwelijkheid         risico  "
        "AP-termijn 2026-03-30 11:00 CEST VERSTREKEN (1 minuut)\n"
        "1 datalek\n")


def test_list_late_before_the_deadline(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, {"DL-2026-001": KLOK_LENTE, "DL-2026-004": KLOK_GEMELD})
    assert _ok(cli, root, "datalek", "list", "--nu", VOOR, "--te-laat") == (
        "referentie  ontdekt  soort  ernst  risico  AP-melding\n0 datalekken\n")
    assert _ok(cli, root, "datalek", "list", "--nu", NA, "--te-laat") == (
        "referentie   ontdekt           soort              ernst  risico  AP-melding\n"
        "DL-2026-001  2026-03-27 10:00  vertrouwelijkheid         risico  "
        "AP-termijn 2026-03-30 11:00 CEST VERSTREKEN (1 minuut)\n"
        "1 datalek\n")


def test_list_filters(cli: Any, klok: Path) -> None:
    def refs(*args: str) -> list[str]:
        rows = json.loads(_ok(cli, klok, "datalek", "list", "--nu", VOOR, "--format", "json",
                              *args))
        return [r["referentie"] for r in rows]

    assert refs("--meldplichtig") == ["DL-2026-004", "DL-2026-001", "DL-2026-003"]
    assert refs("--open") == ["DL-2026-004", "DL-2026-005", "DL-2026-001", "DL-2026-003",
                              "DL-2026-002"]


SHOW = """\
DL-2026-001  registers/datalekken/DL-2026-001.yaml
  beschrijving: Brief naar een verkeerd adres.
  soort:        vertrouwelijkheid
  risico:       risico
  motivatie:    Financiele gegevens.

Tijdlijn
  2026-03-27 10:00  ontdekt
  2026-03-30 11:00  uiterste meldtermijn AP (72 uur)

Klok: {klok}
"""


@pytest.mark.parametrize(("nu", "klok_tekst"), [
    (VOOR, "AP-termijn 2026-03-30 11:00 CEST (nog 1 minuut)"),
    (NA, "AP-termijn 2026-03-30 11:00 CEST VERSTREKEN (1 minuut)"),
    # Friday 10:00 CET is 72 real hours, though the wall clock moved 73 hours
    ("2026-03-27T10:00", "AP-termijn 2026-03-30 11:00 CEST (nog 72 uur)"),
    # One day late.
    ("2026-03-31T11:00", "AP-termijn 2026-03-30 11:00 CEST VERSTREKEN (24 uur)"),
])
def test_show_spring(cli: Any, klok: Path, nu: str, klok_tekst: str) -> None:
    assert _ok(cli, klok, "datalek", "show", "DL-2026-001", "--nu", nu) == SHOW.format(
        klok=klok_tekst)


def test_show_autumn(cli: Any, klok: Path) -> None:
    # 10:00 CEST on Friday to 09:00 CET on Monday: 71 hours on the wall clock, 72 real ones.
    out = _ok(cli, klok, "datalek", "show", "DL-2026-002", "--nu", "2026-10-23T10:00")
    assert out == (
        "DL-2026-002  registers/datalekken/DL-2026-002.yaml\n"
        "  beschrijving: Server met back-ups onbereikbaar.\n"
        "  soort:        beschikbaarheid\n"
        "  risico:       nog niet beoordeeld\n"
        "\n"
        "Tijdlijn\n"
        "  2026-10-23 10:00  ontdekt\n"
        "  2026-10-26 09:00  uiterste meldtermijn AP (72 uur)\n"
        "\n"
        "Klok: AP-termijn 2026-10-26 09:00 CET (nog 72 uur)\n")
    # At 08:59 CET on Monday one minute is left; at 09:00:01 CET it is late.
    assert _ok(cli, klok, "datalek", "show", "DL-2026-002", "--nu", "2026-10-26T08:59") \
        .endswith("Klok: AP-termijn 2026-10-26 09:00 CET (nog 1 minuut)\n")
    assert _ok(cli, klok, "datalek", "show", "DL-2026-002", "--nu", "2026-10-26T09:00:01") \
        .endswith("Klok: AP-termijn 2026-10-26 09:00 CET VERSTREKEN (1 minuut)\n")


def test_show_a_notified_breach(cli: Any, klok: Path) -> None:
    out = _ok(cli, klok, "datalek", "show", "DL-2026-004", "--nu", NA)
    assert out.endswith(
        "Tijdlijn\n"
        "  2026-02-10 09:00  ontdekt\n"
        "  2026-02-11 09:00  melding AP: volledig (M-4)\n"
        "  2026-02-13 09:00  uiterste meldtermijn AP (72 uur)\n"
        "\n"
        "Klok: gemeld 2026-02-11 09:00 (op tijd)\n")


# --- 3. the AP notification ------------------------------------------------------------------

# Everything the form asks is answered. Notified 31 March 14:00 CEST, 27 hours after the
# deadline of 30 March 11:00 CEST, with the reason.
VOLLEDIG = """\
referentie: DL-2026-010
gemeld_door: Afdeling debiteurenbeheer
ontdekt_op: 2026-03-27T10:00:00+01:00
periode:
  van: 2026-03-26T16:45:00+01:00
  tot: 2026-03-27T09:30:00+01:00
beschrijving: Een betalingsoverzicht van debiteuren is per e-mail naar een verkeerde externe \
ontvanger gestuurd.
oorzaak: menselijke_fout
hoe_ontdekt: De ontvanger meldde het de volgende ochtend.
soort: [vertrouwelijkheid]
gegevens: [NAW, BSN, financiele_gegevens]
betrokkenen: {categorieen: [debiteur], aantal: 1230, records: 2460}
systemen: [e-mail]
verwerkingen: ["20.1.1"]
ernst: matig_tot_ernstig
risico: hoog_risico
besluit_motivatie: BSN en financiele gegevens van veel debiteuren bij een onbekende ontvanger.
ap_meldingen:
  - soort: voorlopig
    op: 2026-03-31T14:00:00+02:00
    kenmerk: M-2026-0417
  - soort: aanvulling
    op: 2026-04-03T10:00:00+02:00
    kenmerk: M-2026-0417
reden_vertraging: De omvang werd pas na onderzoek van het verzendlogboek duidelijk.
betrokkenen_geinformeerd: {op: 2026-04-01, wijze: brief}
maatregelen:
  genomen: [De ontvanger heeft het bericht aantoonbaar verwijderd.]
  gepland: [Een waarschuwing bij e-mail met bijlagen naar externe adressen.]
ingedamd: true
versleuteld: false
beveiliging_toelichting: Het overzicht was een onbeveiligd spreadsheet.
gevolgen: Identiteitsfraude en phishing met valse betaalverzoeken zijn mogelijk.
grensoverschrijdend: true
landen: [BE]
"""
# Only the first answers: not assessed, not notified.
ONVOLLEDIG = """\
referentie: DL-2026-011
ontdekt_op: 2026-10-23T10:00:00+02:00
beschrijving: Een USB-stick met een exportbestand is kwijt.
soort: [beschikbaarheid, vertrouwelijkheid]
"""
SCRIPT = """\
referentie: DL-2026-012
ontdekt_op: 2026-05-12T09:30:00+02:00
beschrijving: "Een overzicht met <script>alert('x')</script> & meer ging naar de verkeerde \
ontvanger."
soort: [vertrouwelijkheid]
gegevens: [e-mailadres]
risico: hoog_risico
besluit_motivatie: Phishing.
gevolgen: U kunt phishingberichten ontvangen.
"""
ZONDER_BESCHRIJVING = """\
referentie: DL-2026-013
ontdekt_op: 2026-05-12T09:30:00+02:00
soort: [vertrouwelijkheid]
gegevens: [NAW]
"""


@pytest.fixture
def melding(tmp_path: Path) -> Path:
    return _repo(tmp_path, {"DL-2026-010": VOLLEDIG, "DL-2026-011": ONVOLLEDIG,
                            "DL-2026-012": SCRIPT, "DL-2026-013": ZONDER_BESCHRIJVING},
                 {"avgctl.yaml": CONFIG})


def _ap(cli: Any, root: Path, ref: str, nu: str, fmt: str) -> str:
    return _ok(cli, root, "datalek", "ap-melding", ref, "--format", fmt, "--nu", nu)


def test_complete_breach_is_clean(melding: Path) -> None:
    findings = check_repo(melding, dt.date(2026, 4, 10))
    assert [(f.code, f.location.file) for f in findings
            if f.location.file.endswith("DL-2026-010.yaml")] == []


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_ap_melding_complete_golden(cli: Any, melding: Path, fmt: str) -> None:
    text = _ap(cli, melding, "DL-2026-010", "2026-04-03T12:00", fmt)
    assert_golden(GOLDEN_DL / f"ap-melding-volledig.{fmt}", text)


def test_ap_melding_complete(cli: Any, melding: Path) -> None:
    data = json.loads(_ap(cli, melding, "DL-2026-010", "2026-04-03T12:00", "json"))
    assert data["ontbreekt"] == []
    assert data["te_laat"] is True
    antwoorden = {(s["titel"], v["vraag"]): v["antwoord"] for s in data["secties"]
                  for v in s["velden"]}
    assert None not in antwoorden.values()
    assert antwoorden[("Tijdlijn", "Ontdekt op")] == "2026-03-27 10:00 CET"
    assert antwoorden[("Tijdlijn", "Uiterste meldtermijn (72 uur)")] == "2026-03-30 11:00 CEST"
    assert antwoorden[("Tijdlijn", "Reden van de vertraging")] == (
        "De omvang werd pas na onderzoek van het verzendlogboek duidelijk.")
    assert antwoorden[("Tijdlijn", "Begin van het datalek")] == "2026-03-26 16:45 CET"
    assert antwoorden[("Betrokkenen", "Aantal betrokkenen (ongeveer)")] == "1.230"
    assert antwoorden[("Persoonsgegevens", "Aantal records (ongeveer)")] == "2.460"
    assert antwoorden[("Vervolgacties", "Betrokkenen geïnformeerd")] == (
        "ja, op 2026-04-01 per brief")
    assert antwoorden[("Internationale aspecten", "Betrokkenen in andere EU-landen")] == "ja: BE"
    assert data["eerdere_meldingen"] == [
        {"soort": "voorlopig", "op": "2026-03-31 14:00 CEST", "kenmerk": "M-2026-0417"},
        {"soort": "aanvulling", "op": "2026-04-03 10:00 CEST", "kenmerk": "M-2026-0417"}]
    md = _ap(cli, melding, "DL-2026-010", "2026-04-03T12:00", "md")
    assert "Nog niet ingevuld" not in md
    assert "NOG INVULLEN" not in md
    assert ("**Deze melding is later dan 72 uur na ontdekking.** De reden van de vertraging "
            "hoort bij de melding (art. 33 lid 1 AVG).\n") in md
    tijdlijn = md.split("## Tijdlijn\n", 1)[1].split("\n## ", 1)[0]
    assert ("- **Reden van de vertraging:** De omvang werd pas na onderzoek van het "
            "verzendlogboek duidelijk.\n") in tijdlijn


ONTBREEKT = [  # the required answers DL-2026-011 does not give yet
    "Tijdlijn: Begin van het datalek",
    "Wat er is gebeurd: Oorzaak",
    "Wat er is gebeurd: Hoe ontdekt",
    "Persoonsgegevens: Soorten persoonsgegevens",
    "Persoonsgegevens: Aantal records (ongeveer)",
    "Betrokkenen: Categorieën betrokkenen",
    "Betrokkenen: Aantal betrokkenen (ongeveer)",
    "Beveiliging: Versleuteld of onleesbaar",
    "Gevolgen: Waarschijnlijke gevolgen voor betrokkenen",
    "Vervolgacties: Genomen maatregelen",
    "Vervolgacties: Lek gedicht",
]


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_ap_melding_incomplete_golden(cli: Any, melding: Path, fmt: str) -> None:
    text = _ap(cli, melding, "DL-2026-011", "2026-10-24T12:00", fmt)
    assert_golden(GOLDEN_DL / f"ap-melding-onvolledig.{fmt}", text)


def test_ap_melding_incomplete(cli: Any, melding: Path) -> None:
    data = json.loads(_ap(cli, melding, "DL-2026-011", "2026-10-24T12:00", "json"))
    assert data["ontbreekt"] == ONTBREEKT
    assert data["te_laat"] is False
    assert data["eerdere_meldingen"] == []
    md = _ap(cli, melding, "DL-2026-011", "2026-10-24T12:00", "md")
    assert f"**Nog niet ingevuld (11):** {'; '.join(ONTBREEKT)}.\n" in md
    assert md.count("NOG INVULLEN") == 11
    assert "- **Reden van de vertraging:** niet van toepassing\n" in md
    assert "- **Uiterste meldtermijn (72 uur):** 2026-10-26 09:00 CET\n" in md
    assert "later dan 72 uur" not in md


@pytest.mark.parametrize(("nu", "laat"), [("2026-10-26T09:00", False),
                                         ("2026-10-26T09:00:01", True)])
def test_ap_melding_after_the_deadline_asks_for_the_reason(cli: Any, melding: Path, nu: str,
                                                           laat: bool) -> None:
    data = json.loads(_ap(cli, melding, "DL-2026-011", nu, "json"))
    assert data["te_laat"] is laat
    assert ("Tijdlijn: Reden van de vertraging" in data["ontbreekt"]) is laat
    md = _ap(cli, melding, "DL-2026-011", nu, "md")
    assert ("**Deze melding is later dan 72 uur na ontdekking.**" in md) is laat
    assert ("- **Reden van de vertraging:** NOG INVULLEN\n" in md) is laat


def test_ap_melding_unknown_format(cli: Any, melding: Path) -> None:
    result = _run(cli, melding, "datalek", "ap-melding", "DL-2026-010", "--format", "pdf",
                  "--nu", "2026-04-03T12:00")
    assert (result.exit_code, result.out) == (2, "")
    assert result.err == "fout: onbekend formaat 'pdf'; kies uit: md, json\n"


# --- 4. the letter ---------------------------------------------------------------------------

BSN_ADVIES = ("Wees alert op misbruik van uw identiteit. Denkt u dat iemand met uw gegevens uw "
              "DigiD gebruikt, blokkeer dan uw DigiD via digid.nl en meld het bij de gemeente.")
BANK_ADVIES = ("Controleer de komende tijd uw bankrekening op afschrijvingen die u niet kent, "
               "en betaal nooit op een verzoek dat u niet vertrouwt.")


def _brief(cli: Any, root: Path, ref: str, fmt: str) -> str:
    return _ok(cli, root, "datalek", "brief", ref, "--format", fmt, "--vandaag", "2026-04-01")


def _parse(html: str) -> ET.Element:
    """Strict HTML5: any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document: ET.Element = parser.parse(html)
    return document


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_brief_golden(cli: Any, melding: Path, fmt: str) -> None:
    text = _brief(cli, melding, "DL-2026-010", fmt)
    assert_golden(GOLDEN_DL / f"brief.{fmt}", text)
    assert BSN_ADVIES in text
    assert BANK_ADVIES in text
    if fmt == "md":
        assert f"- {BSN_ADVIES}\n- {BANK_ADVIES}\n" in text
        assert "- financiele gegevens\n" in text
        assert "Dit gebeurde tussen 26 maart 2026 en 27 maart 2026." in text
    else:
        document = _parse(text)
        assert document.findtext("head/title") == "Datalek DL-2026-010"
        assert document.findall(".//script") == []
        items = [li.text for li in document.iter("li")]
        assert BSN_ADVIES in items
        assert BANK_ADVIES in items


def test_brief_escapes_the_description(cli: Any, melding: Path) -> None:
    html = _brief(cli, melding, "DL-2026-012", "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; meer" in html
    document = _parse(html)
    assert document.findall(".//script") == []
    teksten = ["".join(p.itertext()) for p in document.iter("p")]
    assert any("Een overzicht met <script>alert('x')</script> & meer ging naar" in t
               for t in teksten)


@pytest.mark.parametrize(("ref", "ontbreekt"), [("DL-2026-011", "gevolgen, gegevens"),
                                                ("DL-2026-013", "beschrijving, gevolgen")])
def test_brief_refuses_without_description_or_consequences(cli: Any, melding: Path, ref: str,
                                                          ontbreekt: str) -> None:
    result = _run(cli, melding, "datalek", "brief", ref, "--vandaag", "2026-04-01")
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == (f"fout: {ref}: voor de brief ontbreekt nog: {ontbreekt}; vul die "
                          "eerst in met 'avgctl datalek update'\n")


def test_brief_to_a_file(cli: Any, melding: Path, tmp_path: Path) -> None:
    uit = tmp_path / "brief.html"
    result = _run(cli, melding, "datalek", "brief", "DL-2026-010", "--format", "html", "--uit",
                  str(uit), "--vandaag", "2026-04-01")
    assert (result.exit_code, result.out, result.err) == (0, "", f"Geschreven: {uit}\n")
    assert uit.read_text(encoding="utf-8") == _brief(cli, melding, "DL-2026-010", "html")


# --- 5. the trend ----------------------------------------------------------------------------

TREND = {
    # New Year's night, 00:30 CET (23:30 UTC on 31 December 2025): a 2026 breach.
    # Notified 24 hours later: in time.
    "DL-2026-001": """\
referentie: DL-2026-001
ontdekt_op: 2026-01-01T00:30:00+01:00
soort: [vertrouwelijkheid]
oorzaak: menselijke_fout
ernst: beperkt
risico: risico
besluit_motivatie: Adresgegevens.
ap_meldingen:
  - soort: voorlopig
    op: 2026-01-02T00:30:00+01:00
  - soort: intrekking
    op: 2026-01-05T09:00:00+01:00
""",
    # 27 March 10:00 CET (09:00 UTC) to 31 March 10:00 CEST (08:00 UTC): 95 hours, late.
    "DL-2026-002": """\
referentie: DL-2026-002
ontdekt_op: 2026-03-27T10:00:00+01:00
soort: [vertrouwelijkheid, integriteit]
oorzaak: hack
ernst: matig_tot_ernstig
risico: hoog_risico
besluit_motivatie: Gewijzigde bankrekeningnummers.
ap_meldingen:
  - soort: volledig
    op: 2026-03-31T10:00:00+02:00
reden_vertraging: Forensisch onderzoek.
betrokkenen_geinformeerd: {uitzondering: maatregelen}
""",
    # Judged harmless, not notified.
    "DL-2026-003": """\
referentie: DL-2026-003
ontdekt_op: 2026-06-01T14:00:00+02:00
soort: [beschikbaarheid]
oorzaak: menselijke_fout
risico: geen
besluit_motivatie: Versleuteld.
""",
    # 23 October 10:00 CEST (08:00 UTC) to 26 October 08:30 CET (07:30 UTC): 71.5 hours,
    # in time by half an hour across the autumn change. At a processor; people informed.
    "DL-2026-004": """\
referentie: DL-2026-004
ontdekt_op: 2026-10-23T10:00:00+02:00
soort: [vertrouwelijkheid]
ernst: beperkt
risico: risico
besluit_motivatie: Dossiergegevens.
verwerker: {partij: dossiersoft-bv}
ap_meldingen:
  - soort: volledig
    op: 2026-10-26T08:30:00+01:00
betrokkenen_geinformeerd: {op: 2026-10-27, wijze: brief}
""",
    # Not a breach after all: counted as an incident only.
    "DL-2026-005": """\
referentie: DL-2026-005
ontdekt_op: 2026-11-02T10:00:00+01:00
soort: [vertrouwelijkheid]
oorzaak: hack
geen_datalek: true
besluit_motivatie: Geen persoonsgegevens.
""",
    # 2025: not in the 2026 figures.
    "DL-2025-009": """\
referentie: DL-2025-009
ontdekt_op: 2025-12-31T23:30:00+01:00
soort: [beschikbaarheid]
oorzaak: storing
risico: risico
besluit_motivatie: Alles weg.
""",
}

TREND_2026 = {
    "jaar": 2026,
    "incidenten": 5,  # DL-2026-001 .. 005
    "geen_datalek": 1,  # 005
    "datalekken": 4,  # 001 .. 004
    # vertrouwelijkheid: 001, 002, 004; integriteit: 002; beschikbaarheid: 003
    "per_soort": {"beschikbaarheid": 1, "integriteit": 1, "vertrouwelijkheid": 3},
    # menselijke_fout: 001, 003; hack: 002 (005 is no breach); 004 has none
    "per_oorzaak": {"hack": 1, "menselijke_fout": 2, "onbekend": 1},
    "per_ernst": {"beperkt": 2, "matig_tot_ernstig": 1, "niet vastgesteld": 1},
    "per_risico": {"geen": 1, "hoog_risico": 1, "risico": 2},
    "gemeld_aan_ap": 3,  # 001, 002, 004
    "niet_gemeld": 1,  # 003
    "op_tijd_gemeld": 2,  # 001 (24 h), 004 (71.5 h); 002 took 95 h
    "op_tijd_percentage": 67,  # 2 of 3
    "mediaan_uren_tot_melding": 71.5,  # median of 24, 95, 71.5
    "via_verwerker": 1,  # 004
    "betrokkenen_geinformeerd": 1,  # 004; 002 has an exception, not a date
}


def test_trend_json(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, TREND)
    out = _ok(cli, root, "datalek", "trend", "--jaar", "2026", "--format", "json")
    assert json.loads(out) == TREND_2026
    assert list(json.loads(out)) == list(TREND_2026)


def test_trend_text(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, TREND)
    assert _ok(cli, root, "datalek", "trend", "--jaar", "2026") == """\
Trendanalyse datalekken 2026
  incidenten: 5 (waarvan geen datalek: 1)
  gemeld aan de AP: 3, niet gemeld: 1
  op tijd gemeld: 2 (67%)
  mediaan tijd tot melding: 71.5 uur
  via een verwerker: 1; betrokkenen geïnformeerd: 1
Per soort:
  beschikbaarheid: 1
  integriteit: 1
  vertrouwelijkheid: 3
Per oorzaak:
  hack: 1
  menselijke fout: 2
  onbekend: 1
Per ernst:
  beperkt: 2
  matig tot ernstig: 1
  niet vastgesteld: 1
Per risico:
  geen: 1
  hoog risico: 1
  risico: 2
"""


def test_trend_of_a_year_without_breaches(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, TREND)
    data = json.loads(_ok(cli, root, "datalek", "trend", "--jaar", "2024", "--format", "json"))
    assert data == {"jaar": 2024, "incidenten": 0, "geen_datalek": 0, "datalekken": 0,
                    "per_soort": {}, "per_oorzaak": {}, "per_ernst": {}, "per_risico": {},
                    "gemeld_aan_ap": 0, "niet_gemeld": 0, "op_tijd_gemeld": 0,
                    "op_tijd_percentage": None, "mediaan_uren_tot_melding": None,
                    "via_verwerker": 0, "betrokkenen_geinformeerd": 0}
    data = json.loads(_ok(cli, root, "datalek", "trend", "--jaar", "2025", "--format", "json"))
    assert (data["incidenten"], data["per_oorzaak"], data["niet_gemeld"]) == (
        1, {"storing": 1}, 1)


# --- bugs found while writing these tests ----------------------------------------------------

def test_measure_with_a_comma_stays_one_measure(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, {"DL-2026-001": KLOK_LENTE})
    _ok(cli, root, "datalek", "update", "DL-2026-001", "--maatregel",
        "Brief teruggehaald, adres gecorrigeerd.")
    maatregelen = load_register(root).datalekken[0].model.maatregelen
    assert maatregelen is not None
    assert maatregelen.genomen == ["Brief teruggehaald, adres gecorrigeerd."]


def test_comment_at_the_margin_inside_a_block(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, {"DL-2026-001": KLOK_LENTE + (
        "maatregelen:\n# al gedaan, volgens de postkamer\n  genomen: [Eerste.]\n")})
    _ok(cli, root, "datalek", "update", "DL-2026-001", "--maatregel", "Tweede.")
    assert check_repo(root, dt.date(2026, 3, 28)) == []
    maatregelen = load_register(root).datalekken[0].model.maatregelen
    assert maatregelen is not None
    assert maatregelen.genomen == ["Eerste.", "Tweede."]


def test_add_and_meld_use_the_organisations_zone(cli: Any, tmp_path: Path) -> None:
    root = _repo(tmp_path, extra={
        "avgctl.yaml": BASIS["avgctl.yaml"] + "beleid:\n  tijdzone: Europe/London\n"})
    # 10:00 GMT on 27 March = 10:00 UTC; + 72 h = 30 March 10:00 UTC = 11:00 BST.
    out = _ok(cli, root, "datalek", "add", "--ontdekt-op", "2026-03-27T10:00",
              "--beschrijving", "x", "--soort", "vertrouwelijkheid", "--nu", "2026-03-27T10:00")
    lijst = _ok(cli, root, "datalek", "list", "--nu", "2026-03-27T10:00")
    assert "AP-termijn 2026-03-30 11:00 BST (nog 72 uur)" in lijst
    assert "AP-termijn 2026-03-30 11:00 BST (nog 72 uur)" in out
    out = _ok(cli, root, "datalek", "meld", "DL-2026-001", "--soort", "voorlopig",
              "--nu", "2026-03-28T09:00")
    assert "gemeld 2026-03-28 09:00 (op tijd)" in out


def _bevroren_klok(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    """The wall clock avgctl reads (``avgctl.commands.common``) stands still at ``moment``."""
    from avgctl.commands import common

    class Klok(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Klok:
            vast = moment.astimezone(tz)
            return cls.combine(vast.date(), vast.timetz())

    namen = {naam: getattr(dt, naam) for naam in dir(dt) if not naam.startswith("__")}
    monkeypatch.setattr(common, "dt", types.SimpleNamespace(**{**namen, "datetime": Klok}))


def test_nu_alone_also_sets_the_day(cli: Any, klok: Path, monkeypatch: pytest.MonkeyPatch
                                    ) -> None:
    _bevroren_klok(monkeypatch, dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC))
    result = _run(cli, klok, "deadlines", "--nu", VOOR, "--fail-on", "overdue")
    assert (result.exit_code, result.out) == (0, DEADLINES_VOOR)


def test_list_mentions_a_breach_file_it_could_not_read(cli: Any, tmp_path: Path) -> None:
    root = write_repo(tmp_path / "bom", dict(BASIS))
    folder = root / "registers" / "datalekken"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "DL-2026-001.yaml").write_bytes(
        b"\xef\xbb\xbfreferentie: DL-2026-001\nontdekt_op: 2026-03-27T10:00:00+01:00\n")
    result = cli("datalek", "list", "--repo", str(root), "--nu", "2026-03-27T12:00")
    assert result.exit_code == 1  # a list that leaves a breach out must not look complete
    assert result.out.endswith("0 datalekken\n")
    assert result.err == (
        "fout: niet alles is gelezen; dit ontbreekt in wat volgt:\n"
        "  registers/datalekken/DL-2026-001.yaml:1:1: datalek overgeslagen: bestand begint met "
        "een byte-order-mark (BOM)\n"
        "  in totaal overgeslagen: 1 datalek in registers/datalekken/DL-2026-001.yaml\n"
        "  herstel dit; 'avgctl check' toont alle fouten\n")


def test_meld_with_only_a_day_asks_for_the_moment(cli: Any, tmp_path: Path) -> None:
    root = write_repo(tmp_path / "dag", dict(BASIS))
    assert cli("datalek", "add", "--repo", str(root), "--ontdekt-op", "2026-03-27T10:00",
               "--beschrijving", "x", "--nu", "2026-03-27T10:00").exit_code == 0
    result = cli("datalek", "meld", "DL-2026-001", "--soort", "voorlopig", "--repo", str(root),
                 "--vandaag", "2026-03-28")
    assert result.exit_code == 2
    assert "--nu" in result.err


def test_workflow_on_a_copy_of_the_example(cli: Any, tmp_path: Path) -> None:
    """The whole breach workflow on the built-in example: the other breach files stay
    byte-for-byte as they were, and the register stays clean."""
    import shutil

    from tests.conftest import PROJECT

    root = tmp_path / "voorbeeld"
    root.mkdir()
    shutil.copy(PROJECT / "avgctl.yaml", root / "avgctl.yaml")
    shutil.copytree(PROJECT / "registers", root / "registers")
    folder = root / "registers" / "datalekken"
    before = {p.name: p.read_bytes() for p in folder.iterdir() if not _slot(p)}
    repo = ("--repo", str(root))
    assert cli("datalek", "add", "--ontdekt-op", "2026-11-18T09:15", "--beschrijving",
               "Een exploot is aan een verkeerde huisgenoot uitgereikt.", "--soort",
               "vertrouwelijkheid", "--gegevens", "NAW, financiele_gegevens",
               "--betrokkenen", "debiteur", "--aantal", "1", "--verwerkingen", "40.4.1",
               "--gemeld-door", "Buitendienst", "--nu", "2026-11-18T09:30", *repo
               ).exit_code == 0
    assert cli("datalek", "beoordeel", "DL-2026-011", "--risico", "risico", "--motivatie",
               "Financiële gegevens bij een onbevoegde.", "--besloten-door", "FG",
               "--vandaag", "2026-11-18", *repo).exit_code == 0
    assert cli("datalek", "meld", "DL-2026-011", "--soort", "volledig", "--kenmerk",
               "M-2026-009999", "--nu", "2026-11-19T10:00", *repo).exit_code == 0
    assert cli("datalek", "update", "DL-2026-011", "--ernst", "beperkt", "--gevolgen",
               "Mogelijk ongewenste inzage in de schuld.", "--maatregel",
               "Huisgenoot heeft het exploot teruggegeven.", "--ingedamd", *repo).exit_code == 0
    after = {p.name: p.read_bytes() for p in folder.iterdir() if not _slot(p)}
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) - set(before) == {"DL-2026-011.yaml"}
    check = cli("check", "--vandaag", "2026-11-20", *repo)
    assert (check.exit_code, check.out) == (0, "Geen bevindingen (64 bestanden, 35 "
                                               "verwerkingen gecontroleerd).\n")

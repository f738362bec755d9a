"""``anonimiseer --apply`` as properties, and killed at random moments.

Property (hypothesis): afterwards no value of a removed field of an anonymised record is left
anywhere in the register; records that were not due keep theirs; the counts per type, month
and outcome are the same as before; ``check`` has nothing to say.

Kill test: ``anonimiseer --apply`` in a child process is killed (SIGKILL) at spread-out
moments; every file is then byte for byte the old one or the new one, never a mix, and the
register still loads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avgctl.cli.app import main
from avgctl.store.repo import load_register
from tests.conftest import BASIS, PROJECT, check_repo, write_repo

VANDAAG = dt.date(2027, 6, 1)  # requests and breaches of 2023 and before are due
TERMIJNEN = """\
dossier:
  duur: 10 jaar
  na: sluiten_dossier
verzoeken:
  duur: 3 jaar
  na: ontvangst
  vanaf: einde_kalenderjaar
  daarna: anonimiseren
datalekken:
  duur: 3 jaar
  na: ontdekking
  vanaf: einde_kalenderjaar
  daarna: anonimiseren
"""
KOLOMMEN = ["referentie", "ontvangen", "betrokkene_ref", "kanaal", "type", "status",
            "verificatie", "verificatie_op", "gepauzeerd_van", "gepauzeerd_tot", "pauze_reden",
            "verlengd_op", "verlenging_reden", "afgehandeld_op", "besluit", "afwijzingsgrond",
            "verzonden_via", "ontvangers_geinformeerd", "opmerking"]

# A secret is a word no other part of the register contains: "Qx" and letters.
geheim = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=8, max_size=12).map(lambda s: "Qx" + s)

verzoek = st.fixed_dictionaries({
    "jaar": st.integers(2020, 2025), "maand": st.integers(1, 12), "dag": st.integers(1, 28),
    "type": st.sampled_from(["inzage", "bezwaar", "overdraagbaarheid", "wissing"]),
    "kanaal": st.sampled_from(["email", "brief", "formulier", "balie"]),
    "besluit": st.sampled_from(["toegewezen", "afgewezen"]),
    "ref": geheim, "opmerking": st.one_of(st.none(), geheim), "via": geheim,
    "verlenging": st.one_of(st.none(), geheim), "pauze": st.one_of(st.none(), geheim),
})
datalek = st.fixed_dictionaries({
    "jaar": st.integers(2020, 2025), "maand": st.integers(1, 12), "dag": st.integers(1, 28),
    "soort": st.lists(st.sampled_from(["vertrouwelijkheid", "integriteit", "beschikbaarheid"]),
                      min_size=1, max_size=3, unique=True),
    "melder": geheim, "beschrijving": geheim, "oorzaak": geheim, "motivatie": geheim,
    "gevolgen": st.one_of(st.none(), geheim),
})


def _uniek(v: dict[str, Any], tag: str) -> dict[str, Any]:
    """Every secret of one record ends in its own tag ("V3Z"), so no two records share one
    and none is part of another."""
    return {k: f"{w}{tag}" if isinstance(w, str) and w.startswith("Qx") else w
            for k, w in v.items()}


def _verzoek_rij(n: int, v: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    v = _uniek(v, f"V{n}Z")
    ontvangen = dt.date(v["jaar"], v["maand"], v["dag"])
    klaar = ontvangen + dt.timedelta(days=20 if v["verlenging"] else 5)
    rij = {
        "referentie": f"AVG-{v['jaar']}-{n:04d}", "ontvangen": ontvangen.isoformat(),
        "betrokkene_ref": f"ZAAK-{v['ref']}", "kanaal": v["kanaal"], "type": v["type"],
        "status": "afgehandeld", "verificatie": "positief",
        "verificatie_op": (ontvangen + dt.timedelta(days=1)).isoformat(),
        "afgehandeld_op": klaar.isoformat(), "besluit": v["besluit"],
        "afwijzingsgrond": "wettelijke_bewaarplicht" if v["besluit"] == "afgewezen" else "",
        "verzonden_via": f"post {v['via']}",
        "ontvangers_geinformeerd": "nvt" if v["type"] == "wissing" else "",
    }
    geheimen = [rij["betrokkene_ref"], rij["verzonden_via"]]
    if v["opmerking"]:
        rij["opmerking"] = f"opmerking {v['opmerking']}"
        geheimen.append(rij["opmerking"])
    if v["verlenging"]:
        rij["verlengd_op"] = (ontvangen + dt.timedelta(days=7)).isoformat()
        rij["verlenging_reden"] = f"reden {v['verlenging']}"
        geheimen.append(rij["verlenging_reden"])
    if v["pauze"]:
        rij["gepauzeerd_van"] = (ontvangen + dt.timedelta(days=1)).isoformat()
        rij["gepauzeerd_tot"] = (ontvangen + dt.timedelta(days=3)).isoformat()
        rij["pauze_reden"] = f"wacht op {v['pauze']}"
        geheimen.append(rij["pauze_reden"])
    return rij, geheimen


def _datalek(n: int, d: dict[str, Any]) -> tuple[str, str, list[str]]:
    d = _uniek(d, f"D{n}Z")
    ref = f"DL-{d['jaar']}-{n:03d}"
    ontdekt = dt.date(d["jaar"], d["maand"], d["dag"])
    geheimen = [f"melder {d['melder']}", f"Beschrijving {d['beschrijving']}.",
                f"oorzaak {d['oorzaak']}", f"Motivatie {d['motivatie']}."]
    tekst = (f"# Incident gemeld door {d['melder']}\n"
             f"referentie: {ref}\n"
             f"gemeld_door: {geheimen[0]}\n"
             f"ontdekt_op: {ontdekt.isoformat()}T10:00:00+01:00\n"
             f"beschrijving: {geheimen[1]}\n"
             f"oorzaak: {geheimen[2]}\n"
             f"soort: [{', '.join(d['soort'])}]\n"
             "betrokkenen: {categorieen: [debiteur], aantal: 1}\n"
             "risico: geen\n"
             f"besluit_motivatie: {geheimen[3]}\n")
    if d["gevolgen"]:
        geheimen.append(f"Gevolgen {d['gevolgen']}.")
        tekst += f"gevolgen: {geheimen[-1]}\n"
    tekst += f"afgesloten_op: {(ontdekt + dt.timedelta(days=10)).isoformat()}\n"
    return ref, tekst, geheimen


def _bouw(root: Path, verzoeken: list[dict[str, Any]], lekken: list[dict[str, Any]]
          ) -> dict[str, tuple[bool, list[str]]]:
    """Write the register; returns per record whether it is due and its secrets."""
    files = dict(BASIS)
    files["registers/bewaartermijnen.yaml"] = TERMIJNEN
    records: dict[str, tuple[bool, list[str]]] = {}
    rijen = []
    for n, v in enumerate(verzoeken, 1):
        rij, geheimen = _verzoek_rij(n, v)
        rijen.append(",".join(rij.get(k, "") for k in KOLOMMEN))
        records[rij["referentie"]] = (v["jaar"] <= 2023, geheimen)
    files["registers/verzoeken.csv"] = ",".join(KOLOMMEN) + "\n" + "".join(
        r + "\n" for r in rijen)
    for n, d in enumerate(lekken, 1):
        ref, tekst, geheimen = _datalek(n, d)
        files[f"registers/datalekken/{ref}.yaml"] = tekst
        records[ref] = (d["jaar"] <= 2023, geheimen)
    write_repo(root, files)
    return records


def _tellingen(root: Path) -> Counter[tuple[Any, ...]]:
    register = load_register(root)
    tel: Counter[tuple[Any, ...]] = Counter()
    for b in register.verzoeken:
        v = b.model
        tel[("verzoek", v.type, v.kanaal, f"{v.ontvangen:%Y-%m}", v.besluit,
             v.afwijzingsgrond)] += 1
    for b in register.datalekken:
        d = b.model
        tel[("datalek", tuple(d.soort), f"{d.ontdekt_op:%Y-%m}", d.risico,
             d.betrokkenen.aantal if d.betrokkenen else None)] += 1
    return tel


def _alle_tekst(root: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.rglob("*"))
                     if p.is_file() and not p.name.endswith(".lock"))


def _draai(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    return code, out.getvalue()


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(verzoeken=st.lists(verzoek, min_size=1, max_size=6),
       lekken=st.lists(datalek, max_size=3))
def test_anonymising_leaves_no_removed_value_and_keeps_the_counts(
        verzoeken: list[dict[str, Any]], lekken: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        records = _bouw(root, verzoeken, lekken)
        voor = check_repo(root, VANDAAG)
        due = {ref for ref, (vervallen, _) in records.items() if vervallen}
        # the generated register is clean apart from the records past their period
        assert sorted(f.code for f in voor) == ["AVG116"] * len(due)
        tekst = _alle_tekst(root)
        assert all(g in tekst for _, geheimen in records.values() for g in geheimen)
        tellingen = _tellingen(root)

        code, out = _draai("bewaartermijnen", "anonimiseer", "--apply", "--repo", str(root),
                           "--vandaag", VANDAAG.isoformat())
        assert code == 0, out

        tekst = _alle_tekst(root)
        for ref, (vervallen, geheimen) in records.items():
            for g in geheimen:
                # the secret word itself, also as part of a longer text or a comment
                woord = re.search(r"Qx\w+?[VD]\d+Z", g).group(0)  # type: ignore[union-attr]
                assert (woord in tekst) != vervallen, (ref, g)
        assert _tellingen(root) == tellingen
        assert check_repo(root, VANDAAG) == []
        assert _draai("bewaartermijnen", "check", "--fail-on", "vervallen", "--repo",
                      str(root), "--vandaag", VANDAAG.isoformat())[0] == 0


# --- killed at random moments ----------------------------------------------------------------

def _groot(root: Path) -> None:
    """Many due records, so that the writing takes a while: 1,500 rows and 40 breaches."""
    import random

    rng = random.Random(10)
    verzoeken = [{"jaar": 2021, "maand": rng.randint(1, 12), "dag": rng.randint(1, 28),
                  "type": "inzage", "kanaal": "email", "besluit": "toegewezen",
                  "ref": f"Qx{i:06d}", "opmerking": f"Qxo{i}", "via": f"Qxv{i}",
                  "verlenging": None, "pauze": None} for i in range(1500)]
    lekken = [{"jaar": 2022, "maand": 1 + i % 12, "dag": 1 + i % 28, "soort": ["integriteit"],
               "melder": f"Qxm{i}", "beschrijving": f"Qxb{i}", "oorzaak": f"Qxc{i}",
               "motivatie": f"Qxd{i}", "gevolgen": None} for i in range(40)]
    _bouw(root, verzoeken, lekken)


def _bestanden(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith((".lock", ".tmp"))}


def _start(root: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT), env.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-m", "avgctl", "bewaartermijnen", "anonimiseer", "--apply", "--repo",
         str(root), "--vandaag", VANDAAG.isoformat()],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="geen SIGKILL op dit systeem")
def test_killed_anonymising_leaves_old_or_new_files(tmp_path: Path) -> None:
    import time

    bron = tmp_path / "bron"
    _groot(bron)
    oud = _bestanden(bron)
    klaar = tmp_path / "klaar"
    shutil.copytree(bron, klaar)
    start = time.monotonic()
    assert _start(klaar).wait(timeout=120) == 0
    duur = time.monotonic() - start
    nieuw = _bestanden(klaar)
    changed = {rel for rel in oud if oud[rel] != nieuw[rel]}
    assert len(changed) == 41  # verzoeken.csv and every breach
    gezien = Counter()  # how many files were found old, new
    for poging in range(10):
        root = tmp_path / f"poging{poging}"
        shutil.copytree(bron, root)
        proces = _start(root)
        try:  # wait from 7% to 136% of a full run, then kill without warning
            proces.wait(timeout=duur * (poging + 0.5) / 7)
        except subprocess.TimeoutExpired:
            proces.send_signal(signal.SIGKILL)
            proces.wait()
        nu = _bestanden(root)
        assert set(nu) == set(oud), poging
        for rel, data in nu.items():
            assert data in (oud[rel], nieuw[rel]), (poging, rel)
            if rel in changed:
                gezien["nieuw" if data == nieuw[rel] else "oud"] += 1
        # whatever was written, the register reads as a whole and a second run finishes it
        register = load_register(root)
        assert not register.load_findings, poging
        assert _start(root).wait(timeout=120) == 0
        assert _bestanden(root) == nieuw
    assert gezien["oud"] and gezien["nieuw"]  # the kills did land before and after writes

"""``verzoek list`` reads the request register as columns (store.register.Verzoektabel) and
builds its rows without a model per request (verzoeken.views.lijst). These tests hold that
to the plain definition: every request read as a model (the loader's usual path), its
deadlines from ``stand``, filtered and sorted by day of receipt and reference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avgctl.store.repo import load_register
from avgctl.verzoeken.views import LIJSTVELDEN, OPEN, lijst, stand
from tests.conftest import BASIS, PROJECT, VOORBEELD_DAG, write_repo

FILTERS = [dict(), dict(alleen_open=True), dict(te_laat=True), dict(type_="inzage"),
           dict(type_="wissing", alleen_open=True), dict(behandelaar="Privacyteam"),
           dict(behandelaar="Teamleider klantcontact", te_laat=True)]


def _gewoon(root: Path, vandaag: dt.date, alleen_open: bool = False, te_laat: bool = False,
            type_: str | None = None, behandelaar: str | None = None) -> list[tuple[object, ...]]:
    """The list by its plain definition, from the register read with models."""
    register = load_register(root)
    rows = []
    for bron in register.verzoeken:
        v = bron.model
        if (alleen_open or te_laat) and v.status not in OPEN:
            continue
        if (type_ and v.type != type_) or (behandelaar and v.behandelaar != behandelaar):
            continue
        s = stand(register, bron, vandaag)
        if te_laat and not (s.te_laat or s.intern_te_laat):
            continue
        rows.append((v.referentie, v.type, v.ontvangen, v.status, v.behandelaar, s.termijnen,
                     s.dagen_wettelijk, s.dagen_intern))
    rows.sort(key=lambda r: (r[2], r[0]))
    return rows


def _met_verzoeken(tmp_path: Path, rows: list[str]) -> Path:
    return write_repo(tmp_path, {**BASIS, "registers/verzoeken.csv": "\n".join(rows) + "\n"})


def test_the_same_day_is_ordered_by_reference_then_as_in_the_register(tmp_path: Path) -> None:
    rows = ["referentie,ontvangen,betrokkene_ref,kanaal,type,status",
            "AVG-2026-0003,2026-03-02,K-1,email,inzage,open",
            "AVG-2026-0001,2026-03-02,K-2,email,wissing,open",
            "AVG-2026-0002,2026-03-01,K-3,email,inzage,open",
            "AVG-2026-0001,2026-03-02,K-4,brief,bezwaar,open"]
    root = _met_verzoeken(tmp_path, rows)
    assert [(r[0], r[1]) for r in _kolommen(root, dt.date(2026, 6, 1))] == [
        ("AVG-2026-0002", "inzage"), ("AVG-2026-0001", "wissing"),
        ("AVG-2026-0001", "bezwaar"), ("AVG-2026-0003", "inzage")]
    assert _kolommen(root, dt.date(2026, 6, 1)) == _gewoon(root, dt.date(2026, 6, 1))


def _kolommen(root: Path, vandaag: dt.date, **filters: object) -> list[tuple[object, ...]]:
    register = load_register(root, verzoekvelden=LIJSTVELDEN, bewaren=False)
    return list(lijst(register, vandaag, **filters).rijen())  # type: ignore[arg-type]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
@pytest.mark.parametrize("vandaag", [VOORBEELD_DAG, dt.date(2026, 12, 10), dt.date(2025, 11, 8)])
def test_the_example_lists_as_by_the_plain_definition(filters: dict[str, object],
                                                      vandaag: dt.date) -> None:
    assert _kolommen(PROJECT, vandaag, **filters) == _gewoon(PROJECT, vandaag, **filters)


def test_what_is_left_out_is_reported_the_same(tmp_path: Path) -> None:
    rows = ["referentie,ontvangen,betrokkene_ref,kanaal,type,status,behandelaar",
            "AVG-2026-0001,2026-03-02,K-1,email,inzage,open,Privacyteam",
            "AVG-2026-0002,2026-02-30,K-2,email,inzage,open,Privacyteam",
            "AVG-2026-0003,2026-03-02,K-3,fax,wissing,open,",
            "AVG-2026-0004,2026-03-01,K-4,email,wissing,afgehandeld,Privacyteam"]
    root = _met_verzoeken(tmp_path, rows)
    gewoon = load_register(root)
    tabel = load_register(root, verzoekvelden=LIJSTVELDEN, bewaren=False)
    assert tabel.overgeslagen == gewoon.overgeslagen
    assert [f.location for f in tabel.load_findings] == [f.location for f in gewoon.load_findings]
    assert [r[0] for r in _kolommen(root, dt.date(2026, 6, 1))] == [
        "AVG-2026-0004", "AVG-2026-0001"]


def _waarden(goed: list[str], fout: list[str]) -> st.SearchStrategy[str]:
    """Mostly good values, now and then a wrong one (which leaves its row out)."""
    return st.one_of(st.sampled_from(goed), st.sampled_from(goed), st.sampled_from(goed),
                     st.sampled_from(goed), st.sampled_from(fout or goed))


_CEL = {
    "referentie": _waarden(["AVG-2026-0001", "AVG-2026-0002", "AVG-2026-0003"], ["x y"]),
    "ontvangen": _waarden(["2026-01-31", "2026-02-28", "2026-03-02", "2025-12-24"],
                          ["2026-02-30", ""]),
    "betrokkene_ref": _waarden(["K-1", "K-2"], [""]),
    "kanaal": _waarden(["email", "brief"], ["fax"]),
    "type": _waarden(["inzage", "wissing", "bezwaar", "rectificatie"], ["klacht"]),
    "status": _waarden(["open", "in_behandeling", "afgehandeld", "ingetrokken"], ["dicht"]),
    "behandelaar": _waarden(["", "Privacyteam", " Privacyteam", "Team B"], []),
    "gepauzeerd_van": _waarden(["", "2026-03-03"], []),
    "gepauzeerd_tot": _waarden(["", "2026-03-10", "2026-03-01"], []),
    "verlengd_op": _waarden(["", "2026-03-20"], ["nooit"]),
}
_KOP = list(_CEL)
_YAML = ("referentie: AVG-2026-0009\nontvangen: 2026-03-02\nbetrokkene_ref: K-9\n"
         "kanaal: brief\ntype: {type}\nstatus: {status}\n")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rijen=st.lists(st.tuples(*_CEL.values()), max_size=12),
       yaml=st.lists(st.tuples(st.sampled_from(["inzage", "wissing"]),
                               st.sampled_from(["open", "afgehandeld"])), max_size=2),
       filters=st.sampled_from(FILTERS),
       vandaag=st.sampled_from([dt.date(2026, 3, 31), dt.date(2026, 6, 1)]))
def test_any_register_lists_as_by_the_plain_definition(
        tmp_path_factory: pytest.TempPathFactory, rijen: list[tuple[str, ...]],
        yaml: list[tuple[str, str]], filters: dict[str, object], vandaag: dt.date) -> None:
    """Rows with wrong values, duplicates, pauses and extensions, and requests kept as YAML
    files beside the CSV: the same list, in the same order."""
    root = tmp_path_factory.mktemp("lijst")
    files = {**BASIS, "registers/verzoeken.csv": "\n".join(
        [",".join(_KOP), *(",".join(r) for r in rijen)]) + "\n"}
    for i, (soort, status) in enumerate(yaml):
        files[f"registers/verzoeken/AVG-2026-000{i}.yaml"] = _YAML.format(type=soort,
                                                                         status=status)
    write_repo(root, files)
    assert _kolommen(root, vandaag, **filters) == _gewoon(root, vandaag, **filters)

"""The columns of the request register that retention reads are kept by the load, cell for
cell as the rows hold them, and a check never parses every row into lists again (DESIGN.md
§5: 100,000 rows as lists of cells would take the check over its memory limit)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from avgctl.models.verzoek import BEWAREN
from avgctl.overzicht import bewaren
from avgctl.rules.run import run_checks
from avgctl.store.csvfile import CsvDocument, parse_csv
from avgctl.store.register import VERZOEKEN_FILE, Context
from avgctl.store.repo import load_register
from tests.conftest import BASIS, write_repo

KOP = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,afgehandeld_op,besluit,"
       "blokkade,geanonimiseerd_op")
TERMIJN = "\nverzoeken:\n  duur: 1 jaar\n  na: afhandeling\n"
CONFIG = "beleid:\n  bewaren: {verzoeken: verzoeken}\n"


def _verwacht(doc: CsvDocument, names: tuple[str, ...]) -> list[list[str] | None]:
    """What the cells are, from every row (the slow way)."""
    result: list[list[str] | None] = []
    for name in names:
        index = doc.column(name)
        result.append(None if index is None else
                      [row[index] if index < len(row) else "" for row in doc.rows])
    return result


def test_kept_columns_are_the_cells_of_the_rows(tmp_path: Path) -> None:
    text = (f"{KOP}\n"
            "AVG-2024-0001,2024-01-02,K-1,email,inzage,afgehandeld,2024-01-20,toegewezen,,\n"
            "AVG-2024-0002,2024-01-03,K-2,email,inzage\n"  # a short row
            "\n"  # a blank line is no row
            '" AVG-2024-0003 ",2024-01-04,K-3,email,inzage,open,,,"nog, even",\n')
    write_repo(tmp_path, {**BASIS, VERZOEKEN_FILE: text})
    register = load_register(tmp_path)
    doc = register.documents[VERZOEKEN_FILE]
    assert isinstance(doc, CsvDocument)
    kept = doc.kolommen(BEWAREN)
    assert doc._rows is None  # kept by the load, not read again
    assert kept == _verwacht(parse_csv(text, VERZOEKEN_FILE), BEWAREN)
    assert kept[0] == ["AVG-2024-0001", "AVG-2024-0002", " AVG-2024-0003 "]
    assert kept[4] == ["", "", "nog, even"]
    # A document that was not loaded reads its text for them, and agrees.
    assert parse_csv(text, VERZOEKEN_FILE).kolommen(BEWAREN) == kept
    # A column the header lacks is None; asking twice gives the same lists.
    zonder = parse_csv("referentie,status\nA,open\n", VERZOEKEN_FILE)
    assert zonder.kolommen(BEWAREN) == [["A"], ["open"], None, None, None, None]
    assert zonder.kolommen(("status",)) == [["open"]]


_CEL = st.sampled_from(["", " ", "2023-05-01", " 2023-05-01", "2025-12-31", "2023-02-30",
                        "afgehandeld", "open", " in_behandeling ", "x", "AVG-2023-0001",
                        '"a,b"', "reden"])


def _oud(doc: CsvDocument, grens: dict[str, str] | None) -> list[tuple[object, int]]:
    """The own records as they were read from every row before the columns were kept."""
    index = [doc.column(name) for name in BEWAREN]
    breed = max((len(row) for row in doc.rows), default=0)
    i_ref, i_status, i_ontv, i_afg, i_blok, i_anon = (breed if i is None else i for i in index)
    nodig = max(i_ref, i_status, i_ontv, i_afg, i_blok, i_anon) + 1
    filter_kolom, filter_tot = -1, ""
    if grens is not None:
        event, filter_tot = next(iter(grens.items()))
        filter_kolom = i_ontv if event == "ontvangst" else i_afg
    out: list[tuple[object, int]] = []
    for number, row in enumerate(doc.rows):
        cellen = row if len(row) >= nodig else row + [""] * (nodig - len(row))
        if filter_kolom >= 0:
            cel = cellen[filter_kolom].strip()
            if (not cel or cel > filter_tot or cellen[i_anon].strip()
                    or cellen[i_status].strip() in bewaren.OPEN_VERZOEK):
                continue
        try:
            afgehandeld, anoniem = cellen[i_afg].strip(), cellen[i_anon].strip()
            record = bewaren.EigenRecord(
                "verzoek", cellen[i_ref].strip(),
                cellen[i_status].strip() in bewaren.OPEN_VERZOEK,
                {"ontvangst": dt.date.fromisoformat(cellen[i_ontv].strip()),
                 "afhandeling": dt.date.fromisoformat(afgehandeld) if afgehandeld else None},
                cellen[i_blok].strip() or None,
                dt.date.fromisoformat(anoniem) if anoniem else None)
        except ValueError:
            continue
        out.append((record, number))
    return out


_CEL = st.sampled_from(["", " ", "2023-05-01", " 2023-05-01", "2025-12-31", "2023-02-30",
                        "afgehandeld", "open", " in_behandeling ", "x", "AVG-2023-0001",
                        '"a,b"', "reden"])


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.lists(_CEL, min_size=0, max_size=11), max_size=12),
       kop=st.permutations(KOP.split(",")).map(lambda names: ",".join(names[:8])))
def test_retention_from_kept_columns_is_retention_from_the_rows(
        rows: list[list[str]], kop: str) -> None:
    """Whatever the columns and cells (short rows, missing columns, spaces, bad dates), the
    kept columns give the same own records as every row did."""
    text = kop + "\n" + "".join(",".join(row) + "\n" for row in rows)
    doc = parse_csv(text, VERZOEKEN_FILE)
    for grens in (None, {"ontvangst": "2024-01-01"}, {"afhandeling": "2026-01-01"}):
        nieuw = [(record, plek.path[0]) for record, plek in bewaren._csv_records(doc, grens)]
        assert nieuw == _oud(parse_csv(text, VERZOEKEN_FILE), grens)


def test_check_keeps_no_rows_of_the_request_register(tmp_path: Path) -> None:
    rows = "".join(f"AVG-2023-{n:04d},2023-01-02,K-{n},email,inzage,afgehandeld,2023-01-20,"
                   "toegewezen,,\n" for n in range(1, 40))
    write_repo(tmp_path, {**BASIS, "avgctl.yaml": BASIS["avgctl.yaml"] + CONFIG,
                          "registers/bewaartermijnen.yaml":
                          BASIS["registers/bewaartermijnen.yaml"] + TERMIJN,
                          VERZOEKEN_FILE: f"{KOP}\n{rows}"})
    register = load_register(tmp_path)
    findings = run_checks(register, Context(dt.date(2026, 6, 1)))
    assert sum(f.code == "AVG116" for f in findings) == 39  # every request is past its year
    doc = register.documents[VERZOEKEN_FILE]
    assert isinstance(doc, CsvDocument) and doc._rows is None

"""Bulk validation of CSV rows (avgctl.store.rijen) gives exactly what the model gives.

The shortcut is only worth having if it is never different: for every row it must produce
the same model (values, their order, the fields that were set) as ``model_validate``, and
refuse exactly the rows the model refuses, so that those get the model's own messages with
their file:line:col.
"""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, field_validator

from avgctl.models.base import Model
from avgctl.models.verzoek import Verzoek, split_ids
from avgctl.store.repo import load_register
from avgctl.store.rijen import Rijen, mogelijk

HEADER = ["referentie", "ontvangen", "betrokkene_ref", "verzoeker", "kanaal", "type",
          "behandelaar", "status", "verificatie", "verificatie_op", "verlengd_op",
          "afgehandeld_op", "besluit", "verwerkingen", "ontvangers_geinformeerd", "opmerking",
          "eigen_kolom"]

# Per column: good values, bad values, and the corners between them (spaces, odd
# whitespace, case, formats that are nearly a date).
_TEXT = ["Privacyteam", " Privacyteam ", "a", "team\tB", "é-team", "x\u00a0", "\u2003y", "",
         "  ", "\x1c", "a\nb", "beveiligde e-mail"]
CELLS: dict[str, list[str]] = {
    "referentie": ["AVG-2026-0001", "AVG-2026-0002", " AVG-2026-0003", "avg_1.2", "-AVG",
                   "AVG 1", "AVG-1\n", "ÄVG-1", "", "A"],
    "ontvangen": ["2026-03-02", "2026-02-30", "2026-3-2", " 2026-03-02 ", "", "20260302",
                  "1899-12-31", "3000-01-01", "2999-12-31",
                  "2026-03-02T10:00", "gisteren"],
    "betrokkene_ref": ["K-1001", "K-1002", " K-1003", "", "K 1004", "ü", "  "],
    "verzoeker": ["betrokkene", "advocaat", " advocaat", "Betrokkene", "", "onbekend"],
    "kanaal": ["email", "brief", "fax", "", " email"],
    "type": ["inzage", "wissing", "inzage ", "INZAGE", "", "klacht"],
    "behandelaar": _TEXT,
    "status": ["open", "afgehandeld", "in_behandeling", "dicht", "", " open"],
    "verificatie": ["positief", "open", "", "ja"],
    "verificatie_op": ["2026-03-03", "", "2026-13-01", " 2026-03-03", "0001-01-01"],
    "verlengd_op": ["", "2026-04-01", "nooit"],
    "afgehandeld_op": ["", "2026-03-20", "2026-02-29"],
    "besluit": ["", "toegewezen", "afgewezen", "misschien"],
    "verwerkingen": ["", "20.1.1", "40.3.1; 40.5.1", " 20.1.1 ,30.1.1", ";", "a;;b"],
    "ontvangers_geinformeerd": ["", "nvt", "2026-03-21", "NVT", "ja"],
    "opmerking": _TEXT,
    "eigen_kolom": ["", "wat dan ook"],
}


def _record(header: list[str], row: list[str]) -> dict[str, object]:
    return Rijen(Verzoek, header, {"verwerkingen": split_ids}).record(row)


def _same(ours: BaseModel | None, header: list[str], row: list[str]) -> None:
    try:
        theirs = Verzoek.model_validate(_record(header, row))
    except Exception:
        assert ours is None, row
        return
    assert ours is not None, row
    assert list(ours.__dict__.items()) == list(theirs.__dict__.items()), row
    assert ours.model_fields_set == theirs.model_fields_set, row
    assert repr(ours) == repr(theirs)
    assert ours.model_dump() == theirs.model_dump()


ROWS = st.lists(st.tuples(*[st.sampled_from(CELLS[name]) for name in HEADER]).map(list),
                min_size=1, max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROWS)
def test_bulk_equals_model_validate(rows: list[list[str]]) -> None:
    rijen = Rijen(Verzoek, HEADER, {"verwerkingen": split_ids})
    for row, ours in zip(rows, rijen.valideer(rows), strict=True):
        _same(ours, HEADER, row)


@settings(max_examples=100, deadline=None)
@given(ROWS, st.integers(min_value=0, max_value=len(HEADER)))
def test_short_and_long_rows(rows: list[list[str]], width: int) -> None:
    """A row shorter than the header misses its last cells; a longer one has extra ones."""
    changed = [row[:width] if i % 2 else [*row, "extra"] for i, row in enumerate(rows)]
    rijen = Rijen(Verzoek, HEADER, {"verwerkingen": split_ids})
    for row, ours in zip(changed, rijen.valideer(changed), strict=True):
        _same(ours, HEADER, row)


def test_repeated_values_are_shared_and_lists_are_not() -> None:
    rows = [["AVG-1", "2026-03-02", "K-1", "", "email", "inzage", "", "open", "", "", "",
             "", "", "20.1.1", "", "", ""]] * 3
    rows = [[f"AVG-{i}", *row[1:]] for i, row in enumerate(rows)]
    first, second, third = Rijen(Verzoek, HEADER, {"verwerkingen": split_ids}).valideer(rows)
    assert first is not None and second is not None and third is not None
    assert first.ontvangen is second.ontvangen  # one date object for the same day
    assert first.verwerkingen == second.verwerkingen == ["20.1.1"]
    assert first.verwerkingen is not second.verwerkingen  # each its own list
    assert first.model_fields_set is second.model_fields_set
    # Copies get a set of their own, as pydantic expects; the shared one is never changed.
    changed = first.model_copy(update={"status": "afgehandeld"})
    assert changed.status == "afgehandeld" and first.status == "open"
    assert "status" in changed.model_fields_set
    assert copy.deepcopy(first) == first


def test_a_missing_required_value_is_left_to_the_model() -> None:
    row = ["AVG-1", "", "K-1", "", "email", "inzage", "", "", "", "", "", "", "", "", "", "",
           ""]
    assert Rijen(Verzoek, HEADER).valideer([row]) == [None]


class _MetValidator(Model):
    naam: str

    @field_validator("naam")
    @classmethod
    def _hoofdletter(cls, value: str) -> str:
        return value.upper()


def test_models_with_validators_of_their_own_go_through_the_model() -> None:
    assert mogelijk(Verzoek)
    assert not mogelijk(_MetValidator)
    (model,) = Rijen(_MetValidator, ["naam"]).valideer([["piet"]])
    assert model is not None and model.naam == "PIET"


def test_bad_cells_keep_their_file_line_and_column(tmp_path: Path) -> None:
    """A large register with bad values in a few rows: the good rows load, and the bad
    ones are reported at the cell, with the model's message."""
    (tmp_path / "avgctl.yaml").write_text("organisatie:\n  naam: Test\n", encoding="utf-8")
    (tmp_path / "registers").mkdir()
    lines = ["referentie,ontvangen,betrokkene_ref,kanaal,type,status"]
    for i in range(12_000):
        lines.append(f"AVG-2026-{i:05d},2026-03-02,K-{i},email,inzage,afgehandeld")
    lines[5001] = "AVG-2026-05000,2026-02-30,K-5000,email,inzage,afgehandeld"
    lines[11000] = "AVG-2026-10999,2026-03-02,K-10999,fax,inzage,afgehandeld"
    (tmp_path / "registers/verzoeken.csv").write_text("\n".join(lines) + "\n",
                                                        encoding="utf-8")
    register = load_register(tmp_path)
    assert len(register.verzoeken) == 12_000 - 2
    found = sorted((f.location.line, f.location.column, f.code)
                   for f in register.load_findings)
    assert found == [(5002, 16, "AVG002"), (11001, 35, "AVG002")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab,\"\r\n\u2028", max_size=40))
def test_a_line_of_the_csv_is_the_line_split_lines_gives(text: str) -> None:
    """locate reads single lines through an index of where they start; that must be the
    same text as splitting the file the way the csv reader counts lines."""
    from avgctl.store.csvfile import CsvDocument, split_lines

    doc = CsvDocument("registers/verzoeken.csv", text, "", [])
    lines = split_lines(text)
    assert [doc._line(i) for i in range(1, len(lines) + 1)] == lines
    assert doc._line(0) == doc._line(len(lines) + 1) == ""


_VELDEN = ("referentie", "type", "ontvangen", "status", "behandelaar", "verlengd_op",
           "verwerkingen", "gepauzeerd_van")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROWS, st.integers(min_value=0, max_value=len(HEADER)))
def test_columns_are_the_values_of_the_models(rows: list[list[str]], width: int) -> None:
    """``tabel`` keeps the fields a list shows as columns, without a model per row: the same
    rows fail, and every value is what the model of ``valideer`` holds (also for a field
    without a column, and for short and long rows)."""
    rows = [row[:width] if i % 3 == 1 else [*row, "x"] if i % 3 == 2 else row
            for i, row in enumerate(rows)]
    models = Rijen(Verzoek, HEADER, {"verwerkingen": split_ids}).valideer(rows)
    kolommen, fout = Rijen(Verzoek, HEADER, {"verwerkingen": split_ids}).tabel(rows, _VELDEN)
    assert fout == [i for i, model in enumerate(models) if model is None]
    good = [model for model in models if model is not None]
    assert kolommen == {name: [getattr(m, name) for m in good] for name in _VELDEN}


def test_columns_through_the_model_when_bulk_is_not_exact() -> None:
    kolommen, fout = Rijen(_MetValidator, ["naam"]).tabel([["piet"], [""], ["jan"]], ["naam"])
    assert kolommen == {"naam": ["PIET", "JAN"]} and fout == [1]


def _rows_one_by_one(text: str) -> tuple[list[list[str]], list[int]]:
    """The rows and their first lines as the csv reader gives them one at a time."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    next(reader, None)
    rows, lines, previous = [], [], reader.line_num
    for row in reader:
        if row and (row[0] or any(cell.strip() for cell in row)):
            rows.append(row)
            lines.append(previous + 1)
        previous = reader.line_num
    return rows, lines


_REGELS = st.lists(st.sampled_from(
    ["a,b", "c,d", "", ",", " , ", ',"x"', '"e\nf",g', '"h\r\ni",j', "k,l\r", "\r", ",m",
     '"n""o",p']), max_size=25)


@settings(max_examples=400, deadline=None)
@given(_REGELS, st.sampled_from(["\n", "\r\n"]), st.booleans(),
       st.integers(min_value=1, max_value=6))
def test_blocks_give_every_row_and_its_line(regels: list[str], einde: str, slot: bool,
                                            size: int) -> None:
    """Blocks are read in C while every row is one line and none is blank; from the first
    block where that is not so, row by row. Either way: the rows and lines the csv reader
    gives one at a time, and blank rows left out."""
    from avgctl.store.csvfile import CsvDocument

    text = einde.join(["kop1,kop2", *regels]) + (einde if slot else "")
    try:
        expected = _rows_one_by_one(text)
    except Exception:
        return  # not CSV the strict reader accepts: the LoadError cases are tested apart
    doc = CsvDocument("registers/verzoeken.csv", text, "", ["kop1", "kop2"])
    blocks = list(doc.blokken(size))
    assert [row for block, _ in blocks for row in block] == expected[0]
    assert [start for _, start in blocks] == list(range(0, len(expected[0]), size))[
        :len(blocks)]
    assert list(doc.lines) == expected[1]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a,b", "", '"c\nd",e']), max_size=12),
       st.integers(min_value=1, max_value=4))
def test_a_broken_quote_is_reported_at_its_line_in_either_way_of_reading(
        regels: list[str], size: int) -> None:
    import csv
    import io

    import pytest

    from avgctl.store.csvfile import CsvDocument
    from avgctl.store.yamlfile import LoadError

    text = "\n".join(["kop1,kop2", *regels, 'x,"open']) + "\n"
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    with pytest.raises(csv.Error):
        for _ in reader:
            pass
    doc = CsvDocument("registers/verzoeken.csv", text, "", ["kop1", "kop2"])
    with pytest.raises(LoadError) as caught:
        list(doc.blokken(size))
    assert caught.value.line == reader.line_num


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab,;\"\r\n\u2028 ", max_size=40))
def test_the_header_is_the_first_row_the_reader_gives(text: str) -> None:
    """The header is read from lines split off one at a time: the same first row as the csv
    reader over the whole text, or the same error."""
    import csv
    import io

    from avgctl.store.csvfile import parse_csv
    from avgctl.store.yamlfile import LoadError

    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        expected: list[str] | None = [name.strip() for name in next(reader)]
    except csv.Error:
        expected = None
    except StopIteration:
        expected = []
    if not text.strip():
        return
    try:
        header: list[str] | None = parse_csv(text, "registers/verzoeken.csv").header
    except LoadError as exc:
        assert expected is None
        assert exc.line == (reader.line_num or 1)
        return
    except StopIteration:
        header = []
    assert header == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="a Z~!\n\r\t\u00a0é", max_size=5), max_size=8))
def test_a_column_is_visible_text_exactly_when_each_cell_is(cells: list[str]) -> None:
    from avgctl.store.rijen import _ZICHTBAAR, _alle_zichtbaar

    assert _alle_zichtbaar(cells) == all(_ZICHTBAAR.fullmatch(c) for c in cells)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab,\"\r\n\x0b\x0c\x1c\x85\u2028 ", max_size=40),
       st.integers(min_value=0, max_value=45))
def test_lines_are_split_where_the_csv_reader_splits_them(text: str, start: int) -> None:
    """``regels`` (through str.splitlines when the text has no other line ends, else through
    an expression) gives the lines io.StringIO gives the csv reader."""
    import io

    from avgctl.store.csvfile import regels

    start = min(start, len(text))
    assert list(regels(text, start)) == list(io.StringIO(text[start:], newline=""))

"""A change keeps the file's own style: quoting and field count in CSV, comments and list
layout in YAML. Only what changed differs, byte for byte."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from avgctl.store.slot import schrijfslot
from avgctl.store.verzoekschrijver import schrijf_csv, yaml_met
from tests.processen import kopie_voorbeeld

DAG = "2026-11-20"
F = "registers/verzoeken.csv"
KOP = ("referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,behandelaar,status,"
       "verificatie,afgehandeld_op,besluit,opmerking")


def _csv(rows: list[list[str]], quoting: int, delimiter: str = ",",
         eol: str = "\n") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=quoting, delimiter=delimiter, lineterminator=eol)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


@pytest.fixture
def voorbeeld_root(tmp_path: Path) -> Path:
    return kopie_voorbeeld(tmp_path / "repo")


def _repo(tmp_path: Path, text: str) -> Path:
    root = kopie_voorbeeld(tmp_path / "repo")
    (root / F).write_bytes(text.encode("utf-8"))
    return root


def _fields(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


HEADER = KOP.split(",")
RIJ = ["AVG-2026-0001", "2026-11-02", "K-1", "betrokkene", "email", "inzage", "", "open",
       "open", "", "", ""]


# --- CSV --------------------------------------------------------------------------------------

def test_an_edited_row_keeps_quoting_all_cells(cli: Any, tmp_path: Path) -> None:
    """A file that quotes every cell (some exports do): the edited row too, and only the
    changed cell differs."""
    text = _csv([HEADER, RIJ, [*RIJ[:0], "AVG-2026-0002", *RIJ[1:]]], csv.QUOTE_ALL, eol="\r\n")
    root = _repo(tmp_path, text)
    result = cli("verzoek", "update", "AVG-2026-0001", "--behandelaar", "Team, klant",
                 "--repo", str(root))
    assert result.exit_code == 0, result.err
    lines = text.splitlines(keepends=True)
    lines[1] = lines[1].replace('"inzage",""', '"inzage","Team, klant"')
    assert (root / F).read_bytes().decode("utf-8") == "".join(lines)


def test_an_edited_row_keeps_its_trailing_empty_fields(cli: Any, tmp_path: Path) -> None:
    text = KOP + "\n" + ",".join(RIJ) + "\n"
    root = _repo(tmp_path, text)
    assert cli("verzoek", "update", "AVG-2026-0001", "--behandelaar", "B", "--repo",
               str(root)).exit_code == 0
    assert (root / F).read_bytes().decode("utf-8") == text.replace("inzage,,open",
                                                                  "inzage,B,open")


def test_an_edited_row_keeps_the_quotes_of_its_unchanged_cells(cli: Any,
                                                               tmp_path: Path) -> None:
    """Quotes that are not needed stay: they are the organisation's bytes."""
    rij = 'AVG-2026-0001,"2026-11-02",K-1,betrokkene,"email",inzage,,open,open,,,"let op"\n'
    root = _repo(tmp_path, KOP + "\n" + rij)
    assert cli("verzoek", "update", "AVG-2026-0001", "--behandelaar", "B", "--opmerking",
               'zei "nee"', "--repo", str(root)).exit_code == 0
    assert (root / F).read_bytes().decode("utf-8") == KOP + "\n" + (
        'AVG-2026-0001,"2026-11-02",K-1,betrokkene,"email",inzage,B,open,open,,,'
        '"zei ""nee"""\n')


def test_a_short_row_grows_only_as_far_as_a_new_value_needs(cli: Any,
                                                            tmp_path: Path) -> None:
    rij = "AVG-2026-0001,2026-11-02,K-1,betrokkene,email,inzage,,open,open\n"
    root = _repo(tmp_path, KOP + "\n" + rij)
    assert cli("verzoek", "update", "AVG-2026-0001", "--behandelaar", "B", "--repo",
               str(root)).exit_code == 0
    assert (root / F).read_bytes().decode("utf-8").endswith(
        "\nAVG-2026-0001,2026-11-02,K-1,betrokkene,email,inzage,B,open,open\n")
    assert cli("verzoek", "afhandel", "AVG-2026-0001", "--besluit", "toegewezen",
               "--vandaag", DAG, "--repo", str(root)).exit_code == 0
    (_, rij_na) = _fields((root / F).read_bytes().decode("utf-8"))
    assert rij_na[9:11] == [DAG, "toegewezen"] and len(rij_na) == 11


def test_a_new_row_has_a_field_for_every_column(cli: Any, voorbeeld_root: Path) -> None:
    path = voorbeeld_root / F
    header = _fields(path.read_text(encoding="utf-8"))[0]
    result = cli("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-9", "--kanaal",
                 "email", "--vandaag", DAG, "--repo", str(voorbeeld_root))
    assert result.exit_code == 0, result.err
    laatste = path.read_text(encoding="utf-8").splitlines()[-1]
    assert laatste == ("AVG-2026-0075,2026-11-20,K-9,betrokkene,email,inzage,,open,open"
                       + "," * (len(header) - 9))


def test_a_new_row_is_quoted_as_the_file_quotes(cli: Any, tmp_path: Path) -> None:
    text = _csv([HEADER, RIJ], csv.QUOTE_ALL, delimiter=";", eol="\r\n")
    root = _repo(tmp_path, "\ufeff" + text)
    assert cli("verzoek", "add", "--type", "wissing", "--betrokkene-ref", "K-2", "--kanaal",
               "brief", "--vandaag", DAG, "--repo", str(root)).exit_code == 0
    raw = (root / F).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + text.encode("utf-8"))
    nieuw = raw[len(b"\xef\xbb\xbf" + text.encode("utf-8")):].decode("utf-8")
    assert nieuw == ('"AVG-2026-0002";"2026-11-20";"K-2";"betrokkene";"brief";"wissing";"";'
                     '"open";"open";"";"";""\r\n')


def test_a_new_column_is_named_as_the_header_names_its_columns(cli: Any,
                                                               tmp_path: Path) -> None:
    header = HEADER[:9]
    text = _csv([header, RIJ[:9]], csv.QUOTE_ALL)
    root = _repo(tmp_path, text)
    assert cli("verzoek", "update", "AVG-2026-0001", "--opmerking", "X", "--repo",
               str(root)).exit_code == 0
    lines = (root / F).read_bytes().decode("utf-8").splitlines()
    assert lines[0] == text.splitlines()[0] + ',"opmerking"'
    assert lines[1] == text.splitlines()[1] + ',"X"'


CELL = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",),
                             exclude_characters="\x00\r\n"), max_size=6) | st.sampled_from(
    ["", "a,b", 'zei "ja"', "regel\nnog een", " spatie "])


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.lists(CELL, min_size=3, max_size=5), min_size=1, max_size=4),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
       delimiter=st.sampled_from([",", ";"]), which=st.integers(0, 3),
       column=st.integers(1, 4), value=CELL)
def test_any_edit_changes_that_cell_and_nothing_else(tmp_path_factory: Any,
                                                     rows: list[list[str]], quoting: int,
                                                     delimiter: str, which: int, column: int,
                                                     value: str) -> None:
    header = ["referentie", "a", "b", "c", "d"]
    data = [[f"R{i}", *row[1:]] for i, row in enumerate(rows)]
    which %= len(data)
    records = [_csv([r], quoting, delimiter) for r in [header, *data]]
    text = "".join(records)
    path = tmp_path_factory.mktemp("csv") / "verzoeken.csv"
    path.write_bytes(text.encode("utf-8"))
    import hashlib

    with schrijfslot(path):
        schrijf_csv(path, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    {f"R{which}": {header[column]: value}}, [])
    na_text = path.read_bytes().decode("utf-8")
    verwacht = [header, *[list(r) for r in data]]
    rij = verwacht[which + 1]
    if column < len(rij):
        rij[column] = value
    elif value:
        rij += [""] * (column - len(rij)) + [value]
    assert _fields(na_text, delimiter) == verwacht
    # every other record keeps its bytes
    voor, na = "".join(records[:which + 1]), "".join(records[which + 2:])
    assert na_text.startswith(voor) and na_text.endswith(na)


# --- YAML -------------------------------------------------------------------------------------

MAATREGELEN = """\
referentie: DL-2026-001
maatregelen:  # wat is gedaan
  # eerst de ontvanger
  genomen:  # direct na ontdekking
    - Het vonnis is opgehaald
    - 'Ontvanger: verklaring getekend'  # op papier
  gepland: [Training]  # Q3
opmerking: x  # blijft
"""


def test_adding_a_measure_keeps_every_comment() -> None:
    na = yaml_met(MAATREGELEN, {"maatregelen": {
        "genomen": ["Het vonnis is opgehaald", "Ontvanger: verklaring getekend", "Gewist"],
        "gepland": ["Training", "Audit"]}})
    assert na == """\
referentie: DL-2026-001
maatregelen:  # wat is gedaan
  # eerst de ontvanger
  genomen:  # direct na ontdekking
    - Het vonnis is opgehaald
    - 'Ontvanger: verklaring getekend'  # op papier
    - Gewist
  gepland: [Training, Audit]  # Q3
opmerking: x  # blijft
"""


def test_a_list_under_its_key_at_the_same_indent_stays_so() -> None:
    text = "genomen:\n- Een\n- Twee  # tweede\nandere: 1\n"
    assert yaml_met(text, {"genomen": ["Een", "Twee", "Drie"]}) == (
        "genomen:\n- Een\n- Twee  # tweede\n- Drie\nandere: 1\n")


def test_a_list_of_notifications_keeps_its_comments() -> None:
    text = ("ap_meldingen:\n  # via het loket\n  - soort: voorlopig  # eerst\n"
            "    op: 2026-03-28T09:00:00+01:00\n")
    na = yaml_met(text, {"ap_meldingen": [
        {"soort": "voorlopig", "op": dt.datetime.fromisoformat("2026-03-28T09:00:00+01:00")},
        {"soort": "volledig", "op": dt.datetime.fromisoformat("2026-03-30T09:00:00+02:00"),
         "kenmerk": "M-1"}]})
    assert na == text + ("  - soort: volledig\n    op: 2026-03-30T09:00:00+02:00\n"
                         "    kenmerk: M-1\n")


def test_a_hash_inside_quotes_is_no_comment() -> None:
    text = "genomen:\n  - 'Ticket #12'\n  - \"Ook # niet\"  # wel\n"
    assert yaml_met(text, {"genomen": ["Ticket #12", "Ook # niet", "Nieuw"]}) == (
        text + "  - Nieuw\n")


def test_datalek_update_keeps_the_comment_on_the_genomen_line(cli: Any,
                                                              voorbeeld_root: Path) -> None:
    """The regression of the issue: the comment on 'genomen:' was dropped."""
    path = voorbeeld_root / "registers/datalekken/DL-2026-010.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\n  genomen:\n" in text
    text = text.replace("\n  genomen:\n", "\n  genomen:  # door IT\n")
    path.write_text(text, encoding="utf-8")
    assert cli("datalek", "update", "DL-2026-010", "--maatregel", "Wachtwoord vervangen",
               "--repo", str(voorbeeld_root)).exit_code == 0
    na = path.read_text(encoding="utf-8")
    assert "\n  genomen:  # door IT\n" in na
    voor, _, rest = text.partition("\n  genomen:  # door IT\n")
    items = rest.split("\n  gepland:")[0] if "\n  gepland:" in rest else rest
    assert na.startswith(voor + "\n  genomen:  # door IT\n" + items.split("\n")[0])
    assert len(na.splitlines()) == len(text.splitlines()) + 1

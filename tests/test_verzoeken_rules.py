"""AVG701-AVG714 on snippets of verzoeken.csv: the code, the line and the column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BASIS, VANDAAG, check_repo, write_repo

F = "registers/verzoeken.csv"
KOP = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,verificatie_op,"
       "verlengd_op,verlenging_reden,afgehandeld_op,besluit,afwijzingsgrond,"
       "ontvangers_geinformeerd,verwerkingen\n")
GOED = "AVG-2026-0001,2026-05-04,K-1001,email,inzage,open,positief,2026-05-06,,,,,,,20.1.1\n"

# (code, csv rows after the header, expected (line, column))
CASES: list[tuple[str, str, tuple[int, int]]] = [
    ("AVG003", "AVG-2026-0001,9999-12-31,K-1,email,inzage,open,open,,,,,,,,\n", (2, 15)),
    ("AVG003", "AVG-2026-0001,2026-05-04,K-1,email,inzage,open,positief,0001-01-01,,,,,,,\n",
     (2, 57)),
    ("AVG003", "AVG-2026-0001,2026-05-04,K-1,email,inzage,afgehandeld,positief,2026-05-05,,,"
     "3026-05-20,toegewezen,,,\n", (2, 77)),
    ("AVG701", GOED + GOED.replace("K-1001", "K-1002"), (3, 1)),
    ("AVG702", "AVG-2026-0001,2026-05-04,K-1,email,inzage,open,positief,2026-05-01,,,,,,,\n",
     (2, 57)),
    ("AVG702", "AVG-2026-0001,2026-06-02,K-1,email,inzage,open,open,,,,,,,,\n", (2, 15)),
    ("AVG703", "AVG-2026-0001,2026-03-02,K-1,email,inzage,in_behandeling,positief,2026-03-03,"
     "2026-04-10,veel dossiers,,,,,\n", (2, 78)),
    ("AVG703", "AVG-2026-0001,2026-05-04,K-1,email,inzage,in_behandeling,positief,2026-05-05,"
     "2026-05-20,,,,,,\n", (2, 78)),
    ("AVG704", "AVG-2026-0001,2026-05-04,K-1,email,wissing,afgehandeld,positief,2026-05-05,,,"
     "2026-05-20,afgewezen,,,\n", (2, 89)),
    ("AVG704", "AVG-2026-0001,2026-05-04,K-1,email,wissing,afgehandeld,positief,2026-05-05,,,"
     "2026-05-20,,,,\n", (2, 44)),
    ("AVG705", "AVG-2026-0001,2026-04-01,K-1,email,inzage,open,positief,2026-04-02,,,,,,,\n",
     (2, 1)),
    ("AVG706", "AVG-2026-0001,2026-05-11,K-1,email,wissing,open,positief,2026-05-12,,,,,,,\n",
     (2, 1)),
    ("AVG707", "AVG-2026-0001,2026-03-02,K-1,email,inzage,afgehandeld,positief,2026-03-03,,,"
     "2026-03-20,toegewezen,,,\nAVG-2026-0002,2026-05-29,K-1,email,inzage,open,open,,,,,,,,\n",
     (3, 1)),
    ("AVG708", "AVG-2026-0001,2026-05-04,K-1,email,inzage,open,positief,2026-05-12,,,,,,,\n",
     (2, 57)),
    ("AVG708", "AVG-2026-0001,2026-05-25,K-1,email,inzage,open,open,,,,,,,,\n", (2, 48)),
    ("AVG709", "AVG-2026-0001,2026-05-04,K-1,email,rectificatie,afgehandeld,positief,"
     "2026-05-05,,,2026-05-15,toegewezen,,,\n", (2, 1)),
    ("AVG710", "AVG-2026-0001,2026-05-25,jan.jansen@voorbeeld.nl,email,inzage,open,positief,"
     "2026-05-26,,,,,,,\n", (2, 26)),
    ("AVG710", "AVG-2026-0001,2026-05-25,Jan de Vries,email,inzage,open,positief,2026-05-26,,,"
     ",,,,\n", (2, 26)),
    ("AVG713", "AVG-2026-0001,2026-05-25,K-1,email,inzage,open,positief,2026-05-26,,,,,,,"
     "20.9.9\n", (2, 74)),
    # a refusal ground on a request that was granted: the column of the ground
    ("AVG714", "AVG-2026-0001,2026-05-04,K-1,email,inzage,afgehandeld,positief,2026-05-05,,,"
     "2026-05-20,toegewezen,herhaald_verzoek,,\n", (2, 99)),
    # a refusal on the ground 'overig' without an explanation for the data subject
    ("AVG715", "AVG-2026-0001,2026-05-04,K-1,email,bezwaar,afgehandeld,positief,2026-05-05,,,"
     "2026-05-20,afgewezen,overig,,\n", (2, 99)),
]

BELEID = """\
beleid:
  verzoeken:
    per_type:
      wissing: {termijn: 2 weken, verlenging: 2 weken}
"""


def _repo(tmp_path: Path, rows: str) -> Path:
    files = dict(BASIS)
    files["avgctl.yaml"] = BASIS["avgctl.yaml"] + BELEID
    files[F] = KOP + rows
    return write_repo(tmp_path, files)


@pytest.mark.parametrize(("code", "rows", "place"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(tmp_path: Path, code: str, rows: str, place: tuple[int, int]) -> None:
    findings = check_repo(_repo(tmp_path, rows), VANDAAG)
    hits = [f for f in findings if f.code == code]
    assert hits, [(f.code, f.message) for f in findings]
    assert (hits[0].location.file, hits[0].location.line, hits[0].location.column) == (
        F, *place)


def test_clean_row_has_no_findings(tmp_path: Path) -> None:
    assert check_repo(_repo(tmp_path, GOED), VANDAAG) == []


@pytest.mark.parametrize(("termijn", "verlenging", "looser"), [
    ("1 maand", "2 maanden", False),
    ("2 weken", "2 weken", False),
    ("4 weken", "2 maanden", False),
    ("28 dagen", "61 dagen", False),
    ("6 weken", "2 maanden", True),
    ("1 maand", "3 maanden", True),
    ("2 maanden", "1 maand", True),
    ("29 dagen", "2 maanden", True),  # 1 Feb + 29 days is later than 1 Mar
    ("1 jaar", "1 maand", True),
])
def test_policy_looser_than_the_law(tmp_path: Path, termijn: str, verlenging: str,
                                    looser: bool) -> None:
    files = dict(BASIS)
    files["avgctl.yaml"] = (BASIS["avgctl.yaml"] + "beleid:\n  verzoeken:\n    per_type:\n"
                            f"      inzage: {{termijn: {termijn}, verlenging: {verlenging}}}\n")
    findings = [f for f in check_repo(write_repo(tmp_path, files), VANDAAG)
                if f.code == "AVG711"]
    assert bool(findings) is looser
    if looser:
        assert findings[0].location.line == 13


def test_unknown_csv_column_is_kept_but_a_typo_is_reported(tmp_path: Path) -> None:
    files = dict(BASIS)
    files[F] = ("referentie,ontvangen,betrokkene_ref,kanaal,type,intern_dossier,behandelar\n"
                "AVG-2026-0001,2026-05-25,K-1,email,inzage,D/77,Team privacy\n")
    findings = check_repo(write_repo(tmp_path, files), VANDAAG)
    assert [(f.code, f.message, f.hint, f.location.column) for f in findings
            if f.code == "AVG002"] == [
        ("AVG002", "onbekende kolom 'behandelar'", "bedoelde u 'behandelaar'?", 7)]


def test_semicolon_csv_and_bom_as_excel_writes_it(tmp_path: Path) -> None:
    files = dict(BASIS)
    write_repo(tmp_path, files)
    (tmp_path / F).write_bytes(
        "\ufeffreferentie;ontvangen;betrokkene_ref;kanaal;type;status\n"
        "AVG-2026-0001;2026-04-01;K-1;email;inzage;open\n".encode())
    findings = check_repo(tmp_path, VANDAAG)
    assert [(f.code, f.location.line) for f in findings] == [("AVG705", 2), ("AVG708", 2)]


def test_missing_required_column(tmp_path: Path) -> None:
    files = dict(BASIS)
    files[F] = "referentie,ontvangen,kanaal,type\nAVG-2026-0001,2026-05-25,email,inzage\n"
    findings = check_repo(write_repo(tmp_path, files), VANDAAG)
    assert [(f.code, f.message, f.location.line) for f in findings] == [
        ("AVG002", "kolom betrokkene_ref ontbreekt", 1)]


def test_bad_cell_is_reported_at_its_row_and_column(tmp_path: Path) -> None:
    files = dict(BASIS)
    files[F] = KOP + GOED + GOED.replace("2026-05-04", "2026-02-30").replace("0001", "0002")
    findings = check_repo(write_repo(tmp_path, files), VANDAAG)
    assert [(f.code, f.location.line, f.location.column, f.message) for f in findings] == [
        ("AVG002", 3, 15, "'ontvangen': 2026-02-30 is geen bestaande datum")]


def test_requests_as_yaml_files(tmp_path: Path) -> None:
    files = dict(BASIS)
    files["registers/verzoeken/AVG-2026-0003.yaml"] = (
        "referentie: AVG-2026-0003\nontvangen: 2026-04-01\nbetrokkene_ref: K-9\n"
        "kanaal: brief\ntype: inzage\n")
    findings = check_repo(write_repo(tmp_path, files), VANDAAG)
    rel = "registers/verzoeken/AVG-2026-0003.yaml"
    assert [(f.code, f.location.file, f.location.line, f.location.column)
            for f in findings] == [("AVG708", rel, 1, 1), ("AVG705", rel, 1, 13)]


@pytest.mark.parametrize(("besluit", "grond", "gemeld"), [
    ("toegewezen", "herhaald_verzoek", True),
    ("toegewezen", "overig", True),
    ("toegewezen", "", False),
    ("gedeeltelijk_toegewezen", "wettelijke_bewaarplicht", False),
    ("afgewezen", "herhaald_verzoek", False),
    ("niet_in_behandeling", "identiteit_niet_vastgesteld", False),
])
def test_ground_only_with_a_refusal(tmp_path: Path, besluit: str, grond: str,
                                    gemeld: bool) -> None:
    """AVG714: a refusal ground belongs to a decision that does not (fully) grant."""
    row = ("AVG-2026-0001,2026-05-04,K-1,email,inzage,afgehandeld,positief,2026-05-05,,,"
           f"2026-05-20,{besluit},{grond},,\n")
    hits = [f for f in check_repo(_repo(tmp_path, row), VANDAAG) if f.code == "AVG714"]
    assert [(h.message, h.hint) for h in hits] == ([(
        f"AVG-2026-0001 is toegewezen, maar heeft afwijzingsgrond '{grond}'",
        "maak de grond leeg, of leg het besluit vast als gedeeltelijk_toegewezen of afgewezen",
    )] if gemeld else [])

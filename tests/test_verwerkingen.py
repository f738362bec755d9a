"""`avgctl status` and `avgctl verwerkingen list|show|export` on the built-in example."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import GOLDEN, PROJECT, VANDAAG, VOORBEELD_DAG, assert_golden

DAG = VANDAAG.isoformat()
VOORBEELD = VOORBEELD_DAG.isoformat()


@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    """A private copy of the example, so a test may change it."""
    root = tmp_path / "voorbeeld"
    root.mkdir()
    shutil.copy(PROJECT / "avgctl.yaml", root / "avgctl.yaml")
    shutil.copytree(PROJECT / "registers", root / "registers")
    return root


# --- status --------------------------------------------------------------------------------

def test_status_text(cli, voorbeeld: Path) -> None:  # type: ignore[no-untyped-def]
    partijen = voorbeeld / "registers/partijen.yaml"
    partijen.write_text(partijen.read_text().replace("verloopt: 2028-03-01",
                                                     "verloopt: 2026-12-20"))
    result = cli("status", "--repo", str(voorbeeld), "--vandaag", VOORBEELD)
    assert result.exit_code == 0
    assert result.out == (
        "Gerechtsdeurwaarderskantoor Van Dijk & Bakker — stand van 20 november 2026\n"
        "\n"
        "Verwerkingen: 35\n"
        "  10 Commerciële activiteiten                       3\n"
        "  20 Nieuwe zaken                                   3\n"
        "  30 Minnelijke incasso                             5\n"
        "  40 Gerechtelijke incasso en ambtshandelingen     10\n"
        "  50 Personeel en salaris                           4\n"
        "  60 Werving en selectie                            2\n"
        "  70 Beveiliging en toegang                         4\n"
        "  80 Website en communicatie                        4\n"
        "Partijen: 27   Datalekken: 19 (2 open)   Open verzoeken: 7\n"
        "\n"
        "Termijnen die aandacht vragen: 0 te laat, 1 binnenkort\n"
        "  AVG-2026-0071 wissing (art. 17 AVG): eigen termijn 2026-11-23 (nog 3 d), wettelijk "
        "2026-12-09\n"
        "\n"
        "Overeenkomsten die verlopen zijn of binnen 90 dagen verlopen:\n"
        "  Dossiersoft B.V. (dossiersoft-bv): verwerkersovereenkomst, verloopt 2026-12-20 "
        "(over 30 dagen)\n"
        "\n"
        "Bewaartermijnen: geen eigen verzoeken of datalekken te anonimiseren (1 vastgehouden "
        "door een blokkade).\n"
        "\n"
        "Controle: 0 fouten, 0 waarschuwingen, 0 info (63 bestanden).\n"
    )


def test_status_json_counts_findings_and_expired_agreements(cli, voorbeeld: Path) -> None:  # type: ignore[no-untyped-def]
    partijen = voorbeeld / "registers/partijen.yaml"
    partijen.write_text(partijen.read_text().replace("verloopt: 2028-03-01",
                                                     "verloopt: 2026-10-21"))
    result = cli("status", "--repo", str(voorbeeld), "--vandaag", VOORBEELD, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.out)
    assert data["verwerkingen"] == 35
    assert data["bevindingen"] == {"fout": 1, "waarschuwing": 0, "info": 0}  # AVG402
    assert data["afloop"] == [{"partij": "dossiersoft-bv", "naam": "Dossiersoft B.V.",
                               "soort": "verwerkersovereenkomst", "verloopt": "2026-10-21",
                               "dagen": -30}]
    assert data["open_verzoeken"] == 7
    assert [t["referentie"] for t in data["aandacht"]] == ["AVG-2026-0071"]


# --- list and show -------------------------------------------------------------------------

def _ids(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines()[1:-1]]


def test_list_all_in_process_model_order(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("verwerkingen", "list", "--repo", str(PROJECT))
    assert result.exit_code == 0
    ids = _ids(result.out)
    assert len(ids) == 35
    assert ids == sorted(ids, key=lambda i: tuple(int(p) for p in i.split(".")))
    assert result.out.splitlines()[0].split() == [
        "id", "naam", "grondslag", "betrokkenen", "bijzonder", "DPIA", "eigenaar"]
    assert result.out.endswith("35 verwerkingen\n")


@pytest.mark.parametrize(("args", "expected"), [
    (("--grondslag", "toestemming"), ["30.5.1", "50.1.1", "60.1.2", "80.2.1"]),
    (("--bijzonder",), ["40.8.1", "50.3.1"]),
    (("--betrokkene", "sollicitant"), ["60.1.1", "60.1.2"]),
    (("--partij", "cumulus-office"), None),  # checked below: every hit names the party
    (("--grondslag", "vitaal_belang"), []),
])
def test_list_filters(cli, args: tuple[str, ...], expected: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    result = cli("verwerkingen", "list", "--repo", str(PROJECT), "--format", "json", *args)
    assert result.exit_code == 0
    rows = json.loads(result.out)
    if expected is not None:
        assert [r["id"] for r in rows] == expected
    else:
        assert rows
        from avgctl.store.repo import load_register
        from avgctl.verwerkingen.views import find, partij_ids

        register = load_register(PROJECT)
        for row in rows:
            bron = find(register, row["id"])
            assert bron is not None and "cumulus-office" in partij_ids(bron.model)


def test_show_resolves_parties_and_retention(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("verwerkingen", "show", "50.3.1", "--repo", str(PROJECT))
    assert result.exit_code == 0
    assert result.out.splitlines()[0] == (
        "50.3.1 Verzuimregistratie en re-integratie  "
        "registers/verwerkingen/50.3.1-verzuim-en-re-integratie.yaml")
    assert "  Bijzondere gegevens: gezondheid (art. 9 lid 2 sub b)" in result.out
    assert "    ontvangers:       Arbodienst Midden B.V., UWV" in result.out  # ids -> names
    assert "    bewaartermijn:    2 jaar na einde dienstverband" in result.out


def test_show_unknown_id_suggests(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("verwerkingen", "show", "50.3.9", "--repo", str(PROJECT))
    assert result.exit_code == 1
    assert result.err == "fout: geen verwerking met id '50.3.9'; bedoelde u 50.3.1?\n"


# --- export --------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["csv", "md", "html", "var"])
def test_export_golden(cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"register.{fmt}"
    result = cli("verwerkingen", "export", "--format", fmt, "--uit", str(out),
                 "--repo", str(PROJECT), "--vandaag", DAG)
    assert result.exit_code == 0
    assert result.err == f"Geschreven: {out}\n"
    name = "verwerkingen.var.json" if fmt == "var" else f"verwerkingen.{fmt}"
    assert_golden(GOLDEN / name, out.read_bytes())


@pytest.mark.parametrize("fmt", ["csv", "md", "html", "var"])
def test_export_is_deterministic_and_same_on_stdout(cli, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    first = cli("verwerkingen", "export", "-f", fmt, "--repo", str(PROJECT), "--vandaag", DAG)
    second = cli("verwerkingen", "export", "-f", fmt, "--repo", str(PROJECT), "--vandaag", DAG)
    assert first.exit_code == second.exit_code == 0
    assert first.out == second.out
    out = tmp_path / "x"
    cli("verwerkingen", "export", "-f", fmt, "--uit", str(out), "--repo", str(PROJECT),
        "--vandaag", DAG)
    assert out.read_bytes() == first.out.encode("utf-8")


def test_csv_has_one_row_per_data_type() -> None:
    from avgctl.store.repo import load_register

    register = load_register(PROJECT)
    text = (GOLDEN / "verwerkingen.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["sectie", "proces", "verwerking", "naam"]
    assert len(rows) - 1 == sum(max(len(b.model.gegevens), 1) for b in register.verwerkingen)


def test_html_is_valid_html5_and_escapes_register_text(voorbeeld: Path, cli) -> None:  # type: ignore[no-untyped-def]
    import html5lib

    path = voorbeeld / "registers/verwerkingen/10.2.1-offertes-en-opdrachtafspraken.yaml"
    text = path.read_text()
    path.write_text(text.replace("doel: ", "doel: <script>alert('x')</script> & ", 1))
    result = cli("verwerkingen", "export", "-f", "html", "--repo", str(voorbeeld),
                 "--vandaag", DAG)
    assert result.exit_code == 0
    html = result.out
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; " in html
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)  # raises on any HTML5 parse error
    assert document.find("body/h1").text == "Register van verwerkingsactiviteiten"
    assert not document.findall(".//script")


def test_markdown_table_cells_cannot_break_the_table(voorbeeld: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = voorbeeld / "registers/bewaartermijnen.yaml"
    path.write_text(path.read_text().replace("bron: ", "bron: a | b ", 1))
    result = cli("verwerkingen", "export", "-f", "md", "--repo", str(voorbeeld),
                 "--vandaag", DAG)
    assert "a \\| b" in result.out


def test_export_unknown_format(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("verwerkingen", "export", "-f", "xlsx", "--repo", str(PROJECT))
    assert result.exit_code == 2
    assert result.err == "fout: onbekend formaat 'xlsx'; kies uit: csv, md, html, var\n"


def test_export_to_unwritable_place_leaves_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    result = cli("verwerkingen", "export", "-f", "csv", "--uit", str(blocker / "register.csv"),
                 "--repo", str(PROJECT))
    assert result.exit_code == 1
    assert result.err.startswith("fout: ")
    assert "Traceback" not in result.err
    assert blocker.read_text() == "x"

"""How identity was checked and the authority of a representative (AVG716, the refused
unshielded ID copy), and the FG's advice (AVG504, AVG505, AVG717): rules on snippets with
code, line and column, and the options of ``verzoek add/update/afhandel``."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BASIS, PROJECT, VANDAAG, VOORBEELD_DAG, check_repo, write_repo

F = "registers/verzoeken.csv"
KOP = "referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,status,verificatie,"\
      "verificatie_op,verificatie_wijze,afgehandeld_op,besluit,afwijzingsgrond,machtiging\n"


def _check(tmp_path: Path, rows: str, files: dict[str, str] | None = None) -> list[Any]:
    return check_repo(write_repo(tmp_path, {**BASIS, **(files or {}), F: KOP + rows}), VANDAAG)


@pytest.mark.parametrize(("verzoeker", "status", "besluit", "grond", "machtiging", "gemeld"), [
    ("advocaat", "open", "", "", "", True),
    ("gemachtigde", "open", "", "", "", True),
    ("wettelijk_vertegenwoordiger", "afgehandeld", "toegewezen", "", "", True),
    ("gemachtigde", "open", "", "", "volmacht", False),
    ("wettelijk_vertegenwoordiger", "open", "", "", "ouderlijk_gezag", False),
    ("betrokkene", "open", "", "", "", False),
    ("gemachtigde", "ingetrokken", "", "", "", False),
    # refused because the authority was not shown: that is the right outcome, no warning
    ("gemachtigde", "afgehandeld", "niet_in_behandeling", "identiteit_niet_vastgesteld", "",
     False),
    ("gemachtigde", "afgehandeld", "afgewezen", "herhaald_verzoek", "", True),
])
def test_representative_without_proof(tmp_path: Path, verzoeker: str, status: str,
                                      besluit: str, grond: str, machtiging: str,
                                      gemeld: bool) -> None:
    afgehandeld = "2026-05-20" if besluit else ""
    row = (f"AVG-2026-0001,2026-05-18,K-1,{verzoeker},brief,inzage,{status},positief,"
           f"2026-05-19,balie,{afgehandeld},{besluit},{grond},{machtiging}\n")
    hits = [f for f in _check(tmp_path, row) if f.code == "AVG716"]
    assert [(h.severity.label, h.location.line, h.location.column, h.message) for h in hits] \
        == ([("waarschuwing", 2, 30, f"AVG-2026-0001: verzoek door "
              f"{verzoeker.replace('_', ' ')} zonder vastgelegd bewijs van machtiging")]
            if gemeld else [])


@pytest.mark.parametrize("waarde", ["kopie_id", "kopie_paspoort", "paspoort", "kopie rijbewijs",
                                    "scan-identiteitsbewijs"])
def test_unshielded_id_copy_is_refused_as_a_value(tmp_path: Path, waarde: str) -> None:
    row = (f"AVG-2026-0001,2026-05-18,K-1,betrokkene,brief,inzage,open,positief,2026-05-19,"
           f"{waarde},,,,\n")
    findings = _check(tmp_path, row)
    assert [(f.code, f.location.line, f.location.column, f.message, f.hint)
            for f in findings] == [(
        "AVG002", 2, 79, f"ongeldige waarde {waarde!r} voor 'verificatie_wijze': een kopie van "
        "een identiteitsbewijs zonder afscherming vraagt of bewaart u niet: daarop staan de "
        "pasfoto en het BSN, en die zijn voor de controle niet nodig (art. 5 lid 1 sub c AVG, "
        "art. 46 UAVG)", "vraag om een kopie waarop pasfoto en BSN zijn afgeschermd en kies "
        "'afgeschermde_kopie_id', of controleer op een andere manier")]


@pytest.mark.parametrize("waarde", ["bekend_emailadres", "zaaknummer_en_naw",
                                    "laatste_cijfers_bsn", "afgeschermde_kopie_id", "balie",
                                    "anders"])
def test_every_way_of_checking_is_accepted(tmp_path: Path, waarde: str) -> None:
    row = (f"AVG-2026-0001,2026-05-18,K-1,betrokkene,brief,inzage,open,positief,2026-05-19,"
           f"{waarde},,,,\n")
    assert _check(tmp_path, row) == []


def test_an_other_wrong_way_gets_the_choices(tmp_path: Path) -> None:
    row = ("AVG-2026-0001,2026-05-18,K-1,betrokkene,brief,inzage,open,positief,2026-05-19,"
           "telefonisch,,,,\n")
    [finding] = _check(tmp_path, row)
    assert finding.message == (
        "ongeldige waarde 'telefonisch' voor 'verificatie_wijze'; kies uit: bekend_emailadres, "
        "zaaknummer_en_naw, laatste_cijfers_bsn, afgeschermde_kopie_id, balie, anders")


# --- the options on the command line -----------------------------------------------------

@pytest.fixture
def voorbeeld(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(PROJECT / "avgctl.yaml", root / "avgctl.yaml")
    shutil.copytree(PROJECT / "registers", root / "registers")
    return root


def _rij(root: Path, ref: str) -> dict[str, str]:
    import csv

    with (root / F).open(encoding="utf-8", newline="") as handle:
        return next(r for r in csv.DictReader(handle) if r["referentie"] == ref)


def test_add_and_update_record_the_way_and_the_proof(cli: Any, voorbeeld: Path) -> None:
    repo = ("--repo", str(voorbeeld), "--vandaag", VOORBEELD_DAG.isoformat())
    result = cli("verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-30001",
                 "--kanaal", "brief", "--verzoeker", "advocaat", "--machtiging",
                 "advocatenregister", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert _rij(voorbeeld, "AVG-2026-0075")["machtiging"] == "advocatenregister"
    result = cli("verzoek", "update", "AVG-2026-0075", "--verificatie", "positief",
                 "--verificatie-op", "2026-11-20", "--verificatie-wijze",
                 "afgeschermde_kopie_id", *repo)
    assert (result.exit_code, result.err) == (0, "")
    assert result.out == ("Verzoek AVG-2026-0075 bijgewerkt: verificatie, verificatie_op, "
                          "verificatie_wijze.\n")
    assert _rij(voorbeeld, "AVG-2026-0075")["verificatie_wijze"] == "afgeschermde_kopie_id"


def test_update_refuses_an_unshielded_copy(cli: Any, voorbeeld: Path) -> None:
    before = (voorbeeld / F).read_bytes()
    result = cli("verzoek", "update", "AVG-2026-0074", "--verificatie-wijze", "kopie_id",
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == (
        "fout: ongeldig verzoek: ongeldige waarde 'kopie_id' voor 'verificatie_wijze': een "
        "kopie van een identiteitsbewijs zonder afscherming vraagt of bewaart u niet: daarop "
        "staan de pasfoto en het BSN, en die zijn voor de controle niet nodig (art. 5 lid 1 sub "
        "c AVG, art. 46 UAVG) (vraag om een kopie waarop pasfoto en BSN zijn afgeschermd en "
        "kies 'afgeschermde_kopie_id', of controleer op een andere manier)\n")
    assert (voorbeeld / F).read_bytes() == before


def test_afhandel_records_the_fg_advice(cli: Any, voorbeeld: Path) -> None:
    repo = ("--repo", str(voorbeeld), "--vandaag", "2026-11-27")
    before = (voorbeeld / F).read_bytes()
    result = cli("verzoek", "afhandel", "AVG-2026-0074", "--besluit", "afgewezen", "--grond",
                 "identiteit_niet_vastgesteld", "--fg-advies-op", "2026-11-26", "--fg-advies",
                 "eerst om een afgeschermde kopie vragen", "--fg-advies-gevolgd", "nee", *repo)
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == (
        "fout: er is niets geschreven: AVG-2026-0074 zou deze fout in het register brengen\n"
        f"  {F}: fout AVG717 AVG-2026-0074: het advies van de FG is niet gevolgd, zonder "
        "motivatie\n    → vul 'fg_advies_motivatie_afwijking' in\n")
    assert (voorbeeld / F).read_bytes() == before
    result = cli("verzoek", "afhandel", "AVG-2026-0074", "--besluit", "afgewezen", "--grond",
                 "identiteit_niet_vastgesteld", "--fg-advies-op", "2026-11-26", "--fg-advies",
                 "eerst om een afgeschermde kopie vragen", "--fg-advies-gevolgd", "nee",
                 "--fg-advies-motivatie-afwijking", "de betrokkene reageerde niet binnen de "
                 "termijn", *repo)
    assert (result.exit_code, result.err) == (0, "")
    rij = _rij(voorbeeld, "AVG-2026-0074")
    assert (rij["fg_advies_op"], rij["fg_advies_gevolgd"]) == ("2026-11-26", "nee")


# --- the FG's advice -----------------------------------------------------------------------

FG_KOP = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,verificatie_op,"
          "afgehandeld_op,besluit,afwijzingsgrond,fg_advies_op,fg_advies,fg_advies_gevolgd,"
          "fg_advies_motivatie_afwijking\n")
BASIS_RIJ = ("AVG-2026-0001,2026-05-04,K-1,email,wissing,afgehandeld,positief,2026-05-05,"
             "2026-05-20,afgewezen,wettelijke_bewaarplicht,")


@pytest.mark.parametrize(("advies", "gemeld"), [
    ("2026-05-18,deels wissen,ja,", None),
    ("2026-05-18,deels wissen,nee,alles valt onder de bewaarplicht", None),
    (",,,", None),
    ("2026-05-18,deels wissen,nee,", (2, 145, "AVG-2026-0001: het advies van de FG is niet "
                                      "gevolgd, zonder motivatie")),
    ("2026-05-18,,ja,", (2, 121, "AVG-2026-0001: advies van de FG zonder 'fg_advies'")),
    (",deels wissen,,", (2, 122, "AVG-2026-0001: advies van de FG zonder 'fg_advies_op', "
                         "'fg_advies_gevolgd'")),
])
def test_fg_advice_on_a_request(tmp_path: Path, advies: str,
                                gemeld: tuple[int, int, str] | None) -> None:
    root = write_repo(tmp_path, {**BASIS, F: FG_KOP + BASIS_RIJ + advies + "\n"})
    hits = [f for f in check_repo(root, VANDAAG) if f.code == "AVG717"]
    assert [(h.location.line, h.location.column, h.message) for h in hits] == (
        [gemeld] if gemeld else [])


DPIA = "dpia: {nodig: true, uitgevoerd: 2025-01-01}\n"


def test_no_fg_no_warning_about_its_advice(tmp_path: Path) -> None:
    files = dict(BASIS)
    files["registers/verwerkingen/20.1.1-intake.yaml"] = files[
        "registers/verwerkingen/20.1.1-intake.yaml"].replace(
        "dpia: {nodig: false, motivatie: Geen verhoogd risico.}\n", DPIA)
    met_fg = write_repo(tmp_path / "fg", files)
    assert [(f.code, f.location.line) for f in check_repo(met_fg, VANDAAG)] == [("AVG504", 14)]
    files["avgctl.yaml"] = files["avgctl.yaml"].split("  fg:\n")[0]
    zonder_fg = write_repo(tmp_path / "zonder", files)
    assert [f.code for f in check_repo(zonder_fg, VANDAAG)] == []


def test_fg_advice_on_a_breach_not_followed(tmp_path: Path) -> None:
    example = (PROJECT / "registers/datalekken/DL-2026-002.yaml").read_text(encoding="utf-8")
    assert "    gevolgd: true\n" in example
    root = tmp_path / "repo"
    shutil.copytree(PROJECT / "registers", root / "registers")
    shutil.copy(PROJECT / "avgctl.yaml", root / "avgctl.yaml")
    path = root / "registers/datalekken/DL-2026-002.yaml"
    path.write_text(example.replace("    gevolgd: true\n", "    gevolgd: false\n"),
                    encoding="utf-8")
    line = example.splitlines().index("    gevolgd: true") + 1
    hits = [f for f in check_repo(root, VOORBEELD_DAG) if f.code == "AVG505"]
    assert [(h.location.file, h.location.line, h.message) for h in hits] == [
        ("registers/datalekken/DL-2026-002.yaml", line, "datalek DL-2026-002: het advies van de "
         "FG over het besluit is niet gevolgd, zonder motivatie")]

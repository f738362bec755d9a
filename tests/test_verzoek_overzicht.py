"""The art. 15(1) overview of an access request (``avgctl verzoek overzicht``), the refusal's
explanation for the data subject (AVG715), and the internal note that never reaches a letter."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import (
    BASIS,
    GOLDEN,
    PROJECT,
    VANDAAG,
    VOORBEELD_DAG,
    assert_golden,
    check_repo,
    write_repo,
)

F = "registers/verzoeken.csv"
DAG = VOORBEELD_DAG.isoformat()

# Two access requests of the example: 0070 (demands with automated planning of letters, and
# customer contact through an office suite in the United States) and 0066 (an employee: staff
# file and sick leave, with health data and data from the occupational health service).
GOLDEN_VERZOEKEN = ("AVG-2026-0070", "AVG-2026-0066")


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("voorbeeld")
    shutil.copy(PROJECT / "avgctl.yaml", root / "avgctl.yaml")
    shutil.copytree(PROJECT / "registers", root / "registers")
    return root


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("ref", GOLDEN_VERZOEKEN)
def test_golden(cli: Any, voorbeeld: Path, ref: str, fmt: str) -> None:
    result = cli("verzoek", "overzicht", ref, "--format", fmt, "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    assert_golden(GOLDEN / "overzicht" / f"{ref}.{fmt}", result.out)


def test_overview_holds_art_15_a_to_h(cli: Any, voorbeeld: Path) -> None:
    text = cli("verzoek", "overzicht", "AVG-2026-0070", "--vandaag", DAG, "--repo",
               str(voorbeeld)).out
    for part in (
        "## 1. Sommaties en herinneringen",  # per activity
        "**Waarvoor wij uw gegevens gebruiken.** De debiteur schriftelijk wijzen",  # (a)
        "- Correspondentie: verzonden brieven en reacties van de debiteur",  # (b)
        "- Opdrachtgevers (schuldeisers, advocaten, woningcorporaties):",  # (c)
        "- Cumulus Office Inc. (US): de ontvanger is aangesloten bij het EU-US Data Privacy "
        "Framework (art. 45 AVG).",  # (c) and art. 15(2)
        ": 10 jaar na sluiten laatste dossier\n",  # (d), in words
        "- Correctie: u mag onjuiste",  # (e)
        "- Bezwaar: u mag bezwaar maken",  # (e)
        "klacht indienen bij de Autoriteit Persoonsgegevens",  # (f)
        "- NAW: opdrachtgever; BRP\n",  # (g)
        "**Besluiten door een computer.** De dossierapplicatie plant herinneringen",  # (h)
        "Bij dit onderdeel neemt geen computer zelfstandig een besluit over u.",  # (h) none
    ):
        assert part in text, part
    # (g) only what did not come from the person: the contact details partly came from them
    assert "- Contactgegevens debiteur: opdrachtgever" not in text
    assert "- Correspondentie: betrokkene" not in text


def test_written_to_a_file(cli: Any, voorbeeld: Path, tmp_path: Path) -> None:
    uit = tmp_path / "overzicht.html"
    result = cli("verzoek", "overzicht", "AVG-2026-0066", "-f", "html", "-o", str(uit),
                 "--vandaag", DAG, "--repo", str(voorbeeld))
    assert (result.exit_code, result.out, result.err) == (0, "", f"Geschreven: {uit}\n")
    assert uit.read_bytes() == (GOLDEN / "overzicht" / "AVG-2026-0066.html").read_bytes()


@pytest.mark.parametrize(("ref", "message"), [
    ("AVG-2026-0071", "fout: AVG-2026-0071 is een verzoek om wissing; het overzicht van art. 15 "
     "lid 1 AVG hoort bij een inzageverzoek\n"),
    ("AVG-2026-9999", None),
])
def test_overview_that_cannot_be_made(cli: Any, voorbeeld: Path, ref: str,
                                      message: str | None) -> None:
    result = cli("verzoek", "overzicht", ref, "--vandaag", DAG, "--repo", str(voorbeeld))
    assert (result.exit_code, result.out) == (1, "")
    if message is not None:
        assert result.err == message
    else:
        assert result.err.startswith("fout: geen verzoek met referentie 'AVG-2026-9999'")


OVERZICHT_KOP = "referentie,ontvangen,betrokkene_ref,kanaal,type,verwerkingen\n"


@pytest.mark.parametrize(("rij", "message"), [
    ("AVG-2026-0001,2026-05-25,K-1,email,inzage,\n",
     "fout: AVG-2026-0001 noemt geen verwerkingen; vul ze in met 'avgctl verzoek update "
     "AVG-2026-0001 --verwerkingen IDS' (zie 'avgctl verwerkingen list')\n"),
    ("AVG-2026-0001,2026-05-25,K-1,email,inzage,20.1.1; 20.9.9\n",
     "fout: het overzicht voor AVG-2026-0001 wordt niet gemaakt: verwerking '20.9.9' bestaat "
     "niet; zonder haar zou het overzicht onvolledig zijn. Zie 'avgctl check'\n"),
])
def test_overview_is_never_incomplete(cli: Any, tmp_path: Path, rij: str, message: str) -> None:
    root = write_repo(tmp_path, {**BASIS, F: OVERZICHT_KOP + rij})
    result = cli("verzoek", "overzicht", "AVG-2026-0001", "--vandaag", VANDAAG.isoformat(),
                 "--repo", str(root))
    assert (result.exit_code, result.out, result.err) == (1, "", message)


def test_activity_file_with_errors_is_named(cli: Any, tmp_path: Path) -> None:
    files = {**BASIS, F: OVERZICHT_KOP + "AVG-2026-0001,2026-05-25,K-1,email,inzage,20.1.1\n"}
    files["registers/verwerkingen/20.1.1-intake.yaml"] += "onbekend_veld: x\n"
    root = write_repo(tmp_path, files)
    result = cli("verzoek", "overzicht", "AVG-2026-0001", "--vandaag", VANDAAG.isoformat(),
                 "--repo", str(root))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err.endswith(
        "fout: het overzicht voor AVG-2026-0001 wordt niet gemaakt: verwerking '20.1.1' staat "
        "in een bestand dat fouten bevat; zonder haar zou het overzicht onvolledig zijn. Zie "
        "'avgctl check'\n")


def test_markup_in_the_register_stays_text(cli: Any, tmp_path: Path) -> None:
    files = {**BASIS, F: OVERZICHT_KOP + "AVG-2026-0001,2026-05-25,K-1,email,inzage,20.1.1\n"}
    files["registers/verwerkingen/20.1.1-intake.yaml"] = files[
        "registers/verwerkingen/20.1.1-intake.yaml"].replace(
        "doel: Een nieuwe opdracht vastleggen.", "doel: '<script>x</script> *vet* [a](b)'")
    root = write_repo(tmp_path, files)
    md = cli("verzoek", "overzicht", "AVG-2026-0001", "--vandaag", VANDAAG.isoformat(),
             "--repo", str(root)).out
    assert "\\<script>x\\</script> \\*vet\\* \\[a\\](b)" in md
    html = cli("verzoek", "overzicht", "AVG-2026-0001", "-f", "html", "--vandaag",
               VANDAAG.isoformat(), "--repo", str(root)).out
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


# --- the decision letter refers to the overview -------------------------------------------

def test_access_decision_refers_to_the_overview(cli: Any, voorbeeld: Path) -> None:
    result = cli("verzoek", "brief", "AVG-2026-0070", "besluit", "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    assert ("Wij voldoen aan uw verzoek. Bij deze brief vindt u een kopie van de "
            "persoonsgegevens die wij van u verwerken, en het document 'Overzicht van uw "
            "persoonsgegevens' met ons kenmerk AVG-2026-0070.") in result.out


def test_access_decision_without_activities_is_refused(cli: Any, tmp_path: Path) -> None:
    files = {**BASIS, F: "referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,"
             "verificatie_op,afgehandeld_op,besluit\nAVG-2026-0001,2026-05-04,K-1,email,inzage,"
             "afgehandeld,positief,2026-05-05,2026-05-20,toegewezen\n"}
    root = write_repo(tmp_path, files)
    result = cli("verzoek", "brief", "AVG-2026-0001", "besluit", "--vandaag",
                 VANDAAG.isoformat(), "--repo", str(root))
    assert (result.exit_code, result.out, result.err) == (1, "", (
        "fout: AVG-2026-0001 noemt geen verwerkingen, dus er is geen overzicht van de gegevens "
        "(art. 15 lid 1 AVG) om mee te sturen; vul ze in met 'avgctl verzoek update "
        "AVG-2026-0001 --verwerkingen IDS'\n"))


# --- the internal note never reaches a letter ----------------------------------------------

MARKER = "INTERN-OPMERKING-7f3a"
KOP = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,verificatie_op,"
       "verlengd_op,verlenging_reden,afgehandeld_op,besluit,afwijzingsgrond,verwerkingen,"
       "ontvangers_geinformeerd,afwijzing_toelichting,opmerking\n")
GRONDEN = ("identiteit_niet_vastgesteld", "herhaald_verzoek", "doel_onduidelijk",
           "kennelijk_ongegrond", "buitensporig", "wettelijke_bewaarplicht",
           "lopende_procedure", "geen_gegevens", "overig")


def _alle_verzoeken() -> tuple[str, list[tuple[str, str]]]:
    """Every kind of request with every decision and ground, each with the marker as its note;
    and the (reference, letter) pairs that can be made of them."""
    from avgctl.models.verzoek import ARTIKEL

    rows, brieven, n = [], [], 0
    for soort in ARTIKEL:
        besluiten = [("", ""), ("toegewezen", "")] + [
            (besluit, grond) for besluit in ("gedeeltelijk_toegewezen", "afgewezen",
                                             "niet_in_behandeling") for grond in GRONDEN]
        for besluit, grond in besluiten:
            n += 1
            ref = f"AVG-2026-{n:04d}"
            status = "afgehandeld" if besluit else "in_behandeling"
            toelichting = "uitleg voor de betrokkene" if grond == "overig" else ""
            rows.append(f"{ref},2026-05-04,K-{n},email,{soort},{status},positief,2026-05-05,"
                        f"2026-05-20,veel dossiers,{'2026-05-28' if besluit else ''},{besluit},"
                        f"{grond},20.1.1,nvt,{toelichting},{MARKER}\n")
            brieven += [(ref, "ontvangst"), (ref, "verlenging")]
            if besluit:
                brieven.append((ref, "besluit"))
            if besluit and besluit != "toegewezen":
                brieven.append((ref, "afwijzing"))
            if soort == "inzage":
                brieven.append((ref, "overzicht"))
    return KOP + "".join(rows), brieven


def test_the_internal_note_never_goes_into_a_letter(cli: Any, tmp_path: Path) -> None:
    from avgctl.commands.privacyverklaring import bewaartekst
    from avgctl.render import render
    from avgctl.store.repo import load_register
    from avgctl.verzoeken import brieven, overzicht

    tekst, alle = _alle_verzoeken()
    root = write_repo(tmp_path, {**BASIS, F: tekst})
    assert [f.code for f in check_repo(root, VANDAAG) if f.severity.label == "fout"] == []
    templates = sorted(p.name for p in (PROJECT / "templates" / "brieven").glob("verzoek-*"))
    assert templates == ["verzoek-afwijzing.md.j2", "verzoek-besluit.md.j2",
                         "verzoek-ontvangst.md.j2", "verzoek-overzicht.md.j2",
                         "verzoek-verlenging.md.j2"]  # a new letter must be added here
    # In process, as the command makes them (hundreds of letters); a few through the CLI.
    register = load_register(root)
    per_ref = {b.model.referentie: b.model for b in register.verzoeken}
    gemaakt = set()
    for ref, soort in alle:
        if soort == "overzicht":
            context = overzicht.overzicht(register, per_ref[ref], VANDAAG, bewaartekst)
        else:
            context = brieven.context(register, ref, soort, VANDAAG, per_ref[ref])
        text = render(f"brieven/verzoek-{soort}.md.j2", context, root)
        assert MARKER not in text, (ref, soort)
        gemaakt.add(soort)
    assert gemaakt == {"ontvangst", "verlenging", "besluit", "afwijzing", "overzicht"}
    for args in (("brief", "AVG-2026-0020", "afwijzing"), ("brief", "AVG-2026-0020", "besluit"),
                 ("overzicht", "AVG-2026-0020")):
        for fmt in ("md", "html"):
            result = cli("verzoek", *args, "--format", fmt, "--vandaag", VANDAAG.isoformat(),
                         "--repo", str(root))
            assert result.exit_code == 0, result.err
            assert MARKER not in result.out


def test_refusal_letter_gives_the_explanation_not_the_note(cli: Any, voorbeeld: Path) -> None:
    result = cli("verzoek", "brief", "AVG-2025-0004", "afwijzing", "--vandaag", DAG,
                 "--repo", str(voorbeeld))
    assert (result.exit_code, result.err) == (0, "")
    assert ("## Waarom niet?\n\nHet beslag berust op een vonnis en op de wettelijke taak van de "
            "gerechtsdeurwaarder.") in result.out
    assert "bezwaar tegen beslag; beslag berust" not in result.out  # the internal note


def test_fixed_ground_with_an_explanation_gives_both(cli: Any, voorbeeld: Path) -> None:
    root = voorbeeld.parent / "uitleg"
    shutil.copytree(voorbeeld, root)
    result = cli("verzoek", "update", "AVG-2026-0002", "--afwijzing-toelichting",
                 "Het dossier blijft tot 2036 bewaard.", "--repo", str(root))
    assert (result.exit_code, result.err) == (0, "")
    text = cli("verzoek", "brief", "AVG-2026-0002", "afwijzing", "--vandaag", DAG,
               "--repo", str(root)).out
    assert ("Na afloop van de bewaartermijn verwijderen wij ze. Het dossier blijft tot 2036 "
            "bewaard.\n") in text


def test_refusal_letter_without_any_reason_is_refused(cli: Any, tmp_path: Path) -> None:
    files = {**BASIS, F: KOP + "AVG-2026-0001,2026-05-04,K-1,email,bezwaar,afgehandeld,"
             f"positief,2026-05-05,,,2026-05-20,afgewezen,overig,20.1.1,,,{MARKER}\n"}
    root = write_repo(tmp_path, files)
    result = cli("verzoek", "brief", "AVG-2026-0001", "afwijzing", "--vandaag",
                 VANDAAG.isoformat(), "--repo", str(root))
    assert (result.exit_code, result.out, result.err) == (1, "", (
        "fout: AVG-2026-0001 heeft geen uitleg voor de betrokkene: vul 'afwijzing_toelichting' "
        "in (avgctl verzoek update AVG-2026-0001 --afwijzing-toelichting TEKST); de opmerking "
        "is intern en komt niet in een brief\n"))


# --- AVG715 when writing ----------------------------------------------------------------------

def test_afhandel_overig_needs_the_explanation(cli: Any, voorbeeld: Path) -> None:
    root = voorbeeld.parent / "afhandel"
    shutil.copytree(voorbeeld, root)
    before = (root / F).read_bytes()
    result = cli("verzoek", "afhandel", "AVG-2026-0074", "--besluit", "afgewezen", "--grond",
                 "overig", "--vandaag", "2026-11-27", "--repo", str(root))
    assert (result.exit_code, result.out) == (1, "")
    assert result.err == (
        "fout: er is niets geschreven: AVG-2026-0074 zou deze fout in het register brengen\n"
        f"  {F}: fout AVG715 AVG-2026-0074: afwijzing met grond 'overig' zonder uitleg voor de "
        "betrokkene\n    → vul 'afwijzing_toelichting' in; de opmerking is intern en komt niet "
        "in de brief\n")
    assert (root / F).read_bytes() == before
    result = cli("verzoek", "afhandel", "AVG-2026-0074", "--besluit", "afgewezen", "--grond",
                 "overig", "--toelichting", "Wij verwerken deze gegevens niet meer.",
                 "--vandaag", "2026-11-27", "--repo", str(root))
    assert (result.exit_code, result.err) == (0, "")
    row = next(line for line in (root / F).read_text(encoding="utf-8").splitlines()
               if line.startswith("AVG-2026-0074,"))
    assert ",overig,,30.1.1; 30.4.1,,,Wij verwerken deze gegevens niet meer.," in row


def test_old_register_without_the_new_columns_is_read(tmp_path: Path) -> None:
    """A register from before these columns: a missing column is an empty value."""
    files = {**BASIS, F: "referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,"
             "verificatie_op,afgehandeld_op,besluit,afwijzingsgrond,verwerkingen\n"
             "AVG-2026-0001,2026-05-04,K-1,email,inzage,afgehandeld,positief,2026-05-05,"
             "2026-05-20,toegewezen,,20.1.1\n"}
    assert check_repo(write_repo(tmp_path, files), VANDAAG) == []

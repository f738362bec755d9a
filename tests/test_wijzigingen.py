"""``avgctl.wijzigingen``: the changes between two snapshots of the registers, in words.

A temporary git repository starts from the small clean repository of conftest and gets one
commit per kind of change; each commit, compared with the one before it, gives exactly the
sentences below (hand-written, not generated). Then the places that ``check --sinds`` keeps.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avgctl.errors import UsageError
from avgctl.findings import Finding, Location, Severity
from avgctl.store.geschiedenis import revisie, stand
from avgctl.store.register import Bron, Register
from avgctl.store.repo import load_register
from avgctl.wijzigingen import Wijziging, gewijzigd, vergelijk
from tests.conftest import BASIS, PROJECT, write_repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")

ACTIVITEIT = "registers/verwerkingen/20.1.1-intake.yaml"
PARTIJEN = "registers/partijen.yaml"
TERMIJNEN = "registers/bewaartermijnen.yaml"
VERZOEKEN = "registers/verzoeken.csv"
KOP = ("referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,behandelaar,status,"
       "verificatie,afgehandeld_op,besluit\n")
BESLAG = """\
id: "40.3.2"
naam: Beslaglegging
eigenaar: Gerechtsdeurwaarder
doel: Beslag leggen op grond van een vonnis.
grondslag: wettelijke_verplichting
grondslag_bron: Wetboek van Burgerlijke Rechtsvordering art. 439
betrokkenen: [debiteur]
gegevens:
  - type: NAW
    betrokkene: debiteur
    bewaartermijn: dossier
dpia: {nodig: false, motivatie: Geen verhoogd risico.}
"""
WOLK = """\
- id: wolk-inc
  naam: Wolk Inc.
  relatie: verwerker
  land: US
  overeenkomst: {soort: verwerkersovereenkomst, getekend: 2026-01-05}
  doorgifte: {mechanisme: scc}
"""
DATALEK = """\
referentie: DL-2026-001
ontdekt_op: 2026-03-27T10:00:00+01:00
beschrijving: Een brief naar het verkeerde adres.
soort: [vertrouwelijkheid]
ernst: beperkt
risico: geen
besluit_motivatie: Eén brief, direct teruggekregen.
"""


def _git(root: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_AUTHOR_NAME": "FG", "GIT_AUTHOR_EMAIL": "fg@kantoor.example",
                "GIT_COMMITTER_NAME": "FG", "GIT_COMMITTER_EMAIL": "fg@kantoor.example",
                "GIT_AUTHOR_DATE": "2026-01-01T12:00:00+01:00",
                "GIT_COMMITTER_DATE": "2026-01-01T12:00:00+01:00", "HOME": str(root)})
    return subprocess.run(["git", "-C", str(root), *args], check=True, env=env,
                          capture_output=True, text=True).stdout


def _vervang(rel: str, oud: str, nieuw: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert oud in text, (rel, oud)
        path.write_text(text.replace(oud, nieuw, 1), encoding="utf-8")
    return edit


def _schrijf(rel: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return edit


def _erbij(rel: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        with (root / rel).open("a", encoding="utf-8") as f:
            f.write(text)
    return edit


def _weg(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).unlink()


def _hernoem(oud: str, nieuw: str) -> Callable[[Path], None]:
    return lambda root: (root / oud).rename(root / nieuw)


def _samen(*edits: Callable[[Path], None]) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        for e in edits:
            e(root)
    return edit


# (commit message, the edit, the exact sentences of the comparison with the commit before)
STAPPEN: list[tuple[str, Callable[[Path], None], list[str]]] = [
    ("nieuwe verwerking", _schrijf("registers/verwerkingen/40.3.2-beslaglegging.yaml", BESLAG),
     ["nieuwe verwerking 40.3.2 'Beslaglegging' op grond van wettelijke verplichting"]),
    ("hernoemd", _vervang(ACTIVITEIT, "naam: Intake nieuwe zaak", "naam: Intake opdracht"),
     ["verwerking 20.1.1 hernoemd van 'Intake nieuwe zaak' naar 'Intake opdracht'"]),
    ("doel", _vervang(ACTIVITEIT, "Een nieuwe opdracht vastleggen.",
                      "Een nieuwe opdracht en de opdrachtgever vastleggen."),
     ["doel van 20.1.1 gewijzigd in 'Een nieuwe opdracht en de opdrachtgever vastleggen.'"]),
    ("grondslag", _vervang(ACTIVITEIT, "grondslag: overeenkomst",
                           "grondslag: gerechtvaardigd_belang"),
     ["grondslag van 20.1.1 gewijzigd van overeenkomst naar gerechtvaardigd belang"]),
    ("betrokkenen", _vervang(ACTIVITEIT, "betrokkenen: [opdrachtgever]",
                             "betrokkenen: [opdrachtgever, contactpersoon]"),
     ["betrokkenen van 20.1.1: contactpersoon toegevoegd"]),
    ("gegevenstype", _vervang(ACTIVITEIT, "beveiliging:", "  - type: E-mailadres\n"
                              "    betrokkene: contactpersoon\n    grondslag: toestemming\n"
                              "beveiliging:"),
     ["gegevenstype 'E-mailadres' toegevoegd aan 20.1.1"]),
    ("eigen grondslag", _vervang(ACTIVITEIT, "    grondslag: toestemming\n",
                                 "    grondslag: overeenkomst\n"),
     ["grondslag van 'E-mailadres' in 20.1.1 gewijzigd van toestemming naar overeenkomst"]),
    ("verwerker buiten de EER", _erbij(PARTIJEN, WOLK),
     ["verwerker Wolk Inc. toegevoegd, buiten de EER (US) met modelcontractbepalingen, "
      "verwerkersovereenkomst getekend op 2026-01-05"]),
    ("verwerker ingeschakeld", _vervang(ACTIVITEIT, "verwerkers: [dossiersoft-bv]",
                                        "verwerkers: [dossiersoft-bv, wolk-inc]"),
     ["verwerker Wolk Inc. ingeschakeld voor 20.1.1, buiten de EER (US) met "
      "modelcontractbepalingen"]),
    ("ontvanger", _vervang(ACTIVITEIT, "ontvangers: []", "ontvangers: [opdrachtgevers]"),
     ["ontvanger Opdrachtgevers toegevoegd aan 20.1.1"]),
    ("doorgifte", _vervang(PARTIJEN, "mechanisme: scc", "mechanisme: bcr"),
     ["doorgifte aan Wolk Inc. (US) nu met bindende bedrijfsvoorschriften (was met "
      "modelcontractbepalingen)"]),
    ("dpia", _vervang(ACTIVITEIT, "dpia: {nodig: false, motivatie: Geen verhoogd risico.}",
                      "dpia: {nodig: true, uitgevoerd: 2026-02-01, kenmerk: DPIA-2026-01}"),
     ["DPIA voor 20.1.1 nu nodig (was niet nodig)",
      "DPIA voor 20.1.1 uitgevoerd op 2026-02-01 (kenmerk DPIA-2026-01)"]),
    ("bijzonder", _erbij(ACTIVITEIT, "bijzondere_gegevens:\n  - categorie: gezondheid\n"
                                     "    uitzondering: f\n"),
     ["bijzonder persoonsgegeven gezondheid (art. 9 lid 2 sub f AVG) toegevoegd aan 20.1.1"]),
    ("bewaartermijn korter", _vervang(TERMIJNEN, "duur: 10 jaar", "duur: 7 jaar"),
     ["bewaartermijn dossier van 10 naar 7 jaar"]),
    ("nieuwe bewaartermijn", _erbij(TERMIJNEN, "correspondentie:\n  duur: 2 jaar\n"
                                               "  na: sluiten_dossier\n"),
     ["nieuwe bewaartermijn correspondentie: 2 jaar na sluiten dossier, daarna vernietigen"]),
    ("bewaartermijn van een gegeven", _vervang(ACTIVITEIT, "bewaartermijn: dossier",
                                               "bewaartermijn: correspondentie"),
     ["bewaartermijn van 'NAW' in 20.1.1 gewijzigd van dossier naar correspondentie"]),
    ("overeenkomst", _vervang(PARTIJEN, "getekend: 2024-05-01,",
                              "getekend: 2024-05-01, verloopt: 2029-05-01,"),
     ["verwerkersovereenkomst met Dossiersoft B.V. loopt nu tot 2029-05-01 (was onbepaalde "
      "tijd)"]),
    ("eigenaar", _vervang(ACTIVITEIT, "eigenaar: Bureaumanager", "eigenaar: Kantoormanager"),
     ["eigenaar van 20.1.1 gewijzigd van 'Bureaumanager' naar 'Kantoormanager'"]),
    ("verwerking beëindigd", _weg("registers/verwerkingen/40.3.2-beslaglegging.yaml"),
     ["verwerking 40.3.2 'Beslaglegging' beëindigd (uit het register gehaald)"]),
    ("omgenummerd", _samen(_vervang(ACTIVITEIT, 'id: "20.1.1"', 'id: "20.1.2"'),
                           _hernoem(ACTIVITEIT, "registers/verwerkingen/20.1.2-intake.yaml")),
     ["verwerking 'Intake opdracht' omgenummerd van 20.1.1 naar 20.1.2"]),
    ("verzoeken", _schrijf(VERZOEKEN, KOP + "AVG-2026-0001,2026-01-05,K-1,betrokkene,email,"
                           "inzage,FG,open,positief,,\nAVG-2026-0002,2026-01-06,K-2,betrokkene,"
                           "brief,wissing,FG,open,positief,,\n"),
     ["verzoekenregister: 2 nieuwe verzoeken (nu 2 verzoeken)"]),
    ("verzoek afgehandeld", _vervang(VERZOEKEN, "inzage,FG,open,positief,,",
                                     "inzage,FG,afgehandeld,positief,2026-01-20,toegewezen"),
     ["verzoekenregister: 1 afgehandeld (nu 2 verzoeken)"]),
    ("datalek", _schrijf("registers/datalekken/DL-2026-001.yaml", DATALEK),
     ["datalekregister: 1 nieuw datalek (nu 1 datalek)"]),
    ("organisatie", _vervang("avgctl.yaml", "  overheid: false\n",
                             "  overheid: false\n  medewerkers: 12\n"),
     ["instelling organisatie.medewerkers ingevuld: 12"]),
    ("partij weg", _samen(
        _vervang("registers/verwerkingen/20.1.2-intake.yaml",
                 "verwerkers: [dossiersoft-bv, wolk-inc]", "verwerkers: [dossiersoft-bv]"),
        _vervang(PARTIJEN, WOLK.replace("scc", "bcr"), "")),
     ["verwerker Wolk Inc. niet meer ingeschakeld voor 20.1.2", "verwerker Wolk Inc. verwijderd"]),
    ("overeenkomst vastgelegd", _vervang(PARTIJEN, "  relatie: ontvanger\n",
                                         "  relatie: ontvanger\n  overeenkomst: {soort: "
                                         "convenant, getekend: 2026-03-01}\n"),
     ["convenant met Opdrachtgevers vastgelegd, getekend op 2026-03-01"]),
    ("relatie", _vervang(PARTIJEN, "relatie: ontvanger", "relatie: zelfstandig"),
     ["Opdrachtgevers is nu zelfstandig verwerkingsverantwoordelijke (was ontvanger)"]),
    ("land", _vervang(PARTIJEN, "getekend: 2026-03-01}\n  land: NL\n",
                      "getekend: 2026-03-01}\n  land: CH\n"),
     ["Opdrachtgevers verwerkt nu in CH (was NL), buiten de EER zonder doorgiftemechanisme"]),
    ("beveiliging", _vervang("registers/verwerkingen/20.1.2-intake.yaml",
                             "beveiliging: [toegangsbeheer]",
                             "beveiliging: [versleuteling, logging]"),
     ["beveiligingsmaatregelen van 20.1.2: versleuteling en logging toegevoegd; "
      "toegangsbeheer verwijderd"]),
    ("gegevenstype weg", _vervang("registers/verwerkingen/20.1.2-intake.yaml",
                                  "  - type: E-mailadres\n    betrokkene: contactpersoon\n"
                                  "    grondslag: overeenkomst\n", ""),
     ["gegevenstype 'E-mailadres' verwijderd uit 20.1.2"]),
    ("bewaartermijn weg", _vervang(TERMIJNEN, "dossier:\n  duur: 7 jaar\n"
                                              "  na: sluiten_dossier\n", ""),
     ["bewaartermijn dossier verwijderd (was 7 jaar na sluiten dossier)"]),
    ("datalek gemeld", _erbij("registers/datalekken/DL-2026-001.yaml",
                              "ap_meldingen:\n  - soort: volledig\n"
                              "    op: 2026-03-28T09:00:00+01:00\n"),
     ["datalekregister: 1 gemeld bij de AP (nu 1 datalek)"]),
]


@pytest.fixture(scope="module")
def geschiedenis(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The repository, and the commit after each step (index 0: the first version)."""
    root = write_repo(tmp_path_factory.mktemp("wijzigingen") / "repo", BASIS)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Eerste versie")
    commits = [_git(root, "rev-parse", "HEAD").strip()]
    for message, edit, _ in STAPPEN:
        edit(root)
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", message)
        commits.append(_git(root, "rev-parse", "HEAD").strip())
    return root, commits


def _vergelijk(root: Path, oud: str, nieuw: str) -> list[Wijziging]:
    with stand(root, oud) as a, stand(root, nieuw) as b:
        assert not a.overgeslagen and not b.overgeslagen, (a.overgeslagen, b.overgeslagen)
        return vergelijk(a, b)


@pytest.mark.parametrize("index", range(len(STAPPEN)), ids=[s[0] for s in STAPPEN])
def test_one_commit_per_kind_of_change(geschiedenis: tuple[Path, list[str]],
                                       index: int) -> None:
    root, commits = geschiedenis
    changes = _vergelijk(root, commits[index], commits[index + 1])
    assert [c.zin for c in changes] == STAPPEN[index][2]


def test_the_records_are_typed(geschiedenis: tuple[Path, list[str]]) -> None:
    root, commits = geschiedenis
    nieuw = _vergelijk(root, commits[0], commits[1])
    assert nieuw == [Wijziging("verwerkingen", "nieuw", "40.3.2", nieuw[0].zin, None,
                               "Beslaglegging")]
    [grondslag] = _vergelijk(root, commits[3], commits[4])
    assert (grondslag.register, grondslag.soort, grondslag.id, grondslag.oud,
            grondslag.nieuw) == ("verwerkingen", "grondslag", "20.1.1", "overeenkomst",
                                 "gerechtvaardigd_belang")
    dpia = _vergelijk(root, commits[11], commits[12])
    assert [(c.soort, c.oud, c.nieuw) for c in dpia] == [
        ("dpia_besluit", "nee", "ja"), ("dpia_uitgevoerd", None, "2026-02-01")]
    [termijn] = _vergelijk(root, commits[13], commits[14])
    assert (termijn.register, termijn.soort, termijn.id, termijn.oud, termijn.nieuw) == (
        "bewaartermijnen", "duur", "dossier", "10 jaar", "7 jaar")
    [verzoeken] = _vergelijk(root, commits[20], commits[21])
    assert (verzoeken.register, verzoeken.id, verzoeken.oud, verzoeken.nieuw) == (
        "verzoeken", "verzoeken", "0", "2")


def test_over_many_commits_in_register_order(geschiedenis: tuple[Path, list[str]]) -> None:
    root, commits = geschiedenis
    changes = _vergelijk(root, commits[0], commits[-1])
    registers = [c.register for c in changes]
    assert registers == sorted(registers, key=["verwerkingen", "partijen", "bewaartermijnen",
                                               "verzoeken", "datalekken",
                                               "organisatie"].index)
    zinnen = [c.zin for c in changes]
    # Added and ended within the range: not there at either end, so not mentioned.
    assert not any("40.3.2" in z for z in zinnen)
    assert not any("Wolk" in z for z in zinnen)
    assert "verwerking 'Intake opdracht' omgenummerd van 20.1.1 naar 20.1.2" in zinnen
    assert "verwerking 20.1.2 hernoemd van 'Intake nieuwe zaak' naar 'Intake opdracht'" in zinnen
    # Counts only: no reference, case number or kind of request of a data subject.
    text = " ".join(zinnen)
    assert "AVG-2026" not in text and "K-1" not in text and "inzage" not in text
    assert "DL-2026-001" not in text


def test_same_snapshot_twice_is_no_change(geschiedenis: tuple[Path, list[str]]) -> None:
    root, commits = geschiedenis
    assert _vergelijk(root, commits[-1], commits[-1]) == []
    assert vergelijk(load_register(root), load_register(root)) == []


def test_the_reverse_direction(geschiedenis: tuple[Path, list[str]]) -> None:
    root, commits = geschiedenis
    assert [c.zin for c in _vergelijk(root, commits[14], commits[13])] == [
        "bewaartermijn dossier van 7 naar 10 jaar"]
    assert [c.zin for c in _vergelijk(root, commits[1], commits[0])] == [
        "verwerking 40.3.2 'Beslaglegging' beëindigd (uit het register gehaald)"]


def test_revisions_by_name(geschiedenis: tuple[Path, list[str]]) -> None:
    root, commits = geschiedenis
    assert revisie(root, "main") == commits[-1]
    assert revisie(root, "HEAD~1") == commits[-2]
    assert revisie(root, commits[3][:10]) == commits[3]


@pytest.mark.parametrize(("naam", "begin"), [
    ("bestaat-niet", "onbekende revisie 'bestaat-niet' in "),
    ("HEAD~999", "onbekende revisie 'HEAD~999' in "),
    ("main:avgctl.yaml", "onbekende revisie 'main:avgctl.yaml' in "),
    ("-x", "'-x' is geen revisie; geef een tak, tag of commit"),
    ("--all", "'--all' is geen revisie; geef een tak, tag of commit"),
    ("", "'' is geen revisie; geef een tak, tag of commit"),
])
def test_unknown_revision(geschiedenis: tuple[Path, list[str]], naam: str, begin: str) -> None:
    root, _ = geschiedenis
    with pytest.raises(UsageError) as exc:
        revisie(root, naam)
    assert str(exc.value).startswith(begin)


def test_not_a_git_repository(repo: Path) -> None:
    with pytest.raises(UsageError, match="is geen git-repository"):
        revisie(repo, "HEAD")


def test_a_compliance_repository_in_a_folder_of_a_larger_one(tmp_path: Path) -> None:
    boven = tmp_path / "boven"
    root = write_repo(boven / "privacy", BASIS)
    (boven / "registers").mkdir()
    (boven / "registers" / "ander.yaml").write_text("niet: van ons\n", encoding="utf-8")
    _git(boven, "init", "-q")
    _git(boven, "add", "-A")
    _git(boven, "commit", "-q", "-m", "een")
    _vervang(TERMIJNEN, "duur: 10 jaar", "duur: 5 jaar")(root)
    with stand(root, "HEAD") as oud:
        assert sorted(oud.files) == sorted(BASIS)
        assert [c.zin for c in vergelijk(oud, load_register(root))] == [
            "bewaartermijn dossier van 10 naar 5 jaar"]


def test_a_revision_without_registers(tmp_path: Path) -> None:
    root = tmp_path / "r"
    root.mkdir()
    (root / "LEESMIJ").write_text("nog leeg\n", encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "leeg")
    with pytest.raises(UsageError, match=r"staat geen avgctl\.yaml"), stand(root, "HEAD"):
        pass


# --- check --sinds: the changed places ---------------------------------------------------------

def _finding(rel: str, line: int) -> Finding:
    return Finding("AVG999", Severity.FOUT, "test", Location(rel, line, 1))


def test_changed_places(tmp_path: Path) -> None:
    oud = write_repo(tmp_path / "oud", BASIS)
    nieuw = write_repo(tmp_path / "nieuw", BASIS)
    _erbij(PARTIJEN, "# Een opmerking die de lijst afsluit.\n" + WOLK)(nieuw)
    _vervang(TERMIJNEN, "duur: 10 jaar", "duur: 7 jaar")(oud)  # only old differs: changed
    _erbij(TERMIJNEN, "tweede:\n  duur: 1 jaar\n  na: sluiten_dossier\n")(oud)
    _erbij(TERMIJNEN, "tweede:\n  duur: 1 jaar\n  na: sluiten_dossier\n")(nieuw)
    _schrijf("registers/verwerkingen/40.3.2-beslaglegging.yaml", BESLAG)(nieuw)
    plekken = gewijzigd(load_register(oud), load_register(nieuw))
    # partijen.yaml: dossiersoft-bv on lines 1-5 and opdrachtgevers on 6-9 did not change;
    # the closing comment on line 10 is outside any record; wolk-inc starts on line 11.
    assert not plekken.bevat(_finding(PARTIJEN, 1))
    assert not plekken.bevat(_finding(PARTIJEN, 7))
    assert plekken.bevat(_finding(PARTIJEN, 10))
    assert plekken.bevat(_finding(PARTIJEN, 11))
    assert plekken.bevat(_finding(PARTIJEN, 16))
    # bewaartermijnen.yaml: dossier (lines 1-3) changed, tweede (4-6) did not.
    assert plekken.bevat(_finding(TERMIJNEN, 2))
    assert not plekken.bevat(_finding(TERMIJNEN, 5))
    # A new file and an unchanged one.
    assert plekken.bevat(_finding("registers/verwerkingen/40.3.2-beslaglegging.yaml", 3))
    assert not plekken.bevat(_finding(ACTIVITEIT, 3))
    assert not plekken.bevat(_finding("avgctl.yaml", 1))
    # A file that is no register file (a leftover of a killed write): always reported.
    assert plekken.bevat(_finding("registers/.partijen.yaml.tmp123", 1))


def test_changed_places_in_the_request_register(tmp_path: Path) -> None:
    rijen = ("AVG-2026-0001,2026-01-05,K-1,betrokkene,email,inzage,FG,open,positief,,\n"
             "AVG-2026-0002,2026-01-06,K-2,betrokkene,brief,wissing,FG,open,positief,,\n")
    oud = write_repo(tmp_path / "oud", {**BASIS, VERZOEKEN: KOP + rijen})
    nieuw = write_repo(tmp_path / "nieuw", {**BASIS, VERZOEKEN: KOP + rijen.replace(
        "brief,wissing", "email,wissing") + "AVG-2026-0003,2026-01-07,K-3,betrokkene,email,"
        "inzage,FG,open,positief,,\n"})
    plekken = gewijzigd(load_register(oud), load_register(nieuw))
    assert [plekken.bevat(_finding(VERZOEKEN, line)) for line in (1, 2, 3, 4)] == [
        True, False, True, True]


def test_unreadable_file_counts_as_changed(tmp_path: Path) -> None:
    oud = write_repo(tmp_path / "oud", BASIS)
    nieuw = write_repo(tmp_path / "nieuw", {**BASIS, PARTIJEN: "- id: [\n"})
    plekken = gewijzigd(load_register(oud), load_register(nieuw))
    assert plekken.bevat(_finding(PARTIJEN, 1))
    assert not plekken.bevat(_finding(TERMIJNEN, 1))


# --- properties: nothing that changed is left out ---------------------------------------------

_VOORBEELD = load_register(PROJECT)
_TEKST = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                 min_size=1, max_size=30).filter(lambda t: t.strip() != "")


@st.composite
def _gewijzigd_voorbeeld(draw: st.DrawFn) -> tuple[Register, Register, int]:
    """The example, and a copy in which a few records have one field changed."""
    nieuw = dataclasses.replace(_VOORBEELD, verwerkingen=list(_VOORBEELD.verwerkingen),
                                partijen=list(_VOORBEELD.partijen),
                                bewaartermijnen=dict(_VOORBEELD.bewaartermijnen))
    for _ in range(draw(st.integers(1, 4))):
        soort = draw(st.sampled_from(["verwerking", "partij", "bewaartermijn"]))
        if soort == "verwerking":
            i = draw(st.integers(0, len(nieuw.verwerkingen) - 1))
            veld = draw(st.sampled_from(["naam", "doel", "eigenaar", "proces", "grondslag_bron",
                                         "opmerking", "betrokkenen", "beveiliging"]))
            bron = nieuw.verwerkingen[i]
            waarde: Any = [draw(_TEKST)] if veld in ("betrokkenen", "beveiliging") \
                else draw(_TEKST)
            model = bron.model.model_copy(update={veld: waarde})
            nieuw.verwerkingen[i] = Bron(model, bron.doc, bron.path)
        elif soort == "partij":
            i = draw(st.integers(0, len(nieuw.partijen) - 1))
            veld = draw(st.sampled_from(["naam", "omschrijving", "land"]))
            bron = nieuw.partijen[i]
            waarde = draw(st.sampled_from(["US", "CH", "DE", "IN"])) if veld == "land" \
                else draw(_TEKST)
            nieuw.partijen[i] = Bron(bron.model.model_copy(update={veld: waarde}), bron.doc,
                                     bron.path)
        else:
            sleutel = draw(st.sampled_from(sorted(nieuw.bewaartermijnen)))
            bron = nieuw.bewaartermijnen[sleutel]
            veld = draw(st.sampled_from(["duur", "bron", "omschrijving", "daarna"]))
            waarde = draw(st.sampled_from(["3 jaar", "18 maanden", "onbeperkt", "direct"])) \
                if veld == "duur" else draw(st.sampled_from(["anonimiseren", "overbrengen"])) \
                if veld == "daarna" else draw(_TEKST)
            nieuw.bewaartermijnen[sleutel] = Bron(bron.model.model_copy(update={veld: waarde}),
                                                  bron.doc, bron.path)
    gelijk = sum(a.model == b.model for a, b in zip(_VOORBEELD.verwerkingen, nieuw.verwerkingen,
                                                     strict=True))
    gelijk += sum(a.model == b.model for a, b in zip(_VOORBEELD.partijen, nieuw.partijen,
                                                     strict=True))
    gelijk += sum(_VOORBEELD.bewaartermijnen[k].model == b.model
                  for k, b in nieuw.bewaartermijnen.items())
    totaal = len(nieuw.verwerkingen) + len(nieuw.partijen) + len(nieuw.bewaartermijnen)
    return _VOORBEELD, nieuw, totaal - gelijk


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(_gewijzigd_voorbeeld())
def test_every_changed_record_is_named(paar: tuple[Register, Register, int]) -> None:
    oud, nieuw, veranderd = paar
    changes = vergelijk(oud, nieuw)
    assert len({(c.register, c.id) for c in changes}) == veranderd
    for c in changes:
        assert c.zin and "\n" not in c.zin and c.zin == " ".join(c.zin.split())
    json.dumps([dataclasses.asdict(c) for c in changes])
    # And back again: the same records, in the other direction.
    assert {(c.register, c.id) for c in vergelijk(nieuw, oud)} == {
        (c.register, c.id) for c in changes}


def test_the_example_against_itself_is_no_change() -> None:
    assert vergelijk(_VOORBEELD, load_register(PROJECT)) == []


def test_unknown_revision_in_a_shallow_clone(geschiedenis: tuple[Path, list[str]],
                                             tmp_path: Path) -> None:
    root, _ = geschiedenis
    kloon = tmp_path / "kloon"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(kloon))
    with pytest.raises(UsageError) as exc:
        revisie(kloon, "HEAD~3")
    assert str(exc.value).endswith(
        "; deze kloon heeft niet de hele geschiedenis: haal die op met git fetch --unshallow "
        "(in GitHub Actions: fetch-depth: 0)")

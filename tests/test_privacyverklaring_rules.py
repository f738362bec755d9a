"""AVG901-AVG908: a failing and a passing snippet per rule, with the line it reports.

Each case is a repository that uses target groups (avgctl.yaml declares 'klanten'), so the
rules apply; the last tests show they stay silent in a register without target groups.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BASIS, check_repo
from tests.test_rules import _repo_with

C = "avgctl.yaml"
V = "registers/verwerkingen/10.1.1-offertes.yaml"

ORG = """\
organisatie:
  naam: Kantoor Voorbeeld
  contact: {adres: "Dorpsstraat 1, Ergens", email: privacy@kantoor.example}
  fg: {naam: FG, email: fg@kantoor.example}
  rechten: {email: privacy@kantoor.example}
privacyverklaring:
  doelgroepen:
    klanten: {naam: klanten, naam_en: clients}
"""

INTAKE = """\
id: "20.1.1"
naam: Intake nieuwe zaak
eigenaar: Bureaumanager
doel: Een nieuwe opdracht vastleggen.
grondslag: overeenkomst
betrokkenen: [opdrachtgever]
gegevens:
  - {type: NAW, betrokkene: opdrachtgever, bron: opdrachtgever, ontvangers: [],
     bewaartermijn: dossier}
beveiliging: [toegangsbeheer]
dpia: {nodig: false, motivatie: Geen verhoogd risico.}
verstrekking: {verplichting: contractueel, gevolgen: Zonder adres geen opdracht.}
doelgroepen: [klanten]
"""

ACTIVITEIT = """\
id: "10.1.1"
naam: Offertes
eigenaar: Bureaumanager
doel: Offertes maken.
grondslag: overeenkomst
betrokkenen: [klant]
gegevens:
  - type: NAW
    betrokkene: klant
    bron: betrokkene
    ontvangers: []
    bewaartermijn: dossier
beveiliging: [toegangsbeheer]
verstrekking:
  verplichting: voorwaarde_overeenkomst
  gevolgen: Zonder naam en adres kunnen wij geen offerte maken.
doelgroepen: [klanten]
"""


def _r(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


# (code, file, bad content, expected line, good content)
CASES: list[tuple[str, str, str, int, str]] = [
    ("AVG901", V, _r(ACTIVITEIT, "doelgroepen: [klanten]", "doelgroepen: [klant]"), 17,
     ACTIVITEIT),
    ("AVG901", C, ORG + "    leveranciers: {naam: leveranciers}\n", 9, ORG),
    ("AVG902", V, _r(ACTIVITEIT, "doelgroepen: [klanten]\n", ""), 1, ACTIVITEIT),
    ("AVG903", C, _r(ORG, "fg: {naam: FG, email: fg@kantoor.example}", "fg: {naam: FG}"), 4,
     ORG),
    ("AVG904", C, _r(ORG, "  rechten: {email: privacy@kantoor.example}\n", ""), 1, ORG),
    ("AVG904", C, _r(ORG, "rechten: {email: privacy@kantoor.example}", "rechten: {}"), 5, ORG),
    ("AVG905", V, _r(ACTIVITEIT, "grondslag: overeenkomst", "grondslag: publieke_taak"), 5,
     _r(ACTIVITEIT, "grondslag: overeenkomst", "grondslag: publieke_taak\n"
        "grondslag_bron: Gerechtsdeurwaarderswet art. 2")),
    ("AVG906", V, _r(ACTIVITEIT, "    bron: betrokkene\n", ""), 8, ACTIVITEIT),
    ("AVG907", V, ACTIVITEIT + "geautomatiseerde_besluitvorming:\n  beschrijving: Kredietcheck\n"
     "  logica: Achterstanden tellen.\n", 18,
     ACTIVITEIT + "geautomatiseerde_besluitvorming:\n  beschrijving: Kredietcheck\n"
     "  logica: Achterstanden tellen.\n  gevolgen: Vooruitbetalen.\n"),
    ("AVG908", V, _r(ACTIVITEIT, "verstrekking:\n  verplichting: voorwaarde_overeenkomst\n"
                     "  gevolgen: Zonder naam en adres kunnen wij geen offerte maken.\n", ""),
     1, ACTIVITEIT),
    ("AVG908", V, _r(ACTIVITEIT, "  gevolgen: Zonder naam en adres kunnen wij geen offerte "
                     "maken.\n", ""), 14, ACTIVITEIT),
]


def _repo(tmp_path: Path, rel: str, text: str) -> Path:
    # the parties of the basic repository: with their country and the clauses of art. 28(3)
    extra = (("registers/verwerkingen/20.1.1-intake.yaml", INTAKE), (C, ORG), (V, ACTIVITEIT),
             ("registers/partijen.yaml", BASIS["registers/partijen.yaml"]))
    return _repo_with(tmp_path, rel, text, tuple(e for e in extra if e[0] != rel))


@pytest.mark.parametrize(("code", "rel", "bad", "line", "good"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(tmp_path: Path, code: str, rel: str, bad: str, line: int, good: str) -> None:
    findings = check_repo(_repo(tmp_path / "fout", rel, bad))
    hits = [f for f in findings if f.code == code]
    assert hits, f"{code} niet gemeld; wel: {[(f.code, f.message) for f in findings]}"
    assert (hits[0].location.file, hits[0].location.line) == (rel, line)
    assert [f for f in check_repo(_repo(tmp_path / "goed", rel, good))
            if f.code.startswith("AVG9")] == []


def test_the_complete_repository_is_clean(tmp_path: Path) -> None:
    assert check_repo(_repo(tmp_path, V, ACTIVITEIT)) == []


def test_one_warning_per_undeclared_group(tmp_path: Path) -> None:
    root = _repo(tmp_path, V, _r(ACTIVITEIT, "[klanten]", "[klanten, leveranciers]"))
    (root / "registers/verwerkingen/10.2.1-orders.yaml").write_text(
        _r(_r(ACTIVITEIT, '"10.1.1"', '"10.2.1"'), "[klanten]", "[leveranciers]"))
    hits = [f for f in check_repo(root) if f.code == "AVG901"]
    assert [(h.location.file, h.location.line, h.message) for h in hits] == [
        (V, 17, "doelgroep 'leveranciers' (bij verwerking 10.1.1 en 1 andere) staat niet in "
         "avgctl.yaml onder privacyverklaring.doelgroepen")]


def test_a_processor_activity_needs_no_group(tmp_path: Path) -> None:
    text = _r(ACTIVITEIT, "doelgroepen: [klanten]\n", "verwerkingsverantwoordelijken: [klant-a]\n")
    root = _repo(tmp_path, V, text)
    assert "AVG902" not in {f.code for f in check_repo(root)}


def test_silent_without_target_groups(tmp_path: Path) -> None:
    """A register that publishes no statements through avgctl is not asked for them."""
    from tests.conftest import BASIS, write_repo

    findings = check_repo(write_repo(tmp_path, dict(BASIS)))
    assert [f for f in findings if f.code.startswith("AVG9")] == []


def test_messages_name_the_statements(tmp_path: Path) -> None:
    bad = _r(_r(ACTIVITEIT, "    bron: betrokkene\n", ""), "[klanten]", "[klanten, partners]")
    root = _repo(tmp_path, V, bad)
    (root / C).write_text(ORG + "    partners: {naam: partners}\n")
    hit = next(f for f in check_repo(root) if f.code == "AVG906")
    assert hit.message == ("NAW in verwerking 10.1.1: de privacyverklaringen voor klanten en "
                           "partners kunnen niet zeggen waar dit gegeven vandaan komt")


def test_a_group_name_must_fit_in_a_file_name(tmp_path: Path) -> None:
    root = _repo(tmp_path, V, _r(ACTIVITEIT, "[klanten]", '[Klanten, "../x"]'))
    hits = [f for f in check_repo(root) if f.code == "AVG002"]
    assert [(h.location.line, h.location.column) for h in hits] == [(17, 15), (17, 24)]
    assert hits[0].hint.startswith("een doelgroep heet in kleine letters")

"""Every rule: a failing and a passing snippet, with the code and the line it reports.

The first table is written by hand. The second runs the examples that ``avgctl rules CODE``
shows, so the documentation cannot drift from what the rule does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from avgctl.rules import REGISTRY
from tests.conftest import check_repo, write_repo

V = "registers/verwerkingen/10.1.1-test.yaml"
P = "registers/partijen.yaml"
B = "registers/bewaartermijnen.yaml"
C = "avgctl.yaml"
R = "registers/verzoeken.csv"
FG_KOP = ("referentie,ontvangen,betrokkene_ref,kanaal,type,status,verificatie,verificatie_op,"
          "afgehandeld_op,besluit,afwijzingsgrond,fg_advies_op,fg_advies,fg_advies_gevolgd,"
          "fg_advies_motivatie_afwijking\n")

COMPLEET = """\
id: "10.1.1"
naam: Offertes
eigenaar: Bureaumanager
doel: Offertes maken.
grondslag: overeenkomst
betrokkenen: [opdrachtgever]
gegevens:
  - type: NAW
    betrokkene: opdrachtgever
    ontvangers: []
    bewaartermijn: dossier
beveiliging: [toegangsbeheer]
"""

ORG = """\
organisatie:
  naam: Kantoor Voorbeeld
  contact: {adres: "Dorpsstraat 1, Ergens", email: privacy@kantoor.example}
  fg: {naam: FG, telefoon: "+31 20 555 0100"}
"""

PARTIJ = """\
- id: dossiersoft-bv
  naam: Dossiersoft B.V.
  relatie: verwerker
  overeenkomst: {soort: verwerkersovereenkomst, getekend: 2024-05-01}
- id: opdrachtgevers
  naam: Opdrachtgevers
  relatie: ontvanger
"""


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


# (code, file, bad content, expected line, good content)
CASES: list[tuple[str, str, str, int, str]] = [
    ("AVG001", V, COMPLEET + "naam: Dubbel\n", 13, COMPLEET),
    ("AVG001", V, COMPLEET.replace("  - type: NAW", "\t- type: NAW"), 8, COMPLEET),
    ("AVG002", V, _replace(COMPLEET, "eigenaar:", "eigenar:"), 3, COMPLEET),
    ("AVG002", V, _replace(COMPLEET, "grondslag: overeenkomst", "grondslag: contract"), 5,
     COMPLEET),
    ("AVG101", V, _replace(COMPLEET, "doel: Offertes maken.\n", ""), 1, COMPLEET),
    ("AVG102", V, _replace(COMPLEET, "grondslag: overeenkomst\n", ""), 1, COMPLEET),
    ("AVG103", V, _replace(COMPLEET, "betrokkenen: [opdrachtgever]\n", ""), 1, COMPLEET),
    ("AVG104", V, COMPLEET.split("gegevens:")[0] + "beveiliging: [toegangsbeheer]\n", 1,
     COMPLEET),
    ("AVG105", V, _replace(COMPLEET, "    ontvangers: []\n", ""), 8,
     _replace(COMPLEET, "    ontvangers: []\n", "") + "ontvangers: [opdrachtgevers]\n"),
    ("AVG106", V, _replace(COMPLEET, "    bewaartermijn: dossier\n", ""), 8,
     _replace(COMPLEET, "    bewaartermijn: dossier\n", "") + "bewaartermijn: dossier\n"),
    ("AVG107", V, _replace(COMPLEET, "beveiliging: [toegangsbeheer]\n", ""), 1, COMPLEET),
    ("AVG108", V, _replace(COMPLEET, "eigenaar: Bureaumanager\n", ""), 1, COMPLEET),
    ("AVG109", C, "organisatie:\n  naam: Kantoor Voorbeeld\n", 2, ORG),
    ("AVG111", B, "dossier:\n  na: sluiten_dossier\n", 1,
     "dossier:\n  duur: 10 jaar\n  na: sluiten_dossier\n"),
    ("AVG111", B, "dossier:\n  duur: onbeperkt\n", 2,
     "dossier:\n  duur: onbeperkt\n  motivatie: Wettelijk register.\n"),
    ("AVG112", B, "dossier:\n  duur: 10 jaar\n", 2,
     "dossier:\n  duur: 10 jaar\n  na: sluiten_dossier\n"),
    ("AVG201", V, _replace(COMPLEET, "    ontvangers: []", "    ontvangers: [opdrachtgever]"), 10,
     _replace(COMPLEET, "    ontvangers: []", "    ontvangers: [opdrachtgevers]")),
    ("AVG202", V, _replace(COMPLEET, "bewaartermijn: dossier", "bewaartermijn: dosier"), 11,
     COMPLEET),
    ("AVG204", "registers/verwerkingen/10.2.1-offertes.yaml", COMPLEET, 1,
     _replace(COMPLEET, '"10.1.1"', '"10.2.1"')),
    ("AVG205", P, PARTIJ + "- {id: opdrachtgevers, naam: Dubbel, relatie: ontvanger}\n", 8,
     PARTIJ),
    ("AVG206", V, _replace(COMPLEET, "    ontvangers: []", "    ontvangers: []\n"
                           "    verwerkers: [opdrachtgevers]"), 11,
     _replace(COMPLEET, "    ontvangers: []", "    ontvangers: []\n"
              "    verwerkers: [dossiersoft-bv]")),
    ("AVG207", V, _replace(COMPLEET, "betrokkene: opdrachtgever", "betrokkene: debiteur"), 9,
     COMPLEET),
    ("AVG208", P, PARTIJ + "- {id: host, naam: Host, relatie: subverwerker,\n"
     "   overeenkomst: {soort: subverwerkersovereenkomst}}\n", 8,
     PARTIJ + "- {id: host, naam: Host, relatie: subverwerker, via: dossiersoft-bv,\n"
     "   overeenkomst: {soort: subverwerkersovereenkomst}}\n"),
    ("AVG302", V,
     _replace(COMPLEET, "grondslag: overeenkomst", "grondslag: gerechtvaardigd_belang"), 5,
     _replace(COMPLEET, "grondslag: overeenkomst", "grondslag: gerechtvaardigd_belang\n"
              "belangenafweging: {belang: a, noodzaak: b, afweging: c}")),
    ("AVG303", V, _replace(COMPLEET, "beveiliging:", "  - {type: BSN, ontvangers: [], "
                           "bewaartermijn: dossier}\nbeveiliging:"), 12,
     _replace(COMPLEET, "beveiliging:", "  - {type: BSN, ontvangers: [], bewaartermijn: dossier,"
              " wettelijke_basis: Wet BRP}\nbeveiliging:")),
    ("AVG304", V, COMPLEET + "bijzondere_gegevens:\n  - categorie: gezondheid\n", 14,
     COMPLEET + "bijzondere_gegevens:\n  - {categorie: gezondheid, uitzondering: b}\n"),
    ("AVG305", V, COMPLEET + "strafrechtelijke_gegevens:\n  omschrijving: VOG\n", 14,
     COMPLEET + "strafrechtelijke_gegevens:\n  omschrijving: VOG\n  grondslag: UAVG art. 33\n"),
    ("AVG306", V, _replace(COMPLEET, "grondslag: overeenkomst", "grondslag: toestemming"), 5,
     _replace(COMPLEET, "grondslag: overeenkomst", "grondslag: toestemming\n"
              "toestemming: {vastlegging: formulier, intrekken: afmeldlink}")),
    ("AVG401", P, _replace(PARTIJ, "  overeenkomst: {soort: verwerkersovereenkomst, "
                           "getekend: 2024-05-01}\n", ""), 3, PARTIJ),
    ("AVG402", P, _replace(PARTIJ, "getekend: 2024-05-01}", "getekend: 2020-05-01, "
                           "verloopt: 2026-05-31}"), 4,
     _replace(PARTIJ, "getekend: 2024-05-01}", "getekend: 2020-05-01, verloopt: 2026-06-01}")),
    ("AVG403", P, PARTIJ + "- {id: samen, naam: Samen, relatie: gezamenlijk}\n", 8,
     PARTIJ + "- {id: samen, naam: Samen, relatie: gezamenlijk,\n"
     "   overeenkomst: {soort: regeling_gezamenlijk}}\n"),
    # AVG403 accepts exactly the agreements that fit the relation (rules/partijen.py).
    ("AVG403", P, PARTIJ + "- {id: samen, naam: Samen, relatie: gezamenlijk, land: NL,\n"
     "   overeenkomst: {soort: overig}}\n", 9,
     PARTIJ + "- {id: samen, naam: Samen, relatie: gezamenlijk, land: NL,\n"
     "   overeenkomst: {soort: convenant, taakverdeling: Wij beantwoorden verzoeken.}}\n"),
    ("AVG403", P, PARTIJ + "- {id: arbo, naam: Arbodienst, relatie: zelfstandig, land: NL,\n"
     "   overeenkomst: {soort: verwerkersovereenkomst}}\n", 9,
     PARTIJ + "- {id: arbo, naam: Arbodienst, relatie: zelfstandig, land: NL,\n"
     "   overeenkomst: {soort: gegevensuitwisselingsovereenkomst}}\n"),
    ("AVG403", P, PARTIJ + "- {id: klant, naam: Klant, relatie: verwerkingsverantwoordelijke,\n"
     "   land: NL}\n", 8,
     PARTIJ + "- {id: klant, naam: Klant, relatie: verwerkingsverantwoordelijke,\n"
     "   land: NL, overeenkomst: {soort: verwerkersovereenkomst}}\n"),
    ("AVG209", P, PARTIJ + "- {id: samen, naam: Samen, relatie: gezamenlijk, land: NL,\n"
     "   overeenkomst: {soort: regeling_gezamenlijk}}\n", 9,
     PARTIJ + "- {id: samen, naam: Samen, relatie: gezamenlijk, land: NL,\n"
     "   overeenkomst: {soort: regeling_gezamenlijk, taakverdeling: Zij geven inzage.}}\n"),
    ("AVG210", P, PARTIJ.replace("relatie: verwerker\n", "relatie: verwerker\n  land: NL\n"),
     6, PARTIJ.replace("relatie: verwerker\n", "relatie: verwerker\n  land: NL\n")
     .replace("relatie: ontvanger\n", "relatie: ontvanger\n  land: NL\n")),
    ("AVG405", P, PARTIJ, 4, PARTIJ.replace(
        "getekend: 2024-05-01}", "getekend: 2024-05-01,\n    bepalingen: {instructies: true, "
        "geheimhouding: true, beveiliging: true, subverwerkers: true,\n      "
        "verzoeken_doorsturen_werkdagen: 3, datalek_melden_uur: 24, einde: verwijderen,\n"
        "      audits: true}}")),
    ("AVG405", P, PARTIJ.replace(
        "getekend: 2024-05-01}", "getekend: 2024-05-01,\n    bepalingen: {instructies: true, "
        "geheimhouding: false}}"), 5, PARTIJ.replace(
        "getekend: 2024-05-01}", "getekend: 2024-05-01,\n    bepalingen: {instructies: true, "
        "geheimhouding: true, beveiliging: true, subverwerkers: true,\n      "
        "verzoeken_doorsturen_werkdagen: 0, datalek_melden_uur: 1, einde: teruggeven,\n"
        "      audits: true}}")),
    ("AVG406", P, PARTIJ.replace("getekend: 2024-05-01}", "getekend: 2024-05-01,\n"
                                 "    bepalingen: {datalek_melden_uur: 36}}"), 5,
     PARTIJ.replace("getekend: 2024-05-01}", "getekend: 2024-05-01,\n"
                    "    bepalingen: {datalek_melden_uur: 24}}")),
    # Consent of the own staff, on the activity and on one data type (art. 7(4), recital 43).
    ("AVG117", V, _replace(_replace(COMPLEET, "[opdrachtgever]", "[medewerker]"),
                           "betrokkene: opdrachtgever", "betrokkene: medewerker\n"
                           "    grondslag: toestemming"), 10,
     _replace(_replace(COMPLEET, "[opdrachtgever]", "[medewerker]"),
              "betrokkene: opdrachtgever", "betrokkene: medewerker\n"
              "    grondslag: toestemming") + "toestemming: {vastlegging: HR-systeem, "
     "intrekken: HR-systeem,\n  vrijwilligheid: Weigeren heeft geen gevolgen.}\n"),
    ("AVG117", V, _replace(COMPLEET, "grondslag: overeenkomst\nbetrokkenen: [opdrachtgever]",
                           "grondslag: toestemming\nbetrokkenen: [opdrachtgever, Uitzendkrachten]"),
     5, _replace(COMPLEET, "betrokkenen: [opdrachtgever]",
                 "betrokkenen: [opdrachtgever, Uitzendkrachten]")),
    ("AVG404", P, PARTIJ + "- {id: cloud, naam: Cloud, relatie: ontvanger, land: US}\n", 8,
     PARTIJ + "- {id: cloud, naam: Cloud, relatie: ontvanger, land: US,\n"
     "   doorgifte: {mechanisme: dpf}}\n"),
    ("AVG404", P, PARTIJ + "- {id: cloud, naam: Cloud, relatie: ontvanger, land: IN,\n"
     "   doorgifte: {mechanisme: dpf}}\n", 9,
     PARTIJ + "- {id: cloud, naam: Cloud, relatie: ontvanger, land: IN,\n"
     "   doorgifte: {mechanisme: scc}}\n"),
    ("AVG404", P, PARTIJ + "- {id: cloud, naam: Cloud, relatie: ontvanger, land: IN,\n"
     "   doorgifte: {mechanisme: adequaatheid}}\n", 9,
     PARTIJ + "- {id: cloud, naam: Cloud, relatie: ontvanger, land: GB,\n"
     "   doorgifte: {mechanisme: adequaatheid}}\n"),
    ("AVG501", V, COMPLEET + "dpia_criteria: [grote_schaal, kwetsbare_betrokkenen]\n", 13,
     COMPLEET + "dpia_criteria: [grote_schaal, kwetsbare_betrokkenen]\n"
     "dpia: {nodig: false, motivatie: Slechts tien dossiers per jaar.}\n"),
    ("AVG502", V, COMPLEET + "dpia: {nodig: true}\n", 13,
     COMPLEET + "dpia: {nodig: true, uitgevoerd: 2025-01-01}\n"),
    # the FG's advice on a DPIA (art. 35(2)): missing, and not followed without a reason
    ("AVG504", V, COMPLEET + "dpia: {nodig: true, uitgevoerd: 2025-01-01}\n", 13,
     COMPLEET + "dpia:\n  nodig: true\n  uitgevoerd: 2025-01-01\n  fg_advies: {op: 2024-12-01, "
     "advies: Elke bevraging loggen., gevolgd: true}\n"),
    ("AVG505", V, COMPLEET + "dpia:\n  nodig: true\n  uitgevoerd: 2025-01-01\n  fg_advies:\n"
     "    op: 2024-12-01\n    advies: Geen camera bij de balie.\n    gevolgd: false\n", 19,
     COMPLEET + "dpia:\n  nodig: true\n  uitgevoerd: 2025-01-01\n  fg_advies:\n"
     "    op: 2024-12-01\n    advies: Geen camera bij de balie.\n    gevolgd: false\n"
     "    motivatie_afwijking: Vier incidenten bij de balie in een jaar.\n"),
    ("AVG716", R, "referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type\n"
     "AVG-2026-0001,2026-05-25,K-1,advocaat,brief,inzage\n", 2,
     "referentie,ontvangen,betrokkene_ref,verzoeker,kanaal,type,machtiging\n"
     "AVG-2026-0001,2026-05-25,K-1,advocaat,brief,inzage,advocatenregister\n"),
    ("AVG717", R, FG_KOP + "AVG-2026-0001,2026-05-04,K-1,email,wissing,afgehandeld,positief,"
     "2026-05-05,2026-05-20,afgewezen,wettelijke_bewaarplicht,2026-05-18,deels wissen,nee,\n",
     2, FG_KOP + "AVG-2026-0001,2026-05-04,K-1,email,wissing,afgehandeld,positief,2026-05-05,"
     "2026-05-20,afgewezen,wettelijke_bewaarplicht,2026-05-18,deels wissen,nee,alles valt "
     "onder de bewaarplicht\n"),
    ("AVG503", C, ORG.replace("  fg: {naam: FG, telefoon: \"+31 20 555 0100\"}\n", "")
     + "  overheid: true\n", 2, ORG + "  overheid: true\n"),
    ("AVG601", V, COMPLEET + "# dossier van BSN 111222333\n", 13, COMPLEET + "# dossier 4711\n"),
    ("AVG602", V, COMPLEET + "opmerking: rekening NL91 ABNA 0417 1643 00\n", 13,
     COMPLEET + "opmerking: rekening NL91 ABNA 0417 1643 01\n"),
    ("AVG603", V, COMPLEET + "opmerking: via jan@voorbeeld.nl\n", 13,
     COMPLEET + "opmerking: via privacy@kantoor.example\n"),
    ("AVG604", V, COMPLEET + "opmerking: bel 06-12345678\n", 13,
     COMPLEET + "opmerking: bel +31 20 555 0100\n"),
    ("AVG113", B, "fiscaal:\n  duur: 7 jaar\n  na: boeking\n  vanaf: einde_jaar\n", 4,
     "fiscaal:\n  duur: 7 jaar\n  na: boeking\n  vanaf: einde_boekjaar\n"),
    ("AVG113", B, "fiscaal:\n  duur: 7 jaar\n  na: boeking\n  daarna: wissen\n", 4,
     "fiscaal:\n  duur: 7 jaar\n  na: boeking\n  daarna: vernietigen\n"),
    ("AVG114", B, "nieuwsbrief:\n  criterium: Zolang nodig.\n", 2,
     "nieuwsbrief:\n  criterium: zolang de inschrijving loopt\n"),
    ("AVG114", B, "klanten:\n  criterium: niet langer dan noodzakelijk voor het doel\n", 2,
     "klanten:\n  criterium: tot het einde van de overeenkomst\n"),
    ("AVG115", B, "verzoeken:\n  duur: 3 jaar\n  na: einde_kalenderjaar_ontvangst\n", 3,
     "verzoeken:\n  duur: 3 jaar\n  na: ontvangst\n  vanaf: einde_kalenderjaar\n"),
    ("AVG115", B, "datalekken:\n  criterium: zolang het onderzoek loopt\n", 1,
     "datalekken:\n  duur: 3 jaar\n  na: afsluiting\n"),
    # "Direct na afloop" (reference 000: an appointment is gone once it has taken place) and
    # hours (phone recordings, reference 001): a length of 0 is not "direct", and "direct" too
    # needs the event after which the data go.
    ("AVG002", B, "afspraken:\n  duur: 0 uur\n  na: afloop_afspraak\n", 2,
     "afspraken:\n  duur: direct\n  na: afloop_afspraak\n"),
    ("AVG002", B, "opnames:\n  duur: 1 uurtje\n  na: opname\n", 2,
     "opnames:\n  duur: 1 uur\n  na: opname\n"),
    ("AVG112", B, "afspraken:\n  duur: direct\n", 2,
     "afspraken:\n  duur: direct\n  na: afloop_afspraak\n"),
]


def _repo_with(tmp_path: Path, rel: str, text: str,
               extra: tuple[tuple[str, str], ...] = ()) -> Path:
    from tests.conftest import BASIS

    files = dict(BASIS)
    files["avgctl.yaml"] = ORG
    files["registers/partijen.yaml"] = PARTIJ
    files.update(extra)
    files[rel] = text
    return write_repo(tmp_path, files)


@pytest.mark.parametrize(("code", "rel", "bad", "line", "good"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(tmp_path: Path, code: str, rel: str, bad: str, line: int, good: str) -> None:
    findings = check_repo(_repo_with(tmp_path / "fout", rel, bad))
    hits = [f for f in findings if f.code == code]
    assert hits, f"{code} niet gemeld; wel: {[(f.code, f.message) for f in findings]}"
    assert hits[0].location.file == rel
    assert hits[0].location.line == line
    findings = check_repo(_repo_with(tmp_path / "goed", rel, good))
    assert [f.code for f in findings if f.code == code] == []


def test_every_rule_has_a_case() -> None:
    from tests.test_datalek_klok import CASES as DATALEK_CASES
    from tests.test_privacyverklaring_rules import CASES as VERKLARING_CASES
    from tests.test_verzoeken_rules import CASES as VERZOEK_CASES

    tested = ({case[0] for case in CASES} | {case[0] for case in VERZOEK_CASES}
              | {case[0] for case in DATALEK_CASES} | {case[0] for case in VERKLARING_CASES})
    # below: these need two files, or the organisation and an activity together
    # AVG711 and AVG712 are tested in test_verzoeken_rules as well, by their own tables
    # AVG116 needs a retention rule beside the requests: tested in test_bewaartermijnen_cli
    # AVG004 is about a file's name, not its content: see test_slot and test_kill
    untested = set(REGISTRY) - tested - {"AVG004", "AVG100", "AVG110", "AVG203", "AVG301",
                                         "AVG711", "AVG712", "AVG116"}
    assert untested == set()


def test_duplicate_activity_ids(tmp_path: Path) -> None:
    root = _repo_with(tmp_path, V, COMPLEET)
    (root / "registers/verwerkingen/10.1.1-kopie.yaml").write_text(COMPLEET)
    hits = [f for f in check_repo(root) if f.code == "AVG203"]
    assert [(h.location.file, h.location.line) for h in hits] == [
        ("registers/verwerkingen/10.1.1-test.yaml", 1)]
    assert "10.1.1-kopie.yaml:1" in hits[0].message


def test_public_authority_legitimate_interest(tmp_path: Path) -> None:
    bad = _replace(COMPLEET, "grondslag: overeenkomst", "grondslag: gerechtvaardigd_belang\n"
                   "belangenafweging: {belang: a, noodzaak: b, afweging: c}")
    root = _repo_with(tmp_path, V, bad)
    (root / C).write_text(ORG + "  overheid: true\n")
    hits = [f for f in check_repo(root) if f.code == "AVG301"]
    assert [(h.location.line, h.location.column) for h in hits] == [(5, 12)]
    (root / V).write_text(bad + "publieke_taak: false\n")
    assert "AVG301" not in {f.code for f in check_repo(root)}


def test_consent_public_authority(tmp_path: Path) -> None:
    """A public authority's activity on consent warns, unless it is no public task or the
    freedom of the choice is recorded (art. 7(4), recital 43)."""
    bad = _replace(COMPLEET, "grondslag: overeenkomst", "grondslag: toestemming")
    root = _repo_with(tmp_path, V, bad)
    assert "AVG117" not in {f.code for f in check_repo(root)}  # no authority, no staff
    (root / C).write_text(ORG + "  overheid: true\n")
    hits = [f for f in check_repo(root) if f.code == "AVG117"]
    assert [(h.location.line, h.location.column) for h in hits] == [(5, 12)]
    assert "overheidsorganisatie" in hits[0].message and "art. 7 lid 4" in hits[0].message
    (root / V).write_text(bad + "publieke_taak: false\n")
    assert "AVG117" not in {f.code for f in check_repo(root)}
    (root / V).write_text(bad + "toestemming: {vrijwilligheid: Niemand is afhankelijk.}\n")
    assert "AVG117" not in {f.code for f in check_repo(root)}


def test_processor_organisation_own_subprocessors(tmp_path: Path) -> None:
    """An organisation acting as a processor engages its own sub-processors: no 'via'
    needed (reference 004, situation 2); a controller's sub-processor still needs one."""
    sub = PARTIJ + "- {id: host, naam: Host, relatie: subverwerker, land: NL,\n" \
        "   overeenkomst: {soort: subverwerkersovereenkomst}}\n"
    root = _repo_with(tmp_path, P, sub)
    assert [f.location.line for f in check_repo(root) if f.code == "AVG208"] == [8]
    for rol in ("verwerker", "beide"):
        (root / C).write_text(ORG + f"  rol: {rol}\n")
        assert "AVG208" not in {f.code for f in check_repo(root)}
    # 'via' to something that is not a processor stays wrong, whatever the role
    (root / P).write_text(sub.replace("land: NL,\n   overeenkomst: {soort: sub",
                                      "land: NL, via: opdrachtgevers,\n   overeenkomst: "
                                      "{soort: sub"))
    assert [f.location.line for f in check_repo(root) if f.code == "AVG208"] == [8]


def test_processor_clauses_named_by_letter(tmp_path: Path) -> None:
    """AVG405 names every missing clause of art. 28(3) with its letter, in the law's order."""
    root = _repo_with(tmp_path, P, PARTIJ.replace(
        "getekend: 2024-05-01}", "getekend: 2024-05-01,\n    bepalingen: {geheimhouding: true,"
        " beveiliging: true, subverwerkers: false, audits: true}}"))
    hits = [f for f in check_repo(root) if f.code == "AVG405"]
    assert [h.message for h in hits] == [
        "de verwerkersovereenkomst met dossiersoft-bv mist art. 28 lid 3 sub a verwerken alleen "
        "op instructie; d subverwerkers alleen met toestemming; e hulp bij verzoeken, binnen "
        "hoeveel werkdagen; f hulp bij beveiliging en datalekken, melden binnen hoeveel uur; "
        "g verwijderen of teruggeven na afloop"]
    # a party that is no processor needs no such clauses
    root = _repo_with(tmp_path / "ontvanger", P, PARTIJ.replace(
        "relatie: verwerker\n  overeenkomst: {soort: verwerkersovereenkomst, getekend: "
        "2024-05-01}", "relatie: ontvanger\n  overeenkomst: {soort: convenant}"))
    assert "AVG405" not in {f.code for f in check_repo(root)}


def test_party_without_country_is_not_a_transfer(tmp_path: Path) -> None:
    """No silent NL: a party without 'land' gets AVG210, not a guess either way (AVG404)."""
    root = _repo_with(tmp_path, P, PARTIJ)
    codes = [f.code for f in check_repo(root)]
    assert codes.count("AVG210") == 2 and "AVG404" not in codes


def test_basis_repo_is_clean(repo: Path) -> None:
    assert check_repo(repo) == []


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_rule_is_documented(code: str) -> None:
    rule = REGISTRY[code]
    uitleg = rule.uitleg()
    assert uitleg.wat and uitleg.waarom and uitleg.oplossing, code
    assert rule.title and rule.artikel and rule.voorbeeld.fout and rule.voorbeeld.goed
    assert "AVG" in rule.artikel or "UAVG" in rule.artikel


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_documented_examples_behave(tmp_path: Path, code: str) -> None:
    """The example of `avgctl rules CODE` triggers the rule; the corrected one does not."""
    rule = REGISTRY[code]
    voorbeeld = rule.voorbeeld
    extra = voorbeeld.bijlagen
    fout_repo = _repo_with(tmp_path / "fout", voorbeeld.pad, voorbeeld.fout, extra)
    goed_repo = _repo_with(tmp_path / "goed", voorbeeld.goed_pad, voorbeeld.goed, extra)
    if code == "AVG100":  # the failing example is a register folder without any activity
        for root in (fout_repo, goed_repo):
            (root / "registers/verwerkingen/20.1.1-intake.yaml").unlink()
        (fout_repo / voorbeeld.pad).unlink()
    assert code in {f.code for f in check_repo(fout_repo)}
    assert code not in {f.code for f in check_repo(goed_repo)}


def test_processor_names_its_controllers(tmp_path: Path) -> None:
    root = _repo_with(tmp_path, V, COMPLEET)
    (root / C).write_text(ORG + "  rol: verwerker\n")
    hits = [f for f in check_repo(root) if f.code == "AVG110"]
    assert (V, 1) in [(h.location.file, h.location.line) for h in hits]
    (root / P).write_text(PARTIJ + "- {id: klant-a, naam: Klant A, "
                          "relatie: verwerkingsverantwoordelijke}\n")
    (root / V).write_text(COMPLEET + "verwerkingsverantwoordelijken: [klant-a]\n")
    assert [f.code for f in check_repo(root) if f.location.file == V] == []


def test_empty_register(tmp_path: Path) -> None:
    root = _repo_with(tmp_path, V, COMPLEET)
    (root / V).unlink()
    (root / "registers/verwerkingen/20.1.1-intake.yaml").unlink()
    hits = [f for f in check_repo(root) if f.code == "AVG100"]
    assert [(h.location.file, h.location.line) for h in hits] == [(C, 2)]
    (root / V).write_text(COMPLEET)
    assert "AVG100" not in {f.code for f in check_repo(root)}

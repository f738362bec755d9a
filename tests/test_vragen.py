"""The questions in a terminal: j/ja/n/nee, a Dutch message for a wrong answer, and only that
question asked again, with every earlier answer kept (verzoek add, datalek add, beoordeel)."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from avgctl.errors import Afgebroken
from avgctl.output import vragen
from tests.conftest import BASIS, write_repo

DL = "registers/datalekken"


class Terminal(io.StringIO):
    """Typed answers, one a line, on a stdin that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _typ(monkeypatch: pytest.MonkeyPatch, *antwoorden: str) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal("".join(a + "\n" for a in antwoorden)))


# --- yes and no ------------------------------------------------------------------------------


@pytest.mark.parametrize(("antwoord", "verwacht"), [
    ("j", True), ("ja", True), ("J", True), ("Ja", True), ("JA", True), (" ja ", True),
    ("n", False), ("nee", False), ("N", False), ("Nee", False), ("NEE", False),
])
def test_ja_nee_accepts_j_ja_n_nee(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str], antwoord: str,
                                   verwacht: bool) -> None:
    for standaard in (True, False, None):
        _typ(monkeypatch, antwoord)
        assert vragen.ja_nee("Is het lek gedicht?", standaard) is verwacht
    out = capsys.readouterr().out
    assert "Is het lek gedicht? [j/n, Enter = ja]: " in out
    assert "Is het lek gedicht? [j/n, Enter = nee]: " in out
    assert "Is het lek gedicht? [j/n]: " in out
    assert "[Y/n]" not in out and "[y/N]" not in out and "Error" not in out


@pytest.mark.parametrize("fout", ["y", "yes", "no", "misschien", "jaa", "0"])
def test_ja_nee_asks_again_in_dutch(monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str], fout: str) -> None:
    _typ(monkeypatch, fout, "nee")
    assert vragen.ja_nee("Versleuteld?", True) is False
    out = capsys.readouterr().out
    assert out == ("Versleuteld? [j/n, Enter = ja]:   Antwoord met j (ja) of n (nee).\n"
                   "Versleuteld? [j/n, Enter = ja]: ")


def test_ja_nee_enter_takes_the_default_only_when_there_is_one(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _typ(monkeypatch, "")
    assert vragen.ja_nee("Vraag?", True) is True
    _typ(monkeypatch, "")
    assert vragen.ja_nee("Vraag?", False) is False
    _typ(monkeypatch, "", "j")
    assert vragen.ja_nee("Vraag?") is True
    assert "Antwoord met j (ja) of n (nee)." in capsys.readouterr().out


def test_end_of_input_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    _typ(monkeypatch)
    with pytest.raises(Afgebroken):
        vragen.ja_nee("Vraag?", True)


def test_keuze_names_the_options(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    _typ(monkeypatch, "hoog", "", )
    assert vragen.keuze("Uw besluit", ["geen", "risico", "hoog_risico"], "risico") == "risico"
    assert capsys.readouterr().out == (
        "Uw besluit (geen, risico, hoog_risico) [Enter = risico]:   'hoog' kan niet; kies "
        "geen, risico of hoog_risico. Probeer het opnieuw.\n"
        "Uw besluit (geen, risico, hoog_risico) [Enter = risico]: ")


# --- verzoek add -----------------------------------------------------------------------------

TYPE = "Welk soort verzoek (inzage, "
REF = "Zaak- of klantnummer van de betrokkene (geen naam)?: "
KANAAL = "Hoe kwam het verzoek binnen (formulier, email, brief, balie, telefoon of portaal)?: "


def _rows(root: Path) -> list[dict[str, str]]:
    with (root / "registers/verzoeken.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(("antwoorden", "opnieuw", "melding"), [
    (["wisen", "wissing", "K-1", "email"], TYPE,
     "ongeldige waarde 'wisen' voor 'type'; kies uit: inzage, rectificatie, wissing, "
     "beperking, overdraagbaarheid, bezwaar, geautomatiseerde_besluitvorming, "
     "intrekken_toestemming (bedoelde u 'wissing'?). Probeer het opnieuw."),
    (["wissing", "", "K-1", "email"], REF, "geef een antwoord. Probeer het opnieuw."),
    (["wissing", "jan@example.nl", "K-1", "email"], REF,
     "'jan@example.nl' lijkt een e-mailadres; het register staat in git, gebruik een zaak- "
     "of klantnummer. Probeer het opnieuw."),
    (["wissing", "K-1", "fax", "email"], KANAAL,
     "ongeldige waarde 'fax' voor 'kanaal'; kies uit: formulier, email, brief, balie, "
     "telefoon, portaal. Probeer het opnieuw."),
])
def test_verzoek_add_asks_again_only_the_wrong_question(
        cli: Any, repo: Path, monkeypatch: pytest.MonkeyPatch, antwoorden: list[str],
        opnieuw: str, melding: str) -> None:
    _typ(monkeypatch, *antwoorden)
    result = cli("verzoek", "add", "--repo", str(repo), "--vandaag", "2026-06-01")
    assert result.exit_code == 0, result.err
    assert result.err == ""
    for vraag in (TYPE, REF, KANAAL):
        assert result.out.count(vraag) == (2 if vraag == opnieuw else 1), vraag
    assert f"  {melding}\n" in result.out
    [row] = _rows(repo)
    assert (row["type"], row["betrokkene_ref"], row["kanaal"]) == ("wissing", "K-1", "email")
    assert row["referentie"] == "AVG-2026-0001"


def test_verzoek_add_options_are_not_asked(cli: Any, repo: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _typ(monkeypatch, "K-7")
    result = cli("verzoek", "add", "--repo", str(repo), "--vandaag", "2026-06-01",
                 "--type", "inzage", "--kanaal", "brief")
    assert result.exit_code == 0, result.err
    assert TYPE not in result.out and KANAAL not in result.out and result.out.count(REF) == 1
    assert _rows(repo)[0]["betrokkene_ref"] == "K-7"


def test_verzoek_add_stopped_halfway_writes_nothing(cli: Any, repo: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _typ(monkeypatch, "inzage")
    result = cli("verzoek", "add", "--repo", str(repo), "--vandaag", "2026-06-01")
    assert result.exit_code == 130
    assert result.err == "fout: afgebroken; er is niets geschreven\n"
    assert not (repo / "registers/verzoeken.csv").exists()


# --- datalek add -----------------------------------------------------------------------------

INTAKE = ["Postkamer", "Brief naar een verkeerd adres.", "vertrouwelijkheid", "2026-03-26",
          "2026-03-27T10:00", "Telefoontje van de ontvanger", "NAW", "debiteur", "12",
          "dossierapplicatie", "Brief teruggevraagd"]
VRAGEN = ["Wie meldt het incident", "Wat is er gebeurd?", "Welke inbreuk:",
          "Wanneer begon het", "Wanneer is het ontdekt", "Hoe is het ontdekt?",
          "Welke gegevens", "Van welke groepen mensen", "Om hoeveel mensen",
          "Welke systemen", "Wat is er al gedaan?"]


@pytest.mark.parametrize(("vraag", "fout", "melding"), [
    (2, "geheim", "ongeldige waarde 'geheim' voor 'soort'; kies uit: vertrouwelijkheid, "
     "integriteit, beschikbaarheid"),
    (3, "vorige week", "'van' moet een tijdstip (2026-03-27T10:00:00+01:00) of een datum "
     "(2026-03-27) zijn, niet 'vorige week'"),
    (4, "gisteren", "ontdekt_op 'gisteren' is geen tijdstip; schrijf JJJJ-MM-DDTuu:mm, "
     "bijvoorbeeld 2026-03-30T09:00"),
    (4, "2026-04-27T10:00", "ontdekt_op (2026-04-27T10:00:00+02:00) ligt in de toekomst"),
    (8, "twaalf", "'aantal' moet een geheel getal zijn"),
])
def test_datalek_intake_asks_again_only_the_wrong_question(
        cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vraag: int, fout: str,
        melding: str) -> None:
    root = write_repo(tmp_path / "repo", BASIS)
    antwoorden = [*INTAKE[:vraag], fout, *INTAKE[vraag:]]
    _typ(monkeypatch, *antwoorden)
    result = cli("datalek", "add", "--repo", str(root), "--vandaag", "2026-03-27",
                 "--nu", "2026-03-27T12:00")
    assert result.exit_code == 0, result.err
    for i, tekst in enumerate(VRAGEN):
        assert result.out.count(tekst) == (2 if i == vraag else 1), tekst
    assert melding in result.out
    data = YAML(typ="safe").load((root / DL / "DL-2026-001.yaml").read_text(encoding="utf-8"))
    assert data["gemeld_door"] == "Postkamer"
    assert data["soort"] == ["vertrouwelijkheid"]
    assert data["betrokkenen"] == {"categorieen": ["debiteur"], "aantal": 12}
    assert str(data["ontdekt_op"]).startswith("2026-03-27 10:00")
    assert data["maatregelen"] == {"genomen": ["Brief teruggevraagd"]}


# --- datalek beoordeel -----------------------------------------------------------------------

BREACH = """\
referentie: DL-2026-001
ontdekt_op: 2026-03-27T10:00:00+01:00
beschrijving: Brief naar een verkeerd adres.
soort: [vertrouwelijkheid]
gegevens: [NAW]
betrokkenen: {categorieen: [debiteur], aantal: 12}
"""


@pytest.mark.parametrize(("ja", "nee"), [("j", "n"), ("ja", "nee"), ("J", "N"), ("Ja", "Nee")])
def test_beoordeel_answers_j_ja_n_nee(cli: Any, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, ja: str,
                                      nee: str) -> None:
    root = write_repo(tmp_path / "repo", {**BASIS, f"{DL}/DL-2026-001.yaml": BREACH})
    # persoonsgegevens, veel, gevoelig (wrong first), langdurig, onleesbaar; besluit (wrong
    # first), motivatie (empty first), wie
    _typ(monkeypatch, ja, nee, "misschien", ja, nee, nee, "hoog", "hoog_risico", "",
         "Financiële gegevens", "FG")
    result = cli("datalek", "beoordeel", "DL-2026-001", "--repo", str(root), "--vandaag",
                 "2026-03-27")
    assert result.exit_code == 0, result.err
    out = result.out
    assert out.count("Zijn persoonsgegevens getroffen? [j/n") == 1
    assert out.count("Gaat het om veel mensen? [j/n") == 1
    assert out.count("Zijn gevoelige gegevens betrokken") == 2 + 1  # asked twice, then shown
    assert out.count("Antwoord met j (ja) of n (nee).") == 1
    assert out.count("Uw besluit (geen, risico, hoog_risico)") == 2
    assert out.count("Motivatie van het besluit: ") == 2
    assert "geef de redenering. Probeer het opnieuw." in out
    data = YAML(typ="safe").load((root / DL / "DL-2026-001.yaml").read_text(encoding="utf-8"))
    assert data["risico"] == "hoog_risico"
    assert data["besluit_motivatie"] == "Financiële gegevens"
    b = data["beoordeling"]
    assert (b["persoonsgegevens"], b["veel_betrokkenen"], b["gevoelige_gegevens"],
            b["langdurig"], b["onleesbaar"], b["besloten_door"]) == (
        True, False, True, False, False, "FG")


def test_every_question_goes_through_avgctl_output_vragen() -> None:
    """typer.prompt and typer.confirm show [Y/n] and answer in English; input() knows no
    j/n. A new interactive flow asks through avgctl.output.vragen instead."""
    import re as regex

    from tests.conftest import PROJECT

    pattern = regex.compile(r"\b(typer|click)\.(prompt|confirm)\b|(?<![\w.])input\(")
    found = [f"{path.relative_to(PROJECT)}:{n}" for path in (PROJECT / "avgctl").rglob("*.py")
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert found == []


def test_ctrl_c_during_a_command_says_so(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer turns Ctrl-C into exit code 130 without a word; avgctl says it stopped."""
    from avgctl.commands import rules

    def onderbroken(code: str | None, fmt: str = "text") -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(rules, "run", onderbroken)
    result = cli("rules")
    assert (result.exit_code, result.out, result.err) == (130, "", "fout: afgebroken\n")

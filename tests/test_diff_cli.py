"""``avgctl diff`` and ``avgctl check --sinds`` on the command line: exact output, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BASIS, write_repo
from tests.test_wijzigingen import ACTIVITEIT, PARTIJEN, TERMIJNEN, WOLK, _erbij, _git, _vervang

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")


def _commit(root: Path, message: str) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", message)


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """The small clean repository in git, with its first version committed on main."""
    root = write_repo(tmp_path / "repo", BASIS)
    _git(root, "init", "-q", "-b", "main")
    _commit(root, "Eerste versie")
    return root


def test_diff_against_the_working_tree(cli: Any, git_repo: Path) -> None:
    _vervang(TERMIJNEN, "duur: 10 jaar", "duur: 7 jaar")(git_repo)
    _vervang(ACTIVITEIT, "grondslag: overeenkomst", "grondslag: toestemming")(git_repo)
    _erbij(PARTIJEN, WOLK)(git_repo)
    result = cli("diff", "main", "--repo", str(git_repo))
    assert result.exit_code == 0
    assert result.err == ""
    assert result.out == """\
## Wijzigingen in de registers van revisie `main` tot de werkmap

3 wijzigingen.

### Verwerkingen

- grondslag van 20.1.1 gewijzigd van overeenkomst naar toestemming

### Partijen en overeenkomsten

- verwerker Wolk Inc. toegevoegd, buiten de EER (US) met modelcontractbepalingen, \
verwerkersovereenkomst getekend op 2026-01-05

### Bewaartermijnen

- bewaartermijn dossier van 10 naar 7 jaar
"""


def test_diff_between_two_revisions_as_json(cli: Any, git_repo: Path) -> None:
    _vervang(TERMIJNEN, "duur: 10 jaar", "duur: 7 jaar")(git_repo)
    _commit(git_repo, "Kortere termijn")
    _vervang(TERMIJNEN, "duur: 7 jaar", "duur: 6 maanden")(git_repo)  # not committed
    result = cli("diff", "HEAD~1", "HEAD", "--format", "json", "--repo", str(git_repo))
    assert result.exit_code == 0
    assert json.loads(result.out) == {
        "basis": "HEAD~1", "doel": "HEAD", "wijzigingen": [{
            "register": "bewaartermijnen", "soort": "duur", "id": "dossier",
            "zin": "bewaartermijn dossier van 10 naar 7 jaar", "oud": "10 jaar",
            "nieuw": "7 jaar"}]}
    result = cli("diff", "HEAD", "-f", "md", "--repo", str(git_repo))
    assert result.out.splitlines()[-1] == "- bewaartermijn dossier van 7 jaar naar 6 maanden"


def test_diff_without_changes(cli: Any, git_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(git_repo / "registers")  # the repository is found upwards from here
    result = cli("diff", "main")
    assert (result.exit_code, result.out) == (0, """\
## Wijzigingen in de registers van revisie `main` tot de werkmap

Geen wijzigingen in de registers.
""")
    assert json.loads(cli("diff", "main", "main", "--format", "json").out) == {
        "basis": "main", "doel": "main", "wijzigingen": []}


def test_register_text_is_escaped_in_markdown(cli: Any, git_repo: Path) -> None:
    _vervang(ACTIVITEIT, "naam: Intake nieuwe zaak",
             "naam: \"<script>alert(1)</script> *intake*\\n# kop\"")(git_repo)
    result = cli("diff", "main", "--repo", str(git_repo))
    assert result.exit_code == 0
    assert result.out.splitlines()[-1] == (
        "- verwerking 20.1.1 hernoemd van 'Intake nieuwe zaak' naar "
        "'\\<script>alert(1)\\</script> \\*intake\\* # kop'")


def test_unknown_revision(cli: Any, git_repo: Path) -> None:
    result = cli("diff", "bestaat-niet", "--repo", str(git_repo))
    assert result.exit_code == 2
    assert result.out == ""
    assert result.err == (
        f"fout: onbekende revisie 'bestaat-niet' in {git_repo}; geef een tak, tag of commit die "
        "bestaat, bijvoorbeeld main of HEAD~1 (git log --oneline toont de commits)\n")
    result = cli("diff", "main", "bestaat-ook-niet", "--repo", str(git_repo))
    assert (result.exit_code, result.err.startswith(
        "fout: onbekende revisie 'bestaat-ook-niet' in ")) == (2, True)


def test_not_a_git_repository(cli: Any, repo: Path) -> None:
    result = cli("diff", "main", "--repo", str(repo))
    assert result.exit_code == 2
    assert result.err == (
        f"fout: {repo} is geen git-repository, dus er is geen eerdere versie om mee te "
        "vergelijken; zet de registers in git (git init, git add, git commit) of geef de map "
        "met --repo\n")


def test_a_damaged_register_in_the_working_tree(cli: Any, git_repo: Path) -> None:
    (git_repo / PARTIJEN).write_text("- id: [\n", encoding="utf-8")
    _vervang(TERMIJNEN, "duur: 10 jaar", "duur: tien jaar")(git_repo)
    result = cli("diff", "main", "--repo", str(git_repo))
    assert result.exit_code == 2
    assert result.out == ""
    lines = result.err.splitlines()
    assert lines[0] == ("fout: de registers in de werkmap zijn niet helemaal te lezen, dus een "
                        "vergelijking zou onvolledig zijn:")
    assert lines[1].startswith("  registers/partijen.yaml:2:1: ")
    assert lines[2].startswith("  registers/bewaartermijnen.yaml:2:9: ")
    assert lines[3:] == ["herstel ze (avgctl check zegt hoe)"]


def test_a_damaged_register_at_the_base(cli: Any, git_repo: Path) -> None:
    _vervang(ACTIVITEIT, "grondslag: overeenkomst", "grondslag: contract")(git_repo)
    _commit(git_repo, "Een tikfout")
    _vervang(ACTIVITEIT, "grondslag: contract", "grondslag: overeenkomst")(git_repo)
    result = cli("diff", "HEAD", "--repo", str(git_repo))
    assert result.exit_code == 2
    lines = result.err.splitlines()
    assert lines[0] == ("fout: de registers in revisie 'HEAD' zijn niet helemaal te lezen, dus "
                        "een vergelijking zou onvolledig zijn:")
    assert lines[1].startswith(f"  {ACTIVITEIT}:5:12: ")
    assert lines[-1] == "kies een andere revisie, of vergelijk met de werkmap na herstel"


def test_unknown_format(cli: Any, git_repo: Path) -> None:
    result = cli("diff", "main", "--format", "html", "--repo", str(git_repo))
    assert result.exit_code == 2
    assert "html" in result.err and result.out == ""


def test_a_missing_base_is_a_usage_error(cli: Any, git_repo: Path) -> None:
    result = cli("diff", "--repo", str(git_repo))
    assert result.exit_code == 2
    assert "BASIS" in result.err


# --- check --sinds ----------------------------------------------------------------------------

def test_check_since_reports_only_what_changed(cli: Any, git_repo: Path) -> None:
    # Two problems committed on main; the change since then brings a third, in another file.
    _vervang(ACTIVITEIT, "eigenaar: Bureaumanager\n", "")(git_repo)
    _vervang(PARTIJEN, "  relatie: ontvanger\n  land: NL\n",
             "  relatie: ontvanger\n  land: US\n")(git_repo)
    _commit(git_repo, "Twee problemen")
    _erbij(PARTIJEN, "- id: printbedrijf\n  naam: Printbedrijf\n  relatie: verwerker\n"
           "  land: NL\n")(git_repo)
    volledig = cli("check", "--repo", str(git_repo), "--vandaag", "2026-06-01", "-q")
    assert volledig.exit_code == 1
    assert volledig.out.splitlines()[-1] == (
        "2 fouten, 1 waarschuwing, 0 info in 2 bestanden (4 bestanden, 1 verwerking "
        "gecontroleerd).")
    result = cli("check", "--sinds", "main", "--repo", str(git_repo), "--vandaag",
                 "2026-06-01")
    # Only the new party, which has no agreement (lines 10-13 of partijen.yaml): not the party
    # outside the EEA above it (AVG404) nor the activity without an owner (AVG108).
    assert (result.exit_code, result.out) == (1, """\
registers/partijen.yaml:12:12: fout AVG401 verwerker printbedrijf heeft geen verwerkersovereenkomst
    → leg 'overeenkomst: {soort: verwerkersovereenkomst, getekend: JJJJ-MM-DD}' vast

1 fout, 0 waarschuwingen, 0 info in 1 bestand (4 bestanden, 1 verwerking gecontroleerd; alleen \
wat sinds main veranderde, in 1 bestand).
""")
    # Nothing changed since the last commit: nothing to report, exit 0.
    _commit(git_repo, "Printbedrijf")
    result = cli("check", "--sinds", "HEAD", "--repo", str(git_repo), "--vandaag",
                 "2026-06-01")
    assert (result.exit_code, result.out) == (0, (
        "Geen bevindingen (4 bestanden, 1 verwerking gecontroleerd; alleen wat sinds HEAD "
        "veranderde, in 0 bestanden).\n"))


def test_check_since_as_json(cli: Any, git_repo: Path) -> None:
    _vervang(ACTIVITEIT, "eigenaar: Bureaumanager\n", "")(git_repo)
    result = cli("check", "--sinds", "main", "--format", "json", "--repo", str(git_repo),
                 "--vandaag", "2026-06-01")
    data = json.loads(result.out)
    assert {b["bestand"] for b in data["bevindingen"]} == {ACTIVITEIT}
    assert (data["samenvatting"]["sinds"], data["samenvatting"]["gewijzigde_bestanden"]) == (
        "main", 1)


def test_check_since_an_unknown_revision(cli: Any, git_repo: Path) -> None:
    result = cli("check", "--sinds", "v9", "--repo", str(git_repo))
    assert result.exit_code == 2
    assert result.out == ""
    assert result.err.startswith("fout: onbekende revisie 'v9' in ")

"""A small firm like reference 000: three activities, no FG, almost nothing stored.

The register in tests/data/klein-kantoor holds only what such a firm has (its name and address,
one processor agreement, its clients' municipalities as recipients, a retention of 'direct' for
the appointments). It must pass `check --strict`: a rule that demands more of it is wrong.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import PROJECT

KLEIN = PROJECT / "tests/data/klein-kantoor"


def test_small_firm_passes_strict_check(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    repo = tmp_path / "klein"
    shutil.copytree(KLEIN, repo)
    result = cli("check", "--repo", str(repo), "--strict", "--vandaag", "2026-11-20")
    assert (result.exit_code, result.out, result.err) == (
        0, "Geen bevindingen (6 bestanden, 3 verwerkingen gecontroleerd).\n", "")


def test_small_firm_has_no_fg_and_stores_almost_nothing() -> None:
    """What makes it a fixture for reference 000, so nobody 'fixes' it by adding fields."""
    config = (KLEIN / "avgctl.yaml").read_text(encoding="utf-8")
    assert "fg:" not in config and "fg_motivatie" not in config and "dpia" not in config
    activiteiten = sorted((KLEIN / "registers/verwerkingen").glob("*.yaml"))
    assert len(activiteiten) == 3
    assert not (KLEIN / "registers/verzoeken.csv").exists()
    assert not (KLEIN / "registers/datalekken").exists()
    termijnen = (KLEIN / "registers/bewaartermijnen.yaml").read_text(encoding="utf-8")
    assert "duur: direct" in termijnen and "jaar" in termijnen


def test_small_firm_warns_once_its_clients_staff_consent(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """Adversarial: the same register with the firm's own staff asked for consent is no longer
    clean under --strict (AVG117), so the clean result above is not a rule switched off."""
    repo = tmp_path / "klein"
    shutil.copytree(KLEIN, repo)
    pad = repo / "registers/verwerkingen/30.1.1-terugkoppeling.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("betrokkenen: [klant]",
                                                           "betrokkenen: [klant, medewerker]"),
                   encoding="utf-8")
    result = cli("check", "--repo", str(repo), "--strict", "--quiet", "--vandaag", "2026-11-20")
    assert result.exit_code == 1
    assert "registers/verwerkingen/30.1.1-terugkoppeling.yaml:5:12: waarschuwing AVG117" \
        in result.out

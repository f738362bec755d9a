"""organisatie.beveiliging: a baseline every activity inherits (art. 30(1)(g) and 32 AVG)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.conftest import BASIS, check_repo, write_repo

V = "registers/verwerkingen/20.1.1-intake.yaml"
BASISLIJN = "  beveiliging: [iso-27001-beleid, toegangsbeheer]\n"


def _repo(tmp_path: Path, baseline: bool, own: bool) -> Path:
    files = dict(BASIS)
    if baseline:
        files["avgctl.yaml"] = BASIS["avgctl.yaml"] + BASISLIJN
    if not own:
        assert "beveiliging:" in files[V]
        files[V] = "\n".join(line for line in files[V].splitlines()
                             if not line.startswith("beveiliging:")) + "\n"
    return write_repo(tmp_path, files)


def test_activity_without_measures_inherits_the_baseline(tmp_path: Path) -> None:
    """AVG107 asks for measures per activity only when the organisation lists none."""
    hits = [f for f in check_repo(_repo(tmp_path / "a", baseline=False, own=False))
            if f.code == "AVG107"]
    assert [(h.location.file, h.location.line) for h in hits] == [(V, 1)]
    assert check_repo(_repo(tmp_path / "b", baseline=True, own=False)) == []
    assert check_repo(_repo(tmp_path / "c", baseline=True, own=True)) == []


def test_an_empty_baseline_is_no_baseline(tmp_path: Path) -> None:
    files = dict(BASIS)
    files["avgctl.yaml"] = BASIS["avgctl.yaml"] + "  beveiliging: []\n"
    files[V] = "\n".join(line for line in files[V].splitlines()
                         if not line.startswith("beveiliging:")) + "\n"
    assert "AVG107" in {f.code for f in check_repo(write_repo(tmp_path, files))}


def test_show_gives_own_and_inherited_measures(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _repo(tmp_path, baseline=True, own=True)
    result = cli("verwerkingen", "show", "20.1.1", "--repo", str(root))
    assert (result.exit_code, result.err) == (0, "")
    regels = [r for r in result.out.splitlines() if "eveiliging" in r]
    eigen = next(r for r in (root / V).read_text(encoding="utf-8").splitlines()
                 if r.startswith("beveiliging:"))
    assert regels == [
        f"  Beveiliging:         {eigen.split('[')[1].rstrip(']')}",
        "  Basisbeveiliging:    iso-27001-beleid, toegangsbeheer (geldt voor de hele organisatie)"]


def test_show_without_baseline_has_no_baseline_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _repo(tmp_path, baseline=False, own=True)
    result = cli("verwerkingen", "show", "20.1.1", "--repo", str(root))
    assert result.exit_code == 0 and "Basisbeveiliging" not in result.out


def test_exports_mark_the_inherited_measures(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _repo(tmp_path, baseline=True, own=False)
    md = cli("verwerkingen", "export", "-f", "md", "--repo", str(root), "--vandaag", "2026-06-01")
    assert md.exit_code == 0
    assert ("| Basisbeveiliging (voor elke verwerking) | iso-27001-beleid, toegangsbeheer |"
            in md.out)
    assert "- **Beveiliging:** de basisbeveiliging van de organisatie\n" in md.out
    tabel = cli("verwerkingen", "export", "-f", "csv", "--repo", str(root),
                "--vandaag", "2026-06-01")
    rijen = list(csv.DictReader(io.StringIO(tabel.out)))
    assert rijen and all(r["beveiliging_organisatie"] == "iso-27001-beleid, toegangsbeheer"
                         and r["beveiliging"] == "" for r in rijen)


def test_a_data_items_own_measures_come_on_top_of_the_activitys(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Gegeven.beveiliging adds to the activity's measures (models/verwerking.py), in the
    table export as on screen: the activity's first, then the item's, each once."""
    files = dict(BASIS)
    assert "beveiliging: [toegangsbeheer]\n" in files[V]
    files[V] = files[V].replace("    bewaartermijn: dossier\n", "    bewaartermijn: dossier\n"
                                "    beveiliging: [versleuteling, toegangsbeheer]\n")
    root = write_repo(tmp_path, files)
    assert check_repo(root) == []
    tabel = cli("verwerkingen", "export", "-f", "csv", "--repo", str(root),
                "--vandaag", "2026-06-01")
    (rij,) = list(csv.DictReader(io.StringIO(tabel.out)))
    assert rij["beveiliging"] == "toegangsbeheer, versleuteling"

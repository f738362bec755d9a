"""`avgctl init`: a new repository, minimal or with the example, never overwriting."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import PROJECT, VANDAAG, VOORBEELD_DAG, check_repo

DAG = VANDAAG.isoformat()
VOORBEELD = VOORBEELD_DAG.isoformat()
SCHEMA_LINE = "# yaml-language-server: $schema="


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_minimal_repository_says_what_to_fill_in(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "nieuw"
    result = cli("init", str(target))
    assert result.exit_code == 0
    assert sorted(_tree(target)) == [
        ".gitignore", "README.md", "avgctl.yaml", "registers/bewaartermijnen.yaml",
        "registers/datalekken/.gitkeep", "registers/partijen.yaml",
        "registers/verwerkingen/.gitkeep", "schemas/avgctl.schema.json",
        "schemas/bewaartermijnen.schema.json", "schemas/datalek.schema.json",
        "schemas/herstel.schema.json", "schemas/kaart.schema.json",
        "schemas/partijen.schema.json", "schemas/verwerking.schema.json",
        "schemas/verzoek.schema.json",
    ]
    check = cli("check", "--repo", str(target), "--vandaag", DAG)
    assert check.exit_code == 1
    assert check.out == (
        "avgctl.yaml:5:3: fout AVG100 er staat nog geen verwerking in registers/verwerkingen/\n"
        "    → maak per verwerking een bestand <id>-<korte-naam>.yaml\n"
        "avgctl.yaml:5:3: fout AVG109 de naam van de organisatie ontbreekt\n"
        "    → vul 'organisatie.naam' in\n"
        "avgctl.yaml:10:5: fout AVG109 de contactgegevens van de organisatie ontbreken\n"
        "    → vul 'organisatie.contact' in met adres, e-mail of telefoon\n"
        "\n"
        "3 fouten, 0 waarschuwingen, 0 info in 1 bestand (3 bestanden, 0 verwerkingen "
        "gecontroleerd).\n"
    )


def test_every_yaml_file_names_its_schema_and_the_schema_is_there(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    for voorbeeld in (False, True):
        target = tmp_path / ("voorbeeld" if voorbeeld else "leeg")
        assert cli("init", str(target), *(["--voorbeeld"] if voorbeeld else [])).exit_code == 0
        for rel, data in _tree(target).items():
            if not rel.endswith(".yaml"):
                continue
            first = data.decode("utf-8").splitlines()[0]
            assert first.startswith(SCHEMA_LINE), rel
            schema = (target / rel).parent / first[len(SCHEMA_LINE):]
            assert schema.resolve().is_file(), (rel, schema)


def test_example_repository_is_clean_and_equal_to_the_builtin_one(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "x"
    assert cli("init", "--voorbeeld", str(target)).exit_code == 0
    assert check_repo(target, VOORBEELD_DAG) == []
    files = _tree(target)
    for rel, data in _tree(PROJECT / "registers").items():
        copy = files[f"registers/{rel}"].decode("utf-8")
        if rel.endswith(".yaml"):
            copy = copy.split("\n", 1)[1]  # after the schema line
        assert copy == data.decode("utf-8"), rel


def test_refuses_to_overwrite_and_writes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "bestaand"
    target.mkdir()
    (target / "avgctl.yaml").write_text("organisatie: {naam: Mijn werk}\n")
    before = _tree(target)
    result = cli("init", str(target))
    assert result.exit_code == 1
    assert result.err.startswith(f"fout: {target} bevat al avgctl.yaml; avgctl init "
                                 "overschrijft niets.")
    assert _tree(target) == before


def test_init_into_a_file_fails_cleanly(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    result = cli("init", str(blocker))
    assert result.exit_code == 1
    assert "Traceback" not in result.err and result.err.startswith("fout: ")
    assert blocker.read_text() == "x"


def test_new_files_get_normal_permissions(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "rechten"
    cli("init", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert (target / "avgctl.yaml").stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.skipif(sys.platform == "win32", reason="venv layout")
def test_installed_wheel_works_outside_the_repository(tmp_path: Path) -> None:
    """Build the wheel, install it in a fresh environment elsewhere, and use it there.

    The dependencies are taken from the development environment (a path entry, not an
    install), so the test needs no network; avgctl itself comes only from the wheel.
    """
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(wheels), str(PROJECT)],
                   check=True, capture_output=True)
    wheel = next(wheels.glob("avgctl-*.whl"))
    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    (site / "dev-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--quiet", "--no-deps", str(wheel)], check=True, capture_output=True)
    work = tmp_path / "elders"
    work.mkdir()
    run_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}

    def avgctl(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(env_dir / "bin" / "avgctl"), *args], cwd=work, env=run_env,
                              capture_output=True, text=True, check=False)

    where = subprocess.run([python, "-c", "import avgctl; print(avgctl.__file__)"], cwd=work,
                           env=run_env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(env_dir)), where  # not the source checkout
    init = avgctl("init", "--voorbeeld", str(work / "x"))
    assert init.returncode == 0, init.stderr
    check = avgctl("check", "--repo", str(work / "x"), "--vandaag", VOORBEELD)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.startswith("Geen bevindingen (")
    export = avgctl("verwerkingen", "export", "-f", "html", "--repo", str(work / "x"))
    assert export.returncode == 0 and "<!DOCTYPE html>" in export.stdout

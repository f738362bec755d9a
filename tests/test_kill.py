"""Writers killed with SIGKILL at random moments: the register is always whole.

Each round starts a real ``avgctl`` process that kills itself (SIGKILL, which nothing can
catch) at a chosen Python or C call, counted from the start of the command: chosen at random
(seeded) over the whole run, inside the atomic write, around the moments its temporary file
exists, and after the rename. After
each kill the file is byte for byte the old or the new version and reads without error; a
temporary file it left is reported by ``avgctl check``; and after the next write of that file
no temporary file is left.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from avgctl.store.csvfile import parse_csv
from avgctl.store.yamlfile import parse_yaml
from tests.conftest import check_repo
from tests.processen import kopie_voorbeeld, samen, tel, tijdelijke_bestanden

DAG = "2026-11-20"
RONDES = 10

# (command, the file it changes)
OPDRACHTEN: dict[str, tuple[list[str], str]] = {
    "verzoek add": (["verzoek", "add", "--type", "inzage", "--betrokkene-ref", "K-9001",
                     "--kanaal", "email", "--vandaag", DAG], "registers/verzoeken.csv"),
    "verzoek update": (["verzoek", "update", "AVG-2026-0074", "--behandelaar",
                        "Nieuwe behandelaar"], "registers/verzoeken.csv"),
    "datalek update": (["datalek", "update", "DL-2026-010", "--maatregel",
                        "Na de kill vastgelegd"], "registers/datalekken/DL-2026-010.yaml"),
    # the restore is recorded; then the erasures applied again are recorded per request
    "verzoek herstel": (["verzoek", "herstel", "--backup", "2026-09-01", "--vandaag", DAG],
                        "registers/herstel.yaml"),
    "verzoek herstel --bevestig": (["verzoek", "herstel", "--backup", "2026-09-01",
                                    "--bevestig", "--vandaag", DAG], "registers/verzoeken.csv"),
}

# Run once before the counted run: --bevestig then changes only the request register.
VOORAF: dict[str, list[str]] = {
    "verzoek herstel --bevestig": ["verzoek", "herstel", "--backup", "2026-09-01",
                                   "--vandaag", DAG],
}


def _leesbaar(rel: str, data: bytes) -> None:
    text = data.decode("utf-8")
    if rel.endswith(".csv"):
        parse_csv(text, rel)
    else:
        parse_yaml(text, rel)


@pytest.mark.parametrize("naam", sorted(OPDRACHTEN))
def test_a_killed_writer_leaves_the_old_or_the_new_file(tmp_path: Path, cli: Any,
                                                        naam: str) -> None:
    args, rel = OPDRACHTEN[naam]
    root = kopie_voorbeeld(tmp_path / "repo")
    if naam in VOORAF:
        assert cli(*VOORAF[naam], "--repo", str(root)).exit_code == 0
    path = root / rel
    oud = path.read_bytes()
    telling = tel(root, args, tmp_path / "telling.json")
    nieuw = path.read_bytes()
    assert nieuw != oud
    assert (0 < telling["schrijven"] < telling["tijdelijk"] < telling["vervangen"]
            < telling["geschreven"] <= telling["aanroepen"]), telling
    rng = random.Random(f"kill {naam}")
    gezien = {"oud": 0, "nieuw": 0, "achtergebleven": 0}
    for ronde in range(RONDES):
        path.write_bytes(oud)
        if ronde % 4 == 0:  # anywhere in the run
            stop = rng.randint(1, telling["aanroepen"])
        elif ronde % 4 == 1:  # anywhere in the write
            stop = rng.randint(telling["schrijven"], telling["geschreven"])
        elif ronde % 4 == 2:  # around the moments the temporary file exists
            stop = rng.randint(telling["tijdelijk"] - 1, telling["vervangen"] + 1)
        else:  # after the rename: syncing the folder, the message on the screen
            stop = rng.randint(telling["vervangen"] + 1, telling["aanroepen"])
        (afloop,) = samen(root, [args], stop=stop)
        assert afloop.code in (-9, 0), (stop, afloop.err)
        data = path.read_bytes()
        assert data in (oud, nieuw), f"ronde {ronde}, aanroep {stop}: half geschreven"
        gezien["oud" if data == oud else "nieuw"] += 1
        _leesbaar(rel, data)
        over = tijdelijke_bestanden(path.parent)
        if over:
            gezien["achtergebleven"] += 1
            assert all(name.startswith(f".{path.name}.avgctl-") for name in over), over
            meldingen = {f.location.file for f in check_repo(root) if f.code == "AVG004"}
            prefix = rel.rsplit("/", 1)[0]
            assert meldingen == {f"{prefix}/{name}" for name in over}
        # The next write of this file cleans up after the killed one.
        result = cli(*args, "--repo", str(root))
        assert result.exit_code == 0, result.err
        assert tijdelijke_bestanden(path.parent) == []
        _leesbaar(rel, path.read_bytes())
    # The rounds did reach both sides of the rename, and a kill with a temporary file.
    assert gezien["oud"] and gezien["nieuw"] and gezien["achtergebleven"], gezien

"""The bare floor of DESIGN.md §5: load the same YAML files with ruamel's C-backed safe loader
(and iterate CSVs with csv.reader), nothing else."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from ruamel.yaml import YAML


def main(root: Path) -> None:
    yaml = YAML(typ="safe", pure=False)
    assert yaml.Parser.__module__.startswith("ruamel.yaml.clib") or "CParser" in str(yaml.Parser)
    for path in sorted(root.rglob("*.yaml")):
        yaml.load(path.read_bytes())
    for path in sorted(root.rglob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for _row in csv.reader(handle):
                pass


if __name__ == "__main__":
    main(Path(sys.argv[1]))

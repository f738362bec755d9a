"""Benchmark: avgctl beside the bare floor on one large synthetic organisation.

Runs every command as a fresh process (as a user or CI would), interleaved with the floor so
that noise on a shared machine hits both alike, and prints medians and ratios.

    python bench/bench.py [--runs 7] [--verwerkingen 2000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import datalekken, generate, verzoeken  # noqa: E402


def timed(argv: list[str], expect: tuple[int, ...] = (0,)) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode not in expect:
        raise SystemExit(f"{' '.join(argv)} gaf exitcode {result.returncode}:\n"
                         f"{result.stderr.decode(errors='replace')}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--verwerkingen", type=int, default=2000)
    parser.add_argument("--verzoeken", type=int, default=100_000)
    parser.add_argument("--datalekken", type=int, default=1000)
    parser.add_argument("--map", type=Path, default=HERE / "out" / "organisatie")
    args = parser.parse_args()

    root: Path = args.map
    if root.exists():
        shutil.rmtree(root)
    generate(root, args.verwerkingen)
    verzoeken(root, args.verzoeken)
    datalekken(root, args.datalekken)
    python = sys.executable
    avgctl = [python, "-m", "avgctl"]
    vandaag = ["--vandaag", "2026-06-01"]
    commands = {
        "floor (ruamel C safe loader + csv.reader)": [python, str(HERE / "floor.py"),
                                                      str(root)],
        "avgctl check": [*avgctl, "check", "--repo", str(root), *vandaag, "--quiet"],
        "avgctl status": [*avgctl, "status", "--repo", str(root), *vandaag],
        "avgctl verwerkingen list": [*avgctl, "verwerkingen", "list", "--repo", str(root)],
        "avgctl verwerkingen show": [*avgctl, "verwerkingen", "show", "40.1.1", "--repo",
                                     str(root)],
        "avgctl verwerkingen export html": [*avgctl, "verwerkingen", "export", "-f", "html",
                                            "--repo", str(root), *vandaag],
        "avgctl deadlines": [*avgctl, "deadlines", "--repo", str(root), *vandaag],
        "avgctl render privacyverklaring": [*avgctl, "render", "privacyverklaring",
                                            "--doelgroep", "klanten", "--format", "html",
                                            "--repo", str(root), *vandaag],
        "avgctl verzoek add": [*avgctl, "verzoek", "add", "--type", "inzage",
                               "--betrokkene-ref", "K-1", "--kanaal", "email", "--repo",
                               str(root), *vandaag],
        "avgctl --help": [*avgctl, "--help"],
        "python -c pass (start-up)": [python, "-c", "pass"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the file cache and imports once
        timed(argv)
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(timed(argv))

    medians = {name: statistics.median(values) for name, values in times.items()}
    floor = medians["floor (ruamel C safe loader + csv.reader)"]
    print(f"{args.verwerkingen} verwerkingen, {args.verzoeken} verzoeken, {args.datalekken} "
          f"datalekken, {args.runs} runs, mediaan per opdracht:")
    for name, value in medians.items():
        spread = f"{min(times[name]):.3f}-{max(times[name]):.3f}"
        print(f"  {name:42s} {value:7.3f} s  (min-max {spread})  {value / floor:5.2f}x floor")
    for name in ("avgctl check", "avgctl deadlines"):
        print(f"{name} / floor = {medians[name] / floor:.2f} (doel: <= 1.5)")
    print(f"avgctl --help = {medians['avgctl --help']:.3f} s (doel: < 0.3 s)")
    for name in ("avgctl status", "avgctl verwerkingen list", "avgctl verwerkingen show",
                 "avgctl verwerkingen export html", "avgctl render privacyverklaring"):
        print(f"{name} / floor = {medians[name] / floor:.2f} (doel: <= 0.5)")
    for name in ("avgctl status", "avgctl verwerkingen list", "avgctl verwerkingen show",
                 "avgctl verwerkingen export html", "avgctl render privacyverklaring",
                 "avgctl verzoek add", "avgctl deadlines"):
        print(f"{name} = {medians[name]:.3f} s (doel: < 1 s)")


if __name__ == "__main__":
    main()

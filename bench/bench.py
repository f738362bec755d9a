"""Benchmark: avgctl beside the bare floor on one large synthetic organisation (DESIGN.md §5).

Every command runs as a fresh process (as a user or CI would). The repetitions are
interleaved, the floor among them, so that noise on a shared machine hits everything alike;
the report gives medians and their ratio to the floor of the same run:

- wall time, and CPU time (user + system of the whole process tree, workers included);
- ``check`` and the floor pinned to one core (``taskset -c 0``);
- the peak memory of the whole process tree (sampled through /proc, see meten.py), in
  separate runs so that sampling does not slow the timed ones.

avgctl is byte-compiled first, as an installed package is.

``status`` runs as a user meets it: without ``--vandaag``, on an unchanged repository, so
it reads the outcome that the previous ``status`` (or ``check``) of the same day left for the
same files (avgctl.store.cache); "status zonder cache" removes that first, as after any
change of a file: what the first run after a change costs.

    python bench/bench.py [--runs 7] [--geheugen 3] [--verwerkingen 2000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import datalekken, generate, verzoeken  # noqa: E402
from meten import Meting, meet  # noqa: E402

FLOOR = "floor (ruamel C safe loader + csv.reader)"
FLOOR_1 = "floor, 1 core"
CHECK_1 = "avgctl check, 1 core"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--geheugen", type=int, default=3, help="runs with memory sampling")
    parser.add_argument("--verwerkingen", type=int, default=2000)
    parser.add_argument("--verzoeken", type=int, default=100_000)
    parser.add_argument("--datalekken", type=int, default=1000)
    parser.add_argument("--map", type=Path, default=HERE / "out" / "organisatie")
    args = parser.parse_args()

    # Byte-compiled, as pip compiles a package it installs: an editable checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module of avgctl at every start,
    # which no installed avgctl does (the floor imports only compiled modules).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "avgctl")],
                   check=True)
    root: Path = args.map
    if root.exists():
        shutil.rmtree(root)
    generate(root, args.verwerkingen)
    verzoeken(root, args.verzoeken)
    datalekken(root, args.datalekken)
    # The writing command gets a copy: a new request changes the register, and every other
    # command should see the same files in every run.
    kopie = root.with_name(root.name + "-schrijven")
    if kopie.exists():
        shutil.rmtree(kopie)
    shutil.copytree(root, kopie)
    python = sys.executable
    avgctl = [python, "-m", "avgctl"]
    vandaag = ["--vandaag", "2026-06-01"]
    repo = ["--repo", str(root)]
    lek = sorted((root / "registers" / "datalekken").glob("*.yaml"))[0].stem
    commands: dict[str, list[str]] = {
        FLOOR: [python, str(HERE / "floor.py"), str(root)],
        "avgctl check": [*avgctl, "check", *repo, *vandaag, "--quiet"],
        "avgctl status": [*avgctl, "status", *repo],
        "avgctl status zonder cache": [*avgctl, "status", *repo],
        "avgctl verzoek list": [*avgctl, "verzoek", "list", *repo, *vandaag],
        "avgctl datalek list": [*avgctl, "datalek", "list", *repo, *vandaag],
        "avgctl verwerkingen list": [*avgctl, "verwerkingen", "list", *repo],
        "avgctl verwerkingen show": [*avgctl, "verwerkingen", "show", "40.1.1", *repo],
        "avgctl verzoek show": [*avgctl, "verzoek", "show", "AVG-2025-00001", *repo, *vandaag],
        "avgctl datalek show": [*avgctl, "datalek", "show", lek, *repo, *vandaag],
        "avgctl deadlines": [*avgctl, "deadlines", *repo, *vandaag],
        "avgctl verwerkingen export html": [*avgctl, "verwerkingen", "export", "-f", "html",
                                            *repo, *vandaag],
        "avgctl verzoek add": [*avgctl, "verzoek", "add", "--type", "inzage",
                               "--betrokkene-ref", "K-1", "--kanaal", "email", "--repo",
                               str(kopie), *vandaag],
        "avgctl --help": [*avgctl, "--help"],
        "python -c pass (start-up)": [python, "-c", "pass"],
    }
    pinned = {FLOOR_1: commands[FLOOR], CHECK_1: commands["avgctl check"]}
    geheugen = [FLOOR, "avgctl check", "avgctl status", "avgctl status zonder cache",
                "avgctl verzoek list",
                "avgctl datalek list", "avgctl verwerkingen list"]

    def run(name: str, argv: list[str], taskset: str | None = None,
            sample: bool = False) -> Meting:
        if name == "avgctl status zonder cache":
            shutil.rmtree(root / ".avgctl-cache", ignore_errors=True)
        meting, stderr = meet(argv, taskset=taskset, sample=sample)
        if meting.returncode not in (0, 1):  # 1: the organisation has a few findings
            raise SystemExit(f"{' '.join(argv)} gaf exitcode {meting.returncode}:\n"
                             f"{stderr.decode(errors='replace')}")
        return meting  # a status that ran the rules left their outcome for the next one

    belasting = os.getloadavg()
    for name, argv in commands.items():  # warm the file cache and imports once
        run(name, argv)
    times: dict[str, list[Meting]] = {name: [] for name in [*commands, *pinned]}
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(run(name, argv))
        for name, argv in pinned.items():
            times[name].append(run(name, argv, taskset="0"))
    memory: dict[str, list[Meting]] = {name: [] for name in geheugen}
    for _ in range(args.geheugen):
        for name in geheugen:
            memory[name].append(run(name, commands[name], sample=True))

    def median(values: list[Meting], attr: str) -> float:
        return statistics.median(getattr(m, attr) for m in values)

    floor_wall, floor_cpu = median(times[FLOOR], "wall"), median(times[FLOOR], "cpu")
    print(f"{args.verwerkingen} verwerkingen, {args.verzoeken} verzoeken, {args.datalekken} "
          f"datalekken; {args.runs} runs door elkaar, medianen (de machine wordt gedeeld: "
          "kijk naar de verhoudingen, die de vloer in dezelfde runs meenemen)")
    print(f"{'opdracht':34s} {'wand':>8s} {'min-max':>13s} {'x vloer':>7s} {'CPU':>7s} "
          f"{'x vloer':>7s}")
    for name in commands:
        wall, cpu = median(times[name], "wall"), median(times[name], "cpu")
        spread = f"{min(m.wall for m in times[name]):.2f}-{max(m.wall for m in times[name]):.2f}"
        print(f"{name[:34]:34s} {wall:7.3f}s {spread:>13s} {wall / floor_wall:6.2f}x "
              f"{cpu:6.3f}s {cpu / floor_cpu:6.2f}x")
    floor_1 = median(times[FLOOR_1], "wall")
    check_1 = median(times[CHECK_1], "wall")
    cpu_floor_1 = median(times[FLOOR_1], "cpu")
    cpu_check_1 = median(times[CHECK_1], "cpu")
    print(f"\nop 1 core (taskset -c 0): vloer {floor_1:.3f} s, check {check_1:.3f} s = "
          f"{check_1 / floor_1:.2f}x (doel: <= 1.5); rekentijd vloer {cpu_floor_1:.3f} s, "
          f"check {cpu_check_1:.3f} s = {cpu_check_1 / cpu_floor_1:.2f}x (op een drukke machine "
          "wacht een vastgezet proces op zijn kern: dan zegt de rekentijd meer)")
    print(f"\npiekgeheugen van de hele procesboom, mediaan van {args.geheugen} runs "
          "(PSS: gedeelde pagina's verdeeld; RSS: opgeteld; maxrss: grootste proces)")
    for name in geheugen:
        print(f"  {name[:34]:34s} PSS {median(memory[name], 'pss_mb'):6.0f} MB   RSS "
              f"{median(memory[name], 'rss_mb'):6.0f} MB   maxrss "
              f"{median(memory[name], 'maxrss_mb'):6.0f} MB")
    check = median(times["avgctl check"], "wall")
    print(f"\navgctl check / vloer = {check / floor_wall:.2f} (doel: <= 1.5); piek "
          f"{median(memory['avgctl check'], 'pss_mb'):.0f} MB PSS, "
          f"{median(memory['avgctl check'], 'rss_mb'):.0f} MB RSS (doel: < 300 MB)")
    for name in ("avgctl status", "avgctl verzoek list", "avgctl datalek list",
                 "avgctl verwerkingen list", "avgctl verwerkingen show", "avgctl verzoek show",
                 "avgctl datalek show", "avgctl verwerkingen export html"):
        print(f"{name} / vloer = {median(times[name], 'wall') / floor_wall:.2f} (doel: <= 0.5)")
    print(f"avgctl status zonder cache (de eerste keer na een wijziging) / vloer = "
          f"{median(times['avgctl status zonder cache'], 'wall') / floor_wall:.2f}")
    print(f"avgctl --help = {median(times['avgctl --help'], 'wall'):.3f} s (doel: < 0.2 s)")
    einde = os.getloadavg()
    print(f"belasting van de machine (load average over 1, 5 en 15 minuten): bij het begin "
          f"{belasting[0]:.1f} {belasting[1]:.1f} {belasting[2]:.1f}, aan het eind "
          f"{einde[0]:.1f} {einde[1]:.1f} {einde[2]:.1f}, op {os.cpu_count()} kernen")


if __name__ == "__main__":
    main()

"""Benchmark of the retention scan: a 5,000,000-row inventory, beside the floor, in one run.

The floor is a bare Python ``csv.reader`` pass over the same file (what a hand-written scan
could not beat without leaving Python); ``wc -l`` is the I/O limit. Each command runs as a fresh
process, interleaved, and the medians are compared as ratios. Peak memory is the largest
resident set of the command's process tree (the scan is one process: DuckDB reads with threads
inside it), read from ``wait4``. avgctl is byte-compiled first, as an installed package is.

    python bench/scan.py [--rijen 5000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
VANDAAG = "2026-11-20"

# (rule, share of the rows, days back over which its events are spread): each spread is a
# little longer than the period itself, so that about 2 % of the rows are due, as in a
# register that is cleaned every day.
REGELS = [
    ("dossier", 40, 3725), ("fiscaal", 20, 2610), ("personeelsdossier", 10, 745),
    ("camerabeelden", 10, 29), ("sollicitanten", 5, 29), ("repertorium", 5, 20000),
    ("bezoekers", 10, 186),
]

FLOOR = """
import csv, sys
n = 0
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        n += 1
print(n)
"""


def genereer(folder: Path, rijen: int) -> tuple[Path, Path]:
    import duckdb

    folder.mkdir(parents=True, exist_ok=True)
    csv_pad, parquet_pad = folder / "inventaris.csv", folder / "inventaris.parquet"
    if csv_pad.exists() and parquet_pad.exists() and csv_pad.stat().st_size > rijen * 20:
        return csv_pad, parquet_pad
    grenzen, totaal = [], 0
    for regel, aandeel, _ in REGELS:
        totaal += aandeel
        grenzen.append((regel, totaal))
    kies = " ".join(f"WHEN i % 100 < {grens} THEN '{regel}'" for regel, grens in grenzen)
    terug = " ".join(f"WHEN '{r}' THEN {d}" for r, _, d in REGELS)
    con = duckdb.connect()
    con.execute(f"""CREATE TABLE inv AS
        SELECT 'R' || lpad(CAST(i AS VARCHAR), 8, '0') AS id,
               CASE {kies} END AS bewaartermijn, i FROM range({rijen}) t(i)""")
    con.execute(f"""CREATE TABLE uit AS SELECT id, bewaartermijn,
        CAST(DATE '{VANDAAG}' - CAST(hash(i) % (CASE bewaartermijn {terug} END) AS INTEGER)
             AS DATE) AS gebeurtenis_op,
        CASE WHEN i % 97 = 0 THEN 'klacht in behandeling' END AS blokkade FROM inv""")
    con.execute(f"COPY uit TO '{csv_pad}' (HEADER, DELIMITER ',')")
    con.execute(f"COPY uit TO '{parquet_pad}' (FORMAT parquet)")
    con.close()
    return csv_pad, parquet_pad


def meet(argv: list[str], taskset: bool = False) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MB of one run."""
    if taskset:
        argv = ["taskset", "-c", "0", *argv]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} gaf exitcode {code}:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rijen", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--map", type=Path, default=HERE / "out" / "scan")
    parser.add_argument("--alleen-genereren", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.alleen_genereren:
        genereer(args.map, args.rijen)
        return
    # In a child process: a child forked from a parent that once held DuckDB's tables would
    # report that memory as its own peak.
    subprocess.run([sys.executable, __file__, "--alleen-genereren", "--rijen", str(args.rijen),
                    "--map", str(args.map)], check=True)
    # Byte-compiled, as pip compiles a package it installs: an editable checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module of avgctl at every start,
    # which no installed avgctl does (and the floor, the standard library, never does).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PROJECT / "avgctl")],
                   check=True)
    csv_pad, parquet_pad = args.map / "inventaris.csv", args.map / "inventaris.parquet"
    lijst = args.map / "vernietigingslijst.csv"
    avgctl = [sys.executable, "-m", "avgctl", "bewaartermijnen", "scan", "--repo", str(PROJECT),
              "--vandaag", VANDAAG, "--format", "csv", "--uit", str(lijst)]
    commands = {
        "floor: csv.reader": ([sys.executable, "-c", FLOOR, str(csv_pad)], False),
        "wc -l": (["wc", "-l", str(csv_pad)], False),
        "scan csv": ([*avgctl, str(csv_pad)], False),
        "scan parquet": ([*avgctl, str(parquet_pad)], False),
        "scan csv, 1 kern": ([*avgctl, str(csv_pad)], True),
        "floor: csv.reader, 1 kern": ([sys.executable, "-c", FLOOR, str(csv_pad)], True),
    }
    metingen: dict[str, list[tuple[float, float, int]]] = {naam: [] for naam in commands}
    belasting = [os.getloadavg()[0]]
    for _ in range(args.runs):
        for naam, (argv, pin) in commands.items():
            metingen[naam].append(meet(argv, pin))
    belasting.append(os.getloadavg()[0])
    due = sum(1 for _ in lijst.open(encoding="utf-8")) - 1
    mb = csv_pad.stat().st_size / 1e6
    print(f"{args.rijen:,} rijen, {mb:.0f} MB CSV, {parquet_pad.stat().st_size / 1e6:.0f} MB "
          f"Parquet; {due:,} vervallen; mediaan van {args.runs} runs, afwisselend")
    # With other work on the machine the scan's threads wait for a core: the wall times then
    # say little, and the CPU times (user + system) say more.
    print(f"belasting van de machine (loadavg, 1 min): {belasting[0]:.1f} bij het begin, "
          f"{belasting[1]:.1f} aan het eind, op {os.cpu_count()} kernen")
    floor = statistics.median(m[0] for m in metingen["floor: csv.reader"])
    floor1 = statistics.median(m[0] for m in metingen["floor: csv.reader, 1 kern"])
    wc = statistics.median(m[0] for m in metingen["wc -l"])
    print(f"{'':28} {'wand':>8} {'cpu':>8} {'piek MB':>8} {'/floor':>8} {'/wc -l':>8}")
    for naam, rijen in metingen.items():
        wall = statistics.median(r[0] for r in rijen)
        cpu = statistics.median(r[1] for r in rijen)
        piek = max(r[2] for r in rijen)
        basis = floor1 if "1 kern" in naam else floor
        print(f"{naam:28} {wall:8.2f} {cpu:8.2f} {piek:8d} {wall / basis:8.2f}x "
              f"{wall / wc:8.1f}x")


if __name__ == "__main__":
    main()

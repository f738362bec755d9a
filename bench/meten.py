"""Measuring one run of a command: wall time, CPU time and peak memory of its process tree.

- wall: from start to exit, as a user waits for it;
- CPU: user + system time of the process and every child it waited for (``os.wait4``), so
  work done in worker processes counts too;
- memory: the tree is sampled through /proc while it runs (every process below the command,
  found through ``/proc/PID/task/TID/children``). Per sample the sum of RSS over the tree and
  the sum of PSS (shared pages divided among the processes sharing them: what the tree really
  occupies, fork copy-on-write included) are taken; the peak of each sum is reported. The
  largest ``ru_maxrss`` of one process (from wait4) is a lower bound that needs no sampling.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.02  # seconds between samples; reading smaps costs the machine time too


@dataclass
class Meting:
    wall: float
    cpu: float
    rss_mb: float  # peak of the summed RSS of the tree (sampled)
    pss_mb: float  # peak of the summed PSS of the tree (sampled)
    maxrss_mb: float  # largest ru_maxrss of one process in the tree (exact lower bound)
    returncode: int


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            text = Path(f"/proc/{pid}/task/{tid}/children").read_text()
        except OSError:
            continue
        found += [int(part) for part in text.split()]
    return found


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo += _children(current)
    return pids


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in kB of one process; zeros when it has gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def meet(argv: list[str], taskset: str | None = None, sample: bool = True,
         cwd: Path | None = None) -> tuple[Meting, bytes]:
    """Run ``argv`` (pinned to CPUs ``taskset`` when given) and measure it."""
    if taskset is not None:
        argv = ["taskset", "-c", taskset, *argv]
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               cwd=cwd)
    peak = [0, 0]
    stop = threading.Event()

    def sampler() -> None:
        while not stop.is_set():
            rss = pss = 0
            for pid in _tree(process.pid):
                r, p = _memory(pid)
                rss, pss = rss + r, pss + p
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            stop.wait(INTERVAL)

    thread = threading.Thread(target=sampler, daemon=True)
    if sample:
        thread.start()
    assert process.stderr is not None
    stderr = process.stderr.read()  # the commands write little to stderr
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stop.set()
    if sample:
        thread.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    # With taskset in front, the command is taskset's child, and its CPU time is included in
    # what wait4 reports for taskset (it waits for it); taskset itself execs, so no extra.
    return Meting(wall, usage.ru_utime + usage.ru_stime, peak[0] / 1024, peak[1] / 1024,
                  usage.ru_maxrss / 1024, process.returncode), stderr

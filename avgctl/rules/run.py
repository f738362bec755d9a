"""Run the selected rules over a loaded register and collect every finding."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from avgctl.findings import Finding
from avgctl.rules import REGISTRY
from avgctl.rules.base import LoadRule
from avgctl.store.register import Context, Register

# The rules that read every line of text or every request; on a large register they run in a
# second process, which inherits the loaded register through fork instead of receiving it.
ZWAAR = frozenset({"AVG601", "AVG602", "AVG603", "AVG604", "AVG707", "AVG708"})
PARALLEL_FROM = 20_000  # records (requests and activities)

_shared: tuple[Register, Context] | None = None


def run_checks(
    register: Register, context: Context, codes: set[str] | None = None
) -> list[Finding]:
    wanted = set(REGISTRY) if codes is None else codes
    findings = [f for f in register.load_findings if f.code in wanted]
    codes_to_run = sorted(c for c in wanted if not issubclass(REGISTRY[c], LoadRule))
    size = len(register.verzoeken) + len(register.verwerkingen)
    heavy = [c for c in codes_to_run if c in ZWAAR]
    if size >= PARALLEL_FROM and heavy and (os.cpu_count() or 1) >= 2:
        findings += _parallel(register, context, codes_to_run, heavy)
    else:
        findings += _run(register, context, codes_to_run)
    return sorted(findings, key=Finding.sort_key)


def _run(register: Register, context: Context, codes: list[str]) -> list[Finding]:
    findings = []
    for code in codes:
        rule = REGISTRY[code]
        for pending in rule(register, context).check():
            findings.append(register.resolve(pending, rule.severity, rule.title))
    return findings


def _run_shared(codes: list[str]) -> list[Finding]:
    assert _shared is not None
    return _run(*_shared, codes)


def _parallel(register: Register, context: Context, codes: list[str],
              heavy: list[str]) -> list[Finding]:
    global _shared
    _shared = (register, context)
    try:
        with ProcessPoolExecutor(max_workers=1,
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            future = pool.submit(_run_shared, heavy)
            light = _run(register, context, [c for c in codes if c not in heavy])
            return light + future.result()
    finally:
        _shared = None

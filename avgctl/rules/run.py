"""Run the selected rules over a loaded register and collect every finding."""

from __future__ import annotations

from avgctl.findings import Finding
from avgctl.rules import REGISTRY
from avgctl.rules.base import LoadRule
from avgctl.store.register import Context, Register


def run_checks(
    register: Register, context: Context, codes: set[str] | None = None
) -> list[Finding]:
    wanted = set(REGISTRY) if codes is None else codes
    findings = [f for f in register.load_findings if f.code in wanted]
    for code in sorted(wanted):
        rule = REGISTRY[code]
        if issubclass(rule, LoadRule):
            continue
        for pending in rule(register, context).check():
            findings.append(register.resolve(pending, rule.severity, rule.title))
    return sorted(findings, key=Finding.sort_key)

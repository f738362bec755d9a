"""The report of ``avgctl check`` in each format: text, json, github and sarif."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from avgctl import __version__
from avgctl.findings import Finding, Severity

FORMATS = ("text", "json", "github", "sarif")


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    bestanden: int
    verwerkingen: int
    # check --sinds: the revision, and how many files changed since (only their findings count)
    sinds: tuple[str, int] | None = None


def write(report: Report, fmt: str, quiet: bool = False) -> None:
    {"text": _text, "json": _json, "github": _github, "sarif": _sarif}[fmt](report, quiet)


def _counts(findings: list[Finding]) -> Counter[Severity]:
    return Counter(f.severity for f in findings)


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary(report: Report) -> str:
    counts = _counts(report.findings)
    checked = (f"{_plural(report.bestanden, 'bestand', 'bestanden')}, "
               f"{_plural(report.verwerkingen, 'verwerking', 'verwerkingen')} gecontroleerd")
    if report.sinds is not None:
        revisie, gewijzigd = report.sinds
        checked += (f"; alleen wat sinds {revisie} veranderde, in "
                    f"{_plural(gewijzigd, 'bestand', 'bestanden')}")
    if not report.findings:
        return f"Geen bevindingen ({checked})."
    files = len({f.location.file for f in report.findings})
    parts = [_plural(counts[Severity.FOUT], "fout", "fouten"),
             _plural(counts[Severity.WAARSCHUWING], "waarschuwing", "waarschuwingen"),
             f"{counts[Severity.INFO]} info"]
    return (f"{', '.join(parts)} in {_plural(files, 'bestand', 'bestanden')} ({checked}).")


_STYLE = {Severity.FOUT: "bold red", Severity.WAARSCHUWING: "yellow", Severity.INFO: "cyan"}


def _text(report: Report, quiet: bool) -> None:
    # Colours only for a person at a terminal; in a pipe or CI log plain lines, written at
    # once (thousands of findings would otherwise each pass through rich's markup parser).
    from avgctl.output.console import geen_kleur

    colour = sys.stdout.isatty() and not geen_kleur()
    from rich.markup import escape

    lines: list[str] = []
    for _file, group in groupby(report.findings, key=lambda f: f.location.file):
        for finding in group:
            style = _STYLE[finding.severity]
            lines.append(f"[bold]{escape(str(finding.location))}[/]: [{style}]"
                         f"{finding.severity.label}[/] [dim]{finding.code}[/] "
                         f"{escape(finding.message)}" if colour else
                         f"{finding.location}: {finding.severity.label} {finding.code} "
                         f"{finding.message}")
            if finding.hint and not quiet:
                lines.append(f"    [dim]→ {escape(finding.hint)}[/]" if colour
                             else f"    → {finding.hint}")
        lines.append("")
    if report.findings or not quiet:
        style = "bold red" if any(f.severity is Severity.FOUT for f in report.findings) else (
            "yellow" if report.findings else "green")
        lines.append(f"[{style}]{escape(summary(report))}[/]" if colour else summary(report))
    if colour:
        from avgctl.output.console import stdout

        stdout().print("\n".join(lines))
    else:
        sys.stdout.write("".join(line + "\n" for line in lines))


def as_dict(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "ernst": finding.severity.label,
        "titel": finding.title,
        "bericht": finding.message,
        "hint": finding.hint,
        "bestand": finding.location.file,
        "regel": finding.location.line,
        "kolom": finding.location.column,
    }


def _json(report: Report, quiet: bool) -> None:
    counts = _counts(report.findings)
    samenvatting: dict[str, object] = {
        "fouten": counts[Severity.FOUT],
        "waarschuwingen": counts[Severity.WAARSCHUWING],
        "info": counts[Severity.INFO],
        "bestanden": report.bestanden,
        "verwerkingen": report.verwerkingen,
    }
    if report.sinds is not None:
        samenvatting["sinds"], samenvatting["gewijzigde_bestanden"] = report.sinds
    document = {"bevindingen": [as_dict(f) for f in report.findings],
                "samenvatting": samenvatting}
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


_GITHUB_LEVEL = {Severity.FOUT: "error", Severity.WAARSCHUWING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(report: Report, quiet: bool) -> None:
    """Workflow commands: GitHub shows each finding as an annotation on the changed file."""
    for f in report.findings:
        loc = f.location
        message = f.message + (f" ({f.hint})" if f.hint and not quiet else "")
        sys.stdout.write(
            f"::{_GITHUB_LEVEL[f.severity]} file={_escape_property(loc.file)},line={loc.line},"
            f"col={loc.column},title={_escape_property(f.code + ' ' + f.title)}::"
            f"{_escape_data(message)}\n")
    if report.findings or not quiet:  # as in text: a clean quiet run says nothing
        sys.stdout.write(summary(report) + "\n")


_SARIF_LEVEL = {Severity.FOUT: "error", Severity.WAARSCHUWING: "warning", Severity.INFO: "note"}


def _sarif(report: Report, quiet: bool) -> None:
    from avgctl.rules import REGISTRY

    rules = []
    for code, rule in REGISTRY.items():
        uitleg = rule.uitleg()
        rules.append({
            "id": code,
            "name": rule.__name__,
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": uitleg.wat},
            "help": {"text": f"{uitleg.waarom}\n\n{uitleg.oplossing}"},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            "properties": {"artikel": rule.artikel},
        })
    results = [{
        "ruleId": f.code,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f.message + (f" ({f.hint})" if f.hint else "")},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": f.location.file, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": f.location.line, "startColumn": f.location.column},
        }}],
    } for f in report.findings]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "avgctl", "version": __version__, "rules": rules}},
            "results": results,
        }],
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")

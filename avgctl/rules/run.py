"""Run the selected rules over a loaded register and collect every finding."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

from avgctl.findings import Finding, Location, Severity
from avgctl.models.datalek import Datalek
from avgctl.models.verzoek import Verzoek
from avgctl.rules import REGISTRY
from avgctl.rules.base import LoadRule
from avgctl.store.csvfile import CsvDocument
from avgctl.store.register import CONFIG_FILE, Bron, Context, Document, Register
from avgctl.store.yamlfile import YamlDocument


def run_checks(
    register: Register, context: Context, codes: set[str] | None = None
) -> list[Finding]:
    """Every finding of the rules ``codes`` (default: all), sorted.

    The rules run one after another in this process. Running the heavy ones in a forked child
    gained some wall time but cost memory: reading the register in the child touches the
    reference counts of every object, so the child ends up with its own copy of most pages
    (DESIGN.md §5 puts the whole process tree under 300 MB).
    """
    wanted = set(REGISTRY) if codes is None else codes
    findings = [f for f in register.load_findings if f.code in wanted]
    codes_to_run = sorted(c for c in wanted if not issubclass(REGISTRY[c], LoadRule))
    findings += _run(register, context, codes_to_run)
    return sorted(findings, key=Finding.sort_key)


# The rules whose outcome depends on the moment of the check and not only on its day: the 72
# hours of art. 33 lid 1 AVG (AVG802) and a discovery in the future (AVG809). Every other rule
# reads only ``context.vandaag`` (tests/test_klok.py holds every rule to that). Each of these
# is monotone in the moment: a finding, once the clock brings it, stays (AVG802), or once the
# clock takes it away, stays away (AVG809). So a breach for which they say the same at the
# first and the last moment of a day gets that same outcome at every moment of that day.
KLOK = frozenset({"AVG802", "AVG809"})


def dag_grenzen(dag: dt.date, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The first and the last moment (to the microsecond) of ``dag`` in ``zone``."""
    begin = dt.datetime.combine(dag, dt.time(0), zone)
    volgende = dt.datetime.combine(dag + dt.timedelta(days=1), dt.time(0), zone)
    return begin, (volgende.astimezone(dt.UTC) - dt.timedelta(microseconds=1)).astimezone(zone)


def klokbestanden(register: Register, context: Context, codes: set[str],
                  begin: dt.datetime, eind: dt.datetime) -> list[str]:
    """The files in which a rule of ``KLOK`` finds something else at ``begin`` than at
    ``eind``: only there can a moment in between change the outcome. The rest of a check
    of that day holds at every moment of it (``avgctl status`` keeps it, avgctl.store.cache)."""
    regels = sorted(KLOK & codes)
    if not regels:
        return []

    def uitkomst(moment: dt.datetime) -> Counter[tuple[str, str, str]]:
        op = dataclasses.replace(context, nu=moment)
        counts: Counter[tuple[str, str, str]] = Counter()
        for code in regels:
            rule = REGISTRY[code]
            for pending in rule(register, op).check():
                counts[(pending.file, code, (pending.severity or rule.severity).name)] += 1
        return counts

    vroeg, laat = uitkomst(begin), uitkomst(eind)
    return sorted({key[0] for key in (vroeg | laat) if vroeg[key] != laat[key]})


def klokbevindingen(register: Register, context: Context, codes: set[str],
                    bestanden: list[str]) -> list[Finding]:
    """What the rules of ``KLOK`` find now in the breaches of ``bestanden`` alone."""
    alleen = set(bestanden)
    deel = dataclasses.replace(register, datalekken=[
        b for b in register.datalekken if b.file in alleen])
    return _run(deel, context, sorted(KLOK & codes))


def _run(register: Register, context: Context, codes: list[str]) -> list[Finding]:
    findings = []
    for code in codes:
        rule = REGISTRY[code]
        for pending in rule(register, context).check():
            findings.append(register.resolve(pending, rule.severity, rule.title))
    return findings


def fouten_in_record(register: Register, context: Context, bron: Bron[Any],
                     oud: Bron[Any] | None = None) -> list[Finding]:
    """The errors ``check`` would report on one request or breach as a command is about to
    write it: same code, same message, same hint.

    The rules marked ``bij_schrijven`` run over the register with ``bron`` as the only record
    of its kind (and none of the other kind), and the scans for identifiers read only its
    text, so the cost does not grow with the register. An error the record already had before
    the change (``oud``, with the same code and message) does not count: it is not the change
    that brings it, and refusing would block a change that repairs something else (or records
    a notification that must be made now). The place is the file only: for a record that is
    not written yet there is no line.
    """
    # Counted: a second BSN with the same masked message as one already there is new.
    gezien = Counter((f.code, f.message) for f in (
        _fouten(register, context, oud) if oud is not None else []))
    nieuw = []
    for f in _fouten(register, context, bron):
        if gezien[(f.code, f.message)] > 0:
            gezien[(f.code, f.message)] -= 1
        else:
            nieuw.append(f)
    return nieuw


def _fouten(register: Register, context: Context, bron: Bron[Any]) -> list[Finding]:
    documents = {rel: doc for rel, doc in register.documents.items() if rel == CONFIG_FILE}
    documents[bron.file] = _alleen_dit(bron)
    alleen = dataclasses.replace(
        register,
        verzoeken=[bron] if isinstance(bron.model, Verzoek) else [],
        datalekken=[bron] if isinstance(bron.model, Datalek) else [],
        documents=documents)
    found = []
    for rule in REGISTRY.values():
        if not rule.bij_schrijven:
            continue
        for pending in rule(alleen, context).check():
            severity = pending.severity or rule.severity
            # The record is the only one of its kind here and the only text of its file.
            if severity is Severity.FOUT and pending.file == bron.file:
                found.append(Finding(pending.code, severity, pending.message,
                                     Location(pending.file), pending.hint, rule.title))
    return found


def _alleen_dit(bron: Bron[Any]) -> Document:
    """The text the scans for identifiers (AVG601-AVG604) read, for this record alone: in the
    request register only its free-text cells, as in ``check``; in a YAML file every text in
    the record."""
    from avgctl.models.verzoek import GESTRUCTUREERD

    model = bron.model
    if bron.file.endswith(".csv"):
        import csv
        import io

        header = [naam for naam in type(model).model_fields if naam not in GESTRUCTUREERD]
        row = [c if isinstance(c := getattr(model, naam), str) else "" for naam in header]
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows([header, row])
        return CsvDocument(rel=bron.file, text=text.getvalue(), sha256="", header=header)
    return YamlDocument(rel=bron.file, text="\n".join(_teksten(model.model_dump())), data={})


def _teksten(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _teksten(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _teksten(item)

"""Which places in the registers changed since an earlier snapshot: the scope of ``check --sinds``.

What counts as changed (the README says the same to the user):

- a file that holds one record (an activity, a breach, a request file, avgctl.yaml), or any
  other file: changed when one character of it differs, also in a comment, or when it is new;
  every finding in it counts;
- partijen.yaml, bewaartermijnen.yaml and verzoeken.csv hold many records: a record counts as
  changed when its own lines differ (a party or retention rule from its key to the next one,
  without the comment and blank lines that close it; a request: its row), or when it is new.
  Only the findings on those lines count, plus the findings outside any record (such as the
  CSV header or the file as a whole) when the file changed at all;
- a file whose text is unknown at either side (it could not be read) counts as changed.

A finding in a record that did not change is left out, also when a change elsewhere causes it
(a reference to a party that was removed): the full ``check`` still reports it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from avgctl.findings import Finding
from avgctl.store.csvfile import CsvDocument
from avgctl.store.register import (
    BEWAARTERMIJNEN_FILE,
    PARTIJEN_FILE,
    VERZOEKEN_FILE,
    Document,
    Register,
)
from avgctl.store.yamlfile import LoadError, YamlDocument

# The files of many records, and how a record in them is known.
MEER_RECORDS = (PARTIJEN_FILE, BEWAARTERMIJNEN_FILE, VERZOEKEN_FILE)


@dataclass(frozen=True)
class Record:
    """One record in a file of many: its key and its first and last line (1-based)."""

    sleutel: str
    van: int
    tot: int


@dataclass
class Gewijzigd:
    """The changed places: whole files, and per file of many records the changed records."""

    bestanden: set[str] = field(default_factory=set)  # changed as a whole
    # A file of many records that changed: every record in it, and the keys of the changed ones.
    records: dict[str, list[Record]] = field(default_factory=dict)
    sleutels: dict[str, set[str]] = field(default_factory=dict)
    bekend: set[str] = field(default_factory=set)  # every file read on the new side

    def bevat(self, finding: Finding) -> bool:
        """Whether ``finding`` lies in a changed place."""
        rel, line = finding.location.file, finding.location.line
        if rel in self.bestanden or rel not in self.bekend:
            return True  # a file avgctl did not read as a register (a leftover) always counts
        records = self.records.get(rel)
        if records is None:
            return False  # an unchanged file
        starts = [r.van for r in records]
        index = bisect.bisect_right(starts, line) - 1
        if index < 0 or line > records[index].tot:
            return True  # outside any record: the file as a whole, which changed
        return records[index].sleutel in self.sleutels[rel]

    @property
    def aantal_bestanden(self) -> int:
        return len(self.bestanden) + len(self.records)


def gewijzigd(oud: Register, nieuw: Register) -> Gewijzigd:
    """The places of ``nieuw`` that differ from ``oud`` (see the module's docstring)."""
    result = Gewijzigd(bekend=set(nieuw.files))
    for rel in dict.fromkeys(nieuw.files):
        new, old = nieuw.documents.get(rel), oud.documents.get(rel)
        if new is None or old is None:
            result.bestanden.add(rel)
            continue
        if new.text == old.text:
            continue
        if rel in MEER_RECORDS:
            new_records, old_records = _records(new), _records(old)
            if new_records is not None and old_records is not None:
                old_text = {r.sleutel: _tekst(old, r) for r in old_records}
                result.records[rel] = new_records
                result.sleutels[rel] = {r.sleutel for r in new_records
                                        if old_text.get(r.sleutel) != _tekst(new, r)}
                continue
        result.bestanden.add(rel)
    return result


def _regels(doc: Document) -> list[str]:
    return doc.text.splitlines()


def _tekst(doc: Document, record: Record) -> str:
    return "\n".join(_regels(doc)[record.van - 1:record.tot]).rstrip()


def _records(doc: Document) -> list[Record] | None:
    """The records of a file of many, in the order of the file; None: not of the known shape."""
    try:
        starts = list(_starts(doc))
    except (LoadError, ValueError):  # a CSV that breaks halfway, a file of another shape
        return None
    lines = _regels(doc)
    records = []
    seen: dict[str, int] = {}
    for index, (sleutel, van) in enumerate(starts):
        tot = starts[index + 1][1] - 1 if index + 1 < len(starts) else len(lines)
        if isinstance(doc, YamlDocument):
            # The comment and blank lines that close a record introduce the next one.
            while tot > van and (not lines[tot - 1].strip()
                                 or lines[tot - 1].lstrip().startswith("#")):
                tot -= 1
        n = seen.get(sleutel, 0)
        seen[sleutel] = n + 1
        records.append(Record(sleutel if n == 0 else f"{sleutel}#{n + 1}", van, tot))
    return records


def _starts(doc: Document) -> Iterator[tuple[str, int]]:
    if isinstance(doc, CsvDocument):
        column = doc.column("referentie")
        for index, (row, line) in enumerate(zip(doc.rows, doc.lines, strict=True)):
            key = row[column].strip() if column is not None and column < len(row) else ""
            yield key or f"rij {index + 1}", line
        return
    data: Any = doc.data
    if isinstance(data, list):
        for index, item in enumerate(data):
            ident = item.get("id") if isinstance(item, dict) else None
            yield (str(ident) if ident is not None else f"item {index + 1}",
                   doc.locate((index,))[0])
    elif isinstance(data, dict):
        for key in data:
            yield str(key), doc.locate((key,), key=True)[0]
    else:
        raise ValueError("geen lijst of tabel")

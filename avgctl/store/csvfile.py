"""Reading CSV registers (verzoeken.csv) with the line of every row.

Organisations open these files in Excel, so both ',' and ';' (the Dutch Excel default) are
accepted, and a UTF-8 byte-order mark (Excel's "CSV UTF-8") is allowed and kept on writing.
Columns avgctl does not know are kept as they are: they belong to the organisation.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any

from avgctl.findings import Path as DataPath
from avgctl.store.yamlfile import LoadError, read_text

BOM = "\ufeff"
# Where the csv module (reading from io.StringIO with newline="") ends a line: \r\n, \n or
# \r, and nothing else. str.splitlines() would also break at characters such as U+2028
# inside a cell, and the line numbers of reading and writing would no longer agree.
_LINE_END = re.compile(r"(?<=\r\n)|(?<=\n)|(?<=\r)(?!\n)")


# Where str.splitlines also ends a line, but the csv reader does not.
_ANDERE_EINDEN = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# One line with its ending, as _LINE_END splits.
_REGEL = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+")


def regels(text: str, start: int = 0) -> Iterator[str]:
    """The lines of ``text`` from ``start`` on, with their endings, one at a time: split as
    the csv reader splits, without copying the text first (io.StringIO would hold 64 MB for
    a register of 16 MB while the csv reader reads it)."""
    if not any(teken in text for teken in _ANDERE_EINDEN):
        # Then str.splitlines ends a line exactly where the csv reader does, and is the
        # quickest split by far (a register of 100,000 rows: 30 ms less than the expression).
        return iter((text[start:] if start else text).splitlines(keepends=True))
    return map(re.Match.group, _REGEL.finditer(text, start))


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split exactly where the csv reader counts a line."""
    return list(regels(text))
# A request register grows by a row per request: 100,000 rows is about 15 MB. The limit only
# guards against a wrong or hostile file.
MAX_CSV_BYTES = 512 * 1024 * 1024


@dataclass
class CsvDocument:
    """A CSV register: its text, header and (read from the text when first needed) its rows.

    A request register of 100,000 rows is some 15 MB of text but several times that as lists
    of cells, so the loader reads the rows in blocks (``blokken``) and keeps none of them;
    ``rows`` parses them all, for the few uses that need every cell (DESIGN.md §5).
    """

    rel: str
    text: str  # without a BOM
    sha256: str  # of the bytes on disk, to notice a change before writing
    header: list[str]
    delimiter: str = ","
    bom: bool = False
    # Each distinct free-text cell (columns outside GESTRUCTUREERD), when the loader read
    # every row; the scans for identifiers look at these instead of every row.
    vrije_tekst: dict[str, None] | None = field(default=None, repr=False)
    _rows: list[list[str]] | None = field(default=None, repr=False)
    _lines: Sequence[int] | None = field(default=None, repr=False)
    _line_starts: array[int] | None = field(default=None, repr=False)
    # The cells of a few columns by name (see ``kolommen``), kept by a complete read.
    _kolommen: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def rows(self) -> list[list[str]]:
        """Every data row (blank lines left out); LoadError when the CSV is broken."""
        if self._rows is None:
            rows: list[list[str]] = []
            for block, _ in self.blokken():
                rows += block
            self._rows = rows
        return self._rows

    @property
    def lines(self) -> Sequence[int]:
        """The line each row starts on (1-based)."""
        if self._lines is None:
            for _ in self.blokken():
                pass
        assert self._lines is not None
        return self._lines

    def blokken(self, size: int = 5000) -> Iterator[tuple[list[list[str]], int]]:
        """The data rows in blocks of ``size``, each with the index of its first row.

        Reading also settles ``lines``. A broken file raises LoadError (at the line where
        the reader noticed it) while it is being read.
        """
        reader = csv.reader(regels(self.text), delimiter=self.delimiter, strict=True)
        start = 0
        with _csv_fout(reader):
            next(reader, None)
            previous = reader.line_num
            # Almost always each row is one line and none is blank: then row i is on line
            # i + 2, and a block is read in C without looking at the rows one by one.
            while True:
                block = list(islice(reader, size))
                if not block:
                    self._lines = range(2, start + 2)
                    return
                if (reader.line_num != previous + len(block) or [] in block
                        or "" in map(itemgetter(0), block)):
                    break
                yield block, start
                start += len(block)
                previous = reader.line_num
        # This block has a blank line or a cell over several lines: it is read again from
        # its first line, row by row, noting the line each row starts on.
        yield from self._regel_voor_regel(previous, start, size)

    def _regel_voor_regel(self, voor: int, start: int, size: int
                          ) -> Iterator[tuple[list[list[str]], int]]:
        """The rest of ``blokken``: the rows from line ``voor + 1`` on, the first of them
        row ``start``, each with the line it starts on."""
        starts = self._starts()
        offset = starts[voor] if voor < len(starts) else len(self.text)
        reader = csv.reader(regels(self.text, offset), delimiter=self.delimiter,
                            strict=True)
        lines = list(range(2, start + 2))
        block: list[list[str]] = []
        previous = voor
        with _csv_fout(reader, voor):
            for row in reader:
                if row and (row[0] or any(cell.strip() for cell in row)):
                    lines.append(previous + 1)
                    block.append(row)
                    if len(block) == size:
                        yield block, start
                        start += size
                        block = []
                previous = voor + reader.line_num
        if block:
            yield block, start
        self._lines = lines

    def kolommen(self, names: Sequence[str]) -> list[list[str] | None]:
        """The cells of the columns ``names``, one per data row ("" past a short row); None for
        a column the header does not have.

        Retention needs five cells of each of 100,000 rows, where ``rows`` would keep every
        cell (over 100 MB, DESIGN.md §5): the loader keeps these columns while it reads the
        rows anyway (``Kolommen``); otherwise the text is read once more for them.
        """
        wanted = [name for name in dict.fromkeys(names)
                  if name in self.header and name not in self._kolommen]
        if wanted:
            kolommen = Kolommen(self, wanted)
            for block, _ in ([(self._rows, 0)] if self._rows is not None else self.blokken()):
                kolommen.add(block)
            kolommen.klaar()
        return [self._kolommen.get(name) if name in self.header else None for name in names]

    def column(self, name: str) -> int | None:
        return self.header.index(name) if name in self.header else None

    def locate(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        """(line, column) of ``(row, field)``: the column is where the cell starts."""
        lines = self.lines
        if not path or not isinstance(path[0], int) or not 0 <= path[0] < len(lines):
            return 1, 1
        line = lines[path[0]]
        index = self.column(str(path[1])) if len(path) > 1 else None
        if index is None:
            return line, 1
        return line, _cell_start(self._line(line), index, self.delimiter)

    def _starts(self) -> array[int]:
        """Where each line starts (``starts[n]``: line n + 1), as ``split_lines`` splits.

        Only where each line starts is kept: 100,000 lines as separate strings would cost
        some 20 MB to locate a handful of findings (DESIGN.md §5)."""
        if self._line_starts is None:
            ends = (re.finditer("\n", self.text) if "\r" not in self.text
                    else _LINE_END.finditer(self.text))
            starts = array("q", [0])
            starts.extend(match.end() for match in ends)
            self._line_starts = starts
        return self._line_starts

    def _line(self, number: int) -> str:
        """Line ``number`` (1-based) with its ending, as ``split_lines`` would give it."""
        starts = self._starts()
        if not 0 < number < len(starts) + (starts[-1] < len(self.text)):
            return ""
        end = starts[number] if number < len(starts) else len(self.text)
        return self.text[starts[number - 1]:end]


@contextlib.contextmanager
def _csv_fout(reader: Any, voor: int = 0) -> Iterator[None]:
    """A broken CSV as a LoadError at the line the reader noticed it (``voor`` lines were
    read before the reader's text began)."""
    try:
        yield
    except csv.Error as exc:
        raise LoadError(f"ongeldige CSV: een aanhalingsteken is niet goed gesloten ({exc})",
                        voor + reader.line_num or 1, 1,
                        "zet een tekst met komma's of aanhalingstekens tussen dubbele "
                        "aanhalingstekens, en verdubbel aanhalingstekens erbinnen") from exc


class Kolommen:
    """Keeps the cells of some columns of a document while its rows are read block by block.

    Equal cells share one string: a register has a few thousand distinct days, and the
    references are the very strings the validated requests hold.
    """

    def __init__(self, doc: CsvDocument, names: Sequence[str]) -> None:
        self.doc = doc
        self.names = [name for name in names if name in doc.header]
        self.indices = [doc.header.index(name) for name in self.names]
        self.lists: list[list[str]] = [[] for _ in self.names]
        self.seen: dict[str, str] = {}

    def add(self, block: list[list[str]]) -> None:
        if not block:
            return
        seen = self.seen
        shortest = min(map(len, block))
        for index, target in zip(self.indices, self.lists, strict=True):
            # 100,000 rows: one pass in C per column where no row is too short.
            cells = (list(map(itemgetter(index), block)) if index < shortest else
                     [row[index] if index < len(row) else "" for row in block])
            target += map(seen.setdefault, cells, cells)

    def klaar(self) -> None:
        """Every row was read: the columns are complete."""
        self.doc._kolommen.update(zip(self.names, self.lists, strict=True))
        self.seen = {}


def _cell_start(line: str, index: int, delimiter: str) -> int:
    """1-based character position where cell ``index`` begins, honouring quotes."""
    cell, quoted = 0, False
    for position, char in enumerate(line):
        if cell == index:
            return position + 1
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cell += 1
    return len(line) + 1 if cell == index else 1


def parse_csv(text: str, rel: str, digest: str = "") -> CsvDocument:
    """The header of a CSV register; its rows are read when they are asked for."""
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    if not text.strip():
        raise LoadError("bestand is leeg", hint="de eerste regel hoort de kolomnamen te bevatten")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    # The header only: lines are split off as the reader asks for them (a whole register in
    # a StringIO would be copied first, 16 MB for 100,000 requests).
    reader = csv.reader(regels(text), delimiter=delimiter, strict=True)
    with _csv_fout(reader):
        header = [name.strip() for name in next(reader)]
    return CsvDocument(rel, text, digest, header, delimiter, bom)


def load_csv(path: Path, rel: str) -> CsvDocument:
    text = read_text(path, rel, allow_bom=True, max_bytes=MAX_CSV_BYTES)
    # UTF-8 decoding is exact, so these are the bytes on disk.
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_csv(text, rel, digest)

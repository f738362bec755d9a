"""Reading CSV registers (verzoeken.csv) with the line of every row.

Organisations open these files in Excel, so both ',' and ';' (the Dutch Excel default) are
accepted, and a UTF-8 byte-order mark (Excel's "CSV UTF-8") is allowed and kept on writing.
Columns avgctl does not know are kept as they are: they belong to the organisation.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from avgctl.findings import Path as DataPath
from avgctl.store.yamlfile import LoadError, read_text

BOM = "\ufeff"
# Where the csv module (reading from io.StringIO with newline="") ends a line: \r\n, \n or
# \r, and nothing else. str.splitlines() would also break at characters such as U+2028
# inside a cell, and the line numbers of reading and writing would no longer agree.
_LINE_END = re.compile(r"(?<=\r\n)|(?<=\n)|(?<=\r)(?!\n)")


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split exactly where the csv reader counts a line."""
    if "\r" not in text:  # the usual case, and much quicker than the expression below
        lines = [line + "\n" for line in text.split("\n")]
        lines[-1] = lines[-1][:-1]
    else:
        lines = _LINE_END.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines
# A request register grows by a row per request: 100,000 rows is about 15 MB. The limit only
# guards against a wrong or hostile file.
MAX_CSV_BYTES = 512 * 1024 * 1024


@dataclass
class CsvDocument:
    rel: str
    text: str  # without a BOM
    sha256: str  # of the bytes on disk, to notice a change before writing
    header: list[str]
    rows: list[list[str]]
    lines: list[int]  # the line each row starts on (1-based)
    delimiter: str = ","
    bom: bool = False
    _line_cache: list[str] | None = field(default=None, repr=False)

    def column(self, name: str) -> int | None:
        return self.header.index(name) if name in self.header else None

    def locate(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        """(line, column) of ``(row, field)``: the column is where the cell starts."""
        if not path or not isinstance(path[0], int) or not 0 <= path[0] < len(self.rows):
            return 1, 1
        line = self.lines[path[0]]
        index = self.column(str(path[1])) if len(path) > 1 else None
        if index is None:
            return line, 1
        if self._line_cache is None:
            self._line_cache = split_lines(self.text)
        return line, _cell_start(self._line_cache[line - 1], index, self.delimiter)


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
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    if not text.strip():
        raise LoadError("bestand is leeg", hint="de eerste regel hoort de kolomnamen te bevatten")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [name.strip() for name in next(reader)]
        rows = [row for row in reader if row and (row[0] or any(c.strip() for c in row))]
        if reader.line_num == len(rows) + 1:
            # One line per row and no blank lines (nearly always): row i is on line i + 2.
            lines: list[int] = list(range(2, len(rows) + 2))
        else:
            rows, lines = _rows_with_lines(text, delimiter)
    except csv.Error as exc:
        raise LoadError(f"ongeldige CSV: een aanhalingsteken is niet goed gesloten ({exc})",
                        reader.line_num or 1, 1,
                        "zet een tekst met komma's of aanhalingstekens tussen dubbele "
                        "aanhalingstekens, en verdubbel aanhalingstekens erbinnen") from exc
    return CsvDocument(rel, text, digest, header, rows, lines, delimiter, bom)


def _rows_with_lines(text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    """Rows and the line each starts on, for files with blank lines or multi-line cells."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    next(reader)
    rows: list[list[str]] = []
    lines: list[int] = []
    previous = reader.line_num
    for row in reader:
        if row and (row[0] or any(cell.strip() for cell in row)):
            rows.append(row)
            lines.append(previous + 1)
        previous = reader.line_num
    return rows, lines


def load_csv(path: Path, rel: str) -> CsvDocument:
    text = read_text(path, rel, allow_bom=True, max_bytes=MAX_CSV_BYTES)
    # UTF-8 decoding is exact, so these are the bytes on disk.
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_csv(text, rel, digest)

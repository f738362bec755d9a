"""Writing request records: change one row or add rows, and leave every other byte alone.

A request register is edited by hand and by avgctl alike, so a command must not reformat the
file: other rows, their quoting, the line endings, a BOM and columns avgctl does not know all
stay exactly as they were. The write is atomic and refused when the file changed since it was
read (someone else saved it in the meantime).
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from avgctl.errors import AvgctlError
from avgctl.store.csvfile import BOM, split_lines
from avgctl.store.schrijven import atomic_write
from avgctl.store.yamlfile import os_reason

Rij = dict[str, str]


def _current(path: Path, expected_sha: str) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AvgctlError(f"{path} kan niet worden gelezen: {os_reason(exc)}") from exc
    if hashlib.sha256(raw).hexdigest() != expected_sha:
        raise AvgctlError(f"{path} is gewijzigd sinds avgctl het las; er is niets geschreven. "
                          "Draai de opdracht opnieuw")
    return raw


def schrijf_csv(path: Path, expected_sha: str, wijzigingen: dict[str, Rij],
                nieuw: list[Rij]) -> None:
    """Apply ``wijzigingen`` (referentie -> changed cells) and append ``nieuw`` rows."""
    raw = _current(path, expected_sha)
    text = raw.decode("utf-8")
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    if not wijzigingen:
        _append(path, raw, text, nieuw)
        return
    lines = split_lines(text)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    first = lines[0] if lines else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header, records = _records(text, delimiter)
    width = len(header)
    # A field the file has no column for yet gets one at the end; only the header line and
    # the rows that use it change (a CSV row may be shorter than its header).
    for cells in [*wijzigingen.values(), *nieuw]:
        header += [name for name, value in cells.items() if value and name not in header]
    index = {name: i for i, name in enumerate(header)}
    lines_out = list(lines)
    if len(header) > width:
        lines_out[0] = lines[0].rstrip("\r\n") + "".join(
            delimiter + name for name in header[width:]) + _ending(lines[0], eol)
    ref = index.get("referentie", 0)
    done: set[str] = set()
    for start, end, row in records:
        key = row[ref] if ref < len(row) else ""
        if key in wijzigingen and key not in done:
            done.add(key)
            updated = row + [""] * (len(header) - len(row))
            for name, value in wijzigingen[key].items():
                updated[index[name]] = value
            lines_out[start - 1] = _format(_trim(updated), delimiter,
                                           _ending(lines[end - 1], eol))
            for number in range(start, end):  # a quoted cell may span several lines
                lines_out[number] = ""
    missing = set(wijzigingen) - done
    if missing:
        raise AvgctlError(f"verzoek {', '.join(sorted(missing))} staat niet in {path}")
    if lines_out and not lines_out[-1].endswith(("\n", "\r")):
        lines_out[-1] += eol
    for cells in nieuw:
        lines_out.append(_format(_trim([cells.get(name, "") for name in header]), delimiter, eol))
    atomic_write(path, ((BOM if bom else "") + "".join(lines_out)).encode("utf-8"))


def _append(path: Path, raw: bytes, text: str, nieuw: list[Rij]) -> None:
    """Only new rows: the existing bytes are kept as they are and the rows go after them."""
    first = split_lines(text[: text.find("\n") + 1 or len(text)])[0] if text else ""
    eol = "\r\n" if first.endswith("\r\n") else "\n"
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first.rstrip("\r\n")], delimiter=delimiter))
    header = [name.strip() for name in header]
    extra = [name for cells in nieuw for name, value in cells.items()
             if value and name not in header]
    if extra:  # a new column changes the header line: do the full rewrite
        lines = split_lines(text)
        lines[0] = first.rstrip("\r\n") + "".join(delimiter + n for n in dict.fromkeys(extra)) \
            + eol
        header += list(dict.fromkeys(extra))
        raw = ((BOM if raw.startswith(BOM.encode()) else "") + "".join(lines)).encode("utf-8")
    tail = b"" if raw.endswith((b"\n", b"\r")) or not raw else eol.encode()
    rows = "".join(_format(_trim([cells.get(name, "") for name in header]), delimiter, eol)
                   for cells in nieuw)
    atomic_write(path, raw + tail + rows.encode("utf-8"))


def nieuw_csv(path: Path, header: list[str], rijen: list[Rij]) -> None:
    """A new register file with ``header`` and ``rijen``; refuses to replace an existing one."""
    if path.exists():
        raise AvgctlError(f"{path} bestaat al")
    text = _format(header, ",", "\n") + "".join(
        _format(_trim([r.get(name, "") for name in header]), ",", "\n") for r in rijen)
    atomic_write(path, text.encode("utf-8"))


def _records(text: str, delimiter: str) -> tuple[list[str], list[tuple[int, int, list[str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    records = []
    previous = reader.line_num
    for row in reader:
        records.append((previous + 1, reader.line_num, row))
        previous = reader.line_num
    return [name.strip() for name in header], records


def _trim(cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def _ending(line: str, default: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    return "\n" if line.endswith("\n") else default


def _format(cells: list[str], delimiter: str, eol: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=eol).writerow(cells)
    return buffer.getvalue()


def schrijf_yaml(path: Path, expected_text: str, wijzigingen: dict[str, object]) -> None:
    """Change fields of a request kept as its own YAML file.

    Such a file is a flat mapping, so a changed field is one line: that line is replaced (or
    added at the end, or removed) and every other line, comment and line ending stays as it
    was. Only a field written over several lines falls back to a round-trip rewrite.
    """
    raw = _current(path, hashlib.sha256(expected_text.encode("utf-8")).hexdigest())
    text = raw.decode("utf-8")
    lines = split_lines(text)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    for name, value in wijzigingen.items():
        index = _top_level(lines, name)
        if index is not None and _continues(lines, index):
            _rewrite_yaml(path, text, wijzigingen)
            return
        if value in (None, "", []):
            if index is not None:
                del lines[index]
            continue
        comment = _comment(lines[index]) if index is not None else ""
        line = f"{name}: {_scalar(value)}{comment}{eol}"
        if index is None:
            if lines and not lines[-1].endswith(("\n", "\r")):
                lines[-1] += eol
            lines.append(line)
        else:
            lines[index] = line
    atomic_write(path, "".join(lines).encode("utf-8"))


def _top_level(lines: list[str], name: str) -> int | None:
    for index, line in enumerate(lines):
        if line.startswith((f"{name}:", f"{name} :")):
            return index
    return None


def _comment(line: str) -> str:
    """A comment after the value on ``line`` (kept when the value changes), or ""."""
    import re

    from avgctl.store.yamlfile import LoadError, parse_yaml

    rest = line.split(":", 1)[1].rstrip("\r\n")
    match = re.search(r"\s+#", rest)
    if match is None:
        return ""
    try:
        value = parse_yaml(f"x:{rest}\n", "").data["x"]
    except LoadError:
        return ""
    return "" if isinstance(value, str) and "#" in value else rest[match.start():]


def _continues(lines: list[str], index: int) -> bool:
    """Whether the value of the field on ``lines[index]`` goes on below it."""
    value = lines[index].split(":", 1)[1].strip()
    if value.startswith(("|", ">")):
        return True
    for line in lines[index + 1:]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        return line[0] in " \t-"
    return False


def _scalar(value: object) -> str:
    """A value as YAML that reads back as the same value: plain where that is safe."""
    import datetime as dt
    import json

    from avgctl.store.yamlfile import LoadError, parse_yaml

    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    try:
        if parse_yaml(f"x: {text}\n", "").data == {"x": text}:
            return text
    except LoadError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _rewrite_yaml(path: Path, text: str, wijzigingen: dict[str, object]) -> None:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: comments, key order and quoting survive
    yaml.preserve_quotes = True
    yaml.width = 4096  # never wrap long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(text)
    for name, value in wijzigingen.items():
        if value not in (None, "", []):
            data[name] = value
        elif name in data:
            del data[name]
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    out = buffer.getvalue()
    if "\r\n" in text:
        out = out.replace("\r\n", "\n").replace("\n", "\r\n")
    atomic_write(path, out.encode("utf-8"))

"""Writing request records: change one row or add rows, and leave every other byte alone.

A request register is edited by hand and by avgctl alike, so a command must not reformat the
file: other rows, their quoting, the line endings, a BOM and columns avgctl does not know all
stay exactly as they were. The write is atomic and refused when the file changed since it was
read (someone else saved it in the meantime). Every writer here demands the file's write lock
(``slot.schrijfslot``), taken by the command before it read what the change is based on.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from avgctl.errors import AvgctlError
from avgctl.store.csvfile import BOM, split_lines
from avgctl.store.schrijven import atomic_write
from avgctl.store.slot import eis_slot
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
    eis_slot(path)
    raw = _current(path, expected_sha)
    text = raw.decode("utf-8")
    if not wijzigingen:
        _append(path, raw, text.removeprefix(BOM), nieuw)
        return
    atomic_write(path, csv_met(text, wijzigingen, nieuw, path).encode("utf-8"))


def csv_met(text: str, wijzigingen: dict[str, Rij], nieuw: list[Rij] | None = None,
            path: Path | str = "verzoeken.csv") -> str:
    """``text`` (a whole request register) with the cells in ``wijzigingen`` changed and the
    rows in ``nieuw`` added; every other row keeps its bytes."""
    nieuw = nieuw or []
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
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
                if name in index:  # an emptied field without a column stays absent
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
    return (BOM if bom else "") + "".join(lines_out)


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
    text = _format(header, ",", "\n") + "".join(
        _format(_trim([r.get(name, "") for name in header]), ",", "\n") for r in rijen)
    nieuw_bestand(path, text.encode("utf-8"))


def nieuw_bestand(path: Path, data: bytes) -> None:
    """A new register file (a breach, a request kept as YAML); never replaces one."""
    eis_slot(path)
    if path.exists() or path.is_symlink():
        raise AvgctlError(f"{path} bestaat al; er is niets geschreven")
    atomic_write(path, data, nieuw=True)


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
    """Change top-level fields of a register file kept as YAML (a request or a breach).

    Each changed field is its own block of lines: that block is replaced (or added at the end,
    or removed) and every other line, comment and line ending stays exactly as it was.
    """
    eis_slot(path)
    raw = _current(path, hashlib.sha256(expected_text.encode("utf-8")).hexdigest())
    atomic_write(path, yaml_met(raw.decode("utf-8"), wijzigingen).encode("utf-8"))


def yaml_met(text: str, wijzigingen: dict[str, object]) -> str:
    """``text`` with the top-level fields in ``wijzigingen`` set (None or [] removes one).

    The result is read back before it is used: if any field does not come out as intended
    (an odd layout avgctl did not foresee), nothing is written.
    """
    result = _yaml_met(text, wijzigingen)
    from avgctl.store.yamlfile import LoadError, parse_yaml

    try:
        data = parse_yaml(result, "").data if result.strip() else {}
    except LoadError as exc:
        raise AvgctlError(f"de wijziging zou het bestand onleesbaar maken ({exc.message} op "
                          f"regel {exc.line}); er is niets geschreven. Pas het bestand met de "
                          "hand aan") from None
    for name, value in wijzigingen.items():
        leeg = value in (None, "", [])
        if (name in data) if leeg else not _gelijk(data.get(name), value):
            raise AvgctlError(f"het veld '{name}' staat zo in het bestand dat avgctl het niet "
                              "veilig kan wijzigen; er is niets geschreven. Pas het met de hand "
                              "aan")
    return result


def _gelijk(gelezen: object, bedoeld: object) -> bool:
    if isinstance(bedoeld, dict):
        return isinstance(gelezen, dict) and all(
            _gelijk(gelezen.get(k), v) for k, v in bedoeld.items() if v not in (None, [], {}))
    if isinstance(bedoeld, list):
        return isinstance(gelezen, list) and len(gelezen) == len(bedoeld) and all(
            _gelijk(a, b) for a, b in zip(gelezen, bedoeld, strict=True))
    return gelezen == bedoeld


def _yaml_met(text: str, wijzigingen: dict[str, object]) -> str:
    lines = split_lines(text)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    for name, value in wijzigingen.items():
        start = _top_level(lines, name)
        end = _block_end(lines, start) if start is not None else None
        if value in (None, "", []):
            if start is not None:
                del lines[start:end]
            continue
        block = _block(name, value, eol)
        if start is None:
            if lines and not lines[-1].endswith(("\n", "\r")):
                lines[-1] += eol
            lines += block
        else:
            if len(block) == 1 and end == start + 1:
                block[0] = block[0][: -len(eol)] + _comment(lines[start]) + eol
            lines[start:end] = block
    return "".join(lines)


def _block_end(lines: list[str], start: int) -> int:
    """The index after the lines that belong to the field starting at ``start``."""
    end = start + 1
    last = end
    while end < len(lines):
        line = lines[end]
        if not line.strip() or line.startswith("#"):
            # a blank line or a comment at the margin belongs to the block only when the
            # block goes on below it
            end += 1
            continue
        if line[0] in " \t" or line.startswith("- "):
            end += 1
            last = end
            continue
        break
    return last  # trailing blank lines and comments stay with what follows


def _block(name: str, value: object, eol: str) -> list[str]:
    """``name: value`` as YAML lines: one line for scalars and lists of scalars, a block for
    mappings and lists of mappings (two spaces per level, list items under their key)."""
    if _is_scalar(value) or (isinstance(value, list) and all(_is_scalar(v) for v in value)):
        return [f"{name}: {_scalar(value)}{eol}"]
    return [f"{name}:{eol}", *_nested(value, 1, eol)]


def _is_scalar(value: object) -> bool:
    return not isinstance(value, (dict, list))


def _nested(value: object, level: int, eol: str) -> list[str]:
    pad = "  " * level
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if item in (None, [], {}):
                continue
            flow = (_scalar(item) if _is_scalar(item) or (
                isinstance(item, list) and all(map(_is_scalar, item))) else None)
            if flow is not None and (len(pad) + len(str(key)) + len(flow) <= 96
                                     or not isinstance(item, list)):
                out.append(f"{pad}{key}: {flow}{eol}")
            elif flow is not None:  # a long list: one item per line keeps the diff readable
                out += [f"{pad}{key}:{eol}", *(f"{pad}  - {_scalar(v)}{eol}" for v in item)]
            else:
                out += [f"{pad}{key}:{eol}", *_nested(item, level + 1, eol)]
    elif isinstance(value, list):
        for item in value:
            inner = _nested(item, level + 1, eol) if not _is_scalar(item) else [
                f"{pad}  {_scalar(item)}{eol}"]
            first = inner[0]
            out.append(f"{pad}- {first.lstrip()}")
            out += inner[1:]
    return out


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


def _scalar(value: object, flow: bool = False) -> str:
    """A value as YAML that reads back as the same value: plain where that is safe."""
    import datetime as dt
    import json

    from avgctl.store.yamlfile import LoadError, parse_yaml

    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item, flow=True) for item in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):  # also a datetime, with its offset
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    probe, expected = (f"x: [{text}]\n", {"x": [text]}) if flow else (f"x: {text}\n",
                                                                        {"x": text})
    try:
        if parse_yaml(probe, "").data == expected:
            return text
    except LoadError:
        pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one

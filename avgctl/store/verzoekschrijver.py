"""Writing request records: change one row or add rows, and leave every other byte alone.

A request register is edited by hand and by avgctl alike, so a command must not reformat the
file: other rows, their quoting, the line endings, a BOM and columns avgctl does not know all
stay exactly as they were. In a changed row only the changed cells differ, quoted as they
were, and the row keeps its number of fields; a new row has a field for every column, quoted
as the file quotes. In YAML a changed field keeps its comments and the layout of its lists.
The write is atomic and refused when the file changed since it was read (someone else saved
it in the meantime). Every writer here demands the file's write lock (``slot.schrijfslot``),
taken by the command before it read what the change is based on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
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
        lines_out[0] = _extra_kolommen(lines[0], header[width:], delimiter, eol)
    ref = index.get("referentie", 0)
    done: set[str] = set()
    for start, end, row in records:
        key = row[ref] if ref < len(row) else ""
        if key in wijzigingen and key not in done:
            done.add(key)
            ending = _ending(lines[end - 1], eol)
            record = "".join(lines[start - 1:end])
            record = record[: len(record) - len(ending)] if record.endswith(ending) else record
            lines_out[start - 1] = _gewijzigd(record, row, wijzigingen[key], index, delimiter,
                                              ending)
            for number in range(start, end):  # a quoted cell may span several lines
                lines_out[number] = ""
    missing = set(wijzigingen) - done
    if missing:
        raise AvgctlError(f"verzoek {', '.join(sorted(missing))} staat niet in {path}")
    tekst = "".join(lines_out)
    if nieuw and tekst and not tekst.endswith(("\n", "\r")):
        tekst += eol
    stijl = _stijl_van(lines, delimiter)
    tekst += "".join(_nieuwe_rij(cells, header, delimiter, eol, stijl) for cells in nieuw)
    return (BOM if bom else "") + tekst


# How a file quotes its cells, as far as avgctl keeps it: "alle" (every cell, also an empty
# one, between quotes: some exports), "gevuld" (every cell with a value), or "minimaal" (only
# where the CSV format needs it: Excel, and avgctl's own files).
Stijl = str


def _ruwe_cellen(record: str, delimiter: str) -> list[str] | None:
    """The cells of one record as they are written, quotes and all; None when the record
    does not split cleanly (then avgctl writes the row in the file's style instead)."""
    cells: list[str] = []
    begin = 0
    quoted = False
    i = 0
    while i < len(record):
        char = record[i]
        if quoted:
            if char == '"':
                if record.startswith('""', i):
                    i += 2
                    continue
                quoted = False
        elif char == '"' and i == begin:  # a quote only opens a quoted cell at its start
            quoted = True
        elif char == delimiter:
            cells.append(record[begin:i])
            begin = i + 1
        i += 1
    if quoted:
        return None
    cells.append(record[begin:])
    return cells


def _is_quoted(cell: str) -> bool:
    return len(cell) >= 2 and cell.startswith('"') and cell.endswith('"')


def _stijl(cellen: list[str]) -> Stijl | None:
    gevuld = [c for c in cellen if c not in ("", '""')]
    if not gevuld:
        return None
    if all(_is_quoted(c) for c in gevuld):
        return "alle" if all(_is_quoted(c) for c in cellen) else "gevuld"
    return "minimaal"


def _stijl_van(lines: list[str], delimiter: str) -> Stijl:
    """The style of the last rows of the file (its header when it has no rows)."""
    for line in [*reversed(lines[1:])][:20] + lines[:1]:
        cellen = _ruwe_cellen(line.rstrip("\r\n"), delimiter)
        stijl = _stijl(cellen) if cellen else None
        if stijl is not None:
            return stijl
    return "minimaal"


def _cel(value: str, delimiter: str, stijl: Stijl) -> str:
    if stijl == "alle" or (stijl == "gevuld" and value):
        return '"' + value.replace('"', '""') + '"'
    # (the csv module writes a lone empty field as "", to tell it from an empty line)
    return _format([value], delimiter, "") if value else ""


def _gewijzigd(record: str, row: list[str], cells: Rij, index: dict[str, int],
               delimiter: str, ending: str) -> str:
    """The record with ``cells`` changed: the other cells exactly as they were written, a
    changed cell quoted as it was, and as many fields as the row had (or as the new values
    need)."""
    raw = _ruwe_cellen(record, delimiter)
    if raw is not None and next(csv.reader(io.StringIO(delimiter.join(raw), newline=""),
                                           delimiter=delimiter), []) != row:
        raw = None  # a layout the splitter does not know: write the row in its own style
    stijl = _stijl(raw) if raw else None
    if raw is None:
        raw = [_cel(cell, delimiter, "minimaal") for cell in row]
    stijl = stijl or "minimaal"
    nodig = max((index[name] + 1 for name, value in cells.items() if value and name in index),
                default=0)
    out = raw + [_cel("", delimiter, stijl)] * (nodig - len(raw))
    for name, value in cells.items():
        i = index.get(name)
        if i is None or i >= len(out):  # an emptied field without a column stays absent
            continue
        if i < len(row) and row[i] == value:
            continue  # unchanged: its bytes stay
        oud = out[i] if i < len(raw) else ""
        if _is_quoted(oud):
            out[i] = '"' + value.replace('"', '""') + '"'
        elif oud:
            out[i] = _cel(value, delimiter, "minimaal")
        else:
            out[i] = _cel(value, delimiter, stijl)
    return delimiter.join(out) + ending


def _nieuwe_rij(cells: Rij, header: list[str], delimiter: str, eol: str, stijl: Stijl) -> str:
    """A new row with a field for every column of the header, quoted as the file quotes."""
    return delimiter.join(_cel(cells.get(name, ""), delimiter, stijl) for name in header) + eol


def _extra_kolommen(line: str, namen: list[str], delimiter: str, eol: str) -> str:
    """The header line with new columns at the end, quoted as the header quotes its names."""
    cellen = _ruwe_cellen(line.rstrip("\r\n"), delimiter) or []
    stijl = _stijl(cellen) or "minimaal"
    return line.rstrip("\r\n") + "".join(delimiter + _cel(n, delimiter, stijl)
                                          for n in namen) + _ending(line, eol)


def _append(path: Path, raw: bytes, text: str, nieuw: list[Rij]) -> None:
    """Only new rows: the existing bytes are kept as they are and the rows go after them."""
    first = split_lines(text[: text.find("\n") + 1 or len(text)])[0] if text else ""
    eol = "\r\n" if first.endswith("\r\n") else "\n"
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first.rstrip("\r\n")], delimiter=delimiter))
    header = [name.strip() for name in header]
    extra = [name for cells in nieuw for name, value in cells.items()
             if value and name not in header]
    # The quoting of the last rows (only the end of the file is looked at: a register of
    # 100,000 rows is not split for this).
    staart = split_lines(text[-20_000:])
    stijl = _stijl_van([first, *staart[1:]], delimiter)
    if extra:  # a new column changes the header line: do the full rewrite
        lines = split_lines(text)
        lines[0] = _extra_kolommen(first, list(dict.fromkeys(extra)), delimiter, eol)
        header += list(dict.fromkeys(extra))
        raw = ((BOM if raw.startswith(BOM.encode()) else "") + "".join(lines)).encode("utf-8")
    tail = b"" if raw.endswith((b"\n", b"\r")) or not raw else eol.encode()
    rows = "".join(_nieuwe_rij(cells, header, delimiter, eol, stijl) for cells in nieuw)
    atomic_write(path, raw + tail + rows.encode("utf-8"))


def nieuw_csv(path: Path, header: list[str], rijen: list[Rij]) -> None:
    """A new register file with ``header`` and ``rijen``; refuses to replace an existing one."""
    text = _format(header, ",", "\n") + "".join(
        _nieuwe_rij(r, header, ",", "\n", "minimaal") for r in rijen)
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


def _ending(line: str, default: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    return "\n" if line.endswith("\n") else default


def _format(cells: list[str], delimiter: str, eol: str) -> str:
    buffer = io.StringIO()
    # The csv module quotes a cell with a character of its line terminator in it: with "\r\n"
    # a cell holding either one is quoted, whatever ending the file's lines have.
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + eol


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
    try:
        # With the comments and the list style of the changed fields kept; when that does
        # not read back as intended (a layout avgctl did not foresee), without them.
        return _gecontroleerd(_yaml_met(text, wijzigingen, behoud=True), wijzigingen)
    except AvgctlError:
        return _gecontroleerd(_yaml_met(text, wijzigingen, behoud=False), wijzigingen)


def _gecontroleerd(result: str, wijzigingen: dict[str, object]) -> str:
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


def _yaml_met(text: str, wijzigingen: dict[str, object], behoud: bool = True) -> str:
    lines = split_lines(text)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    for name, value in wijzigingen.items():
        start = _top_level(lines, name)
        end = _block_end(lines, start) if start is not None else None
        if value in (None, "", []):
            if start is not None:
                del lines[start:end]
            continue
        oud = lines[start:end] if start is not None else []
        block = _block(name, value, eol, _structuur(oud)[1] if behoud else {})
        if start is None:
            if lines and not lines[-1].endswith(("\n", "\r")):
                lines[-1] += eol
            lines += block
        else:
            if len(block) == 1 and end == start + 1:
                block[0] = block[0][: -len(eol)] + _comment(lines[start]) + eol
            elif behoud:
                block = _met_commentaar(oud, block, eol)
            lines[start:end] = block
    return "".join(lines)


Pad = tuple[object, ...]
_SLEUTEL = re.compile(r"""^(?P<key>"[^"]*"|'[^']*'|[^\s#"'\[\]{},:-][^#]*?|-[^\s#][^#]*?)"""
                      r"""\s*:(?:[ \t]|$)""")


def _zonder_commentaar(line: str) -> tuple[str, str]:
    """A YAML line as (content, comment): the comment with the spaces before it, or ""."""
    body = line.rstrip("\r\n")
    quote = ""
    vorige = ""  # the last character before this one that is not a space
    i = 0
    while i < len(body):
        char = body[i]
        if quote:
            if quote == '"' and char == "\\":
                i += 2
                continue
            if char == quote:
                if quote == "'" and body.startswith("''", i):
                    i += 2
                    continue
                quote = ""
        elif char in "\"'" and vorige in ("", ":", "-", "[", "{", ",", "?"):
            quote = char
        elif char == "#" and (i == 0 or body[i - 1] in " \t"):
            begin = len(body[:i].rstrip(" \t"))
            return body[:begin], body[begin:]
        if char not in " \t":
            vorige = char
        i += 1
    return body, ""


def _structuur(lines: list[str]) -> tuple[list[Pad | None], dict[Pad, int]]:
    """The place of each line of a block in the data (keys and list positions; None for a
    blank line, a comment, or the rest of a value over several lines), and for each list
    written one item per line how far its items are indented under their key."""
    stack: list[tuple[int, Pad, bool]] = []  # indent, place, and whether a block follows
    teller: dict[Pad, int] = {}
    blok: dict[Pad, int] = {}
    paden: list[Pad | None] = []
    for line in lines:
        content = _zonder_commentaar(line)[0]
        stripped = content.lstrip(" ")
        if not stripped:
            paden.append(None)
            continue
        indent = len(content) - len(stripped)
        item = stripped == "-" or stripped.startswith("- ")
        while stack and (stack[-1][0] > indent or (
                stack[-1][0] == indent and not (item and stack[-1][2]))):
            stack.pop()
        parent = stack[-1][1] if stack else ()
        if item:
            n = teller.get(parent, 0)
            teller[parent] = n + 1
            if parent and parent not in blok and stack:
                blok[parent] = indent - stack[-1][0]
            pad: Pad = (*parent, n)
            stack.append((indent, pad, False))
            rest = stripped[1:].lstrip(" ")
            match = _SLEUTEL.match(rest)
            if match:
                pad = (*pad, match.group("key").strip("\"'"))
                stack.append((indent + len(stripped) - len(rest), pad,
                              not rest[match.end():].strip()))
            paden.append(pad)
            continue
        match = _SLEUTEL.match(stripped)
        if match is None:
            paden.append(None)
            continue
        pad = (*parent, match.group("key").strip("\"'"))
        stack.append((indent, pad, not stripped[match.end():].strip()))
        paden.append(pad)
    return paden, blok


def _zelfde_regel(oud: str, nieuw: str) -> bool:
    """Whether two lines at the same place say the same: the same text, or the same value
    written another way ('a: b' and "a: b")."""
    oud, nieuw = oud.rstrip(), nieuw.rstrip()
    if oud == nieuw:
        return True
    if len(oud) - len(oud.lstrip(" ")) != len(nieuw) - len(nieuw.lstrip(" ")):
        return False
    oud, nieuw = oud.lstrip(" "), nieuw.lstrip(" ")
    if oud.startswith("- ") and nieuw.startswith("- "):
        oud, nieuw = oud[2:].lstrip(" "), nieuw[2:].lstrip(" ")
    a, b = _SLEUTEL.match(oud), _SLEUTEL.match(nieuw)
    if a and b:
        if a.group("key") != b.group("key"):
            return False
        oud, nieuw = oud[a.end():], nieuw[b.end():]
    elif a or b:
        return False
    if not oud.strip() or not nieuw.strip():
        return False
    from avgctl.store.yamlfile import LoadError, parse_yaml

    try:
        return bool(parse_yaml(f"x: {oud}\n", "").data == parse_yaml(f"x: {nieuw}\n", "").data)
    except LoadError:
        return False


def _met_commentaar(oud: list[str], nieuw: list[str], eol: str) -> list[str]:
    """The new lines of a field with the comments of the old ones: a line whose content did
    not change stays exactly as it was, a changed line keeps the comment at its end, and
    comment lines stay above the line they were above."""
    oude_paden = _structuur(oud)[0]
    bij: dict[Pad, tuple[list[str], str, str]] = {}
    wachtend: list[str] = []
    for line, pad in zip(oud, oude_paden, strict=True):
        content, comment = _zonder_commentaar(line)
        if pad is None:
            if not content.strip():  # a comment line, or a blank one
                wachtend.append(line if line.endswith(("\n", "\r")) else line + eol)
            continue
        if pad not in bij:
            bij[pad] = (wachtend, line, comment)
            wachtend = []
    out: list[str] = []
    for line, pad in zip(nieuw, _structuur(nieuw)[0], strict=True):
        if pad is not None and pad in bij:
            boven, oude, comment = bij.pop(pad)
            out += boven
            if _zelfde_regel(_zonder_commentaar(oude)[0], line.rstrip("\r\n")):
                out.append(oude if oude.endswith(("\n", "\r")) else oude + eol)
                continue
            if comment:
                out.append(line.rstrip("\r\n") + comment + eol)
                continue
        out.append(line)
    # Comment lines above a line that is gone, or at the end: they stay, below the field.
    out += [line for boven, _, _ in bij.values() for line in boven] + wachtend
    return out


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


def _block(name: str, value: object, eol: str, blok: dict[Pad, int] | None = None) -> list[str]:
    """``name: value`` as YAML lines: one line for scalars and lists of scalars, a block for
    mappings and lists of mappings (two spaces per level, list items under their key). A list
    that ``blok`` says was written one item per line stays so, indented as it was."""
    blok = blok or {}
    if isinstance(value, list) and (name,) in blok and all(_is_scalar(v) for v in value):
        inspringen = " " * blok[(name,)]
        return [f"{name}:{eol}", *(f"{inspringen}- {_scalar(v)}{eol}" for v in value)]
    if _is_scalar(value) or (isinstance(value, list) and all(_is_scalar(v) for v in value)):
        return [f"{name}: {_scalar(value)}{eol}"]
    return [f"{name}:{eol}", *_nested(value, 1, eol, (name,), blok)]


def _is_scalar(value: object) -> bool:
    return not isinstance(value, (dict, list))


def _nested(value: object, level: int, eol: str, plaats: Pad = (),
            blok: dict[Pad, int] | None = None) -> list[str]:
    pad = "  " * level
    blok = blok or {}
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if item in (None, [], {}):
                continue
            flow = (_scalar(item) if _is_scalar(item) or (
                isinstance(item, list) and all(map(_is_scalar, item))) else None)
            hier = (*plaats, key)
            if flow is not None and (not isinstance(item, list) or (
                    hier not in blok and len(pad) + len(str(key)) + len(flow) <= 96)):
                out.append(f"{pad}{key}: {flow}{eol}")
            elif flow is not None:  # a long list: one item per line keeps the diff readable
                inspringen = " " * blok.get(hier, 2)
                out += [f"{pad}{key}:{eol}",
                        *(f"{pad}{inspringen}- {_scalar(v)}{eol}" for v in item)]
            else:
                out += [f"{pad}{key}:{eol}", *_nested(item, level + 1, eol, hier, blok)]
    elif isinstance(value, list):
        for index, item in enumerate(value):
            inner = _nested(item, level + 1, eol, (*plaats, index), blok) \
                if not _is_scalar(item) else [f"{pad}  {_scalar(item)}{eol}"]
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

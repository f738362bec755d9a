"""Fast YAML reading that still knows where every value came from.

The C parser of ``ruamel.yaml.clib`` composes the node tree; a small constructor of our own turns
it into plain Python data. That is faster than ruamel's own safe constructor (DESIGN.md §5) and
keeps the node tree, so a finding can be pointed at its line and column afterwards without
parsing the file again. The constructor is deliberately strict: register files are plain data,
so anchors reused as collections, merge keys, custom tags and duplicate keys are refused.
"""

from __future__ import annotations

import datetime as dt
import errno
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from _ruamel_yaml import CParser  # type: ignore[import-not-found]
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver, implicit_resolvers
from ruamel.yaml.tag import Tag

from avgctl.findings import Path as DataPath

MAX_BYTES = 10 * 1024 * 1024  # a register file is hand-edited text; 10 MiB is far beyond that
MAX_DEPTH = 64
_TAG = "tag:yaml.org,2002:"


class LoadError(Exception):
    """A file that cannot be read as register data; message in Dutch, 1-based position."""

    def __init__(self, message: str, line: int = 1, column: int = 1, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


@dataclass
class YamlDocument:
    rel: str  # path relative to the repository root, forward slashes
    text: str
    data: Any
    # The node tree, composed again from the text the first time a finding needs a position
    # (DESIGN.md §5), and then kept.
    root: Node | None = None

    def locate(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of the nearest parent."""
        if self.root is None:
            self.root = compose(self.text)
        node = self.root
        if node is None:
            return 1, 1
        key_node: Node | None = None
        for part in path:
            child: Node | None = None
            key_node = None
            if isinstance(node, MappingNode):
                for k, v in node.value:
                    if k.value == str(part):
                        key_node, child = k, v
                        break
            elif (isinstance(node, SequenceNode) and isinstance(part, int)
                  and 0 <= part < len(node.value)):
                child = node.value[part]
            if child is None:
                break
            node = child
        else:
            if key and key_node is not None:
                node = key_node
        mark = node.start_mark
        return mark.line + 1, mark.column + 1


class _Resolver(VersionedResolver):
    """Resolves plain scalars as YAML 1.2 from a table built once, with shared tags.

    ruamel determines the YAML version anew for every scalar, through attribute lookups that
    fail on the C parser and fall back to the default (1.2), and makes a new Tag object for
    every scalar; together that costs more than the parse itself. The outcome is the same for
    every document (the C parser always reads as 1.2), so it is computed once.
    """

    _table: ClassVar[dict[Any, list[tuple[Tag, Any]]]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self._table.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        if kind is SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return self.DEFAULT_MAPPING_TAG

    # The parser calls these two around every node to keep ruamel's path resolvers up to
    # date; ``resolve`` above does not use path resolvers. So they do nothing, and in C: no
    # Python call per node (``{}.get(node, index)`` gives back ``index``, ``tuple()`` ()).
    _NIETS: ClassVar[dict[object, object]] = {}
    descend_resolver = staticmethod(_NIETS.get)  # type: ignore[assignment]
    ascend_resolver = staticmethod(tuple)  # type: ignore[assignment]


def _table() -> dict[Any, list[tuple[Tag, Any]]]:
    table: dict[Any, list[tuple[Tag, Any]]] = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions:
            for char in first if first is not None else [None]:
                table.setdefault(char, []).append((Tag(suffix=tag), regexp))
    # ruamel also tries the resolvers without a first character; YAML 1.2 has none.
    assert None not in table
    table[""] = table.get("", [])
    return table


_Resolver._table = _table()
# The tags the resolver gives a node without a tag of its own (nearly every node). The parser
# hands them on to the node as they are, so ``_Builder`` knows the kind by identity, without
# making the tag's text for every node (ruamel's ``Node.tag`` does that).
_STR, _SEQ, _MAP = (_Resolver.DEFAULT_SCALAR_TAG, _Resolver.DEFAULT_SEQUENCE_TAG,
                    _Resolver.DEFAULT_MAPPING_TAG)


class _Composer(CParser, _Resolver):  # type: ignore[misc]
    """libyaml's parser composing nodes, without the rest of ruamel's loading machinery.

    ``YAML.compose`` builds a new loader class for every document, and every loader refers to
    itself, so each one (with libyaml's buffers) stays in memory until the cyclic collector
    runs; during a load of thousands of files it does not (DESIGN.md §5). This class is made
    once and holds no reference to itself, so a composer is freed as soon as it is done.
    """

    def __init__(self, text: str) -> None:
        CParser.__init__(self, text)
        _Resolver.__init__(self)


def compose(text: str) -> Node | None:
    composer = _Composer(text)
    try:
        return composer.get_single_node()  # type: ignore[no-any-return]
    finally:
        composer.dispose()


def read_text(path: Path, rel: str, allow_bom: bool = False, max_bytes: int = MAX_BYTES) -> str:
    """Read a register file as UTF-8 text, refusing what is not a plain text file."""
    if path.is_dir():
        raise LoadError(f"{rel} is een map, maar hier wordt een bestand verwacht")
    try:
        info = path.stat()
    except OSError as exc:
        raise LoadError(f"bestand kan niet worden gelezen: {os_reason(exc)}") from exc
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end; a register file is a plain file.
        raise LoadError(f"{rel} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat)")
    size = info.st_size
    if size > max_bytes:
        raise LoadError(
            f"bestand is te groot ({size / 1024 / 1024:.1f} MB; de grens is "
            f"{max_bytes // 1024 // 1024} MB)",
            hint="een registerbestand hoort klein te zijn; splits het op of controleer of dit "
            "het juiste bestand is",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"bestand kan niet worden gelezen: {os_reason(exc)}") from exc
    if raw.startswith(b"\xef\xbb\xbf") and not allow_bom:
        raise LoadError(
            "bestand begint met een byte-order-mark (BOM)",
            hint="sla het bestand op als UTF-8 zonder BOM",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(raw[: exc.start])
        raise LoadError(
            f"bestand is geen geldige UTF-8 (byte 0x{raw[exc.start]:02x})",
            line,
            col,
            hint="sla het bestand op als UTF-8; Windows-1252 en Latin-1 worden niet gelezen",
        ) from exc


_OS_REASONS = {
    errno.ENOENT: "het bestaat niet (of het is een koppeling naar een ontbrekend bestand)",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "geen toestemming",
    errno.ELOOP: "koppelingen verwijzen in een kring naar elkaar",
    errno.EISDIR: "het is een map",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "er staat een bestand waar een map moet komen",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EBUSY: "het is in gebruik (een map als / of een aangekoppelde schijf kan niet worden "
    "vervangen); kies een bestand in een map",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EINVAL: "deze naam of plek kan niet op dit bestandssysteem",
    errno.EIO: "de schijf gaf een lees- of schrijffout",
    errno.EFBIG: "het bestand wordt te groot",
    errno.EDQUOT: "uw schijfruimte (quotum) is op",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.EXDEV: "het ligt op een andere schijf",
}


def os_reason(exc: OSError) -> str:
    """A Dutch reason for a failed file operation."""
    if exc.errno is None:
        return "systeemfout"
    return _OS_REASONS.get(exc.errno, f"systeemfout {exc.errno}")


def _position(prefix: bytes) -> tuple[int, int]:
    line = prefix.count(b"\n") + 1
    col = len(prefix) - (prefix.rfind(b"\n") + 1) + 1
    return line, col


def load_yaml(path: Path, rel: str) -> YamlDocument:
    text = read_text(path, rel)
    return parse_yaml(text, rel)


def parse_yaml(text: str, rel: str) -> YamlDocument:
    try:
        root = compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = str(exc.context or "")
        unclosed_quote = "quoted" in context and "end of stream" in str(exc.problem or "")
        if exc.context_mark is not None and ("flow" in context or unclosed_quote):
            mark = exc.context_mark  # an unclosed [, { or quote: point at where it was opened
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        message, hint = _translate(exc, text, line, col)
        raise LoadError(message, line, col, hint) from exc
    except ReaderError as exc:  # characters YAML does not allow, such as control characters
        position = exc.position if isinstance(exc.position, int) else 0
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        raise LoadError(f"teken dat in YAML niet is toegestaan (code {exc.character:#04x})",
                        line, col, "verwijder het teken; het is vaak onzichtbaar, zoals een "
                        "nul-byte of een stuurteken uit een gekopieerde tekst") from exc
    except YAMLError as exc:
        raise LoadError("ongeldige YAML", hint="controleer de opmaak van het bestand") from exc
    if root is None:
        raise LoadError("bestand is leeg", hint="vul het bestand in of verwijder het")
    data = _Builder().build(root, 0)
    # The node tree is several times the size of the data; on a large register keeping every
    # tree costs hundreds of MB (DESIGN.md §5). Few documents get a finding, and ``locate``
    # composes the tree again for those.
    return YamlDocument(rel=rel, text=text, data=data)


# The C parser reports in English; the common problems get a Dutch message and a hint.
_PROBLEMS: list[tuple[str, str, str]] = [
    ("mapping values are not allowed", "dubbele punt op een plek waar die niet mag staan",
     "zet een waarde met ': ' erin tussen aanhalingstekens, of controleer de inspringing"),
    ("did not find expected ',' or ']'", "lijst tussen [ ] is niet goed afgesloten",
     "controleer of elke '[' een ']' heeft en de items met komma's gescheiden zijn"),
    ("did not find expected ',' or '}'", "object tussen { } is niet goed afgesloten",
     "controleer of elke '{' een '}' heeft"),
    ("did not find expected key", "sleutel verwacht; de inspringing klopt niet",
     "alle velden op hetzelfde niveau moeten even ver inspringen"),
    ("did not find expected '-' indicator", "lijstitem ('- ') verwacht; de inspringing klopt niet",
     "alle items van een lijst moeten even ver inspringen"),
    ("could not find expected ':'", "':' verwacht na een sleutel",
     "schrijf elk veld als 'naam: waarde'"),
    ("found unexpected end of stream", "het bestand houdt onverwacht op",
     "controleer of alle aanhalingstekens en haakjes gesloten zijn"),
    ("found undefined alias", "verwijzing (*naam) naar een anker dat niet bestaat",
     "gebruik geen ankers en verwijzingen in registerbestanden"),
    ("found another document", "meer dan één YAML-document ('---') in één bestand",
     "zet elk document in een eigen bestand"),
    ("expected a single document", "meer dan één YAML-document ('---') in één bestand",
     "zet elk document in een eigen bestand"),
    ("found unknown escape character", "onbekende escape-code in een tekst tussen dubbele "
     "aanhalingstekens", "gebruik enkele aanhalingstekens of schrijf '\\\\' voor een backslash"),
    ("found a tab character", "tab-teken gevonden", "spring in met spaties, niet met tabs"),
    ("did not find expected node content", "hier wordt een waarde verwacht",
     "controleer of alle haakjes en aanhalingstekens gesloten zijn"),
    ("duplicate %YAML directive", "de regel %YAML staat er twee keer",
     "laat %YAML-regels weg; registerbestanden zijn YAML 1.2"),
    ("did not find expected <document start>", "onverwachte inhoud na het einde van het "
     "document ('...')", "verwijder '...' of wat erna staat"),
    ("invalid Unicode character escape", "ongeldige Unicode-code in een tekst tussen dubbele "
     "aanhalingstekens", "schrijf het teken zelf, of gebruik enkele aanhalingstekens"),
    ("found unexpected ':'", "dubbele punt op een plek waar die niet mag staan",
     "zet de waarde tussen aanhalingstekens"),
    ("while scanning a quoted scalar", "tekst tussen aanhalingstekens is niet afgesloten",
     "sluit de tekst af met hetzelfde aanhalingsteken als waarmee hij begint"),
    ("while scanning a simple key", "':' verwacht na een sleutel",
     "schrijf elk veld als 'naam: waarde'"),
]


def _translate(exc: MarkedYAMLError, text: str, line: int, col: int) -> tuple[str, str]:
    problem = str(exc.problem or exc.context or "")
    lines = text.split("\n")
    here = lines[line - 1][col - 1 : col] if line - 1 < len(lines) else ""
    if "cannot start any token" in problem or "found character" in problem:
        if here == "\t" or "\t" in lines[line - 1][:col] if line - 1 < len(lines) else False:
            return "tab-teken gevonden", "YAML springt in met spaties, niet met tabs"
        return (f"teken {here!r} mag hier niet staan",
                "zet de waarde tussen aanhalingstekens")
    context = str(exc.context or "")
    for needle, message, hint in _PROBLEMS:
        if needle in problem or needle in context:
            return message, hint
    return "ongeldige YAML", "controleer de opmaak rond deze plek"


_TZ_SPACE = re.compile(r"\s+(?=[+-]\d\d(:?\d\d)?$|Z$)")


_ALIAS = "ankers en verwijzingen (&naam / *naam) worden niet ondersteund"
_ALIAS_HINT = "schrijf de gegevens voluit; dat is ook duidelijker in een git-diff"


class _Builder:
    """Turns composed nodes into plain data: dict, list, str, int, float, bool, None, dates."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def build(self, node: Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _error(node, f"gegevens zijn dieper dan {MAX_DEPTH} niveaus genest")
        if isinstance(node, ScalarNode):
            return node.value if node.ctag is _STR else self.scalar(node)
        # A collection node met twice is an alias (*naam): the classic "billion laughs" bomb
        # works that way, and register files have no need for it.
        if id(node) in self.seen:
            raise _error(node, _ALIAS, _ALIAS_HINT)
        self.seen.add(id(node))
        if isinstance(node, SequenceNode):
            if node.ctag is not _SEQ and node.tag != _TAG + "seq":
                raise _error(node, f"onbekende YAML-tag {_tag(str(node.tag))}", "laat de tag weg")
            return [self.build(child, depth + 1) for child in node.value]
        if isinstance(node, MappingNode):
            if node.ctag is not _MAP and node.tag != _TAG + "map":
                raise _error(node, f"onbekende YAML-tag {_tag(str(node.tag))}", "laat de tag weg")
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise _error(key_node, "een sleutel moet een gewone tekst zijn")
                if key_node.ctag is not _STR and key_node.tag == _TAG + "merge":
                    raise _error(key_node, "samenvoegen met '<<' wordt niet ondersteund",
                                 "schrijf de velden voluit")
                key = str(key_node.value)
                if key in result:
                    raise _error(key_node, f"sleutel {key!r} komt twee keer voor",
                                 "elke sleutel mag maar één keer voorkomen; verwijder of hernoem "
                                 "er één")
                if id(value_node) in self.seen:
                    raise _error(key_node, _ALIAS, _ALIAS_HINT)
                result[key] = self.build(value_node, depth + 1)
            return result
        raise _error(node, "onbekend soort YAML-gegeven")  # pragma: no cover

    def scalar(self, node: ScalarNode) -> Any:
        tag, value = str(node.tag), node.value
        if tag == _TAG + "str":
            return value
        kind = tag[len(_TAG):] if tag.startswith(_TAG) else ""
        try:
            if kind == "int":
                return _int(value)
            if kind == "bool":
                return _bool(value)
            if kind == "null":
                return None
            if kind == "float":
                return _float(value)
            if kind == "timestamp":
                return _timestamp(value)
        except ValueError:
            if kind == "timestamp":
                # Left as text: the model then says which field wanted a date (AVG002).
                return value
            if kind == "bool":
                raise _error(node, f"{_short(value)} is geen true of false") from None
            raise _error(node, f"{_short(value)} is geen geldig getal",
                         "schrijf een getal zonder letters, of zet tekst tussen "
                         "aanhalingstekens") from None
        raise _error(node, f"onbekende YAML-tag {_tag(tag)}", "laat de tag weg")


def dump_yaml(data: object) -> str:
    """Plain block-style YAML for a new register file."""
    import io

    writer = YAML()
    writer.default_flow_style = False
    buffer = io.StringIO()
    writer.dump(data, buffer)
    return buffer.getvalue()


def _short(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _tag(tag: str) -> str:
    return "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag


def _int(value: str) -> int:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if digits[:2].lower() in ("0x", "0o", "0b"):
        return sign * int(digits, 0)
    return int(text)


def _bool(value: str) -> bool:
    text = value.lower()
    if text in ("true", "yes", "on", "y"):
        return True
    if text in ("false", "no", "off", "n"):
        return False
    raise ValueError(value)


def _float(value: str) -> float:
    text = value.replace("_", "").lower()
    if text.lstrip("+-") in (".inf", "inf"):
        return float(text.replace(".", ""))
    if text == ".nan":
        return float("nan")
    return float(text)


def _timestamp(value: str) -> dt.date | dt.datetime:
    text = value.strip()
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    text = _TZ_SPACE.sub("", text.replace("t", "T", 1))
    return dt.datetime.fromisoformat(text)


def _error(node: Node, message: str, hint: str = "") -> LoadError:
    mark = node.start_mark
    return LoadError(message, mark.line + 1, mark.column + 1, hint)

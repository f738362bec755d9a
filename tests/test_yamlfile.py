"""The fast YAML reader: round trips against ruamel, positions, and what it refuses.

The property tests generate plain register-like data, dump it with ruamel's pure dumper and
read it back with ``parse_yaml``. The table tests pin the strict parts: duplicate keys, aliases,
merge keys, tags, nesting depth, tabs and invalid dates, each with the place it is reported.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from avgctl.findings import Path as DataPath
from avgctl.store.yamlfile import MAX_DEPTH, LoadError, YamlDocument, parse_yaml
from tests.conftest import BASIS, check_repo, write_repo

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

# Identifier-like mapping keys, as register files use them.
KEYS = st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True)
# NEL, LS and PS are line breaks to the C parser (YAML 1.1) but not to the pure dumper, which
# writes them literally; such a string does not survive the round trip in ruamel itself.
TEXT = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x85\u2028\u2029"),
    max_size=30,
)
LEAVES = st.one_of(
    TEXT,
    st.integers(),
    st.booleans(),
    st.none(),
    st.dates(),
)


def _data(depth: int) -> st.SearchStrategy[Any]:
    """Plain data nested at most ``depth`` collection levels deep."""
    if depth == 0:
        return LEAVES
    inner = _data(depth - 1)
    return st.one_of(
        LEAVES,
        st.lists(inner, max_size=4),
        st.dictionaries(KEYS, inner, max_size=4),
    )


# The top level is a mapping, like every register file except partijen.yaml.
DOCUMENTS = st.dictionaries(KEYS, _data(3), min_size=1, max_size=5)


def _dump(data: Any) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _leaves(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, Any]]:
    """Every leaf (scalar or empty collection) with its path."""
    if isinstance(data, dict) and data:
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list) and data:
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))
    else:
        yield path, data


def _line(doc: YamlDocument, line: int) -> str:
    return doc.text.split("\n")[line - 1]


def _error(text: str) -> LoadError:
    with pytest.raises(LoadError) as info:
        parse_yaml(text, "registers/test.yaml")
    return info.value


# --- properties ---------------------------------------------------------------------------


@SETTINGS
@given(DOCUMENTS)
def test_round_trip_through_ruamel_dump(data: dict[str, Any]) -> None:
    text = _dump(data)
    doc = parse_yaml(text, "registers/test.yaml")
    assert doc.data == data
    assert doc.rel == "registers/test.yaml"
    assert doc.text == text


@SETTINGS
@given(DOCUMENTS)
def test_locate_points_at_the_key_of_every_leaf(data: dict[str, Any]) -> None:
    doc = parse_yaml(_dump(data), "registers/test.yaml")
    for path, _value in _leaves(data):
        last = path[-1]
        line, column = doc.locate(path, key=True)
        text = _line(doc, line)
        if isinstance(last, str):
            # The key itself starts at the reported column (possibly quoted by the dumper).
            assert last in text, (path, line, text)
            assert text[column - 1:].lstrip("'\"").startswith(last), (path, column, text)
            # The value of a leaf is on the same line as its key in block style.
            value_line, _ = doc.locate(path)
            assert value_line == line, (path, doc.text)
        else:
            # A list item: the value starts right after its "- " indicator.
            assert text[: column - 1].endswith("- "), (path, column, text)


@SETTINGS
@given(DOCUMENTS)
def test_agrees_with_ruamel_safe_loader(data: dict[str, Any]) -> None:
    text = _dump(data)
    theirs = YAML(typ="safe").load(text)
    assert parse_yaml(text, "registers/test.yaml").data == theirs


@SETTINGS
@given(st.text())
def test_arbitrary_text_only_raises_load_error(text: str) -> None:
    try:
        doc = parse_yaml(text, "registers/test.yaml")
    except LoadError as exc:
        assert exc.message
        assert exc.line >= 1
        assert exc.column >= 1
    else:
        assert doc.text == text


# A YAML-heavy alphabet finds the strict constructor's corners faster than plain text.
_TOKENS = [*"ab01:-[]{},&*!?|>'\"#%@ \n\t.+~_", "!!int ", "!!float ", "!!timestamp ",
           "!!bool ", "2026-02-30", "0x", "-0o", "<<: ", "&a ", "*a", "!!python/object "]


@SETTINGS
@given(st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join))
def test_yaml_like_text_only_raises_load_error(text: str) -> None:
    try:
        parse_yaml(text, "registers/test.yaml")
    except LoadError as exc:
        assert exc.line >= 1
        assert exc.column >= 1


# --- specific cases -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"),
    [
        # duplicate key: reported at the second occurrence
        ("a: 1\nb: 2\na: 3\n", 3, 1, "sleutel 'a' komt twee keer voor"),
        ("x:\n  a: 1\n  b: 2\n  a: 3\n", 4, 3, "sleutel 'a' komt twee keer voor"),
        # reusing an anchored collection (alias) is refused
        ("a: &x [1, 2]\nb: *x\n", 2, 1, "ankers en verwijzingen"),
        ("a: &x {k: 1}\nb:\n  c: *x\n", 3, 3, "ankers en verwijzingen"),
        ("&a [*a]\n", 1, 1, "ankers en verwijzingen"),
        # merge keys are refused
        ("base: &b {k: 1}\nother:\n  <<: *b\n  j: 2\n", 3, 3, "samenvoegen met '<<'"),
        ("other:\n  <<: {k: 1}\n", 2, 3, "samenvoegen met '<<'"),
        # custom tags are refused
        ("a: !!python/object:os.system {}\n", 1, 4, "onbekende YAML-tag"),
        ("a: !!python/object/apply:os.system [ls]\n", 1, 4, "onbekende YAML-tag"),
        ("a: !!binary aGVsbG8=\n", 1, 4, "onbekende YAML-tag"),
        ("a: !eigen x\n", 1, 4, "onbekende YAML-tag"),
        # a collection as a key
        ("? [a]\n: 1\n", 1, 3, "een sleutel moet een gewone tekst zijn"),
        # tabs
        ("a:\n\tb: 1\n", 2, 1, "tab"),
        ("a: 1\n\tb: 2\n", 2, 1, "tab"),
        # empty documents and several documents
        ("", 1, 1, "bestand is leeg"),
        ("# alleen commentaar\n", 1, 1, "bestand is leeg"),
        ("a: 1\n---\nb: 2\n", 2, 1, "meer dan één YAML-document"),
    ],
)
def test_refused(text: str, line: int, column: int, fragment: str) -> None:
    error = _error(text)
    assert fragment in error.message
    assert (error.line, error.column) == (line, column)


def test_duplicate_key_has_a_hint() -> None:
    assert "één keer" in _error("a: 1\na: 2\n").hint


def test_tab_message_and_hint_mention_tabs() -> None:
    error = _error("a:\n\tb: 1\n")
    assert "tab" in error.message
    assert "spaties" in error.hint


def test_alias_of_a_scalar_is_just_a_copy() -> None:
    # Only collections can build an alias bomb; a scalar alias is harmless and allowed.
    assert parse_yaml("a: &x hallo\nb: *x\n", "t.yaml").data == {"a": "hallo", "b": "hallo"}


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_depth_limit() -> None:
    # MAX_DEPTH + 1 nested lists are accepted (depth counts from 0 at the root) ...
    doc = parse_yaml(_nested(MAX_DEPTH + 1), "t.yaml")
    value: Any = doc.data
    for _ in range(MAX_DEPTH):
        value = value[0]
    assert value == []
    # ... one more level is refused, at the first node that is too deep.
    error = _error(_nested(MAX_DEPTH + 2))
    assert f"dieper dan {MAX_DEPTH}" in error.message
    assert (error.line, error.column) == (1, MAX_DEPTH + 2)


def test_deep_block_mapping_is_refused_not_a_recursion_error() -> None:
    text = "a:\n" + "".join(" " * i + "a:\n" for i in range(1, 200))
    assert "dieper dan" in _error(text).message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("t: 2026-03-27T10:00:00+01:00\n",
         dt.datetime(2026, 3, 27, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        ("t: 2026-03-27 10:00:00 +01:00\n",
         dt.datetime(2026, 3, 27, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))),
        ("t: 2026-03-27T10:00:00Z\n", dt.datetime(2026, 3, 27, 10, tzinfo=dt.UTC)),
        ("t: 2026-03-27t10:00:00.5-02:00\n",
         dt.datetime(2026, 3, 27, 10, 0, 0, 500000,
                     tzinfo=dt.timezone(dt.timedelta(hours=-2)))),
    ],
)
def test_datetime_with_offset_is_aware(text: str, expected: dt.datetime) -> None:
    value = parse_yaml(text, "t.yaml").data["t"]
    assert isinstance(value, dt.datetime)
    assert value.tzinfo is not None
    assert value.utcoffset() == expected.utcoffset()
    assert value == expected


def test_datetime_without_offset_is_naive() -> None:
    value = parse_yaml("t: 2026-03-27 10:00:00\n", "t.yaml").data["t"]
    assert value == dt.datetime(2026, 3, 27, 10)
    assert value.tzinfo is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 2026-03-27\n", dt.date(2026, 3, 27)),
        ("a: '2026-03-27'\n", "2026-03-27"),
        ("a: 2026-3-7\n", "2026-3-7"),  # not a YAML date: a string
        ("a: 0x1F\n", 31),
        ("a: 0o17\n", 15),
        ("a: 0b101\n", 5),
        ("a: 1_000\n", 1000),
        ("a: +1\n", 1),
        ("a: 1e3\n", 1000.0),
        ("a: -.inf\n", float("-inf")),
        ("a: yes\n", "yes"),  # YAML 1.2: yes/no/on/off are strings
        ("a: True\n", True),
        ("a: ~\n", None),
        ("a: !!str 1\n", "1"),
        ("a: !!int '12'\n", 12),
        # The tag written out gives the same kind as the one the resolver gives by itself.
        ("a: !!str\n", ""),
        ("a: !!seq [x, 1]\n", ["x", 1]),
        ("a: !!map {b: c}\n", {"b": "c"}),
        ("!!str a: !!str b\n", "b"),
        ("a: '40.3.1'\n", "40.3.1"),
        ("1: a\n", {"1": "a"}),  # keys are always text
    ],
)
def test_scalars(text: str, expected: Any) -> None:
    data = parse_yaml(text, "t.yaml").data
    assert (data.get("a") if "a" in data else data) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a: -0x1F\n", -31), ("a: +0o17\n", 15), ("a: -0b101\n", -5)],
)
def test_signed_prefixed_integers(text: str, expected: int) -> None:
    assert parse_yaml(text, "t.yaml").data == {"a": expected}


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("a: \x01\n", 1, 4), ("a: 1\nb: 2\nc: x\x01y\n", 3, 5), ("a: 1\n\x00\n", 2, 1)],
)
def test_control_character_is_reported_at_its_place(text: str, line: int, column: int) -> None:
    error = _error(text)
    assert (error.line, error.column) == (line, column)
    # The reader's own (English) report does not leak through.
    assert "unacceptable" not in error.message
    assert "<unicode string>" not in error.message


@pytest.mark.parametrize(
    ("text", "path", "line", "column"),
    [
        ("x: 1\nd: 2026-02-30\n", ("d",), 2, 4),
        ("lijst:\n  - 2025-13-01\n", ("lijst", 0), 2, 5),
    ],
)
def test_impossible_date_is_never_a_date(
    text: str, path: DataPath, line: int, column: int
) -> None:
    # Either the reader refuses it at its own place, or it leaves the text for the schema
    # check to report (see test_impossible_date_is_reported_at_its_place); it never crashes
    # and never becomes some other date.
    written = text.split()[-1]
    try:
        doc = parse_yaml(text, "t.yaml")
    except LoadError as error:
        assert (error.line, error.column) == (line, column)
        assert written in error.message
    else:
        leaf: Any = doc.data
        for part in path:
            leaf = leaf[part]
        assert leaf == written
        assert doc.locate(path) == (line, column)


def test_impossible_date_is_reported_at_its_place(tmp_path: Path) -> None:
    partijen = BASIS["registers/partijen.yaml"].replace("2024-05-01", "2026-02-30")
    root = write_repo(tmp_path / "repo", {**BASIS, "registers/partijen.yaml": partijen})
    column = partijen.splitlines()[3].index("2026-02-30") + 1
    findings = [(f.code, f.location.file, f.location.line, f.location.column)
                for f in check_repo(root)]
    assert len(findings) == 1, findings
    code, file, line, col = findings[0]
    assert code in ("AVG001", "AVG002")
    assert (file, line, col) == ("registers/partijen.yaml", 4, column)


def test_locate_key_and_value() -> None:
    text = "id: '1'\ngegevens:\n  - type: NAW\n    bewaartermijn: dossier\n"
    doc = parse_yaml(text, "t.yaml")
    assert doc.locate(("gegevens", 0, "bewaartermijn")) == (4, 20)
    assert doc.locate(("gegevens", 0, "bewaartermijn"), key=True) == (4, 5)
    assert doc.locate(("gegevens", 0)) == (3, 5)
    assert doc.locate(("gegevens",), key=True) == (2, 1)
    # A path that does not exist points at the nearest parent that does.
    assert doc.locate(("gegevens", 5, "type")) == doc.locate(("gegevens",))
    assert doc.locate(("gegevens", 0, "ontbreekt")) == (3, 5)
    assert doc.locate(()) == (1, 1)


@pytest.mark.parametrize(("text", "value"), [("a: !!bool yes\n", True), ("a: !!bool off\n", False)])
def test_explicit_bool_tag(text: str, value: bool) -> None:
    assert parse_yaml(text, "t.yaml").data == {"a": value}


def test_explicit_bool_tag_with_another_word_is_refused() -> None:
    with pytest.raises(LoadError) as info:
        parse_yaml("a: !!bool misschien\n", "t.yaml")
    assert "geen true of false" in info.value.message
    assert (info.value.line, info.value.column) == (1, 4)

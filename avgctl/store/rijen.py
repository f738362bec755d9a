"""Validating the rows of a CSV register in bulk, exactly as the model validates one row.

A request register has 100,000 rows, but each column holds few distinct values: the same
types, channels, statuses, handlers and a few thousand days. Each distinct cell is validated
once per column, by a validator built from the model's own field (its type, constraints and
the model's ``str_strip_whitespace``), and the outcome is reused. A row whose cells all pass
becomes a model instance without being validated again; any row with a failing or missing
value returns ``None``, and the caller validates it through the model, which reports every
error with its file:line:col as before. DESIGN.md §5: this is several times quicker than a
``model_validate`` per row, and rows share their repeated values, which keeps the register
small in memory.

The shortcut is only taken for models it is exact for: no validators of their own, no
private attributes, no aliases, and fields made of text, dates, choices, None and lists of
those (``mogelijk``). Otherwise every row goes through the model.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Callable, Collection, Sequence
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

M = TypeVar("M", bound=BaseModel)

_MISS: Any = object()
_FOUT: Any = object()
_CONFIG = frozenset({"extra", "str_strip_whitespace", "title"})
_LEAF = (str, dt.date, type(None))


class _Gezet(frozenset[str]):
    """The fields a row set, shared by every row that set the same ones.

    Frozen, so that no model changes it for all the others; ``model_copy`` copies it (through
    ``__copy__``) into an ordinary set, as pydantic expects of its copies.
    """

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> set[str]:
        return set(self)


def _leaf_or_list(annotation: Any, in_list: bool = False) -> bool:
    origin = typing.get_origin(annotation)
    if origin is Annotated:  # constraints such as a date range: the exact validator checks
        return _leaf_or_list(typing.get_args(annotation)[0], in_list)
    if origin is Literal:
        return all(isinstance(a, str) for a in typing.get_args(annotation))
    if origin in (typing.Union, types.UnionType):
        return all(_leaf_or_list(a, in_list) for a in typing.get_args(annotation))
    if origin is list and not in_list:
        (item,) = typing.get_args(annotation)
        return _leaf_or_list(item, True)
    return annotation in _LEAF and annotation is not dt.datetime


def mogelijk(model: type[BaseModel]) -> bool:
    """Whether bulk validation gives exactly what ``model.model_validate`` gives."""
    decorators = model.__pydantic_decorators__
    if any((decorators.validators, decorators.field_validators, decorators.root_validators,
            decorators.model_validators, decorators.computed_fields)):
        return False
    if model.__private_attributes__ or not set(model.model_config) <= _CONFIG:
        return False
    return all(f.alias is None and f.validation_alias is None and _leaf_or_list(f.annotation)
               for f in model.model_fields.values())


# Text of visible ASCII characters, possibly with spaces inside: stripping leaves it alone in
# every definition of whitespace.
_ZICHTBAAR = re.compile(r"[!-~](?:[ -~]*[!-~])?")


_ALLE_ZICHTBAAR = re.compile(rf"(?:{_ZICHTBAAR.pattern}\n)*")


def _alle_zichtbaar(cells: Sequence[str]) -> bool:
    """Whether every cell fully matches ``_ZICHTBAAR``: one pass in C over the cells put
    one per line, instead of an expression per cell (a column of 100,000 references).

    No cell holds a line break of its own (then there would be more than one per cell), so
    each line is exactly one cell."""
    if not cells:
        return True
    text = "\n".join(cells) + "\n"
    return (text.count("\n") == len(cells)
            and _ALLE_ZICHTBAAR.fullmatch(text) is not None)


def _tekst(info: Any) -> list[re.Pattern[str]] | None:
    """For a text field: the tests that a cell certainly passes validation unchanged.

    Such a cell is visible ASCII (``_ZICHTBAAR``) and matches the field's pattern, if any (on
    ASCII text Python's and pydantic's regular expressions agree). Any other cell, and every
    other kind of field, goes through the exact validator.
    """
    if info.annotation not in (str, str | None):
        return None
    patterns = [_ZICHTBAAR]
    for item in info.metadata:
        pattern = getattr(item, "pattern", None)
        others = [v for k, v in vars(item).items() if k != "pattern" and v is not None]
        if not isinstance(pattern, str) or others:
            return None
        patterns.append(re.compile(pattern))
    return patterns


class Rijen(Generic[M]):
    """Turns rows (lists of cells under ``header``) into models of ``model``.

    ``vooraf`` changes a cell before validation, as the caller would for ``model_validate``
    (a CSV cell "40.3.1; 40.5.1" for a list, for example). Empty cells are absent values.
    """

    def __init__(self, model: type[M], header: Sequence[str],
                 vooraf: dict[str, Callable[[str], Any]] | None = None) -> None:
        self.model = model
        self.snel = mogelijk(model)
        self.vooraf = vooraf or {}
        fields = model.model_fields
        self.names = [name if name in fields else "" for name in header]
        self.width = len(self.names)
        # Each field once, from its last column (a repeated column: the last one counts, as
        # when the row is made into a dict).
        last = {name: index for index, name in enumerate(self.names) if name}
        self.columns = sorted(last.values())
        self.column_names = [self.names[i] for i in self.columns]
        self.texts = {i: _tekst(fields[self.names[i]]) for i in self.columns}
        self.caches: dict[int, dict[str, Any]] = {i: {} for i in self.columns}
        self.fout: dict[int, set[str]] = {i: set() for i in self.columns}
        self._index = {self.names[i]: i for i in self.columns}
        # Field order, as model_validate fills __dict__; the defaults of absent fields.
        self.template: dict[str, Any] = {}
        self.factories: dict[str, Callable[[], Any]] = {}
        for name, info in fields.items():
            if info.default_factory is not None:
                self.factories[name] = info.default_factory  # type: ignore[assignment]
                self.template[name] = _MISS
            else:
                self.template[name] = _MISS if info.is_required() else info.default
        self.missing_factories = [(n, f) for n, f in self.factories.items() if n not in last]
        self.adapters: dict[str, TypeAdapter[Any]] = {}
        self.gezet: dict[tuple[bool, ...], _Gezet] = {}
        self.config = ConfigDict(str_strip_whitespace=bool(model.model_config.get(
            "str_strip_whitespace", False)))

    def record(self, row: Sequence[str]) -> dict[str, Any]:
        """The row as ``model_validate`` takes it."""
        record: dict[str, Any] = {name: cell for name, cell in zip(self.names, row, strict=False)
                                  if cell and name}
        for name, change in self.vooraf.items():
            if name in record:
                record[name] = change(record[name])
        return record

    def valideer(self, rows: list[list[str]],
                 verzamel: tuple[list[int], dict[str, None]] | None = None) -> list[M | None]:
        """The model of each row, or None where a value fails (validate that record then).

        ``verzamel`` (columns, found): the distinct cells of those columns are added to found.
        """
        rows = self._breed(rows)
        if not rows:
            return []
        cells = list(zip(*rows, strict=True))
        if verzamel is not None:
            for index in verzamel[0]:
                verzamel[1].update(dict.fromkeys(cells[index]))
        if not self.snel:
            return [self._een(row) for row in rows]
        columns: list[list[Any]] = []
        bad: set[int] = set()
        for index in self.columns:
            values, fout = self._column(index, cells[index])
            bad.update(fout)
            columns.append(values)
        names = self.column_names
        template = self.template
        gezet = self.gezet
        new = self.model.__new__
        model_type = self.model
        setattr_ = object.__setattr__
        result: list[M | None] = []
        for number, (row, row_values) in enumerate(zip(rows, zip(*columns, strict=True),
                                                       strict=True)):
            if number in bad:
                result.append(None)
                continue
            data = dict(template)
            data.update(zip(names, row_values, strict=True))
            for name, factory in self.missing_factories:
                data[name] = factory()
            key = tuple(map(bool, row))
            fields_set = gezet.get(key)
            if fields_set is None:
                fields_set = gezet[key] = _Gezet(
                    name for name, cell in zip(self.names, row, strict=True) if name and cell)
            model = new(model_type)
            setattr_(model, "__dict__", data)
            setattr_(model, "__pydantic_fields_set__", fields_set)
            setattr_(model, "__pydantic_extra__", None)
            setattr_(model, "__pydantic_private__", None)
            result.append(model)
        return result

    def tabel(self, rows: list[list[str]], velden: Collection[str]
              ) -> tuple[dict[str, list[Any]], list[int]]:
        """The validated values of the fields ``velden`` of every valid row, column by
        column, and the numbers of the rows where a value fails.

        Exactly the values the models of ``valideer`` would hold, in the same order, without
        a model per row: a list of 100,000 requests needs five fields of each (DESIGN.md §5).
        Every column is still validated, since a row with any wrong cell is left out.
        """
        if not self.snel:
            models = self.valideer(rows)
            good = [m for m in models if m is not None]
            return ({name: [getattr(m, name) for m in good] for name in velden},
                    [number for number, m in enumerate(models) if m is None])
        rows = self._breed(rows)
        if not rows:
            return {name: [] for name in velden}, []
        cells = list(zip(*rows, strict=True))
        wanted = set(velden)
        values: dict[str, list[Any]] = {}
        bad: set[int] = set()
        for index, name in zip(self.columns, self.column_names, strict=True):
            column, fout = self._column(index, cells[index], name in wanted)
            bad.update(fout)
            if name in wanted:
                values[name] = column
        for name in velden:
            if name not in values:  # no such column: the field's default in every row
                factory = self.factories.get(name)
                values[name] = ([factory() for _ in rows] if factory is not None
                                else [self.template[name]] * len(rows))
        if bad:
            values = {name: [v for number, v in enumerate(column) if number not in bad]
                      for name, column in values.items()}
        return values, sorted(bad)

    def _breed(self, rows: list[list[str]]) -> list[list[str]]:
        """Every row as wide as the header: a short row's missing cells are empty."""
        width = self.width
        if rows and min(map(len, rows)) == max(map(len, rows)) == width:
            return rows  # the usual case, seen in C
        return [row if len(row) == width else (row + [""] * width)[:width] for row in rows]

    def _column(self, index: int, cells: tuple[str, ...], waarden: bool = True
                ) -> tuple[list[Any], list[int]]:
        """The validated value of every cell of one column, and the rows where one fails.

        Without ``waarden`` only the failing rows are found (the values are not needed)."""
        name = self.names[index]
        tests = self.texts[index]
        cache = self.caches[index]
        distinct = set(cells)
        values: list[Any]
        if tests is not None and len(distinct) * 4 > len(cells):
            # Mostly unique text (references, case numbers): tested, not remembered.
            values = list(cells)
            for test in tests:
                if test is _ZICHTBAAR and _alle_zichtbaar(cells):
                    continue
                passed = list(map(test.fullmatch if test is _ZICHTBAAR else test.match, cells))
                if None in passed:
                    for number, match in enumerate(passed):
                        if match is None and values[number] is cells[number]:
                            values[number] = self._cached(name, cache, cells[number])
        else:
            for cell in distinct.difference(cache):
                if tests is not None and cell and all(
                        (t.fullmatch if t is _ZICHTBAAR else t.match)(cell) for t in tests):
                    cache[cell] = cell
                else:
                    cache[cell] = self._value(name, cell)
            values = list(map(cache.__getitem__, cells)) if waarden else []
        if name in self.factories and waarden:  # a list: each model gets its own
            factory = self.factories[name]
            values = [factory() if v is _MISS else (list(v) if type(v) is list else v)
                      for v in values]
        fout = self.fout[index]
        bad = ([number for number, cell in enumerate(cells) if cell in fout]
               if fout and not fout.isdisjoint(cells) else [])
        return values, bad

    def _cached(self, name: str, cache: dict[str, Any], cell: str) -> Any:
        value = cache.get(cell, _MISS)
        if value is _MISS:
            value = cache[cell] = self._value(name, cell)
        return value

    def _value(self, name: str, cell: str) -> Any:
        info = self.model.model_fields[name]
        if not cell:
            if name in self.factories:
                return _MISS  # a new default per row
            value = _FOUT if info.is_required() else info.default
        else:
            value = self._exact(name, cell)
        if value is _FOUT:
            self.fout[self._index[name]].add(cell)
        return value

    def _een(self, row: Sequence[str]) -> M | None:
        try:
            return self.model.model_validate(self.record(row))
        except ValidationError:
            return None

    def _exact(self, name: str, cell: str) -> Any:
        adapter = self.adapters.get(name)
        if adapter is None:
            info = self.model.model_fields[name]
            adapter = self.adapters[name] = TypeAdapter(
                Annotated[info.annotation, info], config=self.config)  # type: ignore[arg-type]
        change = self.vooraf.get(name)
        try:
            return adapter.validate_python(change(cell) if change is not None else cell)
        except ValidationError:
            return _FOUT

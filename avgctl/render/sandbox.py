"""The sandbox with limits: a repository template may not exhaust the machine.

Jinja's own sandbox stops attribute tricks (``''.__class__``) but not size: ``'a' * 10**9``,
``'x'.ljust(10**9)`` or a loop of 10^8 steps run until memory or patience runs out. This
environment bounds every way a template can make something big or slow:

- the operators ``*``, ``+``, ``**`` and ``%`` check the size of their result before
  computing it (strings, lists, integers, printf-style widths);
- calls of methods and filters that pad, repeat, join or replace check their result size
  before they run, and every string or list a call returns is checked after;
- loop iterations, macro calls, calls and includes count as steps, with a maximum, and the
  wall-clock deadline is checked as the steps go by;
- all output, also what is captured by ``{% set %}`` blocks and macros, is counted;
- turning a value into text first estimates the text's length without building it, so a
  list that contains itself many times over cannot be printed;
- on Linux, the address space grows by at most a fixed amount while rendering, as a last
  line of defence for anything the checks above did not foresee.

The checks are in the code that Jinja generates from a template (a subclass of its code
generator), so they hold for every template, including ones this module has never seen.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
import time
import types
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from string import Formatter
from typing import Any

from jinja2 import Template, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter
from jinja2.utils import Namespace, _PassArg, generate_lorem_ipsum
from markupsafe import EscapeFormatter, Markup

from avgctl.render.markdown import Markdown, markdown_tekst


@dataclass(frozen=True)
class Limits:
    """What one rendering of a template may use. The defaults leave room for the largest
    register of DESIGN.md §5 (2,000 activities) many times over."""

    output_chars: int = 20_000_000  # all text produced, also inside set blocks and macros
    text_chars: int = 10_000_000  # one string
    list_items: int = 1_000_000  # one list or tuple
    width: int = 10_000  # a padding width or precision: ljust, center, '%*s', '{:>N}'
    range_items: int = 100_000  # one range()
    int_bits: int = 10_000  # one integer (about 3,000 digits)
    steps: int = 1_000_000  # loop iterations, macro calls, calls and includes together
    seconds: float = 10.0
    memory_bytes: int = 512 * 2**20  # extra address space while rendering (Linux)


class LimitExceeded(Exception):
    """A template went over one of its limits; the message is Dutch and complete."""


def _getal(n: float) -> str:
    """1.000.000 and 0,5: numbers the Dutch way."""
    if n != int(n):
        return f"{n:g}".replace(".", ",")
    return f"{n:,.0f}".replace(",", ".")


@dataclass
class _Watch:
    """The running count for one rendering."""

    deadline: float
    steps: int = 0
    output: int = 0
    ticks: int = 0


# -- the size of a value as text, estimated without building the text -----------------------

_SMALL = (bool, float, complex, dt.date, dt.time, dt.timedelta, type(None), range)


class _TooBig(Exception):
    pass


def text_size(value: Any, limit: int) -> int:
    """An estimate of ``len(str(value))``; raises _TooBig as soon as it passes ``limit``.

    Shared parts are counted every time they appear, as ``str()`` would print them, but
    measured only once: a list built as ``[a, a]`` forty times over is measured in forty
    steps, not 2^40.
    """
    if isinstance(value, str):
        size = len(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        size = value.bit_length() // 3 + 2
    elif isinstance(value, _SMALL):
        size = 40
    else:
        size = _container_size(value, limit, {}, 0)
    if size > limit:
        raise _TooBig
    return size


def _container_size(value: Any, limit: int, seen: dict[int, int], depth: int) -> int:
    if isinstance(value, (str, bytes)):
        return len(value) * (4 if isinstance(value, bytes) else 1) + 2
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() // 3 + 2
    if isinstance(value, _SMALL):
        return 40
    key = id(value)
    if key in seen:
        return seen[key]
    pairs: Any = None
    if isinstance(value, Namespace):
        pairs = object.__getattribute__(value, "_Namespace__attrs").items()
    elif isinstance(value, Mapping):
        pairs = value.items()
    elif isinstance(value, (list, tuple, set, frozenset, KeysView, ValuesView, ItemsView)):
        items: Any = value
    else:
        return 64  # Undefined, macros, loop objects, cyclers: a short repr
    if depth > 100:
        raise _TooBig  # str() itself would fail on nesting this deep
    seen[key] = 8  # a list that contains itself prints as [...]
    total = 2
    if pairs is not None:
        for key_, item in pairs:
            total += 4 + _container_size(key_, limit, seen, depth + 1) + _container_size(
                item, limit, seen, depth + 1)
            if total > limit:
                raise _TooBig
    else:
        for item in items:
            total += 2 + _container_size(item, limit, seen, depth + 1)
            if total > limit:
                raise _TooBig
    seen[key] = total
    return total


# -- the generated code ----------------------------------------------------------------------

# A step (one loop iteration, one macro call) is marked in the parsed template by this
# statement; Jinja allows no node types of one's own, and ExprStmt is otherwise only made by
# the ``do`` extension, which avgctl does not load.
_STEP = "_step"
# A macro call costs about five loop iterations of time; it counts as five steps so that the
# step limit ends exponential macro recursion as quickly as a runaway loop.
_MACRO_STEP = "_macro_step"
_MACRO_WEIGHT = 5


def _step_node(name: str, lineno: int) -> nodes.ExprStmt:
    return nodes.ExprStmt(nodes.EnvironmentAttribute(name, lineno=lineno), lineno=lineno)


def _is_markdown(name: str | None) -> bool:
    return bool(name) and str(name).endswith((".md.j2", ".md"))


class _Generator(CodeGenerator):
    """Jinja's code generator with the counting and the checks written into the code."""

    def __init__(self, environment: Any, name: str | None, filename: str | None,
                 *args: Any, **kwargs: Any) -> None:
        super().__init__(environment, name, filename, *args, **kwargs)
        self.markdown = _is_markdown(name) and getattr(environment, "escape_markdown", True)

    def visit_ExprStmt(self, node: nodes.ExprStmt, frame: Frame) -> None:
        if isinstance(node.node, nodes.EnvironmentAttribute) and node.node.name == _STEP:
            self.writeline("environment._step()", node)
            return
        if isinstance(node.node, nodes.EnvironmentAttribute) and node.node.name == _MACRO_STEP:
            self.writeline(f"environment._step({_MACRO_WEIGHT})", node)
            return
        super().visit_ExprStmt(node, frame)

    def _output_const_repr(self, group: Any) -> str:
        return f"environment._output({super()._output_const_repr(group)})"

    def _md_output(self, frame: Frame) -> bool:
        return self.markdown and not frame.eval_ctx.volatile and not frame.eval_ctx.autoescape

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._md_output(frame):
            # Register text in Markdown is escaped, as autoescape does for HTML.
            self.write("environment._output(environment._markdown(")
            if finalize.src is not None:
                self.write(finalize.src)
            return
        self.write("environment._output(")
        super()._output_child_pre(node, frame, finalize)
        self.write("environment._measured(")

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._md_output(frame):
            self.write("))" if finalize.src is None else ")))")
            return
        self.write(")")
        super()._output_child_post(node, frame, finalize)
        self.write(")")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            markup = "context.eval_ctx.autoescape"
        else:
            markup = "True" if frame.eval_ctx.autoescape else "False"
        self.write("environment._concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(f"), {markup})")

    @optimizeconst
    def visit_Compare(self, node: nodes.Compare, frame: Frame) -> None:
        # Comparing two lists compares their elements, and a list built as [a, a] forty times
        # over has 2^40 of them: the comparison goes through the environment, which measures.
        self.write("environment._compare(")
        self.visit(node.expr, frame)
        self.write(", (")
        for operand in node.ops:
            self.write(f"({operand.op!r}, ")
            self.visit(operand.expr, frame)
            self.write("), ")
        self.write("))")

    def return_buffer_contents(self, frame: Frame, force_unescaped: bool = False) -> None:
        # What a macro or caller() returns in a Markdown template is Markdown already: its
        # register text was escaped when it was output, so it must not be escaped again.
        if self.markdown and not frame.eval_ctx.volatile and not frame.eval_ctx.autoescape:
            self.writeline(f"return environment._block(concat({frame.buffer}))")
            return
        super().return_buffer_contents(frame, force_unescaped)

    def visit_AssignBlock(self, node: nodes.AssignBlock, frame: Frame) -> None:
        if not (self.markdown and not frame.eval_ctx.volatile
                and not frame.eval_ctx.autoescape and node.filter is None):
            super().visit_AssignBlock(node, frame)
            return
        # As Jinja's own, but the captured text is marked as Markdown (see above).
        self.push_assign_tracking()
        block_frame = frame.inner()
        block_frame.require_output_check = False
        block_frame.symbols.analyze_node(node)
        self.enter_frame(block_frame)
        self.buffer(block_frame)
        self.blockvisit(node.body, block_frame)
        self.newline(node)
        self.visit(node.target, frame)
        self.write(f" = environment._block(concat({block_frame.buffer}))")
        self.pop_assign_tracking(frame)
        self.leave_frame(block_frame)


def _insert_steps(tree: nodes.Template) -> None:
    for node in list(tree.find_all((nodes.For, nodes.Macro, nodes.CallBlock))):
        name = _STEP if isinstance(node, nodes.For) else _MACRO_STEP
        body: list[nodes.Node] = node.body  # type: ignore[attr-defined]
        body.insert(0, _step_node(name, node.lineno))


# -- the environment ---------------------------------------------------------------------

_PAD = frozenset({"ljust", "rjust", "center", "zfill"})
# Filters that turn their value into text: its size is estimated first.
_TEXT_FILTERS = frozenset({
    "string", "pprint", "tojson", "e", "escape", "forceescape", "safe", "format", "trim",
    "upper", "lower", "title", "capitalize", "replace", "truncate", "wordwrap", "wordcount",
    "center", "indent", "striptags", "urlize", "urlencode", "join", "xmlattr", "cel",
    "leesbaar", "datum"})
# Filters that compare or hash the elements of their value.
_ORDER_FILTERS = frozenset({"sort", "unique", "groupby", "dictsort", "max", "min"})
# Filters whose arguments decide how big the result gets.
_SIZE_FILTERS = frozenset({"center", "indent", "format", "batch", "slice", "tojson",
                           "replace", "join", "wordwrap", "sum"})
_PRINTF = re.compile(r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<prec>\*|\d*))?"
                     r"[hlL]?(?P<type>.)", re.DOTALL)
_DIGITS = re.compile(r"\d+")


class LimitedEnvironment(SandboxedEnvironment):
    """A SandboxedEnvironment that also bounds size and time (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _Generator

    def __init__(self, *args: Any, limits: Limits | None = None, escape_markdown: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or Limits()
        # False when the caller has escaped every string of the context for Markdown itself.
        self.escape_markdown = escape_markdown
        self._watch: _Watch | None = None
        self.template_files: dict[str, str] = {}  # file name -> template name
        self.globals["range"] = self._range
        self.globals["lipsum"] = self._lipsum
        self.filters = _GuardedFilters(self, self.filters)
        self.template_class = _LimitedTemplate

    # -- the count -----------------------------------------------------------------------

    def _fail(self, reason: str) -> LimitExceeded:
        return LimitExceeded(reason)

    def _step(self, weight: int = 1) -> None:
        watch = self._watch
        if watch is None:
            return
        watch.steps += weight
        if watch.steps > self.limits.steps:
            raise self._fail(f"het sjabloon doet meer dan {_getal(self.limits.steps)} stappen "
                             "(herhalingen in lussen en aanroepen van macro's samen)")
        self._tick(watch)

    def _tick(self, watch: _Watch) -> None:
        watch.ticks += 1
        if not watch.ticks & 0x1FF and time.monotonic() > watch.deadline:
            raise self._fail(f"het sjabloon loopt langer dan {_getal(self.limits.seconds)} "
                             "seconden")

    def _output(self, text: str) -> str:
        # No clock here: output without a loop or macro is bounded by the template's length,
        # and every loop iteration and macro call is a step, which does look at the clock.
        watch = self._watch
        if watch is not None:
            watch.output += len(text)
            if watch.output > self.limits.output_chars:
                raise self._fail("het sjabloon maakt meer dan "
                                 f"{_getal(self.limits.output_chars)} tekens tekst")
        return text

    def _measure(self, value: Any) -> None:
        try:
            text_size(value, self.limits.text_chars)
        except _TooBig:
            raise self._too_long() from None

    def _too_long(self) -> LimitExceeded:
        return self._fail(f"een tekst in het sjabloon wordt langer dan "
                          f"{_getal(self.limits.text_chars)} tekens")

    def _too_many(self) -> LimitExceeded:
        return self._fail(f"een lijst in het sjabloon wordt langer dan "
                          f"{_getal(self.limits.list_items)} elementen")

    def _measured(self, value: Any) -> Any:
        if not isinstance(value, str):
            self._measure(value)
        return value

    def _markdown(self, value: Any) -> str:
        if not isinstance(value, str):
            self._measure(value)
        return markdown_tekst(value)

    def _block(self, text: str) -> Markdown:
        return Markdown(text)

    def _concat(self, items: tuple[Any, ...], markup: bool) -> str:
        total = 0
        for item in items:
            total += len(item) if isinstance(item, str) else self._size(item)
        if total > self.limits.text_chars:
            raise self._too_long()
        return markup_join(items) if markup else str_join(items)

    def _compare(self, left: Any, pairs: tuple[tuple[str, Any], ...]) -> Any:
        """``left op1 a op2 b``, as Python evaluates a chain, after measuring containers."""
        result: Any = True
        for op, right in pairs:
            for value in (left, right):
                if isinstance(value, _CONTAINERS):
                    self._measure_work(value)
            result = _COMPARE[op](left, right)
            if not result:
                return result
            left = right
        return result

    def _measure_work(self, value: Any) -> None:
        try:
            text_size(value, self.limits.text_chars)
        except _TooBig:
            raise self._fail("een waarde in het sjabloon is te groot om te vergelijken of te "
                             f"sorteren (als tekst meer dan {_getal(self.limits.text_chars)} "
                             "tekens)") from None

    def _size(self, value: Any) -> int:
        try:
            return text_size(value, self.limits.text_chars)
        except _TooBig:
            raise self._too_long() from None

    def _width(self, value: Any) -> None:
        if isinstance(value, int) and value > self.limits.width:
            raise self._fail(f"breedte {_getal(value)} is groter dan de grens van "
                             f"{_getal(self.limits.width)}")

    def _check_text(self, n: int) -> None:
        if n > self.limits.text_chars:
            raise self._too_long()

    def _check_list(self, n: int) -> None:
        if n > self.limits.list_items:
            raise self._too_many()

    def _check_result(self, value: Any) -> Any:
        if isinstance(value, (str, bytes)):
            self._check_text(len(value))
        elif isinstance(value, (list, tuple)):
            self._check_list(len(value))
        return value

    # -- globals ------------------------------------------------------------------------------

    def _range(self, *args: int) -> range:
        rng = range(*args)
        try:
            size = len(rng)
        except OverflowError:
            size = self.limits.range_items + 1
        if size > self.limits.range_items:
            raise self._fail(f"range() geeft {_getal(size) if size < 10**30 else 'te veel'} "
                             f"getallen; de grens is {_getal(self.limits.range_items)}")
        return rng

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        for value in (n * max, min, max):
            self._width(value)
        return generate_lorem_ipsum(n, html, min, max)

    # -- operators and calls -------------------------------------------------------------

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            self._check_times(left, right)
        elif operator == "+":
            self._check_plus(left, right)
        elif operator == "**":
            self._check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            self._check_printf(left, right)
        return self.binop_table[operator](left, right)

    def _check_times(self, left: Any, right: Any) -> None:
        for seq, n in ((left, right), (right, left)):
            if isinstance(n, int) and not isinstance(n, bool):
                if isinstance(seq, (str, bytes)):
                    self._check_text(len(seq) * n)
                elif isinstance(seq, (list, tuple)):
                    self._check_list(len(seq) * n)
        if _is_int(left) and _is_int(right):
            self._check_bits(left.bit_length() + right.bit_length())

    def _check_plus(self, left: Any, right: Any) -> None:
        if isinstance(left, (str, bytes)) and isinstance(right, (str, bytes)):
            self._check_text(len(left) + len(right))
        elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
            self._check_list(len(left) + len(right))

    def _check_power(self, base: Any, exponent: Any) -> None:
        if _is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1:
            self._check_bits(exponent * math.log2(abs(base)))

    def _check_bits(self, bits: float) -> None:
        if bits > self.limits.int_bits:
            raise self._fail("een getal in het sjabloon wordt groter dan "
                             f"{_getal(self.limits.int_bits)} bits (ongeveer "
                             f"{_getal(round(self.limits.int_bits * 0.30103))} cijfers)")

    def _check_printf(self, fmt: str, values: Any) -> None:
        """'%10s' % x and the format filter: widths, precisions and the values' size."""
        mapping = isinstance(values, Mapping)
        args = list(values) if isinstance(values, tuple) else [values]
        total = len(fmt)
        for match in _PRINTF.finditer(fmt):
            if match["type"] == "%":
                continue
            size = 0
            for part in (match["width"], match["prec"]):
                if part == "*":
                    star = args.pop(0) if args and not mapping else 0
                    self._width(star)
                    size = max(size, star if isinstance(star, int) else 0)
                elif part:
                    self._width(int(part))
                    size = max(size, int(part))
            if mapping:
                value = values.get(match["key"]) if match["key"] is not None else values
            else:
                value = args.pop(0) if args else None
            total += max(size, self._size(value))
        self._check_text(total)

    def call(__self, __context: Context, __obj: Any, *args: Any,
             **kwargs: Any) -> Any:
        __self._step()
        if not __self.is_safe_callable(__obj):
            raise SecurityError(f"{__obj!r} is not safely callable")
        if isinstance(__obj, (types.BuiltinMethodType, types.MethodType)):
            __self._check_method(getattr(__obj, "__self__", None), __obj.__name__, args, kwargs)
        return __self._check_result(__context.call(__obj, *args, **kwargs))

    def _check_method(self, target: Any, name: str, args: tuple[Any, ...],
                      kwargs: dict[str, Any]) -> None:
        if isinstance(target, (str, bytes)):
            if name in _PAD:
                self._width(args[0] if args else kwargs.get("width"))
            elif name == "expandtabs":
                tabs = args[0] if args else kwargs.get("tabsize", 8)
                self._width(tabs)
                if isinstance(tabs, int):
                    tab = target.count("\t") if isinstance(target, str) else target.count(b"\t")
                    self._check_text(len(target) + tab * tabs)
            elif name == "replace" and len(args) >= 2:
                self._check_replace(target, args[0], args[1],
                                    args[2] if len(args) > 2 else kwargs.get("count", -1))
            elif name == "join" and args:
                items = args[0]
                if isinstance(items, (list, tuple)):
                    self._check_text(sum(len(i) for i in items if isinstance(i, (str, bytes)))
                                     + len(target) * max(len(items) - 1, 0))
            elif name == "translate" and args and isinstance(args[0], Mapping):
                longest = max((len(v) for v in args[0].values() if isinstance(v, str)),
                              default=1)
                self._check_text(len(target) * longest)
        elif isinstance(target, list):
            if name == "extend" and args and hasattr(args[0], "__len__"):
                self._check_list(len(target) + len(args[0]))
            elif name in ("append", "insert"):
                self._check_list(len(target) + 1)

    def _check_replace(self, text: Any, old: Any, new: Any, count: Any) -> None:
        if not (isinstance(old, type(text)) and isinstance(new, type(text))):
            return
        hits = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            hits = min(hits, count)
        self._check_text(len(text) + hits * max(len(new) - len(old), 0))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """str.format and str.format_map, with every field's width and value checked."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) \
                or value.__name__ not in ("format", "format_map"):
            return None
        f_self: Any = value.__self__
        if not isinstance(f_self, str):
            return None
        str_type: type[str] = type(f_self)
        is_format_map = value.__name__ == "format_map"
        formatter: Formatter
        if isinstance(f_self, Markup):
            formatter = _EscapeFormatter(self, escape=f_self.escape)
        else:
            formatter = _LimitedFormatter(self)

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_format_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs = args[0]
                args = ()
            return str_type(formatter.vformat(f_self, args, kwargs))

        return wrapper

    def _check_spec(self, spec: str, value: Any) -> None:
        for digits in _DIGITS.findall(spec):
            self._width(int(digits))
        self._size(value)

    def _load_template(self, name: str, globals: Any) -> Template:
        self._step()  # an include in a loop or a template including itself
        template = super()._load_template(name, globals)
        if template.filename:
            self.template_files[template.filename] = template.name or name
        return template

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _insert_steps(tree)
        return tree

    @contextmanager
    def watching(self) -> Iterator[None]:
        """Count from zero for one rendering; nested renderings share the count."""
        if self._watch is not None:
            yield
            return
        self._watch = _Watch(deadline=time.monotonic() + self.limits.seconds)
        try:
            with _address_space(self.limits.memory_bytes):
                yield
        finally:
            self._watch = None


_CONTAINERS = (list, tuple, dict, set, frozenset, Namespace)
_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "eq": operator.eq, "ne": operator.ne, "gt": operator.gt, "gteq": operator.ge,
    "lt": operator.lt, "lteq": operator.le, "in": lambda a, b: a in b,
    "notin": lambda a, b: a not in b,
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _LimitedFormatter(SandboxedFormatter):
    _env: LimitedEnvironment

    def format_field(self, value: Any, format_spec: str) -> Any:
        self._env._check_spec(format_spec, value)
        return super().format_field(value, format_spec)


class _EscapeFormatter(_LimitedFormatter, EscapeFormatter):
    pass


class _LimitedTemplate(Template):
    """A template whose render() counts steps, output and time from zero."""

    environment: LimitedEnvironment

    def render(self, *args: Any, **kwargs: Any) -> str:
        with self.environment.watching():
            return super().render(*args, **kwargs)


# -- filters ---------------------------------------------------------------------------------

def _filter_checks(env: LimitedEnvironment, name: str, args: tuple[Any, ...],
                   kwargs: dict[str, Any]) -> None:
    value = args[0] if args else None
    rest = args[1:]

    def arg(i: int, key: str, default: Any = None) -> Any:
        return rest[i] if len(rest) > i else kwargs.get(key, default)

    if name in _TEXT_FILTERS and args and not isinstance(value, str):
        env._size(value)
    elif name in _ORDER_FILTERS and isinstance(value, _CONTAINERS):
        env._measure_work(value)
    if name not in _SIZE_FILTERS:
        return
    if name == "center":
        env._width(arg(0, "width", 80))
    elif name == "indent":
        width = arg(0, "width", 4)
        env._width(len(width) if isinstance(width, str) else width)
        if isinstance(value, str):
            env._check_text(len(value) + (value.count("\n") + 1) * (
                len(width) if isinstance(width, str) else int(width)))
    elif name == "format" and isinstance(value, str):
        env._check_printf(value, kwargs or tuple(rest))
    elif name in ("batch", "slice"):
        count = arg(0, "linecount" if name == "batch" else "slices")
        if name == "slice" or arg(1, "fill_with") is not None:
            env._width(count)
    elif name == "tojson":
        indent = arg(0, "indent")
        env._width(indent)
        if isinstance(indent, int):
            env._check_text(env._size(value) * (1 + indent))
    elif name == "replace" and isinstance(value, str):
        env._check_replace(value, arg(0, "old"), arg(1, "new"), arg(2, "count", -1))
    elif name == "join" and isinstance(value, (list, tuple)):
        sep = arg(0, "d", "")
        env._check_text(env._size(value) + len(str(sep)) * len(value))
    elif name == "wordwrap" and isinstance(value, str):
        width = arg(0, "width", 79)
        wrap = arg(2, "wrapstring") or "\n"
        if isinstance(width, int) and width > 0:
            env._check_text(len(value) + (len(value) // width + 1) * len(str(wrap)))
    elif name == "sum" and isinstance(value, (list, tuple)):
        start = arg(1, "start", 0)
        if not isinstance(start, (int, float)):
            env._check_list(sum(len(v) for v in value if hasattr(v, "__len__")))


class _GuardedFilters(dict[str, Any]):
    """The filter table: every filter, also one added later, runs with its checks."""

    def __init__(self, env: LimitedEnvironment, filters: Mapping[str, Any]) -> None:
        super().__init__()
        self._env = env
        for name, func in filters.items():
            self[name] = func

    def __setitem__(self, name: str, func: Any) -> None:
        super().__setitem__(name, _guard(self._env, name, func))

    def update(self, *args: Any, **kwargs: Any) -> None:
        for name, func in dict(*args, **kwargs).items():
            self[name] = func


def _guard(env: LimitedEnvironment, name: str, func: Any) -> Any:
    if getattr(func, "_avgctl_guarded", False):
        return func
    skip = 1 if _PassArg.from_obj(func) is not None else 0
    checked = name in _TEXT_FILTERS or name in _SIZE_FILTERS or name in _ORDER_FILTERS

    @wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if checked:
            _filter_checks(env, name, args[skip:], kwargs)
        return env._check_result(func(*args, **kwargs))

    setattr(guarded, "_avgctl_guarded", True)  # noqa: B010
    return guarded


# -- the address space (Linux) -------------------------------------------------------------

@contextmanager
def _address_space(extra: int) -> Iterator[None]:
    """Let the process grow by at most ``extra`` bytes; a bigger allocation fails with
    MemoryError instead of pushing the machine into swap."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            used = int(statm.read().split()[0]) * resource.getpagesize()
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError):
        yield
        return
    limit = used + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

"""What a Word template may do, and the Jinja environment every template is rendered in.

A template is a file the secretary (or anyone who hands her one) edits; docxtpl renders it
with a plain Jinja environment unless given another, and plain Jinja reaches Python objects
(`cycler.__init__.__globals__.os.popen`) and loops as long as it is told. So a template may
use only the report's variables, the attributes of their rows and of `loop`, and a few
filters, each named here; the pre-flight (preflight.py) names every tag that reaches further,
and rendering happens in a sandbox that refuses the same things and bounds loops, calls,
output and the operators that make big values, in case anything slips past the pre-flight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .. import fmt

MAX_TURNS = 100_000  # loop turns, calls and attribute reads in one render; a report makes
#                     a few thousand
PER_ROW = 20  # more turns for each row of the context's lists: a row's loop turn and its
#              attributes read a few times over (a decision of 20,000 names reads 160,000)
MAX_OUTPUT = 50 * 2**20  # characters of one rendered part at MAX_TURNS, and as much more in
#                         proportion to a larger allowance; a report's body is under 1 MB, a
#                         decision of 20,000 names 20 MB
BATCH = 4096  # rendered parts measured at a time
MAX_REPEAT = 10_000  # characters or items a "*" may make of a text or a list
MAX_POWER = 100  # largest exponent of "**", and 10**6 the largest integer raised

# The attributes of `loop` (Jinja's loop variable), and those of them that are called.
LOOP_ATTRIBUTES = frozenset({"index", "index0", "revindex", "revindex0", "first", "last",
                             "length", "depth", "depth0", "previtem", "nextitem", "cycle",
                             "changed"})
LOOP_CALLS = frozenset({"cycle", "changed"})
# Jinja's filters that only read and tidy the report's text and lists. Left out: those that
# reach attributes by name (attr, selectattr, groupby…), make big values from small ones
# (center, indent, batch, replace, format, wordwrap…), or put raw XML in the document (safe).
FILTERS = frozenset({"abs", "capitalize", "count", "d", "default", "dictsort", "e", "escape",
                     "first", "float", "int", "join", "last", "length", "list", "lower", "map",
                     "max", "min", "reject", "reverse", "round", "select", "sort", "string",
                     "striptags", "sum", "title", "trim", "truncate", "unique", "upper",
                     "wordcount"})
# Jinja's statements a template may not use: they load other templates, define functions or
# turn escaping off (for, if, set, with, raw and print remain; any other word is a syntax error).
BLOCKED_STATEMENTS = frozenset({"extends", "block", "include", "import", "from", "macro", "call",
                                "filter", "autoescape"})
GLOBALS = frozenset(jinja2.Environment().globals)  # range, dict, cycler, joiner, namespace…
COUNTED = "dem_vong_lap"  # the filter every loop's sequence is passed through, when rendering


def reaches(ast: nodes.Node, attributes: frozenset[str], filters: frozenset[str]) -> list[str]:
    """What an expression reaches for beyond the report's data, each as the template writes
    it ("__class__", "range", "attr", "ten_co_quan()"); empty for a harmless one. A name the
    context does not have is not this function's business (preflight says it is unknown)."""
    found: list[str] = []
    for node in ast.find_all((nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Filter)):
        found += _reach(node, attributes | LOOP_ATTRIBUTES, filters)
    for call in ast.find_all(nodes.Call):
        callee = _label(call.node)
        if not _loop_call(call.node) and callee not in found:
            found.append(callee + "()")
    return list(dict.fromkeys(found))


def _reach(node: nodes.Node, attributes: frozenset[str], filters: frozenset[str]) -> list[str]:
    if isinstance(node, nodes.Name):
        return [node.name] if node.name in GLOBALS else []
    if isinstance(node, nodes.Getattr):
        return [] if node.attr in attributes else [node.attr]
    if isinstance(node, nodes.Getitem):
        return _key(node.arg, attributes)
    assert isinstance(node, nodes.Filter)
    if node.name not in filters:
        return [node.name]
    named = [a for a in node.args[:1] if node.name == "map"]  # map("upper"): a filter by name
    found = [str(a.value) for a in named if isinstance(a, nodes.Const) and a.value not in filters]
    for pair in node.kwargs:
        if pair.key == "attribute":  # sort(attribute="ten"): an attribute by name
            found += _attribute_path(pair.value, attributes)
    return found


def _key(arg: nodes.Node, attributes: frozenset[str]) -> list[str]:
    """A subscript: a number, a slice, a variable, or the name of an allowed attribute."""
    if isinstance(arg, nodes.Const) and isinstance(arg.value, int):
        return []
    if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
        return [] if arg.value in attributes else [arg.value]
    if isinstance(arg, (nodes.Slice, nodes.Name, nodes.Getattr)):
        return []
    return ["[…]"]  # a key computed from text: it could spell anything


def _attribute_path(value: nodes.Node, attributes: frozenset[str]) -> list[str]:
    if not isinstance(value, nodes.Const) or not isinstance(value.value, str):
        return ["attribute=…"]
    parts = value.value.replace(",", ".").split(".")
    return [p for p in parts if p.strip() not in attributes and not p.strip().isdigit()]


def _loop_call(node: nodes.Node) -> bool:
    """loop.cycle(…), loop.changed(…), and loop(…) of a recursive loop."""
    if isinstance(node, nodes.Getattr):
        return isinstance(node.node, nodes.Name) and node.node.name == "loop" \
            and node.attr in LOOP_CALLS
    return isinstance(node, nodes.Name) and node.name == "loop"


def _label(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return node.attr
    return "(…)"


# --- rendering ----------------------------------------------------------------------------

class Environment(ImmutableSandboxedEnvironment):
    """Jinja's sandbox (no attribute starting with "_", no Python internals, no changing the
    context's lists and dicts), without Jinja's global functions, with only the FILTERS and the
    report's own, and with every loop turn, call and attribute read counted against `limit`
    (a recursive loop's inner turns are not seen, its calls and reads are), every rendered
    part and buffer held to MAX_OUTPUT (more in proportion to a larger limit), and "*", "**",
    "%" kept from making huge values."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, filters: dict[str, Callable[..., Any]], limit: int = MAX_TURNS) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        self.globals.clear()
        self.filters = {name: f for name, f in self.filters.items() if name in FILTERS}
        self.filters |= {**filters, COUNTED: _counted}
        self.turns = 0
        self.limit = limit
        self.max_output = MAX_OUTPUT * limit // MAX_TURNS

    def from_string(self, source: str | nodes.Template, globals: Any = None,
                    template_class: Any = None) -> jinja2.Template:
        """docxtpl's way in: every loop's sequence is counted as it is walked."""
        tree = self.parse(source) if isinstance(source, str) else source
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, COUNTED, [], [], None, None,
                                     lineno=loop.lineno, environment=self)
        return super().from_string(tree, globals, template_class)

    def spend(self) -> None:
        self.turns += 1
        if self.turns > self.limit:
            raise SecurityError(f"mẫu lặp, gọi hoặc đọc thuộc tính quá "
                                f"{fmt.thousands(self.limit)} lần")

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.spend()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.spend()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.spend()
        return super().getitem(obj, argument)

    def concat(self, parts: Iterable[str]) -> str:  # type: ignore[override]
        """Jinja joins every rendered part and buffer with this: stop at MAX_OUTPUT. Parts are
        measured a batch at a time (a decision of 20,000 names has millions)."""
        out: list[str] = []
        size, parts = 0, iter(parts)
        while batch := list(islice(parts, BATCH)):
            size += sum(map(len, batch))
            if size > self.max_output:
                raise SecurityError(f"mẫu tạo ra hơn {self.max_output // 2**20} triệu ký tự")
            out += batch
        return "".join(out)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "%" and isinstance(left, str):  # "%0999999999d" % 1
            raise SecurityError("mẫu dùng phép % trên chữ")
        if operator == "*" and _repeated(left, right) > MAX_REPEAT:
            raise SecurityError(f"phép * tạo ra hơn {fmt.thousands(MAX_REPEAT)} ký tự")
        if operator == "**" and not _small_power(left, right):
            raise SecurityError("phép ** tạo ra số quá lớn")
        return super().call_binop(context, operator, left, right)


def allowance(context: dict[str, Any]) -> int:
    """The turns a render of `context` may take: MAX_TURNS, and PER_ROW for each row of its
    lists, so that a long list is rendered and a template looping over it twice is not."""
    rows = sum(len(v) for v in context.values() if isinstance(v, (list, tuple)))
    return MAX_TURNS + PER_ROW * rows


@jinja2.pass_context
def _counted(context: Context, sequence: Iterable[Any]) -> Iterator[Any]:
    env = context.environment
    assert isinstance(env, Environment)
    for item in sequence:
        env.spend()
        yield item


def _repeated(left: Any, right: Any) -> int:
    """How long a text or list "*" makes; 0 for numbers."""
    for seq, n in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(n, int):
            return len(seq) * n
    return 0


def _small_power(base: Any, exponent: Any) -> bool:
    if isinstance(exponent, (int, float)) and abs(exponent) > MAX_POWER:
        return False
    return not isinstance(base, int) or abs(base) <= 10**6

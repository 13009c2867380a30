"""No import cycle anywhere in pipeline/: every import counts, those inside functions and under
TYPE_CHECKING too, relative ones resolved, `from package import module` taken as the module."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
Graph = dict[str, set[str]]


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Every module of the package by dotted name; a package by its own name."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _base(node: ast.ImportFrom, name: str, is_package: bool) -> str:
    """The module a `from … import` reads from, its dots resolved against `name`."""
    if not node.level:
        return node.module or ""
    parts = name.split(".") if is_package else name.split(".")[:-1]
    parts = parts[:len(parts) - node.level + 1]
    return ".".join(parts + ([node.module] if node.module else []))


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of `known` that the module `name` imports, wherever in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = _base(node, name, path.name == "__init__.py")
            for a in node.names:
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in known else base)
    return found & known - {name}


def graph() -> Graph:
    found = modules()
    return {name: imports(name, path, set(found)) for name, path in found.items()}


def cycle(g: Graph) -> list[str]:
    """One import cycle of the graph as its modules, the first repeated at the end; [] if none."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str]:
        if name in path:
            return path[path.index(name):] + [name]
        if name in done:
            return []
        for other in sorted(g.get(name, ())):
            found = visit(other, path + [name])
            if found:
                return found
        done.add(name)
        return []

    for name in sorted(g):
        found = visit(name, [])
        if found:
            return found
    return []


def test_the_graph_sees_every_kind_of_import():
    g = graph()
    assert "pipeline.khoi.job" in g["pipeline.khoi"]  # the package's own __init__
    assert "pipeline.khoi.report" in g["pipeline.khoi.job"]  # inside a function, relative
    assert "pipeline.job" in g["pipeline.khoi.gather"]  # from .. import job
    assert "pipeline.khoi.model" in g["pipeline.console"]  # under TYPE_CHECKING
    assert "pipeline.reading.read" in g["pipeline.job"]  # from . import read


def test_a_cycle_is_found_and_named():
    g = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycle(g) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_pipeline():
    found = cycle(graph())
    assert not found, "import cycle: " + " → ".join(found)


def reached(g: Graph, name: str) -> set[str]:
    """Every module `name` imports, directly or through others."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        for other in g.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def test_the_writers_do_not_depend_on_the_reader():
    """The report and summary writers take checked data: they never need to read a workbook."""
    g = graph()
    for writer in ("pipeline.documents.report", "pipeline.documents.summary",
                   "pipeline.khoi.report", "pipeline.khoi.summary"):
        assert not reached(g, writer) & {"pipeline.reading.read", "pipeline.reading.validate",
                                         "pipeline.job"}, writer
    assert "pipeline.reading.read" in reached(g, "pipeline.khoi.job")  # and the check can tell


# The layers, lowest first: a module imports only from its own layer or the ones below it.
LAYERS = (
    ("foundation", {"pipeline.cells", "pipeline.config", "pipeline.errors", "pipeline.fmt",
                    "pipeline.issues", "pipeline.model", "pipeline.schema", "pipeline.runlog"}),
    ("reading", {"pipeline.reading"}),  # the workbooks' bytes, grids, checked records
    ("figures", {"pipeline.figures"}),  # metrics, rules, pledges, results, decisions' lists
    ("documents", {"pipeline.documents"}),  # Word and Excel outputs, their templates
    ("delivery", {"pipeline.delivery"}),  # placing files, send-back copies
    ("runs", {"pipeline.job", "pipeline.khoi", "pipeline.console", "pipeline.cli",
              "pipeline.templates_init", "pipeline.launch", "pipeline"}),
)


def layer(module: str) -> int:
    """The rank of a module's layer: a package's modules share it."""
    ranks = [n for n, (_, names) in enumerate(LAYERS) for name in names
             if module == name or module.startswith(name + ".") and name != "pipeline"]
    assert ranks or module == "pipeline", module
    return max(ranks) if ranks else len(LAYERS) - 1


def test_every_module_has_a_layer():
    assert {m: layer(m) for m in modules()}  # layer() fails on a module of no layer


def upward(g: Graph) -> list[str]:
    """The imports of the graph that reach a higher layer, each with its layers."""
    return sorted(f"{a} → {b} ({LAYERS[layer(a)][0]} → {LAYERS[layer(b)][0]})"
                  for a, targets in g.items() for b in targets if layer(b) > layer(a))


def test_imports_only_run_downward():
    assert upward(graph()) == []
    assert upward({"pipeline.reading.read": {"pipeline.documents.report"}}) == [
        "pipeline.reading.read → pipeline.documents.report (reading → documents)"]

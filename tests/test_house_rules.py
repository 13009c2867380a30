"""House rules read off the code of pipeline/: JSON is written in one place, and numbers and
dates are put into words only by pipeline/fmt.py (Babel's vi locale, SPEC)."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

LAYOUT_ONLY = re.compile(r"[<>^]?\d*")  # "{name:<20}": width and alignment, no number format


def trees() -> dict[str, ast.Module]:
    return {p.relative_to(ROOT).as_posix(): ast.parse(p.read_text(encoding="utf-8"))
            for p in sorted((ROOT / "pipeline").rglob("*.py"))}


def _spec(node: ast.FormattedValue) -> str:
    assert isinstance(node.format_spec, ast.JoinedStr)
    return "".join(str(v.value) for v in node.format_spec.values if isinstance(v, ast.Constant))


def formatting(tree: ast.Module) -> list[str]:
    """What in a module formats a number or a date itself, by line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None \
                and not LAYOUT_ONLY.fullmatch(_spec(node)):
            found.append(f"{node.lineno}: {{…:{_spec(node)}}}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("babel"):
            found.append(f"{node.lineno}: from {node.module} import")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            # replace(",", ".") reads a typed number; replace(".", ",") writes one
            if node.func.attr == "strftime" or (node.func.attr == "replace"
                                                and args == [".", ","]):
                found.append(f"{node.lineno}: .{node.func.attr}({', '.join(map(repr, args))})")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "format" and len(node.args) == 2:
            found.append(f"{node.lineno}: format(…, …)")
    return sorted(found, key=lambda line: int(line.split(":")[0]))


def test_the_check_finds_each_kind_of_formatting():
    code = ("from babel.numbers import format_decimal\nf'{n:,}'\n"
            "d.strftime('%d/%m/%Y')\nformat(x, 'g').replace('.', ',')\n"
            "f'{name:<20}{n:>3}'\nfloat(s.replace(',', '.'))\n")
    assert sorted(formatting(ast.parse(code))) == [
        "1: from babel.numbers import", "2: {…:,}", "3: .strftime('%d/%m/%Y')",
        "4: .replace('.', ',')", "4: format(…, …)"]


def test_numbers_and_dates_are_formatted_in_fmt_only():
    found = {path: lines for path, tree in trees().items()
             if path != "pipeline/fmt.py" and (lines := formatting(tree))}
    assert found == {}


def test_json_is_written_in_one_place():
    writers = [f"{path}:{node.lineno}" for path, tree in trees().items()
               for node in ast.walk(tree) if isinstance(node, ast.Call)
               and isinstance(node.func, ast.Attribute) and node.func.attr in ("dump", "dumps")
               and isinstance(node.func.value, ast.Name) and node.func.value.id == "json"]
    assert len(writers) == 1 and writers[0].startswith("pipeline/delivery/outputs.py:"), writers

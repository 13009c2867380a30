"""Text as the pipeline compares it, and cells as Excel names them: the small helpers that
reading and the look at a package's bytes share."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

Grid = list[list[Any]]
Area = tuple[int, int, int, int]  # first row, first col, last row, last col (0-based)
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))  # zero-width, BOM
# What text() changes: whitespace other than one plain space, or at either end; invisibles.
UNTIDY = re.compile(r"\s\s|[^\S ]|^\s|\s$|[\u200b\u200c\u200d\u2060\ufeff]")
# What no report may hold: control characters but line feed and tab (docxtpl turns \x07 into a
# new paragraph, Word refuses most others), the private-use planes (the report's own markers
# live there: footnotes.py), lone surrogates and U+FFFE/U+FFFF (not allowed in XML).
UNUSABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffe\uffff"
                      "\U000f0000-\U0010ffff]")


def text(value: str) -> str:
    """NFC, non-breaking and other odd spaces made plain, line breaks kept, ends trimmed."""
    if unicodedata.is_normalized("NFC", value) and not UNTIDY.search(value):
        return value  # most cells: nothing to do, and checking is cheaper than doing
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    value = value.translate(INVISIBLE)
    lines = (" ".join(line.replace("\u00a0", " ").split()) for line in value.split("\n"))
    return "\n".join(line for line in lines).strip()


def usable(value: str) -> str:
    """The text without the characters no report may hold (UNUSABLE)."""
    return UNUSABLE.sub("", value)


@lru_cache(maxsize=4096)  # choices, unit names and headers repeat on every row
def key(value: Any) -> str:
    """A matching key: case, spaces, line breaks and Unicode form do not matter."""
    return " ".join(text(str(value)).split()).casefold()


def cell_ref(row: int, col: int) -> str:
    """A1 reference of a 0-based (row, col)."""
    return f"{_column(col)}{row + 1}"


@lru_cache(maxsize=256)  # a written sheet names the same few columns in every row
def _column(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def area_ref(area: Area) -> str:
    """A1 reference of a 0-based area: "F2:F5"."""
    return f"{cell_ref(area[0], area[1])}:{cell_ref(area[2], area[3])}"


LINE_PT = 16  # one line of 12 pt text in a worksheet row
CHARS_PER_WIDTH = 1.2  # characters of Vietnamese text per unit of column width, leaning short


@lru_cache(maxsize=4096)  # a list repeats its texts: the bonus sheet's "how" on every row
def wrapped_lines(value: object, width: float) -> int:
    """Lines a cell's text wraps to in a column of `width`: xlsxwriter does not fit rows to
    their text, and LibreOffice does not grow them on opening (text runs over the row below)."""
    if not isinstance(value, str):
        return 1
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    if len(value) <= per_line and "\n" not in value:
        return 1  # most cells
    return sum(max(1, -(-len(part) // per_line)) for part in value.split("\n"))

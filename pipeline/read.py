"""Reading: every workbook of the input folder into plain grids, text normalised at the door.

Only this module opens input files, and only for reading. Values keep their Excel type
(number, date, text); all text is NFC with spaces tidied, so nothing later has to care.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from .issues import Issue, issue

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")

Grid = list[list[Any]]
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))  # zero-width, BOM


@dataclass(frozen=True)
class RawBook:
    """One workbook as read: its file name and a grid per sheet (sheet names as written)."""

    file: str
    path: Path
    sheets: dict[str, Grid]

    def sheet(self, name: str) -> tuple[str, Grid] | None:
        """The sheet whose name matches `name` tolerantly, as (name as written, grid)."""
        for written, grid in self.sheets.items():
            if key(written) == key(name):
                return written, grid
        return None


def text(value: str) -> str:
    """NFC, non-breaking and other odd spaces made plain, line breaks kept, ends trimmed."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    value = value.translate(INVISIBLE)
    lines = (" ".join(line.replace("\u00a0", " ").split()) for line in value.split("\n"))
    return "\n".join(line for line in lines).strip()


def key(value: Any) -> str:
    """A matching key: case, spaces, line breaks and Unicode form do not matter."""
    return " ".join(text(str(value)).split()).casefold()


def cell_ref(row: int, col: int) -> str:
    """A1 reference of a 0-based (row, col)."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return text(value) or None
    if isinstance(value, datetime):
        return value.date() if value.time() == time() else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if value != "" else None


def list_inputs(folder: Path) -> tuple[list[Path], list[Issue]]:
    """Workbooks to read, by name; other files are warned about, lock and hidden files skipped."""
    books, issues = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith((".", "~$")) or not path.is_file():
            continue
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            books.append(path)
        elif path.name != "README.md":
            issues.append(issue("not-a-workbook", file=path.name))
    return books, issues


def read_book(path: Path) -> RawBook | Issue:
    """Read every sheet of one workbook; an unreadable file comes back as an issue."""
    try:
        with CalamineWorkbook.from_path(str(path)) as wb:
            sheets = {text(name): [[_clean(v) for v in row] for row in
                                   wb.get_sheet_by_name(name).to_python(skip_empty_area=False)]
                      for name in wb.sheet_names}
    except Exception as exc:  # calamine raises its own error types for every bad file
        return issue("unreadable", file=path.name, detail=_reason(path, exc))
    return RawBook(path.name, path, sheets)


def _reason(path: Path, exc: Exception) -> str:
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError:  # gone since it was listed, a folder, no permission
        return "không mở được tệp (đã bị xóa, di chuyển hoặc không có quyền đọc)"
    if not head:
        return "tệp rỗng (0 byte)"
    if head.startswith(b"\xd0\xcf\x11\xe0") and path.suffix.lower() != ".xls":
        return "tệp có mật khẩu hoặc là định dạng Excel cũ đổi tên"
    if not head.startswith(b"PK") and path.suffix.lower() != ".xls":
        return "nội dung không phải sổ Excel"
    return f"tệp hỏng hoặc không đúng định dạng ({type(exc).__name__})"


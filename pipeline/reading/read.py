"""Reading: every workbook of the input folder into plain grids, text normalised at the door.

Only this module opens input files, and only for reading. Values keep their Excel type
(number, date, text); all text is NFC with spaces tidied, so nothing later has to care. A
file's bytes are looked at first (package.py) and only what passes reaches calamine.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, PasswordError, SheetVisibleEnum

from ..cells import Area, Grid, key, text
from ..issues import Issue, issue
from . import package

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
# Spreadsheets in a form we do not read: a unit's data may be in one, so they block.
DATA_SUFFIXES = (".csv", ".tsv", ".xlsb", ".xltx", ".xltm", ".xlt", ".numbers", ".ots", ".fods",
                 ".et", ".ett")
SKIPPED = (".", "~$", "__MACOSX")  # hidden files, Excel's lock files, macOS zip debris
MAX_LISTED = 10_000  # files looked at in a subfolder before saying what it holds

# Far beyond any real form (20-200 KB filled), so that only broken or hostile files meet it;
# the limits on what is inside a file are package.py's.
MAX_FILE_BYTES = 20 * 2**20


@dataclass(frozen=True)
class Seen:
    """The bytes of an input file as read: their SHA-256 and their number."""

    sha256: str
    size: int


@dataclass(frozen=True)
class RawBook:
    """One workbook as read: its file name, a grid per sheet we read (names as written), and
    what the grids cannot show: formula cells with no saved value, and merged areas."""

    file: str
    path: Path
    sheets: dict[str, Grid]
    unsaved: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    merged: dict[str, tuple[Area, ...]] = field(default_factory=dict)
    twins: tuple[tuple[str, str], ...] = ()  # (name, both described): one name, two sheets
    percent: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)  # shown as %

    def sheet(self, name: str) -> tuple[str, Grid] | None:
        """The sheet whose name matches `name` tolerantly, as (name as written, grid)."""
        for written, grid in self.sheets.items():
            if key(written) == key(name):
                return written, grid
        return None


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return text(value) or None
    if isinstance(value, datetime):
        return value.date() if value.time() == time() else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if value != "" else None


def list_inputs(folder: Path, members: bool = False) -> tuple[list[Path], list[Issue]]:
    """Workbooks to read, by name, and what else is there: lock and hidden files are skipped;
    links, spreadsheets we cannot read and subfolders holding any block the run (a unit's
    data must never go missing quietly); other files are warned about. `members`: subfolders
    are the khối's member folders, the caller's to read."""
    books, issues = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.startswith(SKIPPED):
            continue
        suffix = path.suffix.lower()
        if path.is_symlink() or suffix == ".lnk" and path.stem.lower().endswith(
                WORKBOOK_SUFFIXES + DATA_SUFFIXES):  # a Windows shortcut to a workbook
            issues.append(issue("symlink", file=path.name))
        elif path.is_dir():
            if suffix in WORKBOOK_SUFFIXES + DATA_SUFFIXES:
                issues.append(issue("folder-like-workbook", file=path.name, suffix=suffix))
            elif not members:
                issues += _subfolder(path)
        elif not path.is_file():
            continue
        elif suffix in WORKBOOK_SUFFIXES:
            books.append(path)
        elif suffix in DATA_SUFFIXES:
            issues.append(issue("spreadsheet-not-read", file=path.name, suffix=suffix))
        elif path.name != "README.md":
            issues.append(issue("not-a-workbook", file=path.name))
    return books, issues


def _subfolder(folder: Path) -> list[Issue]:
    """A subfolder is never read: an error when it holds anything like a workbook, else a
    warning that it was passed over."""
    found, seen = [], 0
    for root, dirs, files in os.walk(folder):  # links to folders are not followed
        dirs[:] = sorted(d for d in dirs if not d.startswith(SKIPPED))
        for name in sorted(files):
            seen += 1
            if not name.startswith(SKIPPED) and name.lower().endswith(
                    WORKBOOK_SUFFIXES + DATA_SUFFIXES):
                found.append(Path(root, name).relative_to(folder.parent).as_posix())
        if seen > MAX_LISTED or len(found) >= 3:
            break
    if found:
        return [issue("workbook-in-subfolder", file=folder.name + "/", files=", ".join(found))]
    return [issue("subfolder-not-read", file=folder.name + "/")] if seen else []


# --- one workbook -------------------------------------------------------------------------

def read_book(path: Path) -> RawBook | Issue:
    """Read every sheet we need of one workbook; a file that cannot or must not be read comes
    back as an issue (never an exception)."""
    return open_book(path)[0]


def open_book(path: Path) -> tuple[RawBook | Issue, Seen | None]:
    """`read_book`, and the SHA-256 and size of the bytes it read (None when none were): the
    run record names exactly what was read, hashed once, at the door."""
    seen = None
    try:
        data = _load(path)
        seen = Seen(hashlib.sha256(data).hexdigest(), len(data))
        scan = package.inspect(path.name, path.suffix, data)
        return _calamine(path, data, scan), seen
    except package.Refused as refused:
        return refused.issue, seen
    except Exception as exc:  # a hostile file may trip anything: it is unreadable, not a crash
        return issue("unreadable", file=path.name, detail=f"tệp hỏng ({type(exc).__name__})"), seen
    except BaseException as exc:  # pyo3 raises a panic inside calamine as a BaseException
        if type(exc).__name__ != "PanicException":
            raise
        return issue("unreadable", file=path.name, detail="tệp hỏng (PanicException)"), seen


def _load(path: Path) -> bytes:
    """The file's bytes, opened once, read-only, without following a link."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if path.is_symlink():
            raise package.Refused(issue("symlink", file=path.name)) from None
        raise package.Refused(issue("unreadable", file=path.name, detail=GONE)) from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise package.Refused(issue("unreadable", file=path.name, detail=GONE))
        data = f.read(min(info.st_size, MAX_FILE_BYTES) + 1)  # +1: a file still growing
    if not data:
        raise package.Refused(issue("empty-file", file=path.name))
    if len(data) > MAX_FILE_BYTES:
        raise package.Refused(issue("too-large", file=path.name,
                                    detail=f"hơn {MAX_FILE_BYTES // 2**20} MB"))
    return data


GONE = "không mở được tệp (đã bị xóa, di chuyển hoặc không có quyền đọc)"


def _calamine(path: Path, data: bytes, scan: package.Scan) -> RawBook:
    """The sheets we read, through calamine, each after its size was found acceptable."""
    for name, (rows, cols) in scan.size.items():
        package.check_size(path.name, name, rows, cols)
    sheets: dict[str, Grid] = {}
    merged: dict[str, tuple[Area, ...]] = {}
    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as wb:
            twins = _twins(wb)
            for name in wb.sheet_names:
                if key(name) not in package.READ_SHEETS:
                    continue
                sheet = wb.get_sheet_by_name(name)
                end = sheet.end or (-1, -1)
                package.check_size(path.name, name, end[0] + 1, end[1] + 1)  # .xls: after the fact
                sheets[text(name)] = [[_clean(v) for v in row]
                                      for row in sheet.to_python(skip_empty_area=False)]
                areas = sheet.merged_cell_ranges or []
                merged[text(name)] = tuple((a[0], a[1], b[0], b[1]) for a, b in areas)
    except PasswordError:
        raise package.Refused(issue("password-protected", file=path.name)) from None
    except package.Refused:
        raise
    except Exception as exc:  # calamine raises its own error types for every bad file
        raise package.Refused(issue("unreadable", file=path.name,
                                    detail=f"tệp hỏng hoặc không đúng định dạng "
                                           f"({type(exc).__name__})")) from None
    for name, found in scan.merged.items():
        merged[text(name)] = tuple(found)
    unsaved = {text(name): frozenset(cells) for name, cells in scan.unsaved.items() if cells}
    percent = {text(name): frozenset(cells) for name, cells in scan.percent.items()}
    return RawBook(path.name, path, sheets, unsaved, merged, twins, percent)


def _twins(wb: CalamineWorkbook) -> tuple[tuple[str, str], ...]:
    """(name, both described) for two sheets we read whose names match once normalised (NFD
    and NFC, case, spaces): each as the user finds it, its place among the tabs, hidden or
    not."""
    read = [(n, m) for n, m in enumerate(wb.sheets_metadata, start=1)
            if key(m.name) in package.READ_SHEETS]
    shown = [(key(m.name), text(m.name), f"\"{text(m.name)}\" ở vị trí thứ {n}"
              + ("" if m.visible == SheetVisibleEnum.Visible else " (đang ẩn)")) for n, m in read]
    return tuple((name, f"{a} và {b}") for i, (k, name, a) in enumerate(shown)
                 for j, _, b in shown[i + 1:] if j == k)

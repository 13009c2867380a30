"""Table rows as a worksheet's XML, put into the workbook xlsxwriter wrote once it is closed.

xlsxwriter spends about 7 µs on a cell (its checks on writing, then its XML writer on
closing): the staff list of a 20,000-person agency is 240,000 cells, and its bonus list as
many again. Here a table's rows are kept as values until xlsxwriter has written the workbook,
then made into XML at about a microsecond a cell and put into their sheets, their texts added
to its shared strings; the headers, columns, filters, frozen panes, print set-up, charts and
cell formats stay xlsxwriter's. A text is stored as Excel and xlsxwriter store it (shared, a
control character as _xHHHH_ and a literal "_xHHHH_" escaped in turn): every reader gives
back what was given. (Inline strings would not do: openpyxl does not unescape those.)
"""

from __future__ import annotations

import os
import re
import zipfile
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

from xlsxwriter.utility import xl_cell_to_rowcol

from ..cells import cell_ref
from ..fmt import excel_escape, sheet_number
from ..reading.package import xlsx_sheet_parts

Value = str | int | Fraction | date | None
Cell = tuple[int, Value, int]  # column, value, the xf index of its format
Row = tuple[list[Cell], float | None]  # cells, height in points (None: the sheet's default)

FAST_ZIP = 1  # zlib's level: a 9 MB sheet in 0.03 s instead of 0.13, the file a third larger
MAX_CHARS = 32767  # Excel's longest cell text, in UTF-16 units
EXCEL_ESCAPE = re.compile("_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
ESCAPE = re.compile("[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")  # all _text changes
EPOCH = datetime(1899, 12, 31)  # Excel's day 1 is 1900-01-01; it counts a 29/02/1900
FIRST_MARCH_1900 = datetime(1900, 3, 1)
ROW = re.compile(r'<row r="(\d+)"')
STRINGS = "xl/sharedStrings.xml"
COUNTS = re.compile(r'<sst [^>]*?count="(\d+)" uniqueCount="(\d+)"')
DIMENSION = re.compile(r'<dimension ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/>')


class Rows:
    """The rows of a workbook's tables, by sheet name and 0-based row, until it is written."""

    def __init__(self) -> None:
        self.sheets: dict[str, dict[int, Row]] = {}
        self.strings: dict[str, int] = {}  # each text once, numbered after xlsxwriter's
        self.uses = 0  # cells that show a shared text

    def add(self, sheet: str, row: int, cells: list[Cell], height: float | None = None) -> None:
        self.sheets.setdefault(sheet, {})[row] = (cells, height)

    def place(self, path: Path | str) -> None:
        """Put the rows among those xlsxwriter wrote in the workbook at `path`, widen each
        sheet's dimension to them, add their texts to the shared strings. A row written by both
        is a bug of ours: it stops the run."""
        if not self.sheets:
            return
        path = Path(path)
        with zipfile.ZipFile(path) as book:
            infos = book.infolist()
            parts = {info.filename: book.read(info) for info in infos}
            sheets = xlsx_sheet_parts(book)
        shared = parts.get(STRINGS, b"").decode("utf-8")
        counts = COUNTS.search(shared)
        first = int(counts[2]) if counts else 0  # our texts are numbered after xlsxwriter's
        for name, part in sheets.items():
            if name in self.sheets:
                xml = parts[part].decode("utf-8")
                parts[part] = self._merged(xml, self.sheets[name], first).encode("utf-8")
        if self.strings:
            if counts is None:
                raise RuntimeError("no shared strings: a table is written under its header")
            parts[STRINGS] = self._shared(shared, counts).encode("utf-8")
        staged = path.with_name(path.name + ".rows")
        with zipfile.ZipFile(staged, "w") as book:
            for info in infos:
                book.writestr(info, parts[info.filename], compresslevel=FAST_ZIP)
        os.replace(staged, path)

    def _shared(self, xml: str, counts: re.Match[str]) -> str:
        """xlsxwriter's shared strings with ours after them, and the counts of both."""
        uses, unique = int(counts[1]) + self.uses, int(counts[2]) + len(self.strings)
        added = "".join(f"<si>{_text(text)}</si>" for text in self.strings)
        return (xml[:counts.start(1)] + f'{uses}" uniqueCount="{unique}'
                + xml[counts.end(2):].replace("</sst>", added + "</sst>"))

    def _merged(self, xml: str, ours: dict[int, Row], first: int) -> str:
        """The sheet's XML with our rows among xlsxwriter's, in row order."""
        if "<sheetData/>" in xml:
            head, tail, theirs = *xml.split("<sheetData/>"), ""
        else:
            head, rest = xml.split("<sheetData>")
            theirs, tail = rest.split("</sheetData>")
        rows = {int(ROW.match(part)[1]) - 1: part  # type: ignore[index]
                for part in re.split("(?=<row )", theirs) if part}
        clash = rows.keys() & ours.keys()
        if clash:
            raise RuntimeError(f"rows {sorted(clash)} written twice")
        rows |= {i: self._row(i, cells, height, first) for i, (cells, height) in ours.items()}
        last_col = max((cells[-1][0] for cells, _ in ours.values() if cells), default=0)
        return _dimension(head, max(ours), last_col) + \
            f"<sheetData>{''.join(rows[i] for i in sorted(rows))}</sheetData>" + tail

    def _row(self, index: int, cells: list[Cell], height: float | None, first: int) -> str:
        r = index + 1
        strings = self.strings
        parts = []
        for col, value, style in cells:
            ref = cell_ref(index, col)
            if isinstance(value, str) and value:
                n = strings.setdefault(value, len(strings))
                self.uses += 1
                parts.append(f'<c r="{ref}" s="{style}" t="s"><v>{first + n}</v></c>')
            elif value is None or value == "":
                parts.append(f'<c r="{ref}" s="{style}"/>')
            else:
                number = _serial(value) if isinstance(value, date) else float(value)
                parts.append(f'<c r="{ref}" s="{style}"><v>{sheet_number(number)}</v></c>')
        tall = f' ht="{height}" customHeight="1"' if height else ""
        return f'<row r="{r}"{tall}>{"".join(parts)}</row>'


def _text(value: str) -> str:
    """A <t> element as Excel writes it; over Excel's limit, cut there (as xlsxwriter does)."""
    if len(value) > MAX_CHARS // 2 and len(value.encode("utf-16-le")) // 2 > MAX_CHARS:
        value = value.encode("utf-16-le")[:2 * MAX_CHARS].decode("utf-16-le", "ignore")
    if ESCAPE.search(value):
        value = EXCEL_ESCAPE.sub(_excel_escape, value)
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if value[0].isspace() or value[-1].isspace():
        return f'<t xml:space="preserve">{value}</t>'
    return f"<t>{value}</t>"


def _excel_escape(match: re.Match[str]) -> str:
    found = match.group()
    return "_x005F" + found if len(found) > 1 else excel_escape(found)


def _serial(value: date) -> float:
    """Excel's serial day number of a date or time (the 1900 system)."""
    moment = value if isinstance(value, datetime) else datetime(value.year, value.month,
                                                                value.day)
    moment = moment.replace(tzinfo=None)
    days = (moment - EPOCH).total_seconds() / 86400
    return days + 1 if moment >= FIRST_MARCH_1900 else days


def _dimension(head: str, last_row: int, last_col: int) -> str:
    """The sheet's <dimension> widened to the last row and column given (0-based)."""
    found = DIMENSION.search(head)
    if found is None:
        return head
    first, end = found[1], found[2] or found[1]
    row, col = xl_cell_to_rowcol(end)
    end = cell_ref(max(row, last_row), max(col, last_col))
    return head[:found.start()] + f'<dimension ref="{first}:{end}"/>' + head[found.end():]

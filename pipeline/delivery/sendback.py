"""Send-back copies: each input workbook with problems, copied with its problem cells marked.

The secretary returns the copy to the unit. Every problem cell is filled (red for Lỗi, amber
for Cảnh báo) and carries a comment saying what is wrong and how to fix it; a first sheet
"Kiểm tra" lists everything. Originals are only read, as bytes, never opened for writing.
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
import zipfile
from collections import defaultdict
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import openpyxl
from lxml import etree
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from ..cells import key
from ..issues import ERROR, NOT_READ, WARNING, Issue
from ..reading.package import MAX_UNZIPPED
from ..reading.read import MAX_FILE_BYTES

CHECK_SHEET = "Kiểm tra"
AUTHOR = "thidua"
SUFFIX = "_kiem_tra"
KEPT_SUFFIXES = (".xlsx", ".xlsm")  # opened with openpyxl; any other copy is a new .xlsx
MAX_NAME_BYTES = 120  # file systems allow 255 bytes; a Vietnamese letter takes up to 3
COLOURS = {ERROR: ("FFFFC7CE", "FFC00000"), WARNING: ("FFFFEB9C", "FFBF8F00")}  # fill, edge
HEADERS = ("Mức độ", "Sheet", "Ô", "Nội dung", "Cách sửa")
WIDTHS = (11, 18, 10, 70, 70)
GUIDE = ("Các ô có vấn đề được tô màu (đỏ: lỗi, vàng: cảnh báo) và có ghi chú: đưa chuột vào ô "
         "để đọc. Sửa các ô đó rồi gửi lại tệp; sheet này không cần xóa.")
CONVERTED = ("Tệp gốc là {ext}, chương trình không ghi lại được dạng này: bản kiểm tra là tệp "
             ".xlsx chỉ chép giá trị, không giữ định dạng, công thức và danh sách chọn. Hãy sửa "
             "trên tệp gốc của đơn vị.")

RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)
UNSAFE = re.compile(r'[<>:"/\\|?*]')
REF = re.compile(r"^(\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}"
                 r"|\$?\d+:\$?\d+)$")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "x14": "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
      "xm": "http://schemas.microsoft.com/office/excel/2006/main"}
REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
X14_LISTS = b"{cce6a557-97bc-4b89-adb6-d9c93caab3df}"  # Excel's data-validation extension
DV_ATTRS = ("type", "errorStyle", "imeMode", "operator", "allowBlank", "showDropDown",
            "showInputMessage", "showErrorMessage", "errorTitle", "error", "promptTitle",
            "prompt")
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
DATE_FORMATS = {date: "dd/mm/yyyy", datetime: "dd/mm/yyyy hh:mm", time: "hh:mm"}


def sendback_copies(inputs: dict[str, Path], issues: list[Issue], folder: Path) -> list[Path]:
    """For every input workbook with problems, a copy in `folder` with each problem cell
    highlighted and a comment saying what is wrong and how to fix it; the originals are never
    touched. Returns the copies written."""
    by_file: dict[str, list[Issue]] = defaultdict(list)
    for found in issues:
        if found.file in inputs:
            by_file[found.file].append(found)
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    written = []
    for file, found_in_file in sorted(by_file.items()):
        if not any(i.sheet for i in found_in_file):  # unreadable: nothing to point at
            continue
        if any(i.code in NOT_READ for i in found_in_file):  # refused by its bytes: never open
            continue
        path = inputs[file]
        target = folder / _free(safe_name(path.name), taken, folder)
        if _write_copy(path, found_in_file, target):
            written.append(target)
    return written


def safe_name(name: str) -> str:
    """The copy's file name: "don_vi_x.xlsx" -> "don_vi_x_kiem_tra.xlsx", safe on any OS."""
    name = "".join(ch for ch in unicodedata.normalize("NFC", name)
                   if unicodedata.category(ch)[0] != "C")  # control, bidi and zero-width
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, "." + ext.lower()) if dot else (name, "")
    stem = UNSAFE.sub("_", stem).strip(" .")
    stem = stem.encode()[:MAX_NAME_BYTES].decode("utf-8", "ignore").rstrip(" .") or "tep"
    if RESERVED.match(stem.split(".")[0].rstrip()):
        stem = "_" + stem
    return f"{stem}{SUFFIX}{ext if ext in KEPT_SUFFIXES else '.xlsx'}"


def _free(name: str, taken: set[str], folder: Path) -> str:
    """`name`, or name_2, name_3…: not given to another copy of this run, not on disk."""
    stem, ext = name.rsplit(".", 1)
    candidate, n = name, 1
    while candidate.casefold() in taken or (folder / candidate).exists():
        n += 1
        candidate = f"{stem}_{n}.{ext}"
    taken.add(candidate.casefold())
    return candidate


def _write_copy(path: Path, found: list[Issue], target: Path) -> bool:
    """Write one copy; False, with nothing left behind, when the original cannot be opened."""
    try:
        wb, notes = _load(path)
        _mark(wb, found)
        _add_check_sheet(wb, path.name, found, notes)
        wb.save(target)
    except Exception:  # hostile or foreign files raise anything: no copy, never a crash
        target.unlink(missing_ok=True)
        return False
    return True


# --- opening ------------------------------------------------------------------------------

def _load(path: Path) -> tuple[Workbook, list[str]]:
    """The workbook to mark, and notes for the "Kiểm tra" sheet about how it was copied."""
    data = _read_bounded(path)
    suffix = path.suffix.lower()
    if suffix in KEPT_SUFFIXES:
        try:
            return _open_xlsx(data, vba=suffix == ".xlsm"), []
        except Exception:  # openpyxl is stricter than calamine, which read it for the run
            pass
    return _rebuild(data), [CONVERTED.format(ext=suffix or "không rõ dạng")]


def _read_bounded(path: Path) -> bytes:
    """The file's bytes; refused when it, or what it unzips to, is far beyond any form."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError("tệp quá lớn")
    data = path.read_bytes()
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as z:  # zipfile stops at the declared size
            if sum(info.file_size for info in z.infolist()) > MAX_UNZIPPED:
                raise ValueError("tệp giải nén quá lớn")
    return data


def _open_xlsx(data: bytes, vba: bool) -> Workbook:
    """Load with openpyxl, keeping rich text, macros and Excel's x14 drop-down lists."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "… extension is not supported and will be removed"
        wb = openpyxl.load_workbook(io.BytesIO(data), keep_vba=vba, rich_text=True)
    for title, found in _x14_lists(data).items():
        if title in wb.sheetnames and isinstance(wb[title], Worksheet):
            for validation in found:
                wb[title].add_data_validation(validation)
    return wb


def _x14_lists(data: bytes) -> dict[str, list[DataValidation]]:
    """Drop-downs Excel stores as x14 extensions (a list on another sheet), by sheet name.

    openpyxl drops them on load; written back as standard validations, Excel 2010+ reads them.
    """
    out: dict[str, list[DataValidation]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for title, part in _sheet_parts(z).items():
            xml = z.read(part) if part in z.namelist() else b""
            if X14_LISTS in xml.lower():
                out[title] = [_validation(el) for el in etree.fromstring(xml, SAFE_XML)
                              .iterfind(".//x14:dataValidation", NS)]
    return out


def _validation(el: Any) -> DataValidation:
    attrs = {k: v for k, v in el.attrib.items() if k in DV_ATTRS}
    return DataValidation(sqref=el.findtext("xm:sqref", namespaces=NS),
                          formula1=el.findtext("x14:formula1/xm:f", namespaces=NS),
                          formula2=el.findtext("x14:formula2/xm:f", namespaces=NS), **attrs)


def _sheet_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part in the package (xl/worksheets/sheetN.xml)."""
    names = set(z.namelist())
    if not {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"} <= names:
        return {}
    book = etree.fromstring(z.read("xl/workbook.xml"), SAFE_XML)
    rels = etree.fromstring(z.read("xl/_rels/workbook.xml.rels"), SAFE_XML)
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    parts = {}
    for sheet in book.iterfind("m:sheets/m:sheet", NS):
        target = targets.get(sheet.get(REL_ID), "")
        parts[sheet.get("name")] = target[1:] if target.startswith("/") else "xl/" + target
    return parts


def _rebuild(data: bytes) -> Workbook:
    """A plain workbook holding the values of one openpyxl cannot open (.xls, .ods)."""
    wb = Workbook()
    wb.remove(wb.active)
    with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue
            ws = wb.create_sheet(re.sub(r"[\[\]:*?/\\]", "_", meta.name)[:31])
            if meta.visible != SheetVisibleEnum.Visible:
                ws.sheet_state = "hidden"
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row, start=1):
                    if value != "":
                        _put(ws.cell(r, c), value)
    return wb


def _put(cell: Cell, value: Any) -> None:
    if isinstance(value, str):
        _text(cell, value)
        return
    cell.value = int(value) if isinstance(value, float) and value.is_integer() else value
    if type(value) in DATE_FORMATS:
        cell.number_format = DATE_FORMATS[type(value)]


def _text(cell: Cell, value: str) -> None:
    """Text stays text: "=HYPERLINK(…)" is never turned into a formula."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.data_type = "s"


# --- marking ------------------------------------------------------------------------------

def _sheet(wb: Workbook, name: str) -> Worksheet | None:
    """The worksheet named `name`, matched tolerantly (case, spaces, Unicode form)."""
    return next((ws for ws in wb.worksheets if name and key(ws.title) == key(name)), None)


def _place(ws: Worksheet, ref: str) -> list[str]:
    """Cells an issue's place covers, the one for its comment first."""
    ref = ref.replace(" ", "").upper()
    if not REF.match(ref):
        return ["A1"]
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if (min_row or 1) < 1 or (max_row or 1) > 1048576 or (max_col or 1) > 16384:
        return ["A1"]
    if min_col is None:  # whole rows: their used cells, or the whole width when blank
        cells = []
        for r in range(min_row, max(min_row, min(max_row, ws.max_row)) + 1):
            row = ws[r]
            cells += [c.coordinate for c in row if c.value is not None] or [
                c.coordinate for c in row]
        return cells
    if min_row is None:  # whole columns: their header cells
        return [f"{get_column_letter(c)}1" for c in range(min_col, max_col + 1)]
    rows = range(min_row, max(min_row, min(max_row, ws.max_row)) + 1)
    cols = range(min_col, max(min_col, min(max_col, ws.max_column)) + 1)
    return [f"{get_column_letter(c)}{r}" for r in rows for c in cols]


def _top_left(ws: Worksheet, coord: str) -> str:
    """A merged area's comment belongs on its top-left cell."""
    merged = next((m for m in ws.merged_cells.ranges if coord in m), None)
    return merged.start_cell.coordinate if merged else coord


def _mark(wb: Workbook, found: list[Issue]) -> None:
    """Fill every cell an issue covers and comment on the first; errors outrank warnings."""
    notes: dict[tuple[str, str], list[Issue]] = defaultdict(list)
    worst: dict[tuple[str, str], str] = {}
    for item in found:
        ws = _sheet(wb, item.sheet)
        if ws is None:
            continue
        cells = _place(ws, item.cell)
        notes[(ws.title, _top_left(ws, cells[0]))].append(item)
        for coord in cells:
            if worst.get((ws.title, coord)) != ERROR:
                worst[(ws.title, coord)] = item.severity
    for (title, coord), severity in worst.items():
        _highlight(wb[title][coord], severity)
    for (title, coord), group in notes.items():
        _comment(wb[title][coord], group)


def _highlight(cell: Any, severity: str) -> None:
    fill, edge = COLOURS.get(severity, COLOURS[WARNING])
    cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    side = Side(style="medium", color=edge)
    cell.border = Border(left=side, right=side, top=side, bottom=side)


def _comment(cell: Cell, group: list[Issue]) -> None:
    """One comment for all issues of a cell; a comment the unit wrote is kept below ours."""
    parts = dict.fromkeys(f"{i.severity}: {i.message}\nCách sửa: {i.fix}" for i in group)
    text = "\n\n".join(parts)
    old = cell.comment
    if old is not None and old.author != AUTHOR:  # ours is a stale one from an earlier run
        text += f"\n\n(Ghi chú sẵn có) {old.text}"
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    lines = sum(len(line) // 45 + 1 for line in text.split("\n"))
    cell.comment = Comment(text, AUTHOR, height=min(30 + 15 * lines, 600), width=340)


# --- the "Kiểm tra" sheet -----------------------------------------------------------------

def _add_check_sheet(wb: Workbook, name: str, found: list[Issue], notes: list[str]) -> None:
    """A first sheet listing every issue of the file, each linked to its cell."""
    taken = {key(t) for t in wb.sheetnames}
    title = next(t for n in range(1, 100) if key(t := CHECK_SHEET if n == 1
                                                  else f"{CHECK_SHEET} ({n})") not in taken)
    ws = wb.create_sheet(title, 0)
    errors = sum(i.severity == ERROR for i in found)
    lines = [f"Kiểm tra tệp {name}: {errors} lỗi, {len(found) - errors} cảnh báo.", GUIDE,
             *notes]
    for r, line in enumerate(lines, start=1):
        _text(ws.cell(r, 1), line)
    ws.cell(1, 1).font = Font(bold=True, size=13)
    head = len(lines) + 2
    for c, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        _text(ws.cell(head, c), header)
        ws.cell(head, c).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(c)].width = width
    for r, item in enumerate(found, start=head + 1):
        _issue_row(wb, ws, r, item)
    ws.freeze_panes = ws.cell(head + 1, 1)
    _select(wb, ws)


def _issue_row(wb: Workbook, ws: Worksheet, r: int, item: Issue) -> None:
    target = _sheet(wb, item.sheet)
    values = (item.severity, target.title if target else item.sheet, item.cell, item.message,
              item.fix)
    for c, value in enumerate(values, start=1):
        if value:
            _text(ws.cell(r, c), value)
        ws.cell(r, c).alignment = Alignment(wrap_text=True, vertical="top")
    _highlight(ws.cell(r, 1), item.severity)
    lines = max(sum(len(part) // (width - 2) + 1 for part in value.split("\n"))
                for value, width in zip(values, WIDTHS, strict=True))
    ws.row_dimensions[r].height = 15 * lines  # no app re-fits wrapped rows a script wrote
    if target is not None:
        where = _top_left(target, _place(target, item.cell)[0])
        quoted = target.title.replace("'", "''")
        link = ws.cell(r, 3 if item.cell else 2)
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{quoted}'!{where}")
        link.font = Font(color="FF0563C1", underline="single")


def _select(wb: Workbook, ws: Worksheet) -> None:
    """Open on `ws` alone: two selected tabs would make Excel edit them as a group."""
    for sheet in wb.worksheets:
        sheet.sheet_view.tabSelected = False
    ws.sheet_view.tabSelected = True
    wb.active = ws
    for view in wb.views:
        view.firstSheet = 0

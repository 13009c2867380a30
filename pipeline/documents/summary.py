"""The Excel summary (SPEC output 2) and the data-check list (output 3), with xlsxwriter.

Every user text is written as text, so a name or a note that looks like a formula or a URL
stays text. Rates are real numbers with a percent format, for Excel to compute with. The
tables' rows are made as XML and put into their sheets when the workbook is closed
(sheet_xml: xlsxwriter spends about 7 µs on a cell, too long for a 20,000-person staff list);
all else is xlsxwriter's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter

from .. import fmt, schema
from ..cells import LINE_PT, wrapped_lines
from ..figures import tables
from ..figures.aggregate import Figures, Metric
from ..figures.compare import Change
from ..figures.pledges import PledgeResult
from ..issues import ERROR, HOLD, WARNING, Issue, rank
from ..model import Dataset
from . import sheet_xml

OPTIONS = {"constant_memory": False, "strings_to_formulas": False, "strings_to_urls": False}
FONT = "Times New Roman"
BASE = {"font_name": FONT, "font_size": 12, "valign": "top"}
KINDS: dict[str, dict[str, Any]] = {
    "text": {"text_wrap": True},
    "plain": {},
    "int": {"num_format": "0"},
    "rate": {"num_format": "0.0%"},
    "points": {"num_format": "0.00"},
    "money": {"num_format": "#,##0"},
    "date": {"num_format": "dd/mm/yyyy", "align": "left"},
    "head": {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
             "align": "center", "valign": "vcenter"},
    "title": {"bold": True, "font_size": 14},
}
FILLS = {"green": "#C6EFCE", "red": "#FFC7CE", "amber": "#FFEB9C",
         "light_red": "#FDE2E2", "light_amber": "#FFF4D6"}
STATUS_FILLS = {schema.MET: "green", schema.EXCEEDED: "green", schema.NOT_MET: "red",
                schema.PENDING: "amber"}
SEVERITY_FILLS = {ERROR: "light_red", HOLD: "amber", WARNING: "light_amber"}

OVERVIEW_SHEET = "Tổng hợp"
UNIT_SHEET = "Đơn vị"
PLEDGE_SHEET = "Giao ước"
PEOPLE_SHEET = "Danh sách cá nhân"
TASK_SHEET = "Nhiệm vụ"
CHECK_SHEET = "Kiểm tra dữ liệu"
TOTAL = "Tổng cộng"
NO_ISSUES = "Không có lỗi hay cảnh báo."
CHARTS = ((10, "Tỷ lệ cá nhân đạt Lao động tiên tiến theo đơn vị"),
          (11, "Tỷ lệ cá nhân đạt Chiến sĩ thi đua cơ sở theo đơn vị"))  # (column, title)

Value = str | int | Fraction | date | None


@dataclass(frozen=True)
class Column:
    head: str
    width: float = 14
    toned: bool = True  # takes its row's fill, when the table has fills
    kind: str = ""  # a kind of KINDS for its cells (points are fractions too); "" by the value


METRIC_COLUMNS = (Column("Chỉ số", 55), Column("Tử số", 10), Column("Mẫu số", 10),
                  Column("Tỷ lệ", 10))
UNIT_COLUMNS = (
    Column("Đơn vị", 28), Column("Là tập thể", 10), Column("Xếp loại tập thể", 26),
    Column("Danh hiệu tập thể", 24), Column("Số người", 9),
    Column("Hoàn thành tốt trở lên", 12), Column("Hoàn thành xuất sắc", 12),
    Column("Lao động tiên tiến", 12), Column("Chiến sĩ thi đua cơ sở", 12),
    Column("Sáng kiến", 10), Column("Tỷ lệ LĐTT", 10), Column("Tỷ lệ CSTĐCS", 10),
)
PLEDGE_COLUMNS = (Column("Chỉ tiêu", 50, False), Column("Chỉ số", 40, False),
                  Column("Đăng ký", 12, False), Column("Kết quả", 12, False),
                  Column("Đánh giá", 14))
PEOPLE_COLUMNS = (
    Column("STT", 6), Column("Họ và tên", 26), Column("Năm sinh", 9), Column("Đơn vị", 24),
    Column("Chức vụ", 18), Column("Loại", 18), Column("Xếp loại", 28), Column("Danh hiệu", 22),
    Column("Sáng kiến", 30), Column("Kỷ luật", 12), Column("Đề nghị khen thưởng", 28),
    Column("Ghi chú", 24),
)
TASK_COLUMNS = (
    Column("STT", 6), Column("Nội dung", 50), Column("Cơ quan giao", 20),
    Column("Hạn hoàn thành", 13), Column("Ngày hoàn thành", 13), Column("Tình trạng", 16),
    Column("Đúng hạn", 10), Column("Đơn vị thực hiện", 22), Column("Ghi chú", 24),
)
CHECK_COLUMNS = (
    Column("STT", 6), Column("Mức độ", 10), Column("Mã", 18), Column("Tệp", 24),
    Column("Sheet", 14), Column("Ô", 8), Column("Nội dung", 60), Column("Cách sửa", 50),
)


class Styles:
    """The workbook's cell formats, each made once (by kind, fill and weight), and the rows of
    its tables, put into their sheets when it is closed (sheet_xml)."""

    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.wb = wb
        self.made: dict[tuple[str, str, bool], Any] = {}
        self.indexes: dict[tuple[str, str, bool], int] = {}
        self.rows = sheet_xml.Rows()

    def get(self, kind: str, fill: str = "", bold: bool = False) -> Any:
        key = (kind, fill, bold)
        if key not in self.made:
            props = {**BASE, **KINDS[kind]}
            if fill:
                props["bg_color"] = FILLS[fill]
            if bold:
                props["bold"] = True
            self.made[key] = self.wb.add_format(props)
        return self.made[key]

    def index(self, kind: str, fill: str = "", bold: bool = False) -> int:
        """The format's number in the workbook's styles, for a row written as XML. xlsxwriter
        numbers a format when a cell first uses it; this asks it to (a private method, so
        tests read every kind of cell back)."""
        key = (kind, fill, bold)
        if key not in self.indexes:
            self.indexes[key] = self.get(kind, fill, bold)._get_xf_index()
        return self.indexes[key]

    def close(self) -> None:
        """The workbook written, with its tables' rows."""
        self.wb.close()
        self.rows.place(self.wb.filename)


def write_summary(path: Path, data: Dataset, figures: Figures, pledges: list[PledgeResult],
                  issues: list[Issue], changes: Sequence[Change] = ()) -> None:
    """The Excel summary (SPEC output 2), written with xlsxwriter; with `changes`, the
    metrics table shows the year before and the change."""
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    st = Styles(wb)
    _overview(wb.add_worksheet(OVERVIEW_SHEET), st, data, figures, changes)
    _units(wb, wb.add_worksheet(UNIT_SHEET), st, figures)
    results = tables.pledges(pledges)
    _table(wb.add_worksheet(PLEDGE_SHEET), st, PLEDGE_COLUMNS, _frame_rows(results, tables.PLEDGES),
           [STATUS_FILLS.get(s, "") for s in results["status"]])
    _table(wb.add_worksheet(PEOPLE_SHEET), st, PEOPLE_COLUMNS, _people_rows(figures.people))
    _table(wb.add_worksheet(TASK_SHEET), st, TASK_COLUMNS, _task_rows(figures.task_rows))
    _checks(wb.add_worksheet(CHECK_SHEET), st, issues)
    st.close()


def write_checks(path: Path, issues: list[Issue]) -> None:
    """The data-check list alone (SPEC output 3) as a workbook."""
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    st = Styles(wb)
    _checks(wb.add_worksheet(CHECK_SHEET), st, issues)
    st.close()


# --- writing cells and tables ---------------------------------------------------------------

def _write(ws: Any, row: int, col: int, value: Value, style: Any, fill: str = "") -> None:
    """One cell by the value's type; text always as text, a rate as a number."""
    if value is None or value == "":
        if fill:  # an empty cell is written only when it has a colour to show
            ws.write_blank(row, col, None, style)
    elif isinstance(value, date):
        ws.write_datetime(row, col, value, style)
    elif isinstance(value, (int, Fraction)):
        ws.write_number(row, col, float(value), style)
    else:
        ws.write_string(row, col, str(value), style)


def _row(ws: Any, st: Styles, row: int, values: Sequence[Value],
         fills: Sequence[str] = (), bold: bool = False, kinds: Sequence[str] = (),
         widths: Sequence[float] = ()) -> None:
    """A row of cells, each styled by its column's kind, else by its value's (a date, a rate,
    a whole number, text), as tall as its most wrapped text in columns of `widths`; an empty
    cell is written only when it has a colour to show. Made as XML (sheet_xml)."""
    cells = []
    for col, value in enumerate(values):
        fill = fills[col] if fills else ""
        if (value is None or value == "") and not fill:
            continue
        kind = TYPE_KINDS.get(type(value)) or _kind(value)
        if kind == "text" and value is not None and not isinstance(value, str):
            value = str(value)
        cells.append((col, value, st.index((kinds[col] if kinds else "") or kind, fill, bold)))
    lines = _lines(values, widths)
    if cells or lines > 1:
        st.rows.add(ws.name, row, cells, lines * LINE_PT if lines > 1 else None)


TYPE_KINDS = {str: "text", int: "int", bool: "int", Fraction: "rate", date: "date",
              datetime: "date"}  # _kind's answers for the usual types, looked up at once


def _kind(value: Value) -> str:
    """The format of a value whose column names none."""
    if isinstance(value, date):
        return "date"
    if isinstance(value, Fraction):
        return "rate"
    return "int" if isinstance(value, int) else "text"


def _table(ws: Any, st: Styles, columns: Sequence[Column], rows: Sequence[Sequence[Value]],
           fills: Sequence[str] = (), top: int = 0) -> int:
    """A header at `top` and rows under it, frozen and filtered, each row as tall as its
    wrapped text; returns the next free row."""
    widths = [c.width for c in columns]
    lines = _lines([c.head for c in columns], widths)
    if lines > 1:
        ws.set_row(top, lines * LINE_PT)
    for col, column in enumerate(columns):
        ws.set_column(col, col, column.width)
        ws.write_string(top, col, column.head, st.get("head"))
    kinds = [c.kind for c in columns]
    for i, values in enumerate(rows):
        fill = fills[i] if fills else ""
        _row(ws, st, top + 1 + i, values, [fill if c.toned else "" for c in columns]
             if fill else (), kinds=kinds, widths=widths)
    ws.freeze_panes(top + 1, 0)
    ws.autofilter(top, 0, top + max(len(rows), 1), len(columns) - 1)
    ws.set_paper(9)  # printed: A4 landscape, one page wide, the header on every page
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(top)
    return top + 1 + len(rows)


def _lines(values: Sequence[Value], widths: Sequence[float]) -> int:
    """Lines of the row's most wrapped cell."""
    tallest = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and (len(value) > width or "\n" in value):  # may wrap
            tallest = max(tallest, wrapped_lines(value, width))
    return tallest


# --- the sheets -----------------------------------------------------------------------------

def _overview(ws: Any, st: Styles, data: Dataset, figures: Figures,
              changes: Sequence[Change]) -> None:
    """Agency, year, staff composition, then every metric in SPEC order (beside the year
    before, when there is a comparison)."""
    year = data.agency.year
    ws.write_string(0, 0, f"TỔNG HỢP KẾT QUẢ THI ĐUA, KHEN THƯỞNG NĂM {year}", st.get("title"))
    facts: list[tuple[str, Value]] = [
        ("Cơ quan", data.agency.name), ("Năm", year),
        ("Tổng số cá nhân", figures.totals["people"]), *figures.staff_types.items(),
        ("Số tập thể xét danh hiệu", figures.collectives),
    ]
    for row, (label, value) in enumerate(facts, start=2):
        ws.write_string(row, 0, label, st.get("plain", bold=True))
        _write(ws, row, 1, value, st.get("plain" if isinstance(value, str) else "int"))
    rows = [_metric_row(figures.metrics[name]) for name in schema.METRICS]
    columns: tuple[Column, ...] = METRIC_COLUMNS
    if changes:
        by_metric = {c.metric: c for c in changes}
        rows = [row + _change_cells(by_metric.get(name)) for name, row in
                zip(schema.METRICS, rows, strict=True)]
        columns += (Column(f"Năm {changes[0].year_before}", 10), Column("Thay đổi", 45))
    _table(ws, st, columns, rows, top=len(facts) + 3)


def _change_cells(c: Change | None) -> list[Value]:
    """Last year's figure (a rate, or a count as an int) and the change in words."""
    if c is None:
        return [None, None]
    before = c.before_value
    return [int(before) if before is not None and c.is_count else before, c.text]


def _metric_row(m: Metric) -> list[Value]:
    if m.is_count:  # a count has no denominator: its figure is the count itself
        return [m.name, m.num, None, m.num]
    return [m.name, m.num, m.den, m.value]


def _rate(num: int, den: int) -> Fraction | None:
    return Fraction(num, den) if den else None


def _unit_row(name: str, counts: dict[str, int], collective: str = "", rating: str = "",
              title: str = "") -> list[Value]:
    n = counts["people"]
    return [name, collective, rating, title, n, counts["good"], counts["excellent"],
            counts["ldtt"], counts["cstdcs"], counts["initiatives"],
            _rate(counts["ldtt"], n), _rate(counts["cstdcs"], n)]


def _units(wb: xlsxwriter.Workbook, ws: Any, st: Styles, figures: Figures) -> None:
    """One row per unit, a total row, and the two rate charts below."""
    rows = [_unit_row(u["name"], u, schema.YES if u["collective"] else schema.NONE,
                      u["rating"], u["title"]) for u in figures.units.to_dict("records")]
    total_row = _table(ws, st, UNIT_COLUMNS, rows)
    _row(ws, st, total_row, _unit_row(TOTAL, figures.totals), bold=True)
    if rows:
        _charts(wb, ws, rows, total_row + 2)


def _charts(wb: xlsxwriter.Workbook, ws: Any, rows: list[list[Value]], top: int) -> None:
    """Column charts of the per-unit rates, side by side under the table."""
    for i, (col, title) in enumerate(CHARTS):
        _chart(wb, ws, rows, top, col, title, x_offset=i * 580)


def _chart(wb: xlsxwriter.Workbook, ws: Any, rows: Sequence[Sequence[Value]], top: int,
           col: int, title: str, x_offset: int = 0, name_col: int = 0,
           label_format: str = "0.0%", axis_format: str = "0%") -> None:
    """A column chart of one column of a table whose rows start at row 1, named by name_col."""
    # constant_memory cannot read cells back to cache the chart's data, and without a cache
    # the unit names would be typed as numbers: give it the data ourselves.
    font, n = {"name": FONT}, len(rows)
    chart = wb.add_chart({"type": "column"})
    chart.add_series({
        "name": title, "categories": [ws.name, 1, name_col, n, name_col],
        "values": [ws.name, 1, col, n, col],
        "categories_data": [str(r[name_col]) for r in rows],
        "values_data": [_float(r[col]) for r in rows],
        "data_labels": {"value": True, "num_format": label_format, "font": font}})
    chart.set_title({"name": title, "name_font": {**font, "size": 12}})
    chart.set_x_axis({"num_font": font})
    chart.set_y_axis({"num_format": axis_format, "min": 0, "num_font": font})
    chart.set_legend({"none": True})
    chart.set_size({"width": 560, "height": 320})
    ws.insert_chart(top, 0, chart, {"x_offset": x_offset})


def _float(value: Value) -> float | None:
    return float(value) if isinstance(value, (int, Fraction)) else None


def _frame_rows(frame: pd.DataFrame, columns: Sequence[str], numbered: bool = False
          ) -> list[Sequence[Value]]:
    """The frame's rows as Python values, numbered from 1 (an STT column) if `numbered`."""
    values = [frame[c].tolist() for c in columns]
    if numbered:
        values.insert(0, list(range(1, len(frame) + 1)))
    return list(zip(*values, strict=True))


def _people_rows(people: pd.DataFrame) -> list[Sequence[Value]]:
    """All units' staff, in Vietnamese name order (given name, family, middle)."""
    names = people["name"].tolist()
    order = sorted(range(len(names)), key=lambda i: fmt.name_key(names[i]))
    return _frame_rows(people.take(order), tables.PEOPLE, numbered=True)


ON_TIME_TEXT = {True: schema.YES, False: schema.NONE, None: ""}


def _task_rows(tasks: pd.DataFrame) -> list[Sequence[Value]]:
    shown = tasks.assign(on_time=[ON_TIME_TEXT[v] for v in tasks["on_time"]])
    return _frame_rows(shown, ("content", "assigned_by", "deadline", "done_on", "state",
                               "on_time", "unit", "note"), numbered=True)


def _checks(ws: Any, st: Styles, issues: Sequence[Issue]) -> None:
    """Errors first, then held dossier documents, then warnings, each in the order found; one
    line when there are none."""
    ordered = sorted(issues, key=rank)
    rows: list[list[Value]] = [[n, i.severity, i.code, i.file, i.sheet, i.cell, i.message, i.fix]
                               for n, i in enumerate(ordered, start=1)]
    _table(ws, st, CHECK_COLUMNS, rows, [SEVERITY_FILLS.get(i.severity, "") for i in ordered])
    if not ordered:
        ws.merge_range(1, 0, 1, len(CHECK_COLUMNS) - 1, NO_ISSUES, st.get("plain"))

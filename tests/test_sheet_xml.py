"""Tables' rows written as sheet XML (pipeline/documents/sheet_xml.py): read back by openpyxl
and by python-calamine, every value is what xlsxwriter itself would have stored, with the
format its column or its type gives, in a workbook Excel's rules accept."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from pipeline.documents import sheet_xml
from pipeline.documents.summary import OPTIONS, Column, Styles, _row, _table

TEXTS = [
    "Nguyễn Thị Ánh", "bell\x07 and tab\t", "vertical\x0btab", "carriage\rreturn",
    "_x0041_ stays literal", "_x005F_x0041_ too", "<b>&amp; &lt;</b>", "  leading",
    "trailing  ", "line\nbreak", '=HYPERLINK("http://x","y")', "http://example.com",
    "😀 emoji", "\ufffe odd", "x" * 40000, "😀" * 20000,
]
OTHERS = [0, 7, -3, 12345678901, Fraction(1, 3), Fraction(2, 3), date(2023, 12, 31),
          datetime(2024, 2, 29, 13, 30), date(1900, 3, 1), date(1900, 2, 27), True]


def _books(tmp_path: Path, values: list) -> tuple[Path, Path]:
    """The values down column A of a workbook written by xlsxwriter, and of one written as
    XML, each under a header row."""
    theirs, ours = tmp_path / "theirs.xlsx", tmp_path / "ours.xlsx"
    wb = xlsxwriter.Workbook(str(theirs), OPTIONS)
    ws, st = wb.add_worksheet("Bảng"), Styles(wb)
    ws.write_string(0, 0, "Giá trị")
    for i, value in enumerate(values, start=1):
        if isinstance(value, str):
            ws.write_string(i, 0, value, st.get("text"))
        elif isinstance(value, date):
            ws.write_datetime(i, 0, value, st.get("date"))
        else:
            ws.write_number(i, 0, float(value), st.get("rate" if isinstance(value, Fraction)
                                                       else "int"))
    st.close()
    wb = xlsxwriter.Workbook(str(ours), OPTIONS)
    ws, st = wb.add_worksheet("Bảng"), Styles(wb)
    ws.write_string(0, 0, "Giá trị")
    for i, value in enumerate(values, start=1):
        _row(ws, st, i, [value])
    st.close()
    return theirs, ours


def test_values_read_back_as_xlsxwriter_writes_them(tmp_path):
    theirs, ours = _books(tmp_path, TEXTS + OTHERS)
    for read in (_openpyxl_values, _calamine_values):  # 7 and 7.0 are equal: types too
        assert [(type(v), v) for v in read(ours)] == [(type(v), v) for v in read(theirs)]
    got = _calamine_values(ours)  # the program's own reader: control characters come back
    assert got[:5] + got[6:10] == TEXTS[:5] + TEXTS[6:10]
    assert len(got[14]) == 32767 and len(got[15]) == 16383  # Excel's limit, in UTF-16 units
    assert got[len(TEXTS) + 6:len(TEXTS) + 10] == [
        date(2023, 12, 31), datetime(2024, 2, 29, 13, 30), date(1900, 3, 1), date(1900, 2, 27)]


TEXT = st.lists(st.text(st.characters(exclude_categories=("Cs",)), max_size=8) | st.sampled_from(
    ["_x0041_", "_x005F_", "&", "<", ">", " ", "\n", "\r", "\x07", "\ufffe"]),
    max_size=6).map("".join)  # any text, and the pieces that Excel's and XML's escapes change


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(TEXT.filter(bool), min_size=1, max_size=8))
def test_any_text_reads_back_as_xlsxwriters_own(tmp_path_factory, texts):
    theirs, ours = _books(tmp_path_factory.mktemp("t"), texts)
    for read in (_openpyxl_values, _calamine_values):
        assert read(ours) == read(theirs)


def _openpyxl_values(path: Path) -> list:
    ws = openpyxl.load_workbook(path)["Bảng"]
    return [row[0].value for row in ws.iter_rows(min_row=2)]


def _calamine_values(path: Path) -> list:
    with CalamineWorkbook.from_path(str(path)) as wb:
        return [row[0] for row in wb.get_sheet_by_name("Bảng").to_python()[1:]]


def test_formats_by_column_kind_value_fill_and_weight(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    ws, st = wb.add_worksheet("Bảng"), Styles(wb)
    columns = [Column("Tên", 10), Column("Tỷ lệ", 8), Column("Tiền", 8, kind="money"),
               Column("Ngày", 10), Column("Ghi chú", 10, toned=False)]
    end = _table(ws, st, columns, [["An", Fraction(1, 4), 1500000, date(2023, 5, 1), None],
                                   ["Bình", None, 0, None, "x"]], fills=["green", ""])
    _row(ws, st, end, ["Tổng cộng", Fraction(1, 2), 1500000, None, None], bold=True,
         kinds=[c.kind for c in columns])
    st.close()
    ws = openpyxl.load_workbook(path)["Bảng"]
    assert ws["B2"].number_format == "0.0%" and ws["C2"].number_format == "#,##0"
    assert ws["D2"].number_format == "dd/mm/yyyy" and ws["A2"].alignment.wrap_text
    assert ws["A2"].font.name == "Times New Roman" and ws["A2"].font.sz == 12
    assert [ws[c].fill.fgColor.rgb for c in ("A2", "B2", "D2")] == ["FFC6EFCE"] * 3
    assert ws["E2"].value is None and ws["E2"].fill.fill_type is None  # not toned
    assert ws["B3"].value is None and ws["A3"].fill.fill_type is None
    assert ws["A4"].font.b and ws["B4"].value == 0.5 and ws["A2"].font.b is not True
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb == "FFDDEBF7"  # xlsxwriter's header
    assert ws.dimensions == "A1:E4" and ws.auto_filter.ref == "A1:E3"


def test_rows_as_tall_as_their_wrapped_text_and_dimension_widened(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    ws, st = wb.add_worksheet("Bảng"), Styles(wb)
    ws.write_string(0, 0, "Bảng cao")  # xlsxwriter's rows, before and after ours
    _table(ws, st, [Column("Nội dung", 10)], [["ngắn"], ["một hai ba " * 10], ["a\nb\nc"]],
           top=2)
    ws.write_string(7, 0, "Sau bảng")
    st.close()
    ws = openpyxl.load_workbook(path)["Bảng"]
    assert [ws.cell(r, 1).value for r in range(1, 9)] == [
        "Bảng cao", None, "Nội dung", "ngắn", "một hai ba " * 10, "a\nb\nc", None, "Sau bảng"]
    heights = [ws.row_dimensions[r].height for r in (4, 5, 6)]
    assert heights[0] is None and heights[1] > heights[2] > 16
    assert ws.dimensions == "A1:A8"
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    rows = [int(r) for r in sheet_xml.ROW.findall(xml)]
    assert rows == sorted(rows) == [1, 3, 4, 5, 6, 8]


def test_a_row_written_twice_is_a_bug_not_a_file(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    ws, st = wb.add_worksheet("Bảng"), Styles(wb)
    ws.write_string(1, 0, "xlsxwriter")
    _row(ws, st, 1, ["sheet_xml"])
    with pytest.raises(RuntimeError, match="written twice"):
        st.close()


def test_sheets_found_by_name_through_the_workbook_relations(tmp_path):
    path = tmp_path / "t.xlsx"
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    st = Styles(wb)
    first, chart_sheet, second = (wb.add_worksheet("Một"), wb.add_chartsheet("Biểu đồ"),
                                  wb.add_worksheet("Hai"))
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": ["Hai", 0, 0, 2, 0], "values_data": [1, 2, 3]})
    chart_sheet.set_chart(chart)
    first.write_string(0, 0, "Tên")
    _row(first, st, 1, ["một"])
    _row(second, st, 0, [1])
    _row(second, st, 2, [3])
    st.close()
    wb = openpyxl.load_workbook(path)
    assert [c.value for c in wb["Một"]["A"]] == ["Tên", "một"]
    assert [c.value for c in wb["Hai"]["A"]] == [1, None, 3]

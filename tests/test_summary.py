"""The Excel summary and the data-check list, written then read back with openpyxl."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from pipeline import schema
from pipeline.documents.summary import write_checks, write_summary
from pipeline.figures.aggregate import aggregate
from pipeline.figures.pledges import evaluate
from pipeline.issues import issue
from pipeline.model import Agency, Dataset, Person, Pledge, Task, Unit, Where

FORMULA_NOTE = '=HYPERLINK("http://x","y")'
SHEETS = ["Tổng hợp", "Đơn vị", "Giao ước", "Danh sách cá nhân", "Nhiệm vụ",
          "Kiểm tra dữ liệu"]


def where(sheet: str = "Cá nhân", row: int = 1) -> Where:
    return Where("test.xlsx", sheet, row, {"Kết quả": f"E{row + 1}", "Chỉ số": f"C{row + 1}"})


def person(name: str, unit: str, rating: str, title: str, initiative: str = "",
           note: str = "", staff_type: str = "Công chức") -> Person:
    return Person(name=name, birth_year=1980, position="Chuyên viên", staff_type=staff_type,
                  rating=rating, title=title, initiative=initiative, discipline=schema.NONE,
                  proposal="", note=note, unit=unit, where=where())


def unit(name: str, collective: bool, rating: str, title: str, *people: Person) -> Unit:
    return Unit(name=name, year=2023, collective=collective, rating=rating, title=title,
                people=people, where=where("Thông tin"))


def pledge(row: int, text: str, metric: str, target: Fraction | None) -> Pledge:
    return Pledge(text, metric, target, "", "", where("Giao ước", row))


def task(content: str, state: str, deadline: date | None, done_on: date | None) -> Task:
    return Task(content, "UBND tỉnh", deadline, done_on, state, "Văn phòng", "", where("Nhiệm vụ"))


LEADERS = unit(
    "Lãnh đạo Ban", False, "", "",
    person("Lê Văn Đức", "Lãnh đạo Ban", schema.EXCELLENT, schema.CSTDCS, "Sáng kiến A"),
    person("Nguyễn Ánh", "Lãnh đạo Ban", schema.GOOD, schema.LDTT),
)
OFFICE = unit(
    "Văn phòng", True, schema.EXCELLENT, schema.TTLDTT,
    person("Trần Dũng", "Văn phòng", schema.GOOD, schema.LDTT),
    person("Phạm Anh", "Văn phòng", schema.DONE, schema.NONE, note=FORMULA_NOTE),
    person("Hoàng Văn Đức", "Văn phòng", schema.GOOD, schema.LDTT,
           staff_type="Hợp đồng lao động"),
    person("Trần Thị Bình", "Văn phòng", schema.EXCELLENT, schema.CSTDCS, "Sáng kiến B"),
)
EMPTY = unit("Phòng Chính sách", True, schema.GOOD, schema.NONE)
AGENCY = Agency(
    info={"Tên cơ quan": "Ban Dân tộc tỉnh Quảng Ngãi", "Năm": 2023},
    pledges=(
        pledge(1, "Cá nhân đạt Lao động tiên tiến", schema.M_LDTT, Fraction(4, 5)),
        pledge(2, "Hoàn thành 100% nhiệm vụ", schema.M_TASKS, Fraction(1)),
        pledge(3, "02 sáng kiến", schema.M_INITIATIVES, Fraction(2)),
        pledge(4, "Cờ thi đua cấp tỉnh", "", None),
    ),
    tasks=(
        task("Nhiệm vụ đúng hạn", schema.TASK_DONE, date(2023, 6, 30), date(2023, 6, 15)),
        task("Nhiệm vụ trễ hạn", schema.TASK_DONE, date(2023, 3, 31), date(2023, 4, 10)),
        task("Nhiệm vụ dừng", schema.TASK_STOPPED, date(2023, 9, 30), None),
        task("Nhiệm vụ đang làm", schema.TASK_RUNNING, date(2023, 12, 31), None),
    ),
    documents=(), movements=(), notes=(), where=where("Thông tin"),
)
DATA = Dataset(agency=AGENCY, units=(LEADERS, OFFICE, EMPTY), files=("test.xlsx",))
BAD_CHOICE = issue("bad-choice", "don_vi.xlsx", "Cá nhân", "G3", value="Tốt",
                   column="Xếp loại", allowed="…")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("summary") / "tong_hop.xlsx"
    figures = aggregate(DATA)
    results, issues = evaluate(AGENCY.pledges, figures.metrics)
    write_summary(path, DATA, figures, results, [*issues, BAD_CHOICE])
    wb = openpyxl.load_workbook(path)
    wb.path = path  # for the zip-level checks
    return wb


def values(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def row_of(ws, first: str) -> int:
    """The 1-based row whose first cell is `first`."""
    return next(r[0].row for r in ws.iter_rows() if r[0].value == first)


def test_sheet_names(book):
    assert book.sheetnames == SHEETS


def test_overview_metrics(book):
    ws = book["Tổng hợp"]
    assert ws["B3"].value == "Ban Dân tộc tỉnh Quảng Ngãi"
    assert ws["B4"].value == 2023
    facts = [r[:2] for r in values(ws)]
    assert ("Công chức", 5) in facts and ("Hợp đồng lao động", 1) in facts
    ldtt = row_of(ws, schema.M_LDTT)
    assert [ws.cell(ldtt, c).value for c in (2, 3)] == [5, 6]
    rate = ws.cell(ldtt, 4)
    assert isinstance(rate.value, float) and rate.value == pytest.approx(5 / 6)
    assert rate.number_format == "0.0%"
    count = ws.cell(row_of(ws, schema.M_INITIATIVES), 4)
    assert (count.value, count.number_format) == (2, "0")
    assert ws.cell(row_of(ws, "Chỉ số"), 1).font.b
    assert len([r for r in values(ws) if r[0] in schema.METRICS]) == len(schema.METRICS)


def test_unit_table_and_total(book):
    ws = book["Đơn vị"]
    rows = values(ws)
    assert rows[1][:10] == ("Lãnh đạo Ban", "Không", None, None, 2, 2, 1, 2, 1, 1)
    assert rows[2][:10] == ("Văn phòng", "Có", schema.EXCELLENT, schema.TTLDTT, 4, 3, 1, 3, 1, 1)
    assert rows[3][4:] == (0, 0, 0, 0, 0, 0, None, None)  # no people: no rate
    assert rows[4][:10] == ("Tổng cộng", None, None, None, 6, 5, 2, 5, 2, 2)
    assert rows[4][10] == pytest.approx(5 / 6) and rows[4][11] == pytest.approx(2 / 6)
    assert ws["K3"].value == pytest.approx(0.75) and ws["K3"].number_format == "0.0%"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:L4"


def test_unit_charts(book):
    assert len(book["Đơn vị"]._charts) == 2
    with zipfile.ZipFile(book.path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert any("Lao động tiên tiến theo đơn vị" in c for c in charts)
    assert any("Chiến sĩ thi đua cơ sở theo đơn vị" in c for c in charts)
    # unit names cached as text, so Excel labels the columns with them
    assert all("<c:strRef><c:f>'Đơn vị'!$A$2:$A$4</c:f>" in c for c in charts)
    assert all("<c:v>Văn phòng</c:v>" in c for c in charts)


def test_pledges_and_colours(book):
    ws = book["Giao ước"]
    assert [r[4] for r in values(ws)] == ["Đánh giá", "Vượt", "Không đạt", "Đạt", "Chờ kết quả"]
    assert ws["C2"].value == "80%" and ws["D2"].value == "83,3%"
    assert ws["E4"].fill.fgColor.rgb == "FFC6EFCE"  # Đạt: green
    assert ws["E3"].fill.fgColor.rgb == "FFFFC7CE"  # Không đạt: red
    assert ws["E5"].fill.fgColor.rgb == "FFFFEB9C"  # Chờ kết quả: amber
    assert ws["A3"].fill.fill_type is None


def test_staff_list_in_vietnamese_order(book):
    ws = book["Danh sách cá nhân"]
    assert [r[1] for r in values(ws)[1:]] == [
        "Phạm Anh", "Nguyễn Ánh", "Trần Thị Bình", "Trần Dũng", "Hoàng Văn Đức", "Lê Văn Đức"]
    assert [r[0] for r in values(ws)[1:]] == [1, 2, 3, 4, 5, 6]
    assert values(ws)[0][-1] == "Ghi chú"


def test_formula_like_text_stays_text(book):
    cell = book["Danh sách cá nhân"]["L2"]  # Phạm Anh's Ghi chú
    assert (cell.value, cell.data_type) == (FORMULA_NOTE, "s")


def test_tasks_on_time_and_dates(book):
    ws = book["Nhiệm vụ"]
    assert [r[6] for r in values(ws)[1:]] == ["Có", "Không", None, "Không"]
    assert ws["E3"].value == datetime(2023, 4, 10)
    assert ws["E3"].number_format == "dd/mm/yyyy" and ws["D2"].number_format == "dd/mm/yyyy"


def test_check_list(book):
    ws = book["Kiểm tra dữ liệu"]
    rows = values(ws)
    assert rows[0] == ("STT", "Mức độ", "Mã", "Tệp", "Sheet", "Ô", "Nội dung", "Cách sửa")
    assert [r[:6] for r in rows[1:]] == [
        (1, "Lỗi", "bad-choice", "don_vi.xlsx", "Cá nhân", "G3"),
        (2, "Cảnh báo", "missing-result", "test.xlsx", "Giao ước", "E5"),
    ]
    assert ws["G2"].fill.fgColor.rgb == "FFFDE2E2"
    assert ws["G3"].fill.fgColor.rgb == "FFFFF4D6"


def test_write_checks_without_issues(tmp_path: Path):
    path = tmp_path / "kiem_tra.xlsx"
    write_checks(path, [])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Kiểm tra dữ liệu"]
    ws = wb.active
    assert ws["A2"].value == "Không có lỗi hay cảnh báo."
    assert ws.max_row == 2 and "A2:H2" in {str(r) for r in ws.merged_cells.ranges}

"""Checking: every blocking problem at its cell, the checks across files, value parsing."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from pipeline import cells, schema
from pipeline.model import Agency, Unit
from pipeline.reading import read, validate
from pipeline.reading.forms import write_form
from tests.conftest import ROOT

REALWORLD = ROOT.parent / "shared" / "realworld"
RATE = schema.M_TASKS
COUNT = schema.M_INITIATIVES

UNIT_INFO = {"Năm": 2023, "Tên đơn vị": "Văn phòng", "Là tập thể xét danh hiệu": schema.YES,
             "Xếp loại tập thể": schema.GOOD, "Danh hiệu tập thể": schema.TTLDTT}
AGENCY_INFO = {"Năm": 2023, "Tên cơ quan": "Ban Dân tộc tỉnh Quảng Ngãi",
               "Cơ quan chủ quản": "UBND TỈNH QUẢNG NGÃI", "Ký hiệu cơ quan": "BDT",
               "Địa danh": "Quảng Ngãi", "Chức vụ người ký": "TRƯỞNG BAN",
               "Người ký": "Hồ Ngọc Thịnh", "Nơi nhận": "- Lưu: VT.",
               "Khối thi đua": "Khối thi đua các cơ quan Tham mưu - Tổng hợp tỉnh",
               "Văn bản đăng ký giao ước": "Đăng ký giao ước thi đua số 514/BDT-VP"}
AGENCY_ROWS = {
    schema.PLEDGE_SHEET: {"Chỉ tiêu": "Hoàn thành nhiệm vụ", "Chỉ số": RATE, "Mức đăng ký": 100},
    schema.TASK_SHEET: {"Nội dung nhiệm vụ": "Nhiệm vụ 1", "Hạn hoàn thành": date(2023, 3, 31),
                        "Ngày hoàn thành": date(2023, 3, 24), "Tình trạng": schema.TASK_DONE},
    schema.DOC_SHEET: {"Loại văn bản": "Kế hoạch", "Số ký hiệu": "128/KH-BDT",
                       "Ngày ban hành": date(2023, 2, 28)},
    schema.MOVEMENT_SHEET: {"Phong trào": "Phong trào 1", "Kết quả thực hiện": "Kết quả."},
    schema.NOTE_SHEET: {"Mục": "Đặc điểm", "Nội dung": "Đoạn văn."},
}


def person(name: str = "Võ Thị Bích", born: int | None = 1990, **changes: object) -> dict:
    return {"Họ và tên": name, "Năm sinh": born, "Loại": "Công chức", "Xếp loại": schema.GOOD,
            "Danh hiệu": schema.LDTT, **changes}


def places(issues: list) -> list[tuple[str, str, str]]:
    return [(i.sheet, i.cell, i.code) for i in issues]


def write_unit(folder: Path, file: str = "don_vi.xlsx", people: tuple[dict, ...] = (person(),),
               **info: object) -> Path:
    write_form(folder / file, schema.UNIT, UNIT_INFO | info, {schema.PEOPLE_SHEET: people})
    return folder / file


def write_agency(folder: Path, file: str = "co_quan.xlsx", rows: dict | None = None,
                 **info: object) -> Path:
    tables = {sheet: [row] for sheet, row in (AGENCY_ROWS | (rows or {})).items()}
    write_form(folder / file, schema.AGENCY, AGENCY_INFO | info, tables)
    return folder / file


def parse(path: Path) -> tuple[Unit | Agency | None, list]:
    return validate.parse_book(read.read_book(path))


def edit(path: Path, change) -> Path:
    """Open a written workbook in openpyxl, change it as a user would, save it."""
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


# --- one workbook -------------------------------------------------------------------------

def test_well_filled_forms_have_no_issue(tmp_path):
    assert parse(write_unit(tmp_path))[1] == []
    assert parse(write_agency(tmp_path))[1] == []


def test_value_outside_its_list_names_the_allowed_values(tmp_path):
    path = write_unit(tmp_path, people=(person(), person("Trần Thị Yến", **{"Xếp loại": "Tốt"})))

    unit, issues = parse(path)

    assert places(issues) == [("Cá nhân", "F3", "bad-choice")]
    assert '"Tốt"' in issues[0].message and "Xếp loại" in issues[0].message
    assert all(rating in issues[0].fix for rating in schema.RATINGS)
    assert issues[0].blocking and issues[0].file == "don_vi.xlsx"
    assert len(unit.people) == 2  # the book still takes part in the checks across files


@pytest.mark.parametrize(("changes", "cell", "code"), [
    ({"Họ và tên": None}, "B2", "required"),
    ({"Loại": None}, "E2", "required"),
    ({"Xếp loại": None}, "F2", "required"),
    ({"Năm sinh": "abc"}, "C2", "bad-number"),
    ({"Năm sinh": "1985,5"}, "C2", "bad-number"),
    ({"Danh hiệu": "Giỏi"}, "G2", "bad-choice"),
    ({"Kỷ luật": "Phê bình"}, "I2", "bad-choice"),
])
def test_person_cell_problems(tmp_path, changes, cell, code):
    _, issues = parse(write_unit(tmp_path, people=(person(**changes),)))
    assert places(issues) == [("Cá nhân", cell, code)]


def test_every_problem_of_a_file_is_listed(tmp_path):
    people = (person(**{"Năm sinh": "abc"}), person("Trần Thị Yến"),
              person("Lê Văn Hùng", **{"Loại": None, "Danh hiệu": "Giỏi"}))
    _, issues = parse(write_unit(tmp_path, people=people, **{"Năm": "hai không hai ba"}))
    assert places(issues) == [("Thông tin", "B4", "bad-number"), ("Cá nhân", "C2", "bad-number"),
                              ("Cá nhân", "E4", "required"), ("Cá nhân", "G4", "bad-choice")]


def test_proposal_outside_its_list_is_kept_as_typed(tmp_path):
    other = "Huân chương Lao động hạng Ba"
    unit, issues = parse(write_unit(tmp_path, people=(person(**{"Đề nghị khen thưởng": other}),)))
    assert issues == [] and unit.people[0].proposal == other


@pytest.mark.parametrize(("sheet", "changes", "cell", "code"), [
    (schema.TASK_SHEET, {"Hạn hoàn thành": "31/02/2023"}, "D2", "bad-date"),
    (schema.TASK_SHEET, {"Ngày hoàn thành": "hôm qua"}, "E2", "bad-date"),
    (schema.TASK_SHEET, {"Tình trạng": None}, "F2", "required"),
    (schema.TASK_SHEET, {"Tình trạng": "Xong"}, "F2", "bad-choice"),
    (schema.DOC_SHEET, {"Ngày ban hành": None}, "D2", "required"),
    (schema.DOC_SHEET, {"Số ký hiệu": None}, "C2", "required"),
    (schema.MOVEMENT_SHEET, {"Kết quả thực hiện": None}, "C2", "required"),
    (schema.NOTE_SHEET, {"Mục": "Kết luận"}, "A2", "bad-choice"),
    (schema.PLEDGE_SHEET, {"Chỉ số": "Tỷ lệ đảng viên"}, "C2", "bad-choice"),
    (schema.PLEDGE_SHEET, {"Mức đăng ký": None}, "D2", "missing-target"),
    (schema.PLEDGE_SHEET, {"Mức đăng ký": "mười lăm"}, "D2", "bad-target"),
    (schema.PLEDGE_SHEET, {"Mức đăng ký": -15}, "D2", "negative-target"),
    (schema.PLEDGE_SHEET, {"Mức đăng ký": "150%"}, "D2", "target-over-100"),
    (schema.PLEDGE_SHEET, {"Mức đăng ký": 0.5}, "D2", "target-read-as"),
    (schema.PLEDGE_SHEET, {"Kết quả": "Tốt"}, "E2", "bad-choice"),
    (schema.PLEDGE_SHEET, {"Chỉ tiêu": True}, "B2", "not-text"),
    (schema.TASK_SHEET, {"Nội dung nhiệm vụ": 2023}, "B2", "not-text"),
    (schema.TASK_SHEET, {"Ngày hoàn thành": date(2021, 12, 31)}, "E2", "implausible-date"),
    (schema.TASK_SHEET, {"Hạn hoàn thành": date(2025, 1, 1)}, "D2", "implausible-date"),
    (schema.NOTE_SHEET, {"Nội dung": False}, "C2", "not-text"),
])
def test_agency_cell_problems(tmp_path, sheet, changes, cell, code):
    path = write_agency(tmp_path, rows={sheet: AGENCY_ROWS[sheet] | changes})
    _, issues = parse(path)
    assert places(issues) == [(sheet, cell, code)]


@pytest.mark.parametrize(("info", "cell", "code"), [
    ({"Năm": "năm nay"}, "B4", "bad-number"),
    ({"Người ký": None}, "B10", "required"),
    ({"Ngày báo cáo": "32/12/2023"}, "B18", "bad-date"),
])
def test_agency_info_problems(tmp_path, info, cell, code):
    agency, issues = parse(write_agency(tmp_path, **info))
    assert places(issues) == [("Thông tin", cell, code)]
    assert isinstance(agency.year, int)


@pytest.mark.parametrize(("label", "cell"), [("Xếp loại tập thể", "B7"),
                                             ("Danh hiệu tập thể", "B8")])
def test_collective_unit_needs_its_rating_and_title(tmp_path, label, cell):
    _, issues = parse(write_unit(tmp_path, **{label: None}))
    assert places(issues) == [("Thông tin", cell, "collective-missing")]


def test_leadership_group_needs_no_collective_rating(tmp_path):
    path = write_unit(tmp_path, **{"Là tập thể xét danh hiệu": schema.NONE,
                                   "Xếp loại tập thể": None, "Danh hiệu tập thể": None})
    unit, issues = parse(path)
    assert issues == [] and (unit.collective, unit.rating, unit.title) == (False, "", "")


@pytest.mark.parametrize(("version", "cell"), [("thidua-0", "B3"), (None, "B3")])
def test_wrong_or_empty_template_version(tmp_path, version, cell):
    def change(wb: openpyxl.Workbook) -> None:
        wb[schema.INFO_SHEET]["B3"].value = version

    book, issues = parse(edit(write_unit(tmp_path), change))
    assert book is None and places(issues) == [("Thông tin", cell, "bad-version")]
    assert schema.TEMPLATE_VERSION in issues[0].message


def test_template_version_row_deleted(tmp_path):
    path = edit(write_unit(tmp_path), lambda wb: wb[schema.INFO_SHEET].delete_rows(3))
    book, issues = parse(path)
    assert book is None and places(issues) == [("Thông tin", "A:A", "bad-version")]


def test_unknown_kind(tmp_path):
    book, issues = parse(write_unit(tmp_path, **{"Loại phiếu": "Phòng"}))
    assert book is None and places(issues) == [("Thông tin", "B2", "bad-kind")]


def test_missing_info_row(tmp_path):
    path = edit(write_unit(tmp_path), lambda wb: wb[schema.INFO_SHEET].delete_rows(5))
    _, issues = parse(path)
    assert places(issues) == [("Thông tin", "A:A", "missing-info")]
    assert "Tên đơn vị" in issues[0].message


def test_missing_sheet(tmp_path):
    path = edit(write_agency(tmp_path), lambda wb: wb.remove(wb[schema.DOC_SHEET]))
    agency, issues = parse(path)
    assert places(issues) == [("Văn bản", "", "missing-sheet")]
    assert '"Văn bản"' in issues[0].message
    assert agency.documents == () and len(agency.tasks) == 1


def _rename_birth_year(wb: openpyxl.Workbook) -> None:
    wb[schema.PEOPLE_SHEET]["C1"] = "Năm sinh (dương lịch)"


@pytest.mark.parametrize("change", [
    _rename_birth_year, lambda wb: wb[schema.PEOPLE_SHEET].delete_cols(3)],
    ids=["renamed", "deleted"])
def test_missing_column_points_at_the_header_row(tmp_path, change):
    _, issues = parse(edit(write_unit(tmp_path), change))
    assert places(issues) == [("Cá nhân", "1:1", "missing-column")]
    assert '"Năm sinh"' in issues[0].message


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="shared/realworld is not beside this checkout")
@pytest.mark.parametrize("name", ["CANHAN.xlsx", "MauTDKT_20231004.xlsx"])
def test_workbook_of_another_system_is_foreign(name):
    raw = read.read_book(REALWORLD / name)  # read where it is, never copied into the repo
    book, issues = validate.parse_book(raw)
    assert book is None
    assert [(i.file, i.sheet, i.cell, i.code) for i in issues] == [
        (name, "Thông tin", "", "foreign-workbook")]
    assert issues[0].blocking and '"Thông tin"' in issues[0].message


# --- across files -------------------------------------------------------------------------

def books(*paths: Path) -> list[Unit | Agency]:
    parsed = [parse(p) for p in paths]
    assert [i for _, found in parsed for i in found if i.blocking] == []
    return [b for b, _ in parsed]


def across(books: list) -> tuple:
    """check_dataset without the warning that an agency with no roster gets (the roster has
    tests of its own below)."""
    data, issues = validate.check_dataset(books)
    return data, [i for i in issues if i.code != "roster-empty"]


def check(*paths: Path) -> list[tuple[str, str, str, str]]:
    _, issues = across(books(*paths))
    return [(i.file, i.sheet, i.cell, i.code) for i in issues]


def test_one_agency_and_its_units_make_a_dataset(tmp_path):
    units = [write_unit(tmp_path, "b.xlsx", (person("Trần Thị Yến"),), **{"Tên đơn vị": "B"}),
             write_unit(tmp_path, "a.xlsx", **{"Tên đơn vị": "A"})]
    data, issues = validate.check_dataset(books(*units, write_agency(tmp_path)))
    assert [i.code for i in issues] == ["roster-empty"]
    assert data.agency.name == "Ban Dân tộc tỉnh Quảng Ngãi"
    assert [u.name for u in data.units] == ["A", "B"]


def test_no_agency(tmp_path):
    assert check(write_unit(tmp_path)) == [("", "", "", "no-agency")]


def test_two_agencies(tmp_path):
    found = validate.check_dataset(books(write_agency(tmp_path, "co_quan.xlsx"),
                                         write_agency(tmp_path, "co_quan_2.xlsx"),
                                         write_unit(tmp_path)))[1]
    assert [i.code for i in found] == ["two-agencies"]
    assert "co_quan.xlsx, co_quan_2.xlsx" in found[0].message


def test_no_units(tmp_path):
    assert check(write_agency(tmp_path)) == [("", "", "", "no-units")]


def test_nothing_at_all():
    assert [i.code for i in validate.check_dataset([])[1]] == ["no-agency", "no-units"]


def test_unit_of_another_year(tmp_path):
    found = check(write_agency(tmp_path), write_unit(tmp_path, "a.xlsx", **{"Tên đơn vị": "A"}),
                  write_unit(tmp_path, "b.xlsx", (person("Trần Thị Yến"),),
                             **{"Tên đơn vị": "B", "Năm": 2022}))
    assert found == [("b.xlsx", "Thông tin", "B4", "year-mismatch")]


def test_without_agency_the_units_most_common_year_counts(tmp_path):
    found = check(*(write_unit(tmp_path, f"{n}.xlsx", (person(n),), **{"Tên đơn vị": n,
                                                                        "Năm": year})
                    for n, year in [("A", 2023), ("B", 2022), ("C", 2023)]))
    assert found == [("", "", "", "no-agency"), ("B.xlsx", "Thông tin", "B4", "year-mismatch")]


@pytest.mark.parametrize("info", [{"Năm": None}, {"Năm": "abc"}], ids=["empty", "text"])
def test_agency_without_a_year_is_reported_once_not_a_crash(tmp_path, info):
    agency, issues = parse(write_agency(tmp_path, **info))
    assert [i.code for i in issues] in (["required"], ["bad-number"])
    data, found = across([agency, *books(write_unit(tmp_path))])
    assert found == []  # the run is blocked by the agency's own issue, not twice


def test_unit_without_a_year_is_not_also_a_mismatch(tmp_path):
    unit, issues = parse(write_unit(tmp_path, "a.xlsx", **{"Năm": None}))
    assert places(issues) == [("Thông tin", "B4", "required")]
    assert across([unit, *books(write_agency(tmp_path))])[1] == []


def test_same_unit_in_two_files(tmp_path):
    found = check(write_agency(tmp_path),
                  write_unit(tmp_path, "a.xlsx", **{"Tên đơn vị": "Văn phòng"}),
                  write_unit(tmp_path, "b.xlsx", (person("Trần Thị Yến"),),
                             **{"Tên đơn vị": " VĂN PHÒNG"}))
    assert found == [("b.xlsx", "Thông tin", "B5", "duplicate-unit")]


@pytest.mark.parametrize(("first", "second", "duplicate"), [
    (("Nguyễn Thị Hòa", None), ("Nguyễn Thị Hòa", None), True),
    (("Nguyễn Thị Hòa", 1985), ("Nguyễn Thị Hòa", None), True),
    (("Nguyễn Thị Hòa", 1985), ("Nguyễn Thị Hòa", 1985), True),
    (("Nguyễn Thị Hoà", 1985), ("Nguyễn Thị Hòa", 1985), True),  # old and new tone placement
    (("Nguyễn Thị Hòa", None), ("NGUYỄN THỊ HÒA", None), True),
    (("Nguyễn Thị Hòa", 1985), ("Nguyễn Thị Hòa", 1990), False),  # two people, one name
    (("Nguyễn Thị Hòa", None), ("Nguyễn Thị Hoa", None), False),
])
def test_same_person_in_two_units(tmp_path, first, second, duplicate):
    found = check(write_agency(tmp_path),
                  write_unit(tmp_path, "a.xlsx", (person(*first),), **{"Tên đơn vị": "A"}),
                  write_unit(tmp_path, "b.xlsx", (person(*second),), **{"Tên đơn vị": "B"}))
    assert found == ([("b.xlsx", "Cá nhân", "B2", "duplicate-person")] if duplicate else [])


def test_same_person_twice_in_one_unit(tmp_path):
    people = (person("Lê Văn Hùng"), person("Trần Thị Yến"), person("Lê Văn Hùng", None))
    _, found = across(books(write_agency(tmp_path), write_unit(tmp_path, people=people)))
    assert [(i.cell, i.code) for i in found] == [("B4", "duplicate-person")]
    assert "dòng 2" in found[0].message and "dòng 4" in found[0].message


def test_rows_without_a_name_are_not_duplicates_of_each_other(tmp_path):
    people = (person(None, None), person(None, None))
    unit, issues = parse(write_unit(tmp_path, people=people))
    assert places(issues) == [("Cá nhân", "B2", "required"), ("Cá nhân", "B3", "required")]
    assert across([unit, *books(write_agency(tmp_path))])[1] == []


# --- values -------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "metric", "expected"), [
    (15, RATE, Fraction(15, 100)),
    ("15%", RATE, Fraction(15, 100)),
    (" 15 % ", RATE, Fraction(15, 100)),
    (0.15, RATE, Fraction(15, 100)),
    ("0,15", RATE, Fraction(15, 100)),
    ("0.15", RATE, Fraction(15, 100)),
    ("15,5%", RATE, Fraction(155, 1000)),
    (15.5, RATE, Fraction(155, 1000)),
    (0.155, RATE, Fraction(155, 1000)),
    (1, RATE, Fraction(1)),  # 1 and a cell formatted 100% mean 100%
    (100, RATE, Fraction(1)),
    ("100%", RATE, Fraction(1)),
    ("1%", RATE, Fraction(1, 100)),
    (0, RATE, Fraction(0)),
    (3, COUNT, Fraction(3)),
    ("3", COUNT, Fraction(3)),
    ("mười lăm", RATE, None),
    (-15, RATE, None),
    ("", RATE, None),
    (True, RATE, None),
    ("NaN", RATE, None),
    ("inf", COUNT, None),
    (date(2023, 3, 15), RATE, None),
])
def test_to_target(value, metric, expected):
    assert validate.to_target(value, metric) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (datetime(2024, 3, 5, 14, 30), date(2024, 3, 5)),
    (date(2024, 3, 5), date(2024, 3, 5)),
    ("05/03/2024", date(2024, 3, 5)),  # day first
    ("5/3/2024", date(2024, 3, 5)),
    ("05.03.2024", date(2024, 3, 5)),
    ("05-03-24", date(2024, 3, 5)),
    (" 05 / 03 / 2024 ", date(2024, 3, 5)),
    ("2024-03-05", date(2024, 3, 5)),
    ("2024-3-5", date(2024, 3, 5)),
    (45356, date(2024, 3, 5)),  # an Excel serial in a cell not formatted as a date
    (45356.75, date(2024, 3, 5)),
    ("31/02/2024", None),
    ("29/02/2023", None),
    ("03/2024", None),
    ("hôm qua", None),
    ("", None),
    (True, None),
    (0, None),
])
def test_to_date(value, expected):
    assert validate.to_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (1985, 1985),
    (1985.0, 1985),
    ("1985", 1985),
    (" 1985 ", 1985),
    ("1985.0", 1985),
    ("1 985", 1985),
    (1985.5, None),
    ("1985,5", None),
    ("abc", None),
    ("", None),
    (True, None),
    ("NaN", None),
    ("Infinity", None),
    (date(1985, 1, 1), None),
])
def test_to_int(value, expected):
    assert validate.to_int(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (2023, None),  # a year typed in a date column is not a date (15/07/1905)
    (45000, date(2023, 3, 15)),  # an Excel serial of a plausible year is
])
def test_number_in_a_date_column(value, expected):
    assert validate.to_date(value) == expected


def test_invisible_characters_are_removed_at_the_door():
    assert cells.text("\ufeffHọ và tên\u200b") == "Họ và tên"


# --- the agency's roster ("Đơn vị") -----------------------------------------------------

def roster_check(folder: Path, roster: tuple[str, ...], units: tuple[str, ...]) -> list:
    agency = folder / "co_quan.xlsx"
    write_form(agency, schema.AGENCY, AGENCY_INFO, {
        **{sheet: [row] for sheet, row in AGENCY_ROWS.items()},
        schema.ROSTER_SHEET: [{"Tên đơn vị": n} for n in roster]})
    paths = [write_unit(folder, f"u{n}.xlsx", (person(f"Người Thứ {chr(65 + n)}"),),
                        **{"Tên đơn vị": name}) for n, name in enumerate(units)]
    _, issues = validate.check_dataset(books(agency, *paths))
    return issues


def test_roster_and_workbooks_agree_whatever_the_spelling(tmp_path):
    # case, spaces, and old/new tone placement ("Hoà" = "Hòa") do not matter
    assert roster_check(tmp_path, ("Văn phòng", "Phòng Hòa giải"),
                        ("VĂN PHÒNG ", "Phòng Hoà giải")) == []


def test_listed_unit_without_a_workbook_blocks_at_its_roster_row(tmp_path):
    found = roster_check(tmp_path, ("Văn phòng", "Thanh tra", "Lãnh đạo"), ("Văn phòng",))
    assert [(i.file, i.sheet, i.cell, i.code) for i in found] == [
        ("co_quan.xlsx", "Đơn vị", "B3", "roster-no-workbook"),
        ("co_quan.xlsx", "Đơn vị", "B4", "roster-no-workbook")]
    assert all(i.blocking for i in found)
    assert '"Thanh tra" (dòng 3 sheet Đơn vị)' in found[0].message


def test_workbook_of_an_unlisted_unit_blocks_with_a_suggestion(tmp_path):
    found = roster_check(tmp_path, ("Văn phòng", "Thanh tra Sở"), ("Văn phòng", "Thanh tra So"))
    assert [(i.file, i.sheet, i.cell, i.code) for i in found] == [
        ("co_quan.xlsx", "Đơn vị", "B3", "roster-no-workbook"),
        ("u1.xlsx", "Thông tin", "B5", "unit-not-listed")]
    assert 'Có phải là "Thanh tra Sở"?' in found[1].message


def test_unit_listed_twice(tmp_path):
    found = roster_check(tmp_path, ("Văn phòng", "văn  phòng"), ("Văn phòng",))
    assert [(i.cell, i.code) for i in found] == [("B3", "roster-twice")]
    assert "dòng 2" in found[0].message


def test_empty_roster_is_a_warning_that_units_were_not_checked(tmp_path):
    found = roster_check(tmp_path, (), ("Văn phòng",))
    assert [(i.file, i.sheet, i.code, i.blocking) for i in found] == [
        ("co_quan.xlsx", "Đơn vị", "roster-empty", False)]


def _previous_version(wb: openpyxl.Workbook) -> None:
    del wb[schema.ROSTER_SHEET]
    info = wb[schema.INFO_SHEET]
    row = next(r for r in info.iter_rows() if r[0].value == "Phiên bản mẫu")
    row[1].value = schema.VERSIONS[0]


def test_form_of_the_previous_version_is_read_without_its_roster(tmp_path):
    agency, issues = parse(edit(write_agency(tmp_path), _previous_version))
    assert issues == [] and agency.roster == () and len(agency.pledges) == 1
    found = validate.check_dataset([agency, *books(write_unit(tmp_path))])[1]
    assert [i.code for i in found] == ["roster-empty"]


def test_current_form_without_its_roster_sheet_is_broken(tmp_path):
    path = edit(write_agency(tmp_path), lambda wb: wb.remove(wb[schema.ROSTER_SHEET]))
    assert places(parse(path)[1]) == [("Đơn vị", "", "missing-sheet")]


@pytest.mark.parametrize(("born", "year", "flagged"), [
    (1940, 2023, False), (1939, 2023, True), (2008, 2023, False), (2009, 2023, True),
    (-20, 2023, True), (1985, None, False), (1890, None, True)])
def test_implausible_birth_years_are_warned_about(tmp_path, born, year, flagged):
    unit, issues = parse(write_unit(tmp_path, people=(person(born=born),), **{"Năm": year}))
    assert [(i.cell, i.code, i.blocking) for i in issues if i.code != "required"] == (
        [("C2", "implausible-birth-year", False)] if flagged else [])
    if flagged and year:
        assert f"Năm sinh {born} không hợp lý cho người làm việc năm {year}" in issues[0].message


@pytest.mark.parametrize(("value", "shown"), [
    (True, "TRUE"), (datetime(2023, 5, 1, 0, 0), "01/05/2023"), (date(2023, 5, 1), "01/05/2023"),
    (datetime(2023, 5, 1, 8, 30), "01/05/2023 08:30"), (12.5, "12,5")])
def test_values_are_quoted_as_excel_shows_them(tmp_path, value, shown):
    _, issues = parse(write_unit(tmp_path, people=(person(born=value),)))
    assert [i.code for i in issues] == ["bad-number"] and f'"{shown}"' in issues[0].message
    assert "00:00" not in issues[0].message


def test_control_and_private_use_characters_are_left_out_and_named(tmp_path):
    people = (person("Võ Thị\x07 Bích\ue000"), person("Lê Văn Hùng", **{"Chức vụ": "\x01\ue001"}))
    unit, issues = parse(write_unit(tmp_path, people=people,
                                    **{"Tên đơn vị": "Văn\x7f phòng\U000f0001"}))
    assert places(issues) == [("Thông tin", "B5", "control-chars"),
                              ("Cá nhân", "B2", "control-chars"),
                              ("Cá nhân", "D3", "control-chars")]
    assert not any(i.blocking for i in issues)
    assert '"Họ và tên"' in issues[1].message and "U+0007, U+E000" in issues[1].message
    assert unit.name == "Văn phòng"
    assert [(p.name, p.position) for p in unit.people] == [("Võ Thị Bích", ""),
                                                           ("Lê Văn Hùng", "")]


def test_a_cell_of_nothing_but_control_characters_is_empty(tmp_path):
    _, issues = parse(write_unit(tmp_path, people=(person("\x02\ue000"),)))
    assert places(issues) == [("Cá nhân", "B2", "control-chars"), ("Cá nhân", "B2", "required")]


def test_a_value_quoted_in_a_message_holds_no_control_character(tmp_path):
    # the console prints messages: an escape sequence there would clear the screen
    _, issues = parse(write_unit(tmp_path, **{"Loại phiếu": "\x1b[2JPhòng\ue000"}))
    assert places(issues) == [("Thông tin", "B2", "bad-kind")]
    assert '"[2JPhòng"' in issues[0].message

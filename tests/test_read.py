"""Reading: the blank forms as an outside user fills them, read back; which files are read."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from pipeline import schema
from pipeline.model import Agency, Unit
from pipeline.reading import read, validate
from tests.conftest import ROOT

TEMPLATES = ROOT / "input_templates"
NBSP = "\u00a0"
TASK_RATE = "Tỷ lệ nhiệm vụ hoàn thành"


def nfd(value: str) -> str:
    """Text as the Windows and macOS Vietnamese keyboards type it (decomposed)."""
    return unicodedata.normalize("NFD", value)


def blank(kind: schema.Kind) -> openpyxl.Workbook:
    return openpyxl.load_workbook(TEMPLATES / kind.template_file)


def put_info(wb: openpyxl.Workbook, values: dict[str, object]) -> None:
    """Type each value in column B of "Thông tin", beside its label."""
    ws = wb[schema.INFO_SHEET]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for label, value in values.items():
        ws.cell(rows[label], 2, value)


def put_rows(ws: openpyxl.worksheet.worksheet.Worksheet, rows: list[list[object]],
             first: int = 2) -> None:
    """Type rows from `first` down; an empty list leaves a blank row."""
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values, start=1):
            ws.cell(r, c, value)


def parse(wb: openpyxl.Workbook, path: Path) -> tuple[Unit | Agency | None, list]:
    wb.save(path)
    raw = read.read_book(path)
    assert isinstance(raw, read.RawBook)
    return validate.parse_book(raw)


def test_unit_form_filled_by_hand(tmp_path):
    wb = blank(schema.UNIT)
    put_info(wb, {"Năm": 2023, "Tên đơn vị": nfd(f"  Phòng{NBSP}Chính sách  dân tộc "),
                  "Là tập thể xét danh hiệu": "có",
                  "Xếp loại tập thể": nfd("HOÀN THÀNH TỐT NHIỆM VỤ"),
                  "Danh hiệu tập thể": nfd(" Tập thể lao động tiên tiến ")})
    ws = wb[schema.PEOPLE_SHEET]
    ws.title = nfd("CÁ NHÂN")
    ws["B1"] = nfd("HỌ VÀ\nTÊN")
    ws["C1"] = f" năm{NBSP}sinh "
    ws["F1"] = nfd("Xếp  loại")
    ws["L1"] = "Số điện thoại"  # a column of the unit's own: ignored
    put_rows(ws, [
        [1, nfd(f"Lê  Văn{NBSP}Hùng "), "1974", "Trưởng phòng", nfd("công chức"),
         nfd("hoàn thành xuất sắc nhiệm vụ"), nfd("CHIẾN SĨ THI ĐUA CƠ SỞ"), "Sáng kiến A", None,
         nfd("Chiến sĩ thi đua cấp tỉnh"), None, "0905 123 456"],
        [],  # a blank row is not the end of the list
        [2, "Đinh Thị Hoa", 1983, None, "Hợp đồng lao động", "Hoàn thành tốt nhiệm vụ",
         "Lao động tiên tiến", None, nfd(" khiển trách"), "Giấy khen của Giám đốc Sở"],
        [3],  # pre-numbered rows left empty
        [4, None, None, None, None, None, None, None, None, None, None, "ghi riêng"],
    ])
    wb.create_sheet("Ghi chép")["A1"] = "Sheet riêng của đơn vị"

    unit, issues = parse(wb, tmp_path / "phong_cstd.xlsx")

    assert [(i.sheet, i.cell, i.code, i.blocking) for i in issues] == [
        ("CÁ NHÂN", "3:3", "blank-rows", False)]  # skipped, and said so
    assert (unit.name, unit.year, unit.collective, unit.rating, unit.title) == (
        "Phòng Chính sách dân tộc", 2023, True, schema.GOOD, schema.TTLDTT)
    assert [(p.name, p.birth_year, p.staff_type, p.rating, p.title, p.initiative, p.discipline,
             p.proposal, p.where.cell("Họ và tên")) for p in unit.people] == [
        ("Lê Văn Hùng", 1974, "Công chức", schema.EXCELLENT, schema.CSTDCS, "Sáng kiến A",
         "Không", "Chiến sĩ thi đua cấp tỉnh", "B2"),
        ("Đinh Thị Hoa", 1983, "Hợp đồng lao động", schema.GOOD, schema.LDTT, "",
         "Khiển trách", "Giấy khen của Giám đốc Sở", "B4"),
    ]
    assert all(p.unit == "Phòng Chính sách dân tộc" for p in unit.people)


def test_agency_form_filled_by_hand(tmp_path):
    wb = blank(schema.AGENCY)
    put_info(wb, {"Năm": 2024, "Tên cơ quan": "Sở Khoa học và Công nghệ",
                  "Cơ quan chủ quản": "UBND TỈNH KON TUM", "Ký hiệu cơ quan": "SKHCN",
                  "Địa danh": "Kon Tum", "Chức vụ người ký": "GIÁM ĐỐC", "Người ký": "Lê Khải",
                  "Nơi nhận": "- Sở Nội vụ;\n- Lưu: VT, VP.", "Khối thi đua": "Khối Kinh tế",
                  "Văn bản đăng ký giao ước": "Đăng ký giao ước thi đua số 215/SKHCN-VP"})
    ws = wb[schema.PLEDGE_SHEET]
    targets = [15, "15%", 0.15, "15,5%", "0,15", 1, 1, 0.155]
    put_rows(ws, [[n, f"Chỉ tiêu {n}", TASK_RATE, t] for n, t in enumerate(targets, start=1)]
             + [[9, "Sáng kiến", "Số sáng kiến được công nhận", "3"],
                [10, "Cờ thi đua", None, None, nfd("đạt")]])
    ws["D8"].number_format = "0%"  # typed as 100% in Excel: stored as 1
    ws["D9"].number_format = "0.0%"  # typed as 15,5%: stored as 0.155
    ws = wb[schema.TASK_SHEET]
    ws.insert_rows(1)
    ws["A1"] = "NHIỆM VỤ UBND TỈNH GIAO NĂM 2024"  # a title above the header
    put_rows(ws, [
        [1, "Nhiệm vụ 1", "UBND tỉnh", datetime(2024, 3, 5), "05/03/2024", "Hoàn thành"],
        [2, "Nhiệm vụ 2", "UBND tỉnh", "2024-03-05", datetime(2024, 3, 5, 14, 30), "hoàn thành"],
    ], first=3)
    put_rows(wb[schema.DOC_SHEET],
             [[1, "Kế hoạch", "128/KH-BDT", datetime(2024, 2, 28), "phát động thi đua", "Chỉ đạo"]])
    put_rows(wb[schema.MOVEMENT_SHEET],
             [[1, "Phong trào 1", "Kết quả 1\nđoạn 2", "128/KH-BDT , 130/KH-BDT"]])
    put_rows(wb[schema.NOTE_SHEET], [[nfd("đặc điểm"), None, "Đoạn văn."]])

    agency, issues = parse(wb, tmp_path / "co_quan.xlsx")

    # a bare number up to 1 is read as a fraction and said so, unless the cell shows a percent
    assert [(i.cell, i.code, i.message) for i in issues] == [
        ("D4", "target-read-as", "Mức đăng ký 0,15 được hiểu là 15%."),
        ("D6", "target-read-as", "Mức đăng ký 0,15 được hiểu là 15%."),
        ("D7", "target-read-as", "Mức đăng ký 1 được hiểu là 100%.")]
    assert agency.year == 2024
    assert agency.info["Ngày báo cáo"] is None
    assert agency.info["Nơi nhận"] == "- Sở Nội vụ;\n- Lưu: VT, VP."
    assert [p.target for p in agency.pledges] == [
        Fraction(15, 100), Fraction(15, 100), Fraction(15, 100), Fraction(155, 1000),
        Fraction(15, 100), 1, 1, Fraction(155, 1000), 3, None]
    assert (agency.pledges[-1].metric, agency.pledges[-1].result) == ("", schema.MET)
    assert [(t.deadline, t.done_on, t.state, t.where.cell("Hạn hoàn thành"))
            for t in agency.tasks] == [
        (date(2024, 3, 5), date(2024, 3, 5), schema.TASK_DONE, "D3"),
        (date(2024, 3, 5), date(2024, 3, 5), schema.TASK_DONE, "D4"),
    ]
    assert [d.citation for d in agency.documents] == ["Kế hoạch số 128/KH-BDT ngày 28/02/2024"]
    assert agency.movements[0].documents == ("128/KH-BDT", "130/KH-BDT")
    assert agency.movements[0].result == "Kết quả 1\nđoạn 2"
    assert [(n.section, n.title, n.text) for n in agency.notes] == [("Đặc điểm", "", "Đoạn văn.")]


def test_ods_workbook_is_read(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("odf")
    path = tmp_path / "van_phong.ods"
    info = {"Mục": ["Loại phiếu", "Phiên bản mẫu", "Năm", "Tên đơn vị",
                    "Là tập thể xét danh hiệu"],
            "Giá trị": ["Đơn vị", schema.TEMPLATE_VERSION, 2023, "Văn phòng", "Không"]}
    people = {h: [None] for h in schema.PEOPLE.headers} | {
        "STT": [1], "Họ và tên": ["Võ Thị Bích"], "Năm sinh": [1990], "Loại": ["Công chức"],
        "Xếp loại": [schema.GOOD], "Danh hiệu": [schema.LDTT]}
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame(info).to_excel(writer, sheet_name=schema.INFO_SHEET, index=False)
        pd.DataFrame(people).to_excel(writer, sheet_name=nfd(schema.PEOPLE_SHEET), index=False)

    unit, issues = validate.parse_book(read.read_book(path))

    assert issues == []
    assert (unit.name, unit.year, unit.collective) == ("Văn phòng", 2023, False)
    assert [(p.name, p.birth_year, p.where.cell("Xếp loại")) for p in unit.people] == [
        ("Võ Thị Bích", 1990, "F2")]


def test_list_inputs_reads_workbooks_skips_lock_and_hidden_files(tmp_path):
    for name in ["co_quan.xlsx", "b.XLSM", "c.ods", "d.xls", "~$co_quan.xlsx",
                 ".~lock.co_quan.xlsx#", ".an.xlsx", "bao_cao.docx", "scan.pdf", "README.md",
                 "e.csv", "f.xlsb", "g.numbers", "h.xlsx.lnk"]:
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "nam_truoc.xlsx").mkdir()  # a folder, even with a workbook's name
    for sub in ("cu/2022", "anh", "trong", "__MACOSX", ".git"):
        (tmp_path / sub).mkdir(parents=True)
    (tmp_path / "cu/2022/don_vi.xlsx").write_bytes(b"")
    (tmp_path / "anh/ky.png").write_bytes(b"")
    (tmp_path / "__MACOSX/._co_quan.xlsx").write_bytes(b"")

    books, issues = read.list_inputs(tmp_path)

    assert [p.name for p in books] == ["b.XLSM", "c.ods", "co_quan.xlsx", "d.xls"]
    assert [(i.file, i.code, i.blocking) for i in issues] == [
        ("anh/", "subfolder-not-read", False),
        ("bao_cao.docx", "not-a-workbook", False),
        ("cu/", "workbook-in-subfolder", True),
        ("e.csv", "spreadsheet-not-read", True),
        ("f.xlsb", "spreadsheet-not-read", True),
        ("g.numbers", "spreadsheet-not-read", True),
        ("h.xlsx.lnk", "symlink", True),
        ("nam_truoc.xlsx", "folder-like-workbook", True),
        ("scan.pdf", "not-a-workbook", False)]
    assert "cu/2022/don_vi.xlsx" in issues[2].message
    # the khối's member folders are its own to read
    member_codes = {i.code for i in read.list_inputs(tmp_path, members=True)[1]}
    assert "workbook-in-subfolder" not in member_codes and "subfolder-not-read" not in member_codes
    assert "folder-like-workbook" in member_codes


@pytest.mark.parametrize(("content", "code", "reason"), [
    (b"", "empty-file", "0 byte"),
    ("Họ và tên;Năm sinh\nVõ Thị Bích;1990\n".encode(), "not-xlsx-content", "văn bản thuần"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "unreadable", "tệp hỏng"),
    (b"PK\x03\x04" + bytes(100), "unreadable", "tệp nén bị hỏng"),
    (None, "unreadable", "không mở được tệp"),  # gone between listing and reading
], ids=["empty", "text", "ole", "broken-zip", "gone"])
def test_unreadable_file_is_an_issue_not_a_crash(tmp_path, content, code, reason):
    path = tmp_path / "don_vi.xlsx"
    if content is not None:
        path.write_bytes(content)

    found = read.read_book(path)

    assert (found.file, found.sheet, found.cell, found.code) == ("don_vi.xlsx", "", "", code)
    assert found.blocking and reason in found.message


class PanicException(BaseException):
    """What pyo3 raises for a panic inside calamine (pyo3_runtime.PanicException)."""


def test_a_panic_inside_calamine_is_an_unreadable_file_not_the_end(monkeypatch):
    def panic(*_: object) -> None:
        raise PanicException("index out of bounds")

    monkeypatch.setattr(read, "_calamine", panic)
    found = read.read_book(ROOT / "input" / "co_quan.xlsx")
    assert (found.code, found.file) == ("unreadable", "co_quan.xlsx")

    monkeypatch.setattr(read, "_calamine", lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):  # Ctrl-C still stops the run
        read.read_book(ROOT / "input" / "co_quan.xlsx")

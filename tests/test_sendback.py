"""Send-back copies: problem cells filled and commented, read back; originals untouched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from lxml import etree

from pipeline import schema
from pipeline.delivery import sendback
from pipeline.delivery.sendback import HEADERS, safe_name, sendback_copies
from pipeline.issues import Issue, issue
from pipeline.reading.forms import write_form, write_set
from tools import sample_data

UNIT = "don_vi_x.xlsx"
LINK = '=HYPERLINK("http://vi.du/x","bấm vào")'
RED, AMBER, NONE = "FFFFC7CE", "FFFFEB9C", "00000000"
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"

BAD_RATING = issue("bad-choice", UNIT, "Cá nhân", "F3", value="Giỏi", column="Xếp loại",
                   allowed=", ".join(schema.RATINGS))
NO_TITLE = issue("required", UNIT, unicodedata.normalize("NFD", " cá  NHÂN "), "F3",
                 column="Xếp loại")
LDTT = issue("ldtt-rule", UNIT, "Cá nhân", "G4", name="Lê Thị Ngọc Ánh", unit="Văn phòng Ban",
             reason="bị kỷ luật", basis="Luật Thi đua, khen thưởng 2022")


def nfd(value: str) -> str:
    return unicodedata.normalize("NFD", value)


def note(*found: Issue) -> str:
    return "\n\n".join(f"{i.severity}: {i.message}\nCách sửa: {i.fix}" for i in found)


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def check_sheet(wb: openpyxl.Workbook) -> tuple[list[tuple], list[tuple]]:
    """The "Kiểm tra" sheet: lines above the table, and the table's rows."""
    rows = [tuple(c.value for c in row) for row in wb["Kiểm tra"].iter_rows(max_col=5)]
    head = rows.index(HEADERS)
    return rows[:head], rows[head + 1:]


def validations(path: Path) -> dict[str, list[str]]:
    wb = openpyxl.load_workbook(path)
    return {ws.title: sorted(repr((str(d.sqref), d.type, d.formula1, d.formula2, d.allow_blank,
                                   d.errorStyle, d.prompt, d.error))
                             for d in ws.data_validations.dataValidation)
            for ws in wb.worksheets if ws.title != "Kiểm tra"}


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """The sample's Văn phòng Ban, with a formula-looking note in K2."""
    rows = [dict(r) for r in sample_data.UNITS[1]["Cá nhân"]]
    rows[0]["Ghi chú"] = LINK
    path = tmp_path / "in" / UNIT
    path.parent.mkdir()
    write_form(path, schema.UNIT, sample_data.UNITS[1]["info"], {"Cá nhân": rows})
    return path


def test_problem_cells_get_a_fill_and_one_comment_each(unit, tmp_path):
    copies = sendback_copies({UNIT: unit}, [BAD_RATING, NO_TITLE, LDTT], tmp_path / "out")

    assert [p.name for p in copies] == ["don_vi_x_kiem_tra.xlsx"]
    ws = openpyxl.load_workbook(copies[0])["Cá nhân"]
    assert ws["F3"].comment.text == note(BAD_RATING, NO_TITLE)
    assert ws["G4"].comment.text == note(LDTT)
    assert ws["G4"].comment.text.startswith("Cảnh báo: Lê Thị Ngọc Ánh (Văn phòng Ban)")
    assert {ws[c].comment.author for c in ("F3", "G4")} == {"thidua"}
    assert [(c, ws[c].fill.fgColor.rgb, ws[c].border.left.style) for c in ("F3", "G4", "F4")] == [
        ("F3", RED, "medium"), ("G4", AMBER, "medium"), ("F4", NONE, None)]
    assert ws["F4"].comment is None


def test_rows_columns_ranges_and_whole_sheets_are_marked(unit, tmp_path):
    row = issue("required", UNIT, "Cá nhân", "3:3", column="Loại")
    column = issue("missing-column", UNIT, "Cá nhân", "H:H", column="Sáng kiến",
                   expected="Sáng kiến")
    area = issue("required", UNIT, "Cá nhân", "B6:C7", column="Họ và tên")
    sheet = issue("year-mismatch", UNIT, "Thông tin", value=2022, expected=2023)
    blank_row = issue("required", UNIT, "Cá nhân", "20:20", column="Họ và tên")

    [copy] = sendback_copies({UNIT: unit}, [row, column, area, sheet, blank_row], tmp_path)

    wb = openpyxl.load_workbook(copy)
    ws = wb["Cá nhân"]
    comments = {c.coordinate: c.comment.text for r in ws.iter_rows() for c in r if c.comment}
    assert comments == {"A3": note(row), "H1": note(column), "B6": note(area),
                        "A20": note(blank_row)}
    assert wb["Thông tin"]["A1"].comment.text == note(sheet)
    filled = {c.coordinate for r in ws.iter_rows() for c in r if c.fill.fgColor.rgb == RED}
    used_in_row_3 = {c.coordinate for c in ws[3] if c.value is not None}
    assert "K3" not in used_in_row_3 and used_in_row_3 >= {"A3", "B3", "F3"}
    assert filled == (used_in_row_3 | {"H1", "B6", "C6", "B7", "C7"}
                      | {f"{col}20" for col in "ABCDEFGHIJK"})


def test_check_sheet_comes_first_and_lists_every_issue(unit, tmp_path):
    file_level = issue("two-agencies", UNIT, count=2, files=f"{UNIT}, co_quan.xlsx")
    missing = issue("missing-sheet", UNIT, "Giao ước")
    elsewhere = issue("required", "khac.xlsx", "Cá nhân", "B2", column="Họ và tên")
    found = [BAD_RATING, LDTT, file_level, missing, elsewhere]

    [copy] = sendback_copies({UNIT: unit}, found, tmp_path)

    wb = openpyxl.load_workbook(copy)
    assert wb.sheetnames[:2] == ["Kiểm tra", "Hướng dẫn"]
    assert wb.active.title == "Kiểm tra"
    assert [ws.title for ws in wb.worksheets if ws.sheet_view.tabSelected] == ["Kiểm tra"]
    lines, rows = check_sheet(wb)
    assert lines[0][0] == f"Kiểm tra tệp {UNIT}: 3 lỗi, 1 cảnh báo."
    assert rows == [
        ("Lỗi", "Cá nhân", "F3", BAD_RATING.message, BAD_RATING.fix),
        ("Cảnh báo", "Cá nhân", "G4", LDTT.message, LDTT.fix),
        ("Lỗi", None, None, file_level.message, file_level.fix),
        ("Lỗi", "Giao ước", None, missing.message, missing.fix)]
    assert [wb["Kiểm tra"][c].fill.fgColor.rgb for c in ("A5", "A6")] == [RED, AMBER]
    links = [c.hyperlink.location for r in wb["Kiểm tra"].iter_rows() for c in r if c.hyperlink]
    assert links == ["'Cá nhân'!F3", "'Cá nhân'!G4"]


def test_values_dates_and_drop_downs_survive(unit, tmp_path):
    [agency] = write_set(tmp_path / "in", sample_data.AGENCY, [])
    late = issue("bad-date", agency.name, "Nhiệm vụ", "E2", value="x", column="Ngày hoàn thành")

    copies = sendback_copies({UNIT: unit, agency.name: agency}, [BAD_RATING, late],
                             tmp_path / "out")

    unit_copy, agency_copy = sorted(copies, key=lambda p: p.name, reverse=True)
    cell = openpyxl.load_workbook(unit_copy)["Cá nhân"]["K2"]
    assert (cell.value, cell.data_type) == (LINK, "s")
    with zipfile.ZipFile(unit_copy) as z:  # no formula element anywhere
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if "worksheets/" in n)
    due = openpyxl.load_workbook(agency_copy)["Nhiệm vụ"]["D2"]
    assert (due.value, due.is_date, due.number_format) == (
        datetime(2023, 3, 31), True, "dd/mm/yyyy")
    for original, copy in [(unit, unit_copy), (agency, agency_copy)]:
        kept = validations(copy)
        assert kept == validations(original)
        assert any(any("'Danh mục'!" in v for v in found) for found in kept.values())


def as_saved_by_excel(path: Path) -> None:
    """Move the list drop-downs into an x14 extension, where Excel keeps a list that points
    at another sheet (and openpyxl drops on load)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, xml in parts.items():
        root = etree.fromstring(xml) if name.startswith("xl/worksheets/sheet") else None
        box = root.find(f"{M}dataValidations") if root is not None else None
        lists = [d for d in box if d.get("type") == "list"] if box is not None else []
        if not lists:
            continue
        ext = etree.SubElement(etree.SubElement(root, f"{M}extLst"), f"{M}ext",
                               uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}")
        group = etree.SubElement(ext, f"{{{X14}}}dataValidations", nsmap={"x14": X14, "xm": XM},
                                 count=str(len(lists)))
        for d in lists:
            box.remove(d)
            x = etree.SubElement(group, f"{{{X14}}}dataValidation",
                                 {k: v for k, v in d.attrib.items() if k != "sqref"})
            formula = etree.SubElement(etree.SubElement(x, f"{{{X14}}}formula1"), f"{{{XM}}}f")
            formula.text = d.findtext(f"{M}formula1")
            etree.SubElement(x, f"{{{XM}}}sqref").text = d.get("sqref")
        box.set("count", str(len(box)))
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


@pytest.mark.filterwarnings("ignore:Data Validation extension")
def test_drop_downs_of_a_form_saved_by_excel_are_restored(unit, tmp_path):
    before = validations(unit)
    as_saved_by_excel(unit)
    dropped = validations(unit)  # what openpyxl alone would keep
    assert sum(map(len, dropped.values())) < sum(map(len, before.values()))

    [copy] = sendback_copies({UNIT: unit}, [BAD_RATING], tmp_path / "out")

    assert validations(copy) == before


def test_xlsm_keeps_its_macros_and_name(tmp_path):
    vba = tmp_path / "vbaProject.bin"
    vba.write_bytes(b"not a real macro, carried as is")
    path = tmp_path / "Phong_KH.XLSM"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Cá nhân")
    ws.write_row(0, 0, ["STT", "Họ và tên"])
    ws.write_row(1, 0, [1, "Võ Thị Bích"])
    wb.add_vba_project(str(vba))
    wb.close()
    found = issue("required", path.name, "Cá nhân", "B2", column="Họ và tên")
    before = fingerprint(path)

    [copy] = sendback_copies({path.name: path}, [found], tmp_path / "out")

    assert copy.name == "Phong_KH_kiem_tra.xlsm"
    with zipfile.ZipFile(copy) as z:
        assert z.read("xl/vbaProject.bin") == vba.read_bytes()
        assert b"macroEnabled" in z.read("[Content_Types].xml")
    assert openpyxl.load_workbook(copy, keep_vba=True)["Cá nhân"]["B2"].comment.text == note(found)
    assert fingerprint(path) == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_ods_and_xls_come_back_as_xlsx_with_their_values(unit, tmp_path, fmt):
    profile = (tmp_path / "profile").as_uri()  # side by side with any other LibreOffice
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    fmt, "--outdir", str(tmp_path / "conv"), str(unit)],
                   capture_output=True, timeout=180, check=False)
    source = tmp_path / "conv" / f"don_vi_x.{fmt}"
    if not source.exists():
        pytest.skip("LibreOffice could not convert")
    found = issue("bad-choice", source.name, "Cá nhân", "F3", value="Giỏi", column="Xếp loại",
                  allowed="…")
    before = fingerprint(source)

    [copy] = sendback_copies({source.name: source}, [found], tmp_path / "out")

    assert copy.name == "don_vi_x_kiem_tra.xlsx"
    wb = openpyxl.load_workbook(copy)
    ws = wb["Cá nhân"]
    assert ws["F3"].comment.text == note(found)
    assert ws["F3"].fill.fgColor.rgb == RED
    assert [c.value for c in ws[2]][:3] == [1, "Trần Minh Đức", 1976]
    assert (ws["K2"].value, ws["K2"].data_type) == (LINK, "s")
    assert wb["Danh mục"].sheet_state == "hidden"
    lines, rows = check_sheet(wb)
    assert any(line[0].startswith(f"Tệp gốc là .{fmt}") for line in lines)
    assert rows == [("Lỗi", "Cá nhân", "F3", found.message, found.fix)]
    assert fingerprint(source) == before


@pytest.mark.parametrize(("name", "expected"), [
    ("don_vi_x.xlsx", "don_vi_x_kiem_tra.xlsx"),
    ("../x.xlsx", "_x_kiem_tra.xlsx"),
    ("a/b.xlsx", "a_b_kiem_tra.xlsx"),
    ("a\\..\\b.xlsx", "a_.._b_kiem_tra.xlsx"),
    ("CON.xlsx", "_CON_kiem_tra.xlsx"),
    ("con.tar.xlsx", "_con.tar_kiem_tra.xlsx"),
    ("LPT1 .xlsx", "_LPT1_kiem_tra.xlsx"),
    ("tên có dấu.xlsx", "tên có dấu_kiem_tra.xlsx"),
    (nfd("tên có dấu.xlsx"), "tên có dấu_kiem_tra.xlsx"),
    ("bảng. .xlsx", "bảng_kiem_tra.xlsx"),
    ("x\x00y\n\t.xlsx", "xy_kiem_tra.xlsx"),
    ("hoso\u202exslx.exe.xlsx", "hosoxslx.exe_kiem_tra.xlsx"),
    ('a:b*c?"<>|.xlsx', "a_b_c______kiem_tra.xlsx"),
    ("Tong_hop.XLSM", "Tong_hop_kiem_tra.xlsm"),
    ("cu.xls", "cu_kiem_tra.xlsx"),
    ("lo.ods", "lo_kiem_tra.xlsx"),
    (".xlsx", "tep_kiem_tra.xlsx"),
    ("...", "tep_kiem_tra.xlsx"),
])
def test_copy_names_are_safe(name, expected):
    assert safe_name(name) == expected


def test_long_names_are_cut_on_a_character_boundary():
    name = safe_name("Phòng " + "ễ" * 200 + ".xlsx")
    assert name.endswith("_kiem_tra.xlsx")
    assert len(name.encode()) <= sendback.MAX_NAME_BYTES + len("_kiem_tra.xlsx")
    assert unicodedata.is_normalized("NFC", name)


def test_names_that_clash_never_overwrite(unit, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "Văn phòng__kiem_tra.xlsx").write_bytes(b"written earlier")
    inputs = {}
    for name in ["Văn phòng?.xlsx", "Văn phòng*.xlsx", nfd("Văn phòng?.xlsx")]:
        inputs[name] = shutil.copy(unit, tmp_path / "in" / name)
    found = [issue("required", name, "Cá nhân", "B2", column="Họ và tên") for name in inputs]

    copies = sendback_copies(inputs, found, out)

    assert sorted(p.name for p in copies) == [f"Văn phòng__kiem_tra_{n}.xlsx" for n in (2, 3, 4)]
    assert (out / "Văn phòng__kiem_tra.xlsx").read_bytes() == b"written earlier"
    titles = {check_sheet(openpyxl.load_workbook(p))[0][0][0] for p in copies}
    assert len(titles) == 3


def test_files_that_cannot_be_opened_are_skipped(unit, tmp_path, monkeypatch):
    folder = unit.parent
    (folder / "rong.xlsx").write_bytes(b"")
    (folder / "rac.xlsx").write_bytes(b"PK\x03\x04 but not a zip at all")
    (folder / "mat_khau.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (folder / "cu.xls").write_bytes(b"<html>not a workbook</html>")
    inputs = {p.name: p for p in folder.iterdir()}
    before = {name: fingerprint(p) for name, p in inputs.items()}
    found = [issue("required", name, "Cá nhân", "B2", column="Họ và tên") for name in inputs]
    monkeypatch.setattr(sendback, "MAX_UNZIPPED", 10_000)  # the form now counts as a zip bomb
    out = tmp_path / "out"

    assert sendback_copies(inputs, found, out) == []
    assert list(out.iterdir()) == []
    assert {name: fingerprint(p) for name, p in inputs.items()} == before


def test_files_with_only_file_level_problems_get_no_copy(unit, tmp_path):
    unreadable = issue("unreadable", UNIT, detail="tệp hỏng")
    assert sendback_copies({UNIT: unit}, [unreadable], tmp_path / "out") == []


def test_original_is_never_written(unit, tmp_path):
    before = fingerprint(unit)
    sendback_copies({UNIT: unit}, [BAD_RATING, NO_TITLE, LDTT], unit.parent)  # same folder
    assert fingerprint(unit) == before
    assert sorted(p.name for p in unit.parent.iterdir()) == [UNIT, "don_vi_x_kiem_tra.xlsx"]


def test_a_file_refused_by_its_bytes_is_never_opened_again(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(b"PK\x03\x04 not really")
    found = [issue("too-large", "bomb.xlsx", schema.PEOPLE_SHEET, "A1", detail="x"),
             issue("required", "bomb.xlsx", schema.PEOPLE_SHEET, "B2", column="Họ và tên")]
    assert sendback_copies({"bomb.xlsx": bomb}, found, tmp_path / "out") == []

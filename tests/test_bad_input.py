"""Bad input (issue 4, items 1, 3 and 5): every class of problem in a generated corpus, each
found at its place with its code; the blocking ones stop the whole run with only the check list
written; hostile files are refused before any reader inflates them; .xls and .ods read as .xlsx.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pipeline import job, schema
from pipeline.issues import CATALOGUE, ERROR, HOLD, NOT_READ, WARNING, Issue
from pipeline.reading import package, read, validate
from pipeline.reading.forms import write_set
from tests import bad_corpus as bad
from tests import other_agency
from tests.conftest import ROOT, TODAY, check_list, quiet, run_cli
from tools import sample_data

UNIT = "don_vi_van_phong_ban.xlsx"  # Văn phòng Ban: 8 people, rows 2-9 of "Cá nhân"
AGENCY = "co_quan.xlsx"
PEOPLE, INFO = schema.PEOPLE_SHEET, schema.INFO_SHEET
REFERENCE = ROOT.parent / "shared" / "reference" / "000_7195ea7e65179886.txt"
REALWORLD = ROOT.parent / "shared" / "realworld"

Damage = Callable[[Path], None]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    shutil.copytree(ROOT / "input", folder)
    return folder


def at(file: str, change: Callable[[openpyxl.Workbook], None]) -> Damage:
    return lambda folder: bad.edit(folder / file, change)


def put(file: str, sheet: str, cell: str, value: object) -> Damage:
    return at(file, bad.put(sheet, cell, value))


def write(file: str, content: bytes | Callable[[], bytes]) -> Damage:
    return lambda folder: (folder / file).write_bytes(content() if callable(content) else content)


def merge(sheet: str, area: str) -> Callable[[openpyxl.Workbook], None]:
    return lambda wb: wb[sheet].merge_cells(area)


def doctype(folder: Path) -> None:
    bad.rewrite(folder / UNIT, "xl/sharedStrings.xml",
                lambda xml: bad.with_doctype(xml, replacing="Văn phòng Ban".encode()))


def truncated(folder: Path) -> None:
    data = (folder / UNIT).read_bytes()
    (folder / UNIT).write_bytes(data[:len(data) // 2])


def foreign(folder: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Danh sách cán bộ"
    wb.save(folder / "danh_sach_khac.xlsx")


def copy(source: str, target: str) -> Damage:
    return lambda folder: shutil.copy(folder / source, folder / target)


def both(*damages: Damage) -> Damage:
    def change(folder: Path) -> None:
        for damage in damages:
            damage(folder)
    return change


def renamed_birth_year(wb: openpyxl.Workbook) -> None:
    wb[PEOPLE]["C1"] = "Năm sinh (dương lịch)"


HTML = b"<html><body><table><tr><td>H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan</td></tr></table></html>"

BLOCKING: list[tuple[str, Damage, tuple[str, str, str, str]]] = [
    # new in issue 4
    ("empty-file", write(UNIT, b""), (UNIT, "", "", "empty-file")),
    ("html-named-xls", write("don_vi_web.xls", HTML),
     ("don_vi_web.xls", "", "", "not-xlsx-content")),
    ("docx-named-xlsx", write("don_vi_word.xlsx", bad.docx_bytes),
     ("don_vi_word.xlsx", "", "", "not-xlsx-content")),
    ("csv-named-xlsx", write("don_vi_csv.xlsx", "STT;Họ và tên\n1;Võ Thị Bích\n".encode()),
     ("don_vi_csv.xlsx", "", "", "not-xlsx-content")),
    ("pdf-named-xlsx", write("don_vi_scan.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
     ("don_vi_scan.xlsx", "", "", "not-xlsx-content")),
    ("zip-password", lambda f: bad.zip_flagged_encrypted(f / UNIT),
     (UNIT, "", "", "password-protected")),
    ("zip-bomb", write(UNIT, bad.overlapping_bomb), (UNIT, "", "", "too-large")),
    ("far-cell", put(UNIT, PEOPLE, "B1048576", "x"), (UNIT, PEOPLE, "K1048576", "sheet-too-large")),
    ("doctype", doctype, (UNIT, "", "", "unsafe-xml")),
    ("formula-in-list", put(UNIT, PEOPLE, "C2", "=1970+8"),
     (UNIT, PEOPLE, "C2", "formula-no-value")),
    ("formula-in-info", put(UNIT, INFO, "B5", '="Văn phòng"&" Ban"'),
     (UNIT, INFO, "B5", "formula-no-value")),
    ("merged", at(UNIT, merge(PEOPLE, "F2:F3")), (UNIT, PEOPLE, "F2:F3", "merged-cells")),
    ("long-name", put(UNIT, PEOPLE, "B2", "Nguyễn Văn An " * 143),
     (UNIT, PEOPLE, "B2", "long-text")),
    ("long-paragraph", put(AGENCY, schema.MOVEMENT_SHEET, "C2", "Kết quả. " * 2300),
     (AGENCY, schema.MOVEMENT_SHEET, "C2", "long-text")),
    ("unknown-metric", put(AGENCY, schema.PLEDGE_SHEET, "C2", "Tỷ lệ đảng viên"),
     (AGENCY, schema.PLEDGE_SHEET, "C2", "bad-choice")),
    ("target-not-a-number", put(AGENCY, schema.PLEDGE_SHEET, "D2", "mười lăm"),
     (AGENCY, schema.PLEDGE_SHEET, "D2", "bad-target")),
    ("truncated", truncated, (UNIT, "", "", "unreadable")),
    # the classes of issue 3, here through the whole run
    ("missing-sheet", at(UNIT, lambda wb: wb.remove(wb[PEOPLE])),
     (UNIT, PEOPLE, "", "missing-sheet")),
    ("renamed-column", at(UNIT, renamed_birth_year), (UNIT, PEOPLE, "1:1", "missing-column")),
    ("outside-list", put(UNIT, PEOPLE, "F2", "Tốt"), (UNIT, PEOPLE, "F2", "bad-choice")),
    ("required", put(UNIT, PEOPLE, "E2", None), (UNIT, PEOPLE, "E2", "required")),
    ("not-a-number", put(UNIT, PEOPLE, "C2", "năm 80"), (UNIT, PEOPLE, "C2", "bad-number")),
    ("not-a-date", put(AGENCY, schema.TASK_SHEET, "D2", "31/02/2023"),
     (AGENCY, schema.TASK_SHEET, "D2", "bad-date")),
    ("same-person", both(put(UNIT, PEOPLE, "B2", "Hồ Ngọc Thịnh"), put(UNIT, PEOPLE, "C2", 1968)),
     (UNIT, PEOPLE, "B2", "duplicate-person")),
    ("same-unit", copy(UNIT, "don_vi_van_phong_ban_2.xlsx"),
     ("don_vi_van_phong_ban_2.xlsx", INFO, "B5", "duplicate-unit")),
    ("other-year", put(UNIT, INFO, "B4", 2022), (UNIT, INFO, "B4", "year-mismatch")),
    ("no-agency", lambda f: (f / AGENCY).unlink(), ("", "", "", "no-agency")),
    ("two-agencies", copy(AGENCY, "co_quan_2.xlsx"), ("", "", "", "two-agencies")),
    ("old-version", put(UNIT, INFO, "B3", "thidua-0"), (UNIT, INFO, "B3", "bad-version")),
    ("foreign", foreign, ("danh_sach_khac.xlsx", INFO, "", "foreign-workbook")),
]


def places(issues: list[Issue]) -> list[tuple[str, str, str, str]]:
    return [(i.file, i.sheet, i.cell, i.code) for i in issues]


@pytest.mark.parametrize(("damage", "expected"), [pytest.param(d, e, id=n) for n, d, e in BLOCKING])
def test_blocking_problem_stops_the_run_with_only_the_check_list(inputs, tmp_path, cfg, damage,
                                                                expected):
    damage(inputs)
    out = tmp_path / "output"

    outcome = job.run(inputs, out, cfg, quiet, today=TODAY)

    assert expected in places(outcome.issues)
    found = next(i for i in outcome.issues if places([i])[0] == expected)
    assert found.blocking and found.message and found.fix
    assert outcome.blocked
    on_disk = [p.relative_to(out) for p in out.rglob("*") if p.is_file()]
    assert on_disk and all(job.CHECKS_FOLDER in p.parts for p in on_disk)
    assert not [p for p in on_disk if p.suffix == ".docx" or p.name.startswith("tong_hop")]
    assert any(p.name.startswith("kiem_tra_du_lieu") for p in on_disk)


@pytest.mark.parametrize(("damage", "expected"), [
    pytest.param(at(UNIT, lambda wb: wb[PEOPLE].insert_rows(4, 2)),
                 (UNIT, PEOPLE, "4:5", "blank-rows"), id="blank-rows"),
    pytest.param(put(UNIT, PEOPLE, "H2", bad.tcvn3("Sáng kiến cải tiến quy trình tiếp nhận hồ sơ")),
                 (UNIT, PEOPLE, "H2", "legacy-encoding"), id="tcvn3"),
    pytest.param(put(UNIT, PEOPLE, "K3", bad.vni("Được đề nghị khen thưởng năm sau")),
                 (UNIT, PEOPLE, "K3", "legacy-encoding"), id="vni"),
], )
def test_warning_is_placed_and_the_report_still_written(inputs, tmp_path, cfg, damage, expected):
    damage(inputs)

    outcome = job.run(inputs, tmp_path / "output", cfg, quiet, today=TODAY)

    assert not outcome.blocked
    assert expected in places(outcome.issues)
    assert any(p.suffix == ".docx" for p in outcome.written)


def test_every_code_has_a_vietnamese_message_and_fix():
    for code, (severity, message, fix) in CATALOGUE.items():
        assert severity in (ERROR, WARNING, HOLD) and message and fix, code
    new = {"empty-file", "not-xlsx-content", "password-protected", "too-large", "sheet-too-large",
           "unsafe-xml", "symlink", "formula-no-value", "merged-cells", "blank-rows", "long-text",
           "legacy-encoding"}
    assert new <= CATALOGUE.keys()
    # a symlink blocks since issue 10: the unit behind it would be missing from the report
    assert {c for c in new if CATALOGUE[c][0] == WARNING} == {"blank-rows", "legacy-encoding"}
    assert NOT_READ <= CATALOGUE.keys()


def test_unknown_metric_lists_the_allowed_ones(inputs):
    bad.edit(inputs / AGENCY, bad.put(schema.PLEDGE_SHEET, "C2", "Tỷ lệ đảng viên"))
    _, issues = validate.parse_book(read.read_book(inputs / AGENCY))
    assert all(metric in issues[0].fix for metric in schema.METRICS)
    assert '"Tỷ lệ đảng viên"' in issues[0].message and '"Chỉ số"' in issues[0].message


# --- hostile files ------------------------------------------------------------------------

def test_zip_bomb_is_refused_from_its_central_directory_at_bounded_cost(tmp_path):
    path = tmp_path / "don_vi.xlsx"
    path.write_bytes(bad.overlapping_bomb(copies=40))  # 13 KB that would inflate to 400 MB
    tracemalloc.start()
    started = time.perf_counter()

    found = read.read_book(path)

    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (found.code, found.file) == ("too-large", "don_vi.xlsx")
    assert "400 MB" in found.message
    assert elapsed < 0.5 and peak < 2 * 2**20


def test_member_inflating_a_thousand_times_is_refused(tmp_path):
    path = tmp_path / "don_vi.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", bytes(30 * 2**20))  # 30 MB in about 30 KB
    found = read.read_book(path)
    assert found.code == "too-large" and "sheet1.xml" in found.message


def test_file_far_larger_than_a_form_is_refused_before_reading(tmp_path):
    path = tmp_path / "don_vi.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("xl/media/image1.png", random.Random(1).randbytes(21 * 2**20))
    found = read.read_book(path)
    assert (found.code, found.sheet, found.cell) == ("too-large", "", "")
    assert "20 MB" in found.message


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml",
                                  "xl/styles.xml"])
def test_any_part_declaring_a_doctype_is_refused(inputs, part):
    bad.rewrite(inputs / UNIT, part, bad.with_doctype)
    found = read.read_book(inputs / UNIT)
    assert found.code == "unsafe-xml" and f'"{part}"' in found.message


def test_declared_entities_are_never_expanded_by_calamine(inputs):
    """What the DOCTYPE refusal sits on: calamine itself refuses an entity it does not know."""
    from python_calamine import CalamineWorkbook

    bad.rewrite(inputs / UNIT, "xl/sharedStrings.xml",
                lambda xml: bad.with_doctype(xml, replacing="Văn phòng Ban".encode()))
    with pytest.raises(Exception, match="entity"), CalamineWorkbook.from_path(
            str(inputs / UNIT)) as wb:
        wb.get_sheet_by_name(INFO).to_python()


def test_symlink_is_never_followed(inputs, tmp_path):
    outside = tmp_path / "outside.xlsx"
    shutil.move(inputs / UNIT, outside)
    try:
        os.symlink(outside, inputs / UNIT)
    except OSError:
        pytest.skip("symlinks are not allowed here")

    books, issues = read.list_inputs(inputs)

    assert UNIT not in [p.name for p in books]
    assert places(issues) == [(UNIT, "", "", "symlink")] and issues[0].blocking
    assert read.read_book(inputs / UNIT).code == "symlink"  # even when asked directly


def test_repeated_rows_in_an_ods_are_counted_before_calamine_expands_them(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("odf")
    path = tmp_path / "don_vi.ods"
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame({"Mục": ["Loại phiếu"], "Giá trị": ["Đơn vị"]}).to_excel(
            writer, sheet_name=INFO, index=False)
        pd.DataFrame({"STT": [1], "Họ và tên": ["Võ Thị Bích"]}).to_excel(
            writer, sheet_name=PEOPLE, index=False)
    bad.ods_rows_repeated(path, 2_000_000)

    found = read.read_book(path)

    assert (found.code, found.sheet, found.cell) == ("sheet-too-large", PEOPLE, "B2000001")


# Cell references as calamine reads them (FIELD-NOTES, "Traps"): each of these would make
# calamine allocate A1:XFD1048576 and abort the process if the size pre-check missed it.
FAR_CELLS = {
    "lower-case": '<row r="1048576"><c r="xfd1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    "dollar": '<row r="1048576"><c r="$XFD$1048576"><v>1</v></c></row>',
    "row-r-with-letters": '<row r="z1048576"><c r="XFC1"><v>1</v></c><c><v>2</v></c></row>',
    "counters": '<row r="1048575"/><row><c r="XFC9"><v>1</v></c><c><v>2</v></c></row>',
    "empty-text-of-a-formula": '<row r="1048576"><c r="XFD1048576" t="str"><f>""</f><v></v>'
                               "</c></row>",
}


def far_cell(folder: Path, fragment: str) -> None:
    """Add rows to the unit's "Cá nhân" sheet XML, after its own."""
    part = bad.sheet_part(folder / UNIT, PEOPLE)
    bad.rewrite(folder / UNIT, part,
                lambda xml: xml.replace(b"</sheetData>", fragment.encode() + b"</sheetData>"))


@pytest.mark.parametrize("fragment", FAR_CELLS.values(), ids=FAR_CELLS.keys())
def test_far_cell_in_any_reference_form_is_refused_not_an_abort(inputs, tmp_path, fragment):
    far_cell(inputs, fragment)

    done = run_cli(inputs, tmp_path / "output")

    assert done.returncode == 1, done.stderr  # an abort is -6 (SIGABRT), a crash 3
    checks = tmp_path / "output" / "2023" / "kiem_tra" / "kiem_tra_du_lieu_2023.xlsx"
    assert ("sheet-too-large", UNIT, PEOPLE, "XFD1048576") in check_list(checks)
    assert not (tmp_path / "output" / "2023" / "bao_cao_thi_dua_2023.docx").exists()


def test_lower_case_references_are_read_like_upper_case(inputs, tmp_path, cfg):
    part = bad.sheet_part(inputs / UNIT, PEOPLE)
    bad.rewrite(inputs / UNIT, part,
                lambda xml: re.sub(rb'( r="\$?)([A-Z]+)(\$?[0-9]+")',
                                   lambda m: m[1] + m[2].lower() + m[3], xml))

    outcome = job.run(inputs, tmp_path / "output", cfg, quiet, today=TODAY)

    assert not outcome.blocked
    assert sum(p.unit == "Văn phòng Ban" for p in outcome.data.people) == 8


FAR = (2**31, 2**31)  # where a nonsensical reference is counted: refused


@pytest.mark.parametrize(("ref", "expected"), [
    ("A1", (0, 0)), ("K9", (8, 10)), ("xfd1048576", (1048575, 16383)), ("$A$1", (0, 0)),
    ("e$005", (4, 4)), ("A0", FAR), ("", FAR),
    ("5E", FAR), ("AAAA1", FAR), ("A 1", FAR),
    ("A\u0661", FAR),  # an Arabic-Indic digit: Python's int() reads it, calamine not
])
def test_cell_references_are_read_as_calamine_reads_them(ref, expected):
    assert package._a1(ref) == expected


@pytest.mark.parametrize("xml", [b'<c r="a1"><v>1</v></c>', b'<c r="$A$1"><v>1</v></c>',
                                 b'<c r="A01"><v>1</v></c>', b"<c><v>1</v></c>",
                                 b'<c s="1" r="A1"><v>1</v></c>'])
def test_fast_size_path_leaves_any_unusual_reference_to_the_full_walk(xml):
    assert package._plain_sheet_size(b"<sheetData><row>" + xml + b"</row></sheetData>") is None


def test_password_protected_xlsx_is_told_apart(tmp_path):
    pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_set(tmp_path / "plain", sample_data.AGENCY, sample_data.UNITS[:1])[1]
    locked = tmp_path / "don_vi.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("matkhau", target)

    found = read.read_book(locked)

    assert (found.file, found.code, found.blocking) == ("don_vi.xlsx", "password-protected", True)
    assert "mật khẩu" in found.fix


@pytest.mark.parametrize(("content", "code"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "unreadable"),
    (b"PK\x05\x06" + bytes(18), "not-xlsx-content"),  # an empty zip
    (HTML, "not-xlsx-content"),
    (b"\xff\xfe" + "<?xml version='1.0'?><Workbook xmlns='urn:schemas-microsoft-com:office:"
     "spreadsheet'/>".encode("utf-16-le"), "not-xlsx-content"),
])
def test_odd_bytes_behind_a_workbook_name(tmp_path, content, code):
    path = tmp_path / "don_vi.xls"
    path.write_bytes(content)
    assert read.read_book(path).code == code


def duplicate_part(path: Path) -> None:
    part = bad.sheet_part(path, PEOPLE)
    with zipfile.ZipFile(path, "a") as z, pytest.warns(UserWarning, match="Duplicate name"):
        z.writestr(part, b"<worksheet/>")


def duplicate_sheet_name(path: Path) -> None:
    bad.rewrite(path, "xl/workbook.xml", lambda xml: xml.replace(
        "Hướng dẫn".encode(), PEOPLE.encode(), 1))


@pytest.mark.parametrize("damage", [duplicate_part, duplicate_sheet_name])
def test_package_that_readers_could_read_two_ways_is_refused(inputs, damage):
    damage(inputs / UNIT)
    assert read.read_book(inputs / UNIT).code == "unreadable"


def corpus(folder: Path) -> list[tuple[str, bytes]]:
    """Damaged copies of one valid workbook: cut short, bytes flipped, members dropped."""
    data = (folder / UNIT).read_bytes()
    rng = random.Random(4)
    out = [(f"cut-{n}", data[:n]) for n in (1, 4, 30, 100, len(data) // 3, len(data) - 22,
                                           len(data) - 1)]
    for n in range(40):
        flipped = bytearray(data)
        for _ in range(1 + n % 4):
            flipped[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        out.append((f"flip-{n}", bytes(flipped)))
    return out


def test_no_exception_escapes_for_any_damaged_file(inputs, tmp_path):
    for name, content in corpus(inputs):
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(content)
        raw = read.read_book(path)
        if isinstance(raw, Issue):
            assert raw.blocking and raw.file == path.name and raw.code in NOT_READ, name
        else:
            validate.parse_book(raw)


# --- formulas, merged cells, blank rows, long text -----------------------------------------

def test_many_formulas_are_listed_up_to_a_bound(inputs):
    def formulas(wb: openpyxl.Workbook) -> None:
        for r in range(2, 10):
            for c in "ACK":  # STT, Năm sinh, Ghi chú
                wb[PEOPLE][f"{c}{r}"] = f"={r}+0"

    bad.edit(inputs / UNIT, formulas)
    _, issues = validate.parse_book(read.read_book(inputs / UNIT))

    listed = [i for i in issues if i.code == "formula-no-value"]
    assert [i.cell for i in listed[:4]] == ["A2", "C2", "K2", "A3"]
    assert len(listed) == validate.PER_SHEET
    assert "Còn 4 ô khác" in listed[-1].message


def test_formula_saved_by_excel_with_an_empty_text_result_is_a_value(inputs):
    bad.edit(inputs / UNIT, bad.put(PEOPLE, "K2", '=IF(1,"","x")'))
    part = bad.sheet_part(inputs / UNIT, PEOPLE)
    bad.rewrite(inputs / UNIT, part,
                lambda xml: re.sub(rb'(<c r="K2"[^>]*)>', rb'\1 t="str">', xml))
    assert b't="str"><f>' in zipfile.ZipFile(inputs / UNIT).read(part)  # as Excel saves it
    raw = read.read_book(inputs / UNIT)
    assert raw.unsaved == {} and validate.parse_book(raw)[1] == []


@pytest.mark.parametrize("change", [
    merge(PEOPLE, "K2:M2"),  # Ghi chú spread over columns nobody reads: its value is in K2
    lambda wb: (wb[PEOPLE].insert_rows(1), wb[PEOPLE].merge_cells("A1:K1")),  # a title
], ids=["beside-the-list", "title-above"])
def test_merged_cells_that_hide_nothing_are_fine(inputs, change):
    bad.edit(inputs / UNIT, change)
    assert validate.parse_book(read.read_book(inputs / UNIT))[1] == []


def test_blank_rows_at_the_end_of_a_list_are_not_reported(inputs):
    bad.edit(inputs / UNIT, lambda wb: [wb[PEOPLE].cell(r, 1, r - 1) for r in range(10, 30)])
    assert validate.parse_book(read.read_book(inputs / UNIT))[1] == []


def test_text_up_to_its_limit_is_accepted(inputs):
    bad.edit(inputs / AGENCY, bad.put(schema.MOVEMENT_SHEET, "C2", "x" * schema.LONG_TEXT))
    bad.edit(inputs / UNIT, bad.put(PEOPLE, "B2", "x" * schema.SHORT_TEXT))
    for file in (AGENCY, UNIT):
        assert [i.code for i in validate.parse_book(read.read_book(inputs / file))[1]] == []


def test_long_value_outside_its_list_is_quoted_short(inputs):
    bad.edit(inputs / UNIT, bad.put(PEOPLE, "F2", "Tốt " * 1000))
    _, issues = validate.parse_book(read.read_book(inputs / UNIT))
    assert [(i.cell, i.code) for i in issues] == [("F2", "long-text"), ("F2", "bad-choice")]
    assert len(issues[1].message) < 200


# --- legacy encodings ---------------------------------------------------------------------

def texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in texts(k) + texts(v)]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in texts(v)]
    return []


def real_vietnamese() -> list[str]:
    found = texts([sample_data.AGENCY, sample_data.UNITS, other_agency.AGENCY, other_agency.UNITS,
                   [v for v in vars(schema).values() if isinstance(v, (str, tuple))]])
    if REFERENCE.is_file():
        found += REFERENCE.read_text(encoding="utf-8").splitlines()
    return found


def test_real_unicode_vietnamese_never_looks_legacy():
    found = real_vietnamese()
    assert len(found) > 600
    assert [t for t in found if validate.legacy_encoding(t) is not None] == []


@pytest.mark.skipif(not REALWORLD.is_dir(), reason="shared/realworld is not beside this checkout")
def test_real_world_workbooks_never_look_legacy():
    for path in REALWORLD.glob("*.xlsx"):
        raw = read.read_book(path)
        cells = [v for grid in getattr(raw, "sheets", {}).values() for row in grid for v in row]
        assert [v for v in cells if isinstance(v, str) and validate.legacy_encoding(v)] == []


@pytest.mark.parametrize(("value", "expected"), [
    ("Lao ®éng tiªn tiÕn", "TCVN3"),
    ("Lao ñoäng tieân tieán", "VNI"),
    ("Lª V¨n Hïng", "TCVN3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI"),
    ("Lao động tiên tiến", None),
    ("Công ty ABC®", None),
    ("«Tên đề tài»", None),
    ("Nhiệt độ 25°C, diện tích 12 m²", None),
    ("Ðinh Văn Ðức", None),  # Ð (U+00D0) typed for Đ
    ("", None),
])
def test_legacy_encoding_examples(value, expected):
    assert validate.legacy_encoding(value) == expected


@pytest.mark.parametrize(("encode", "name"), [(bad.tcvn3, "TCVN3"), (bad.vni, "VNI")])
def test_legacy_text_is_found_and_named(encode, name):
    vietnamese = [t for t in real_vietnamese() if sum(ord(ch) > 0x7F for ch in t) >= 3]
    found = [validate.legacy_encoding(encode(t)) for t in vietnamese]
    assert sum(f is not None for f in found) >= 0.85 * len(vietnamese)
    assert {f for f in found if f is not None} == {name}


def test_legacy_warning_names_the_cell_and_the_conversion(inputs):
    bad.edit(inputs / UNIT, bad.put(PEOPLE, "G2", bad.tcvn3(schema.LDTT)))
    _, issues = validate.parse_book(read.read_book(inputs / UNIT))
    assert [(i.cell, i.code) for i in issues] == [("G2", "legacy-encoding"), ("G2", "bad-choice")]
    assert "TCVN3" in issues[0].message and "Lao ®éng tiªn tiÕn" in issues[0].message
    assert "Unikey" in issues[0].fix and 'Nguồn "TCVN3 (ABC)"' in issues[0].fix


# --- .xls and .ods ------------------------------------------------------------------------

def convert(paths: list[Path], fmt: str, folder: Path) -> list[Path]:
    """Our forms saved as .xls or .ods by LibreOffice, as a unit using it would."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    profile = (folder / "profile").as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(folder), *map(str, paths)], capture_output=True, timeout=300,
                   check=False)
    made = [folder / f"{p.stem}.{fmt}" for p in paths]
    if not all(p.exists() for p in made):
        pytest.skip("LibreOffice Calc is not installed (libreoffice-calc-nogui)")
    return made


def plain(value: Any) -> Any:
    """A parsed book as plain data, without where it came from (file names differ)."""
    if is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value) if f.name != "where"}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods_read_the_same_as_xlsx(tmp_path, fmt):
    paths = write_set(tmp_path / "xlsx", other_agency.AGENCY, other_agency.UNITS)
    for path, made in zip(paths, convert(paths, fmt, tmp_path), strict=True):
        book, issues = validate.parse_book(read.read_book(path))
        again, again_issues = validate.parse_book(read.read_book(made))
        assert book is not None and plain(again) == plain(book), made.name
        assert [(i.sheet, i.cell, i.code) for i in again_issues] == [
            (i.sheet, i.cell, i.code) for i in issues]


def test_merged_cells_are_found_in_ods_too(inputs, tmp_path):
    bad.edit(inputs / UNIT, merge(PEOPLE, "F2:F3"))
    [made] = convert([inputs / UNIT], "ods", tmp_path)
    _, issues = validate.parse_book(read.read_book(made))
    assert [(i.sheet, i.cell, i.code) for i in issues] == [(PEOPLE, "F2:F3", "merged-cells")]


def test_far_cell_in_an_xls_is_refused_before_calamine_loads_it(inputs, tmp_path):
    [made] = convert([inputs / UNIT], "xls", tmp_path)
    bad.xls_far_cell(made, sheet=0, row=65535, col=65535)  # in "Hướng dẫn", a sheet not read
    found = read.read_book(made)
    assert (found.code, found.sheet, found.cell) == ("sheet-too-large", "Hướng dẫn", "CRXP65536")

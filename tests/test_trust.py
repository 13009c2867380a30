"""Nothing silently missing (issue 10): each damaged input is built, the CLI run on it, and what
it wrote read back: the exit code, the check list, the report."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from pipeline import config, job
from pipeline.cli import main
from tests import bad_corpus as bad
from tests.conftest import ROOT, TODAY, docx_text

UNIT = "don_vi_thanh_tra_ban.xlsx"
AGENCY = "co_quan.xlsx"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "input"
    shutil.copytree(ROOT / "input", folder)
    return folder


def run(inputs: Path, out: Path) -> tuple[int, list[tuple[str, str, str, str, str]]]:
    """The CLI's exit code and its check list, read back: (code, file, sheet, cell, message)."""
    code = main(["--input", str(inputs), "--output", str(out)])
    folder = out / "2023" if code == 0 else out / "2023" / "kiem_tra"
    [checks] = folder.glob("kiem_tra_du_lieu_2023*.xlsx")
    rows = openpyxl.load_workbook(checks).worksheets[0].iter_rows(min_row=2, values_only=True)
    return code, [(r[2], r[3] or "", r[4] or "", r[5] or "", r[6]) for r in rows if r[2]]


def report_written(out: Path) -> bool:
    return any(out.rglob("bao_cao_thi_dua_*.docx"))


# --- 1. the agency declares its units ----------------------------------------------------

def test_a_missing_units_workbook_stops_the_run_naming_its_roster_row(inputs, tmp_path):
    (inputs / UNIT).unlink()
    code, found = run(inputs, tmp_path / "out")
    assert code == 1 and not report_written(tmp_path / "out")
    assert [f[:4] for f in found] == [("roster-no-workbook", AGENCY, "Đơn vị", "B5")]
    assert '"Thanh tra Ban"' in found[0][4]


def test_a_workbook_of_an_unlisted_unit_stops_the_run(inputs, tmp_path):
    bad.edit(inputs / UNIT, bad.put("Thông tin", "B5", "Thanh tra Sở"))
    code, found = run(inputs, tmp_path / "out")
    assert code == 1
    assert [f[:4] for f in found] == [("roster-no-workbook", AGENCY, "Đơn vị", "B5"),
                                      ("unit-not-listed", UNIT, "Thông tin", "B5")]
    assert 'Có phải là "Thanh tra Ban"?' in found[1][4]


def test_a_previous_version_agency_form_is_read_with_a_warning(inputs, tmp_path):
    def old_form(wb: openpyxl.Workbook) -> None:
        del wb["Đơn vị"]
        wb["Thông tin"]["B3"] = "thidua-1"

    bad.edit(inputs / AGENCY, old_form)
    code, found = run(inputs, tmp_path / "out")
    assert code == 0 and report_written(tmp_path / "out")
    assert ("roster-empty", AGENCY, "Đơn vị", "") in [f[:4] for f in found]


# --- 2. no file that looks like data is passed over quietly ------------------------------

def _into_subfolder(folder: Path) -> None:
    (folder / "cu").mkdir()
    shutil.move(folder / UNIT, folder / "cu" / UNIT)


def _as_csv(folder: Path) -> None:
    (folder / UNIT).rename(folder / "don_vi_thanh_tra_ban.csv")


def _symlink(folder: Path) -> None:
    outside = folder.parent / UNIT
    shutil.move(folder / UNIT, outside)
    os.symlink(outside, folder / UNIT)


def _folder_named_like_a_workbook(folder: Path) -> None:
    (folder / "nam_2022.xlsx").mkdir()


@pytest.mark.parametrize(("damage", "code", "file"), [
    (_into_subfolder, "workbook-in-subfolder", "cu/"),
    (_as_csv, "spreadsheet-not-read", "don_vi_thanh_tra_ban.csv"),
    (_symlink, "symlink", UNIT),
    (_folder_named_like_a_workbook, "folder-like-workbook", "nam_2022.xlsx"),
])
def test_a_file_that_looks_like_data_is_never_passed_over(inputs, tmp_path, damage, code, file):
    damage(inputs)
    exit_code, found = run(inputs, tmp_path / "out")
    assert exit_code == 1 and not report_written(tmp_path / "out")
    assert (code, file) in [f[:2] for f in found]


def test_a_stray_document_stays_a_warning(inputs, tmp_path):
    (inputs / "cong_van.pdf").write_bytes(b"%PDF-1.4")
    code, found = run(inputs, tmp_path / "out")
    assert code == 0 and ("not-a-workbook", "cong_van.pdf") in [f[:2] for f in found]


# --- 5. ambiguity is a question, not a guess ---------------------------------------------

def test_a_second_title_column_stops_the_run_naming_both(inputs, tmp_path):
    bad.edit(inputs / UNIT, bad.put("Cá nhân", "M1", "Danh hiệu"))
    code, found = run(inputs, tmp_path / "out")
    assert code == 1
    assert [f[:4] for f in found] == [("duplicate-column", UNIT, "Cá nhân", "M1")]
    assert "(G1 và M1)" in found[0][4]


def test_a_hidden_sheet_spelled_like_the_real_one_stops_the_run(inputs, tmp_path):
    def twin(wb: openpyxl.Workbook) -> None:
        copy = wb.copy_worksheet(wb["Cá nhân"])
        copy.title = unicodedata.normalize("NFD", "Cá nhân")
        copy.sheet_state = "hidden"

    bad.edit(inputs / UNIT, twin)
    code, found = run(inputs, tmp_path / "out")
    assert code == 1 and [f[:3] for f in found] == [("duplicate-sheet", UNIT, "Cá nhân")]
    assert "(đang ẩn)" in found[0][4]


def test_a_target_of_1_is_read_as_100_percent_and_said_so(inputs, tmp_path):
    bad.edit(inputs / AGENCY, bad.put("Giao ước", "D2", 1))
    code, found = run(inputs, tmp_path / "out")
    assert code == 0
    assert ("target-read-as", AGENCY, "Giao ước", "D2",
            "Mức đăng ký 1 được hiểu là 100%.") in found


# --- 6. plausibility ---------------------------------------------------------------------

@pytest.mark.parametrize(("sheet", "cell", "value", "code", "exit_code"), [
    ("Cá nhân", "C2", 1890, "implausible-birth-year", 0),
    ("Cá nhân", "B2", 12345, "not-text", 1),
    ("Cá nhân", "H2", True, "not-text", 1),
    ("Nhiệm vụ", "E2", "05/03/2019", "implausible-date", 0),
    ("Giao ước", "D2", "120%", "target-over-100", 1),
])
def test_implausible_values_are_named_at_their_cell(inputs, tmp_path, sheet, cell, value, code,
                                                    exit_code):
    bad.edit(inputs / (AGENCY if sheet in ("Nhiệm vụ", "Giao ước") else UNIT),
             bad.put(sheet, cell, value))
    found_code, found = run(inputs, tmp_path / "out")
    assert found_code == exit_code
    assert code in [f[0] for f in found if (f[2], f[3]) == (sheet, cell)]


# --- 9. the run record hashes the bytes that were read -----------------------------------

def test_the_run_record_hashes_the_bytes_read_even_if_the_file_changes_after(inputs, tmp_path):
    original = hashlib.sha256((inputs / UNIT).read_bytes()).hexdigest()

    def progress(name: str, _: str) -> None:  # called once the file has been read
        if name == UNIT:
            (inputs / UNIT).write_bytes((inputs / UNIT).read_bytes() + b"changed")

    outcome = job.run(inputs, tmp_path / "out", config.load(ROOT / "config.toml"), progress,
                      today=TODAY)
    record = next(p for p in outcome.written if p.name.startswith("nhat_ky_chay"))
    entries = {e["tep"]: e for e in json.loads(record.read_text(encoding="utf-8"))["tep_dau_vao"]}
    assert entries[UNIT]["sha256"] == original and entries[UNIT]["byte"] == (
        (inputs / UNIT).stat().st_size - len(b"changed"))


# --- 10. legal wording -------------------------------------------------------------------

def test_the_report_writes_collective_excellence_as_a_proposal(inputs, tmp_path):
    code, found = run(inputs, tmp_path / "out")
    assert code == 0
    [quota] = [f for f in found if f[0] == "excellent-quota"]
    assert "16 người được xếp loại Hoàn thành tốt nhiệm vụ" in quota[4]
    [report] = (tmp_path / "out" / "2023").glob("bao_cao_thi_dua_2023.docx")
    text = "\n".join(docx_text(report)["body"])
    assert "01/03 tập thể được đề nghị tặng danh hiệu tập thể lao động xuất sắc" in text
    assert "tập thể đạt danh hiệu tập thể lao động xuất sắc" not in text

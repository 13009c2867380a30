"""The blank forms, read back: sheets, headers, drop-downs, version; `init` reproduces them."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from pipeline import schema
from pipeline.templates_init import init, shipped
from tests.conftest import ROOT

TEMPLATES = ROOT / "input_templates"


@pytest.mark.parametrize("kind", schema.KINDS.values(), ids=lambda k: k.template_file)
def test_form_sheets_headers_and_validations(kind):
    wb = openpyxl.load_workbook(TEMPLATES / kind.template_file)
    assert wb.sheetnames == [schema.GUIDE_SHEET, schema.LIST_SHEET, schema.INFO_SHEET,
                             *(s.name for s in kind.sheets)]
    assert wb[schema.LIST_SHEET].sheet_state == "hidden"
    info = {r[0]: r[1] for r in wb[schema.INFO_SHEET].iter_rows(min_row=2, values_only=True)}
    assert list(info) == [f.name for f in kind.info]
    assert info["Loại phiếu"] == kind.name
    assert info["Phiên bản mẫu"] == schema.TEMPLATE_VERSION
    for sheet in kind.sheets:
        ws = wb[sheet.name]
        assert tuple(c.value for c in ws[1]) == sheet.headers
        assert ws.freeze_panes == "A2"
        lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
        listed = [f for f in sheet.fields if f.choices or f.suggest[0]]
        assert len(lists) == len(listed)
        for dv, f in zip(lists, listed, strict=True):  # a suggestion lists another sheet
            assert dv.formula1.startswith(f"'{f.suggest[0] or schema.LIST_SHEET}'!")


def test_khoi_bonus_suggests_the_members_and_takes_decimals():
    wb = openpyxl.load_workbook(TEMPLATES / schema.KHOI.template_file)
    ws = wb[schema.BONUS_SHEET]
    by_col = {str(dv.sqref)[0]: dv for dv in ws.data_validations.dataValidation}
    assert by_col["B"].formula1 == "'Thành viên'!$B$2:$B$61"
    assert by_col["B"].errorStyle == "information"  # a symbol may be typed instead
    assert by_col["D"].type == "decimal" and by_col["D"].formula1 == "-1000"


def test_person_dropdown_points_at_the_ratings():
    wb = openpyxl.load_workbook(TEMPLATES / schema.UNIT.template_file)
    ws = wb[schema.PEOPLE_SHEET]
    col = schema.PEOPLE.headers.index("Xếp loại")
    letter = openpyxl.utils.get_column_letter(col + 1)
    [dv] = [dv for dv in ws.data_validations.dataValidation if str(dv.sqref).startswith(letter)]
    ref = dv.formula1.split("!")[1].replace("$", "")
    values = [c.value for row in wb[schema.LIST_SHEET][ref] for c in row]
    assert values == list(schema.RATINGS)


def test_init_reproduces_the_committed_forms_byte_for_byte(tmp_path, cfg):
    lines = init(cfg, into=tmp_path)
    assert len(lines) == 9 and all(line.startswith("Đã tạo") for line in lines)
    for kind in schema.KINDS.values():
        fresh = (tmp_path / kind.template_file).read_bytes()
        assert fresh == (TEMPLATES / kind.template_file).read_bytes()


def test_every_shipped_template_is_what_the_code_writes(tmp_path, cfg):
    """Each part of each shipped Word template is what its writer makes now (the zip's own
    dates aside), so that a change to a *_template.py is not lost to a stale file."""
    for path, make in shipped(cfg).items():
        make(tmp_path / path.name)
        if path.suffix == ".docx":
            fresh, committed = (zipfile.ZipFile(p) for p in (tmp_path / path.name, path))
            assert fresh.namelist() == committed.namelist(), path.name
            for part in fresh.namelist():
                assert fresh.read(part) == committed.read(part), \
                    f"{path.name} › {part}: run python tools/make_templates.py"
        else:
            assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_init_never_overwrites_a_changed_file(tmp_path, cfg):
    init(cfg, into=tmp_path)
    changed = tmp_path / schema.UNIT.template_file
    changed.write_bytes(b"edited")
    lines = init(cfg, into=tmp_path)
    assert changed.read_bytes() == b"edited"
    assert (tmp_path / "mau_don_vi_2.xlsx").exists()
    assert any("mau_don_vi_2.xlsx" in line for line in lines)

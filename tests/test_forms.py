"""The blank forms, read back: sheets, headers, drop-downs, version; `init` reproduces them."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline import schema
from pipeline.templates_init import init
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
        listed = {f.name for f in sheet.fields if f.choices}
        assert len(lists) == len(listed)
        assert all(dv.formula1.startswith(f"'{schema.LIST_SHEET}'!") for dv in lists)


def test_person_dropdown_points_at_the_ratings():
    wb = openpyxl.load_workbook(TEMPLATES / schema.UNIT.template_file)
    ws = wb[schema.PEOPLE_SHEET]
    col = schema.PEOPLE.headers.index("Xếp loại")
    letter = openpyxl.utils.get_column_letter(col + 1)
    [dv] = [dv for dv in ws.data_validations.dataValidation if str(dv.sqref).startswith(letter)]
    ref = dv.formula1.split("!")[1].replace("$", "")
    values = [c.value for row in wb[schema.LIST_SHEET][ref] for c in row]
    assert values == list(schema.RATINGS)


def test_init_reproduces_the_committed_forms_byte_for_byte(tmp_path):
    lines = init(tmp_path, tmp_path / "mau_bao_cao.docx")
    assert len(lines) == 3
    for kind in schema.KINDS.values():
        fresh = (tmp_path / kind.template_file).read_bytes()
        assert fresh == (TEMPLATES / kind.template_file).read_bytes()


def test_init_never_overwrites_a_changed_file(tmp_path):
    init(tmp_path, tmp_path / "mau_bao_cao.docx")
    changed = tmp_path / schema.UNIT.template_file
    changed.write_bytes(b"edited")
    lines = init(tmp_path, tmp_path / "mau_bao_cao.docx")
    assert changed.read_bytes() == b"edited"
    assert (tmp_path / "mau_don_vi_2.xlsx").exists()
    assert any("mau_don_vi_2.xlsx" in line for line in lines)

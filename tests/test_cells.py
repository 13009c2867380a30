"""Text as the pipeline compares it, and cells as Excel names them (pipeline/cells.py)."""

from __future__ import annotations

import pytest

from pipeline import cells
from tests.test_read import NBSP, nfd


@pytest.mark.parametrize(("value", "expected"), [
    (nfd("Nguyễn Thị Hòa"), "Nguyễn Thị Hòa"),
    (f"  Lê{NBSP}Văn   Hùng \t", "Lê Văn Hùng"),
    ("- Sở Nội vụ;  \r\n- Lưu: VT.\r", "- Sở Nội vụ;\n- Lưu: VT."),
])
def test_text_is_nfc_with_plain_spaces_and_line_breaks_kept(value, expected):
    assert cells.text(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (nfd("HỌ VÀ\nTÊN "), "họ và tên"),
    (f" Năm{NBSP} sinh", "năm sinh"),
    ("Giá trị", "giá trị"),
])
def test_key_ignores_case_spaces_line_breaks_and_unicode_form(value, expected):
    assert cells.key(value) == expected


@pytest.mark.parametrize(("row", "col", "ref"), [
    (0, 0, "A1"), (1, 25, "Z2"), (2, 26, "AA3"), (9, 701, "ZZ10"), (99, 702, "AAA100")])
def test_cell_ref(row, col, ref):
    assert cells.cell_ref(row, col) == ref

"""The report's layout per Nghị định 30/2020/NĐ-CP, Phụ lục I, read back from the docx."""

from __future__ import annotations

import pytest
from docx import Document
from docx.shared import Cm, Mm, Pt

from tests.conftest import W, written


@pytest.fixture(scope="module")
def doc(sample_run):
    return Document(str(written(sample_run, ".docx")))


def runs_with(doc, text):
    return [r for p in doc.element.body.iter(f"{W}p") for r in p.iter(f"{W}r")
            if "".join(t.text or "" for t in r.iter(f"{W}t")) == text]


def run_props(doc, text):
    from docx.text.run import Run
    [r] = runs_with(doc, text)
    return Run(r, None).font


def test_a4_and_margins(doc):
    s = doc.sections[0]
    mm = {k: round(getattr(s, k).mm, 1) for k in ("page_width", "page_height", "top_margin",
                                                  "bottom_margin", "left_margin", "right_margin")}
    assert (mm["page_width"], mm["page_height"]) == (210, 297)
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20


def test_body_style(doc):
    normal = doc.styles["Normal"]
    f = normal.paragraph_format
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    assert Cm(1) <= f.first_line_indent <= Cm(1.27)
    assert f.space_after >= Pt(6)
    assert 1 <= f.line_spacing <= 1.5
    assert f.alignment == 3  # justified


@pytest.mark.parametrize(("text", "low", "high"), [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, 13),
    ("Độc lập - Tự do - Hạnh phúc", 13, 14),
    ("BÁO CÁO", 13, 14),
])
def test_national_title_motto_and_title(doc, text, low, high):
    font = run_props(doc, text)
    assert font.bold and font.name == "Times New Roman"
    assert Pt(low) <= font.size <= Pt(high)


def test_place_date_is_italic(doc):
    [run] = [r for r in runs_with(doc, "Quảng Ngãi, ngày      tháng 12 năm 2023")]
    assert run.find(f"{W}rPr/{W}i") is not None


def test_header_block_is_a_borderless_two_column_table(doc):
    table = doc.tables[0]
    assert len(table.columns) == 2
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert {e.get(f"{W}val") for e in borders} == {"nil"}
    left, right = (c.text for c in table.rows[0].cells)
    assert left.startswith("UBND TỈNH QUẢNG NGÃI") and "BAN DÂN TỘC" in left
    assert right.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert table.columns[1].width > Mm(95)  # room for the Quốc hiệu on one line


def test_page_numbers_from_page_two(doc):
    s = doc.sections[0]
    assert s.different_first_page_header_footer
    instr = "".join(t.text for t in s.header._element.iter(f"{W}instrText"))
    assert instr.strip() == "PAGE"
    assert not list(s.first_page_header._element.iter(f"{W}instrText"))


def test_signature_and_recipients(doc):
    table = doc.tables[-1]
    left, right = table.rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:"
    font = left.paragraphs[0].runs[0].font
    assert font.bold and font.italic and font.size == Pt(12)
    assert left.paragraphs[1].runs[0].font.size == Pt(11)
    assert right.paragraphs[0].text == "TRƯỞNG BAN" and right.paragraphs[0].runs[0].font.bold
    assert right.paragraphs[-1].text == "Hồ Ngọc Thịnh"

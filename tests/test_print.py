"""What comes out of a printer (issue 11): the report's tables keep their rows whole and their
header on every page, the Excel summary's text stays in its rows, and the forms print as forms.
Checked on the PDF LibreOffice makes, read back with poppler (pdftotext)."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from benchmarks.synthetic import make_agency
from pipeline import job, schema
from pipeline.documents import pdf
from pipeline.reading.forms import write_form
from tests.conftest import docx_text, quiet, written
from tests.test_pdf import needs_office

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                  r"([^<]*)</word>")
Box = tuple[float, float, float, float, str]


def pdf_of(path: Path, tmp: Path) -> Path:
    made = tmp / (path.stem + ".pdf")
    made.write_bytes(pdf.convert(path.read_bytes(), path.suffix))
    return made


def page_texts(made: Path, layout: bool = False) -> list[str]:
    """Each page's words, one space between them; with `layout`, as laid out on the page
    (a table's row on one line), else cell by cell."""
    text = subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(made), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    return pages if layout else [" ".join(page.split()) for page in pages]


def page_words(made: Path) -> list[list[Box]]:
    html = subprocess.run(["pdftotext", "-bbox", str(made), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[(*map(float, m.groups()[:4]), m[5]) for m in WORD.finditer(page)]
            for page in html.split("<page ")[1:]]


def overlapping(words: list[Box], share: float = 0.4) -> list[tuple[str, str]]:
    """Words drawn over one another: text run over the row below. Lines of one cell touch
    (their boxes hold the font's ascent and descent), so only a real overlap counts."""
    found = []
    words = sorted(words, key=lambda w: w[1])
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b[1] >= a[3]:
                break
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if a[0] < b[2] and b[0] < a[2] and dy > share * min(a[3] - a[1], b[3] - b[1]):
                found.append((a[4], b[4]))
    return found


@needs_office
@pytest.mark.parametrize("run", ["sample_run", "other_run"])
def test_summary_text_stays_in_its_rows(request, run, tmp_path):
    made = pdf_of(written(request.getfixturevalue(run), "tong_hop_2023.xlsx"
                          if run == "sample_run" else "tong_hop_2024.xlsx"), tmp_path)
    pages = page_words(made)
    assert len(pages) >= 5
    assert [(n, overlapping(words)[:3]) for n, words in enumerate(pages, 1)
            if overlapping(words)] == []


@needs_office
def test_report_tables_keep_rows_whole_and_repeat_their_header(sample_run, tmp_path):
    path = written(sample_run, ".docx")
    made = pdf_of(path, tmp_path)
    pages, laid_out = page_texts(made), page_texts(made, layout=True)
    document = " ".join(" ".join(docx_text(path)["body"]).split())  # tables' cells too
    for r in sample_run.pledges:  # whole on one page: as often in the PDF as in the document
        assert sum(p.count(r.pledge.text) for p in pages) == document.count(r.pledge.text), \
            r.pledge.text
    header = re.compile(r"Chỉ tiêu\s+Đăng ký\s+Kết quả\s+Đánh giá")
    status = re.compile(r"\s{3,}(Đạt|Vượt|Không đạt|Chờ kết quả)\s*$", re.MULTILINE)
    with_rows = [n for n, page in enumerate(laid_out) if status.search(page)]
    assert with_rows and all(header.search(laid_out[n]) for n in with_rows), with_rows


@needs_office
def test_a_long_decision_list_keeps_rows_whole_and_repeats_its_header(tmp_path, cfg):
    """A decision of 100-odd names over several pages, its cells in the list's own paragraph
    style: every page of the list carries the header, and every name is printed once."""
    folder = make_agency(tmp_path / "in", units=3, people=40)
    outcome = job.run(folder, tmp_path / "out", cfg, quiet, today=date(2025, 1, 10))
    [path] = [p for p in outcome.written if p.name.startswith("quyet_dinh_lao_dong_tien_tien")]
    names = [p.text for p in Document(str(path)).tables[-1].column_cells(1)[1:-1]]
    assert len(names) > 100
    pages = page_texts(pdf_of(path, tmp_path), layout=True)
    header = re.compile(r"STT\s+Họ và tên\s+Chức vụ\s+Đơn vị\s+Mức")  # "thưởng" wraps
    listed = [page for page in pages if any(n in page for n in names)]
    assert len(listed) >= 3 and all(header.search(page) for page in listed)
    assert all(sum(page.count(n) for page in pages) == names.count(n) for n in set(names))


def test_templates_mark_table_rows_unsplittable_with_a_repeated_header():
    from tests.conftest import ROOT, W
    for name in ("mau_bao_cao.docx", "mau_bao_cao_khoi.docx", "mau_quyet_dinh.docx",
                 "mau_bien_ban.docx", "mau_to_trinh.docx", "mau_bao_cao_thanh_tich.docx"):
        doc = Document(str(ROOT / "input_templates" / name))
        grids = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
        assert grids, name
        for table in grids:
            rows = table._tbl.findall(f"{W}tr")
            assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows), name
            assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None, name


@needs_office
def test_a_filled_unit_form_prints_as_a_form(tmp_path):
    people = [{"Họ và tên": f"Nguyễn Văn Người {n}", "Năm sinh": 1970 + n % 30,
               "Chức vụ": "Chuyên viên", "Loại": "Công chức", "Xếp loại": schema.GOOD,
               "Danh hiệu": schema.LDTT, "Ghi chú": "Ghi chú dài " * (n % 4)}
              for n in range(1, 61)]
    path = tmp_path / "don_vi.xlsx"
    write_form(path, schema.UNIT, {"Năm": 2023, "Tên đơn vị": "Văn phòng",
                                   "Là tập thể xét danh hiệu": schema.NONE},
               {schema.PEOPLE_SHEET: people})
    pages = page_texts(pdf_of(path, tmp_path))
    listed = [text for text in pages if "Nguyễn Văn Người" in text]
    assert 1 < len(listed) <= 3 and len(pages) <= len(listed) + 2  # guide, information
    headers = schema.PEOPLE.headers
    for text in listed:  # one page wide: every column's header on each page of the list
        assert all(h in text for h in headers), [h for h in headers if h not in text]
        assert "Người lập biểu" in text and "Trưởng đơn vị" in text
        assert "(Ký, ghi rõ họ tên)" in text
    assert all(f"Nguyễn Văn Người {n} " in " ".join(listed) + " " for n in range(1, 61))
    assert all(re.search(r"Trang \d+/\d+", text) for text in pages[1:])  # not the guide

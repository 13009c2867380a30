"""The Word template of the year-end decisions (input_templates/mau_quyet_dinh.docx), generated
with python-docx in the layout of a quyết định cá biệt (Nghị định 30/2020/NĐ-CP, Phụ lục III):
the report's header block, "QUYẾT ĐỊNH" and its trích yếu, the issuing authority, the "Căn cứ"
lines in italics, "Xét đề nghị của …", Điều 1 to Điều 3, the signature and Nơi nhận; then, on a
new page, the list: "DANH SÁCH … (Kèm theo Quyết định số …)". One template serves every
decision of the dossier; the secretary may reword it in Word, keeping the tags.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Mm, Pt
from docx.table import Table

from . import report_template as t

RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
ARTICLES = ("Điều 1. ", "{{ dieu_1 }}"), ("Điều 2. ", "{{ dieu_2 }}"), ("Điều 3. ", "{{ dieu_3 }}")
WIDTHS = (Mm(13), Mm(45), Mm(35), Mm(48), Mm(24))  # 165 mm, the text width
LIST_PT = 12
LIST_STYLE = "Danh sách"  # the paragraph style of the list's cells
# The list: (cells, style); "tag" rows hold a {%tr %} tag and vanish when rendered.
LIST_ROWS: list[tuple[tuple[str, ...], str]] = [
    (("STT", "{{ cot_ten }}", "Chức vụ", "Đơn vị", "Mức thưởng (đồng)"), "head"),
    (("{%tr for r in danh_sach %}", "", "", "", ""), "tag"),
    (("{%tr if r.nhom %}", "", "", "", ""), "tag"),
    (("{{ r.stt }}", "{{ r.ten }}", "", "", "{{ r.muc_thuong }}"), "group"),
    (("{%tr else %}", "", "", "", ""), "tag"),
    (("{{ r.stt }}", "{{ r.ten }}", "{{ r.chuc_vu }}", "{{ r.don_vi }}", "{{ r.muc_thuong }}"),
     "row"),
    (("{%tr endif %}", "", "", "", ""), "tag"),
    (("{%tr endfor %}", "", "", "", ""), "tag"),
    (("", "{{ tong_so }}", "", "", "{{ tong_tien }}"), "total"),
]


def _article(doc: object, label: str, text: str) -> None:
    """"Điều 1." in bold, then the article's text, indented and justified."""
    p = t._para(doc, "", indent=True, after=6)
    t._font(p.add_run(label), t.BODY_PT, bold=True)
    t._font(p.add_run(text), t.BODY_PT)


def _row_props(table: Table, header: int) -> None:
    """No row split across pages; the header row repeated on each page of a long list."""
    for i, row in enumerate(table.rows):
        props = row._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
        if i == header:
            props.append(OxmlElement("w:tblHeader"))


def _list_style(doc: object) -> object:
    """The paragraph style of the list's cells (12 pt Times New Roman, no indent, 2 pt after,
    single spacing): a cell then says only its alignment, and a bold run only that it is bold,
    so that a list of 20,000 names is less than half the XML to render, store and open."""
    style = doc.styles.add_style(LIST_STYLE, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    style.style_id, style.base_style = "DanhSach", doc.styles["Normal"]  # type: ignore[attr-defined]
    t._font(style, LIST_PT)
    spacing = style.paragraph_format
    spacing.first_line_indent, spacing.space_before, spacing.space_after = Cm(0), Pt(0), Pt(2)
    spacing.line_spacing = 1.0
    return style


def _list_table(doc: object) -> None:
    table = t._table(doc, len(LIST_ROWS), WIDTHS, borders=True)
    cell_style = _list_style(doc)
    for r, (cells, style) in enumerate(LIST_ROWS):
        for c, text in enumerate(cells):
            align = t.LEFT if c in (1, 2, 3) and style in ("row", "group") else t.CENTER
            if c == 4 and style in ("row", "group", "total"):
                align = RIGHT
            p = table.cell(r, c).paragraphs[0]
            p.style, p.alignment = cell_style, align
            run = p.add_run(text) if text else None
            if run and style in ("head", "group", "total"):
                run.bold = True
    _row_props(table, header=0)


def _decision(doc: object) -> None:
    """Page 1: the decision itself."""
    t._opening(doc, "QUYẾT ĐỊNH", "{{ trich_yeu }}")
    t._para(doc, "{{ tham_quyen }}", t.CENTER, t.BODY_PT, bold=True, after=12)
    for line in ("{%p for d in can_cu %}", "{{ d }}", "{%p endfor %}"):
        if line.startswith("{%"):
            t._para(doc, line)
        else:
            t._para(doc, line, italic=True, indent=True, after=6)
    t._para(doc, "{{ xet_de_nghi }}", italic=True, indent=True, after=6)
    t._para(doc, "QUYẾT ĐỊNH:", t.CENTER, t.BODY_PT, bold=True, after=12)
    for label, text in ARTICLES:
        _article(doc, label, text)
    t._para(doc, "")
    t._signature(doc)


def _attached_list(doc: object) -> None:
    """The list, on a new page."""
    head = t._para(doc, "DANH SÁCH", t.CENTER, t.BODY_PT, bold=True)
    head.paragraph_format.page_break_before = True
    t._para(doc, "{{ tieu_de_danh_sach }}", t.CENTER, t.BODY_PT, bold=True)
    t._para(doc, "{{ kem_theo }}", t.CENTER, t.BODY_PT, italic=True)
    t._rule(doc, 65, 65)
    _list_table(doc)
    t._para(doc, "", size=6, after=6)
    for line in ("{%p for d in ghi_chu %}", "{{ d }}", "{%p endfor %}"):
        t._para(doc, line, italic=not line.startswith("{%"), indent=not line.startswith("{%"))


def write_decision_template(path: Path) -> None:
    """Write the Word template of the dossier's decisions."""
    doc = Document()
    t._setup(doc)
    _decision(doc)
    _attached_list(doc)
    doc.core_properties.title = "Quyết định khen thưởng"
    doc.core_properties.author = "thidua"
    doc.save(str(path))


"""The Word report template (input_templates/mau_bao_cao.docx), generated with python-docx.

The secretary may reword it in Word; the tags ({{ … }}, {%p … %}) are what the renderer
fills. Layout per Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, Times New Roman, body 14 pt
justified with a first-line indent, Quốc hiệu and Tiêu ngữ in a borderless header table,
page numbers centred in the header from page 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 14
INDENT = Cm(1.27)
LEFT_COL, RIGHT_COL = Mm(62), Mm(103)  # 165 mm of text width; the Quốc hiệu fits on one line
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT

def section(variable: str, title: str = "h") -> list[tuple[str, str]]:
    """A part the agency writes itself (report.SECTIONS): its blocks, each with its numbered
    title (in style `title`) and its paragraphs as typed."""
    return [("tag", f"{{%p for b in {variable} %}}"),
            ("tag", "{%p if b.tieu_de %}"), (title, "{{ b.so }}{{ b.tieu_de }}"),
            ("tag", "{%p endif %}"),
            ("tag", "{%p for d in b.doan %}"), ("p", "{{ d }}"), ("tag", "{%p endfor %}"),
            ("tag", "{%p endfor %}")]


def optional(variable: str, heading: str, title: str = "h") -> list[tuple[str, str]]:
    """A section with its heading, both left out when the agency wrote nothing for it."""
    return [("tag", f"{{%p if {variable} %}}"), ("h", heading), *section(variable, title),
            ("tag", "{%p endif %}")]


# The body, one paragraph per line: (style, text). Styles: "h" bold heading, "c" centred
# bold, "p" body, "-" body bullet, "tag" a {%p %} control line, "table" the pledge table,
# "compare" the table of metrics beside the year before. Headings follow the reference report.
BODY: list[tuple[str, str]] = [
    ("c", "Phần I"),
    ("c", "KẾT QUẢ THỰC HIỆN GIAO ƯỚC THI ĐUA NĂM {{ nam }}"),
    ("h", "I. ĐẶC ĐIỂM, TÌNH HÌNH"),
    ("h", "1. Đặc điểm tình hình"),
    *section("dac_diem"),
    ("p", "{{ to_chuc }}"),
    ("h", "2. Những thuận lợi, khó khăn"),
    *optional("thuan_loi", "2.1. Thuận lợi"),
    *optional("kho_khan", "2.2. Khó khăn"),
    ("h", "II. KẾT QUẢ THỰC HIỆN"),
    ("h", "1. Công tác lãnh đạo, chỉ đạo thực hiện công tác thi đua, khen thưởng"),
    *optional("trien_khai", "{{ chu_trien_khai }} Việc triển khai và tổ chức thực hiện các văn "
                            "bản của Trung ương, của tỉnh về công tác thi đua, khen thưởng."),
    ("h", "{{ chu_chi_dao }} Việc ban hành các văn bản để chỉ đạo, hướng dẫn thực hiện công tác "
          "thi đua, khen thưởng."),
    ("tag", "{%p if chi_dao %}"), ("p", "{{ chi_dao }}"), ("tag", "{%p endif %}"),
    ("tag", "{%p for d in van_ban_chi_dao %}"), ("-", "{{ d }}"), ("tag", "{%p endfor %}"),
    *section("chi_dao_them"),
    *optional("phong_trao_co_quan", "{{ chu_phong_trao_co_quan }} Phong trào thi đua của cơ "
                                    "quan"),
    ("h", "2. Kết quả tổ chức thực hiện các phong trào thi đua"),
    ("tag", "{%p if phong_trao %}"),
    ("h", "{{ so_phong_trao }} Kết quả thực hiện các phong trào thi đua do Thủ tướng Chính phủ "
          "và Chủ tịch UBND tỉnh phát động"),
    ("tag", "{%p for m in phong_trao %}"),
    ("h", "{{ m.chu }}) {{ m.ten }}"),
    ("tag", "{%p for d in m.doan %}"), ("p", "{{ d }}"), ("tag", "{%p endfor %}"),
    ("tag", "{%p endfor %}"),
    ("tag", "{%p endif %}"),
    *section("phong_trao_khac"),
    ("h", "{{ so_khoi }} Kết quả hoạt động của khối thi đua phát động"),
    ("p", "a) {{ giao_uoc_mo_dau }}"),
    ("tag", "{%p for g in giao_uoc %}"), ("-", "{{ g.chi_tieu }}{{ g.muc }}{{ g.ghi_chu }}."),
    ("tag", "{%p endfor %}"),
    ("p", "b) Kết quả đạt được:"),
    ("p", "Đã thực hiện xét thi đua, khen thưởng năm {{ nam }}, kết quả như sau:"),
    ("tag", "{%p for d in ket_qua %}"), ("-", "{{ d }}"), ("tag", "{%p endfor %}"),
    ("p", "Kết quả thực hiện từng chỉ tiêu đã đăng ký:"),
    ("table", ""),
    ("p", "{{ ket_luan }}"),
    ("tag", "{%p if so_sanh %}"),  # only when last year's result was found
    ("h", "c) So sánh với năm {{ nam_truoc }}"),
    ("p", "Kết quả các chỉ số thi đua năm {{ nam }} so với năm {{ nam_truoc }} như sau:"),
    ("compare", ""),
    ("tag", "{%p endif %}"),
    *optional("tuyen_truyen", "3. Công tác tuyên truyền, nhân rộng các điển hình tiên tiến, gương "
                              "“người tốt, việc tốt”; mô hình, cách làm hay, hiệu quả"),
    ("h", "III. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG, NHIỆM VỤ, CHỈ TIÊU THI ĐUA"),
    *section("noi_dung"),
    ("h", "IV. ĐÁNH GIÁ CHUNG"),
    *optional("uu_diem", "1. Ưu điểm", title="p"),
    *optional("han_che", "2. Hạn chế", title="p"),
    ("c", "Phần II"),
    ("c", "PHƯƠNG HƯỚNG, NHIỆM VỤ CÔNG TÁC NĂM {{ nam_sau }}"),
    *optional("phuong_huong", "1. Phương hướng, nhiệm vụ"),
    *optional("giai_phap", "2. Giải pháp"),
    ("p", "{{ ket_thuc }}"),
]


def _font(run_or_style: object, size: float | None = None, bold: bool | None = None,
          italic: bool | None = None) -> None:
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = FONT
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    rpr = run_or_style.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _para(container: object, text: str, align: object = JUSTIFY, size: float = BODY_PT,
          bold: bool = False, italic: bool = False, indent: bool = False,
          after: float = 0) -> Paragraph:
    p = container.add_paragraph()  # type: ignore[attr-defined]
    return _format(p, text, align, size, bold, italic, indent, after)


def _format(p: Paragraph, text: str, align: Any = JUSTIFY, size: float = BODY_PT,
            bold: bool = False, italic: bool = False, indent: bool = False,
            after: float = 0) -> Paragraph:
    """Give a paragraph its alignment, spacing and one run of text."""
    p.alignment = align
    fmt = p.paragraph_format
    fmt.first_line_indent = INDENT if indent else Cm(0)
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    fmt.line_spacing = 1.0
    if text:
        _font(p.add_run(text), size, bold, italic)
    return p


def _rule(container: object, left: float, right: float) -> None:
    """A short horizontal rule: the bottom border of an empty, indented, 5 pt high paragraph."""
    p = _para(container, "", CENTER)
    p.paragraph_format.line_spacing = Pt(5)
    p.paragraph_format.space_after = Pt(6)
    p.paragraph_format.left_indent, p.paragraph_format.right_indent = Mm(left), Mm(right)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    p._p.get_or_add_pPr().append(borders)


def _borderless(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    table._tbl.tblPr.append(borders)


def _table(doc: object, rows: int, widths: tuple[int, ...], borders: bool) -> Table:
    """A fixed-layout table with its column widths (Word and LibreOffice both honour these)."""
    table = doc.add_table(rows=rows, cols=len(widths))  # type: ignore[attr-defined]
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if borders:
        table.style = "Table Grid"
    else:
        _borderless(table)
    for i, width in enumerate(widths):
        table.columns[i].width = width
        for cell in table.columns[i].cells:
            cell.width = width
    return table


def _header_block(doc: object) -> None:
    table = _table(doc, 2, (LEFT_COL, RIGHT_COL), borders=False)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _format(left.paragraphs[0], "{{ co_quan_chu_quan }}", CENTER, 13)
    _para(left, "{{ ten_co_quan_hoa }}", CENTER, 13, bold=True)
    _rule(left, 20, 20)
    _format(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", CENTER, 12.5, bold=True)
    _para(right, "Độc lập - Tự do - Hạnh phúc", CENTER, 13, bold=True)
    _rule(right, 20, 20)
    _format(table.cell(1, 0).paragraphs[0], "{{ so_ky_hieu }}", CENTER, 13)
    _format(table.cell(1, 1).paragraphs[0], "{{ dia_danh_ngay }}", CENTER, 14, italic=True)


PLEDGE_ROWS = [("Chỉ tiêu", "Đăng ký", "Kết quả", "Đánh giá"),
               ("{%tr for g in giao_uoc %}", "", "", ""),
               ("{{ g.chi_tieu }}", "{{ g.dang_ky }}", "{{ g.ket_qua }}", "{{ g.danh_gia }}"),
               ("{%tr endfor %}", "", "", "")]
COMPARE_ROWS = [("Chỉ số", "Năm {{ nam_truoc }}", "Năm {{ nam }}", "Thay đổi"),
                ("{%tr for s in so_sanh %}", "", "", ""),
                ("{{ s.chi_so }}", "{{ s.nam_truoc }}", "{{ s.nam_nay }}", "{{ s.thay_doi }}"),
                ("{%tr endfor %}", "", "", "")]


def _opening(doc: object, kind: str, *subject: str) -> None:
    """The header block, then the document's kind ("BÁO CÁO", "QUYẾT ĐỊNH"…) and its subject,
    bold and centred, over a short rule."""
    _header_block(doc)
    _para(doc, "", after=6)
    for line in (kind, *subject):
        _para(doc, line, CENTER, BODY_PT, bold=True)
    _rule(doc, 65, 65)


def _grid(doc: object, rows: Sequence[Sequence[str]], widths: tuple[int, ...]) -> None:
    """A bordered table: a bold header (repeated on each page), then a row repeated by
    {%tr for %} … {%tr endfor %}, no row split across pages; the widest column holds running
    text (justified), the others are centred."""
    table = _table(doc, len(rows), widths, borders=True)
    text_col = widths.index(max(widths))
    for r, row in enumerate(table.rows):  # rows whole on one page; the header on every page
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if r == 0:
            properties.append(OxmlElement("w:tblHeader"))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            align = JUSTIFY if c == text_col and r == 2 else CENTER
            _format(table.cell(r, c).paragraphs[0], text, align, 13, bold=r == 0, after=3)


def _signature(doc: object) -> None:
    table = _table(doc, 1, (Mm(80), Mm(85)), borders=False)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _format(left.paragraphs[0], "Nơi nhận:", LEFT, 12, bold=True, italic=True)
    for line in ("{%p for d in noi_nhan %}", "{{ d }}", "{%p endfor %}"):
        _para(left, line, LEFT, 11)
    _format(right.paragraphs[0], "{{ chuc_vu_nguoi_ky }}", CENTER, 14, bold=True)
    for _ in range(4):
        _para(right, "", CENTER)
    _para(right, "{{ nguoi_ky }}", CENTER, 14, bold=True)


def _page_numbers(section: object) -> None:
    """A centred PAGE field in the header, none on page 1 (different first page)."""
    section.different_first_page_header_footer = True  # type: ignore[attr-defined]
    p = section.header.paragraphs[0]  # type: ignore[attr-defined]
    p.alignment = CENTER
    run = p.add_run()
    _font(run, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _setup(doc: object) -> None:
    section = doc.sections[0]  # type: ignore[attr-defined]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]  # type: ignore[attr-defined]
    _font(normal, BODY_PT)
    fmt = normal.paragraph_format
    fmt.alignment, fmt.first_line_indent = JUSTIFY, INDENT
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(6), 1.15
    _page_numbers(section)


def write_body(doc: object, body: list[tuple[str, str]],
               tables: dict[str, tuple[Sequence[Sequence[str]], tuple[int, ...]]]) -> None:
    """The body's paragraphs in their styles (see BODY); a style named in `tables` is a
    bordered table of those rows and column widths."""
    for style, text in body:
        if style in tables:
            _grid(doc, *tables[style])
            _para(doc, "", size=6, after=6)  # the text below does not touch the table
        elif style == "tag":
            _para(doc, text)
        elif style == "c":
            _para(doc, text, CENTER, bold=True, after=6)
        elif style == "h":
            _para(doc, text, JUSTIFY, bold=True, indent=True, after=6)
        else:
            _para(doc, ("- " if style == "-" else "") + text, indent=True, after=6)


def write_report_template(path: Path) -> None:
    """Write the Word template of the report."""
    doc = Document()
    _setup(doc)
    _opening(doc, "BÁO CÁO", "Kết quả thực hiện giao ước thi đua năm {{ nam }},",
             "phương hướng nhiệm vụ năm {{ nam_sau }}")
    _para(doc, "", after=6)
    write_body(doc, BODY, {"table": (PLEDGE_ROWS, (Mm(80), Mm(27), Mm(30), Mm(28))),
                           "compare": (COMPARE_ROWS, (Mm(65), Mm(24), Mm(24), Mm(52)))})
    _para(doc, "")
    _signature(doc)
    doc.core_properties.title = "Báo cáo kết quả thực hiện giao ước thi đua"
    doc.core_properties.author = "thidua"
    doc.save(str(path))

"""The Word templates of the council's papers (issue 14), generated with python-docx in the
report's layout (report_template.py, Nghị định 30/2020/NĐ-CP):

- input_templates/mau_bien_ban.docx: the biên bản of the Hội đồng Thi đua - Khen thưởng's
  meeting (Phụ lục III's biên bản: time, place, who attended, chair and secretary, the business,
  the conclusion, signed by the secretary and the chair);
- input_templates/mau_to_trinh.docx: the tờ trình to the level above, then on a new page its
  danh sách đề nghị;
- input_templates/mau_bao_cao_thanh_tich.docx: one báo cáo thành tích per person proposed, in
  the decree's individual form, each from a new page.

The secretary may reword them in Word, keeping the tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Mm

from . import report_template as t
from .decision_template import RIGHT, _row_props

LIST_PT = 12
# A bordered list: (cells, style); "tag" rows vanish when rendered; a "group" row heads a part.
Rows = list[tuple[tuple[str, ...], str]]


def _grouped(head: tuple[str, ...], row: tuple[str, ...], total: tuple[str, ...] | None,
             variable: str) -> Rows:
    blank = ("",) * (len(head) - 1)
    group = ("{{ r.stt }}", "{{ r.ten }}") + ("",) * (len(head) - 2)
    rows: Rows = [(head, "head"), ((f"{{%tr for r in {variable} %}}", *blank), "tag"),
                  (("{%tr if r.nhom %}", *blank), "tag"), (group, "group"),
                  (("{%tr else %}", *blank), "tag"), (row, "row"),
                  (("{%tr endif %}", *blank), "tag"), (("{%tr endfor %}", *blank), "tag")]
    return rows + ([(total, "total")] if total else [])


VOTES = _grouped(("STT", "Tập thể, cá nhân", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ", "Kết quả"),
                 ("{{ r.stt }}", "{{ r.ten }}", "{{ r.don_vi }}", "{{ r.so_phieu }}",
                  "{{ r.ty_le }}", "{{ r.ket_qua }}"), None, "binh_xet")
VOTE_WIDTHS = (Mm(12), Mm(50), Mm(43), Mm(22), Mm(19), Mm(19))
PROPOSALS = _grouped(("STT", "Tập thể, cá nhân", "Chức vụ", "Đơn vị", "Hình thức đề nghị",
                      "Số phiếu đồng ý"),
                     ("{{ r.stt }}", "{{ r.ten }}", "{{ r.chuc_vu }}", "{{ r.don_vi }}",
                      "{{ r.hinh_thuc }}", "{{ r.so_phieu }}"),
                     ("", "{{ tong_so }}", "", "", "", ""), "danh_sach")
PROPOSAL_WIDTHS = (Mm(11), Mm(40), Mm(27), Mm(33), Mm(36), Mm(18))
TEXT_COLUMNS = {1, 2, 3}  # left-aligned: names, positions, units


def _list(doc: object, rows: Rows, widths: tuple[int, ...]) -> None:
    table = t._table(doc, len(rows), widths, borders=True)
    for r, (cells, style) in enumerate(rows):
        for c, text in enumerate(cells):
            align = t.LEFT if c in TEXT_COLUMNS and style in ("row", "group") else t.CENTER
            t._format(table.cell(r, c).paragraphs[0], text, align, LIST_PT,
                      bold=style in ("head", "group", "total"), after=2)
    _row_props(table, header=0)
    t._para(doc, "", size=6, after=6)


def _lines(doc: object, variable: str, lead: str = "", italic: bool = False) -> None:
    """One paragraph per item of a list variable."""
    t._para(doc, f"{{%p for d in {variable} %}}")
    t._para(doc, lead + "{{ d }}", indent=True, italic=italic, after=3)
    t._para(doc, "{%p endfor %}")


def _heading(doc: object, text: str) -> None:
    t._para(doc, text, bold=True, indent=True, after=6)


def _signed(doc: object, left: Sequence[str], right: Sequence[str]) -> None:
    """Two signatures side by side: titles in bold, a note in italics, room, then the name."""
    table = t._table(doc, 1, (Mm(82), Mm(83)), borders=False)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        title, note, name = lines
        t._format(cell.paragraphs[0], title, t.CENTER, 13, bold=True)
        if note:
            t._para(cell, note, t.CENTER, 13, italic=True)
        for _ in range(4):
            t._para(cell, "", t.CENTER)
        t._para(cell, name, t.CENTER, 14, bold=True)


def write_minutes_template(path: Path) -> None:
    """The biên bản of the council's meeting."""
    doc = Document()
    t._setup(doc)
    t._opening(doc, "BIÊN BẢN", "{{ tieu_de }}")
    for line in ("{{ thoi_gian }}", "{{ dia_diem }}", "{{ thanh_phan }}"):
        t._para(doc, line, indent=True, after=3)
    _lines(doc, "co_mat")
    t._para(doc, "{%p if vang_mat %}")
    t._para(doc, "Vắng mặt:", indent=True, after=3)
    _lines(doc, "vang_mat")
    t._para(doc, "{%p endif %}")
    for line in ("{{ chu_tri }}", "{{ thu_ky }}", "{{ dinh_so }}"):
        t._para(doc, line, indent=True, after=3)
    t._para(doc, "NỘI DUNG CUỘC HỌP", t.CENTER, bold=True, after=6)
    _heading(doc, "1. Kết quả thực hiện phong trào thi đua năm {{ nam }}")
    t._para(doc, "{{ mo_dau_ket_qua }}", indent=True, after=3)
    _lines(doc, "ket_qua_nam", "- ")
    _heading(doc, "2. Nguyên tắc bình xét")
    _lines(doc, "nguyen_tac", "- ")
    _heading(doc, "3. Kết quả bỏ phiếu")
    t._para(doc, "{{ mo_dau_binh_xet }}", indent=True, after=6)
    _list(doc, VOTES, VOTE_WIDTHS)
    _lines(doc, "ghi_chu", italic=True)
    _heading(doc, "4. Kết luận")
    _lines(doc, "ket_luan", "- ")
    t._para(doc, "{{ ket_thuc }}", indent=True, after=12)
    _signed(doc, ("THƯ KÝ", "", "{{ thu_ky_ten }}"),
            ("{{ chu_tri_chuc_danh }}", "", "{{ chu_tri_ten }}"))
    _save(doc, path, "Biên bản họp Hội đồng Thi đua - Khen thưởng")


def write_submission_template(path: Path) -> None:
    """The tờ trình to the level above, then its danh sách on a new page."""
    doc = Document()
    t._setup(doc)
    t._opening(doc, "TỜ TRÌNH", "{{ trich_yeu }}")
    t._para(doc, "Kính gửi: {{ kinh_gui }}", t.CENTER, after=12)
    _lines(doc, "can_cu")
    t._para(doc, "{{ noi_dung }}", indent=True, after=3)
    _lines(doc, "de_nghi", "- ")
    t._para(doc, "{{ kem_theo }}", indent=True, italic=True, after=3)
    t._para(doc, "{{ ket }}", indent=True, after=6)
    t._signature(doc)
    head = t._para(doc, "DANH SÁCH", t.CENTER, bold=True)
    head.paragraph_format.page_break_before = True
    t._para(doc, "{{ tieu_de_danh_sach }}", t.CENTER, bold=True)
    t._para(doc, "{{ kem_theo_to_trinh }}", t.CENTER, italic=True)
    t._rule(doc, 65, 65)
    _list(doc, PROPOSALS, PROPOSAL_WIDTHS)
    _save(doc, path, "Tờ trình đề nghị khen thưởng")


def _record(doc: object, title: str, variable: str, column: str) -> None:
    """A table of the titles or awards received: year, what, the decision."""
    t._para(doc, title, indent=True, after=3)
    rows = [("Năm", column, "Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định"),
            (f"{{%tr for d in b.{variable} %}}", "", ""),
            ("{{ d.nam }}", "{{ d.ten }}", "{{ d.quyet_dinh }}"), ("{%tr endfor %}", "", "")]
    table = t._table(doc, len(rows), (Mm(20), Mm(60), Mm(85)), borders=True)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            t._format(table.cell(r, c).paragraphs[0], text, t.CENTER if c == 0 else t.LEFT,
                      LIST_PT, bold=r == 0, after=2)
    _row_props(table, header=0)
    t._para(doc, "", size=6, after=6)


def write_achievements_template(path: Path) -> None:
    """One báo cáo thành tích per person proposed (the decree's individual form), each on its
    own pages: what the data knows filled in, the rest left for the person to write."""
    doc = Document()
    t._setup(doc)
    t._para(doc, "{%p for b in bao_cao %}")
    t._para(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", t.CENTER, 12.5, bold=True)
    t._para(doc, "Độc lập - Tự do - Hạnh phúc", t.CENTER, 13, bold=True)
    t._rule(doc, 55, 55)
    t._para(doc, "{{ b.dia_danh_ngay }}", RIGHT, italic=True, after=12)
    t._para(doc, "BÁO CÁO THÀNH TÍCH", t.CENTER, bold=True)
    t._para(doc, "{{ b.hinh_thuc }}", t.CENTER, bold=True, after=12)
    _heading(doc, "I. SƠ LƯỢC LÝ LỊCH")
    _lines(doc, "b.ly_lich", "- ")
    _heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    t._para(doc, "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:", indent=True, after=3)
    t._para(doc, "{{ b.nhiem_vu }}", indent=True, after=3)
    t._para(doc, "2. Thành tích đạt được của cá nhân:", indent=True, after=3)
    _lines(doc, "b.thanh_tich", "- ")
    _heading(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    _record(doc, "1. Danh hiệu thi đua:", "danh_hieu", "Danh hiệu thi đua")
    _record(doc, "2. Hình thức khen thưởng:", "khen_thuong", "Hình thức khen thưởng")
    _signed(doc, ("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ", "(Ký, đóng dấu)", ""),
            ("NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)", "{{ b.ho_ten }}"))
    t._para(doc, "{%p if not loop.last %}")
    t._para(doc, "").add_run().add_break(WD_BREAK.PAGE)
    t._para(doc, "{%p endif %}")
    t._para(doc, "{%p endfor %}")
    _save(doc, path, "Báo cáo thành tích đề nghị khen thưởng")


def _save(doc: object, path: Path, title: str) -> None:
    doc.core_properties.title = title  # type: ignore[attr-defined]
    doc.core_properties.author = "thidua"  # type: ignore[attr-defined]
    doc.save(str(path))  # type: ignore[attr-defined]

"""The tờ trình đề nghị khen thưởng to the level above and its danh sách, and one báo cáo thành
tích per person proposed (issue 14): every sentence with a name, a count or a vote built here,
rendered into the secretary's templates (council_template.py) by the report's renderer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .. import fmt, schema
from ..figures.council import Council, title_of
from ..figures.decisions import Candidate, Dossier, cited
from ..figures.proposals import Submission
from ..model import Dataset, Person
from .decision_report import authority
from .minutes import BLANK, ROMAN, label, render_as, verb

DOCS = "docs/bien_mau_to_trinh.md"
TEMPLATE = "mau_to_trinh.docx"
REPORT_DOCS = "docs/bien_mau_bao_cao_thanh_tich.md"
REPORT_TEMPLATE = "mau_bao_cao_thanh_tich.docx"
WRITE = "……………………"  # the person's own narrative, left to write
EARLIER_ROWS = 2  # blank rows for the years before, to fill from the records

VARIABLES: dict[str, str] = {
    "co_quan_chu_quan": "Tên cơ quan chủ quản, viết hoa (\"UBND TỈNH QUẢNG NGÃI\").",
    "ten_co_quan_hoa": "Tên cơ quan viết hoa, ở góc trái phần đầu văn bản.",
    "so_ky_hieu": "Dòng số, ký hiệu để văn thư điền số (\"Số:      /TTr-BDT\").",
    "dia_danh_ngay": "Địa danh, ngày tháng năm: như các quyết định khen thưởng (ô Ngày quyết "
                     "định khen thưởng, không có thì Ngày báo cáo).",
    "trich_yeu": "Trích yếu (\"Về việc đề nghị khen thưởng cho tập thể, cá nhân có thành tích "
                 "xuất sắc năm 2023\").",
    "kinh_gui": "Nơi nhận tờ trình (ô Nơi nhận tờ trình), sau chữ \"Kính gửi:\".",
    "can_cu": "Các dòng căn cứ: luật, nghị định có hiệu lực ở ngày tờ trình, quy chế thi đua, "
              "khen thưởng của cơ quan, biên bản họp Hội đồng Thi đua - Khen thưởng.",
    "noi_dung": "Câu đề nghị: cơ quan kính đề nghị ai (ô Người xét tờ trình) khen thưởng cho "
                "bao nhiêu tập thể, cá nhân.",
    "de_nghi": "Mỗi danh hiệu, hình thức đề nghị một dòng, kèm số và tên tập thể, cá nhân.",
    "kem_theo": "Dòng \"(Có danh sách, báo cáo thành tích … kèm theo).\".",
    "ket": "Câu kết (\"Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.\").",
    "chuc_vu_nguoi_ky": "Chức vụ người ký, viết hoa (\"TRƯỞNG BAN\").",
    "nguoi_ky": "Họ và tên người ký.",
    "noi_nhan": "Danh sách nơi nhận (\"- Như trên;\", \"- Lưu: VT.\").",
    "tieu_de_danh_sach": "Dòng dưới chữ DANH SÁCH.",
    "kem_theo_to_trinh": "Dòng \"(Kèm theo Tờ trình số      /TTr-BDT ngày … của …)\".",
    "danh_sach": "Các dòng của danh sách đề nghị, theo hình thức đề nghị; mỗi dòng có r.stt, "
                 "r.ten, r.chuc_vu, r.don_vi, r.hinh_thuc, r.so_phieu (\"06/07\", trống khi "
                 "không có bình xét); dòng tiêu đề nhóm (I, II…) có r.nhom khác rỗng.",
    "tong_so": "Ô tổng cộng ở cuối danh sách (\"Tổng cộng: 01 tập thể và 01 cá nhân\").",
}
ITEMS: dict[str, tuple[str, ...]] = {
    "danh_sach": ("nhom", "stt", "ten", "chuc_vu", "don_vi", "hinh_thuc", "so_phieu"),
}
REPORT_VARIABLES: dict[str, str] = {
    "bao_cao": "Mỗi cá nhân được đề nghị một báo cáo (bắt đầu ở trang mới); mỗi báo cáo có "
               "b.dia_danh_ngay, b.hinh_thuc (\"ĐỀ NGHỊ TẶNG DANH HIỆU …\"), b.ho_ten, b.ly_lich "
               "(các dòng sơ lược lý lịch: dữ liệu có thì điền, còn lại để chấm), b.nhiem_vu, "
               "b.thanh_tich (xếp loại, danh hiệu, sáng kiến năm nay; phần tự viết), b.danh_hieu "
               "và b.khen_thuong (các dòng d.nam, d.ten, d.quyet_dinh).",
}
REPORT_ITEMS: dict[str, tuple[str, ...]] = {
    "bao_cao": ("dia_danh_ngay", "hinh_thuc", "ho_ten", "ly_lich", "nhiem_vu", "thanh_tich",
                "danh_hieu", "khen_thuong"),
    "bao_cao.danh_hieu": ("nam", "ten", "quyet_dinh"),
}


def _counted(cs: list[Candidate]) -> str:
    groups = sum(1 for c in cs if c.group)
    parts = [f"{fmt.count(groups)} tập thể"] if groups else []
    people = len(cs) - groups
    return fmt.join_vi(parts + ([f"{fmt.count(people)} cá nhân"] if people else []))


def _by_award(sent: Submission) -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {}
    for c in sent.proposals:
        out.setdefault(c.award.title, []).append(c)
    return out


def _votes(c: Candidate, met: Council | None) -> str:
    v = met.verdict(c) if met else None
    return fmt.ratio(v.vote.votes, v.base) if v and v.base else ""


def _rows(sent: Submission, met: Council | None) -> list[dict[str, str]]:
    rows = []
    for i, (title, cs) in enumerate(_by_award(sent).items()):
        rows.append({"nhom": "x", "stt": ROMAN[i] if i < len(ROMAN) else str(i + 1),
                     "ten": label(title), "chuc_vu": "", "don_vi": "", "hinh_thuc": "",
                     "so_phieu": ""})
        rows += [{"nhom": "", "stt": str(n), "ten": c.name, "chuc_vu": c.position,
                  "don_vi": "" if c.group else c.unit, "hinh_thuc": title,
                  "so_phieu": _votes(c, met)} for n, c in enumerate(cs, start=1)]
    return rows


def _asks(sent: Submission) -> list[str]:
    grouped = list(_by_award(sent).items())
    return [f"{verb(t).capitalize()} {label(t)[0].lower()}{label(t)[1:]} cho "
            f"{_counted(cs)}: {', '.join(c.name for c in cs)}" + ("." if i == len(grouped) - 1
                                                                   else ";")
            for i, (t, cs) in enumerate(grouped)]


def build_context(sent: Submission, met: Council | None, made: Dossier, data: Dataset,
                  today: date) -> dict[str, Any]:
    """Every variable of the tờ trình template (docs/bien_mau_to_trinh.md)."""
    info, agency, year = data.agency.info, data.agency.name, data.agency.year
    to_title = str(info.get(schema.TO_TITLE) or "").strip() or "cấp có thẩm quyền"
    symbol = str(info["Ký hiệu cơ quan"])
    rules = cited(info.get("Quy chế thi đua, khen thưởng"), "Căn cứ")
    texts = [*(made.basis.van_ban if made.basis else ()), rules]
    basis = [f"Căn cứ {text};" for text in texts if text]
    meeting = info.get(schema.MEETING_DATE)
    if met is not None and isinstance(meeting, date):
        basis.append(f"Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng {agency} ngày "
                     f"{fmt.day(meeting)},")
    attached = ["danh sách", "báo cáo thành tích"] + (
        ["biên bản họp Hội đồng Thi đua - Khen thưởng"] if met else [])
    day = fmt.day(made.dated) if made.dated else fmt.day_blank(today)
    return {
        "co_quan_chu_quan": str(info["Cơ quan chủ quản"]).upper(),
        "ten_co_quan_hoa": agency.upper(),
        "so_ky_hieu": f"Số:      /TTr-{symbol}",
        "dia_danh_ngay": fmt.place_date(str(info["Địa danh"]), made.dated, today),
        "trich_yeu": f"Về việc đề nghị khen thưởng cho {_kinds(sent)} có thành tích xuất sắc "
                     f"năm {year}",
        "kinh_gui": str(info.get(schema.TO_WHOM) or "").strip() or BLANK,
        "can_cu": basis,
        "noi_dung": f"{agency} kính đề nghị {to_title} xem xét, khen thưởng cho "
                    f"{_counted(list(sent.proposals))} có thành tích xuất sắc năm {year}, cụ thể:",
        "de_nghi": _asks(sent),
        "kem_theo": f"(Có {fmt.join_vi(attached)} kèm theo).",
        "ket": f"Kính trình {to_title} xem xét, quyết định./.",
        "chuc_vu_nguoi_ky": str(info["Chức vụ người ký"]).upper(),
        "nguoi_ky": str(info["Người ký"]),
        "noi_nhan": ["- Như trên;", "- Lưu: VT."],
        "tieu_de_danh_sach": f"{_kinds(sent).capitalize()} được đề nghị khen thưởng năm {year}",
        "kem_theo_to_trinh": f"(Kèm theo Tờ trình số      /TTr-{symbol} ngày {day} của "
                             f"{agency})",
        "danh_sach": _rows(sent, met),
        "tong_so": f"Tổng cộng: {_counted(list(sent.proposals))}",
    }


def _kinds(sent: Submission) -> str:
    groups = any(c.group for c in sent.proposals)
    people = any(c.person for c in sent.proposals)
    return "tập thể, cá nhân" if groups and people else "tập thể" if groups else "cá nhân"


# --- the báo cáo thành tích of each person proposed -------------------------------------------

def _decided(p: Person, made: Dossier, data: Dataset) -> dict[str, str] | None:
    """This year's title of `p` on a decision written (the highest), as the record's row."""
    head = authority(str(data.agency.info["Chức vụ người ký"]), data.agency.name)
    symbol = data.agency.info["Ký hiệu cơ quan"]
    for title in (schema.CSTDCS, schema.LDTT):
        for d in made.decisions:
            on = any(line.candidate.person is p for a in d.lists if a.award.title == title
                     for line in a.lines)
            if d.written and on:
                day = fmt.day(made.dated) if made.dated else BLANK
                return {"nam": str(made.year), "ten": title,
                        "quyet_dinh": f"Quyết định số      /QĐ-{symbol} ngày {day} của {head}"}
    return None


def _achievement(c: Candidate, made: Dossier, data: Dataset) -> dict[str, Any]:
    p = c.person
    assert p is not None
    year, agency = data.agency.year, data.agency.name
    titles = [row] if (row := _decided(p, made, data)) else []
    earlier = [{"nam": str(year - n), "ten": BLANK, "quyet_dinh": BLANK}
               for n in range(1, EARLIER_ROWS + 1)]
    done = [f"Kết quả đánh giá, xếp loại năm {year}: {p.rating}."]
    if p.title != schema.NONE:
        done.append(f"Danh hiệu thi đua năm {year}: {p.title}.")
    if p.initiative:
        done.append(f"Sáng kiến được công nhận: “{p.initiative}”.")
    done.append(f"Thành tích đạt được (người được đề nghị tự viết): {WRITE}")
    return {
        "dia_danh_ngay": fmt.place_date(str(data.agency.info["Địa danh"]), None, made.when),
        "hinh_thuc": f"ĐỀ NGHỊ {verb(title_of(c)).upper()} {label(title_of(c)).upper()} NĂM {year}",
        "ho_ten": p.name,
        "ly_lich": [f"Họ và tên: {p.name}",
                    f"Sinh năm: {p.birth_year or BLANK}; Giới tính: {BLANK}",
                    f"Quê quán: {BLANK}", f"Trú quán: {BLANK}",
                    f"Đơn vị công tác: {p.unit}, {agency}",
                    f"Chức vụ (Đảng, chính quyền, đoàn thể): {p.position or BLANK}",
                    f"Trình độ chuyên môn, nghiệp vụ: {BLANK}",
                    f"Học hàm, học vị, danh hiệu, giải thưởng: {BLANK}"],
        "nhiem_vu": f"(Người được đề nghị tự viết: quyền hạn, nhiệm vụ được giao hoặc đảm "
                    f"nhận) {WRITE}",
        "thanh_tich": done,
        "danh_hieu": titles + earlier,
        "khen_thuong": [{"nam": BLANK, "ten": BLANK, "quyet_dinh": BLANK}],
    }


def achievements(sent: Submission, made: Dossier, data: Dataset) -> dict[str, Any]:
    """Every variable of the báo cáo thành tích template: one report per person proposed."""
    return {"bao_cao": [_achievement(c, made, data) for c in sent.proposals if c.person]}


def render(template: Path, context: dict[str, Any], variables: dict[str, str],
           items: dict[str, tuple[str, ...]]) -> bytes:
    """The tờ trình, or the báo cáo thành tích, as .docx bytes (by the variables given)."""
    if variables is REPORT_VARIABLES:
        return render_as(template, context, variables, items, REPORT_DOCS, "báo cáo thành tích")
    return render_as(template, context, variables, items, DOCS, "tờ trình")


def variables_reference(report: bool = False) -> str:
    """The Vietnamese reference page of the tờ trình's (or báo cáo thành tích's) variables."""
    from .report import variables_reference as page

    if report:
        return page(REPORT_TEMPLATE, REPORT_VARIABLES).replace(
            "mẫu báo cáo", "mẫu báo cáo thành tích", 1)
    return page(TEMPLATE, VARIABLES).replace("mẫu báo cáo", "mẫu tờ trình đề nghị khen thưởng", 1)

"""The dossier's decisions in Word: every sentence with a name, a count or an amount built here
from the dossier (decisions.py), rendered into the secretary's template (decision_template.py)
by the report's renderer: pre-flight, sandbox, autoescape, StrictUndefined."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from .. import fmt
from ..config import HoSo
from ..errors import TemplateError
from ..figures.decisions import CSTDCS, LDTT, PROPOSER, AwardList, Decision, Dossier, Kind, cited
from ..model import Dataset
from . import preflight, report

DOCS = "docs/bien_mau_quyet_dinh.md"
TEMPLATE = "mau_quyet_dinh.docx"
BLANK = "…………………"  # a blank the secretary fills by hand
ROMAN = ("I", "II", "III", "IV", "V")
RECIPIENTS = ["- Như Điều 3;", "- Lưu: VT."]

VARIABLES: dict[str, str] = {
    "co_quan_chu_quan": "Tên cơ quan chủ quản, viết hoa (\"UBND TỈNH QUẢNG NGÃI\").",
    "ten_co_quan_hoa": "Tên cơ quan viết hoa, ở góc trái phần đầu văn bản.",
    "so_ky_hieu": "Dòng số, ký hiệu để văn thư điền số (\"Số:      /QĐ-BDT\").",
    "dia_danh_ngay": "Địa danh, ngày tháng năm (\"Quảng Ngãi, ngày 15 tháng 01 năm 2024\"): ngày "
                     "ở ô Ngày quyết định khen thưởng, không có thì Ngày báo cáo, không có nữa thì "
                     "để trống ngày cho người ký.",
    "trich_yeu": "Trích yếu (\"Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2023\").",
    "tham_quyen": "Thẩm quyền ban hành, viết hoa (\"TRƯỞNG BAN DÂN TỘC TỈNH QUẢNG NGÃI\"), từ "
                  "Chức vụ người ký và Tên cơ quan.",
    "can_cu": "Danh sách dòng căn cứ: văn bản quy định chức năng, nhiệm vụ của cơ quan (ô Quyết "
              "định thành lập), luật và nghị định có hiệu lực ở ngày quyết định (bảng "
              "[[ho_so.can_cu]] của config.toml), quy chế thi đua, khen thưởng của cơ quan.",
    "xet_de_nghi": "Dòng \"Xét đề nghị của Chánh Văn phòng Ban.\" (ô Xét đề nghị của).",
    "dieu_1": "Nội dung Điều 1: công nhận danh hiệu hoặc tặng Giấy khen, số cá nhân, tập thể.",
    "dieu_2": "Nội dung Điều 2: mức thưởng, tổng số tiền thưởng bằng số và bằng chữ, mức lương "
              "cơ sở tính thưởng.",
    "dieu_3": "Nội dung Điều 3: hiệu lực, người thi hành.",
    "chuc_vu_nguoi_ky": "Chức vụ người ký, viết hoa (\"TRƯỞNG BAN\").",
    "nguoi_ky": "Họ và tên người ký.",
    "noi_nhan": "Danh sách nơi nhận (\"- Như Điều 3;\", \"- Lưu: VT.\").",
    "tieu_de_danh_sach": "Dòng dưới chữ DANH SÁCH (\"Cá nhân đạt danh hiệu “Lao động tiên tiến” "
                         "năm 2023\").",
    "kem_theo": "Dòng \"(Kèm theo Quyết định số      /QĐ-BDT ngày … của …)\".",
    "cot_ten": "Tên cột thứ hai của danh sách: \"Họ và tên\", \"Tên tập thể\" hoặc \"Tên tập "
               "thể, cá nhân\".",
    "danh_sach": "Các dòng của danh sách, theo đơn vị (thứ tự ở sheet Đơn vị của phiếu Cơ quan) "
                 "rồi theo tên; mỗi dòng có r.stt, r.ten, r.chuc_vu, r.don_vi, r.muc_thuong; dòng "
                 "tiêu đề nhóm (I, II…) có r.nhom khác rỗng.",
    "tong_tien": "Tổng số tiền thưởng của danh sách (\"9.720.000\").",
    "ghi_chu": "Danh sách ghi chú dưới bảng (\"(*) …\"), có thể rỗng.",
    "tong_so": "Ô tổng cộng ở cuối danh sách (\"Tổng cộng: 20 cá nhân\").",
}
ITEMS: dict[str, tuple[str, ...]] = {
    "danh_sach": ("nhom", "stt", "ten", "chuc_vu", "don_vi", "muc_thuong"),
}


def authority(title: str, agency: str) -> str:
    """"Trưởng Ban Dân tộc tỉnh Quảng Ngãi" from "TRƯỞNG BAN" and "Ban Dân tộc tỉnh Quảng Ngãi":
    the words the title ends and the name begins with are said once."""
    words, name = title.split(), agency.split()
    for k in range(min(len(words), len(name)), 0, -1):
        if [w.casefold() for w in words[-k:]] == [w.casefold() for w in name[:k]]:
            words = words[:-k]
            break
    lead = " ".join(words).lower()
    return f"{lead[:1].upper()}{lead[1:]} {agency}".strip()


def _quote(title: str) -> str:
    return f"“{title}”"


def _kind_words(d: Decision) -> str:
    groups, people = d.counts
    return "tập thể, cá nhân" if groups and people else "tập thể" if groups else "cá nhân"


def _subject(d: Decision, year: int) -> str:
    if not d.kind.confers_titles:
        return (f"Về việc tặng Giấy khen cho {_kind_words(d)} có thành tích trong thực hiện "
                f"nhiệm vụ năm {year}")
    if len(d.kind.awards) > 1:
        return f"Về việc công nhận danh hiệu thi đua năm {year}"
    return f"Về việc công nhận danh hiệu {_quote(d.lists[0].award.title)} năm {year}"


def _list_title(d: Decision, year: int) -> str:
    if not d.kind.confers_titles:
        return f"{_kind_words(d).capitalize()} được tặng Giấy khen năm {year}"
    if len(d.kind.awards) > 1:
        return f"Cá nhân, tập thể đạt danh hiệu thi đua năm {year}"
    award = d.lists[0].award
    return f"{'Tập thể' if award.collective else 'Cá nhân'} đạt danh hiệu " \
           f"{_quote(award.title)} năm {year}"


def _article_1(d: Decision, agency: str, head: str, year: int) -> str:
    if not d.kind.confers_titles:
        return (f"Tặng Giấy khen của {head} cho {d.counted} thuộc {agency} đã có "
                f"thành tích trong thực hiện nhiệm vụ năm {year} (có danh sách kèm theo).")
    if len(d.kind.awards) == 1:
        a = d.lists[0]
        who = "tập thể" if a.award.collective else "cá nhân"
        return (f"Công nhận danh hiệu {_quote(a.award.title)} năm {year} cho "
                f"{fmt.count(len(a.lines))} {who} thuộc {agency} (có danh sách kèm theo).")
    parts = [f"{fmt.count(len(a.lines))} {'tập thể' if a.award.collective else 'cá nhân'} đạt "
             f"danh hiệu {_quote(a.award.title)}" for a in d.lists]
    return (f"Công nhận danh hiệu thi đua năm {year} cho các cá nhân, tập thể thuộc {agency} (có "
            f"danh sách kèm theo), gồm: {fmt.join_vi(parts)}.")


def _rate(a: AwardList, named: bool) -> str:
    """"mỗi cá nhân được thưởng 540.000 đồng (0,3 lần mức lương cơ sở)"; `named`: with the
    title, when the decision confers several."""
    who = "tập thể" if a.award.collective else "cá nhân"
    if named:
        who += f" đạt danh hiệu {_quote(a.award.title)}"
    said = (f"mỗi {who} được thưởng {fmt.money(a.bonus.amount)} "
            f"({fmt.coefficient(a.bonus.coefficient)} lần mức lương cơ sở)")
    elsewhere = sum(line.bonus is None for line in a.lines)
    if elsewhere and a.award is LDTT:
        said += (f", riêng {fmt.count(elsewhere)} cá nhân đạt danh hiệu {_quote(CSTDCS.title)} "
                 "hưởng mức tiền thưởng cao nhất của danh hiệu đó")
    return said


def _article_2(d: Decision, dossier: Dossier, agency: str) -> str:
    named = d.kind.confers_titles and len(d.lists) > 1
    rates = "; ".join(_rate(a, named) for a in d.lists)
    salary = dossier.salary
    base = (f" Mức lương cơ sở tính tiền thưởng: {fmt.money(salary.muc)} ({salary.can_cu})."
            if salary else "")
    return (f"{rates[:1].upper()}{rates[1:]}. Tổng số tiền thưởng là {fmt.money(d.total)} (Bằng "
            f"chữ: {fmt.in_words(d.total)}), chi từ quỹ thi đua, khen thưởng của {agency}."
            + base)


def _article_3(d: Decision, agency: str, staff: str) -> str:
    runners = [staff] if staff else []
    runners.append(f"Thủ trưởng các đơn vị thuộc {agency}")
    runners.append(f"các {_kind_words(d)} có tên tại Điều 1")
    return (f"Quyết định này có hiệu lực kể từ ngày ký. {fmt.join_vi(runners)} chịu trách "
            "nhiệm thi hành Quyết định này./.")


def _rows(d: Decision) -> list[dict[str, str]]:
    """The list's rows: a heading row per list when there are several, then its lines."""
    rows = []
    for i, a in enumerate(d.lists):
        if len(d.lists) > 1:
            heading = f"Danh hiệu {_quote(a.award.title)}" if d.kind.confers_titles \
                else "Tập thể" if a.award.collective else "Cá nhân"
            rows.append({"nhom": "x", "stt": ROMAN[i], "ten": heading, "chuc_vu": "",
                         "don_vi": "", "muc_thuong": fmt.number(a.total)})
        for n, line in enumerate(a.lines, start=1):
            c = line.candidate
            rows.append({"nhom": "", "stt": str(n), "ten": c.name, "chuc_vu": c.position,
                         "don_vi": "" if c.group else c.unit,
                         "muc_thuong": fmt.number(line.amount) if line.bonus else "(*)"})
    return rows


def _notes(d: Decision) -> list[str]:
    if not any(line.bonus is None for a in d.lists for line in a.lines):
        return []
    return [f"(*) Đạt danh hiệu {_quote(CSTDCS.title)}: hưởng mức tiền thưởng của danh hiệu này "
            f"(mức cao nhất), không hưởng thêm tiền thưởng danh hiệu {_quote(LDTT.title)}."]


def _basis(dossier: Dossier, info: dict[str, Any]) -> list[str]:
    founding = cited(info.get("Quyết định thành lập"), "Căn cứ")
    rules = cited(info.get("Quy chế thi đua, khen thưởng"), "Căn cứ")
    texts = [founding, *(dossier.basis.van_ban if dossier.basis else ()), rules]
    return [f"Căn cứ {text};" for text in texts if text]


def _attached(d: Dossier, symbol: str, head: str, today: date) -> str:
    day = fmt.day(d.dated) if d.dated else fmt.day_blank(today)
    return f"(Kèm theo Quyết định số      /QĐ-{symbol} ngày {day} của {head})"


def build_context(d: Decision, dossier: Dossier, data: Dataset, today: date) -> dict[str, Any]:
    """Every variable of the decision template (docs/bien_mau_quyet_dinh.md)."""
    info, agency, year = data.agency.info, data.agency.name, dossier.year
    head = authority(str(info["Chức vụ người ký"]), agency)
    staff = cited(info.get(PROPOSER), "Xét đề nghị của")  # who carries the decision out
    groups, people = d.counts
    return {
        "co_quan_chu_quan": str(info["Cơ quan chủ quản"]).upper(),
        "ten_co_quan_hoa": agency.upper(),
        "so_ky_hieu": f"Số:      /QĐ-{info['Ký hiệu cơ quan']}",
        "dia_danh_ngay": fmt.place_date(str(info["Địa danh"]), dossier.dated, today),
        "trich_yeu": _subject(d, year),
        "tham_quyen": head.upper(),
        "can_cu": _basis(dossier, info),
        "xet_de_nghi": f"Xét đề nghị của {dossier.proposed_by or BLANK}.",
        "dieu_1": _article_1(d, agency, head, year),
        "dieu_2": _article_2(d, dossier, agency),
        "dieu_3": _article_3(d, agency, staff),
        "chuc_vu_nguoi_ky": str(info["Chức vụ người ký"]).upper(),
        "nguoi_ky": str(info["Người ký"]),
        "noi_nhan": RECIPIENTS,
        "tieu_de_danh_sach": _list_title(d, year),
        "kem_theo": _attached(dossier, str(info["Ký hiệu cơ quan"]), head, today),
        "cot_ten": "Tên tập thể, cá nhân" if groups and people else
                   "Tên tập thể" if groups else "Họ và tên",
        "danh_sach": _rows(d),
        "tong_tien": fmt.number(d.total),
        "ghi_chu": _notes(d),
        "tong_so": f"Tổng cộng: {d.counted}",
    }


def render(template: Path, context: dict[str, Any]) -> bytes:
    """One decision as .docx bytes; a template problem is a TemplateError about this
    template, pointing at its own variables' page."""
    try:
        return report.render(template, context, VARIABLES, ITEMS)
    except TemplateError as exc:  # the renderer speaks of the report: say which template
        said = str(exc).replace(preflight.DOCS, DOCS)
        raise TemplateError(said.replace("Mẫu báo cáo", "Mẫu quyết định")
                            .replace("mẫu báo cáo", "mẫu quyết định")) from None


def render_all(settings: HoSo, dossier: Dossier, data: Dataset, today: date
               ) -> dict[Kind, bytes]:
    """Each decision that may be written, rendered; the template is checked before the first."""
    return {d.kind: render(settings.mau_quyet_dinh, build_context(d, dossier, data, today))
            for d in dossier.decisions if d.written}


def variables_reference() -> str:
    """The Vietnamese reference page of the decision template's variables (Markdown)."""
    page = report.variables_reference(TEMPLATE, VARIABLES)
    return page.replace("mẫu báo cáo", "mẫu quyết định khen thưởng", 1)

"""The khối's Word report: its template (input_templates/mau_bao_cao_khoi.docx, generated in
the official layout of the agency report) and every sentence with a figure, built from the
khối run."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Mm

from .. import fmt, schema
from ..config import Config
from ..documents import report as agency_report
from ..documents import report_template
from ..figures.aggregate import Metric
from ..figures.compare import Change
from .model import KhoiOutcome, pledge_counts
from .score import method, tie_rule

PLACEHOLDER = "…………………"  # a blank the signer fills by hand (no khối workbook)

VARIABLES: dict[str, str] = {
    "co_quan_chu_quan": "Cơ quan chủ quản, viết hoa (\"UBND TỈNH QUẢNG NGÃI\").",
    "ten_co_quan_hoa": "Cơ quan khối trưởng, viết hoa.",
    "so_ky_hieu": "Dòng số, ký hiệu (\"Số:      /BC-VP\").",
    "dia_danh_ngay": "Địa danh, ngày tháng năm.",
    "ten_khoi": "Tên khối thi đua.",
    "nam": "Năm báo cáo.",
    "tinh_hinh": "Câu về số cơ quan thành viên và số đã có kết quả.",
    "quy_mo": "Câu về tổng số cá nhân, tập thể của các cơ quan có kết quả.",
    "ket_qua_khoi": "Danh sách câu kết quả chung của khối (tỷ lệ gộp của các cơ quan).",
    "nam_truoc": "Năm trước (khi có kết quả của khối năm trước).",
    "so_sanh": "Danh sách chỉ số của khối so với năm trước: s.chi_so, s.nam_truoc, s.nam_nay, "
               "s.thay_doi.",
    "thanh_vien": "Danh sách cơ quan: t.stt, t.ten, t.htt, t.ldtt, t.cstdcs, t.nhiem_vu, "
                  "t.chi_tieu.",
    "chua_dat": "Danh sách câu về các chỉ tiêu giao ước cơ quan chưa đạt.",
    "cach_cham": "Câu mở đầu phần chấm điểm.",
    "tieu_chi": "Danh sách tiêu chí chấm điểm, mỗi tiêu chí kèm điểm tối đa và cách tính.",
    "bang_diem": "Quy tắc xếp hạng khi bằng điểm.",
    "xep_hang": "Danh sách xếp hạng: x.hang, x.ten, x.diem, x.de_nghi.",
    "de_nghi": "Danh sách câu đề nghị khen thưởng.",
    "chuc_vu_nguoi_ky": "Chức vụ người ký, viết hoa.",
    "nguoi_ky": "Họ và tên người ký.",
    "noi_nhan": "Danh sách nơi nhận, mỗi nơi một dòng.",
}

ITEMS: dict[str, tuple[str, ...]] = {  # the attributes of each list variable's rows
    "so_sanh": ("chi_so", "nam_truoc", "nam_nay", "thay_doi"),
    "thanh_vien": ("stt", "ten", "htt", "ldtt", "cstdcs", "nhiem_vu", "chi_tieu"),
    "xep_hang": ("hang", "ten", "diem", "de_nghi"),
}

BODY: list[tuple[str, str]] = [
    ("h", "I. TÌNH HÌNH CHUNG"),
    ("p", "{{ tinh_hinh }}"),
    ("p", "{{ quy_mo }}"),
    ("h", "II. KẾT QUẢ THỰC HIỆN GIAO ƯỚC THI ĐUA CỦA CÁC CƠ QUAN THÀNH VIÊN"),
    ("h", "1. Kết quả chung của Khối"),
    ("tag", "{%p for d in ket_qua_khoi %}"), ("-", "{{ d }}"), ("tag", "{%p endfor %}"),
    ("tag", "{%p if so_sanh %}"),
    ("p", "So với năm {{ nam_truoc }}, các chỉ số chung của Khối như sau:"),
    ("compare", ""),
    ("tag", "{%p endif %}"),
    ("h", "2. Kết quả của từng cơ quan"),
    ("members", ""),
    ("tag", "{%p for d in chua_dat %}"), ("-", "{{ d }}"), ("tag", "{%p endfor %}"),
    ("h", "III. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG"),
    ("p", "{{ cach_cham }}"),
    ("tag", "{%p for d in tieu_chi %}"), ("-", "{{ d }}"), ("tag", "{%p endfor %}"),
    ("p", "{{ bang_diem }}"),
    ("ranking", ""),
    ("h", "IV. ĐỀ NGHỊ KHEN THƯỞNG"),
    ("tag", "{%p for d in de_nghi %}"), ("-", "{{ d }}"), ("tag", "{%p endfor %}"),
    ("p", "Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm {{ nam }} của "
          "{{ ten_khoi }}./."),
]

MEMBER_ROWS = [("STT", "Cơ quan", "Hoàn thành tốt trở lên", "Lao động tiên tiến",
                "Chiến sĩ thi đua cơ sở", "Nhiệm vụ hoàn thành", "Chỉ tiêu đạt, vượt"),
               ("{%tr for t in thanh_vien %}", "", "", "", "", "", ""),
               ("{{ t.stt }}", "{{ t.ten }}", "{{ t.htt }}", "{{ t.ldtt }}", "{{ t.cstdcs }}",
                "{{ t.nhiem_vu }}", "{{ t.chi_tieu }}"),
               ("{%tr endfor %}", "", "", "", "", "", "")]
RANK_ROWS = [("Hạng", "Cơ quan", "Tổng điểm", "Đề nghị"),
             ("{%tr for x in xep_hang %}", "", "", ""),
             ("{{ x.hang }}", "{{ x.ten }}", "{{ x.diem }}", "{{ x.de_nghi }}"),
             ("{%tr endfor %}", "", "", "")]
TABLES: dict[str, tuple[Sequence[Sequence[str]], tuple[int, ...]]] = {
    "compare": (report_template.COMPARE_ROWS, (Mm(65), Mm(24), Mm(24), Mm(52))),
    "members": (MEMBER_ROWS, (Mm(13), Mm(42), Mm(22), Mm(22), Mm(22), Mm(22), Mm(22))),
    "ranking": (RANK_ROWS, (Mm(15), Mm(70), Mm(22), Mm(58))),
}


def write_template(path: Path) -> None:
    """Write the Word template of the khối report."""
    t = report_template
    doc = Document()
    t._setup(doc)
    t._opening(doc, "BÁO CÁO", "Tổng kết công tác thi đua, khen thưởng năm {{ nam }}",
               "của {{ ten_khoi }}")
    t._para(doc, "", after=6)
    t.write_body(doc, BODY, TABLES)
    t._para(doc, "")
    t._signature(doc)
    doc.core_properties.title = "Báo cáo tổng kết thi đua của khối"
    doc.core_properties.author = "thidua"
    doc.save(str(path))


# --- the context --------------------------------------------------------------------------

def _rate(pair: tuple[int, int]) -> str:
    return fmt.percent(Fraction(*pair)) if pair[1] else "—"


def _cell(pair: tuple[int, int]) -> str:
    """"18/20 (90%)" in a table cell; a dash when there is no base."""
    return f"{fmt.ratio(*pair)} ({_rate(pair)})" if pair[1] else "—"


def _members(outcome: KhoiOutcome) -> list[dict[str, str]]:
    rows = []
    for i, r in enumerate(outcome.members, start=1):
        c = pledge_counts(r)
        reached = c[schema.MET] + c[schema.EXCEEDED]
        rows.append({
            "stt": str(i), "ten": r.name,
            "htt": _cell(r.metrics[schema.M_GOOD]), "ldtt": _cell(r.metrics[schema.M_LDTT]),
            "cstdcs": _cell(r.metrics[schema.M_CSTDCS]),
            "nhiem_vu": _cell(r.metrics[schema.M_TASKS]),
            "chi_tieu": fmt.ratio(reached, len(r.pledges)) if r.pledges else "—"})
    return rows


def _short_falls(outcome: KhoiOutcome) -> list[str]:
    lines = []
    for r in outcome.members:
        failed = [p for p in r.pledges if p.status == schema.NOT_MET]
        if failed:
            listed = "; ".join(f"{p.text} ({p.actual_text}, đăng ký {p.target_text})"
                               if p.actual_text else p.text for p in failed)
            lines.append(f"{r.name} không đạt {fmt.count(len(failed))} chỉ tiêu: {listed}.")
    if not lines and outcome.members:
        lines.append("Tất cả các cơ quan có kết quả đều không có chỉ tiêu giao ước nào "
                     "\"Không đạt\".")
    return lines


def _criteria(cfg: Config) -> list[str]:
    out = []
    for c in cfg.khoi.tieu_chi:
        out.append(f"{c.chi_so}: tối đa {fmt.number(Fraction(str(c.diem)))} điểm, {method(c)};")
    out.append("Điểm cộng, điểm trừ do Khối chấm theo kết quả bình xét (nếu có).")
    return out


def _proposals(outcome: KhoiOutcome, cfg: Config) -> list[str]:
    k = cfg.khoi
    lines = []
    for award, n in ((k.ten_co_thi_dua, k.co_thi_dua), (k.ten_bang_khen, k.bang_khen)):
        chosen = [s for s in outcome.standings if s.award == award]
        if n and chosen:
            names = fmt.join_vi([f"{s.member.name} ({s.total_text} điểm)" for s in chosen])
            lines.append(f"Đề nghị tặng {award} cho {fmt.count(len(chosen))} cơ quan: {names}.")
        elif n:
            lines.append(f"Không có cơ quan đủ điều kiện để đề nghị tặng {award}.")
    for s in outcome.standings:  # ranked high enough, yet not proposed: say why
        if s.remark and s.rank <= k.co_thi_dua + k.bang_khen:
            lines.append(f"{s.member.name} xếp hạng {s.rank} nhưng {s.remark}.")
    if outcome.missing:
        lines.append(f"Chưa xét {fmt.count(len(outcome.missing))} cơ quan chưa có kết quả: "
                     f"{fmt.join_vi(outcome.missing)}.")
    return lines


def build_context(outcome: KhoiOutcome, cfg: Config, changes: Sequence[Change],
                  today: date) -> dict[str, Any]:
    """Every variable of the khối report template."""
    book = outcome.book
    info: dict[str, Any] = dict(book.info) if book else {}

    def given(label: str) -> str:
        return str(info.get(label) or PLACEHOLDER)

    members, t = outcome.members, outcome.totals
    listed = len(book.members) if book else len(members)
    situation = (f"{outcome.name} gồm {fmt.count(listed)} cơ quan thành viên; đã có kết quả "
                 f"thực hiện giao ước thi đua năm {outcome.year} của "
                 f"{fmt.ratio(len(members), listed)} cơ quan")
    situation += f" (chưa có: {fmt.join_vi(outcome.missing)})." if outcome.missing else "."
    people = sum(r.people for r in members)
    collectives = sum(r.collectives for r in members)
    size = (f"Các cơ quan có kết quả có tổng số {fmt.count(people)} cá nhân và "
            f"{fmt.count(collectives)} tập thể xét danh hiệu.")
    results = [agency_report.metric_sentence(Metric(name, *t[name])) + "."
               for name in schema.METRICS
               if t[name][1]]  # a rate without a base is left out, not "chưa có số liệu"
    return {
        "co_quan_chu_quan": given("Cơ quan chủ quản").upper(),
        "ten_co_quan_hoa": given("Cơ quan khối trưởng").upper(),
        "so_ky_hieu": f"Số:      /BC-{info.get('Ký hiệu cơ quan') or ''}".rstrip("-"),
        "dia_danh_ngay": fmt.place_date(given("Địa danh"), info.get("Ngày báo cáo"), today),
        "ten_khoi": outcome.name,
        "nam": outcome.year,
        "tinh_hinh": situation,
        "quy_mo": size,
        "ket_qua_khoi": results,
        "nam_truoc": changes[0].year_before if changes else "",
        "so_sanh": [{"chi_so": c.metric, "nam_truoc": c.before_text, "nam_nay": c.now_text,
                     "thay_doi": c.text} for c in changes
                    if c.now_value is not None or c.before_value is not None],
        "thanh_vien": _members(outcome),
        "chua_dat": _short_falls(outcome),
        "cach_cham": f"Các cơ quan được chấm điểm theo {fmt.count(len(cfg.khoi.tieu_chi))} tiêu "
                     "chí, tính từ số liệu đã tổng hợp (cách tính và điểm từng tiêu chí của "
                     "từng cơ quan ở bảng tổng hợp Excel, sheet Giải thích điểm):",
        "tieu_chi": _criteria(cfg),
        "bang_diem": tie_rule(cfg),
        "xep_hang": [{"hang": str(s.rank), "ten": s.member.name, "diem": s.total_text,
                      "de_nghi": s.award or s.remark[:1].upper() + s.remark[1:]}
                     for s in outcome.standings],
        "de_nghi": _proposals(outcome, cfg),
        "chuc_vu_nguoi_ky": given("Chức vụ người ký").upper(),
        "nguoi_ky": str(info.get("Người ký") or ""),
        "noi_nhan": [x.strip() for x in str(info.get("Nơi nhận") or "").split("\n") if x.strip()],
    }


def render(template: Path, context: dict[str, Any]) -> bytes:
    return agency_report.render(template, context, VARIABLES, ITEMS)

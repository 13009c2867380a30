"""The biên bản of the Hội đồng Thi đua - Khen thưởng's meeting (issue 14): every sentence with a
name, a count or a vote built here from the council's verdicts (figures/council.py) and the
report's figures, rendered into the secretary's template (council_template.py) by the report's
renderer: pre-flight, sandbox, autoescape, StrictUndefined."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from .. import fmt, schema
from ..cells import key
from ..config import HoSo
from ..errors import TemplateError
from ..figures.aggregate import Figures
from ..figures.council import Council, Verdict, quorum_rule
from ..figures.decisions import Dossier
from ..model import Councillor, Dataset
from . import preflight, report
from .decision_report import authority

DOCS = "docs/bien_mau_bien_ban.md"
TEMPLATE = "mau_bien_ban.docx"
BLANK = "……"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
OWN_TITLES = (schema.LDTT, schema.CSTDCS, schema.TTLDTT)  # the head of agency confers these
FORMS = ("Giấy khen", "Bằng khen", "Huân chương", "Huy chương", "Kỷ niệm chương")
ROLES = {schema.CHAIR: "Chủ tịch Hội đồng", schema.VICE_CHAIR: "Phó Chủ tịch Hội đồng",
         schema.MEMBER: "Ủy viên Hội đồng", schema.SECRETARY: "Ủy viên - Thư ký Hội đồng"}
CLOCK = re.compile(r"^(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})")
IMPLIED_NOTE = ("(*) Tính theo số phiếu đồng ý danh hiệu cao hơn của cùng tập thể, cá nhân "
                "(“Chiến sĩ thi đua cơ sở” đã bao gồm “Lao động tiên tiến”; “Tập thể lao động "
                "xuất sắc” đã bao gồm “Tập thể lao động tiên tiến”), xét theo ngưỡng của danh "
                "hiệu này.")

VARIABLES: dict[str, str] = {
    "co_quan_chu_quan": "Tên cơ quan, viết hoa, ở góc trái phần đầu (\"BAN DÂN TỘC TỈNH QUẢNG "
                        "NGÃI\").",
    "ten_co_quan_hoa": "\"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG\", dưới tên cơ quan.",
    "so_ky_hieu": "Dòng số, ký hiệu để văn thư điền số (\"Số:      /BB-HĐTĐKT\").",
    "dia_danh_ngay": "Địa danh, ngày họp (ô Ngày họp Hội đồng).",
    "tieu_de": "Dòng dưới chữ BIÊN BẢN (\"Họp Hội đồng Thi đua - Khen thưởng xét thi đua, khen "
               "thưởng năm 2023\").",
    "nam": "Năm được xét (2023).",
    "thoi_gian": "Dòng thời gian (ô Giờ họp, Ngày họp Hội đồng).",
    "dia_diem": "Dòng địa điểm (ô Địa điểm họp).",
    "thanh_phan": "Câu về số thành viên Hội đồng, số có mặt, số vắng mặt.",
    "co_mat": "Danh sách thành viên có mặt, mỗi người một dòng (họ tên, chức vụ, chức danh "
              "trong Hội đồng), Chủ tịch trước.",
    "vang_mat": "Danh sách thành viên vắng mặt; rỗng khi đủ mặt.",
    "chu_tri": "Dòng người chủ trì: Chủ tịch Hội đồng, vắng thì Phó Chủ tịch có mặt.",
    "thu_ky": "Dòng thư ký cuộc họp (Ủy viên - Thư ký).",
    "dinh_so": "Câu về số thành viên có mặt so với tỷ lệ tối thiểu (ho_so.hoi_dong_dinh_so "
               "của config.toml), cuộc họp có đủ điều kiện hay không.",
    "mo_dau_ket_qua": "Câu mở đầu phần kết quả thực hiện phong trào thi đua của năm.",
    "ket_qua_nam": "Các câu kết quả tính từ số liệu, như ở báo cáo (\"20/20 cá nhân đạt danh "
                   "hiệu lao động tiên tiến, đạt 100%\").",
    "nguyen_tac": "Các nguyên tắc bình xét đã dùng: tỷ lệ có mặt tối thiểu, ngưỡng phiếu của "
                  "từng danh hiệu, hình thức ([[ho_so.nguong_phieu]] của config.toml), theo quy "
                  "chế thi đua, khen thưởng của cơ quan.",
    "mo_dau_binh_xet": "Câu mở đầu bảng kết quả bỏ phiếu.",
    "binh_xet": "Các dòng của bảng kết quả bỏ phiếu, theo danh hiệu, hình thức; mỗi dòng có "
                "r.stt, r.ten, r.don_vi, r.so_phieu (\"06/07\"), r.ty_le, r.ket_qua; dòng tiêu đề "
                "nhóm (I, II…) có r.nhom khác rỗng.",
    "ghi_chu": "Ghi chú dưới bảng (\"(*) …\"), có thể rỗng.",
    "ket_luan": "Kết luận của Hội đồng cho từng danh hiệu, hình thức: số được đề nghị, người "
                "không đạt tỷ lệ phiếu.",
    "ket_thuc": "Câu kết thúc cuộc họp (giờ kết thúc để trống để điền tay).",
    "thu_ky_ten": "Họ và tên thư ký, ở chỗ ký bên trái.",
    "chu_tri_chuc_danh": "\"CHỦ TỊCH HỘI ĐỒNG\", hoặc \"CHỦ TRÌ\" khi Phó Chủ tịch chủ trì.",
    "chu_tri_ten": "Họ và tên người chủ trì, ở chỗ ký bên phải.",
}
ITEMS: dict[str, tuple[str, ...]] = {
    "binh_xet": ("nhom", "stt", "ten", "don_vi", "so_phieu", "ty_le", "ket_qua"),
}


def quote(title: str) -> str:
    return f"“{title}”"


def is_form(title: str) -> bool:
    """A hình thức khen thưởng (Bằng khen, Giấy khen…), not a danh hiệu thi đua."""
    return any(key(title).startswith(key(lead)) for lead in FORMS)


def label(title: str) -> str:
    """"Danh hiệu “Lao động tiên tiến”", "“Bằng khen của Chủ tịch UBND tỉnh”"."""
    return quote(title) if is_form(title) else f"Danh hiệu {quote(title)}"


def verb(title: str) -> str:
    """What the decision does: "công nhận" a title the agency or the province confers yearly,
    "tặng" a form of commendation or a higher title."""
    return "công nhận" if title in (*OWN_TITLES, schema.TTLDXS) else "tặng"


def groups(met: Council, data: Dataset) -> list[tuple[str, list[Verdict]]]:
    """The verdicts by title: the head's titles, Giấy khen, then the proposals to the level
    above; in each, by unit (the roster's order) then by name."""
    def rank(v: Verdict) -> tuple[int, int]:
        if v.title in OWN_TITLES:
            return 0, OWN_TITLES.index(v.title)
        return (2, 0) if v.candidate.award.key == "de_nghi" else (1, 0)
    units = {key(u.name): i for i, u in enumerate(data.agency.roster)}
    out: dict[str, list[Verdict]] = {}
    for v in sorted(met.verdicts, key=rank):
        out.setdefault(v.title, []).append(v)
    for vs in out.values():
        vs.sort(key=lambda v: (units.get(key(v.candidate.unit), len(units)),
                               fmt.name_key(v.candidate.name)))
    return list(out.items())


def _member(m: Councillor, n: int | None = None, word: str = "Đồng chí") -> str:
    lead = f"{n}. " if n else ""
    position = f", {m.position}" if m.position else ""
    return f"{lead}{word} {m.name}{position}, {ROLES[m.role]}"


def _present(met: Council) -> list[str]:
    order = list(ROLES)
    people = sorted(met.present, key=lambda m: order.index(m.role))
    return [f"{_member(m, i)};" if i < len(people) else f"{_member(m, i)}."
            for i, m in enumerate(people, start=1)]


def _clock(value: object) -> str:
    """"8 giờ 00" from "8:00", "08:00:00", "8h00" or "8 giờ 00"; a blank to fill by hand."""
    text = str(value or "").strip()
    m = CLOCK.match(text)
    return f"{int(m[1])} giờ {m[2]}" if m else text or f"{BLANK} giờ {BLANK}"


def _ratio(votes: int, base: int) -> str:
    return fmt.ratio(votes, base) if base else fmt.count(votes)


def _rows(met: Council, grouped: list[tuple[str, list[Verdict]]]) -> list[dict[str, str]]:
    rows = []
    for i, (title, vs) in enumerate(grouped):
        rows.append({"nhom": "x", "stt": ROMAN[i] if i < len(ROMAN) else str(i + 1),
                     "ten": label(title), "don_vi": "", "so_phieu": "", "ty_le": "",
                     "ket_qua": ""})
        for n, v in enumerate(vs, start=1):
            c = v.candidate
            said = "Đạt" if v.passed else "Không đạt" if met.quorate else "Không có giá trị"
            rows.append({"nhom": "", "stt": str(n), "ten": c.name + (" (*)" if v.implied else ""),
                         "don_vi": "" if c.group else c.unit,
                         "so_phieu": _ratio(v.vote.votes, v.base),
                         "ty_le": fmt.percent(v.share), "ket_qua": said})
    return rows


def _principles(met: Council, grouped: list[tuple[str, list[Verdict]]], settings: HoSo,
                rules_of: str) -> list[str]:
    said = [f"Cuộc họp hợp lệ khi có {quorum_rule(settings)} ({rules_of})."]
    said += [f"{label(title)}: được đề nghị khi có {vs[0].threshold.rule} đồng ý."
             for title, vs in grouped]
    return said


def _counted(vs: Sequence[Verdict]) -> str:
    groups_ = sum(1 for v in vs if v.candidate.group)
    people = len(vs) - groups_
    parts = [f"{fmt.count(groups_)} tập thể"] if groups_ else []
    return fmt.join_vi(parts + ([f"{fmt.count(people)} cá nhân"] if people else []))


def _conclusion(title: str, vs: list[Verdict], head: str, to_title: str) -> str:
    passed = [v for v in vs if v.passed]
    upward = vs[0].candidate.award.key == "de_nghi"
    whom = f"{head} trình {to_title or 'cấp có thẩm quyền'} xét {verb(title)}" if upward \
        else f"{head} {verb(title)}"
    said = (f"{label(title)}: Hội đồng thống nhất đề nghị {whom} cho {_counted(passed)}."
            if passed else f"{label(title)}: không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng "
                           "ý để đề nghị.")
    failed = [f"{v.candidate.name}" + ("" if v.candidate.group else f" ({v.candidate.unit})")
              + f" được {_ratio(v.vote.votes, v.base)} phiếu đồng ý ({fmt.percent(v.share)}), "
              f"chưa đạt {v.threshold.rule}" for v in vs if not v.passed]
    return said + (f" Không đề nghị: {'; '.join(failed)}." if failed else "")


def _quorum_line(met: Council, settings: HoSo) -> str:
    n, total = len(met.present), len(met.members)
    share = fmt.percent(Fraction(n, total)) if total else "0%"
    if met.quorate:
        return (f"Số thành viên có mặt: {fmt.ratio(n, total)} ({share}), đạt "
                f"{quorum_rule(settings)}: cuộc họp đủ điều kiện để bình xét theo quy chế.")
    return (f"Số thành viên có mặt: {fmt.ratio(n, total)} ({share}), chưa đạt "
            f"{quorum_rule(settings)}: cuộc họp không đủ điều kiện để biểu quyết, các kết quả bỏ "
            "phiếu dưới đây không có giá trị.")


def _results(figures: Figures) -> list[str]:
    m = figures.metrics
    return [report.metric_sentence(m[name]) + "." for name in
            (schema.M_GOOD, schema.M_LDTT, schema.M_CSTDCS, schema.M_C_LDTT, schema.M_C_LDXS,
             schema.M_TASKS)]


def build_context(met: Council, made: Dossier, data: Dataset, figures: Figures,
                  settings: HoSo) -> dict[str, Any]:
    """Every variable of the biên bản template (docs/bien_mau_bien_ban.md)."""
    info, agency, year = data.agency.info, data.agency.name, data.agency.year
    head = authority(str(info["Chức vụ người ký"]), agency)
    chair, secretary = met.chair, met.role(schema.SECRETARY)
    grouped = groups(met, data)
    rules_of = str(info.get("Quy chế thi đua, khen thưởng") or "").strip()
    rules_of = f"theo {rules_of}" if rules_of else "theo quy chế thi đua, khen thưởng của cơ quan"
    met_on = info.get(schema.MEETING_DATE)
    day = met_on if isinstance(met_on, date) else None
    absent = [m for m in met.members if not m.present]
    conclusions = [_conclusion(t, vs, head, str(info.get(schema.TO_TITLE) or "").strip())
                   for t, vs in grouped] if met.quorate else [
        f"Số thành viên có mặt chưa đạt {quorum_rule(settings)} nên kết quả bỏ phiếu không có "
        "giá trị; Hội đồng chưa đề nghị khen thưởng tập thể, cá nhân nào và sẽ họp lại."]
    return {
        "co_quan_chu_quan": agency.upper(),
        "ten_co_quan_hoa": "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "so_ky_hieu": "Số:      /BB-HĐTĐKT",
        "dia_danh_ngay": fmt.place_date(str(info["Địa danh"]), day, made.when),
        "tieu_de": f"Họp Hội đồng Thi đua - Khen thưởng xét thi đua, khen thưởng năm {year}",
        "nam": str(year),
        "thoi_gian": f"Thời gian: {_clock(info.get(schema.MEETING_TIME))}, ngày "
                     f"{fmt.day(day) if day else BLANK}.",
        "dia_diem": f"Địa điểm: {info.get(schema.MEETING_PLACE) or BLANK}.",
        "thanh_phan": f"Thành phần: Hội đồng Thi đua - Khen thưởng {agency} gồm "
                      f"{fmt.count(len(met.members))} thành viên; có mặt "
                      f"{fmt.count(len(met.present))} thành viên"
                      + (f", vắng mặt {fmt.count(len(absent))} thành viên:" if absent else ":"),
        "co_mat": _present(met),
        "vang_mat": [f"{_member(m)}." for m in absent],
        "chu_tri": f"Chủ trì: {_member(chair, word='đồng chí')}." if chair
                   else f"Chủ trì: {BLANK}.",
        "thu_ky": f"Thư ký: {_member(secretary, word='đồng chí')}." if secretary
                  else f"Thư ký: {BLANK}.",
        "dinh_so": _quorum_line(met, settings),
        "mo_dau_ket_qua": f"Hội đồng nghe báo cáo kết quả thực hiện phong trào thi đua, đánh giá, "
                          f"xếp loại năm {year} của {agency}:",
        "ket_qua_nam": _results(figures),
        "nguyen_tac": _principles(met, grouped, settings, rules_of),
        "mo_dau_binh_xet": "Hội đồng đã thảo luận, xem xét thành tích của từng tập thể, cá nhân "
                           "do các đơn vị đề nghị và bỏ phiếu; kết quả (tỷ lệ tính theo nguyên "
                           "tắc ở mục 2) như sau:",
        "binh_xet": _rows(met, grouped),
        "ghi_chu": [IMPLIED_NOTE] if any(v.implied for v in met.verdicts) else [],
        "ket_luan": conclusions,
        "ket_thuc": f"Cuộc họp kết thúc vào lúc {BLANK} giờ {BLANK} cùng ngày. Biên bản đã được "
                    "đọc lại trước Hội đồng và được các thành viên có mặt thống nhất thông qua./.",
        "thu_ky_ten": secretary.name if secretary else "",
        "chu_tri_chuc_danh": "CHỦ TỊCH HỘI ĐỒNG" if chair and chair.role == schema.CHAIR
                             else "CHỦ TRÌ",
        "chu_tri_ten": chair.name if chair else "",
    }


def render_as(template: Path, context: dict[str, Any], variables: dict[str, str],
              items: dict[str, tuple[str, ...]], docs: str, what: str) -> bytes:
    """One of the dossier's papers as .docx bytes; a template problem is a TemplateError about
    that template (`what`: "biên bản"), pointing at its own variables' page (`docs`)."""
    try:
        return report.render(template, context, variables, items)
    except TemplateError as exc:  # the renderer speaks of the report: say which template
        said = str(exc).replace(preflight.DOCS, docs)
        raise TemplateError(said.replace("Mẫu báo cáo", f"Mẫu {what}")
                            .replace("mẫu báo cáo", f"mẫu {what}")) from None


def render(template: Path, context: dict[str, Any]) -> bytes:
    return render_as(template, context, VARIABLES, ITEMS, DOCS, "biên bản")


def variables_reference() -> str:
    """The Vietnamese reference page of the biên bản template's variables (Markdown)."""
    page = report.variables_reference(TEMPLATE, VARIABLES)
    return page.replace("mẫu báo cáo", "mẫu biên bản họp Hội đồng Thi đua - Khen thưởng", 1)

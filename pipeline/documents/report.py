"""The Word report: every sentence with a figure is built here from the data, then rendered
into the secretary's docxtpl template (autoescape on, StrictUndefined, variables checked
first), then document citations become real footnotes."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.parsers import expat

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2.sandbox import SecurityError
from lxml import etree

from .. import fmt, schema
from ..cells import key
from ..errors import TemplateError
from ..figures.aggregate import Figures, Metric
from ..figures.compare import Change
from ..figures.pledges import Conclusion, PledgeResult
from ..model import Dataset, Document, Person
from . import sandbox
from .footnotes import add_footnotes, guard, marker, unguard
from .preflight import DOCS, TemplateProblem, check_template, patched

CITE = re.compile(r"\[([^\[\]]+)\]")
LISTING = re.compile("[\t\a\n\f]")  # what docxtpl's resolve_listing turns into Word's own
BODY, EMPTY_BODY, PICTURE = qn("w:body"), b"<w:body/>", "<wp:docPr"
NAMESPACES = re.compile(r'\s+xmlns(?::(\w+))?="([^"]*)"')  # prefix (None: the default), URI
CELL_TAG = re.compile(r"\{[%{]-?\s*tc\b")  # {%tc %}: the only tag that changes a row's cells
UNSAFE_ACCESS = re.compile(r"access to attribute '([^']*)' of")  # jinja2.sandbox's wording
METRIC_PHRASES = {
    schema.M_GOOD: "cá nhân hoàn thành tốt nhiệm vụ trở lên",
    schema.M_EXCELLENT: "cá nhân hoàn thành xuất sắc nhiệm vụ",
    schema.M_LDTT: "cá nhân đạt danh hiệu lao động tiên tiến",
    schema.M_CSTDCS: "cá nhân đạt danh hiệu chiến sĩ thi đua cơ sở",
    schema.M_C_LDTT: "tập thể đạt danh hiệu tập thể lao động tiên tiến",
    # conferred by the level above on the agency's proposal: never written as reached
    schema.M_C_LDXS: "tập thể được đề nghị tặng danh hiệu tập thể lao động xuất sắc",
    schema.M_C_EXCELLENT: "tập thể hoàn thành xuất sắc nhiệm vụ",
    schema.M_TASKS: "nhiệm vụ được giao đã hoàn thành",
    schema.M_ON_TIME: "nhiệm vụ hoàn thành đúng hạn",
    schema.M_INITIATIVES: "sáng kiến được công nhận",
}

# Every variable of the report template, described for the secretary who edits it in Word.
# The reference page docs/bien_mau_bao_cao.md is generated from this (tools/make_docs.py).
VARIABLES: dict[str, str] = {
    "co_quan_chu_quan": "Tên cơ quan chủ quản, viết hoa (\"UBND TỈNH QUẢNG NGÃI\").",
    "ten_co_quan": "Tên cơ quan như ở phiếu Cơ quan (\"Ban Dân tộc tỉnh Quảng Ngãi\").",
    "ten_co_quan_hoa": "Tên cơ quan viết hoa, dùng ở góc trái phần đầu văn bản.",
    "so_ky_hieu": "Dòng số, ký hiệu để văn thư điền số (\"Số:      /BC-BDT\").",
    "dia_danh_ngay": "Địa danh, ngày tháng năm (\"Quảng Ngãi, ngày 05 tháng 02 năm 2024\").",
    "nam": "Năm báo cáo (2023).",
    "nam_sau": "Năm kế tiếp, cho phần phương hướng (2024).",
    "dac_diem": "Phần Đặc điểm (sheet Nhận định): danh sách khối; mỗi khối có b.so (số mục con, "
                "\"1. \"; trống khi khối không có tiêu đề), b.tieu_de và b.doan (các đoạn văn, "
                "gõ sao in vậy, kể cả \"- \", \"+ \" đầu dòng). Các phần Nhận định khác cũng vậy.",
    "to_chuc": "Câu về tổ chức bộ máy, biên chế, tính từ các phiếu đơn vị.",
    "thuan_loi": "Phần Thuận lợi (danh sách khối như dac_diem).",
    "kho_khan": "Phần Khó khăn.",
    "chu_trien_khai": "Chữ đánh mục (\"a)\") của phần Triển khai văn bản cấp trên; các mục II.1 "
                      "tự đánh chữ a), b), c) theo các phần có nội dung.",
    "trien_khai": "Phần Triển khai văn bản cấp trên (mục II.1).",
    "chu_chi_dao": "Chữ đánh mục của phần văn bản chỉ đạo, hướng dẫn.",
    "chi_dao": "Câu mở đầu mục lãnh đạo, chỉ đạo, nêu số văn bản chỉ đạo đã ban hành; trống khi "
               "phần Chỉ đạo, hướng dẫn đã trích dẫn mọi văn bản đó.",
    "van_ban_chi_dao": "Danh sách văn bản có Mục \"Chỉ đạo\" chưa được trích dẫn ở phần Chỉ đạo, "
                       "hướng dẫn, mỗi văn bản kèm chú thích.",
    "chi_dao_them": "Phần Chỉ đạo, hướng dẫn (đoạn văn thêm sau danh sách văn bản chỉ đạo).",
    "chu_phong_trao_co_quan": "Chữ đánh mục của phần Phong trào của cơ quan.",
    "phong_trao_co_quan": "Phần Phong trào của cơ quan.",
    "so_phong_trao": "Số mục (\"2.1.\") của các phong trào ở sheet Phong trào; trống khi không có.",
    "phong_trao": "Danh sách phong trào; mỗi phong trào có m.chu (a, b, c, d, đ…), m.ten và "
                  "m.doan (các đoạn kết quả, văn bản trích dẫn đã thành chú thích).",
    "phong_trao_khac": "Phần Phong trào thi đua (sheet Nhận định): các mục con đánh số tiếp theo "
                       "các phong trào (\"2.2. \"…).",
    "so_khoi": "Số mục (\"2.3.\") của phần kết quả giao ước của khối thi đua.",
    "giao_uoc_mo_dau": "Câu mở đầu mục giao ước, kèm chú thích văn bản đăng ký giao ước.",
    "giao_uoc": "Danh sách chỉ tiêu; mỗi chỉ tiêu có g.chi_tieu, g.muc (\": 15%\" hoặc trống), "
                "g.ghi_chu (\" (ghi chú)\" hoặc trống), g.dang_ky, g.ket_qua, g.danh_gia (Đạt, "
                "Vượt, Không đạt, Chờ kết quả).",
    "ket_qua": "Danh sách câu kết quả tính từ số liệu (\"20/20 cá nhân đạt danh hiệu lao động "
               "tiên tiến, đạt 100%\"), rồi tự xếp loại của cơ quan, xếp loại Chi bộ, Công đoàn, "
               "kết quả các chỉ tiêu không có chỉ số (kèm ghi chú).",
    "ket_luan": "Câu kết luận về các chỉ tiêu, suy ra từ kết quả đánh giá từng chỉ tiêu.",
    "nam_truoc": "Năm được so sánh (2022), khi có kết quả năm trước (ket_qua_<năm>.json trong "
                 "output/<năm trước>/, hoặc tệp chỉ ra bằng --previous); trống khi không có.",
    "so_sanh": "Danh sách chỉ số so với năm trước, trống khi không có kết quả năm trước (đặt "
               "phần so sánh giữa {%p if so_sanh %} và {%p endif %}); mỗi dòng có s.chi_so, "
               "s.nam_truoc (\"95%\"), s.nam_nay (\"100%\"), s.thay_doi (\"tăng 5,0 điểm phần "
               "trăm so với năm 2022\"). Chỉ số chưa có số liệu ở cả hai năm không được liệt kê.",
    "tuyen_truyen": "Phần Tuyên truyền, điển hình (mục II.3).",
    "noi_dung": "Phần Nội dung, nhiệm vụ thi đua (mục III): các mục con \"1. \", \"2. \"…; câu "
                "về nhiệm vụ được giao và về sáng kiến đặt ở chỗ gõ [Nhiệm vụ], [Sáng kiến] (không "
                "gõ thì đặt ở đầu mục III).",
    "nhiem_vu": "Câu về nhiệm vụ được giao (\"hoàn thành 12/12 nhiệm vụ\"), danh sách nhiệm "
                "vụ ở chú thích.",
    "sang_kien": "Câu về số sáng kiến được công nhận.",
    "uu_diem": "Phần Ưu điểm (mục con \"1.1. \"…), thêm câu \"đều đạt và vượt\" khi mọi chỉ "
               "tiêu đạt.",
    "han_che": "Phần Hạn chế (mục con \"2.1. \"…), thêm các chỉ tiêu không đạt.",
    "phuong_huong": "Phần Phương hướng.",
    "giai_phap": "Phần Giải pháp.",
    "ket_thuc": "Câu kết (\"Trên đây là báo cáo …, … báo cáo Văn phòng UBND tỉnh (khối "
                "trưởng) tổng hợp./.\"); nơi nhận báo cáo ở ô Báo cáo gửi của phiếu Cơ quan.",
    "chuc_vu_nguoi_ky": "Chức vụ người ký, viết hoa (\"TRƯỞNG BAN\").",
    "nguoi_ky": "Họ và tên người ký.",
    "noi_nhan": "Danh sách nơi nhận, mỗi nơi một dòng.",
}
# The attributes of each list variable's rows ("m.chu"): the only attributes a template may read
# besides loop's (sandbox.py). A test checks them against the context built from the data.
BLOCK = ("so", "tieu_de", "doan")
# "Nhận định" sections: the template variable each fills, and how its titled parts are
# numbered ("{n}": the part's number within the section); untitled parts are not numbered.
SECTIONS: dict[str, tuple[str, str]] = {
    "Đặc điểm": ("dac_diem", ""), "Thuận lợi": ("thuan_loi", ""), "Khó khăn": ("kho_khan", ""),
    "Triển khai văn bản cấp trên": ("trien_khai", ""),
    "Chỉ đạo, hướng dẫn": ("chi_dao_them", ""),
    "Phong trào của cơ quan": ("phong_trao_co_quan", ""),
    "Phong trào thi đua": ("phong_trao_khac", "2.{n}. "),
    "Tuyên truyền, điển hình": ("tuyen_truyen", ""),
    "Nội dung, nhiệm vụ thi đua": ("noi_dung", "{n}. "),
    "Ưu điểm": ("uu_diem", "1.{n}. "), "Hạn chế": ("han_che", "2.{n}. "),
    "Phương hướng": ("phuong_huong", ""), "Giải pháp": ("giai_phap", ""),
}
ITEMS: dict[str, tuple[str, ...]] = {
    **{variable: BLOCK for variable, _ in SECTIONS.values()},
    "phong_trao": ("chu", "ten", "doan"),
    "giao_uoc": ("chi_tieu", "muc", "ghi_chu", "dang_ky", "ket_qua", "danh_gia"),
    "so_sanh": ("chi_so", "nam_truoc", "nam_nay", "thay_doi"),
}
FILTERS: dict[str, str] = {
    "chu_thich": "Đặt chú thích cuối trang tại chỗ: {{ \"Kế hoạch số 128/KH-BDT ngày "
                 "28/02/2023\"|chu_thich }}.",
}


def metric_sentence(m: Metric) -> str:
    """"20/20 cá nhân đạt danh hiệu lao động tiên tiến, đạt 100%"."""
    phrase = METRIC_PHRASES[m.name]
    if m.is_count:
        return f"{fmt.count(m.num)} {phrase}"
    if m.value is None:
        return f"Chưa có số liệu về tỷ lệ {phrase}"
    return f"{fmt.ratio(m.num, m.den)} {phrase}, đạt {fmt.percent(m.value)}"


def _cited(text: str, docs: dict[str, Document]) -> str:
    """Movement text with each [số ký hiệu] turned into a footnote marker."""
    def sub(match: re.Match[str]) -> str:
        doc = docs.get(key(match.group(1)))
        return marker(doc.citation) if doc else match.group(0)
    return CITE.sub(sub, text)


def _movements(data: Dataset, docs: dict[str, Document]) -> list[dict[str, Any]]:
    out = []
    for i, m in enumerate(data.agency.movements):
        paragraphs = [_cited(line, docs) for line in m.result.split("\n") if line.strip()]
        placed = {key(n) for n in CITE.findall(m.result)}
        rest = "".join(marker(docs[key(n)].citation) for n in m.documents
                       if key(n) in docs and key(n) not in placed)
        if paragraphs and rest:  # documents not placed in the text: end of the first paragraph
            paragraphs[0] += rest
        out.append({"chu": fmt.letter(i), "ten": m.name, "doan": paragraphs})
    return out


def _organisation(data: Dataset, figures: Figures) -> str:
    """"Về tổ chức bộ máy, biên chế gồm: Trưởng Ban và 02 Phó Trưởng Ban, 03 phòng …"."""
    positions = Counter(p.position for u in data.units if not u.collective for p in u.people
                        if p.position)
    parts = [fmt.join_vi([name if n == 1 else f"{fmt.count(n)} {name}"
                          for name, n in positions.items()])] if positions else []
    collectives = [u.name for u in data.units if u.collective]
    if collectives:
        parts.append(f"{fmt.count(len(collectives))} phòng chuyên môn: {', '.join(collectives)}")
    staff = fmt.join_vi([f"{fmt.count(n)} {t.lower()}" for t, n in figures.staff_types.items()])
    if not parts:
        return f"Về tổ chức bộ máy, biên chế: tổng số biên chế là {staff}."
    return f"Về tổ chức bộ máy, biên chế gồm: {', '.join(parts)} với tổng số biên chế là {staff}."


def _results(data: Dataset, figures: Figures, declined: Sequence[Person] = ()) -> list[str]:
    m = figures.metrics
    put = [p for p in data.people if p.proposal and p not in declined]  # proposals put forward
    excellent = m[schema.M_EXCELLENT]
    lines = [f"{metric_sentence(m[schema.M_GOOD])}; trong đó có {fmt.count(excellent.num)} cá "
             f"nhân hoàn thành xuất sắc nhiệm vụ, đạt {_pct(excellent)}.",
             f"{metric_sentence(m[schema.M_LDTT])}."]
    proposals = Counter(p.proposal for p in put if p.title == schema.CSTDCS)
    extra = "".join(f"; trong đó {fmt.count(n)} cá nhân đề nghị xét tặng danh hiệu \"{name}\""
                    for name, n in proposals.items())
    lines.append(f"{metric_sentence(m[schema.M_CSTDCS])}{extra}.")
    lines += [f"{metric_sentence(m[name])}." for name in  # every metric, even without a value
              (schema.M_C_LDTT, schema.M_C_LDXS, schema.M_C_EXCELLENT)]
    others = Counter(p.proposal for p in put if p.title != schema.CSTDCS)
    lines += [f"{fmt.count(n)} cá nhân được đề nghị khen thưởng \"{name}\"."
              for name, n in others.items()]
    return lines


def _pct(m: Metric) -> str:
    return fmt.percent(m.value) if m.value is not None else "chưa có số liệu"


def _tasks(data: Dataset, figures: Figures) -> str:
    """"… được giao 12 nhiệm vụ; đã hoàn thành 12/12 nhiệm vụ¹ …", the list in a footnote."""
    t = figures.tasks
    if not t.total:
        return "Trong năm, cơ quan không được giao nhiệm vụ nào."
    items = []
    for i, task in enumerate(data.agency.tasks, start=1):
        note = ""
        if task.state == schema.TASK_STOPPED:
            note = f" ({task.note or 'dừng thực hiện theo ý kiến của cơ quan giao'})"
        elif task.state != schema.TASK_DONE:
            note = f" ({task.state.lower()})"
        elif task.deadline and task.done_on and task.done_on > task.deadline:
            note = f" (hoàn thành ngày {fmt.day(task.done_on)}, chậm so với hạn " \
                   f"{fmt.day(task.deadline)})"
        items.append(f"({i}) {task.content}{note}")
    name = data.agency.name
    done = t.done + t.stopped
    text = (f"Trong năm {data.agency.year}, {name} được giao {fmt.count(t.total)} nhiệm vụ; "
            f"đã hoàn thành {fmt.ratio(done, t.total)} nhiệm vụ{marker('; '.join(items))} (đạt "
            f"{_pct(figures.metrics[schema.M_TASKS])} kế hoạch giao)")
    if t.stopped:
        text += f", trong đó {fmt.count(t.stopped)} nhiệm vụ dừng thực hiện theo ý kiến thống " \
                "nhất của cơ quan giao"
    on_time = figures.metrics[schema.M_ON_TIME]
    if on_time.value is not None:
        text += f"; {metric_sentence(on_time)}"
    if t.late:
        text += f"; {fmt.count(t.late)} nhiệm vụ hoàn thành chậm so với thời hạn"
    return text + "."


Block = dict[str, Any]


def _blocks(data: Dataset, section: str, docs: dict[str, Document], first: int = 1
            ) -> list[Block]:
    """One "Nhận định" section as blocks {so, tieu_de, doan}: a row with a title opens a new
    block, numbered from `first` as the section numbers its parts; the other rows continue
    the block above. Text is kept as typed; [số ký hiệu] becomes a footnote."""
    blocks: list[Block] = []
    for note in (n for n in data.agency.notes if n.section == section):
        if note.title or not blocks:
            blocks.append({"so": "", "tieu_de": _cited(note.title, docs), "doan": []})
        blocks[-1]["doan"] += [_cited(line, docs) for line in note.text.split("\n")
                               if line.strip()]
    _number(blocks, SECTIONS[section][1], first)
    return blocks


def _number(blocks: list[Block], pattern: str, first: int = 1) -> None:
    titled = [b for b in blocks if b["tieu_de"]]
    for n, block in enumerate(titled, start=first):
        block["so"] = pattern.format(n=n)


def _add(blocks: list[Block], section: str, sentence: str) -> list[Block]:
    """A computed sentence after a section's own text: a numbered part of its own when the
    agency numbered its parts, else a paragraph of the last part."""
    if any(b["tieu_de"] for b in blocks):
        blocks = [*blocks, {"so": "", "tieu_de": sentence, "doan": []}]
        _number(blocks, SECTIONS[section][1])
    elif blocks:
        blocks = [*blocks[:-1], {**blocks[-1], "doan": [*blocks[-1]["doan"], f"- {sentence}"]}]
    else:
        blocks = [{"so": "", "tieu_de": "", "doan": [f"- {sentence}"]}]
    return blocks


def _placed(blocks: list[Block], figures: dict[str, str]) -> list[Block]:
    """The computed sentences put where the agency typed [Nhiệm vụ], [Sáng kiến]; those it did
    not place open the section."""
    left = dict(figures)

    def fill(text: str) -> str:
        for holder, sentence in figures.items():
            pieces = re.split(re.escape(holder), text, flags=re.IGNORECASE)
            if len(pieces) > 1:
                text = sentence.join(pieces)
                left.pop(holder, None)
        return text

    placed = [{**b, "tieu_de": fill(b["tieu_de"]), "doan": [fill(d) for d in b["doan"]]}
              for b in blocks]
    if left:
        placed.insert(0, {"so": "", "tieu_de": "", "doan": list(left.values())})
    return placed


def _leadership(data: Dataset) -> tuple[str, list[str]]:
    """II.1 b): the directives issued (Văn bản with Mục "Chỉ đạo"), each with its footnote,
    but those the agency's own text for the part already cites."""
    cited = {key(n) for note in data.agency.notes if note.section == "Chỉ đạo, hướng dẫn"
             for n in CITE.findall(f"{note.title}\n{note.text}")}
    written = any(note.section == "Chỉ đạo, hướng dẫn" for note in data.agency.notes)
    docs = [d for d in data.agency.documents
            if d.section == "Chỉ đạo" and key(d.number) not in cited]
    name, year = data.agency.name, data.agency.year
    if not docs:
        return ("" if written else f"Năm {year}, {name} triển khai công tác thi đua, khen "
                "thưởng theo các văn bản chỉ đạo, hướng dẫn của cấp trên.", [])
    return (f"Căn cứ chỉ tiêu thi đua và nhiệm vụ chính trị năm {year}, {name} đã ban hành "
            f"{fmt.count(len(docs))} văn bản chỉ đạo, hướng dẫn thực hiện công tác thi đua, "
            "khen thưởng:", [f"{d.doc_type} {d.summary}".strip() + marker(d.citation) + ";"
                             for d in docs])


def _pledge_rows(results: list[PledgeResult]) -> list[dict[str, str]]:
    return [{"chi_tieu": r.pledge.text,
             "muc": f": {r.target_text}" if r.target_text else "",
             "ghi_chu": _note(r),
             "dang_ky": r.target_text or "Đăng ký",
             "ket_qua": r.actual_text or ("" if r.metric else r.status),
             "danh_gia": r.status} for r in results]


def comparison_rows(changes: Sequence[Change]) -> list[dict[str, str]]:
    """The comparison table: every metric with a value in at least one of the two years."""
    return [{"chi_so": c.metric, "nam_truoc": c.before_text, "nam_nay": c.now_text,
             "thay_doi": c.text} for c in changes
            if c.now_value is not None or c.before_value is not None]


def _recipients(data: Dataset) -> list[str]:
    return [line.strip() for line in str(data.agency.info["Nơi nhận"]).split("\n") if line.strip()]


def build_context(data: Dataset, figures: Figures, results: list[PledgeResult],
                  conclusion: Conclusion, today: date,
                  changes: Sequence[Change] = (), declined: Sequence[Person] = ()
                  ) -> dict[str, Any]:
    """Every variable of the report template (see docs/bien_mau_bao_cao.md); `changes`
    compare with the year before, when its result was found; `declined`: people whose
    proposal the council did not pass, left out of the proposals the report names."""
    a = data.agency
    info = a.info
    docs = {key(d.number): d for d in a.documents}
    chi_dao, van_ban = _leadership(data)
    prose = {variable: _blocks(data, section, docs) for section, (variable, _) in SECTIONS.items()}
    nhiem_vu, sang_kien = _tasks(data, figures), _initiatives(figures)
    return {
        "co_quan_chu_quan": str(info["Cơ quan chủ quản"]).upper(),
        "ten_co_quan": a.name,
        "ten_co_quan_hoa": a.name.upper(),
        "so_ky_hieu": f"Số:      /BC-{info['Ký hiệu cơ quan']}",
        "dia_danh_ngay": fmt.place_date(str(info["Địa danh"]), _when(info.get("Ngày báo cáo")),
                                        today),
        "nam": a.year,
        "nam_sau": a.year + 1,
        **prose,
        "to_chuc": _organisation(data, figures),
        **_letters(prose),
        "chi_dao": chi_dao,
        "van_ban_chi_dao": van_ban,
        "phong_trao": _movements(data, docs),
        **_movement_parts(data, docs),
        "giao_uoc_mo_dau": f"Thực hiện đăng ký và ký kết giao ước thi đua "
                           f"{info['Khối thi đua']} năm {a.year}"
                           f"{marker(str(info['Văn bản đăng ký giao ước']))}, cụ thể như sau:",
        "giao_uoc": _pledge_rows(results),
        "ket_qua": _results(data, figures, declined) + _standing(data, results),
        "ket_luan": conclusion.sentence,
        "nam_truoc": changes[0].year_before if changes else "",
        "so_sanh": comparison_rows(changes),
        "noi_dung": _placed(prose["noi_dung"], {"[Nhiệm vụ]": nhiem_vu, "[Sáng kiến]": sang_kien}),
        "nhiem_vu": nhiem_vu,
        "sang_kien": sang_kien,
        "uu_diem": _add(prose["uu_diem"], "Ưu điểm", "Kết quả thi đua, khen thưởng đều đạt và "
                        "vượt chỉ tiêu đăng ký.") if conclusion.total and conclusion.all_met
        else prose["uu_diem"],
        "han_che": _add(prose["han_che"], "Hạn chế", _shortfall(conclusion))
        if conclusion.not_met else prose["han_che"],
        "ket_thuc": _closing(data),
        "chuc_vu_nguoi_ky": str(info["Chức vụ người ký"]).upper(),
        "nguoi_ky": str(info["Người ký"]),
        "noi_nhan": _recipients(data),
    }


def _when(value: object) -> date | fmt.Month | None:
    return value if isinstance(value, (date, fmt.Month)) else None


def _letters(prose: dict[str, list[Block]]) -> dict[str, str]:
    """II.1's parts lettered a), b), c) among those that are there (b, the documents issued,
    always is)."""
    names = ("trien_khai", "chi_dao", "phong_trao_co_quan")
    there = [n for n in names if n == "chi_dao" or prose[n]]
    return {f"chu_{n}": f"{fmt.letter(there.index(n))})" if n in there else "" for n in names}


def _movement_parts(data: Dataset, docs: dict[str, Document]) -> dict[str, Any]:
    """II.2's parts numbered 2.1., 2.2. …: the movements, the agency's own parts, the khối's."""
    first = 2 if data.agency.movements else 1
    parts = _blocks(data, "Phong trào thi đua", docs, first)
    khoi = first + sum(1 for b in parts if b["tieu_de"])
    return {"so_phong_trao": "2.1." if data.agency.movements else "",
            "phong_trao_khac": parts, "so_khoi": f"2.{khoi}."}


def _initiatives(figures: Figures) -> str:
    if not figures.totals["initiatives"]:
        return "Trong năm chưa có sáng kiến được công nhận."
    return (f"Trong năm có {metric_sentence(figures.metrics[schema.M_INITIATIVES])} là sáng "
            "kiến cấp cơ sở.")


def _standing(data: Dataset, results: list[PledgeResult]) -> list[str]:
    """The agency's ratings and what its qualitative pledges achieved, with their notes (the
    others are in the table and the conclusion)."""
    info, year = data.agency.info, data.agency.year
    lines = []
    if info.get("Tự xếp loại cơ quan"):
        lines.append(f"Tập thể {data.agency.name} tự đánh giá, xếp loại: "
                     f"{info['Tự xếp loại cơ quan']} năm {year}.")
    for label, body in (("Xếp loại Chi bộ", "Chi bộ"), ("Xếp loại Công đoàn", "Công đoàn cơ sở")):
        if info.get(label):
            lines.append(f"{body} được đánh giá, xếp loại “{info[label]} năm {year}”.")
    lines += [f"{r.pledge.text}: {r.status.lower()}{_note(r)}." for r in results
              if not r.metric and r.status in (schema.MET, schema.EXCEEDED)]
    return lines


def _note(r: PledgeResult) -> str:
    return f" ({r.pledge.note})" if r.pledge.note else ""


def _shortfall(conclusion: Conclusion) -> str:
    return (f"Chưa đạt {fmt.count(len(conclusion.not_met))} chỉ tiêu thi đua đã đăng ký: "
            + "; ".join(r.brief for r in conclusion.not_met) + ".")


def _closing(data: Dataset) -> str:
    a = data.agency
    to = str(a.info.get("Báo cáo gửi") or "")
    said = f"{a.name} báo cáo {to} tổng hợp" if to else f"của {a.name}"
    return (f"Trên đây là báo cáo kết quả thực hiện giao ước thi đua năm {a.year}, phương "
            f"hướng nhiệm vụ năm {a.year + 1}{', ' if to else ' '}{said}./.")


FAST_ZIP = 1  # zlib's level for a filled body: 19 MB in 0.04 s instead of 0.11, a quarter larger


class Template(DocxTemplate):
    """docxtpl's template, its slowest passes done only when they do something, measured on a
    decision of 20,000 names:
    - the patch of a part is shared with the pre-flight (preflight.patched);
    - resolve_listing, which copies the rendered part through three nested regex passes to
      turn tabs, \\a, line breaks and form feeds in its text into Word's own, is left out when
      there are none (it would return the part unchanged, after seconds);
    - fix_tables, which parses the rendered body into a tree (230 MB for 19 MB of XML), evens
      the columns of {%tc %} loops and renumbers pictures, and map_tree, which moves that tree
      into the document node by node (1.5 s), are left out when the body has neither: the
      body is kept as rendered and written in place of an empty one when the document is
      saved. Either way, a body that is not well-formed is refused (_well_formed), where
      docxtpl would repair it by dropping what follows the break."""

    cells_vary = True
    body = b""  # the rendered body, written as it is by save(); empty: docxtpl's own way

    def patch_xml(self, src_xml: str) -> str:
        self.cells_vary = bool(CELL_TAG.search(re.sub(r"<[^>]*>", "", src_xml)))
        return patched(src_xml)

    def fix_tables(self, xml: str) -> etree._Element:
        _well_formed(xml, Path(str(self.template_file)).name)
        if self.cells_vary or PICTURE in xml:
            return super().fix_tables(xml)
        start = xml.index(">") + 1  # the body's tag repeats the root's namespaces: once is enough
        declared = self.docx._element.nsmap
        tag = NAMESPACES.sub(lambda m: "" if declared.get(m[1]) == m[2] else m[0], xml[:start])
        self.body = (tag + xml[start:]).encode()
        return etree.Element(BODY)

    def save(self, filename: Any, *args: Any, **kwargs: Any) -> None:
        if not self.body:
            return super().save(filename, *args, **kwargs)
        buffer = io.BytesIO()
        super().save(buffer, *args, **kwargs)
        main = self.docx.part.partname.lstrip("/")  # word/document.xml, or as the file names it
        with zipfile.ZipFile(buffer) as made, zipfile.ZipFile(filename, "w") as out:
            for item in made.infolist():
                data = made.read(item)
                if item.filename == main:
                    if data.count(EMPTY_BODY) != 1:
                        raise RuntimeError(f"{main}: no single empty body to fill")
                    data = data.replace(EMPTY_BODY, self.body)
                out.writestr(item, data, compresslevel=FAST_ZIP)  # not taken from the file
        if main not in made.namelist():
            raise RuntimeError(f"{main} not in the saved document")

    def resolve_listing(self, xml: str) -> str:
        return super().resolve_listing(xml) if LISTING.search(xml) else xml


def _well_formed(xml: str, name: str) -> None:
    """A TemplateError when the rendered part is not well-formed XML, checked without building
    a tree (expat): docxtpl would "repair" it with lxml's recover, silently dropping all that
    follows the break. It comes from a pair of tags placed at two levels that the pre-flight
    does not see, such as {% if %} in plain text and {% endif %} inside a hyperlink."""
    try:
        expat.ParserCreate().Parse(xml, True)
    except expat.ExpatError as exc:
        near = _before(xml, exc.lineno, exc.offset)
        raise TemplateError(
            f"Mẫu báo cáo {name} tạo ra văn bản Word hỏng ({expat.ErrorString(exc.code)}"
            f"{f', gần: {near}' if near else ''}): thường do một cặp thẻ mở và đóng ở hai chỗ "
            "khác cấp, ví dụ {% if %} ở chữ thường mà {% endif %} trong chữ có liên kết "
            "(hyperlink), trong trường (field) hay ô bảng. Đặt cả cặp thẻ vào cùng một chỗ; chưa "
            "lập được văn bản này.") from None


def _before(xml: str, line: int, column: int, width: int = 60) -> str:
    """The text just before a place in the rendered XML, given as expat gives it (line from 1,
    column from 0): the last `width` characters of the words, tags left out."""
    start = sum(len(part) + 1 for part in xml.split("\n")[:line - 1]) + column
    text = re.sub(r"^[^<>]*>|<[^<>]*$", "", xml[:start][-20 * width:])  # tags cut at the ends
    words = " ".join(re.sub(r"<[^>]*>", " ", text).split())
    return words if len(words) <= width else "…" + words[-width:]


def jinja_env(limit: int = sandbox.MAX_TURNS) -> sandbox.Environment:
    """A fresh environment for one render: sandboxed, strict, with the report's filter;
    `limit`: the turns it may take (sandbox.allowance)."""
    return sandbox.Environment({"chu_thich": marker}, limit)


def render(template: Path, context: dict[str, Any], variables: dict[str, str] | None = None,
           items: dict[str, tuple[str, ...]] | None = None) -> bytes:
    """The finished .docx as bytes; a template problem is a TemplateError naming it.
    `variables`, `items`: the names the template may use, and the attributes of list rows
    (default: the agency report's)."""
    problems = _preflight(template, VARIABLES if variables is None else variables,
                          ITEMS if items is None else items)
    if problems:
        raise TemplateError(f"Mẫu báo cáo {template.name} có thẻ sai, chưa lập được báo cáo:\n"
                            + "\n".join(f"  - {p.message}" for p in problems))
    try:
        doc = Template(str(template))
        doc.render(_guarded(context), jinja_env(sandbox.allowance(context)),
                   autoescape=True)  # names checked already
        buffer = io.BytesIO()
        doc.save(buffer)
    except TemplateError:
        raise
    except Exception as exc:
        said = _template_problem(template, exc)
        if said is None:
            raise
        raise TemplateError(said) from None
    return unguard(add_footnotes(buffer.getvalue()))


def _preflight(template: Path, variables: dict[str, str], items: dict[str, tuple[str, ...]]
               ) -> tuple[TemplateProblem, ...]:
    """The template's problems, looked for once per run however many documents it makes (a
    decision per title): the same bytes checked for the same names give the same answer."""
    try:
        stamp = hashlib.sha256(template.read_bytes()).hexdigest()
    except OSError:
        stamp = ""  # check_template says what is wrong with the path, every time
    return _checked(str(template), stamp, tuple(variables), frozenset(attributes(items)))


@lru_cache(maxsize=8)
def _checked(template: str, stamp: str, variables: tuple[str, ...], names: frozenset[str]
             ) -> tuple[TemplateProblem, ...]:
    return tuple(check_template(Path(template), variables, FILTERS, names))


def _template_problem(template: Path, exc: Exception) -> str | None:
    """What went wrong with the template, in the secretary's words; None for a bug of ours."""
    name = template.name
    if isinstance(exc, SecurityError):
        return _blocked(template, exc)
    if isinstance(exc, jinja2.TemplateError):
        where = getattr(exc, "docx_context", None)
        return f"Mẫu báo cáo {name} có thẻ sai: {exc}" + (
            f" (gần: {' '.join(where)[:200]})" if where else "")
    if isinstance(exc, FileNotFoundError):
        return f"Không tìm thấy mẫu báo cáo {template}. Chạy `python run.py init` để tạo lại."
    if isinstance(exc, (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError,
                        PackageNotFoundError)):
        return (f"Không mở được mẫu báo cáo {name} ({exc}). Mở bằng Word, lưu lại dạng .docx, "
                "hoặc chạy `python run.py init`.")
    if _in_template(exc):  # 1/0, nam + "x": the template's own code failed
        return (f"Mẫu báo cáo {name} có thẻ không điền được ({type(exc).__name__}: {exc}), ví "
                f"dụ phép tính trên chữ hoặc chia cho 0: chưa lập được báo cáo. Sửa thẻ theo "
                f"{DOCS}.")
    return None


def attributes(items: dict[str, tuple[str, ...]]) -> set[str]:
    """Every attribute of the rows of a template's list variables."""
    return {a for row in items.values() for a in row}


def _guarded(value: Any) -> Any:
    """Every text of the context guarded against docxtpl's brace rewriting (footnotes.GUARD)."""
    if isinstance(value, str):
        return guard(value)
    if isinstance(value, dict):
        return {k: _guarded(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_guarded(v) for v in value]
    return value


def _in_template(exc: BaseException) -> bool:
    """Whether the error rose in the template's own code: Jinja gives its frames the
    template's file name, "<template>" for one made from a string as docxtpl does."""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            return True
        tb = tb.tb_next
    return False


def _blocked(template: Path, exc: SecurityError) -> str:
    """The sandbox's refusal in the secretary's words."""
    said = str(exc)
    if m := UNSAFE_ACCESS.match(said):
        said = f'thẻ truy cập "{m[1]}", phần bên trong của chương trình'
    elif "not safely callable" in said:
        said = "thẻ gọi một hàm không được phép"
    return (f"Mẫu báo cáo {template.name} có thẻ bị chặn khi điền ({said}): chưa lập được báo "
            f"cáo. Mẫu chỉ được dùng các biến, thuộc tính và bộ lọc ghi ở {DOCS}; sửa hoặc xoá "
            "thẻ đó rồi chạy lại.")


def variables_reference(template: str = "mau_bao_cao.docx",
                        variables: dict[str, str] | None = None) -> str:
    """The Vietnamese reference page of a template's variables and filters (Markdown)."""
    variables = VARIABLES if variables is None else variables
    lines = [f"# Biến và bộ lọc của mẫu báo cáo (input_templates/{template})", "",
             "Tệp này được tạo tự động từ mã nguồn (`python tools/make_docs.py`); không sửa tay.",
             "", "Trong Word, viết biến như `{{ ten_co_quan }}`; lặp một đoạn văn cho từng phần "
             "tử của danh sách bằng hai dòng `{%p for d in thuan_loi %}` … `{%p endfor %}`; "
             "lặp một dòng bảng bằng `{%tr for g in giao_uoc %}` … `{%tr endfor %}`. "
             "Mỗi thẻ phải gõ liền một lần (không định dạng một phần thẻ), dùng dấu nháy "
             "thẳng \" chứ không dùng dấu nháy cong “ ”.", "", "## Biến", "",
             "| biến | nội dung |", "|---|---|"]
    lines += [f"| `{name}` | {text} |" for name, text in variables.items()]
    lines += ["", "## Bộ lọc", "", "| bộ lọc | tác dụng |", "|---|---|"]
    lines += [f"| `{name}` | {text} |" for name, text in FILTERS.items()]
    lines += ["", "Các bộ lọc có sẵn dùng được: "
              + ", ".join(f"`{f}`" for f in sorted(sandbox.FILTERS)) + ".", "",
              "## Giới hạn an toàn", "",
              "Mẫu chỉ đọc các biến trên, thuộc tính của từng dòng danh sách (như `m.ten`) và "
              "của `loop` (`loop.index`…); chỉ dùng các lệnh `for`, `if`, `set`, `with`. Thẻ "
              "truy cập phần bên trong chương trình (tên bắt đầu bằng `_`, `range`, `cycler`, "
              "gọi hàm như `ten_co_quan.upper()`…) bị báo lỗi trước khi điền, và chương trình "
              f"dừng khi mẫu lặp quá {fmt.count(sandbox.MAX_TURNS)} lần (thêm "
              f"{fmt.count(sandbox.PER_ROW)} lần cho mỗi dòng của các danh sách). Ví dụ: viết "
              "hoa bằng `{{ ten_co_quan|upper }}`."]
    return "\n".join(lines) + "\n"

"""The year-end decisions (issue 13): read back from the .docx and the bonus workbook, checked
against the data and the report's figures; bonus arithmetic at its rounding boundaries; a
decision held back, alone, when someone on it breaks a rule."""

from __future__ import annotations

import copy
import dataclasses
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Mm, Pt
from docx.text.run import Run

from pipeline import config, fmt, job, schema
from pipeline.documents import decision_report, pdf
from pipeline.documents.decision_template import write_decision_template
from pipeline.figures import decisions, money
from pipeline.issues import HOLD
from pipeline.reading.forms import write_set
from tests.conftest import ROOT, TODAY, W, check_list, docx_text, quiet, refused, run_cli, written
from tools import sample_data

HO_SO = "2023/ho_so"
LDTT = "quyet_dinh_lao_dong_tien_tien_2023.docx"
CSTDCS = "quyet_dinh_chien_si_thi_dua_co_so_2023.docx"
TTLDTT = "quyet_dinh_tap_the_lao_dong_tien_tien_2023.docx"
COMBINED = "quyet_dinh_danh_hieu_thi_dua_2023.docx"
GIAY_KHEN = "quyet_dinh_giay_khen_2023.docx"
BONUS = "tien_thuong_2023.xlsx"
PCSDT = "don_vi_phong_chinh_sach_dan_toc.xlsx"
ROSTER = ["Lãnh đạo Ban", "Văn phòng Ban", "Phòng Chính sách dân tộc", "Thanh tra Ban"]

Change = Callable[[dict[str, Any], list[dict[str, Any]]], None]


def sample(folder: Path, change: Change | None = None) -> Path:
    """The sample agency's forms, changed as a unit or the secretary would; without its bình
    xét, so that the decisions are made from the data alone (the council: test_council.py)."""
    agency, units = copy.deepcopy(sample_data.AGENCY), copy.deepcopy(sample_data.UNITS)
    agency["Bình xét"] = []
    if change:
        change(agency, units)
    write_set(folder, agency, units)
    return folder


def person(units: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(p for u in units for p in u["Cá nhân"] if p["Họ và tên"] == name)


def setting(cfg: config.Config, **ho_so: Any) -> config.Config:
    return dataclasses.replace(cfg, ho_so=dataclasses.replace(cfg.ho_so, **ho_so))


def dossier_files(outcome: job.Outcome) -> dict[str, Path]:
    """The decisions and the bonus workbook written (the council's papers: test_council.py)."""
    return {p.name: p for p in outcome.written if p.parent.name == "ho_so"
            and p.name.startswith(("quyet_dinh_", "tien_thuong_"))}


def rows(path: Path) -> list[list[str]]:
    """The list table of a decision (its last table), cells read back."""
    table = Document(str(path)).tables[-1]
    return [[c.text for c in r.cells] for r in table.rows]


# --- the sample agency's dossier -----------------------------------------------------------

@pytest.fixture(scope="module")
def made(sample_run):
    return dossier_files(sample_run)


def test_the_sample_gets_its_three_decisions_and_the_bonus_table(made, sample_run):
    assert sorted(made) == sorted([LDTT, CSTDCS, TTLDTT, BONUS])
    assert all(p.parent == p.parents[1] / "ho_so" and p.parents[1].name == "2023"
               for p in made.values())
    assert sample_run.dossier and all(d.written for d in sample_run.dossier.decisions)
    assert not [i for i in sample_run.issues if i.severity == HOLD]


@pytest.mark.parametrize(("name", "figure", "report_says"), [
    (LDTT, lambda f: f.totals["ldtt"], "20/20 cá nhân đạt danh hiệu lao động tiên tiến"),
    (CSTDCS, lambda f: f.totals["cstdcs"], "02/20 cá nhân đạt danh hiệu chiến sĩ thi đua cơ sở"),
    (TTLDTT, lambda f: f.metrics[schema.M_C_LDTT].num,
     "03/03 tập thể đạt danh hiệu tập thể lao động tiên tiến"),
])
def test_each_list_counts_what_the_report_counts(made, sample_run, name, figure, report_says):
    listed = rows(made[name])[1:-1]  # between the header and the total row
    assert len(listed) == figure(sample_run.figures) == {LDTT: 20, CSTDCS: 2, TTLDTT: 3}[name]
    assert [r[0] for r in listed] == [str(n) for n in range(1, len(listed) + 1)]
    report = docx_text(written(sample_run, "bao_cao_thi_dua_2023.docx"))["body"]
    assert any(report_says in p for p in report)
    assert rows(made[name])[-1][1] == \
        f"Tổng cộng: {len(listed):02d} {'tập thể' if name == TTLDTT else 'cá nhân'}"


def test_the_lists_hold_exactly_the_titles_of_the_data(made, sample_run):
    people = sample_run.data.people
    ldtt = {(p.name, p.position, p.unit) for p in people if p.title in (schema.LDTT, schema.CSTDCS)}
    cstdcs = {(p.name, p.position, p.unit) for p in people if p.title == schema.CSTDCS}
    assert {tuple(r[1:4]) for r in rows(made[LDTT])[1:-1]} == ldtt
    assert {tuple(r[1:4]) for r in rows(made[CSTDCS])[1:-1]} == cstdcs
    # collectives by their unit name: the TTLĐXS phòng too, under TTLĐTT's own conditions
    assert [r[1:4] for r in rows(made[TTLDTT])[1:-1]] == [
        ["Văn phòng Ban", "", ""], ["Phòng Chính sách dân tộc", "", ""], ["Thanh tra Ban", "", ""]]


def test_names_by_unit_in_the_roster_order_then_in_vietnamese_order(made):
    listed = rows(made[LDTT])[1:-1]
    units = list(dict.fromkeys(r[3] for r in listed))
    assert units == ROSTER  # not the files' order (Phòng … before Văn phòng …)
    office = [r[1] for r in listed if r[3] == "Văn phòng Ban"]
    assert office == ["Phạm Tuấn Anh", "Lê Thị Ngọc Ánh", "Đỗ Văn Bảy", "Võ Thị Bích",
                      "Huỳnh Văn Đạt", "Trần Minh Đức", "Dương Thị Hương", "Trương Thị Mai"]


def test_bonuses_in_the_lists(made):
    ldtt = {r[1]: r[4] for r in rows(made[LDTT])[1:-1]}
    assert ldtt["Trần Minh Đức"] == "540.000"  # 0,3 × 1.800.000 on 15/01/2024
    assert ldtt["Lê Văn Hùng"] == ldtt["Bùi Quang Vinh"] == "(*)"  # paid as CSTĐCS, the highest
    assert rows(made[LDTT])[-1][4] == "9.720.000"  # 18 × 540.000
    assert [r[4] for r in rows(made[CSTDCS])[1:]] == ["1.800.000", "1.800.000", "3.600.000"]
    assert [r[4] for r in rows(made[TTLDTT])[1:]] == ["1.440.000"] * 3 + ["4.320.000"]
    notes = docx_text(made[LDTT])["body"]
    assert any(p.startswith("(*) Đạt danh hiệu “Chiến sĩ thi đua cơ sở”") for p in notes)


def test_the_decision_reads_as_the_head_of_agency_signs_it(made):
    body = docx_text(made[LDTT])["body"]
    expected = [
        "Số:      /QĐ-BDT", "Quảng Ngãi, ngày 15 tháng 01 năm 2024", "QUYẾT ĐỊNH",
        "Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2023",
        "TRƯỞNG BAN DÂN TỘC TỈNH QUẢNG NGÃI",
        "Căn cứ Quyết định số 20/2016/QĐ-UBND ngày 22/4/2016 của UBND tỉnh Quảng Ngãi quy định "
        "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Ban Dân tộc tỉnh Quảng Ngãi;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số 35/QĐ-BDT ngày 15/02/2023 của Trưởng Ban Dân tộc tỉnh ban hành Quy "
        "chế thi đua, khen thưởng của Ban Dân tộc tỉnh Quảng Ngãi;",
        "Xét đề nghị của Hội đồng Thi đua - Khen thưởng tại cuộc họp ngày 10/01/2024.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Công nhận danh hiệu “Lao động tiên tiến” năm 2023 cho 20 cá nhân thuộc Ban Dân "
        "tộc tỉnh Quảng Ngãi (có danh sách kèm theo).",
        "TRƯỞNG BAN", "Hồ Ngọc Thịnh", "DANH SÁCH",
        "Cá nhân đạt danh hiệu “Lao động tiên tiến” năm 2023",
        "(Kèm theo Quyết định số      /QĐ-BDT ngày 15/01/2024 của Trưởng Ban Dân tộc tỉnh Quảng "
        "Ngãi)"]
    positions = [body.index(line) for line in expected]
    assert positions == sorted(positions)  # each there, in this order
    article_2 = next(p for p in body if p.startswith("Điều 2. "))
    assert "Mỗi cá nhân được thưởng 540.000 đồng (0,3 lần mức lương cơ sở)" in article_2
    assert "Tổng số tiền thưởng là 9.720.000 đồng (Bằng chữ: Chín triệu bảy trăm hai mươi " \
           "nghìn đồng)" in article_2
    assert "1.800.000 đồng (Nghị định số 24/2023/NĐ-CP ngày 14/5/2023)" in article_2
    assert next(p for p in body if p.startswith("Điều 3. ")).endswith(
        "Chánh Văn phòng Ban, Thủ trưởng các đơn vị thuộc Ban Dân tộc tỉnh Quảng Ngãi và các "
        "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
    assert body.index("- Như Điều 3;") < body.index("- Lưu: VT.")


def test_a_collective_decision_counts_collectives(made):
    body = docx_text(made[TTLDTT])["body"]
    assert "Điều 1. Công nhận danh hiệu “Tập thể lao động tiên tiến” năm 2023 cho 03 tập thể " \
           "thuộc Ban Dân tộc tỉnh Quảng Ngãi (có danh sách kèm theo)." in body
    assert rows(made[TTLDTT])[0][1] == "Tên tập thể"


# --- layout, as the report's (Nghị định 30/2020/NĐ-CP) --------------------------------------

@pytest.fixture(scope="module")
def doc(made):
    return Document(str(made[LDTT]))


def font_of(doc, text: str):
    [r] = [r for p in doc.element.body.iter(f"{W}p") for r in p.iter(f"{W}r")
           if "".join(t.text or "" for t in r.iter(f"{W}t")) == text]
    return Run(r, None).font


def test_page_and_fonts(doc):
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    mm = {k: round(getattr(s, k).mm, 1) for k in ("top_margin", "bottom_margin", "left_margin",
                                                  "right_margin")}
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and Pt(13) <= normal.font.size <= Pt(14)
    assert s.different_first_page_header_footer  # page numbers from page 2
    assert "PAGE" in "".join(t.text for t in s.header._element.iter(f"{W}instrText"))


@pytest.mark.parametrize(("text", "bold", "italic", "low", "high"), [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, None, 12, 13),
    ("QUYẾT ĐỊNH", True, None, 13, 14),
    ("TRƯỞNG BAN DÂN TỘC TỈNH QUẢNG NGÃI", True, None, 13, 14),
    ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", None, True, 13, 14),
    ("Xét đề nghị của Hội đồng Thi đua - Khen thưởng tại cuộc họp ngày 10/01/2024.", None, True,
     13, 14),
    ("Điều 1. ", True, None, 13, 14),
    ("Quảng Ngãi, ngày 15 tháng 01 năm 2024", None, True, 13, 14),
])
def test_the_parts_of_the_decision_in_their_type(doc, text, bold, italic, low, high):
    font = font_of(doc, text)
    assert font.name == "Times New Roman" and Pt(low) <= font.size <= Pt(high)
    assert (bold is None or font.bold) and (italic is None or font.italic)


def test_the_list_starts_a_new_page_and_repeats_its_header(doc):
    [head] = [p for p in doc.paragraphs if p.text == "DANH SÁCH"]
    assert head.paragraph_format.page_break_before
    table = doc.tables[-1]
    first = table.rows[0]._tr.trPr
    assert first.find(f"{W}tblHeader") is not None
    assert all(r._tr.trPr.find(f"{W}cantSplit") is not None for r in table.rows)
    assert sum(c.width for c in table.columns) <= Mm(165)
    indent = [p for p in doc.paragraphs if p.text.startswith("Căn cứ Luật")][0]
    assert Cm(1) <= indent.paragraph_format.first_line_indent <= Cm(1.27)


@pytest.mark.skipif(pdf.office() is None and not os.environ.get("CI"),
                    reason="LibreOffice is not installed here (.ci/run installs it)")
def test_pdf_the_decision_on_page_one_its_list_on_page_two(cfg, tmp_path):
    outcome = job.run(ROOT / "input", tmp_path, cfg, quiet, today=TODAY, want_pdf=True)
    made = tmp_path / HO_SO / LDTT.replace(".docx", ".pdf")
    assert made in outcome.written and not outcome.notes
    pdfs = [p.name for p in outcome.written if p.suffix == ".pdf"]
    assert len(pdfs) == 6  # the report, 3 decisions, the biên bản and the tờ trình
    assert {"bien_ban_hop_hoi_dong_2023.pdf", "to_trinh_de_nghi_khen_thuong_2023.pdf"} < set(pdfs)

    def page(n: int) -> str:  # -layout: a table row on one line
        text = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(made),
                               "-"], capture_output=True, text=True, check=True).stdout
        return "\n".join(" ".join(line.split()) for line in text.splitlines())
    assert "Điều 1." in page(1) and "DANH SÁCH" not in page(1)
    assert page(2).split("\n")[2] == "DANH SÁCH"  # under the page number
    assert "20 Trần Thị Yến Chuyên viên Thanh tra Ban 540.000" in page(2).split("\n")
    assert "Tổng cộng: 20 cá nhân 9.720.000" in page(2).split("\n")


def test_without_libreoffice_the_decisions_are_written_and_the_user_told_once(cfg, tmp_path,
                                                                            monkeypatch):
    monkeypatch.setattr(pdf, "office", lambda: None)
    outcome = job.run(ROOT / "input", tmp_path, cfg, quiet, today=TODAY, want_pdf=True)
    assert len([n for n in outcome.notes if "LibreOffice" in n]) == 1
    assert sorted(dossier_files(outcome)) == sorted([LDTT, CSTDCS, TTLDTT, BONUS])


# --- the bonus: exact, rounded up to the next 10.000 đồng -----------------------------------

@pytest.mark.parametrize(("coefficient", "base", "amount"), [
    ("0.3", 2_340_000, 710_000),  # 702.000: up, never down
    ("0.3", 1_800_000, 540_000),  # an exact multiple stays
    ("1.0", 2_340_000, 2_340_000),
    ("0.8", 2_340_000, 1_880_000),  # 1.872.000
    ("0.6", 2_340_000, 1_410_000),  # a collective's Giấy khen: 1.404.000, not 2 × 710.000
    ("0.3", 1_490_000, 450_000),  # 447.000 (Nghị định 38/2019's base)
    ("0.3", 2_333_334, 710_000),  # 700.000,2: a fraction of a đồng above a step goes up
    ("0.3", 2_333_333, 700_000),  # 699.999,9 goes up to the step itself
    ("0.3", 2_333_330, 700_000),  # 699.999
    ("1.5", 2_340_000, 3_510_000),
])
def test_bonus_rounding(coefficient, base, amount):
    assert money.Bonus(Fraction(coefficient), base, 10_000).amount == amount


def test_coefficients_are_exact_fractions_of_the_settings_floats():
    ho_so = config.HoSo(he_so_lao_dong_tien_tien=0.3)
    assert ho_so.coefficient("lao_dong_tien_tien") == Fraction(3, 10)  # not 0.29999…
    assert ho_so.coefficient("giay_khen_tap_the") == 2 * ho_so.coefficient("giay_khen_ca_nhan")


def test_the_arithmetic_in_words():
    assert money.Bonus(Fraction(3, 10), 2_340_000, 10_000).how == \
        "0,3 × 2.340.000 = 702.000 đồng, làm tròn lên 710.000 đồng"
    assert money.Bonus(Fraction(1), 1_800_000, 10_000).how == "1,0 × 1.800.000 = 1.800.000 đồng"


@pytest.mark.parametrize(("amount", "words"), [
    (9_720_000, "Chín triệu bảy trăm hai mươi nghìn đồng"),
    (710_000, "Bảy trăm mười nghìn đồng"),
    (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
    (2_005_000, "Hai triệu không trăm linh năm nghìn đồng"),
    (21_000, "Hai mươi mốt nghìn đồng"),
    (15_000, "Mười lăm nghìn đồng"),
    (1_000_000_000, "Một tỷ đồng"),
])
def test_amounts_in_words(amount, words):
    assert fmt.in_words(amount) == words


LDTT_BONUS = {1_800_000: 540_000, 2_340_000: 710_000}


@pytest.mark.parametrize(("day", "base", "decree"), [
    (date(2023, 12, 20), 1_800_000, "Nghị định số 91/2017/NĐ-CP"),  # before the 2022 law
    (date(2024, 1, 15), 1_800_000, "Nghị định số 98/2023/NĐ-CP"),
    (date(2024, 7, 1), 2_340_000, "Nghị định số 98/2023/NĐ-CP"),
    (date(2025, 7, 1), 2_340_000, "Nghị định số 152/2025/NĐ-CP"),
])
def test_the_laws_and_base_salary_of_the_decisions_date(sample_run, cfg, day, base, decree):
    made = build(sample_run, cfg, {decisions.DECISION_DATE: day})
    assert made.when == day and made.salary and made.salary.muc == base
    assert made.basis and made.basis.van_ban[-1].startswith(decree)
    assert made.decisions[0].lists[0].bonus.amount == LDTT_BONUS[base]


def build(outcome: job.Outcome, cfg: config.Config, info: dict[str, Any],
          chosen: list[decisions.Candidate] | None = None,
          proposed_by: str | None = None) -> decisions.Dossier:
    """The dossier of a run's data, with some of the agency's "Thông tin" changed."""
    assert outcome.data and outcome.figures
    agency = dataclasses.replace(outcome.data.agency, info={**outcome.data.agency.info, **info})
    data = dataclasses.replace(outcome.data, agency=agency)
    return decisions.build(data, outcome.figures, cfg.ho_so, cfg.rules, TODAY, chosen,
                           proposed_by)


def test_blank_dates_fall_back_to_the_report_date_then_today(sample_run, cfg):
    made = build(sample_run, cfg, {decisions.DECISION_DATE: None,
                                   "Ngày báo cáo": date(2024, 8, 2)})
    assert (made.when, made.dated, made.salary and made.salary.muc) == (
        date(2024, 8, 2), date(2024, 8, 2), 2_340_000)
    made = build(sample_run, cfg, {decisions.DECISION_DATE: None, "Ngày báo cáo": None})
    assert (made.when, made.dated) == (TODAY, None)
    context = decision_report.build_context(made.decisions[0], made, sample_run.data, TODAY)
    assert context["dia_danh_ngay"] == "Quảng Ngãi, ngày      tháng 12 năm 2023"


@pytest.mark.parametrize(("report_date", "source"), [
    (None, "ngày chạy chương trình"), (date(2026, 1, 5), "Ngày báo cáo")])
def test_a_fallen_back_date_outside_the_year_is_said_where_to_type_the_right_one(
        sample_run, cfg, report_date, source):
    """Run in 2026 on 2023's forms with no decision date: the decisions would carry the 2026
    date, its legal basis and base salary; the secretary is told so at the cell to fill."""
    def made(report_date: date | None, today: date) -> decisions.Dossier:
        assert sample_run.data and sample_run.figures
        info = {**sample_run.data.agency.info, decisions.DECISION_DATE: None,
                "Ngày báo cáo": report_date}
        agency = dataclasses.replace(sample_run.data.agency, info=info)
        return decisions.build(dataclasses.replace(sample_run.data, agency=agency),
                               sample_run.figures, cfg.ho_so, cfg.rules, today)

    [said] = [i for i in made(report_date, date(2026, 11, 30)).issues
              if i.code == "ho-so-ngay-lay"]
    when = "05/01/2026" if report_date else "30/11/2026"
    assert said.message.startswith(f"Các quyết định khen thưởng ghi ngày {when} (lấy theo "
                                   f"{source}")
    assert said.message.endswith("không thuộc năm 2023 hay năm 2024.")
    assert (said.file, said.sheet, said.cell) == ("co_quan.xlsx", "Thông tin", "B22")
    on_time = made(None, date(2024, 1, 8))  # run early in the next year: as it should be
    assert not [i for i in on_time.issues if i.code.startswith("ho-so-ngay")]


def test_a_date_before_every_setting_holds_every_decision(sample_run, cfg):
    made = build(sample_run, cfg, {decisions.DECISION_DATE: date(2016, 5, 1)})
    assert made.decisions and not any(d.written for d in made.decisions)
    said = [i.message for i in made.issues if i.code == "ho-so-can-cu"]
    assert len(said) == 2 * len(made.decisions)  # no legal basis and no base salary, each
    assert "mức lương cơ sở cho ngày quyết định 01/05/2016" in said[1]
    assert [i.code for i in made.issues if i.code == "ho-so-ngay"] == ["ho-so-ngay"]


# --- a decision someone may not receive is held back; everything else is written -----------

def without_initiative(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
    person(units, "Lê Văn Hùng")["Sáng kiến"] = None


def disciplined(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
    person(units, "Trần Thị Yến")["Kỷ luật"] = "Khiển trách"


def few_ldtt(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
    for name in ("Nguyễn Văn Dũng", "Trần Thị Yến"):
        person(units, name)["Danh hiệu"] = "Không"


@pytest.mark.parametrize(("change", "held", "where", "why"), [
    (without_initiative, CSTDCS, (PCSDT, "Cá nhân", "H2"),
     "Lê Văn Hùng (Phòng Chính sách dân tộc) đạt Chiến sĩ thi đua cơ sở nhưng không có sáng "
     "kiến được công nhận."),
    (disciplined, LDTT, ("don_vi_thanh_tra_ban.xlsx", "Cá nhân", "I4"),
     "Trần Thị Yến (Thanh tra Ban) đạt Lao động tiên tiến nhưng bị kỷ luật \"Khiển trách\"."),
    (few_ldtt, TTLDTT, ("don_vi_thanh_tra_ban.xlsx", "Thông tin", "B8"),
     "Tập thể Thanh tra Ban đạt Tập thể lao động tiên tiến nhưng chỉ 01/03 cá nhân đạt Lao "
     "động tiên tiến (cần trên 50%)."),
])
def test_a_rule_broken_holds_only_the_decision_carrying_it(tmp_path, cfg, change, held, where,
                                                          why):
    outcome = job.run(sample(tmp_path / "in", change), tmp_path / "out", cfg, quiet, today=TODAY)
    assert not outcome.blocked
    assert sorted(dossier_files(outcome)) == sorted({LDTT, CSTDCS, TTLDTT, BONUS} - {held})
    assert (tmp_path / "out" / "2023" / "bao_cao_thi_dua_2023.docx") in outcome.written
    holds = [i for i in outcome.issues if i.code == "ho-so-chan"]
    assert [(i.file, i.sheet, i.cell) for i in holds] == [where]
    assert holds[0].severity == HOLD and holds[0].message.endswith(why)
    checks = check_list(tmp_path / "out" / "2023" / "kiem_tra_du_lieu_2023.xlsx")
    assert ("ho-so-chan", *where) in checks


def test_a_quota_exceeded_holds_the_cstdcs_decision_naming_each_row(tmp_path, cfg):
    strict = dataclasses.replace(cfg, rules=dataclasses.replace(cfg.rules,
                                                                cstdcs_quota_percent=5))
    outcome = job.run(ROOT / "input", tmp_path, strict, quiet, today=TODAY)
    assert CSTDCS not in dossier_files(outcome) and LDTT in dossier_files(outcome)
    holds = [i for i in outcome.issues if i.code == "ho-so-chan"]
    assert [(i.file, i.cell) for i in holds] == [(PCSDT, "G2"), ("don_vi_thanh_tra_ban.xlsx", "G2")]
    assert holds[0].message.endswith("vượt 5% của 20 người đạt Lao động tiên tiến (tối đa 01); "
                                     "trong đó có Lê Văn Hùng (Phòng Chính sách dân tộc).")


def test_the_command_line_says_which_decision_was_not_written(tmp_path):
    folder = sample(tmp_path / "in", without_initiative)
    done = run_cli(folder, tmp_path / "out")
    assert done.returncode == 0, done.stderr  # the report is written: the run succeeded
    assert "CHƯA LẬP quyết định công nhận danh hiệu “Chiến sĩ thi đua cơ sở” năm 2023" \
        in done.stdout
    assert f"{HOLD} [{PCSDT} › Cá nhân › H2]: Chưa lập quyết định công nhận danh hiệu " \
           "“Chiến sĩ thi đua cơ sở”" in done.stdout
    assert "Đã lập quyết định công nhận danh hiệu “Lao động tiên tiến” năm 2023: 20 cá nhân, " \
           "tiền thưởng 9.720.000 đồng" in done.stdout
    book = openpyxl.load_workbook(tmp_path / "out" / HO_SO / BONUS)
    decided = {r[5] for r in book["Tiền thưởng"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert decided == {"quyết định công nhận danh hiệu “Lao động tiên tiến” năm 2023",
                       "quyết định công nhận danh hiệu “Tập thể lao động tiên tiến” năm 2023"}
    held = [r for r in book["Căn cứ"].iter_rows(values_only=True) if str(r[0]).startswith("Chưa")]
    assert held and "Lê Văn Hùng" in held[0][2]


def test_the_other_agency_holds_its_person_decisions_not_its_collectives(other_run):
    assert other_run.dossier
    state = {d.kind.key: d.written for d in other_run.dossier.decisions}
    assert state == {"lao_dong_tien_tien": False, "chien_si_thi_dua_co_so": False,
                     "tap_the_lao_dong_tien_tien": True}
    # its TTLĐXS phòng fails TTLĐXS (the province's to confer) but meets TTLĐTT: on the list
    ttldtt = next(p for p in other_run.written if p.name.startswith("quyet_dinh_tap_the"))
    assert "Phòng Quản lý khoa học" in [r[1] for r in rows(ttldtt)]
    unfilled = {i.cell for i in other_run.issues if i.code == "ho-so-thieu"}
    assert len(unfilled) == 3  # its form leaves the decisions' rows blank: each said


# --- Giấy khen, one decision for the three titles -------------------------------------------

def commended(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
    person(units, "Trần Thị Yến")["Đề nghị khen thưởng"] = "Giấy khen của Thủ trưởng cơ quan"
    person(units, "Đỗ Văn Bảy")["Đề nghị khen thưởng"] = "Giấy khen của Giám đốc Sở"  # free text


def test_giay_khen_for_every_proposal_of_one(tmp_path, cfg):
    outcome = job.run(sample(tmp_path / "in", commended), tmp_path / "out", cfg, quiet,
                      today=TODAY)
    made = dossier_files(outcome)[GIAY_KHEN]
    assert rows(made)[1:] == [
        ["1", "Đỗ Văn Bảy", "Bảo vệ", "Văn phòng Ban", "540.000"],
        ["2", "Trần Thị Yến", "Chuyên viên", "Thanh tra Ban", "540.000"],
        ["", "Tổng cộng: 02 cá nhân", "", "", "1.080.000"]]
    body = docx_text(made)["body"]
    assert "Về việc tặng Giấy khen cho cá nhân có thành tích trong thực hiện nhiệm vụ năm 2023" \
        in body
    assert "Điều 1. Tặng Giấy khen của Trưởng Ban Dân tộc tỉnh Quảng Ngãi cho 02 cá nhân thuộc " \
           "Ban Dân tộc tỉnh Quảng Ngãi đã có thành tích trong thực hiện nhiệm vụ năm 2023 (có " \
           "danh sách kèm theo)." in body
    report = "\n".join(docx_text(written(outcome, "bao_cao_thi_dua_2023.docx"))["body"])
    proposed = report.count("01 cá nhân được đề nghị khen thưởng \"Giấy khen")
    assert proposed == len(rows(made)) - 2  # the report's figure, one line per wording


def test_giay_khen_to_someone_not_rated_well_is_held(tmp_path, cfg):
    def weak(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        commended(agency, units)
        person(units, "Đỗ Văn Bảy").update({"Xếp loại": "Hoàn thành nhiệm vụ",
                                             "Danh hiệu": "Không"})

    outcome = job.run(sample(tmp_path / "in", weak), tmp_path / "out", cfg, quiet, today=TODAY)
    assert GIAY_KHEN not in dossier_files(outcome) and LDTT in dossier_files(outcome)
    [hold] = [i for i in outcome.issues if i.code == "ho-so-chan"]
    assert (hold.file, hold.cell) == ("don_vi_van_phong_ban.xlsx", "F8")
    assert "Đỗ Văn Bảy (Văn phòng Ban) được đề nghị tặng Giấy khen nhưng xếp loại " \
           "\"Hoàn thành nhiệm vụ\"" in hold.message


def test_a_collective_giay_khen_through_the_candidates_seam(sample_run, cfg):
    # Issue 14's council will pass collectives' awards: twice a person's coefficient.
    assert sample_run.data
    office = next(u for u in sample_run.data.units if u.name == "Văn phòng Ban")
    chosen = [decisions.Candidate(decisions.GK_GROUP, office.name, "", office.name,
                                  office.where, "Danh hiệu tập thể", group=office)]
    made = build(sample_run, cfg, {decisions.DECISION_DATE: date(2024, 7, 1)}, chosen)
    [decision] = made.decisions
    assert decision.written and decision.total == 1_410_000  # 0,6 × 2.340.000 rounded up
    context = decision_report.build_context(decision, made, sample_run.data, TODAY)
    assert context["cot_ten"] == "Tên tập thể" and context["tong_so"] == "Tổng cộng: 01 tập thể"


def test_the_council_can_propose_instead_of_the_staff(sample_run, cfg):
    # Issue 14's seam: the council's meeting after "Xét đề nghị của"; the staff still carry out.
    council = "Hội đồng Thi đua - Khen thưởng Ban Dân tộc tỉnh tại cuộc họp ngày 10/01/2024"
    made = build(sample_run, cfg, {}, proposed_by=council)
    context = decision_report.build_context(made.decisions[0], made, sample_run.data, TODAY)
    assert context["xet_de_nghi"] == f"Xét đề nghị của {council}."
    assert context["dieu_3"].startswith("Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn "
                                        "phòng Ban, ")
    typed = build(sample_run, cfg, {decisions.PROPOSER: "Xét đề nghị của Chánh Văn phòng Ban."})
    assert typed.proposed_by == "Chánh Văn phòng Ban"  # the words the decision adds, once


def test_one_decision_with_three_lists_when_configured(tmp_path, cfg):
    outcome = job.run(ROOT / "input", tmp_path, setting(cfg, gop_danh_hieu=True), quiet,
                      today=TODAY)
    assert sorted(dossier_files(outcome)) == sorted([BONUS, COMBINED])
    listed = rows(dossier_files(outcome)[COMBINED])
    groups = [r for r in listed if r[0] in ("I", "II", "III")]
    assert groups == [["I", "Danh hiệu “Chiến sĩ thi đua cơ sở”", "", "", "3.600.000"],
                      ["II", "Danh hiệu “Lao động tiên tiến”", "", "", "9.720.000"],
                      ["III", "Danh hiệu “Tập thể lao động tiên tiến”", "", "", "4.320.000"]]
    assert len(listed) == 1 + 3 + 2 + 20 + 3 + 1
    assert listed[-1] == ["", "Tổng cộng: 03 tập thể và 20 cá nhân", "", "", "17.640.000"]
    body = docx_text(dossier_files(outcome)[COMBINED])["body"]
    assert "Về việc công nhận danh hiệu thi đua năm 2023" in body


def test_a_breach_on_two_lists_of_one_decision_is_said_once(tmp_path, cfg):
    def weak(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        person(units, "Lê Văn Hùng")["Xếp loại"] = "Hoàn thành nhiệm vụ"  # CSTĐCS, so LĐTT too

    outcome = job.run(sample(tmp_path / "in", weak), tmp_path / "out",
                      setting(cfg, gop_danh_hieu=True), quiet, today=TODAY)
    assert outcome.dossier and not outcome.dossier.decisions[0].written
    assert [(i.file, i.cell) for i in outcome.issues if i.code == "ho-so-chan"] == [
        (PCSDT, "F2")]
    assert sorted(dossier_files(outcome)) == []  # nothing decided: no bonus table either


# --- the bonus workbook -------------------------------------------------------------------

def test_the_bonus_workbook(made):
    book = openpyxl.load_workbook(made[BONUS])
    lines = [r for r in book["Tiền thưởng"].iter_rows(min_row=2, values_only=True) if r[1]]
    assert len(lines) == 20 + 2 + 3 + 1 and lines[-1][1] == "Tổng cộng"
    assert lines[-1][7] == 9_720_000 + 3_600_000 + 4_320_000 == sum(r[7] for r in lines[:-1])
    hung = [r for r in lines if r[1] == "Lê Văn Hùng"]
    assert [(r[4], r[6], r[7]) for r in hung] == [
        ("Lao động tiên tiến", "Đạt danh hiệu “Chiến sĩ thi đua cơ sở”: hưởng mức tiền thưởng "
                               "cao nhất của danh hiệu đó, không cộng thêm", 0),
        ("Chiến sĩ thi đua cơ sở", "1,0 × 1.800.000 = 1.800.000 đồng", 1_800_000)]
    units = {r[0]: r[1:] for r in book["Theo đơn vị"].iter_rows(min_row=2, values_only=True)}
    assert units["Văn phòng Ban"] == (8, 1, 8 * 540_000 + 1_440_000)
    assert units["Tổng cộng"] == (20, 3, 17_640_000)
    basis = {r[0]: r[1:] for r in book["Căn cứ"].iter_rows(min_row=2, values_only=True)}
    assert basis["Mức lương cơ sở (đồng)"] == ("1.800.000", "Nghị định số 24/2023/NĐ-CP ngày "
                                                            "14/5/2023")
    assert basis["Hệ số: Lao động tiên tiến"][0] == "0,3"
    assert "khoản 2 Điều 68" in basis["Làm tròn (đồng)"][1]
    assert book["Tiền thưởng"]["H2"].number_format == "#,##0"


# --- where and how: never overwriting, switched off, the template -----------------------------

def test_a_second_run_never_overwrites_the_decisions(tmp_path, cfg):
    job.run(ROOT / "input", tmp_path, cfg, quiet, today=TODAY)
    first = {p.name: p.read_bytes() for p in (tmp_path / HO_SO).iterdir()}
    second = job.run(ROOT / "input", tmp_path, cfg, quiet, today=TODAY)
    assert {p.name: p.read_bytes() for p in (tmp_path / HO_SO).iterdir() if p.name in first} \
        == first
    assert sorted(p.name for p in second.written if p.parent.name == "ho_so") == \
        sorted(n.replace("2023.", "2023_2.") for n in first)
    assert docx_text(dossier_files(second)[LDTT.replace("2023.", "2023_2.")])["rows"] == \
        docx_text(tmp_path / HO_SO / LDTT)["rows"]


def test_khong_ho_so_and_the_setting_switch_the_dossier_off(tmp_path, cfg):
    done = run_cli(ROOT / "input", tmp_path / "a", "--khong-ho-so")
    assert done.returncode == 0 and "HỒ SƠ CUỐI NĂM" not in done.stdout
    assert (tmp_path / "a" / "2023" / "bao_cao_thi_dua_2023.docx").is_file()
    assert not (tmp_path / "a" / HO_SO).exists()
    outcome = job.run(ROOT / "input", tmp_path / "b", setting(cfg, lap=False), quiet,
                      today=TODAY)
    assert outcome.dossier is None and not dossier_files(outcome)
    assert not (tmp_path / "b" / HO_SO).exists()


def test_init_makes_the_decision_template(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[paths]\ntemplates = "{(tmp_path / "mau").as_posix()}"\n'
                   f'report_template = "{(tmp_path / "mau" / "bao_cao.docx").as_posix()}"\n'
                   f'[ho_so]\nmau_quyet_dinh = "{(tmp_path / "mau" / "qd.docx").as_posix()}"\n',
                   encoding="utf-8")
    done = subprocess.run([sys.executable, "run.py", "init", "--config", str(cfg)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0 and f"Đã tạo {tmp_path / 'mau' / 'qd.docx'}" in done.stdout
    from docxtpl import DocxTemplate

    declared = DocxTemplate(str(tmp_path / "mau" / "qd.docx")).get_undeclared_template_variables()
    assert declared == set(decision_report.VARIABLES)
    text = docx_text(tmp_path / "mau" / "qd.docx")
    assert "QUYẾT ĐỊNH" in text["body"] and "Điều 1. {{ dieu_1 }}" in text["body"]


def test_the_template_declares_exactly_the_context(made, sample_run):
    from docxtpl import DocxTemplate

    template = ROOT / "input_templates" / "mau_quyet_dinh.docx"
    assert sample_run.dossier and sample_run.data
    context = decision_report.build_context(sample_run.dossier.decisions[0], sample_run.dossier,
                                            sample_run.data, TODAY)
    assert DocxTemplate(str(template)).get_undeclared_template_variables() == set(context) \
        == set(decision_report.VARIABLES)
    assert {k for row in context["danh_sach"] for k in row} == \
        set(decision_report.ITEMS["danh_sach"])


def test_the_variables_page_is_up_to_date():
    page = ROOT / "docs" / "bien_mau_quyet_dinh.md"
    assert page.read_text(encoding="utf-8") == decision_report.variables_reference(), \
        "run python tools/make_docs.py"


def tag_unknown(doc: Any) -> None:
    doc.add_paragraph("{{ ten_nguoi_lap }}")


def pair_split(doc: Any) -> None:
    """A pair of {%p %} tags at two levels: the pre-flight names it."""
    doc.add_paragraph("{%p if not trich_yeu %}")
    doc.add_table(rows=1, cols=1).rows[0].cells[0].text = "{%p endif %}"


def pair_in_a_link(doc: Any) -> None:
    """A pair of bare tags, the end inside a hyperlink: the pre-flight names it."""
    p = doc.add_paragraph("Đầu {% if not trich_yeu %}A")
    p._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")} w:anchor="x"><w:r><w:t>B{{% endif %}}'
                          "</w:t></w:r></w:hyperlink>"))


@pytest.mark.parametrize(("change", "said"), [
    (tag_unknown, "có thẻ sai"), (pair_split, "có thẻ sai"), (pair_in_a_link, "có thẻ sai")])
def test_a_broken_decision_template_stops_the_run_before_anything_is_written(tmp_path, change,
                                                                             said):
    broken = tmp_path / "mau_quyet_dinh.docx"
    write_decision_template(broken)
    doc = Document(str(broken))
    change(doc)
    doc.save(str(broken))
    cfg = tmp_path / "config.toml"
    report = (ROOT / "input_templates" / "mau_bao_cao.docx").as_posix()
    cfg.write_text(f'[paths]\nreport_template = "{report}"\n'
                   f'[ho_so]\nmau_quyet_dinh = "{broken.as_posix()}"\n', encoding="utf-8")
    done = run_cli(ROOT / "input", tmp_path / "out", "--config", str(cfg))
    assert done.returncode == 2
    assert f"Mẫu quyết định mau_quyet_dinh.docx {said}" in done.stderr
    assert {tag_unknown: "ten_nguoi_lap", pair_split: "hai đoạn khác cấp",
            pair_in_a_link: "trong chữ có liên kết (hyperlink)"}[change] in done.stderr
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]  # not the report either


# --- the agency form's new rows --------------------------------------------------------------

def test_a_form_without_the_new_rows_still_reads_and_the_decisions_say_what_is_missing(
        tmp_path, cfg):
    folder = sample(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "co_quan.xlsx")
    info = book[schema.INFO_SHEET]
    labels = [info.cell(r, 1).value for r in range(1, info.max_row + 1)]
    for label in reversed(schema.DECISION_INFO):  # an older form: the rows are not there
        info.delete_rows(labels.index(label) + 1)
    book.save(folder / "co_quan.xlsx")
    outcome = job.run(folder, tmp_path / "out", cfg, quiet, today=TODAY)
    assert not outcome.blocked and LDTT in dossier_files(outcome)
    assert sorted(i.message.split('"')[1] for i in outcome.issues if i.code == "ho-so-thieu") \
        == sorted(schema.DECISION_INFO[:3])
    body = docx_text(dossier_files(outcome)[LDTT])["body"]
    # no decision date, no report date: today's (20/12/2023), before the 2022 law took force
    assert [p for p in body if p.startswith("Căn cứ")] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 "
        "năm 2005;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 "
        "năm 2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng;"]
    assert "Xét đề nghị của …………………." in body
    assert "Quảng Ngãi, ngày      tháng 12 năm 2023" in body  # the day left for the signer


@pytest.mark.parametrize(("title", "agency", "said"), [
    ("TRƯỞNG BAN", "Ban Dân tộc tỉnh Quảng Ngãi", "Trưởng Ban Dân tộc tỉnh Quảng Ngãi"),
    ("GIÁM ĐỐC", "Sở Khoa học và Công nghệ tỉnh Kon Tum",
     "Giám đốc Sở Khoa học và Công nghệ tỉnh Kon Tum"),
    ("CHÁNH VĂN PHÒNG", "Văn phòng UBND tỉnh", "Chánh Văn phòng UBND tỉnh"),
])
def test_the_issuing_authority(title, agency, said):
    assert decision_report.authority(title, agency) == said


# --- [ho_so] in config.toml -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    ('[ho_so]\ntep_giay_khen = "../x.docx"', "ho_so.tep_giay_khen"),
    ('[ho_so]\ntep_tien_thuong = "tien.docx"', "ho_so.tep_tien_thuong"),
    ('[ho_so]\ntep_giay_khen = "A.docx"\ntep_lao_dong_tien_tien = "a.docx"',
     "ho_so.tep_lao_dong_tien_tien và ho_so.tep_giay_khen"),
    ('[ho_so]\nthu_muc = "../ho_so"', "ho_so.thu_muc"),
    ("[ho_so]\nhe_so_lao_dong_tien_tien = nan", "ho_so.he_so_lao_dong_tien_tien"),
    ("[ho_so]\nhe_so_giay_khen_tap_the = -0.6", "ho_so.he_so_giay_khen_tap_the"),
    ("[ho_so]\nlam_tron = 0", "ho_so.lam_tron"),
    ("[ho_so]\ngop = true", "ho_so.gop"),
    ('[[ho_so.can_cu]]\ntu_ngay = "2024-01-01"\nvan_ban = ["Luật"]', "ho_so.can_cu thứ 1.tu_ngay"),
    ("[[ho_so.can_cu]]\ntu_ngay = 2024-01-01\nvan_ban = []", "ho_so.can_cu thứ 1.van_ban"),
    ("[[ho_so.luong_co_so]]\ntu_ngay = 2024-07-01\nmuc = 2340000",
     "ho_so.luong_co_so thứ 1 thiếu khóa can_cu"),
    ('[[ho_so.luong_co_so]]\ntu_ngay = 2024-07-01\nmuc = 0\ncan_cu = "x"',
     "ho_so.luong_co_so thứ 1: muc"),
    ('[[ho_so.luong_co_so]]\ntu_ngay = 2024-07-01\nmuc = 1\ncan_cu = "x"\n'
     '[[ho_so.luong_co_so]]\ntu_ngay = 2024-07-01\nmuc = 2\ncan_cu = "y"', "ho_so.luong_co_so:"),
])
def test_a_dossier_setting_mistake_names_its_key(tmp_path, text, key):
    refused(tmp_path, text, key)


def test_the_shipped_config_repeats_the_dossier_defaults():
    shipped = config.load(ROOT / "config.toml").ho_so
    paths = {k: getattr(shipped, k) for k in ("mau_quyet_dinh", "mau_bien_ban", "mau_to_trinh",
                                              "mau_bao_cao_thanh_tich")}
    assert shipped == dataclasses.replace(config.HoSo(), **paths)
    steps = [(s.tu_ngay, s.muc) for s in shipped.luong_co_so]
    assert steps[-2:] == [(date(2023, 7, 1), 1_800_000), (date(2024, 7, 1), 2_340_000)]


def test_check_says_before_the_run_which_decision_would_be_held(tmp_path):
    """`run.py check` judges the dossier as the run would, writing nothing: the secretary
    learns of a held decision while the forms can still be fixed."""
    folder = sample(tmp_path / "in", without_initiative)
    done = run_cli(folder, tmp_path / "out", "check")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "out").exists()
    assert "CHƯA LẬP quyết định công nhận danh hiệu “Chiến sĩ thi đua cơ sở” năm 2023: 01 lý " \
           f"do ở mục \"{HOLD}\" (ở trên)" in done.stdout
    assert f"{HOLD} [{PCSDT} › Cá nhân › H2]: Chưa lập quyết định" in done.stdout
    assert "Sẽ lập quyết định công nhận danh hiệu “Lao động tiên tiến” năm 2023: 20 cá nhân, " \
           "tiền thưởng 9.720.000 đồng" in done.stdout and "Đã lập" not in done.stdout
    ran = run_cli(folder, tmp_path / "out")
    problems = [text.split("KẾT QUẢ")[0].split("Lỗi và cảnh báo")[1]
                for text in (done.stdout, ran.stdout)]
    assert problems[0] == problems[1]  # the same list, before and after
    quiet_check = run_cli(folder, tmp_path / "out", "check", "--khong-ho-so")
    assert "HỒ SƠ CUỐI NĂM" not in quiet_check.stdout and HOLD not in quiet_check.stdout

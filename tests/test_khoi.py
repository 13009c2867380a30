"""The khối thi đua, end to end: invented agencies (tests/khoi_data.py) run one by one, their
results and one agency's own folder consolidated; the khối's docx, xlsx and json read back;
every data check of the khối; the scoring and tie rules on hand-made results."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from pipeline import config, job, khoi, schema
from pipeline.cells import UNUSABLE
from pipeline.cli import main
from pipeline.config import P_REACHED, Criterion
from pipeline.delivery import outputs
from pipeline.errors import ConfigError
from pipeline.figures import result
from pipeline.figures.result import AgencyResult, PledgeOutcome
from pipeline.reading.forms import write_form, write_set
from tests import khoi_data as kd
from tests.conftest import ROOT, docx_text, quiet
from tests.test_pdf import needs_office
from tests.test_print import overlapping, page_words, pdf_of
from tests.test_result import DAMAGED, with_text

TODAY = date(2025, 12, 22)
VHTT, YTE, GDDT = (kd.AGENCIES[k][0]["info"]["Tên cơ quan"] for k in ("vhtt", "yte", "gddt"))


def write_khoi_book(folder: Path, **changes: object) -> Path:
    book = {**kd.KHOI_BOOK, **changes}
    path = folder / "khoi.xlsx"
    write_form(path, schema.KHOI, book["info"],  # type: ignore[arg-type]
               {s: book[s] for s in (schema.MEMBER_SHEET, schema.BONUS_SHEET)})
    return path


@pytest.fixture(scope="module")
def members(tmp_path_factory: pytest.TempPathFactory, cfg: config.Config) -> dict[str, Path]:
    """Each invented agency's workbooks, and the result file of its own run."""
    root = tmp_path_factory.mktemp("members")
    out: dict[str, Path] = {}
    for key, (book, units) in kd.AGENCIES.items():
        write_set(root / key, book, units)
        run = job.run(root / key, root / "out" / key, cfg, quiet, today=TODAY)
        assert not run.blocked, [i.message for i in run.issues if i.blocking]
        out[key] = next(p for p in run.written if p.name == "ket_qua_2025.json")
        out[key + "/"] = root / key
    return out


def khoi_folder(base: Path, members: dict[str, Path], results: tuple[str, ...] = ("vhtt", "yte"),
                folders: tuple[str, ...] = ("gddt",), book: bool = True) -> Path:
    folder = base / "khoi_in"
    folder.mkdir()
    for key in results:
        shutil.copy(members[key], folder / f"{key}.json")
    for key in folders:
        shutil.copytree(members[key + "/"], folder / key)
    if book:
        write_khoi_book(folder)
    return folder


@pytest.fixture(scope="module")
def khoi_run(tmp_path_factory, members, cfg) -> khoi.KhoiOutcome:
    base = tmp_path_factory.mktemp("khoi")
    return khoi.run(khoi_folder(base, members), base / "out", cfg, quiet, today=TODAY)


def codes(outcome: khoi.KhoiOutcome) -> list[str]:
    return [i.code for i in outcome.issues]


def written(outcome: khoi.KhoiOutcome, suffix: str) -> Path:
    return next(p for p in outcome.written if p.name.endswith(suffix))


# --- the consolidated run -----------------------------------------------------------------

def test_members_totals_and_missing(khoi_run):
    assert not khoi_run.blocked
    assert [r.name for r in khoi_run.members] == [VHTT, YTE, GDDT]  # the workbook's order
    assert khoi_run.missing == [kd.MISSING]
    [missing] = khoi_run.issues
    assert (missing.code, missing.place()) == ("khoi-missing", "khoi.xlsx › Thành viên › B5")
    t = khoi_run.totals  # pooled: numerators and denominators summed
    assert t[schema.M_GOOD] == (37, 38) and t[schema.M_LDTT] == (36, 38)
    assert t[schema.M_CSTDCS] == (5, 38) and t[schema.M_TASKS] == (10, 11)
    assert t[schema.M_INITIATIVES] == (5, 1)


def test_ranking_points_and_proposals(khoi_run, cfg):
    ranked = [(s.rank, s.member.name, s.total, s.award, s.remark) for s in khoi_run.standings]
    assert ranked == [
        (1, VHTT, Fraction(90), cfg.khoi.ten_co_thi_dua, ""),
        (2, YTE, Fraction(85), cfg.khoi.ten_bang_khen, ""),
        (3, GDDT, Fraction(57), "", "không đề nghị: không đạt 01 chỉ tiêu giao ước"),
    ]
    why = {s.criterion: s.why for s in khoi_run.standings[0].scores}
    assert why[schema.M_LDTT] == "100% × 15 điểm = 15 điểm"
    assert why[schema.M_CSTDCS] == "20% đạt ngưỡng 10%: 10 điểm"
    assert why[schema.M_INITIATIVES] == "02, cao nhất khối 03: 10 × 02/03 = 6,67 điểm"
    bonus = khoi_run.standings[2].scores[-1]
    assert bonus.criterion == "Điểm cộng: Đăng cai Hội thi giáo viên dạy giỏi toàn tỉnh"
    assert bonus.points == 2 and "sheet Điểm cộng, ô D2" in bonus.why


def test_khoi_report_reads_back(khoi_run):
    text = docx_text(written(khoi_run, ".docx"))
    body = "\n".join(text["body"])
    assert "VĂN PHÒNG UBND TỈNH" in body and "Số:      /BC-VP" in body
    assert "Hà Giang, ngày 20 tháng 12 năm 2025" in body
    assert f"của {kd.KHOI}" in body
    assert "gồm 04 cơ quan thành viên; đã có kết quả thực hiện giao ước thi đua năm 2025 của " \
           f"03/04 cơ quan (chưa có: {kd.MISSING})." in body
    assert "36/38 cá nhân đạt danh hiệu lao động tiên tiến, đạt 94,7%." in body
    assert "10/11 nhiệm vụ được giao đã hoàn thành, đạt 90,9%." in body
    assert f"2 | {YTE} | 19/20 (95%) | 18/20 (90%) | 03/20 (15%) | 04/05 (80%) | 03/03" \
        in text["rows"]
    assert f"3 | {GDDT} | 57 | Không đề nghị: không đạt 01 chỉ tiêu giao ước" in text["rows"]
    assert f"1 | {VHTT} | 90 | Cờ thi đua của Ủy ban nhân dân tỉnh" in text["rows"]
    assert "Cơ quan bằng tổng điểm được xếp lần lượt theo: tỷ lệ chỉ tiêu giao ước đạt và " \
           "vượt;" in body
    assert "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 cơ quan: " \
           f"{VHTT} (90 điểm)." in body
    assert f"Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 cơ quan: {YTE} " \
           "(85 điểm)." in body
    assert f"{GDDT} không đạt 01 chỉ tiêu: Chỉ tiêu tỷ lệ cá nhân đạt chiến sĩ thi đua cơ sở " \
           "(0%, đăng ký 10%)." in body
    assert "So với năm" not in body  # no previous khối result
    assert "CHÁNH VĂN PHÒNG" in body and "Sùng Mí Chư" in body


def test_khoi_summary_reads_back(khoi_run):
    wb = openpyxl.load_workbook(written(khoi_run, ".xlsx"))
    assert wb.sheetnames == ["Tổng hợp", "Cơ quan", "Giao ước", "Chấm điểm", "Giải thích điểm",
                             "Kiểm tra dữ liệu"]
    rows = list(wb["Cơ quan"].iter_rows(values_only=True))
    assert [r[:2] for r in rows[1:5]] == [(1, VHTT), (2, YTE), (3, GDDT), (None, kd.MISSING)]
    explained = [r for r in wb["Giải thích điểm"].iter_rows(values_only=True) if r[1] == GDDT]
    assert len(explained) == len(config.DEFAULT_CRITERIA) + 1  # every criterion and the bonus
    assert sum(r[5] for r in explained) == pytest.approx(57)


def test_khoi_result_round_trips(khoi_run):
    path = written(khoi_run, ".json")
    back = khoi.read_result(path)
    assert (back.year, back.name) == (2025, kd.KHOI)
    assert back.members == tuple(khoi_run.members)
    assert back.ranks[khoi.ident(VHTT, "SVHTTDL")] == (1, Fraction(90))
    assert back.totals == khoi_run.totals
    assert not list(path.parent.glob(".*"))  # no staging left


def test_the_agency_folder_of_a_member_is_only_read(khoi_run, members):
    before = {p.name: p.stat().st_mtime_ns for p in members["gddt/"].iterdir()}
    assert before  # the khối run checked a copy; the member's own files are untouched
    assert all(p.parent.name == "2025" for p in khoi_run.written)



def test_output_names_come_from_the_config(tmp_path, members, cfg):
    names = config.KhoiFiles(report="bc_{year}.docx", summary="th_{year}.xlsx",
                             checks="loi_{year}.xlsx", result="kq_{year}.json")
    c = replace(cfg, khoi=replace(cfg.khoi, files=names))
    outcome = khoi.run(khoi_folder(tmp_path, members), tmp_path / "out", c, quiet, today=TODAY)
    assert sorted(p.name for p in outcome.written) == [
        "bc_2025.docx", "kq_2025.json", "loi_2025.xlsx", "th_2025.xlsx"]
    (tmp_path / "empty").mkdir()  # no year can be told: the check list alone, undated
    blocked = khoi.run(tmp_path / "empty", tmp_path / "out", c, quiet, today=TODAY)
    assert blocked.written == [tmp_path / "out" / "loi.xlsx"]

# --- year over year -----------------------------------------------------------------------

def shifted(r: AgencyResult, year: int, **metrics: tuple[int, int]) -> dict[str, object]:
    return result.dump(replace(r, year=year, metrics={**r.metrics, **metrics}))


def test_khoi_year_over_year(tmp_path, members, cfg):
    """Last year's khối result in out/<year-1>/ gives the khối totals their change."""
    out = tmp_path / "out"
    before = tmp_path / "before"
    before.mkdir()
    for key in ("vhtt", "yte", "gddt"):
        r = result.read(members[key])
        ldtt = {"vhtt": (8, 10), "yte": (16, 20), "gddt": (6, 8)}[key]
        outputs.write_json(before / f"{key}.json", shifted(r, 2024, **{schema.M_LDTT: ldtt}))
    write_khoi_book(before, info={**kd.KHOI_BOOK["info"], "Năm": 2024})
    first = khoi.run(before, out, cfg, quiet, today=TODAY)
    assert not first.blocked and first.year == 2024
    now = khoi.run(khoi_folder(tmp_path, members, ("vhtt", "yte", "gddt"), ()), out, cfg, quiet,
                   today=TODAY)
    assert now.previous is not None and now.previous.year == 2024
    body = "\n".join(docx_text(written(now, ".docx"))["body"])
    assert "So với năm 2024, các chỉ số chung của Khối như sau:" in body
    rows = docx_text(written(now, ".docx"))["rows"]
    # 2024: 30/38 = 78,9%; 2025: 36/38 = 94,7%: 15,8 points more
    assert f"{schema.M_LDTT} | 78,9% | 94,7% | tăng 15,8 điểm phần trăm so với năm 2024" in rows
    ws = openpyxl.load_workbook(written(now, ".xlsx"))["Cơ quan"]
    head = [c.value for c in ws[1]]
    assert "Hạng năm 2024" in head and "Điểm năm 2024" in head


# --- data checks --------------------------------------------------------------------------

def check(folder: Path, cfg: config.Config) -> khoi.KhoiOutcome:
    return khoi.check(folder, cfg, quiet)


def test_a_result_twice(tmp_path, members, cfg):
    folder = khoi_folder(tmp_path, members)
    shutil.copy(members["vhtt"], folder / "vhtt_copy.json")  # the same file again: counted once
    outcome = check(folder, cfg)
    [same] = [i for i in outcome.issues if i.code == "khoi-duplicate-same"]
    assert same.severity == "Cảnh báo" and "vhtt.json" in same.message
    assert not outcome.blocked and len(outcome.members) == 3
    other = result.read(members["vhtt"])
    outputs.write_json(folder / "vhtt_other.json", shifted(other, 2025, **{schema.M_LDTT: (9, 10)}))
    outcome = check(folder, cfg)
    [twice] = [i for i in outcome.issues if i.code == "khoi-duplicate"]
    assert twice.blocking and twice.file == "vhtt_other.json" and VHTT in twice.message


def test_a_result_of_another_year_blocks(tmp_path, members, cfg):
    folder = khoi_folder(tmp_path, members)
    r = result.read(members["yte"])
    outputs.write_json(folder / "yte.json", shifted(r, 2024))
    outcome = khoi.run(folder, tmp_path / "out", cfg, quiet, today=TODAY)
    [year] = [i for i in outcome.issues if i.code == "khoi-year"]
    assert year.blocking and year.file == "yte.json"
    assert "năm 2024, khác năm 2025 của khối" in year.message
    assert [p.name for p in outcome.written] == ["kiem_tra_khoi_2025.xlsx"]  # nothing else


@pytest.mark.parametrize("damage, reason", [
    (lambda d: {**d, "phien_ban": 2}, "phiên bản 2 không được hỗ trợ (cần 1)"),
    (lambda d: {**d, "loai": "khác"}, "không phải tệp kết quả của thidua"),
    (lambda d: {k: v for k, v in d.items() if k != "chi_so"}, "thiếu mục \"chi_so\""),
    (lambda d: "{not json", "không đọc được (JSONDecodeError)"),
    *(DAMAGED[case] for case in ("nested 100000 deep", "integer of 5000 digits", "NaN",
                                 "absurd count", "a fraction for a count")),
])
def test_an_unusable_result_names_the_file_and_why(tmp_path, members, cfg, damage, reason):
    folder = khoi_folder(tmp_path, members)
    data = damage(json.loads(members["yte"].read_text(encoding="utf-8")))
    (folder / "yte.json").write_text(data if isinstance(data, str) else json.dumps(data),
                                     encoding="utf-8")
    outcome = check(folder, cfg)
    [bad] = [i for i in outcome.issues if i.code == "khoi-bad-result"]
    assert bad.blocking and bad.file == "yte.json" and reason in bad.message


def test_a_result_outside_the_member_list(tmp_path, members, cfg):
    folder = khoi_folder(tmp_path, members)
    r = result.read(members["yte"])
    stranger = replace(r, name="Sở Ngoại vụ", symbol="SNGV")
    outputs.write_json(folder / "stranger.json", result.dump(stranger))
    outcome = check(folder, cfg)
    [found] = [i for i in outcome.issues if i.code == "khoi-not-member"]
    assert not found.blocking and "Sở Ngoại vụ" in found.message
    assert "Sở Ngoại vụ" not in [r.name for r in outcome.members]


def test_a_member_folder_with_errors_lists_them_by_cell(tmp_path, members, cfg):
    folder = khoi_folder(tmp_path, members)
    broken = openpyxl.load_workbook(folder / "gddt" / "van_phong.xlsx")
    broken[schema.PEOPLE_SHEET]["F2"] = "Giỏi"  # not a rating
    broken.save(folder / "gddt" / "van_phong.xlsx")
    outcome = check(folder, cfg)
    summary = next(i for i in outcome.issues if i.code == "khoi-member-errors")
    assert summary.blocking and "gddt" in summary.message
    [cell] = [i for i in outcome.issues if i.code == "bad-choice"]
    assert cell.place() == "gddt/van_phong.xlsx › Cá nhân › F2"


def test_member_listed_twice_and_unknown_bonus(tmp_path, members, cfg):
    folder = khoi_folder(tmp_path, members, book=False)
    listed = [*kd.KHOI_BOOK[schema.MEMBER_SHEET], {"Tên cơ quan": YTE, "Ký hiệu cơ quan": "SYT"}]
    write_khoi_book(folder, **{schema.MEMBER_SHEET: listed, schema.BONUS_SHEET: [
        {"Cơ quan": "Sở Tư pháp", "Nội dung": "Nhầm", "Điểm": 1}]})
    outcome = check(folder, cfg)
    places = {i.code: i.place() for i in outcome.issues}
    assert places["khoi-member-twice"] == "khoi.xlsx › Thành viên › B6"
    assert places["khoi-bonus-unknown"] == "khoi.xlsx › Điểm cộng › B2"
    assert outcome.blocked


def test_workbooks_of_an_agency_at_the_top_of_the_khoi_folder(tmp_path, members, cfg):
    folder = khoi_folder(tmp_path, members)
    shutil.copy(members["gddt/"] / "co_quan.xlsx", folder / "co_quan.xlsx")
    outcome = check(folder, cfg)
    [here] = [i for i in outcome.issues if i.code == "khoi-agency-book"]
    assert here.blocking and here.file == "co_quan.xlsx" and "Cơ quan" in here.message


def test_without_a_khoi_workbook_the_report_has_blanks_to_fill(tmp_path, members, cfg):
    folder = khoi_folder(tmp_path, members, book=False)
    outcome = khoi.run(folder, tmp_path / "out", cfg, quiet, today=TODAY)
    assert codes(outcome) == ["khoi-no-book"] and not outcome.blocked
    assert outcome.name == kd.KHOI  # from the members' own "Khối thi đua"
    assert [r.name for r in outcome.members] == sorted([VHTT, YTE, GDDT])  # sorted, Vietnamese
    body = "\n".join(docx_text(written(outcome, ".docx"))["body"])
    assert "gồm 03 cơ quan thành viên" in body and "…………………" in body


def test_an_empty_khoi_folder(tmp_path, cfg):
    (tmp_path / "empty").mkdir()
    outcome = check(tmp_path / "empty", cfg)
    assert "khoi-empty" in codes(outcome) and outcome.blocked


def test_a_khoi_workbook_in_an_agency_folder_is_an_error(tmp_path, members, cfg):
    folder = tmp_path / "agency"
    shutil.copytree(members["vhtt/"], folder)
    write_khoi_book(folder)
    outcome = job.check(folder, cfg, quiet)
    [here] = [i for i in outcome.issues if i.code == "khoi-book-here"]
    assert here.blocking and here.file == "khoi.xlsx"


# --- scoring, ties, proposals, on hand-made results ---------------------------------------

def made(name: str, ldtt: tuple[int, int], statuses: tuple[str, ...] = (schema.MET,),
         initiatives: int = 0) -> AgencyResult:
    metrics = {m: (0, 0) for m in schema.METRICS}
    metrics |= {schema.M_LDTT: ldtt, schema.M_INITIATIVES: (initiatives, 1)}
    pledges = tuple(PledgeOutcome(f"Chỉ tiêu {i}", "", None, "", "", s)
                    for i, s in enumerate(statuses))
    return AgencyResult(2025, name, name[:3].upper(), "UBND", kd.KHOI, 1, ldtt[1], 0, {},
                        metrics, pledges, 0, source=f"{name}.json")


def ranked(members: list[AgencyResult], cfg: config.Config) -> khoi.KhoiOutcome:
    standings, ties = khoi.rank(members, cfg)
    return khoi.KhoiOutcome(members=members, year=2025, name=kd.KHOI, standings=standings,
                            issues=ties)


def table(cfg: config.Config, *criteria: Criterion, **settings: object) -> config.Config:
    return replace(cfg, khoi=replace(cfg.khoi, tieu_chi=criteria, **settings))


def test_ties_broken_by_the_stated_rule_then_shared(cfg):
    c = table(cfg, Criterion(schema.M_LDTT, 10), bang_diem=(P_REACHED,), co_thi_dua=1,
              bang_khen=1)
    outcome = ranked([made("Sở Bê", (9, 10), (schema.MET, schema.NOT_MET)),
                      made("Sở A", (9, 10)), made("Sở Cê", (9, 10)),
                      made("Sở Đê", (5, 10))], c)
    order = [(s.rank, s.member.name, s.award) for s in outcome.standings]
    # Sở A and Sở Cê: 9 points and all pledges reached: shared rank 1, listed by name;
    # Sở Bê has 9 points too but reached fewer pledges: rank 3, and no proposal (Không đạt)
    assert order == [(1, "Sở A", c.khoi.ten_co_thi_dua), (1, "Sở Cê", c.khoi.ten_bang_khen),
                     (3, "Sở Bê", ""), (4, "Sở Đê", "")]
    [tie] = outcome.issues
    assert tie.code == "khoi-tie" and "Sở A và Sở Cê bằng điểm nhau (9 điểm)" in tie.message
    assert "Cờ thi đua" in tie.message


def test_proposing_members_with_a_failed_pledge_when_allowed(cfg):
    c = table(cfg, Criterion(schema.M_LDTT, 10), chi_de_nghi_khi_dat_het=False, co_thi_dua=1,
              bang_khen=0)
    outcome = ranked([made("Sở A", (10, 10), (schema.NOT_MET,)), made("Sở B", (5, 10))], c)
    assert [s.award for s in outcome.standings] == [c.khoi.ten_co_thi_dua, ""]


@pytest.mark.parametrize("criterion, points, why", [
    (Criterion(schema.M_LDTT, 20), Fraction(15), "75% × 20 điểm = 15 điểm"),
    (Criterion(schema.M_LDTT, 20, "nguong", 80), Fraction(0), "75% chưa đạt ngưỡng 80%: 0 điểm"),
    (Criterion(schema.M_LDTT, 20, "cao_nhat"), Fraction(20 * 3, 4) / Fraction(9, 10),
     "75%, cao nhất khối 90%: 20 × 75%/90% = 16,67 điểm"),
    (Criterion(schema.M_INITIATIVES, 10, "nguong", 2), Fraction(10),
     "03 đạt ngưỡng 02: 10 điểm"),
    (Criterion(schema.M_CSTDCS, 10), Fraction(0), "chưa có số liệu: 0 điểm"),
])
def test_each_way_of_scoring(cfg, criterion, points, why):
    outcome = ranked([made("Sở A", (3, 4), initiatives=3), made("Sở B", (9, 10))],
                     table(cfg, criterion))
    score = next(s for s in outcome.standings if s.member.name == "Sở A").scores[0]
    assert (score.points, score.why) == (points, why)


@pytest.mark.parametrize("text, message", [
    ('[[khoi.tieu_chi]]\nchi_so = "Tỷ lệ bịa"\ndiem = 5', "không phải chỉ số chấm điểm"),
    ('[[khoi.tieu_chi]]\nchi_so = "Số sáng kiến được công nhận"\ndiem = 5',
     "là số lượng, không tính theo tỷ lệ"),
    ('[[khoi.tieu_chi]]\nchi_so = "Tỷ lệ nhiệm vụ hoàn thành"\ndiem = 5\ncach_tinh = "x"',
     "cach_tinh \"x\" không hợp lệ"),
    ('[[khoi.tieu_chi]]\nchi_so = "Tỷ lệ nhiệm vụ hoàn thành"\ndiem = 5\nmuc = 1',
     "Khóa không hợp lệ: khoi.tieu_chi thứ 1.muc"),
    ('[[khoi.tieu_chi]]\nchi_so = "Tỷ lệ nhiệm vụ hoàn thành"', "thiếu khóa diem"),
    ('[khoi]\nco_thi_dua = 1.5', "khoi.co_thi_dua phải là một số nguyên không âm"),
    ('[khoi]\nbang_diem = ["Tỷ lệ bịa"]', "không phải chỉ số chấm điểm"),
])
def test_scoring_table_mistakes_are_named(tmp_path, text, message):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        config.load(path)


def test_private_use_and_control_characters_never_reach_the_khoi_report(tmp_path, members,
                                                                         cfg):
    folder = khoi_folder(tmp_path, members)
    data = json.loads((folder / "vhtt.json").read_text(encoding="utf-8"))
    data["co_quan"]["ten"] += "\ue000\x07"  # the footnote markers, a control character
    data["giao_uoc"][0]["chi_tieu"] += " {_{ x }_}\ue001"
    (folder / "vhtt.json").write_text(json.dumps(data), encoding="utf-8")
    info = kd.KHOI_BOOK["info"]
    write_khoi_book(folder, info={**info, "Tên khối": info["Tên khối"] + "\U000f0001"})

    outcome = khoi.run(folder, tmp_path / "out", cfg, quiet, today=TODAY)

    assert not outcome.blocked
    assert [(i.file, i.code) for i in outcome.issues if i.code == "control-chars"] == [
        ("khoi.xlsx", "control-chars")]
    text = docx_text(written(outcome, ".docx"))
    lines = text["body"] + text["rows"] + text["footnotes"]
    assert any(VHTT in line for line in text["rows"])
    assert not [line for line in lines if UNUSABLE.search(line)]
    assert result.parse(data).name == VHTT


# --- the command line ---------------------------------------------------------------------

def test_cli_khoi(tmp_path, members, capsys):
    folder = khoi_folder(tmp_path, members)
    out = tmp_path / "out"
    assert main(["khoi", "--input", str(folder), "--output", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"1. {VHTT}" in printed and "90 điểm" in printed and "Cờ thi đua" in printed
    assert sorted(p.name for p in (out / "2025").iterdir()) == [
        "bao_cao_khoi_2025.docx", "ket_qua_khoi_2025.json", "kiem_tra_khoi_2025.xlsx",
        "tong_hop_khoi_2025.xlsx"]
    (folder / "yte.json").write_text("{}", encoding="utf-8")
    assert main(["khoi", "--input", str(folder), "--output", str(out)]) == 1
    captured = capsys.readouterr()
    assert "yte.json" in captured.out and "Traceback" not in captured.err


def test_cli_khoi_a_damaged_member_result_is_a_data_error(tmp_path, members, capsys):
    folder = khoi_folder(tmp_path, members)
    data = json.loads(members["yte"].read_text(encoding="utf-8"))
    (folder / "yte.json").write_text(with_text(data, "canh_bao", "NaN"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["khoi", "--input", str(folder), "--output", str(out)]) == 1
    captured = capsys.readouterr()
    assert ("[yte.json]: Tệp kết quả không dùng được: có giá trị NaN, không phải số."
            in captured.out)
    assert "Traceback" not in captured.err and "Lỗi không mong đợi" not in captured.err
    assert [p.name for p in (out / "2025").iterdir()] == ["kiem_tra_khoi_2025.xlsx"]


@pytest.mark.parametrize("damage, reason", [
    (lambda d: {**d, "xep_hang": 5}, 'mục "xep_hang" ở gốc sai kiểu'),
    (lambda d: {**d, "xep_hang": [{**d["xep_hang"][0], "diem": [1, 0]}]},
     "phân số ở xep_hang[0] sai kiểu"),
    (lambda d: {**d, "xep_hang": [{**d["xep_hang"][0], "hang": 1.0}]},
     'mục "hang" ở xep_hang[0] sai kiểu'),
    (lambda d: {**d, "xep_hang": [{**d["xep_hang"][0], "co_quan": None}]},
     'mục "co_quan" ở xep_hang[0] sai kiểu'),
    (lambda d: {**d, "phien_ban": 10**40}, 'mục "phien_ban" ở gốc có số không hợp lệ'),
])
def test_a_damaged_khoi_result_is_refused_with_a_reason(khoi_run, tmp_path, damage, reason):
    data = json.loads(written(khoi_run, ".json").read_text(encoding="utf-8"))
    path = tmp_path / "ket_qua_khoi_2025.json"
    path.write_text(json.dumps(damage(data)), encoding="utf-8")
    with pytest.raises(result.ResultError, match=re.escape(reason)):
        khoi.read_result(path)


# --- the khối report template -------------------------------------------------------------

def test_every_khoi_template_variable_is_documented(khoi_run, cfg):
    from pipeline.khoi import report as khoi_report
    context = khoi_report.build_context(khoi_run, cfg, [], TODAY)
    assert set(khoi_report.VARIABLES) == set(context)


def test_khoi_template_passes_the_preflight_and_its_reference_is_current(cfg):
    from pipeline.documents import report
    from pipeline.documents.preflight import check_template
    from pipeline.khoi import report as khoi_report
    assert check_template(cfg.khoi.report_template, khoi_report.VARIABLES, report.FILTERS,
                          report.attributes(khoi_report.ITEMS)) == []
    page = ROOT / "docs" / "bien_mau_bao_cao_khoi.md"
    assert page.read_text(encoding="utf-8") == report.variables_reference(
        "mau_bao_cao_khoi.docx", khoi_report.VARIABLES), "run python tools/make_docs.py"


def test_khoi_template_is_reproduced_by_init(tmp_path, cfg):
    from docx import Document

    from pipeline.khoi import report as khoi_report
    khoi_report.write_template(tmp_path / "t.docx")
    fresh, shipped = Document(str(tmp_path / "t.docx")), Document(str(cfg.khoi.report_template))
    assert [p.text for p in fresh.paragraphs] == [p.text for p in shipped.paragraphs]
    section = fresh.sections[0]  # the official page: A4, margins 20/20/30/15 mm
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)


def test_khoi_report_renders_to_pdf(tmp_path, members, cfg):
    import subprocess

    from tests.test_pdf import needs_office
    if needs_office.args[0]:
        pytest.skip("LibreOffice is not installed here (.ci/run installs it)")
    outcome = khoi.run(khoi_folder(tmp_path, members), tmp_path / "out", cfg, quiet,
                       today=TODAY, want_pdf=True)
    made = tmp_path / "out" / "2025" / "bao_cao_khoi_2025.pdf"
    assert made in outcome.written and not outcome.notes
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(made), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "XẾP HẠNG" in text
    assert "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 cơ quan" in text


@needs_office
def test_khoi_summary_text_stays_in_its_rows_when_printed(khoi_run, tmp_path):
    """As the agency's summary (test_print): no words drawn over the row below in the PDF
    LibreOffice makes, on every sheet."""
    pages = page_words(pdf_of(written(khoi_run, ".xlsx"), tmp_path))
    assert len(pages) >= len(openpyxl.load_workbook(written(khoi_run, ".xlsx")).sheetnames)
    assert [(n, overlapping(words)[:3]) for n, words in enumerate(pages, 1)
            if overlapping(words)] == []

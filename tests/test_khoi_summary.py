"""The khối's Excel summary: an outcome built by hand, ranked, written, read back."""

from __future__ import annotations

import zipfile
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from pipeline import config, khoi, schema
from pipeline.figures import compare
from pipeline.figures.result import AgencyResult, PledgeOutcome
from pipeline.issues import issue
from pipeline.khoi.summary import write_khoi_summary

FORMULA_NAME = "=SUM(A1)"
SHEETS = ["Tổng hợp", "Cơ quan", "Giao ước", "Chấm điểm", "Giải thích điểm", "Kiểm tra dữ liệu"]
GREEN, RED, AMBER, LIGHT_RED = "FFC6EFCE", "FFFFC7CE", "FFFFEB9C", "FFFDE2E2"


def agency(name: str, symbol: str, people: int, good: int, ldtt: int, cstdcs: int,
           tasks: tuple[int, int], initiatives: int, *statuses: str) -> AgencyResult:
    """A member's result; the metrics the default criteria do not score are filled in."""
    metrics = {
        schema.M_GOOD: (good, people), schema.M_EXCELLENT: (min(good, 1), people),
        schema.M_LDTT: (ldtt, people), schema.M_CSTDCS: (cstdcs, people),
        schema.M_C_LDTT: (1, 2), schema.M_C_LDXS: (0, 2), schema.M_C_EXCELLENT: (1, 2),
        schema.M_TASKS: tasks, schema.M_ON_TIME: tasks, schema.M_INITIATIVES: (initiatives, 1),
    }
    assert set(metrics) == set(schema.METRICS)
    pledges = tuple(PledgeOutcome(f"Chỉ tiêu {i} của {symbol}", schema.M_LDTT, Fraction(4, 5),
                                  "80%", "85%", status)
                    for i, status in enumerate(statuses, start=1))
    return AgencyResult(2023, name, symbol, "UBND tỉnh", "Khối Tổng hợp", 3, people, 2, {},
                        metrics, pledges, warnings=len(statuses))


# By the default criteria of config.toml (30 + 10 + 10 + 15 + 10 + 15 + 10 points):
ALPHA = agency("Sở Alpha", "SA", 20, 20, 20, 3, (10, 10), 3, schema.EXCEEDED, schema.MET)
# 30 + 5 + 10 + 15 + 10 (15% >= 10%) + 15 + 10 (the most initiatives) = 95
FORMULA = agency(FORMULA_NAME, "SB", 10, 9, 8, 1, (4, 5), 0,
                 schema.MET, schema.MET, schema.NOT_MET)
# 20 + 0 + 9 + 12 + 10 + 12 + 0 = 63, not proposed: a pledge Không đạt
GAMMA = agency("Văn phòng Gamma", "VG", 8, 8, 6, 0, (0, 0), 1, schema.MET, schema.PENDING)
# 15 + 0 + 10 + 11.25 + 0 + 0 (no tasks) + 10/3 = 475/12
DELTA = agency("Ban Delta", "BD", 5, 5, 5, 1, (2, 2), 0)
# 0 (no pledges) + 0 + 10 + 15 + 10 + 15 + 0 = 50
MISSING = "Sở Epsilon"


def outcome(cfg: config.Config, previous: khoi.KhoiResult | None = None) -> khoi.KhoiOutcome:
    out = khoi.KhoiOutcome(year=2023, name="Khối các cơ quan tổng hợp",
                           members=[ALPHA, FORMULA, GAMMA, DELTA], missing=[MISSING],
                           previous=previous)
    out.issues.append(issue("khoi-missing", "mau_khoi.xlsx", "Thành viên", "B6", agency=MISSING))
    out.totals = khoi.totals(out.members)
    out.standings, ties = khoi.rank(out.members, cfg)
    out.issues += ties
    return out


@pytest.fixture(scope="module")
def cfg() -> config.Config:
    return config.load(Path(__file__).resolve().parent.parent / "config.toml")


@pytest.fixture(scope="module")
def path(cfg: config.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("khoi") / "tong_hop_khoi_2023.xlsx"
    write_khoi_summary(path, outcome(cfg), cfg)
    return path


@pytest.fixture(scope="module")
def book(path: Path):
    return openpyxl.load_workbook(path)


def values(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def row_of(ws, first: str) -> int:
    """The 1-based row whose first cell is `first`."""
    return next(r[0].row for r in ws.iter_rows() if r[0].value == first)


def column(ws, head: str, header_row: int = 1) -> list:
    heads = [c.value for c in ws[header_row]]
    return [r[heads.index(head)] for r in values(ws)[header_row:]]


def test_sheet_names(book):
    assert book.sheetnames == SHEETS


def test_overview_facts_and_pooled_totals(book):
    ws = book["Tổng hợp"]
    assert ws["A1"].value == "TỔNG HỢP KẾT QUẢ THI ĐUA CỦA KHỐI CÁC CƠ QUAN TỔNG HỢP NĂM 2023"
    assert [r[:2] for r in values(ws)[2:6]] == [
        ("Khối", "Khối các cơ quan tổng hợp"), ("Năm", 2023), ("Số cơ quan có kết quả", 4),
        ("Chưa có kết quả", MISSING)]
    heads = values(ws)[row_of(ws, "Chỉ số") - 1]
    assert heads[:4] == ("Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ") and heads[4:] == (None,) * len(
        heads[4:])
    ldtt = row_of(ws, schema.M_LDTT)
    assert [ws.cell(ldtt, c).value for c in (2, 3)] == [39, 43]  # 20 + 8 + 6 + 5 of 43
    rate = ws.cell(ldtt, 4)
    assert rate.value == pytest.approx(39 / 43) and rate.number_format == "0.0%"
    tasks = row_of(ws, schema.M_TASKS)
    assert ws.cell(tasks, 4).value == pytest.approx(16 / 17)
    count = row_of(ws, schema.M_INITIATIVES)
    assert [ws.cell(count, c).value for c in (2, 3, 4)] == [4, None, 4]
    assert len([r for r in values(ws) if r[0] in schema.METRICS]) == len(schema.METRICS)


def test_overview_pledges_counted(book):
    ws = book["Tổng hợp"]
    top = row_of(ws, "Giao ước")
    assert [r[:2] for r in values(ws)[top - 1:top + 5]] == [
        ("Giao ước", "Số chỉ tiêu"), ("Tổng số chỉ tiêu", 7), ("Đạt", 4), ("Vượt", 1),
        ("Không đạt", 1), ("Chờ kết quả", 1)]
    assert ws.auto_filter.ref.startswith("A8:")  # the metrics table keeps the filter


def test_members_in_rank_order_with_points(book):
    ws = book["Cơ quan"]
    rows = values(ws)
    heads = rows[0]
    assert heads[:4] == ("Hạng", "Cơ quan", "Ký hiệu", "Số cá nhân")
    assert "Hạng năm 2022" not in heads
    points = heads.index("Tổng điểm")
    assert [r[:3] for r in rows[1:5]] == [(1, "Sở Alpha", "SA"), (2, FORMULA_NAME, "SB"),
                                          (3, "Ban Delta", "BD"), (4, "Văn phòng Gamma", "VG")]
    assert [r[points] for r in rows[1:5]] == pytest.approx([95, 63, 50, 475 / 12])
    assert ws.cell(2, points + 1).number_format == "0.00"
    proposals = [r[heads.index("Đề nghị")] for r in rows[1:6]]
    co, bang = config.Khoi().ten_co_thi_dua, config.Khoi().ten_bang_khen
    assert proposals == [co, "không đề nghị: không đạt 01 chỉ tiêu giao ước", bang, bang,
                         "Chưa có kết quả"]
    assert rows[5][:2] == (None, MISSING)


def test_member_figures_and_total_row(book):
    ws = book["Cơ quan"]
    rows = values(ws)
    heads = rows[0]
    ldtt, tasks = heads.index(schema.M_LDTT), heads.index(schema.M_TASKS)
    gamma = rows[4]
    assert gamma[ldtt] == 0.75 and ws.cell(5, ldtt + 1).number_format == "0.0%"
    assert gamma[tasks] is None  # no tasks: no rate
    assert gamma[heads.index("Sáng kiến"):heads.index("Cảnh báo") + 1] == (1, 2, 1, 0, 1, 2)
    total = rows[6]
    assert total[:4] == (None, "Toàn khối", None, 43)
    assert total[ldtt] == pytest.approx(39 / 43)
    assert total[heads.index("Sáng kiến"):heads.index("Cảnh báo") + 1] == (4, 7, 5, 1, 1, 7)
    assert ws.cell(7, 2).font.b


def test_member_fills(book):
    ws = book["Cơ quan"]
    assert [ws.cell(r, 2).fill.fgColor.rgb for r in (2, 4, 5)] == [GREEN] * 3
    assert ws.cell(3, 2).fill.fgColor.rgb == LIGHT_RED  # ranked second, not proposed
    assert ws.cell(6, 2).fill.fill_type is None


def test_member_charts(book, path):
    assert len(book["Cơ quan"]._charts) == 2
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in sorted(z.namelist())
                  if n.startswith("xl/charts/chart")]
    assert len(charts) == 2
    assert "Tổng điểm của các cơ quan" in charts[0]
    assert "Tỷ lệ cá nhân đạt Lao động tiên tiến" in charts[1]
    # the names of the ranked members only, cached as text
    assert all("<c:strRef><c:f>'Cơ quan'!$B$2:$B$5</c:f>" in c for c in charts)
    assert all("<c:v>Văn phòng Gamma</c:v>" in c for c in charts)
    assert all("<c:v>=SUM(A1)</c:v>" in c for c in charts)


def test_pledges_with_status_fills(book):
    ws = book["Giao ước"]
    rows = values(ws)
    assert rows[0] == ("Cơ quan", "Chỉ tiêu", "Chỉ số", "Đăng ký", "Kết quả", "Đánh giá")
    assert [r[5] for r in rows[1:]] == ["Vượt", "Đạt", "Đạt", "Đạt", "Không đạt", "Đạt",
                                        "Chờ kết quả"]
    assert rows[1][:4] == ("Sở Alpha", "Chỉ tiêu 1 của SA", schema.M_LDTT, "80%")
    assert [ws.cell(r, 6).fill.fgColor.rgb for r in (2, 6, 8)] == [GREEN, RED, AMBER]
    assert ws.cell(6, 1).fill.fill_type is None


def test_scoring_matrix(book, cfg):
    ws = book["Chấm điểm"]
    rows = values(ws)
    assert rows[0][:3] == ("Hạng", "Cơ quan", "Tỷ lệ chỉ tiêu giao ước đạt và vượt (tối đa 30)")
    assert rows[0][-3:] == ("Điểm cộng", "Tổng điểm", "Đề nghị")
    assert len(rows[0]) == 2 + len(cfg.khoi.tieu_chi) + 3
    assert rows[1][:-1] == (1, "Sở Alpha", 30, 5, 10, 15, 10, 15, 10, 0, 95)
    assert rows[2][:-1] == (2, FORMULA_NAME, 20, 0, 9, 12, 10, 12, 0, 0, 63)
    assert rows[4][2:9] == pytest.approx((15, 0, 10, 11.25, 0, 0, 10 / 3))
    assert ws["J2"].number_format == "0.00" and ws["C2"].number_format == "0.00"


def test_every_point_explained(book, cfg):
    ws = book["Giải thích điểm"]
    rows = values(ws)
    assert rows[0] == ("Hạng", "Cơ quan", "Tiêu chí", "Cách tính", "Số liệu", "Điểm",
                       "Giải thích")
    lines = [r for r in rows[1:] if isinstance(r[0], int)]
    assert len(lines) == 4 * len(cfg.khoi.tieu_chi)
    alpha = {r[2]: r for r in lines if r[1] == "Sở Alpha"}
    assert alpha[schema.M_LDTT][3:] == (config.METHODS["ty_le"], 1, 15,
                                        "100% × 15 điểm = 15 điểm")
    assert alpha[schema.M_INITIATIVES][4] == 3 and alpha[schema.M_INITIATIVES][5] == 10
    gamma = {r[2]: r for r in lines if r[1] == "Văn phòng Gamma"}
    assert gamma[schema.M_CSTDCS][3] == config.METHODS["nguong"] + " (ngưỡng 10%)"
    assert gamma[schema.M_CSTDCS][6] == "0% chưa đạt ngưỡng 10%: 0 điểm"
    assert gamma[schema.M_TASKS][4:] == (None, 0, "chưa có số liệu: 0 điểm")
    row = next(i for i, r in enumerate(lines, start=2)
               if r[1] == "Văn phòng Gamma" and r[2] == schema.M_LDTT)
    assert ws.cell(row, 5).number_format == "0.0%" and ws.cell(row, 6).number_format == "0.00"
    texts = [r[0] for r in rows[len(lines) + 1:] if r[0]]
    assert texts == [khoi.tie_rule(cfg), (
        "Đề nghị tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 cơ quan dẫn đầu và Bằng khen "
        "của Chủ tịch Ủy ban nhân dân tỉnh cho 02 cơ quan kế tiếp; chỉ đề nghị cơ quan không "
        "có chỉ tiêu giao ước Không đạt, suất của cơ quan có chỉ tiêu Không đạt dành cho cơ "
        "quan kế tiếp.")]


def test_bonus_points_explained(cfg, tmp_path):
    out = outcome(cfg)
    first = out.standings[2]
    bonus = khoi.Score(f"{khoi.BONUS}: Tổ chức hội thi", None, Fraction(3, 2),
                       "phiếu Khối, sheet Điểm cộng, ô D2")
    out.standings[2] = khoi.Standing(first.member, (*first.scores, bonus),
                                     first.total + bonus.points, first.rank, first.award)
    path = tmp_path / "tong_hop.xlsx"
    write_khoi_summary(path, out, cfg)
    book = openpyxl.load_workbook(path)
    assert values(book["Chấm điểm"])[3][-3:-1] == (1.5, 51.5)
    line = next(r for r in values(book["Giải thích điểm"]) if r[2] == bonus.criterion)
    assert line[1:] == ("Ban Delta", bonus.criterion, "Khối chấm", None, 1.5, bonus.why)


def test_formula_like_name_stays_text(book):
    for sheet, cell in (("Cơ quan", "B3"), ("Giao ước", "A4"), ("Chấm điểm", "B3")):
        c = book[sheet][cell]
        assert (c.value, c.data_type) == (FORMULA_NAME, "s"), sheet


def test_check_list(book):
    rows = values(book["Kiểm tra dữ liệu"])
    assert rows[1][2:6] == ("khoi-missing", "mau_khoi.xlsx", "Thành viên", "B6")


def test_year_before_only_when_given(cfg, tmp_path):
    before = {**khoi.totals([ALPHA, DELTA]), schema.M_LDTT: (30, 40)}
    changes = compare.changes(khoi.totals([ALPHA, FORMULA, GAMMA, DELTA]), before, 2022)
    previous = khoi.KhoiResult(2022, "Khối các cơ quan tổng hợp", (),
                               {khoi.ident("Sở Alpha", "SA"): (2, Fraction(161, 2))})
    path = tmp_path / "tong_hop.xlsx"
    write_khoi_summary(path, outcome(cfg, previous), cfg, changes)
    book = openpyxl.load_workbook(path)
    ws = book["Tổng hợp"]
    top = row_of(ws, "Chỉ số")
    assert values(ws)[top - 1][4:6] == ("Năm 2022", "Thay đổi")
    ldtt = values(ws)[row_of(ws, schema.M_LDTT) - 1]
    assert ldtt[4] == 0.75 and ldtt[5] == next(c.text for c in changes
                                               if c.metric == schema.M_LDTT)
    assert ldtt[5].endswith("so với năm 2022")
    members = book["Cơ quan"]
    assert column(members, "Hạng năm 2022")[:4] == [2, None, None, None]
    assert column(members, "Điểm năm 2022")[:4] == [80.5, None, None, None]
    heads = [c.value for c in members[1]]
    assert members.cell(2, heads.index("Điểm năm 2022") + 1).number_format == "0.00"


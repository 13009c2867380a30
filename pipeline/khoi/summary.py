"""The khối's Excel summary: its totals, the members side by side with charts, their pledges,
the scoring matrix with every point explained, and the data checks (python run.py khoi).

Written with the agency summary's helpers (pipeline/summary.py), so it looks and behaves the
same: Times New Roman, user text always as text, rates and points as real numbers with their
formats, rows written in order for constant_memory.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

import xlsxwriter

from .. import fmt, schema
from ..config import Config
from ..config import Khoi as KhoiConfig
from ..documents.summary import (
    CHECK_SHEET,
    METRIC_COLUMNS,
    OPTIONS,
    PLEDGE_COLUMNS,
    STATUS_FILLS,
    Column,
    Styles,
    Value,
    _change_cells,
    _chart,
    _checks,
    _metric_row,
    _row,
    _table,
    _write,
)
from ..figures import tables
from ..figures.aggregate import Metric
from ..figures.compare import Change
from .model import BONUS, KhoiOutcome, KhoiResult, Score, Standing, ident, pledge_counts
from .score import method, tie_rule

OVERVIEW_SHEET = "Tổng hợp"
MEMBER_SHEET = "Cơ quan"
PLEDGE_SHEET = "Giao ước"
SCORE_SHEET = "Chấm điểm"
WHY_SHEET = "Giải thích điểm"
TOTAL = "Toàn khối"
MISSING = "Chưa có kết quả"
BY_KHOI = "Khối chấm"
POINTS = "points"  # summary.KINDS: "0.00"
RATES = tuple(m for m in schema.METRICS if m not in schema.COUNT_METRICS)
STATUSES = (schema.MET, schema.EXCEEDED, schema.NOT_MET, schema.PENDING)
PLEDGE_TOTAL_COLUMNS = (Column("Giao ước", 55), Column("Số chỉ tiêu", 10))
POINTS_HEAD = "Tổng điểm"
PROPOSAL_HEAD = "Đề nghị"
MEMBER_COLUMNS = (
    Column("Hạng", 6), Column("Cơ quan", 30), Column("Ký hiệu", 10), Column("Số cá nhân", 9),
    *(Column(m, 12) for m in RATES), Column("Sáng kiến", 9), Column("Chỉ tiêu", 9),
    Column("Đạt và vượt", 9), Column("Không đạt", 9), Column("Chờ kết quả", 9),
    Column("Cảnh báo", 9), Column(POINTS_HEAD, 10, kind=POINTS), Column(PROPOSAL_HEAD, 40),
)
CHARTS = ((POINTS_HEAD, "Tổng điểm của các cơ quan", "0.00", "0"),
          (schema.M_LDTT, "Tỷ lệ cá nhân đạt Lao động tiên tiến", "0.0%", "0%"))
WHY_COLUMNS = (
    Column("Hạng", 6), Column("Cơ quan", 28), Column("Tiêu chí", 40), Column("Cách tính", 40),
    Column("Số liệu", 10), Column("Điểm", 8, kind=POINTS), Column("Giải thích", 60),
)


def write_khoi_summary(path: Path, outcome: KhoiOutcome, cfg: Config,
                       changes: Sequence[Change] = ()) -> None:
    """The khối's Excel summary; with `changes`, the totals show the year before and the
    change, and with outcome.previous the members show last year's rank and points."""
    # Not constant_memory: a khối's cells are few, and in memory they are written faster.
    wb = xlsxwriter.Workbook(str(path), {**OPTIONS, "constant_memory": False})
    st = Styles(wb)
    _overview(wb.add_worksheet(OVERVIEW_SHEET), st, outcome, changes)
    _members(wb, wb.add_worksheet(MEMBER_SHEET), st, outcome)
    pledges = [(r.name, p) for r in outcome.members for p in r.pledges]
    _table(wb.add_worksheet(PLEDGE_SHEET), st, (Column("Cơ quan", 28, False), *PLEDGE_COLUMNS),
           [[name, p.text, p.metric, p.target_text, p.actual_text, p.status]
            for name, p in pledges], [STATUS_FILLS.get(p.status, "") for _, p in pledges])
    _matrix(wb.add_worksheet(SCORE_SHEET), st, outcome, cfg.khoi)
    _explained(wb.add_worksheet(WHY_SHEET), st, outcome, cfg)
    _checks(wb.add_worksheet(CHECK_SHEET), st, outcome.issues)
    st.close()


# --- Tổng hợp --------------------------------------------------------------------------------

def _overview(ws: Any, st: Styles, outcome: KhoiOutcome, changes: Sequence[Change]) -> None:
    """The khối, its year and members, its pooled metrics, then its pledges counted."""
    year = "" if outcome.year is None else f" NĂM {outcome.year}"
    name = (outcome.name or "khối").upper()
    ws.write_string(0, 0, f"TỔNG HỢP KẾT QUẢ THI ĐUA CỦA {name}{year}", st.get("title"))
    facts: list[tuple[str, Value]] = [
        ("Khối", outcome.name), ("Năm", outcome.year),
        ("Số cơ quan có kết quả", len(outcome.members)),
        ("Chưa có kết quả", fmt.join_vi(outcome.missing) if outcome.missing else "Không"),
    ]
    for row, (label, value) in enumerate(facts, start=2):
        ws.write_string(row, 0, label, st.get("plain", bold=True))
        _write(ws, row, 1, value, st.get("plain" if isinstance(value, str) else "int"))
    names = [m for m in schema.METRICS if m in outcome.totals]
    rows = [_metric_row(Metric(m, *outcome.totals[m])) for m in names]
    columns: tuple[Column, ...] = METRIC_COLUMNS
    if changes:
        by_metric = {c.metric: c for c in changes}
        rows = [row + _change_cells(by_metric.get(m)) for m, row in zip(names, rows, strict=True)]
        columns += (Column(f"Năm {changes[0].year_before}", 10), Column("Thay đổi", 45))
    end = _table(ws, st, columns, rows, top=len(facts) + 3)
    _small_table(ws, st, PLEDGE_TOTAL_COLUMNS, _pledge_totals(_sums(outcome)), end + 1)


def _sums(outcome: KhoiOutcome) -> dict[tuple[str, str], int]:
    """The members' table summed: pledges by status, people, pledges, warnings."""
    table = outcome.table if outcome.table is not None else tables.members(outcome.members)
    return {k: int(v) for k, v in table.sum().items()}


def _pledge_totals(sums: dict[tuple[str, str], int]) -> list[list[Value]]:
    rows: list[list[Value]] = [["Tổng số chỉ tiêu", sums[("size", "pledges")]]]
    return rows + [[status, sums[("pledges", status)]] for status in STATUSES]


def _small_table(ws: Any, st: Styles, columns: Sequence[Column],
                 rows: Sequence[Sequence[Value]], top: int) -> None:
    """A second table on a sheet: its header and rows, the first table keeping the filter."""
    for col, column in enumerate(columns):
        ws.write_string(top, col, column.head, st.get("head"))
    for i, values in enumerate(rows):
        _row(ws, st, top + 1 + i, values)


# --- Cơ quan ---------------------------------------------------------------------------------

def _fill(s: Standing) -> str:
    return "green" if s.award else "light_red" if s.remark else ""


def _member_row(s: Standing, previous: KhoiResult | None) -> list[Value]:
    r, counts = s.member, pledge_counts(s.member)
    row: list[Value] = [
        s.rank, r.name, r.symbol, r.people, *(r.rate(m) for m in RATES),
        r.metrics[schema.M_INITIATIVES][0], len(r.pledges),
        counts[schema.MET] + counts[schema.EXCEEDED], counts[schema.NOT_MET],
        counts[schema.PENDING], r.warnings, s.total, s.award or s.remark]
    if previous is not None:
        before = previous.ranks.get(ident(r.name, r.symbol))
        row += [before[0], before[1]] if before else [None, None]
    return row


def _total_row(outcome: KhoiOutcome, width: int) -> list[Value]:
    t, sums = outcome.totals, _sums(outcome)
    row: list[Value] = [
        None, TOTAL, None, sums[("size", "people")],
        *(Fraction(*t[m]) if m in t and t[m][1] else None for m in RATES),
        t.get(schema.M_INITIATIVES, (0, 1))[0], sums[("size", "pledges")],
        sums[("pledges", schema.MET)] + sums[("pledges", schema.EXCEEDED)],
        sums[("pledges", schema.NOT_MET)], sums[("pledges", schema.PENDING)],
        sums[("size", "warnings")]]
    return row + [None] * (width - len(row))


def _members(wb: xlsxwriter.Workbook, ws: Any, st: Styles, outcome: KhoiOutcome) -> None:
    """One row per member in rank order, those without a result, the khối's total, and two
    charts under them."""
    columns = MEMBER_COLUMNS
    if outcome.previous is not None:
        y = outcome.previous.year
        columns += (Column(f"Hạng năm {y}", 9), Column(f"Điểm năm {y}", 10, kind=POINTS))
    heads = [c.head for c in columns]
    ranked = [_member_row(s, outcome.previous) for s in outcome.standings]
    missing: list[list[Value]] = []
    for name in outcome.missing:
        row: list[Value] = [None] * len(columns)
        row[1], row[heads.index(PROPOSAL_HEAD)] = name, MISSING
        missing.append(row)
    fills = [_fill(s) for s in outcome.standings] + [""] * len(missing)
    end = _table(ws, st, columns, ranked + missing, fills)
    _row(ws, st, end, _total_row(outcome, len(columns)), bold=True,
         kinds=[c.kind for c in columns])
    if ranked:
        for i, (head, title, label, axis) in enumerate(CHARTS):
            _chart(wb, ws, ranked, end + 2, heads.index(head), title, x_offset=i * 580,
                   name_col=1, label_format=label, axis_format=axis)


# --- Chấm điểm and Giải thích điểm -------------------------------------------------------------

def _split(s: Standing) -> tuple[list[Score], list[Score]]:
    """A standing's criterion scores (in tieu_chi order) and its extra points."""
    bonus = [x for x in s.scores if x.criterion.startswith(BONUS)]
    return [x for x in s.scores if not x.criterion.startswith(BONUS)], bonus


def _matrix(ws: Any, st: Styles, outcome: KhoiOutcome, k: KhoiConfig) -> None:
    """Members × criteria: the points of each, the extra points, the total, the proposal."""
    columns = (Column("Hạng", 6), Column("Cơ quan", 30),
               *(Column(f"{c.chi_so} (tối đa {fmt.number(Fraction(str(c.diem)))})", 14,
                        kind=POINTS) for c in k.tieu_chi),
               Column(BONUS, 10, kind=POINTS), Column(POINTS_HEAD, 10, kind=POINTS),
               Column(PROPOSAL_HEAD, 40))
    rows: list[list[Value]] = []
    for s in outcome.standings:
        scored, bonus = _split(s)
        rows.append([s.rank, s.member.name, *(x.points for x in scored),
                     sum((x.points for x in bonus), Fraction(0)), s.total,
                     s.award or s.remark])
    _table(ws, st, columns, rows, [_fill(s) for s in outcome.standings])


def _figure(x: Score) -> Value:
    """The member's figure as a number: a count as an integer, a rate as a fraction."""
    if x.value is None:
        return None
    return int(x.value) if x.criterion in schema.COUNT_METRICS else x.value


def _explained(ws: Any, st: Styles, outcome: KhoiOutcome, cfg: Config) -> None:
    """One row per member and score, with the working; then the tie rule and the numbers
    proposed."""
    rows: list[list[Value]] = []
    for s in outcome.standings:
        scored, bonus = _split(s)
        lines = [(x, method(c)) for c, x in zip(cfg.khoi.tieu_chi, scored, strict=True)]
        for x, how in lines + [(x, BY_KHOI) for x in bonus]:
            rows.append([s.rank, s.member.name, x.criterion, how, _figure(x), x.points, x.why])
    end = _table(ws, st, WHY_COLUMNS, rows)
    for i, text in enumerate((tie_rule(cfg), _proposal_rule(cfg.khoi)), start=end + 1):
        ws.write_string(i, 0, text, st.get("plain"))


def _proposal_rule(k: KhoiConfig) -> str:
    """How many are proposed for what, and who may not be."""
    offers = [(title, n) for title, n in ((k.ten_co_thi_dua, k.co_thi_dua),
                                          (k.ten_bang_khen, k.bang_khen)) if n]
    if not offers:
        return "Khối không đề nghị khen thưởng theo thứ hạng."
    parts = [f"{title} cho {fmt.count(n)} cơ quan {'dẫn đầu' if i == 0 else 'kế tiếp'}"
             for i, (title, n) in enumerate(offers)]
    text = "Đề nghị tặng " + " và ".join(parts)
    if k.chi_de_nghi_khi_dat_het:
        text += ("; chỉ đề nghị cơ quan không có chỉ tiêu giao ước Không đạt, suất của cơ quan "
                 "có chỉ tiêu Không đạt dành cho cơ quan kế tiếp")
    return text + "."

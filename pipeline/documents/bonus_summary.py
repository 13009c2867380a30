"""The dossier's "Bảng tổng hợp tiền thưởng" (output/<năm>/ho_so/tien_thuong_<năm>.xlsx): each
person and collective of the decisions written, with the arithmetic of the amount in words;
the totals per unit; the settings and their legal basis. Written with the summary's helpers
(pipeline/summary.py): the same fonts, text always as text, amounts as real numbers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from .. import fmt
from ..config import HoSo
from ..figures.decisions import CSTDCS, Decision, Dossier, Line
from .summary import OPTIONS, Column, Styles, Value, _row, _table

PEOPLE_SHEET = "Tiền thưởng"
UNIT_SHEET = "Theo đơn vị"
BASIS_SHEET = "Căn cứ"
TOTAL = "Tổng cộng"
COLUMNS = (
    Column("STT", 6), Column("Họ và tên, tên tập thể", 28), Column("Chức vụ", 18),
    Column("Đơn vị", 26), Column("Danh hiệu, hình thức", 26), Column("Quyết định", 40),
    Column("Cách tính", 52), Column("Mức thưởng (đồng)", 16, kind="money"),
)
UNIT_COLUMNS = (Column("Đơn vị", 30), Column("Số cá nhân", 11), Column("Số tập thể", 11),
                Column("Tiền thưởng (đồng)", 18, kind="money"))
BASIS_COLUMNS = (Column("Mục", 40), Column("Giá trị", 24), Column("Căn cứ", 90))


def write(path: Path, dossier: Dossier, settings: HoSo) -> None:
    """The bonus workbook of the decisions written."""
    written = [d for d in dossier.decisions if d.written]
    wb = xlsxwriter.Workbook(str(path), OPTIONS)
    st = Styles(wb)
    _people(wb.add_worksheet(PEOPLE_SHEET), st, written)
    _units(wb.add_worksheet(UNIT_SHEET), st, written)
    _basis(wb.add_worksheet(BASIS_SHEET), st, dossier, settings)
    st.close()


def _how(line: Line) -> str:
    if line.bonus is None:
        return (f"Đạt danh hiệu “{CSTDCS.title}”: hưởng mức tiền thưởng cao nhất của danh hiệu "
                "đó, không cộng thêm")
    return line.bonus.how


def _people(ws: Any, st: Styles, written: Sequence[Decision]) -> None:
    rows: list[list[Value]] = []
    total = 0
    for d in written:
        for a in d.lists:
            title = f"Giấy khen ({'tập thể' if a.award.collective else 'cá nhân'})" \
                if not d.kind.confers_titles else a.award.title
            for line in a.lines:
                c = line.candidate
                rows.append([len(rows) + 1, c.name, c.position, c.unit, title, d.name,
                             _how(line), line.amount])
                total += line.amount
    end = _table(ws, st, COLUMNS, rows)
    _row(ws, st, end, ["", TOTAL, "", "", "", "", "", total], bold=True,
         kinds=[c.kind for c in COLUMNS])


def _units(ws: Any, st: Styles, written: Sequence[Decision]) -> None:
    """Per unit: the people and collectives rewarded (each once) and their bonuses."""
    people: dict[str, set[int]] = {}
    groups: dict[str, set[int]] = {}
    amounts: dict[str, int] = {}
    for d in written:
        for line in (line for a in d.lists for line in a.lines):
            c = line.candidate
            (groups if c.group else people).setdefault(c.unit, set()).add(id(c.group or c.person))
            amounts[c.unit] = amounts.get(c.unit, 0) + line.amount
    rows: list[list[Value]] = [[unit, len(people.get(unit, ())), len(groups.get(unit, ())), n]
                               for unit, n in amounts.items()]
    end = _table(ws, st, UNIT_COLUMNS, rows)
    _row(ws, st, end, [TOTAL, sum(map(len, people.values())), sum(map(len, groups.values())),
                       sum(amounts.values())], bold=True, kinds=[c.kind for c in UNIT_COLUMNS])


def _basis(ws: Any, st: Styles, dossier: Dossier, s: HoSo) -> None:
    """The settings every amount comes from, with their legal basis; what was not written."""
    salary = dossier.salary
    rows: list[list[Value]] = [
        ["Ngày quyết định (chọn căn cứ và mức lương cơ sở)", fmt.day(dossier.when),
         "ô Ngày quyết định khen thưởng (không có: Ngày báo cáo, hoặc ngày chạy chương trình)"],
        ["Mức lương cơ sở (đồng)", fmt.number(salary.muc) if salary else "chưa có",
         salary.can_cu if salary else "thêm [[ho_so.luong_co_so]] vào config.toml"],
    ]
    rows += [[f"Hệ số: {label}", fmt.coefficient(s.coefficient(name)), s.he_so_can_cu]
             for name, label in COEFFICIENTS]
    rows += [["Làm tròn (đồng)", fmt.number(s.lam_tron), s.lam_tron_can_cu],
             ["Nhiều danh hiệu cùng lúc", "mức cao nhất", s.muc_cao_nhat_can_cu]]
    rows += [["Căn cứ pháp lý in trong quyết định", "", text]
             for text in (dossier.basis.van_ban if dossier.basis else ())]
    rows += [[f"Chưa lập: {d.name}", "", "; ".join(h.message for h in d.holds)]
             for d in dossier.decisions if not d.written]
    _table(ws, st, BASIS_COLUMNS, rows)


COEFFICIENTS = (
    ("lao_dong_tien_tien", "Lao động tiên tiến"),
    ("chien_si_thi_dua_co_so", "Chiến sĩ thi đua cơ sở"),
    ("tap_the_lao_dong_tien_tien", "Tập thể lao động tiên tiến"),
    ("tap_the_lao_dong_xuat_sac", "Tập thể lao động xuất sắc (do cấp trên công nhận)"),
    ("giay_khen_ca_nhan", "Giấy khen, cá nhân"),
    ("giay_khen_tap_the", "Giấy khen, tập thể"),
)

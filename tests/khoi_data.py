"""Invented member agencies of an invented khối, as workbook sets (forms.write_set),
small enough that every figure, score and rank below is worked out by hand.

Khối thi đua các cơ quan Văn hóa - Xã hội tỉnh Hà Giang, năm 2025; default scoring table
(config.toml): giao ước đạt và vượt 30 (tỷ lệ), giao ước vượt 10 (tỷ lệ), hoàn thành tốt 10,
LĐTT 15 (tỷ lệ), CSTĐCS 10 (ngưỡng 10%), nhiệm vụ 15 (tỷ lệ), sáng kiến 10 (cao nhất).

    VHTT  10 người: 10 HTT, 10 LĐTT, 2 CSTĐCS (2 sáng kiến); 4/4 nhiệm vụ; giao ước
          LĐTT 100% Đạt, CSTĐCS 15% Vượt (20%), nhiệm vụ 100% Đạt
          30 + 10/3 + 10 + 15 + 10 + 15 + 10·2/3 = 90
    SYT   20 người: 19 HTT, 18 LĐTT, 3 CSTĐCS (3 sáng kiến); 4/5 nhiệm vụ; giao ước
          LĐTT 90% Đạt, CSTĐCS 15% Đạt, nhiệm vụ 80% Đạt
          30 + 0 + 9,5 + 13,5 + 10 + 12 + 10 = 85
    GDDT  8 người: 8 HTT, 8 LĐTT, 0 CSTĐCS; 2/2 nhiệm vụ; giao ước LĐTT 100% Đạt,
          CSTĐCS 10% Không đạt (0%)
          15 + 0 + 10 + 15 + 0 + 15 + 0 = 55 (+ 2 điểm cộng = 57); not proposed
    LDTBXH listed as a member, never handed in.
Totals: 38 people; HTT 37/38, LĐTT 36/38, CSTĐCS 5/38, tasks 10/11, 5 initiatives.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pipeline import schema

YEAR = 2025
KHOI = "Khối thi đua các cơ quan Văn hóa - Xã hội tỉnh Hà Giang"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quốc", "Ngọc"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam", "Oanh",
         "Phúc", "Quân", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Hải"]


def people(prefix: int, n: int, good: int, ldtt: int, cstdcs: int) -> list[dict[str, Any]]:
    """n people: the first `good` rated Hoàn thành tốt, the first `ldtt` Lao động tiên tiến,
    the first `cstdcs` of them Chiến sĩ thi đua cơ sở with a recognised initiative."""
    out = []
    for i in range(n):
        title = schema.CSTDCS if i < cstdcs else schema.LDTT if i < ldtt else schema.NONE
        out.append({"Họ và tên": f"{FAMILY[(i + prefix) % 10]} {MIDDLE[prefix % 6]} "
                                 f"{GIVEN[i % 20]} {'' if i < 20 else 'Hai'}".strip(),
                    "Năm sinh": 1970 + i, "Loại": "Công chức",
                    "Xếp loại": schema.GOOD if i < good else schema.DONE, "Danh hiệu": title,
                    "Sáng kiến": f"Sáng kiến số {i + 1}" if i < cstdcs else None})
    return out


def agency(name: str, symbol: str, staff: list[dict[str, Any]], pledges: list[tuple[str, Any]],
           tasks: list[str], year: int = YEAR) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An agency workbook and two unit workbooks (leaders, one collective office)."""
    info = {"Năm": year, "Tên cơ quan": name, "Cơ quan chủ quản": "UBND TỈNH HÀ GIANG",
            "Ký hiệu cơ quan": symbol, "Địa danh": "Hà Giang", "Chức vụ người ký": "GIÁM ĐỐC",
            "Người ký": "Lò Văn Páo",
            "Nơi nhận": "- Văn phòng UBND tỉnh (Khối trưởng);\n- Lưu: VT.",
            "Khối thi đua": KHOI, "Văn bản đăng ký giao ước": f"Đăng ký số 12/{symbol}-VP",
            "Ngày báo cáo": date(year, 12, 10)}
    book = {"file": "co_quan.xlsx", "info": info,
            schema.PLEDGE_SHEET: [{"Chỉ tiêu": f"Chỉ tiêu {metric.lower()}", "Chỉ số": metric,
                                   "Mức đăng ký": target} for metric, target in pledges],
            schema.TASK_SHEET: [{"Nội dung nhiệm vụ": f"Nhiệm vụ {i + 1}", "Tình trạng": state}
                                for i, state in enumerate(tasks)]}
    units = [{"file": "lanh_dao.xlsx", "info": {"Năm": year, "Tên đơn vị": "Lãnh đạo",
                                                "Là tập thể xét danh hiệu": schema.NONE},
              schema.PEOPLE_SHEET: staff[:2]},
             {"file": "van_phong.xlsx", "info": {"Năm": year, "Tên đơn vị": "Văn phòng",
                                                 "Là tập thể xét danh hiệu": schema.YES,
                                                 "Xếp loại tập thể": schema.GOOD,
                                                 "Danh hiệu tập thể": schema.TTLDTT},
              schema.PEOPLE_SHEET: staff[2:]}]
    return book, units


DONE = schema.TASK_DONE
AGENCIES = {
    "vhtt": agency("Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang", "SVHTTDL",
                   people(0, 10, 10, 10, 2),
                   [(schema.M_LDTT, 100), (schema.M_CSTDCS, 15), (schema.M_TASKS, 100)],
                   [DONE] * 4),
    "yte": agency("Sở Y tế tỉnh Hà Giang", "SYT", people(1, 20, 19, 18, 3),
                  [(schema.M_LDTT, 90), (schema.M_CSTDCS, 15), (schema.M_TASKS, 80)],
                  [DONE] * 4 + [schema.TASK_RUNNING]),
    "gddt": agency("Sở Giáo dục và Đào tạo tỉnh Hà Giang", "SGDDT", people(2, 8, 8, 8, 0),
                   [(schema.M_LDTT, 100), (schema.M_CSTDCS, 10)], [DONE] * 2),
}
MISSING = "Sở Lao động - Thương binh và Xã hội tỉnh Hà Giang"

KHOI_BOOK = {
    "file": "khoi.xlsx",
    "info": {"Năm": YEAR, "Tên khối": KHOI, "Cơ quan chủ quản": "UBND TỈNH HÀ GIANG",
             "Cơ quan khối trưởng": "Văn phòng UBND tỉnh", "Ký hiệu cơ quan": "VP",
             "Địa danh": "Hà Giang", "Chức vụ người ký": "CHÁNH VĂN PHÒNG",
             "Người ký": "Sùng Mí Chư",
             "Nơi nhận": "- Ban Thi đua - Khen thưởng tỉnh;\n- Các cơ quan trong Khối;\n- Lưu: VT.",
             "Ngày báo cáo": date(YEAR, 12, 20)},
    schema.MEMBER_SHEET: [
        {"Tên cơ quan": "Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang",
         "Ký hiệu cơ quan": "SVHTTDL"},
        {"Tên cơ quan": "Sở Y tế tỉnh Hà Giang", "Ký hiệu cơ quan": "SYT"},
        {"Tên cơ quan": "Sở Giáo dục và Đào tạo tỉnh Hà Giang", "Ký hiệu cơ quan": "SGDDT"},
        {"Tên cơ quan": MISSING, "Ký hiệu cơ quan": "SLDTBXH"},
    ],
    schema.BONUS_SHEET: [
        {"Cơ quan": "SGDDT", "Nội dung": "Đăng cai Hội thi giáo viên dạy giỏi toàn tỉnh",
         "Điểm": 2},
    ],
}

"""Deterministic synthetic agencies (N units x M people, tasks, pledges) and khối workbooks,
filled in from the project's own blank forms, for the benchmark and for scale tests."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pipeline import schema
from pipeline.reading.forms import write_form, write_set

NAME, SYMBOL = "Sở Tổng hợp tỉnh Thử nghiệm", "STH"
KHOI = "Khối thi đua thử nghiệm"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Thu", "Xuân", "Hoài"]
GIVEN = ["An", "Anh", "Ánh", "Bình", "Châu", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Giang",
         "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hòa", "Hùng", "Hương", "Khoa", "Lan", "Linh",
         "Long", "Mai", "Minh", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo",
         "Thắng", "Trang", "Trung", "Tú", "Uyên", "Việt", "Vinh", "Yến"]


def _person(rng: random.Random, index: int, leader: bool) -> dict[str, Any]:
    rating = rng.choices(schema.RATINGS[:3], weights=(15, 80, 5))[0]
    good = rating != schema.DONE
    title = schema.LDTT if good else schema.NONE
    initiative = None
    if good and rng.random() < 0.08:
        title, initiative = schema.CSTDCS, f"Sáng kiến cải tiến quy trình số {index}"
    return {"Họ và tên": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            "Năm sinh": 1960 + index % 40 + (index // 40) % 7,  # unique with the name's index
            "Chức vụ": "Trưởng phòng" if leader else "Chuyên viên",
            "Loại": rng.choices(schema.STAFF_TYPES, weights=(60, 30, 10))[0],
            "Xếp loại": rating, "Danh hiệu": title, "Sáng kiến": initiative,
            "Kỷ luật": None, "Đề nghị khen thưởng": None, "Ghi chú": None}


def _unit(rng: random.Random, n: int, people: int, year: int, first: int) -> dict[str, Any]:
    rows = [_person(rng, first + i, i == 0) for i in range(people)]
    for i, row in enumerate(rows):  # names made unique so that no one is a duplicate
        row["Họ và tên"] = f"{row['Họ và tên']} {_suffix(first + i)}"
    return {"file": f"don_vi_{n:04d}.xlsx",
            "info": {"Năm": year, "Tên đơn vị": f"Đơn vị số {n}",
                     "Là tập thể xét danh hiệu": schema.YES,
                     "Xếp loại tập thể": schema.GOOD, "Danh hiệu tập thể": schema.TTLDTT},
            schema.PEOPLE_SHEET: rows}


def _suffix(i: int) -> str:
    """A distinct extra given name per person, from letters only."""
    letters = "abcdeghiklmnopqrstuvxy"
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, len(letters))
        out = letters[r] + out
    return out.capitalize()


def _agency(rng: random.Random, year: int, tasks: int, name: str, symbol: str
            ) -> dict[str, Any]:
    start = date(year, 1, 15)
    task_rows = []
    for i in range(tasks):
        deadline = start + timedelta(days=20 * i)
        done = deadline + timedelta(days=rng.randint(-10, 3))
        task_rows.append({"Nội dung nhiệm vụ": f"Nhiệm vụ số {i + 1}", "Cơ quan giao": "UBND tỉnh",
                          "Hạn hoàn thành": deadline, "Ngày hoàn thành": done,
                          "Tình trạng": schema.TASK_DONE, "Đơn vị thực hiện": "Văn phòng",
                          "Ghi chú": None})
    pledges = [{"Chỉ tiêu": m, "Chỉ số": m, "Mức đăng ký": 3 if m in schema.COUNT_METRICS else 80,
                "Kết quả": None, "Ghi chú": None} for m in schema.METRICS]
    pledges.append({"Chỉ tiêu": "Cờ thi đua cấp tỉnh", "Chỉ số": None, "Mức đăng ký": None,
                    "Kết quả": schema.PENDING, "Ghi chú": None})
    return {"file": "co_quan.xlsx",
            "info": {"Năm": year, "Tên cơ quan": name,
                     "Cơ quan chủ quản": "UBND TỈNH THỬ NGHIỆM", "Ký hiệu cơ quan": symbol,
                     "Địa danh": "Thử Nghiệm", "Chức vụ người ký": "GIÁM ĐỐC",
                     "Người ký": "Nguyễn Văn Thử", "Nơi nhận": "- Như trên;\n- Lưu: VT.",
                     "Khối thi đua": KHOI,
                     "Văn bản đăng ký giao ước": f"Đăng ký giao ước thi đua số 1/{symbol}-VP",
                     "Ngày báo cáo": None},
            schema.PLEDGE_SHEET: pledges, schema.TASK_SHEET: task_rows,
            schema.DOC_SHEET: [{"Loại văn bản": "Kế hoạch", "Số ký hiệu": "1/KH-STH",
                                "Ngày ban hành": start, "Trích yếu": "thi đua năm",
                                "Mục": "Chỉ đạo"}],
            schema.MOVEMENT_SHEET: [{"Phong trào": "Phong trào thi đua chung",
                                     "Kết quả thực hiện": "Đã triển khai[1/KH-STH].",
                                     "Văn bản": "1/KH-STH"}],
            schema.NOTE_SHEET: [{"Mục": s, "Nội dung": f"Đoạn {s.lower()}."}
                                for s in schema.NOTE_SECTIONS]}


def make_agency(folder: Path, units: int, people: int, seed: int = 2024,
                year: int = 2024, name: str = NAME, symbol: str = SYMBOL) -> Path:
    """Write an agency of `units` units of `people` people each into `folder`."""
    rng = random.Random(seed)
    unit_books = [_unit(rng, n, people, year, n * people) for n in range(1, units + 1)]
    write_set(folder, _agency(rng, year, 12, name, symbol), unit_books)
    return folder


def member(i: int) -> tuple[str, str]:
    """The name and symbol (ký hiệu) of the i-th synthetic agency of a khối, both distinct."""
    return f"Sở Thử nghiệm số {i} tỉnh Thử Nghiệm", f"STN{i:03d}"


def make_khoi_book(path: Path, members: list[tuple[str, str]], year: int = 2024) -> Path:
    """Write the khối workbook (schema.KHOI) listing `members` as (name, symbol)."""
    info = {"Năm": year, "Tên khối": KHOI, "Cơ quan chủ quản": "UBND TỈNH THỬ NGHIỆM",
            "Cơ quan khối trưởng": "Văn phòng UBND tỉnh", "Ký hiệu cơ quan": "VP",
            "Địa danh": "Thử Nghiệm", "Chức vụ người ký": "CHÁNH VĂN PHÒNG",
            "Người ký": "Trần Văn Khối", "Nơi nhận": "- Các cơ quan trong Khối;\n- Lưu: VT.",
            "Ngày báo cáo": None}
    rows = [{"Tên cơ quan": name, "Ký hiệu cơ quan": symbol} for name, symbol in members]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_form(path, schema.KHOI, info, {schema.MEMBER_SHEET: rows})
    return path

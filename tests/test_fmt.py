from __future__ import annotations

from datetime import date, datetime, time, timedelta
from fractions import Fraction

import pytest

from pipeline import fmt


@pytest.mark.parametrize(("value", "text"), [
    (Fraction(1), "100%"), (Fraction(1, 3), "33,3%"), (Fraction(1, 10), "10%"),
    (Fraction(1, 16), "6,3%"),  # half up, not half even
    (Fraction(2, 3), "66,7%"), (Fraction(0), "0%"), (Fraction(32, 35), "91,4%"),
])
def test_percent(value, text):
    assert fmt.percent(value) == text


def test_percent_with_two_decimals():
    assert fmt.percent(Fraction(1496, 10000), 2) == "14,96%"


@pytest.mark.parametrize(("n", "text"), [(0, "0"), (2, "02"), (9, "09"), (10, "10"),
                                         (1234, "1.234")])
def test_count(n, text):
    assert fmt.count(n) == text


@pytest.mark.parametrize(("n", "text"), [(7, "7"), (1234, "1.234"), (1_048_576, "1.048.576")])
def test_thousands_are_dotted_and_never_padded(n, text):
    assert fmt.thousands(n) == text


@pytest.mark.parametrize(("d", "text"), [
    (Fraction(5), "5,0"), (Fraction(158, 10), "15,8"),
    (Fraction(1, 20), "0,1"),  # 0,05 half up
    (Fraction(4, 100), "0,04"),  # one decimal would show 0,0
    (Fraction(1, 10**4), "chưa đến 0,001"),
])
def test_points_never_show_a_change_as_zero(d, text):
    assert fmt.points(d) == text


@pytest.mark.parametrize(("value", "text"), [
    (True, "TRUE"), (date(2023, 2, 28), "28/02/2023"),
    (datetime(2023, 2, 8, 14, 30), "08/02/2023 14:30"), (time(7, 5), "07:05"),
    (timedelta(hours=26, minutes=5), "26:05"), (1.5, "1,5"), (45000.0, "45000"),
    ("0.15", "0.15"),  # text stays as typed
])
def test_a_cell_as_excel_shows_it(value, text):
    assert fmt.cell(value) == text


def test_code_point():
    assert fmt.code_point("\u00a0") == "U+00A0"


def test_ratio_and_money():
    assert fmt.ratio(1, 3) == "01/03"
    assert fmt.ratio(20, 20) == "20/20"
    assert fmt.money(9_600_000) == "9.600.000 đồng"


@pytest.mark.parametrize(("when", "text"), [
    (date(2024, 2, 5), "Quảng Ngãi, ngày 05 tháng 02 năm 2024"),
    (date(2024, 3, 15), "Quảng Ngãi, ngày 15 tháng 3 năm 2024"),
    (None, "Quảng Ngãi, ngày      tháng 12 năm 2023"),
])
def test_place_date(when, text):
    assert fmt.place_date("Quảng Ngãi", when, today=date(2023, 12, 20)) == text


def test_letters_follow_the_vietnamese_sequence():
    assert [fmt.letter(i) for i in range(11)] == list("abcdđeghikl")


def test_join():
    assert fmt.join_vi(["a"]) == "a"
    assert fmt.join_vi(["a", "b", "c"]) == "a, b và c"


def test_names_sort_by_given_name_in_the_vietnamese_alphabet():
    names = ["Nguyễn Văn Đức", "Trần Thị Dũng", "Lê Ánh", "Phạm Anh", "Võ Thị Ánh",
             "Hồ Ngọc Thịnh", "Nguyễn Thị Ân", "Lê Văn Ăn", "Bùi Văn Anh"]
    assert sorted(names, key=fmt.name_key) == [
        "Bùi Văn Anh", "Phạm Anh", "Lê Ánh", "Võ Thị Ánh", "Lê Văn Ăn", "Nguyễn Thị Ân",
        "Trần Thị Dũng", "Nguyễn Văn Đức", "Hồ Ngọc Thịnh"]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Nguyễn Thị Hoà", "Nguyễn Thị Hòa", True),
    ("Lê Thuỷ", "lê  thủy", True),
    ("Nguyễn An", "Nguyễn Ân", False),
])
def test_same_name(a, b, same):
    assert fmt.same_name(a, b) is same

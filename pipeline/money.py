"""Bonus arithmetic on exact numbers, and amounts written out in Vietnamese words.

A bonus is a coefficient times the mức lương cơ sở, rounded *up* to the next 10.000 đồng
(khoản 2 Điều 68 Nghị định 91/2017/NĐ-CP, kept by the decrees after it): 0,3 × 2.340.000 =
702.000 becomes 710.000, while 540.000 stays. Fractions, never floats: 0.3 as a float is
0.29999…, and a float product can land a hair above a multiple and round up a whole step.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from babel.numbers import format_decimal

from .fmt import LOCALE

DIGITS = "không một hai ba bốn năm sáu bảy tám chín".split()
GROUPS = ("", "nghìn", "triệu", "tỷ")


@dataclass(frozen=True)
class Bonus:
    """One bonus worked out: the coefficient, the base, the exact product, the amount paid."""

    coefficient: Fraction
    base: int  # mức lương cơ sở, đồng
    step: int  # rounded up to a multiple of this, đồng

    @property
    def exact(self) -> Fraction:
        return self.coefficient * self.base

    @property
    def amount(self) -> int:
        steps = -(-self.exact // self.step)  # ceiling, on exact fractions
        return int(steps) * self.step

    @property
    def how(self) -> str:
        """The arithmetic in words: "0,3 × 2.340.000 = 702.000 đồng, làm tròn lên 710.000 đồng"."""
        said = f"{coefficient(self.coefficient)} × {number(self.base)} = {number(self.exact)} đồng"
        if self.exact != self.amount:
            said += f", làm tròn lên {number(self.amount)} đồng"
        return said


def coefficient(value: Fraction) -> str:
    """"0,3", "1,0", "1,5": a coefficient as official tables write it, one decimal at least."""
    return format_decimal(float(value), "#,##0.0##", locale=LOCALE)


def number(value: Fraction | int) -> str:
    """"702.000", "1.404.000,5"."""
    exact = Fraction(value)
    if exact.denominator == 1:
        return format_decimal(exact.numerator, locale=LOCALE)
    return format_decimal(float(exact), "#,##0.##", locale=LOCALE)


def in_words(amount: int) -> str:
    """"Chín triệu bảy trăm hai mươi nghìn đồng": an amount of đồng, as written after
    "Bằng chữ:"."""
    if amount == 0:
        return "Không đồng"
    groups = []
    n = amount
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        inner = i < len(groups) - 1  # not the leading group: "không trăm", "linh"
        words += _hundreds(g, inner)
        words.append(_group_name(i))
    text = " ".join(w for w in words if w)
    return text[0].upper() + text[1:] + " đồng"


def _group_name(i: int) -> str:
    """nghìn, triệu, tỷ, then nghìn tỷ, triệu tỷ, tỷ tỷ …"""
    if i < len(GROUPS):
        return GROUPS[i]
    return f"{_group_name(i - 3)} tỷ".strip()


def _hundreds(g: int, inner: bool) -> list[str]:
    """A group of three digits: "bảy trăm hai mươi", "không trăm linh năm", "mười lăm"."""
    h, rest = divmod(g, 100)
    t, u = divmod(rest, 10)
    out = [DIGITS[h], "trăm"] if h or inner else []
    if t == 0:
        if u:
            out += (["linh"] if out else []) + [DIGITS[u]]
        return out
    out += ["mười"] if t == 1 else [DIGITS[t], "mươi"]
    if u == 1:
        out.append("mốt" if t > 1 else "một")
    elif u == 5:
        out.append("lăm")
    elif u:
        out.append(DIGITS[u])
    return out

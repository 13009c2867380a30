"""Bonus arithmetic on exact numbers (its words and figures are written by fmt).

A bonus is a coefficient times the mức lương cơ sở, rounded *up* to the next 10.000 đồng
(khoản 2 Điều 68 Nghị định 91/2017/NĐ-CP, kept by the decrees after it): 0,3 × 2.340.000 =
702.000 becomes 710.000, while 540.000 stays. Fractions, never floats: 0.3 as a float is
0.29999…, and a float product can land a hair above a multiple and round up a whole step.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from ..fmt import coefficient, number


@dataclass(frozen=True)
class Bonus:
    """One bonus worked out: the coefficient, the base, the exact product, the amount paid."""

    coefficient: Fraction
    base: int  # mức lương cơ sở, đồng
    step: int  # rounded up to a multiple of this, đồng

    # Worked out once: a decision's list reads the same bonus for each of its thousands of lines.
    @cached_property
    def exact(self) -> Fraction:
        return self.coefficient * self.base

    @cached_property
    def amount(self) -> int:
        steps = -(-self.exact // self.step)  # ceiling, on exact fractions
        return int(steps) * self.step

    @cached_property
    def how(self) -> str:
        """The arithmetic in words: "0,3 × 2.340.000 = 702.000 đồng, làm tròn lên 710.000 đồng"."""
        said = f"{coefficient(self.coefficient)} × {number(self.base)} = {number(self.exact)} đồng"
        if self.exact != self.amount:
            said += f", làm tròn lên {number(self.amount)} đồng"
        return said

"""The khối's data: the points a member got and why, its standing, a run's outcome, last year's
result read back; and what every stage asks of a member: who it is, its pledges counted, and
the khối's pooled figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from .. import fmt, schema
from ..cells import key
from ..figures import tables
from ..figures.result import AgencyResult
from ..model import KhoiBook
from ..runlog import RunLog

BONUS = "Điểm cộng"  # a Score's criterion for the khối's extra points: "Điểm cộng: <reason>"


@dataclass(frozen=True)
class Score:
    """The points one criterion (or one line of "Điểm cộng") gave a member, and why."""

    criterion: str
    value: Fraction | None  # the member's figure for the criterion (None: no figure)
    points: Fraction
    why: str


@dataclass(frozen=True)
class Standing:
    member: AgencyResult
    scores: tuple[Score, ...]
    total: Fraction
    rank: int = 0
    award: str = ""  # the proposal, "" for none
    remark: str = ""  # why a member ranked high enough is not proposed

    @property
    def total_text(self) -> str:
        return fmt.number(self.total)


@dataclass(frozen=True)
class KhoiResult:
    """A khối run read back (ket_qua_khoi_<year>.json): next year's comparison."""

    year: int
    name: str
    members: tuple[AgencyResult, ...]
    ranks: dict[str, tuple[int, Fraction]]  # identity -> (rank, total points)

    @property
    def totals(self) -> dict[str, tuple[int, int]]:
        return totals(self.members)


@dataclass
class KhoiOutcome(RunLog):
    """What a khối run found and wrote; assembled by khoi.job from what each stage returns."""

    year: int | None = None
    book: KhoiBook | None = None
    name: str = ""
    members: list[AgencyResult] = field(default_factory=list)  # counted, in list order
    missing: list[str] = field(default_factory=list)  # listed members without a result
    standings: list[Standing] = field(default_factory=list)  # ranked
    table: pd.DataFrame | None = field(default=None, repr=False)  # members × metrics
    totals: dict[str, tuple[int, int]] = field(default_factory=dict)
    previous: KhoiResult | None = None


def ident(name: str, symbol: str) -> str:
    """How a member is recognised: its symbol (ký hiệu) when it has one, else its name."""
    return "kh:" + key(symbol) if symbol.strip() else "ten:" + key(name)


def totals(members: Sequence[AgencyResult]) -> dict[str, tuple[int, int]]:
    """The khối's metrics: numerators and denominators summed (a pooled rate, not a mean of
    rates); a count metric keeps denominator 1."""
    return pooled(tables.members(members))


def pooled(table: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """`totals` from the members' table (tables.members)."""
    num, den = table["num"].sum(), table["den"].sum()
    return {name: (int(num[name]), 1 if name in schema.COUNT_METRICS else int(den[name]))
            for name in schema.METRICS}


def pledge_counts(r: AgencyResult) -> Counter[str]:
    """A member's pledges by status."""
    return Counter(p.status for p in r.pledges)

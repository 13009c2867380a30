"""Year over year: each metric beside the previous year's result (ket_qua_<year>.json), with
the change in words ("tăng 5,0 điểm phần trăm so với năm 2022")."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Protocol, TypeVar

from .. import fmt, schema
from ..errors import UsageError
from .result import ResultError, read

NO_DATA = "chưa có số liệu"
MAX_DECIMALS = 3  # a non-zero difference shows up to this many decimals, never as "0,0"


@dataclass(frozen=True)
class Change:
    """One metric, this year and the year before."""

    metric: str
    now: tuple[int, int]  # (numerator, denominator); a count has denominator 1
    before: tuple[int, int]
    year_before: int

    @property
    def is_count(self) -> bool:
        return self.metric in schema.COUNT_METRICS

    @property
    def now_value(self) -> Fraction | None:
        return _value(self.now)

    @property
    def before_value(self) -> Fraction | None:
        return _value(self.before)

    @property
    def delta(self) -> Fraction | None:
        """Percentage points for a rate, the difference of counts for a count."""
        now, before = self.now_value, self.before_value
        if now is None or before is None:
            return None
        return now - before if self.is_count else (now - before) * 100

    @property
    def now_text(self) -> str:
        return _show(self.now_value, self.is_count)

    @property
    def before_text(self) -> str:
        return _show(self.before_value, self.is_count)

    @property
    def text(self) -> str:
        """"tăng 5,0 điểm phần trăm so với năm 2022", "giảm 01 so với năm 2022"…"""
        since = f"so với năm {self.year_before}"
        d = self.delta
        if d is None:
            return f"chưa so sánh được ({_missing(self)} chưa có số liệu)"
        if d == 0:
            return f"không đổi {since}"
        word = "tăng" if d > 0 else "giảm"
        amount = fmt.count(int(abs(d))) if self.is_count \
            else f"{fmt.points(abs(d), MAX_DECIMALS)} điểm phần trăm"
        return f"{word} {amount} {since}"


def _value(pair: tuple[int, int]) -> Fraction | None:
    return None if pair[1] == 0 else Fraction(*pair)


def _show(value: Fraction | None, is_count: bool) -> str:
    if value is None:
        return NO_DATA
    return fmt.count(int(value)) if is_count else fmt.percent(value)


def _missing(c: Change) -> str:
    if c.before_value is None and c.now_value is None:
        return "cả hai năm"
    return f"năm {c.year_before}" if c.before_value is None else "năm nay"


def changes(now: Mapping[str, tuple[int, int]], before: Mapping[str, tuple[int, int]],
            year_before: int) -> list[Change]:
    """One Change per metric present in both years, in the order of schema.METRICS."""
    return [Change(m, now[m], before[m], year_before)
            for m in schema.METRICS if m in now and m in before]


def find_previous(folder: Path, pattern: str, year: int) -> Path | None:
    """The previous year's result in `folder`; of its copies (_2, _3…) the newest run's."""
    stem, dot, ext = pattern.format(year=year - 1).rpartition(".")
    if not dot:
        stem, ext = ext, ""
    name = re.compile(re.escape(stem) + r"(?:_(\d+))?" + re.escape(dot + ext))
    found: list[tuple[int, Path]] = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = name.fullmatch(path.name)
            if m and path.is_file():
                found.append((int(m.group(1) or 1), path))
    return max(found)[1] if found else None


class Previous(Protocol):
    """What a previous result needs for the checks: an agency's or a khối's."""

    @property
    def year(self) -> int: ...

    @property
    def name(self) -> str: ...


R = TypeVar("R", bound=Previous)


def load_previous(explicit: Path | None, out_root: Path, pattern: str, year: int, name: str,
                  reader: Callable[[Path], R] = read  # type: ignore[assignment]
                  ) -> tuple[R | None, list[str]]:
    """The previous year's result of this agency (or khối: `reader`), or None and notes
    saying why it is not used. `explicit` (--previous) wins over out_root/<year-1>/."""
    if explicit is not None and not explicit.is_file():
        raise UsageError(f"Không có tệp kết quả năm trước {explicit} (tùy chọn --previous). "
                         f"Chỉ đến tệp ket_qua_{year - 1}.json của năm {year - 1}.")
    path = explicit or find_previous(out_root / str(year - 1), pattern, year)
    if path is None:
        return None, []
    skip = "bỏ qua phần so sánh"
    try:
        previous = reader(path)
    except ResultError as exc:
        return None, [f"Không dùng được kết quả năm trước {path}: {exc}; {skip}."]
    if previous.year != year - 1:
        return None, [f"Kết quả năm trước {path} là của năm {previous.year}, không phải "
                      f"{year - 1}: {skip}."]
    if not fmt.same_name(previous.name, name):
        return None, [f"Kết quả năm trước {path} là của {previous.name}, không phải {name}: "
                      f"{skip}."]
    return previous, []

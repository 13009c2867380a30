"""Pledges: each registered target against its computed figure, on exact fractions, and the
report's conclusion derived from the statuses (never written by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .. import fmt, schema
from ..issues import Issue, issue
from ..model import Pledge
from .aggregate import Metric

NO_BASE = {
    schema.M_C_LDTT: "không có đơn vị nào là tập thể xét danh hiệu",
    schema.M_C_LDXS: "không có đơn vị nào là tập thể xét danh hiệu",
    schema.M_C_EXCELLENT: "không có đơn vị nào là tập thể xét danh hiệu",
    schema.M_TASKS: "sheet Nhiệm vụ không có nhiệm vụ nào",
    schema.M_ON_TIME: "không có nhiệm vụ nào ngoài các nhiệm vụ dừng thực hiện",
}


@dataclass(frozen=True)
class PledgeResult:
    pledge: Pledge
    metric: Metric | None
    status: str
    target_text: str
    actual_text: str

    @property
    def brief(self) -> str:
        """"Cá nhân đạt … (10%, đăng ký 15%)", or the bare text of a qualitative pledge."""
        if not self.actual_text:
            return self.pledge.text
        return f"{self.pledge.text} ({self.actual_text}, đăng ký {self.target_text})"


@dataclass(frozen=True)
class Conclusion:
    total: int
    met: int  # Đạt
    exceeded: int  # Vượt
    not_met: tuple[PledgeResult, ...]
    pending: tuple[PledgeResult, ...]

    @property
    def all_met(self) -> bool:
        return not self.not_met and not self.pending

    @property
    def sentence(self) -> str:
        """The report's judgement of the pledges, from the statuses alone."""
        n = fmt.count
        if not self.total:
            return "Cơ quan chưa nhập chỉ tiêu giao ước thi đua nào (sheet Giao ước)."
        if self.all_met:
            return (f"Kết quả thi đua, khen thưởng đều đạt và vượt {n(self.total)}/"
                    f"{n(self.total)} chỉ tiêu đã đăng ký.")
        reached = fmt.ratio(self.met + self.exceeded, self.total)
        parts = [f"Kết quả thi đua, khen thưởng đạt và vượt {reached} chỉ tiêu đã đăng ký"]
        if self.not_met:
            listed = "; ".join(r.brief for r in self.not_met)
            parts.append(f"không đạt {n(len(self.not_met))} chỉ tiêu: {listed}")
        if self.pending:
            listed = "; ".join(r.pledge.text for r in self.pending)
            parts.append(f"{n(len(self.pending))} chỉ tiêu chờ kết quả: {listed}")
        return "; ".join(parts) + "."


def show(value: Fraction, metric: str, decimals: int = 1) -> str:
    return fmt.number(value) if metric in schema.COUNT_METRICS else fmt.percent(value, decimals)


def status(actual: Fraction, target: Fraction, metric: str) -> str:
    if actual == target or (actual > target and target == 1 and metric not in schema.COUNT_METRICS):
        return schema.MET
    return schema.EXCEEDED if actual > target else schema.NOT_MET


def _texts(actual: Fraction, target: Fraction, metric: str, state: str) -> tuple[str, str]:
    """Target and actual as shown; more decimals when rounding would hide a difference."""
    decimals = 1
    while (show(actual, metric, decimals) == show(target, metric, decimals)
           and state != schema.MET and decimals < 4):
        decimals += 1
    return show(target, metric), show(actual, metric, decimals)


def evaluate(pledges: tuple[Pledge, ...], metrics: dict[str, Metric]
             ) -> tuple[list[PledgeResult], list[Issue]]:
    """Every pledge with its status: Vượt, Đạt, Không đạt or Chờ kết quả."""
    results, issues = [], []
    for p in pledges:
        w = p.where
        if not p.metric:
            if not p.result:
                issues.append(issue("missing-result", w.file, w.sheet, w.cell("Kết quả"),
                                    pledge=p.text))
            results.append(PledgeResult(p, None, p.result or schema.PENDING, "", ""))
            continue
        m = metrics[p.metric]
        target = p.target if p.target is not None else Fraction(0)
        if m.value is None:
            issues.append(issue("no-denominator", w.file, w.sheet, w.cell("Chỉ số"),
                                metric=p.metric, reason=NO_BASE.get(p.metric, "không có ai")))
            results.append(PledgeResult(p, m, schema.PENDING, show(target, p.metric), ""))
            continue
        state = status(m.value, target, p.metric)
        target_text, actual_text = _texts(m.value, target, p.metric, state)
        results.append(PledgeResult(p, m, state, target_text, actual_text))
    return results, issues


def conclude(results: list[PledgeResult]) -> Conclusion:
    by = {s: [r for r in results if r.status == s]
          for s in (schema.MET, schema.EXCEEDED, schema.NOT_MET, schema.PENDING)}
    return Conclusion(total=len(results), met=len(by[schema.MET]),
                      exceeded=len(by[schema.EXCEEDED]), not_met=tuple(by[schema.NOT_MET]),
                      pending=tuple(by[schema.PENDING]))

"""Aggregation: every SPEC metric, per unit and for the agency, as exact numerators and
denominators. Counted over whole columns (numpy), never person by person: numpy rather than
pandas because its import costs a fifth, and a small agency's run is mostly start-up."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .. import schema
from ..model import Dataset, Task

COUNT_COLUMNS = ("people", "good", "excellent", "ldtt", "cstdcs", "initiatives")


@dataclass(frozen=True)
class Metric:
    name: str
    num: int
    den: int  # 0: no value; a count metric has den 1

    @property
    def is_count(self) -> bool:
        return self.name in schema.COUNT_METRICS

    @property
    def value(self) -> Fraction | None:
        return None if self.den == 0 else Fraction(self.num, self.den)


@dataclass(frozen=True)
class UnitFigures:
    name: str
    collective: bool
    rating: str
    title: str
    counts: dict[str, int]  # COUNT_COLUMNS


@dataclass(frozen=True)
class TaskFigures:
    total: int
    done: int  # Hoàn thành
    stopped: int  # Dừng thực hiện: fulfilled with consent
    late: int
    on_time: int
    on_time_base: int  # all but Dừng thực hiện
    undated: tuple[Task, ...]  # Hoàn thành without the dates to judge: counted on time


@dataclass(frozen=True)
class Figures:
    units: tuple[UnitFigures, ...]
    totals: dict[str, int]
    staff_types: dict[str, int]  # Loại -> count, in schema order, zeros left out
    collectives: int
    tasks: TaskFigures
    metrics: dict[str, Metric]


def people_flags(data: Dataset) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Each person's unit number, and a column per count (COUNT_COLUMNS) of 0/1 flags."""
    people = data.people
    index = {u.name: i for i, u in enumerate(data.units)}
    units = np.array([index[p.unit] for p in people], dtype=np.intp)
    rating = np.array([p.rating for p in people], dtype=str)
    title = np.array([p.title for p in people], dtype=str)
    flags = {
        "people": np.ones(len(people), dtype=bool),
        "good": np.isin(rating, (schema.EXCELLENT, schema.GOOD)),
        "excellent": rating == schema.EXCELLENT,
        "ldtt": np.isin(title, schema.LDTT_TITLES),
        "cstdcs": title == schema.CSTDCS,
        "initiatives": np.array([bool(p.initiative) for p in people], dtype=bool),
    }
    return units, flags


def on_time(task: Task) -> bool | None:
    """Done by its deadline (undated counts as on time); None for a stopped task."""
    if task.state == schema.TASK_STOPPED:
        return None
    if task.state != schema.TASK_DONE:
        return False  # still running or not started: not on time
    return not (task.deadline and task.done_on and task.done_on > task.deadline)


def task_figures(tasks: tuple[Task, ...]) -> TaskFigures:
    done = [t for t in tasks if t.state == schema.TASK_DONE]
    undated = tuple(t for t in done if t.deadline is None or t.done_on is None)
    stopped = sum(1 for t in tasks if t.state == schema.TASK_STOPPED)
    timely = sum(1 for t in done if on_time(t))
    return TaskFigures(total=len(tasks), done=len(done), stopped=stopped, late=len(done) - timely,
                       on_time=timely, on_time_base=len(tasks) - stopped, undated=undated)


def aggregate(data: Dataset) -> Figures:
    """All figures of the run."""
    unit_of, flags = people_flags(data)
    n = len(data.units)
    sums = {c: np.bincount(unit_of, weights=flags[c], minlength=n).astype(int)
            for c in COUNT_COLUMNS}
    units = tuple(UnitFigures(u.name, u.collective, u.rating, u.title,
                              {c: int(sums[c][i]) for c in COUNT_COLUMNS})
                  for i, u in enumerate(data.units))
    totals = {c: int(flags[c].sum()) for c in COUNT_COLUMNS}
    kinds, counts = np.unique(np.array([p.staff_type for p in data.people], dtype=str),
                              return_counts=True)
    found = dict(zip(kinds.tolist(), counts.tolist(), strict=True))
    staff_types = {t: found[t] for t in schema.STAFF_TYPES if t in found}
    coll = [u for u in data.units if u.collective]
    n_coll = len(coll)
    tasks = task_figures(data.agency.tasks)
    m = [
        Metric(schema.M_GOOD, totals["good"], totals["people"]),
        Metric(schema.M_EXCELLENT, totals["excellent"], totals["people"]),
        Metric(schema.M_LDTT, totals["ldtt"], totals["people"]),
        Metric(schema.M_CSTDCS, totals["cstdcs"], totals["people"]),
        Metric(schema.M_C_LDTT, sum(u.title in schema.TTLDTT_TITLES for u in coll),
               n_coll),
        Metric(schema.M_C_LDXS, sum(u.title == schema.TTLDXS for u in coll), n_coll),
        Metric(schema.M_C_EXCELLENT, sum(u.rating == schema.EXCELLENT for u in coll), n_coll),
        Metric(schema.M_TASKS, tasks.done + tasks.stopped, tasks.total),
        Metric(schema.M_ON_TIME, tasks.on_time, tasks.on_time_base),
        Metric(schema.M_INITIATIVES, totals["initiatives"], 1),
    ]
    return Figures(units=units, totals=totals, staff_types=staff_types, collectives=n_coll,
                   tasks=tasks, metrics={x.name: x for x in m})

"""Aggregation: every SPEC metric, per unit and for the agency, as exact numerators and
denominators. Counted over whole columns of the run's tables (tables.py: pandas), never person
by person; counts are whole numbers, rates Fraction(num, den).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import pandas as pd

from .. import schema
from ..model import Dataset, Task
from . import tables

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
    totals: dict[str, int]
    staff_types: dict[str, int]  # Loại -> count, in schema order, zeros left out
    collectives: int
    tasks: TaskFigures
    metrics: dict[str, Metric]
    # The tables counted (tables.py), for the summary to write: people and tasks as read, the
    # units with their COUNT_COLUMNS.
    people: pd.DataFrame = field(compare=False, repr=False)
    units: pd.DataFrame = field(compare=False, repr=False)
    task_rows: pd.DataFrame = field(compare=False, repr=False)


def people_flags(people: pd.DataFrame) -> pd.DataFrame:
    """A column of True/False per count (COUNT_COLUMNS), a row per person."""
    rating, title = people["rating"], people["title"]
    return pd.DataFrame({
        "people": pd.Series(True, index=people.index),
        "good": rating.isin((schema.EXCELLENT, schema.GOOD)),
        "excellent": rating == schema.EXCELLENT,
        "ldtt": title.isin(schema.LDTT_TITLES),
        "cstdcs": title == schema.CSTDCS,
        "initiatives": people["initiative"].astype(bool),
    })


def task_figures(tasks: tuple[Task, ...], rows: pd.DataFrame) -> TaskFigures:
    """The tasks counted; `rows`: the same tasks as a table (tables.tasks)."""
    state = rows["state"]
    done = state == schema.TASK_DONE
    undated = done & (rows["deadline"].isna() | rows["done_on"].isna())
    timely = tables.count(rows["on_time"].eq(True))  # None: a stopped task
    n_done, stopped = tables.count(done), tables.count(state == schema.TASK_STOPPED)
    return TaskFigures(total=len(tasks), done=n_done, stopped=stopped, late=n_done - timely,
                       on_time=timely, on_time_base=len(tasks) - stopped,
                       undated=tuple(t for t, u in zip(tasks, undated, strict=True) if u))


def aggregate(data: Dataset) -> Figures:
    """All figures of the run."""
    people, units = tables.people(data), tables.units(data)
    flags = people_flags(people)
    per_unit = flags.groupby(people["unit_no"]).sum().reindex(range(len(units)), fill_value=0)
    units = pd.concat([units, per_unit.astype(object)], axis=1)
    totals = {c: tables.count(flags[c]) for c in COUNT_COLUMNS}
    found = people["staff_type"].value_counts()
    staff_types = {t: int(found[t]) for t in schema.STAFF_TYPES if t in found.index}
    coll = units[units["collective"].astype(bool)]
    n_coll = len(coll)
    task_rows = tables.tasks(data.agency.tasks)
    tasks = task_figures(data.agency.tasks, task_rows)
    m = [
        Metric(schema.M_GOOD, totals["good"], totals["people"]),
        Metric(schema.M_EXCELLENT, totals["excellent"], totals["people"]),
        Metric(schema.M_LDTT, totals["ldtt"], totals["people"]),
        Metric(schema.M_CSTDCS, totals["cstdcs"], totals["people"]),
        Metric(schema.M_C_LDTT, tables.count(coll["title"].isin(schema.TTLDTT_TITLES)),
               n_coll),
        Metric(schema.M_C_LDXS, tables.count(coll["title"] == schema.TTLDXS), n_coll),
        Metric(schema.M_C_EXCELLENT, tables.count(coll["rating"] == schema.EXCELLENT), n_coll),
        Metric(schema.M_TASKS, tasks.done + tasks.stopped, tasks.total),
        Metric(schema.M_ON_TIME, tasks.on_time, tasks.on_time_base),
        Metric(schema.M_INITIATIVES, totals["initiatives"], 1),
    ]
    return Figures(totals=totals, staff_types=staff_types, collectives=n_coll, tasks=tasks,
                   metrics={x.name: x for x in m}, people=people, units=units,
                   task_rows=task_rows)

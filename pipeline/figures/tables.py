"""The run's tables as pandas DataFrames, made once from the checked records: the people of all
units, the units, the agency's tasks and the pledges' results; the khối's members × metrics.
Metrics are counted on their columns (aggregate.py, khoi/model.py) and the Excel summaries write
their sheets from them. The records (model.py) stay for validation, the rules and the reports,
which read one row at a time, each knowing its cell.

A run's columns hold the records' own Python values (object dtype): text stays text, a missing
year None, a date a date, so that what is written is exactly what was read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .. import schema
from ..model import Dataset, Task
from .result import STATUSES, AgencyResult

# Person attributes, in the order of the summary's staff list.
PEOPLE = ("name", "birth_year", "unit", "position", "staff_type", "rating", "title",
          "initiative", "discipline", "proposal", "note")
UNITS = ("name", "collective", "rating", "title")
TASKS = ("content", "assigned_by", "deadline", "done_on", "state", "unit", "note")
PLEDGES = ("text", "metric", "target_text", "actual_text", "status")


def frame(columns: dict[str, Sequence[Any]]) -> pd.DataFrame:
    """A frame of the given columns, their values kept as they are (object dtype)."""
    return pd.DataFrame({name: pd.Series(values, dtype=object)
                         for name, values in columns.items()})


def records(rows: Iterable[Any], names: Sequence[str]) -> pd.DataFrame:
    """A frame of the records' attributes `names`, a row per record."""
    rows = list(rows)
    return frame({name: [getattr(r, name) for r in rows] for name in names})


def people(data: Dataset) -> pd.DataFrame:
    """One row per person, unit after unit in their order; `unit_no` is the unit's place."""
    found = records(data.people, PEOPLE)
    found.insert(0, "unit_no", pd.Series([i for i, u in enumerate(data.units)
                                          for _ in u.people], dtype="int64"))
    return found


def units(data: Dataset) -> pd.DataFrame:
    return records(data.units, UNITS)


def tasks(items: Sequence[Task]) -> pd.DataFrame:
    """The agency's tasks, with `on_time`: done by the deadline, undated counted on time
    (True), done late or not done (False), stopped with consent (None)."""
    found = records(items, TASKS)
    state = found["state"]
    late = found["deadline"].notna() & found["done_on"].notna() & (
        found["done_on"] > found["deadline"])
    on_time = (state == schema.TASK_DONE) & ~late
    found["on_time"] = on_time.astype(object).where(state != schema.TASK_STOPPED, None)
    return found


def pledges(results: Iterable[Any]) -> pd.DataFrame:
    """The pledges' results (figures.pledges.PledgeResult), one row each."""
    rows = list(results)
    return frame({"text": [r.pledge.text for r in rows], "metric": [r.pledge.metric for r in rows],
                  **{name: [getattr(r, name) for r in rows] for name in PLEDGES[2:]}})


def members(results: Sequence[AgencyResult]) -> pd.DataFrame:
    """The khối's members × metrics, a row per member in their order: the numerator and the
    denominator of every metric (columns ("num", metric) and ("den", metric)), the pledges by
    status (("pledges", status)) and the members' sizes (("size", "people"|"pledges"|
    "warnings")): whole numbers to sum."""
    columns: dict[tuple[str, str], list[int]] = {}
    for part, i in (("num", 0), ("den", 1)):
        for m in schema.METRICS:
            columns[(part, m)] = [r.metrics[m][i] for r in results]
    for status in STATUSES:
        columns[("pledges", status)] = [sum(p.status == status for p in r.pledges)
                                        for r in results]
    columns[("size", "people")] = [r.people for r in results]
    columns[("size", "pledges")] = [len(r.pledges) for r in results]
    columns[("size", "warnings")] = [r.warnings for r in results]
    return pd.DataFrame(columns, dtype="int64")


def count(flags: pd.Series) -> int:
    """The number of True values, as a Python int."""
    return int(flags.sum())

"""The run's tables (pipeline/figures/tables.py): the records' values as they are, a row each,
and what aggregation counts on them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

from pipeline import schema
from pipeline.figures import tables
from pipeline.figures.aggregate import aggregate
from pipeline.figures.pledges import evaluate
from pipeline.figures.result import AgencyResult, PledgeOutcome
from pipeline.khoi.model import totals
from pipeline.model import Dataset
from tests.test_summary import AGENCY, DATA, EMPTY, LEADERS, OFFICE, person, task, unit


def test_people_keep_the_records_values_unit_by_unit():
    people = tables.people(DATA)
    assert list(people.columns) == ["unit_no", *tables.PEOPLE]
    assert people["unit_no"].tolist() == [0, 0, 1, 1, 1, 1]
    assert people["name"].tolist() == [p.name for p in DATA.people]
    first = people.iloc[0].to_dict()
    assert {k: first[k] for k in ("birth_year", "initiative", "note")} == {
        "birth_year": 1980, "initiative": "Sáng kiến A", "note": ""}
    assert type(first["birth_year"]) is int  # a Python int, not numpy's


def test_a_missing_year_stays_none_and_text_stays_text():
    nobody = replace(person("Võ Văn Tâm", "Văn phòng", schema.GOOD, schema.LDTT), birth_year=None)
    people = tables.people(Dataset(AGENCY, (unit("Văn phòng", True, schema.GOOD, "", nobody),)))
    assert people["birth_year"].tolist() == [None] and people["name"].dtype == object


def test_tasks_on_time_done_late_undated_stopped_running():
    items = (task("a", schema.TASK_DONE, date(2023, 6, 30), date(2023, 6, 30)),
             task("b", schema.TASK_DONE, date(2023, 6, 30), date(2023, 7, 1)),
             task("c", schema.TASK_DONE, None, date(2023, 7, 1)),
             task("d", schema.TASK_STOPPED, date(2023, 6, 30), None),
             task("e", schema.TASK_RUNNING, date(2023, 6, 30), None))
    assert tables.tasks(items)["on_time"].tolist() == [True, False, True, None, False]
    t = aggregate(Dataset(replace(AGENCY, tasks=items), DATA.units)).tasks
    assert (t.total, t.done, t.stopped, t.late, t.on_time, t.on_time_base) == (5, 3, 1, 1, 2, 4)
    assert [x.content for x in t.undated] == ["c"]


def test_counts_per_unit_in_the_units_order_with_an_empty_unit():
    f = aggregate(DATA)
    counted = f.units[["name", "people", "good", "excellent", "ldtt", "cstdcs", "initiatives"]]
    assert counted.values.tolist() == [
        [LEADERS.name, 2, 2, 1, 2, 1, 1], [OFFICE.name, 4, 3, 1, 3, 1, 1],
        [EMPTY.name, 0, 0, 0, 0, 0, 0]]
    assert f.totals == {"people": 6, "good": 5, "excellent": 2, "ldtt": 5, "cstdcs": 2,
                        "initiatives": 2}
    assert all(type(v) is int for v in f.totals.values())
    assert f.staff_types == {"Công chức": 5, "Hợp đồng lao động": 1}
    assert f.metrics[schema.M_LDTT].value == Fraction(5, 6)
    assert (f.collectives, f.metrics[schema.M_C_LDTT].num, f.metrics[schema.M_C_EXCELLENT].num) \
        == (2, 1, 1)


def test_pledges_in_their_order_with_their_texts():
    results, _ = evaluate(AGENCY.pledges, aggregate(DATA).metrics)
    found = tables.pledges(results)
    assert list(found.columns) == list(tables.PLEDGES)
    assert found.values.tolist() == [[r.pledge.text, r.pledge.metric, r.target_text,
                                      r.actual_text, r.status] for r in results]


def member(name: str, people: int, ldtt: int, statuses: tuple[str, ...]) -> AgencyResult:
    metrics = {m: (0, 0) for m in schema.METRICS}
    metrics |= {schema.M_LDTT: (ldtt, people), schema.M_INITIATIVES: (2, 1)}
    pledges = tuple(PledgeOutcome("x", "", None, "", "", s) for s in statuses)
    return AgencyResult(2025, name, "", "", "", 1, people, 1, {}, metrics, pledges, 3)


def test_members_by_metrics_summed_into_pooled_rates():
    found = [member("A", 10, 9, (schema.MET, schema.NOT_MET)), member("B", 30, 15, (schema.MET,))]
    table = tables.members(found)
    assert table[("num", schema.M_LDTT)].tolist() == [9, 15]
    assert table["pledges"].sum().to_dict() == {schema.MET: 2, schema.EXCEEDED: 0,
                                                schema.NOT_MET: 1, schema.PENDING: 0}
    assert table["size"].sum().to_dict() == {"people": 40, "pledges": 3, "warnings": 6}
    pooled = totals(found)
    assert pooled[schema.M_LDTT] == (24, 40)  # 60%, not the mean of 90% and 50%
    assert pooled[schema.M_INITIATIVES] == (4, 1) and pooled[schema.M_TASKS] == (0, 0)
    assert all(type(n) is int and type(d) is int for n, d in pooled.values())
    assert totals([]) == {m: (0, 1 if m in schema.COUNT_METRICS else 0) for m in schema.METRICS}

from __future__ import annotations

from fractions import Fraction as F

import pytest

from pipeline import schema
from pipeline.figures.aggregate import Metric
from pipeline.figures.pledges import conclude, evaluate, status
from pipeline.model import Pledge, Where

AT = Where("co_quan.xlsx", "Giao ước", 1, {"Kết quả": "E2", "Chỉ số": "C2"})


def pledge(metric: str, target: F | None, result: str = "", text: str = "x") -> Pledge:
    return Pledge(text, metric, target, result, "", AT)


@pytest.mark.parametrize(("actual", "target", "expected"), [
    (F(1, 10), F(15, 100), schema.NOT_MET),
    (F(15, 100), F(15, 100), schema.MET),
    (F(1, 3), F(20, 100), schema.EXCEEDED),
    (F(1), F(1), schema.MET),  # a 100% target can only be met
    (F(2, 3), F(2, 3), schema.MET),
])
def test_status_on_exact_fractions(actual, target, expected):
    assert status(actual, target, schema.M_LDTT) == expected


def test_count_target_can_be_exceeded():
    assert status(F(5), F(3), schema.M_INITIATIVES) == schema.EXCEEDED


def test_rounding_that_hides_a_miss_shows_two_decimals():
    metrics = {schema.M_LDTT: Metric(schema.M_LDTT, 374, 2500)}  # 14,96%
    [r], _ = evaluate((pledge(schema.M_LDTT, F(15, 100)),), metrics)
    assert (r.status, r.actual_text, r.target_text) == (schema.NOT_MET, "14,96%", "15%")


def test_no_denominator_is_pending_with_a_warning():
    metrics = {schema.M_C_LDTT: Metric(schema.M_C_LDTT, 0, 0)}
    [r], issues = evaluate((pledge(schema.M_C_LDTT, F(1)),), metrics)
    assert r.status == schema.PENDING
    assert [(i.cell, i.code) for i in issues] == [("C2", "no-denominator")]


def test_qualitative_keeps_entered_result_and_warns_when_empty():
    results, issues = evaluate((pledge("", None, schema.MET), pledge("", None)), {})
    assert [r.status for r in results] == [schema.MET, schema.PENDING]
    assert [(i.cell, i.code) for i in issues] == [("E2", "missing-result")]


def test_conclusion_is_derived_from_the_statuses():
    metrics = {schema.M_CSTDCS: Metric(schema.M_CSTDCS, 2, 20),
               schema.M_LDTT: Metric(schema.M_LDTT, 20, 20)}
    results, _ = evaluate((pledge(schema.M_LDTT, F(1), text="LĐTT"),
                           pledge(schema.M_CSTDCS, F(15, 100), text="CSTĐCS"),
                           pledge("", None, schema.PENDING, text="Cờ")), metrics)
    c = conclude(results)
    assert not c.all_met
    assert c.sentence == ("Kết quả thi đua, khen thưởng đạt và vượt 01/03 chỉ tiêu đã đăng ký; "
                          "không đạt 01 chỉ tiêu: CSTĐCS (10%, đăng ký 15%); 01 chỉ tiêu chờ kết "
                          "quả: Cờ.")
    all_met = conclude(results[:1])
    assert all_met.all_met and "đều đạt" in all_met.sentence

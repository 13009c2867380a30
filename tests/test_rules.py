"""Legal rules (SPEC "Rules"): quotas compared exactly, on the base the settings name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline import rules, schema
from pipeline.config import Rules


@pytest.mark.parametrize(("base", "expected"), [
    ("tot", ["Có 04 cá nhân Hoàn thành xuất sắc nhiệm vụ, vượt 20% của 16 người được xếp loại "
             "Hoàn thành tốt nhiệm vụ (tối đa 03)."]),
    ("tot_tro_len", []),  # 04 of 20 rated HTTNV or better: exactly 20%, allowed
])
def test_excellent_quota_counts_against_the_base_in_the_settings(sample_run, base, expected):
    found = rules.check_rules(sample_run.data, sample_run.figures,
                              replace(Rules(), excellent_quota_base=base))
    assert [i.message for i in found if i.code == "excellent-quota"] == expected


def test_excellent_quota_at_the_boundary_does_not_warn(sample_run):
    people = sample_run.data.people
    assert sum(p.rating == schema.EXCELLENT for p in people) == 4
    assert sum(p.rating == schema.GOOD for p in people) == 16
    # 4 <= 25% x 16 exactly: no warning, no rounding
    found = rules.check_rules(sample_run.data, sample_run.figures,
                              replace(Rules(), excellent_quota_percent=25))
    assert "excellent-quota" not in [i.code for i in found]


def test_proposed_collective_titles_are_written_as_proposals(sample_run):
    from pipeline.report import metric_sentence

    sentence = metric_sentence(sample_run.figures.metrics[schema.M_C_LDXS])
    assert sentence == ("01/03 tập thể được đề nghị tặng danh hiệu tập thể lao động xuất sắc, "
                        "đạt 33,3%")

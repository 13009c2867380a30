"""A second agency of our own invention, filled in from the project's forms: nothing is tied
to the sample. Expected figures were worked out by hand (tests/other_agency.py)."""

from __future__ import annotations

import pytest

from pipeline import fmt, schema
from tests.conftest import docx_text, written
from tests.other_agency import EXPECTED

METRIC_KEYS = {
    "good_or_better": schema.M_GOOD, "excellent": schema.M_EXCELLENT, "ldtt": schema.M_LDTT,
    "cstdcs": schema.M_CSTDCS, "collective_ldtt": schema.M_C_LDTT,
    "collective_ldxs": schema.M_C_LDXS, "collective_excellent": schema.M_C_EXCELLENT,
    "tasks_done": schema.M_TASKS, "tasks_on_time": schema.M_ON_TIME,
}


@pytest.mark.parametrize("name", METRIC_KEYS)
def test_metric(other_run, name):
    m = other_run.figures.metrics[METRIC_KEYS[name]]
    assert (m.num, m.den) == EXPECTED[name]
    assert fmt.percent(m.value) == EXPECTED["percent_text"][name]


def test_counts(other_run):
    f = other_run.figures
    assert len(other_run.data.people) == EXPECTED["people"]
    assert f.staff_types == EXPECTED["by_type"]
    assert f.metrics[schema.M_INITIATIVES].num == EXPECTED["initiatives"]
    assert f.tasks.late == EXPECTED["tasks_late"]


def test_pledge_statuses(other_run):
    assert {r.pledge.text: r.status for r in other_run.pledges} == EXPECTED["pledges"]


def test_warnings_name_the_people_and_rules(other_run):
    issues = other_run.issues
    assert not other_run.blocked
    codes = sorted(i.code for i in issues if not i.code.startswith("ho-so-"))  # test_decisions
    assert codes == sorted(["ldtt-rule", "ldtt-rule", "cstdcs-rule", "excellent-quota",
                            "cstdcs-quota", "ttldxs-rule", "target-read-as", "target-read-as"])
    by_code = {}
    for i in issues:
        by_code.setdefault(i.code, []).append(i)
    ldtt = " ".join(i.message for i in by_code["ldtt-rule"])
    assert "Phan Văn Khoa" in ldtt and "Trịnh Quốc Việt" in ldtt and "Khiển trách" in ldtt
    assert "Bùi Văn Hậu" in by_code["cstdcs-rule"][0].message
    assert by_code["cstdcs-rule"][0].sheet == schema.PEOPLE_SHEET
    assert "Phòng Quản lý khoa học" in by_code["ttldxs-rule"][0].message
    assert [(i.cell, i.message) for i in by_code["target-read-as"]] == [
        ("D7", "Mức đăng ký 0,75 được hiểu là 75%."), ("D8", "Mức đăng ký 1 được hiểu là 100%.")]
    assert "nếu là 1%, gõ 1%" in by_code["target-read-as"][1].fix
    quota = by_code["cstdcs-quota"][0]
    assert "05 Chiến sĩ thi đua cơ sở" in quota.message and "15%" in quota.message
    assert "Thông tư 08/2019/TT-BLĐTBXH" in quota.fix


def test_namesakes_with_different_birth_years_are_two_people(other_run):
    assert sum(p.name == "Nguyễn Văn An" for p in other_run.data.people) == 2


def test_report_reads_back_with_this_agencys_figures(other_run):
    report = docx_text(written(other_run, ".docx"))
    text = "\n".join(report["body"])
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH KON TUM" in report["body"]
    assert "32/35 cá nhân đạt danh hiệu lao động tiên tiến, đạt 91,4%" in text
    assert "05/35 cá nhân đạt danh hiệu chiến sĩ thi đua cơ sở, đạt 14,3%" in text
    assert "Ban Dân tộc" not in text
    for title, status in EXPECTED["pledges"].items():
        assert any(r.startswith(title + " |") and r.endswith("| " + status)
                   for r in report["rows"]), title
    assert "không đạt" in text and "chỉ tiêu chờ kết quả" in text

"""A second agency of our own invention, filled in from the project's forms: nothing is tied
to the sample. Expected figures were worked out by hand (tests/other_agency.py)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

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
    data, f = other_run.data, other_run.figures
    assert len(data.people) == EXPECTED["people"]
    assert (len(data.units), f.collectives) == (EXPECTED["units"], EXPECTED["collectives"])
    assert f.staff_types == EXPECTED["by_type"]
    assert Counter(p.rating for p in data.people) == EXPECTED["by_rating"]
    assert f.metrics[schema.M_INITIATIVES].num == EXPECTED["initiatives"]
    assert (f.tasks.total, f.tasks.late) == (EXPECTED["tasks"], EXPECTED["tasks_late"])
    assert len(data.agency.documents) == EXPECTED["documents"]
    assert len(data.agency.movements) == EXPECTED["movements"]


@pytest.mark.parametrize(("quota", "code", "counted", "base"), [
    ("htxsnv", "excellent-quota", schema.EXCELLENT, (schema.GOOD,)),
    ("cstdcs", "cstdcs-quota", schema.CSTDCS, schema.LDTT_TITLES),
])
def test_quotas(other_run, quota, code, counted, base):
    people = other_run.data.people
    count, of = EXPECTED["quotas"][quota]
    assert sum(counted in (p.rating, p.title) for p in people) == count
    assert sum(p.rating in base or p.title in base for p in people) == of
    [found] = [i.message for i in other_run.issues if i.code == code]
    assert f"Có {fmt.count(count)} " in found and f" của {fmt.count(of)} người" in found


def test_pledge_statuses(other_run):
    assert {r.pledge.text: r.status for r in other_run.pledges} == EXPECTED["pledges"]


def test_warnings_name_the_people_and_rules(other_run):
    issues = other_run.issues
    assert not other_run.blocked
    codes = sorted(i.code for i in issues if not i.code.startswith("ho-so-"))  # test_decisions
    assert codes == sorted(code for code, _ in EXPECTED["warnings"])
    for code, said in EXPECTED["warnings"]:
        assert any(i.code == code and said in i.message for i in issues), (code, said)
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
    names = {name for name, _, _ in EXPECTED["namesakes"]}
    found = [(p.name, p.birth_year, p.unit) for p in other_run.data.people if p.name in names]
    assert sorted(found) == sorted(EXPECTED["namesakes"])


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


def test_its_own_parts_are_placed_and_numbered(other_run):
    body = docx_text(written(other_run, ".docx"))["body"]
    text = "\n".join(body)
    # II.1: no a) of its own, so the documents issued are a), its movement part b)
    assert "a) Việc ban hành các văn bản để chỉ đạo, hướng dẫn thực hiện công tác thi đua, khen " \
           "thưởng." in body
    assert "Việc triển khai và tổ chức thực hiện các văn bản" not in text
    # II.2: its movements 2.1., its own part 2.2., the khối's 2.3.; no II.3
    assert "2.2. Kết quả phong trào thi đua “Đổi mới sáng tạo, khởi nghiệp”" in body
    assert "2.3. Kết quả hoạt động của khối thi đua phát động" in body
    assert "Công tác tuyên truyền, nhân rộng" not in text
    # III: its own titles numbered 1., 2.; the tasks where it typed [Nhiệm vụ], the
    # initiatives it did not place opening the part
    iii = body.index("III. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG, NHIỆM VỤ, CHỈ TIÊU THI ĐUA")
    part = body[iii + 1:body.index("IV. ĐÁNH GIÁ CHUNG")]
    assert part[0].startswith("Trong năm có 05 sáng kiến được công nhận")
    assert part[1] == "1. Thi đua thực hiện nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo"
    assert part[2].startswith("- Trong năm 2024, Sở Khoa học và Công nghệ tỉnh Kon Tum được giao")
    assert "2. Xây dựng Đảng, chính quyền trong sạch, vững mạnh" in part
    assert "[Nhiệm vụ]" not in text and "[Sáng kiến]" not in text


def test_every_expected_figure_is_checked():
    """A figure worked out by hand and never compared would be a promise nobody keeps."""
    source = Path(__file__).read_text(encoding="utf-8")
    used = set(METRIC_KEYS) | set(re.findall(r'EXPECTED\["(\w+)"\]', source))
    assert set(EXPECTED) - used == set()

"""Legal rules (SPEC "Rules"): quotas compared exactly, on the base the settings name; each rule
at its boundary, on people made by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline import schema
from pipeline.config import Rules
from pipeline.figures import rules
from pipeline.figures.aggregate import aggregate
from pipeline.issues import Issue
from pipeline.model import Agency, Dataset, Person, Unit, Where


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
    from pipeline.documents.report import metric_sentence

    sentence = metric_sentence(sample_run.figures.metrics[schema.M_C_LDXS])
    assert sentence == ("01/03 tập thể được đề nghị tặng danh hiệu tập thể lao động xuất sắc, "
                        "đạt 33,3%")


# --- each rule at its boundary, on hand-made people ----------------------------------------

WHERE = Where("don_vi.xlsx", schema.PEOPLE_SHEET, 1,
              cols={c: i for i, c in enumerate(("STT", "Họ và tên", "Năm sinh", "Chức vụ", "Loại",
                                                "Xếp loại", "Danh hiệu", "Sáng kiến",
                                                "Kỷ luật"))})
UNIT = "Phòng Tổng hợp"


def person(i: int, rating: str = schema.GOOD, title: str = schema.LDTT,
           discipline: str = schema.NONE) -> Person:
    initiative = f"Sáng kiến {i}" if title == schema.CSTDCS else ""
    return Person(f"Người {i:02}", None, "", "Công chức", rating, title, initiative, discipline,
                  "", "", UNIT, WHERE)


def people(*groups: tuple[int, dict[str, str]]) -> list[Person]:
    """`n` people alike per group: (3, {"title": CSTĐCS}), (17, {})."""
    out: list[Person] = []
    for n, fields in groups:
        out += [person(len(out) + i, **fields) for i in range(n)]
    return out


def found(crowd: list[Person], title: str = schema.NONE, **settings: object) -> list[Issue]:
    """The rule warnings of one collective unit holding `crowd`, under `settings`."""
    unit = Unit(UNIT, 2023, True, schema.GOOD, title, tuple(crowd), WHERE)
    agency = Agency({"Tên cơ quan": "Sở Thử", "Năm": 2023}, (), (), (), (), (), WHERE)
    data = Dataset(agency, (unit,))
    return rules.check_rules(data, aggregate(data), replace(Rules(), **settings))


def codes(issues: list[Issue]) -> list[str]:
    return [i.code for i in issues]


@pytest.mark.parametrize(("cstdcs", "warns"), [(3, False), (4, True)])
def test_cstdcs_quota_of_15_percent_of_20(cstdcs, warns):
    issues = found(people((cstdcs, {"title": schema.CSTDCS}), (20 - cstdcs, {})))
    quota = [i.message for i in issues if i.code == "cstdcs-quota"]
    # 3 <= 15% x 20 = 3 exactly: allowed; 4 is over, and the message says the most is 03
    assert quota == (["Có 04 Chiến sĩ thi đua cơ sở, vượt 15% của 20 người đạt Lao động tiên "
                      "tiến (tối đa 03)."] if warns else [])


def test_cstdcs_quota_counts_against_those_reaching_ldtt_not_everyone():
    crowd = people((3, {"title": schema.CSTDCS}), (17, {}), (5, {"title": schema.NONE}))
    assert "cstdcs-quota" not in codes(found(crowd))  # 3 of 20 LĐTT, though 25 people
    crowd = people((3, {"title": schema.CSTDCS}), (16, {}), (6, {"title": schema.NONE}))
    assert "cstdcs-quota" in codes(found(crowd))  # 3 of 19 LĐTT: over 2,85


@pytest.mark.parametrize(("excellent", "good", "base", "warns"), [
    (2, 10, "tot", False),  # 2 <= 20% x 10
    (3, 10, "tot", True),
    (3, 12, "tot_tro_len", False),  # 3 <= 20% x (3 + 12): the excellent count in the base
    (3, 12, "tot", True),  # 3 > 20% x 12
    (4, 12, "tot_tro_len", True),  # 4 > 20% x 16 = 3,2
])
def test_excellent_quota_base(excellent, good, base, warns):
    crowd = people((excellent, {"rating": schema.EXCELLENT}), (good, {}),
                   (2, {"rating": schema.UNRATED, "title": schema.NONE}))
    assert ("excellent-quota" in codes(found(crowd, excellent_quota_base=base))) is warns


@pytest.mark.parametrize(("ldtt", "reasons"), [
    (5, ["chỉ 05/10 cá nhân đạt Lao động tiên tiến (cần trên 50%)"]),  # exactly 50%: not over
    (6, []),
])
def test_ttldtt_needs_over_half_ldtt(ldtt, reasons):
    crowd = people((ldtt, {}), (10 - ldtt, {"title": schema.NONE}))
    issues = found(crowd, schema.TTLDTT)
    assert [i.message for i in issues if i.code == "ttldtt-rule"] == [
        f"Tập thể {UNIT} đạt Tập thể lao động tiên tiến nhưng {r}." for r in reasons]


def test_a_cstdcs_counts_as_ldtt_for_the_collective_and_the_rate():
    crowd = people((1, {"title": schema.CSTDCS}), (5, {}), (4, {"title": schema.NONE}))
    assert "ttldtt-rule" not in codes(found(crowd, schema.TTLDTT))  # 6 of 10
    unit = Unit(UNIT, 2023, True, schema.GOOD, schema.TTLDTT, tuple(crowd), WHERE)
    agency = Agency({"Tên cơ quan": "Sở Thử", "Năm": 2023}, (), (), (), (), (), WHERE)
    m = aggregate(Dataset(agency, (unit,))).metrics[schema.M_LDTT]
    assert (m.num, m.den) == (6, 10)


@pytest.mark.parametrize(("discipline", "warns"), [("Khiển trách", False), ("Cảnh cáo", True)])
def test_ttldtt_refused_from_a_warning_on(discipline, warns):
    crowd = people((8, {}), (1, {"discipline": discipline, "title": schema.NONE}),
                   (1, {"title": schema.NONE}))
    assert ("ttldtt-rule" in codes(found(crowd, schema.TTLDTT))) is warns


@pytest.mark.parametrize(("ldtt", "reasons"), [
    (7, []),  # exactly 70%: at least 70%, allowed
    (6, ["chỉ 06/10 cá nhân đạt Lao động tiên tiến (cần ít nhất 70%)"]),
])
def test_ttldxs_needs_at_least_70_percent_ldtt(ldtt, reasons):
    crowd = people((1, {"title": schema.CSTDCS}), (ldtt - 1, {}),
                   (10 - ldtt, {"rating": schema.DONE, "title": schema.NONE}))
    issues = found(crowd, schema.TTLDXS, cstdcs_quota_percent=100)
    assert [i.message for i in issues if i.code == "ttldxs-rule"] == [
        f"Tập thể {UNIT} đạt Tập thể lao động xuất sắc nhưng {r}." for r in reasons]


def test_ttldxs_other_conditions():
    crowd = people((8, {}), (1, {"rating": schema.UNRATED, "title": schema.NONE}),
                   (1, {"discipline": "Khiển trách", "title": schema.NONE}))
    issues = found(crowd, schema.TTLDXS)
    assert [i.message.split(" nhưng ")[1] for i in issues if i.code == "ttldxs-rule"] == [
        "có người chưa hoàn thành nhiệm vụ hoặc chưa xếp loại: Người 08.",
        "không có cá nhân nào đạt Chiến sĩ thi đua cơ sở.",
        "có cá nhân bị kỷ luật."]

"""The Hội đồng Thi đua - Khen thưởng (issue 14): councils at the boundaries (quorum, threshold,
tie) judged on exact fractions; the biên bản, the tờ trình and its list, the báo cáo thành tích
read back; the decisions carrying exactly those passed; a vote that is a data error, named at
its row; a title with no vote holding the dossier's documents, never the report."""

from __future__ import annotations

import copy
import dataclasses
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document
from docxtpl import DocxTemplate

from pipeline import config, job, schema
from pipeline.documents import minutes, submission
from pipeline.figures import council
from pipeline.issues import ERROR, HOLD
from pipeline.model import Councillor, Vote, Where
from pipeline.reading.forms import write_set
from tests.conftest import ROOT, TODAY, docx_text, quiet, refused, run_cli, written
from tools import sample_data

HO_SO = "ho_so"
MINUTES = "bien_ban_hop_hoi_dong_2023.docx"
SUBMISSION = "to_trinh_de_nghi_khen_thuong_2023.docx"
ACHIEVEMENTS = "bao_cao_thanh_tich_2023.docx"
LDTT = "quyet_dinh_lao_dong_tien_tien_2023.docx"
CSTDCS = "quyet_dinh_chien_si_thi_dua_co_so_2023.docx"
TTLDTT = "quyet_dinh_tap_the_lao_dong_tien_tien_2023.docx"
PROVINCIAL = "Chiến sĩ thi đua cấp tỉnh"
VOTE_COLS = {"Đối tượng": 1, "Đơn vị": 2, "Năm sinh": 3, "Danh hiệu, hình thức": 4,
             "Số phiếu đồng ý": 5}


def files(outcome: job.Outcome) -> dict[str, Path]:
    return {p.name: p for p in outcome.written if p.parent.name == HO_SO}


def forms(folder: Path, change: Any = None) -> Path:
    """The sample agency's forms, its council and votes changed as the secretary would."""
    agency, units = copy.deepcopy(sample_data.AGENCY), copy.deepcopy(sample_data.UNITS)
    if change:
        change(agency, units)
    write_set(folder, agency, units)
    return folder


def run(tmp_path: Path, cfg: config.Config, change: Any = None) -> job.Outcome:
    return job.run(forms(tmp_path / "in", change), tmp_path / "out", cfg, quiet, today=TODAY)


def vote(agency: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    return next(v for v in agency["Bình xét"]
                if v["Đối tượng"] == name and v["Danh hiệu, hình thức"] == title)


def votes(name: str, title: str, n: int) -> Any:
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        vote(agency, name, title)["Số phiếu đồng ý"] = n
    return change


def person(units: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(p for u in units for p in u["Cá nhân"] if p["Họ và tên"] == name)


# --- councils at the boundaries, on the sample's data -----------------------------------------

def judged(sample_run: job.Outcome, cfg: config.Config, members: tuple[int, int],
           rows: list[tuple[str, str, str, int]], **ho_so: Any) -> council.Council:
    """The council of `members` (total, present) voting `rows` on the sample's data."""
    assert sample_run.data
    total, present = members
    at = Where("co_quan.xlsx", schema.COUNCIL_SHEET, 1)
    people = tuple(Councillor(f"Thành viên {i}", "", schema.CHAIR if i == 0 else schema.MEMBER,
                              i < present, at) for i in range(total))
    cast = tuple(Vote(name, unit, None, title, n, Where("co_quan.xlsx", schema.REVIEW_SHEET,
                                                          r + 1, cols=VOTE_COLS))
                 for r, (name, unit, title, n) in enumerate(rows))
    agency = dataclasses.replace(sample_run.data.agency, council=people, votes=cast)
    data = dataclasses.replace(sample_run.data, agency=agency)
    met = council.review(data, dataclasses.replace(cfg.ho_so, **ho_so))
    assert met is not None
    return met


def passed(met: council.Council, name: str, title: str) -> bool:
    [v] = [v for v in met.verdicts if v.candidate.name == name and v.title == title]
    return v.passed


@pytest.mark.parametrize(("members", "quorate"), [
    ((6, 4), True),  # exactly 2/3
    ((9, 6), True),  # exactly 2/3
    ((9, 5), False),  # 55,6%: just below
    ((3, 2), True),
    ((3, 1), False),
    ((7, 6), True),  # the sample's
])
def test_quorum_at_least_two_thirds_exactly(sample_run, cfg, members, quorate):
    met = judged(sample_run, cfg, members, [("Trần Thị Yến", "Thanh tra Ban", schema.LDTT,
                                             members[1])])
    assert met.quorate is quorate
    assert passed(met, "Trần Thị Yến", schema.LDTT) is quorate  # every present member agrees
    assert [i.code for i in met.issues if i.code == "no-quorum"] == ([] if quorate
                                                                     else ["no-quorum"])


@pytest.mark.parametrize(("agree", "expected"), [(7, True), (6, False), (10, True)])
def test_a_vote_exactly_at_the_threshold_passes(sample_run, cfg, agree, expected):
    # Chiến sĩ thi đua cơ sở: from 70% of all the members: 7 of 10 is exactly 70%
    met = judged(sample_run, cfg, (10, 10), [("Bùi Quang Vinh", "Thanh tra Ban", schema.CSTDCS,
                                              agree)])
    assert passed(met, "Bùi Quang Vinh", schema.CSTDCS) is expected


@pytest.mark.parametrize(("so_sanh", "agree", "expected"), [
    ("tren", 3, False),  # a tie, 3 for 3 against: not more than half
    ("tren", 4, True),
    ("tu", 3, True),  # "từ 50% trở lên": the tie passes
    ("tu", 2, False),
])
def test_a_tie_passes_only_at_least_never_more_than(sample_run, cfg, so_sanh, agree, expected):
    rules = tuple(dataclasses.replace(t, so_sanh=so_sanh) if t.danh_hieu == schema.LDTT else t
                  for t in cfg.ho_so.nguong_phieu)
    met = judged(sample_run, cfg, (7, 6), [("Trần Thị Yến", "Thanh tra Ban", schema.LDTT, agree)],
                 nguong_phieu=rules)
    assert passed(met, "Trần Thị Yến", schema.LDTT) is expected


@pytest.mark.parametrize(("agree", "expected"), [(6, True), (5, False)])
def test_a_share_of_two_thirds_is_exact_not_66_67_percent(sample_run, cfg, agree, expected):
    rules = tuple(dataclasses.replace(t, ty_le="2/3", so_sanh="tu") if t.danh_hieu == schema.LDTT
                  else t for t in cfg.ho_so.nguong_phieu)
    met = judged(sample_run, cfg, (9, 9), [("Trần Thị Yến", "Thanh tra Ban", schema.LDTT, agree)],
                 nguong_phieu=rules)
    assert passed(met, "Trần Thị Yến", schema.LDTT) is expected


def test_without_quorum_nothing_passes_and_no_vote_is_called_failed(sample_run, cfg):
    met = judged(sample_run, cfg, (7, 4), [("Trần Thị Yến", "Thanh tra Ban", schema.LDTT, 4)])
    assert not met.quorate and not any(v.passed for v in met.verdicts)
    assert [i.code for i in met.issues] == ["no-quorum"]
    assert "04/07 thành viên có mặt, chưa đạt từ 2/3 tổng số thành viên Hội đồng trở lên có " \
           "mặt" in met.issues[0].message


def test_a_meeting_without_quorum_decides_nothing_and_its_minutes_say_so(tmp_path, cfg):
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        for member in agency["Hội đồng"][3:6]:
            member["Có mặt"] = "Không"  # 3 of 7 present
        for row in agency["Bình xét"]:
            row["Số phiếu đồng ý"] = min(row["Số phiếu đồng ý"], 3)

    outcome = run(tmp_path, cfg, change)
    assert not outcome.blocked
    made = files(outcome)
    assert set(made) == {MINUTES}  # no decision, no tờ trình: nothing was passed
    body = docx_text(made[MINUTES])["body"]
    assert "Số thành viên có mặt: 03/07 (42,9%), chưa đạt từ 2/3 tổng số thành viên Hội đồng " \
           "trở lên có mặt: cuộc họp không đủ điều kiện để biểu quyết, các kết quả bỏ phiếu dưới " \
           "đây không có giá trị." in body
    assert "- Số thành viên có mặt chưa đạt từ 2/3 tổng số thành viên Hội đồng trở lên có mặt " \
           "nên kết quả bỏ phiếu không có giá trị; Hội đồng chưa đề nghị khen thưởng tập thể, cá " \
           "nhân nào và sẽ họp lại." in body
    assert "Không có giá trị" in body and "Đạt" not in body
    assert [i.code for i in outcome.issues if i.code in ("no-quorum", "vote-failed")] == [
        "no-quorum"]
    assert (tmp_path / "out" / "2023" / "bao_cao_thi_dua_2023.docx").is_file()


def test_the_ldtt_of_a_cstdcs_is_judged_on_the_cstdcs_votes_with_its_own_threshold(sample_run,
                                                                                  cfg):
    # 4 of 7 members (6 present): under 70% of all for CSTĐCS, over half of those present
    met = judged(sample_run, cfg, (7, 6), [("Bùi Quang Vinh", "Thanh tra Ban", schema.CSTDCS, 4)])
    assert not passed(met, "Bùi Quang Vinh", schema.CSTDCS)
    [ldtt] = [v for v in met.verdicts if v.candidate.name == "Bùi Quang Vinh"
              and v.title == schema.LDTT]
    assert ldtt.implied and ldtt.passed and (ldtt.vote.votes, ldtt.base) == (4, 6)


# --- the sample: its biên bản, tờ trình and decisions, read back -----------------------------

@pytest.fixture(scope="module")
def made(sample_run):
    return files(sample_run)


def test_the_sample_writes_the_minutes_and_the_submission(made, sample_run):
    assert {MINUTES, SUBMISSION} < set(made) and ACHIEVEMENTS not in made
    assert sample_run.council and sample_run.council.quorate
    assert sum(not v.passed for v in sample_run.council.verdicts) == 1  # the one proposal


def test_the_run_record_keeps_the_verdicts(sample_run):
    import json

    record = json.loads(written(sample_run, "nhat_ky_chay_2023.json").read_text(encoding="utf-8"))
    said = record["binh_xet"]
    assert (said["thanh_vien"], said["co_mat"], said["du_so"]) == (7, 6, True)
    assert {"doi_tuong": "Lê Văn Hùng", "danh_hieu": PROVINCIAL, "so_phieu": 4, "tren": 7,
            "dat": False} in said["ket_qua"] and said["chua_binh_xet"] == []


def test_the_minutes_say_who_when_where_and_the_rule(made):
    body = [p for p in docx_text(made[MINUTES])["body"] if p.strip()]
    expected = [
        "BAN DÂN TỘC TỈNH QUẢNG NGÃI", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "Số:      /BB-HĐTĐKT",
        "Quảng Ngãi, ngày 10 tháng 01 năm 2024", "BIÊN BẢN",
        "Họp Hội đồng Thi đua - Khen thưởng xét thi đua, khen thưởng năm 2023",
        "Thời gian: 8 giờ 00, ngày 10/01/2024.",
        "Địa điểm: Phòng họp Ban Dân tộc tỉnh Quảng Ngãi.",
        "Thành phần: Hội đồng Thi đua - Khen thưởng Ban Dân tộc tỉnh Quảng Ngãi gồm 07 thành "
        "viên; có mặt 06 thành viên, vắng mặt 01 thành viên:",
        "1. Đồng chí Hồ Ngọc Thịnh, Trưởng Ban, Chủ tịch Hội đồng;",
        "6. Đồng chí Trần Minh Đức, Chánh Văn phòng, Ủy viên - Thư ký Hội đồng.",
        "Vắng mặt:", "Đồng chí Nguyễn Thị Lan, Phó Trưởng Ban, Ủy viên Hội đồng.",
        "Chủ trì: đồng chí Hồ Ngọc Thịnh, Trưởng Ban, Chủ tịch Hội đồng.",
        "Thư ký: đồng chí Trần Minh Đức, Chánh Văn phòng, Ủy viên - Thư ký Hội đồng.",
        "Số thành viên có mặt: 06/07 (85,7%), đạt từ 2/3 tổng số thành viên Hội đồng trở lên có "
        "mặt: cuộc họp đủ điều kiện để bình xét theo quy chế.",
        "- Danh hiệu “Lao động tiên tiến”: được đề nghị khi có trên 50% số thành viên có mặt "
        "đồng ý.",
        "- Danh hiệu “Chiến sĩ thi đua cấp tỉnh”: được đề nghị khi có từ 70% tổng số thành viên "
        "Hội đồng trở lên đồng ý.",
        "- Danh hiệu “Lao động tiên tiến”: Hội đồng thống nhất đề nghị Trưởng Ban Dân tộc tỉnh "
        "Quảng Ngãi công nhận cho 20 cá nhân.",
        "- Danh hiệu “Tập thể lao động xuất sắc”: Hội đồng thống nhất đề nghị Trưởng Ban Dân tộc "
        "tỉnh Quảng Ngãi trình Chủ tịch Ủy ban nhân dân tỉnh xét công nhận cho 01 tập thể.",
        "- Danh hiệu “Chiến sĩ thi đua cấp tỉnh”: không có tập thể, cá nhân nào đạt tỷ lệ phiếu "
        "đồng ý để đề nghị. Không đề nghị: Lê Văn Hùng (Phòng Chính sách dân tộc) được 04/07 "
        "phiếu đồng ý (57,1%), chưa đạt từ 70% tổng số thành viên Hội đồng trở lên."]
    positions = [body.index(line) for line in expected]
    assert positions == sorted(positions)  # each there, in this order
    assert body[-4:] == ["THƯ KÝ", "Trần Minh Đức", "CHỦ TỊCH HỘI ĐỒNG", "Hồ Ngọc Thịnh"]
    assert sum(p.startswith(("1. Đồng", "2. Đồng", "3. Đồng", "4. Đồng", "5. Đồng", "6. Đồng"))
               for p in body) == 6  # those present, the absent one apart
    assert "Nguyễn Thị Lan" not in " ".join(p for p in body if p[:1].isdigit())


def test_the_minutes_review_the_years_figures_as_the_report_does(made, sample_run):
    body = docx_text(made[MINUTES])["body"]
    report = docx_text(written(sample_run, "bao_cao_thi_dua_2023.docx"))["body"]
    for said in ("20/20 cá nhân đạt danh hiệu lao động tiên tiến, đạt 100%",
                 "02/20 cá nhân đạt danh hiệu chiến sĩ thi đua cơ sở, đạt 10%",
                 "03/03 tập thể đạt danh hiệu tập thể lao động tiên tiến, đạt 100%"):
        assert f"- {said}." in body and any(said in p for p in report)


def test_the_minutes_table_has_each_candidate_with_votes_and_share(made, sample_run):
    [table] = [t for t in Document(str(made[MINUTES])).tables if t.rows[0].cells[0].text == "STT"]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["STT", "Tập thể, cá nhân", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ", "Kết quả"]
    groups = [r[1] for r in rows if r[0] in ("I", "II", "III", "IV", "V")]
    assert groups == ["Danh hiệu “Lao động tiên tiến”", "Danh hiệu “Chiến sĩ thi đua cơ sở”",
                      "Danh hiệu “Tập thể lao động tiên tiến”",
                      "Danh hiệu “Tập thể lao động xuất sắc”", f"Danh hiệu “{PROVINCIAL}”"]
    lines = [r for r in rows[1:] if r[0] not in ("I", "II", "III", "IV", "V")]
    assert len(lines) == 20 + 2 + 3 + 1 + 1
    assert ["1", "Lê Văn Hùng", "Phòng Chính sách dân tộc", "04/07", "57,1%", "Không đạt"] in lines
    assert ["2", "Bùi Quang Vinh", "Thanh tra Ban", "05/07", "71,4%", "Đạt"] in lines
    assert ["4", "Phạm Tuấn Anh", "Văn phòng Ban", "05/06", "83,3%", "Đạt"] in lines
    assert ["19", "Bùi Quang Vinh (*)", "Thanh tra Ban", "05/06", "83,3%", "Đạt"] in lines
    assert [r[5] for r in lines].count("Đạt") == 26
    assert any(p.startswith("(*) Tính theo số phiếu") for p in docx_text(made[MINUTES])["body"])


def test_the_submission_and_its_list(made):
    body = [p for p in docx_text(made[SUBMISSION])["body"] if p.strip()]
    expected = [
        "Số:      /TTr-BDT", "TỜ TRÌNH",
        "Về việc đề nghị khen thưởng cho tập thể có thành tích xuất sắc năm 2023",
        "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi (qua Sở Nội vụ)",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng Ban Dân tộc tỉnh Quảng Ngãi ngày "
        "10/01/2024,",
        "Ban Dân tộc tỉnh Quảng Ngãi kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét, khen "
        "thưởng cho 01 tập thể có thành tích xuất sắc năm 2023, cụ thể:",
        "- Công nhận danh hiệu “Tập thể lao động xuất sắc” cho 01 tập thể: Phòng Chính sách dân "
        "tộc.",
        "Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.",
        "TRƯỞNG BAN", "Hồ Ngọc Thịnh", "DANH SÁCH",
        "(Kèm theo Tờ trình số      /TTr-BDT ngày 15/01/2024 của Ban Dân tộc tỉnh Quảng Ngãi)"]
    positions = [body.index(line) for line in expected]
    assert positions == sorted(positions)
    assert PROVINCIAL not in " ".join(body)  # the council did not pass it
    table = Document(str(made[SUBMISSION])).tables[-1]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["STT", "Tập thể, cá nhân", "Chức vụ", "Đơn vị", "Hình thức đề nghị", "Số phiếu đồng ý"],
        ["I", "Danh hiệu “Tập thể lao động xuất sắc”", "", "", "", ""],
        ["1", "Phòng Chính sách dân tộc", "", "", "Tập thể lao động xuất sắc", "06/07"],
        ["", "Tổng cộng: 01 tập thể", "", "", "", ""]]
    [head] = [p for p in Document(str(made[SUBMISSION])).paragraphs if p.text == "DANH SÁCH"]
    assert head.paragraph_format.page_break_before


def test_the_decisions_cite_the_meeting(made):
    for name in (LDTT, CSTDCS, TTLDTT):
        assert "Xét đề nghị của Hội đồng Thi đua - Khen thưởng tại cuộc họp ngày 10/01/2024." \
            in docx_text(made[name])["body"]


def decision_names(path: Path) -> list[str]:
    rows = [[c.text for c in r.cells] for r in Document(str(path)).tables[-1].rows]
    return [r[1] for r in rows[1:-1]]


def test_the_decisions_carry_exactly_those_passed(tmp_path, cfg):
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        vote(agency, "Phạm Tuấn Anh", schema.LDTT)["Số phiếu đồng ý"] = 3  # a tie of 6
        vote(agency, "Bùi Quang Vinh", schema.CSTDCS)["Số phiếu đồng ý"] = 4  # 4/7 < 70%

    outcome = run(tmp_path, cfg, change)
    assert not outcome.blocked and outcome.council
    made = files(outcome)
    passed_ = {(v.candidate.name, v.title) for v in outcome.council.verdicts if v.passed}
    ldtt = decision_names(made[LDTT])
    assert sorted(ldtt) == sorted(n for n, t in passed_ if t == schema.LDTT)
    assert "Phạm Tuấn Anh" not in ldtt and "Bùi Quang Vinh" in ldtt and len(ldtt) == 19
    assert decision_names(made[CSTDCS]) == ["Lê Văn Hùng"]
    rows = [[c.text for c in r.cells] for r in Document(str(made[LDTT])).tables[-1].rows]
    assert ["Bùi Quang Vinh", "540.000"] in [[r[1], r[4]] for r in rows]  # LĐTT's bonus now
    assert "Điều 1. Công nhận danh hiệu “Lao động tiên tiến” năm 2023 cho 19 cá nhân thuộc Ban " \
           "Dân tộc tỉnh Quảng Ngãi (có danh sách kèm theo)." in docx_text(made[LDTT])["body"]
    body = " ".join(docx_text(made[MINUTES])["body"])
    assert "Không đề nghị: Phạm Tuấn Anh (Văn phòng Ban) được 03/06 phiếu đồng ý (50%), chưa " \
           "đạt trên 50% số thành viên có mặt." in body
    report = docx_text(written(outcome, "bao_cao_thi_dua_2023.docx"))["body"]
    assert any("20/20 cá nhân đạt danh hiệu lao động tiên tiến" in p for p in report)  # the data
    warned = [i for i in outcome.issues if i.code == "vote-failed"]
    assert len(warned) == 3 and all(i.severity != ERROR and not i.cell for i in warned)


def test_a_proposal_passed_goes_to_the_submission_with_its_achievements_report(tmp_path, cfg):
    outcome = run(tmp_path, cfg, votes("Lê Văn Hùng", PROVINCIAL, 5))
    made = files(outcome)
    table = Document(str(made[SUBMISSION])).tables[-1]
    assert ["1", "Lê Văn Hùng", "Trưởng phòng", "Phòng Chính sách dân tộc", PROVINCIAL,
            "05/07"] in [[c.text for c in r.cells] for r in table.rows]
    text = docx_text(made[ACHIEVEMENTS])
    body = [p for p in text["body"] if p.strip()]
    for line in ("BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ TẶNG DANH HIỆU “CHIẾN SĨ THI ĐUA CẤP TỈNH” NĂM "
                 "2023", "I. SƠ LƯỢC LÝ LỊCH", "- Họ và tên: Lê Văn Hùng",
                 "- Sinh năm: 1974; Giới tính: ……",
                 "- Đơn vị công tác: Phòng Chính sách dân tộc, Ban Dân tộc tỉnh Quảng Ngãi",
                 "- Chức vụ (Đảng, chính quyền, đoàn thể): Trưởng phòng",
                 "- Kết quả đánh giá, xếp loại năm 2023: Hoàn thành xuất sắc nhiệm vụ.",
                 "- Danh hiệu thi đua năm 2023: Chiến sĩ thi đua cơ sở.",
                 "NGƯỜI BÁO CÁO THÀNH TÍCH", "Lê Văn Hùng"):
        assert line in body, line
    assert any(p.startswith("- Sáng kiến được công nhận: “Giải pháp nâng cao hiệu quả")
               for p in body)
    assert "2023 | Chiến sĩ thi đua cơ sở | Quyết định số      /QĐ-BDT ngày 15/01/2024 của " \
           "Trưởng Ban Dân tộc tỉnh Quảng Ngãi" in text["rows"]
    assert "2022 | …… | ……" in text["rows"] and "2021 | …… | ……" in text["rows"]
    [check] = [i for i in outcome.issues if i.code == "ho-so-doi-chieu"]
    assert "cần đối chiếu hồ sơ các năm trước (03 lần liên tục đạt danh hiệu Chiến sĩ thi đua " \
           "cơ sở" in check.message and check.file == "don_vi_phong_chinh_sach_dan_toc.xlsx"


def test_a_proposal_whose_prerequisite_fails_holds_the_submission_only(tmp_path, cfg):
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        person(units, "Lê Văn Hùng")["Danh hiệu"] = schema.LDTT  # no CSTĐCS this year
        cast = vote(agency, "Lê Văn Hùng", schema.CSTDCS)
        cast["Danh hiệu, hình thức"] = schema.LDTT
        vote(agency, "Lê Văn Hùng", PROVINCIAL)["Số phiếu đồng ý"] = 6

    outcome = run(tmp_path, cfg, change)
    assert not outcome.blocked
    made = files(outcome)
    assert SUBMISSION not in made and ACHIEVEMENTS not in made
    assert {MINUTES, LDTT, CSTDCS, TTLDTT} <= set(made)
    holds = [i for i in outcome.issues if i.code == "ho-so-dieu-kien"]
    said = [i.message for i in holds]
    assert any("Lê Văn Hùng (Phòng Chính sách dân tộc) năm nay không đạt danh hiệu Chiến sĩ thi "
               "đua cơ sở" in m for m in said)
    # the phòng loses its only CSTĐCS: Tập thể lao động xuất sắc's criteria fail too
    assert any("Tập thể lao động xuất sắc" in m and "không có cá nhân nào đạt Chiến sĩ thi đua "
               "cơ sở" in m for m in said)
    assert all(i.severity == HOLD for i in holds)


# --- what blocks: a title with no vote holds its documents, never the report -----------------

def test_a_title_without_a_vote_holds_its_decision_and_the_minutes_not_the_report(tmp_path):
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        agency["Bình xét"].remove(vote(agency, "Trần Thị Yến", schema.LDTT))

    done = run_cli(forms(tmp_path / "in", change), tmp_path / "out")
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "out" / "2023"
    assert (folder / "bao_cao_thi_dua_2023.docx").is_file()
    made = {p.name for p in (folder / HO_SO).iterdir()}
    assert made == {CSTDCS, TTLDTT, SUBMISSION, "tien_thuong_2023.xlsx"}
    assert "CHƯA LẬP quyết định công nhận danh hiệu “Lao động tiên tiến” năm 2023" in done.stdout
    assert "CHƯA LẬP biên bản họp Hội đồng: 01 danh hiệu" in done.stdout
    book = openpyxl.load_workbook(folder / "kiem_tra_du_lieu_2023.xlsx", read_only=True)
    lines = [r for r in book.worksheets[0].iter_rows(min_row=2, values_only=True) if r[2]]
    [held] = [r for r in lines if r[2] == "ho-so-chua-binh-xet"]
    assert held[1] == HOLD and held[3] == "co_quan.xlsx"
    assert "Chưa lập biên bản họp Hội đồng Thi đua - Khen thưởng và quyết định công nhận danh " \
           "hiệu “Lao động tiên tiến” năm 2023: Trần Thị Yến (Thanh tra Ban) có \"Lao động tiên " \
           "tiến\" ở phiếu của đơn vị nhưng sheet Bình xét không có dòng bỏ phiếu nào." in held[6]


def test_a_proposal_without_a_vote_holds_the_submission(tmp_path, cfg):
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        agency["Bình xét"].remove(vote(agency, "Phòng Chính sách dân tộc", schema.TTLDXS))

    outcome = run(tmp_path, cfg, change)
    made = files(outcome)
    # its TTLĐTT was judged on the TTLĐXS votes: that decision is held too
    assert SUBMISSION not in made and MINUTES not in made and TTLDTT not in made
    assert {LDTT, CSTDCS} <= set(made) and not outcome.blocked
    assert outcome.submission and not outcome.submission.written
    assert len([i for i in outcome.issues if i.code == "ho-so-chua-binh-xet"]) == 2


# --- data errors, named at their row ----------------------------------------------------------

def add_vote(name: str, unit: str | None, title: str, n: int, born: int | None = None) -> Any:
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        agency["Bình xét"].append({"Đối tượng": name, "Đơn vị": unit, "Năm sinh": born,
                                   "Danh hiệu, hình thức": title, "Số phiếu đồng ý": n})
    return change


ROW = len(sample_data.VOTES) + 2  # the row a vote appended to the sample's goes to


@pytest.mark.parametrize(("change", "code", "cell", "said"), [
    (add_vote("Nguyễn Văn Tèo", "Văn phòng Ban", schema.LDTT, 5), "vote-unknown", f"B{ROW}",
     "\"Nguyễn Văn Tèo\" ở sheet Bình xét không có cá nhân nào tên này"),
    (add_vote("Trần Thị Yến", "Thanh tra Ban", schema.CSTDCS, 6), "vote-not-given", f"E{ROW}",
     "Hội đồng bỏ phiếu \"Chiến sĩ thi đua cơ sở\" cho Trần Thị Yến (Thanh tra Ban, sinh năm "
     "1992) nhưng phiếu của đơn vị không ghi danh hiệu, hình thức này (phiếu ghi \"Lao động "
     "tiên tiến\")"),
    (votes("Trần Thị Yến", schema.LDTT, 7), "vote-too-many", "F25",
     "Số phiếu đồng ý 7 nhiều hơn số thành viên Hội đồng có mặt (06)"),
    (add_vote("Trần Thị Yến", "Thanh tra Ban", schema.LDTT, 6), "vote-twice", f"B{ROW}",
     "lần đầu ở dòng 25"),
    (add_vote("Văn phòng Ban", None, "Tập thể lao động xuất sắc", 6), "vote-not-given",
     f"E{ROW}", "Tập thể Văn phòng Ban"),
    (add_vote("Thanh tra", None, "Tập thể lao động tiên tiến", 6), "vote-unknown", f"B{ROW}",
     "Có phải là \"Thanh tra Ban\"?"),
])
def test_a_vote_the_data_does_not_support_is_an_error_at_its_row(tmp_path, cfg, change, code,
                                                                   cell, said):
    outcome = job.check(forms(tmp_path / "in", change), cfg, quiet)
    assert outcome.blocked
    [found] = [i for i in outcome.issues if i.severity == ERROR]
    assert (found.code, found.file, found.sheet, found.cell) == (code, "co_quan.xlsx",
                                                                 schema.REVIEW_SHEET, cell)
    assert said in found.message


def test_a_data_error_in_the_votes_stops_the_run_at_the_check_list(tmp_path):
    done = run_cli(forms(tmp_path / "in", add_vote("Nguyễn Văn Tèo", None, schema.LDTT, 5)),
                   tmp_path / "out")
    assert done.returncode == 1
    assert f"co_quan.xlsx › Bình xét › B{ROW}" in done.stdout
    assert not (tmp_path / "out" / "2023" / "bao_cao_thi_dua_2023.docx").exists()
    assert (tmp_path / "out" / "2023" / "kiem_tra" / "co_quan_kiem_tra.xlsx").is_file()


def namesake(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
    """A second Trần Thị Yến, born 1995, in Văn phòng Ban, with her own LĐTT and vote."""
    twin = dict(person(units, "Trần Thị Yến"), **{"Năm sinh": 1995})
    units[1]["Cá nhân"].append(twin)
    agency["Bình xét"].append({"Đối tượng": unicodedata.normalize("NFD", "  trần  thị YẾN "),
                               "Năm sinh": 1995, "Danh hiệu, hình thức": schema.LDTT,
                               "Số phiếu đồng ý": 5})


def test_namesakes_are_told_apart_by_birth_year_and_unit(tmp_path, cfg):
    outcome = run(tmp_path, cfg, namesake)
    assert not outcome.blocked and outcome.council
    yen = [v for v in outcome.council.verdicts if v.candidate.name == "Trần Thị Yến"]
    assert sorted((v.candidate.unit, v.vote.votes) for v in yen) == [
        ("Thanh tra Ban", 6), ("Văn phòng Ban", 5)]  # NFD, case and spacing as the forms match


def test_namesakes_not_told_apart_are_an_error(tmp_path, cfg):
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        namesake(agency, units)
        agency["Bình xét"][-1]["Năm sinh"] = None

    outcome = job.check(forms(tmp_path / "in", change), cfg, quiet)
    [found] = [i for i in outcome.issues if i.severity == ERROR]
    assert found.code == "vote-namesake" and found.cell == f"B{ROW}"
    assert "trùng tên 02 người" in found.message
    assert "Trần Thị Yến (Văn phòng Ban, sinh năm 1995)" in found.message
    assert "Trần Thị Yến (Thanh tra Ban, sinh năm 1992)" in found.message


@pytest.mark.parametrize(("change", "code"), [
    (lambda a, u: a["info"].update({schema.MEETING_DATE: None}), "council-info"),
    (lambda a, u: a["Hội đồng"][0].update({"Chức danh trong Hội đồng": "Ủy viên"}),
     "council-chair"),
    (lambda a, u: a["Hội đồng"][6].update({"Chức danh trong Hội đồng": "Ủy viên"}),
     "council-secretary"),
    (lambda a, u: a["Hội đồng"][2].update({"Có mặt": None}), "required"),
    (lambda a, u: a.update({"Hội đồng": []}), "council-empty"),
])
def test_votes_need_a_council_a_chair_a_secretary_and_the_meeting(tmp_path, cfg, change, code):
    outcome = job.check(forms(tmp_path / "in", change), cfg, quiet)
    assert [i.code for i in outcome.issues if i.severity == ERROR] == [code]


def test_without_votes_the_dossier_comes_from_the_data_and_no_minutes(tmp_path, cfg):
    def change(agency: dict[str, Any], units: list[dict[str, Any]]) -> None:
        agency["Bình xét"] = []
        agency["Hội đồng"] = []  # an unused council sheet is no error either

    outcome = run(tmp_path, cfg, change)
    made = files(outcome)
    assert outcome.council is None and MINUTES not in made
    assert {SUBMISSION, ACHIEVEMENTS, LDTT} <= set(made)  # both proposals, from the data
    body = docx_text(made[LDTT])["body"]
    assert "Xét đề nghị của Chánh Văn phòng Ban." in body
    rows = [[c.text for c in r.cells] for r in Document(str(made[SUBMISSION])).tables[-1].rows]
    assert [r[4:] for r in rows[1:-1] if r[0] == "1"] == [["Tập thể lao động xuất sắc", ""],
                                                          [PROVINCIAL, ""]]


# --- the forms, the settings, the templates --------------------------------------------------

def test_the_agency_form_has_the_councils_sheets_as_spec_names_them():
    book = openpyxl.load_workbook(ROOT / "input_templates" / "mau_co_quan.xlsx")
    assert [c.value for c in book["Hội đồng"][1]] == [
        "STT", "Họ và tên", "Chức vụ", "Chức danh trong Hội đồng", "Có mặt"]
    assert [c.value for c in book["Bình xét"][1]] == [
        "STT", "Đối tượng", "Đơn vị", "Năm sinh", "Danh hiệu, hình thức", "Số phiếu đồng ý"]
    labels = [r[0] for r in book["Thông tin"].iter_rows(min_row=2, values_only=True)]
    assert set(schema.COUNCIL_INFO) <= set(labels)
    guide = " ".join(str(r[0]) for r in book["Hướng dẫn"].iter_rows(values_only=True) if r[0])
    assert "Sheet \"Hội đồng\"" in guide and "Sheet \"Bình xét\"" in guide


def test_a_form_of_the_first_version_reads_without_the_councils_sheets(tmp_path, cfg):
    folder = forms(tmp_path / "in")
    book = openpyxl.load_workbook(folder / "co_quan.xlsx")
    for name in ("Hội đồng", "Bình xét", schema.ROSTER_SHEET):
        del book[name]
    info = book[schema.INFO_SHEET]
    for row in info.iter_rows():
        if row[0].value == "Phiên bản mẫu":
            row[1].value = "thidua-1"
    book.save(folder / "co_quan.xlsx")
    outcome = job.check(folder, cfg, quiet)
    assert not outcome.blocked and outcome.council is None


@pytest.mark.parametrize(("text", "key"), [
    ('[ho_so]\nhoi_dong_dinh_so = "hai phần ba"', "ho_so.hoi_dong_dinh_so"),
    ('[ho_so]\nhoi_dong_dinh_so = "150%"', "ho_so.hoi_dong_dinh_so"),
    ('[[ho_so.nguong_phieu]]\ndanh_hieu = "Lao động tiên tiến"\nty_le = "50%"',
     "thiếu bảng danh_hieu = \"Các hình thức khác\""),
    ('[[ho_so.nguong_phieu]]\ndanh_hieu = "Các hình thức khác"\nty_le = "70"',
     "ho_so.nguong_phieu thứ 1"),
    ('[[ho_so.nguong_phieu]]\ndanh_hieu = "Các hình thức khác"\nty_le = "70%"\nso_sanh = ">="',
     "ho_so.nguong_phieu thứ 1: so_sanh"),
    ('[[ho_so.nguong_phieu]]\ndanh_hieu = "Các hình thức khác"\nty_le = "70%"\n'
     'tinh_tren = "tat_ca"', "ho_so.nguong_phieu thứ 1: tinh_tren"),
])
def test_a_council_setting_mistake_names_its_key(tmp_path, text, key):
    refused(tmp_path, text, key)


def test_a_threshold_is_found_by_the_start_of_the_awards_name(cfg):
    settings = cfg.ho_so
    assert council.threshold("Giấy khen của Giám đốc Sở", settings).danh_hieu == "Giấy khen"
    assert council.threshold(PROVINCIAL, settings).danh_hieu == config.OTHER_AWARDS
    assert council.threshold(schema.LDTT, settings).rule == "trên 50% số thành viên có mặt"


@pytest.mark.parametrize(("module", "name", "variables"), [
    (minutes, "mau_bien_ban.docx", minutes.VARIABLES),
    (submission, "mau_to_trinh.docx", submission.VARIABLES),
    (submission, "mau_bao_cao_thanh_tich.docx", submission.REPORT_VARIABLES),
])
def test_each_template_declares_exactly_its_variables(module, name, variables):
    declared = DocxTemplate(str(ROOT / "input_templates" / name))
    assert declared.get_undeclared_template_variables() == set(variables)


def test_the_contexts_hold_exactly_the_templates_variables(sample_run, cfg):
    met, made, data = sample_run.council, sample_run.dossier, sample_run.data
    assert met and made and data and sample_run.figures and sample_run.submission
    context = minutes.build_context(met, made, data, sample_run.figures, cfg.ho_so)
    assert set(context) == set(minutes.VARIABLES)
    assert {k for r in context["binh_xet"] for k in r} == set(minutes.ITEMS["binh_xet"])
    sent = submission.build_context(sample_run.submission, met, made, data, TODAY)
    assert set(sent) == set(submission.VARIABLES)


@pytest.mark.parametrize(("page", "text"), [
    ("bien_mau_bien_ban.md", lambda: minutes.variables_reference()),
    ("bien_mau_to_trinh.md", lambda: submission.variables_reference()),
    ("bien_mau_bao_cao_thanh_tich.md", lambda: submission.variables_reference(report=True)),
])
def test_the_variables_pages_are_up_to_date(page, text):
    assert (ROOT / "docs" / page).read_text(encoding="utf-8") == text(), \
        "run python tools/make_docs.py"


def test_a_broken_minutes_template_stops_the_run_naming_it(tmp_path):
    from pipeline.documents.council_template import write_minutes_template

    broken = tmp_path / "mau_bien_ban.docx"
    write_minutes_template(broken)
    doc = Document(str(broken))
    doc.add_paragraph("{{ so_phieu_trang }}")
    doc.save(str(broken))
    cfg = tmp_path / "config.toml"
    shipped = {k: (ROOT / "input_templates" / f"{k}.docx").as_posix()
               for k in ("mau_bao_cao", "mau_quyet_dinh", "mau_to_trinh", "mau_bao_cao_thanh_tich")}
    cfg.write_text(f'[paths]\nreport_template = "{shipped.pop("mau_bao_cao")}"\n[ho_so]\n'
                   + "".join(f'{k} = "{v}"\n' for k, v in shipped.items())
                   + f'mau_bien_ban = "{broken.as_posix()}"\n', encoding="utf-8")
    done = run_cli(ROOT / "input", tmp_path / "out", "--config", str(cfg))
    assert done.returncode == 2
    assert "Mẫu biên bản mau_bien_ban.docx có thẻ sai" in done.stderr
    assert "docs/bien_mau_bien_ban.md" in done.stderr
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]

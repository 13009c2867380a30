"""The least an agency can hand in: no pledges, tasks, documents, movements or notes, one unit
of one person. Every part of the report still reads sensibly."""

from __future__ import annotations

from pipeline import job, schema
from pipeline.reading.forms import write_set
from tests.conftest import TODAY, docx_text, quiet, written

AGENCY = {"file": "cq.xlsx", "info": {
    "Năm": 2025, "Tên cơ quan": "Ban Quản lý Thử", "Cơ quan chủ quản": "UBND tỉnh Thử",
    "Ký hiệu cơ quan": "BQL", "Địa danh": "Thử", "Chức vụ người ký": "Trưởng ban",
    "Người ký": "Lê Văn A", "Nơi nhận": "- Lưu: VT.", "Khối thi đua": "Khối Thử",
    "Văn bản đăng ký giao ước": "Đăng ký số 1/BQL"}}
UNIT = {"file": "dv.xlsx", "info": {"Năm": 2025, "Tên đơn vị": "Lãnh đạo",
                                    "Là tập thể xét danh hiệu": "Không"},
        schema.PEOPLE_SHEET: [{"Họ và tên": "Lê Văn A", "Loại": "Công chức",
                               "Xếp loại": schema.UNRATED, "Danh hiệu": schema.NONE}]}


def test_minimal_agency_gets_a_sensible_report(tmp_path, cfg):
    write_set(tmp_path / "in", AGENCY, [UNIT])
    outcome = job.run(tmp_path / "in", tmp_path / "out", cfg, quiet, today=TODAY)
    assert not outcome.blocked, [i.message for i in outcome.issues]
    text = "\n".join(docx_text(written(outcome, ".docx"))["body"])
    assert "BAN QUẢN LÝ THỬ" in text and "UBND TỈNH THỬ" in text and "TRƯỞNG BAN" in text
    assert "0/01 cá nhân hoàn thành tốt nhiệm vụ trở lên, đạt 0%" in text
    assert "Chưa có số liệu về tỷ lệ tập thể" in text
    assert "không được giao nhiệm vụ nào" in text
    assert "chưa nhập chỉ tiêu giao ước thi đua nào" in text
    assert "đều đạt" not in text
    assert "Về tổ chức bộ máy, biên chế: tổng số biên chế là 01 công chức." in text

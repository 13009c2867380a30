"""The bundled sample (Ban Dân tộc tỉnh Quảng Ngãi, 2023), end to end, read back."""

from __future__ import annotations

import hashlib
import json

import openpyxl
import pytest

from pipeline import schema
from tests.conftest import ROOT, docx_text, written


@pytest.fixture(scope="module")
def report(sample_run):
    return docx_text(written(sample_run, ".docx"))


def test_run_writes_its_outputs_and_is_not_blocked(sample_run):
    assert not sample_run.blocked
    assert sorted(p.name for p in sample_run.written if p.parent.name == "2023") == [
        "bao_cao_thi_dua_2023.docx", "ket_qua_2023.json", "kiem_tra_du_lieu_2023.xlsx",
        "nhat_ky_chay_2023.json", "tong_hop_2023.xlsx"]
    assert all(p.parent.name in ("2023", "ho_so") for p in sample_run.written)  # test_decisions


@pytest.mark.parametrize("phrase", [
    "20/20 cá nhân đạt danh hiệu lao động tiên tiến, đạt 100%",
    "đã hoàn thành 12/12 nhiệm vụ",
    "01/03 tập thể hoàn thành xuất sắc nhiệm vụ, đạt 33,3%",
    "03/03 tập thể đạt danh hiệu tập thể lao động tiên tiến, đạt 100%",
    "02/20 cá nhân đạt danh hiệu chiến sĩ thi đua cơ sở, đạt 10%",
    "Trưởng Ban và 02 Phó Trưởng Ban, 03 phòng chuyên môn",
    "tổng số biên chế là 17 công chức và 03 hợp đồng lao động.",
    "số tiền 9.600.000 đồng",
    "47 suất quà trị giá 35 triệu đồng",
    "513 học sinh",
    "10/11 nhiệm vụ hoàn thành đúng hạn, đạt 90,9%",
    "Trong năm có 02 sáng kiến được công nhận",
])

def test_report_figures(report, phrase):
    assert any(phrase in p for p in report["body"]), phrase


def test_a_proposal_the_council_did_not_pass_is_not_reported_as_put_forward(report):
    # Lê Văn Hùng's Chiến sĩ thi đua cấp tỉnh: 04/07 votes, below the council's 70%
    text = "\n".join(report["body"])
    assert "02/20 cá nhân đạt danh hiệu chiến sĩ thi đua cơ sở, đạt 10%." in text
    assert "đề nghị xét tặng danh hiệu \"Chiến sĩ thi đua cấp tỉnh\"" not in text


def test_report_header_and_signature(report):
    body = report["body"]
    assert "UBND TỈNH QUẢNG NGÃI" in body and "BAN DÂN TỘC TỈNH QUẢNG NGÃI" in body
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body
    assert "Độc lập - Tự do - Hạnh phúc" in body
    assert "Số:      /BC-BDT" in body
    assert "Quảng Ngãi, ngày      tháng 12 năm 2023" in body
    assert body.index("TRƯỞNG BAN") < body.index("Hồ Ngọc Thịnh")
    assert "- Văn phòng UBND tỉnh (Khối trưởng);" in body


def test_parts_are_numbered_and_lettered_in_the_vietnamese_way(report):
    body = report["body"]
    start = body.index("2.1. Kết quả thực hiện các phong trào thi đua do Thủ tướng Chính phủ và "
                       "Chủ tịch UBND tỉnh phát động")
    end = next(i for i, p in enumerate(body) if i > start and p.startswith("2.2. "))
    letters = [p.split(")")[0] for p in body[start:end] if len(p) > 3 and p[1:3] == ") "]
    assert letters == ["a", "b", "c", "d", "đ", "e", "g", "h"]
    assert [p[:3] for p in body if p[:3] in ("a) ", "b) ", "c) ")][:3] == ["a) ", "b) ", "c) "]
    assert body[end].startswith("2.2. Kết quả triển khai thực hiện Chỉ thị số 19/CT-TTg")
    assert "2.3. Kết quả hoạt động của khối thi đua phát động" in body
    assert [p[:2] for p in body if p[:3] in ("1. ", "2. ", "3. ") and p.isupper() is False
            and ("Thi đua thực hiện" in p or "Thực hiện các chủ trương" in p
                 or "Tổ chức thực hiện tốt" in p)] == ["1.", "2.", "3."]


def test_pledge_table_and_conclusion(report):
    rows = report["rows"]
    assert "Chỉ tiêu | Đăng ký | Kết quả | Đánh giá" in rows
    assert "Cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở | 15% | 10% | Không đạt" in rows
    assert any(r.endswith("| 20% | 33,3% | Vượt") for r in rows)
    text = "\n".join(report["body"])
    assert "không đạt 01 chỉ tiêu: Cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở" in text
    assert "đều đạt và vượt" not in text  # the reference's false claim


def test_footnotes_cite_documents_in_order(report):
    notes = report["footnotes"]
    assert notes[:2] == ["Kế hoạch số 128/KH-BDT ngày 28/02/2023",
                         "Kế hoạch số 1045/KH-BDT ngày 10/10/2023"]
    assert notes.count("Kế hoạch số 746/KH-BDT ngày 03/10/2022") == 2  # one per place cited
    assert "Đăng ký giao ước thi đua số 514/BDT-VP ngày 06/6/2023" in notes
    tasks = notes[-1]
    assert tasks.startswith("(1) ") and "(12) " in tasks and "dừng thực hiện" in tasks
    refs = [int(x) for p in report["body"] for x in __import__("re").findall(r"\[(\d+)\]", p)]
    assert refs == list(range(1, len(notes) + 1))


def test_summary_workbook(sample_run):
    wb = openpyxl.load_workbook(written(sample_run, "tong_hop_2023.xlsx"))
    pledges = {r[0]: r[4] for r in wb["Giao ước"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert pledges["Cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"] == schema.NOT_MET
    units = {r[0]: r for r in wb["Đơn vị"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert units["Văn phòng Ban"][4] == 8
    staff = [r[1] for r in wb["Danh sách cá nhân"].iter_rows(min_row=2, values_only=True)]
    assert len(staff) == 20


def test_run_record_hashes_every_input(sample_run):
    record = json.loads(written(sample_run, ".json").read_text(encoding="utf-8"))
    inputs = {f["tep"]: (f["sha256"], f["byte"]) for f in record["tep_dau_vao"]}
    assert inputs == {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_size)
                      for p in (ROOT / "input").glob("*.xlsx")}
    assert record["so_lieu"]["ca_nhan"] == 20
    assert record["so_lieu"][schema.M_CSTDCS] == [2, 20]


def test_sample_warns_only_of_the_quota_the_reference_breaks(sample_run):
    # 04 HTXSNV of the 16 rated exactly HTTNV: over 20% (Nghị định 90/2020 as amended, and
    # 335/2025); the reference counted them over all 20 people. And, by design (issue 14), the
    # one proposal the sample council does not pass.
    assert [(i.code, i.message) for i in sample_run.issues] == [(
        "excellent-quota", "Có 04 cá nhân Hoàn thành xuất sắc nhiệm vụ, vượt 20% của 16 người "
                           "được xếp loại Hoàn thành tốt nhiệm vụ (tối đa 03)."), (
        "vote-failed", "Lê Văn Hùng (Phòng Chính sách dân tộc) không được Hội đồng thông qua "
                       "\"Chiến sĩ thi đua cấp tỉnh\" (dòng 17 sheet Bình xét): 04 phiếu đồng ý "
                       "(57,1% tổng số thành viên Hội đồng), cần từ 70% tổng số thành viên Hội "
                       "đồng trở lên; không đưa vào tờ trình đề nghị cấp trên.")]
    assert "Nghị định 335/2025/NĐ-CP" in sample_run.issues[0].fix

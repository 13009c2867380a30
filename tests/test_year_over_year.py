"""Year over year: each metric beside the previous year's result, and the change in words, in
the report, the summary and the terminal. The agency of tests/other_agency.py (2024) is run
after a 2023 of its own, derived from it with a few ratings, titles and tasks changed."""

from __future__ import annotations

import copy
import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from pipeline import job, schema
from pipeline.cli import main
from pipeline.documents import report
from pipeline.documents.preflight import check_template
from pipeline.errors import UsageError
from pipeline.figures import compare, result
from pipeline.figures.compare import Change
from pipeline.reading.forms import write_set
from tests import other_agency
from tests.conftest import ROOT, docx_text, quiet, written
from tests.test_result import DAMAGED

TEMPLATE = ROOT / "input_templates" / "mau_bao_cao.docx"
NAME = other_agency.AGENCY["info"]["Tên cơ quan"]
HEADER = "Chỉ số | Năm 2023 | Năm 2024 | Thay đổi"


def result_file(outcome: job.Outcome) -> Path:
    return next(p for p in outcome.written if p.name.startswith("ket_qua_"))


# --- the change of one metric -----------------------------------------------------------------

@pytest.mark.parametrize(("metric", "now", "before", "text"), [
    (schema.M_LDTT, (20, 20), (19, 20), "tăng 5,0 điểm phần trăm so với năm 2022"),
    (schema.M_LDTT, (39, 40), (1, 1), "giảm 2,5 điểm phần trăm so với năm 2022"),
    (schema.M_LDTT, (1, 3), (1, 2), "giảm 16,7 điểm phần trăm so với năm 2022"),
    (schema.M_LDTT, (2, 4), (1, 2), "không đổi so với năm 2022"),
    # rounded half up, on the exact difference, whatever its sign
    (schema.M_LDTT, (1, 400), (0, 1), "tăng 0,3 điểm phần trăm so với năm 2022"),  # 0,25
    (schema.M_LDTT, (0, 1), (1, 400), "giảm 0,3 điểm phần trăm so với năm 2022"),
    (schema.M_LDTT, (1, 10), (9, 80), "giảm 1,3 điểm phần trăm so với năm 2022"),  # 1,25
    (schema.M_LDTT, (201, 2000), (1, 10), "tăng 0,1 điểm phần trăm so với năm 2022"),  # 0,05
    # a tiny difference is never "tăng 0,0": more decimals, then "chưa đến 0,001"
    (schema.M_LDTT, (251, 2500), (1, 10), "tăng 0,04 điểm phần trăm so với năm 2022"),
    (schema.M_LDTT, (1, 2), (5001, 10000), "giảm 0,01 điểm phần trăm so với năm 2022"),
    (schema.M_LDTT, (2501, 25000), (1, 10), "tăng 0,004 điểm phần trăm so với năm 2022"),
    (schema.M_LDTT, (10001, 20000), (1, 2), "tăng 0,01 điểm phần trăm so với năm 2022"),  # 0,005
    (schema.M_LDTT, (1000001, 2000000), (1, 2),
     "tăng chưa đến 0,001 điểm phần trăm so với năm 2022"),
    (schema.M_INITIATIVES, (5, 1), (2, 1), "tăng 03 so với năm 2022"),
    (schema.M_INITIATIVES, (1, 1), (2, 1), "giảm 01 so với năm 2022"),
    (schema.M_INITIATIVES, (12, 1), (0, 1), "tăng 12 so với năm 2022"),
    (schema.M_INITIATIVES, (3, 1), (3, 1), "không đổi so với năm 2022"),
    (schema.M_C_LDTT, (1, 2), (0, 0), "chưa so sánh được (năm 2022 chưa có số liệu)"),
    (schema.M_C_LDTT, (0, 0), (1, 2), "chưa so sánh được (năm nay chưa có số liệu)"),
    (schema.M_C_LDTT, (0, 0), (0, 0), "chưa so sánh được (cả hai năm chưa có số liệu)"),
])
def test_change_in_words(metric, now, before, text):
    assert Change(metric, now, before, 2022).text == text


@pytest.mark.parametrize(("metric", "now", "before", "delta", "shown"), [
    (schema.M_LDTT, (20, 20), (19, 20), Fraction(5), ("100%", "95%")),
    (schema.M_C_EXCELLENT, (1, 3), (1, 16), Fraction(1300, 48), ("33,3%", "6,3%")),
    (schema.M_INITIATIVES, (5, 1), (3, 1), Fraction(2), ("05", "03")),
    (schema.M_TASKS, (0, 0), (12, 12), None, ("chưa có số liệu", "100%")),
])
def test_values_delta_and_texts(metric, now, before, delta, shown):
    c = Change(metric, now, before, 2022)
    assert c.delta == delta
    assert (c.now_text, c.before_text) == shown
    assert c.before_value == (Fraction(*before) if before[1] else None)


def test_changes_follow_the_metrics_order_and_skip_absent_ones():
    now = {m: (1, 2) for m in reversed(schema.METRICS)}
    before = {m: (1, 4) for m in schema.METRICS if m != schema.M_CSTDCS}
    found = compare.changes(now, before, 2022)
    assert [c.metric for c in found] == [m for m in schema.METRICS if m != schema.M_CSTDCS]
    assert {c.year_before for c in found} == {2022}


def test_comparison_rows_leave_out_metrics_without_any_value():
    rows = report.comparison_rows([Change(schema.M_C_LDTT, (0, 0), (0, 0), 2022),
                                   Change(schema.M_TASKS, (0, 0), (3, 4), 2022),
                                   Change(schema.M_LDTT, (20, 20), (19, 20), 2022)])
    assert rows == [
        {"chi_so": schema.M_TASKS, "nam_truoc": "75%", "nam_nay": "chưa có số liệu",
         "thay_doi": "chưa so sánh được (năm nay chưa có số liệu)"},
        {"chi_so": schema.M_LDTT, "nam_truoc": "95%", "nam_nay": "100%",
         "thay_doi": "tăng 5,0 điểm phần trăm so với năm 2022"}]


# --- finding last year's result -----------------------------------------------------------------

def test_find_previous_takes_the_newest_run(tmp_path):
    folder = tmp_path / "2022"
    folder.mkdir()
    for name in ("ket_qua_2022.json", "ket_qua_2022_2.json", "ket_qua_2022_10.json",
                 "ket_qua_2021.json", "ket_qua_2022_x.json", "tong_hop_2022_11.xlsx"):
        (folder / name).write_text("{}", encoding="utf-8")
    (folder / "ket_qua_2022_12.json").mkdir()  # not a file
    assert compare.find_previous(folder, "ket_qua_{year}.json", 2023) == \
        folder / "ket_qua_2022_10.json"


def test_find_previous_without_a_result(tmp_path):
    assert compare.find_previous(tmp_path / "2022", "ket_qua_{year}.json", 2023) is None
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "ket_qua_2021.json").write_text("{}", encoding="utf-8")
    assert compare.find_previous(tmp_path / "2022", "ket_qua_{year}.json", 2023) is None
    assert compare.load_previous(None, tmp_path, "ket_qua_{year}.json", 2023, NAME) == (None, [])


# --- two consecutive years, end to end ------------------------------------------------------------

def _year_2023() -> tuple[dict, list[dict]]:
    """The agency's 2023: two fewer LĐTT, one more HTXSNV, one fewer initiative, one task
    still running, the Trung tâm without a collective title."""
    agency, units = copy.deepcopy(other_agency.AGENCY), copy.deepcopy(other_agency.UNITS)
    for book in (agency, *units):
        book["info"]["Năm"] = 2023
    agency["info"]["Ngày báo cáo"] = date(2023, 12, 5)
    task = next(t for t in agency["Nhiệm vụ"] if "Ngày hội khởi nghiệp" in t["Nội dung nhiệm vụ"])
    task.update({"Tình trạng": schema.TASK_RUNNING, "Ngày hoàn thành": None})
    changed = {"Kiều Thị Thanh Xuân": {"Danh hiệu": schema.NONE},
               "Tô Văn Phúc": {"Danh hiệu": schema.NONE},
               "Phạm Minh Đăng": {"Xếp loại": schema.EXCELLENT},
               "Lê Thị Hoài Thu": {"Sáng kiến": None}}
    for unit in units:
        if unit["info"]["Tên đơn vị"].startswith("Trung tâm"):
            unit["info"]["Danh hiệu tập thể"] = schema.NONE
        for person in unit["Cá nhân"]:
            person.update(changed.get(person["Họ và tên"], {}))
    return agency, units


def _same_figures_2023() -> tuple[dict, list[dict]]:
    """A first, superseded 2023 run: the 2024 figures under 2023."""
    agency, units = copy.deepcopy(other_agency.AGENCY), copy.deepcopy(other_agency.UNITS)
    for book in (agency, *units):
        book["info"]["Năm"] = 2023
    return agency, units


@pytest.fixture(scope="module")
def years(tmp_path_factory, cfg):
    """2023 run twice (the second run's result is the one to compare with), then 2024."""
    root = tmp_path_factory.mktemp("years")
    out = root / "output"
    runs = {}
    for label, (agency, units) in (("2023_first", _same_figures_2023()), ("2023", _year_2023()),
                                   ("2024", (other_agency.AGENCY, other_agency.UNITS))):
        write_set(root / label, agency, units)
        runs[label] = job.run(root / label, out, cfg, quiet, today=date(2024, 12, 20))
        assert not runs[label].blocked
    runs["root"] = root
    return runs


EXPECTED_ROWS = [  # (metric, 2023, 2024, change), worked out by hand
    (schema.M_GOOD, "91,4%", "91,4%", "không đổi so với năm 2023"),  # 32/35 both years
    (schema.M_EXCELLENT, "25,7%", "22,9%", "giảm 2,9 điểm phần trăm so với năm 2023"),  # 9 -> 8
    (schema.M_LDTT, "85,7%", "91,4%", "tăng 5,7 điểm phần trăm so với năm 2023"),  # 30 -> 32
    (schema.M_CSTDCS, "14,3%", "14,3%", "không đổi so với năm 2023"),
    (schema.M_C_LDTT, "50%", "75%", "tăng 25,0 điểm phần trăm so với năm 2023"),  # 2/4 -> 3/4
    (schema.M_C_LDXS, "25%", "25%", "không đổi so với năm 2023"),
    (schema.M_C_EXCELLENT, "25%", "25%", "không đổi so với năm 2023"),
    (schema.M_TASKS, "77,8%", "88,9%", "tăng 11,1 điểm phần trăm so với năm 2023"),  # 7/9 -> 8/9
    (schema.M_ON_TIME, "62,5%", "75%", "tăng 12,5 điểm phần trăm so với năm 2023"),  # 5/8 -> 6/8
    (schema.M_INITIATIVES, "04", "05", "tăng 01 so với năm 2023"),
]


def test_second_run_of_the_year_before_is_the_one_compared(years):
    out = years["root"] / "output" / "2023"
    assert result_file(years["2023"]).parent == out
    assert compare.find_previous(out, "ket_qua_{year}.json", 2024) == out / "ket_qua_2023_2.json"
    assert years["2024"].previous_year == 2023
    assert not years["2024"].notes


def test_outcome_keeps_the_comparison(years):
    changes = years["2024"].changes
    assert [(c.metric, c.before_text, c.now_text, c.text) for c in changes] == EXPECTED_ROWS
    assert years["2023"].changes == [] and years["2023"].previous_year is None  # no 2022
    record = json.loads(next(p for p in years["2024"].written
                             if p.name.startswith("nhat_ky")).read_text(encoding="utf-8"))
    assert record["so_sanh_voi"] == {"nam": 2023, "tep": years["2024"].previous_file}
    assert years["2024"].previous_file.startswith("ket_qua_2023")


def test_report_shows_the_comparison_table(years):
    report_ = docx_text(written(years["2024"], ".docx"))
    body, rows = report_["body"], report_["rows"]
    start = body.index("c) So sánh với năm 2023")
    assert body[start + 1] == "Kết quả các chỉ số thi đua năm 2024 so với năm 2023 như sau:"
    assert body.index(years["2024"].conclusion.sentence) < start
    assert start < body.index("III. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG, NHIỆM VỤ, CHỈ TIÊU THI ĐUA")
    first = rows.index(HEADER)
    assert rows[first + 1:first + 1 + len(EXPECTED_ROWS)] == [" | ".join(r) for r in EXPECTED_ROWS]
    assert not any("{" in line for line in body + rows)


def test_summary_has_last_years_column_and_the_change(years):
    ws = openpyxl.load_workbook(written(years["2024"], "tong_hop_2024.xlsx"))["Tổng hợp"]
    head = next(r for r in ws.iter_rows() if r[0].value == "Chỉ số")
    assert [c.value for c in head] == ["Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ", "Năm 2023",
                                       "Thay đổi"]
    lines = {r[0].value: r for r in ws.iter_rows(min_row=head[0].row + 1)}
    ldtt = lines[schema.M_LDTT]
    assert ldtt[4].value == pytest.approx(30 / 35) and ldtt[4].number_format == "0.0%"
    assert ldtt[5].value == "tăng 5,7 điểm phần trăm so với năm 2023"
    count = lines[schema.M_INITIATIVES]
    assert (count[3].value, count[4].value, count[4].number_format) == (5, 4, "0")
    assert count[5].value == "tăng 01 so với năm 2023"
    assert [lines[m][5].value for m, *_ in EXPECTED_ROWS] == [r[3] for r in EXPECTED_ROWS]


def test_without_a_previous_year_nothing_changes(other_run):
    assert other_run.changes == [] and other_run.previous_year is None and not other_run.notes
    report_ = docx_text(written(other_run, ".docx"))
    assert not any("So sánh" in line for line in report_["body"])
    assert not any(r.startswith("Chỉ số | Năm") for r in report_["rows"])
    ws = openpyxl.load_workbook(written(other_run, "tong_hop_2024.xlsx"))["Tổng hợp"]
    head = next(r for r in ws.iter_rows() if r[0].value == "Chỉ số")
    assert [c.value for c in head] == ["Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ"]
    assert ws.max_column == 4


# --- a previous result that cannot be used --------------------------------------------------------

@pytest.fixture
def before_2023(years) -> dict:
    return json.loads(result_file(years["2023"]).read_text(encoding="utf-8"))


def _file(tmp_path: Path, data: dict | str) -> Path:
    path = tmp_path / "ket_qua_2023.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")
    return path


def _load(path: Path | None, out: Path) -> tuple[result.AgencyResult | None, list[str]]:
    return compare.load_previous(path, out, "ket_qua_{year}.json", 2024, NAME)


def test_explicit_previous_wins_and_names_may_differ_in_form(years, before_2023, tmp_path):
    before_2023["co_quan"]["ten"] = "SỞ KHOA HỌC VÀ CÔNG NGHỆ  TỈNH KON TUM"  # case, spaces
    found, notes = _load(_file(tmp_path, before_2023), tmp_path / "empty")
    assert found is not None and found.year == 2023 and notes == []


@pytest.mark.parametrize(("change", "note"), [
    ({"nam": 2022}, "là của năm 2022, không phải 2023: bỏ qua phần so sánh."),
    ({"co_quan": {"ten": "Ban Dân tộc tỉnh Quảng Ngãi"}},
     f"là của Ban Dân tộc tỉnh Quảng Ngãi, không phải {NAME}: bỏ qua phần so sánh."),
    ({"phien_ban": 9}, "phiên bản 9 không được hỗ trợ (cần 1); bỏ qua phần so sánh."),
    ({"chi_so": {}}, "thiếu mục \"Tỷ lệ cá nhân hoàn thành tốt nhiệm vụ trở lên\""),
])
def test_a_result_of_another_year_agency_or_version_is_a_note(before_2023, tmp_path, change,
                                                              note):
    for k, v in change.items():
        before_2023[k] = {**before_2023[k], **v} if isinstance(v, dict) and v else v
    path = _file(tmp_path, before_2023)
    found, notes = _load(path, tmp_path)
    assert found is None and len(notes) == 1
    assert str(path) in notes[0] and note in notes[0]


def test_a_corrupt_result_is_a_note(tmp_path):
    path = _file(tmp_path, '{"loai": "thidua-ket-qua", ')
    found, notes = _load(path, tmp_path)
    assert found is None
    assert notes == [f"Không dùng được kết quả năm trước {path}: không đọc được "
                     "(JSONDecodeError); bỏ qua phần so sánh."]


def test_a_missing_explicit_previous_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="Không có tệp kết quả năm trước"):
        _load(tmp_path / "khong_co.json", tmp_path)
    with pytest.raises(UsageError):
        _load(tmp_path, tmp_path)  # a folder is not a result file


def test_another_agencys_result_gives_a_note_and_no_comparison(years, sample_run, cfg, tmp_path):
    other = result_file(sample_run)  # Ban Dân tộc tỉnh Quảng Ngãi, 2023
    outcome = job.run(years["root"] / "2024", tmp_path, cfg, quiet, previous=other)
    assert not outcome.blocked and outcome.changes == [] and outcome.previous_year is None
    assert outcome.notes == [f"Kết quả năm trước {other} là của Ban Dân tộc tỉnh Quảng Ngãi, "
                             f"không phải {NAME}: bỏ qua phần so sánh."]
    assert not any("So sánh" in line for line in docx_text(written(outcome, ".docx"))["body"])


# --- the template and the command line ------------------------------------------------------------

def test_the_template_passes_the_preflight():
    assert check_template(TEMPLATE, report.VARIABLES, report.FILTERS,
                          report.attributes(report.ITEMS)) == []


def test_an_older_template_without_the_comparison_still_renders(years, tmp_path):
    doc = Document(str(TEMPLATE))
    body = doc.element.body
    inside = False
    for el in list(body):  # the block from {%p if so_sanh %} to {%p endif %}, table included
        text = "".join(t.text or "" for t in el.iter(f"{{{body.nsmap['w']}}}t"))
        inside = inside or text == "{%p if so_sanh %}"
        if inside:
            body.remove(el)
        if text == "{%p endif %}" and inside:
            break
    old = tmp_path / "mau_cu.docx"
    doc.save(str(old))
    o = years["2024"]
    context = report.build_context(o.data, o.figures, o.pledges, o.conclusion, date(2024, 12, 5),
                                   o.changes)
    path = tmp_path / "bao_cao.docx"
    path.write_bytes(report.render(old, context))
    text = docx_text(path)
    assert not any("So sánh" in line for line in text["body"]) and HEADER not in text["rows"]
    assert o.conclusion.sentence in text["body"]


def test_cli_previous(years, tmp_path, capsys):
    before = result_file(years["2023"])
    args = ["--input", str(years["root"] / "2024"), "--output", str(tmp_path / "out")]
    assert main([*args, "--previous", str(before)]) == 0
    printed = capsys.readouterr().out
    assert "SO VỚI NĂM 2023" in printed
    assert "85,7% → 91,4%: tăng 5,7 điểm phần trăm so với năm 2023" in printed
    assert HEADER in docx_text(tmp_path / "out" / "2024" / "bao_cao_thi_dua_2024.docx")["rows"]


def test_cli_corrupt_or_missing_previous(years, tmp_path, capsys):
    args = ["--input", str(years["root"] / "2024"), "--output", str(tmp_path / "out")]
    broken = _file(tmp_path, "không phải JSON")
    assert main([*args, "--previous", str(broken)]) == 0
    captured = capsys.readouterr()
    assert f"Lưu ý: Không dùng được kết quả năm trước {broken}" in captured.out
    assert "SO VỚI NĂM" not in captured.out and "Traceback" not in captured.err
    assert main([*args, "--previous", str(tmp_path / "khong_co.json")]) == 2
    assert "Lỗi: Không có tệp kết quả năm trước" in capsys.readouterr().err


@pytest.mark.parametrize("case", ["nested 100000 deep", "integer of 5000 digits", "NaN",
                                  "a fraction for a count", "over 5 MB"])
def test_cli_a_damaged_previous_result_still_gives_the_report(years, before_2023, tmp_path,
                                                               capsys, case):
    damage, reason = DAMAGED[case]
    out = tmp_path / "out"
    previous = out / "2023" / "ket_qua_2023.json"  # where the run looks for it by itself
    previous.parent.mkdir(parents=True)
    previous.write_text(damage(before_2023), encoding="utf-8")
    assert main(["--input", str(years["root"] / "2024"), "--output", str(out)]) == 0
    captured = capsys.readouterr()
    assert (f"Lưu ý: Không dùng được kết quả năm trước {previous}: {reason}" in captured.out
            and "bỏ qua phần so sánh" in captured.out)
    assert "SO VỚI NĂM" not in captured.out and "Traceback" not in captured.err
    assert HEADER not in docx_text(out / "2024" / "bao_cao_thi_dua_2024.docx")["rows"]
    record = json.loads((out / "2024" / "nhat_ky_chay_2024.json").read_text(encoding="utf-8"))
    assert record["so_sanh_voi"] is None

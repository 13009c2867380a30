"""The Word report: template checks before rendering, escaping, sentences built from data."""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import date

import pytest
from docx import Document

from pipeline import schema
from pipeline.cells import UNUSABLE
from pipeline.documents import report
from pipeline.errors import TemplateError
from pipeline.figures.aggregate import Metric
from tests import bad_corpus as bad
from tests.conftest import ROOT, check_list, docx_text, run_cli

TEMPLATE = ROOT / "input_templates" / "mau_bao_cao.docx"


@pytest.fixture(scope="module")
def context(sample_run):
    o = sample_run
    return report.build_context(o.data, o.figures, o.pledges, o.conclusion, date(2023, 12, 20))


# Given for templates the secretary rewords: the default one places the figures of tasks and
# initiatives through "noi_dung" ([Nhiệm vụ], [Sáng kiến]) and names the agency in "ket_thuc".
SPARE = {"ten_co_quan", "nhiem_vu", "sang_kien"}


def test_template_declares_exactly_the_context(context):
    from docxtpl import DocxTemplate
    declared = DocxTemplate(str(TEMPLATE)).get_undeclared_template_variables(report.jinja_env())
    assert declared == set(context) - SPARE


@pytest.mark.parametrize(("line", "message"), [
    ("{{ ten_nguoi_lap }}", "ten_nguoi_lap"),  # unknown variable, named before rendering
    ("{% if nam %}", "thẻ sai"),  # unclosed tag
])
def test_template_mistakes_are_named(context, tmp_path, line, message):
    doc = Document(str(TEMPLATE))
    doc.add_paragraph(line)
    edited = tmp_path / "mau.docx"
    doc.save(str(edited))
    with pytest.raises(TemplateError, match=message):
        report.render(edited, context)


def test_special_characters_reach_the_report_intact(context, tmp_path):
    tricky = dict(context, nguoi_ky='Trần & "Lê" <Ban>',
                  thuan_loi=[{"so": "", "tieu_de": "", "doan": ["- A < B & C > D"]}])
    path = tmp_path / "out.docx"
    path.write_bytes(report.render(TEMPLATE, tricky))
    body = docx_text(path)["body"]
    assert 'Trần & "Lê" <Ban>' in body
    assert "- A < B & C > D" in body


@pytest.mark.parametrize(("metric", "text"), [
    (Metric(schema.M_LDTT, 20, 20), "20/20 cá nhân đạt danh hiệu lao động tiên tiến, đạt 100%"),
    (Metric(schema.M_C_EXCELLENT, 1, 3), "01/03 tập thể hoàn thành xuất sắc nhiệm vụ, đạt 33,3%"),
    (Metric(schema.M_INITIATIVES, 2, 1), "02 sáng kiến được công nhận"),
    (Metric(schema.M_C_LDTT, 0, 0), "Chưa có số liệu về tỷ lệ tập thể đạt danh hiệu tập thể "
                                    "lao động tiên tiến"),
])
def test_metric_sentence(metric, text):
    assert report.metric_sentence(metric) == text


def test_every_template_variable_is_documented(context):
    assert set(report.VARIABLES) == set(context)


def test_variables_reference_is_up_to_date():
    page = ROOT / "docs" / "bien_mau_bao_cao.md"
    assert page.read_text(encoding="utf-8") == report.variables_reference(), \
        "run python tools/make_docs.py"


# --- user text comes out exactly as typed (issue 10) ----------------------------------------
# docxtpl turns "{_{" "}_}" "{_%" "%_}" in any text into "{{" "}}" "{%" "%}" after rendering,
# and "\x07" into a new paragraph; the footnote markers are U+E000/U+E001. "_x0007_" is how an
# xlsx stores the control character \x07 (openpyxl refuses it raw, calamine decodes it).
BRACES = "{_{ x }_} và {_% y %_} {{ z }}"
TYPED = {("co_quan.xlsx", schema.MOVEMENT_SHEET, "B2"):
         f"Phong trào {BRACES}_x0007_\ue000\ue001 hết",
         ("co_quan.xlsx", schema.DOC_SHEET, "B2"): "Kế hoạch {_{ k }_}\ue001",
         ("don_vi_van_phong_ban.xlsx", schema.PEOPLE_SHEET, "J2"): "Giấy khen {_% y %_}_x0001_"}


def test_user_text_reaches_the_report_as_typed(tmp_path):
    folder, out = tmp_path / "input", tmp_path / "output"
    shutil.copytree(ROOT / "input", folder)
    for (file, sheet, cell), value in TYPED.items():
        bad.edit(folder / file, bad.put(sheet, cell, value))

    done = run_cli(folder, out)

    assert done.returncode == 0, done.stderr
    text = docx_text(out / "2023" / "bao_cao_thi_dua_2023.docx")
    assert any(f"Phong trào {BRACES} hết" in p for p in text["body"])
    assert any('đề nghị khen thưởng "Giấy khen {_% y %_}".' in p for p in text["body"])
    assert any(n.startswith("Kế hoạch {_{ k }_} số 128/KH-BDT") for n in text["footnotes"])
    with zipfile.ZipFile(out / "2023" / "bao_cao_thi_dua_2023.docx") as z:  # where values go
        parts = {n: z.read(n).decode("utf-8") for n in z.namelist()
                 if re.fullmatch(r"word/(document|footnotes|header\d*|footer\d*)\.xml", n)}
    assert not {n: UNUSABLE.findall(x) for n, x in parts.items() if UNUSABLE.search(x)}
    checks = check_list(out / "2023" / "kiem_tra_du_lieu_2023.xlsx")
    assert {c for c in checks if c[0] == "control-chars"} == {("control-chars", *k) for k in TYPED}

"""The Word report: template checks before rendering, escaping, sentences built from data."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document

from pipeline import report, schema
from pipeline.aggregate import Metric
from pipeline.errors import TemplateError
from tests.conftest import ROOT, docx_text

TEMPLATE = ROOT / "input_templates" / "mau_bao_cao.docx"


@pytest.fixture(scope="module")
def context(sample_run):
    o = sample_run
    return report.build_context(o.data, o.figures, o.pledges, o.conclusion, date(2023, 12, 20))


def test_template_declares_exactly_the_context(context):
    from docxtpl import DocxTemplate
    declared = DocxTemplate(str(TEMPLATE)).get_undeclared_template_variables(report.jinja_env())
    assert declared == set(context)


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
    tricky = dict(context, nguoi_ky='Trần & "Lê" <Ban>', thuan_loi=["A < B & C > D"])
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

"""Pre-flight check of the Word template: each problem class, all problems at once, and what
docxtpl repairs on its own (so it is not reported)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docxtpl import DocxTemplate

from pipeline.documents import preflight, report
from pipeline.documents.preflight import TemplateProblem, check_template
from tests.conftest import ROOT

TEMPLATE = ROOT / "input_templates" / "mau_bao_cao.docx"
Runs = list[tuple[str, bool | None]]  # (text, bold) of each run of one paragraph


def make(tmp_path: Path, *paragraphs: str | Runs, header: str = "") -> Path:
    """A small template: one paragraph per argument, a string being a single run."""
    doc = Document()
    for para in paragraphs:
        p = doc.add_paragraph()
        for text, bold in [(para, None)] if isinstance(para, str) else para:
            p.add_run(text).bold = bold
    if header:
        doc.sections[0].header.paragraphs[0].text = header
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    return path


def with_xml(tmp_path: Path, body: str) -> Path:
    """A template whose one paragraph is raw WordprocessingML (hyperlinks, revisions)."""
    doc = Document()
    doc.element.body.insert(0, parse_xml(f"<w:p {nsdecls('w')}>{body}</w:p>"))
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    return path


def check(path: Path) -> list[TemplateProblem]:
    return check_template(path, report.VARIABLES, report.FILTERS, report.attributes(report.ITEMS))


def codes(problems: list[TemplateProblem]) -> list[tuple[str, str]]:
    return [(p.code, p.tag) for p in problems]


def rendered(path: Path, context: dict) -> list[str]:
    """Body paragraphs of the template rendered by docxtpl as report.render does."""
    doc = DocxTemplate(str(path))
    doc.render(context, report.jinja_env(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return [p.text for p in Document(buffer).paragraphs]


def test_shipped_template_is_clean():
    assert check(TEMPLATE) == []


def test_edited_template_is_clean(tmp_path):
    doc = Document(str(TEMPLATE))
    for p in doc.paragraphs:
        if p.text == "Kết quả thực hiện từng chỉ tiêu đã đăng ký:":
            p.runs[0].text = "Kết quả cụ thể của từng chỉ tiêu như sau:"
        if p.text == "{{ sang_kien }}":  # a variable the secretary no longer wants
            p._p.getparent().remove(p._p)
    assert "sang_kien" not in "".join(p.text for p in doc.paragraphs)
    edited = tmp_path / "mau.docx"
    doc.save(str(edited))
    assert check(edited) == []


def test_unknown_variable_is_named_with_a_suggestion(tmp_path):
    problems = check(make(tmp_path, "Kính gửi {{ ten_co_quann }}."))
    assert codes(problems) == [("unknown-variable", "{{ ten_co_quann }}")]
    assert '"{{ ten_co_quann }}" (đoạn 1)' in problems[0].message
    assert '"ten_co_quan"' in problems[0].message


def test_loop_variables_and_builtins_are_known(tmp_path):
    path = make(tmp_path, "{%p for d in thuan_loi %}", "{{ loop.index }}. {{ d }}",
                "{%p endfor %}")
    assert check(path) == []


def test_loop_variable_outside_its_loop_is_unknown(tmp_path):
    path = make(tmp_path, "{%p for d in thuan_loi %}", "{{ d }}", "{%p endfor %}", "{{ d }}")
    assert codes(check(path)) == [("unknown-variable", "{{ d }}")]


def test_unknown_filter(tmp_path):
    problems = check(make(tmp_path, '{{ "Kế hoạch 128"|chu_thichh }} năm {{ nam|upper }}'))
    assert codes(problems) == [("unknown-filter", '{{ "Kế hoạch 128"|chu_thichh }}')]
    assert '"|chu_thichh"' in problems[0].message and '"chu_thich"' in problems[0].message


def test_no_tags_at_all(tmp_path):
    assert codes(check(make(tmp_path, "Báo cáo", "không có thẻ"))) == [("missing-variable", "")]


def test_split_tag_with_different_formatting(tmp_path):
    path = make(tmp_path, [("Kính gửi {{ ten_", None), ("co_quan }} và", True)])
    problems = check(path)
    assert codes(problems) == [("split-tag", "{{ ten_co_quan }}")]
    assert "{{ ten_co_quan }}" in problems[0].message
    # why: docxtpl joins the pieces into the first run, and the bold of " và" is gone
    doc = DocxTemplate(str(path))
    doc.render({"ten_co_quan": "Ban Dân tộc"}, report.jinja_env(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    assert [(r.text, r.bold) for r in Document(buffer).paragraphs[0].runs] == [
        ("Kính gửi Ban Dân tộc và", None)]


def test_split_tag_with_same_formatting_is_tolerated(tmp_path):
    path = make(tmp_path, [("Kính gửi {", None), ("{ ten_", None), ("co_quan }", None),
                           ("} và", None)])
    assert check(path) == []
    assert rendered(path, {"ten_co_quan": "Ban Dân tộc"}) == ["Kính gửi Ban Dân tộc và"]


@pytest.mark.parametrize("body", [
    # the end of the tag inside a hyperlink: docxtpl leaves a stray </w:hyperlink>
    '<w:r><w:t xml:space="preserve">A {{ ten_</w:t></w:r><w:hyperlink w:anchor="x"><w:r>'
    '<w:t xml:space="preserve">co_quan }} B</w:t></w:r></w:hyperlink>',
    # the end of the tag typed with Track Changes on
    '<w:r><w:t xml:space="preserve">A {{ ten_</w:t></w:r><w:ins w:id="1" w:author="x">'
    '<w:r><w:t xml:space="preserve">co_quan }} B</w:t></w:r></w:ins>',
])
def test_split_tag_across_a_link_or_revision(tmp_path, body):
    problems = check(with_xml(tmp_path, body))
    assert codes(problems) == [("split-tag", "{{ ten_co_quan }}")]
    assert "Track Changes" in problems[0].message


def test_revision_inside_a_tag_is_tolerated(tmp_path):
    path = with_xml(tmp_path, '<w:r><w:t xml:space="preserve">A {{ ten_</w:t></w:r>'
                    '<w:ins w:id="1" w:author="x"><w:r><w:t>co</w:t></w:r></w:ins>'
                    '<w:r><w:t xml:space="preserve">_quan }} B</w:t></w:r>')
    assert check(path) == []
    assert rendered(path, {"ten_co_quan": "Ban"}) == ["A Ban B"]


def test_smart_quotes_are_tolerated(tmp_path):
    path = make(tmp_path, "{% if nam == ‘2023’ %}năm {{ nam }}{% endif %}{{ “số 1”|upper }}")
    assert check(path) == []
    assert rendered(path, {"nam": "2023"}) == ["năm 2023SỐ 1"]  # docxtpl straightens them


def test_smart_quotes_that_break_the_tag(tmp_path):
    problems = check(make(tmp_path, '{{ "Kế hoạch “A”"|chu_thich }} năm {{ nam }}'))
    assert codes(problems) == [("smart-quotes", '{{ "Kế hoạch “A”"|chu_thich }}')]
    assert "Straight quotes with smart quotes" in problems[0].message


@pytest.mark.parametrize(("paragraphs", "tag"), [
    (["{% if nam %}năm {{ nam }}"], "{% if nam %}"),  # never closed
    (["năm {{ nam ", "đây"], "{{ nam"),  # {{ without }} in its paragraph
    (["năm { nam }}"], "năm { nam }}"),  # }} without {{
    (["{% foo nam %}"], "{% foo nam %}"),  # unknown tag
    (["{{ nam + }}"], "{{ nam + }}"),  # bad expression
    (["{{ nam }}", "{%p endfor %}"], "{%p endfor %}"),  # no opener
    (["{%p if nam %}", "{{ nam }}", "{% endif %}"], "{% endif %}"),  # docxtpl #327
    (["{% for d in dac_diem %}", "{{ d }}", "{% endfor %}"], "{% for d in dac_diem %}"),
    (["{%p if nam % 2 %}", "{{ nam }}", "{%p endif %}"], "{%p if nam % 2 %}"),  # docxtpl #644
    (["{%p for d in dac_diem %}", "{{ d }}", "{%p endif %}"], "{%p endif %}"),  # wrong end
    (["{% if nam %}có{% else nam %}không{% endif %}"], "{% else nam %}"),
    (["{# ghi chú", "{{ nam }}"], "{# ghi chú"),
])
def test_syntax(tmp_path, paragraphs, tag):
    problems = check(make(tmp_path, *paragraphs))
    assert codes(problems) == [("syntax", tag)]
    assert f'"{tag}"' in problems[0].message


def test_jinja_has_the_last_word(tmp_path, monkeypatch):
    # what the tag-by-tag checks might miss, Jinja finds in the xml docxtpl will hand it
    monkeypatch.setattr(preflight, "_check_tags", lambda tags, known: ([], {"nam"}))
    problems = check(make(tmp_path, "{{ nam }}", "năm {% foo nam %} nay"))
    assert codes(problems) == [("syntax", "{% foo nam %}")]
    assert "(đoạn 2): Encountered unknown tag 'foo'" in problems[0].message


def test_paragraph_tag_deletes_the_text_beside_it(tmp_path):
    problems = check(make(tmp_path, "Thuận lợi: {%p for d in thuan_loi %}", "{{ d }}",
                          "{%p endfor %}"))
    assert codes(problems) == [("lost-text", "{%p for d in thuan_loi %}")]
    assert '"Thuận lợi:"' in problems[0].message


@pytest.mark.parametrize("shape", ["p in the body, endif in a cell", "tr in two tables",
                                   "tc in two rows"])
def test_a_pair_of_tags_at_two_levels_is_named(tmp_path, shape):
    """A block opened in one paragraph, row or cell and closed in one of another level: when
    its condition is false the output breaks (docxtpl would cut what follows)."""
    doc = Document()
    if shape.startswith("p"):
        doc.add_paragraph("{%p if nam %}")
        doc.add_table(rows=1, cols=1).cell(0, 0).text = "{%p endif %}"
        opener, closer, where = "{%p if nam %}", "{%p endif %}", "bảng 1, hàng 1, cột 1"
    elif shape.startswith("tr"):
        doc.add_table(rows=1, cols=1).cell(0, 0).text = "{%tr if nam %}"
        doc.add_table(rows=1, cols=1).cell(0, 0).text = "{%tr endif %}"
        opener, closer, where = "{%tr if nam %}", "{%tr endif %}", "bảng 2, hàng 1, cột 1"
    else:
        table = doc.add_table(rows=2, cols=1)
        table.cell(0, 0).text, table.cell(1, 0).text = "{%tc if nam %}", "{%tc endif %}"
        opener, closer, where = "{%tc if nam %}", "{%tc endif %}", "bảng 1, hàng 2, cột 1"
    doc.add_paragraph("{{ nam }}")
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    problems = check(path)
    assert codes(problems) == [("syntax", closer)]
    assert problems[0].message.startswith(f'Thẻ "{closer}" ({where}) thuộc khối "{opener}"')
    assert "khác cấp" in problems[0].message


@pytest.mark.parametrize("wrapper", ['<w:hyperlink w:anchor="x">', '<w:ins w:id="1" '
                                     'w:author="A" w:date="2024-01-01T00:00:00Z">'])
def test_a_pair_of_bare_tags_one_inside_a_link_or_a_tracked_change_is_named(tmp_path,
                                                                         wrapper):
    end = wrapper.split()[0].replace("<", "</") + ">"
    path = with_xml(tmp_path, f'<w:r><w:t xml:space="preserve">{{% if nam %}}A</w:t></w:r>'
                              f"{wrapper}<w:r><w:t>B{{% endif %}}</w:t></w:r>{end}")
    problems = check(path)
    assert codes(problems) == [("syntax", "{% endif %}")]
    assert problems[0].message.startswith('Thẻ "{% endif %}" thuộc khối "{% if nam %}" (đoạn 1)')
    assert check(with_xml(tmp_path, f"{wrapper}<w:r><w:t>{{% if nam %}}A{{% endif %}}</w:t>"
                                    f"</w:r>{end}")) == []  # both inside: well-formed


def test_places_in_tables_and_headers(tmp_path):
    doc = Document()
    doc.add_paragraph("{{ nam }}")
    doc.add_table(rows=2, cols=2).cell(1, 0).text = "{{ namm }}"
    doc.sections[0].header.paragraphs[0].text = "{{ ten_co_quann }}"
    path = tmp_path / "mau.docx"
    doc.save(str(path))
    messages = [p.message for p in check(path)]
    assert "(bảng 1, hàng 2, cột 1)" in messages[0] and "(đầu trang)" in messages[1]


def test_all_problems_are_returned(tmp_path):
    path = make(tmp_path, "{{ ten_co_quann }}", [("{{ n", None), ("am }}", True)],
                "{{ nam|chu_thichh }}", "{%p for d in thuan_loi %}", "{{ d }}",
                header="{{ so_ky_hieuu }}")
    assert codes(check(path)) == [
        ("unknown-variable", "{{ ten_co_quann }}"),
        ("split-tag", "{{ nam }}"),
        ("unknown-filter", "{{ nam|chu_thichh }}"),
        ("syntax", "{%p for d in thuan_loi %}"),
        ("unknown-variable", "{{ so_ky_hieuu }}"),
    ]

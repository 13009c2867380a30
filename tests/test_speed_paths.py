"""What issue 5's speed rests on, kept true: both readers agree, the worker count changes
nothing, and light commands do not import heavy libraries."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from benchmarks.synthetic import make_agency
from pipeline import cells, job
from pipeline.documents import decision_report, report
from pipeline.figures import decisions
from pipeline.reading import package, read, validate
from tests.conftest import ROOT
from tests.test_preflight import make

INPUTS = sorted((ROOT / "input").glob("*.xlsx"))


def openpyxl_book(path) -> read.RawBook:
    """The same workbook read by openpyxl, cleaned as the calamine path cleans its values."""
    wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    sheets = {}
    for ws in wb.worksheets:
        if cells.key(ws.title) in package.READ_SHEETS:
            rows = [[read._clean(v) for v in row] for row in ws.iter_rows(values_only=True)]
            width = max((len(r) for r in rows), default=0)
            sheets[cells.text(ws.title)] = [r + [None] * (width - len(r)) for r in rows]
    return read.RawBook(path.name, path, sheets)


def trimmed(grid):
    """A grid without trailing empty rows and columns (readers differ on the used range)."""
    rows = [list(r) for r in grid]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    width = max((max((i + 1 for i, v in enumerate(r) if v is not None), default=0)
                 for r in rows), default=0)
    return [r[:width] + [None] * (width - len(r[:width])) for r in rows]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_calamine_and_openpyxl_read_the_same_values(path):
    fast, slow = read.read_book(path), openpyxl_book(path)
    assert set(fast.sheets) == set(slow.sheets)
    for name in fast.sheets:
        a, b = trimmed(fast.sheets[name]), trimmed(slow.sheets[name])
        assert a == b, name
        types = {type(v) for row in a for v in row if v is not None}
        assert types <= {str, int, float, date, datetime}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_both_readers_give_the_same_records(path):
    fast, _ = validate.parse_book(read.read_book(path))
    slow, _ = validate.parse_book(openpyxl_book(path))
    assert fast == slow


def test_results_do_not_depend_on_the_number_of_processes(tmp_path, monkeypatch):
    folder = make_agency(tmp_path / "in", units=6, people=4)
    runs = []
    for parallel_from in (10**6, 1):  # never, always
        monkeypatch.setattr(job, "PARALLEL_MIN", parallel_from)
        outcome = job.Outcome()
        books = job.load(folder, lambda *a: None, outcome)
        runs.append((books, outcome.issues))
    assert runs[0] == runs[1]
    assert len(runs[0][0]) == 7


@pytest.mark.parametrize(("args", "absent"), [
    (["--help"], {"pandas", "numpy", "docxtpl", "xlsxwriter", "python_calamine"}),
    (["check"], {"docxtpl", "xlsxwriter", "openpyxl"}),  # it counts with pandas (issue 12)
])
def test_light_commands_do_not_import_heavy_libraries(args, absent):
    found = loaded(args)
    assert not (found & absent), found & absent


def test_a_run_without_problems_in_cells_does_not_import_openpyxl(tmp_path):
    """openpyxl writes only the send-back copies, which the sample's run does not need."""
    found = loaded(["--output", str(tmp_path)])
    assert "openpyxl" not in found and {"docxtpl", "xlsxwriter"} <= found
    assert (tmp_path / "2023" / "bao_cao_thi_dua_2023.docx").is_file()
    assert not (tmp_path / "2023" / job.CHECKS_FOLDER).exists()


def loaded(args: list[str]) -> set[str]:
    """The top-level modules imported by `python run.py <args>`, in a fresh process."""
    code = ("import sys\nfrom pipeline.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return set(done.stdout.split("\n")[-2].split())


def test_each_template_is_checked_once_however_many_documents_it_makes(tmp_path, monkeypatch,
                                                                        cfg):
    """The sample writes the report, three decisions, the biên bản and the tờ trình: six
    documents from four templates (no báo cáo thành tích: its one proposal was declined)."""
    checked = []
    real = report.check_template
    monkeypatch.setattr(report, "check_template", lambda path, *a: checked.append(path.name)
                        or real(path, *a))
    report._checked.cache_clear()
    outcome = job.run(ROOT / "input", tmp_path, cfg, lambda *a: None)
    assert len([p for p in outcome.written if p.suffix == ".docx"]) == 6
    assert sorted(checked) == ["mau_bao_cao.docx", "mau_bien_ban.docx", "mau_quyet_dinh.docx",
                               "mau_to_trinh.docx"]


@pytest.mark.parametrize(("value", "xml"), [
    ("một\ndòng\tnữa", '<w:t xml:space="preserve">một</w:t><w:br/><w:t xml:space="preserve">'
                      'dòng</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">nữa'),
    ("một dòng", '<w:r><w:rPr/><w:t xml:space="preserve">một dòng</w:t></w:r></w:p>'),
])
def test_line_breaks_and_tabs_in_a_value_become_words_own_with_or_without_them(tmp_path, value,
                                                                               xml):
    """report.Template leaves out docxtpl's resolve_listing only when it has nothing to do."""
    doc = report.Template(str(make(tmp_path, "{{ nam }}")))
    doc.render({"nam": value}, report.jinja_env(), autoescape=True)
    body = etree.tostring(doc.docx.element.body, encoding="unicode")
    assert xml in body


PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/"
                       "PchI7wAAAABJRU5ErkJggg==")  # one white pixel


def rendered(template_class, path, context) -> bytes:
    """word/document.xml of `path` rendered by `template_class` in the report's environment."""
    doc = template_class(str(path))
    doc.render(context, report.jinja_env(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return zipfile.ZipFile(buffer).read("word/document.xml")


def test_the_shipped_decision_renders_as_docxtpl_itself_renders_it(cfg):
    """report.Template's own passes (no cell count without {%tc %}, the rendered body parsed in
    a copy of the root instead of moved into the old one) change no byte of the document."""
    outcome = job.check(ROOT / "input", cfg, lambda *a: None)
    made = decisions.build(outcome.data, outcome.figures, cfg.ho_so, cfg.rules, date(2024, 1, 15))
    first = next(d for d in made.decisions if d.written)
    context = decision_report.build_context(first, made, outcome.data, date(2024, 1, 15))
    ours = rendered(report.Template, cfg.ho_so.mau_quyet_dinh, context)
    assert ours == rendered(DocxTemplate, cfg.ho_so.mau_quyet_dinh, context)
    assert b"xmlns" not in ours.split(b"<w:body", 1)[1]  # the root's namespaces, declared once
    assert "Đinh Văn Dũng".encode() in ours


def test_a_template_with_tc_loops_and_a_page_colour_renders_as_docxtpl_renders_it(tmp_path):
    """The other paths: {%tc %} columns evened by docxtpl's fix_tables; the document's
    background (a sibling of the body) kept; pictures' ids renumbered."""
    doc = Document()
    background = OxmlElement("w:background")
    background.set(qn("w:color"), "FFFF00")
    doc.element.insert(0, background)
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("{%tc for c in cot %}", "{{ c }}",
                                                "{%tc endfor %}"), strict=True):
        cell.text = text
    doc.add_paragraph("{{ nam }}")
    for _ in range(2):
        doc.add_picture(io.BytesIO(PNG))
    with_tc = tmp_path / "tc.docx"
    doc.save(str(with_tc))
    table._tbl.getparent().remove(table._tbl)
    without = tmp_path / "plain.docx"
    doc.save(str(without))
    context = {"cot": ["một", "hai", "ba", "bốn"], "nam": 2023}
    for path in (with_tc, without):
        ours = rendered(report.Template, path, context)
        assert ours == rendered(DocxTemplate, path, context)
        assert b'<w:background w:color="FFFF00"/>' in ours and b">2023<" in ours
        ids = re.findall(rb'<wp:docPr id="(\d+)"', ours)
        assert ids == [b"1001", b"1002"]  # docxtpl numbers pictures from 1001
    assert rendered(report.Template, with_tc, context).count(b"<w:gridCol") == 4
